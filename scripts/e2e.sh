#!/usr/bin/env bash
# Runs the real-window tests: Xvfb, tauri-driver (WebKitWebDriver underneath), node --test.
# Expects the debug app built (cargo build -p newsdesk-app -p newsdesk-cli) after `npm run build` in ui/.
# Screenshots go to artifacts/screenshots (not committed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
PORT="${TAURI_DRIVER_PORT:-4444}"
export TAURI_DRIVER_PORT="$PORT"
mkdir -p "$ROOT/artifacts/screenshots"

# Test files whose app needs a D-Bus session bus: a second start of the app hands its bundle
# to the running window over D-Bus (single instance). They run with a bus of their own, driver
# and app included; the others run without one, as on a bare CI machine.
BUS_FILES=(./bundle-open.test.mjs)

# Runs the given test files against a tauri-driver of their own.
suite() {
  # WebKitWebDriver listens on its own port: runs side by side need different ones.
  tauri-driver --port "$PORT" --native-port "${TAURI_NATIVE_PORT:-4445}" >> "$ROOT/artifacts/tauri-driver.log" 2>&1 &
  local driver=$!
  trap 'kill "$driver" 2>/dev/null || true; pkill -P "$driver" 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do
    (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
    sleep 0.1
  done
  local status=0
  (cd "$ROOT/tests/e2e" && node --test --test-concurrency=1 "$@") || status=$?
  kill "$driver" 2>/dev/null || true
  pkill -P "$driver" 2>/dev/null || true
  wait "$driver" 2>/dev/null || true
  trap - EXIT
  return "$status"
}

if [ -z "${DISPLAY:-}" ]; then
  # Re-run this script inside a virtual display.
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

if [ "${1:-}" = "--suite" ]; then
  shift
  suite "$@"
  exit
fi

plain=()
cd "$ROOT/tests/e2e"
for f in ./*.test.mjs; do
  [[ " ${BUS_FILES[*]} " == *" $f "* ]] || plain+=("$f")
done
status=0
suite "${plain[@]}" || status=$?
dbus-run-session -- "$ROOT/scripts/e2e.sh" --suite "${BUS_FILES[@]}" || status=$?
exit "$status"
