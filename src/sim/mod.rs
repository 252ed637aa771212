//! The network simulation: packets walking through namespaces on a virtual
//! clock, and the programs that send them (`ping`, `traceroute`).
//!
//! [`packet`] holds the datagrams, [`link`] moves frames over veth pairs
//! and bridges, [`neigh`] resolves neighbours with Linux's NUD states,
//! [`walk`] routes datagrams hop by hop, and [`ping`] / [`traceroute`]
//! print what iputils and traceroute print.

pub mod br_netfilter;
pub mod capture;
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
    let now = net.now_ms.saturating_mul(1000);
    let mut w = walk::Walk::new(net);
    let sent = w.send(ns, packet, 0, now);
    let events = std::mem::take(&mut w.events);
    let result = match sent {
        Ok(()) | Err(walk::SendError::NoBufs) => Ok(std::mem::take(&mut w.trace)),
        Err(walk::SendError::Route(e)) => Err(e),
        Err(walk::SendError::TooBig(_)) => Err(crate::errno::Errno::EMSGSIZE),
        Err(walk::SendError::Filtered) => Err(crate::errno::Errno::EPERM),
    };
    (result, events)
}
