//! Validation of one IPv6 next hop of a new route (`fib6_nh_init` and
//! `ip6_validate_gw` in net/ipv6/route.c): the device, the onlink flag and
//! the gateway, with Linux's errors in Linux's order.

use crate::errno::{Errno, KResult, KernelError};
use crate::stack::ipv6::is_link_local;
use crate::stack::lookup::{self, Query6};
use crate::stack::namespace::Namespace;
use crate::stack::route::NextHop;
use crate::wire::route::{RouteType, rtnh_f, scope, table};

/// Whether `ipv6_addr_type` calls the address unicast or IPv4-mapped: not
/// the unspecified address, not multicast.
fn unicast_or_mapped(a: u128) -> bool {
    a != 0 && a >> 120 != 0xff
}

/// Whether `gw` is one of the namespace's own addresses as
/// `ipv6_chk_addr_and_flags` sees it: on any device when `dev` is `None`,
/// else on `dev` or with a scope wider than link on another device; only
/// devices in the same VRF as `l3_dev` (or in none, as it) count.
fn is_local(ns: &Namespace, gw: u128, dev: Option<u32>, l3_dev: u32) -> bool {
    let l3 = crate::stack::l3mdev::master_ifindex(ns, l3_dev);
    ns.links.values().filter(|l| crate::stack::l3mdev::master_ifindex(ns, l.index) == l3).any(|l| {
        l.addrs6.iter().any(|a| a.addr == gw && dev.is_none_or(|d| d == l.index || (a.scope != scope::LINK && a.scope != scope::HOST)))
    })
}

/// `ip6_route_check_nh`: the gateway must be reachable without another
/// gateway, first in the route's own table, then through the rules; it
/// gives the device when none was named.
fn check_gateway(ns: &Namespace, table_id: u32, nh: &mut NextHop<u128>, gw: u128) -> KResult<()> {
    let unreachable = || KernelError::new(Errno::EHOSTUNREACH);
    let q = Query6 { dst: gw, oif: nh.ifindex, ..Query6::default() };
    let in_table = lookup::table_lookup6(ns, table_id, &q, true).map(|(route, k)| (route.kind, route.nexthops.get(k).cloned())).filter(
        |(kind, hop)| {
            lookup::type_error(*kind).is_none()
                && hop.as_ref().is_some_and(|h| h.gateway.is_none() && (nh.ifindex == 0 || h.ifindex == nh.ifindex))
        },
    );
    let dev = match in_table {
        Some((_, Some(hop))) => hop.ifindex,
        _ => {
            let res = lookup::route_v6(ns, &q).map_err(|_| unreachable())?;
            if res.gateway.is_some() || lookup::type_error(res.route.kind).is_some() {
                return Err(unreachable());
            }
            res.nh_dev
        }
    };
    if nh.ifindex != 0 && nh.ifindex != dev {
        return Err(unreachable());
    }
    nh.ifindex = dev;
    Ok(())
}

/// `ip6_route_check_nh_onlink`: an onlink gateway may not sit behind a
/// more specific non-unicast route or one on another device (the default
/// route and reject routes do not count), in the table of the device's
/// VRF, else main.
fn check_onlink(ns: &Namespace, nh: &NextHop<u128>, gw: u128) -> KResult<()> {
    let q = Query6 { dst: gw, oif: nh.ifindex, ..Query6::default() };
    let table_id = crate::stack::l3mdev::table_for(ns, nh.ifindex, table::MAIN);
    if let Some((route, k)) = lookup::table_lookup6(ns, table_id, &q, false) {
        let dev = route.nexthops.get(k).map_or(0, |h| h.ifindex);
        let reject = lookup::type_error(route.kind).is_some();
        if !reject && route.dst_len != 0 && (route.kind != RouteType::Unicast || dev != nh.ifindex) {
            return Err(KernelError::msg(Errno::EINVAL, "Nexthop has invalid gateway or device mismatch"));
        }
    }
    Ok(())
}

/// `ip6_validate_gw`.
fn validate_gateway(ns: &Namespace, table_id: u32, nh: &mut NextHop<u128>, gw: u128) -> KResult<()> {
    let local_msg = || KernelError::msg(Errno::EINVAL, "Gateway can not be a local address");
    let skip_dev = !is_link_local(gw);
    let named_dev = nh.ifindex != 0;
    let scope_dev = |d: u32| if skip_dev { None } else { Some(d) };
    if named_dev && is_local(ns, gw, scope_dev(nh.ifindex), nh.ifindex) {
        return Err(local_msg());
    }
    if !is_link_local(gw) {
        if !unicast_or_mapped(gw) {
            return Err(KernelError::msg(Errno::EINVAL, "Invalid gateway address"));
        }
        if nh.flags & rtnh_f::ONLINK != 0 {
            check_onlink(ns, nh, gw)?;
        } else {
            check_gateway(ns, table_id, nh, gw)?;
        }
    }
    let Some(dev) = ns.link(nh.ifindex) else {
        return Err(KernelError::msg(Errno::EINVAL, "Egress device not specified"));
    };
    if dev.is_loopback() {
        return Err(KernelError::msg(Errno::EINVAL, "Egress device can not be loopback device for this route"));
    }
    if !named_dev && is_local(ns, gw, scope_dev(nh.ifindex), nh.ifindex) {
        return Err(local_msg());
    }
    Ok(())
}

/// The first checks of `fib6_nh_init`, which reject routes pass too before
/// their next hop becomes the loopback device: a named device must exist
/// and have an inet6_dev (none under 1280 bytes of MTU), and the onlink
/// flag needs one that is up.
pub fn check_device(ns: &Namespace, nh: &NextHop<u128>) -> KResult<()> {
    if nh.ifindex != 0 && ns.link(nh.ifindex).is_none_or(|l| l.no_inet6) {
        return Err(Errno::ENODEV.into());
    }
    if nh.flags & rtnh_f::ONLINK != 0 {
        let Some(dev) = ns.link(nh.ifindex) else {
            return Err(KernelError::msg(Errno::ENODEV, "Nexthop device required for onlink"));
        };
        if !dev.is_up() {
            return Err(KernelError::msg(Errno::ENETDOWN, "Nexthop device is not up"));
        }
    }
    Ok(())
}

/// Checks and completes one next hop of an IPv6 route in `table_id`
/// (`fib6_nh_init`): resolves its device, validates its gateway, requires
/// the device to be up, and marks it link-down without carrier.
pub fn init(ns: &Namespace, table_id: u32, nh: &mut NextHop<u128>) -> KResult<()> {
    check_device(ns, nh)?;
    if let Some(gw) = nh.gateway {
        validate_gateway(ns, table_id, nh, gw)?;
    }
    let dev = ns.link(nh.ifindex).ok_or(KernelError::new(Errno::ENODEV))?;
    if crate::stack::ipv6::is_disabled(ns, nh.ifindex) {
        return Err(KernelError::msg(Errno::EACCES, "IPv6 is disabled on nexthop device"));
    }
    if !dev.is_up() {
        return Err(KernelError::msg(Errno::ENETDOWN, "Nexthop device is not up"));
    }
    if !dev.carrier {
        nh.flags |= rtnh_f::LINKDOWN;
    }
    nh.scope = scope::LINK;
    Ok(())
}
