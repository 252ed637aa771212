//! `bridge monitor fdb` beside VXLAN FDB entries through next-hop groups:
//! the notifications of `vxlan_fdb_notify` (one per change, none for a
//! request that changes nothing) and none when a group's removal flushes
//! its entries (`__remove_nexthop_fdb`). The expected lines were printed
//! on Linux 6.18 by iproute2 6.1's `bridge monitor fdb` running beside the
//! same commands.

use iplab::World;
use iplab::bridge::monitor::Monitor;
use iplab::output::Output;
use iplab::shell::Shell;

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(String::from).collect()
}

/// Runs a shell line; returns its status and what it printed.
fn run(shell: &mut Shell, line: &str) -> (i32, String) {
    let mut o = Output::new();
    let st = shell.run_line(line, &mut o);
    (st, o.combined())
}

fn poll(mon: &mut Monitor, world: &World) -> String {
    let mut o = Output::new();
    mon.poll(&mut world.clone(), &mut o);
    assert_eq!(o.stderr(), "");
    o.stdout()
}

#[test]
fn fdb_entries_through_groups_are_announced_as_linux_does() {
    let world = World::new();
    let mut shell = Shell::new(Box::new(world.clone()));
    for line in [
        "ip link add veth1 type veth peer name veth2",
        "ip link set veth1 up",
        "ip nexthop add id 12 via 172.16.1.2 fdb",
        "ip nexthop add id 13 via 172.16.1.3 fdb",
        "ip nexthop add id 102 group 12/13 fdb",
        "ip link add name vx10 type vxlan id 1010 local 10.0.0.1 remote 10.0.0.2 dstport 4789",
        "ip link add name vx6 type vxlan id 1011 local fd00::1 remote fd00::2 dstport 4789",
    ] {
        assert_eq!(run(&mut shell, line), (0, String::new()), "{line}");
    }
    let mut out = Output::new();
    let mut mon = Monitor::start(&mut world.clone(), &words("monitor fdb"), &mut out).expect("monitor starts");
    assert_eq!(out.combined(), "");

    let steps: [(&str, i32, &str); 14] = [
        ("bridge fdb add 02:02:00:00:00:13 dev vx10 nhid 102 self", 0, ""),
        ("bridge fdb add 02:02:00:00:00:14 dev vx10 dst 10.0.0.5 self", 0, ""),
        ("bridge fdb add 02:02:00:00:00:13 dev vx10 nhid 102 self", 255, "RTNETLINK answers: File exists\n"),
        ("bridge fdb replace 02:02:00:00:00:13 dev vx10 nhid 102 self", 0, ""),
        ("bridge fdb add 02:02:00:00:00:13 dev vx6 nhid 102 self", 255, "Error: Nexthop group family not supported.\n"),
        (
            "bridge fdb replace 02:02:00:00:00:14 dev vx10 nhid 102 self",
            255,
            "Error: Cannot replace an existing non nexthop fdb with a nexthop.\n",
        ),
        ("bridge fdb append 02:02:00:00:00:13 dev vx10 nhid 102 self", 255, "Error: Cannot append to a nexthop fdb.\n"),
        ("bridge fdb replace 02:02:00:00:00:13 dev vx10 nhid 102 self dynamic", 0, ""),
        (
            "bridge fdb replace 00:00:00:00:00:00 dev vx10 nhid 102 self",
            255,
            "Error: Cannot replace an existing non nexthop fdb with a nexthop.\n",
        ),
        ("ip nexthop add id 103 group 13 fdb", 0, ""),
        ("bridge fdb replace 02:02:00:00:00:13 dev vx10 nhid 103 self", 0, ""),
        ("bridge fdb del 02:02:00:00:00:13 dev vx10 self", 0, ""),
        ("bridge fdb add 02:02:00:00:00:15 dev vx10 nhid 103 self", 0, ""),
        ("ip nexthop del id 103", 0, ""),
    ];
    for (line, status, text) in steps {
        assert_eq!(run(&mut shell, line), (status, text.to_string()), "{line}");
    }
    let want = "\
02:02:00:00:00:13 dev vx10 nhid 102 self permanent
02:02:00:00:00:14 dev vx10 dst 10.0.0.5 self permanent
02:02:00:00:00:13 dev vx10 nhid 102 self 
02:02:00:00:00:13 dev vx10 nhid 103 self permanent
Deleted 02:02:00:00:00:13 dev vx10 nhid 103 self permanent
02:02:00:00:00:15 dev vx10 nhid 103 self permanent
";
    assert_eq!(poll(&mut mon, &world), want);
    // The group's removal took 02:02:00:00:00:15 with it, silently.
    let (st, text) = run(&mut shell, "bridge fdb show dev vx10");
    assert_eq!((st, text.as_str()), (0, "02:02:00:00:00:14 dst 10.0.0.5 self permanent\n00:00:00:00:00:00 dst 10.0.0.2 self permanent\n"));
}
