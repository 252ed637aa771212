//! Routes through a next-hop object (RTA_NH_ID): `fib_create_info` and
//! `ip6_route_info_create` find the object, check it fits the route
//! (`fib_check_nexthop`, `fib6_check_nexthop`), and the route takes its
//! next hops from it (`fib_info_nh`, `nexthop_fib6_nh`).

use crate::errno::{Errno, KResult, KernelError};
use crate::stack::namespace::Namespace;
use crate::stack::nexthop as snh;
use crate::stack::route::{Family, Route};
use crate::wire::attr::AttrTable;
use crate::wire::route::rta;

/// The object RTA_NH_ID names, if the request has one; a missing object
/// is "Nexthop id does not exist".
pub(super) fn given(ns: &Namespace, attrs: &AttrTable<'_>) -> KResult<Option<u32>> {
    let Some(a) = attrs.get(rta::NH_ID) else { return Ok(None) };
    let id = a.u32()?;
    if ns.nexthops.get(id).is_none() {
        return Err(KernelError::msg(Errno::EINVAL, "Nexthop id does not exist"));
    }
    Ok(Some(id))
}

/// Completes route `r` (header fields already read) through object `id`.
pub(super) fn through<K: Family>(ns: &Namespace, mut r: Route<K>, id: u32, has_src: bool) -> KResult<Route<K>> {
    let t = &ns.nexthops;
    let nh = t.get(id).ok_or(KernelError::msg(Errno::EINVAL, "Nexthop id does not exist"))?;
    if K::FAMILY == crate::wire::AF_INET {
        snh::check_for_v4_route(t, nh, r.scope)?;
    } else {
        // rtm_to_fib6_config
        if has_src {
            return Err(KernelError::msg(Errno::EINVAL, "Nexthops can not be used with source routing"));
        }
        snh::check_for_v6_route(t, nh, false)?;
    }
    // fib_dump_info / rt6_fill_node: a blackhole object makes the route one.
    r.nh_kind = r.kind;
    r.kind = snh::route_kind(t, id, r.kind);
    let res = snh::resolve::<K>(t, id).ok_or(Errno::EINVAL)?;
    r.nexthops = res.hops;
    r.multipath = res.multipath;
    r.nh_id = id;
    Ok(r)
}
