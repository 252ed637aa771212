//! xtables matches beyond the ones iptables-nft turns native, evaluated on
//! the packet as their kernel modules read their info structures.

use std::net::IpAddr;

use super::conntrack::{Conn, CtInfo};
use super::eval::PacketCtx;
use crate::stack::namespace::Namespace;

/// `struct xt_multiport_v1` (net/netfilter/xt_multiport.c, revision 1):
/// flags, count, ports[15] (host order), pflags[15], invert.
fn multiport(info: &[u8], ports: Option<(u16, u16)>) -> bool {
    let Some((sport, dport)) = ports else { return false };
    let (flags, count) = (info.first().copied().unwrap_or(0), usize::from(info.get(1).copied().unwrap_or(0)).min(15));
    let invert = info.get(47).copied().unwrap_or(0) != 0;
    let port = |k: usize| info.get(2 + 2 * k..4 + 2 * k).map_or(0, |b| u16::from_ne_bytes([b[0], b[1]]));
    let wanted = |p: u16| match flags {
        0 => p == sport,
        1 => p == dport,
        _ => p == sport || p == dport,
    };
    let mut k = 0;
    while k < count {
        let lo = port(k);
        // pflags[k] marks the start of a range ending at ports[k + 1].
        if info.get(32 + k).copied().unwrap_or(0) != 0 && k + 1 < count {
            let hi = port(k + 1);
            let hit = match flags {
                0 => (lo..=hi).contains(&sport),
                1 => (lo..=hi).contains(&dport),
                _ => (lo..=hi).contains(&sport) || (lo..=hi).contains(&dport),
            };
            if hit {
                return !invert;
            }
            k += 2;
        } else {
            if wanted(lo) {
                return !invert;
            }
            k += 1;
        }
    }
    invert
}

/// `struct xt_iprange_mtinfo` (xt_iprange.c iprange_mt4/mt6): each range
/// that is set must hold the address, or not with its `!`.
fn iprange(info: &[u8], src: IpAddr, dst: IpAddr) -> bool {
    let flags = info.get(64).copied().unwrap_or(0);
    let num = |a: IpAddr| match a {
        IpAddr::V4(a) => u128::from(u32::from(a)),
        IpAddr::V6(a) => u128::from(a),
    };
    let at = |off: usize, v6: bool| -> u128 {
        let n = if v6 { 16 } else { 4 };
        info.get(off..off + n).map_or(0, |b| b.iter().fold(0u128, |acc, x| acc << 8 | u128::from(*x)))
    };
    for (k, (a, bit)) in [(src, 1u8), (dst, 2)].into_iter().enumerate() {
        if flags & bit == 0 {
            continue;
        }
        let v6 = a.is_ipv6();
        let outside = num(a) < at(32 * k, v6) || num(a) > at(32 * k + 16, v6);
        if outside ^ (flags & bit << 4 != 0) {
            return false;
        }
    }
    true
}

/// `struct xt_addrtype_info_v1` (xt_addrtype.c addrtype_mt_v1): the
/// address's type must be among the wanted ones (or not, inverted).
fn addrtype(info: &[u8], (src, dst): (u16, u16)) -> bool {
    let u16_at = |at: usize| info.get(at..at + 2).map_or(0, |b| u16::from_ne_bytes([b[0], b[1]]));
    let flags = info.get(4..8).map_or(0, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
    let ok = |want: u16, have: u16, inv: u32| want == 0 || ((want & have != 0) ^ (flags & inv != 0));
    ok(u16_at(0), src, 1) && ok(u16_at(2), dst, 2)
}

/// `struct xt_mac_info` (xt_mac.c mac_mt): the frame's source address,
/// or not with `invert`; a packet without one does not match.
fn mac(info: &[u8], src: Option<[u8; 6]>) -> bool {
    let Some(src) = src else { return false };
    let invert = info.get(8..12).is_some_and(|b| b.iter().any(|x| *x != 0));
    (info.get(..6) == Some(&src[..])) ^ invert
}

/// `struct xt_length_info` (xt_length.c length_mt): the IP datagram's
/// length within min and max, or not with `invert`.
fn length(info: &[u8], len: usize) -> bool {
    let u16_at = |k: usize| info.get(k..k + 2).map_or(0, |b| usize::from(u16::from_ne_bytes([b[0], b[1]])));
    ((u16_at(0)..=u16_at(2)).contains(&len)) ^ (info.get(4).copied().unwrap_or(0) != 0)
}

/// `struct xt_pkttype_info` (xt_pkttype.c pkttype_mt): the type the
/// frame's destination gave the packet on the way in (PACKET_MULTICAST
/// for a multicast group, PACKET_BROADCAST for a broadcast address,
/// PACKET_HOST otherwise and for what this host sends or loops back).
fn pkttype(info: &[u8], c: &PacketCtx<'_>) -> bool {
    let i32_at = |k: usize| info.get(k..k + 4).map_or(0, |b| i32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
    let ty = if c.iif.0 == 0 || c.iif.1 == "lo" {
        0
    } else if c.p.dst.is_multicast() {
        2
    } else if c.p.dst == IpAddr::V4(std::net::Ipv4Addr::BROADCAST) || c.addr_types.1 & 1 << 3 != 0 {
        // XT_ADDRTYPE_BROADCAST.
        1
    } else {
        0
    };
    (i32_at(0) == ty) ^ (i32_at(4) != 0)
}

/// `struct ipt_ttl_info` (ipt_ttl.c ttl_mt): the IPv4 header's TTL
/// against the value by mode (EQ, NE, LT, GT).
fn ttl(info: &[u8], p: &crate::sim::packet::Datagram) -> bool {
    let have = p.ttl;
    let want = info.get(1).copied().unwrap_or(0);
    match info.first().copied().unwrap_or(0) {
        0 => have == want,
        1 => have != want,
        2 => have < want,
        3 => have > want,
        _ => false,
    }
}

/// `struct xt_conntrack_mtinfo3` (xt_conntrack.c conntrack_mt, revision 3):
/// the state (with SNAT and DNAT from the connection's NAT status), then
/// for a tracked packet the direction, the original and reply addresses
/// under their masks, the protocol and the port ranges, each inverted by
/// its bit in invert_flags; an untracked packet passes only a state match.
pub fn conntrack(info: &[u8], c: &PacketCtx<'_>) -> bool {
    let u16_at = |at: usize| info.get(at..at + 2).map_or(0, |b| u16::from_ne_bytes([b[0], b[1]]));
    let (flags, invert, mask) = (u16_at(146), u16_at(148), u16_at(150));
    let inv = |bit: u16| invert & bit != 0;
    let conn = c.conn.as_ref().filter(|_| c.ct != CtInfo::Untracked);
    if flags & 1 != 0 {
        // XT_CONNTRACK_STATE_BIT; UNTRACKED 1 << 8 (nft's bit is 1 << 6); SNAT 1 << 6, DNAT 1 << 7.
        let mut bit = if c.ct == CtInfo::Untracked { 256 } else { c.ct.state_bit() };
        if let Some((snat, dnat)) = conn.map(Conn::nat_status) {
            bit |= if snat { 64 } else { 0 } | if dnat { 128 } else { 0 };
        }
        if ((u32::from(mask) & bit) != 0) == inv(1) {
            return false;
        }
    }
    let Some(ct) = conn else { return flags & 1 != 0 };
    // XT_CONNTRACK_DIRECTION: set invert bit means REPLY.
    if flags & 1 << 12 != 0 && c.reply != inv(1 << 12) {
        return false;
    }
    // union nf_inet_addr pairs: origsrc 0, origdst 32, replsrc 64, repldst 96.
    let addr_fits = |at: usize, a: IpAddr| {
        let bytes = crate::text::ip_octets(a);
        bytes.iter().enumerate().all(|(k, b)| {
            let (want, m) = (info.get(at + k).copied().unwrap_or(0), info.get(at + 16 + k).copied().unwrap_or(0));
            (b ^ want) & m == 0
        })
    };
    let (o, r) = (ct.orig, ct.reply);
    for (bit, at, a) in [(1u16 << 2, 0, o.src), (1 << 3, 32, o.dst), (1 << 4, 64, r.src), (1 << 5, 96, r.dst)] {
        if flags & bit != 0 && addr_fits(at, a) == inv(bit) {
            return false;
        }
    }
    // ct_proto_port_check_v3: l4proto at 136, ports low at 138.., high at 154...
    if flags & 1 << 1 != 0 && (u16::from(o.proto) == u16_at(136)) == inv(1 << 1) {
        return false;
    }
    let ports = [(1u16 << 8, 138, 154, o.sport), (1 << 9, 140, 156, o.dport), (1 << 10, 142, 158, r.sport), (1 << 11, 144, 160, r.dport)];
    for (bit, lo, hi, port) in ports {
        if flags & bit != 0 && (u16_at(lo) <= port && port <= u16_at(hi)) == inv(bit) {
            return false;
        }
    }
    // XT_CONNTRACK_STATUS: any of the IPS_* bits of status_mask (at 152):
    // EXPECTED 1 (no expectations here), SEEN_REPLY 2, ASSURED 4, and
    // CONFIRMED 8 once the flow's first packet has passed its hooks.
    let confirmed = !(c.ct == CtInfo::New && ct.created_us == c.now_us);
    let status = u16::from(ct.seen_reply) << 1 | u16::from(ct.assured) << 2 | u16::from(confirmed) << 3;
    if flags & 1 << 6 != 0 && (u16_at(152) & status != 0) == inv(1 << 6) {
        return false;
    }
    // XT_CONNTRACK_EXPIRES: the seconds left (nf_ct_expires / HZ) within
    // expires_min..=expires_max (at 128 and 132).
    let u32_at = |at: usize| info.get(at..at + 4).map_or(0, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
    let left = ct.expires_us.saturating_sub(c.now_us) / 1_000_000;
    if flags & 1 << 7 != 0 && (u64::from(u32_at(128)) <= left && left <= u64::from(u32_at(132))) == inv(1 << 7) {
        return false;
    }
    true
}

/// `inet_addr_type` as XT_ADDRTYPE_* bits: LOCAL (1 << 2) for the
/// namespace's own addresses and 127/8, BROADCAST (1 << 3), MULTICAST
/// (1 << 5), else UNICAST (1 << 1).
pub fn addr_type(ns: &Namespace, a: IpAddr) -> u16 {
    match a {
        IpAddr::V4(v) => {
            let n = u32::from(v);
            if n >> 24 == 127 || crate::stack::lookup::is_local_v4(ns, n) {
                1 << 2
            } else if v.is_broadcast() || ns.links.values().any(|l| l.addrs4.iter().any(|x| x.broadcast == n && n != 0)) {
                1 << 3
            } else if v.is_multicast() {
                1 << 5
            } else {
                1 << 1
            }
        }
        IpAddr::V6(v) => {
            let n = u128::from(v);
            if v.is_loopback() || ns.links.values().any(|l| l.addrs6.iter().any(|x| x.addr == n)) {
                1 << 2
            } else if v.is_multicast() {
                1 << 5
            } else {
                1 << 1
            }
        }
    }
}

/// The link-layer address the input device's neighbour table holds for
/// the sender (what xt_mac reads from the frame, for a directly connected
/// sender).
pub fn neighbour_mac(ns: &Namespace, iif: u32, src: IpAddr) -> Option<[u8; 6]> {
    let key = crate::text::ip_octets(src);
    let n = ns.neighbours.iter().find(|n| n.ifindex == iif && n.dst == key)?;
    n.lladdr.as_deref()?.try_into().ok()
}

/// The checkentry functions nft_compat calls for a rule's xt matches and
/// targets: `ipt_REJECT`/`ip6t_REJECT` allow a TCP reset only for a rule
/// with `-p tcp` (the NFTA_RULE_COMPAT protocol), and no echo reply;
/// `addrtype_mt_checkentry_v1` refuses IPv6 BLACKHOLE, PROHIBIT and above,
/// and BROADCAST, and both interface limits at once. False when one would
/// refuse (EINVAL).
pub fn check_targets(exprs: &[super::Expr], family: u8, proto: u32) -> bool {
    let v6 = family == crate::wire::nftables::family::IPV6;
    exprs.iter().all(|e| match e {
        super::Expr::Match { name, rev: 1, info } if name == "addrtype" => {
            let u16_at = |at: usize| info.get(at..at + 2).map_or(0, |b| u16::from_ne_bytes([b[0], b[1]]));
            let flags = info.get(4..8).map_or(0, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
            let types = u16_at(0) | u16_at(2);
            // XT_ADDRTYPE_LIMIT_IFACE_IN 4, _OUT 8; BROADCAST 1 << 3, BLACKHOLE 1 << 6, PROHIBIT 1 << 8.
            flags & 12 != 12 && !(v6 && (types & (1 << 6 | 1 << 3) != 0 || types >= 1 << 8))
        }
        super::Expr::Target { name, info, .. } if name == "REJECT" => {
            let with = info.get(..4).map_or(0, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
            // enum ipt_reject_with / ip6t_reject_with.
            let (echo_reply, tcp_reset) = if family == crate::wire::nftables::family::IPV6 { (5, 6) } else { (4, 7) };
            with != echo_reply && (with != tcp_reset || proto == 6)
        }
        _ => true,
    })
}

/// Whether the packet passes the xtables match `name` with `info`; matches
/// this kernel does not evaluate (comment, and the rest) pass.
pub fn matches(name: &str, rev: u32, info: &[u8], c: &PacketCtx<'_>) -> bool {
    match (name, rev) {
        ("multiport", 1) => multiport(info, c.p.ports()),
        ("iprange", 1) => iprange(info, c.p.src, c.p.dst),
        ("addrtype", 1) => addrtype(info, c.addr_types),
        ("mac", 0) => mac(info, c.src_mac),
        ("length", 0) => length(info, c.p.total_len()),
        ("ttl", 0) => ttl(info, c.p),
        ("pkttype", 0) => pkttype(info, c),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::{addrtype, iprange, multiport};

    fn info(flags: u8, ports: &[(u16, u16)], invert: bool) -> Vec<u8> {
        let mut b = vec![0u8; 48];
        b[0] = flags;
        let mut k = 0;
        for &(lo, hi) in ports {
            b[2 + 2 * k..4 + 2 * k].copy_from_slice(&lo.to_ne_bytes());
            if lo != hi {
                b[32 + k] = 1;
                k += 1;
                b[2 + 2 * k..4 + 2 * k].copy_from_slice(&hi.to_ne_bytes());
            }
            k += 1;
        }
        b[1] = k as u8;
        b[47] = u8::from(invert);
        b
    }

    #[test]
    fn ports_and_ranges() {
        let i = info(1, &[(80, 80), (443, 443), (1000, 2000)], false);
        assert!(multiport(&i, Some((5000, 443))));
        assert!(multiport(&i, Some((5000, 1500))));
        assert!(!multiport(&i, Some((80, 22))));
        assert!(!multiport(&i, None));
        assert!(multiport(&info(0, &[(53, 53)], false), Some((53, 1))));
        assert!(multiport(&info(2, &[(53, 53)], false), Some((1, 53))));
        assert!(!multiport(&info(1, &[(80, 80)], true), Some((1, 80))));
        assert!(multiport(&info(1, &[(80, 80)], true), Some((1, 81))));
    }

    #[test]
    fn ranges_and_address_types() {
        let mut i = vec![0u8; 72];
        i[..4].copy_from_slice(&[10, 0, 0, 1]);
        i[16..20].copy_from_slice(&[10, 0, 0, 9]);
        i[64] = 1;
        let a = |s: &str| s.parse().unwrap();
        assert!(iprange(&i, a("10.0.0.5"), a("1.1.1.1")));
        assert!(!iprange(&i, a("10.0.0.10"), a("1.1.1.1")));
        i[64] = 0x11;
        assert!(iprange(&i, a("10.0.0.10"), a("1.1.1.1")));
        // --dst-type LOCAL, then ! --dst-type LOCAL.
        let mut t = vec![0, 0, 4, 0, 0, 0, 0, 0];
        assert!(addrtype(&t, (2, 4)));
        assert!(!addrtype(&t, (2, 2)));
        t[4] = 2;
        assert!(addrtype(&t, (2, 2)));
    }
}
