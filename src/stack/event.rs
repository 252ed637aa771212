//! What a stack operation changed, in the order Linux notifies it. The
//! rtnetlink layer turns each event into the multicast message Linux sends.

use super::NsId;
use super::addr::{Ifa4, Ifa6};
use super::link::Link;
use super::neigh::Neighbour;
use super::route::Route;
use super::rule::Rule;

/// One change to the network, carrying a copy of the object as it was then.
#[derive(Debug, Clone)]
pub enum Event {
    /// RTM_NEWLINK: a link appeared or changed; `change` is `ifi_change`.
    NewLink { ns: NsId, link: Box<Link>, change: u32 },
    /// RTM_NEWLINK for a device a request just created (it carries the
    /// request's port id and seq when the request asked for an echo).
    CreatedLink { ns: NsId, link: Box<Link> },
    /// RTM_DELLINK: a link went away.
    DelLink { ns: NsId, link: Box<Link> },
    /// RTM_NEWADDR / RTM_DELADDR for IPv4.
    /// `kernel`: made by the kernel itself (no request: port id and seq 0).
    Addr4 { ns: NsId, new: bool, ifindex: u32, addr: Ifa4, kernel: bool },
    /// RTM_NEWADDR / RTM_DELADDR for IPv6.
    /// `kernel` as for IPv4.
    Addr6 { ns: NsId, new: bool, ifindex: u32, addr: Ifa6, kernel: bool },
    /// RTM_NEWROUTE / RTM_DELROUTE for IPv4.
    /// `nlflags`: the header flags of an RTM_NEWROUTE notification.
    Route4 { ns: NsId, new: bool, route: Route<u32>, nlflags: u16 },
    /// RTM_NEWROUTE / RTM_DELROUTE for IPv6.
    /// `nlflags` as for IPv4.
    Route6 { ns: NsId, new: bool, route: Route<u128>, nlflags: u16 },
    /// RTM_NEWNEIGH / RTM_DELNEIGH. `kernel`: the stack's own doing (a
    /// flush), not a request's.
    Neigh { ns: NsId, new: bool, neigh: Neighbour, kernel: bool },
    /// RTM_NEWRULE / RTM_DELRULE.
    Rule { ns: NsId, new: bool, rule: Rule },
    /// RTM_NEWNETCONF / RTM_DELNETCONF for a family and ifindex (-1 all, -2 default).
    Netconf { ns: NsId, family: u8, ifindex: i32, new: bool },
    /// RTM_NEWLINK for NETDEV_FEAT_CHANGE (IFLA_EVENT_FEATURES).
    LinkFeatures { ns: NsId, link: Box<Link> },
    /// AF_BRIDGE RTM_NEWLINK / RTM_DELLINK about a port of `bridge` (as
    /// they were then).
    BridgePort { ns: NsId, port: Box<Link>, bridge: Box<Link>, new: bool },
    /// RTM_NEWLINK about a bridge port, with its bridge as it was then.
    PortLink { ns: NsId, link: Box<Link>, bridge: Box<Link>, change: u32 },
    /// AF_BRIDGE RTM_NEWNEIGH / RTM_DELNEIGH (`fdb_notify`): a local
    /// (permanent) entry of `bridge` for `mac` behind `ifindex` (a port,
    /// or the bridge itself).
    Fdb { ns: NsId, new: bool, ifindex: u32, bridge: u32, mac: [u8; 6] },
    /// AF_BRIDGE RTM_NEWNEIGH / RTM_DELNEIGH for a stored (learnt, static
    /// or bridge-added) entry, as it was then.
    FdbEntry { ns: NsId, new: bool, entry: super::fdb::Entry },
}

/// Marks address events as the kernel's own (no requester).
pub fn kernel_made(mut events: Vec<Event>) -> Vec<Event> {
    for e in &mut events {
        if let Event::Addr4 { kernel, .. } | Event::Addr6 { kernel, .. } = e {
            *kernel = true;
        }
    }
    events
}

impl Event {
    /// Whether Linux sends this notification with the request's header
    /// (`nl_info` with an nlh), which is what NLM_F_ECHO copies back.
    pub fn answers_request(&self) -> bool {
        match self {
            Event::CreatedLink { .. } => true,
            Event::Addr4 { kernel, .. } | Event::Addr6 { kernel, .. } => !kernel,
            Event::Route4 { route, .. } => !route.auto,
            Event::Route6 { route, .. } => !route.auto,
            Event::Neigh { kernel, .. } => !kernel,
            Event::Rule { .. } => true,
            _ => false,
        }
    }

    /// The namespace the event happened in.
    pub fn ns(&self) -> NsId {
        match self {
            Event::NewLink { ns, .. }
            | Event::CreatedLink { ns, .. }
            | Event::DelLink { ns, .. }
            | Event::Addr4 { ns, .. }
            | Event::Addr6 { ns, .. }
            | Event::Route4 { ns, .. }
            | Event::Route6 { ns, .. }
            | Event::Neigh { ns, .. }
            | Event::Rule { ns, .. }
            | Event::Netconf { ns, .. }
            | Event::LinkFeatures { ns, .. }
            | Event::PortLink { ns, .. }
            | Event::BridgePort { ns, .. }
            | Event::Fdb { ns, .. }
            | Event::FdbEntry { ns, .. } => *ns,
        }
    }
}
