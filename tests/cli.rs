//! The `iplab` binary as a user runs it: --help with examples, --version,
//! -x echoing each line of a file, and a file's lines run in order.

use std::process::Command;

fn iplab(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_iplab")).args(args).output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn help_version_and_bad_options() {
    let (st, out, _) = iplab(&["--help"]);
    assert_eq!(st, 0);
    assert!(out.starts_with("usage: iplab [-x] [FILE]"), "{out}");
    assert!(out.contains("Examples:\n  iplab  "), "{out}");
    let (st, out, _) = iplab(&["--version"]);
    assert_eq!((st, out.starts_with("iplab 0.")), (0, true), "{out}");
    let (st, _, err) = iplab(&["--frob"]);
    assert_eq!(st, 2);
    assert!(err.starts_with("iplab: unknown option --frob"), "{err}");
}

#[test]
fn a_file_runs_with_and_without_echo() {
    let dir = std::env::temp_dir().join(format!("iplab-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("lab.sh");
    std::fs::write(&file, "# a comment\nip netns add r\nip -c netns exec r sysctl -w net.ipv4.ip_forward=1\nip link | grep -c mtu\n")
        .expect("write");
    let path = file.to_str().expect("utf-8 path");
    let (st, out, err) = iplab(&[path]);
    assert_eq!((st, out.as_str(), err.as_str()), (0, "net.ipv4.ip_forward = 1\n1\n", ""));
    let (st, out, err) = iplab(&["-x", path]);
    assert_eq!(st, 0);
    assert_eq!(out, "net.ipv4.ip_forward = 1\n1\n");
    assert_eq!(err, "+ ip netns add r\n+ ip -c netns exec r sysctl -w net.ipv4.ip_forward=1\n+ ip link | grep -c mtu\n");
    let _ = std::fs::remove_dir_all(&dir);
}
