//! IPv6 address configuration and IPv6 route insertion (net/ipv6/addrconf.c,
//! net/ipv6/ip6_fib.c). Duplicate address detection completes at once: the
//! simulator shows the settled state Linux reaches a moment later.

mod anycast;
mod dad;
pub use anycast::{forward_change, forwarding, has_anycast};
use dad::in_dad;
pub use dad::{dad_pending, settle_dad};

use super::Event;
use super::addr::Ifa6;
use super::namespace::Namespace;
use super::route::{AddMode, NextHop, Route};
use crate::errno::{Errno, KResult, KernelError};
use crate::wire::addr::{INFINITY_LIFE_TIME, ifa_f};
use crate::wire::route::{RouteType, rtnh_f, rtprot, scope, table};
use crate::wire::{NLM_F_APPEND, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE};

/// Metric of kernel-made IPv6 prefix routes (IP6_RT_PRIO_ADDRCONF).
pub const PRIO_ADDRCONF: u32 = 256;
/// Default metric of user IPv6 routes (IP6_RT_PRIO_USER).
pub const PRIO_USER: u32 = 1024;

const LOOPBACK: u128 = 1;
/// IFA_PROTO of the loopback address (IFAPROT_KERNEL_LO).
const IFAPROT_KERNEL_LO: u8 = 1;
/// IFA_PROTO of a link-local address (IFAPROT_KERNEL_LL).
const IFAPROT_KERNEL_LL: u8 = 3;

/// Whether an address is link-local (fe80::/10).
pub fn is_link_local(addr: u128) -> bool {
    addr >> 118 == 0x3fa
}

/// The netlink scope of an IPv6 address (`ipv6_addr_scope` mapped to RT_SCOPE_*).
pub fn addr_scope(addr: u128) -> u8 {
    if addr == LOOPBACK {
        scope::HOST
    } else if addr >> 118 == 0x3fa {
        scope::LINK
    } else if addr >> 120 == 0xff {
        match (addr >> 112) & 0xf {
            1 => scope::HOST,
            2 => scope::LINK,
            5 => scope::SITE,
            _ => scope::UNIVERSE,
        }
    } else if addr >> 118 == 0x3fb {
        scope::SITE
    } else {
        scope::UNIVERSE
    }
}

/// Whether `addr` is an address of the namespace that can be used on device
/// `dev` (`ipv6_chk_addr`, not strict): assigned and past DAD (an optimistic
/// address counts), and on `dev` itself when its scope is link or host.
pub fn chk_addr(ns: &Namespace, addr: u128, dev: u32) -> bool {
    ns.links.values().any(|l| {
        l.addrs6.iter().any(|a| {
            a.addr == addr
                && (a.flags & ifa_f::TENTATIVE == 0 || a.flags & ifa_f::OPTIMISTIC != 0)
                && (l.index == dev || !matches!(a.scope, scope::LINK | scope::HOST))
        })
    })
}

/// Whether IPv6 is disabled on a device (`disable_ipv6`).
pub fn is_disabled(ns: &Namespace, index: u32) -> bool {
    let Some(link) = ns.link(index) else { return true };
    if link.no_inet6 {
        return true;
    }
    let name = link.name.clone();
    ns.sysctl.is_on(&format!("net.ipv6.conf.{name}.disable_ipv6"), &[name.as_str()])
        || ns.sysctl.is_on("net.ipv6.conf.all.disable_ipv6", &[])
}

/// The hop limit of what leaves through device `dev` when the route sets
/// none (`ip6_dst_hoplimit`): the device's own `hop_limit` while it has
/// an inet6_dev, else `conf.all`'s.
pub fn dst_hoplimit(ns: &Namespace, dev: u32) -> u8 {
    let own = ns.link(dev).filter(|l| !l.no_inet6).and_then(|l| {
        let name = l.name.as_str();
        ns.sysctl.get(&format!("net.ipv6.conf.{name}.hop_limit"), &[name])
    });
    own.or_else(|| ns.sysctl.get("net.ipv6.conf.all.hop_limit", &[])).and_then(|v| crate::text::int(&v)).unwrap_or(64)
}

fn kernel_route(table_id: u32, dst: u128, len: u8, kind: RouteType, index: u32, priority: u32) -> Route<u128> {
    let mut r = Route::new(table_id, dst, len, kind);
    r.protocol = rtprot::KERNEL;
    r.priority = priority;
    r.auto = true;
    r.nexthops.push(NextHop { gateway: None, ifindex: index, weight: 1, flags: 0, scope: scope::LINK, realm: 0, via6: None });
    r
}

/// A prefix route of an address (`addrconf_prefix_route`): the address's
/// metric, or IP6_RT_PRIO_ADDRCONF.
fn prefix_route(index: u32, base: u128, len: u8, rt_priority: u32) -> Route<u128> {
    let priority = if rt_priority != 0 { rt_priority } else { PRIO_ADDRCONF };
    kernel_route(table::MAIN, super::fib::PrefixKey::mask(base, len), len, RouteType::Unicast, index, priority)
}

/// Adds a kernel-made route, ignoring an identical one already there.
fn add_kernel_route(ns: &mut Namespace, mut r: Route<u128>) -> Vec<Event> {
    // addrconf_prefix_route, addrconf_f6i_alloc, addrconf_add_mroute: a
    // VRF port's routes go to the VRF's table.
    if r.table == table::MAIN || r.table == table::LOCAL {
        if let Some(t) = r.nexthops.first().and_then(|nh| super::l3mdev::fib_table(ns, nh.ifindex)) {
            r.table = t;
        }
    }
    // fib6_nh_init: without carrier a route starts link-down, except local
    // and anycast ones.
    if !matches!(r.kind, RouteType::Local | RouteType::Anycast) {
        for nh in r.nexthops.iter_mut().filter(|nh| !super::route::carrier_ok(ns, nh.ifindex)) {
            nh.flags |= rtnh_f::LINKDOWN;
        }
    }
    insert_v6(ns, r, AddMode { create: true, ..AddMode::default() }).unwrap_or_default()
}

/// The routes an address brings: the local route in table local, and the
/// prefix route in main (a /128 too) unless IFA_F_NOPREFIXROUTE is set or it
/// is the loopback's own ::1 (`init_loopback` adds none).
fn address_routes(index: u32, a: &Ifa6, loopback_dev: bool) -> Vec<Route<u128>> {
    let mut out = Vec::new();
    if a.flags & ifa_f::NOPREFIXROUTE == 0 && a.proto != IFAPROT_KERNEL_LO {
        // inet6_addr_add: the address's own prefix.
        out.push(prefix_route(index, a.addr, a.prefix_len, a.rt_priority));
    }
    out.extend(peer_route(index, a));
    let mut local = kernel_route(table::LOCAL, a.addr, 128, RouteType::Local, if loopback_dev { 1 } else { index }, 0);
    local.nexthops[0].scope = scope::HOST;
    out.insert(0, local);
    out
}

/// The peer's /128 route of a point-to-point address, which
/// `__ipv6_ifa_notify(RTM_NEWADDR)` adds once the address is announced
/// usable (DAD over, or none to run), after its local route.
fn peer_route(index: u32, a: &Ifa6) -> Option<Route<u128>> {
    let p = a.peer.filter(|_| a.flags & ifa_f::NOPREFIXROUTE == 0 && a.proto != IFAPROT_KERNEL_LO)?;
    Some(prefix_route(index, p, 128, a.rt_priority))
}

/// The prefix route `base/len` of a changed address (`inet6_addr_modify`,
/// `modify_prefix_route`): one at another metric is deleted and added
/// again at the address's metric; a missing one is added back.
fn modify_prefix_route(ns: &mut Namespace, index: u32, (base, len): (u128, u8), rt_priority: u32, had_prefixroute: bool) -> Vec<Event> {
    if !ns.link(index).is_some_and(|l| l.is_up()) {
        return Vec::new();
    }
    let want = prefix_route(index, base, len, rt_priority);
    let mut events = Vec::new();
    let mut found = false;
    if had_prefixroute {
        events = remove_prefix_route(ns, index, (want.dst, want.dst_len), |old| {
            found = true;
            old.priority != want.priority
        });
        found &= events.is_empty();
    }
    if !found {
        events.extend(add_kernel_route(ns, want));
    }
    events
}

/// Removes the kernel's prefix route `base/len` through a device from the
/// main table (`addrconf_get_prefix_route` then `ip6_del_rt`) when `doomed`
/// says so of it.
fn remove_prefix_route(
    ns: &mut Namespace,
    index: u32,
    (base, len): (u128, u8),
    mut doomed: impl FnMut(&Route<u128>) -> bool,
) -> Vec<Event> {
    let id = ns.id;
    let mut events = Vec::new();
    let table_id = super::l3mdev::table_for(ns, index, table::MAIN);
    ns.fib6.edit(table_id, super::fib::PrefixKey::mask(base, len), len, |aliases| {
        if let Some(p) = aliases.iter().position(|x| x.auto && x.uses_dev(index) && x.nexthops.iter().all(|n| n.gateway.is_none())) {
            if doomed(&aliases[p]) {
                let removed = aliases.remove(p);
                events.push(Event::Route6 { ns: id, new: false, route: removed, nlflags: 0 });
            }
        }
    });
    events
}

/// Adds an IPv6 address and its routes (`inet6_addr_add`).
pub fn add_v6(ns: &mut Namespace, index: u32, a: Ifa6, replace: bool, excl: bool) -> KResult<Vec<Event>> {
    add_v6_as(ns, index, a, replace, excl, true)
}

/// Whether duplicate address detection runs on a device (`accept_dad`).
/// `ipv6_allow_optimistic_dad`: the device's or `all`'s optimistic_dad.
pub fn optimistic_dad(ns: &Namespace, index: u32) -> bool {
    let on = |v: Option<String>| v.and_then(|v| crate::text::int::<i32>(v.trim())).is_some_and(|v| v != 0);
    on(conf(ns, index, "optimistic_dad")) || on(ns.sysctl.get("net.ipv6.conf.all.optimistic_dad", &[]))
}

fn dad_enabled(ns: &Namespace, index: u32) -> bool {
    let on = |v: Option<String>| v.and_then(|v| crate::text::int::<i32>(v.trim())).is_some_and(|v| v > 0);
    on(conf(ns, index, "accept_dad")) || on(ns.sysctl.get("net.ipv6.conf.all.accept_dad", &[]))
}

/// [`add_v6`] for an address a request (`user`) or the kernel itself
/// added. Addresses that need DAD start tentative; a request's address is
/// announced at once (tentative), the kernel's only once DAD is over
/// ([`settle_dad`]), and either gets its local route then.
fn add_v6_as(ns: &mut Namespace, index: u32, mut a: Ifa6, replace: bool, excl: bool, user: bool) -> KResult<Vec<Event>> {
    let id = ns.id;
    if is_disabled(ns, index) {
        return Err(KernelError::msg(Errno::EACCES, "ipv6: IPv6 is disabled on this device"));
    }
    let link = ns.link(index).ok_or(KernelError::new(Errno::ENODEV))?;
    let loopback = link.is_loopback();
    if let Some(pos) = link.addrs6.iter().position(|x| x.addr == a.addr) {
        if excl || !replace {
            return Err(KernelError::new(Errno::EEXIST));
        }
        // inet6_addr_modify: a new peer's old route goes (cleanup_prefix_route).
        let mut events = Vec::new();
        let old_peer = link.addrs6[pos].peer;
        let new_peer = a.peer.filter(|&p| old_peer != Some(p));
        if let (Some(old), Some(_)) = (old_peer, new_peer) {
            events.extend(remove_prefix_route(ns, index, (old, link.addrs6[pos].prefix_len), |_| true));
        }
        let l = ns.link_mut(index).ok_or(KernelError::new(Errno::ENODEV))?;
        let x = &mut l.addrs6[pos];
        if new_peer.is_some() {
            x.peer = new_peer;
        }
        let had_prefixroute = x.flags & ifa_f::PERMANENT != 0 && x.flags & ifa_f::NOPREFIXROUTE == 0;
        x.valid_lft = a.valid_lft;
        x.preferred_lft = a.preferred_lft;
        // inet6_addr_modify: the lifetimes count from now.
        x.updated_ms = a.updated_ms;
        // inet6_addr_modify: the request's flags replace these, the
        // state flags (tentative, optimistic, ...) stay.
        let from_request = ifa_f::NOPREFIXROUTE | ifa_f::NODAD | ifa_f::HOMEADDRESS | ifa_f::MANAGETEMPADDR;
        x.flags = (x.flags & !(from_request | ifa_f::PERMANENT | ifa_f::DEPRECATED)) | (a.flags & from_request);
        if x.valid_lft == INFINITY_LIFE_TIME {
            x.flags |= ifa_f::PERMANENT;
        }
        if x.preferred_lft == 0 {
            x.flags |= ifa_f::DEPRECATED;
        }
        // inet6_addr_modify: a metric of 0 keeps the one the address has.
        if a.rt_priority != 0 {
            x.rt_priority = a.rt_priority;
        }
        x.proto = a.proto;
        let snap = x.clone();
        events.push(Event::Addr6 { ns: id, new: true, ifindex: index, addr: snap.clone(), kernel: false });
        if snap.flags & ifa_f::NOPREFIXROUTE == 0 {
            let prefixes = std::iter::once(snap.addr).chain(snap.peer);
            for base in prefixes {
                events.extend(modify_prefix_route(ns, index, (base, snap.prefix_len), snap.rt_priority, had_prefixroute));
            }
        }
        return Ok(events);
    }
    if user {
        check_new_address(&a, loopback)?;
        // A full namespace (super::limits::ADDRS_MAX) answers as a failed
        // allocation in ipv6_add_addr does: ENOBUFS.
        if ns.addr_count() >= ns.limits.addrs {
            return Err(Errno::ENOBUFS.into());
        }
    }
    a.scope = addr_scope(a.addr);
    a.flags &= ifa_f::NODAD | ifa_f::NOPREFIXROUTE | ifa_f::HOMEADDRESS | ifa_f::MANAGETEMPADDR | ifa_f::MCAUTOJOIN | ifa_f::OPTIMISTIC;
    if a.valid_lft == INFINITY_LIFE_TIME {
        a.flags |= ifa_f::PERMANENT;
    }
    if a.preferred_lft == 0 {
        a.flags |= ifa_f::DEPRECATED;
    }
    // Without nodad (and with accept_dad) the address starts tentative:
    // DAD runs once the link is ready.
    if !loopback && a.flags & ifa_f::NODAD == 0 && dad_enabled(ns, index) {
        a.flags |= ifa_f::TENTATIVE;
    }
    insert_addr(ns, index, a.clone());
    // inet6_addr_add: the multicast route (addrconf_add_dev), the prefix
    // route (addrconf_prefix_route), then RTM_NEWADDR and the local route
    // once DAD is over (__ipv6_ifa_notify). Routes through a device that is
    // down fail silently ("Nexthop device is not up"); the prefix route
    // comes back on NETDEV_UP, the local route when DAD completes.
    let up = ns.link(index).is_some_and(|l| l.is_up());
    let mut events = Vec::new();
    if up && !loopback {
        events.extend(add_mroute(ns, index));
    }
    // address_routes: the local route first, the peer's last.
    let mut routes = address_routes(index, &a, loopback);
    let local = routes.remove(0);
    let peer = peer_route(index, &a);
    if peer.is_some() {
        routes.pop();
    }
    if up {
        for r in routes {
            events.extend(add_kernel_route(ns, r));
        }
    }
    let tentative = a.flags & ifa_f::TENTATIVE != 0;
    if user || !tentative {
        events.push(Event::Addr6 { ns: id, new: true, ifindex: index, addr: a.clone(), kernel: false });
    }
    // addrconf_dad_begin: an optimistic address is usable while DAD runs,
    // so its local route goes in at once (and stays if DAD fails).
    let ready = ns.link(index).is_some_and(|l| l.is_up() && l.inet6_ready);
    if !tentative || (a.flags & ifa_f::OPTIMISTIC != 0 && ready) {
        events.extend(add_kernel_route(ns, local));
    }
    // addrconf_dad_begin completes DAD at once (loopback, nodad, no
    // accept_dad): __ipv6_ifa_notify joins the anycast address.
    if !tentative {
        events.extend(anycast::address_ready(ns, index, &a));
        if let Some(r) = peer.filter(|_| up) {
            events.extend(add_kernel_route(ns, r));
        }
    }
    Ok(events)
}

/// What `inet6_addr_add` and `ipv6_add_addr` refuse in a new address: a
/// group to join that is not multicast, the unspecified address, a
/// multicast address not joined, the loopback address elsewhere than `lo`.
fn check_new_address(a: &Ifa6, loopback: bool) -> KResult<()> {
    let multicast = a.addr >> 120 == 0xff;
    if a.flags & ifa_f::MCAUTOJOIN != 0 && !multicast {
        return Err(KernelError::msg(Errno::EINVAL, "ipv6: Multicast auto join failed"));
    }
    if a.addr == 0 {
        return Err(KernelError::msg(Errno::EADDRNOTAVAIL, "ipv6: Invalid address"));
    }
    if multicast && a.flags & ifa_f::MCAUTOJOIN == 0 {
        return Err(KernelError::msg(Errno::EADDRNOTAVAIL, "ipv6: Cannot assign multicast address without \"IFA_F_MCAUTOJOIN\" flag"));
    }
    if a.addr == 1 && !loopback {
        return Err(KernelError::msg(Errno::EADDRNOTAVAIL, "ipv6: Cannot assign loopback address on this device"));
    }
    Ok(())
}

/// IPV6_MIN_MTU.
pub const MIN_MTU: u32 = 1280;

/// NETDEV_CHANGEMTU (`addrconf_notify`): below IPv6's minimum the device
/// loses its IPv6 state, addresses and routes (`addrconf_ifdown(dev,
/// true)`); back at the minimum or above it gets it anew, and an up
/// device is configured again.
pub fn mtu_changed(ns: &mut Namespace, index: u32) -> Vec<Event> {
    let Some(l) = ns.link_mut(index) else { return Vec::new() };
    let low = l.mtu < MIN_MTU;
    if l.is_loopback() {
        // `addrconf_ifdown(dev, dev != net->loopback_dev)`: lo keeps its
        // inet6_dev, so under 1280 it goes down as on NETDEV_DOWN (its
        // addresses and routes go, new ones may be added), and back over it
        // only its mtu6 follows (::1 does not come back).
        if low {
            // rt6_disable_ip's neigh_ifdown flushes lo's IPv6 entries too.
            return ifdown_flushing(ns, index, false, true);
        }
        l.mtu6 = l.mtu;
        return Vec::new();
    }
    if low == l.no_inet6 {
        return Vec::new();
    }
    let name = l.name.clone();
    if low {
        let events = ifdown_flushing(ns, index, true, true);
        if let Some(l) = ns.link_mut(index) {
            l.no_inet6 = true;
        }
        // The inet6_dev goes with its settings (addrconf_sysctl_unregister).
        ns.sysctl.forget_ipv6_device(&name);
        return events;
    }
    // ipv6_add_dev: a new inet6_dev copies conf.default as it is now.
    ns.sysctl.register_device(&name);
    let Some(l) = ns.link_mut(index) else { return Vec::new() };
    l.no_inet6 = false;
    l.mtu6 = l.mtu;
    // The new inet6_dev joins all-nodes now: after IPv4's all-hosts when
    // the device is up (ipv6_add_dev).
    l.mc6_dropped = false;
    l.mc6_reloaded = l.is_up();
    l.mc6_allrouters = None;
    if l.is_up() { netdev_up(ns, index) } else { Vec::new() }
}

/// `addrconf_add_mroute`: the ff00::/8 route of a device in table local,
/// unless it is there already.
fn add_mroute(ns: &mut Namespace, index: u32) -> Vec<Event> {
    let there = ns.fib6.aliases(table::LOCAL, 0xffu128 << 120, 8).is_some_and(|a| a.iter().any(|r| r.auto && r.uses_dev(index)));
    if there {
        return Vec::new();
    }
    add_kernel_route(ns, kernel_route(table::LOCAL, 0xffu128 << 120, 8, RouteType::Multicast, index, PRIO_ADDRCONF))
}

/// Inserts into the address list: ordered by scope, newer first within one.
fn insert_addr(ns: &mut Namespace, index: u32, mut a: Ifa6) {
    if let Some(l) = ns.link_mut(index) {
        a.joined_down = if l.is_up() { 0 } else { l.addrs6.iter().map(|x| x.joined_down).max().unwrap_or(0).saturating_add(1) };
        let rank = |s: u8| -> u8 {
            match s {
                scope::UNIVERSE => 0,
                scope::SITE => 1,
                scope::LINK => 2,
                _ => 3,
            }
        };
        let pos = l.addrs6.iter().position(|x| rank(x.scope) >= rank(a.scope)).unwrap_or(l.addrs6.len());
        l.addrs6.insert(pos, a);
    }
}

/// Deletes an IPv6 address and its routes (`inet6_addr_del`).
pub fn del_v6(ns: &mut Namespace, index: u32, addr: u128, prefix_len: u8) -> KResult<Vec<Event>> {
    let link = ns.link(index).ok_or(KernelError::new(Errno::ENODEV))?;
    // inet6_addr_del: a device without an inet6_dev (under 1280).
    if link.no_inet6 {
        return Err(KernelError::msg(Errno::ENXIO, "ipv6: IPv6 is disabled on this device"));
    }
    let pos = link
        .addrs6
        .iter()
        .position(|x| x.addr == addr && x.prefix_len == prefix_len)
        .ok_or(KernelError::msg(Errno::EADDRNOTAVAIL, "ipv6: address not found"))?;
    Ok(remove_addr_at(ns, index, pos))
}

fn remove_addr_at(ns: &mut Namespace, index: u32, pos: usize) -> Vec<Event> {
    let id = ns.id;
    let Some(a) = ns.link_mut(index).map(|l| l.addrs6.remove(pos)) else { return Vec::new() };
    let mut events = vec![Event::Addr6 { ns: id, new: false, ifindex: index, addr: a.clone(), kernel: false }];
    // __ipv6_ifa_notify(RTM_DELADDR): the anycast address, then the routes.
    events.extend(anycast::address_gone(ns, index, &a));
    let loopback = ns.link(index).is_some_and(|l| l.is_loopback());
    for r in address_routes(index, &a, loopback) {
        let still_needed = ns.link(index).is_some_and(|l| {
            l.addrs6
                .iter()
                .any(|o| address_routes(index, o, loopback).iter().any(|w| w.dst == r.dst && w.dst_len == r.dst_len && w.table == r.table))
        });
        if still_needed {
            continue;
        }
        ns.fib6.edit(r.table, r.dst, r.dst_len, |aliases| {
            if let Some(p) = aliases.iter().position(|x| x.auto && x.uses_dev(r.oif()) && x.kind == r.kind) {
                let removed = aliases.remove(p);
                events.push(Event::Route6 { ns: id, new: false, route: removed, nlflags: 0 });
            }
        });
    }
    events
}

/// NETDEV_UP (`addrconf_notify`): loopback gets ::1; a device with carrier
/// gets its link-local address (otherwise "link is not ready").
pub fn netdev_up(ns: &mut Namespace, index: u32) -> Vec<Event> {
    // rt6_sync_up(dev, RTNH_F_DEAD)
    ns.fib6.for_each_mut(|r| r.nexthops.iter_mut().filter(|n| n.ifindex == index).for_each(|n| n.flags &= !rtnh_f::DEAD));
    if is_disabled(ns, index) {
        return Vec::new();
    }
    // addrconf_permanent_addr: addresses added while the device was down
    // get their prefix routes now.
    let mut events = Vec::new();
    let kept: Vec<Ifa6> = ns.link(index).map(|l| l.addrs6.clone()).unwrap_or_default();
    let loopback_dev = ns.link(index).is_some_and(|l| l.is_loopback());
    // fixup_permanent_addr: an address kept through the last down
    // (keep_addr_on_down) without DAD to wait for gets its local route
    // back too; a tentative one gets it when DAD completes.
    for a in &kept {
        let skip = if in_dad(a) || a.flags & ifa_f::PERMANENT == 0 { 1 } else { 0 };
        // The peer's route waits for DAD as the local one does.
        let mut routes = address_routes(index, a, loopback_dev);
        if in_dad(a) && peer_route(index, a).is_some() {
            routes.pop();
        }
        for r in routes.into_iter().skip(skip) {
            events.extend(add_kernel_route(ns, r));
        }
        // addrconf_dad_start of a kept address: a nodad one completes at
        // once and joins its anycast address; the others when DAD is over.
        if a.predad && a.flags & ifa_f::TENTATIVE == 0 {
            events.extend(anycast::address_ready(ns, index, a));
        }
    }
    // addrconf_dad_kick restarts DAD on every kept address, one that
    // failed before too (it stays marked DADFAILED until DAD succeeds).
    if let Some(l) = ns.link_mut(index) {
        l.addrs6.iter_mut().for_each(|a| a.predad &= a.flags & ifa_f::DADFAILED != 0 && a.flags & ifa_f::TENTATIVE != 0);
    }
    let Some(link) = ns.link_mut(index) else { return events };
    // addrconf_link_ready: a link in dormant or testing mode waits for
    // user space to set it UP (the link watch reports DORMANT/TESTING).
    link.inet6_ready = link.is_loopback() || (link.carrier && link.link_mode == 0);
    mc_up(link);
    if link.is_loopback() {
        // Measured on Linux 6.18: lo opened below IPv6's minimum MTU (it
        // keeps its inet6_dev there) does not get ::1 back
        // (scenario addr4_lo_low_mtu).
        if link.mtu < MIN_MTU {
            return events;
        }
        let a = Ifa6 {
            addr: LOOPBACK,
            peer: None,
            prefix_len: 128,
            scope: scope::HOST,
            flags: ifa_f::PERMANENT,
            valid_lft: INFINITY_LIFE_TIME,
            preferred_lft: INFINITY_LIFE_TIME,
            created_ms: 0,
            updated_ms: 0,
            rt_priority: 0,
            proto: IFAPROT_KERNEL_LO,
            joined_down: 0,
            predad: false,
        };
        events.extend(super::event::kernel_made(add_v6_as(ns, index, a, false, false, false).unwrap_or_default()));
        return events;
    }
    if link.inet6_ready {
        events.extend(dev_config(ns, index));
    }
    events
}

/// NETDEV_CHANGE with carrier: "link becomes ready".
pub fn netdev_change(ns: &mut Namespace, index: u32) -> Vec<Event> {
    if !ns.link(index).is_some_and(|l| l.is_up()) || is_disabled(ns, index) {
        return Vec::new();
    }
    // addrconf_link_ready: netif_oper_up (a DORMANT or TESTING link waits).
    use crate::wire::link::OperState;
    if !ns.link(index).is_some_and(|l| matches!(l.oper, OperState::Up | OperState::Unknown0)) {
        return Vec::new();
    }
    // Addresses added while not ready run DAD now (addrconf_dad_run); it
    // ends after the request ([`settle_dad`]).
    if let Some(l) = ns.link_mut(index) {
        l.inet6_ready = true;
        mc_up(l);
    }
    dev_config(ns, index)
}

/// `ipv6_mc_up` on a device that became ready: groups dropped by
/// `ipv6_mc_down` are loaded again (after what opening it loaded).
fn mc_up(l: &mut crate::stack::link::Link) {
    if l.inet6_ready && l.mc6_dropped {
        l.mc6_dropped = false;
        l.mc6_reloaded = true;
    }
}

/// Carrier lost on an up device: IPv6 keeps its addresses.
pub fn carrier_lost(_ns: &mut Namespace, _index: u32) -> Vec<Event> {
    Vec::new()
}

/// `addrconf_dev_config`: the multicast route, the EUI-64 link-local address
/// and its routes.
fn dev_config(ns: &mut Namespace, index: u32) -> Vec<Event> {
    let Some(link) = ns.link(index) else { return Vec::new() };
    // addrconf_add_dev and addrconf_addr_gen: neither the multicast route
    // nor a link-local address on an L3 master device.
    if super::l3mdev::is_master(ns, index) {
        return Vec::new();
    }
    // IN6_ADDR_GEN_MODE_NONE: no link-local address at all.
    // addrconf_add_dev adds the multicast route whatever the address
    // generation mode (an identical one already there is kept).
    let gen_none = link.addr_gen_mode == 1;
    let eui = link.eui64();
    let mut events = add_mroute(ns, index);
    let Some(eui) = eui.filter(|_| !gen_none) else { return events };
    let ll = (0xfe80u128 << 112) | u128::from(eui);
    if ns.link(index).is_some_and(|l| l.addrs6.iter().any(|a| a.addr == ll)) {
        return events;
    }
    let a = Ifa6 {
        addr: ll,
        peer: None,
        prefix_len: 64,
        scope: scope::LINK,
        flags: ifa_f::PERMANENT,
        valid_lft: INFINITY_LIFE_TIME,
        preferred_lft: INFINITY_LIFE_TIME,
        created_ms: 0,
        updated_ms: 0,
        rt_priority: 0,
        proto: IFAPROT_KERNEL_LL,
        joined_down: 0,
        predad: false,
    };
    events.extend(super::event::kernel_made(add_v6_as(ns, index, a, false, false, false).unwrap_or_default()));
    events
}

/// The value of `net.ipv6.conf.DEV.KEY` for a device.
fn conf(ns: &Namespace, index: u32, key: &str) -> Option<String> {
    let name = ns.link(index)?.name.clone();
    ns.sysctl.get(&format!("net.ipv6.conf.{name}.{key}"), &[name.as_str()]).map(|v| v.to_string())
}

/// `addrconf_ifdown`: routes through the device go, and every address but
/// those keep_addr_on_down keeps: with `all`'s value above 0 (or, when it
/// is 0, the device's), a device going down (not away, IPv6 not disabled)
/// keeps its permanent addresses other than link-local and loopback ones,
/// silently, tentative again unless nodad (DAD runs on the next up).
pub fn ifdown(ns: &mut Namespace, index: u32, unregister: bool) -> Vec<Event> {
    ifdown_flushing(ns, index, unregister, false)
}

/// [`ifdown`], with rt6_disable_ip's `neigh_ifdown(&nd_tbl)` after the
/// routes when `flush_nd` (on NETDEV_DOWN and UNREGISTER the neighbour
/// tables' own notifier flushes them instead).
fn ifdown_flushing(ns: &mut Namespace, index: u32, unregister: bool, flush_nd: bool) -> Vec<Event> {
    let id = ns.id;
    let keep_addr = !unregister && !is_disabled(ns, index) && keep_addr_on_down(ns, index);
    if let Some(l) = ns.link_mut(index) {
        // Step 5: a device that was ready drops its groups (`ipv6_mc_down`).
        if !unregister && l.inet6_ready {
            l.mc6_dropped = true;
            l.mc6_reloaded = false;
        } else if !unregister {
            // The groups stay while IPv4's all-hosts leaves (ip_mc_down):
            // back up, all-nodes comes first.
            l.mc6_reloaded = false;
        }
        l.inet6_ready = false;
        l.inet6_rs_sent = false;
    }
    let mut events = Vec::new();
    events.extend(routes_down(ns, index, unregister, false));
    if flush_nd {
        events.extend(super::neigh::ndisc_ifdown(ns, index));
    }
    let addrs = ns.link_mut(index).map(|l| std::mem::take(&mut l.addrs6)).unwrap_or_default();
    let mut kept = Vec::new();
    for mut a in addrs {
        let local = is_link_local(a.addr) || a.addr == LOOPBACK;
        // Kept or deleted, the address leaves its anycast address (its
        // route went with the device's routes).
        events.extend(anycast::address_gone(ns, index, &a));
        if keep_addr && a.flags & ifa_f::PERMANENT != 0 && !local {
            if a.flags & ifa_f::NODAD == 0 {
                a.flags |= ifa_f::TENTATIVE;
            }
            a.predad = true;
            kept.push(a);
        } else {
            events.push(Event::Addr6 { ns: id, new: false, ifindex: index, addr: a, kernel: true });
        }
    }
    if let Some(l) = ns.link_mut(index) {
        l.addrs6 = kept;
    }
    // Step 5 of addrconf_ifdown: an unregistering device drops its
    // anycast list (ipv6_ac_destroy_dev).
    if unregister {
        events.extend(anycast::destroy_dev(ns, index));
    }
    // Local routes of addresses on other devices that pointed here stay.
    events
}

/// keep_addr_on_down as `addrconf_ifdown` reads it: `all`'s value, or the
/// device's when that is 0; kept when above 0.
fn keep_addr_on_down(ns: &Namespace, index: u32) -> bool {
    let value = |v: Option<String>| v.and_then(|v| crate::text::int::<i32>(v.trim())).unwrap_or(0);
    let all = value(ns.sysctl.get("net.ipv6.conf.all.keep_addr_on_down", &[]));
    let keep = if all != 0 { all } else { value(conf(ns, index, "keep_addr_on_down")) };
    keep > 0
}

/// `fib6_ifdown` for a device going down (or away): its routes go, except
/// that a multipath route keeps its other live next hops (going down marks
/// this device's ones dead, unregistering drops them). `keep_local` spares
/// the local table.
pub fn routes_down(ns: &mut Namespace, index: u32, unregister: bool, keep_local: bool) -> Vec<Event> {
    let id = ns.id;
    let lives_elsewhere = |r: &super::route::Alias<u128>| r.nexthops.iter().any(|n| n.ifindex != index && n.flags & rtnh_f::DEAD == 0);
    ns.fib6.for_each_mut(|r| {
        if r.multipath && r.uses_dev(index) && lives_elsewhere(r) {
            if unregister {
                r.retain_legs(|n| n.ifindex != index);
            } else {
                r.nexthops.iter_mut().filter(|n| n.ifindex == index).for_each(|n| n.flags |= rtnh_f::DEAD | rtnh_f::LINKDOWN);
            }
        }
    });
    let doomed = |r: &super::route::RouteRef<'_, u128>| {
        r.uses_dev(index) && !(r.multipath && lives_elsewhere(r)) && !(keep_local && r.table == table::LOCAL)
    };
    ns.fib6.remove_where(doomed).into_iter().map(|route| Event::Route6 { ns: id, new: false, route, nlflags: 0 }).collect()
}

/// Whether a table's fib6 tree has a node at `dst/len`: the root, a prefix
/// with routes, or the branch point of two prefixes that part there.
fn fib6_node_exists(fib: &super::fib::Fib<u128>, table: u32, dst: u128, len: u8) -> bool {
    if len == 0 || fib.aliases(table, dst, len).is_some() {
        return true;
    }
    if len >= 128 {
        return false;
    }
    let bit = 1u128 << (127 - len);
    fib.has_prefix_under(table, dst & !bit, len + 1) && fib.has_prefix_under(table, dst | bit, len + 1)
}

/// Inserts an IPv6 route (`fib6_add_rt2node`): routes at a prefix are
/// ordered by metric, a new one going after those of its metric; an
/// equal-metric route with a gateway joins an existing one as a sibling
/// (one multipath route here) when both can do ECMP. The notification says
/// CREATE, plus EXCL when no route of the same metric was there, plus APPEND
/// when asked. Kernel-made routes (`route.auto`) come with no request: no
/// EXCL check and no replace.
pub fn insert_v6(ns: &mut Namespace, route: Route<u128>, mode: AddMode) -> KResult<Vec<Event>> {
    let id = ns.id;
    let user = !route.auto;
    let (excl, replace) = (user && mode.excl, user && mode.replace);
    let (table, dst, dst_len) = (route.table, route.dst, route.dst_len);
    // Only a replace without create that finds nothing asks (and the walk
    // over the table is not free).
    let node = !replace || mode.create || fib6_node_exists(&ns.fib6, table, dst, dst_len);
    // A full FIB (stack::limits::ROUTES_MAX) takes no new route from a
    // request: ENOMEM, as fib6_info_alloc failing gives.
    let full = user && ns.fib6.route_count() >= ns.limits.routes;
    ns.fib6.edit(table, dst, dst_len, |aliases| {
        let ecmp = |r: &Route<u128>| r.kind == RouteType::Unicast && !r.auto && r.nexthops.iter().all(|n| n.gateway.is_some());
        let same_level = |a: &Route<u128>| a.priority == route.priority && a.src_len == route.src_len && a.src == route.src;
        let mut nlflags = NLM_F_EXCL | if user && mode.append { NLM_F_APPEND } else { 0 };
        let insert_at = aliases.iter().position(|a| a.priority > route.priority).unwrap_or(aliases.len());
        let (mut found, mut fallback, mut sibling) = (None, None, None);
        for (i, existing) in aliases.iter().enumerate().filter(|(_, a)| same_level(a)) {
            if excl {
                return Err(Errno::EEXIST.into());
            }
            nlflags &= !NLM_F_EXCL;
            if replace {
                if ecmp(existing) == ecmp(&route) {
                    found = Some(i);
                    break;
                }
                fallback = fallback.or(Some(i));
                continue;
            }
            // rt6_duplicate_nexthop
            let dup = route.nexthops.iter().all(|nh| existing.nexthops.iter().any(|e| e.gateway == nh.gateway && e.ifindex == nh.ifindex));
            if dup {
                return Err(Errno::EEXIST.into());
            }
            if ecmp(existing) && ecmp(&route) && sibling.is_none() {
                sibling = Some(i);
            }
        }
        if replace {
            if let Some(i) = found.or(fallback) {
                aliases[i] = route.clone();
                return Ok(vec![Event::Route6 { ns: id, new: true, route, nlflags: NLM_F_REPLACE }]);
            }
            if !mode.create {
                if !node {
                    // fib6_add_1 finds no node for the prefix.
                    return Err(KernelError::msg(Errno::ENOENT, "Can not replace route - no match found"));
                }
                return Err(Errno::ENOENT.into());
            }
        }
        nlflags |= NLM_F_CREATE;
        if let Some(i) = sibling {
            // The new route is notified with its siblings after it.
            let existing = &mut aliases[i];
            let mut shown = route.clone();
            shown.join_legs(existing);
            existing.join_legs(&route);
            return Ok(vec![Event::Route6 { ns: id, new: true, route: shown, nlflags }]);
        }
        if full {
            return Err(Errno::ENOMEM.into());
        }
        aliases.insert(insert_at, route.clone());
        Ok(vec![Event::Route6 { ns: id, new: true, route, nlflags }])
    })
}
