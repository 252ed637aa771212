//! RTM_NEWROUTE (`inet_rtm_newroute`, `inet6_rtm_newroute`).

use super::config::{check_dsfield, mode, multipath6_gateways, parse, route_v4, route_v6, table_of};
use crate::errno::{Errno, KResult, KernelError};
use crate::rtnetlink::Ctx;
use crate::rtnetlink::reply::Request;
use crate::stack::route::{self as sroute};
use crate::wire::route::rta;
use crate::wire::{AF_INET, AF_INET6, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE};

/// RTM_NEWROUTE.
pub fn new_route(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let p = parse(req)?;
    check_dsfield(&p)?;
    let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if matches!(p.hdr.family, AF_INET | AF_INET6) {
        crate::rtnetlink::lwt::check_encap_types(&p.attrs, rta::MAX)?;
        crate::rtnetlink::lwt::check_nh_id_exclusive(&p.attrs)?;
    }
    match p.hdr.family {
        AF_INET => {
            // inet_rtm_newroute creates the table before the route is
            // checked (fib_new_table, then fib_table_insert).
            ns.fib4.create_table(table_of(&p)?);
            crate::rtnetlink::lwt::check_encap_given_type(&p.attrs)?;
            let r = route_v4(ns, &p, &mut ctx.gateway)?;
            // A route that may answer the remembered gateway's lookup
            // ends the memo (fib_check_nh looks the gateway up each time).
            if ctx.gateway.is_some_and(|m| m.covered_by(r.dst, r.dst_len)) {
                ctx.gateway = None;
            }
            sroute::insert_v4_into(ns, r, mode(req), &mut ctx.events)?;
        }
        AF_INET6 => {
            multipath6_gateways(&p)?;
            // ip6_route_info_create makes the table (fib6_new_table) once
            // the prefix lengths passed, before the next hop is checked.
            if p.hdr.dst_len <= 128 && p.hdr.src_len <= 128 {
                ns.fib6.create_table(table_of(&p)?);
            }
            crate::rtnetlink::lwt::check_encap_given_type(&p.attrs)?;
            let r = route_v6(ns, &p)?;
            if p.attrs.has(rta::MULTIPATH) {
                // ip6_route_multipath_add rewrites the request once the first
                // next hop is in: no EXCL or REPLACE, CREATE (the ACK shows it).
                ctx.request_flags = Some((req.header.flags & !(NLM_F_EXCL | NLM_F_REPLACE)) | NLM_F_CREATE);
            }
            if r.multipath && r.nh_id == 0 {
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
