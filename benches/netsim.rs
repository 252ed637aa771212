//! The packet walk on a tutorial-sized network: 50 namespaces and about 200
//! links, a chain of 11 of them (ten hops, nine forwarding routers) and 39
//! hosts hanging off the first. Measures one `ping -c 1` from one end of the
//! chain to the other (the shell command, output included) and one bare
//! echo walk (`World::trace_echo`), with neighbours already resolved.
//! Target: under a millisecond per ping.
//!
//! Run with `cargo bench --bench netsim`.

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use iplab::output::Output;
use iplab::shell::Shell;
use iplab::world::World;

/// Namespaces in the chain (hops + 1).
const CHAIN: usize = 11;
/// Namespaces besides the chain.
const EXTRA: usize = 39;
/// veth pairs from each extra namespace to the chain's first one.
const PAIRS_PER_EXTRA: usize = 2;

/// The commands that build the network.
fn setup_lines() -> Vec<String> {
    let mut l = Vec::new();
    for i in 0..CHAIN {
        l.push(format!("ip netns add n{i}"));
    }
    for i in 0..CHAIN - 1 {
        l.push(format!("ip link add a{i} netns n{i} type veth peer name b{i} netns n{}", i + 1));
        l.push(format!("ip -n n{i} addr add 10.{i}.0.1/24 dev a{i}"));
        l.push(format!("ip -n n{} addr add 10.{i}.0.2/24 dev b{i}", i + 1));
        l.push(format!("ip -n n{i} link set a{i} up"));
        l.push(format!("ip -n n{} link set b{i} up", i + 1));
    }
    let last = CHAIN - 2;
    l.push("ip -n n0 route add default via 10.0.0.2".to_string());
    for i in 1..CHAIN - 1 {
        if i != last {
            l.push(format!("ip -n n{i} route add 10.{last}.0.0/24 via 10.{i}.0.2"));
        }
        l.push(format!("ip -n n{i} route add default via 10.{}.0.1", i - 1));
        l.push(format!("ip netns exec n{i} sysctl -w net.ipv4.ip_forward=1"));
    }
    l.push(format!("ip -n n{} route add default via 10.{last}.0.1", CHAIN - 1));
    for x in 0..EXTRA {
        l.push(format!("ip netns add x{x}"));
        for p in 0..PAIRS_PER_EXTRA {
            l.push(format!("ip link add x{x}p{p} netns n0 type veth peer name up{p} netns x{x}"));
        }
    }
    l
}

fn world() -> (World, Shell) {
    let world = World::new();
    let mut shell = Shell::new(Box::new(world.clone()));
    for line in setup_lines() {
        let mut out = Output::new();
        shell.run_line(&line, &mut out);
        assert!(out.stderr().is_empty(), "{line}: {}", out.stderr());
    }
    (world, shell)
}

fn bench(c: &mut Criterion) {
    let (world, mut shell) = world();
    let target = format!("10.{}.0.2", CHAIN - 2);
    let ping = format!("ip netns exec n0 ping -c 1 {target}");
    let mut out = Output::new();
    assert_eq!(shell.run_line(&ping, &mut out), 0, "{}", out.combined());
    assert!(out.stdout().contains(&format!("ttl={}", 64 - (CHAIN - 2))), "{}", out.stdout());
    let links = world.with_net(|n| n.namespaces().map(|ns| ns.links.len()).sum::<usize>());
    let namespaces = world.with_net(|n| n.namespaces().count());
    let n0 = world.netns("n0").expect("n0 exists");
    let dst: std::net::IpAddr = target.parse().expect("address");

    let runs = 2000;
    let start = Instant::now();
    for _ in 0..runs {
        let mut out = Output::new();
        black_box(shell.run_line(black_box(&ping), &mut out));
    }
    let per_ping = start.elapsed() / runs;
    let start = Instant::now();
    for _ in 0..runs {
        black_box(world.trace_echo(n0, dst).map(|h| h.len()).ok());
    }
    let per_walk = start.elapsed() / runs;
    println!("netsim: {namespaces} namespaces, {links} links, {} hops: ping -c 1 {per_ping:?}, echo walk {per_walk:?}", CHAIN - 1);

    c.bench_function("ping -c 1 across 10 hops (50 ns, ~200 links)", |b| {
        b.iter(|| {
            let mut out = Output::new();
            black_box(shell.run_line(black_box(&ping), &mut out))
        })
    });
    c.bench_function("echo walk across 10 hops", |b| b.iter(|| black_box(world.trace_echo(n0, dst).map(|h| h.len()).ok())));
}

criterion_group!(benches, bench);
criterion_main!(benches);
