//! Subnet-router anycast addresses (net/ipv6/anycast.c, addrconf.c
//! `addrconf_join_anycast`/`addrconf_leave_anycast`): while IPv6
//! forwarding is on for a device, each address past DAD joins the
//! anycast address of its prefix (the prefix with the host bits clear),
//! which gets an `anycast` route in table local. Addresses of one prefix
//! share the entry, counted in `aca_users`; the route goes with the last.

use super::{Event, Namespace, add_kernel_route, conf, kernel_route};
use crate::stack::addr::Ifa6;
use crate::wire::route::{RouteType, table};

/// The subnet-router anycast address of an address's prefix, if it has
/// one (`addrconf_join_anycast`): none for /127 and longer (RFC 6164),
/// nor when the prefix is `::`.
fn subnet_router(a: &Ifa6) -> Option<u128> {
    if a.prefix_len >= 127 {
        return None;
    }
    let prefix = crate::stack::fib::PrefixKey::mask(a.addr, a.prefix_len);
    (prefix != 0).then_some(prefix)
}

/// Whether IPv6 forwarding is on for a device (`idev->cnf.forwarding`).
pub fn forwarding(ns: &Namespace, index: u32) -> bool {
    conf(ns, index, "forwarding").and_then(|v| crate::text::int::<i64>(v.trim())).is_some_and(|v| v != 0)
}

/// Whether a device joined an anycast address (`ipv6_chk_acast_addr`
/// with the device given).
pub fn has_anycast(ns: &Namespace, index: u32, addr: u128) -> bool {
    ns.link(index).is_some_and(|l| l.anycast6.iter().any(|(a, _)| *a == addr))
}

/// `__ipv6_ifa_notify(RTM_NEWADDR)`: an address that completed DAD joins
/// its prefix's anycast address while the device forwards.
pub(super) fn address_ready(ns: &mut Namespace, index: u32, a: &Ifa6) -> Vec<Event> {
    if !forwarding(ns, index) {
        return Vec::new();
    }
    join(ns, index, a)
}

/// `__ipv6_ifa_notify(RTM_DELADDR)` and `addrconf_ifdown`: an address
/// going (or kept through a down) leaves its prefix's anycast address
/// while the device forwards. Linux does not ask whether the address
/// had joined: a tentative one takes a user from the others' entry.
pub(super) fn address_gone(ns: &mut Namespace, index: u32, a: &Ifa6) -> Vec<Event> {
    if !forwarding(ns, index) {
        return Vec::new();
    }
    leave(ns, index, a)
}

/// `addrconf_join_anycast`.
fn join(ns: &mut Namespace, index: u32, a: &Ifa6) -> Vec<Event> {
    subnet_router(a).map(|addr| ac_inc(ns, index, addr)).unwrap_or_default()
}

/// `addrconf_leave_anycast`.
fn leave(ns: &mut Namespace, index: u32, a: &Ifa6) -> Vec<Event> {
    subnet_router(a).map(|addr| ac_dec(ns, index, addr)).unwrap_or_default()
}

/// `__ipv6_dev_ac_inc`: one more user of a joined address, or a new
/// entry (first in the list) with its route (`addrconf_f6i_alloc` with
/// `anycast`: RTN_ANYCAST in table local, or the device's VRF table,
/// protocol kernel, metric 0).
fn ac_inc(ns: &mut Namespace, index: u32, addr: u128) -> Vec<Event> {
    // A device without IPv6 state, or one being unregistered (`idev->dead`).
    let Some(l) = ns.link_mut(index).filter(|l| !l.no_inet6 && !l.unregistering) else { return Vec::new() };
    if let Some(entry) = l.anycast6.iter_mut().find(|(a, _)| *a == addr) {
        entry.1 = entry.1.saturating_add(1);
        return Vec::new();
    }
    l.anycast6.insert(0, (addr, 1));
    add_kernel_route(ns, kernel_route(table::LOCAL, addr, 128, RouteType::Anycast, index, 0))
}

/// `__ipv6_dev_ac_dec`: one user fewer; the last one takes the entry and
/// its route (`ip6_del_rt`, nothing when the route is gone already).
/// An address not joined is ENOENT, which every caller ignores.
fn ac_dec(ns: &mut Namespace, index: u32, addr: u128) -> Vec<Event> {
    let Some(l) = ns.link_mut(index) else { return Vec::new() };
    let Some(pos) = l.anycast6.iter().position(|(a, _)| *a == addr) else { return Vec::new() };
    let users = l.anycast6[pos].1.saturating_sub(1);
    if users > 0 {
        l.anycast6[pos].1 = users;
        return Vec::new();
    }
    l.anycast6.remove(pos);
    del_route(ns, index, addr)
}

/// Deletes the anycast route of `addr` through a device (`ip6_del_rt` of
/// `aca_rt`).
fn del_route(ns: &mut Namespace, index: u32, addr: u128) -> Vec<Event> {
    let id = ns.id;
    let table_id = crate::stack::l3mdev::table_for(ns, index, table::LOCAL);
    let mut events = Vec::new();
    ns.fib6.edit(table_id, addr, 128, |aliases| {
        if let Some(p) = aliases.iter().position(|x| x.auto && x.kind == RouteType::Anycast && x.uses_dev(index)) {
            let removed = aliases.remove(p);
            events.push(Event::Route6 { ns: id, new: false, route: removed, nlflags: 0 });
        }
    });
    events
}

/// `dev_forward_change`: the device's forwarding switched, so each of its
/// addresses past DAD joins (or leaves) its prefix's anycast address, in
/// the device's address order.
pub fn forward_change(ns: &mut Namespace, index: u32) -> Vec<Event> {
    let on = forwarding(ns, index);
    // The all-routers group joins at the tail of the device's list (or
    // leaves) with the switch.
    if let Some(l) = ns.link_mut(index).filter(|l| !l.no_inet6) {
        if !on {
            l.mc6_allrouters = None;
        } else if l.mc6_allrouters.is_none() && l.flags & crate::wire::link::iff::MULTICAST != 0 {
            l.mc6_allrouters = Some(l.is_up());
        }
    }
    let addrs: Vec<Ifa6> = ns
        .link(index)
        .map(|l| l.addrs6.iter().filter(|a| a.flags & crate::wire::addr::ifa_f::TENTATIVE == 0).cloned().collect())
        .unwrap_or_default();
    let mut events = Vec::new();
    for a in &addrs {
        events.extend(if on { join(ns, index, a) } else { leave(ns, index, a) });
    }
    events
}

/// `ipv6_ac_destroy_dev`: a device losing its IPv6 state drops every
/// anycast address and its route.
pub(super) fn destroy_dev(ns: &mut Namespace, index: u32) -> Vec<Event> {
    let joined = ns.link_mut(index).map(|l| std::mem::take(&mut l.anycast6)).unwrap_or_default();
    joined.into_iter().flat_map(|(addr, _)| del_route(ns, index, addr)).collect()
}
