//! The network simulation: packets walking through namespaces on a virtual
//! clock, and the programs that send them (`ping`, `traceroute`).
//!
//! [`packet`] holds the datagrams, [`link`] moves frames over veth pairs
//! and bridges, [`arp`] resolves neighbours with Linux's NUD states,
//! [`walk`] routes datagrams hop by hop, and [`ping`] / [`traceroute`]
//! print what iputils and traceroute print.

pub mod arp;
pub mod getopt;
pub mod link;
pub mod packet;
pub mod ping;
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
