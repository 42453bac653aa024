#!/usr/bin/env bash
# Installs what Newsdesk needs to build, run and test, skipping what is already there.
# Idempotent; safe on a fresh Debian/Ubuntu machine (run as root or with sudo available).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Build and run: the WebKitGTK stack Tauri needs. Test: Xvfb, the WebDriver for WebKitGTK,
# ImageMagick (screenshots, fixtures), exiftool, cmake/nasm (libjpeg-turbo), and more
# per area (listed in scripts/packages.txt, one per line).
mapfile -t PACKAGES < <(grep -v '^\s*#' "$ROOT/scripts/packages.txt" | grep -v '^\s*$')

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "setup: cargo is missing; install Rust stable (https://rustup.rs) and run this again" >&2
  exit 1
fi
if ! command -v npm >/dev/null; then
  echo "setup: npm is missing; install Node.js 20 or newer and run this again" >&2
  exit 1
fi

npm_install() { # dir
  if [ ! -d "$1/node_modules" ] || [ "$1/package-lock.json" -nt "$1/node_modules/.package-lock.json" ]; then
    echo "setup: npm ci in ${1#"$ROOT"/}"
    # The registry sometimes drops a connection; a failed CI run over one is a waste, so retry.
    local try
    for try in 1 2 3; do
      (cd "$1" && npm ci --no-audit --no-fund --loglevel=error) && return 0
      echo "setup: npm ci in ${1#"$ROOT"/} failed (try $try of 3)" >&2
      sleep $((try * 10))
    done
    return 1
  fi
}
npm_install "$ROOT/ui"
npm_install "$ROOT/tests/e2e"
npm_install "$ROOT/tests/tools"

if ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "setup: cargo install tauri-driver"
  cargo install tauri-driver --locked --quiet
fi
