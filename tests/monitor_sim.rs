//! `ip monitor` on the simulator: a [`Monitor`] started on a world sees
//! the notifications that shell commands on the same world cause, printed
//! as iproute2 6.1 prints them on Linux 6.18 (the expected lines were
//! recorded there with `ip monitor all` running beside the same commands).

use iplab::World;
use iplab::ip::monitor::Monitor;
use iplab::output::Output;
use iplab::shell::Shell;

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(String::from).collect()
}

/// Runs shell lines on the world; every line must succeed quietly.
fn sh(shell: &mut Shell, lines: &[&str]) {
    for line in lines {
        let mut o = Output::new();
        let st = shell.run_line(line, &mut o);
        assert_eq!((st, o.combined()), (0, String::new()), "{line}");
    }
}

fn poll(mon: &mut Monitor, world: &World) -> (usize, String) {
    let mut o = Output::new();
    let n = mon.poll(&mut world.clone(), &mut o);
    assert_eq!(o.stderr(), "");
    (n, o.stdout())
}

const VETH: &str = "ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02";

#[test]
fn link_and_address_events_with_prefixes() {
    let world = World::new();
    let mut shell = Shell::new(Box::new(world.clone()));
    let mut out = Output::new();
    let mut mon = Monitor::start(&mut world.clone(), &words("monitor all"), &mut out).expect("monitor starts");
    assert_eq!(out.combined(), "");
    assert_eq!(poll(&mut mon, &world), (0, String::new()));

    sh(&mut shell, &[VETH]);
    let want = "\
[NETCONF]inet d1 forwarding off rp_filter off mc_forwarding off proxy_neigh off ignore_routes_with_linkdown off 
[NETCONF]inet6 d1 forwarding off mc_forwarding off proxy_neigh off ignore_routes_with_linkdown off 
[LINK]2: d1@NONE: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default 
    link/ether 02:00:00:00:00:02 brd ff:ff:ff:ff:ff:ff
[NETCONF]inet d0 forwarding off rp_filter off mc_forwarding off proxy_neigh off ignore_routes_with_linkdown off 
[NETCONF]inet6 d0 forwarding off mc_forwarding off proxy_neigh off ignore_routes_with_linkdown off 
[LINK]3: d0@d1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default 
    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
";
    assert_eq!(poll(&mut mon, &world), (6, want.to_string()));

    sh(&mut shell, &["ip addr add 10.0.0.1/24 dev d0"]);
    let want = "\
[ADDR]3: d0    inet 10.0.0.1/24 scope global d0
       valid_lft forever preferred_lft forever
[ROUTE]local 10.0.0.1 dev d0 table local proto kernel scope host src 10.0.0.1 
";
    assert_eq!(poll(&mut mon, &world), (2, want.to_string()));

    sh(&mut shell, &["ip addr del 10.0.0.1/24 dev d0", "ip link del d0"]);
    let want = "\
[ADDR]Deleted 3: d0    inet 10.0.0.1/24 scope global d0
       valid_lft forever preferred_lft forever
[ROUTE]Deleted local 10.0.0.1 dev d0 table local proto kernel scope host src 10.0.0.1 
[NETCONF]Deleted inet d0 
[NETCONF]Deleted inet6 d0 
[LINK]Deleted 3: d0@NONE: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default 
    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
[NETCONF]Deleted inet d1 
[NETCONF]Deleted inet6 d1 
[LINK]Deleted 2: d1@NONE: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default 
    link/ether 02:00:00:00:00:02 brd ff:ff:ff:ff:ff:ff
";
    assert_eq!(poll(&mut mon, &world).1, want);
}

#[test]
fn objects_filter_groups_and_print_without_prefixes() {
    let world = World::new();
    let mut shell = Shell::new(Box::new(world.clone()));
    let mut out = Output::new();
    let mut addr = Monitor::start(&mut world.clone(), &words("monitor address"), &mut out).expect("starts");
    let mut link = Monitor::start(&mut world.clone(), &words("monitor link address"), &mut out).expect("starts");
    sh(&mut shell, &[VETH, "ip addr add 10.0.0.1/24 dev d0"]);
    let a = "3: d0    inet 10.0.0.1/24 scope global d0\n       valid_lft forever preferred_lft forever\n";
    assert_eq!(poll(&mut addr, &world), (1, a.to_string()));
    let (n, l) = poll(&mut link, &world);
    assert_eq!(n, 3);
    assert!(l.starts_with("2: d1@NONE: ") && l.ends_with(a), "{l}");
}

/// Linux 6.18 with `ip -4 monitor route` beside `ip addr add 10.0.0.1/24
/// dev d0` on a down veth, then `ip link set d0 up`.
#[test]
fn route_events_on_address_add() {
    let world = World::new();
    let mut shell = Shell::new(Box::new(world.clone()));
    let mut out = Output::new();
    let mut route = Monitor::start(&mut world.clone(), &words("-4 monitor route"), &mut out).expect("starts");
    sh(&mut shell, &[VETH, "ip addr add 10.0.0.1/24 dev d0"]);
    let want = "local 10.0.0.1 dev d0 table local proto kernel scope host src 10.0.0.1 \n";
    assert_eq!(poll(&mut route, &world), (1, want.to_string()));
    sh(&mut shell, &["ip link set d0 up"]);
    let want = "10.0.0.0/24 dev d0 proto kernel scope link src 10.0.0.1 linkdown \n\
broadcast 10.0.0.255 dev d0 table local proto kernel scope link src 10.0.0.1 linkdown \n";
    assert_eq!(poll(&mut route, &world), (2, want.to_string()));
}

#[test]
fn one_shot_monitor_in_the_shell_prints_nothing() {
    let world = World::new();
    let mut shell = Shell::new(Box::new(world.clone()));
    sh(&mut shell, &["ip monitor", "ip monitor all dev lo", "ip -4 monitor route label"]);
    let mut o = Output::new();
    assert_eq!(shell.run_line("ip monitor frob", &mut o), 255);
    assert_eq!(o.stderr(), "Argument \"frob\" is unknown, try \"ip monitor help\".\n");
}

/// `dev` filters after the prefix is printed, so a filtered notification
/// leaves its bare prefix, as on Linux; routes of that device print without
/// "dev" (recorded with `ip monitor all dev d0` beside the same commands).
#[test]
fn dev_filter_leaves_bare_prefixes_as_iproute2() {
    let world = World::new();
    let mut shell = Shell::new(Box::new(world.clone()));
    sh(&mut shell, &[VETH]);
    let mut out = Output::new();
    let mut mon = Monitor::start(&mut world.clone(), &words("monitor all dev d0"), &mut out).expect("starts");
    sh(&mut shell, &["ip addr add 10.0.0.2/24 dev d1", "ip addr add 10.0.0.1/24 dev d0"]);
    let want = "[ADDR][ROUTE][ADDR]3: d0    inet 10.0.0.1/24 scope global d0\n       valid_lft forever preferred_lft forever\n\
[ROUTE]local 10.0.0.1 table local proto kernel scope host src 10.0.0.1 \n";
    assert_eq!(poll(&mut mon, &world).1, want);
}

#[test]
fn bridge_port_join_and_leave_with_af_bridge_events() {
    // Recorded with `ip monitor link` beside the same commands on Linux:
    // the AF_BRIDGE messages print without qdisc, group and broadcast, and
    // the bridge's features change shows as an event.
    let world = World::new();
    let mut shell = Shell::new(Box::new(world.clone()));
    let mut out = Output::new();
    let mut mon = Monitor::start(&mut world.clone(), &words("monitor link"), &mut out).expect("monitor starts");
    sh(
        &mut shell,
        &[
            "ip link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b",
            "ip link set vb addrgenmode none",
            "ip link set va addrgenmode none",
            "ip link add br0 address 02:00:00:00:00:b0 type bridge",
            "ip link set br0 addrgenmode none",
            "ip link set va master br0",
            "ip link set va nomaster",
        ],
    );
    let expected = r#"2: vb@NONE: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default 
    link/ether 02:00:00:00:00:0b brd ff:ff:ff:ff:ff:ff
3: va@vb: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default 
    link/ether 02:00:00:00:00:0a brd ff:ff:ff:ff:ff:ff
4: br0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default 
    link/ether 02:00:00:00:00:b0 brd ff:ff:ff:ff:ff:ff
3: va@vb: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop master br0 state DOWN group default 
    link/ether 02:00:00:00:00:0a brd ff:ff:ff:ff:ff:ff
3: va@vb: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop master br0 state DOWN group default 
    link/ether 02:00:00:00:00:0a brd ff:ff:ff:ff:ff:ff
4: br0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default event FEATURE CHANGE 
    link/ether 02:00:00:00:00:b0 brd ff:ff:ff:ff:ff:ff
3: va@vb: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 state DOWN 
    link/ether 02:00:00:00:00:0a
3: va@vb: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop master br0 state DOWN group default 
    link/ether 02:00:00:00:00:0a brd ff:ff:ff:ff:ff:ff
3: va@vb: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 state DOWN 
    link/ether 02:00:00:00:00:0a
Deleted 3: va@vb: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 state DOWN 
    link/ether 02:00:00:00:00:0a
3: va@vb: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default 
    link/ether 02:00:00:00:00:0a brd ff:ff:ff:ff:ff:ff
4: br0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default event FEATURE CHANGE 
    link/ether 02:00:00:00:00:b0 brd ff:ff:ff:ff:ff:ff
"#;
    assert_eq!(poll(&mut mon, &world).1, expected);
}

#[test]
fn monitor_all_through_a_life_of_links_addresses_routes_rules_and_neighbours() {
    // Recorded with `ip monitor all` beside the same commands on Linux
    // (addrgenmode none keeps IPv6 multicast traffic out).
    let world = World::new();
    let mut shell = Shell::new(Box::new(world.clone()));
    let mut out = Output::new();
    let mut mon = Monitor::start(&mut world.clone(), &words("monitor all"), &mut out).expect("monitor starts");
    let mut seen = String::new();
    for line in [
        "ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02",
        "ip link set v1 addrgenmode none",
        "ip link set v0 addrgenmode none",
        "ip link set v0 up",
        "ip link set v1 up",
        "ip addr add 192.0.2.1/24 dev v0",
        "ip route add 10.0.0.0/8 via 192.0.2.254",
        "ip route add blackhole 10.9.0.0/16 table 100",
        "ip rule add from 192.0.2.0/24 table 100 pref 500",
        "ip neigh add 192.0.2.9 lladdr 02:00:00:00:00:09 dev v0",
        "ip neigh del 192.0.2.9 dev v0",
        "ip route del 10.0.0.0/8",
        "ip rule del pref 500",
        "ip addr del 192.0.2.1/24 dev v0",
        "ip link set v0 down",
        "ip link del v0",
    ] {
        sh(&mut shell, &[line]);
        seen += &poll(&mut mon, &world).1;
    }
    let expected = r#"[NETCONF]inet v1 forwarding off rp_filter off mc_forwarding off proxy_neigh off ignore_routes_with_linkdown off 
[NETCONF]inet6 v1 forwarding off mc_forwarding off proxy_neigh off ignore_routes_with_linkdown off 
[LINK]2: v1@NONE: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default 
    link/ether 02:00:00:00:00:02 brd ff:ff:ff:ff:ff:ff
[NETCONF]inet v0 forwarding off rp_filter off mc_forwarding off proxy_neigh off ignore_routes_with_linkdown off 
[NETCONF]inet6 v0 forwarding off mc_forwarding off proxy_neigh off ignore_routes_with_linkdown off 
[LINK]3: v0@v1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default 
    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
[LINK]3: v0@v1: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue state LOWERLAYERDOWN group default 
    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
[LINK]2: v1@v0: <NO-CARRIER,BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state LOWERLAYERDOWN group default 
    link/ether 02:00:00:00:00:02 brd ff:ff:ff:ff:ff:ff
[ROUTE]multicast ff00::/8 dev v1 table local proto kernel metric 256 pref medium
[LINK]2: v1@v0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default 
    link/ether 02:00:00:00:00:02 brd ff:ff:ff:ff:ff:ff
[ROUTE]multicast ff00::/8 dev v0 table local proto kernel metric 256 pref medium
[LINK]3: v0@v1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default 
    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
[ADDR]3: v0    inet 192.0.2.1/24 scope global v0
       valid_lft forever preferred_lft forever
[ROUTE]local 192.0.2.1 dev v0 table local proto kernel scope host src 192.0.2.1 
[ROUTE]192.0.2.0/24 dev v0 proto kernel scope link src 192.0.2.1 
[ROUTE]broadcast 192.0.2.255 dev v0 table local proto kernel scope link src 192.0.2.1 
[ROUTE]10.0.0.0/8 via 192.0.2.254 dev v0 
[ROUTE]blackhole 10.9.0.0/16 table 100 
[RULE]500:	from 192.0.2.0/24 lookup 100
[NEIGH]192.0.2.9 dev v0 lladdr 02:00:00:00:00:09 PERMANENT 
[NEIGH]192.0.2.9 dev v0 FAILED 
[NEIGH]Deleted 192.0.2.9 dev v0 FAILED 
[ROUTE]Deleted 10.0.0.0/8 via 192.0.2.254 dev v0 
[RULE]Deleted 500:	from 192.0.2.0/24 lookup 100
[ADDR]Deleted 3: v0    inet 192.0.2.1/24 scope global v0
       valid_lft forever preferred_lft forever
[ROUTE]Deleted 192.0.2.0/24 dev v0 proto kernel scope link src 192.0.2.1 
[ROUTE]Deleted broadcast 192.0.2.255 dev v0 table local proto kernel scope link src 192.0.2.1 
[ROUTE]Deleted local 192.0.2.1 dev v0 table local proto kernel scope host src 192.0.2.1 
[LINK]3: v0@v1: <BROADCAST,MULTICAST> mtu 1500 qdisc noqueue state DOWN group default 
    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
[ROUTE]Deleted multicast ff00::/8 dev v0 table local proto kernel metric 256 pref medium
[LINK]2: v1@v0: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue state LOWERLAYERDOWN group default 
    link/ether 02:00:00:00:00:02 brd ff:ff:ff:ff:ff:ff
[LINK]2: v1@NONE: <BROADCAST,MULTICAST> mtu 1500 qdisc noqueue state DOWN group default 
    link/ether 02:00:00:00:00:02 brd ff:ff:ff:ff:ff:ff
[ROUTE]Deleted multicast ff00::/8 dev v1 table local proto kernel metric 256 linkdown pref medium
[NETCONF]Deleted inet v0 
[NETCONF]Deleted inet6 v0 
[LINK]Deleted 3: v0@NONE: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default 
    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
[NETCONF]Deleted inet v1 
[NETCONF]Deleted inet6 v1 
[LINK]Deleted 2: v1@NONE: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default 
    link/ether 02:00:00:00:00:02 brd ff:ff:ff:ff:ff:ff
"#;
    assert_eq!(seen, expected);
}

#[test]
fn nexthop_objects_and_the_routes_through_them() {
    // Recorded with `ip monitor nexthop route` beside the same commands:
    // a replaced member announces the routes through its groups again, a
    // deleted one takes a group it was alone in and shrinks the other, a
    // deleted IPv6 object its routes after its own notification, and a
    // device going down its objects silently.
    let world = World::new();
    let mut shell = Shell::new(Box::new(world.clone()));
    let mut out = Output::new();
    let mut mon = Monitor::start(&mut world.clone(), &words("monitor nexthop route"), &mut out).expect("monitor starts");
    sh(
        &mut shell,
        &[
            "ip link set lo up",
            "ip link add d0 type veth peer name d1",
            "ip link set d0 up",
            "ip link set d1 up",
            "ip addr add 10.0.0.1/24 dev d0",
            "ip -6 addr add 2001:db8::1/64 dev d0 nodad",
            "ip nexthop add id 1 via 10.0.0.2 dev d0",
            "ip nexthop add id 2 via 10.0.0.3 dev d0",
            "ip nexthop add id 3 via 2001:db8::2 dev d0",
            "ip nexthop add id 10 group 1/2",
            "ip nexthop add id 11 group 2",
            "ip -6 route add 2001:db8:5::/64 nhid 3",
            "ip route add 192.168.1.0/24 nhid 10",
            "ip nexthop replace id 2 via 10.0.0.4 dev d0",
            "ip nexthop del id 2",
            "ip nexthop del id 3",
            "ip nexthop add id 4 dev d0",
            "ip link set d0 down",
        ],
    );
    let want = "\
local 127.0.0.1 dev lo table local proto kernel scope host src 127.0.0.1 
local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1 
broadcast 127.255.255.255 dev lo table local proto kernel scope link src 127.0.0.1 
local ::1 dev lo table local proto kernel metric 0 pref medium
multicast ff00::/8 dev d1 table local proto kernel metric 256 pref medium
fe80::/64 dev d1 proto kernel metric 256 pref medium
multicast ff00::/8 dev d0 table local proto kernel metric 256 pref medium
fe80::/64 dev d0 proto kernel metric 256 pref medium
local 10.0.0.1 dev d0 table local proto kernel scope host src 10.0.0.1 
10.0.0.0/24 dev d0 proto kernel scope link src 10.0.0.1 
broadcast 10.0.0.255 dev d0 table local proto kernel scope link src 10.0.0.1 
2001:db8::/64 dev d0 proto kernel metric 256 pref medium
local 2001:db8::1 dev d0 table local proto kernel metric 0 pref medium
id 1 via 10.0.0.2 dev d0 scope link 
id 2 via 10.0.0.3 dev d0 scope link 
id 3 via 2001:db8::2 dev d0 scope link 
id 10 group 1/2 
id 11 group 2 
2001:db8:5::/64 nhid 3 via 2001:db8::2 dev d0 metric 1024 pref medium
192.168.1.0/24 nhid 10 
\tnexthop via 10.0.0.2 dev d0 weight 1 
\tnexthop via 10.0.0.3 dev d0 weight 1 
id 2 via 10.0.0.4 dev d0 scope link 
192.168.1.0/24 nhid 10 
\tnexthop via 10.0.0.2 dev d0 weight 1 
\tnexthop via 10.0.0.4 dev d0 weight 1 
Deleted id 2 via 10.0.0.4 dev d0 scope link 
Deleted id 11 group 2 
id 10 group 1 
Deleted id 3 via 2001:db8::2 dev d0 scope link 
Deleted 2001:db8:5::/64 nhid 3 via 2001:db8::2 dev d0 metric 1024 pref medium
id 4 dev d0 scope host 
Deleted 2001:db8::/64 dev d0 proto kernel metric 256 pref medium
Deleted fe80::/64 dev d0 proto kernel metric 256 pref medium
Deleted local 2001:db8::1 dev d0 table local proto kernel metric 0 pref medium
Deleted multicast ff00::/8 dev d0 table local proto kernel metric 256 pref medium
";
    // The link-local addresses' local routes came on Linux only after the
    // recording ended (DAD still running); the stack settles DAD at once.
    let got: String = poll(&mut mon, &world).1.lines().filter(|l| !l.contains("local fe80::")).map(|l| format!("{l}\n")).collect();
    assert_eq!(got, want);
}

#[test]
fn nexthop_compat_mode_off_hides_the_objects_next_hops() {
    // Recorded with `ip monitor route nexthop` started after
    // `sysctl -w net.ipv4.nexthop_compat_mode=0`: routes are announced with
    // only their nhid, and object changes announce no route changes.
    let world = World::new();
    let mut shell = Shell::new(Box::new(world.clone()));
    sh(
        &mut shell,
        &[
            "ip link set lo up",
            "ip link add d0 type veth peer name d1",
            "ip link set d0 up",
            "ip link set d1 up",
            "ip addr add 10.0.0.1/24 dev d0",
            "ip -6 addr add 2001:db8::1/64 dev d0 nodad",
            "ip nexthop add id 21 via 10.0.0.2 dev d0",
            "ip nexthop add id 22 via 10.0.0.3 dev d0",
            "ip nexthop add id 23 via 2001:db8::2 dev d0",
            "ip nexthop add id 122 group 21/22",
            "sysctl -qw net.ipv4.nexthop_compat_mode=0",
        ],
    );
    let mut out = Output::new();
    let mut mon = Monitor::start(&mut world.clone(), &words("monitor route nexthop"), &mut out).expect("monitor starts");
    sh(
        &mut shell,
        &[
            "ip route add 172.16.101.1/32 nhid 122",
            "ip -6 route add 2001:db8:9::/64 nhid 23",
            "ip nexthop replace id 122 group 21",
            "ip nexthop del id 23",
            "ip nexthop del id 122",
        ],
    );
    let want = "\
172.16.101.1 nhid 122 
2001:db8:9::/64 nhid 23 metric 1024 pref medium
id 122 group 21 
Deleted id 23 via 2001:db8::2 dev d0 scope link 
Deleted id 122 group 21 
";
    assert_eq!(poll(&mut mon, &world).1, want);
}

/// A resilient group's bucket that a lookup used moves only after its idle
/// timer, by the delayed upkeep, which announces it (RTM_NEWNEXTHOPBUCKET);
/// recorded with `ip monitor nexthop` beside the same commands, `sleep 2`
/// there and two seconds of ping here.
#[test]
fn resilient_bucket_moved_by_the_idle_timer_is_announced() {
    let world = World::new();
    let mut shell = Shell::new(Box::new(world.clone()));
    sh(
        &mut shell,
        &[
            "ip link set lo up",
            VETH,
            "ip link set d0 up",
            "ip link set d1 up",
            "ip addr add 10.0.0.1/24 dev d0",
            "ip nexthop add id 1 via 10.0.0.2 dev d0",
            "ip nexthop add id 2 via 10.0.0.3 dev d0",
            "ip nexthop add id 10 group 1/2 type resilient buckets 2 idle_timer 1",
            "ip route add 10.9.0.0/16 nhid 10",
            "sysctl -qw net.ipv4.fib_multipath_hash_seed=7",
            "sysctl -qw net.ipv4.fib_multipath_hash_policy=1",
        ],
    );
    let mut out = Output::new();
    let mut mon = Monitor::start(&mut world.clone(), &words("monitor nexthop"), &mut out).expect("monitor starts");
    for sport in 1000..1004 {
        let mut o = Output::new();
        let line = format!("ip -o route get 10.9.1.3 ipproto udp sport {sport} dport 53");
        assert_eq!(shell.run_line(&line, &mut o), 0, "{line}");
    }
    sh(&mut shell, &["ip nexthop replace id 10 group 1,3/2 type resilient"]);
    let want = "id 10 group 1,3/2 type resilient buckets 2 idle_timer 1 unbalanced_timer 0 unbalanced_time 0 \n";
    assert_eq!(poll(&mut mon, &world).1, want);
    let mut o = Output::new();
    assert_eq!(shell.run_line("ping -c 3 -i 1 -q 10.0.0.1", &mut o), 0);
    assert_eq!(poll(&mut mon, &world).1, "");
    let mut o = Output::new();
    assert_eq!(shell.run_line("ip nexthop bucket show", &mut o), 0);
    assert_eq!(poll(&mut mon, &world).1, "id 10 index 0 idle_time 0 nhid 1 \n");
    assert_eq!(o.stdout(), "id 10 index 0 idle_time 1 nhid 1 \nid 10 index 1 idle_time 2 nhid 1 \n");
}
