#!/usr/bin/env bash
# Starts a private WordPress for the publish tests: MariaDB and `php -S` on 127.0.0.1 at a
# free port, in a fresh temporary folder, installed, with an application password. Prints
# one JSON line {"url","user","password","dir"}; stop it with `stop.sh DIR`.
# Needs Debian's wordpress, mariadb-server, php-cli and php-mysql (scripts/packages.txt) and
# root (the site config goes to /etc/wordpress, MariaDB runs as `mysql`). On any failure it
# removes everything it started and exits non-zero with the reason on stderr.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$HERE/lib.sh"

wp_require_packages
R="$(mktemp -d "${TMPDIR:-/tmp}/newsdesk-wp.XXXXXX")"
chmod 755 "$R"
ok=0
cleanup() { [ "$ok" = 1 ] || "$HERE/stop.sh" "$R" >/dev/null 2>&1 || true; }
trap cleanup EXIT
trap 'exit 1' INT TERM

ID="newsdesk-$(basename "$R" | tr -dc 'a-zA-Z0-9')"
echo "$ID" >"$R/id"
USER_NAME="editor"
wp_start_db "$R"
PORT="$(wp_free_port)"
echo "$PORT" >"$R/port"
wp_write_config "$R" "$ID" "$PORT"
wp_start_web "$R"
PASSWORD="$(cd "$R" && timeout 180 php "$HERE/install.php" "$ID" "127.0.0.1:$PORT" "$USER_NAME" 2>"$R/install.log")" ||
  wp_fail "$R" "the WordPress install failed" "$R/install.log"
URL="http://127.0.0.1:$PORT"
wp_wait "REST API" 60 curl -fsS -o /dev/null -u "$USER_NAME:$PASSWORD" "$URL/wp-json/wp/v2/users/me"
ok=1
printf '{"url":"%s","user":"%s","password":"%s","dir":"%s"}\n' "$URL" "$USER_NAME" "$PASSWORD" "$R"
