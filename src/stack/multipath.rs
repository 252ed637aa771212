//! The multipath hash and the choice of a next hop from it, as Linux 6.18
//! makes them: `fib_multipath_hash` (net/ipv4/route.c) and
//! `rt6_multipath_hash` (net/ipv6/route.c) fill a `struct flow_keys`,
//! `__flow_hash_from_keys` (net/core/flow_dissector.c) orders it and takes
//! SipHash-2-4 of its hashed part under the key that
//! `fib_multipath_hash_construct_key` (include/net/ip_fib.h) makes from the
//! `net.ipv4.fib_multipath_hash_seed` sysctl; `fib_rebalance` turns weights
//! into upper bounds and `fib_select_multipath` / `fib6_select_path` pick
//! the first next hop whose bound the hash does not pass.

use super::namespace::Namespace;

/// The seed Linux draws once at boot for namespaces whose
/// `fib_multipath_hash_seed` is 0 (`proc_fib_multipath_hash_rand_seed`).
/// The simulated machine draws no randomness, so its boot fixes this one.
pub const BOOT_SEED: u32 = 0x6970_6c62;

/// What a multipath hash covers: the fields of `struct flow_keys` that
/// `fib_multipath_hash` and `rt6_multipath_hash` set (policies 0 and 1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Keys {
    /// Source address: IPv4 in the low 32 bits unless `v6`.
    pub src: u128,
    /// Destination address, as `src`.
    pub dst: u128,
    /// IPv6 addresses (FLOW_DISSECTOR_KEY_IPV6_ADDRS) or IPv4.
    pub v6: bool,
    /// The IP protocol (0 where the policy leaves it out).
    pub ip_proto: u8,
    /// Source port, host order (0 where the policy leaves it out).
    pub sport: u16,
    /// Destination port, host order.
    pub dport: u16,
    /// The IPv6 flow label (`flowi6_get_flowlabel`), 0 for IPv4.
    pub flow_label: u32,
}

/// The mp_seed a namespace hashes with (`proc_fib_multipath_hash_set_seed`):
/// the seed written to the sysctl, or the boot-time one while it is 0.
pub fn seed(ns: &Namespace) -> u32 {
    let user = ns.sysctl.get("net.ipv4.fib_multipath_hash_seed", &[]).and_then(|v| crate::text::int::<u32>(v.trim())).unwrap_or(0);
    if user == 0 { BOOT_SEED } else { user }
}

/// The hash policy of a family (`net.ipv{4,6}.fib_multipath_hash_policy`).
pub fn policy(ns: &Namespace, v6: bool) -> u8 {
    let key = if v6 { "net.ipv6.fib_multipath_hash_policy" } else { "net.ipv4.fib_multipath_hash_policy" };
    ns.sysctl.get(key, &[]).and_then(|v| crate::text::int::<u8>(v.trim())).unwrap_or(0)
}

/// The flow keys a policy hashes of a flow: policy 0 the addresses (and for
/// IPv6 the flow label and protocol), policy 1 the 5-tuple; the other
/// policies (inner headers, custom fields) hash as 0 and 1 would for the
/// flows the stack routes (no encapsulation), so 2 falls back to 0 and 3
/// to 1.
pub fn keys_for_policy(policy: u8, flow: Keys) -> Keys {
    let l4 = matches!(policy, 1 | 3);
    Keys {
        ip_proto: if l4 || flow.v6 { flow.ip_proto } else { 0 },
        sport: if l4 { flow.sport } else { 0 },
        dport: if l4 { flow.dport } else { 0 },
        flow_label: if flow.v6 && !l4 { flow.flow_label } else { 0 },
        ..flow
    }
}

/// The hashed part of `struct flow_keys` (from `basic` on, as
/// `flow_keys_hash_start` and `flow_keys_hash_length` cut it on a
/// little-endian machine): basic, tags, vlan, cvlan, keyid, ports, icmp,
/// then the addresses and the rest of the address union up to a multiple
/// of four bytes: 48 bytes for IPv4, 72 for IPv6.
fn hashed_bytes(k: &Keys) -> Vec<u8> {
    let mut b = vec![0u8; if k.v6 { 72 } else { 48 }];
    b[2] = k.ip_proto;
    b[4..8].copy_from_slice(&k.flow_label.to_be_bytes());
    b[28..30].copy_from_slice(&k.sport.to_be_bytes());
    b[30..32].copy_from_slice(&k.dport.to_be_bytes());
    if k.v6 {
        b[36..52].copy_from_slice(&k.src.to_be_bytes());
        b[52..68].copy_from_slice(&k.dst.to_be_bytes());
    } else {
        b[36..40].copy_from_slice(&(k.src as u32).to_be_bytes());
        b[40..44].copy_from_slice(&(k.dst as u32).to_be_bytes());
    }
    b
}

/// `__flow_hash_consistentify`: the two directions of a flow hash alike.
/// The comparisons read the network-order fields as the machine's own
/// (little-endian) integers, as the kernel's `(__force u32)` casts do.
fn consistentify(k: &mut Keys) {
    let swap_addrs = if k.v6 { k.dst < k.src } else { (k.dst as u32).swap_bytes() < (k.src as u32).swap_bytes() };
    if swap_addrs {
        core::mem::swap(&mut k.src, &mut k.dst);
    }
    if k.dport.swap_bytes() < k.sport.swap_bytes() {
        core::mem::swap(&mut k.sport, &mut k.dport);
    }
}

/// SipHash-2-4 (the kernel's `siphash`, lib/siphash.c) of `data` under the
/// key `fib_multipath_hash_construct_key` builds: both 64-bit halves are
/// the seed twice. std's `SipHasher` is exactly SipHash-2-4 (its `write`
/// takes the bytes as they are; `finish` adds the length as the
/// reference algorithm does); it is deprecated only in favour of
/// `DefaultHasher`, whose algorithm is unspecified.
#[allow(deprecated)]
fn siphash24(seed: u32, data: &[u8]) -> u64 {
    use core::hash::{Hasher, SipHasher};
    let k = (u64::from(seed) << 32) | u64::from(seed);
    let mut h = SipHasher::new_with_keys(k, k);
    h.write(data);
    h.finish()
}

/// `flow_hash_from_keys_seed`: the 32-bit flow hash, never 0.
pub fn flow_hash(seed: u32, keys: Keys) -> u32 {
    let mut k = keys;
    consistentify(&mut k);
    match siphash24(seed, &hashed_bytes(&k)) as u32 {
        0 => 1,
        h => h,
    }
}

/// `fib_multipath_hash` / `rt6_multipath_hash` without an skb: the flow's
/// keys under the namespace's policy and seed, halved to fit the
/// next hops' signed upper bounds.
pub fn hash(ns: &Namespace, flow: Keys) -> u32 {
    flow_hash(seed(ns), keys_for_policy(policy(ns, flow.v6), flow)) >> 1
}

/// `fib_rebalance` / `rt6_multipath_upper_bound`: each live next hop's
/// upper bound, `round(cumulative weight << 31 / total) - 1`; -1 for dead
/// ones (given as weight `None`), which the hash never reaches.
pub fn upper_bounds(weights: &[Option<u32>]) -> Vec<i64> {
    let total: u64 = weights.iter().flatten().map(|&w| u64::from(w)).sum();
    let mut cumulative = 0u64;
    weights
        .iter()
        .map(|w| match w {
            Some(w) if total != 0 => {
                cumulative += u64::from(*w);
                // DIV_ROUND_CLOSEST_ULL
                (((cumulative << 31) + total / 2) / total) as i64 - 1
            }
            _ => -1,
        })
        .collect()
}

/// `fib_select_multipath`: the first next hop whose upper bound the hash
/// does not pass (None when every one is dead).
pub fn select(hash: u32, weights: &[Option<u32>]) -> Option<usize> {
    upper_bounds(weights).iter().position(|&bound| i64::from(hash) <= bound)
}

/// `fib_select_multipath` as Linux 6.18 scores next hops: 2 for a device
/// that owns the flow's source address (`owns`), 1 for a bound the hash
/// does not pass; the first of the highest score wins (3, or 1 without a
/// source, ends the search). Dead next hops (`None`) are never chosen.
pub fn select_scored(hash: u32, weights: &[Option<u32>], owns: &[bool]) -> Option<usize> {
    let mut best: Option<(usize, u8)> = None;
    for (i, bound) in upper_bounds(weights).into_iter().enumerate() {
        if bound < 0 {
            continue;
        }
        let owned = owns.get(i).copied().unwrap_or(false);
        let score = 2 * u8::from(owned) + u8::from(i64::from(hash) <= bound);
        // Only a higher score replaces, so the kernel's early returns
        // (at 3, or at 1 without a source) pick the same hop.
        if best.is_none_or(|(_, s)| s < score) {
            best = Some((i, score));
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siphash_is_the_reference_2_4() {
        // The SipHash paper's test vector (key 00..0f, message 00..0e):
        // a129ca6149be45e5; checked through a key the seed form cannot
        // make, so std's hasher itself is what is tested.
        #[allow(deprecated)]
        let h = {
            use core::hash::{Hasher, SipHasher};
            let mut h = SipHasher::new_with_keys(0x0706_0504_0302_0100, 0x0f0e_0d0c_0b0a_0908);
            h.write(&(0u8..15).collect::<Vec<u8>>());
            h.finish()
        };
        assert_eq!(h, 0xa129ca6149be45e5);
    }

    #[test]
    fn bounds_follow_weights() {
        // Weights 1, 2, 1 split 2^31 into quarters, a half and a quarter.
        assert_eq!(upper_bounds(&[Some(1), Some(2), Some(1)]), vec![(1 << 29) - 1, (3 << 29) - 1, (1 << 31) - 1]);
        assert_eq!(select(0, &[Some(1), Some(2), Some(1)]), Some(0));
        assert_eq!(select(1 << 29, &[Some(1), Some(2), Some(1)]), Some(1));
        assert_eq!(select(u32::MAX >> 1, &[Some(1), Some(2), Some(1)]), Some(2));
        // A dead hop is skipped and its share goes to the others.
        assert_eq!(select(0, &[None, Some(1)]), Some(1));
        assert_eq!(select(0, &[None, None]), None);
    }

    #[test]
    fn a_hop_owning_the_source_wins() {
        let w = [Some(1), Some(1)];
        // The hash points at the first hop, the source belongs to the second.
        assert_eq!(select_scored(0, &w, &[false, true]), Some(1));
        // Without an owner the hash decides.
        assert_eq!(select_scored(0, &w, &[false, false]), Some(0));
        assert_eq!(select_scored(u32::MAX >> 1, &w, &[false, false]), Some(1));
        // Two owners: the one the hash reaches first.
        assert_eq!(select_scored(0, &w, &[true, true]), Some(0));
        assert_eq!(select_scored(0, &[None, Some(1)], &[true, false]), Some(1));
    }

    #[test]
    fn both_directions_hash_alike() {
        let a = Keys { src: 0x0a00_0001, dst: 0x0a09_0001, ip_proto: 17, sport: 1000, dport: 53, ..Keys::default() };
        let b = Keys { src: a.dst, dst: a.src, sport: a.dport, dport: a.sport, ..a };
        assert_eq!(flow_hash(7, a), flow_hash(7, b));
        assert_ne!(flow_hash(7, a), flow_hash(8, a));
    }

    #[test]
    fn policy_zero_ignores_ports() {
        let a = Keys { src: 1, dst: 2, ip_proto: 6, sport: 1, dport: 2, ..Keys::default() };
        let b = Keys { sport: 3, dport: 4, ..a };
        assert_eq!(flow_hash(1, keys_for_policy(0, a)), flow_hash(1, keys_for_policy(0, b)));
        assert_ne!(flow_hash(1, keys_for_policy(1, a)), flow_hash(1, keys_for_policy(1, b)));
    }
}
