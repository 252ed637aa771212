//! NAT ranges and the choice of a flow's new address and port inside one
//! (`net/netfilter/nf_nat_core.c`: `get_unique_tuple`,
//! `find_best_ips_proto`, `nf_nat_l4proto_unique_tuple`).

use std::net::IpAddr;

pub use crate::wire::nftables::nat_range::{MAP_IPS, PERSISTENT, PROTO_RANDOM, PROTO_RANDOM_FULLY, PROTO_SPECIFIED};

/// `struct nf_nat_range2` as a rule gives it: addresses, ports, flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Range {
    /// The lowest and highest address, when the rule maps addresses.
    pub addr: Option<(IpAddr, IpAddr)>,
    /// The lowest and highest port, when the rule maps ports.
    pub port: Option<(u16, u16)>,
    /// NF_NAT_RANGE_* flags beyond the two the fields above stand for.
    pub flags: u32,
}

impl Range {
    /// One address (and port), as a single-value rule gives it.
    pub fn single(addr: Option<IpAddr>, port: Option<u16>) -> Range {
        Range { addr: addr.map(|a| (a, a)), port: port.map(|p| (p, p)), flags: 0 }
    }
}

/// The new address and port of the manipulated side of a flow whose
/// current tuple goes `src:sport → dst:dport` (`get_unique_tuple`;
/// `snat` chooses the source, otherwise the destination). Ports of ICMP
/// flows stay (their echo identifiers are kept here). The uniqueness
/// checks against other flows (`nf_nat_used_tuple`) and the random port
/// offsets of source NAT are not modelled: an out-of-range port becomes
/// the range's lowest.
pub fn choose(src: (IpAddr, u16), dst: (IpAddr, u16), range: &Range, snat: bool, icmp: bool) -> (IpAddr, u16) {
    let mine = if snat { src } else { dst };
    let port_in = |p: u16| icmp || range.port.is_none_or(|(lo, hi)| (lo.min(hi)..=lo.max(hi)).contains(&p));
    // Source NAT keeps a tuple already in the range (without PERSISTENT).
    if snat && range.flags & PERSISTENT == 0 {
        let addr_in = range.addr.is_none_or(|(lo, hi)| in_addr_range(src.0, lo, hi));
        if addr_in && port_in(src.1) {
            return src;
        }
    }
    let addr = match range.addr {
        None => mine.0,
        Some((lo, hi)) if lo == hi => lo,
        Some((lo, hi)) => best_addr(src.0, dst.0, lo, hi, range.flags, snat),
    };
    let port = match range.port {
        _ if icmp => mine.1,
        None => mine.1,
        Some(_) if port_in(mine.1) => mine.1,
        Some((lo, hi)) => lo.min(hi),
    };
    (addr, port)
}

fn in_addr_range(a: IpAddr, lo: IpAddr, hi: IpAddr) -> bool {
    match (a, lo, hi) {
        (IpAddr::V4(a), IpAddr::V4(l), IpAddr::V4(h)) => l <= a && a <= h,
        (IpAddr::V6(a), IpAddr::V6(l), IpAddr::V6(h)) => l <= a && a <= h,
        _ => false,
    }
}

/// The address's 32-bit words as `union nf_inet_addr` holds them (IPv4 in
/// the first, the rest zero), each read as the kernel's little-endian
/// `u32` of network-order bytes.
fn words(a: IpAddr) -> [[u8; 4]; 4] {
    let mut b = [0u8; 16];
    match a {
        IpAddr::V4(v) => b[..4].copy_from_slice(&v.octets()),
        IpAddr::V6(v) => b = v.octets(),
    }
    [[b[0], b[1], b[2], b[3]], [b[4], b[5], b[6], b[7]], [b[8], b[9], b[10], b[11]], [b[12], b[13], b[14], b[15]]]
}

/// `find_best_ips_proto`: a hash of the source address (seeded with the
/// destination's last word unless PERSISTENT) scaled into the range, word
/// by word.
fn best_addr(src: IpAddr, dst: IpAddr, lo: IpAddr, hi: IpAddr, flags: u32, snat: bool) -> IpAddr {
    let v4 = src.is_ipv4();
    let max = if v4 { 0 } else { 3 };
    let s = words(src);
    let mut d = words(dst);
    let (l, h) = (words(lo), words(hi));
    let persistent = flags & PERSISTENT != 0;
    let key = s.map(u32::from_le_bytes);
    let mut j = jhash2(&key, if persistent { 0 } else { u32::from_le_bytes(d[max]) });
    let mut var = if snat { s } else { d };
    let mut full_range = false;
    for i in 0..=max {
        let (minip, dist) = if full_range {
            (0u32, u32::MAX)
        } else {
            let (mn, mx) = (u32::from_be_bytes(l[i]), u32::from_be_bytes(h[i]));
            (mn, mx.wrapping_sub(mn).wrapping_add(1))
        };
        // reciprocal_scale
        let scaled = ((u64::from(j) * u64::from(dist)) >> 32) as u32;
        var[i] = minip.wrapping_add(scaled).to_be_bytes();
        if var[i] != h[i] {
            full_range = true;
        }
        if !snat {
            d[i] = var[i];
        }
        if !persistent {
            j ^= u32::from_le_bytes(d[i]);
        }
    }
    let b = var.concat();
    if v4 {
        IpAddr::from([b[0], b[1], b[2], b[3]])
    } else {
        let mut a = [0u8; 16];
        a.copy_from_slice(&b);
        IpAddr::from(a)
    }
}

/// Bob Jenkins' lookup3 over 32-bit words (`jhash2`, include/linux/jhash.h).
fn jhash2(k: &[u32], initval: u32) -> u32 {
    let mut a = 0xdead_beefu32.wrapping_add((k.len() as u32) << 2).wrapping_add(initval);
    let (mut b, mut c) = (a, a);
    let mut rest = k;
    while rest.len() > 3 {
        a = a.wrapping_add(rest[0]);
        b = b.wrapping_add(rest[1]);
        c = c.wrapping_add(rest[2]);
        // __jhash_mix
        a = a.wrapping_sub(c) ^ c.rotate_left(4);
        c = c.wrapping_add(b);
        b = b.wrapping_sub(a) ^ a.rotate_left(6);
        a = a.wrapping_add(c);
        c = c.wrapping_sub(b) ^ b.rotate_left(8);
        b = b.wrapping_add(a);
        a = a.wrapping_sub(c) ^ c.rotate_left(16);
        c = c.wrapping_add(b);
        b = b.wrapping_sub(a) ^ a.rotate_left(19);
        a = a.wrapping_add(c);
        c = c.wrapping_sub(b) ^ b.rotate_left(4);
        b = b.wrapping_add(a);
        rest = &rest[3..];
    }
    if rest.is_empty() {
        return c;
    }
    if rest.len() == 3 {
        c = c.wrapping_add(rest[2]);
    }
    if rest.len() >= 2 {
        b = b.wrapping_add(rest[1]);
    }
    a = a.wrapping_add(rest[0]);
    // __jhash_final
    c ^= b;
    c = c.wrapping_sub(b.rotate_left(14));
    a ^= c;
    a = a.wrapping_sub(c.rotate_left(11));
    b ^= a;
    b = b.wrapping_sub(a.rotate_left(25));
    c ^= b;
    c = c.wrapping_sub(b.rotate_left(16));
    a ^= c;
    a = a.wrapping_sub(c.rotate_left(4));
    b ^= a;
    b = b.wrapping_sub(a.rotate_left(14));
    c ^= b;
    c.wrapping_sub(b.rotate_left(24))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jhash2_matches_lookup3() {
        // An empty key is the initial value unmixed (jhash2's `case 0`).
        assert_eq!(jhash2(&[], 0), 0xdead_beef);
    }

    #[test]
    fn snat_keeps_a_source_in_range() {
        let r = Range { addr: Some(("10.0.0.1".parse().unwrap(), "10.0.0.9".parse().unwrap())), port: None, flags: 0 };
        let src = ("10.0.0.5".parse().unwrap(), 40000);
        assert_eq!(choose(src, ("10.0.2.2".parse().unwrap(), 80), &r, true, false), src);
    }

    #[test]
    fn dnat_port_out_of_range_takes_the_lowest() {
        let r = Range::single(Some("10.0.2.2".parse().unwrap()), None);
        let r = Range { port: Some((8000, 8010)), ..r };
        let got = choose(("10.0.1.2".parse().unwrap(), 40000), ("10.0.2.1".parse().unwrap(), 9000), &r, false, false);
        assert_eq!(got, ("10.0.2.2".parse().unwrap(), 8000));
    }
}
