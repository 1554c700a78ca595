#!/usr/bin/env bash
# Prints Yttra's speed and size numbers: native document generation for a large case, and the
# size of the browser app. Goals live here as numbers, not as timed tests.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

say "Native: första yttrande of a large case (cargo bench -p docgen)"
cargo bench --locked -p docgen --bench render

say "Browser app size"
[ -f dist/pkg/frontend_bg.wasm ] || bash scripts/build-web.sh
raw=$(stat -c %s dist/pkg/frontend_bg.wasm)
gz=$(gzip -9 -c dist/pkg/frontend_bg.wasm | wc -c)
js=$(stat -c %s dist/pkg/frontend.js)
echo "frontend_bg.wasm: ${raw} bytes raw, ${gz} bytes gzip -9; frontend.js: ${js} bytes"
