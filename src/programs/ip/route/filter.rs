//! The selection of `ip route list|flush` (ip/iproute.c's static `filter`
//! and `filter_nlmsg`).

use super::super::nl::Attrs;
use super::super::prefix::{PREFIXLEN_SPECIFIED, Prefix, af_bit_len, inet_addr_match};
use crate::wire::route::{RtMsgRepr, rta, rtm_f};

use crate::wire::route::rtn::{LOCAL as RTN_LOCAL, UNREACHABLE as RTN_UNREACHABLE};

/// What to list or flush. Masks are 0 (ignore) or all ones (match).
#[derive(Debug, Clone, Default)]
pub struct RouteFilter {
    /// Table id (0: every table).
    pub tb: u32,
    /// 0: normal routes, 1: cached (cloned) routes, 2: both (`route get`).
    pub cloned: i32,
    /// Flushing: matching routes are queued for deletion.
    pub flushing: bool,
    /// Routes queued in this flush round.
    pub flushed: u32,
    /// Protocol and mask.
    pub protocol: u8,
    /// Protocol mask.
    pub protocolmask: i32,
    /// Scope and mask.
    pub scope: u8,
    /// Scope mask.
    pub scopemask: i32,
    /// Bit (1 << type) per accepted route type; 0: any.
    pub typemask: u64,
    /// TOS and mask.
    pub tos: u8,
    /// TOS mask.
    pub tosmask: i32,
    /// Input interface and mask.
    pub iif: u32,
    /// Input interface mask.
    pub iifmask: i32,
    /// Output interface and mask.
    pub oif: u32,
    /// Output interface mask.
    pub oifmask: i32,
    /// Firewall mark and mask.
    pub mark: u32,
    /// Mark mask.
    pub markmask: i32,
    /// Realms and mask.
    pub realm: u32,
    /// Realm mask.
    pub realmmask: u32,
    /// Metric and mask.
    pub metric: u32,
    /// Metric mask.
    pub metricmask: u32,
    /// `src` (preferred source) prefix.
    pub rprefsrc: Prefix,
    /// `via` prefix.
    pub rvia: Prefix,
    /// `root` destination.
    pub rdst: Prefix,
    /// `match` destination.
    pub mdst: Prefix,
    /// `root` source.
    pub rsrc: Prefix,
    /// `match` source.
    pub msrc: Prefix,
    /// Whether an IPv6 route outside the main table was seen (a static
    /// in iproute2 that changes how `table` filters IPv6 routes).
    pub ip6_multiple_tables: bool,
}

impl RouteFilter {
    /// `iproute_reset_filter(ifindex)`.
    pub fn new(ifindex: u32) -> RouteFilter {
        let mut f = RouteFilter::default();
        f.mdst.bitlen = -1;
        f.msrc.bitlen = -1;
        f.oif = ifindex;
        if ifindex > 0 {
            f.oifmask = -1;
        }
        f
    }
}

/// `rtm_get_table`.
pub fn rtm_get_table(r: &RtMsgRepr, tb: &Attrs) -> u32 {
    tb.u32(rta::TABLE).unwrap_or(u32::from(r.table))
}

fn copy_into(dst: &mut [u8; 16], src: &[u8], n: usize) {
    let n = n.min(16).min(src.len());
    crate::wire::put_bytes(dst, 0, &src[..n]);
}

fn given(p: &Prefix) -> bool {
    p.family != 0 || p.flags & PREFIXLEN_SPECIFIED != 0
}

/// `filter_nlmsg`: whether a route passes the filter.
pub fn filter_nlmsg(f: &mut RouteFilter, family: u8, r: &RtMsgRepr, tb: &Attrs) -> bool {
    let host_len = af_bit_len(r.family);
    let table = rtm_get_table(r, tb);
    if family != 0 && r.family != family {
        return false;
    }
    if r.family == 10 && table != 254 {
        f.ip6_multiple_tables = true;
    }
    if f.cloned == i32::from(r.flags & rtm_f::CLONED == 0) {
        return false;
    }
    if r.family == 10 && !f.ip6_multiple_tables {
        if f.tb != 0 {
            if f.tb == 255 {
                if r.kind != RTN_LOCAL {
                    return false;
                }
            } else if f.tb == 254 {
                if r.kind == RTN_LOCAL {
                    return false;
                }
            } else {
                return false;
            }
        }
    } else if f.tb > 0 && f.tb != table {
        return false;
    }
    if (f.protocol ^ r.protocol) as i32 & f.protocolmask != 0 {
        return false;
    }
    if (f.scope ^ r.scope) as i32 & f.scopemask != 0 {
        return false;
    }
    if f.typemask != 0 && f.typemask & (1u64 << (r.kind & 63)) == 0 {
        return false;
    }
    if (f.tos ^ r.tos) as i32 & f.tosmask != 0 {
        return false;
    }
    let dlen = i32::from(r.dst_len);
    let slen = i32::from(r.src_len);
    if f.rdst.family != 0 {
        if r.family != f.rdst.family || f.rdst.bitlen > dlen {
            return false;
        }
    } else if f.rdst.flags & PREFIXLEN_SPECIFIED != 0 && f.rdst.bitlen > dlen {
        return false;
    }
    if f.mdst.family != 0 {
        if r.family != f.mdst.family || (f.mdst.bitlen >= 0 && f.mdst.bitlen < dlen) {
            return false;
        }
    } else if f.mdst.flags & PREFIXLEN_SPECIFIED != 0 && f.mdst.bitlen >= 0 && f.mdst.bitlen < dlen {
        return false;
    }
    if f.rsrc.family != 0 {
        if r.family != f.rsrc.family || f.rsrc.bitlen > slen {
            return false;
        }
    } else if f.rsrc.flags & PREFIXLEN_SPECIFIED != 0 && f.rsrc.bitlen > slen {
        return false;
    }
    if f.msrc.family != 0 {
        if r.family != f.msrc.family || (f.msrc.bitlen >= 0 && f.msrc.bitlen < slen) {
            return false;
        }
    } else if f.msrc.flags & PREFIXLEN_SPECIFIED != 0 && f.msrc.bitlen >= 0 && f.msrc.bitlen < slen {
        return false;
    }
    if f.rvia.family != 0 {
        let mut fam = r.family;
        if let Some(v) = tb.get(rta::VIA) {
            fam = v.value.first().copied().unwrap_or(0);
        }
        if fam != f.rvia.family {
            return false;
        }
    }
    if f.rprefsrc.family != 0 && r.family != f.rprefsrc.family {
        return false;
    }

    let mut dst = [0u8; 16];
    let mut src = [0u8; 16];
    let mut via = [0u8; 16];
    let mut prefsrc = [0u8; 16];
    if let Some(d) = tb.get(rta::DST) {
        copy_into(&mut dst, d.value, usize::from(r.dst_len).div_ceil(8));
    }
    if given(&f.rsrc) || given(&f.msrc) {
        if let Some(s) = tb.get(rta::SRC) {
            copy_into(&mut src, s.value, usize::from(r.src_len).div_ceil(8));
        }
    }
    let hl = (host_len / 8).max(0) as usize;
    if f.rvia.bitlen > 0 {
        if let Some(g) = tb.get(rta::GATEWAY) {
            copy_into(&mut via, g.value, hl);
        }
        if let Some(v) = tb.get(rta::VIA) {
            let a = v.value.get(2..).unwrap_or(&[]);
            copy_into(&mut via, a, a.len());
        }
    }
    if f.rprefsrc.bitlen > 0 {
        if let Some(p) = tb.get(rta::PREFSRC) {
            copy_into(&mut prefsrc, p.value, hl);
        }
    }
    if given(&f.rdst) && !inet_addr_match(&dst, &f.rdst.data, f.rdst.bitlen) {
        return false;
    }
    if given(&f.mdst) && !inet_addr_match(&dst, &f.mdst.data, dlen) {
        return false;
    }
    if given(&f.rsrc) && !inet_addr_match(&src, &f.rsrc.data, f.rsrc.bitlen) {
        return false;
    }
    if given(&f.msrc) && f.msrc.bitlen >= 0 && !inet_addr_match(&src, &f.msrc.data, slen) {
        return false;
    }
    if f.rvia.family != 0 && !inet_addr_match(&via, &f.rvia.data, f.rvia.bitlen) {
        return false;
    }
    if f.rprefsrc.family != 0 && !inet_addr_match(&prefsrc, &f.rprefsrc.data, f.rprefsrc.bitlen) {
        return false;
    }
    if f.realmmask != 0 {
        let realms = tb.u32(rta::FLOW).unwrap_or(0);
        if (realms ^ f.realm) & f.realmmask != 0 {
            return false;
        }
    }
    if f.iifmask != 0 {
        let iif = tb.u32(rta::IIF).unwrap_or(0);
        if (iif ^ f.iif) as i32 & f.iifmask != 0 {
            return false;
        }
    }
    if f.oifmask != 0 {
        let oif = tb.u32(rta::OIF).unwrap_or(0);
        if (oif ^ f.oif) as i32 & f.oifmask != 0 {
            return false;
        }
    }
    if f.markmask != 0 {
        let mark = tb.u32(rta::MARK).unwrap_or(0);
        if (mark ^ f.mark) as i32 & f.markmask != 0 {
            return false;
        }
    }
    if f.metricmask != 0 {
        let metric = tb.u32(rta::PRIORITY).unwrap_or(0);
        if (metric ^ f.metric) & f.metricmask != 0 {
            return false;
        }
    }
    if f.flushing && r.family == 10 && r.dst_len == 0 && r.kind == RTN_UNREACHABLE && tb.u32(rta::PRIORITY) == Some(u32::MAX) {
        return false;
    }
    true
}
