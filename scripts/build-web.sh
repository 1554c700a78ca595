#!/usr/bin/env bash
# Builds the browser app into dist/: release wasm, wasm-bindgen glue, wasm-opt -Oz, static files.
# dist/ is plain static files: serve it from any web server, or copy it to an intranet.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_wasm_target
ensure_wasm_bindgen
ensure_node_tools

say "Building the app (release, wasm32)"
cargo build --release --locked --target wasm32-unknown-unknown -p frontend

rm -rf dist
mkdir -p dist/pkg
wasm-bindgen --target web --no-typescript --out-dir dist/pkg \
  target/wasm32-unknown-unknown/release/frontend.wasm
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  dist/pkg/frontend_bg.wasm -o dist/pkg/frontend_bg.wasm
cp index.html dist/
cp frontend/static/* dist/

raw=$(stat -c %s dist/pkg/frontend_bg.wasm)
gz=$(gzip -9 -c dist/pkg/frontend_bg.wasm | wc -c)
say "Built dist/ — wasm ${raw} bytes raw, ${gz} bytes gzip -9"
