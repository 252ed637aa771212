//! Frames on links: a device transmits, the frame crosses a veth pair to its
//! peer (possibly in another namespace) or is looped back, and bridges pass
//! it on to their other ports. Every hop moves the devices' counters as
//! Linux's drivers do (TX on the sender, RX on the receiver).

use super::br_netfilter::{self, Rejected};
use super::capture::Content;
use super::packet::Datagram;
use crate::stack::bridge::FORWARDING;
use crate::stack::fdb;
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

/// What `is_skb_forwardable` allows past a device's MTU: its Ethernet
/// header (`hard_header_len`) and one VLAN tag (`VLAN_HLEN`).
const FORWARDABLE_EXTRA: u64 = (super::packet::ETHERNET_HEADER_LEN + 4) as u64;

/// Bridges nested deeper than this stop passing frames on (a loop of
/// bridges would otherwise circle forever; STP is not simulated).
const MAX_BRIDGE_DEPTH: u32 = 8;

fn count_tx(net: &mut Net, (ns, dev): Port, len: usize) {
    super::capture::seen(net, (ns, dev), true);
    if let Some(l) = net.ns_mut(ns).and_then(|n| n.link_mut(dev)) {
        l.stats.tx_packets += 1;
        l.stats.tx_bytes += len as u64;
    }
}

/// Counts a received frame. (veth keeps no multicast count, and a
/// broadcast is not a multicast.)
fn count_rx(net: &mut Net, (ns, dev): Port, len: usize) {
    super::capture::seen(net, (ns, dev), false);
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
    let src = mac_of(net, from).unwrap_or([0; 6]);
    let mut tx = Tx { now_us: 0, heard: Vec::new(), rejected: Vec::new(), dropped: false };
    send(net, from, Frame { src, dest, len }, None, &mut tx);
    tx.heard.into_iter().map(|(port, _)| port).collect()
}

/// What a frame carrying an IP datagram reached: the devices that accept
/// it for their own stack, each with the datagram as it arrived there (a
/// bridge's NAT may have rewritten it), and what bridges' rules rejected.
#[derive(Debug, Default)]
pub struct Delivery {
    /// The accepting devices and what each received.
    pub heard: Vec<(Port, Datagram)>,
    /// Datagrams a bridge's REJECT refused, for the walk to answer.
    pub rejected: Vec<Rejected>,
    /// The sending device's driver dropped the frame (`NET_XMIT_DROP`,
    /// which `dev_queue_xmit` returns to the sender as ENOBUFS).
    pub dropped: bool,
}

/// [`transmit`] for a frame carrying `packet` at `now_us`: bridges on the
/// way pass it through their namespace's ip/ip6 hooks (br_netfilter).
pub fn transmit_ip(net: &mut Net, from: Port, dest: Dest, packet: &Datagram, now_us: u64) -> Delivery {
    let src = mac_of(net, from).unwrap_or([0; 6]);
    let mut tx = Tx { now_us, heard: Vec::new(), rejected: Vec::new(), dropped: false };
    send(net, from, Frame { src, dest, len: packet.frame_len() }, Some(packet), &mut tx);
    let heard = tx.heard.into_iter().map(|(port, p)| (port, p.unwrap_or_else(|| packet.clone()))).collect();
    Delivery { heard, rejected: tx.rejected, dropped: tx.dropped }
}

/// [`transmit_ip`] for a datagram that leaves in fragments of the given
/// frame lengths: the first carries the datagram through the bridges and
/// their hooks; the others follow it on the same way, counted, once it
/// went out.
pub fn transmit_fragments(net: &mut Net, from: Port, dest: Dest, packet: &Datagram, frames: &[usize], now_us: u64) -> Delivery {
    let Some((&first, rest)) = frames.split_first() else { return Delivery::default() };
    let src = mac_of(net, from).unwrap_or([0; 6]);
    let mut tx = Tx { now_us, heard: Vec::new(), rejected: Vec::new(), dropped: false };
    send(net, from, Frame { src, dest, len: first }, Some(packet), &mut tx);
    if !tx.dropped {
        for &len in rest {
            let mut more = Tx { now_us, heard: Vec::new(), rejected: Vec::new(), dropped: false };
            send(net, from, Frame { src, dest, len }, None, &mut more);
        }
    }
    let heard = tx.heard.into_iter().map(|(port, p)| (port, p.unwrap_or_else(|| packet.clone()))).collect();
    Delivery { heard, rejected: tx.rejected, dropped: tx.dropped }
}

/// The state of one transmission: the clock, the accepting devices with
/// the datagram each got (None for a frame that carries none), and what
/// bridges rejected.
struct Tx {
    now_us: u64,
    heard: Vec<(Port, Option<Datagram>)>,
    rejected: Vec<Rejected>,
    /// The first device's driver dropped the frame.
    dropped: bool,
}

fn send(net: &mut Net, from: Port, frame: Frame, ip: Option<&Datagram>, tx: &mut Tx) {
    if net.capture.active() {
        let dst = match frame.dest {
            Dest::Broadcast => [0xff; 6],
            Dest::Unicast(m) => m,
        };
        net.capture.link = Some((frame.src, dst));
    }
    transmit_inner(net, from, frame, ip, 0, tx);
    net.capture.link = None;
    net.capture.content = None;
}

/// What the link layer needs of a frame: its addresses and length.
#[derive(Debug, Clone, Copy)]
struct Frame {
    src: [u8; 6],
    dest: Dest,
    len: usize,
}

fn transmit_inner(net: &mut Net, from: Port, frame: Frame, ip: Option<&Datagram>, depth: u32, tx: &mut Tx) {
    let Some(link) = net.ns(from.0).and_then(|n| n.link(from.1)) else { return };
    if !link.is_up() {
        return;
    }
    if !link.carrier {
        // Until carrier comes, dev_activate leaves the noop qdisc in place:
        // it drops the frame (QDISC_DROP) and the device counts it, but
        // NET_XMIT_CN is no error to the sender.
        if let Some(l) = net.ns_mut(from.0).and_then(|n| n.link_mut(from.1)) {
            l.stats.tx_dropped += 1;
        }
        return;
    }
    let len = frame.len;
    match link.kind.clone() {
        LinkKind::Loopback => {
            // loopback_xmit counts after eth_type_trans pulled the header.
            let len = len.saturating_sub(super::packet::ETHERNET_HEADER_LEN);
            count_tx(net, from, len);
            count_rx(net, from, len);
            tx.heard.push((from, ip.cloned()));
        }
        LinkKind::Veth { peer: Some(peer) } => {
            // veth_xmit -> __dev_forward_skb: is_skb_forwardable refuses a
            // frame for a peer that is down or longer than the peer's MTU
            // plus its header and a VLAN tag; the peer counts rx_dropped,
            // the sender tx_dropped (priv->dropped) instead of the frame.
            let peer_mtu = net.ns(peer.0).and_then(|n| n.link(peer.1)).filter(|l| l.is_up()).map(|l| l.mtu);
            let fits = peer_mtu.is_some_and(|m| len as u64 <= u64::from(m) + FORWARDABLE_EXTRA);
            if !fits {
                if let Some(l) = net.ns_mut(peer.0).and_then(|n| n.link_mut(peer.1)) {
                    l.stats.rx_dropped += 1;
                }
                // dev_hard_start_xmit showed it to the taps first.
                super::capture::seen(net, from, true);
                if let Some(l) = net.ns_mut(from.0).and_then(|n| n.link_mut(from.1)) {
                    l.stats.tx_dropped += 1;
                }
                tx.dropped |= depth == 0;
                return;
            }
            count_tx(net, from, len);
            receive(net, peer, frame, ip, depth, tx);
        }
        LinkKind::Bridge(_) => {
            // br_dev_xmit: a known station gets it through its port, the
            // rest is flooded to every forwarding port (the bridge's own
            // datagrams pass no bridge hook: br_nf_post_routing finds no
            // nf_bridge_info on them).
            count_tx(net, from, len);
            for port in bridge_out_ports(net, from, frame.dest, None) {
                transmit_inner(net, port, frame, ip, depth + 1, tx);
            }
        }
        _ => count_tx(net, from, len),
    }
}

/// The ports a frame to `dest` leaves `bridge` through (`br_forward` to a
/// known station, `br_flood` otherwise); never back where it came in.
fn bridge_out_ports(net: &mut Net, bridge: Port, dest: Dest, ingress: Option<u32>) -> Vec<Port> {
    if let Dest::Unicast(mac) = dest {
        let now = net.now_ms;
        match fdb::lookup(net, bridge.0, bridge.1, mac, now) {
            fdb::Place::Port(p) if Some(p) == ingress => return Vec::new(),
            fdb::Place::Port(p) => {
                return crate::stack::segment::forwarding_ports(net, bridge, ingress).into_iter().filter(|(_, i)| *i == p).collect();
            }
            fdb::Place::Local => return Vec::new(),
            fdb::Place::Unknown => {}
        }
    }
    crate::stack::segment::forwarding_ports(net, bridge, ingress)
}

/// A frame arrives on `at`: a bridge port teaches its bridge the sender and
/// hands the frame on (`br_handle_frame`), any other device keeps it when
/// it is addressed to it.
fn receive(net: &mut Net, at: Port, frame: Frame, ip: Option<&Datagram>, depth: u32, tx: &mut Tx) {
    count_rx(net, at, frame.len);
    // Only a bridge takes its ports' frames; a VRF port keeps its own.
    let is_bridge =
        |m: &u32| net.ns(at.0).and_then(|n| n.link(*m)).is_some_and(|b| matches!(b.kind, crate::stack::link::LinkKind::Bridge(_)));
    let port = net.ns(at.0).and_then(|n| n.link(at.1)).map(|l| (l.master.filter(is_bridge), l.port_state));
    if let Some((Some(bridge), state)) = port {
        let bridge_port = (at.0, bridge);
        let bridge_up = net.ns(at.0).and_then(|n| n.link(bridge)).is_some_and(|l| l.is_up());
        if depth >= MAX_BRIDGE_DEPTH || !bridge_up {
            return;
        }
        // A learning port learns and drops; a forwarding one learns and
        // passes the frame on (the stack queues what it learnt).
        let now = net.now_ms;
        fdb::learn(net, at.0, bridge, at.1, frame.src, now);
        if state != FORWARDING {
            return;
        }
        // The bridge's own address and its ports' are local entries: the
        // frame goes up to the bridge device (br_pass_frame_up).
        let to_bridge = match frame.dest {
            Dest::Broadcast => true,
            Dest::Unicast(m) => fdb::lookup(net, at.0, bridge, m, now) == fdb::Place::Local,
        };
        // br_pass_frame_up counts skb->len: the port's eth_type_trans
        // has already pulled the Ethernet header.
        let up_len = frame.len.saturating_sub(super::packet::ETHERNET_HEADER_LEN);
        if to_bridge {
            count_rx(net, bridge_port, up_len);
            tx.heard.push((bridge_port, ip.cloned()));
        }
        if frame.dest == Dest::Broadcast || !to_bridge {
            forward(net, (bridge_port, at.1), frame, ip, (to_bridge, depth), tx);
            // br_handle_frame_finish: a promiscuous bridge (a capture on
            // it) passes what it forwards up too (br_pass_frame_up); its
            // stack drops it as another host's.
            let promisc = net.ns(at.0).and_then(|n| n.link(bridge)).is_some_and(|l| l.promiscuity > 0);
            if !to_bridge && promisc {
                count_rx(net, bridge_port, up_len);
            }
        }
        return;
    }
    let mine = match frame.dest {
        Dest::Broadcast => true,
        Dest::Unicast(m) => mac_of(net, at) == Some(m),
    };
    if mine {
        tx.heard.push((at, ip.cloned()));
    }
}

/// A bridge passes a frame that came in on its port `ingress` on to its
/// other ports (`br_forward`, `br_flood`). An IP datagram in it passes
/// the namespace's PREROUTING once, then FORWARD and POSTROUTING for each
/// port it leaves through, when br_netfilter is on for its family; the
/// rules may drop it or rewrite it (NAT) on the way. A broadcast that also
/// goes up to the bridge passes PREROUTING there, once, as the bridge's
/// own input (`ip_sabotage_in` keeps Linux from running it twice).
fn forward(
    net: &mut Net,
    (bridge, ingress): (Port, u32),
    frame: Frame,
    ip: Option<&Datagram>,
    (to_bridge, depth): (bool, u32),
    tx: &mut Tx,
) {
    let ports = bridge_out_ports(net, bridge, frame.dest, Some(ingress));
    let Some(p) = ip.filter(|p| br_netfilter::enabled(net, bridge.0, p)) else {
        for port in ports {
            transmit_inner(net, port, frame, ip, depth + 1, tx);
        }
        return;
    };
    let mut p = p.clone();
    if !to_bridge && !br_netfilter::prerouting(net, bridge, &mut p, frame.src, tx.now_us, &mut tx.rejected) {
        return;
    }
    for port in ports {
        let mut out = p.clone();
        if br_netfilter::forward(net, bridge, &mut out, frame.src, tx.now_us, &mut tx.rejected) {
            // What the port sends is the datagram as the rules left it
            // (NAT may have rewritten it): the taps past it see that.
            let seen = net.capture.content.clone();
            if let Some((at, _)) = seen.as_ref().filter(|(_, c)| matches!(c, Content::Ip(d) if *d != out)) {
                net.capture.content = Some((*at, Content::Ip(out.clone())));
            }
            transmit_inner(net, port, frame, Some(&out), depth + 1, tx);
            net.capture.content = seen;
        }
    }
}
