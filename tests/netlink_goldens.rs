//! Replays the request/reply captures recorded from the real kernel
//! (tests/netlink/golden/*.json, made by tests/netlink/record.py) through
//! `Socket::send` and requires the same reply bytes, message by message.

mod support;

use std::path::Path;

use serde_json::Value;
use support::replay::run_case;

fn golden_files() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/netlink/golden");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn kernel_goldens_replay_byte_for_byte() {
    let files = golden_files();
    assert!(!files.is_empty(), "no golden files under tests/netlink/golden");
    let mut failures: Vec<(String, String)> = Vec::new();
    let (mut cases, mut exchanges) = (0, 0);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        for case in doc["cases"].as_array().into_iter().flatten() {
            cases += 1;
            match run_case(case) {
                Ok(n) => exchanges += n,
                Err(e) => failures.push((case["name"].as_str().unwrap_or("?").to_string(), e)),
            }
        }
    }
    eprintln!("{cases} cases, {exchanges} exchanges replayed in full");
    let gaps = support::known_gaps(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/netlink/known-gaps.txt"));
    if let Some(msg) = support::check_gaps("golden cases", &failures, &gaps, cases) {
        panic!("{msg}");
    }
}
