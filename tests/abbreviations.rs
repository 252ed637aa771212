//! iproute-rs style checks: every abbreviated command in
//! tests/abbreviations/pairs.txt prints exactly what its long form prints,
//! each run on its own copy of the world tests/abbreviations/setup.sh builds.

use std::path::PathBuf;

use iplab::World;
use iplab::output::Output;
use iplab::shell::Shell;

fn file(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/abbreviations").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Runs `line` in a fresh world set up by setup.sh: its output and status.
fn run(setup: &str, line: &str) -> (String, i32) {
    let mut shell = Shell::new(Box::new(World::new()));
    for l in lines(setup) {
        let mut o = Output::new();
        assert_eq!(shell.run_line(l, &mut o), 0, "setup line failed: {l}\n{}", o.combined());
    }
    let mut o = Output::new();
    let status = shell.run_line(line, &mut o);
    (o.combined(), status)
}

#[test]
fn abbreviations_print_what_long_forms_print() {
    let setup = file("setup.sh");
    let pairs = file("pairs.txt");
    let mut checked = 0;
    for pair in lines(&pairs) {
        let (long, short) = pair.split_once('|').unwrap_or_else(|| panic!("not a pair: {pair}"));
        let a = run(&setup, long);
        let b = run(&setup, short);
        assert_eq!(a.1, 0, "{long} failed:\n{}", a.0);
        assert!(!a.0.is_empty(), "{long} printed nothing");
        assert_eq!(a, b, "`{short}` differs from `{long}`");
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} pairs");
}
