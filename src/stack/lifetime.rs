//! Address lifetimes on the virtual clock: IPv4's `check_lifetime`
//! (net/ipv4/devinet.c) and IPv6's `addrconf_verify_rtnl`
//! (net/ipv6/addrconf.c). An address whose valid lifetime has run out is
//! deleted; one whose preferred lifetime has run out turns deprecated.

use super::addr::{Ifa4, Ifa6};
use super::namespace::Namespace;
use super::{Event, Net};
use crate::wire::addr::{INFINITY_LIFE_TIME, ifa_f};

/// `ADDRCONF_TIMER_FUZZ_MINUS` (HZ/50): the timers count an address as
/// expired this much early.
const FUZZ_MS: u64 = 20;

/// What the lifetime timers would have done by `net.now_ms`.
pub fn expire(net: &mut Net) -> Vec<Event> {
    let now = net.now_ms;
    // Every request runs the timers first: a read-only look, which
    // allocates nothing, spares the walk when no timer is due.
    if !due(net, now) {
        return Vec::new();
    }
    let ids: Vec<super::NsId> = net.namespaces().map(|n| n.id).collect();
    let mut events = Vec::new();
    for id in ids {
        if let Some(ns) = net.ns_mut(id) {
            events.extend(expire_v4(ns, now));
            events.extend(expire_v6(ns, now));
        }
    }
    events
}

/// Whether [`expire`] has anything to do at the clock's time (read-only).
pub fn pending(net: &Net) -> bool {
    due(net, net.now_ms)
}

/// Whether any address of any namespace has a lifetime that ran out by
/// `now` and is not acted on yet: exactly the addresses the walks below
/// delete or deprecate.
fn due(net: &Net, now: u64) -> bool {
    net.namespaces().flat_map(|ns| ns.links.values()).any(|l| {
        l.addrs4.iter().any(|a| invalid4(a, now) || deprecates4(a, now)) || l.addrs6.iter().any(|a| invalid6(a, now) || deprecates6(a, now))
    })
}

/// An IPv4 address `check_lifetime` deletes: not permanent, valid
/// lifetime over.
fn invalid4(a: &Ifa4, now: u64) -> bool {
    a.flags & ifa_f::PERMANENT == 0 && passed(a.valid_lft, a.updated_ms, now)
}

/// An IPv4 address `check_lifetime` deprecates: neither permanent nor
/// deprecated yet, preferred lifetime over.
fn deprecates4(a: &Ifa4, now: u64) -> bool {
    a.flags & (ifa_f::PERMANENT | ifa_f::DEPRECATED) == 0 && passed(a.preferred_lft, a.updated_ms, now)
}

/// An IPv6 address `addrconf_verify_rtnl` deletes: not permanent, valid
/// lifetime over.
fn invalid6(a: &Ifa6, now: u64) -> bool {
    a.flags & ifa_f::PERMANENT == 0 && passed(a.valid_lft, a.updated_ms, now)
}

/// An IPv6 address `addrconf_verify_rtnl` deprecates: not deprecated yet,
/// preferred lifetime over (unlike IPv4, a permanent address still
/// deprecates).
fn deprecates6(a: &Ifa6, now: u64) -> bool {
    a.flags & ifa_f::DEPRECATED == 0 && passed(a.preferred_lft, a.updated_ms, now)
}

/// Whether `lft` seconds from `since` have passed at `now`.
fn passed(lft: u32, since: u64, now: u64) -> bool {
    lft != INFINITY_LIFE_TIME && now.saturating_sub(since).saturating_add(FUZZ_MS) >= u64::from(lft).saturating_mul(1000)
}

/// `check_lifetime`.
fn expire_v4(ns: &mut Namespace, now: u64) -> Vec<Event> {
    let id = ns.id;
    let mut events = Vec::new();
    let indexes: Vec<u32> = ns.links.values().map(|l| l.index).collect();
    for index in indexes {
        // One address at a time: deleting a primary can take secondaries.
        while let Some(pos) = ns.link(index).and_then(|l| l.addrs4.iter().position(|a| invalid4(a, now))) {
            events.extend(super::addr::remove_v4_at(ns, index, pos));
        }
        let Some(link) = ns.link_mut(index) else { continue };
        for a in link.addrs4.iter_mut() {
            if deprecates4(a, now) {
                a.flags |= ifa_f::DEPRECATED;
                events.push(Event::Addr4 { ns: id, new: true, ifindex: index, addr: a.clone(), kernel: false });
            }
        }
    }
    events
}

/// `addrconf_verify_rtnl`.
fn expire_v6(ns: &mut Namespace, now: u64) -> Vec<Event> {
    let id = ns.id;
    let mut events = Vec::new();
    let indexes: Vec<u32> = ns.links.values().map(|l| l.index).collect();
    for index in indexes {
        let gone: Vec<(u128, u8)> = ns
            .link(index)
            .map(|l| l.addrs6.iter().filter(|a| invalid6(a, now)).map(|a| (a.addr, a.prefix_len)).collect())
            .unwrap_or_default();
        for (addr, len) in gone {
            events.extend(super::ipv6::del_v6(ns, index, addr, len).unwrap_or_default());
        }
        let Some(link) = ns.link_mut(index) else { continue };
        for a in link.addrs6.iter_mut() {
            if deprecates6(a, now) {
                a.flags |= ifa_f::DEPRECATED;
                events.push(Event::Addr6 { ns: id, new: true, ifindex: index, addr: a.clone(), kernel: false });
            }
        }
    }
    events
}
