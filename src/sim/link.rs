//! Frames on links: a device transmits, the frame crosses a veth pair to its
//! peer (possibly in another namespace) or is looped back, and bridges pass
//! it on to their other ports. Every hop moves the devices' counters as
//! Linux's drivers do (TX on the sender, RX on the receiver).

use crate::stack::link::LinkKind;
use crate::stack::{Net, NsId};

/// An Ethernet destination: one station or everyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dest {
    /// Every station on the segment (ff:ff:ff:ff:ff:ff).
    Broadcast,
    /// One station.
    Unicast([u8; 6]),
}

/// A device that accepted a frame: its namespace and ifindex.
pub type Port = (NsId, u32);

/// Bridges nested deeper than this stop passing frames on (a loop of
/// bridges would otherwise circle forever; STP is not simulated).
const MAX_BRIDGE_DEPTH: u32 = 8;

fn count_tx(net: &mut Net, (ns, dev): Port, len: usize) {
    if let Some(l) = net.ns_mut(ns).and_then(|n| n.link_mut(dev)) {
        l.stats.tx_packets += 1;
        l.stats.tx_bytes += len as u64;
    }
}

/// Counts a received frame. (veth keeps no multicast count, and a
/// broadcast is not a multicast.)
fn count_rx(net: &mut Net, (ns, dev): Port, len: usize) {
    if let Some(l) = net.ns_mut(ns).and_then(|n| n.link_mut(dev)) {
        l.stats.rx_packets += 1;
        l.stats.rx_bytes += len as u64;
    }
}

fn mac_of(net: &Net, (ns, dev): Port) -> Option<[u8; 6]> {
    net.ns(ns)?.link(dev)?.address.as_slice().try_into().ok()
}

/// Sends a frame of `len` bytes out of `from`; returns the devices that
/// accept it for their own stack (the addressed station, or every station
/// for a broadcast).
pub fn transmit(net: &mut Net, from: Port, dest: Dest, len: usize) -> Vec<Port> {
    let mut accepted = Vec::new();
    transmit_inner(net, from, dest, len, 0, &mut accepted);
    accepted
}

fn transmit_inner(net: &mut Net, from: Port, dest: Dest, len: usize, depth: u32, accepted: &mut Vec<Port>) {
    let Some(link) = net.ns(from.0).and_then(|n| n.link(from.1)) else { return };
    if !(link.is_up() && link.carrier) {
        return;
    }
    match link.kind.clone() {
        LinkKind::Loopback => {
            // loopback_xmit counts after eth_type_trans pulled the header.
            let len = len.saturating_sub(super::packet::ETHERNET_HEADER_LEN);
            count_tx(net, from, len);
            count_rx(net, from, len);
            accepted.push(from);
        }
        LinkKind::Veth { peer: Some(peer) } => {
            count_tx(net, from, len);
            let peer_up = net.ns(peer.0).and_then(|n| n.link(peer.1)).is_some_and(|l| l.is_up());
            if !peer_up {
                return;
            }
            receive(net, peer, dest, len, depth, accepted);
        }
        LinkKind::Bridge(_) => {
            // Frames the bridge device itself sends go out of every port
            // (no forwarding database: flooding reaches the station too).
            count_tx(net, from, len);
            for port in forwarding_ports(net, from, None) {
                transmit_inner(net, port, dest, len, depth + 1, accepted);
            }
        }
        _ => count_tx(net, from, len),
    }
}

/// The ports of `bridge` that pass frames, except `except`.
fn forwarding_ports(net: &Net, bridge: Port, except: Option<u32>) -> Vec<Port> {
    let Some(ns) = net.ns(bridge.0) else { return Vec::new() };
    ns.links
        .values()
        .filter(|l| l.master == Some(bridge.1) && Some(l.index) != except && l.is_up() && l.carrier)
        .map(|l| (bridge.0, l.index))
        .collect()
}

/// A frame arrives on `at`: a bridge port hands it to its bridge, any
/// other device keeps it when it is addressed to it.
fn receive(net: &mut Net, at: Port, dest: Dest, len: usize, depth: u32, accepted: &mut Vec<Port>) {
    count_rx(net, at, len);
    let master = net.ns(at.0).and_then(|n| n.link(at.1)).and_then(|l| l.master);
    if let Some(bridge) = master {
        if depth >= MAX_BRIDGE_DEPTH {
            return;
        }
        let bridge_port = (at.0, bridge);
        let bridge_up = net.ns(at.0).and_then(|n| n.link(bridge)).is_some_and(|l| l.is_up());
        if !bridge_up {
            return;
        }
        let to_bridge = match dest {
            Dest::Broadcast => true,
            Dest::Unicast(m) => mac_of(net, bridge_port) == Some(m),
        };
        if to_bridge {
            count_rx(net, bridge_port, len);
            accepted.push(bridge_port);
        }
        if dest == Dest::Broadcast || !to_bridge {
            for port in forwarding_ports(net, bridge_port, Some(at.1)) {
                transmit_inner(net, port, dest, len, depth + 1, accepted);
            }
        }
        return;
    }
    let mine = match dest {
        Dest::Broadcast => true,
        Dest::Unicast(m) => mac_of(net, at) == Some(m),
    };
    if mine {
        accepted.push(at);
    }
}
