//! The packet walk through netfilter hooks: rules installed with the bytes
//! the real nft sent (tests/netlink/cases/netfilter_requests.json, captured
//! by tests/netlink/capture.py) decide what a ping through a router does.

use iplab::output::Output;
use iplab::shell::Shell;
use iplab::stack::netfilter::Expr;
use iplab::{Creds, Protocol, World};
use serde_json::Value;

const ROUTER: &[&str] = &[
    "ip netns add c",
    "ip netns add r",
    "ip netns add s",
    "ip link add v1 address 02:00:00:00:00:01 netns r type veth peer name e0 address 02:00:00:00:00:02 netns c",
    "ip link add v0 address 02:00:00:00:00:03 netns r type veth peer name e0 address 02:00:00:00:00:04 netns s",
    "ip -n c addr add 10.0.0.2/24 dev e0",
    "ip -n r addr add 10.0.0.1/24 dev v1",
    "ip -n r addr add 192.168.1.1/24 dev v0",
    "ip -n s addr add 192.168.1.2/24 dev e0",
    "ip -n c link set e0 up",
    "ip -n r link set v1 up",
    "ip -n r link set v0 up",
    "ip -n s link set e0 up",
    "ip -n c route add default via 10.0.0.1",
    "ip netns exec r sysctl -w net.ipv4.ip_forward=1",
];

fn setup() -> (World, Shell) {
    let world = World::new();
    let mut sh = Shell::new(Box::new(world.clone()));
    for l in ROUTER {
        let mut out = Output::new();
        assert_eq!(sh.run_line(l, &mut out), 0, "{l}: {}", out.combined());
    }
    (world, sh)
}

fn run(sh: &mut Shell, line: &str) -> (i32, String) {
    let mut out = Output::new();
    let st = sh.run_line(line, &mut out);
    (st, out.combined())
}

/// Sends, in namespace `ns`, what the real programs sent for the first
/// `n` command lines of a captured script.
fn replay(world: &World, ns: &str, script: &str, n: usize) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/netlink/cases/netfilter_requests.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let id = world.netns(ns).unwrap();
    for cmd in doc[script].as_array().unwrap().iter().take(n) {
        let sock = world.socket_of(id, Creds::ROOT, Protocol::Netfilter).unwrap();
        for d in cmd["datagrams"].as_array().unwrap() {
            let bytes: Vec<u8> = (0..d.as_str().unwrap().len() / 2)
                .map(|i| u8::from_str_radix(&d.as_str().unwrap()[2 * i..2 * i + 2], 16).unwrap())
                .collect();
            for reply in sock.send(&bytes) {
                // No error comes back (an NLMSG_ERROR with a non-zero code),
                // but ENOENT to iptables' probes for a table or chain
                // (NFT_MSG_GETTABLE, NFT_MSG_GETCHAIN) before it makes them.
                let kind = u16::from_ne_bytes([reply[4], reply[5]]);
                let probe = reply[16..20] == (-2i32).to_ne_bytes() && matches!(reply[24], 1 | 4);
                assert!(kind != 2 || reply[16..20] == [0; 4] || probe, "{}: error reply {reply:02x?}", cmd["command"]);
            }
        }
    }
}

#[test]
fn masquerade_lets_a_hidden_network_reach_the_server() {
    let (world, mut sh) = setup();
    // The server has no route back to 10.0.0.0/24: no answer.
    let (st, _) = run(&mut sh, "ip netns exec c ping -c 1 -W 1 192.168.1.2");
    assert_eq!(st, 1);
    // nft add table ip nat; add chain ... postrouting; (prerouting); oifname v0 masquerade
    replay(&world, "r", "nft-nat", 4);
    let (st, out) = run(&mut sh, "ip netns exec c ping -c 2 192.168.1.2");
    assert_eq!(st, 0, "{out}");
    assert!(out.contains("2 received"), "{out}");
    // The server saw the router's address: it resolved 192.168.1.1.
    let (_, neigh) = run(&mut sh, "ip -n s neigh show 192.168.1.1");
    assert!(neigh.contains("192.168.1.1 dev e0"), "{neigh}");
}

#[test]
fn forward_rules_count_and_drop() {
    let (world, mut sh) = setup();
    run(&mut sh, "ip -n s route add default via 192.168.1.1");
    // nft add table ip t; chain c (forward); ip saddr 10.0.0.0/8 tcp dport 22 counter accept
    replay(&world, "r", "nft-rule", 3);
    let (st, out) = run(&mut sh, "ip netns exec c ping -c 1 192.168.1.2");
    assert_eq!(st, 0, "{out}");
    // The counter rule wants TCP: it counted nothing.
    let counters = |world: &World| {
        let id = world.netns("r").unwrap();
        world.with_net(|n| {
            n.ns(id).unwrap().netfilter.tables[0].chains[0]
                .rules
                .iter()
                .flat_map(|r| r.exprs.clone())
                .filter_map(|e| match e {
                    Expr::Counter { packets, bytes } => Some((packets, bytes)),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(counters(&world), vec![(0, 0)]);
    // Then: iifname v0 oifname v1 drop (the replies); ct state established,related
    // accept; meta l4proto icmp icmp type echo-request reject; ip daddr 10.1.2.3
    // counter drop (inserted first). The whole script again from a fresh router:
    let (world, mut sh) = setup();
    run(&mut sh, "ip -n s route add default via 192.168.1.1");
    replay(&world, "r", "nft-rule", 7);
    let (st, out) = run(&mut sh, "ip netns exec c ping -c 1 -W 1 192.168.1.2");
    assert_eq!(st, 1, "{out}");
    assert!(out.contains("From 10.0.0.1 icmp_seq=1 Destination Port Unreachable"), "{out}");
    // Two counters: the TCP rule's and the inserted one for 10.1.2.3, both untouched.
    assert_eq!(counters(&world), vec![(0, 0), (0, 0)]);
}

#[test]
fn counters_count_ip_datagram_bytes() {
    let (world, mut sh) = setup();
    run(&mut sh, "ip -n s route add default via 192.168.1.1");
    // nft add table ip a; add table inet b; chain c (output); add rule inet b c counter
    replay(&world, "c", "nft-flush", 4);
    let (st, _) = run(&mut sh, "ip netns exec c ping -c 2 192.168.1.2");
    assert_eq!(st, 0);
    let id = world.netns("c").unwrap();
    let counter = world.with_net(|n| n.ns(id).unwrap().netfilter.tables[1].chains[0].rules[0].exprs.clone());
    // Two echo requests of 84 bytes each (the IP datagram, as Linux counts).
    assert_eq!(counter, vec![Expr::Counter { bytes: 168, packets: 2 }]);
}

#[test]
fn a_port_range_drops_only_the_ports_inside_it() {
    let (world, mut sh) = setup();
    run(&mut sh, "ip -n s route add default via 192.168.1.1");
    // iptables -A FORWARD -p udp --dport 33000:34000 -j DROP (a range
    // expression), then three rules that do not concern traceroute's probes.
    replay(&world, "r", "iptables-ports", 1);
    let (st, out) = run(&mut sh, "ip netns exec c traceroute -n -q 1 -w 1 -m 2 192.168.1.2");
    assert_eq!(st, 0, "{out}");
    // The router answers the first probe (TTL 1 dies before FORWARD); the
    // second, to port 33435, is dropped in FORWARD.
    assert!(out.contains(" 1  10.0.0.1 "), "{out}");
    assert!(out.contains(" 2  *"), "{out}");
    // The same probes to ports outside a range that ends below them pass.
    let (world, mut sh) = setup();
    run(&mut sh, "ip -n s route add default via 192.168.1.1");
    replay(&world, "r", "iptables-ports", 4);
    let (_, out) = run(&mut sh, "ip netns exec c traceroute -n -q 1 -w 1 -m 2 -p 40000 192.168.1.2");
    assert!(out.contains(" 2  192.168.1.2 "), "{out}");
}
