//! Tests of the prefix trie: worked examples of each operation and walk
//! order, and a structural checker (`check`: blocks in bounds and disjoint,
//! free lists honest, no empty nodes); the seeded randomized differential
//! tests against a brute-force model are in tests/differential.rs.

use super::arena::COMPACT_MIN;
use super::key::sealed::Sealed;
use super::node::rel_len;
use super::*;
use std::net::{Ipv4Addr, Ipv6Addr};

fn v4(s: &str) -> u32 {
    u32::from(s.parse::<Ipv4Addr>().unwrap())
}

fn v6(s: &str) -> u128 {
    u128::from(s.parse::<Ipv6Addr>().unwrap())
}

/// splitmix64: a small seeded generator for the randomized tests.
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

/// Checks the structure: block ranges in bounds and disjoint, free blocks
/// hold defaults, every live value slot reachable exactly once, no empty
/// non-root node, and len agrees.
fn check<K: PrefixKey, V>(t: &PrefixTrie<K, V>) {
    // The shortcut index, kept from SHORTCUT_MIN node slots on, names the
    // node at SHORTCUT_VD on each path of SHORTCUT_BITS bits.
    assert!(t.nodes.slots.len() < super::SHORTCUT_MIN || !t.shortcut.is_empty(), "a large trie has its shortcut");
    if !t.shortcut.is_empty() {
        assert_eq!(t.shortcut.len(), 1 << super::SHORTCUT_BITS);
        for (i, &e) in t.shortcut.iter().enumerate() {
            let key = K::default().put_chunk(0, i >> 12).put_chunk(STRIDE, (i >> 6) & 63).put_chunk(2 * STRIDE, i & 63);
            assert_eq!(super::shortcut_of(key), i);
            assert_eq!(e, t.find_node(key, super::SHORTCUT_VD).unwrap_or(super::NO_NODE), "shortcut entry {i}");
        }
    }
    if t.nodes.slots.is_empty() {
        assert_eq!(t.len, 0);
        assert!(t.values.slots.iter().all(Option::is_none));
        return;
    }
    let mut node_used = vec![false; t.nodes.slots.len()];
    let mut val_used = vec![false; t.values.slots.len()];
    node_used[0] = true;
    let mut stack = vec![(0u32, 0u8)];
    let mut count = 0;
    while let Some((idx, vd)) = stack.pop() {
        let cell = &t.nodes.slots[idx as usize];
        let n = cell.node;
        if idx != 0 {
            assert!(!n.is_empty(), "empty node {idx}");
        }
        assert_eq!(n.int & 1, 0);
        let k = n.int.count_ones();
        if k as usize <= INLINE {
            // The values in the cell, in place order; no block.
            assert_eq!(n.values, 0, "node {idx} holds its values in its cell");
            for (i, v) in cell.vals.iter().enumerate() {
                assert_eq!(v.is_some(), i < k as usize, "cell {idx}: values first, then empty places");
            }
        } else {
            assert!(cell.vals.iter().all(Option::is_none), "cell {idx} of a node with a value block is empty");
            for i in 0..block_size(k as usize) as u32 {
                let s = (n.values + i) as usize;
                assert!(!val_used[s], "value slot {s} shared");
                val_used[s] = true;
                assert_eq!(t.values.slots[s].is_some(), i < k, "slack slots are empty");
            }
        }
        count += k as usize;
        // No prefix beyond the key width.
        let mut bits = n.int;
        while bits != 0 {
            let pos = bits.trailing_zeros();
            assert!(vd + rel_len(pos) >= OFFSET && real_len(vd, pos) <= K::BITS);
            bits &= bits - 1;
        }
        let kids = n.ext.count_ones();
        for i in 0..super::node::children_block(n.ext) as u32 {
            let s = n.children + i;
            assert!(!node_used[s as usize], "node slot {s} shared");
            node_used[s as usize] = true;
            // A direct-indexed block has the child of chunk c at place c.
            let live = if n.ext.count_ones() >= super::node::DIRECT { n.ext >> i & 1 == 1 } else { i < kids };
            if live {
                stack.push((s, vd + STRIDE));
            } else {
                let slack = &t.nodes.slots[s as usize];
                assert_eq!(slack.node, Node::default(), "slack slots are empty");
                assert!(slack.vals.iter().all(Option::is_none), "slack slots are empty");
            }
        }
    }
    assert_eq!(count, t.len);
    let mut free_nodes = 0;
    for (n, list) in t.nodes.free.iter().enumerate() {
        for &s in list {
            for used in &mut node_used[s as usize..s as usize + n] {
                assert!(!*used);
                *used = true;
                free_nodes += 1;
            }
        }
    }
    assert_eq!(free_nodes, t.nodes.free_count);
    let mut free_vals = 0;
    for (n, list) in t.values.free.iter().enumerate() {
        for &s in list {
            let range = s as usize..s as usize + n;
            assert!(range.clone().all(|i| t.values.slots[i].is_none()));
            for used in &mut val_used[range] {
                assert!(!*used);
                *used = true;
                free_vals += 1;
            }
        }
    }
    assert_eq!(free_vals, t.values.free_count);
    let inline = t.nodes.slots.iter().map(|c| c.vals.iter().filter(|v| v.is_some()).count()).sum::<usize>();
    assert_eq!(t.values.slots.iter().filter(|v| v.is_some()).count() + inline, t.len);
    // Free node slots hold empty cells.
    for (n, list) in t.nodes.free.iter().enumerate() {
        for &s in list {
            for c in (s as usize..s as usize + n).map(|i| &t.nodes.slots[i]) {
                assert!(c.node == Node::default() && c.vals.iter().all(Option::is_none), "free cells are empty");
            }
        }
    }
}

#[test]
fn chunks_u32() {
    let k = v4("128.0.0.1");
    assert_eq!(k.chunk(0), 1);
    assert_eq!(k.chunk(6), 0);
    assert_eq!(k.chunk(36), 0b100000);
    assert_eq!(v4("255.255.255.255").chunk(36), 0b100000);
    assert_eq!(v4("255.255.255.255").chunk(42), 0);
    assert_eq!(0u32.put_chunk(0, 1), v4("128.0.0.0"));
    assert_eq!(0u32.put_chunk(6, 63), v4("126.0.0.0"));
    assert_eq!(0u32.put_chunk(36, 63), 1);
    assert_eq!(0u32.put_chunk(200, 63), 0);
    for vd in (0..=36).step_by(6) {
        for c in 0..64 {
            let k = 0u32.put_chunk(vd, c);
            let expect = if vd == 0 {
                c & 1
            } else if vd == 36 {
                c & 0b100000
            } else {
                c
            };
            assert_eq!(k.chunk(vd), expect, "vd {vd} c {c}");
        }
    }
}

#[test]
fn chunks_u128() {
    let k = v6("8000::1");
    assert_eq!(k.chunk(0), 1);
    assert_eq!(k.chunk(132), 0b100000);
    assert_eq!(k.chunk(138), 0);
    assert_eq!(0u128.put_chunk(0, 1), v6("8000::"));
    assert_eq!(0u128.put_chunk(132, 63), 1);
    for vd in (0..=132).step_by(6) {
        for c in 0..64 {
            let k = 0u128.put_chunk(vd, c);
            let expect = if vd == 0 {
                c & 1
            } else if vd == 132 {
                c & 0b100000
            } else {
                c
            };
            assert_eq!(k.chunk(vd), expect, "vd {vd} c {c}");
        }
    }
}

#[test]
fn masks_and_canonical() {
    assert_eq!(v4("10.1.2.3").mask(8), v4("10.0.0.0"));
    assert_eq!(v4("10.1.2.3").mask(0), 0);
    assert_eq!(v4("10.1.2.3").mask(32), v4("10.1.2.3"));
    assert_eq!(v4("10.1.2.3").mask(200), v4("10.1.2.3"));
    assert_eq!(u128::MAX.mask(0), 0);
    assert_eq!(u128::MAX.mask(1), 1 << 127);
    assert_eq!(u128::MAX.mask(128), u128::MAX);
    assert!(is_canonical(v4("10.0.0.0"), 8));
    assert!(!is_canonical(v4("10.0.0.1"), 8));
    assert!(is_canonical(v4("10.0.0.1"), 32));
    assert!(!is_canonical(v4("10.0.0.1"), 33));
    assert!(is_canonical(0u32, 0));
    assert!(!is_canonical(1u32 << 31, 0));
    assert!(is_canonical(u128::MAX, 128));
    assert!(!is_canonical(0u128, 129));
    assert!(v6("fe80::").is_canonical(10));
}

#[test]
fn insert_get_remove() {
    let mut t = PrefixTrie::<u32, u32>::new();
    assert!(t.is_empty());
    assert_eq!(t.get(0, 0), None);
    assert_eq!(t.insert(v4("10.1.2.3"), 8, 1), None);
    assert_eq!(t.get(v4("10.0.0.0"), 8), Some(&1));
    assert_eq!(t.get(v4("10.9.9.9"), 8), Some(&1));
    assert_eq!(t.get(v4("10.0.0.0"), 9), None);
    assert_eq!(t.insert(v4("10.0.0.0"), 8, 2), Some(1));
    assert_eq!(t.len(), 1);
    t.insert(0, 0, 3);
    t.insert(v4("255.255.255.255"), 32, 4);
    t.insert(v4("10.0.0.0"), 24, 5);
    assert_eq!(t.len(), 4);
    *t.get_mut(0, 0).unwrap() += 10;
    assert_eq!(t.get(0, 0), Some(&13));
    assert!(t.contains(v4("255.255.255.255"), 32));
    assert_eq!(t.remove(v4("10.0.0.0"), 16), None);
    assert_eq!(t.remove(v4("10.0.0.0"), 8), Some(2));
    assert_eq!(t.remove(v4("10.0.0.0"), 8), None);
    assert_eq!(t.longest_match(v4("10.0.0.7")), Some((v4("10.0.0.0"), 24, &5)));
    assert_eq!(t.longest_match(v4("10.0.1.7")), Some((0, 0, &13)));
    assert_eq!(t.remove(0, 0), Some(13));
    assert_eq!(t.longest_match(v4("10.0.1.7")), None);
    assert_eq!(t.remove(v4("255.255.255.255"), 32), Some(4));
    assert_eq!(t.remove(v4("10.0.0.0"), 24), Some(5));
    assert!(t.is_empty());
    check(&t);
    assert_eq!(t.memory_bytes(), mem::size_of::<PrefixTrie<u32, u32>>());
}

#[test]
fn out_of_range_lengths_are_refused() {
    let mut t = PrefixTrie::<u32, &str>::new();
    assert_eq!(t.insert(1, 33, "x"), None);
    assert_eq!(t.try_insert(1, 33, "x"), Err("x"));
    assert_eq!(t.try_insert(1, 255, "x"), Err("x"));
    assert!(t.is_empty());
    assert_eq!(t.try_get_or_insert_with(1, 40, || unreachable!()), None);
    assert_eq!(t.get(1, 33), None);
    assert_eq!(t.get_mut(1, 33), None);
    assert_eq!(t.remove(1, 33), None);
    // get_or_insert_with takes a too-long length as a host prefix.
    *t.get_or_insert_with(1, 200, || "h") = "host";
    assert_eq!(t.get(1, 32), Some(&"host"));
    let mut t6 = PrefixTrie::<u128, u8>::new();
    assert_eq!(t6.try_insert(1, 129, 9), Err(9));
    assert_eq!(t6.try_insert(1, 128, 9), Ok(None));
    assert_eq!(t6.longest_match(1), Some((1, 128, &9)));
    assert_eq!(t6.longest_match(2), None);
}

#[test]
fn get_or_insert_with_inserts_once() {
    let mut t = PrefixTrie::<u32, Vec<u32>>::new();
    t.get_or_insert_with(v4("10.0.0.0"), 8, Vec::new).push(1);
    t.get_or_insert_with(v4("10.0.0.0"), 8, || unreachable!()).push(2);
    t.try_get_or_insert_with(v4("10.0.0.0"), 8, || unreachable!()).unwrap().push(3);
    assert_eq!(t.get(v4("10.0.0.0"), 8), Some(&vec![1, 2, 3]));
    assert_eq!(t.len(), 1);
}

#[test]
fn matches_longest_first() {
    let mut t = PrefixTrie::<u32, u32>::new();
    for (s, l) in
        [("0.0.0.0", 0), ("10.0.0.0", 8), ("10.1.0.0", 16), ("10.1.2.0", 24), ("10.1.2.3", 32), ("10.1.2.4", 32), ("10.1.0.0", 17)]
    {
        t.insert(v4(s), l, u32::from(l));
    }
    let got: Vec<_> = t.matches(v4("10.1.2.3")).map(|(k, l, _)| (Ipv4Addr::from(k).to_string(), l)).collect();
    assert_eq!(
        got,
        [
            ("10.1.2.3".into(), 32),
            ("10.1.2.0".into(), 24),
            ("10.1.0.0".into(), 17),
            ("10.1.0.0".into(), 16),
            ("10.0.0.0".into(), 8),
            ("0.0.0.0".into(), 0)
        ]
    );
    assert_eq!(t.matches(v4("11.0.0.0")).count(), 1);
    assert_eq!(PrefixTrie::<u32, u32>::new().matches(1).count(), 0);
    let mut t6 = PrefixTrie::<u128, u8>::new();
    t6.insert(0, 0, 0);
    t6.insert(v6("2001:db8::"), 32, 32);
    t6.insert(v6("2001:db8::"), 64, 64);
    t6.insert(v6("2001:db8::1"), 128, 128);
    let lens: Vec<_> = t6.matches(v6("2001:db8::1")).map(|(_, l, v)| (l, *v)).collect();
    assert_eq!(lens, [(128, 128), (64, 64), (32, 32), (0, 0)]);
    assert_eq!(t6.longest_match(v6("2001:db8:0:1::1")), Some((v6("2001:db8::"), 32, &32)));
}

/// A node's values move from its cell to a value block when it gains its
/// eleventh prefix and back when it drops to ten, by insert, remove and
/// retain, in any place order; lookups find each value throughout.
#[test]
fn values_move_between_cell_and_block() {
    // /19–/24 under 10.0.0.0/19 share one node: 63 positions.
    let all: Vec<(u32, u8)> = (19..=24u8).flat_map(|l| (0..1u32 << (l - 19)).map(move |i| (v4("10.0.0.0") | i << (32 - l), l))).collect();
    let mut rng = Rng(7);
    for round in 0..20 {
        let mut order = all.clone();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i as u64 + 1) as usize);
        }
        let mut t = PrefixTrie::<u32, u32>::new();
        for (n, &(k, l)) in order.iter().enumerate() {
            assert_eq!(t.insert(k, l, k ^ u32::from(l)), None);
            check(&t);
            for &(k, l) in &order[..=n] {
                assert_eq!(t.get(k, l), Some(&(k ^ u32::from(l))));
            }
            let (mk, ml, mv) = t.longest_match(k | 1).unwrap();
            assert!(ml >= l && *mv == mk ^ u32::from(ml));
        }
        if round % 2 == 0 {
            for (n, &(k, l)) in order.iter().enumerate() {
                assert_eq!(t.remove(k, l), Some(k ^ u32::from(l)));
                check(&t);
                for &(k, l) in &order[n + 1..] {
                    assert_eq!(t.get(k, l), Some(&(k ^ u32::from(l))));
                }
            }
        } else {
            // Keep about `round` of them: from a block straight back to the cell.
            let keep = round as u64 % 12;
            t.retain(|_, _, v| rng.below(63) < keep || *v % 5 == 0 && keep > 8);
            check(&t);
            assert_eq!(t.iter().count(), t.len());
            assert!(t.iter().all(|(k, l, v)| *v == k ^ u32::from(l)));
        }
    }
}

/// A node's children block becomes direct-indexed (`node::DIRECT`) at its
/// 49th child and dense again below it, by insert, remove and retain, with
/// a full walk of the other children, by lookup and in order, at each step.
#[test]
fn children_block_turns_direct_and_back() {
    // The 64 /24s below 10.0.0.0/13 whose next six bits differ: the
    // children of one node, each holding one prefix (and a /25 under some,
    // so that a child has a child of its own to carry along).
    let all: Vec<(u32, u8)> = (0..64u32).map(|c| (v4("10.0.0.0") | c << 13, 24)).collect();
    let mut rng = Rng(11);
    for round in 0..12 {
        let mut order = all.clone();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i as u64 + 1) as usize);
        }
        let mut t = PrefixTrie::<u32, u32>::new();
        t.insert(v4("10.0.0.0"), 8, 8);
        for (n, &(k, l)) in order.iter().enumerate() {
            assert_eq!(t.insert(k, l, k), None);
            if n % 3 == 0 {
                t.insert(k | 0x80, 25, k | 1);
            }
            check(&t);
            for &(k, _) in &order[..=n] {
                assert_eq!(t.get(k, 24), Some(&k));
                assert_eq!(t.longest_match(k | 0x7f).map(|(p, l, v)| (p, l, *v)), Some((k, 24, k)));
            }
            assert_eq!(t.longest_match(v4("10.0.0.1") | 1 << 12).map(|(_, l, _)| l), Some(8));
        }
        assert!(t.nodes.slots.iter().any(|c| c.node.ext.count_ones() == 64), "one node has a child per chunk");
        let mut sorted = all.clone();
        sorted.sort();
        let seen: Vec<(u32, u8)> = t.iter().filter(|e| e.1 == 24).map(|(k, l, _)| (k, l)).collect();
        assert_eq!(seen, sorted);
        if round % 3 == 2 {
            t.compact();
            check(&t);
            assert_eq!(t.iter().filter(|e| e.1 == 24).count(), 64);
        }
        if round % 2 == 0 {
            for (n, &(k, l)) in order.iter().enumerate() {
                t.remove(k | 0x80, 25);
                assert_eq!(t.remove(k, l), Some(k));
                check(&t);
                for &(k, _) in &order[n + 1..] {
                    assert_eq!(t.longest_match(k | 0x7f).map(|(p, l, v)| (p, l, *v)), Some((k, 24, k)));
                }
                assert_eq!(t.longest_match(k).map(|(_, l, _)| l), Some(8));
            }
            assert_eq!(t.len(), 1);
        } else {
            // Drop to about `keep` children: from direct straight to dense.
            let keep = [60u64, 50, 48, 30, 0][round as usize / 2 % 5];
            t.retain(|_, l, _| l != 24 || rng.below(64) < keep);
            check(&t);
            assert!(t.iter().all(|(k, l, v)| l != 24 || *v == k));
            let left: Vec<u32> = t.iter().filter(|e| e.1 == 24).map(|e| e.0).collect();
            for &(k, _) in &all {
                let want = if t.contains(k | 0x80, 25) {
                    25
                } else if left.contains(&k) {
                    24
                } else {
                    8
                };
                assert_eq!(t.longest_match(k | 0x80).map(|(_, l, _)| l), Some(want));
            }
        }
    }
}

#[test]
fn linux_v4_order_example() {
    let mut t = PrefixTrie::<u32, ()>::new();
    for (s, l) in [("192.168.1.0", 24), ("10.1.0.0", 16), ("10.0.0.0", 8), ("10.0.0.0", 24), ("0.0.0.0", 0)] {
        t.insert(v4(s), l, ());
    }
    let got: Vec<_> = t.iter_linux_v4().map(|(k, l, _)| format!("{}/{l}", Ipv4Addr::from(k))).collect();
    assert_eq!(got, ["0.0.0.0/0", "10.0.0.0/24", "10.0.0.0/8", "10.1.0.0/16", "192.168.1.0/24"]);
    assert_eq!(t.iter_linux_v4().len(), 5);
    let pre: Vec<_> = t.iter().map(|(k, l, _)| format!("{}/{l}", Ipv4Addr::from(k))).collect();
    assert_eq!(pre, ["0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/24", "10.1.0.0/16", "192.168.1.0/24"]);
}

#[test]
fn postorder_example() {
    let mut t = PrefixTrie::<u128, ()>::new();
    for (s, l) in [("::", 0), ("fe80::", 64), ("2001:db8::", 64), ("::1", 128)] {
        t.insert(v6(s), l, ());
    }
    let got: Vec<_> = t.iter_postorder().map(|(k, l, _)| format!("{}/{l}", Ipv6Addr::from(k))).collect();
    assert_eq!(got, ["::1/128", "2001:db8::/64", "fe80::/64", "::/0"]);
}

#[test]
fn retain_removes_and_updates() {
    let mut t = PrefixTrie::<u32, u32>::new();
    for i in 0..1000u32 {
        t.insert(i << 12, 20, i);
        t.insert(i << 12, 24, i + 1);
    }
    let mut seen = Vec::new();
    t.retain(|k, l, v| {
        seen.push((k, l));
        *v += 1;
        l == 24
    });
    let expect: Vec<_> = t.iter().map(|(k, l, _)| (k, l)).collect();
    assert_eq!(t.len(), 1000);
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "retain walks in iter order");
    assert_eq!(seen.len(), 2000);
    assert_eq!(expect.len(), 1000);
    assert_eq!(t.get(5 << 12, 24), Some(&7));
    assert_eq!(t.get(5 << 12, 20), None);
    check(&t);
    t.retain(|_, _, _| false);
    assert!(t.is_empty());
    check(&t);
}

#[test]
fn clone_eq_debug() {
    let mut t = PrefixTrie::<u32, u32>::new();
    t.insert(v4("10.0.0.0"), 8, 1);
    t.insert(v4("192.168.0.0"), 16, 2);
    let mut u = t.clone();
    assert_eq!(t, u);
    u.insert(0, 0, 0);
    assert_ne!(t, u);
    u.remove(0, 0);
    assert_eq!(t, u);
    // Same content built in another order compares equal.
    let mut w = PrefixTrie::new();
    w.insert(v4("192.168.0.0"), 16, 2);
    w.insert(v4("1.0.0.0"), 8, 9);
    w.insert(v4("10.0.0.0"), 8, 1);
    w.remove(v4("1.0.0.0"), 8);
    assert_eq!(t, w);
    assert_eq!(format!("{t:?}"), "{10.0.0.0/8: 1, 192.168.0.0/16: 2}");
    let mut t6 = PrefixTrie::<u128, u8>::new();
    t6.insert(v6("fe80::"), 64, 1);
    assert_eq!(format!("{t6:?}"), "{fe80::/64: 1}");
    assert_eq!(PrefixTrie::<u128, u8>::default(), PrefixTrie::new());
}

#[test]
fn values_iterators() {
    let mut t = PrefixTrie::<u32, u32>::new();
    for i in 0..100 {
        t.insert(i << 8, 24, i);
    }
    for i in 0..50 {
        t.remove(i << 8, 24);
    }
    let mut v: Vec<_> = t.values().copied().collect();
    v.sort();
    assert_eq!(v, (50..100).collect::<Vec<_>>());
    t.values_mut().for_each(|v| *v *= 2);
    assert_eq!(t.get(60 << 8, 24), Some(&120));
}

#[test]
fn compaction_keeps_content() {
    let mut t = PrefixTrie::<u32, u32>::new();
    let mut rng = Rng(7);
    let mut keys = Vec::new();
    for _ in 0..20_000 {
        let l = 8 + rng.below(25) as u8;
        let k = (rng.next() as u32).mask(l);
        if t.insert(k, l, k).is_none() {
            keys.push((k, l));
        }
    }
    for (k, l) in keys.iter().skip(1000) {
        assert!(t.remove(*k, *l).is_some());
        if t.len() % 997 == 0 {
            check(&t);
        }
    }
    check(&t);
    assert_eq!(t.len(), 1000);
    assert!(t.nodes.slots.len() < 4 * 1000 + COMPACT_MIN, "arena compacted: {}", t.nodes.slots.len());
    for (k, l) in keys.iter().take(1000) {
        assert_eq!(t.get(*k, *l), Some(k));
    }
    let before: Vec<_> = t.iter().map(|(k, l, v)| (k, l, *v)).collect();
    t.compact();
    check(&t);
    assert_eq!(t.iter().map(|(k, l, v)| (k, l, *v)).collect::<Vec<_>>(), before);
}

#[test]
fn full_length_chain() {
    // Every length on one path, both widths.
    let mut t = PrefixTrie::<u32, u8>::new();
    for l in 0..=32 {
        t.insert(u32::MAX, l, l);
    }
    check(&t);
    let m: Vec<_> = t.matches(u32::MAX).map(|(_, l, _)| l).collect();
    assert_eq!(m, (0..=32).rev().collect::<Vec<_>>());
    let v4o: Vec<_> = t.iter_linux_v4().map(|(_, l, _)| l).collect();
    assert_eq!(v4o, (0..=32).collect::<Vec<_>>(), "keys all differ: ascending key");
    let post: Vec<_> = t.iter_postorder().map(|(_, l, _)| l).collect();
    assert_eq!(post, (0..=32).rev().collect::<Vec<_>>());
    let mut z = PrefixTrie::<u128, u8>::new();
    for l in 0..=128 {
        z.insert(0, l, l);
    }
    check(&z);
    let v4o: Vec<_> = z.iter_linux_v4().map(|(_, l, _)| l).collect();
    assert_eq!(v4o, (0..=128).rev().collect::<Vec<_>>(), "equal keys: longer first");
    for l in (0..=128).step_by(3) {
        assert_eq!(z.remove(0, l), Some(l));
    }
    check(&z);
    assert_eq!(z.longest_match(1).map(|(_, l, _)| l), Some(127));
}

#[test]
fn any_length_is_harmless() {
    // Every operation with every u8 length: refused past the width, no panic.
    let mut t4 = PrefixTrie::<u32, u8>::new();
    let mut t6 = PrefixTrie::<u128, u8>::new();
    for l in 0..=u8::MAX {
        let ok4 = l <= 32;
        let ok6 = l <= 128;
        assert_eq!(t4.try_insert(u32::MAX, l, l).is_ok(), ok4);
        assert_eq!(t6.try_insert(u128::MAX, l, l).is_ok(), ok6);
        assert_eq!(t4.contains(u32::MAX, l), ok4);
        assert_eq!(t6.get(u128::MAX, l).is_some(), ok6);
        assert_eq!(t4.get_mut(u32::MAX, l).is_some(), ok4);
        assert_eq!(t6.try_get_or_insert_with(1, l, || 0).is_some(), ok6);
        t4.get_or_insert_with(1, l, || 0);
        assert_eq!(is_canonical(u32::MAX, l), l == 32);
        assert_eq!(is_canonical(0u128, l), ok6);
    }
    // 1/l and u32::MAX/l share only /0.
    assert_eq!(t4.len(), 33 + 32);
    assert_eq!(t6.len(), 129 + 128);
    assert_eq!(t4.matches(u32::MAX).count(), 33);
    for l in 0..=u8::MAX {
        assert_eq!(t4.remove(u32::MAX, l).is_some(), l <= 32);
        assert_eq!(t6.remove(u128::MAX, l).is_some(), l <= 128);
    }
    check(&t4);
    check(&t6);
}

#[test]
fn values_are_dropped_exactly_once() {
    use std::rc::Rc;
    let token = Rc::new(());
    let mut rng = Rng(99);
    let mut t = PrefixTrie::<u32, (u32, Rc<()>)>::new();
    for round in 0..4 {
        for _ in 0..3000 {
            let l = rng.below(33) as u8;
            let k = (rng.next() as u32) & 0xf0f0_ff00;
            t.insert(k, l, (k, Rc::clone(&token)));
        }
        let before = t.len();
        let mut dropped = 0;
        t.retain(|_, l, _| {
            let keep = l % 3 != round % 3;
            dropped += usize::from(!keep);
            keep
        });
        assert_eq!(t.len(), before - dropped);
        let doomed: Vec<_> = t.iter().step_by(2).map(|(k, l, _)| (k, l)).collect();
        for (k, l) in doomed {
            assert!(t.remove(k, l).is_some());
        }
        check(&t);
        assert_eq!(Rc::strong_count(&token), t.len() + 1);
        let copy = t.clone();
        assert_eq!(Rc::strong_count(&token), 2 * t.len() + 1);
        drop(copy);
    }
    t.clear();
    assert_eq!(Rc::strong_count(&token), 1);
}

mod differential;

#[test]
fn shortcut_index_follows_the_nodes() {
    // Enough prefixes for the shortcut index (SHORTCUT_MIN node slots in
    // tests), spread over the first 13 bits so that entries appear, move
    // and go as the nodes at SHORTCUT_VD are created, shifted and removed.
    let mut rng = Rng(29);
    let mut t = PrefixTrie::<u32, u32>::new();
    let mut stored: Vec<(u32, u8)> = Vec::new();
    t.insert(v4("64.0.0.0"), 2, 2);
    for _ in 0..400 {
        let len = [9u8, 12, 13, 16, 18, 19, 22, 24, 28][rng.below(9) as usize];
        let key = (rng.next() as u32) & (u32::MAX << (32 - len));
        if t.insert(key, len, key ^ u32::from(len)).is_none() {
            stored.push((key, len));
        }
    }
    check(&t);
    assert!(!t.shortcut.is_empty(), "a trie of {} node slots keeps its shortcut", t.nodes.slots.len());
    let lookup = |t: &PrefixTrie<u32, u32>, stored: &[(u32, u8)], a: u32| {
        let want = stored.iter().filter(|&&(k, l)| l == 0 || a >> (32 - l) == k >> (32 - l)).max_by_key(|e| e.1).copied();
        let want = want.or((a >> 30 == 1).then_some((v4("64.0.0.0"), 2)));
        assert_eq!(t.longest_match(a).map(|(k, l, _)| (k, l)), want, "longest match of {a:#x}");
    };
    for _ in 0..2000 {
        let pick = stored[rng.below(stored.len() as u64) as usize].0;
        lookup(&t, &stored, pick | (rng.next() as u32 & 0xff));
        lookup(&t, &stored, rng.next() as u32);
    }
    while !stored.is_empty() {
        let (k, l) = stored.swap_remove(rng.below(stored.len() as u64) as usize);
        assert_eq!(t.remove(k, l), Some(k ^ u32::from(l)));
        if stored.len() % 16 == 0 {
            check(&t);
            for _ in 0..64 {
                lookup(&t, &stored, rng.next() as u32);
            }
        }
    }
    check(&t);
}
