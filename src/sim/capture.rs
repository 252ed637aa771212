//! Packet capture: taps on devices that see every frame a device sends or
//! receives, link-layer header included (AF_PACKET's view, what `tcpdump
//! -i DEV` reads). The walk and neighbour resolution say what a frame
//! carries before it moves ([`State::content`]); the link layer records it
//! on the taps of each device it crosses.

use super::link::Port;
use super::packet::Datagram;
use crate::stack::{Net, NsId};
use std::net::{Ipv4Addr, Ipv6Addr};

/// What a captured frame carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// An ARP request (`op` 1) or reply (2) for IPv4 over Ethernet.
    Arp { op: u16, sender_mac: [u8; 6], sender_ip: Ipv4Addr, target_mac: [u8; 6], target_ip: Ipv4Addr },
    /// An IPv4 or IPv6 datagram.
    Ip(Datagram),
    /// A neighbour solicitation (`advert` false, to the target's
    /// solicited-node group, with the source's link-layer address) or
    /// advertisement (solicited and override, with the target's).
    Nd { advert: bool, src: Ipv6Addr, dst: Ipv6Addr, target: Ipv6Addr, lladdr: [u8; 6] },
}

impl Content {
    /// The solicited-node group of a target (`addrconf_addr_solict_mult`).
    pub fn solicited_node(target: Ipv6Addr) -> Ipv6Addr {
        let t = target.octets();
        Ipv6Addr::new(0xff02, 0, 0, 0, 0, 1, 0xff00 | u16::from(t[13]), u16::from_be_bytes([t[14], t[15]]))
    }
}

/// One frame a tap saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// When, µs of the virtual clock.
    pub at_us: u64,
    /// The device's ifindex.
    pub ifindex: u32,
    /// Whether the device sent it (else received).
    pub outgoing: bool,
    /// Ethernet source.
    pub src: [u8; 6],
    /// Ethernet destination.
    pub dst: [u8; 6],
    /// What it carries.
    pub content: Content,
}

/// A tap on one device (or every device of a namespace, ifindex 0).
#[derive(Debug, Clone)]
pub struct Tap {
    /// Its handle.
    pub id: u32,
    /// The namespace.
    pub ns: NsId,
    /// The device, 0 for any.
    pub ifindex: u32,
    /// Frames not yet read, oldest first.
    pub frames: Vec<Frame>,
}

/// The taps of a machine and the frame in flight.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// Open taps.
    pub taps: Vec<Tap>,
    next_id: u32,
    /// What the next frame to move carries, and when it leaves (set by
    /// the sender, cleared when the frame has moved).
    pub content: Option<(u64, Content)>,
    /// Link-layer addresses of the frame moving now.
    pub link: Option<([u8; 6], [u8; 6])>,
    /// Files programs wrote in the working directory (`tcpdump -w`).
    pub files: Vec<(String, Vec<u8>)>,
}

/// Most frames a tap keeps unread (a kernel socket buffer drops the rest).
pub const TAP_QUEUE: usize = 100_000;

impl State {
    /// Whether any tap is open (then senders describe their frames).
    pub fn active(&self) -> bool {
        !self.taps.is_empty()
    }

    /// Opens a tap on `ifindex` of `ns` (0: every device).
    pub fn open(&mut self, ns: NsId, ifindex: u32) -> u32 {
        self.next_id += 1;
        self.taps.push(Tap { id: self.next_id, ns, ifindex, frames: Vec::new() });
        self.next_id
    }

    /// Closes a tap.
    pub fn close(&mut self, id: u32) {
        self.taps.retain(|t| t.id != id);
    }

    /// Takes the frames a tap has seen.
    pub fn read(&mut self, id: u32) -> Vec<Frame> {
        self.taps.iter_mut().find(|t| t.id == id).map(|t| std::mem::take(&mut t.frames)).unwrap_or_default()
    }
}

/// Describes the frame about to move (only while a tap is open).
pub fn describe(net: &mut Net, at_us: u64, content: impl FnOnce() -> Content) {
    if net.capture.active() {
        net.capture.content = Some((at_us, content()));
    }
}

/// A device sent or received the frame in flight: every tap on it keeps a copy.
pub fn seen(net: &mut Net, (ns, dev): Port, outgoing: bool) {
    let cap = &mut net.capture;
    let (Some((at_us, content)), Some((src, mut dst))) = (&cap.content, cap.link) else { return };
    // A solicitation goes to the group's multicast address (33:33:...).
    if let Content::Nd { advert: false, dst: group, .. } = content {
        let g = group.octets();
        dst = [0x33, 0x33, g[12], g[13], g[14], g[15]];
    }
    for tap in cap.taps.iter_mut().filter(|t| t.ns == ns && (t.ifindex == 0 || t.ifindex == dev)) {
        if tap.frames.len() < TAP_QUEUE {
            tap.frames.push(Frame { at_us: *at_us, ifindex: dev, outgoing, src, dst, content: content.clone() });
        }
    }
}
