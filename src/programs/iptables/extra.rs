//! The xtables matches iptables-nft 1.8.9 sends as compat blobs with no
//! native translation: `-m iprange` (libxt_iprange, revision 1),
//! `-m addrtype` (libxt_addrtype, revision 1) and `-m mac` (libxt_mac):
//! their options, info structures and texts.

use crate::text::Ip;
use std::net::IpAddr;

/// One address range and its `!`.
pub type Range = (IpAddr, IpAddr, bool);

/// `-m iprange`: source and destination ranges.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IpRange {
    /// --src-range.
    pub src: Option<Range>,
    /// --dst-range.
    pub dst: Option<Range>,
}

/// `-m addrtype`: XT_ADDRTYPE_* masks of source and destination, and the
/// XT_ADDRTYPE_INVERT_*/LIMIT_IFACE_* flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AddrType {
    /// --src-type.
    pub src: u16,
    /// --dst-type.
    pub dst: u16,
    /// Flags.
    pub flags: u32,
}

/// Route types by bit (`rtn_names`), as addrtype names them.
const TYPES: [&str; 12] =
    ["UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST", "BLACKHOLE", "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE"];

/// Parses `A[-B]` for --src-range/--dst-range; None when an address is bad.
/// The error names the part that is no address (iprange_parse_spec).
pub fn range(s: &str, v6: bool) -> Result<(IpAddr, IpAddr), String> {
    let one = |a: &str| -> Result<IpAddr, String> {
        let ip = if v6 { crate::text::parse_ipv6(a).map(IpAddr::V6) } else { crate::text::parse_ipv4(a).map(IpAddr::V4) };
        ip.ok_or_else(|| a.to_string())
    };
    match s.split_once('-') {
        Some((a, b)) => Ok((one(a)?, one(b)?)),
        None => one(s).map(|a| (a, a)),
    }
}

/// Parses a comma list of address types; the bad name on failure.
pub fn types(s: &str) -> Result<u16, String> {
    let mut mask = 0;
    for t in s.split(',') {
        let bit = TYPES.iter().position(|n| n.eq_ignore_ascii_case(t)).ok_or_else(|| t.to_string())?;
        mask |= 1 << bit;
    }
    Ok(mask)
}

fn types_text(mask: u16) -> String {
    TYPES.iter().enumerate().filter(|(k, _)| mask & 1 << k != 0).map(|(_, n)| *n).collect::<Vec<_>>().join(",")
}

/// `struct xt_iprange_mtinfo`: src_min, src_max, dst_min, dst_max (union
/// nf_inet_addr each), flags (IPRANGE_SRC 1, DST 2, SRC_INV 0x10, DST_INV 0x20).
pub fn iprange_info(r: &IpRange) -> Vec<u8> {
    let mut info = vec![0u8; 72];
    for (k, (range, bit)) in [(r.src, 1u8), (r.dst, 2)].into_iter().enumerate() {
        if let Some((lo, hi, inv)) = range {
            let (a, b) = (crate::text::ip_octets(lo), crate::text::ip_octets(hi));
            info[32 * k..32 * k + a.len()].copy_from_slice(&a);
            info[32 * k + 16..32 * k + 16 + b.len()].copy_from_slice(&b);
            info[64] |= bit | if inv { bit << 4 } else { 0 };
        }
    }
    info
}

/// Reads `struct xt_iprange_mtinfo` back.
pub fn iprange_of(info: &[u8], v6: bool) -> Option<IpRange> {
    let flags = *info.get(64)?;
    let addr = |at: usize| -> Option<IpAddr> {
        Some(if v6 {
            let b: [u8; 16] = info.get(at..at + 16)?.try_into().ok()?;
            IpAddr::from(b)
        } else {
            let b: [u8; 4] = info.get(at..at + 4)?.try_into().ok()?;
            IpAddr::from(b)
        })
    };
    let side = |k: usize, bit: u8| -> Option<Option<Range>> {
        if flags & bit == 0 {
            return Some(None);
        }
        Some(Some((addr(32 * k)?, addr(32 * k + 16)?, flags & bit << 4 != 0)))
    };
    Some(IpRange { src: side(0, 1)?, dst: side(1, 2)? })
}

/// `struct xt_addrtype_info_v1`: source, dest (u16), flags (u32).
pub fn addrtype_info(t: &AddrType) -> Vec<u8> {
    let mut info = Vec::with_capacity(8);
    info.extend_from_slice(&t.src.to_ne_bytes());
    info.extend_from_slice(&t.dst.to_ne_bytes());
    info.extend_from_slice(&t.flags.to_ne_bytes());
    info
}

/// Reads `struct xt_addrtype_info_v1` back.
pub fn addrtype_of(info: &[u8]) -> Option<AddrType> {
    let u16_at = |at: usize| info.get(at..at + 2).map(|b| u16::from_ne_bytes([b[0], b[1]]));
    let flags = info.get(4..8).map(|b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]))?;
    Some(AddrType { src: u16_at(0)?, dst: u16_at(2)?, flags })
}

/// `struct xt_mac_info`: srcaddr[6], then int invert at offset 8.
pub fn mac_info(mac: [u8; 6], invert: bool) -> Vec<u8> {
    let mut info = vec![0u8; 16];
    info[..6].copy_from_slice(&mac);
    info[8..12].copy_from_slice(&u32::from(invert).to_ne_bytes());
    info
}

/// Reads `struct xt_mac_info` back.
pub fn mac_of(info: &[u8]) -> Option<([u8; 6], bool)> {
    let mac: [u8; 6] = info.get(..6)?.try_into().ok()?;
    Some((mac, info.get(8..12)?.iter().any(|b| *b != 0)))
}

fn mac_text(m: [u8; 6]) -> String {
    m.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":")
}

/// The `-L` texts (iprange_mt_print, addrtype_print_v1, mac_print).
pub fn list(r: Option<&IpRange>, t: Option<&AddrType>, mac: Option<([u8; 6], bool)>) -> String {
    let mut out = String::new();
    if let Some(r) = r {
        for (label, side) in [("source", r.src), ("destination", r.dst)] {
            if let Some((lo, hi, inv)) = side {
                let bang = if inv { " !" } else { "" };
                out.push_str(&format!(" {label} IP range{bang} {}-{}", Ip(lo), Ip(hi)));
            }
        }
    }
    if let Some(t) = t {
        out.push_str(" ADDRTYPE match");
        for (label, mask, inv) in [("src", t.src, 1), ("dst", t.dst, 2)] {
            if mask != 0 {
                let bang = if t.flags & inv != 0 { "!" } else { "" };
                out.push_str(&format!(" {label}-type {bang}{}", types_text(mask)));
            }
        }
        if t.flags & 4 != 0 {
            out.push_str(" limit-in");
        }
        if t.flags & 8 != 0 {
            out.push_str(" limit-out");
        }
    }
    if let Some((m, inv)) = mac {
        out.push_str(&format!(" MAC{} {}", if inv { " !" } else { "" }, mac_text(m)));
    }
    out
}

/// The `-S` texts, each after its `-m NAME`.
pub fn save(r: Option<&IpRange>, t: Option<&AddrType>, mac: Option<([u8; 6], bool)>) -> String {
    let mut out = String::new();
    if let Some(r) = r {
        out.push_str(" -m iprange");
        for (opt, side) in [("--src-range", r.src), ("--dst-range", r.dst)] {
            if let Some((lo, hi, inv)) = side {
                out.push_str(&format!("{} {opt} {}-{}", if inv { " !" } else { "" }, Ip(lo), Ip(hi)));
            }
        }
    }
    if let Some(t) = t {
        out.push_str(" -m addrtype");
        for (opt, mask, inv) in [("--src-type", t.src, 1), ("--dst-type", t.dst, 2)] {
            if mask != 0 {
                out.push_str(&format!("{} {opt} {}", if t.flags & inv != 0 { " !" } else { "" }, types_text(mask)));
            }
        }
        if t.flags & 4 != 0 {
            out.push_str(" --limit-iface-in");
        }
        if t.flags & 8 != 0 {
            out.push_str(" --limit-iface-out");
        }
    }
    if let Some((m, inv)) = mac {
        out.push_str(&format!(" -m mac{} --mac-source {}", if inv { " !" } else { "" }, mac_text(m)));
    }
    out
}

/// `xtables_parse_mac`: exactly `xx:xx:xx:xx:xx:xx`.
pub fn mac(s: &str) -> Option<[u8; 6]> {
    let mut out = [0u8; 6];
    let parts: Vec<&str> = s.split(':').collect();
    if s.len() != 17 || parts.len() != 6 {
        return None;
    }
    for (o, p) in out.iter_mut().zip(parts) {
        *o = u8::from_str_radix(p, 16).ok().filter(|_| p.len() == 2)?;
    }
    Some(out)
}
