//! The messages describing a route (`fib_dump_info`, `rt6_fill_node`).

use super::config::cc_algo_name;
use super::getroute::cacheinfo;
use crate::stack::namespace::Namespace;
use crate::stack::route::{self as sroute, Family, NextHop, RouteRef};
use crate::stack::{Net, NsId};
use crate::wire::route::{RouteType, RtMsgRepr, rta, rtnh_f, rtnh_header, scope, table};
use crate::wire::{AF_INET, AF_INET6, MessageBuilder, MessageType, NlaWriter};

/// The RTNH_F_* flags a next hop reports (`fib_nexthop_info`): those it
/// was given or that its device's events set (RTNH_F_LINKDOWN follows the
/// carrier as NETDEV_CHANGE saw it, see `stack::route::sync_carrier`).
fn nh_flags<K: Family>(_ns: Option<&Namespace>, nh: &NextHop<K>) -> u8 {
    nh.flags & (rtnh_f::ONLINK | rtnh_f::DEAD | rtnh_f::LINKDOWN)
}

pub(super) fn put_metrics(b: &mut MessageBuilder, metrics: &[(u16, u32)]) {
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
            attrs.put(rta::VIA, &crate::rtnetlink::via::encode_v6(*g));
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

pub(super) fn table_byte(t: u32) -> u8 {
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
        hdr.flags = u32::from(all | r.fib_flags);
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
    if r.nh_id != 0 {
        b.put_u32(rta::NH_ID, r.nh_id);
    }
    if let ([nh], false) = (r.nexthops.as_slice(), r.multipath) {
        if let Some(g) = nh.gateway {
            b.put(rta::GATEWAY, &g.to_be_bytes());
        }
        if let Some(g) = nh.via6.as_deref() {
            b.put(rta::VIA, &crate::rtnetlink::via::encode_v6(*g));
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
pub(super) struct Get6 {
    /// The destination asked for.
    pub(super) dest: u128,
    /// The source asked for (:: when none).
    pub(super) src: u128,
    /// The source address selected (`ip6_route_get_saddr`).
    pub(super) saddr: Option<u128>,
    /// `dst.dev`.
    pub(super) dev: u32,
    /// The gateway of the next hop used.
    pub(super) gateway: Option<u128>,
}

/// `rt6_fill_node` with its optional parts: a lookup answer (`get`) and the
/// input device of the query (`iif`).
#[allow(clippy::too_many_arguments)]
pub(super) fn fill6_with(
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
    } else if let (Some(nh), false) = (single, r.multipath) {
        if r.nh_id != 0 {
            b.put_u32(rta::NH_ID, r.nh_id);
        }
        if let Some(g) = nh.gateway {
            b.put(rta::GATEWAY, &g.to_be_bytes());
        }
        if nh.ifindex != 0 {
            b.put_u32(rta::OIF, nh.ifindex);
        }
    } else if !r.nexthops.is_empty() {
        if r.nh_id != 0 {
            b.put_u32(rta::NH_ID, r.nh_id);
        }
        put_multipath(&mut b, nsr, r);
    }
    b.put(rta::CACHEINFO, &if get.is_some() { cacheinfo(None) } else { [0u8; 32] });
    b.put_u8(rta::PREF, r.pref);
    b.finish()
}
