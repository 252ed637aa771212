//! RTM_GETROUTE: dumps (`inet_dump_fib`, `inet6_dump_fib`) and the lookup
//! of one destination (`inet_rtm_getroute`, `inet6_rtm_getroute`).

use super::config::{addr, parse};
use super::fill::{Get6, fill4, fill6, fill6_with, put_metrics, table_byte};
use crate::errno::{Errno, KResult, KernelError};
use crate::rtnetlink::Ctx;
use crate::rtnetlink::reply::Request;
use crate::stack::lookup;
use crate::stack::route as sroute;
use crate::wire::route::{RTMSG_LEN, RouteType, RtMsgRepr, rta, rtm_f, scope, table};
use crate::wire::{AF_INET, AF_INET6, AF_UNSPEC, MessageBuilder, MessageType, NLM_F_DUMP_FILTERED, NLM_F_MULTI, NlaWriter};

/// `IPPROTO_UDP`, the protocol of `inet_rtm_getroute`'s flow by default.
const IPPROTO_UDP: u8 = 17;

/// The order Linux walks tables in dumps: by hash bucket (id mod 256).
fn tables_in_dump_order(ids: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut v: Vec<u32> = ids.collect();
    crate::sorting::sort_by_key(&mut v, |id| (id & 255, *id));
    v
}

/// RTM_GETROUTE dump (`inet_dump_fib`, `inet6_dump_fib`, `ip_valid_fib_dump_req`).
pub fn dump_routes(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    // A family with no dump of its own gets PF_UNSPEC's, rtnl_dump_all:
    // every family (measured with 0xff).
    let family = match req.payload.first().copied() {
        Some(f @ (AF_INET | AF_INET6)) => f,
        _ => AF_UNSPEC,
    };
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
    crate::rtnetlink::getroute_check::check(req)?;
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
    let ip_proto = p.attrs.get(rta::IP_PROTO).map(|v| v.u8()).transpose()?;
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
                // inet_rtm_getroute's flow and dummy skb are UDP unless told.
                ip_proto: ip_proto.unwrap_or(IPPROTO_UDP),
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
                ip_proto: ip_proto.unwrap_or(0),
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
                    // ip6_route_get_saddr: fib6_info_nh_dev, a group's first member.
                    None => lookup::select_source_v6(
                        ns,
                        if r.nh_id != 0 { r.nexthops.first().map_or(rt.nh_dev, |n| n.ifindex) } else { rt.nh_dev },
                        q.dst,
                    ),
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
        b.put(rta::VIA, &crate::rtnetlink::via::encode_v6(g));
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
pub(super) fn cacheinfo(error: Option<Errno>) -> [u8; 32] {
    let mut ci = [0u8; 32];
    crate::wire::put_bytes(&mut ci, 0, &1u32.to_ne_bytes());
    if let Some(e) = error {
        crate::wire::put_bytes(&mut ci, 16, &(-e.0).to_ne_bytes());
    }
    ci
}
