//! Bringing devices up and down (`dev_open`, `dev_close_many`,
//! `__dev_notify_flags`) and changing their MTU (`dev_set_mtu`).

use super::LinkKind;
use super::carrier::{linkwatch, update_carriers};
use crate::errno::{Errno, KResult, KernelError};
use crate::stack::notifier::{NetdevEvent, call_netdevice_notifiers};
use crate::stack::{Event, Net, NsId};
use crate::wire::link::iff;

/// Brings a device up or down (`dev_open` / `dev_close` via
/// `dev_change_flags`) with every side effect, in the order Linux notifies.
pub fn set_up(net: &mut Net, ns: NsId, index: u32, up: bool) -> KResult<Vec<Event>> {
    let link = net.ns(ns).and_then(|n| n.link(index)).ok_or(KernelError::new(Errno::ENODEV))?;
    if link.is_up() == up {
        return Ok(Vec::new());
    }
    // vlan_dev_open: a VLAN needs its real device up.
    if let LinkKind::Vlan { lower, .. } = link.kind {
        if up && !net.ns(ns).and_then(|n| n.link(lower)).is_some_and(|l| l.is_up()) {
            return Err(Errno::ENETDOWN.into());
        }
    }
    Ok(if up { open(net, ns, index) } else { close_many(net, &[(ns, index)], iff::UP) })
}

/// `dev_close`, as a device leaving for another namespace is closed: the
/// announcement says IFF_UP|IFF_RUNNING changed (`dev_close_many`).
pub fn dev_close(net: &mut Net, ns: NsId, index: u32) -> Vec<Event> {
    close_many(net, &[(ns, index)], iff::UP | iff::RUNNING)
}

/// `__dev_open` + `__dev_notify_flags`: RTM_NEWLINK first, then the
/// NETDEV_UP chain (IPv4, then IPv6), then the link watch for carriers that
/// the driver raised.
pub(crate) fn open(net: &mut Net, ns: NsId, index: u32) -> Vec<Event> {
    // ndo_open of a VLAN (vlan_dev_open), before IFF_UP is set, takes its
    // real device's address when it still inherits it.
    let mut events = crate::stack::vlan::dev_open(net, ns, index);
    let Some(link) = net.ns_mut(ns).and_then(|n| n.link_mut(index)) else { return events };
    link.flags |= iff::UP;
    link.qdisc_attached = true;
    for (_, after_open) in &mut link.mc_extra {
        *after_open = false;
    }
    if link.mc6_allrouters.is_some() {
        link.mc6_allrouters = Some(false);
    }
    if let LinkKind::Bridge(c) = &mut link.kind {
        c.snoopers_rejoined = false;
    }
    let is_bridge = matches!(link.kind, LinkKind::Bridge(_));
    let pending = update_carriers(net, vec![(ns, index)]);
    if is_bridge {
        // ndo_open (br_dev_open) runs before the notification.
        events.extend(crate::stack::bridge::bridge_open(net, ns, index));
    }
    if let Some(l) = net.ns(ns).and_then(|n| n.link(index)) {
        events.push(Event::NewLink { ns, link: Box::new(l.clone()), change: iff::UP });
    }
    events.extend(call_netdevice_notifiers(net, ns, index, &NetdevEvent::Up));
    events.extend(linkwatch(net, pending));
    events
}

/// `dev_close_many` + `__dev_notify_flags` for each: RTM_NEWLINK, then the
/// NETDEV_DOWN chain (routes, IPv6 addresses, neighbours); then the link
/// watch for the carriers that dropped elsewhere. `change` is the
/// announced ifi_change: IFF_UP from `dev_change_flags`, IFF_UP|IFF_RUNNING
/// from `dev_close_many` itself (unregistering, stacked devices following
/// their lower one).
pub(crate) fn close_many(net: &mut Net, list: &[(NsId, u32)], change: u32) -> Vec<Event> {
    let mut events = Vec::new();
    let mut pending = Vec::new();
    for &(ns, index) in list {
        let Some(link) = net.ns_mut(ns).and_then(|n| n.link_mut(index)) else { continue };
        if !link.is_up() {
            continue;
        }
        link.flags &= !iff::UP;
        let is_bridge = matches!(link.kind, LinkKind::Bridge(_));
        for p in update_carriers(net, vec![(ns, index)]) {
            if !pending.contains(&p) {
                pending.push(p);
            }
        }
        if is_bridge {
            // ndo_stop (br_dev_stop) runs before the notification.
            events.extend(crate::stack::bridge::bridge_stop(net, ns, index));
        }
        let Some(nsr) = net.ns_mut(ns) else { continue };
        if let Some(l) = nsr.link(index) {
            events.push(Event::NewLink { ns, link: Box::new(l.clone()), change });
        }
        events.extend(call_netdevice_notifiers(net, ns, index, &NetdevEvent::Down));
    }
    events.extend(linkwatch(net, pending));
    events
}

/// `dev_set_mtu` once checked: the new MTU, RTM_NEWLINK, then
/// NETDEV_CHANGEMTU (IPv6 follows from 1280 up and leaves below it; a
/// bridge port's bridge may follow).
pub fn set_mtu(net: &mut Net, ns: NsId, index: u32, mtu: u32) -> Vec<Event> {
    let Some(l) = net.ns_mut(ns).and_then(|n| n.link_mut(index)) else { return Vec::new() };
    if l.mtu == mtu {
        return Vec::new();
    }
    l.mtu = mtu;
    let mut events = vec![Event::NewLink { ns, link: Box::new(l.clone()), change: 0 }];
    if mtu >= 1280 {
        l.mtu6 = mtu;
    }
    events.extend(call_netdevice_notifiers(net, ns, index, &NetdevEvent::ChangeMtu));
    events
}
