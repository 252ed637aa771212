//! The packet walk: an IPv4 datagram leaves a namespace (output route),
//! crosses links (neighbour resolution, veth, bridges), is routed on input
//! in the next namespace (local delivery, or forwarding when
//! `net.ipv4.ip_forward` allows it, with its TTL decremented) until it is
//! delivered or dropped. Local delivery answers echo requests and refuses
//! UDP to closed ports, as the kernel does; ICMP errors walk back the same
//! way. What reaches a socket is returned as an [`Arrival`].

use super::arp::{self, Cost, Resolution};
use super::link::{transmit, Dest};
use super::packet::{unreach, Icmp, Ipv4, Payload};
use crate::errno::Errno;
use crate::stack::lookup::{input_v4, output_v4, Query4, Rt4};
use crate::wire::route::RouteType;
use crate::stack::{Event, Net, NsId};

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
    /// The datagram.
    pub packet: Ipv4,
}

/// Why a datagram could not even leave (what `sendmsg`/`connect` return).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendError {
    /// The route lookup failed with this errno.
    Route(Errno),
    /// Larger than the path MTU with DF set (EMSGSIZE, and the MTU).
    TooBig(u32),
}

/// The first hop the walk takes for an output datagram: the route it uses.
pub fn output_route(net: &Net, ns: NsId, dst: u32, src: u32, oif: u32) -> Result<Rt4, Errno> {
    let nsr = net.ns(ns).ok_or(Errno::ENODEV)?;
    let q = Query4 { dst, src, oif, ..Default::default() };
    let rt = output_v4(nsr, &q).map_err(|e| e.errno)?;
    match rt.kind {
        RouteType::Unreachable => Err(Errno::EHOSTUNREACH),
        RouteType::Prohibit => Err(Errno::EACCES),
        RouteType::Blackhole => Err(Errno::EINVAL),
        RouteType::Throw => Err(Errno::EAGAIN),
        _ => Ok(rt),
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
    pub next_hop: u32,
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
    pub fn send(&mut self, ns: NsId, mut packet: Ipv4, oif: u32, now_us: u64) -> Result<(), SendError> {
        let rt = output_route(self.net, ns, packet.dst, packet.src, oif).map_err(SendError::Route)?;
        if packet.src == 0 {
            packet.src = rt.src;
        }
        if rt.kind == RouteType::Local {
            let lo_up = self.net.ns(ns).and_then(|n| n.link(1)).is_some_and(|l| l.is_up());
            if lo_up {
                transmit(self.net, (ns, 1), Dest::Broadcast, packet.frame_len());
                self.deliver_local(ns, packet, now_us + HOP_US);
            }
            return Ok(());
        }
        let mtu = route_mtu(self.net, ns, &rt);
        if packet.dont_fragment && packet.total_len() as u32 > mtu {
            return Err(SendError::TooBig(mtu));
        }
        if packet.total_len() > 65535 {
            return Ok(());
        }
        self.transmit_via(ns, packet, &rt, now_us);
        Ok(())
    }

    /// Puts a datagram on the wire toward the route's next hop.
    fn transmit_via(&mut self, ns: NsId, packet: Ipv4, rt: &Rt4, now_us: u64) {
        self.hops += 1;
        if self.hops > MAX_HOPS {
            return;
        }
        let next = rt.gateway.unwrap_or(packet.dst);
        self.trace.push(Hop { ns, dev: rt.dev, next_hop: next });
        let now_ms = now_us / 1000;
        let mut cost = Cost::default();
        let res = arp::resolve(self.net, ns, rt.dev, next, now_ms, &mut cost, &mut self.events);
        let at = now_us + HOP_US + if cost.exchanged { RESOLVE_US } else { 0 };
        let dest = match res {
            Resolution::Known(mac) => Dest::Unicast(mac),
            Resolution::NotNeeded => Dest::Broadcast,
            Resolution::FailsAt(ms) => {
                // arp_error_report: the queued datagram fails, its sender hears.
                self.icmp_error(ns, &packet, Icmp::Unreachable { code: unreach::HOST, mtu: 0, quoted: Box::new(packet.clone()) }, ms * 1000);
                return;
            }
        };
        let heard = transmit(self.net, (ns, rt.dev), dest, packet.frame_len());
        for (ns2, dev2) in heard {
            if (ns2, dev2) == (ns, rt.dev) {
                continue;
            }
            self.input(ns2, dev2, packet.clone(), at);
        }
    }

    /// A datagram arrives on `iif` (`ip_rcv`, `ip_route_input`).
    fn input(&mut self, ns: NsId, iif: u32, mut packet: Ipv4, now_us: u64) {
        let Some(nsr) = self.net.ns(ns) else { return };
        let q = Query4 { dst: packet.dst, src: packet.src, iif, tos: 0, ip_proto: packet.protocol(), ..Default::default() };
        let forwarding = nsr.sysctl.ip_forward();
        let rt = match input_v4(nsr, &q) {
            Ok(rt) => rt,
            Err(e) => {
                // ip_error: only a forwarding host reports.
                if forwarding {
                    let code = match e.errno {
                        Errno::ENETUNREACH => Some(unreach::NET),
                        Errno::EACCES => Some(unreach::ADMIN_PROHIBITED),
                        Errno::EHOSTUNREACH => Some(unreach::HOST),
                        _ => None,
                    };
                    if let Some(code) = code {
                        self.icmp_error(ns, &packet, Icmp::Unreachable { code, mtu: 0, quoted: Box::new(packet.clone()) }, now_us);
                    }
                }
                return;
            }
        };
        match rt.kind {
            RouteType::Local | RouteType::Broadcast => self.deliver_local(ns, packet, now_us),
            RouteType::Unicast => {
                // ip_forward: TTL first, then the MTU of the way out.
                if packet.ttl <= 1 {
                    self.icmp_error(ns, &packet, Icmp::TimeExceeded { quoted: Box::new(packet.clone()) }, now_us);
                    return;
                }
                let mtu = route_mtu(self.net, ns, &rt);
                if packet.dont_fragment && packet.total_len() as u32 > mtu {
                    let err = Icmp::Unreachable { code: unreach::FRAG_NEEDED, mtu: mtu.min(u16::MAX as u32) as u16, quoted: Box::new(packet.clone()) };
                    self.icmp_error(ns, &packet, err, now_us);
                    return;
                }
                packet.ttl -= 1;
                self.transmit_via(ns, packet, &rt, now_us);
            }
            RouteType::Unreachable => {
                self.icmp_error(ns, &packet, Icmp::Unreachable { code: unreach::HOST, mtu: 0, quoted: Box::new(packet.clone()) }, now_us);
            }
            RouteType::Prohibit => {
                self.icmp_error(ns, &packet, Icmp::Unreachable { code: unreach::ADMIN_PROHIBITED, mtu: 0, quoted: Box::new(packet.clone()) }, now_us);
            }
            _ => {}
        }
    }

    /// Local delivery (`ip_local_deliver`): echo requests are answered
    /// (`icmp_echo`), UDP to a closed port refused, the rest goes to sockets.
    fn deliver_local(&mut self, ns: NsId, packet: Ipv4, now_us: u64) {
        match &packet.payload {
            Payload::Icmp(Icmp::EchoRequest { id, seq, data }) => {
                let reply = Ipv4 {
                    src: packet.dst,
                    dst: packet.src,
                    ttl: default_ttl(self.net, ns),
                    dont_fragment: false,
                    payload: Payload::Icmp(Icmp::EchoReply { id: *id, seq: *seq, data: *data }),
                };
                let _ = self.send(ns, reply, 0, now_us);
            }
            Payload::Udp { .. } => {
                let err = Icmp::Unreachable { code: unreach::PORT, mtu: 0, quoted: Box::new(packet.clone()) };
                self.icmp_error(ns, &packet, err, now_us);
            }
            Payload::Icmp(_) => self.arrivals.push(Arrival { at_us: now_us, ns, packet }),
        }
    }

    /// Sends an ICMP error about `about` to its source (`icmp_send`); the
    /// source address is the one the route back selects. Errors about
    /// errors are never sent.
    fn icmp_error(&mut self, ns: NsId, about: &Ipv4, icmp: Icmp, now_us: u64) {
        if about.is_icmp_error() {
            return;
        }
        let back = Ipv4 { src: 0, dst: about.src, ttl: default_ttl(self.net, ns), dont_fragment: false, payload: Payload::Icmp(icmp) };
        let _ = self.send(ns, back, 0, now_us);
    }
}

/// `net.ipv4.ip_default_ttl` (64).
fn default_ttl(net: &Net, ns: NsId) -> u8 {
    net.ns(ns).and_then(|n| n.sysctl.get("net.ipv4.ip_default_ttl", &[])).and_then(|v| v.parse().ok()).unwrap_or(64)
}

/// The MTU a route allows: its `mtu` metric, else the device's.
fn route_mtu(net: &Net, ns: NsId, rt: &Rt4) -> u32 {
    let metric = rt.metrics.iter().find(|(k, _)| *k == 2).map(|(_, v)| *v & 0x7fff_ffff);
    let dev = net.ns(ns).and_then(|n| n.link(rt.dev)).map_or(1500, |l| l.mtu);
    metric.filter(|m| *m > 0).map_or(dev, |m| m.min(dev))
}
