//! The pcap files iplab writes (`tcpdump -w`, the `capture` call) read
//! back with the real tcpdump 4.99 (`tcpdump -r`) give the lines iplab's
//! own `tcpdump -r` prints. Skipped when tcpdump is not installed.

use iplab::World;
use iplab::output::Output;
use iplab::shell::Shell;
use std::process::Command;

const SETUP: &[&str] = &[
    "ip netns add h1",
    "ip netns add h2",
    "ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2",
    "ip -n h1 addr add 10.0.0.1/24 dev e1",
    "ip -n h2 addr add 10.0.0.2/24 dev e2",
    "ip -n h1 link set e1 up",
    "ip -n h2 link set e2 up",
    "ip -n h1 link set lo up",
    "ip -n h2 link set lo up",
];

fn run(sh: &mut Shell, line: &str) -> String {
    let mut out = Output::new();
    sh.run_line(line, &mut out);
    out.stdout()
}

fn real_tcpdump(pcap: &[u8], args: &[&str]) -> Option<String> {
    // Tests run in parallel: every file gets its own name.
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!("iplab-{}-{n}.pcap", std::process::id()));
    std::fs::write(&path, pcap).ok()?;
    let out = Command::new("tcpdump").args(args).arg("-r").arg(&path).env("TZ", "UTC").output().ok()?;
    let _ = std::fs::remove_file(&path);
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn have_tcpdump() -> bool {
    Command::new("tcpdump").arg("--version").output().is_ok_and(|o| o.status.success())
}

/// A ping, a refused connect, a TCP exchange and UDP to a closed port.
fn traffic(sh: &mut Shell) {
    run(sh, "ip netns exec h2 nc -l 8080 &");
    run(sh, "ip netns exec h1 ping -c 2 -i 0.2 10.0.0.2");
    run(sh, "ip netns exec h1 nc -z 10.0.0.2 81");
    run(sh, "echo hello | ip netns exec h1 nc -N 10.0.0.2 8080");
    run(sh, "echo hi | ip netns exec h1 nc -u -w 1 10.0.0.2 53");
}

#[test]
fn tcpdump_w_files_read_back_with_the_real_tcpdump() {
    if !have_tcpdump() {
        eprintln!("skipped: tcpdump is not installed");
        return;
    }
    let world = World::new();
    let mut sh = Shell::new(Box::new(world.clone()));
    for l in SETUP {
        run(&mut sh, l);
    }
    run(&mut sh, "ip netns exec h2 tcpdump -c 30 -i e2 -w cap.pcap &");
    traffic(&mut sh);
    run(&mut sh, "kill %1");
    let pcap = world.file("cap.pcap").expect("tcpdump -w wrote cap.pcap");
    for flags in [&["-n"][..], &["-n", "-e"], &["-n", "-v"], &["-n", "-t"]] {
        let Some(real) = real_tcpdump(&pcap, flags) else { panic!("tcpdump -r {flags:?} failed") };
        let ours = run(&mut sh, &format!("tcpdump {} -r cap.pcap", flags.join(" ")));
        assert!(real.lines().count() >= 12, "too few packets: {real}");
        assert_eq!(ours, real, "tcpdump {flags:?} -r differs");
    }
}

#[test]
fn the_capture_call_gives_a_pcap_tcpdump_reads() {
    if !have_tcpdump() {
        eprintln!("skipped: tcpdump is not installed");
        return;
    }
    let world = World::new();
    let mut sh = Shell::new(Box::new(world.clone()));
    for l in SETUP {
        run(&mut sh, l);
    }
    let h1 = world.netns("h1").expect("h1");
    let cap = world.capture_start(h1, "e1").expect("capture");
    traffic(&mut sh);
    let pcap = world.capture_pcap(cap);
    let real = real_tcpdump(&pcap, &["-n", "-t"]).expect("tcpdump -r");
    assert!(real.contains("ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28"), "{real}");
    assert!(real.contains("Flags [R.], seq 0, ack"), "{real}");
    assert!(real.contains("Flags [P.], seq 1:7, ack 1, win 63"), "{real}");
    assert!(real.contains("udp port 53 unreachable"), "{real}");
}

#[test]
fn neighbour_discovery_reads_back_with_the_real_tcpdump() {
    if !have_tcpdump() {
        eprintln!("skipped: tcpdump is not installed");
        return;
    }
    let world = World::new();
    let mut sh = Shell::new(Box::new(world.clone()));
    for l in [
        "ip netns add h1",
        "ip netns add h2",
        "ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2",
        "ip -n h1 addr add fd00::1/64 dev e1 nodad",
        "ip -n h2 addr add fd00::2/64 dev e2 nodad",
        "ip -n h1 link set e1 up",
        "ip -n h2 link set e2 up",
        "ip netns exec h2 tcpdump -c 4 -i e2 -w nd.pcap &",
        "ip netns exec h1 ping -c 1 fd00::2",
    ] {
        run(&mut sh, l);
    }
    let pcap = world.file("nd.pcap").expect("tcpdump -w wrote nd.pcap");
    for flags in [&["-n"][..], &["-n", "-e"], &["-n", "-t"]] {
        let Some(real) = real_tcpdump(&pcap, flags) else { panic!("tcpdump -r {flags:?} failed") };
        let ours = run(&mut sh, &format!("tcpdump {} -r nd.pcap", flags.join(" ")));
        assert!(real.contains("ICMP6, neighbor solicitation, who has fd00::2, length 32"), "{real}");
        assert!(real.contains("ICMP6, neighbor advertisement, tgt is fd00::2, length 32"), "{real}");
        assert_eq!(ours, real, "tcpdump {flags:?} -r differs");
    }
    // The checksums are right (tcpdump -v checks them).
    let verbose = real_tcpdump(&pcap, &["-n", "-v"]).expect("tcpdump -v -r");
    assert_eq!(verbose.matches("[icmp6 sum ok]").count(), 4, "{verbose}");
}

/// The records of a pcap file (after its 24-byte header): each one's
/// timestamp in microseconds.
fn pcap_times(pcap: &[u8]) -> Vec<u64> {
    let mut times = Vec::new();
    let mut at = 24;
    while at + 16 <= pcap.len() {
        let word = |k: usize| u64::from(u32::from_le_bytes(pcap[at + k..at + k + 4].try_into().expect("4 bytes")));
        times.push(word(0) * 1_000_000 + word(4));
        at += 16 + word(8) as usize;
    }
    times
}

#[test]
fn an_api_capture_keeps_its_newest_frames_only() {
    let world = World::new();
    let mut sh = Shell::new(Box::new(world.clone()));
    for l in SETUP {
        run(&mut sh, l);
    }
    let h1 = world.netns("h1").expect("h1");
    let cap = world.capture_start(h1, "e1").expect("capture");
    // Two frames per echo: more than the capture keeps.
    let echoes = World::CAPTURE_KEEP / 2 + 500;
    run(&mut sh, &format!("ip netns exec h1 ping -q -c {echoes} -i 0.01 10.0.0.2"));
    let first = pcap_times(&world.capture_pcap(cap));
    assert_eq!(first.len(), World::CAPTURE_KEEP);
    run(&mut sh, "ip netns exec h1 ping -q -c 3 -i 0.2 10.0.0.2");
    let second = pcap_times(&world.capture_pcap(cap));
    assert_eq!(second.len(), World::CAPTURE_KEEP);
    // The oldest went: the window moved on by the new frames, the six of
    // the three echoes and the neighbour's probe and answer when its entry
    // went stale meanwhile (neigh_timer_handler's DELAY, then PROBE).
    let moved = (1..=16).find(|&k| second[..World::CAPTURE_KEEP - k] == first[k..]);
    assert_eq!(moved, Some(8), "the window moves by the new frames");
    assert!(second.last() > first.last());
}
