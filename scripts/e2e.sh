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

run() {
  # WebKitWebDriver listens on its own port: runs side by side need different ones.
  tauri-driver --port "$PORT" --native-port "${TAURI_NATIVE_PORT:-4445}" > "$ROOT/artifacts/tauri-driver.log" 2>&1 &
  DRIVER_PID=$!
  trap 'kill "$DRIVER_PID" 2>/dev/null || true; pkill -P "$DRIVER_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do
    (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
    sleep 0.1
  done
  (cd "$ROOT/tests/e2e" && node --test --test-concurrency=1 ./*.test.mjs)
}

if [ -z "${DISPLAY:-}" ]; then
  # Re-run this script inside a virtual display.
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi
run
