#![no_main]
// What the input goes through is in src/lib.rs, shared with the main workspace's regression test.
libfuzzer_sys::fuzz_target!(|data: &[u8]| yttra_fuzz::report_text(data));
