//! The packet filter's cost: a `ping -c 1` through a router whose FORWARD
//! chain holds N rules that do not match (source 172.16.x.y), then the
//! policy. Compares N = 0 and N = 1000 and reports the cost per rule.
//! Target (issue 14): under 100 µs per ping with 1,000 rules.
//!
//! Run with `cargo bench --bench netfilter`.

use std::time::Instant;

use iplab::output::Output;
use iplab::shell::Shell;
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

fn per_ping(n: u32) -> f64 {
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
    let rounds = 200;
    let start = Instant::now();
    for _ in 0..rounds {
        let mut out = Output::new();
        sh.run_line("ip netns exec c ping -c 1 192.168.1.2", &mut out);
    }
    start.elapsed().as_secs_f64() * 1e6 / f64::from(rounds)
}

fn main() {
    let base = per_ping(0);
    let full = per_ping(1000);
    // Each ping crosses FORWARD twice (request and reply).
    println!("ping through a router: {base:.1} µs with 1 rule, {full:.1} µs with 1,001 rules");
    println!("cost per rule evaluated: {:.1} ns", (full - base) * 1000.0 / 2000.0);
}
