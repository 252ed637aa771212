//! Interface addresses and the routes the kernel derives from them
//! (net/ipv4/devinet.c, net/ipv4/fib_frontend.c `fib_add_ifaddr`/`fib_del_ifaddr`).

use super::Event;
use super::namespace::Namespace;
use super::route::{AddMode, NextHop, Route, insert_v4};
use crate::errno::{Errno, KResult, KernelError};
use crate::wire::addr::ifa_f;
use crate::wire::route::{RouteType, rtprot, scope, table};

/// An IPv4 address on a link (`struct in_ifaddr`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ifa4 {
    /// `ifa_local`: the address itself.
    pub local: u32,
    /// `ifa_address`: the peer for point-to-point, else equal to `local`.
    pub address: u32,
    /// Prefix length.
    pub prefix_len: u8,
    /// Broadcast address, 0 when none.
    pub broadcast: u32,
    /// Label (`eth0:1`); the device name when none was given.
    pub label: String,
    /// RT_SCOPE_* scope.
    pub scope: u8,
    /// IFA_F_* flags.
    pub flags: u32,
    /// Valid lifetime in seconds (INFINITY_LIFE_TIME for forever).
    pub valid_lft: u32,
    /// Preferred lifetime in seconds.
    pub preferred_lft: u32,
    /// Creation time (ms on the virtual clock).
    pub created_ms: u64,
    /// Last update time (ms on the virtual clock).
    pub updated_ms: u64,
    /// Metric of the prefix route (IFA_RT_PRIORITY).
    pub rt_priority: u32,
    /// IFA_PROTO, 0 when unset.
    pub proto: u8,
}

impl Ifa4 {
    /// The network mask.
    pub fn mask(&self) -> u32 {
        prefix_mask(self.prefix_len)
    }
    /// Whether `addr` lies in this address's subnet (`inet_ifa_match`).
    pub fn matches(&self, addr: u32) -> bool {
        (addr ^ self.address) & self.mask() == 0
    }
    /// Whether the address is secondary.
    pub fn is_secondary(&self) -> bool {
        self.flags & ifa_f::SECONDARY != 0
    }
}

/// An IPv6 address on a link (`struct inet6_ifaddr`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ifa6 {
    /// The address.
    pub addr: u128,
    /// The peer, for point-to-point.
    pub peer: Option<u128>,
    /// Prefix length.
    pub prefix_len: u8,
    /// RT_SCOPE_* scope as netlink reports it.
    pub scope: u8,
    /// IFA_F_* flags.
    pub flags: u32,
    /// Valid lifetime in seconds.
    pub valid_lft: u32,
    /// Preferred lifetime in seconds.
    pub preferred_lft: u32,
    /// Creation time (ms).
    pub created_ms: u64,
    /// Last update time (ms).
    pub updated_ms: u64,
    /// Metric of the prefix route.
    pub rt_priority: u32,
    /// IFA_PROTO, 0 when unset.
    pub proto: u8,
    /// Added while its device was down: its solicited-node group joined
    /// the device's multicast list then (`igmp6_group_added` loads a group
    /// whatever the device's state), before the groups opening joins.
    /// 0 otherwise, else its place in the joining order (1 and up).
    pub joined_down: u32,
    /// Kept through its device going down (keep_addr_on_down): DAD starts
    /// again on the next up (INET6_IFADDR_STATE_PREDAD), and completes at
    /// once for a `nodad` address. One that had failed DAD stays marked
    /// until that DAD is over (it runs while DADFAILED still shows).
    pub predad: bool,
}

/// The mask of an IPv4 prefix length.
pub fn prefix_mask(len: u8) -> u32 {
    if len == 0 { 0 } else { u32::MAX << (32 - u32::from(len.min(32))) }
}

/// A request to add (or replace) an IPv4 address.
#[derive(Debug, Clone)]
pub struct NewAddr4 {
    /// The address and its attributes.
    pub ifa: Ifa4,
    /// NLM_F_REPLACE was set.
    pub replace: bool,
    /// NLM_F_EXCL was set.
    pub excl: bool,
}

/// Adds an IPv4 address (`inet_rtm_newaddr`, `__inet_insert_ifa`) and its routes.
pub fn add_v4(ns: &mut Namespace, index: u32, req: NewAddr4) -> KResult<Vec<Event>> {
    let id = ns.id;
    let now = 0;
    let link = ns.link(index).ok_or(KernelError::msg(Errno::ENODEV, "ipv4: Device not found"))?;
    let mut ifa = req.ifa;
    ifa.flags &= !(ifa_f::SECONDARY
        | ifa_f::NODAD
        | ifa_f::OPTIMISTIC
        | ifa_f::DADFAILED
        | ifa_f::HOMEADDRESS
        | ifa_f::TENTATIVE
        | ifa_f::MANAGETEMPADDR
        | ifa_f::STABLE_PRIVACY);
    if let Some(existing) =
        link.addrs4.iter().position(|a| a.prefix_len == ifa.prefix_len && a.matches(ifa.address) && a.local == ifa.local)
    {
        if req.excl || !req.replace {
            return Err(KernelError::msg(Errno::EEXIST, "ipv4: Address already assigned"));
        }
        let link = ns.link_mut(index).ok_or(KernelError::new(Errno::ENODEV))?;
        let a = &mut link.addrs4[existing];
        let metric_changed = a.rt_priority != ifa.rt_priority;
        a.rt_priority = ifa.rt_priority;
        a.proto = ifa.proto;
        a.valid_lft = ifa.valid_lft;
        a.preferred_lft = ifa.preferred_lft;
        // set_ifa_lifetime: only PERMANENT and DEPRECATED follow the request.
        a.flags &= !(ifa_f::PERMANENT | ifa_f::DEPRECATED);
        if a.valid_lft == crate::wire::addr::INFINITY_LIFE_TIME {
            a.flags |= ifa_f::PERMANENT;
        }
        if a.preferred_lft == 0 {
            a.flags |= ifa_f::DEPRECATED;
        }
        a.updated_ms = now;
        let snapshot = a.clone();
        let mut events = vec![Event::Addr4 { ns: id, new: true, ifindex: index, addr: snapshot.clone(), kernel: false }];
        if metric_changed {
            events.extend(modify_prefix_metric(ns, index, &snapshot));
        }
        return Ok(events);
    }
    // __inet_insert_ifa: an address without a local part is dropped,
    // and the request succeeds.
    if ifa.local == 0 {
        return Ok(Vec::new());
    }
    // A full namespace (super::limits::ADDRS_MAX) answers as a failed
    // inet_alloc_ifa does: ENOBUFS.
    if ns.addr_count() >= ns.limits.addrs {
        return Err(Errno::ENOBUFS.into());
    }
    // Find the insertion point and whether it is secondary.
    let mut last_primary = 0;
    for (i, a) in link.addrs4.iter().enumerate() {
        if !a.is_secondary() && ifa.scope <= a.scope {
            last_primary = i + 1;
        }
        if a.prefix_len == ifa.prefix_len && ifa.prefix_len > 0 && a.mask() & (a.address ^ ifa.address) == 0
            || (a.prefix_len == ifa.prefix_len && ifa.prefix_len == 0)
        {
            if a.scope != ifa.scope {
                return Err(KernelError::msg(Errno::EINVAL, "ipv4: Invalid scope value"));
            }
            ifa.flags |= ifa_f::SECONDARY;
        }
    }
    if ifa.preferred_lft == 0 {
        ifa.flags |= ifa_f::DEPRECATED;
    }
    if ifa.valid_lft == crate::wire::addr::INFINITY_LIFE_TIME {
        ifa.flags |= ifa_f::PERMANENT;
    }
    if ifa.label.is_empty() {
        ifa.label = link.name.clone();
    }
    let link = ns.link_mut(index).ok_or(KernelError::new(Errno::ENODEV))?;
    let at = if ifa.is_secondary() { link.addrs4.len() } else { last_primary };
    link.addrs4.insert(at, ifa.clone());
    let mut events = vec![Event::Addr4 { ns: id, new: true, ifindex: index, addr: ifa.clone(), kernel: false }];
    events.extend(fib_add_ifaddr(ns, index, &ifa));
    Ok(events)
}

/// The primary address of the subnet of `ifa` on a link (`inet_ifa_byprefix`).
fn primary_for(ns: &Namespace, index: u32, ifa: &Ifa4) -> Option<Ifa4> {
    if !ifa.is_secondary() {
        return Some(ifa.clone());
    }
    let prefix = ifa.address & ifa.mask();
    ns.link(index)?.addrs4.iter().find(|a| !a.is_secondary() && a.prefix_len == ifa.prefix_len && a.address & a.mask() == prefix).cloned()
}

/// The routes `fib_magic` installs for an address, in the order it installs them.
fn magic_routes(ns: &Namespace, index: u32, ifa: &Ifa4) -> Vec<Route<u32>> {
    let Some(link) = ns.link(index) else { return Vec::new() };
    let Some(prim) = primary_for(ns, index, ifa) else { return Vec::new() };
    let magic = |kind: RouteType, dst: u32, len: u8, priority: u32| {
        // fib_magic: the table of the device's VRF, else main or local.
        let default = if kind == RouteType::Unicast { table::MAIN } else { table::LOCAL };
        let mut r = Route::new(super::l3mdev::table_for(ns, index, default), dst & prefix_mask(len), len, kind);
        r.protocol = rtprot::KERNEL;
        r.scope = if kind == RouteType::Local { scope::HOST } else { scope::LINK };
        r.prefsrc = Some(prim.local);
        r.priority = priority;
        r.auto = true;
        r.nexthops.push(NextHop {
            gateway: None,
            ifindex: index,
            weight: 1,
            flags: 0,
            scope: if kind == RouteType::Local { scope::NOWHERE } else { scope::HOST },
            realm: 0,
            via6: None,
        });
        r
    };
    let mut out = vec![magic(RouteType::Local, ifa.local, 32, 0)];
    if !link.is_up() {
        return out;
    }
    if ifa.broadcast != 0 && ifa.broadcast != u32::MAX {
        out.push(magic(RouteType::Broadcast, ifa.broadcast, 32, 0));
    }
    let prefix = ifa.address & ifa.mask();
    if prefix != 0 && !ifa.is_secondary() && (prefix != ifa.local || ifa.prefix_len < 32) {
        if ifa.flags & ifa_f::NOPREFIXROUTE == 0 {
            let kind = if link.is_loopback() { RouteType::Local } else { RouteType::Unicast };
            out.push(magic(kind, prefix, ifa.prefix_len, ifa.rt_priority));
        }
        if ifa.prefix_len < 31 {
            out.push(magic(RouteType::Broadcast, prefix | !ifa.mask(), 32, 0));
        }
    }
    out
}

/// NETDEV_UP for IPv4 (`inetdev_event` then `fib_netdev_event`): loopback
/// gets 127.0.0.1/8, and every address gets its routes.
pub fn inet_netdev_up(ns: &mut Namespace, index: u32) -> Vec<Event> {
    let mut events = Vec::new();
    let Some(link) = ns.link(index) else { return events };
    if link.is_loopback() {
        let lo = Ifa4 {
            local: 0x7f00_0001,
            address: 0x7f00_0001,
            prefix_len: 8,
            broadcast: 0,
            label: link.name.clone(),
            scope: scope::HOST,
            flags: 0,
            valid_lft: crate::wire::addr::INFINITY_LIFE_TIME,
            preferred_lft: crate::wire::addr::INFINITY_LIFE_TIME,
            created_ms: 0,
            updated_ms: 0,
            rt_priority: 0,
            proto: 0,
        };
        // inet_insert_ifa: an existing 127.0.0.1/8 makes this a no-op.
        if let Ok(ev) = add_v4(ns, index, NewAddr4 { ifa: lo, replace: false, excl: true }) {
            events.extend(super::event::kernel_made(ev));
        }
    }
    let addrs: Vec<Ifa4> = ns.link(index).map(|l| l.addrs4.clone()).unwrap_or_default();
    for a in &addrs {
        events.extend(fib_add_ifaddr(ns, index, a));
    }
    events
}

/// Installs an address's routes (`fib_add_ifaddr`); existing ones are kept.
pub fn fib_add_ifaddr(ns: &mut Namespace, index: u32, ifa: &Ifa4) -> Vec<Event> {
    let mode = AddMode { create: true, append: true, excl: false, replace: false };
    let mut events = Vec::new();
    let carrier = super::route::carrier_ok(ns, index);
    for mut r in magic_routes(ns, index, ifa) {
        // fib_check_nh: without carrier the next hop starts link-down
        // (host-scope next hops of local routes are never checked).
        if !carrier {
            for nh in r.nexthops.iter_mut().filter(|nh| nh.scope != scope::NOWHERE) {
                nh.flags |= crate::wire::route::rtnh_f::LINKDOWN;
            }
        }
        // fib_add_ifaddr: a broadcast address invalidates an unresolved
        // neighbour entry for it (arp_invalidate, not forced).
        let broadcast = (r.kind == RouteType::Broadcast).then_some(r.dst);
        // An identical route already there gives EEXIST, which fib_magic ignores.
        if let Ok(mut ev) = insert_v4(ns, r, mode) {
            events.append(&mut ev);
        }
        if let Some(dst) = broadcast {
            events.extend(super::neigh::arp_invalidate(ns, index, dst));
        }
    }
    events
}

fn modify_prefix_metric(ns: &mut Namespace, index: u32, ifa: &Ifa4) -> Vec<Event> {
    let prefix = ifa.address & ifa.mask();
    let id = ns.id;
    let mut events = Vec::new();
    let table_id = super::l3mdev::table_for(ns, index, table::MAIN);
    ns.fib4.edit(table_id, prefix, ifa.prefix_len, |aliases| {
        for r in aliases.iter_mut() {
            if r.protocol == rtprot::KERNEL && r.uses_dev(index) && r.prefsrc == Some(ifa.local) {
                r.priority = ifa.rt_priority;
                events.push(Event::Route4 { ns: id, new: true, route: r.clone(), nlflags: 0 });
            }
        }
    });
    events
}

/// Removes the routes of an address that no remaining address still needs
/// (`fib_del_ifaddr`).
pub fn fib_del_ifaddr(ns: &mut Namespace, index: u32, ifa: &Ifa4, prim: Option<&Ifa4>) -> Vec<Event> {
    let id = ns.id;
    // The routes were installed with the primary's address as source.
    let theirs = magic_routes_with_prim(ns, index, ifa, prim);
    // Routes still wanted by any remaining address of the namespace.
    let mut wanted: Vec<Route<u32>> = Vec::new();
    let others: Vec<(u32, Ifa4)> = ns.links.values().flat_map(|l| l.addrs4.iter().map(move |a| (l.index, a.clone()))).collect();
    for (i, a) in &others {
        wanted.extend(magic_routes(ns, *i, a));
    }
    let mut events = Vec::new();
    // fib_del_ifaddr removes the prefix route first, then the explicit
    // broadcast, then the subnet broadcast, then the local route.
    let mut order = theirs;
    let rank = |r: &Route<u32>| match r.kind {
        RouteType::Local if r.dst_len == 32 && r.dst == ifa.local => 3,
        RouteType::Broadcast if r.dst == ifa.broadcast => 1,
        RouteType::Broadcast => 2,
        _ => 0,
    };
    crate::sorting::sort_by_key(&mut order, rank);
    for r in order {
        let still = wanted.iter().any(|w| {
            w.table == r.table
                && w.dst == r.dst
                && w.dst_len == r.dst_len
                && w.kind == r.kind
                && (r.kind != RouteType::Unicast || w.oif() == r.oif())
        });
        if still {
            continue;
        }
        ns.fib4.edit(r.table, r.dst, r.dst_len, |aliases| {
            if let Some(pos) = aliases
                .iter()
                .position(|a| a.kind == r.kind && a.protocol == rtprot::KERNEL && a.uses_dev(index) && a.prefsrc == r.prefsrc && a.tos == 0)
            {
                let removed = aliases.remove(pos);
                events.push(Event::Route4 { ns: id, new: false, route: removed, nlflags: 0 });
            }
        });
    }
    // The address is local nowhere in the device's table any more:
    // `fib_sync_down_addr` marks the routes of the device's VRF table (else
    // main) with it as preferred source dead, and `fib_flush` drops them
    // without a notification.
    let local_table = super::l3mdev::table_for(ns, index, table::LOCAL);
    if super::lookup::addr_type_v4(ns, local_table, 0, ifa.local) != RouteType::Local {
        let tb = super::l3mdev::table_for(ns, index, table::MAIN);
        let _ = ns.fib4.remove_where(|r| r.table == tb && r.prefsrc == Some(ifa.local));
    }
    events
}

fn magic_routes_with_prim(ns: &Namespace, index: u32, ifa: &Ifa4, prim: Option<&Ifa4>) -> Vec<Route<u32>> {
    let mut routes = magic_routes(ns, index, ifa);
    if let Some(p) = prim {
        for r in &mut routes {
            r.prefsrc = Some(p.local);
        }
    }
    routes
}

/// Which IPv4 address a delete request names: prefix length and local are
/// required to match; label and peer only when given (`inet_rtm_deladdr`).
#[derive(Debug, Clone, Default)]
pub struct DelAddr4 {
    /// Prefix length.
    pub prefix_len: u8,
    /// IFA_LOCAL, if given.
    pub local: Option<u32>,
    /// IFA_ADDRESS, if given.
    pub address: Option<u32>,
    /// IFA_LABEL, if given.
    pub label: Option<String>,
}

/// Deletes an IPv4 address (`inet_rtm_deladdr`, `__inet_del_ifa`): without
/// promote_secondaries, a primary takes its secondaries with it.
pub fn del_v4(ns: &mut Namespace, index: u32, req: &DelAddr4) -> KResult<Vec<Event>> {
    let link = ns.link(index).ok_or(KernelError::msg(Errno::ENODEV, "ipv4: Device not found"))?;
    let pos = link
        .addrs4
        .iter()
        .position(|a| {
            req.local.is_none_or(|l| l == a.local)
                && req.label.as_ref().is_none_or(|l| *l == a.label)
                && req.address.is_none_or(|ad| a.prefix_len == req.prefix_len && a.matches(ad))
        })
        .ok_or(KernelError::msg(Errno::EADDRNOTAVAIL, "ipv4: Address not found"))?;
    let mut events = remove_v4_at(ns, index, pos);
    // fib_inetaddr_event: with the last address gone, IP is disabled on
    // the device (fib_disable_ip): its routes go, host-scope ones too, and
    // its ARP entries.
    if ns.link(index).is_some_and(|l| l.addrs4.is_empty()) {
        super::link::fib_disable_v4(ns, index, true);
        events.extend(super::neigh::arp_ifdown(ns, index));
    }
    Ok(events)
}

/// Removes the address at `pos` of a link, with its secondaries when it is a
/// primary, emitting the events in Linux's order.
pub fn remove_v4_at(ns: &mut Namespace, index: u32, pos: usize) -> Vec<Event> {
    let id = ns.id;
    let mut events = Vec::new();
    let Some(target) = ns.link(index).and_then(|l| l.addrs4.get(pos)).cloned() else { return events };
    let dev = ns.link(index).map(|l| l.name.clone()).unwrap_or_default();
    let promote = ns.sysctl.promote_secondaries(&dev);
    if !target.is_secondary() {
        // Secondaries in the same subnet go first (or one is promoted).
        let secondaries: Vec<Ifa4> = ns
            .link(index)
            .map(|l| {
                l.addrs4
                    .iter()
                    .filter(|a| a.is_secondary() && a.prefix_len == target.prefix_len && target.matches(a.address))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        if !promote {
            for s in &secondaries {
                if let Some(l) = ns.link_mut(index) {
                    l.addrs4.retain(|a| a.local != s.local || a.prefix_len != s.prefix_len || !a.is_secondary());
                }
                events.push(Event::Addr4 { ns: id, new: false, ifindex: index, addr: s.clone(), kernel: false });
                events.extend(fib_del_ifaddr(ns, index, s, Some(&target)));
            }
        } else if let Some(first) = secondaries.first() {
            if let Some(l) = ns.link_mut(index) {
                l.addrs4.retain(|a| a != &target);
                if let Some(p) = l.addrs4.iter_mut().find(|a| *a == first) {
                    p.flags &= !ifa_f::SECONDARY;
                }
            }
            events.push(Event::Addr4 { ns: id, new: false, ifindex: index, addr: target.clone(), kernel: false });
            // Every route of the subnet used the old primary as source: they
            // all go, and come back with the promoted address as source.
            for r in ns.fib4.remove_where(|r| r.uses_dev(index) && r.prefsrc == Some(target.local) && r.protocol == rtprot::KERNEL) {
                events.push(Event::Route4 { ns: id, new: false, route: r, nlflags: 0 });
            }
            let mut promoted = first.clone();
            promoted.flags &= !ifa_f::SECONDARY;
            events.push(Event::Addr4 { ns: id, new: true, ifindex: index, addr: promoted.clone(), kernel: false });
            events.extend(fib_add_ifaddr(ns, index, &promoted));
            for s in secondaries.iter().skip(1) {
                events.extend(fib_add_ifaddr(ns, index, s));
            }
            return events;
        }
    }
    if let Some(l) = ns.link_mut(index) {
        l.addrs4.retain(|a| a != &target);
    }
    events.push(Event::Addr4 { ns: id, new: false, ifindex: index, addr: target.clone(), kernel: false });
    let prim = if target.is_secondary() { primary_for(ns, index, &target) } else { None };
    events.extend(fib_del_ifaddr(ns, index, &target, prim.as_ref()));
    events
}
