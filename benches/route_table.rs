//! A full Internet-sized routing table through the front door: inserts
//! 1,000,000 IPv4 routes with RTM_NEWROUTE through `Socket::send`, then times
//! `route get` lookups (RTM_GETROUTE through the socket) and the FIB lookup
//! itself, and reports the memory the table takes per route.
//!
//! Run with `cargo bench --bench route_table`; `benches/kernel_routes.sh`
//! measures the same insertions on the real kernel through `ip -batch`, and
//! `benches/route_insert.sh` times the very same datagrams, 64 to a send,
//! on both (with `ROUTE_BATCHES_OUT` set this bench does only its half).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use criterion::{Criterion, black_box};
use iplab::wire::link::IfInfoRepr;
use iplab::wire::route::RtMsgRepr;
use iplab::wire::{MessageBuilder, NLM_F_ACK, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REQUEST, NlaWriter};
use iplab::{Creds, Socket, World};

/// The system allocator, counting the bytes currently allocated, so the
/// table's memory is measured rather than estimated.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

/// Set (from `ROUTE_BENCH_THP=1`) to ask Linux for transparent huge pages
/// on every allocation of 2 MiB or more (`madvise(MADV_HUGEPAGE)`), where
/// the system's THP mode is `madvise`.
static HUGE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Advises huge pages for the whole pages inside `ptr..ptr+size`.
fn advise_huge(ptr: *mut u8, size: usize) {
    #[cfg(target_os = "linux")]
    if HUGE.load(Ordering::Relaxed) && size >= 2 << 20 && !ptr.is_null() {
        let start = (ptr as usize + 4095) & !4095;
        let end = (ptr as usize + size) & !4095;
        // SAFETY: advice only, on whole pages of a live allocation.
        unsafe { libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE) };
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        let p = unsafe { System.alloc(layout) };
        advise_huge(p, layout.size());
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        advise_huge(p, new_size);
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// A small deterministic generator (xorshift64*), so every run builds the same table.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Prefix lengths in roughly the proportions of today's IPv4 Internet table:
/// about 60% /24, most of the rest /16–/23, a few shorter and longer ones.
fn prefix_len(r: u64) -> u8 {
    match r % 1000 {
        0..=599 => 24,
        600..=699 => 22,
        700..=779 => 23,
        780..=839 => 21,
        840..=889 => 20,
        890..=929 => 19,
        930..=959 => 16,
        960..=974 => 18,
        975..=984 => 17,
        985..=989 => 15,
        990..=992 => 14,
        993..=994 => 12,
        995 => 8,
        996..=997 => 25,
        998 => 28,
        _ => 32,
    }
}

/// `count` distinct canonical prefixes outside 10.0.0.0/8.
pub fn prefixes(count: usize) -> Vec<(u32, u8)> {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut seen = std::collections::HashSet::with_capacity(count);
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let len = prefix_len(rng.next());
        let addr = (rng.next() >> 32) as u32;
        let mask = if len == 0 { 0 } else { u32::MAX << (32 - u32::from(len)) };
        let p = addr & mask;
        if p >> 24 == 10 || p >> 24 == 127 || p >> 28 >= 14 || p == 0 {
            continue;
        }
        if seen.insert((p, len)) {
            out.push((p, len));
        }
    }
    out
}

fn request(seq: u32, dst: u32, len: u8, gw: u32) -> Vec<u8> {
    let mut b = MessageBuilder::new(24, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, seq, 0);
    b.push(&RtMsgRepr { family: 2, dst_len: len, table: 254, protocol: 4, scope: 0, kind: 1, ..Default::default() }.to_bytes());
    b.put_u32(15, 254);
    b.put(1, &dst.to_be_bytes());
    b.put(5, &gw.to_be_bytes());
    b.finish()
}

/// A world with a veth pair up and 10.0.0.1/8 on v0, so 10.0.0.254 is a valid gateway.
fn world_with_uplink(keep_history: bool) -> (World, Socket) {
    let world = if keep_history { World::new() } else { World::without_history() };
    let s = world.socket(world.initial_ns(), Creds::ROOT).unwrap();
    let mut add = MessageBuilder::new(16, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, 1, 0);
    add.push(&IfInfoRepr::default().to_bytes());
    add.put_str(3, "v0");
    let li = add.begin_nest(18);
    add.put_str(1, "veth");
    add.end_nest(li);
    s.send(&add.finish());
    for (seq, index) in [(2, 2), (3, 3)] {
        let mut up = MessageBuilder::new(16, NLM_F_REQUEST | NLM_F_ACK, seq, 0);
        up.push(&IfInfoRepr { index, flags: 1, change: 1, ..Default::default() }.to_bytes());
        s.send(&up.finish());
    }
    let mut addr = MessageBuilder::new(20, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, 4, 0);
    addr.push(&iplab::wire::addr::IfAddrRepr { family: 2, prefix_len: 8, flags: 0, scope: 0, index: 3 }.to_bytes());
    addr.put(2, &[10, 0, 0, 1]);
    addr.put(1, &[10, 0, 0, 1]);
    s.send(&addr.finish());
    (world, s)
}

fn route_get(seq: u32, dst: u32) -> Vec<u8> {
    let mut b = MessageBuilder::new(26, NLM_F_REQUEST, seq, 0);
    b.push(&RtMsgRepr { family: 2, dst_len: 32, ..Default::default() }.to_bytes());
    b.put(1, &dst.to_be_bytes());
    b.finish()
}

/// Sends every request; returns the time taken, the heap growth and the
/// number of requests the kernel refused.
fn insert_all(sock: &Socket, requests: &[Vec<u8>]) -> (std::time::Duration, usize, usize) {
    let before = LIVE.load(Ordering::Relaxed);
    let start = Instant::now();
    let mut failures = 0usize;
    for r in requests {
        let replies = sock.send(r);
        if replies.iter().any(|m| m.len() >= 20 && m[16..20] != [0, 0, 0, 0]) {
            failures += 1;
        }
    }
    let took = start.elapsed();
    sock.drain();
    (took, LIVE.load(Ordering::Relaxed).saturating_sub(before), failures)
}

/// Requests per datagram in the side-by-side run (`benches/route_insert.sh`).
const BATCH: usize = 64;

/// The side-by-side run: the requests `BATCH` to a datagram, written to
/// `path` for `benches/route_insert.c` (each as a little-endian u32 length
/// and its bytes) and sent through `Socket::send` on a world that keeps no
/// replay log; prints `iplab ROUTES FAILED SECONDS CPU_SECONDS`.
fn batches_side_by_side(requests: &[Vec<u8>], path: &str) {
    let batches: Vec<Vec<u8>> = requests.chunks(BATCH).map(|c| c.concat()).collect();
    let mut file = Vec::with_capacity(batches.iter().map(|b| b.len() + 4).sum());
    for b in &batches {
        file.extend_from_slice(&(b.len() as u32).to_le_bytes());
        file.extend_from_slice(b);
    }
    std::fs::write(path, &file).expect("write the datagrams");
    let (_world, sock) = world_with_uplink(false);
    let start_cpu = cpu_seconds();
    let start = Instant::now();
    let mut failed = 0usize;
    for b in &batches {
        for m in sock.send(b) {
            if m.len() >= 20 && m[4..6] == 2u16.to_ne_bytes() && m[16..20] != [0, 0, 0, 0] {
                failed += 1;
            }
        }
    }
    let took = start.elapsed();
    let took_cpu = cpu_seconds() - start_cpu;
    println!("iplab {} {failed} {:.6} {took_cpu:.6}", requests.len(), took.as_secs_f64());
}

/// This process's CPU time so far (user and system), in seconds, from
/// `/proc/self/stat` (clock ticks of 1/100 s); 0 where that is missing.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after ")".
    (ticks(11) + ticks(12)) as f64 / 100.0
}

/// Nanoseconds per FIB longest match over `blocks` passes of `probes`,
/// each pass timed alone: (fastest pass, median pass). On a shared machine
/// the fastest pass is the one least disturbed by other processes.
fn lookup_passes(world: &World, probes: &[u32], blocks: usize) -> Vec<f64> {
    (0..blocks)
        .map(|_| {
            let start = Instant::now();
            for &p in probes {
                world.with_net(|n| black_box(n.ns(world.initial_ns()).and_then(|ns| ns.fib4.longest_match(254, black_box(p))).is_some()));
            }
            start.elapsed().as_nanos() as f64 / probes.len() as f64
        })
        .collect()
}

/// The fastest and the median of some timings.
fn floor_and_median(mut t: Vec<f64>) -> (f64, f64) {
    t.sort_by(f64::total_cmp);
    (t.first().copied().unwrap_or(0.0), t.get(t.len() / 2).copied().unwrap_or(0.0))
}

/// Random addresses inside the table's prefixes.
fn probes_into(table: &[(u32, u8)], n: usize) -> Vec<u32> {
    let mut rng = Rng(42);
    (0..n)
        .map(|_| {
            let (p, l) = table[(rng.next() % table.len() as u64) as usize];
            let host = if l >= 32 { 0 } else { (rng.next() as u32) & (u32::MAX >> l) };
            p | host
        })
        .collect()
}

fn main() {
    HUGE.store(std::env::var("ROUTE_BENCH_THP").is_ok_and(|v| v == "1"), Ordering::Relaxed);
    let count: usize = std::env::var("ROUTES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let table = prefixes(count);
    let gw = u32::from_be_bytes([10, 0, 0, 254]);
    let requests: Vec<Vec<u8>> = table.iter().enumerate().map(|(i, (p, l))| request(i as u32 + 10, *p, *l, gw)).collect();
    if std::env::var("ROUTE_BENCH_THP_AB").is_ok_and(|v| v == "1") {
        // Two tables, the second on memory advised for huge pages; their
        // lookups timed in alternating passes.
        let (plain, plain_sock) = world_with_uplink(false);
        insert_all(&plain_sock, &requests);
        HUGE.store(true, Ordering::Relaxed);
        let (huge, huge_sock) = world_with_uplink(false);
        insert_all(&huge_sock, &requests);
        HUGE.store(false, Ordering::Relaxed);
        let probes = probes_into(&table, 4096);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for _ in 0..300 {
            a.extend(lookup_passes(&plain, &probes, 1));
            b.extend(lookup_passes(&huge, &probes, 1));
        }
        let ((fa, ma), (fb, mb)) = (floor_and_median(a), floor_and_median(b));
        let smaps = std::fs::read_to_string("/proc/self/smaps_rollup").unwrap_or_default();
        let huge_kb = smaps.lines().find(|l| l.starts_with("AnonHugePages:")).unwrap_or("AnonHugePages: ?");
        println!("{huge_kb}");
        println!(
            "FIB longest match, 4 KiB pages: fastest pass {fa:.1} ns, median {ma:.1} ns; huge pages advised: fastest {fb:.1} ns, median {mb:.1} ns"
        );
        return;
    }
    if let Ok(path) = std::env::var("ROUTE_BATCHES_OUT") {
        batches_side_by_side(&requests, &path);
        return;
    }
    // The table alone: a world that keeps no replay log of the requests.
    let (bare, bare_sock) = world_with_uplink(false);
    let (_, grown, _) = insert_all(&bare_sock, &requests);
    let routes = bare.with_net(|n| n.ns(bare.initial_ns()).map(|ns| ns.fib4.route_count()).unwrap_or(0));
    let bytes = bare.with_net(|n| n.ns(bare.initial_ns()).map(|ns| ns.fib4.memory_bytes()).unwrap_or(0));
    let lists = bare.with_net(|n| n.ns(bare.initial_ns()).map(|ns| ns.fib4.distinct_lists()).unwrap_or(0));
    println!(
        "the heap grew by {grown} bytes for {routes} routes: {:.1} bytes per route (the table's own count: {:.1}; {lists} distinct route lists)",
        grown as f64 / routes.max(1) as f64,
        bytes as f64 / routes.max(1) as f64
    );
    drop((bare_sock, bare));

    // A default world, which also keeps every request for snapshots.
    let (world, sock) = world_with_uplink(true);
    let (insert, grown, failures) = insert_all(&sock, &requests);
    println!(
        "inserted {} routes in {:.3} s: {:.1} ns per route through Socket::send ({failures} failed)",
        count,
        insert.as_secs_f64(),
        insert.as_nanos() as f64 / count as f64
    );
    println!("with the replay log the heap grew by {grown} bytes: {:.1} bytes per route", grown as f64 / count.max(1) as f64);

    let probes = probes_into(&table, 4096);
    let (floor, median) = floor_and_median(lookup_passes(&world, &probes, 300));
    println!("FIB longest match, 300 passes of 4096 addresses: fastest pass {floor:.1} ns per lookup, median {median:.1} ns");
    if std::env::var("LOOKUP_ONLY").is_ok() {
        return;
    }
    let mut c = Criterion::default().configure_from_args().sample_size(20);
    let mut i = 0usize;
    c.bench_function("route get via Socket::send (1M routes)", |b| {
        b.iter(|| {
            i = (i + 1) % probes.len();
            black_box(sock.send(&route_get(1, probes[i])))
        })
    });
    let mut j = 0usize;
    c.bench_function("FIB longest match (1M routes)", |b| {
        b.iter(|| {
            j = (j + 1) % probes.len();
            world.with_net(|n| black_box(n.ns(world.initial_ns()).and_then(|ns| ns.fib4.longest_match(254, probes[j])).is_some()))
        })
    });
    let mut k = 0usize;
    c.bench_function("route resolution through the rules (ip_route_output_key, 1M routes)", |b| {
        b.iter(|| {
            k = (k + 1) % probes.len();
            let q = iplab::stack::lookup::Query4 { dst: probes[k], ..Default::default() };
            world.with_net(|n| black_box(n.ns(world.initial_ns()).map(|ns| iplab::stack::lookup::output_v4(ns, &q).is_ok())))
        })
    });
    c.final_summary();
}
