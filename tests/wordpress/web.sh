#!/usr/bin/env bash
# Stops or starts only the php server of a test WordPress (the database keeps running), to
# test a site that goes away in the middle of a publish. Usage: web.sh stop|start DIR
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$HERE/lib.sh"
case "${1:-}" in
  stop) wp_stop_web "$2" ;;
  start) wp_start_web "$2" ;;
  *) echo "usage: web.sh stop|start DIR" >&2; exit 2 ;;
esac
