# Functions shared by start.sh, stop.sh and web.sh. Every wait has a timeout.

wp_fail() { # DIR MESSAGE [LOG]
  echo "wordpress: $2" >&2
  if [ -n "${3:-}" ] && [ -f "$3" ]; then cat "$3" >&2; fi
  exit 1
}

wp_require_packages() {
  local missing=()
  [ -f /usr/share/wordpress/wp-load.php ] || missing+=(wordpress)
  command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  command -v php >/dev/null || missing+=(php-cli)
  [[ "$(php -m 2>/dev/null)" == *mysqli* ]] || missing+=(php-mysql)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "wordpress: missing Debian packages: ${missing[*]} (scripts/setup.sh installs them)" >&2
    exit 3
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "wordpress: must run as root (writes /etc/wordpress, runs MariaDB as mysql)" >&2
    exit 4
  fi
}

# Polls COMMAND every 0.1 s for up to SECONDS; fails with what it waited for.
wp_wait() { # WHAT SECONDS COMMAND...
  local what="$1" secs="$2" i
  shift 2
  for ((i = 0; i < secs * 10; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  wp_fail "" "timed out after ${secs}s waiting for the $what"
}

wp_free_port() {
  php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); $n = stream_socket_get_name($s, false); echo substr($n, strrpos($n, ":") + 1);'
}

wp_start_db() { # DIR
  local R="$1" mariadbd
  mariadbd="$(command -v mariadbd || echo /usr/sbin/mariadbd)"
  # Each instance has its own temporary folder: bootstraps running side by side (the tests
  # run in parallel) in the shared /tmp collided on their temporary tables' names
  # ("Could not remove temporary table '/tmp/#sql-temptable-…'", then the install failed).
  mkdir -p "$R/db" "$R/run" "$R/tmp"
  chown mysql:mysql "$R/db" "$R/run" "$R/tmp"
  mariadb-install-db --no-defaults --user=mysql --datadir="$R/db" --tmpdir="$R/tmp" \
    --auth-root-authentication-method=socket --skip-test-db --innodb-log-file-size=8M \
    >"$R/run/install-db.log" 2>&1 || wp_fail "$R" "mariadb-install-db failed" "$R/run/install-db.log"
  setsid "$mariadbd" --no-defaults --user=mysql --datadir="$R/db" --tmpdir="$R/tmp" --socket="$R/run/mysqld.sock" \
    --pid-file="$R/run/mysqld.pid" --log-error="$R/run/mysqld.err" --skip-networking \
    --skip-log-bin --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size=64M </dev/null >/dev/null 2>&1 &
  echo $! >"$R/db.pid"
  wp_wait "database" 60 mariadb-admin --no-defaults --socket="$R/run/mysqld.sock" ping
  openssl rand -hex 16 >"$R/db.password" 2>/dev/null || head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$R/db.password"
  mariadb --no-defaults --socket="$R/run/mysqld.sock" -u root <<SQL || wp_fail "$R" "cannot create the database"
CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'wp'@'localhost' IDENTIFIED BY '$(cat "$R/db.password")';
GRANT ALL ON wordpress.* TO 'wp'@'localhost';
SQL
}

wp_stop_db() { # DIR
  local R="$1" pid
  [ -S "$R/run/mysqld.sock" ] && mariadb-admin --no-defaults --socket="$R/run/mysqld.sock" -u root shutdown >/dev/null 2>&1
  if [ -s "$R/db.pid" ]; then
    pid="$(cat "$R/db.pid")"
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
}

wp_write_config() { # DIR ID PORT
  local R="$1" id="$2" port="$3" keys
  mkdir -p "$R/wp-content/uploads" "$R/wp-content/plugins" "$R/wp-content/themes"
  ln -s /usr/share/wordpress/wp-content/themes/twentytwentythree "$R/wp-content/themes/twentytwentythree"
  keys=""
  for k in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
    keys+="define('$k', '$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')');"$'\n'
  done
  mkdir -p /etc/wordpress
  cat >"/etc/wordpress/config-$id.php" <<PHP
<?php
// A Newsdesk test WordPress in $R; removed by tests/wordpress/stop.sh.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', '$(cat "$R/db.password")');
define('DB_HOST', 'localhost:$R/run/mysqld.sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$keys
define('WP_CONTENT_DIR', '$R/wp-content');
define('WP_CONTENT_URL', 'http://127.0.0.1:$port/wp-content');
define('WP_HOME', 'http://127.0.0.1:$port');
define('WP_SITEURL', 'http://127.0.0.1:$port');
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_DEBUG', false);
PHP
}

wp_start_web() { # DIR
  local R="$1" port id here
  port="$(cat "$R/port")"
  id="$(cat "$R/id")"
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  # Its own process group: stopping kills the workers too, not only the master.
  (cd "$R" && NEWSDESK_WP_ID="$id" NEWSDESK_WP_ROOT="$R" PHP_CLI_SERVER_WORKERS=4 \
    exec setsid php -d upload_max_filesize=64M -d post_max_size=64M -d memory_limit=256M \
    -S "127.0.0.1:$port" -t /usr/share/wordpress "$here/router.php" \
    </dev/null >>"$R/web.log" 2>&1) &
  echo $! >"$R/web.pid"
  wp_wait "php server on port $port" 30 curl -sS -o /dev/null "http://127.0.0.1:$port/wp-includes/version.php"
}

wp_stop_web() { # DIR
  local R="$1" pid
  [ -s "$R/web.pid" ] || return 0
  pid="$(cat "$R/web.pid")"
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$R/web.pid"
}
