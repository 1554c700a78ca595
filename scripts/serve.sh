#!/usr/bin/env bash
# Builds the app and serves it on this machine: open the printed address in a browser.
# Installs what is missing first (wasm32 target, pinned wasm-bindgen-cli, pinned npm tools).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

bash scripts/build-web.sh
port="${PORT:-8080}"
say "Yttra runs at http://127.0.0.1:${port}/ (stop with Ctrl+C)"
exec python3 scripts/serve.py "$port" dist
