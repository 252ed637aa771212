//! RTM_DELROUTE (`inet_rtm_delroute`, `inet6_rtm_delroute`).

use super::config::{Parsed, addr, check_dsfield, nexthops, parse, table_of};
use crate::errno::{Errno, KResult, KernelError};
use crate::rtnetlink::Ctx;
use crate::rtnetlink::reply::Request;
use crate::stack::route::{self as sroute, Family, RouteFilter};
use crate::wire::route::{RouteType, rta, scope, table};
use crate::wire::{AF_INET, AF_INET6};

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
        nh_id: p.attrs.get(rta::NH_ID).map(|a| a.u32()).transpose()?,
    })
}

/// RTM_DELROUTE (`fib_table_delete`, `ip6_route_del`).
pub fn del_route(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let p = parse(req)?;
    check_dsfield(&p)?;
    let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if matches!(p.hdr.family, AF_INET | AF_INET6) {
        crate::rtnetlink::lwt::check_encap_types(&p.attrs, rta::MAX)?;
        crate::rtnetlink::lwt::check_nh_id_exclusive(&p.attrs)?;
        // inet_rtm_delroute / inet6_rtm_delroute look the object up first.
        super::nhid::given(ns, &p.attrs)?;
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
            // ip6_route_del: ::/0 locates the tree's root, whose leaf is
            // fib6_null_entry (through lo, no gateway, metric ~0) while the
            // table has no default route; unless a device other than lo, a
            // gateway, a metric or a protocol rules it out, __ip6_del_rt
            // is asked to delete it and answers ENOENT.
            let no_default = ns.fib6.aliases(f.table, 0, 0).is_none_or(|a| a.is_empty());
            let via_lo = |i: u32| i == 0 || ns.link(i).is_some_and(|l| l.is_loopback());
            let null_entry_matches =
                f.nexthops.iter().all(|nh| via_lo(nh.ifindex) && nh.gateway.is_none()) && f.priority.is_none() && f.protocol.is_none();
            if f.dst_len == 0 && no_default && null_entry_matches {
                return Err(Errno::ENOENT.into());
            }
            ctx.events.extend(sroute::delete(ns, &f)?);
        }
        // No handler for other families (rtnl_get_link finds none).
        _ => return Err(Errno::EOPNOTSUPP.into()),
    }
    Ok(())
}
