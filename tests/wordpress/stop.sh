#!/usr/bin/env bash
# Stops a WordPress started by start.sh and removes everything it made: the php server's
# process group, MariaDB, the instance folder and its /etc/wordpress config. Usage: stop.sh DIR
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$HERE/lib.sh"
R="${1:?usage: stop.sh DIR (the \"dir\" start.sh printed)}"
case "$R" in */newsdesk-wp.*) ;; *) echo "stop.sh: $R is not a test WordPress folder" >&2; exit 2 ;; esac
[ -d "$R" ] || exit 0
wp_stop_web "$R"
wp_stop_db "$R"
if [ -s "$R/id" ]; then rm -f "/etc/wordpress/config-$(cat "$R/id").php"; fi
rm -rf "$R"
