//! The real iproute2 (`/sbin/ip`, `/sbin/bridge`) through the preload shim
//! (preload/): every conformance scenario must print what Linux printed
//! (tests/golden), except the known gaps of tests/preload/known-gaps.txt, and
//! `ip monitor all` must print what another `ip` process causes.
//!
//! Skipped (passing) when /sbin/ip is missing or network namespaces cannot
//! be created (the runs happen inside `unshare --net --mount`).

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Builds the shim (`cargo build -p iplab-preload`, in the shared target
/// directory: `cargo test` does not hold its lock while tests run).
fn build_shim() -> PathBuf {
    let dir = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root().join("target"));
    let status = Command::new(env!("CARGO")).args(["build", "-p", "iplab-preload"]).current_dir(root()).status().expect("cargo runs");
    assert!(status.success(), "cargo build -p iplab-preload failed");
    dir.join("debug/libiplab_preload.so")
}

fn usable() -> bool {
    // The project's test command runs the same suites through
    // scripts/test-preload.sh, which counts them; it sets this to skip here.
    if std::env::var_os("IPLAB_PRELOAD_SUITE_SEPARATE").is_some() {
        eprintln!("skipped: scripts/test-preload.sh runs these suites");
        return false;
    }
    let ip = std::path::Path::new("/sbin/ip").exists();
    let ns = Command::new("unshare").args(["--net", "--mount", "true"]).status().is_ok_and(|s| s.success());
    if !ip || !ns {
        // In CI a suite that cannot run is a failure, never a silent pass.
        assert!(std::env::var_os("CI").is_none(), "the preload suites cannot run in CI: they need /sbin/ip and unshare --net --mount");
        eprintln!("skipped: needs /sbin/ip and unshare --net --mount");
    }
    ip && ns
}

fn run(script: &str, lib: &PathBuf) {
    let out = Command::new("bash")
        .arg(root().join(script))
        .env("IPLAB_PRELOAD_LIB", lib)
        .env("IPLAB_BIN", env!("CARGO_BIN_EXE_iplab"))
        .output()
        .expect("bash runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{script} failed:\n{text}\n{}", String::from_utf8_lossy(&out.stderr));
    eprintln!("{}", text.lines().last().unwrap_or(""));
}

#[test]
fn real_iproute2_through_the_shim() {
    if !usable() {
        return;
    }
    let lib = build_shim();
    run("tests/preload/scenarios.sh", &lib);
    run("tests/preload/monitor.sh", &lib);
}
