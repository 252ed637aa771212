//! A bridge's view of its ports (net/bridge/br_if.c, br_stp_if.c,
//! br_notify.c): the spanning-tree state of each port and the AF_BRIDGE
//! notifications (`br_ifinfo_notify`) that joining, leaving and link
//! changes cause. Without STP a port forwards as soon as both it and its
//! bridge are running, and is disabled otherwise.

use super::link::{Link, LinkKind};
use super::{Event, Net, NsId};
use crate::wire::link::{OperState, iff};

/// BR_STATE_DISABLED.
pub const DISABLED: u8 = 0;
/// BR_STATE_FORWARDING.
pub const FORWARDING: u8 = 3;

/// The device events a bridge reacts to on its ports (`br_device_event`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PortEvent {
    /// NETDEV_UP.
    Up,
    /// NETDEV_DOWN.
    Down,
    /// NETDEV_CHANGE (the link watch saw a carrier change).
    Change,
}

/// IFF_PROMISC, the `ifi_change` of a promiscuity change.
const CHANGE_PROMISC: u32 = 0x100;

fn link(net: &Net, ns: NsId, index: u32) -> Option<&Link> {
    net.ns(ns)?.link(index)
}

fn link_mut(net: &mut Net, ns: NsId, index: u32) -> Option<&mut Link> {
    net.ns_mut(ns)?.link_mut(index)
}

/// The bridge a device is a port of.
fn bridge_of(net: &Net, ns: NsId, index: u32) -> Option<u32> {
    let master = link(net, ns, index)?.master?;
    matches!(link(net, ns, master)?.kind, LinkKind::Bridge(_)).then_some(master)
}

/// `netif_running(dev) && netif_oper_up(dev)`.
pub fn oper_up(l: &Link) -> bool {
    l.is_up() && matches!(l.oper, OperState::Up | OperState::Unknown0)
}

/// An AF_BRIDGE RTM_NEWLINK (or RTM_DELLINK) about a port as it is now.
fn notify(net: &Net, ns: NsId, index: u32, new: bool) -> Vec<Event> {
    let Some(port) = link(net, ns, index) else { return Vec::new() };
    let Some(bridge) = port.master.and_then(|b| link(net, ns, b)) else { return Vec::new() };
    vec![Event::BridgePort { ns, port: Box::new(port.clone()), bridge: Box::new(bridge.clone()), new }]
}

/// Sets a port's state; the bridge has carrier while a port forwards
/// (`br_port_state_selection`), which the link watch announces later.
fn set_state(net: &mut Net, ns: NsId, index: u32, state: u8) -> Vec<Event> {
    let Some(l) = link_mut(net, ns, index) else { return Vec::new() };
    l.port_state = state;
    match l.master {
        Some(bridge) => super::link::refresh_carriers(net, ns, bridge),
        None => Vec::new(),
    }
}

/// `br_stp_enable_port`: the port forwards (`br_make_forwarding` announces
/// it and arms the forward-delay timer, then the enable announces it again).
fn enable_port(net: &mut Net, ns: NsId, index: u32) -> Vec<Event> {
    let mut events = set_state(net, ns, index, FORWARDING);
    events.extend(notify(net, ns, index, true));
    let now = net.now_ms;
    if let Some(l) = link_mut(net, ns, index) {
        l.fwd_delay_armed_ms = Some(now);
    }
    events.extend(notify(net, ns, index, true));
    events
}

/// BR_STATE_BLOCKING.
pub const BLOCKING: u8 = 4;

/// `br_set_port_state` once its checks passed: the port takes the state,
/// then `br_port_state_selection` runs; without STP it makes a disabled or
/// blocking port with a working link on a running bridge forward again
/// (`br_make_forwarding`).
pub fn set_port_state(net: &mut Net, ns: NsId, index: u32, state: u8) -> Vec<Event> {
    let bridge_up = bridge_of(net, ns, index).and_then(|b| link(net, ns, b)).is_some_and(|b| b.is_up());
    let port_up = link(net, ns, index).is_some_and(oper_up);
    if bridge_up && port_up && (state == DISABLED || state == BLOCKING) {
        return enable_port(net, ns, index);
    }
    set_state(net, ns, index, state)
}

/// `br_stp_disable_port`: the port is disabled and announced, then its
/// learnt entries go, each announced (`br_fdb_delete_by_port` without
/// `do_all`).
fn disable_port(net: &mut Net, ns: NsId, index: u32) -> Vec<Event> {
    let mut events = set_state(net, ns, index, DISABLED);
    if let Some(l) = link_mut(net, ns, index) {
        l.fwd_delay_armed_ms = None;
    }
    events.extend(notify(net, ns, index, true));
    if let Some(bridge) = bridge_of(net, ns, index) {
        events.extend(super::fdb::flush_port(net, ns, bridge, index));
    }
    events
}

/// `br_device_event` for a device that may be a bridge port.
pub fn port_event(net: &mut Net, ns: NsId, index: u32, ev: PortEvent) -> Vec<Event> {
    let Some(bridge) = bridge_of(net, ns, index) else { return Vec::new() };
    let bridge_up = link(net, ns, bridge).is_some_and(|b| b.is_up());
    let Some(port) = link(net, ns, index) else { return Vec::new() };
    let (up, state) = (oper_up(port), port.port_state);
    match ev {
        PortEvent::Up if bridge_up && up => enable_port(net, ns, index),
        PortEvent::Down if bridge_up => disable_port(net, ns, index),
        // br_port_carrier_check
        PortEvent::Change if bridge_up && up && state == DISABLED => enable_port(net, ns, index),
        PortEvent::Change if bridge_up && !up && state != DISABLED => disable_port(net, ns, index),
        // "Events that may cause spanning tree to refresh"
        _ => notify(net, ns, index, true),
    }
}

/// The ports of a bridge in port-number order.
fn ports(net: &Net, ns: NsId, bridge: u32) -> Vec<u32> {
    net.ns(ns).map(|n| n.links.values().filter(|l| l.master == Some(bridge)).map(|l| l.index).collect()).unwrap_or_default()
}

/// `br_stp_enable_bridge` (the bridge is being opened): running ports
/// start forwarding.
pub fn bridge_open(net: &mut Net, ns: NsId, bridge: u32) -> Vec<Event> {
    let mut events = Vec::new();
    for p in ports(net, ns, bridge) {
        if link(net, ns, p).is_some_and(oper_up) {
            events.extend(enable_port(net, ns, p));
        }
    }
    events
}

/// `br_stp_disable_bridge` (the bridge is being closed).
pub fn bridge_stop(net: &mut Net, ns: NsId, bridge: u32) -> Vec<Event> {
    let mut events = Vec::new();
    for p in ports(net, ns, bridge) {
        if link(net, ns, p).is_some_and(|l| l.port_state != DISABLED) {
            events.extend(disable_port(net, ns, p));
        }
    }
    events
}

/// RTM_NEWLINK about a device; a port's carries its bridge as it is now.
fn announce(net: &Net, ns: NsId, index: u32, change: u32) -> Vec<Event> {
    let Some(l) = link(net, ns, index).filter(|l| !l.unregistering) else { return Vec::new() };
    let ev = match l.master.and_then(|b| link(net, ns, b)) {
        Some(b) => Event::PortLink { ns, link: Box::new(l.clone()), bridge: Box::new(b.clone()), change },
        None => Event::NewLink { ns, link: Box::new(l.clone()), change },
    };
    vec![ev]
}

/// `netdev_update_features` on the bridge when its first port joined or
/// its last one left: the features it offers change.
fn features_changed(net: &Net, ns: NsId, bridge: u32) -> Vec<Event> {
    link(net, ns, bridge).map(|l| Event::LinkFeatures { ns, link: Box::new(l.clone()) }).into_iter().collect()
}

/// The speed ethtool reports for a device, in Mb/s: veth's
/// `veth_get_link_ksettings` says 10 Gb/s; macvlan and vlan ask their
/// lower device; the others have no `get_link_ksettings`.
fn link_speed(net: &Net, ns: NsId, index: u32, depth: u32) -> Option<u32> {
    match &link(net, ns, index)?.kind {
        LinkKind::Veth { .. } => Some(10_000),
        LinkKind::Macvlan { lower, .. } | LinkKind::Vlan { lower, .. } if depth < 8 => link_speed(net, ns, *lower, depth + 1),
        _ => None,
    }
}

/// `port_cost` (br_if.c): a new port's STP path cost from its speed, or
/// the old heuristics on its name when the driver reports none.
fn port_cost(net: &Net, ns: NsId, index: u32) -> u32 {
    match link_speed(net, ns, index, 0) {
        Some(s) if s > 10_000 => 1,
        Some(10_000) => 2,
        Some(5_000) => 3,
        Some(2_500 | 1_000) => 4,
        Some(100) => 19,
        Some(_) => 100,
        None => match link(net, ns, index).map(|l| l.name.as_str()) {
            Some(n) if n.starts_with("lec") => 7,
            Some(n) if n.starts_with("plip") => 2500,
            _ => 100,
        },
    }
}

/// `br_add_if`: the device joins the bridge (upper link, promiscuous mode,
/// the bridge's recomputed features when it is its first port, the port's
/// state), then one AF_BRIDGE announcement.
pub fn add_port(net: &mut Net, ns: NsId, index: u32, bridge: u32) -> Vec<Event> {
    let taken: Vec<u16> = ports(net, ns, bridge).iter().filter_map(|&p| link(net, ns, p)).map(|l| l.port_conf.no).collect();
    let first = taken.is_empty();
    let joined = ports(net, ns, bridge).iter().filter_map(|&p| link(net, ns, p)).map(|l| l.port_conf.joined + 1).max().unwrap_or(0);
    let no = (1..).find(|n| !taken.contains(n)).unwrap_or(1);
    let cost = port_cost(net, ns, index);
    let Some(l) = link_mut(net, ns, index) else { return Vec::new() };
    l.allmulti += 1;
    l.master = Some(bridge);
    l.port_state = DISABLED;
    l.port_conf = super::link::PortConf { no, joined, cost, ..Default::default() };
    let mut events = announce(net, ns, index, 0);
    if let Some(l) = link_mut(net, ns, index) {
        l.promiscuity += 1;
    }
    events.extend(announce(net, ns, index, CHANGE_PROMISC));
    if first {
        events.extend(features_changed(net, ns, bridge));
    }
    events.extend(mtu_auto_adjust(net, ns, bridge));
    let bridge_up = link(net, ns, bridge).is_some_and(|b| b.flags & iff::UP != 0);
    if bridge_up && link(net, ns, index).is_some_and(oper_up) {
        events.extend(enable_port(net, ns, index));
    }
    events.extend(super::fdb::port_joined(net, ns, bridge, index));
    events.extend(notify(net, ns, index, true));
    events.extend(recalculate_bridge_id(net, ns, bridge));
    // netif_inherit_tso_max: the bridge keeps its ports' larger TSO limit.
    let port_tso = link(net, ns, index).map_or(0, |l| l.tso_max_size);
    if let Some(b) = link_mut(net, ns, bridge) {
        b.tso_max_size = b.tso_max_size.max(port_tso);
    }
    events
}

/// `br_mtu_auto_adjust`: unless its MTU was set by hand, a bridge takes the
/// smallest MTU of its ports (1500 without ports).
pub fn mtu_auto_adjust(net: &mut Net, ns: NsId, bridge: u32) -> Vec<Event> {
    let Some(b) = link(net, ns, bridge) else { return Vec::new() };
    if matches!(&b.kind, LinkKind::Bridge(c) if c.mtu_set) || !matches!(b.kind, LinkKind::Bridge(_)) {
        return Vec::new();
    }
    let ports = ports(net, ns, bridge);
    let mtu = ports.iter().filter_map(|&p| link(net, ns, p)).map(|l| l.mtu).min().unwrap_or(1500);
    super::link::set_mtu(net, ns, bridge, mtu)
}

/// `del_nbp`: the port leaves its bridge (promiscuous mode off, disabled,
/// AF_BRIDGE RTM_DELLINK, upper link gone). `bridge_stays` adds the
/// bridge's announcement when its last port left and it is not being
/// deleted itself.
pub fn del_port(net: &mut Net, ns: NsId, index: u32, bridge_stays: bool) -> Vec<Event> {
    let Some(bridge) = bridge_of(net, ns, index) else { return Vec::new() };
    let Some(l) = link_mut(net, ns, index) else { return Vec::new() };
    l.allmulti = l.allmulti.saturating_sub(1);
    l.promiscuity = l.promiscuity.saturating_sub(1);
    let mut events = announce(net, ns, index, CHANGE_PROMISC);
    events.extend(disable_port(net, ns, index));
    events.extend(notify(net, ns, index, false));
    events.extend(super::fdb::port_leaving(net, ns, bridge, index));
    if let Some(l) = link_mut(net, ns, index) {
        l.master = None;
    }
    events.extend(announce(net, ns, index, 0));
    if bridge_stays && ports(net, ns, bridge).is_empty() {
        events.extend(features_changed(net, ns, bridge));
    }
    if bridge_stays {
        events.extend(mtu_auto_adjust(net, ns, bridge));
        events.extend(super::fdb::bridge_address_leaves(net, ns, bridge));
        events.extend(recalculate_bridge_id(net, ns, bridge));
    }
    events
}

/// `br_dev_delete`, the bridge's dellink, before it is unregistered: its
/// ports leave (`del_nbp`, the newest first), then its own entries and
/// those added on it go (`br_fdb_delete_by_port(br, NULL, 0, 1)`).
pub fn dev_delete(net: &mut Net, ns: NsId, bridge: u32) -> Vec<Event> {
    if !matches!(link(net, ns, bridge).map(|b| &b.kind), Some(LinkKind::Bridge(_))) {
        return Vec::new();
    }
    let mut list: Vec<(u32, u32)> =
        ports(net, ns, bridge).into_iter().filter_map(|p| link(net, ns, p).map(|l| (l.port_conf.joined, p))).collect();
    list.sort_unstable_by(|a, b| b.cmp(a));
    let mut events = Vec::new();
    for (_, p) in list {
        events.extend(del_port(net, ns, p, false));
    }
    events.extend(super::fdb::bridge_own(net, ns, bridge, false));
    net.fdb.retain(|e| !(e.ns == ns && e.bridge == bridge));
    events
}

/// `br_stp_recalculate_bridge_id`: unless its address was set by hand, a
/// bridge takes the smallest address of its ports (all zeros without
/// ports); the change is announced (NETDEV_CHANGEADDR).
pub fn recalculate_bridge_id(net: &mut Net, ns: NsId, bridge: u32) -> Vec<Event> {
    let Some(LinkKind::Bridge(conf)) = link(net, ns, bridge).map(|b| &b.kind) else { return Vec::new() };
    if conf.addr_set {
        return Vec::new();
    }
    let smallest = ports(net, ns, bridge).iter().filter_map(|&p| link(net, ns, p)).map(|l| l.address.clone()).min();
    let Some(b) = link_mut(net, ns, bridge) else { return Vec::new() };
    let addr = smallest.unwrap_or_else(|| vec![0; b.address.len()]);
    if addr.len() != b.address.len() || addr == b.address {
        return Vec::new();
    }
    b.address = addr;
    announce(net, ns, bridge, 0)
}
