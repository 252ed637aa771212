//! The network simulation: packets walking through namespaces on a virtual
//! clock, and the programs that send them (`ping`, `traceroute`).
//!
//! [`packet`] holds the datagrams, [`link`] moves frames over veth pairs
//! and bridges, [`neigh`] resolves neighbours with Linux's NUD states,
//! [`walk`] routes datagrams hop by hop, and [`ping`] / [`traceroute`]
//! print what iputils and traceroute print.

pub mod capture;
pub mod fdb;
pub mod getopt;
pub mod link;
pub mod neigh;
pub mod packet;
pub mod ping;
pub mod process;
pub mod socket;
pub mod traceroute;
pub mod walk;

use crate::output::Output;
use crate::stack::{Event, Net, NsId};

/// What the walk remembers between datagrams: path MTUs learnt from
/// ICMP "fragmentation needed" / "packet too big" (the route exceptions of
/// `ip_rt_update_pmtu` / `rt6_update_pmtu`).
#[derive(Debug, Clone, Default)]
pub struct State {
    /// (namespace, destination, MTU, expiry in ms of the virtual clock).
    pub pmtu: Vec<(NsId, std::net::IpAddr, u32, u64)>,
    /// The bridges' learnt and static forwarding entries, newest first.
    pub fdb: Vec<fdb::Entry>,
    /// Packet capture taps.
    pub capture: capture::State,
}

/// How long a learnt path MTU lasts, ms (`net.ipv4.route.mtu_expires`).
pub const PMTU_EXPIRES_MS: u64 = 600_000;
/// The smallest path MTU IPv4 accepts (`net.ipv4.route.min_pmtu`).
pub const MIN_PMTU_V4: u32 = 552;
/// The IPv6 minimum MTU.
pub const MIN_PMTU_V6: u32 = 1280;

impl State {
    /// The path MTU learnt for `dst` from `ns`, if it has not expired.
    pub fn pmtu(&self, ns: NsId, dst: std::net::IpAddr, now_ms: u64) -> Option<u32> {
        self.pmtu.iter().find(|(n, d, _, exp)| *n == ns && *d == dst && *exp > now_ms).map(|(_, _, m, _)| *m)
    }

    /// Records a path MTU for `dst` from `ns` (clamped to the family's minimum).
    pub fn learn_pmtu(&mut self, ns: NsId, dst: std::net::IpAddr, mtu: u32, now_ms: u64) {
        let min = if dst.is_ipv6() { MIN_PMTU_V6 } else { MIN_PMTU_V4 };
        self.pmtu.retain(|(n, d, _, exp)| !(*n == ns && *d == dst) && *exp > now_ms);
        self.pmtu.push((ns, dst, mtu.max(min), now_ms + PMTU_EXPIRES_MS));
    }
}

/// Names of the programs [`run`] knows.
pub const PROGRAMS: &[&str] = &["ping", "traceroute"];

/// Runs a packet program in `ns`; None when `name` is not one. Returns the
/// exit status and the notifications the walk caused.
pub fn run(net: &mut Net, ns: NsId, name: &str, args: &[String], out: &mut Output) -> Option<(i32, Vec<Event>)> {
    match name {
        "ping" => Some(ping::run(net, ns, args, out)),
        "traceroute" => Some(traceroute::run(net, ns, args, out)),
        _ => None,
    }
}

/// Sends one echo request from `ns` to `dst` at the current virtual time
/// and returns every transmission the walk made (the echo and its reply),
/// with the notifications it caused. Fails as `connect` would.
pub fn trace_echo(net: &mut Net, ns: NsId, dst: std::net::IpAddr) -> (Result<Vec<walk::Hop>, crate::errno::Errno>, Vec<Event>) {
    let packet = packet::Datagram {
        src: packet::unspecified(dst.is_ipv6()),
        dst,
        ttl: 64,
        dont_fragment: false,
        payload: packet::Payload::Icmp(packet::Icmp::EchoRequest { id: 1, seq: 1, data: 56 }),
    };
    let now = net.now_ms * 1000;
    let mut w = walk::Walk::new(net);
    let sent = w.send(ns, packet, 0, now);
    let events = std::mem::take(&mut w.events);
    let result = match sent {
        Ok(()) => Ok(std::mem::take(&mut w.trace)),
        Err(walk::SendError::Route(e)) => Err(e),
        Err(walk::SendError::TooBig(_)) => Err(crate::errno::Errno::EMSGSIZE),
    };
    (result, events)
}
