//! A route request read and checked into a route (`rtm_to_fib_config`,
//! `fib_create_info`, `rtm_to_fib6_config`, `ip6_route_info_create`).

use crate::errno::{Errno, KResult, KernelError};
use crate::rtnetlink::reply::Request;
use crate::stack::fib::nexthop4::GatewayMemo;
use crate::stack::lookup;
use crate::stack::namespace::Namespace;
use crate::stack::route::{self as sroute, AddMode, Family, NextHop, Route};
use crate::wire::attr::AttrTable;
use crate::wire::route::{RTMSG_LEN, RouteType, RtMsgRepr, parse_multipath, rta, rtnh_f, scope, table};
use crate::wire::{AF_INET, AF_INET6, NLM_F_APPEND, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE};

pub(super) struct Parsed<'a> {
    pub(super) hdr: RtMsgRepr,
    pub(super) attrs: AttrTable<'a>,
}

pub(super) fn parse<'a>(req: &Request<'a>) -> KResult<Parsed<'a>> {
    let hdr = RtMsgRepr::parse(req.payload).map_err(|_| KernelError::new(Errno::EINVAL))?;
    let attrs = rta::SPACE.parse(req.payload.get(RTMSG_LEN..).unwrap_or(&[]))?;
    Ok(Parsed { hdr, attrs })
}

pub(super) fn addr<K: Family>(p: &Parsed<'_>, kind: u16) -> KResult<Option<K>> {
    match p.attrs.get(kind) {
        Some(a) => K::from_bytes(a.value).map(Some).ok_or(KernelError::new(Errno::EINVAL)),
        None => Ok(None),
    }
}

/// The table a request names: RTA_TABLE, else rtm_table, with 0 meaning main.
pub(super) fn table_of(p: &Parsed<'_>) -> KResult<u32> {
    let t = match p.attrs.get(rta::TABLE) {
        Some(t) => t.u32()?,
        None => u32::from(p.hdr.table),
    };
    Ok(if t == table::UNSPEC { table::MAIN } else { t })
}

pub(super) fn metrics(p: &Parsed<'_>) -> KResult<Vec<(u16, u32)>> {
    let Some(m) = p.attrs.get(rta::METRICS) else { return Ok(Vec::new()) };
    let mut out: Vec<(u16, u32)> = Vec::new();
    for a in crate::wire::attr::NlaIter::new(m.value) {
        let a = a?;
        if a.kind == 0 || a.kind > crate::wire::route::rtax::MAX {
            return Err(KernelError::msg(Errno::EINVAL, "Invalid metric type"));
        }
        let v = if a.kind == crate::wire::route::rtax::CC_ALGO {
            let name = a.value.split(|&c| c == 0).next().unwrap_or_default();
            cc_algo_key(name).ok_or(KernelError::msg(Errno::EINVAL, "Unknown tcp congestion algorithm"))?
        } else {
            a.u32()?
        };
        out.retain(|(k, _)| *k != a.kind);
        if v != 0 {
            out.push((a.kind, v));
        }
    }
    crate::sorting::sort(&mut out);
    Ok(out)
}

/// The TCP congestion control algorithms the stack offers (the recording
/// kernel's `tcp_available_congestion_control`); a metric stores one by
/// its position plus one (`tcp_ca_get_key_by_name`).
pub(super) const CC_ALGOS: [&str; 3] = ["reno", "bbr", "cubic"];

pub(super) fn cc_algo_key(name: &[u8]) -> Option<u32> {
    CC_ALGOS.iter().position(|a| a.as_bytes() == name).map(|i| i as u32 + 1)
}

pub(super) fn cc_algo_name(key: u32) -> Option<&'static str> {
    CC_ALGOS.get(usize::try_from(key).ok()?.checked_sub(1)?).copied()
}

/// `rtm_to_fib6_multipath_config`: every IPv6 next hop given in
/// RTA_MULTIPATH needs a gateway, checked before anything else is.
pub(super) fn multipath6_gateways(p: &Parsed<'_>) -> KResult<()> {
    let Some(mp) = p.attrs.get(rta::MULTIPATH) else { return Ok(()) };
    for h in parse_multipath(mp.value)? {
        let t = rta::SPACE.parse(h.attrs)?;
        match t.get(rta::GATEWAY) {
            None => return Err(KernelError::msg(Errno::EINVAL, "Device only routes can not be added for IPv6 using the multipath API.")),
            Some(g) if g.value.len() < 16 => return Err(KernelError::msg(Errno::EINVAL, "Invalid IPv6 address in RTA_GATEWAY")),
            Some(_) => {}
        }
    }
    Ok(())
}

/// An RTA_GATEWAY as the kernel takes it: for IPv4, 0.0.0.0 is no gateway
/// at all (`rtm_to_fib_config` and `fib_get_nhs` set the gateway family
/// only for a non-zero address); IPv6's `::` stays, to be refused as an
/// invalid gateway.
pub(super) fn given_gateway<K: Family>(gateway: K) -> Option<K> {
    (K::FAMILY != AF_INET || gateway != K::default()).then_some(gateway)
}

/// Next hops of a request: RTA_MULTIPATH, or RTA_GATEWAY/RTA_OIF.
pub(super) fn nexthops<K: Family>(p: &Parsed<'_>) -> KResult<(Vec<NextHop<K>>, bool)> {
    let onlink = (p.hdr.flags & u32::from(rtnh_f::ONLINK)) as u8;
    if let Some(mp) = p.attrs.get(rta::MULTIPATH) {
        let hops = parse_multipath(mp.value)?;
        if hops.is_empty() {
            return Err(KernelError::msg(Errno::EINVAL, "Invalid nexthop configuration - no valid nexthops"));
        }
        let mut out = Vec::new();
        for h in hops {
            let t = rta::SPACE.parse(h.attrs)?;
            let gateway = match t.get(rta::GATEWAY) {
                Some(g) => given_gateway(K::from_bytes(g.value).ok_or(KernelError::new(Errno::EINVAL))?),
                None => None,
            };
            let (gateway, via6) = with_via::<K>(gateway, t.get(rta::VIA).map(|v| v.value), t.has(rta::GATEWAY))?;
            let realm = if K::FAMILY == AF_INET { t.get(rta::FLOW).map(|f| f.u32()).transpose()?.unwrap_or(0) } else { 0 };
            out.push(NextHop {
                gateway,
                ifindex: h.ifindex.max(0) as u32,
                weight: u16::from(h.hops) + 1,
                // ip6_route_multipath_add: each leg starts from the
                // route's config, its onlink flag included; fib_get_nhs
                // (IPv4) keeps only the leg's own flags.
                flags: (h.flags | if K::FAMILY == AF_INET6 { onlink } else { 0 }) & rtnh_f::ONLINK,
                scope: 0,
                realm,
                via6,
            });
        }
        return Ok((out, true));
    }
    let gateway = addr::<K>(p, rta::GATEWAY)?.and_then(given_gateway);
    let (gateway, via6) = with_via::<K>(gateway, p.attrs.get(rta::VIA).map(|v| v.value), p.attrs.has(rta::GATEWAY))?;
    let ifindex = p.attrs.get(rta::OIF).map(|o| o.u32()).transpose()?.unwrap_or(0);
    if gateway.is_none() && via6.is_none() && ifindex == 0 {
        return Ok((Vec::new(), false));
    }
    let realm = if K::FAMILY == AF_INET { p.attrs.get(rta::FLOW).map(|f| f.u32()).transpose()?.unwrap_or(0) } else { 0 };
    Ok((vec![NextHop { gateway, ifindex, weight: 1, flags: onlink, scope: 0, realm, via6 }], false))
}

/// A next hop's RTA_VIA besides its RTA_GATEWAY (`fib_gw_from_via`): an
/// IPv4 route takes an IPv4 gateway or an IPv6 one through it, an IPv6
/// route none.
pub(super) fn with_via<K: Family>(gateway: Option<K>, via: Option<&[u8]>, has_gw: bool) -> KResult<(Option<K>, Option<Box<u128>>)> {
    let Some(v) = via else { return Ok((gateway, None)) };
    if K::FAMILY != AF_INET {
        return Err(crate::rtnetlink::via::refused_for_ipv6());
    }
    let parsed = crate::rtnetlink::via::parse(v)?;
    if has_gw {
        return Err(crate::rtnetlink::via::both_given());
    }
    Ok(match parsed {
        crate::rtnetlink::via::Via::V4(a) => (K::from_bytes(&a.to_be_bytes()).and_then(given_gateway), None),
        crate::rtnetlink::via::Via::V6(a) => (None, Some(Box::new(a))),
    })
}

/// The scope a route type must have at least (`fib_props[].scope`).
pub(super) fn type_min_scope(kind: RouteType) -> u8 {
    match kind {
        RouteType::Local => scope::HOST,
        RouteType::Broadcast | RouteType::Anycast => scope::LINK,
        RouteType::Unspec | RouteType::Nat | RouteType::XResolve => scope::NOWHERE,
        _ => scope::UNIVERSE,
    }
}

pub(super) fn has_type_error(kind: RouteType) -> bool {
    matches!(kind, RouteType::Blackhole | RouteType::Unreachable | RouteType::Prohibit | RouteType::Throw)
}

/// Builds and validates an IPv4 route from a NEWROUTE (`rtm_to_fib_config`,
/// `fib_create_info`); a gateway's lookup may come from, and goes to, `memo`.
pub(super) fn route_v4(ns: &Namespace, p: &Parsed<'_>, memo: &mut Option<GatewayMemo>) -> KResult<Route<u32>> {
    let kind = RouteType::from(p.hdr.kind);
    if p.hdr.kind > 11 {
        return Err(KernelError::msg(Errno::EINVAL, "Invalid route type"));
    }
    if p.hdr.dst_len > 32 {
        return Err(KernelError::msg(Errno::EINVAL, "Invalid prefix length"));
    }
    let dst = addr::<u32>(p, rta::DST)?.unwrap_or(0);
    if !crate::stack::fib::is_canonical(dst, p.hdr.dst_len) {
        return Err(KernelError::msg(Errno::EINVAL, "Invalid prefix for given prefix length"));
    }
    let table_id = table_of(p)?;
    let mut r = Route::new(table_id, dst, p.hdr.dst_len, kind);
    r.tos = p.hdr.tos;
    r.protocol = p.hdr.protocol;
    r.scope = p.hdr.scope;
    r.priority = p.attrs.get(rta::PRIORITY).map(|v| v.u32()).transpose()?.unwrap_or(0);
    r.prefsrc = addr::<u32>(p, rta::PREFSRC)?;
    r.metrics = metrics(p)?;
    if type_min_scope(kind) > r.scope {
        return Err(KernelError::msg(Errno::EINVAL, "Invalid scope"));
    }
    if let Some(id) = super::nhid::given(ns, &p.attrs)? {
        let r = super::nhid::through(ns, r, id, false)?;
        if let Some(src) = r.prefsrc {
            if !crate::stack::fib::nexthop4::valid_prefsrc(ns, r.kind, table_id, dst, src) {
                return Err(KernelError::msg(Errno::EINVAL, "Invalid prefsrc address"));
            }
        }
        return Ok(r);
    }
    let (mut hops, mp) = nexthops::<u32>(p)?;
    r.multipath = mp && hops.len() > 1;
    if mp {
        r.fib_flags = (p.hdr.flags & u32::from(rtnh_f::ONLINK)) as u8;
    }
    if has_type_error(kind) {
        if !hops.is_empty() {
            return Err(KernelError::msg(Errno::EINVAL, "Gateway, device and multipath can not be specified for this route type"));
        }
        // fib_create_info: the one next hop keeps its realm (nh_tclassid,
        // dumped as RTA_FLOW) and the onlink flag; the preferred source is
        // not checked.
        let realm = p.attrs.get(rta::FLOW).map(|f| f.u32()).transpose()?.unwrap_or(0);
        let onlink = (p.hdr.flags & u32::from(rtnh_f::ONLINK)) as u8;
        if realm != 0 || onlink != 0 {
            r.nexthops = vec![NextHop { gateway: None, ifindex: 0, weight: 1, flags: onlink, scope: scope::NOWHERE, realm, via6: None }];
        }
        return Ok(r);
    }
    if hops.is_empty() {
        // A route that names neither gateway nor device still has its one
        // next hop (fib_create_info: nhs is 1 without RTA_MULTIPATH).
        let onlink = (p.hdr.flags & u32::from(rtnh_f::ONLINK)) as u8;
        let realm = p.attrs.get(rta::FLOW).map(|f| f.u32()).transpose()?.unwrap_or(0);
        hops.push(NextHop { gateway: None, ifindex: 0, weight: 1, flags: onlink, scope: 0, realm, via6: None });
    }
    if r.scope == scope::HOST {
        let [nh] = hops.as_mut_slice() else {
            return Err(KernelError::msg(Errno::EINVAL, "Route with host scope can not have multiple nexthops"));
        };
        if nh.gateway.is_some() {
            return Err(KernelError::msg(Errno::EINVAL, "Route with host scope can not have a gateway"));
        }
        if ns.link(nh.ifindex).is_none() {
            return Err(Errno::ENODEV.into());
        }
        nh.scope = scope::NOWHERE;
    } else {
        for nh in &mut hops {
            if nh.via6.is_some() {
                crate::rtnetlink::via::check_v6_gateway(ns, table_id, nh)?;
            } else {
                crate::stack::fib::nexthop4::check_nh_memo(ns, r.scope, table_id, nh, memo)?;
            }
            // fib_check_nh: a device without carrier starts it link-down.
            if !sroute::carrier_ok(ns, nh.ifindex) {
                nh.flags |= rtnh_f::LINKDOWN;
            }
        }
    }
    if let Some(src) = r.prefsrc {
        if !crate::stack::fib::nexthop4::valid_prefsrc(ns, kind, table_id, dst, src) {
            return Err(KernelError::msg(Errno::EINVAL, "Invalid prefsrc address"));
        }
    }
    r.nexthops = hops;
    Ok(r)
}

/// Builds and validates an IPv6 route (`rtm_to_fib6_config`, `ip6_route_info_create`).
pub(super) fn route_v6(ns: &Namespace, p: &Parsed<'_>) -> KResult<Route<u128>> {
    let kind = RouteType::from(p.hdr.kind);
    if p.hdr.dst_len > 128 || p.hdr.src_len > 128 {
        return Err(KernelError::msg(Errno::EINVAL, "Invalid prefix length"));
    }
    let dst = addr::<u128>(p, rta::DST)?.unwrap_or(0);
    let dst = crate::stack::fib::PrefixKey::mask(dst, p.hdr.dst_len);
    let mut r = Route::new(table_of(p)?, dst, p.hdr.dst_len, kind);
    r.protocol = if p.hdr.protocol == 0 { crate::wire::route::rtprot::BOOT } else { p.hdr.protocol };
    r.priority = match p.attrs.get(rta::PRIORITY) {
        Some(v) => v.u32()?,
        None => crate::stack::ipv6::PRIO_USER,
    };
    if r.priority == 0 {
        r.priority = crate::stack::ipv6::PRIO_USER;
    }
    r.prefsrc = addr::<u128>(p, rta::PREFSRC)?;
    r.metrics = metrics(p)?;
    r.pref = p.attrs.get(rta::PREF).map(|v| v.u8()).transpose()?.unwrap_or(0);
    if r.pref == crate::wire::route::pref::INVALID {
        r.pref = 0;
    }
    if let Some(id) = super::nhid::given(ns, &p.attrs)? {
        return super::nhid::through(ns, r, id, p.hdr.src_len > 0);
    }
    let (mut hops, mp) = nexthops::<u128>(p)?;
    r.multipath = mp && hops.len() > 1;
    if hops.is_empty() {
        // fib6_nh_init runs for the route's one next hop even when nothing
        // names it (the onlink flag then needs a device).
        let onlink = (p.hdr.flags & u32::from(rtnh_f::ONLINK)) as u8;
        hops.push(NextHop { gateway: None, ifindex: 0, weight: 1, flags: onlink, scope: 0, realm: 0, via6: None });
    }
    if has_type_error(kind) {
        for nh in &hops {
            crate::stack::fib::nexthop6::check_device(ns, nh)?;
        }
        // A reject route goes through the loopback device.
        hops = vec![NextHop { gateway: None, ifindex: 1, weight: 1, flags: 0, scope: scope::LINK, realm: 0, via6: None }];
        r.multipath = false;
    } else {
        for nh in &mut hops {
            crate::stack::fib::nexthop6::init(ns, r.table, nh)?;
        }
    }
    // ip6_route_info_create: the preferred source must be an address of
    // this namespace usable on the route's device.
    if let Some(src) = r.prefsrc.filter(|s| *s != 0) {
        if !crate::stack::ipv6::chk_addr(ns, src, hops.first().map_or(0, |nh| nh.ifindex)) {
            return Err(KernelError::msg(Errno::EINVAL, "Invalid source address"));
        }
    }
    r.nexthops = hops;
    Ok(r)
}

pub(super) fn mode(req: &Request<'_>) -> AddMode {
    AddMode { create: req.has(NLM_F_CREATE), excl: req.has(NLM_F_EXCL), replace: req.has(NLM_F_REPLACE), append: req.has(NLM_F_APPEND) }
}

/// The DS field of a route request: IPv4 takes a DSCP without ECN bits
/// (`rtm_to_fib_config`, `inet_validate_dscp`), IPv6 none at all
/// (`rtm_to_fib6_config`).
pub(super) fn check_dsfield(p: &Parsed<'_>) -> KResult<()> {
    match p.hdr.family {
        AF_INET if p.hdr.tos & !lookup::DSCP_MASK != 0 => Err(KernelError::msg(Errno::EINVAL, "Invalid dsfield (tos): ECN bits must be 0")),
        AF_INET6 if p.hdr.tos != 0 => Err(KernelError::msg(Errno::EINVAL, "Invalid dsfield (tos): option not available for IPv6")),
        _ => Ok(()),
    }
}
