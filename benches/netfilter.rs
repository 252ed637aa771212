//! The packet filter's cost: a `ping -c 1` through a router whose FORWARD
//! chain holds N rules that do not match (source 172.16.x.y), then the
//! policy. Compares N = 0 and N = 1000, measured alternately in the same
//! process (the machine may be shared), and reports the cost per rule; then
//! the rule evaluation alone (`eval::run_chain` over the 1,000 rules).
//! Target (issue 14): under 100 µs per ping with 1,000 rules.
//!
//! Run with `cargo bench --bench netfilter`.

use std::time::Instant;

use iplab::output::Output;
use iplab::shell::Shell;
use iplab::sim::packet::{Datagram, Icmp, Payload};
use iplab::stack::netfilter::conntrack::CtInfo;
use iplab::stack::netfilter::eval::{PacketCtx, run_chain};
use iplab::stack::netfilter::{Data, Expr};
use iplab::wire::attr::NlaWriter;
use iplab::{Creds, Protocol, World};

const SETUP: &[&str] = &[
    "ip netns add c",
    "ip netns add r",
    "ip netns add s",
    "ip link add v1 netns r type veth peer name e0 netns c",
    "ip link add v0 netns r type veth peer name e0 netns s",
    "ip -n c addr add 10.0.0.2/24 dev e0",
    "ip -n r addr add 10.0.0.1/24 dev v1",
    "ip -n r addr add 192.168.1.1/24 dev v0",
    "ip -n s addr add 192.168.1.2/24 dev e0",
    "ip -n c link set e0 up",
    "ip -n r link set v1 up",
    "ip -n r link set v0 up",
    "ip -n s link set e0 up",
    "ip -n c route add default via 10.0.0.1",
    "ip -n s route add default via 192.168.1.1",
    "ip netns exec r sysctl -w net.ipv4.ip_forward=1",
    "ip netns exec r iptables -A FORWARD -s 172.31.255.255 -j DROP",
];

fn msg(kind: u16, seq: u32, family: u8, res_id: u16, attrs: &[u8]) -> Vec<u8> {
    let mut m = Vec::new();
    m.extend(((20 + attrs.len()) as u32).to_ne_bytes());
    m.extend(kind.to_ne_bytes());
    m.extend(0x0c01u16.to_ne_bytes());
    m.extend(seq.to_ne_bytes());
    m.extend(0u32.to_ne_bytes());
    m.extend([family, 0]);
    m.extend(res_id.to_be_bytes());
    m.extend(attrs);
    m
}

/// One batch appending `n` rules `ip saddr 172.16.x.y counter drop` to filter/FORWARD.
fn rules(n: u32) -> Vec<u8> {
    let mut d = msg(0x10, 0, 0, 10, &[]);
    for i in 0..n {
        let exprs = [
            Expr::Payload { dreg: 4, base: 1, offset: 12, len: 4 },
            Expr::Cmp { sreg: 4, op: 0, data: vec![172, 16, (i >> 8) as u8, i as u8] },
            Expr::Counter { bytes: 0, packets: 0 },
            Expr::Immediate { dreg: 0, data: Data::Verdict { code: 0, chain: None } },
        ];
        let mut list = Vec::new();
        for e in &exprs {
            let mut elem = Vec::new();
            e.dump(&mut elem);
            list.put(1, &elem);
        }
        let mut a = Vec::new();
        a.put_str(1, "filter");
        a.put_str(2, "FORWARD");
        a.put(4, &list);
        d.extend(msg(0x0a06, i + 1, 2, 0, &a));
    }
    d.extend(msg(0x11, n + 1, 0, 10, &[]));
    d
}

/// A shell on a router world whose FORWARD chain holds `n` + 1 rules.
fn router(n: u32) -> (World, Shell) {
    let world = World::without_history();
    let mut sh = Shell::new(Box::new(world.clone()));
    for l in SETUP {
        let mut out = Output::new();
        assert_eq!(sh.run_line(l, &mut out), 0, "{l}: {}", out.combined());
    }
    let r = world.netns("r").unwrap();
    let sock = world.socket_of(r, Creds::ROOT, Protocol::Netfilter).unwrap();
    assert!(sock.send(&rules(n)).is_empty(), "the batch failed");
    let mut out = Output::new();
    assert_eq!(sh.run_line("ip netns exec c ping -c 1 192.168.1.2", &mut out), 0);
    (world, sh)
}

/// Microseconds per `ping -c 1` over `rounds` pings.
fn pings(sh: &mut Shell, rounds: u32) -> f64 {
    let start = Instant::now();
    for _ in 0..rounds {
        let mut out = Output::new();
        sh.run_line("ip netns exec c ping -c 1 192.168.1.2", &mut out);
    }
    start.elapsed().as_secs_f64() * 1e6 / f64::from(rounds)
}

/// Nanoseconds per rule for the FORWARD chain alone on an echo request.
fn chain_only(world: &World, rules: u32) -> f64 {
    let r = world.netns("r").unwrap();
    let p = Datagram {
        src: "10.0.0.2".parse().unwrap(),
        dst: "192.168.1.2".parse().unwrap(),
        ttl: 63,
        dont_fragment: true,
        payload: Payload::Icmp(Icmp::EchoRequest { id: 1, seq: 1, data: 56 }),
    };
    world.with_net(|net| {
        let table = &net.ns(r).unwrap().netfilter.tables[0];
        let base = table.chains.iter().position(|c| c.name == "FORWARD").unwrap();
        let ctx = PacketCtx {
            p: &p,
            iif: (2, "v1"),
            oif: (3, "v0"),
            ct: CtInfo::New,
            reply: false,
            now_us: 0,
            addr_types: (2, 2),
            src_mac: None,
            conn: None,
        };
        let rounds = 2000;
        let start = Instant::now();
        for _ in 0..rounds {
            let mut hits = Vec::new();
            std::hint::black_box(run_chain(std::hint::black_box(table), base, &ctx, &mut hits));
        }
        start.elapsed().as_secs_f64() * 1e9 / f64::from(rounds) / f64::from(rules)
    })
}

fn main() {
    let (_, mut base) = router(0);
    let (world, mut full) = router(1000);
    // Alternating rounds, so that both see the same load.
    let (mut b, mut f) = (Vec::new(), Vec::new());
    for _ in 0..10 {
        b.push(pings(&mut base, 100));
        f.push(pings(&mut full, 100));
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(|x, y| x.total_cmp(y));
        v[v.len() / 2]
    };
    let (b, f) = (median(&mut b), median(&mut f));
    // Each ping crosses FORWARD twice (request and reply).
    println!("ping through a router (median of 10 × 100): {b:.1} µs with 1 rule, {f:.1} µs with 1,001 rules");
    println!("cost per rule evaluated, from the difference: {:.1} ns", (f - b) * 1000.0 / 2000.0);
    println!("cost per rule evaluated, the chain alone: {:.1} ns", chain_only(&world, 1001));
}
