//! Property tests of the packet walk: on random small topologies (veth
//! pairs between namespaces, random static routes, some forwarding
//! routers, loops allowed), the first hop of an echo request is the one
//! `ip route get` reports, an unroutable destination fails both, and every
//! walk ends (the TTL bounds it, even around routing loops).

use iplab::World;
use iplab::output::Output;
use iplab::shell::Shell;
use proptest::prelude::*;

/// A random network: namespaces, links between them, routes, forwarding.
#[derive(Debug, Clone)]
struct Topology {
    namespaces: usize,
    /// (a, b): a veth pair between namespace a and namespace b.
    links: Vec<(usize, usize)>,
    /// (namespace, prefix index, link index): a route through the far end of a link.
    routes: Vec<(usize, usize, usize)>,
    forwarding: Vec<bool>,
}

fn topology() -> impl Strategy<Value = Topology> {
    (2usize..6).prop_flat_map(|n| {
        let links = prop::collection::vec((0..n, 0..n), 1..8);
        let routes = prop::collection::vec((0..n, 0usize..10, 0usize..8), 0..12);
        let forwarding = prop::collection::vec(any::<bool>(), n);
        (Just(n), links, routes, forwarding).prop_map(|(namespaces, links, routes, forwarding)| {
            let links = links.into_iter().filter(|(a, b)| a != b).collect();
            Topology { namespaces, links, routes, forwarding }
        })
    })
}

/// The subnet a prefix index names: a link's /24, or the default route.
fn prefix(i: usize) -> String {
    if i == 9 { "default".to_string() } else { format!("10.{i}.0.0/24") }
}

fn run(shell: &mut Shell, line: &str) -> (i32, String) {
    let mut out = Output::new();
    let st = shell.run_line(line, &mut out);
    (st, out.combined())
}

fn build(t: &Topology) -> (World, Shell) {
    let world = World::new();
    let mut sh = Shell::new(Box::new(world.clone()));
    for i in 0..t.namespaces {
        run(&mut sh, &format!("ip netns add n{i}"));
        if t.forwarding[i] {
            run(&mut sh, &format!("ip netns exec n{i} sysctl -w net.ipv4.ip_forward=1"));
        }
    }
    for (k, (a, b)) in t.links.iter().enumerate() {
        run(&mut sh, &format!("ip link add l{k}a netns n{a} type veth peer name l{k}b netns n{b}"));
        run(&mut sh, &format!("ip -n n{a} addr add 10.{k}.0.1/24 dev l{k}a"));
        run(&mut sh, &format!("ip -n n{b} addr add 10.{k}.0.2/24 dev l{k}b"));
        run(&mut sh, &format!("ip -n n{a} link set l{k}a up"));
        run(&mut sh, &format!("ip -n n{b} link set l{k}b up"));
    }
    for &(ns, p, l) in &t.routes {
        let Some(&(a, b)) = t.links.get(l) else { continue };
        // Through the other end of link l, from whichever end `ns` holds.
        let via = if ns == a {
            format!("10.{l}.0.2")
        } else if ns == b {
            format!("10.{l}.0.1")
        } else {
            continue;
        };
        run(&mut sh, &format!("ip -n n{ns} route add {} via {via}", prefix(p)));
    }
    (world, sh)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn route_get_and_the_walk_agree(t in topology(), from in 0usize..6, net in 0u8..10, host in 1u8..4) {
        let from = from % t.namespaces;
        let (world, mut sh) = build(&t);
        let dst = format!("10.{net}.0.{host}");
        let (st, text) = run(&mut sh, &format!("ip -n n{from} route get {dst}"));
        let ns = world.netns(&format!("n{from}")).expect("namespace exists");
        let walk = world.trace_echo(ns, dst.parse().expect("address"));
        if st != 0 {
            prop_assert!(walk.is_err(), "route get failed ({text}) but the walk went {walk:?}");
            return Ok(());
        }
        let hops = walk.map_err(|e| TestCaseError::fail(format!("route get said {text} but the walk failed: {e:?}")))?;
        // TTL 64 each way, and an ICMP error at most: the walk ends.
        prop_assert!(hops.len() <= 3 * 64, "{} hops", hops.len());
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.first() == Some(&"local") {
            prop_assert!(hops.is_empty(), "local destination left: {hops:?}");
            return Ok(());
        }
        let after = |key: &str| words.iter().position(|w| *w == key).and_then(|i| words.get(i + 1)).map(|s| s.to_string());
        let dev = after("dev").expect("route get names a device");
        let next = after("via").unwrap_or(dst.clone());
        let first = hops.first().ok_or_else(|| TestCaseError::fail(format!("no hop for {text}")))?;
        prop_assert_eq!(first.ns, ns);
        let dev_name = world.with_net(|n| n.ns(ns).and_then(|x| x.link(first.dev)).map(|l| l.name.clone()));
        prop_assert_eq!(dev_name.as_deref(), Some(dev.as_str()), "route get: {}", text);
        prop_assert_eq!(first.next_hop.to_string(), next, "route get: {}", text);
    }
}

#[test]
fn a_routing_loop_ends_in_time_exceeded() {
    // n1 and n2 send 10.5.0.0/24 to each other; n0 is a host behind n1
    // (a packet coming back to its own source would be dropped as martian).
    let t = Topology {
        namespaces: 3,
        links: vec![(0, 1), (1, 2)],
        routes: vec![(0, 5, 0), (1, 5, 1), (2, 5, 1), (2, 0, 1)],
        forwarding: vec![false, true, true],
    };
    let (world, mut sh) = build(&t);
    let (st, text) = run(&mut sh, "ip netns exec n0 ping -c 1 -W 1 10.5.0.1");
    assert_eq!(st, 1, "{text}");
    assert!(text.contains("Time to live exceeded"), "{text}");
    let ns = world.netns("n0").expect("n0");
    let hops = world.trace_echo(ns, "10.5.0.1".parse().expect("address")).expect("routable");
    assert!(hops.len() >= 64 && hops.len() <= 3 * 64, "{}", hops.len());
}
