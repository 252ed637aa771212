//! VLAN devices following their real device (net/8021q/vlan.c
//! `vlan_device_event`, a subscriber of the netdev notifier chain), and
//! the part of `vlan_dev_open` that concerns the real device's address.
//!
//! The recording kernel has no 8021q module, so this follows the source:
//! NETDEV_UP opens the VLANs that are down, NETDEV_DOWN closes those that
//! are up, both sparing VLANs with `loose_binding`; NETDEV_CHANGEMTU lowers
//! a VLAN's MTU above the real device's; NETDEV_CHANGEADDR gives up VLANs
//! that still inherit the address the new one (`vlan_sync_address`);
//! NETDEV_UNREGISTER of a device being deleted deletes its VLANs (a device
//! moving to another namespace keeps them).

use super::link::{LinkKind, close_many, open, set_mtu, unregister_many};
use super::notifier::{NetdevEvent, call_netdevice_notifiers};
use super::{Event, Net, NsId};
use crate::wire::link::iff;

/// VLAN_FLAG_LOOSE_BINDING: the VLAN's state does not follow the real device.
const LOOSE_BINDING: u32 = 0x4;

/// The VLANs on device `real` of `ns`: ifindex, loose binding, whether up.
fn vlans_of(net: &Net, ns: NsId, real: u32) -> Vec<(u32, bool, bool)> {
    let Some(n) = net.ns(ns) else { return Vec::new() };
    n.links
        .values()
        .filter_map(|l| match l.kind {
            LinkKind::Vlan { lower, flags, .. } if lower == real => Some((l.index, flags & LOOSE_BINDING != 0, l.is_up())),
            _ => None,
        })
        .collect()
}

/// `vlan_device_event` for device `index` of `ns`.
pub fn device_event(net: &mut Net, ns: NsId, index: u32, event: &NetdevEvent) -> Vec<Event> {
    let vlans = vlans_of(net, ns, index);
    if vlans.is_empty() {
        return Vec::new();
    }
    let mut events = Vec::new();
    match event {
        // dev_change_flags(vlandev, flags | IFF_UP) for each VLAN down.
        NetdevEvent::Up => {
            for (v, _, _) in vlans.into_iter().filter(|&(_, loose, up)| !loose && !up) {
                events.extend(open(net, ns, v));
            }
        }
        // dev_close_many over the VLANs up, as one list.
        NetdevEvent::Down => {
            let list: Vec<(NsId, u32)> = vlans.into_iter().filter(|&(_, loose, up)| !loose && up).map(|(v, _, _)| (ns, v)).collect();
            if !list.is_empty() {
                events.extend(close_many(net, &list, iff::UP | iff::RUNNING));
            }
        }
        NetdevEvent::ChangeMtu => {
            let mtu = net.ns(ns).and_then(|n| n.link(index)).map_or(0, |l| l.mtu);
            for (v, _, _) in vlans {
                if net.ns(ns).and_then(|n| n.link(v)).is_some_and(|l| l.mtu > mtu) {
                    events.extend(set_mtu(net, ns, v, mtu));
                }
            }
        }
        NetdevEvent::ChangeAddr => {
            for (v, _, _) in vlans.into_iter().filter(|&(_, _, up)| up) {
                events.extend(inherit_address(net, ns, v));
            }
        }
        NetdevEvent::Unregister if net.ns(ns).and_then(|n| n.link(index)).is_some_and(|l| l.unregistering) => {
            // unregister_vlan_dev for each, then unregister_netdevice_many.
            let list = vlans.into_iter().map(|(v, _, _)| (ns, v)).collect();
            events.extend(unregister_many(net, list));
        }
        _ => {}
    }
    events
}

/// `vlan_dev_open`: a VLAN that inherits its address takes the real
/// device's when they differ.
pub fn dev_open(net: &mut Net, ns: NsId, index: u32) -> Vec<Event> {
    match net.ns(ns).and_then(|n| n.link(index)).map(|l| &l.kind) {
        Some(LinkKind::Vlan { .. }) => inherit_address(net, ns, index),
        _ => Vec::new(),
    }
}

/// `vlan_dev_inherit_address`: a VLAN whose address is still its real
/// device's (NET_ADDR_STOLEN) takes the real device's current one, which
/// is announced (NETDEV_CHANGEADDR: RTM_NEWLINK first, then the chain).
fn inherit_address(net: &mut Net, ns: NsId, index: u32) -> Vec<Event> {
    let Some(n) = net.ns(ns) else { return Vec::new() };
    let Some(LinkKind::Vlan { lower, stolen: true, .. }) = n.link(index).map(|l| &l.kind) else { return Vec::new() };
    let Some(real) = n.link(*lower).map(|l| l.address.clone()) else { return Vec::new() };
    let Some(l) = net.ns_mut(ns).and_then(|n| n.link_mut(index)) else { return Vec::new() };
    if l.address == real {
        return Vec::new();
    }
    l.address = real;
    let mut events = vec![Event::NewLink { ns, link: Box::new(l.clone()), change: 0 }];
    events.extend(call_netdevice_notifiers(net, ns, index, &NetdevEvent::ChangeAddr));
    events
}
