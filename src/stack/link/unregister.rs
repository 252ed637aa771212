//! Deleting devices (`rtnl_dellink`, `rtnl_group_dellink`,
//! `unregister_netdevice_many`) and everything that hangs on them.

use super::updown::close_many;
use super::{Link, LinkKind};
use crate::errno::{Errno, KResult, KernelError};
use crate::stack::notifier::{NetdevEvent, call_netdevice_notifiers};
use crate::stack::{Event, Net, NsId};
use crate::wire::link::iff;

/// Deletes a device (`rtnl_dellink` → `unregister_netdevice_many`): a veth
/// goes with its peer, stacked devices with their lower one. `lo` cannot be
/// deleted.
pub fn delete_link(net: &mut Net, ns: NsId, index: u32) -> KResult<Vec<Event>> {
    let link = net.ns(ns).and_then(|n| n.link(index)).ok_or(KernelError::new(Errno::ENODEV))?;
    if matches!(link.kind, LinkKind::Loopback) {
        return Err(KernelError::new(Errno::EOPNOTSUPP));
    }
    let mut list = vec![(ns, index)];
    // The device's dellink operation runs first (`br_dev_delete`).
    let mut events = crate::stack::bridge::dev_delete(net, ns, index);
    let Some(link) = net.ns(ns).and_then(|n| n.link(index)) else { return Ok(events) };
    if let LinkKind::Veth { peer: Some(p) } = link.kind {
        list.push(p);
        // `veth_dellink` forgets both peers before unregistering, so every
        // message from here on carries IFLA_LINK 0 ("d0@NONE", measured).
        for &(lns, li) in &[(ns, index), p] {
            if let Some(l) = net.ns_mut(lns).and_then(|n| n.link_mut(li)) {
                l.kind = LinkKind::Veth { peer: None };
            }
        }
    }
    events.extend(unregister_many(net, list));
    Ok(events)
}

/// Deletes every device of a group (`rtnl_group_dellink`): group 0 may not
/// be deleted, a group without devices is ENODEV, one holding a device
/// that cannot be deleted (`lo`) is EOPNOTSUPP; the rest go as one batch.
pub fn delete_group(net: &mut Net, ns: NsId, group: u32) -> KResult<Vec<Event>> {
    if group == 0 {
        return Err(KernelError::new(Errno::EPERM));
    }
    let nsr = net.ns(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let members: Vec<&Link> = nsr.links.values().filter(|l| l.group == group).collect();
    if members.is_empty() {
        return Err(KernelError::new(Errno::ENODEV));
    }
    if members.iter().any(|l| matches!(l.kind, LinkKind::Loopback)) {
        return Err(KernelError::new(Errno::EOPNOTSUPP));
    }
    // Each dellink queues its device at the tail, a veth its peer too
    // unless an earlier dellink already parted the pair.
    let mut list: Vec<(NsId, u32)> = Vec::new();
    let queue = |list: &mut Vec<(NsId, u32)>, dev: (NsId, u32)| {
        list.retain(|d| *d != dev);
        list.push(dev);
    };
    let mut parted: Vec<(NsId, u32)> = Vec::new();
    let members: Vec<(u32, Option<(NsId, u32)>)> =
        members.iter().map(|l| (l.index, if let LinkKind::Veth { peer } = l.kind { peer } else { None })).collect();
    let mut events = Vec::new();
    for &(index, peer) in &members {
        // Each device's dellink in turn (`br_dev_delete` for a bridge).
        events.extend(crate::stack::bridge::dev_delete(net, ns, index));
        queue(&mut list, (ns, index));
        if let Some(p) = peer {
            if !parted.contains(&(ns, index)) {
                queue(&mut list, p);
                parted.extend([(ns, index), p]);
            }
        }
    }
    for &(lns, li) in &parted {
        if let Some(l) = net.ns_mut(lns).and_then(|n| n.link_mut(li)) {
            l.kind = LinkKind::Veth { peer: None };
        }
    }
    events.extend(unregister_many(net, list));
    Ok(events)
}

/// Unregisters devices as one batch: all of them are closed first
/// (`dev_close_many`), then each is torn down and announced gone in order.
pub fn unregister_many(net: &mut Net, mut list: Vec<(NsId, u32)>) -> Vec<Event> {
    // Macvlans on a device in the list go too (`macvlan_device_event`), and
    // VXLANs of the same namespace whose lower device it is
    // (`vxlan_handle_lowerdev_unregister`); VLANs go from the chain
    // (`vlan_device_event`).
    let mut i = 0;
    while i < list.len() {
        let (ns, index) = list[i];
        if let Some(nsr) = net.ns(ns) {
            for l in nsr.links.values() {
                let on_it = match &l.kind {
                    LinkKind::Macvlan { lower, .. } => *lower == index,
                    LinkKind::Vxlan(v) => v.conf.link == index,
                    _ => false,
                };
                if on_it && !list.contains(&(ns, l.index)) {
                    list.push((ns, l.index));
                }
            }
        }
        i += 1;
    }
    let mut events = close_many(net, &list, iff::UP | iff::RUNNING);
    for &(ns, index) in &list {
        events.extend(teardown(net, ns, index));
    }
    events
}

/// Removes one closed device and everything that hangs on it.
fn teardown(net: &mut Net, ns: NsId, index: u32) -> Vec<Event> {
    let mut events = Vec::new();
    let Some(nsr) = net.ns_mut(ns) else { return events };
    if nsr.link(index).is_none() {
        return events;
    }
    // vrf_dellink: a VRF's ports leave it (and are cycled) first.
    if crate::stack::l3mdev::is_master(nsr, index) {
        events.extend(crate::stack::l3mdev::release_ports(net, ns, index));
    }
    let Some(nsr) = net.ns_mut(ns) else { return events };
    // Addresses, routes, neighbours, its bridge port and stacked VLANs go
    // (NETDEV_UNREGISTER) while it is NETREG_UNREGISTERING.
    if let Some(l) = nsr.link_mut(index) {
        l.unregistering = true;
    }
    events.extend(call_netdevice_notifiers(net, ns, index, &NetdevEvent::Unregister));
    events.push(Event::Netconf { ns, family: crate::wire::AF_INET, ifindex: index as i32, new: false });
    events.push(Event::Netconf { ns, family: crate::wire::AF_INET6, ifindex: index as i32, new: false });
    net.linkwatch_queue.retain(|&(n, i)| (n, i) != (ns, index));
    let Some(nsr) = net.ns_mut(ns) else { return events };
    if let Some(l) = nsr.links.remove(&index) {
        nsr.sysctl.forget_device(&l.name);
        events.push(Event::DelLink { ns, link: Box::new(l) });
    }
    // A veth whose peer vanished keeps no reference to it.
    for other in net.namespaces.values_mut() {
        for l in other.links.values_mut() {
            if let LinkKind::Veth { peer: Some((pns, pidx)) } = l.kind {
                if pns == ns && pidx == index {
                    l.kind = LinkKind::Veth { peer: None };
                }
            }
        }
    }
    events
}
