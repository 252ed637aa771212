//! Bridged IP through the ip/ip6 netfilter hooks (net/bridge/br_netfilter_hooks.c),
//! as a kernel with br_netfilter built in does: an IPv4 (IPv6) datagram a
//! bridge forwards between its ports passes PREROUTING when it comes in
//! (`br_nf_pre_routing`), FORWARD (`br_nf_forward_ip`) and POSTROUTING
//! (`br_nf_post_routing`) for each port it leaves through, while the
//! namespace's `net.bridge.bridge-nf-call-iptables` (`-ip6tables`) is on.
//! The rules see the bridge as both the input and the output device
//! (`brnf_get_logical_dev`, `bridge_parent`); POSTROUTING has no input
//! device. What goes up to the bridge itself is the bridge's own IP input
//! (`ip_sabotage_in` keeps it from passing PREROUTING twice), and what the
//! bridge sends carries no bridge state, so `br_nf_post_routing` lets it by.

use super::link::Port;
use super::packet::Datagram;
use crate::stack::netfilter::{Hook, Verdict, hook};
use crate::stack::{Net, NsId};

/// A datagram a bridge's rules refused with REJECT: the namespace whose
/// rules did, the datagram, and the ICMP code (None: a TCP reset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    /// The bridge's namespace, which sends the answer.
    pub ns: NsId,
    /// The refused datagram, as the hook saw it.
    pub packet: Datagram,
    /// The ICMP destination-unreachable code, or None for a TCP reset.
    pub code: Option<u8>,
}

/// Whether the namespace passes bridged datagrams of this family through
/// its hooks (`brnf_call_iptables` / `brnf_call_ip6tables` of `brnf_net`).
pub fn enabled(net: &Net, ns: NsId, packet: &Datagram) -> bool {
    let key = if packet.is_v6() { "net.bridge.bridge-nf-call-ip6tables" } else { "net.bridge.bridge-nf-call-iptables" };
    net.ns(ns).is_some_and(|n| n.sysctl.is_on(key, &[]))
}

/// Runs one hook on a bridged datagram; false when the rules took it (a
/// REJECT is noted in `rejected` for the walk to answer).
fn pass(
    net: &mut Net,
    bridge: Port,
    which: Hook,
    packet: &mut Datagram,
    devs: (u32, u32, Option<[u8; 6]>),
    now_us: u64,
    rejected: &mut Vec<Rejected>,
) -> bool {
    match hook(net, bridge.0, which, packet, devs, now_us) {
        Verdict::Accept => true,
        Verdict::Reject(code) => {
            rejected.push(Rejected { ns: bridge.0, packet: packet.clone(), code });
            false
        }
        Verdict::Drop | Verdict::Stolen => false,
    }
}

/// `br_nf_pre_routing`: a datagram the bridge is about to forward, come
/// in from the station `src`; the input device is the bridge.
pub fn prerouting(net: &mut Net, bridge: Port, packet: &mut Datagram, src: [u8; 6], now_us: u64, rejected: &mut Vec<Rejected>) -> bool {
    pass(net, bridge, Hook::Prerouting, packet, (bridge.1, 0, Some(src)), now_us, rejected)
}

/// `br_nf_forward_ip` then `br_nf_post_routing` for one port the
/// datagram leaves through: FORWARD with the bridge in and out,
/// POSTROUTING with the bridge out.
pub fn forward(net: &mut Net, bridge: Port, packet: &mut Datagram, src: [u8; 6], now_us: u64, rejected: &mut Vec<Rejected>) -> bool {
    pass(net, bridge, Hook::Forward, packet, (bridge.1, bridge.1, Some(src)), now_us, rejected)
        && pass(net, bridge, Hook::Postrouting, packet, (0, bridge.1, None), now_us, rejected)
}
