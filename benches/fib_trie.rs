//! The routing-table trie at internet scale: 1,000,000 IPv4 prefixes with a
//! realistic length mix (about 60% /24, most of the rest /16–/23, a few
//! /8–/15 and /25–/32), each mapped to a `u32` index as a routing table's
//! entries would be.
//!
//! Besides criterion's measurements, prints one summary block to stdout:
//! insertion ns per prefix, `longest_match` ns for random addresses and for
//! addresses inside stored prefixes, removal ns, and heap bytes per prefix
//! (`memory_bytes() / len`). Targets: lookup ≤ 50 ns, ≤ 48 bytes per route
//! including the 4-byte value.
//!
//! Run with `cargo bench --bench fib_trie`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use iplab::stack::fib::PrefixTrie;

/// Prefixes in the big table.
const ROUTES: usize = 1_000_000;
/// Addresses per lookup batch.
const PROBES: usize = 1 << 16;
/// Prefixes in the IPv6 table.
const V6_ROUTES: usize = 200_000;

/// splitmix64: deterministic, seeded, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Prefix lengths per mille, shaped like a full IPv4 BGP table.
const LENGTH_MIX: [(u8, u64); 25] = [
    (8, 1),
    (9, 1),
    (10, 1),
    (11, 1),
    (12, 1),
    (13, 1),
    (14, 2),
    (15, 2),
    (16, 15),
    (17, 8),
    (18, 15),
    (19, 28),
    (20, 40),
    (21, 45),
    (22, 110),
    (23, 100),
    (24, 600),
    (25, 5),
    (26, 5),
    (27, 4),
    (28, 4),
    (29, 5),
    (30, 3),
    (31, 1),
    (32, 2),
];

fn random_len(rng: &mut Rng) -> u8 {
    let mut x = rng.below(1000);
    for (len, weight) in LENGTH_MIX {
        if x < weight {
            return len;
        }
        x -= weight;
    }
    24
}

fn mask(addr: u32, len: u8) -> u32 {
    if len >= 32 { addr } else { addr & !(u32::MAX >> len) }
}

/// `n` distinct unicast prefixes (first octet 1–223), canonical.
fn prefixes(n: usize, seed: u64) -> Vec<(u32, u8)> {
    let mut rng = Rng(seed);
    let mut seen = PrefixTrie::<u32, ()>::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let len = random_len(&mut rng);
        let first = 1 + rng.below(223) as u32;
        let addr = mask((first << 24) | (rng.next() as u32 & 0x00ff_ffff), len);
        if seen.insert(addr, len, ()).is_none() {
            out.push((addr, len));
        }
    }
    out
}

fn build(prefixes: &[(u32, u8)]) -> PrefixTrie<u32, u32> {
    let mut t = PrefixTrie::new();
    for (i, &(addr, len)) in prefixes.iter().enumerate() {
        t.insert(addr, len, i as u32);
    }
    t
}

/// Uniformly random addresses (many miss or hit only short prefixes).
fn random_addrs(n: usize, seed: u64) -> Vec<u32> {
    let mut rng = Rng(seed);
    (0..n).map(|_| rng.next() as u32).collect()
}

/// Addresses inside randomly chosen stored prefixes.
fn inside_addrs(prefixes: &[(u32, u8)], n: usize, seed: u64) -> Vec<u32> {
    let mut rng = Rng(seed);
    (0..n)
        .map(|_| {
            let (addr, len) = prefixes[rng.below(prefixes.len() as u64) as usize];
            addr | (rng.next() as u32 & !mask(u32::MAX, len))
        })
        .collect()
}

fn lookup_all_v6(t: &PrefixTrie<u128, u32>, addrs: &[u128]) -> u64 {
    let mut sum = 0u64;
    for &a in addrs {
        if let Some((_, len, v)) = t.longest_match(black_box(a)) {
            sum += u64::from(*v) + u64::from(len);
        }
    }
    sum
}

/// IPv6 prefixes shaped like a BGP table: registry allocations (/29–/32)
/// under 2000::/3, and the announced prefixes inside them (mostly /48, then
/// /32–/47, a few /56 and /64).
fn v6_prefixes(n: usize, seed: u64) -> Vec<(u128, u8)> {
    const MIX: [(u8, u64); 12] =
        [(29, 3), (32, 12), (33, 2), (36, 4), (40, 6), (44, 8), (45, 2), (46, 3), (47, 4), (48, 50), (56, 3), (64, 3)];
    let mut rng = Rng(seed);
    let random = |rng: &mut Rng| u128::from(rng.next()) << 64 | u128::from(rng.next());
    let allocations: Vec<u128> = (0..n / 20).map(|_| ((0x2000u128 << 112) | random(&mut rng) >> 3) & !(u128::MAX >> 32)).collect();
    let mut seen = PrefixTrie::<u128, ()>::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let mut x = rng.below(100);
        let mut len = 48;
        for (l, w) in MIX {
            if x < w {
                len = l;
                break;
            }
            x -= w;
        }
        let base = allocations[rng.below(allocations.len() as u64) as usize];
        let addr = (base | random(&mut rng) >> 32) & !(u128::MAX >> len);
        if seen.insert(addr, len, ()).is_none() {
            out.push((addr, len));
        }
    }
    out
}

fn lookup_all(t: &PrefixTrie<u32, u32>, addrs: &[u32]) -> u64 {
    let mut sum = 0u64;
    for &a in addrs {
        if let Some((_, len, v)) = t.longest_match(black_box(a)) {
            sum += u64::from(*v) + u64::from(len);
        }
    }
    sum
}

/// Average ns per lookup over `rounds` passes of `addrs`.
fn time_lookups(t: &PrefixTrie<u32, u32>, addrs: &[u32], rounds: usize) -> f64 {
    let start = Instant::now();
    for _ in 0..rounds {
        black_box(lookup_all(t, addrs));
    }
    start.elapsed().as_nanos() as f64 / (rounds * addrs.len()) as f64
}

fn ns_per(d: Duration, n: usize) -> f64 {
    d.as_nanos() as f64 / n as f64
}

/// The summary block on stdout (plain timings, best of a few runs).
fn summary(prefixes: &[(u32, u8)], random: &[u32], inside: &[u32]) {
    let mut build_ns = f64::MAX;
    let mut t = PrefixTrie::new();
    for _ in 0..3 {
        let start = Instant::now();
        t = build(prefixes);
        build_ns = build_ns.min(ns_per(start.elapsed(), prefixes.len()));
    }
    let bytes = t.memory_bytes() as f64 / t.len() as f64;
    let hits = random.iter().filter(|&&a| t.longest_match(a).is_some()).count();
    let random_ns = (0..3).map(|_| time_lookups(&t, random, 40)).fold(f64::MAX, f64::min);
    let inside_ns = (0..3).map(|_| time_lookups(&t, inside, 40)).fold(f64::MAX, f64::min);
    let matches_ns = {
        let start = Instant::now();
        let mut n = 0;
        for &a in inside {
            n += black_box(&t).matches(a).count();
        }
        black_box(n);
        ns_per(start.elapsed(), inside.len())
    };
    let dump_ns = {
        let start = Instant::now();
        black_box(t.iter_linux_v4().count());
        ns_per(start.elapsed(), t.len())
    };
    let mut sorted = prefixes.to_vec();
    sorted.sort_unstable();
    let sorted_ns = {
        let start = Instant::now();
        let s = build(&sorted);
        let ns = ns_per(start.elapsed(), sorted.len());
        black_box(s);
        ns
    };
    let remove_ns = {
        let start = Instant::now();
        for &(addr, len) in prefixes {
            black_box(t.remove(addr, len));
        }
        ns_per(start.elapsed(), prefixes.len())
    };
    assert!(t.is_empty());
    let mut lens = [0usize; 33];
    prefixes.iter().for_each(|&(_, l)| lens[l as usize] += 1);
    println!("fib_trie summary ({} IPv4 prefixes, u32 values)", prefixes.len());
    println!("  /24 share               {:.1}%", 100.0 * lens[24] as f64 / prefixes.len() as f64);
    println!("  insert (random order)   {build_ns:.1} ns/prefix");
    println!("  insert (sorted order)   {sorted_ns:.1} ns/prefix");
    println!("  remove (random order)   {remove_ns:.1} ns/prefix");
    println!("  memory                  {bytes:.1} bytes/prefix (memory_bytes / len)");
    println!("  longest_match random    {random_ns:.1} ns ({:.0}% hit)", 100.0 * hits as f64 / random.len() as f64);
    println!("  longest_match inside    {inside_ns:.1} ns");
    println!("  matches().count inside  {matches_ns:.1} ns");
    println!("  iter_linux_v4 dump      {dump_ns:.1} ns/prefix");
}

fn bench(c: &mut Criterion) {
    let prefixes = prefixes(ROUTES, 1);
    let random = random_addrs(PROBES, 2);
    let inside = inside_addrs(&prefixes, PROBES, 3);
    summary(&prefixes, &random, &inside);

    let table = build(&prefixes);

    let mut g = c.benchmark_group("fib_trie_lookup_1M");
    g.throughput(Throughput::Elements(PROBES as u64));
    g.bench_function("longest_match_random", |b| b.iter(|| lookup_all(&table, &random)));
    g.bench_function("longest_match_inside", |b| b.iter(|| lookup_all(&table, &inside)));
    g.finish();

    // Steady state: each iteration removes and re-adds the same prefixes.
    let mut g = c.benchmark_group("fib_trie_update_1M");
    let churn: Vec<(u32, u8)> = prefixes.iter().step_by(ROUTES / PROBES).copied().collect();
    g.throughput(Throughput::Elements(churn.len() as u64));
    let mut t = table.clone();
    g.bench_function("remove_then_insert", |b| {
        b.iter(|| {
            for &(addr, len) in &churn {
                if let Some(v) = t.remove(black_box(addr), len) {
                    t.insert(addr, len, v);
                }
            }
        })
    });
    g.finish();
    drop(t);

    let mut g = c.benchmark_group("fib_trie_build");
    g.sample_size(10);
    g.throughput(Throughput::Elements(ROUTES as u64));
    g.bench_function("insert_1M", |b| b.iter(|| build(&prefixes)));
    g.finish();

    let v6 = v6_prefixes(V6_ROUTES, 4);
    let mut t6 = PrefixTrie::<u128, u32>::new();
    for (i, &(addr, len)) in v6.iter().enumerate() {
        t6.insert(addr, len, i as u32);
    }
    let mut rng = Rng(5);
    let probes6: Vec<u128> = (0..PROBES)
        .map(|_| {
            let (addr, len) = v6[rng.below(v6.len() as u64) as usize];
            let host = (u128::from(rng.next()) << 64 | u128::from(rng.next())).checked_shr(u32::from(len)).unwrap_or(0);
            addr | host
        })
        .collect();
    let start = Instant::now();
    black_box(lookup_all_v6(&t6, &probes6));
    println!(
        "fib_trie summary ({} IPv6 prefixes): {:.1} bytes/prefix, longest_match inside {:.1} ns (first pass)",
        t6.len(),
        t6.memory_bytes() as f64 / t6.len() as f64,
        ns_per(start.elapsed(), probes6.len())
    );
    let mut g = c.benchmark_group("fib_trie_lookup_v6");
    g.throughput(Throughput::Elements(PROBES as u64));
    g.bench_function("longest_match_inside", |b| b.iter(|| lookup_all_v6(&t6, &probes6)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
