//! Device kinds the recording kernel lacks (`dummy`, `vlan`: "Error: Unknown
//! device type." there), so no transcript of them can be recorded. Their
//! expectations are derived from the Linux and iproute2 sources instead;
//! each check names what it follows.

use iplab::World;
use iplab::output::Output;
use iplab::shell::Shell;

/// Runs the lines in one fresh world; returns what the last one printed and
/// its status.
fn run(lines: &[&str]) -> (String, i32) {
    let mut shell = Shell::new(Box::new(World::new()));
    let mut last = (String::new(), 0);
    for line in lines {
        let mut o = Output::new();
        let status = shell.run_line(line, &mut o);
        last = (o.combined(), status);
    }
    last
}

const VETH: &str = "ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02";

#[test]
fn dummy_is_noarp_without_multicast_and_queueless() {
    // drivers/net/dummy.c, dummy_setup(): ether_setup(), then IFF_NOARP set
    // and IFF_MULTICAST cleared; IFF_NO_QUEUE (qdisc "noqueue" once up,
    // "noop" before); min_mtu = max_mtu = 0. ether_setup() gives the 1500
    // MTU and txqueuelen 1000 (net/ethernet/eth.c).
    let add = "ip link add d0 address 02:00:00:00:00:d0 type dummy";
    assert_eq!(
        run(&[add, "ip link show d0"]),
        (
            "2: d0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n    link/ether 02:00:00:00:00:d0 brd ff:ff:ff:ff:ff:ff\n".to_string(),
            0
        )
    );
    // The carrier is never turned off, and no driver sets an operational
    // state: up means UNKNOWN with LOWER_UP (net/core/link_watch.c,
    // rfc2863_policy with the default IF_OPER_UNKNOWN).
    assert_eq!(
        run(&[add, "ip link set d0 up", "ip -br link show d0"]),
        ("d0               UNKNOWN        02:00:00:00:00:d0 <BROADCAST,NOARP,UP,LOWER_UP> \n".to_string(), 0)
    );
    // iproute2 ip/ipaddress.c print_linkinfo(): -d prints "minmtu 0 maxmtu
    // 0" and the kind; dummy has no print_opt.
    let (details, _) = run(&[add, "ip -d link show d0"]);
    assert!(details.contains("promiscuity 0  allmulti 0 minmtu 0 maxmtu 0 \n    dummy addrgenmode eui64 "), "{details}");
    // A dummy device routes like any other: the connected route of its
    // address appears once it is up (net/ipv4/fib_frontend.c).
    assert_eq!(
        run(&[add, "ip link set d0 up", "ip addr add 192.0.2.1/24 dev d0", "ip route show dev d0"]),
        ("192.0.2.0/24 proto kernel scope link src 192.0.2.1 \n".to_string(), 0)
    );
}

#[test]
fn vlan_errors_follow_the_8021q_driver() {
    // net/8021q/vlan_netlink.c: vlan_validate() and vlan_newlink(), with
    // NL_SET_ERR_MSG_MOD's "8021q: " prefix; iproute2 prints "Error: MSG.".
    let cases: &[(&str, &str, i32)] = &[
        ("ip link add link v0 name x type vlan", "Error: 8021q: VLAN properties not specified.\n", 2),
        ("ip link add name x type vlan id 3", "Error: 8021q: link not specified.\n", 2),
        ("ip link add link v0 name x type vlan id 4095", "Error: 8021q: Invalid VLAN id.\n", 2),
        // vlan_check_real_dev(): loopback is NETIF_F_VLAN_CHALLENGED.
        ("ip link add link lo name x type vlan id 5", "Error: 8021q: VLANs not supported on device.\n", 2),
        // vlan_newlink(): an MTU above the real device's is EINVAL.
        ("ip link add link v0 name x mtu 1600 type vlan id 6", "RTNETLINK answers: Invalid argument\n", 2),
    ];
    for (line, want, status) in cases {
        assert_eq!(run(&[VETH, line]), (want.to_string(), *status), "{line}");
    }
    // vlan_check_real_dev(): one device per (protocol, id) on a real device.
    let first = "ip link add link v0 name v0.10 type vlan id 10";
    assert_eq!(
        run(&[VETH, first, "ip link add link v0 name again type vlan id 10"]),
        ("Error: 8021q: VLAN device already exists.\n".to_string(), 2)
    );
    // ...but 802.1ad and 802.1Q ids are separate.
    assert_eq!(run(&[VETH, first, "ip link add link v0 name q10 type vlan protocol 802.1ad id 10"]).1, 0);
}

#[test]
fn vlan_follows_its_real_device() {
    let first = "ip link add link v0 name v0.10 type vlan id 10";
    // net/8021q/vlan_dev.c vlan_dev_open(): ENETDOWN while the real device
    // is down.
    assert_eq!(run(&[VETH, first, "ip link set v0.10 up"]), ("RTNETLINK answers: Network is down\n".to_string(), 2));
    // It takes the real device's address and MTU (vlan_dev_init, vlan_newlink)
    // and prints as "NAME@REAL"; -d shows iproute2 ip/iplink_vlan.c
    // vlan_print_opt(): protocol, id and the REORDER_HDR flag set by default.
    let (details, _) = run(&[VETH, first, "ip -d link show v0.10"]);
    assert!(details.starts_with("4: v0.10@v0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN"), "{details}");
    assert!(details.contains("link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff"), "{details}");
    assert!(details.contains("\n    vlan protocol 802.1Q id 10 <REORDER_HDR> "), "{details}");
    // net/8021q/vlan.c vlan_device_event(): NETDEV_DOWN on the real device
    // takes its VLANs down; NETDEV_UP brings them all up.
    let up = ["ip link set v0 up", "ip link set v1 up", "ip link set v0.10 up"];
    let mut lines = vec![VETH, first];
    lines.extend(up);
    lines.extend(["ip link set v0 down", "ip -br link show v0.10"]);
    assert_eq!(run(&lines).0, "v0.10@v0         DOWN           02:00:00:00:00:01 <BROADCAST,MULTICAST,M-DOWN> \n");
    lines.truncate(lines.len() - 1);
    lines.extend(["ip link set v0 up", "ip -br link show v0.10"]);
    assert_eq!(run(&lines).0, "v0.10@v0         UP             02:00:00:00:00:01 <BROADCAST,MULTICAST,UP,LOWER_UP> \n");
    // unregister_vlan_dev via NETDEV_UNREGISTER: deleting the real device
    // deletes its VLANs.
    assert_eq!(run(&[VETH, first, "ip link del v0", "ip -br link"]).0, "lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \n");
}

#[test]
fn dummy_carrier_is_set_by_hand_and_others_refuse() {
    // net/core/dev.c dev_change_carrier(): EOPNOTSUPP without
    // ndo_change_carrier; drivers/net/dummy.c has one (dummy_change_carrier:
    // netif_carrier_on/off). The link watch then runs as for any carrier
    // change: default_operstate() gives DOWN without carrier and UP with it
    // (net/core/link_watch.c), and the connected route's next hop is marked
    // linkdown (fib_sync_down_dev on NETDEV_CHANGE).
    let add = "ip link add d0 address 02:00:00:00:00:d0 type dummy";
    let setup = [add, "ip link set d0 up", "ip addr add 192.0.2.1/24 dev d0", "ip link set d0 carrier off"];
    let mut lines = setup.to_vec();
    lines.push("ip -br link show d0");
    assert_eq!(run(&lines), ("d0               DOWN           02:00:00:00:00:d0 <NO-CARRIER,BROADCAST,NOARP,UP> \n".to_string(), 0));
    let mut lines = setup.to_vec();
    lines.push("ip route show dev d0");
    assert_eq!(run(&lines), ("192.0.2.0/24 proto kernel scope link src 192.0.2.1 linkdown \n".to_string(), 0));
    let mut lines = setup.to_vec();
    lines.extend(["ip link set d0 carrier on", "ip -br link show d0"]);
    assert_eq!(run(&lines), ("d0               UP             02:00:00:00:00:d0 <BROADCAST,NOARP,UP,LOWER_UP> \n".to_string(), 0));
    // Recorded on Linux: veth and lo have no ndo_change_carrier.
    assert_eq!(run(&[VETH, "ip link set v0 carrier off"]), ("RTNETLINK answers: Operation not supported\n".to_string(), 2));
    assert_eq!(run(&["ip link set lo carrier off"]), ("RTNETLINK answers: Operation not supported\n".to_string(), 2));
}

/// Prints what `ip monitor link` saw while the last line ran.
fn monitored(lines: &[&str]) -> String {
    use iplab::ip::monitor::Monitor;
    let world = World::new();
    let mut shell = Shell::new(Box::new(world.clone()));
    let (last, setup) = lines.split_last().expect("a line");
    for line in setup {
        shell.run_line(line, &mut Output::new());
    }
    let words: Vec<String> = ["monitor", "link"].iter().map(|s| s.to_string()).collect();
    let mut mon = Monitor::start(&mut world.clone(), &words, &mut Output::new()).expect("monitor starts");
    shell.run_line(last, &mut Output::new());
    let mut o = Output::new();
    mon.poll(&mut world.clone(), &mut o);
    o.combined()
}

#[test]
fn vlans_follow_their_real_device_through_the_notifier() {
    let first = "ip link add link v0 name v0.10 type vlan id 10";
    let loose = "ip link add link v0 name v0.20 type vlan id 20 loose_binding on";
    let up = ["ip link set v0 up", "ip link set v1 up", "ip link set v0.10 up", "ip link set v0.20 up"];
    let mut lines = vec![VETH, first, loose];
    lines.extend(up);
    // net/8021q/vlan.c vlan_device_event(), NETDEV_DOWN and NETDEV_UP: a
    // VLAN with VLAN_FLAG_LOOSE_BINDING is neither closed nor opened with
    // its real device; the others are.
    lines.extend(["ip link set v0 down", "ip -br link show type vlan"]);
    assert_eq!(
        run(&lines).0,
        "v0.10@v0         DOWN           02:00:00:00:00:01 <BROADCAST,MULTICAST,M-DOWN> \n\
         v0.20@v0         LOWERLAYERDOWN 02:00:00:00:00:01 <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> \n"
    );
    lines.truncate(lines.len() - 1);
    lines.extend(["ip link set v0.20 down", "ip link set v0 up", "ip -br link show type vlan"]);
    assert_eq!(
        run(&lines).0,
        "v0.10@v0         UP             02:00:00:00:00:01 <BROADCAST,MULTICAST,UP,LOWER_UP> \n\
         v0.20@v0         DOWN           02:00:00:00:00:01 <BROADCAST,MULTICAST> \n"
    );
    // NETDEV_CHANGEMTU: a VLAN above its real device's new MTU comes down
    // to it (dev_set_mtu); one below stays; vlan_dev_change_mtu then
    // checks against the real device's MTU.
    let mtu = [VETH, first, "ip link set v0.10 mtu 1300", "ip link set v0 mtu 1400", "ip link set v0 mtu 1200"];
    assert_eq!(
        run(&[&mtu[..], &["ip -o link show v0.10"]].concat()).0.split(" qdisc").next(),
        Some("4: v0.10@v0: <BROADCAST,MULTICAST,M-DOWN> mtu 1200")
    );
    assert_eq!(
        run(&[&mtu[..], &["ip link set v0 mtu 1600", "ip link set v0.10 mtu 1600", "ip -o link show v0.10"]].concat())
            .0
            .split(" qdisc")
            .next(),
        Some("4: v0.10@v0: <BROADCAST,MULTICAST,M-DOWN> mtu 1600")
    );
    // vlan_setup: min_mtu 0, max_mtu ETH_MAX_MTU; vlan_dev_change_mtu
    // refuses more than the real device's MTU with ERANGE.
    let (details, _) = run(&[VETH, first, "ip -d link show v0.10"]);
    assert!(details.contains(" minmtu 0 maxmtu 65535 \n"), "{details}");
    assert_eq!(run(&[VETH, first, "ip link set v0.10 mtu 1501"]), ("RTNETLINK answers: Numerical result out of range\n".to_string(), 2));
    // NETDEV_CHANGEADDR (vlan_sync_address → vlan_dev_inherit_address): a
    // VLAN up that still has its real device's address takes the new one;
    // one down takes it when it opens (vlan_dev_open); one given its own
    // address keeps it.
    let own = "ip link add link v0 name v0.30 address 02:00:00:00:00:30 type vlan id 30";
    let mut lines = vec![VETH, first, loose, own, "ip link set v0 up", "ip link set v0.10 up", "ip link set v0.30 up"];
    lines.extend(["ip link set v0 address 02:00:00:00:00:33", "ip -br link show type vlan"]);
    assert_eq!(
        run(&lines).0,
        "v0.10@v0         LOWERLAYERDOWN 02:00:00:00:00:33 <NO-CARRIER,BROADCAST,MULTICAST,UP> \n\
         v0.20@v0         DOWN           02:00:00:00:00:01 <BROADCAST,MULTICAST> \n\
         v0.30@v0         LOWERLAYERDOWN 02:00:00:00:00:30 <NO-CARRIER,BROADCAST,MULTICAST,UP> \n"
    );
    lines.truncate(lines.len() - 1);
    lines.extend(["ip link set v0.20 up", "ip -br link show v0.20"]);
    assert_eq!(run(&lines).0, "v0.20@v0         LOWERLAYERDOWN 02:00:00:00:00:33 <NO-CARRIER,BROADCAST,MULTICAST,UP> \n");
    // The VLAN's new address is announced (NETDEV_CHANGEADDR reaches
    // rtnetlink_event first: RTM_NEWLINK).
    lines.truncate(lines.len() - 3);
    lines.push("ip link set v0 address 02:00:00:00:00:33");
    let shown = monitored(&lines);
    assert!(shown.contains("4: v0.10@v0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state LOWERLAYERDOWN group default \n    link/ether 02:00:00:00:00:33"), "{shown}");
    // NETDEV_UNREGISTER of a real device being deleted: its VLANs are
    // unregistered inside its notifier call, so their RTM_DELLINK comes
    // before the real device's (unregister_netdevice_many_notify sends a
    // device's RTM_DELLINK after its NETDEV_UNREGISTER); veth_dellink
    // queued the peer after it.
    let deleted: Vec<String> = monitored(&[VETH, first, "ip link del v0"])
        .lines()
        .filter(|l| l.starts_with("Deleted"))
        .map(|l| l.split(':').take(2).collect::<Vec<_>>().join(":"))
        .collect();
    assert_eq!(deleted, ["Deleted 4: v0.10@v0", "Deleted 3: v0@NONE", "Deleted 2: v1@NONE"]);
}
