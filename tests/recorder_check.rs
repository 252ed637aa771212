//! Re-records a few scenarios on the live kernel with
//! `tests/record/record-scenarios.sh --check` and fails if the committed
//! goldens are stale. It needs root, `unshare`, `script` and iproute2; where
//! any is missing it says so and checks nothing.

use std::path::PathBuf;
use std::process::Command;

/// Scenarios cheap to re-record that touch links, addresses and routes.
const SAMPLE: &[&str] = &["link_show_fresh", "addr_add_basic", "route_show_fresh"];

fn have(cmd: &str) -> bool {
    Command::new("sh").arg("-c").arg(format!("command -v {cmd}")).output().is_ok_and(|o| o.status.success())
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Why the check cannot run here, if it cannot.
fn missing() -> Option<String> {
    if !cfg!(target_os = "linux") {
        return Some("not Linux".into());
    }
    if !is_root() {
        return Some("not root".into());
    }
    ["unshare", "nsenter", "script", "ip", "perl"].iter().find(|c| !have(c)).map(|c| format!("`{c}` is not installed"))
}

#[test]
fn committed_goldens_match_the_live_kernel() {
    if let Some(why) = missing() {
        // In CI a check that cannot run is a failure, never a silent pass.
        assert!(std::env::var_os("CI").is_none(), "the recorder check cannot run in CI: {why}");
        eprintln!("recorder check skipped: {why}");
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out =
        Command::new("bash").arg(root.join("tests/record/record-scenarios.sh")).arg("--check").args(SAMPLE).output().expect("bash runs");
    assert!(
        out.status.success(),
        "the recorder found stale goldens (or failed):\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
