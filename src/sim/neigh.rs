//! Neighbour resolution as net/core/neighbour.c does it with ARP
//! (net/ipv4/arp.c) and neighbour discovery (net/ipv6/ndisc.c), on the
//! virtual clock: a new entry starts INCOMPLETE and sends a request (an ARP
//! broadcast, a neighbour solicitation); the owner of the address learns the
//! asker (STALE) and answers; the answer makes the entry REACHABLE. Nobody answering, three probes a
//! second apart end in FAILED. Timers run when the clock is advanced
//! ([`run_timers`]); every state change is an [`Event`] (RTM_NEWNEIGH).

use super::link::{Dest, Port, transmit};
use super::packet::{ARP_FRAME_LEN, Datagram, Icmp, NDISC_FRAME_LEN, Payload};
use crate::stack::neigh::Neighbour;
use crate::stack::netfilter::{Hook, Verdict};
use crate::stack::{Event, Net, NsId};
use crate::wire::neigh::nud;
use std::net::IpAddr;

/// Unanswered probes before an entry fails (`mcast_solicit`).
pub const MCAST_SOLICIT: u64 = 3;
/// Unanswered unicast probes before a PROBE entry fails (`ucast_solicit`).
pub const UCAST_SOLICIT: u64 = 3;
/// Time between probes, ms (`retrans_time`).
pub const RETRANS_MS: u64 = 1000;
/// How long a confirmation keeps an entry REACHABLE, ms (`base_reachable_time`).
pub const REACHABLE_MS: u64 = 30_000;
/// How long an entry stays in DELAY before it is probed, ms (`delay_first_probe_time`).
pub const DELAY_MS: u64 = 5000;

/// The outcome of looking up the link-layer address of a next hop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Known (or just learnt): send to this address.
    Known([u8; 6]),
    /// Being resolved and nobody answers: queued packets fail at this time (ms).
    FailsAt(u64),
    /// The device needs no resolution (loopback, NOARP).
    NotNeeded,
}

/// What a resolution cost: whether requests went out (first packets take
/// longer).
#[derive(Debug, Clone, Copy, Default)]
pub struct Cost {
    /// Whether an ARP exchange happened.
    pub exchanged: bool,
}

const VALID: u16 = nud::REACHABLE | nud::STALE | nud::DELAY | nud::PROBE | nud::PERMANENT | nud::NOARP;

/// A clock reading as a confirmation time.
fn ms(now: u64) -> i64 {
    i64::try_from(now).unwrap_or(i64::MAX)
}

fn family(ip: IpAddr) -> u8 {
    if ip.is_ipv6() { crate::wire::AF_INET6 } else { crate::wire::AF_INET }
}

fn find(net: &Net, ns: NsId, dev: u32, ip: IpAddr) -> Option<usize> {
    let (fam, dst) = (family(ip), crate::text::ip_octets(ip));
    net.ns(ns)?.neighbours.iter().position(|n| n.family == fam && n.ifindex == dev && n.dst == dst && !n.is_proxy())
}

/// Whether `ip` is one of the namespace's addresses (IPv6: not tentative).
fn is_local(nsr: &crate::stack::Namespace, ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(a) => crate::stack::lookup::is_local_v4(nsr, a.into()),
        IpAddr::V6(a) => {
            let a = u128::from(a);
            nsr.links.values().any(|l| l.addrs6.iter().any(|x| x.addr == a && x.flags & crate::wire::addr::ifa_f::TENTATIVE == 0))
        }
    }
}

/// The source address a request for `target` out of `dev` carries, the
/// request being made for a packet from `packet_src`.
///
/// ARP (`arp_solicit`): the packet's source when it is local and
/// `arp_announce` allows it (0: any local address; 1: one sharing a subnet
/// of `dev` with the target; 2: never), else `inet_select_addr(dev,
/// target, RT_SCOPE_LINK)`. Neighbour discovery (`ndisc_solicit`,
/// `ndisc_send_ns`): the packet's source when it is a usable address of
/// `dev`, else `dev`'s link-local address — so a forwarded packet, or an
/// IPv4 one sent through an IPv6 gateway, is solicited for from fe80::.
fn request_source(nsr: &crate::stack::Namespace, dev: u32, target: IpAddr, packet_src: IpAddr) -> Option<IpAddr> {
    use crate::wire::addr::ifa_f;
    let link = nsr.link(dev)?;
    match target {
        IpAddr::V4(t) => {
            let t = u32::from(t);
            let announce = |key: &str| nsr.sysctl.get(key, &[link.name.as_str()]).and_then(|v| v.parse::<u32>().ok()).unwrap_or(0);
            let level = announce("net.ipv4.conf.all.arp_announce").max(announce(&format!("net.ipv4.conf.{}.arp_announce", link.name)));
            let from_packet = match packet_src {
                IpAddr::V4(s) if crate::stack::lookup::is_local_v4(nsr, s.into()) => {
                    let s = u32::from(s);
                    // inet_addr_onlink: one subnet of `dev` holds both.
                    let onlink = || link.addrs4.iter().any(|a| a.matches(s) && a.matches(t));
                    (level == 0 || (level == 1 && onlink())).then_some(s)
                }
                _ => None,
            };
            from_packet
                .or_else(|| crate::stack::lookup::select_source_v4(nsr, dev, t, crate::wire::route::scope::LINK))
                .map(|a| IpAddr::V4(a.into()))
        }
        IpAddr::V6(_) => {
            let usable = |a: &&crate::stack::addr::Ifa6| a.flags & (ifa_f::TENTATIVE | ifa_f::OPTIMISTIC) == 0;
            let own = match packet_src {
                IpAddr::V6(s) => link.addrs6.iter().filter(usable).find(|a| a.addr == u128::from(s)),
                IpAddr::V4(_) => None,
            };
            // ipv6_get_lladdr: the device's link-local address.
            own.or_else(|| link.addrs6.iter().filter(usable).find(|a| crate::stack::ipv6::is_link_local(a.addr)))
                .map(|a| IpAddr::V6(a.addr.into()))
        }
    }
}

fn notify(net: &Net, ns: NsId, idx: usize, events: &mut Vec<Event>) {
    if let Some(n) = net.ns(ns).and_then(|n| n.neighbours.get(idx)) {
        events.push(Event::Neigh { ns, new: true, neigh: n.clone(), kernel: true });
    }
}

fn new_entry(dev: u32, ip: IpAddr, now: u64) -> Neighbour {
    Neighbour {
        family: family(ip),
        ifindex: dev,
        dst: crate::text::ip_octets(ip),
        lladdr: None,
        state: nud::NONE,
        flags: 0,
        kind: 1,
        protocol: 0,
        probes: 0,
        // neigh_alloc: twice base_reachable_time ago; learning it
        // REACHABLE confirms it now.
        confirmed_ms: ms(now).saturating_sub(2 * ms(REACHABLE_MS)),
        used_ms: now,
        updated_ms: now,
        queued_src: None,
    }
}

/// The entry an output through a device that needs no resolution makes
/// (`__neigh_create` from `ip_finish_output2`/`ip6_finish_output2`):
/// NOARP with the device's own address (`arp_constructor`,
/// `ndisc_constructor`); ARP keys a loopback or point-to-point device's
/// entry as 0.0.0.0. Nothing when the entry exists.
pub fn noarp_entry(net: &mut Net, ns: NsId, dev: u32, ip: IpAddr, now: u64, events: &mut Vec<Event>) {
    use crate::wire::link::iff;
    let Some(link) = net.ns(ns).and_then(|n| n.link(dev)) else { return };
    let unkeyed = link.flags & (iff::LOOPBACK | iff::POINTOPOINT) != 0;
    let key = if ip.is_ipv4() && unkeyed { IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED) } else { ip };
    if find(net, ns, dev, key).is_some() {
        return;
    }
    let lladdr = link.address.clone();
    let Some(n) = net.ns_mut(ns) else { return };
    let Ok(collected) = crate::stack::neigh::make_room(n, family(key), false, now) else { return };
    events.extend(collected);
    let mut entry = new_entry(dev, key, now);
    entry.state = nud::NOARP;
    entry.lladdr = Some(lladdr);
    n.neighbours.push(entry);
}

/// What an answer to a request says: the link-layer address and, for a
/// neighbour advertisement, its router flag.
#[derive(Debug, Clone, Copy)]
struct Answer {
    mac: [u8; 6],
    router: Option<bool>,
}

/// Records that `ip` on `dev` has `mac` (`neigh_update`): `state` is
/// REACHABLE for an answer, STALE for something merely overheard. A valid
/// entry with the same address keeps its state when only overheard. A
/// neighbour advertisement's router flag (`router`) sets or clears
/// NTF_ROUTER (`ndisc_recv_na`, NEIGH_UPDATE_F_ISROUTER).
#[allow(clippy::too_many_arguments)] // neigh_update's inputs, all needed
pub fn learn(
    net: &mut Net,
    ns: NsId,
    dev: u32,
    ip: IpAddr,
    mac: [u8; 6],
    state: u16,
    router: Option<bool>,
    now: u64,
    events: &mut Vec<Event>,
) {
    let idx = match find(net, ns, dev, ip) {
        Some(i) => i,
        None => {
            let Some(n) = net.ns_mut(ns) else { return };
            // neigh_event_ns → __neigh_lookup: a full table learns nothing.
            let Ok(collected) = crate::stack::neigh::make_room(n, family(ip), false, now) else { return };
            events.extend(collected);
            n.neighbours.push(new_entry(dev, ip, now));
            n.neighbours.len() - 1
        }
    };
    let Some(entry) = net.ns_mut(ns).and_then(|n| n.neighbours.get_mut(idx)) else { return };
    if entry.state & (nud::PERMANENT | nud::NOARP) != 0 {
        return;
    }
    let same = entry.lladdr.as_deref() == Some(&mac[..]);
    if state == nud::STALE && same && entry.state & VALID != 0 {
        return;
    }
    entry.lladdr = Some(mac.to_vec());
    entry.state = state;
    match router {
        Some(true) => entry.flags |= crate::wire::neigh::ntf::ROUTER,
        Some(false) => entry.flags &= !crate::wire::neigh::ntf::ROUTER,
        None => {}
    }
    entry.probes = 0;
    entry.updated_ms = now;
    if state == nud::REACHABLE {
        entry.confirmed_ms = ms(now);
    }
    notify(net, ns, idx, events);
}

/// The link-layer address for sending to `ip` out of `dev` in `ns`
/// (`neigh_resolve_output`) a packet from `packet_src`, resolving it if
/// needed.
#[allow(clippy::too_many_arguments)] // neigh_resolve_output's inputs, all needed
pub fn resolve(
    net: &mut Net,
    ns: NsId,
    dev: u32,
    ip: IpAddr,
    packet_src: IpAddr,
    now: u64,
    cost: &mut Cost,
    events: &mut Vec<Event>,
) -> Resolution {
    let Some(link) = net.ns(ns).and_then(|n| n.link(dev)) else { return Resolution::NotNeeded };
    if link.is_loopback() || link.flags & crate::wire::link::iff::NOARP != 0 {
        noarp_entry(net, ns, dev, ip, now, events);
        return Resolution::NotNeeded;
    }
    let own: [u8; 6] = link.address.as_slice().try_into().unwrap_or([0; 6]);
    if let Some(idx) = find(net, ns, dev, ip) {
        let Some(entry) = net.ns_mut(ns).and_then(|n| n.neighbours.get_mut(idx)) else { return Resolution::NotNeeded };
        if entry.state & VALID != 0 {
            if let Some(mac) = entry.lladdr.as_deref().and_then(|m| <[u8; 6]>::try_from(m).ok()) {
                use_entry(net, ns, idx, now, events);
                return Resolution::Known(mac);
            }
        }
        entry.used_ms = now;
        if entry.state == nud::INCOMPLETE {
            return Resolution::FailsAt(entry.updated_ms + MCAST_SOLICIT * RETRANS_MS);
        }
    }
    // A fresh resolution: INCOMPLETE, then the first request.
    let idx = match find(net, ns, dev, ip) {
        Some(i) => i,
        None => {
            let Some(n) = net.ns_mut(ns) else { return Resolution::NotNeeded };
            // ip_finish_output2: no neighbour can be made, the packet is
            // dropped (SKB_DROP_REASON_NEIGH_CREATEFAIL).
            let Ok(collected) = crate::stack::neigh::make_room(n, family(ip), false, now) else { return Resolution::FailsAt(now) };
            events.extend(collected);
            n.neighbours.push(new_entry(dev, ip, now));
            n.neighbours.len() - 1
        }
    };
    if let Some(entry) = net.ns_mut(ns).and_then(|n| n.neighbours.get_mut(idx)) {
        entry.state = nud::INCOMPLETE;
        entry.lladdr = None;
        entry.probes = 1;
        entry.updated_ms = now;
        entry.used_ms = now;
        entry.queued_src = Some(packet_src);
    }
    cost.exchanged = true;
    let sender_ip = net.ns(ns).and_then(|n| request_source(n, dev, ip, packet_src));
    if let Some(answer) = request(net, (ns, dev), own, sender_ip, ip, None, now, events) {
        learn(net, ns, dev, ip, answer.mac, nud::REACHABLE, answer.router, now, events);
        return Resolution::Known(answer.mac);
    }
    // Unanswered: the remaining probes go out a second apart from the
    // entry's timer ([`run_timers`], `neigh_timer_handler`) as the clock
    // moves.
    Resolution::FailsAt(now + MCAST_SOLICIT * RETRANS_MS)
}

/// Tells the capture taps what an ARP or neighbour discovery frame carries.
fn describe_arp(
    net: &mut Net,
    at_us: u64,
    op: u16,
    sender_mac: [u8; 6],
    sender_ip: Option<IpAddr>,
    target_mac: [u8; 6],
    target_ip: IpAddr,
) {
    use super::capture::Content;
    match (sender_ip, target_ip) {
        (Some(IpAddr::V4(s)), IpAddr::V4(t)) => {
            super::capture::describe(net, at_us, || Content::Arp { op, sender_mac, sender_ip: s, target_mac, target_ip: t })
        }
        // Neighbour discovery: a solicitation from `s` for `t`, or the
        // advertisement of `s` (the target) back to `t`.
        (Some(IpAddr::V6(s)), IpAddr::V6(t)) => super::capture::describe(net, at_us, || {
            if op == 1 {
                Content::Nd { advert: false, src: s, dst: Content::solicited_node(t), target: t, lladdr: sender_mac }
            } else {
                Content::Nd { advert: true, src: s, dst: t, target: s, lladdr: sender_mac }
            }
        }),
        _ => {}
    }
}

/// The frame length of a request (and answer) for `ip`.
fn request_len(ip: IpAddr) -> usize {
    if ip.is_ipv6() { NDISC_FRAME_LEN } else { ARP_FRAME_LEN }
}

/// Sends one request from `from` (an ARP broadcast, a solicitation to the
/// solicited-node group; to `unicast`, the address the entry holds, when
/// it is a PROBE entry's) and lets every station that hears it answer
/// (`arp_process`, `ndisc_recv_ns`); returns the first answer.
#[allow(clippy::too_many_arguments)]
fn request(
    net: &mut Net,
    from: Port,
    sender_mac: [u8; 6],
    sender_ip: Option<IpAddr>,
    target: IpAddr,
    unicast: Option<[u8; 6]>,
    now: u64,
    events: &mut Vec<Event>,
) -> Option<Answer> {
    let len = request_len(target);
    // Neighbour discovery is made of IPv6 packets: the solicitation passes
    // LOCAL_OUT and POST_ROUTING before it leaves (ndisc_send_skb).
    let mut solicitation = match (sender_ip, target) {
        (Some(IpAddr::V6(s)), IpAddr::V6(t)) => {
            let to = if unicast.is_some() { t } else { super::capture::Content::solicited_node(t) };
            Some(nd_packet(IpAddr::V6(s), IpAddr::V6(to), false, t, false))
        }
        _ => None,
    };
    if let Some(p) = solicitation.as_mut() {
        if !filtered(net, from.0, &[Hook::Output, Hook::Postrouting], p, from.1, now) {
            return None;
        }
    }
    describe_arp(net, now * 1000, 1, sender_mac, sender_ip, [0; 6], target);
    let dest = unicast.map_or(Dest::Broadcast, Dest::Unicast);
    let heard = send_nd(net, from, dest, len, solicitation.as_ref(), now);
    let mut answer = None;
    for ((ns2, dev2), mut heard_nd) in heard {
        if (ns2, dev2) == from {
            continue;
        }
        // Every station that hears it passes PRE_ROUTING (ipv6_rcv); only
        // the one that owns the target delivers it (LOCAL_IN, then
        // ndisc_recv_ns).
        if let Some(p) = heard_nd.as_mut() {
            if !filtered(net, ns2, &[Hook::Prerouting], p, dev2, now) {
                continue;
            }
        }
        let Some(nsr) = net.ns(ns2) else { continue };
        // ndisc_recv_ns also answers for an anycast address the device
        // joined (ipv6_chk_acast_addr).
        let anycast = matches!(target, IpAddr::V6(t) if crate::stack::ipv6::has_anycast(nsr, dev2, t.into()));
        let answers = is_local(nsr, target) || anycast || proxies(nsr, dev2, sender_ip, target);
        if !answers || nsr.link(dev2).is_some_and(|l| l.is_loopback()) {
            continue;
        }
        let Some(mac2) = nsr.link(dev2).and_then(|l| <[u8; 6]>::try_from(l.address.as_slice()).ok()) else { continue };
        if let Some(p) = heard_nd.as_mut() {
            if !filtered(net, ns2, &[Hook::Input], p, dev2, now) {
                continue;
            }
        }
        if let Some(ip) = sender_ip {
            learn(net, ns2, dev2, ip, sender_mac, nud::STALE, None, now, events);
            // ndisc_send_na goes out through that entry (ARP's reply does
            // not): STALE becomes DELAY as for any packet sent through it.
            if let Some(idx) = find(net, ns2, dev2, ip).filter(|_| ip.is_ipv6()) {
                use_entry(net, ns2, idx, now, events);
            }
        }
        // ndisc_recv_ns answers with the device's forwarding setting as
        // the advertisement's router flag; the advertisement leaves
        // through LOCAL_OUT and POST_ROUTING and comes in through
        // PRE_ROUTING and LOCAL_IN.
        let router = target.is_ipv6().then(|| forwards_v6(net, ns2, dev2));
        let mut advert = match (heard_nd, target) {
            (Some(p), IpAddr::V6(t)) => Some(nd_packet(target, p.src, true, t, router.unwrap_or(false))),
            _ => None,
        };
        if let Some(p) = advert.as_mut() {
            if !filtered(net, ns2, &[Hook::Output, Hook::Postrouting], p, dev2, now) {
                continue;
            }
        }
        describe_arp(net, now * 1000, 2, mac2, Some(target), sender_mac, sender_ip.unwrap_or(target));
        let back = send_nd(net, (ns2, dev2), Dest::Unicast(sender_mac), len, advert.as_ref(), now);
        if let Some((_, arrived)) = back.into_iter().find(|(port, _)| *port == from).filter(|_| answer.is_none()) {
            advert = arrived;
            if let Some(p) = advert.as_mut() {
                if !filtered(net, from.0, &[Hook::Prerouting, Hook::Input], p, from.1, now) {
                    continue;
                }
            }
            answer = Some(Answer { mac: mac2, router });
        }
    }
    answer
}

/// Transmits an ARP frame, or one carrying the neighbour discovery packet
/// `nd`, which bridges on the way pass through their ip6 hooks
/// (br_netfilter; ARP is arptables' business, not modelled). Returns the
/// devices that heard it, each with the packet as it arrived.
fn send_nd(net: &mut Net, from: Port, dest: Dest, len: usize, nd: Option<&Datagram>, now_ms: u64) -> Vec<(Port, Option<Datagram>)> {
    match nd {
        Some(p) => super::link::transmit_ip(net, from, dest, p, now_ms.saturating_mul(1000))
            .heard
            .into_iter()
            .map(|(at, p)| (at, Some(p)))
            .collect(),
        None => transmit(net, from, dest, len).into_iter().map(|at| (at, None)).collect(),
    }
}

/// A neighbour discovery packet (hop limit 255, as ndisc_send_skb sets it).
fn nd_packet(src: IpAddr, dst: IpAddr, advert: bool, target: std::net::Ipv6Addr, router: bool) -> Datagram {
    Datagram { src, dst, ttl: 255, dont_fragment: false, payload: Payload::Icmp(Icmp::Ndisc { advert, target, router }) }
}

/// Passes a neighbour discovery packet through `hooks` of `ns` in order,
/// leaving or arriving by `dev` (`NF_HOOK` in ndisc_send_skb and
/// dst_output; ipv6_rcv and ip6_input); false when a rule took it. The
/// packets are not tracked (nf_conntrack_icmpv6's noct_valid_new).
fn filtered(net: &mut Net, ns: NsId, hooks: &[Hook], p: &mut Datagram, dev: u32, now_ms: u64) -> bool {
    hooks.iter().all(|&h| {
        let (iif, oif) = if matches!(h, Hook::Output | Hook::Postrouting) { (0, dev) } else { (dev, 0) };
        crate::stack::netfilter::hook(net, ns, h, p, (iif, oif, None), now_ms.saturating_mul(1000)) == Verdict::Accept
    })
}

/// Whether `dev` forwards IPv6 (`idev->cnf.forwarding`).
fn forwards_v6(net: &Net, ns: NsId, dev: u32) -> bool {
    net.ns(ns).is_some_and(|nsr| crate::stack::ipv6::forwarding(nsr, dev))
}

/// A packet goes out through entry `idx`: a STALE one becomes DELAY
/// (`neigh_event_send`).
fn use_entry(net: &mut Net, ns: NsId, idx: usize, now: u64, events: &mut Vec<Event>) {
    let Some(entry) = net.ns_mut(ns).and_then(|n| n.neighbours.get_mut(idx)) else { return };
    entry.used_ms = now;
    if entry.state == nud::STALE {
        entry.state = nud::DELAY;
        entry.updated_ms = now;
        notify(net, ns, idx, events);
    }
}

/// Whether a forwarding namespace answers an ARP request for `target`
/// heard on `dev` in its own name (`arp_fwd_proxy`): proxy ARP is on for
/// the device (`conf.all` or `conf.DEV.proxy_arp`), the device forwards,
/// and the route to the target leaves through another device.
fn proxies(nsr: &crate::stack::Namespace, dev: u32, sender: Option<IpAddr>, target: IpAddr) -> bool {
    let (IpAddr::V4(t), Some(IpAddr::V4(s))) = (target, sender) else { return false };
    let Some(name) = nsr.link(dev).map(|l| l.name.clone()) else { return false };
    let on = |key: &str| nsr.sysctl.get(key, &[name.as_str()]).is_some_and(|v| v != "0");
    let proxy_arp = on("net.ipv4.conf.all.proxy_arp") || on(&format!("net.ipv4.conf.{name}.proxy_arp"));
    let forwarding = nsr.sysctl.ip_forward() || on(&format!("net.ipv4.conf.{name}.forwarding"));
    if !(proxy_arp && forwarding) {
        return false;
    }
    let q = crate::stack::lookup::Query4 { dst: t.into(), src: s.into(), iif: dev, ..Default::default() };
    crate::stack::lookup::input_v4(nsr, &q).is_ok_and(|rt| rt.kind == crate::wire::route::RouteType::Unicast && rt.dev != dev)
}

/// Runs the neighbour timers of every namespace up to `now` (ms):
/// unanswered INCOMPLETE and PROBE entries fail, REACHABLE ones go STALE
/// when their confirmation is old, DELAY ones not confirmed since become
/// PROBE and are probed ([`crate::stack::neigh::delay_expired`]).
pub fn run_timers(net: &mut Net, now: u64, events: &mut Vec<Event>) {
    let ids: Vec<NsId> = net.namespaces().map(|n| n.id).collect();
    for ns in ids {
        let count = net.ns(ns).map_or(0, |n| n.neighbours.len());
        // A DELAY entry turned PROBE is probed (and may fail) in the same run.
        for idx in (0..count).flat_map(|i| [i, i]) {
            probe_again(net, ns, idx, now, events);
            let Some(entry) = net.ns_mut(ns).and_then(|n| n.neighbours.get_mut(idx)) else { continue };
            let changed = match entry.state {
                nud::INCOMPLETE if entry.updated_ms + MCAST_SOLICIT * RETRANS_MS <= now => {
                    entry.updated_ms += MCAST_SOLICIT * RETRANS_MS;
                    entry.state = nud::FAILED;
                    true
                }
                nud::REACHABLE if entry.since_confirmed(now) >= REACHABLE_MS => {
                    entry.updated_ms = now.saturating_sub(entry.since_confirmed(now) - REACHABLE_MS);
                    entry.state = nud::STALE;
                    false
                }
                nud::PROBE if u64::from(entry.probes) >= UCAST_SOLICIT && entry.updated_ms + UCAST_SOLICIT * RETRANS_MS <= now => {
                    entry.updated_ms += UCAST_SOLICIT * RETRANS_MS;
                    entry.state = nud::FAILED;
                    true
                }
                nud::DELAY if entry.updated_ms + DELAY_MS <= now => {
                    let at = entry.updated_ms + DELAY_MS;
                    crate::stack::neigh::delay_expired(entry, at)
                }
                _ => false,
            };
            if changed {
                notify(net, ns, idx, events);
            }
        }
    }
}

/// The timer of an INCOMPLETE or PROBE entry (`neigh_timer_handler`): each
/// `retrans_time` without an answer another request goes out (`neigh_probe`,
/// for the packet waiting in the queue; unicast to the held address for
/// PROBE), up to `mcast_solicit` (`ucast_solicit`) of them; an answer
/// (rules may have taken the earlier requests) makes it REACHABLE.
fn probe_again(net: &mut Net, ns: NsId, idx: usize, now: u64, events: &mut Vec<Event>) {
    loop {
        let Some(n) = net.ns(ns).and_then(|n| n.neighbours.get(idx)) else { return };
        // A PROBE entry asks the address it holds, by unicast, up to
        // `ucast_solicit` times (neigh_max_probes, arp_solicit).
        let (unicast, max) = match n.state {
            nud::INCOMPLETE => (None, MCAST_SOLICIT),
            nud::PROBE => (n.lladdr.as_deref().and_then(|l| <[u8; 6]>::try_from(l).ok()), UCAST_SOLICIT),
            _ => return,
        };
        if u64::from(n.probes) >= max || (n.state == nud::PROBE && unicast.is_none()) {
            return;
        }
        let at = n.updated_ms + u64::from(n.probes) * RETRANS_MS;
        if at > now {
            return;
        }
        let ip = match n.dst.len() {
            4 => <[u8; 4]>::try_from(n.dst.as_slice()).ok().map(IpAddr::from),
            _ => <[u8; 16]>::try_from(n.dst.as_slice()).ok().map(IpAddr::from),
        };
        let (dev, packet_src) = (n.ifindex, n.queued_src);
        let Some(ip) = ip else { return };
        if let Some(e) = net.ns_mut(ns).and_then(|n| n.neighbours.get_mut(idx)) {
            e.probes += 1;
        }
        let Some(link) = net.ns(ns).and_then(|n| n.link(dev)) else { return };
        let own: [u8; 6] = link.address.as_slice().try_into().unwrap_or([0; 6]);
        let src = packet_src.unwrap_or_else(|| super::packet::unspecified(ip.is_ipv6()));
        let sender_ip = net.ns(ns).and_then(|n| request_source(n, dev, ip, src));
        if let Some(answer) = request(net, (ns, dev), own, sender_ip, ip, unicast, at, events) {
            learn(net, ns, dev, ip, answer.mac, nud::REACHABLE, answer.router, at, events);
            return;
        }
    }
}
