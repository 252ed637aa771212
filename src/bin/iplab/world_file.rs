//! `iplab --world FILE PROGRAM [ARG...]`: runs one of iplab's own packet
//! programs (`ping`, `traceroute`) on the world that a preload shim's state
//! file (`IPLAB_STATE`, preload/README.md) holds, in the namespace
//! `IPLAB_NETNS` names, and appends what it did to the file.
//!
//! The shim leaves inet sockets to the host, so the real `ping` cannot reach
//! a world; this is how a transcript mixes the real `ip`, `nft` and
//! `iptables` (through the shim) with packets sent through the same world.
//! The file is read and written under the shim's lock (`FILE.lock`, flock)
//! and replaced atomically, as `preload/src/store.rs` does. The world's
//! clock follows the wall clock as the shim's does (`preload/src/shim.rs`,
//! `follow_wall_clock`): first moved on by the time since the file's
//! modification time, which is saved as the instant the clock has reached
//! (unless `IPLAB_CLOCK=virtual`).

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use iplab::World;
use iplab::history::{Op, Snapshot};
use iplab::host::Host;
use iplab::output::Output;

/// The programs this mode runs: those whose run the world's history keeps.
pub const PROGRAMS: [&str; 2] = ["ping", "traceroute"];

/// Runs `argv` (program and arguments) on the world in `path`; the exit
/// status, printing `iplab: ...` and returning 1 or 2 on failure.
pub fn run(path: &str, argv: &[String], emit: impl Fn(&Output)) -> i32 {
    let Some((name, args)) = argv.split_first() else {
        eprintln!("iplab: --world needs a program (one of {})", PROGRAMS.join(", "));
        return 2;
    };
    if !PROGRAMS.contains(&name.as_str()) {
        eprintln!("iplab: --world runs {} only, not {name}", PROGRAMS.join(" and "));
        return 2;
    }
    match run_locked(Path::new(path), name, args) {
        Ok((status, out)) => {
            emit(&out);
            status
        }
        Err(msg) => {
            eprintln!("iplab: {path}: {msg}");
            1
        }
    }
}

fn run_locked(path: &Path, name: &str, args: &[String]) -> Result<(i32, Output), String> {
    let mut lock_path = path.as_os_str().to_owned();
    lock_path.push(".lock");
    let lock = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(&lock_path).map_err(|e| format!("lock: {e}"))?;
    lock_exclusive(&lock).map_err(|e| format!("lock: {e}"))?;
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Snapshot::default().to_text(),
        Err(e) => return Err(format!("cannot read: {e}")),
    };
    let before = Snapshot::from_text(&text).map_err(|e| format!("corrupt state: {e}"))?;
    let mut world = World::restore(&before);
    // The wall-clock instant and the world's clock at it (see the module doc).
    let anchor = follows_wall_clock().then(|| {
        let now = SystemTime::now();
        let at = std::fs::metadata(path).and_then(|m| m.modified()).unwrap_or(now);
        let behind = now.duration_since(at).map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
        if behind > 0 {
            world.apply(&[Op::Advance(behind)]);
        }
        (at + Duration::from_millis(behind), world.with_net(|n| n.now_ms))
    });
    let netns = std::env::var("IPLAB_NETNS").ok().filter(|n| !n.is_empty());
    if let Some(ns) = &netns {
        world.set_current_netns(Some(ns)).map_err(|_| format!("namespace {ns}: No such file or directory"))?;
    }
    let mut out = Output::new();
    let status = world.run_program(name, args, &mut out).unwrap_or(127);
    let after = world.snapshot();
    let added = after.ops.get(before.ops.len()..).unwrap_or(&[]);
    if !added.is_empty() {
        let grown = Snapshot::append_to_text(&text, added).unwrap_or_else(|_| after.to_text());
        let reached = anchor.map(|(at, ms)| at + Duration::from_millis(world.with_net(|n| n.now_ms).saturating_sub(ms)));
        save(path, &grown, reached).map_err(|e| format!("cannot save: {e}"))?;
    }
    drop(lock);
    Ok((status, out))
}

/// `flock(LOCK_EX)`, the lock the shim takes (blocks while another
/// process holds it; released when the file closes).
#[cfg(unix)]
fn lock_exclusive(file: &File) -> std::io::Result<()> {
    use std::os::unix::io::AsRawFd;
    unsafe extern "C" {
        fn flock(fd: std::ffi::c_int, operation: std::ffi::c_int) -> std::ffi::c_int;
    }
    const LOCK_EX: std::ffi::c_int = 2;
    loop {
        // SAFETY: flock takes a descriptor and a flag; `file` keeps the descriptor open.
        if unsafe { flock(file.as_raw_fd(), LOCK_EX) } == 0 {
            return Ok(());
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// Without flock, the file is used unlocked.
#[cfg(not(unix))]
fn lock_exclusive(_: &File) -> std::io::Result<()> {
    Ok(())
}

/// Whether the world's clock follows the wall clock (not with
/// `IPLAB_CLOCK=virtual`).
fn follows_wall_clock() -> bool {
    std::env::var_os("IPLAB_CLOCK").is_none_or(|v| v != "virtual")
}

/// Replaces the file whole: a temporary file (its modification time set to
/// `clock` when given), then a rename.
fn save(path: &Path, text: &str, clock: Option<SystemTime>) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".tmp.{}", std::process::id()));
    let tmp = PathBuf::from(tmp);
    let mut f = File::create(&tmp)?;
    f.write_all(text.as_bytes())?;
    if let Some(t) = clock {
        f.set_modified(t)?;
    }
    drop(f);
    std::fs::rename(&tmp, path)
}
