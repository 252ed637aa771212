//! The packet walk: an IPv4 datagram leaves a namespace (output route),
//! crosses links (neighbour resolution, veth, bridges), is routed on input
//! in the next namespace (local delivery, or forwarding when
//! `net.ipv4.ip_forward` allows it, with its TTL decremented) until it is
//! delivered or dropped. Local delivery answers echo requests and refuses
//! UDP to closed ports, as the kernel does; ICMP errors walk back the same
//! way. What reaches a socket is returned as an [`Arrival`].

use super::link::{Dest, transmit};
use super::neigh::{self, Cost, Resolution};
use super::packet::{Datagram, Icmp, Payload, unreach, unspecified};
use crate::errno::Errno;
use crate::stack::lookup::{Query4, Query6, input_v4, output_v4, route_v6, select_source_v6};
use crate::stack::netfilter::{Hook, Verdict};
use crate::stack::{Event, Net, NsId};
use crate::wire::route::RouteType;
use std::net::IpAddr;

/// Time one hop (a transmission and the next stack's work) takes, µs.
pub const HOP_US: u64 = 12;
/// Extra time of a hop whose neighbour had to be resolved first, µs.
pub const RESOLVE_US: u64 = 110;
/// Most hops a walk takes before it is cut (TTL bounds walks anyway).
pub const MAX_HOPS: u32 = 300;

/// A datagram that reached a socket's namespace (echo replies, ICMP errors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrival {
    /// When, in µs of the virtual clock.
    pub at_us: u64,
    /// The namespace it was delivered in.
    pub ns: NsId,
    /// The device it came in on (the device of a link-local source).
    pub iif: u32,
    /// The datagram.
    pub packet: Datagram,
}

/// Why a datagram could not even leave (what `sendmsg`/`connect` return).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendError {
    /// The route lookup failed with this errno.
    Route(Errno),
    /// Larger than the path MTU with DF set (EMSGSIZE, and the MTU).
    TooBig(u32),
    /// Dropped (or rejected) by the rules at LOCAL_OUT or POSTROUTING on
    /// the sending call's path: `nf_hook_slow` turns NF_DROP into EPERM,
    /// which `ip_local_out` returns to `sendmsg`.
    Filtered,
    /// The output device's driver dropped it (`NET_XMIT_DROP`: a veth
    /// whose peer cannot take the frame); `ip_finish_output2` returns
    /// ENOBUFS when the neighbour was resolved and the frame went at once.
    NoBufs,
}

/// A route as the walk uses it, for either family.
#[derive(Debug, Clone)]
pub struct Route {
    /// What the route does (unicast, local, ...).
    pub kind: RouteType,
    /// The device it leaves through (lo for local routes).
    pub dev: u32,
    /// The gateway, when the next hop is not the destination.
    pub gateway: Option<IpAddr>,
    /// The source address the route selects.
    pub src: IpAddr,
    /// The `mtu` metric, 0 when unset.
    pub mtu_metric: u32,
    /// The prefix length of an IPv6 FIB entry (`rt6i_dst.plen`); 32 for IPv4.
    pub dst_len: u8,
}

/// The next hop of an IPv4 route: its IPv4 gateway, or an IPv6 one given
/// as RTA_VIA (resolved over neighbour discovery, `ip_neigh_gw6`).
fn gateway_v4(gateway: Option<u32>, via6: Option<u128>) -> Option<IpAddr> {
    gateway.map(|g| IpAddr::V4(g.into())).or_else(|| via6.map(|g| IpAddr::V6(g.into())))
}

fn errno_of_kind(kind: RouteType) -> Option<Errno> {
    match kind {
        RouteType::Unreachable => Some(Errno::EHOSTUNREACH),
        RouteType::Prohibit => Some(Errno::EACCES),
        RouteType::Blackhole => Some(Errno::EINVAL),
        RouteType::Throw => Some(Errno::EAGAIN),
        _ => None,
    }
}

fn mtu_metric(metrics: &[(u16, u32)]) -> u32 {
    metrics.iter().find(|(k, _)| *k == crate::wire::route::rtax::MTU).map_or(0, |(_, v)| *v & 0x7fff_ffff)
}

/// Whether the namespace has an IPv6 source for `dst` at all
/// (`ip6_route_get_saddr`, asked before the route's error, fails otherwise).
/// `ipv6_dev_get_saddr` looks at every device, up or not, and skips only
/// tentative addresses: a `nodad` address on a down link (or any address
/// on a down `lo`) is a source.
fn has_source6(net: &Net, ns: NsId, dst: u128) -> bool {
    // Any scope is a candidate (a link-local source towards a global
    // destination only scores lower), so with one the route's own error
    // (ENETUNREACH) is what connect reports.
    net.ns(ns).is_some_and(|n| select_source_v6(n, 0, dst).is_some())
}

/// The output route a socket in `ns` gets for `dst` (with `src` bound
/// when specified, `oif` bound when not 0): what `connect` finds, and the
/// first hop the walk takes.
pub fn output_route(net: &Net, ns: NsId, dst: IpAddr, src: IpAddr, oif: u32, mark: u32) -> Result<Route, Errno> {
    output_route_of(net, ns, dst, src, oif, mark, None)
}

/// Whether a datagram's destination is an IPv6 anycast address of the
/// namespace rather than one of its own (`ipv6_anycast_destination`).
fn anycast_destination(nsr: &crate::stack::Namespace, dst: IpAddr) -> bool {
    let IpAddr::V6(d) = dst else { return false };
    let d = u128::from(d);
    let own = nsr.links.values().any(|l| l.addrs6.iter().any(|a| a.addr == d));
    !own && nsr.links.keys().any(|&i| crate::stack::ipv6::has_anycast(nsr, i, d))
}

/// [`output_route`] for a datagram: its protocol and ports are part of the
/// flow a multipath hash of policy 1 reads (`fib_multipath_hash`).
fn output_route_of(net: &Net, ns: NsId, dst: IpAddr, src: IpAddr, oif: u32, mark: u32, p: Option<&Datagram>) -> Result<Route, Errno> {
    let nsr = net.ns(ns).ok_or(Errno::ENODEV)?;
    nsr.nexthops.clock.set(net.now_ms);
    let ip_proto = p.map_or(0, Datagram::protocol);
    let (sport, dport) = p.and_then(Datagram::ports).unwrap_or((0, 0));
    match (dst, src) {
        (IpAddr::V4(d), IpAddr::V4(s)) => {
            let q = Query4 { dst: d.into(), src: s.into(), oif, mark, ip_proto, sport, dport, ..Default::default() };
            let rt = output_v4(nsr, &q).map_err(|e| e.errno())?;
            if let Some(e) = errno_of_kind(rt.kind) {
                return Err(e);
            }
            Ok(Route {
                kind: rt.kind,
                dev: rt.dev,
                gateway: gateway_v4(rt.gateway, rt.via6),
                src: IpAddr::V4(rt.src.into()),
                mtu_metric: mtu_metric(&rt.metrics),
                dst_len: 32,
            })
        }
        (IpAddr::V6(d), IpAddr::V6(s)) => {
            let (d, s) = (u128::from(d), u128::from(s));
            if s == 0 && !has_source6(net, ns, d) {
                return Err(Errno::EADDRNOTAVAIL);
            }
            let q = Query6 { dst: d, src: s, oif, mark, ip_proto, sport, dport, ..Default::default() };
            let rt = route_v6(nsr, &q).map_err(|e| e.errno())?;
            if let Some(e) = errno_of_kind(rt.route.kind) {
                return Err(e);
            }
            let src = if s != 0 { s } else { select_source_v6(nsr, rt.nh_dev, d).ok_or(Errno::EADDRNOTAVAIL)? };
            // ip6_rt_get_dev_rcu: addrconf's anycast route (RTF_ANYCAST), as
            // a local one, goes through lo and is delivered (ip6_input).
            let kind = if rt.route.kind == RouteType::Local || (rt.route.kind == RouteType::Anycast && rt.dev == 1) {
                RouteType::Local
            } else {
                RouteType::Unicast
            };
            Ok(Route {
                kind,
                dev: rt.dev,
                gateway: rt.gateway.map(|g| IpAddr::V6(g.into())),
                src: IpAddr::V6(src.into()),
                mtu_metric: mtu_metric(&rt.route.metrics),
                dst_len: rt.route.dst_len,
            })
        }
        _ => Err(Errno::EAFNOSUPPORT),
    }
}

/// The input route of a datagram arriving on `iif`, and whether the
/// namespace forwards that family. Err: the lookup failed (the errno).
fn input_route(net: &Net, ns: NsId, iif: u32, p: &Datagram) -> (Result<Route, Errno>, bool) {
    let Some(nsr) = net.ns(ns) else { return (Err(Errno::ENODEV), false) };
    nsr.nexthops.clock.set(net.now_ms);
    let (sport, dport) = p.ports().unwrap_or((0, 0));
    let name = nsr.link(iif).map(|l| l.name.clone()).unwrap_or_default();
    match (p.dst, p.src) {
        (IpAddr::V4(d), IpAddr::V4(s)) => {
            let forwarding = crate::stack::lookup::in_dev_forward(nsr, &name);
            let q = Query4 { dst: d.into(), src: s.into(), iif, ip_proto: p.protocol(), sport, dport, ..Default::default() };
            let r = input_v4(nsr, &q).map_err(|e| e.errno()).map(|rt| Route {
                kind: rt.kind,
                dev: rt.dev,
                gateway: gateway_v4(rt.gateway, rt.via6),
                src: IpAddr::V4(rt.src.into()),
                mtu_metric: mtu_metric(&rt.metrics),
                dst_len: 32,
            });
            (r, forwarding)
        }
        (IpAddr::V6(d), IpAddr::V6(s)) => {
            // ip6_forward asks conf.all only (devconf_all->forwarding).
            let forwarding = nsr.sysctl.is_on("net.ipv6.conf.all.forwarding", &[]);
            let q = Query6 { dst: d.into(), src: s.into(), iif, ip_proto: p.protocol(), sport, dport, ..Default::default() };
            let r = route_v6(nsr, &q).map_err(|e| e.errno()).and_then(|rt| match errno_of_kind(rt.route.kind) {
                Some(e) => Err(e),
                None => Ok(Route {
                    kind: if matches!(rt.route.kind, RouteType::Local | RouteType::Anycast) {
                        RouteType::Local
                    } else {
                        RouteType::Unicast
                    },
                    dev: rt.dev,
                    gateway: rt.gateway.map(|g| IpAddr::V6(g.into())),
                    src: p.src,
                    mtu_metric: mtu_metric(&rt.route.metrics),
                    dst_len: rt.route.dst_len,
                }),
            });
            (r, forwarding)
        }
        _ => (Err(Errno::EINVAL), false),
    }
}

/// One transmission the walk made: from which namespace and device, to
/// which next-hop address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hop {
    /// The namespace the datagram left.
    pub ns: NsId,
    /// The device it left through.
    pub dev: u32,
    /// The address resolved for it (the gateway, or the destination on link).
    pub next_hop: IpAddr,
}

/// The walk of one or more datagrams: the clock, the neighbour events it
/// caused and what reached sockets.
pub struct Walk<'a> {
    /// The network the datagrams cross.
    pub net: &'a mut Net,
    /// RTM_NEWNEIGH and the like, in order.
    pub events: Vec<Event>,
    /// What sockets received.
    pub arrivals: Vec<Arrival>,
    /// Every transmission toward a next hop, in order.
    pub trace: Vec<Hop>,
    hops: u32,
}

impl<'a> Walk<'a> {
    /// A walk over `net`.
    pub fn new(net: &'a mut Net) -> Self {
        Walk { net, events: Vec::new(), arrivals: Vec::new(), trace: Vec::new(), hops: 0 }
    }

    /// Sends a datagram from a socket in `ns` at `now_us`, bound to `oif`
    /// when not 0. The source is chosen by the route when 0.
    pub fn send(&mut self, ns: NsId, packet: Datagram, oif: u32, now_us: u64) -> Result<(), SendError> {
        self.send_marked(ns, packet, oif, 0, now_us)
    }

    /// [`Walk::send`] from a socket with a firewall mark (`SO_MARK`), which
    /// the output route lookup matches rules against.
    pub fn send_marked(&mut self, ns: NsId, packet: Datagram, oif: u32, mark: u32, now_us: u64) -> Result<(), SendError> {
        self.send_inner(ns, packet, oif, mark, true, now_us)
    }

    /// Sends the kernel's own answer (echo reply, port unreachable) from
    /// the address the request went to: the route is looked up as for an
    /// unbound socket, so any address the local table owns may be the
    /// source (127.1.2.3 answers from 127.1.2.3, `__ip_dev_find`).
    /// It leaves with the hop limit of its route (`ip4_dst_hoplimit`,
    /// `ip6_dst_hoplimit`: also a TCP reset's, `nf_send_reset`).
    fn send_reply(&mut self, ns: NsId, mut packet: Datagram, oif: u32, now_us: u64) {
        packet.ttl = hop_limit(self.net, ns, packet.dst, oif);
        let _ = self.send_inner(ns, packet, oif, 0, false, now_us);
    }

    fn send_inner(&mut self, ns: NsId, mut packet: Datagram, oif: u32, mark: u32, check_src: bool, now_us: u64) -> Result<(), SendError> {
        let lookup_src = if check_src { packet.src } else { unspecified(packet.is_v6()) };
        let mut rt = output_route_of(self.net, ns, packet.dst, lookup_src, oif, mark, Some(&packet)).map_err(SendError::Route)?;
        if packet.src.is_unspecified() {
            packet.src = rt.src;
        }
        // NF_INET_LOCAL_OUT; a new destination (DNAT) is routed again.
        let before = packet.dst;
        if !self.netfilter(ns, Hook::Output, &mut packet, 0, rt.dev, now_us) {
            return Err(SendError::Filtered);
        }
        if packet.dst != before {
            rt = output_route_of(self.net, ns, packet.dst, packet.src, oif, mark, Some(&packet)).map_err(SendError::Route)?;
        }
        if rt.kind == RouteType::Local {
            let lo_up = self.net.ns(ns).and_then(|n| n.link(1)).is_some_and(|l| l.is_up());
            if lo_up {
                if !self.netfilter(ns, Hook::Postrouting, &mut packet, 0, 1, now_us) {
                    return Err(SendError::Filtered);
                }
                super::neigh::noarp_entry(self.net, ns, 1, packet.dst, now_us / 1000, &mut self.events);
                super::capture::describe(self.net, now_us, || super::capture::Content::Ip(packet.clone()));
                transmit(self.net, (ns, 1), Dest::Broadcast, packet.frame_len());
                if !self.netfilter(ns, Hook::Prerouting, &mut packet, 1, 0, now_us) {
                    return Ok(());
                }
                self.deliver_local(ns, 1, packet, now_us + HOP_US, None);
            } else if let Some(lo) = self.net.ns_mut(ns).and_then(|n| n.link_mut(1)) {
                // dev_queue_xmit on a device that is down drops the packet.
                lo.stats.tx_dropped += 1;
            }
            return Ok(());
        }
        let mut mtu = route_mtu(self.net, ns, &rt);
        if let Some(p) = self.net.pmtu.get(ns, packet.dst, now_us / 1000) {
            mtu = mtu.min(p);
        }
        if packet.dont_fragment && packet.total_len() as u32 > mtu {
            return Err(SendError::TooBig(mtu));
        }
        if packet.total_len() - packet.header_len() > 65535 - if packet.is_v6() { 0 } else { 20 } {
            return Ok(());
        }
        self.transmit_via(ns, packet, &rt, now_us)
    }

    /// Puts a datagram on the wire toward the route's next hop; Filtered
    /// when POSTROUTING's rules took it, NoBufs when the device dropped it.
    fn transmit_via(&mut self, ns: NsId, mut packet: Datagram, rt: &Route, now_us: u64) -> Result<(), SendError> {
        self.hops += 1;
        if self.hops > MAX_HOPS {
            return Ok(());
        }
        if !self.netfilter(ns, Hook::Postrouting, &mut packet, 0, rt.dev, now_us) {
            return Err(SendError::Filtered);
        }
        let next = rt.gateway.unwrap_or(packet.dst);
        self.trace.push(Hop { ns, dev: rt.dev, next_hop: next });
        let now_ms = now_us / 1000;
        let mut cost = Cost::default();
        let res = neigh::resolve(self.net, ns, rt.dev, next, packet.src, now_ms, &mut cost, &mut self.events);
        let at = now_us + HOP_US + if cost.exchanged { RESOLVE_US } else { 0 };
        let dest = match res {
            Resolution::Known(mac) => Dest::Unicast(mac),
            Resolution::NotNeeded => Dest::Broadcast,
            Resolution::FailsAt(ms) => {
                // arp_error_report: the queued datagram fails, its sender hears.
                self.icmp_error(
                    ns,
                    &packet,
                    Icmp::Unreachable { code: unreach::HOST, mtu: 0, quoted: Box::new(packet.clone()) },
                    ms * 1000,
                );
                return Ok(());
            }
        };
        super::capture::describe(self.net, at - HOP_US, || super::capture::Content::Ip(packet.clone()));
        // What does not fit the way out leaves in fragments (DF and
        // forwarded IPv6 were refused before).
        let mut mtu = route_mtu(self.net, ns, rt);
        if let Some(p) = self.net.pmtu.get(ns, packet.dst, now_ms) {
            mtu = mtu.min(p);
        }
        let frames = packet.fragment_frames(mtu);
        let delivery = super::link::transmit_fragments(self.net, (ns, rt.dev), dest, &packet, &frames, at);
        // Bridges on the way that REJECTed it answer as their FORWARD would.
        for r in delivery.rejected {
            self.rejected(r.ns, &r.packet, r.code, at);
        }
        // The frame's source address: the sending device's (what xt_mac reads).
        let mac = self.net.ns(ns).and_then(|n| n.link(rt.dev)).and_then(|l| <[u8; 6]>::try_from(l.address.as_slice()).ok());
        for ((ns2, dev2), arrived) in delivery.heard {
            if (ns2, dev2) == (ns, rt.dev) {
                continue;
            }
            self.input(ns2, dev2, arrived, at, mac);
        }
        // A datagram that waited in the neighbour's queue is sent later:
        // its sender hears nothing of the drop.
        if delivery.dropped && !cost.exchanged { Err(SendError::NoBufs) } else { Ok(()) }
    }

    /// A datagram arrives on `iif` (`ip_rcv`/`ipv6_rcv`, then the input
    /// route: local delivery, forwarding, or an error).
    fn input(&mut self, ns: NsId, iif: u32, mut packet: Datagram, now_us: u64, mac: Option<[u8; 6]>) {
        if !self.netfilter_rx(ns, Hook::Prerouting, &mut packet, (iif, 0, mac), now_us) {
            return;
        }
        let (route, forwarding) = input_route(self.net, ns, iif, &packet);
        let unreachable = |code| Icmp::Unreachable { code, mtu: 0, quoted: Box::new(packet.clone()) };
        let rt = match route {
            Ok(rt) => rt,
            Err(e) => {
                // ip_error reports only on a forwarding host; IPv6's null
                // and reject entries (ip6_pkt_discard) always do.
                if forwarding || packet.is_v6() {
                    let code = match e {
                        Errno::ENETUNREACH => Some(unreach::NET),
                        Errno::EACCES => Some(unreach::ADMIN_PROHIBITED),
                        Errno::EHOSTUNREACH if packet.is_v6() => Some(unreach::NET),
                        Errno::EHOSTUNREACH => Some(unreach::HOST),
                        _ => None,
                    };
                    if let Some(code) = code {
                        self.icmp_error(ns, &packet, unreachable(code), now_us);
                    }
                }
                return;
            }
        };
        match rt.kind {
            RouteType::Local | RouteType::Broadcast => self.deliver_local(ns, iif, packet, now_us, mac),
            RouteType::Unicast if forwarding => {
                // ip_forward / ip6_forward: TTL first, then the MTU of the way out.
                if packet.ttl <= 1 {
                    self.icmp_error(ns, &packet, Icmp::TimeExceeded { quoted: Box::new(packet.clone()) }, now_us);
                    return;
                }
                let mtu = route_mtu(self.net, ns, &rt);
                if (packet.dont_fragment || packet.is_v6()) && packet.total_len() as u32 > mtu {
                    let err = Icmp::Unreachable {
                        code: unreach::FRAG_NEEDED,
                        mtu: mtu.min(u16::MAX as u32) as u16,
                        quoted: Box::new(packet.clone()),
                    };
                    self.icmp_error(ns, &packet, err, now_us);
                    return;
                }
                packet.ttl -= 1;
                if !self.netfilter_rx(ns, Hook::Forward, &mut packet, (iif, rt.dev, mac), now_us) {
                    return;
                }
                let _ = self.transmit_via(ns, packet, &rt, now_us);
            }
            _ => {}
        }
    }

    /// Local delivery (`ip_local_deliver`): echo requests are answered
    /// (`icmp_echo`), UDP to a closed port refused, the rest goes to sockets.
    fn deliver_local(&mut self, ns: NsId, iif: u32, mut packet: Datagram, now_us: u64, mac: Option<[u8; 6]>) {
        if !self.netfilter_rx(ns, Hook::Input, &mut packet, (iif, 0, mac), now_us) {
            return;
        }
        // Answers to what came in through a VRF port leave through the VRF
        // (`icmp_reply`, `icmp_send`: l3mdev_master_ifindex of the device).
        let vrf = self.net.ns(ns).map_or(0, |n| crate::stack::l3mdev::master_ifindex(n, iif));
        match &packet.payload {
            Payload::Icmp(Icmp::EchoRequest { .. }) if self.ignores_echo(ns, &packet) => {}
            Payload::Icmp(Icmp::EchoRequest { id, seq, data }) => {
                // A reply to a link-local address leaves where the request came in.
                let oif = if is_link_local(packet.src) { iif } else { vrf };
                // icmpv6_echo_reply: a request to an anycast address is
                // answered from the address the route back selects.
                let anycast = self.net.ns(ns).is_some_and(|n| anycast_destination(n, packet.dst));
                let reply = Datagram {
                    src: if anycast { unspecified(true) } else { packet.dst },
                    dst: packet.src,
                    ttl: default_ttl(self.net, ns, packet.src),
                    dont_fragment: false,
                    payload: Payload::Icmp(Icmp::EchoReply { id: *id, seq: *seq, data: *data }),
                };
                self.send_reply(ns, reply, oif, now_us);
            }
            Payload::Tcp(seg) => {
                let replies = super::socket::tcp_deliver(self.net, ns, &packet, seg, now_us);
                for reply in replies {
                    self.send_reply(ns, reply, vrf, now_us);
                }
            }
            Payload::Udp { sport, dport, data } if super::socket::udp_deliver(self.net, ns, &packet, *sport, *dport, data) => {}
            Payload::Udp { .. } => {
                // icmp_send: an error about a datagram that was ours comes
                // from the address it was sent to.
                let err = Icmp::Unreachable { code: unreach::PORT, mtu: 0, quoted: Box::new(packet.clone()) };
                if !self.icmp_allowed(ns, packet.src, &err, now_us) {
                    return;
                }
                let back = Datagram {
                    src: packet.dst,
                    dst: packet.src,
                    ttl: default_ttl(self.net, ns, packet.src),
                    dont_fragment: false,
                    payload: Payload::Icmp(err),
                };
                self.send_reply(ns, back, vrf, now_us);
            }
            Payload::Icmp(icmp) => {
                if let Icmp::Unreachable { code: unreach::FRAG_NEEDED, mtu, quoted } = icmp {
                    self.net.pmtu.learn(ns, quoted.dst, u32::from(*mtu), now_us / 1000);
                }
                super::socket::icmp_deliver(self.net, ns, icmp, now_us);
                self.arrivals.push(Arrival { at_us: now_us, ns, iif, packet })
            }
        }
    }

    /// Passes a datagram through a netfilter hook (`NF_HOOK`); false when
    /// the rules took it (dropped, or rejected with the ICMP error or TCP reset sent).
    fn netfilter(&mut self, ns: NsId, hook: Hook, packet: &mut Datagram, iif: u32, oif: u32, now_us: u64) -> bool {
        self.netfilter_rx(ns, hook, packet, (iif, oif, None), now_us)
    }

    /// `netfilter` for a datagram that arrived in a frame from `mac`.
    fn netfilter_rx(&mut self, ns: NsId, hook: Hook, packet: &mut Datagram, devs: (u32, u32, Option<[u8; 6]>), now_us: u64) -> bool {
        let (iif, oif, mac) = devs;
        match crate::stack::netfilter::hook(self.net, ns, hook, packet, (iif, oif, mac), now_us) {
            Verdict::Accept => true,
            Verdict::Reject(code) => {
                self.rejected(ns, &packet.clone(), code, now_us);
                false
            }
            Verdict::Drop | Verdict::Stolen => false,
        }
    }

    /// Answers a datagram REJECT refused in `ns`: the ICMP error of `code`
    /// (`nf_send_unreach`), or a TCP reset (`nf_send_reset`) for None.
    fn rejected(&mut self, ns: NsId, packet: &Datagram, code: Option<u8>, now_us: u64) {
        match code {
            Some(code) => {
                let err = Icmp::Unreachable { code, mtu: 0, quoted: Box::new(packet.clone()) };
                self.icmp_error(ns, packet, err, now_us);
            }
            None => {
                if let Some(reset) = super::socket::tcp_reset(packet) {
                    self.send_reply(ns, reset, 0, now_us);
                }
            }
        }
    }

    /// Sends an ICMP error about `about` to its source (`icmp_send`); the
    /// source address is the one the route back selects. Errors about
    /// errors are never sent.
    fn icmp_error(&mut self, ns: NsId, about: &Datagram, icmp: Icmp, now_us: u64) {
        if about.is_icmp_error() || !self.icmp_allowed(ns, about.src, &icmp, now_us) {
            return;
        }
        let back = Datagram {
            src: unspecified(about.is_v6()),
            dst: about.src,
            ttl: default_ttl(self.net, ns, about.src),
            dont_fragment: false,
            payload: Payload::Icmp(icmp),
        };
        let _ = self.send(ns, back, 0, now_us);
    }
}

impl Walk<'_> {
    /// Whether an echo request goes unanswered by the sysctls: IPv4's
    /// `icmp_echo_ignore_all` (`icmp_echo`), IPv6's `icmp.echo_ignore_all`
    /// and, to an anycast address, `icmp.echo_ignore_anycast` (`icmpv6_rcv`).
    fn ignores_echo(&self, ns: NsId, packet: &Datagram) -> bool {
        let Some(nsr) = self.net.ns(ns) else { return false };
        if packet.is_v6() {
            nsr.sysctl.is_on("net.ipv6.icmp.echo_ignore_all", &[])
                || (nsr.sysctl.is_on("net.ipv6.icmp.echo_ignore_anycast", &[]) && anycast_destination(nsr, packet.dst))
        } else {
            nsr.sysctl.is_on("net.ipv4.icmp_echo_ignore_all", &[])
        }
    }

    /// Whether the namespace's rate limit lets an ICMP error out to `to` now
    /// (`icmpv4_xrlim_allow`, `icmpv6_xrlim_allow`): types outside the
    /// ratemask, IPv4's "fragmentation needed" and errors whose route
    /// leaves through lo are never limited; the others take their peer's
    /// tokens, IPv6 giving wider prefixes more (`tmo >>= (128 - plen) >> 5`).
    fn icmp_allowed(&mut self, ns: NsId, to: IpAddr, icmp: &Icmp, now_us: u64) -> bool {
        let Some(nsr) = self.net.ns(ns) else { return true };
        let ty = match (icmp, to.is_ipv6()) {
            (Icmp::TimeExceeded { .. }, false) => 11,
            (Icmp::TimeExceeded { .. }, true) => 3,
            (Icmp::Unreachable { code: unreach::FRAG_NEEDED, .. }, false) => return true,
            (Icmp::Unreachable { code: unreach::FRAG_NEEDED, .. }, true) => 2,
            (Icmp::Unreachable { .. }, false) => 3,
            (Icmp::Unreachable { .. }, true) => 1,
            _ => return true,
        };
        let sysctl = |key: &str| nsr.sysctl.get(key, &[]).unwrap_or_default();
        let masked = if to.is_ipv6() {
            crate::stack::icmp_limit::in_bitmap_list(&sysctl("net.ipv6.icmp.ratemask"), ty)
        } else {
            crate::text::int::<u32>(sysctl("net.ipv4.icmp_ratemask").trim()).is_some_and(|m| m & (1 << ty) != 0)
        };
        if !masked {
            return true;
        }
        let Ok(rt) = output_route_of(self.net, ns, to, unspecified(to.is_ipv6()), 0, 0, None) else { return true };
        if rt.dev == 1 {
            return true;
        }
        let key = if to.is_ipv6() { "net.ipv6.icmp.ratelimit" } else { "net.ipv4.icmp_ratelimit" };
        let ms = crate::text::int::<u64>(sysctl(key).trim()).unwrap_or(1000);
        let mut timeout = crate::stack::icmp_limit::ms_to_jiffies(ms);
        if to.is_ipv6() && rt.dst_len < 128 {
            timeout >>= (128 - u32::from(rt.dst_len)) >> 5;
        }
        let Some(nsr) = self.net.ns_mut(ns) else { return true };
        nsr.icmp_peers.allow(to, now_us, timeout)
    }
}

/// The TTL of what a socket or the kernel sends to `dst` when nothing
/// sets one: `net.ipv4.ip_default_ttl` (`ip4_dst_hoplimit`); for IPv6 the
/// output device's own hop limit (`ip6_dst_hoplimit`; a local route's
/// device is lo, `ip6_rt_get_dev_rcu`).
pub fn hop_limit(net: &Net, ns: NsId, dst: IpAddr, oif: u32) -> u8 {
    let Some(n) = net.ns(ns) else { return 64 };
    if dst.is_ipv4() {
        return n.sysctl.get("net.ipv4.ip_default_ttl", &[]).and_then(|v| crate::text::int(&v)).unwrap_or(64);
    }
    let dev = match output_route(net, ns, dst, unspecified(true), oif, 0) {
        Ok(rt) if rt.kind == RouteType::Local => crate::stack::l3mdev::master_ifindex(n, rt.dev).max(1),
        Ok(rt) => rt.dev,
        Err(_) => 0,
    };
    crate::stack::ipv6::dst_hoplimit(n, dev)
}

/// [`hop_limit`] of the kernel's own answer to `dst`.
fn default_ttl(net: &Net, ns: NsId, dst: IpAddr) -> u8 {
    hop_limit(net, ns, dst, 0)
}

/// The MTU toward `dst` a socket sees (`dst_mtu`): its route's, lowered
/// by what the PMTU cache learnt; None without a route.
pub fn path_mtu(net: &Net, ns: NsId, dst: IpAddr, src: IpAddr, oif: u32, mark: u32, now_us: u64) -> Option<u32> {
    let rt = output_route(net, ns, dst, src, oif, mark).ok()?;
    let mtu = route_mtu(net, ns, &rt);
    Some(net.pmtu.get(ns, dst, now_us / 1000).map_or(mtu, |p| mtu.min(p)))
}

/// The MTU a route allows: its `mtu` metric, else the device's.
fn route_mtu(net: &Net, ns: NsId, rt: &Route) -> u32 {
    let dev = net.ns(ns).and_then(|n| n.link(rt.dev)).map_or(1500, |l| l.mtu);
    if rt.mtu_metric > 0 { rt.mtu_metric.min(dev) } else { dev }
}

/// Whether an address is IPv6 link-local (fe80::/10).
pub fn is_link_local(a: IpAddr) -> bool {
    matches!(a, IpAddr::V6(v) if crate::stack::ipv6::is_link_local(v.into()))
}

#[cfg(test)]
mod tests {
    use crate::output::Output;
    use crate::shell::Shell;
    use crate::wire::neigh::nud;
    use crate::world::World;

    fn setup(lines: &[&str]) -> (World, Shell) {
        let world = World::new();
        let mut sh = Shell::new(Box::new(world.clone()));
        for l in lines {
            let mut out = Output::new();
            assert_eq!(sh.run_line(l, &mut out), 0, "{l}: {}", out.combined());
        }
        (world, sh)
    }

    fn run(sh: &mut Shell, line: &str) -> (i32, String) {
        let mut out = Output::new();
        let st = sh.run_line(line, &mut out);
        (st, out.combined())
    }

    const PAIR: &[&str] = &[
        "ip netns add h1",
        "ip netns add h2",
        "ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name e2 address 02:00:00:00:02:01 netns h2",
        "ip -n h1 addr add 10.0.0.1/24 dev e1",
        "ip -n h2 addr add 10.0.0.2/24 dev e2",
        "ip -n h1 link set e1 up",
        "ip -n h2 link set e2 up",
    ];

    fn neigh_state(world: &World, ns: &str, dst: [u8; 4]) -> Option<u16> {
        let id = world.netns(ns)?;
        world.with_net(|n| n.ns(id)?.neighbours.iter().find(|e| e.dst == dst).map(|e| e.state))
    }

    #[test]
    fn a_ping_leaves_reachable_and_delay_entries_and_counts_frames() {
        let (world, mut sh) = setup(PAIR);
        let (st, text) = run(&mut sh, "ip netns exec h1 ping -c 3 -i 0.2 10.0.0.2");
        assert_eq!(st, 0, "{text}");
        assert!(text.contains("3 packets transmitted, 3 received, 0% packet loss"), "{text}");
        assert_eq!(neigh_state(&world, "h1", [10, 0, 0, 2]), Some(nud::REACHABLE));
        assert_eq!(neigh_state(&world, "h2", [10, 0, 0, 1]), Some(nud::DELAY));
        let h1 = world.netns("h1").expect("h1");
        let stats = world.with_net(|n| n.ns(h1).and_then(|x| x.link_by_name("e1")).map(|l| l.stats)).expect("e1");
        // One ARP request (42 bytes) and three echo requests (98 bytes).
        assert_eq!((stats.tx_packets, stats.tx_bytes), (4, 42 + 3 * 98));
        assert_eq!((stats.rx_packets, stats.rx_bytes), (4, 42 + 3 * 98));
    }

    #[test]
    fn an_unowned_address_fails_after_three_probes() {
        let (world, mut sh) = setup(PAIR);
        // The error reaches ping through lo.
        run(&mut sh, "ip -n h1 link set lo up");
        let (st, text) = run(&mut sh, "ip netns exec h1 ping -c 1 -W 5 10.0.0.9");
        assert_eq!(st, 1, "{text}");
        assert!(text.contains("From 10.0.0.1 icmp_seq=1 Destination Host Unreachable"), "{text}");
        assert_eq!(neigh_state(&world, "h1", [10, 0, 0, 9]), Some(nud::FAILED));
        // The failure came three seconds in.
        assert!(world.with_net(|n| n.now_ms) >= 3000);
    }

    #[test]
    fn a_router_forwards_only_when_told_and_decrements_the_ttl() {
        let (_world, mut sh) = setup(&[
            "ip netns add h1",
            "ip netns add r",
            "ip netns add h2",
            "ip link add e1 netns h1 type veth peer name r1 netns r",
            "ip link add e2 netns h2 type veth peer name r2 netns r",
            "ip -n h1 addr add 10.0.1.2/24 dev e1",
            "ip -n h2 addr add 10.0.2.2/24 dev e2",
            "ip -n r addr add 10.0.1.1/24 dev r1",
            "ip -n r addr add 10.0.2.1/24 dev r2",
            "ip -n h1 link set e1 up",
            "ip -n h2 link set e2 up",
            "ip -n r link set r1 up",
            "ip -n r link set r2 up",
            "ip -n h1 route add default via 10.0.1.1",
            "ip -n h2 route add default via 10.0.2.1",
        ]);
        let (st, text) = run(&mut sh, "ip netns exec h1 ping -c 1 -W 1 10.0.2.2");
        assert_eq!(st, 1, "{text}");
        run(&mut sh, "ip netns exec r sysctl -w net.ipv4.ip_forward=1");
        let (st, text) = run(&mut sh, "ip netns exec h1 ping -c 1 10.0.2.2");
        assert_eq!(st, 0, "{text}");
        assert!(text.contains("ttl=63"), "{text}");
        let (_, text) = run(&mut sh, "ip netns exec h1 ping -c 1 -t 1 10.0.2.2");
        assert!(text.contains("From 10.0.1.1 icmp_seq=1 Time to live exceeded"), "{text}");
        let (_, text) = run(&mut sh, "ip netns exec h1 traceroute -n -q 1 10.0.2.2");
        assert!(text.contains(" 1  10.0.1.1  ") && text.contains(" 2  10.0.2.2  "), "{text}");
    }

    #[test]
    fn ipv6_resolves_with_neighbour_discovery() {
        let (world, mut sh) = setup(&[
            "ip netns add h1",
            "ip netns add h2",
            "ip link add e1 netns h1 type veth peer name e2 netns h2",
            "ip -n h1 addr add fd00::1/64 dev e1 nodad",
            "ip -n h2 addr add fd00::2/64 dev e2 nodad",
            "ip -n h1 link set e1 up",
            "ip -n h2 link set e2 up",
        ]);
        let (st, text) = run(&mut sh, "ip netns exec h1 ping -6 -c 1 fd00::2");
        assert_eq!(st, 0, "{text}");
        let dst: Vec<u8> = "fd00::2".parse::<std::net::Ipv6Addr>().expect("address").octets().to_vec();
        let h1 = world.netns("h1").expect("h1");
        let state = world.with_net(|n| n.ns(h1).and_then(|x| x.neighbours.iter().find(|e| e.dst == dst).map(|e| e.state)));
        assert_eq!(state, Some(nud::REACHABLE));
    }
}
