//! Every input the fuzzers keep — the seed corpora (`fuzz/seeds/<target>/`) and the inputs that
//! once crashed or blew up an importer (`fuzz/regressions/<target>/`) — run through the same
//! calls as the fuzz targets, on stable and without libFuzzer: none may panic. A Swedish error
//! is the right answer to most of them. The fuzzers themselves run in `scripts/fuzz.sh`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[path = "../../fuzz/src/lib.rs"]
mod targets;

/// Each input well within a second, even in a debug build: the fuzzers run in `-timeout=10`.
const SLOW: Duration = Duration::from_secs(5);

fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz")
        .join(kind)
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_kept_fuzz_input_is_read_without_a_panic() {
    for &targets::Target {
        name: target,
        run,
        max_len,
    } in targets::TARGETS
    {
        let target_seeds = inputs("seeds", target);
        assert!(
            !target_seeds.is_empty(),
            "fuzz/seeds/{target}/ has no seed inputs"
        );
        let regressions = inputs("regressions", target);
        for (path, is_seed) in target_seeds
            .iter()
            .map(|path| (path, true))
            .chain(regressions.iter().map(|path| (path, false)))
        {
            let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            // libFuzzer cuts longer inputs to -max_len, so a seed longer would not be read whole.
            assert!(
                !is_seed || data.len() <= max_len,
                "{}: {} bytes, more than the target's -max_len {max_len}",
                path.display(),
                data.len()
            );
            let start = Instant::now();
            run(&data);
            assert!(
                start.elapsed() < SLOW,
                "{} took {:?}",
                path.display(),
                start.elapsed()
            );
        }
    }
}

/// `scripts/fuzz.sh` runs every target with the `-max_len` the seeds are checked against here.
#[test]
fn the_fuzz_script_runs_every_target_with_its_max_len() {
    let script =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/fuzz.sh"))
            .expect("scripts/fuzz.sh");
    for &targets::Target {
        name: target,
        max_len,
        ..
    } in targets::TARGETS
    {
        let entry = format!("{target}:{max_len}");
        assert!(
            script.contains(&entry),
            "scripts/fuzz.sh must list {entry} in TARGETS"
        );
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("../fuzz/fuzz_targets/{target}.rs"))
                .is_file(),
            "fuzz/fuzz_targets/{target}.rs"
        );
    }
}

/// What a generated input is, the importer it goes through, and its bytes.
type Generated = (&'static str, fn(&[u8]), Vec<u8>);

/// Inputs that once made an importer slow or greedy, too large to keep as files (megabytes of
/// repeated lines): made here instead, and run with the same limit.
fn generated_regressions() -> Vec<Generated> {
    let paste = targets::paste as fn(&[u8]);
    let framework = targets::framework_file as fn(&[u8]);
    vec![
        // Each wrapped line was joined by copying the whole text so far (quadratic).
        (
            "paste: a bullet, then 400 000 wrapped lines",
            paste,
            format!("\u{2022} a\n{}", "bb\n".repeat(400_000)).into_bytes(),
        ),
        (
            "paste: an introduction, then 400 000 one-letter lines",
            paste,
            format!("A\n{}", "b\n".repeat(400_000)).into_bytes(),
        ),
        (
            "paste: 400 000 unmarked lines",
            paste,
            "bb\n".repeat(400_000).into_bytes(),
        ),
        // Every blank row was held before it was left out (775 MB for 5 MB of line breaks).
        (
            "framework file: a million blank lines",
            framework,
            "\n".repeat(1 << 20).into_bytes(),
        ),
    ]
}

#[test]
fn the_generated_regressions_are_read_in_time() {
    for (what, run, data) in generated_regressions() {
        let start = Instant::now();
        run(&data);
        assert!(start.elapsed() < SLOW, "{what} took {:?}", start.elapsed());
    }
}
