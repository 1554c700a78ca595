#!/usr/bin/env bash
# Builds the browser app into dist/: release wasm, wasm-bindgen glue, wasm-opt, static files.
# dist/ is plain static files: serve it from any web server, or copy it to an intranet.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_wasm_target
ensure_wasm_bindgen
ensure_node_tools

say "Building the start page, the app and its document generator (release, wasm32)"
cargo build --release --locked --target wasm32-unknown-unknown -p frontend -p generator

# What dist/ is made from. When none of it changed since dist/ was last built (CI runs the
# benchmark, then the tests, each of which builds), the glue, wasm-opt's minute and the
# single file are not made again.
wasm=target/wasm32-unknown-unknown/release
# package-lock.json pins wasm-opt (binaryen) and pdf.js; wasm-bindgen's version writes the glue.
inputs_hash=$( (wasm-bindgen --version; cat "$wasm/first_screen.wasm" "$wasm/frontend.wasm" \
  "$wasm/generator.wasm" index.html frontend/static/* package-lock.json scripts/build-web.sh \
  scripts/lib.sh scripts/single_file.py generator/exports.txt) | sha256sum | cut -d' ' -f1)
built() {
  for file in dist/yttra.html dist/pkg/first_screen_bg.wasm dist/app/frontend_bg.wasm \
    dist/generator/generator_bg.wasm dist/pdfjs/pdf.min.mjs; do
    [ -f "$file" ] || return 1
  done
}
if built && [ "$(cat target/dist.inputs 2>/dev/null)" = "$inputs_hash" ]; then
  say "dist/ is up to date with the built modules and the page's files"
  exit 0
fi

rm -rf dist
mkdir -p dist/pkg dist/app dist/generator
# Three modules: the start page (pkg/, the first screen), the rest of the app (app/, loaded once
# the start page shows) and the generator (generator/, loaded when a document is made or read),
# so the first screen carries neither the app's pages nor docx-rs.
# -Oz for the start page (its size is the first screen's); -O1 for the app and the generator,
# which gzip smaller that way, run as fast and take a minute less to optimise (the measurements
# are in ARCHITECTURE.md, under the generator).
optimise() {
  node_modules/.bin/wasm-opt --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    --enable-simd \
    "$2" "$1" -o "$1"
}
wasm-bindgen --target web --no-typescript --out-dir dist/pkg "$wasm/first_screen.wasm"
wasm-bindgen --target web --no-typescript --out-dir dist/app "$wasm/frontend.wasm"
wasm-bindgen --target web --no-typescript --out-dir dist/generator "$wasm/generator.wasm"
optimise dist/pkg/first_screen_bg.wasm -Oz
optimise dist/app/frontend_bg.wasm -O1
optimise dist/generator/generator_bg.wasm -O1
cp index.html dist/
# The glue's inline snippets are in a folder named by a hash: their preloads are added here.
if [ -d dist/pkg/snippets ]; then
  snippet_preloads=""
  for snippet in $(cd dist && find pkg/snippets -name '*.js' | sort); do
    snippet_preloads+="  <link rel=\"modulepreload\" href=\"./${snippet}\">\n"
  done
  sed -i "s#^  <script type=\"module\" src=\"./app.js\"></script>#${snippet_preloads}&#" dist/index.html
  grep -q 'rel="modulepreload" href="./pkg/snippets/' dist/index.html \
    || { echo "index.html: the snippets' preloads found no place before app.js" >&2; exit 1; }
fi
cp frontend/static/* dist/
# pdf.js (npm pdfjs-dist, pinned in package.json) reads a report's PDF; it is imported only
# when one is opened, so the first screen does not carry it.
mkdir -p dist/pdfjs
cp node_modules/pdfjs-dist/build/pdf.min.mjs node_modules/pdfjs-dist/build/pdf.worker.min.mjs dist/pdfjs/
cp node_modules/pdfjs-dist/LICENSE dist/pdfjs/LICENSE

size_line() {
  printf '%s: %s bytes raw, %s bytes gzip -9' "$1" "$(stat -c %s "$1")" "$(gzip -9 -c "$1" | wc -c)"
}
say "Built dist/ — $(size_line dist/pkg/first_screen_bg.wasm); $(size_line dist/app/frontend_bg.wasm); $(size_line dist/generator/generator_bg.wasm); $(size_line dist/pdfjs/pdf.min.mjs); $(size_line dist/pdfjs/pdf.worker.min.mjs)"

# The same app as one file that works when opened straight from disk (file://).
python3 scripts/single_file.py dist
echo "$inputs_hash" > target/dist.inputs
