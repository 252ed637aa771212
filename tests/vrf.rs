//! VRF devices (drivers/net/vrf.c, net/l3mdev/l3mdev.c): the kernel here
//! has no vrf module, so these tests assert what the kernel source does,
//! citing the function each follows, through shell lines and netlink.

use iplab::World;
use iplab::output::Output;
use iplab::shell::Shell;

/// Runs lines in one shell; returns what the last one printed and its status.
fn run(sh: &mut Shell, lines: &[&str]) -> (String, i32) {
    let mut last = (String::new(), 0);
    for line in lines {
        let mut o = Output::new();
        let status = sh.run_line(line, &mut o);
        last = (o.combined(), status);
    }
    last
}

fn shell() -> Shell {
    Shell::new(Box::new(World::new()))
}

const PAIR: &[&str] =
    &["ip link add v0 type veth peer name v1", "ip addr add 10.0.0.1/24 dev v0", "ip link set v0 up", "ip link set v1 up"];

#[test]
fn a_vrf_has_its_table_flags_and_mtu() {
    // vrf_newlink stores IFLA_VRF_TABLE, vrf_setup sets the MTU to
    // IP6_MAX_MTU, vrf_dev_init the flags to MASTER|NOARP.
    let mut sh = shell();
    assert_eq!(run(&mut sh, &["ip link add blue type vrf table 10"]).1, 0);
    let (out, _) = run(&mut sh, &["ip -d link show blue"]);
    assert!(out.contains("<NOARP,MASTER> mtu 65575"), "{out}");
    assert!(out.contains("minmtu 1280 maxmtu 65575"), "{out}");
    assert!(out.contains("\n    vrf table 10 "), "{out}");
    let (out, _) = run(&mut sh, &["ip link set blue up", "ip link show blue"]);
    assert!(out.contains("<NOARP,MASTER,UP,LOWER_UP>") && out.contains("state UP"), "{out}");
    // addrconf_addr_gen / addrconf_add_dev: no link-local, no ff00::/8.
    assert_eq!(run(&mut sh, &["ip -6 addr show dev blue"]).0, "");
    assert!(!run(&mut sh, &["ip -6 route show table all"]).0.contains("dev blue"));
}

#[test]
fn a_vrf_needs_a_table() {
    // vrf_newlink: "VRF table id is missing", "Invalid VRF table id".
    let mut sh = shell();
    let (out, status) = run(&mut sh, &["ip link add blue type vrf"]);
    assert_ne!(status, 0);
    assert!(out.contains("VRF table id is missing"), "{out}");
    let (out, status) = run(&mut sh, &["ip link add blue type vrf table 0"]);
    assert_ne!(status, 0);
    assert!(out.contains("Invalid VRF table id"), "{out}");
    assert!(!run(&mut sh, &["ip link"]).0.contains("blue"));
}

#[test]
fn the_first_vrf_adds_l3mdev_rules_once() {
    // vrf_add_fib_rules at FIB_RULE_PREF 1000, IPv4 and IPv6; only the
    // namespace's first VRF adds them (add_fib_rules cleared).
    let mut sh = shell();
    run(&mut sh, &["ip link add blue type vrf table 10"]);
    let rule = "1000:\tfrom all lookup [l3mdev-table]";
    assert!(run(&mut sh, &["ip rule"]).0.contains(rule));
    assert!(run(&mut sh, &["ip -6 rule"]).0.contains(rule));
    let (out, _) = run(&mut sh, &["ip rule show pref 1000"]);
    assert_eq!(out.matches("l3mdev").count(), 1, "{out}");
    run(&mut sh, &["ip rule del pref 1000", "ip link add red type vrf table 20"]);
    assert!(!run(&mut sh, &["ip rule"]).0.contains("l3mdev"));
}

#[test]
fn a_port_moves_its_routes_into_the_vrf_table() {
    // do_vrf_add_slave: NETDEV_CHANGEUPPER flushes the port's routes
    // (fib_disable_ip with force, addrconf_ifdown), cycle_netdev brings it
    // back up and fib_magic puts them in the VRF's table, local ones too.
    let mut sh = shell();
    run(&mut sh, PAIR);
    run(&mut sh, &["ip link add blue type vrf table 10", "ip link set blue up", "ip link set v0 master blue"]);
    let (t10, _) = run(&mut sh, &["ip route show table 10"]);
    assert!(t10.contains("10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1"), "{t10}");
    let (local10, _) = run(&mut sh, &["ip route show table 10 type local"]);
    assert!(local10.contains("local 10.0.0.1 dev v0"), "{local10}");
    assert!(!run(&mut sh, &["ip route show table main"]).0.contains("10.0.0.0/24"));
    assert!(!run(&mut sh, &["ip route show table local"]).0.contains("10.0.0.1"));
    assert!(run(&mut sh, &["ip -6 route show table 10"]).0.contains("fe80::/64 dev v0"));
    let (link, _) = run(&mut sh, &["ip -d link show v0"]);
    assert!(link.contains("master blue") && link.contains("vrf_slave table 10"), "{link}");
    // nomaster: back to main and local.
    run(&mut sh, &["ip link set v0 nomaster"]);
    assert!(run(&mut sh, &["ip route show table main"]).0.contains("10.0.0.0/24 dev v0"));
    assert!(run(&mut sh, &["ip route show table local"]).0.contains("local 10.0.0.1 dev v0"));
    assert_eq!(run(&mut sh, &["ip route show table 10"]).0, "");
}

#[test]
fn lookups_through_a_vrf_use_its_table() {
    // l3mdev_update_flow + l3mdev_fib_rule_match: an output device that is
    // the VRF or its port selects the VRF's table; the main table does
    // not know the port's subnet any more.
    let mut sh = shell();
    run(&mut sh, PAIR);
    run(&mut sh, &["ip link add blue type vrf table 10", "ip link set blue up", "ip link set v0 master blue"]);
    let (out, status) = run(&mut sh, &["ip route get 10.0.0.2 oif blue"]);
    assert_eq!(status, 0, "{out}");
    assert!(out.starts_with("10.0.0.2 dev v0 table 10 src 10.0.0.1"), "{out}");
    assert!(run(&mut sh, &["ip route get 10.0.0.2 oif v0"]).0.contains("dev v0 table 10"));
    let (out, status) = run(&mut sh, &["ip route get 10.0.0.2"]);
    assert_ne!(status, 0, "{out}");
    assert!(out.contains("Network is unreachable"), "{out}");
}

#[test]
fn loopback_and_vrfs_cannot_be_ports() {
    // do_vrf_add_slave and vrf_add_slave's refusals.
    let mut sh = shell();
    run(&mut sh, &["ip link add blue type vrf table 10", "ip link add red type vrf table 20"]);
    let (out, status) = run(&mut sh, &["ip link set lo master blue"]);
    assert_ne!(status, 0);
    assert!(out.contains("Can not enslave loopback device to a VRF"), "{out}");
    let (out, status) = run(&mut sh, &["ip link set red master blue"]);
    assert_ne!(status, 0);
    assert!(out.contains("Can not enslave an L3 master device to a VRF"), "{out}");
}

#[test]
fn deleting_a_vrf_releases_its_ports() {
    // vrf_dellink: do_vrf_del_slave for each port, which is cycled and
    // gets its routes back in main and local.
    let mut sh = shell();
    run(&mut sh, PAIR);
    run(&mut sh, &["ip link add blue type vrf table 10", "ip link set blue up", "ip link set v0 master blue", "ip link del blue"]);
    let (link, _) = run(&mut sh, &["ip link show v0"]);
    assert!(!link.contains("master") && link.contains(",UP,"), "{link}");
    assert!(run(&mut sh, &["ip route show table main"]).0.contains("10.0.0.0/24 dev v0"));
    assert!(run(&mut sh, &["ip route show table local"]).0.contains("local 10.0.0.1 dev v0"));
}

/// Two hosts joined through a router whose two ports are in one VRF.
const ROUTED: &[&str] = &[
    "ip netns add h1",
    "ip netns add r",
    "ip netns add h2",
    "ip link add e1 netns h1 type veth peer name a1 netns r",
    "ip link add e2 netns h2 type veth peer name a2 netns r",
    "ip -n h1 addr add 10.1.0.2/24 dev e1",
    "ip -n h2 addr add 10.2.0.2/24 dev e2",
    "ip -n h1 link set e1 up",
    "ip -n h2 link set e2 up",
    "ip -n h1 route add default via 10.1.0.1",
    "ip -n h2 route add default via 10.2.0.1",
    "ip -n r link add blue type vrf table 10",
    "ip -n r link set blue up",
    "ip -n r link set a1 master blue",
    "ip -n r link set a2 master blue",
    "ip -n r addr add 10.1.0.1/24 dev a1",
    "ip -n r addr add 10.2.0.1/24 dev a2",
    "ip -n r link set a1 up",
    "ip -n r link set a2 up",
    "ip netns exec r sysctl -w net.ipv4.ip_forward=1",
];

#[test]
fn a_vrf_forwards_between_its_ports() {
    // The input lookup of a datagram arriving on a port matches the
    // l3mdev rule (flowi_l3mdev from the input device) and finds the
    // other port's subnet in the VRF's table; the main table has neither.
    let mut sh = shell();
    run(&mut sh, ROUTED);
    let (out, status) = run(&mut sh, &["ip netns exec h1 ping -c 1 10.2.0.2"]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("64 bytes from 10.2.0.2: icmp_seq=1 ttl=63"), "{out}");
    // Deleting the VRF puts the routes back in main: still forwarded.
    run(&mut sh, &["ip -n r link del blue"]);
    assert_eq!(run(&mut sh, &["ip netns exec h1 ping -c 1 10.2.0.2"]).1, 0);
}

#[test]
fn addresses_in_a_vrf_answer_and_ping_binds_to_it() {
    // icmp_reply leaves through l3mdev_master_ifindex of the input device;
    // a socket bound to the VRF hears what comes in on its ports; an
    // unbound one finds no route outside the VRF.
    let mut sh = shell();
    run(&mut sh, ROUTED);
    let (out, status) = run(&mut sh, &["ip netns exec h1 ping -c 1 10.2.0.1"]);
    assert_eq!(status, 0, "{out}");
    let (out, status) = run(&mut sh, &["ip netns exec r ping -c 1 -I blue 10.1.0.2"]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("from 10.1.0.1 blue: 56(84)") && out.contains("64 bytes from 10.1.0.2"), "{out}");
    let (out, status) = run(&mut sh, &["ip netns exec r ping -c 1 10.1.0.2"]);
    assert_eq!(status, 2, "{out}");
    assert!(out.contains("Network is unreachable"), "{out}");
}

#[test]
fn ip_names_vrfs() {
    // ip/ipvrf.c ipvrf_show, ipvrf_get_table (route show/add/get vrf),
    // name_is_vrf (link/address/neigh filters).
    let mut sh = shell();
    run(&mut sh, PAIR);
    assert!(run(&mut sh, &["ip vrf show"]).0.contains("No VRF has been configured"));
    run(&mut sh, &["ip link add blue type vrf table 10", "ip link set blue up", "ip link set v0 master blue"]);
    assert_eq!(run(&mut sh, &["ip vrf show"]).0, "Name              Table\n-----------------------\nblue                10\n");
    assert_eq!(run(&mut sh, &["ip vrf show blue"]).0, "blue 10\n");
    assert_eq!(run(&mut sh, &["ip -j vrf"]).0, "[{\"name\":\"blue\",\"table\":10}]\n");
    let (out, status) = run(&mut sh, &["ip vrf show v0"]);
    assert_eq!((out.as_str(), status), ("Invalid VRF\n", 255));
    run(&mut sh, &["ip route add 10.9.0.0/16 via 10.0.0.2 vrf blue"]);
    // `show vrf` leaves out the VRF's local and broadcast routes.
    assert_eq!(
        run(&mut sh, &["ip route show vrf blue"]).0,
        "10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1 \n10.9.0.0/16 via 10.0.0.2 dev v0 \n"
    );
    assert!(run(&mut sh, &["ip route get 10.9.0.1 vrf blue"]).0.starts_with("10.9.0.1 via 10.0.0.2 dev v0 table 10 src 10.0.0.1"));
    assert!(run(&mut sh, &["ip route show vrf v0"]).0.contains("Invalid VRF"));
    let (out, _) = run(&mut sh, &["ip -br link show vrf blue"]);
    assert!(out.starts_with("v0@v1") && !out.contains("v1@v0") && !out.contains("blue"), "{out}");
    assert!(run(&mut sh, &["ip -br addr show vrf v1"]).0.contains("Not a valid VRF name"));
}

#[test]
fn multipath_in_a_vrf_is_hashed() {
    // l3mdev_update_flow clears an output device that is the VRF itself,
    // so fib_select_path hashes the flow over the next hops.
    let mut sh = shell();
    run(&mut sh, PAIR);
    run(&mut sh, &["ip link add blue type vrf table 10", "ip link set blue up", "ip link set v0 master blue"]);
    assert_eq!(run(&mut sh, &["ip route add 10.9.0.0/16 vrf blue nexthop via 10.0.0.2 nexthop via 10.0.0.3"]).1, 0);
    let mut seen = std::collections::BTreeSet::new();
    for i in 1..=16 {
        let (out, status) = run(&mut sh, &[&format!("ip route get 10.9.{i}.1 vrf blue")]);
        assert_eq!(status, 0, "{out}");
        seen.insert(out.split_whitespace().nth(2).unwrap_or_default().to_string());
    }
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), vec!["10.0.0.2", "10.0.0.3"]);
}

#[test]
fn deleting_a_vrf_address_drops_only_the_vrf_routes_using_it() {
    // fib_del_ifaddr: fib_sync_down_addr looks in the table of the device's
    // VRF (l3mdev_fib_table), so main's route with the same source stays.
    let mut sh = shell();
    run(
        &mut sh,
        &[
            "ip link add d1 type dummy",
            "ip link add d2 type dummy",
            "ip link set d1 up",
            "ip link set d2 up",
            "ip link add red type vrf table 1111",
            "ip link set red up",
            "ip link set d2 vrf red",
            "ip addr add dev d1 172.16.104.1/24",
            "ip addr add dev d1 172.16.104.11/24",
            "ip addr add dev d2 172.16.104.1/24",
            "ip addr add dev d2 172.16.104.11/24",
            "ip route add 172.16.105.0/24 via 172.16.104.2 src 172.16.104.11",
            "ip route add vrf red 172.16.105.0/24 via 172.16.104.2 src 172.16.104.11",
            "ip addr del dev d2 172.16.104.11/24",
        ],
    );
    assert!(!run(&mut sh, &["ip route show vrf red"]).0.contains("172.16.105.0/24"));
    assert!(run(&mut sh, &["ip route show"]).0.contains("172.16.105.0/24"));
}

#[test]
fn an_ipv6_gateway_local_in_another_vrf_is_no_local_address() {
    // ipv6_chk_addr_and_flags skips addresses whose device is in another
    // L3 domain than the next hop's device (fib_tests fib6_nexthop).
    let mut sh = shell();
    run(
        &mut sh,
        &[
            "ip link add red type vrf table 1",
            "ip link set red up",
            "ip link add veth0 type veth peer name veth1",
            "ip link set dev veth0 up",
            "ip -6 address add 2001:db8:51::1/64 dev veth0 nodad",
            "ip link set dev veth1 vrf red up",
            "ip -6 address add 2001:db8:51::2/64 dev veth1 nodad",
        ],
    );
    assert_eq!(run(&mut sh, &["ip -6 route add 2001:db8:108::/64 via 2001:db8:51::2"]).1, 0);
    assert_eq!(run(&mut sh, &["ip -6 route add 2001:db8:109::/64 via 2001:db8:51::2 dev veth0"]).1, 0);
    assert_eq!(run(&mut sh, &["ip -6 route add vrf red 2001:db8:112::/64 via 2001:db8:51::1"]).1, 0);
    // In its own domain a local gateway is still refused.
    let (out, status) = run(&mut sh, &["ip -6 route add 2001:db8:113::/64 via 2001:db8:51::1 dev veth0"]);
    assert_ne!(status, 0);
    assert!(out.contains("Gateway can not be a local address"), "{out}");
}

mod netlink {
    //! The same through `Socket::send`: what `vrf_newlink` answers and
    //! announces.
    use iplab::host::SockOpt;
    use iplab::wire::link::{IfInfoRepr, ifla, info, vrf};
    use iplab::wire::{MessageBuilder, NLM_F_ACK, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REQUEST, NLMSG_ERROR, NlaWriter};
    use iplab::{Creds, World};

    fn newvrf(name: &str, table: Option<u32>) -> Vec<u8> {
        let mut b = MessageBuilder::new(16, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, 1, 0);
        b.push(&IfInfoRepr::default().to_bytes());
        b.put_str(ifla::IFNAME, name);
        let li = b.begin_nest(ifla::LINKINFO);
        b.put_str(info::KIND, "vrf");
        if let Some(t) = table {
            let d = b.begin_nest(info::DATA);
            b.put_u32(vrf::TABLE, t);
            b.end_nest(d);
        }
        b.end_nest(li);
        b.finish()
    }

    fn kind(m: &[u8]) -> u16 {
        u16::from_ne_bytes([m[4], m[5]])
    }

    fn errno(replies: &[Vec<u8>]) -> i32 {
        let ack = replies.iter().find(|r| kind(r) == NLMSG_ERROR).expect("an acknowledgement");
        -i32::from_ne_bytes([ack[16], ack[17], ack[18], ack[19]])
    }

    fn contains(hay: &[u8], needle: &[u8]) -> bool {
        hay.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn vrf_newlink_refuses_a_missing_table_with_its_message() {
        let world = World::new();
        let s = world.socket(world.initial_ns(), Creds::ROOT).unwrap();
        s.set_option(SockOpt::ExtAck(true)).unwrap();
        let replies = s.send(&newvrf("blue", None));
        assert_eq!(errno(&replies), 22);
        assert!(contains(&replies[0], b"VRF table id is missing\0"));
        let replies = s.send(&newvrf("blue", Some(0)));
        assert_eq!(errno(&replies), 22);
        assert!(contains(&replies[0], b"Invalid VRF table id\0"));
    }

    #[test]
    fn the_first_vrf_is_announced_then_its_rules() {
        // vrf_newlink: register_netdevice (RTM_NEWLINK), then
        // vrf_add_fib_rules (RTM_NEWRULE for IPv4, then IPv6) with
        // FRA_L3MDEV 1 and FRA_PRIORITY 1000; a second VRF adds no rule.
        let world = World::new();
        let s = world.socket(world.initial_ns(), Creds::ROOT).unwrap();
        let watcher = world.socket(world.initial_ns(), Creds::ROOT).unwrap();
        for group in [1, 8, 19] {
            // RTNLGRP_LINK, RTNLGRP_IPV4_RULE, RTNLGRP_IPV6_RULE
            watcher.set_option(SockOpt::AddMembership(group)).unwrap();
        }
        assert_eq!(errno(&s.send(&newvrf("blue", Some(10)))), 0);
        let seen = watcher.drain();
        let kinds: Vec<u16> = seen.iter().map(|m| kind(m)).collect();
        assert_eq!(kinds, vec![16, 32, 32], "RTM_NEWLINK, then two RTM_NEWRULE");
        assert_eq!(seen[1][16], 2, "AF_INET first");
        assert_eq!(seen[2][16], 10, "then AF_INET6");
        for rule in &seen[1..] {
            assert!(contains(rule, &[5, 0, 19, 0, 1]), "FRA_L3MDEV 1");
            assert!(contains(rule, &[8, 0, 6, 0, 0xe8, 3, 0, 0]), "FRA_PRIORITY 1000");
        }
        assert!(contains(&seen[0], b"vrf\0") && contains(&seen[0], &[8, 0, 1, 0, 10, 0, 0, 0]), "IFLA_VRF_TABLE 10");
        assert_eq!(errno(&s.send(&newvrf("red", Some(20)))), 0);
        let kinds: Vec<u16> = watcher.drain().iter().map(|m| kind(m)).collect();
        assert_eq!(kinds, vec![16]);
    }
}

#[test]
fn a_vrf_port_joins_anycast_addresses_in_the_vrf_table() {
    // addrconf_f6i_alloc(..., anycast = true): fc_table is
    // l3mdev_fib_table(dev) or RT6_TABLE_LOCAL; __ipv6_dev_ac_dec deletes
    // that route (ip6_del_rt of aca_rt).
    let mut sh = shell();
    run(
        &mut sh,
        &[
            "sysctl -w net.ipv6.conf.all.forwarding=1",
            "ip link add blue type vrf table 10",
            "ip link set blue up",
            "ip link add v0 type veth peer name v1",
            "ip link set v0 master blue",
            "ip addr add 2001:db8:1::1/64 dev v0",
            "ip link set v0 up",
            "ip link set v1 up",
        ],
    );
    let (vrf, _) = run(&mut sh, &["ip -6 route show table 10 type anycast"]);
    assert!(vrf.contains("anycast 2001:db8:1:: dev v0 proto kernel metric 0"), "{vrf}");
    assert!(vrf.contains("anycast fe80:: dev v0 proto kernel metric 0"), "{vrf}");
    let (local, _) = run(&mut sh, &["ip -6 route show table local type anycast"]);
    assert!(!local.contains("dev v0"), "{local}");
    assert!(local.contains("anycast fe80:: dev v1"), "{local}");
    // Leaving the VRF flushes the port (addrconf_ifdown): its anycast
    // entries go with its addresses, and the link-local address it gets
    // again joins in table local.
    run(&mut sh, &["ip link set v0 nomaster"]);
    assert_eq!(run(&mut sh, &["ip -6 route show table 10 type anycast"]).0, "");
    let (local, _) = run(&mut sh, &["ip -6 route show table local type anycast"]);
    assert!(local.contains("anycast fe80:: dev v0"), "{local}");
    assert!(!local.contains("2001:db8:1::"), "{local}");
}
