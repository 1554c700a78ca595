#!/usr/bin/env bash
# Runs every test of Yttra. Installs what is missing first: Debian's Chromium, LibreOffice,
# pandoc and poppler (apt), the pinned Python consumers (.venv), the pinned npm tools, the wasm32
# target and the pinned wasm-bindgen-cli. Safe to run again; it skips what is already there.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_browser
apt_install libreoffice-writer-nogui python3-uno pandoc poppler-utils
ensure_python_tools
ensure_node_tools
ensure_wasm_target

say "Formatting and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings

say "Crate boundaries: the pure crates use no browser crate"
# That they build for wasm32 is shown by the browser build below, which compiles schemas and
# app-core into the app and docgen into the generator.
# getrandom is pruned: zip 9 (under rust_xlsxwriter) depends on it on wasm32 with its
# JavaScript backend, used only for AES-encrypted archives, which Yttra never writes.
for crate in schemas docgen app-core; do
  leaked=$(cargo tree --locked -p "$crate" -e normal --prefix none --target all --prune getrandom \
    | awk '{print $1}' | grep -xE 'web-sys|js-sys|yew|gloo|wasm-bindgen' || true)
  if [ -n "$leaked" ]; then
    echo "$crate must stay pure but depends on: $leaked" >&2
    exit 1
  fi
done

# The first screen must not carry the document generator: the app's crate links neither docx-rs
# nor zip (they live in the generator module, loaded on demand), whatever dead-code elimination
# would have removed.
linked=$(cargo tree --locked -p frontend -e normal --prefix none --target wasm32-unknown-unknown \
  | awk '{print $1}' | grep -xE 'docx-rs|zip|docgen' || true)
if [ -n "$linked" ]; then
  echo "frontend must not link the document generator, but depends on: $linked" >&2
  exit 1
fi

say "Rust tests (model, validation, documents, golden files, CLI)"
cargo test --workspace --locked
# The CLI the consumer and e2e tests run: cargo test built it for docgen's own tests (with the
# workspace's features; a `cargo build -p docgen` would build it again with docgen's alone).
export YTTRA_DOCGEN="$ROOT/target/debug/docgen"
[ -x "$YTTRA_DOCGEN" ] || { echo "cargo test did not build $YTTRA_DOCGEN" >&2; exit 1; }

say "Fuzzing the importers (case JSON, framework CSV/JSON, DOCX read-back, paste, report text): ${FUZZ_SECONDS:-30}s each with libFuzzer, fails on any crash"
bash scripts/fuzz.sh

say "Building the browser app"
bash scripts/build-web.sh

say "Real consumers of the documents: LibreOffice, pandoc, python-docx, openxml-audit"
.venv/bin/pytest tests/consumers -q

say "End-to-end in Debian's Chromium (screenshots in tests/output/screenshots)"
node --test tests/e2e/
