//! Duplicate address detection (net/ipv6/addrconf.c `addrconf_dad_*`):
//! once a request has been answered, tentative addresses on ready devices
//! either complete DAD or fail it against another station on the link, and
//! hosts mark their router solicitation sent.

use super::{Event, Namespace, add_kernel_route, address_routes, conf, remove_addr_at};
use crate::stack::addr::Ifa6;
use crate::wire::addr::ifa_f;
use crate::wire::route::scope;

/// What happens once the link-local addresses' DAD is over, after the
/// request that started it has been answered (`addrconf_dad_completed`): a
/// host (accept_ra 1 without forwarding, or accept_ra 2) has sent its router
/// solicitation. No notification says so; later dumps show IF_RS_SENT.
pub fn settle_dad(net: &mut crate::stack::Net) -> Vec<Event> {
    // It runs after every change: a read-only look, which allocates
    // nothing, spares the walk when no device has work for it.
    if !dad_pending(net) {
        return Vec::new();
    }
    let ids: Vec<crate::stack::NsId> = net.namespaces().map(|n| n.id).collect();
    let duplicates = duplicates(net);
    let mut events = Vec::new();
    for id in ids {
        let Some(ns) = net.ns_mut(id) else { continue };
        let failed: Vec<(u32, u128)> = duplicates.iter().filter(|(n, _, _)| *n == id).map(|&(_, i, a)| (i, a)).collect();
        events.extend(complete_dad(ns, &failed));
        let candidates: Vec<u32> = ns.links.values().filter(|l| may_solicit(l)).map(|l| l.index).collect();
        for index in candidates {
            let accept_ra = conf(ns, index, "accept_ra");
            let host = !super::forwarding(ns, index);
            if accept_ra.as_deref() == Some("2") || (accept_ra.as_deref() == Some("1") && host) {
                if let Some(l) = ns.link_mut(index) {
                    l.inet6_rs_sent = true;
                }
            }
        }
    }
    events
}

/// Whether [`settle_dad`] has anything to do: a ready device that is up
/// with an address waiting for DAD, or one that may still send its router
/// solicitation (the candidates `settle_dad` looks at).
pub fn dad_pending(net: &crate::stack::Net) -> bool {
    net.namespaces().flat_map(|ns| ns.links.values()).any(|l| (l.is_up() && l.inet6_ready && l.addrs6.iter().any(in_dad)) || may_solicit(l))
}

/// A device that may still send its router solicitation: ready, not sent
/// yet, not loopback, with a link-local address past DAD.
fn may_solicit(l: &crate::stack::link::Link) -> bool {
    l.inet6_ready
        && !l.inet6_rs_sent
        && !l.is_loopback()
        && l.addrs6.iter().any(|a| a.scope == scope::LINK && a.flags & ifa_f::TENTATIVE == 0)
}

/// Whether an address is still waiting for DAD: not failed already, or
/// failed and kept through a down, checked again since the next up.
pub(super) fn in_dad(a: &Ifa6) -> bool {
    a.flags & ifa_f::TENTATIVE != 0 && (a.flags & ifa_f::DADFAILED == 0 || a.predad)
}

/// The tentative addresses on ready devices that another station on the
/// link has too (it answers the neighbour solicitation, or solicits the
/// same target for its own DAD): (namespace, device, address).
fn duplicates(net: &crate::stack::Net) -> Vec<(crate::stack::NsId, u32, u128)> {
    let mut found = Vec::new();
    for ns in net.namespaces() {
        for l in ns.links.values().filter(|l| l.is_up() && l.inet6_ready && !l.is_loopback()) {
            let mut heard: Option<Vec<crate::stack::segment::Station>> = None;
            for a in l.addrs6.iter().filter(|a| in_dad(a)) {
                let heard = heard.get_or_insert_with(|| crate::stack::segment::stations(net, (ns.id, l.index)));
                let taken = heard.iter().any(|&(sns, si)| {
                    net.ns(sns)
                        .and_then(|n| n.link(si))
                        .is_some_and(|o| o.addrs6.iter().any(|b| b.addr == a.addr && (b.flags & ifa_f::DADFAILED == 0 || in_dad(b))))
                });
                if taken {
                    found.push((ns.id, l.index, a.addr));
                }
            }
        }
    }
    found
}

/// `addrconf_dad_completed` for every tentative address on a ready device:
/// it is announced again without IFA_F_TENTATIVE, then its local route.
/// Those in `failed` hit a duplicate instead (`addrconf_dad_failure`): a
/// permanent address stays, tentative and marked DADFAILED; any other goes.
fn complete_dad(ns: &mut Namespace, failed: &[(u32, u128)]) -> Vec<Event> {
    let id = ns.id;
    let ready: Vec<u32> = ns.links.values().filter(|l| l.is_up() && l.inet6_ready).map(|l| l.index).collect();
    let mut events = Vec::new();
    for &(index, addr) in failed {
        let Some(l) = ns.link_mut(index) else { continue };
        let Some(pos) = l.addrs6.iter().position(|a| a.addr == addr && in_dad(a)) else { continue };
        let a = &mut l.addrs6[pos];
        if a.flags & ifa_f::PERMANENT != 0 {
            a.flags = (a.flags | ifa_f::DADFAILED) & !ifa_f::OPTIMISTIC;
            a.predad = false;
            let snap = a.clone();
            events.push(Event::Addr6 { ns: id, new: true, ifindex: index, addr: snap, kernel: true });
        } else {
            events.extend(crate::stack::event::kernel_made(remove_addr_at(ns, index, pos)));
        }
    }
    for index in ready {
        while let Some(l) = ns.link_mut(index) {
            let Some(a) = l.addrs6.iter_mut().find(|a| in_dad(a)) else { break };
            a.flags &= !(ifa_f::TENTATIVE | ifa_f::OPTIMISTIC | ifa_f::DADFAILED);
            a.predad = false;
            let done = a.clone();
            let loopback_dev = l.is_loopback();
            let local = address_routes(index, &done, loopback_dev).remove(0);
            events.push(Event::Addr6 { ns: id, new: true, ifindex: index, addr: done.clone(), kernel: true });
            events.extend(add_kernel_route(ns, local));
            events.extend(super::anycast::address_ready(ns, index, &done));
            events.extend(super::peer_route(index, &done).map(|r| add_kernel_route(ns, r)).unwrap_or_default());
        }
    }
    events
}
