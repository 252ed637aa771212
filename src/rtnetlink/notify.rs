//! Turning stack events into the multicast messages Linux sends, with the
//! group each goes to (`rtmsg_ifinfo`, `rtmsg_ifa`, `rtmsg_fib`,
//! `inet6_rt_notify`, `__neigh_notify`, `notify_rule_change`).

use super::reply::Request;
use crate::stack::{Event, Net};
use crate::wire::{AF_INET, AF_INET6, MessageType, group};

/// The messages for one event, each with its multicast group. Messages
/// caused by a request carry its port id and sequence number, as Linux's
/// `nl_info` does; link notifications come from the device layer and carry 0.
pub fn messages(net: &Net, ev: &Event, req: &Request<'_>, echo: bool) -> Vec<(Vec<u8>, u32)> {
    let (pid, seq) = (req.port, req.header.seq);
    let now = net.now_ms;
    match ev {
        Event::NewLink { ns, link, change } => {
            vec![(super::link::fill(net, *ns, link, MessageType::NewLink, 0, 0, 0, *change), group::LINK)]
        }
        Event::CreatedLink { ns, link } => {
            let (seq, pid) = if echo { (seq, pid) } else { (0, 0) };
            vec![(super::link::fill(net, *ns, link, MessageType::NewLink, seq, pid, 0, u32::MAX), group::LINK)]
        }
        Event::DelLink { ns, link } => {
            vec![(super::link::fill(net, *ns, link, MessageType::DelLink, 0, 0, 0, u32::MAX), group::LINK)]
        }
        Event::Addr4 { new, ifindex, addr, kernel, .. } => {
            let kind = if *new { MessageType::NewAddr } else { MessageType::DelAddr };
            let (seq, pid) = if *kernel { (0, 0) } else { (seq, pid) };
            vec![(super::addr::fill4(*ifindex, addr, kind, seq, pid, 0, now), group::IPV4_IFADDR)]
        }
        Event::Addr6 { new, ifindex, addr, kernel, .. } => {
            let kind = if *new { MessageType::NewAddr } else { MessageType::DelAddr };
            // inet6_ifa_notify carries no request header unless echoing.
            let (seq, pid) = if *kernel || !echo { (0, 0) } else { (seq, pid) };
            vec![(super::addr::fill6(*ifindex, addr, kind, seq, pid, 0, now), group::IPV6_IFADDR)]
        }
        Event::Route4 { ns, new, route, nlflags } => {
            let kind = if *new { MessageType::NewRoute } else { MessageType::DelRoute };
            let (seq, pid) = if route.auto { (0, 0) } else { (seq, pid) };
            let flags = if *new { *nlflags } else { 0 };
            vec![(super::route::fill4(net, *ns, &route.view(), kind, seq, pid, flags), group::IPV4_ROUTE)]
        }
        Event::Route6 { ns, new, route, nlflags } => {
            let kind = if *new { MessageType::NewRoute } else { MessageType::DelRoute };
            let (seq, pid) = if route.auto { (0, 0) } else { (seq, pid) };
            let flags = if *new { *nlflags } else { 0 };
            vec![(super::route::fill6(net, *ns, &route.view(), kind, seq, pid, flags), group::IPV6_ROUTE)]
        }
        Event::Neigh { new, neigh, kernel, .. } => {
            let kind = if *new { MessageType::NewNeigh } else { MessageType::DelNeigh };
            // __neigh_notify: the requester's port id (none for the stack's
            // own flushes), but no sequence number.
            let pid = if *kernel { 0 } else { pid };
            vec![(super::neigh::fill(neigh, kind, (0, pid, 0), now, !kernel), group::NEIGH)]
        }
        Event::Rule { new, rule, .. } => {
            let kind = if *new { MessageType::NewRule } else { MessageType::DelRule };
            let g = if rule.family == AF_INET6 { group::IPV6_RULE } else { group::IPV4_RULE };
            let reported = match net.ns(ev.ns()) {
                Some(n) => super::rule::as_reported(n, rule),
                None => rule.clone(),
            };
            vec![(super::rule::fill(&reported, kind, seq, pid, 0), g)]
        }
        Event::LinkFeatures { ns, link } => {
            let m = super::link::fill_link(net, *ns, link, MessageType::NewLink, (0, 0, 0), 0, 0, super::link::IFLA_EVENT_FEATURES, None);
            vec![(m, group::LINK)]
        }
        Event::BridgePort { ns, port, bridge, new } => {
            let kind = if *new { MessageType::NewLink } else { MessageType::DelLink };
            vec![(super::link::fill_brport(net, *ns, port, bridge, kind), group::LINK)]
        }
        Event::PortLink { ns, link, bridge, change } => {
            let m = super::link::fill_link(net, *ns, link, MessageType::NewLink, (0, 0, 0), *change, 0, 0, Some(bridge));
            vec![(m, group::LINK)]
        }
        Event::Fdb { new, ifindex, bridge, mac, .. } => vec![super::neigh::fdb::local_notice(*ifindex, *bridge, *mac, *new)],
        Event::FdbEntry { new, entry, .. } => vec![super::neigh::fdb::entry_notice(net, entry, now, *new)],
        Event::Netconf { ns, family, ifindex, new } => {
            let g = if *family == AF_INET { group::IPV4_NETCONF } else { group::IPV6_NETCONF };
            vec![(super::netconf::fill(net, *ns, *family, *ifindex, *new, 0, 0), g)]
        }
    }
    .into_iter()
    .filter(|(m, _)| !m.is_empty())
    .collect()
}
