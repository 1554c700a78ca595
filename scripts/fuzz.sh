#!/usr/bin/env bash
# Fuzzes every importer of untrusted input with libFuzzer (cargo-fuzz): a case file (JSON), a
# framework file (CSV or JSON), a DOCX read back (whole, and its body's fields), text pasted from a report's PDF, a report's text read for the report import. Each target
# runs FUZZ_SECONDS (default 30) with a memory limit, and the script fails if any of them
# crashes, panics, runs out of memory or takes longer than 10 s on one input. Installs the
# pinned cargo-fuzz first when it is missing.
#
# Stable Rust, no nightly: cargo-fuzz only needs a nightly compiler for its -Z flags, and the one
# it passes by default is -Zsanitizer=address. `--sanitizer none` leaves it out, and every flag
# left (-Cpasses=sancov-module, -Cllvm-args=-sanitizer-coverage-*, --cfg fuzzing,
# -Cdebug-assertions) is a stable codegen option, so the coverage-guided build runs on stable
# 1.95 as it is; no RUSTC_BOOTSTRAP. AddressSanitizer would find little here (`unsafe_code =
# "forbid"` in every crate of the workspace); when wanted, RUSTC_BOOTSTRAP=1 makes stable rustc
# accept -Z flags (it is how Rust builds its own compiler): `RUSTC_BOOTSTRAP=1 cargo fuzz run -s
# address …`. -Zbuild-std (the standard library instrumented too) needs the rust-src component,
# which is not installed, so it is not used.
#
# Found inputs: the growing corpus in fuzz/corpus/<target>/ (not committed), a crash in
# fuzz/artifacts/<target>/ (not committed). Once the crash is fixed, copy it into
# fuzz/regressions/<target>/, where `cargo test --workspace` runs it for ever
# (app-core/tests/fuzz_regressions.rs). Reproduce one: bash scripts/fuzz.sh TARGET FILE.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CARGO_FUZZ_VERSION=0.13.2
FUZZ_SECONDS="${FUZZ_SECONDS:-30}"
# target:-max_len (bytes), a little above each target's largest seed so seeds are read whole.
# app-core/tests/fuzz_regressions.rs holds fuzz/src/lib.rs's TARGETS to this list.
TARGETS=(case_json:32768 framework_file:32768 docx_extract:32768 docx_fields:40960 paste:16384 report_text:16384)

ensure_cargo_fuzz() {
  if [ "$(cargo fuzz --version 2>/dev/null)" = "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then return 0; fi
  say "Installing cargo-fuzz $CARGO_FUZZ_VERSION from crates.io (about 1-2 minutes)"
  cargo install --locked cargo-fuzz --version "=$CARGO_FUZZ_VERSION"
}

# The fuzz crate is its own workspace with its own target directory, whatever the caller's.
unset CARGO_TARGET_DIR
fuzz() { nice -n 19 cargo fuzz "$1" --sanitizer none --target-dir "$ROOT/fuzz/target" "${@:2}"; }

ensure_cargo_fuzz
say "Building the fuzz targets (libFuzzer, coverage-instrumented, stable Rust)"
# cargo-fuzz has no --locked; this refuses a Cargo.lock that would have to change.
cargo metadata --locked --format-version 1 --manifest-path fuzz/Cargo.toml >/dev/null
fuzz build

if [ $# -eq 2 ]; then
  say "Running $1 on $2 once"
  fuzz run "$1" "$2" -- -rss_limit_mb=2048
  exit 0
fi

# One target: libFuzzer's progress goes to its log; the summary is printed by report() below.
fuzz_target() {
  local target="$1" max_len="$2"
  mkdir -p "fuzz/corpus/$target"
  # The first corpus directory receives what the run finds; the seeds and regressions are read.
  # A target without kept regressions has no folder in git (git keeps no empty folders), and
  # libFuzzer stops at a missing one, so only the folders there are are given.
  local inputs=("fuzz/corpus/$target" "fuzz/seeds/$target")
  [ -d "fuzz/regressions/$target" ] && inputs+=("fuzz/regressions/$target")
  fuzz run "$target" "${inputs[@]}" -- \
    -max_total_time="$FUZZ_SECONDS" -rss_limit_mb=2048 -max_len="$max_len" -timeout=10 \
    -dict="fuzz/dictionaries/$target.dict" -print_final_stats=1 2>"fuzz/target/$target.log"
}

# libFuzzer runs on one core: two targets at a time use the machine's two, each for the whole
# FUZZ_SECONDS, so fuzzing takes half the wall time with as many runs per target.
failed=()
pending=("${TARGETS[@]}")
while [ ${#pending[@]} -gt 0 ]; do
  batch=("${pending[@]:0:2}")
  pending=("${pending[@]:2}")
  pids=()
  for entry in "${batch[@]}"; do
    target="${entry%%:*}" max_len="${entry##*:}"
    say "Fuzzing $target for ${FUZZ_SECONDS}s (-max_len=$max_len, -rss_limit_mb=2048)"
    fuzz_target "$target" "$max_len" &
    pids+=($!)
  done
  for i in "${!batch[@]}"; do
    target="${batch[$i]%%:*}"
    log="fuzz/target/$target.log"
    if wait "${pids[$i]}"; then
      echo "$target:"
      grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "$log"
    else
      echo "$target failed; the end of its log:" >&2
      tail -n 40 "$log" >&2
      failed+=("$target")
    fi
  done
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "Fuzzing failed in: ${failed[*]} (a crash, panic, out-of-memory or slow input is saved in fuzz/artifacts/<target>/)" >&2
  exit 1
fi
