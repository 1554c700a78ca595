#!/usr/bin/env bash
# Prints Yttra's speed and size numbers: native document generation for a large case, and the
# size of the browser app. Goals live here as numbers, not as timed tests.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

say "Native: första yttrande of a large case (cargo bench -p docgen)"
# The benchmark also writes its large case and its test template for the browser benchmark below.
large_case="$(mktemp --suffix=.json)"
template="$(mktemp --suffix=.dotx)"
# Without docgen's default `cli` feature: the benchmark needs no command-line tool, and cargo
# would otherwise build and link the CLI (and its PDF reader) for it, at opt-level 3.
YTTRA_LARGE_CASE="$large_case" YTTRA_BENCH_TEMPLATE_OUT="$template" cargo bench --locked -p docgen --no-default-features --bench render

say "Browser app size"
[ -f dist/pkg/first_screen_bg.wasm ] || bash scripts/build-web.sh
gzipped() { gzip -9 -c "$@" | wc -c; }
for wasm in dist/pkg/first_screen_bg.wasm dist/app/frontend_bg.wasm dist/generator/generator_bg.wasm; do
  echo "${wasm}: $(stat -c %s "$wasm") bytes raw, $(gzipped "$wasm") bytes gzip -9"
done
# What the page fetches before the start page is usable: the page, its style, the start-up
# script and the start page's module (glue, snippets, WebAssembly), each gzipped on its own.
first_screen=0
for file in dist/index.html dist/style.css dist/app.js dist/pkg/first_screen.js dist/pkg/first_screen_bg.wasm $(find dist/pkg/snippets -name '*.js'); do
  first_screen=$(( first_screen + $(gzipped "$file") ))
done
echo "first screen (page, style, start-up script, start page module): ${first_screen} bytes gzip -9 (goal: under 350 KB)"

say "Browser: start page and large DOCX in Debian's Chromium"
ensure_browser
ensure_node_tools
# The report import's PDFs, made with LibreOffice from the reference texts (as the tests do).
apt_install libreoffice-writer-nogui pandoc poppler-utils
ensure_python_tools
pdfs=tests/output/e2e/report-pdfs
.venv/bin/python tests/fixtures/report_pdfs.py "$pdfs" >/dev/null
node tests/e2e/bench.mjs "$large_case" "$pdfs/rapport-sr-2020-83.pdf" "$pdfs/missiv-sr-2020-83.pdf" "$template"
rm -f "$large_case" "$template"
