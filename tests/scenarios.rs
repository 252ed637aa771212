//! Runs every tests/scenarios/*.sh through the iplab shell on a fresh world
//! and requires the transcript recorded from Linux (tests/golden/*.out),
//! after the one documented normalisation filter (tests/record/normalize.sed).

mod support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use iplab::World;
use iplab::output::Output;
use iplab::shell::Shell;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The transcript format of tests/record/record-scenarios.sh: each command
/// as `$ LINE`, then what it printed, then `[exit N]` when N is not 0.
pub fn transcript(script: &str) -> String {
    let mut shell = Shell::new(Box::new(World::new()));
    let mut out = String::new();
    for line in script.lines() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        out.push_str(&format!("$ {line}\n"));
        // The recorder runs every command on a pseudo-terminal.
        let mut o = Output::terminal();
        let status = shell.run_line(line, &mut o);
        out.push_str(&o.combined());
        if status != 0 {
            out.push_str(&format!("[exit {status}]\n"));
        }
    }
    out
}

/// Applies tests/record/normalize.sed with the system's sed. A filter that
/// cannot run fails the test: comparing unfiltered text would fail for the
/// wrong reason, or pass where the filter would have hidden nothing.
fn normalise(text: &str) -> String {
    let filter = root().join("tests/record/normalize.sed");
    let mut child = Command::new("sed")
        .arg("-E")
        .arg("-f")
        .arg(&filter)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("sed -E -f {} cannot run: {e}", filter.display()));
    let mut stdin = child.stdin.take().expect("piped stdin");
    // Written from a thread so that a large text cannot fill both pipes.
    let input = text.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("sed's output");
    writer.join().expect("writer thread").expect("writing to sed");
    assert!(out.status.success(), "sed -E -f {} failed: {}", filter.display(), out.status);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn scenarios() -> Vec<PathBuf> {
    let dir = root().join("tests/scenarios");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "sh")).collect())
        .unwrap_or_default();
    v.sort();
    v
}

fn golden_for(script: &Path) -> PathBuf {
    let stem = script.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    root().join("tests/golden").join(format!("{stem}.out"))
}

#[test]
fn scenarios_match_linux_transcripts() {
    let all = scenarios();
    assert!(!all.is_empty(), "no scenarios under tests/scenarios");
    let mut failures: Vec<(String, String)> = Vec::new();
    for script in &all {
        let name = script.file_stem().and_then(|s| s.to_str()).unwrap_or("?").to_string();
        let Ok(expected) = std::fs::read_to_string(golden_for(script)) else {
            failures.push((name.clone(), format!("{name}: no golden file")));
            continue;
        };
        let text = std::fs::read_to_string(script).unwrap_or_default();
        let actual = normalise(&transcript(&text));
        let expected = normalise(&expected);
        if actual != expected {
            let e: Vec<String> = expected.lines().map(str::to_string).collect();
            let a: Vec<String> = actual.lines().map(str::to_string).collect();
            failures.push((name.clone(), format!("{name}:\n{}", support::diff_lines(&e, &a))));
        }
    }
    let gaps = support::known_gaps(&root().join("tests/golden/known-gaps.txt"));
    if let Some(msg) = support::check_gaps("scenarios", &failures, &gaps, all.len()) {
        panic!("{msg}");
    }
}

/// Whether a command line asks `ip` for JSON (`-j`, `-json`, or `-j` among
/// other single-dash options before the object).
fn wants_json(line: &str) -> bool {
    let mut words = line.split_whitespace();
    // A netns exec's command and a pipeline's filters print their own text.
    if words.next() != Some("ip") || line.contains('|') || line.split_whitespace().any(|w| w == "exec") {
        return false;
    }
    words.take_while(|w| w.starts_with('-')).any(|w| w == "-j" || w == "-json" || w == "-js" || w == "-jso")
}

#[test]
fn every_json_output_parses() {
    let mut checked = 0;
    let mut bad = Vec::new();
    for script in scenarios() {
        let text = std::fs::read_to_string(&script).unwrap_or_default();
        let mut shell = Shell::new(Box::new(World::new()));
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let mut o = Output::new();
            let status = shell.run_line(line, &mut o);
            let out = o.stdout();
            // A failed dump leaves iproute2's JSON unfinished (as on Linux).
            if !wants_json(line) || status != 0 || out.trim().is_empty() {
                continue;
            }
            checked += 1;
            if let Err(e) = serde_json::from_str::<serde_json::Value>(&out) {
                bad.push(format!("{}: {line}\n  {e}\n  {out}", script.display()));
            }
        }
    }
    assert!(checked >= 20, "only {checked} JSON outputs in the scenarios");
    assert!(bad.is_empty(), "JSON that does not parse:\n{}", bad.join("\n"));
}
