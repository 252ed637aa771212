//! RTM_{NEW,DEL,GET}ROUTE for IPv4 (net/ipv4/fib_frontend.c
//! `rtm_to_fib_config`, `inet_rtm_newroute`, `inet_dump_fib`,
//! net/ipv4/route.c `inet_rtm_getroute`) and IPv6 (net/ipv6/route.c), and
//! the messages describing a route (`fib_dump_info`, `rt6_fill_node`).

use super::Ctx;
use super::reply::Request;
use crate::errno::{Errno, KResult, KernelError};
use crate::stack::lookup;
use crate::stack::namespace::Namespace;
use crate::stack::route::{self as sroute, AddMode, Family, NextHop, Route, RouteFilter, RouteRef};
use crate::stack::{Net, NsId};
use crate::wire::attr::AttrTable;
use crate::wire::route::{RTMSG_LEN, RouteType, RtMsgRepr, parse_multipath, rta, rtm_f, rtnh_f, rtnh_header, scope, table};
use crate::wire::{
    AF_INET, AF_INET6, AF_UNSPEC, MessageBuilder, MessageType, NLM_F_APPEND, NLM_F_CREATE, NLM_F_DUMP_FILTERED, NLM_F_EXCL, NLM_F_MULTI,
    NLM_F_REPLACE, NlaWriter,
};

/// The RTNH_F_* flags a next hop reports (`fib_nexthop_info`): those it
/// was given or that its device's events set (RTNH_F_LINKDOWN follows the
/// carrier as NETDEV_CHANGE saw it, see `stack::route::sync_carrier`).
fn nh_flags<K: Family>(_ns: Option<&Namespace>, nh: &NextHop<K>) -> u8 {
    nh.flags & (rtnh_f::ONLINK | rtnh_f::DEAD | rtnh_f::LINKDOWN)
}

fn put_metrics(b: &mut MessageBuilder, metrics: &[(u16, u32)]) {
    if metrics.is_empty() {
        return;
    }
    let n = b.begin_nest(rta::METRICS);
    for (k, v) in metrics {
        match (*k == crate::wire::route::rtax::CC_ALGO).then(|| cc_algo_name(*v)) {
            Some(name) => b.put_str(*k, name.unwrap_or("")),
            None => b.put_u32(*k, *v),
        }
    }
    b.end_nest(n);
    b.clear_nested_flag(n);
}

fn put_multipath<K: Family>(b: &mut MessageBuilder, ns: Option<&Namespace>, r: &sroute::Alias<K>) {
    let n = b.begin_nest(rta::MULTIPATH);
    for nh in &r.nexthops {
        let mut attrs = Vec::new();
        if let Some(g) = nh.gateway {
            attrs.put(rta::GATEWAY, &g.to_bytes());
        }
        if let Some(g) = nh.via6.as_deref() {
            attrs.put(rta::VIA, &super::via::encode_v6(*g));
        }
        if nh.realm != 0 {
            attrs.put(rta::FLOW, &nh.realm.to_ne_bytes());
        }
        let len = (crate::wire::route::RTNH_LEN + attrs.len()) as u16;
        b.push_unpadded(&rtnh_header(len, nh_flags(ns, nh), (nh.weight.max(1) - 1) as u8, nh.ifindex as i32));
        b.push_unpadded(&attrs);
    }
    b.end_nest(n);
    b.clear_nested_flag(n);
}

fn table_byte(t: u32) -> u8 {
    if t < 256 { t as u8 } else { table::COMPAT as u8 }
}

/// The message describing an IPv4 route (`fib_dump_info`).
pub fn fill4(net: &Net, ns: NsId, r: &RouteRef<'_, u32>, kind: MessageType, seq: u32, pid: u32, flags: u16) -> Vec<u8> {
    let nsr = net.ns(ns);
    let mut b = MessageBuilder::new(kind.raw(), flags, seq, pid);
    let mut hdr = RtMsgRepr {
        family: AF_INET,
        dst_len: r.dst_len,
        src_len: 0,
        tos: r.tos,
        table: table_byte(r.table),
        protocol: r.protocol,
        scope: r.scope,
        kind: r.kind.into(),
        flags: 0,
    };
    if let [nh] = r.nexthops.as_slice() {
        hdr.flags = u32::from(nh_flags(nsr, nh));
    } else if !r.nexthops.is_empty() {
        // fib_flags: dead or link-down once every next hop is
        // (fib_create_info, fib_sync_down_dev; fib_sync_up clears them).
        let all = r.nexthops.iter().fold(rtnh_f::DEAD | rtnh_f::LINKDOWN, |acc, nh| acc & nh_flags(nsr, nh));
        hdr.flags = u32::from(all);
    }
    b.push(&hdr.to_bytes());
    b.put_u32(rta::TABLE, r.table);
    if r.dst_len > 0 {
        b.put(rta::DST, &r.dst.to_be_bytes());
    }
    if r.priority != 0 {
        b.put_u32(rta::PRIORITY, r.priority);
    }
    put_metrics(&mut b, &r.metrics);
    if let Some(p) = r.prefsrc {
        b.put(rta::PREFSRC, &p.to_be_bytes());
    }
    if let ([nh], false) = (r.nexthops.as_slice(), r.multipath) {
        if let Some(g) = nh.gateway {
            b.put(rta::GATEWAY, &g.to_be_bytes());
        }
        if let Some(g) = nh.via6.as_deref() {
            b.put(rta::VIA, &super::via::encode_v6(*g));
        }
        if nh.ifindex != 0 {
            b.put_u32(rta::OIF, nh.ifindex);
        }
        if nh.realm != 0 {
            b.put_u32(rta::FLOW, nh.realm);
        }
    } else if !r.nexthops.is_empty() {
        put_multipath(&mut b, nsr, r);
    }
    b.finish()
}

/// The message describing an IPv6 route (`rt6_fill_node`).
pub fn fill6(net: &Net, ns: NsId, r: &RouteRef<'_, u128>, kind: MessageType, seq: u32, pid: u32, flags: u16) -> Vec<u8> {
    fill6_with(net, ns, r, kind, seq, pid, flags, None, 0)
}

/// What a GETROUTE answer adds to a FIB entry's description: the `rt6_info`
/// the lookup made (`dst`, `dest`, `src` of `rt6_fill_node`).
struct Get6 {
    /// The destination asked for.
    dest: u128,
    /// The source asked for (:: when none).
    src: u128,
    /// The source address selected (`ip6_route_get_saddr`).
    saddr: Option<u128>,
    /// `dst.dev`.
    dev: u32,
    /// The gateway of the next hop used.
    gateway: Option<u128>,
}

/// `rt6_fill_node` with its optional parts: a lookup answer (`get`) and the
/// input device of the query (`iif`).
#[allow(clippy::too_many_arguments)]
fn fill6_with(
    net: &Net,
    ns: NsId,
    r: &RouteRef<'_, u128>,
    kind: MessageType,
    seq: u32,
    pid: u32,
    flags: u16,
    get: Option<&Get6>,
    iif: u32,
) -> Vec<u8> {
    let nsr = net.ns(ns);
    let mut b = MessageBuilder::new(kind.raw(), flags, seq, pid);
    let mut hdr = RtMsgRepr {
        family: AF_INET6,
        dst_len: if get.is_some() { 128 } else { r.dst_len },
        src_len: if get.is_some() { 128 } else { r.src_len },
        tos: 0,
        table: table_byte(r.table),
        protocol: r.protocol,
        scope: scope::UNIVERSE,
        kind: r.kind.into(),
        flags: 0,
    };
    let single = r.nexthops.first().filter(|_| r.nexthops.len() == 1);
    if let (Some(nh), None) = (single, get) {
        let mut f = nh_flags(nsr, nh);
        // fib6_nh_init: local and anycast routes never get RTNH_F_LINKDOWN.
        if matches!(r.kind, RouteType::Local | RouteType::Anycast) {
            f &= !rtnh_f::LINKDOWN;
        }
        hdr.flags = u32::from(f);
    }
    b.push(&hdr.to_bytes());
    b.put_u32(rta::TABLE, r.table);
    match get {
        Some(g) => {
            b.put(rta::DST, &g.dest.to_be_bytes());
            b.put(rta::SRC, &g.src.to_be_bytes());
        }
        None => {
            if r.dst_len > 0 {
                b.put(rta::DST, &r.dst.to_be_bytes());
            }
            if r.src_len > 0 {
                b.put(rta::SRC, &r.src.to_be_bytes());
            }
        }
    }
    if iif != 0 {
        b.put_u32(rta::IIF, iif);
    } else if let Some(s) = get.and_then(|g| g.saddr) {
        b.put(rta::PREFSRC, &s.to_be_bytes());
    }
    if let Some(p) = r.prefsrc {
        b.put(rta::PREFSRC, &p.to_be_bytes());
    }
    put_metrics(&mut b, &r.metrics);
    b.put_u32(rta::PRIORITY, r.priority);
    if let Some(g) = get {
        if let Some(gw) = g.gateway {
            b.put(rta::GATEWAY, &gw.to_be_bytes());
        }
        if g.dev != 0 {
            b.put_u32(rta::OIF, g.dev);
        }
    } else if let Some(nh) = single {
        if let Some(g) = nh.gateway {
            b.put(rta::GATEWAY, &g.to_be_bytes());
        }
        if nh.ifindex != 0 {
            b.put_u32(rta::OIF, nh.ifindex);
        }
    } else if !r.nexthops.is_empty() {
        put_multipath(&mut b, nsr, r);
    }
    b.put(rta::CACHEINFO, &if get.is_some() { cacheinfo(None) } else { [0u8; 32] });
    b.put_u8(rta::PREF, r.pref);
    b.finish()
}

struct Parsed<'a> {
    hdr: RtMsgRepr,
    attrs: AttrTable<'a>,
}

fn parse<'a>(req: &Request<'a>) -> KResult<Parsed<'a>> {
    let hdr = RtMsgRepr::parse(req.payload).map_err(|_| KernelError::new(Errno::EINVAL))?;
    let attrs = rta::SPACE.parse(req.payload.get(RTMSG_LEN..).unwrap_or(&[]))?;
    Ok(Parsed { hdr, attrs })
}

fn addr<K: Family>(p: &Parsed<'_>, kind: u16) -> KResult<Option<K>> {
    match p.attrs.get(kind) {
        Some(a) => K::from_bytes(a.value).map(Some).ok_or(KernelError::new(Errno::EINVAL)),
        None => Ok(None),
    }
}

/// The table a request names: RTA_TABLE, else rtm_table, with 0 meaning main.
fn table_of(p: &Parsed<'_>) -> KResult<u32> {
    let t = match p.attrs.get(rta::TABLE) {
        Some(t) => t.u32()?,
        None => u32::from(p.hdr.table),
    };
    Ok(if t == table::UNSPEC { table::MAIN } else { t })
}

fn metrics(p: &Parsed<'_>) -> KResult<Vec<(u16, u32)>> {
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
const CC_ALGOS: [&str; 3] = ["reno", "bbr", "cubic"];

fn cc_algo_key(name: &[u8]) -> Option<u32> {
    CC_ALGOS.iter().position(|a| a.as_bytes() == name).map(|i| i as u32 + 1)
}

fn cc_algo_name(key: u32) -> Option<&'static str> {
    CC_ALGOS.get(usize::try_from(key).ok()?.checked_sub(1)?).copied()
}

/// `rtm_to_fib6_multipath_config`: every IPv6 next hop given in
/// RTA_MULTIPATH needs a gateway, checked before anything else is.
fn multipath6_gateways(p: &Parsed<'_>) -> KResult<()> {
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
fn given_gateway<K: Family>(gateway: K) -> Option<K> {
    (K::FAMILY != AF_INET || gateway != K::default()).then_some(gateway)
}

/// Next hops of a request: RTA_MULTIPATH, or RTA_GATEWAY/RTA_OIF.
fn nexthops<K: Family>(p: &Parsed<'_>) -> KResult<(Vec<NextHop<K>>, bool)> {
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
                flags: h.flags & rtnh_f::ONLINK,
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
fn with_via<K: Family>(gateway: Option<K>, via: Option<&[u8]>, has_gw: bool) -> KResult<(Option<K>, Option<Box<u128>>)> {
    let Some(v) = via else { return Ok((gateway, None)) };
    if K::FAMILY != AF_INET {
        return Err(super::via::refused_for_ipv6());
    }
    let parsed = super::via::parse(v)?;
    if has_gw {
        return Err(super::via::both_given());
    }
    Ok(match parsed {
        super::via::Via::V4(a) => (K::from_bytes(&a.to_be_bytes()).and_then(given_gateway), None),
        super::via::Via::V6(a) => (None, Some(Box::new(a))),
    })
}

/// The scope a route type must have at least (`fib_props[].scope`).
fn type_min_scope(kind: RouteType) -> u8 {
    match kind {
        RouteType::Local => scope::HOST,
        RouteType::Broadcast | RouteType::Anycast => scope::LINK,
        RouteType::Unspec | RouteType::Nat | RouteType::XResolve => scope::NOWHERE,
        _ => scope::UNIVERSE,
    }
}

fn has_type_error(kind: RouteType) -> bool {
    matches!(kind, RouteType::Blackhole | RouteType::Unreachable | RouteType::Prohibit | RouteType::Throw)
}

/// Builds and validates an IPv4 route from a NEWROUTE (`rtm_to_fib_config`,
/// `fib_create_info`).
fn route_v4(ns: &Namespace, p: &Parsed<'_>) -> KResult<Route<u32>> {
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
    let (mut hops, mp) = nexthops::<u32>(p)?;
    r.multipath = mp && hops.len() > 1;
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
                super::via::check_v6_gateway(ns, table_id, nh)?;
            } else {
                crate::stack::fib::nexthop4::check_nh(ns, r.scope, table_id, nh)?;
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
fn route_v6(ns: &Namespace, p: &Parsed<'_>) -> KResult<Route<u128>> {
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

fn mode(req: &Request<'_>) -> AddMode {
    AddMode { create: req.has(NLM_F_CREATE), excl: req.has(NLM_F_EXCL), replace: req.has(NLM_F_REPLACE), append: req.has(NLM_F_APPEND) }
}

/// RTM_NEWROUTE.
pub fn new_route(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let p = parse(req)?;
    check_dsfield(&p)?;
    let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if matches!(p.hdr.family, AF_INET | AF_INET6) {
        super::lwt::check_encap_types(&p.attrs, rta::MAX)?;
        super::lwt::check_nh_id_exclusive(&p.attrs)?;
    }
    match p.hdr.family {
        AF_INET => {
            // inet_rtm_newroute creates the table before the route is
            // checked (fib_new_table, then fib_table_insert).
            ns.fib4.create_table(table_of(&p)?);
            super::lwt::check_nh_id_exists(&p.attrs)?;
            super::lwt::check_encap_given_type(&p.attrs)?;
            let r = route_v4(ns, &p)?;
            ctx.events.extend(sroute::insert_v4(ns, r, mode(req))?);
        }
        AF_INET6 => {
            multipath6_gateways(&p)?;
            // ip6_route_info_create makes the table (fib6_new_table) once
            // the prefix lengths passed, before the next hop is checked.
            if p.hdr.dst_len <= 128 && p.hdr.src_len <= 128 {
                ns.fib6.create_table(table_of(&p)?);
            }
            super::lwt::check_nh_id_exists(&p.attrs)?;
            super::lwt::check_encap_given_type(&p.attrs)?;
            let r = route_v6(ns, &p)?;
            if p.attrs.has(rta::MULTIPATH) {
                // ip6_route_multipath_add rewrites the request once the first
                // next hop is in: no EXCL or REPLACE, CREATE (the ACK shows it).
                ctx.request_flags = Some((req.header.flags & !(NLM_F_EXCL | NLM_F_REPLACE)) | NLM_F_CREATE);
            }
            if r.multipath {
                // Each next hop is its own sibling route, merged by fib6_add_rt2.
                let mut one = r.clone();
                let hops = r.nexthops.clone();
                for (i, nh) in hops.into_iter().enumerate() {
                    one.nexthops = vec![nh];
                    one.multipath = false;
                    let mut m = mode(req);
                    if i > 0 {
                        // ip6_route_multipath_add: the legs after the first
                        // join it as siblings (no EXCL, no REPLACE).
                        m.append = true;
                        m.excl = false;
                        m.replace = false;
                    }
                    ctx.events.extend(crate::stack::ipv6::insert_v6(ns, one.clone(), m)?);
                }
            } else {
                ctx.events.extend(crate::stack::ipv6::insert_v6(ns, r, mode(req))?);
            }
        }
        // No handler for other families (rtnl_get_link finds none).
        _ => return Err(Errno::EOPNOTSUPP.into()),
    }
    Ok(())
}

/// The DS field of a route request: IPv4 takes a DSCP without ECN bits
/// (`rtm_to_fib_config`, `inet_validate_dscp`), IPv6 none at all
/// (`rtm_to_fib6_config`).
fn check_dsfield(p: &Parsed<'_>) -> KResult<()> {
    match p.hdr.family {
        AF_INET if p.hdr.tos & !lookup::DSCP_MASK != 0 => Err(KernelError::msg(Errno::EINVAL, "Invalid dsfield (tos): ECN bits must be 0")),
        AF_INET6 if p.hdr.tos != 0 => Err(KernelError::msg(Errno::EINVAL, "Invalid dsfield (tos): option not available for IPv6")),
        _ => Ok(()),
    }
}

fn filter_of<K: Family>(p: &Parsed<'_>, default_priority: Option<u32>) -> KResult<RouteFilter<K>> {
    let dst = addr::<K>(p, rta::DST)?.unwrap_or_default();
    let (hops, multipath) = nexthops::<K>(p)?;
    Ok(RouteFilter {
        multipath,
        table: table_of(p)?,
        dst: crate::stack::fib::PrefixKey::mask(dst, p.hdr.dst_len),
        dst_len: p.hdr.dst_len,
        tos: p.hdr.tos,
        kind: (p.hdr.kind != 0).then(|| RouteType::from(p.hdr.kind)),
        protocol: (p.hdr.protocol != 0).then_some(p.hdr.protocol),
        scope: (p.hdr.scope != scope::NOWHERE).then_some(p.hdr.scope),
        priority: p.attrs.get(rta::PRIORITY).map(|v| v.u32()).transpose()?.or(default_priority),
        prefsrc: addr::<K>(p, rta::PREFSRC)?,
        nexthops: hops,
    })
}

/// RTM_DELROUTE (`fib_table_delete`, `ip6_route_del`).
pub fn del_route(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let p = parse(req)?;
    check_dsfield(&p)?;
    let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if matches!(p.hdr.family, AF_INET | AF_INET6) {
        super::lwt::check_encap_types(&p.attrs, rta::MAX)?;
        super::lwt::check_nh_id_exclusive(&p.attrs)?;
        // inet_rtm_delroute / inet6_rtm_delroute look the object up first.
        super::lwt::check_nh_id_exists(&p.attrs)?;
    }
    match p.hdr.family {
        AF_INET => {
            if p.hdr.dst_len > 32 {
                return Err(KernelError::msg(Errno::EINVAL, "Invalid prefix length"));
            }
            let f = filter_of::<u32>(&p, None)?;
            if !ns.fib4.has_table(f.table) {
                return Err(KernelError::msg(Errno::ESRCH, "FIB table does not exist"));
            }
            ctx.events.extend(sroute::delete(ns, &f)?);
        }
        AF_INET6 => {
            let f = filter_of::<u128>(&p, None)?;
            // IPv6 has main and local from the start.
            if f.table != table::MAIN && f.table != table::LOCAL && !ns.fib6.has_table(f.table) {
                return Err(KernelError::msg(Errno::ESRCH, "FIB table does not exist"));
            }
            ctx.events.extend(sroute::delete(ns, &f)?);
        }
        // No handler for other families (rtnl_get_link finds none).
        _ => return Err(Errno::EOPNOTSUPP.into()),
    }
    Ok(())
}

/// The order Linux walks tables in dumps: by hash bucket (id mod 256).
fn tables_in_dump_order(ids: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut v: Vec<u32> = ids.collect();
    crate::sorting::sort_by_key(&mut v, |id| (id & 255, *id));
    v
}

/// RTM_GETROUTE dump (`inet_dump_fib`, `inet6_dump_fib`, `ip_valid_fib_dump_req`).
pub fn dump_routes(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let family = req.payload.first().copied().unwrap_or(AF_UNSPEC);
    let mut table_filter = None;
    let mut proto_filter = None;
    let mut type_filter = None;
    let mut oif_filter = None;
    if req.strict {
        let hdr = RtMsgRepr::parse(req.payload).map_err(|_| KernelError::msg(Errno::EINVAL, "Invalid header for FIB dump request"))?;
        if hdr.dst_len != 0 || hdr.src_len != 0 || hdr.tos != 0 || hdr.scope != 0 {
            return Err(KernelError::msg(Errno::EINVAL, "Invalid values in header for FIB dump request"));
        }
        if hdr.flags & !(rtm_f::CLONED | rtm_f::PREFIX) != 0 {
            return Err(KernelError::msg(Errno::EINVAL, "Invalid flags for FIB dump request"));
        }
        if hdr.flags & rtm_f::CLONED != 0 {
            // Only the (empty) exception cache is dumped; the answer still
            // says it was filtered (measured).
            ctx.filtered = true;
            return Ok(());
        }
        let attrs = rta::SPACE.parse(req.after(RTMSG_LEN))?;
        for k in 1..=rta::MAX {
            if attrs.has(k) && k != rta::TABLE && k != rta::OIF {
                return Err(KernelError::msg(Errno::EINVAL, "Unsupported attribute in dump request"));
            }
        }
        if hdr.table != 0 {
            table_filter = Some(u32::from(hdr.table));
        }
        if let Some(t) = attrs.get(rta::TABLE) {
            table_filter = Some(t.u32()?);
        }
        if hdr.protocol != 0 {
            proto_filter = Some(hdr.protocol);
        }
        if hdr.kind != 0 {
            type_filter = Some(RouteType::from(hdr.kind));
        }
        if let Some(o) = attrs.get(rta::OIF) {
            oif_filter = Some(o.u32()?);
        }
        ctx.filtered = table_filter.is_some() || proto_filter.is_some() || type_filter.is_some() || oif_filter.is_some();
    }
    // Without strict checking RTM_F_CLONED still dumps every route
    // (`filter.dump_routes` stays set; measured).
    let net = &*ctx.net;
    let Some(ns) = net.ns(ctx.ns) else { return Ok(()) };
    // inet_dump_fib: a table asked for by id must exist (IPv4 creates its
    // tables with the first route; IPv6 always has main and local).
    if let Some(t) = table_filter {
        // Main exists from the start (the default rules need it); others
        // appear with their first route.
        let exists = t == table::MAIN || ns.fib4.has_table(t);
        if family == AF_INET && !exists {
            return Err(KernelError::msg(Errno::ENOENT, "ipv4: FIB table does not exist"));
        }
        // inet6_dump_fib: main and local always exist (fib6_tables_init).
        let exists6 = t == table::MAIN || t == table::LOCAL || ns.fib6.has_table(t);
        if family == AF_INET6 && !exists6 {
            return Err(KernelError::msg(Errno::ENOENT, "ipv6: FIB table does not exist"));
        }
    }
    // Strict dumps mark every part as filtered; NLMSG_DONE only when a
    // filter was really given.
    let flags = NLM_F_MULTI | if req.strict { NLM_F_DUMP_FILTERED } else { 0 };
    let keep = |t: u32, proto: u8, kind: RouteType, oif: u32| {
        table_filter.is_none_or(|f| f == t)
            && proto_filter.is_none_or(|p| p == proto)
            && type_filter.is_none_or(|k| k == kind)
            && oif_filter.is_none_or(|o| o == oif)
    };
    let (seq, pid) = (req.header.seq, req.port);
    if family == AF_UNSPEC || family == AF_INET {
        for t in tables_in_dump_order(ns.fib4.table_ids()) {
            for r in sroute::dump_order::<u32>(ns, t) {
                if keep(t, r.protocol, r.kind, r.oif()) {
                    ctx.replies.push(fill4(net, ctx.ns, &r, MessageType::NewRoute, seq, pid, flags));
                }
            }
        }
    }
    if family == AF_UNSPEC || family == AF_INET6 {
        for t in tables_in_dump_order(ns.fib6.table_ids()) {
            for r in sroute::dump_order::<u128>(ns, t) {
                if keep(t, r.protocol, r.kind, r.oif()) {
                    ctx.replies.push(fill6(net, ctx.ns, &r, MessageType::NewRoute, seq, pid, flags));
                }
            }
        }
    }
    Ok(())
}

/// RTM_GETROUTE for one destination (`inet_rtm_getroute`, `inet6_rtm_getroute`).
pub fn get_route(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    super::getroute_check::check(req)?;
    let p = parse(req)?;
    let net = &*ctx.net;
    let ns = net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let u32_of = |k: u16| p.attrs.get(k).map(|o| o.u32()).transpose();
    let port_of = |k: u16| p.attrs.get(k).map(|v| v.u16().map(u16::from_be)).transpose();
    let iif = u32_of(rta::IIF)?.unwrap_or(0);
    let oif = u32_of(rta::OIF)?.unwrap_or(0);
    let mark = u32_of(rta::MARK)?.unwrap_or(0);
    // inet_rtm_getroute: the flow's uid is the requester's unless given.
    let uid = u32_of(rta::UID)?;
    let requester = req.uid;
    let ip_proto = p.attrs.get(rta::IP_PROTO).map(|v| v.u8()).transpose()?.unwrap_or(0);
    let (sport, dport) = (port_of(rta::SPORT)?.unwrap_or(0), port_of(rta::DPORT)?.unwrap_or(0));
    let fib_match = p.hdr.flags & rtm_f::FIB_MATCH != 0;
    let (seq, pid) = (req.header.seq, req.port);
    let msg = match p.hdr.family {
        AF_INET => {
            let src = addr::<u32>(&p, rta::SRC)?.unwrap_or(0);
            let q = lookup::Query4 {
                dst: addr::<u32>(&p, rta::DST)?.unwrap_or(0),
                src,
                iif,
                oif,
                mark,
                // Output lookups run as the caller (root); input ones as nobody.
                uid: uid.unwrap_or(requester),
                tos: p.hdr.tos,
                ip_proto,
                sport,
                dport,
            };
            let rt = if iif != 0 { lookup::input_v4(ns, &q)? } else { lookup::output_v4(ns, &q)? };
            // The table is named only for RTM_F_LOOKUP_TABLE (else main).
            let table_id = if p.hdr.flags & rtm_f::LOOKUP_TABLE != 0 { rt.table } else { table::MAIN };
            if fib_match {
                let Some(fib) = &rt.fib else { return Err(Errno::EHOSTUNREACH.into()) };
                let mut shown = fib.clone();
                shown.table = rt.table;
                shown.kind = rt.kind;
                fill4(net, ctx.ns, &shown.view(), MessageType::NewRoute, seq, pid, 0)
            } else {
                let uid_shown = if iif != 0 { uid } else { Some(uid.unwrap_or(requester)) };
                fill_cloned4(&rt, &q, table_id, uid_shown, seq, pid)
            }
        }
        AF_INET6 => {
            let q = lookup::Query6 {
                dst: addr::<u128>(&p, rta::DST)?.unwrap_or(0),
                src: addr::<u128>(&p, rta::SRC)?.unwrap_or(0),
                iif,
                oif,
                mark,
                uid: uid.unwrap_or(requester),
                tclass: p.hdr.tos,
                ip_proto,
                sport,
                dport,
            };
            if iif != 0 && ns.link(iif).is_none() {
                return Err(Errno::ENODEV.into());
            }
            let rt = lookup::route_v6(ns, &q)?;
            let mut r = rt.route.clone();
            r.table = rt.table;
            if fib_match {
                fill6_with(net, ctx.ns, &r.view(), MessageType::NewRoute, seq, pid, 0, None, iif)
            } else {
                let saddr = match r.prefsrc {
                    Some(p) => Some(p),
                    None => lookup::select_source_v6(ns, rt.nh_dev, q.dst),
                };
                let get = Get6 { dest: q.dst, src: q.src, saddr, dev: rt.dev, gateway: rt.gateway };
                fill6_with(net, ctx.ns, &r.view(), MessageType::NewRoute, seq, pid, 0, Some(&get), iif)
            }
        }
        // No handler for other families (rtnl_get_link finds none).
        _ => return Err(Errno::EOPNOTSUPP.into()),
    };
    ctx.replies.push(msg);
    Ok(())
}

/// The cloned /32 answer of an IPv4 `route get` (`rt_fill_info`).
fn fill_cloned4(rt: &lookup::Rt4, q: &lookup::Query4, table_id: u32, uid: Option<u32>, seq: u32, pid: u32) -> Vec<u8> {
    let mut b = MessageBuilder::new(MessageType::NewRoute.raw(), 0, seq, pid);
    let hdr = RtMsgRepr {
        family: AF_INET,
        dst_len: 32,
        src_len: if q.src != 0 { 32 } else { 0 },
        // rt_fill_info: the DSCP of the FIB entry that matched.
        tos: rt.fib.as_ref().map_or(0, |f| f.tos),
        table: table_byte(table_id),
        protocol: 0,
        scope: scope::UNIVERSE,
        kind: rt.kind.into(),
        flags: (rt.flags & !0xffff) | rtm_f::CLONED,
    };
    b.push(&hdr.to_bytes());
    b.put_u32(rta::TABLE, table_id);
    b.put(rta::DST, &q.dst.to_be_bytes());
    if q.src != 0 {
        b.put(rta::SRC, &q.src.to_be_bytes());
    }
    if rt.dev != 0 {
        b.put_u32(rta::OIF, rt.dev);
    }
    if q.iif == 0 && rt.src != q.src {
        b.put(rta::PREFSRC, &rt.src.to_be_bytes());
    }
    if let Some(g) = rt.gateway {
        b.put(rta::GATEWAY, &g.to_be_bytes());
    }
    if let Some(g) = rt.via6 {
        b.put(rta::VIA, &super::via::encode_v6(g));
    }
    put_metrics(&mut b, &rt.metrics);
    if q.mark != 0 {
        b.put_u32(rta::MARK, q.mark);
    }
    if let Some(u) = uid {
        b.put_u32(rta::UID, u);
    }
    if q.iif != 0 {
        b.put_u32(rta::IIF, q.iif);
    }
    b.put(rta::CACHEINFO, &cacheinfo(rt.error));
    b.finish()
}

/// A `struct rta_cacheinfo` as `rtnl_put_cacheinfo` writes it for a fresh
/// route: one reference (`rta_clntref`), no use yet, and `dst.error`.
fn cacheinfo(error: Option<Errno>) -> [u8; 32] {
    let mut ci = [0u8; 32];
    crate::wire::put_bytes(&mut ci, 0, &1u32.to_ne_bytes());
    if let Some(e) = error {
        crate::wire::put_bytes(&mut ci, 16, &(-e.0).to_ne_bytes());
    }
    ci
}
