//! Carriers and the link watch (`linkwatch_fire_event`,
//! `__linkwatch_run_queue`, `default_operstate`).

use super::LinkKind;
use crate::stack::notifier::{NetdevEvent, call_netdevice_notifiers};
use crate::stack::{Event, Net, NsId};
use crate::wire::link::OperState;

/// The link watch (`linkwatch_fire_event`): devices whose carrier changed
/// are queued. The work needs the RTNL lock the request holds, so even
/// urgent events are handled once the request is done ([`settle_linkwatch`]):
/// each device gets its RFC 2863 state and, if it is up, NETDEV_CHANGE
/// (IPv6 "link becomes ready", neighbour flush on loss) and an RTM_NEWLINK.
pub(super) fn linkwatch(net: &mut Net, pending: Vec<(NsId, u32)>) -> Vec<Event> {
    for p in pending {
        if !net.linkwatch_queue.contains(&p) {
            net.linkwatch_queue.push(p);
        }
    }
    Vec::new()
}

/// What the link watch has done once the request released the lock (and,
/// for non-urgent events, up to a second later): every queued event is
/// handled. The simulator shows this settled state after each request.
pub fn settle_linkwatch(net: &mut Net) -> Vec<Event> {
    let mut events = Vec::new();
    // Events queued while the queue runs (a bridge whose port started
    // forwarding) are handled by the next run.
    for _ in 0..16 {
        if net.linkwatch_queue.is_empty() {
            break;
        }
        events.extend(run_linkwatch(net));
    }
    events
}

/// `__linkwatch_run_queue`: every queued device gets its RFC 2863 state;
/// those that are up also get NETDEV_CHANGE and an RTM_NEWLINK.
fn run_linkwatch(net: &mut Net) -> Vec<Event> {
    let mut events = Vec::new();
    let queue = std::mem::take(&mut net.linkwatch_queue);
    for (ns, index) in queue {
        let mut oper = default_operstate(net, ns, index);
        // rfc2863_policy: a device in dormant (testing) link mode waits
        // in DORMANT (TESTING) for user space to say it is up.
        if oper == OperState::Up {
            match net.ns(ns).and_then(|n| n.link(index)).map(|l| l.link_mode) {
                Some(1) => oper = OperState::Dormant,
                Some(2) => oper = OperState::Testing,
                _ => {}
            }
        }
        let Some(nsr) = net.ns_mut(ns) else { continue };
        let Some(link) = nsr.link_mut(index) else { continue };
        link.oper = oper;
        if !link.is_up() {
            continue;
        }
        events.extend(call_netdevice_notifiers(net, ns, index, &NetdevEvent::Change));
        let Some(nsr) = net.ns_mut(ns) else { continue };
        if let Some(l) = nsr.link(index) {
            events.push(Event::NewLink { ns, link: Box::new(l.clone()), change: 0 });
        }
    }
    events
}

/// `default_operstate`: UP with carrier; without it LOWERLAYERDOWN when the
/// device's iflink (looked up in its own namespace, as Linux does) exists and
/// has no carrier either, else DOWN.
fn default_operstate(net: &Net, ns: NsId, index: u32) -> OperState {
    let Some(nsr) = net.ns(ns) else { return OperState::Down };
    let Some(link) = nsr.link(index) else { return OperState::Down };
    if link.carrier {
        return OperState::Up;
    }
    let iflink = link.iflink();
    if iflink == index {
        return OperState::Down;
    }
    match nsr.link(iflink) {
        Some(peer) if !peer.carrier => OperState::LowerLayerDown,
        _ => OperState::Down,
    }
}

/// Recomputes the carrier of the given devices and of every device whose
/// carrier depends on them (veth peer, bridge, stacked devices), counting
/// transitions; returns the devices whose carrier changed, in order.
pub(super) fn update_carriers(net: &mut Net, start: Vec<(NsId, u32)>) -> Vec<(NsId, u32)> {
    let mut changed = Vec::new();
    // A queue: `todo[next..]` is still to visit.
    let mut todo = start;
    let mut next = 0;
    let mut visits = 0;
    // Devices that passed the walk on while nothing had changed yet.
    let mut passed_on: Vec<(NsId, u32)> = Vec::new();
    while let Some(&(n, i)) = todo.get(next) {
        next += 1;
        visits += 1;
        if visits > 256 {
            break;
        }
        let Some(want) = wanted_carrier(net, n, i) else { continue };
        let Some(nsr) = net.ns_mut(n) else { continue };
        let Some(kind) = nsr.link(i).map(|l| l.kind.clone()) else { continue };
        let dependents = dependents_of(nsr, i, &kind, n);
        let Some(link) = nsr.link_mut(i) else { continue };
        if link.carrier != want {
            link.carrier = want;
            if want {
                link.carrier_up_count += 1;
            } else {
                link.carrier_down_count += 1;
            }
            if !changed.contains(&(n, i)) {
                changed.push((n, i));
            }
            todo.extend(dependents);
        } else if changed.is_empty() && next >= todo.len() {
            // The device itself did not change; its dependents may still (veth open).
            // Back at a device that passed the walk on, with nothing changed
            // since, the walk would only repeat itself (a veth and its peer
            // naming each other) up to the visit cap: it ends here instead.
            if passed_on.contains(&(n, i)) {
                break;
            }
            passed_on.push((n, i));
            todo.extend(dependents);
        }
    }
    changed
}

/// Recomputes carriers after a change outside open/close (enslaving,
/// moving), running the link watch for what changed.
pub fn refresh_carriers(net: &mut Net, ns: NsId, index: u32) -> Vec<Event> {
    let pending = update_carriers(net, vec![(ns, index)]);
    linkwatch(net, pending)
}

fn dependents_of(nsr: &crate::stack::Namespace, index: u32, kind: &LinkKind, ns: NsId) -> Vec<(NsId, u32)> {
    let mut out: Vec<(NsId, u32)> = nsr
        .links
        .values()
        .filter(|l| matches!(l.kind, LinkKind::Macvlan { lower, .. } | LinkKind::Vlan { lower, .. } if lower == index))
        .map(|l| (ns, l.index))
        .collect();
    if let Some(m) = nsr.link(index).and_then(|l| l.master) {
        out.push((ns, m));
    }
    if let LinkKind::Veth { peer: Some(p) } = kind {
        out.push(*p);
    }
    out
}

/// What a device's carrier should be now, by its driver's rules.
fn wanted_carrier(net: &Net, ns: NsId, index: u32) -> Option<bool> {
    let nsr = net.ns(ns)?;
    let link = nsr.link(index)?;
    // dev_change_proto_down: protodown keeps the carrier off.
    if link.proto_down {
        return Some(false);
    }
    Some(match &link.kind {
        LinkKind::Loopback | LinkKind::Vxlan(_) | LinkKind::Vrf { .. } => true,
        // dummy_change_carrier
        LinkKind::Dummy => !link.carrier_off,
        LinkKind::Veth { peer } => {
            link.is_up() && peer.is_some_and(|(pn, pi)| net.ns(pn).and_then(|n| n.link(pi)).is_some_and(|p| p.is_up()))
        }
        // br_port_state_selection: carrier while a port forwards.
        LinkKind::Bridge(_) => {
            link.is_up() && nsr.links.values().any(|p| p.master == Some(index) && p.port_state == crate::stack::bridge::FORWARDING)
        }
        LinkKind::Macvlan { lower, .. } | LinkKind::Vlan { lower, .. } => nsr.link(*lower).is_some_and(|l| l.carrier),
    })
}
