//! The socket calls programs make (`socket`, `bind`, `listen`, `connect`,
//! `accept`, `send`, `recv`, `shutdown`, `close`), over the namespace's
//! socket table ([`crate::stack::sock`]), with what they send put on the
//! packet walk; and the walk's local delivery into that table.

use super::packet::{Datagram, Icmp, Payload, Tcp, unreach};
use super::walk::{Walk, output_route};
use crate::errno::Errno;
use crate::stack::sock::{Out, Proto, State};
use crate::stack::{Event, Net, NsId};
use std::net::{IpAddr, SocketAddr};

/// The TTL a datagram is built with; [`super::walk::hop_limit`] sets the
/// one it leaves with.
const TTL: u8 = 64;

fn datagram(o: Out) -> Datagram {
    // A v4-mapped peer of a dual-stack socket is reached over IPv4.
    let (src, dst) = (o.src.ip().to_canonical(), o.dst.ip().to_canonical());
    Datagram { src, dst, ttl: TTL, dont_fragment: dst.is_ipv4(), payload: Payload::Tcp(o.tcp) }
}

/// The MSS a route allows (`tcp_mss_to_mtu` inverse: MTU minus the IP
/// and TCP headers).
fn route_mss(net: &Net, ns: NsId, dst: IpAddr, src: IpAddr) -> u16 {
    let headers = if dst.is_ipv6() { 60 } else { 40 };
    let mtu = output_route(net, ns, dst, src, 0, 0)
        .ok()
        .map(|rt| {
            let dev = net.ns(ns).and_then(|n| n.link(rt.dev)).map_or(1500, |l| l.mtu);
            if rt.mtu_metric > 0 { rt.mtu_metric.min(dev) } else { dev }
        })
        .unwrap_or(1500);
    // lo's 65536 is cut to IP's 65535 (`dst_mtu`, IP_MAX_MTU): its SYNs
    // announce MSS 65495.
    mtu.min(65535).saturating_sub(headers) as u16
}

/// A TCP segment reached `ns`: the socket table answers (`tcp_v4_rcv`).
pub fn tcp_deliver(net: &mut Net, ns: NsId, packet: &Datagram, seg: &Tcp, now_us: u64) -> Vec<Datagram> {
    // tcp_conn_request looks the SYN-ACK's route up first (route_req): a
    // SYN from a peer there is no route back to makes no request socket.
    let opening = seg.has(super::packet::tcp_flags::SYN) && !seg.has(super::packet::tcp_flags::ACK);
    // (The SYN's destination is local, so only the way back is asked.)
    let any: IpAddr = if packet.src.is_ipv6() { std::net::Ipv6Addr::UNSPECIFIED.into() } else { std::net::Ipv4Addr::UNSPECIFIED.into() };
    if opening && output_route(net, ns, packet.src, any, 0, 0).is_err() {
        return Vec::new();
    }
    let mss = route_mss(net, ns, packet.src, packet.dst);
    let Some(n) = net.ns_mut(ns) else { return Vec::new() };
    let src = SocketAddr::new(packet.src, seg.sport);
    let dst = SocketAddr::new(packet.dst, seg.dport);
    n.socks.tcp_input(src, dst, seg, mss, now_us).into_iter().map(datagram).collect()
}

/// The reset a REJECT `--reject-with tcp-reset` sends back for `packet`
/// (`nf_send_reset`: from its destination to its source, DF set, no
/// options, window 0); none when it is not TCP or is itself a reset.
pub fn tcp_reset(packet: &Datagram) -> Option<Datagram> {
    let Payload::Tcp(seg) = &packet.payload else { return None };
    let src = SocketAddr::new(packet.src, seg.sport);
    let dst = SocketAddr::new(packet.dst, seg.dport);
    // nf_reject_ip_tcphdr_put leaves the checksum to the device.
    let mut reset = crate::stack::sock::tcp::reset_for(src, dst, seg).map(datagram)?;
    if let Payload::Tcp(t) = &mut reset.payload {
        t.checksum_complete = false;
    }
    Some(reset)
}

/// A UDP datagram reached `ns`; false when no socket has its port.
pub fn udp_deliver(net: &mut Net, ns: NsId, packet: &Datagram, sport: u16, dport: u16, data: &[u8]) -> bool {
    let Some(n) = net.ns_mut(ns) else { return false };
    n.socks.udp_input(SocketAddr::new(packet.src, sport), SocketAddr::new(packet.dst, dport), data)
}

/// An ICMP error reached `ns`: the socket of the datagram it quotes hears
/// of it (`icmp_err_convert`: port unreachable is ECONNREFUSED, the others
/// EHOSTUNREACH or ENETUNREACH).
pub fn icmp_deliver(net: &mut Net, ns: NsId, icmp: &Icmp, now_us: u64) {
    let Icmp::Unreachable { code, quoted, .. } = icmp else { return };
    let errno = match *code {
        unreach::PORT => Errno::ECONNREFUSED,
        unreach::NET => Errno::ENETUNREACH,
        unreach::FRAG_NEEDED => return,
        _ => Errno::EHOSTUNREACH,
    };
    let (proto, (sport, dport)) = match &quoted.payload {
        Payload::Udp { sport, dport, .. } => (Proto::Udp, (*sport, *dport)),
        Payload::Tcp(t) => (Proto::Tcp, (t.sport, t.dport)),
        Payload::Icmp(_) => return,
    };
    if let Some(n) = net.ns_mut(ns) {
        n.socks.icmp_error(proto, SocketAddr::new(quoted.src, sport), SocketAddr::new(quoted.dst, dport), errno, now_us);
    }
}

/// What a read gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read {
    /// Bytes (a datagram, or what the stream has).
    Data(Vec<u8>, SocketAddr),
    /// The peer closed its side.
    Eof,
    /// Nothing yet.
    WouldBlock,
}

/// A program's view of the kernel: the namespace it runs in, the clock,
/// and the notifications its packets caused.
pub struct Sys<'a> {
    /// The machine.
    pub net: &'a mut Net,
    /// The namespace the program runs in.
    pub ns: NsId,
    /// The virtual time, µs.
    pub now_us: u64,
    /// Notifications the walk caused (neighbour changes).
    pub events: Vec<Event>,
    /// The process id of the program making the calls (0: the kernel).
    pub pid: u32,
}

impl Sys<'_> {
    fn table(&mut self) -> Result<&mut crate::stack::sock::Table, Errno> {
        Ok(&mut self.net.ns_mut(self.ns).ok_or(Errno::ENODEV)?.socks)
    }

    /// A socket's state, if it exists.
    pub fn state(&self, id: u32) -> Option<State> {
        self.net.ns(self.ns)?.socks.get(id).map(|s| s.state)
    }

    /// Puts segments on the walk.
    pub fn transmit(&mut self, outs: Vec<Out>) {
        for o in outs {
            let _ = self.send_datagram(datagram(o));
        }
    }

    fn send_datagram(&mut self, mut d: Datagram) -> Result<(), Errno> {
        d.ttl = super::walk::hop_limit(self.net, self.ns, d.dst, 0);
        // IP_PMTUDISC_WANT: DF on what fits the path, the rest is
        // fragmented here (__ip_make_skb).
        if d.dst.is_ipv4() {
            let mtu = super::walk::path_mtu(self.net, self.ns, d.dst, d.src, 0, 0, self.now_us);
            d.dont_fragment = mtu.is_some_and(|m| d.total_len() as u64 <= u64::from(m));
        }
        let mut w = Walk::new(self.net);
        let r = w.send(self.ns, d, 0, self.now_us);
        self.events.append(&mut w.events);
        for a in std::mem::take(&mut w.arrivals) {
            if let Payload::Icmp(icmp) = &a.packet.payload {
                icmp_deliver(w.net, a.ns, icmp, a.at_us);
            }
        }
        match r {
            // udp_send_skb counts ENOBUFS (SNDBUFERRORS) and reports success
            // without IP_RECVERR; tcp_transmit_skb's caller retransmits.
            Ok(()) | Err(super::walk::SendError::NoBufs) => Ok(()),
            Err(super::walk::SendError::Route(e)) => Err(e),
            Err(super::walk::SendError::TooBig(_)) => Err(Errno::EMSGSIZE),
            Err(super::walk::SendError::Filtered) => Err(Errno::EPERM),
        }
    }

    /// `socket(2)`.
    pub fn socket(&mut self, proto: Proto, v6: bool) -> Result<u32, Errno> {
        self.table()?.socket(proto, v6)
    }

    /// `bind(2)`; EADDRNOTAVAIL for an address the namespace does not have.
    pub fn bind(&mut self, id: u32, addr: SocketAddr) -> Result<(), Errno> {
        if !addr.ip().is_unspecified() && !self.is_local(addr.ip()) && !self.no_local_table(addr.ip()) {
            return Err(Errno::EADDRNOTAVAIL);
        }
        self.table()?.bind(id, addr)
    }

    /// Whether an IPv4 bind finds no local table at all: inet_bind asks
    /// inet_addr_type_table, whose `__inet_dev_addr_type` answers
    /// RTN_BROADCAST (a valid bind) when table 255 was never made (no
    /// IPv4 address or local route ever in the namespace).
    fn no_local_table(&self, ip: IpAddr) -> bool {
        ip.is_ipv4() && self.net.ns(self.ns).is_some_and(|n| !n.fib4.has_table(crate::wire::route::table::LOCAL))
    }

    fn is_local(&self, ip: IpAddr) -> bool {
        output_route(self.net, self.ns, ip, super::packet::unspecified(ip.is_ipv6()), 0, 0)
            .is_ok_and(|rt| rt.kind == crate::wire::route::RouteType::Local)
    }

    /// `setsockopt(SOL_SOCKET, SO_REUSEADDR / SO_REUSEPORT, 1)`.
    pub fn set_reuse(&mut self, id: u32, addr: bool, port: bool) {
        if let Ok(Some(s)) = self.table().map(|t| t.get_mut(id)) {
            s.reuse_addr |= addr;
            s.reuse_port |= port;
        }
    }

    /// `listen(2)`.
    pub fn listen(&mut self, id: u32, backlog: u32) -> Result<(), Errno> {
        self.table()?.listen(id, backlog)
    }

    /// Starts a TCP connection (a non-blocking `connect`): the route gives
    /// the source and MSS, the SYN walks at once. Route errors fail here.
    pub fn connect(&mut self, id: u32, dst: SocketAddr) -> Result<(), Errno> {
        let bound = self.net.ns(self.ns).and_then(|n| n.socks.get(id)).map(|s| s.local.ip()).ok_or(Errno::EBADF)?;
        let rt = output_route(self.net, self.ns, dst.ip(), bound, 0, 0)?;
        let src = if bound.is_unspecified() { rt.src } else { bound };
        let mss = route_mss(self.net, self.ns, dst.ip(), src);
        let now = self.now_us;
        let syn = self.table()?.connect(id, src, dst, mss, now)?;
        self.transmit(vec![syn]);
        Ok(())
    }

    /// Connects a UDP socket (`ip4_datagram_connect`): binds the source the
    /// route picks and an ephemeral port.
    pub fn connect_udp(&mut self, id: u32, dst: SocketAddr) -> Result<(), Errno> {
        let bound = self.net.ns(self.ns).and_then(|n| n.socks.get(id)).map(|s| s.local).ok_or(Errno::EBADF)?;
        let rt = output_route(self.net, self.ns, dst.ip(), bound.ip(), 0, 0)?;
        let t = self.table()?;
        let port = if bound.port() == 0 { t.ephemeral(Proto::Udp)? } else { bound.port() };
        if let Some(s) = t.get_mut(id) {
            s.local = SocketAddr::new(if bound.ip().is_unspecified() { rt.src } else { bound.ip() }, port);
            s.remote = dst;
            s.state = State::Established;
        }
        Ok(())
    }

    /// `send(2)` on a connected UDP socket; a pending ICMP error is
    /// returned first (ECONNREFUSED after a port unreachable).
    pub fn send_udp(&mut self, id: u32, data: &[u8]) -> Result<(), Errno> {
        let s = self.table()?.get_mut(id).ok_or(Errno::EBADF)?;
        if let Some((e, _)) = s.error.take() {
            return Err(e);
        }
        let (src, dst) = (s.local, s.remote);
        let d = Datagram {
            src: src.ip(),
            dst: dst.ip(),
            ttl: TTL,
            dont_fragment: !dst.is_ipv6(),
            payload: Payload::Udp { sport: src.port(), dport: dst.port(), data: data.to_vec() },
        };
        self.send_datagram(d)
    }

    /// `sendto(2)` from an unconnected UDP socket (autobinds a port).
    pub fn sendto(&mut self, id: u32, data: &[u8], dst: SocketAddr) -> Result<(), Errno> {
        let t = self.table()?;
        let local = t.get(id).map(|s| s.local).ok_or(Errno::EBADF)?;
        let port = if local.port() == 0 {
            let p = t.ephemeral(Proto::Udp)?;
            if let Some(s) = t.get_mut(id) {
                s.local.set_port(p);
            }
            p
        } else {
            local.port()
        };
        let d = Datagram {
            src: local.ip(),
            dst: dst.ip(),
            ttl: TTL,
            dont_fragment: !dst.is_ipv6(),
            payload: Payload::Udp { sport: port, dport: dst.port(), data: data.to_vec() },
        };
        self.send_datagram(d)
    }

    /// `send(2)` on a TCP connection.
    pub fn send(&mut self, id: u32, data: &[u8]) -> Result<(), Errno> {
        let now = self.now_us;
        let outs = self.table()?.send(id, data, now)?;
        self.transmit(outs);
        Ok(())
    }

    /// `shutdown(SHUT_WR)`.
    pub fn shutdown_write(&mut self, id: u32) -> Result<(), Errno> {
        let now = self.now_us;
        let outs = self.table()?.shutdown_write(id, now)?;
        self.transmit(outs);
        Ok(())
    }

    /// `close(2)`.
    pub fn close(&mut self, id: u32) {
        let now = self.now_us;
        if let Ok(t) = self.table() {
            let outs = t.close(id, now);
            self.transmit(outs);
        }
    }

    /// `accept(2)` (non-blocking).
    /// The new connection is the caller's, under the listener's name.
    pub fn accept(&mut self, id: u32) -> Option<u32> {
        let table = self.table().ok()?;
        let name = table.get(id).and_then(|s| s.owner.as_ref()).map(|o| o.name.clone());
        let child = table.accept(id)?;
        if let Some(name) = name {
            self.set_owner(child, &name);
        }
        Some(child)
    }

    /// A pending error that has arrived by now (`SO_ERROR`), taken.
    pub fn take_error(&mut self, id: u32) -> Option<Errno> {
        let now = self.now_us;
        let s = self.table().ok()?.get_mut(id)?;
        match s.error {
            Some((e, at)) if at <= now => {
                s.error = None;
                Some(e)
            }
            _ => None,
        }
    }

    /// When a pending error arrives, µs (for programs waiting on it).
    pub fn error_at(&self, id: u32) -> Option<u64> {
        self.net.ns(self.ns)?.socks.get(id)?.error.map(|(_, at)| at)
    }

    /// `recv(2)` (non-blocking): stream bytes, a datagram, or end of file.
    pub fn recv(&mut self, id: u32) -> Result<Read, Errno> {
        let now = self.now_us;
        let s = self.table()?.get_mut(id).ok_or(Errno::EBADF)?;
        if let Some((from, d)) = s.rx_dgrams.pop_front() {
            return Ok(Read::Data(d, from));
        }
        if !s.rx.is_empty() {
            return Ok(Read::Data(std::mem::take(&mut s.rx), s.remote));
        }
        if let Some((e, at)) = s.error {
            if at <= now {
                s.error = None;
                return Err(e);
            }
        }
        if s.rx_closed || (s.proto == Proto::Tcp && s.state == State::Close) {
            s.eof_read = true;
            return Ok(Read::Eof);
        }
        Ok(Read::WouldBlock)
    }

    /// Gives a socket to the calling process as `name`, on its lowest
    /// free descriptor from 3 up (after stdin, stdout and stderr), for
    /// `ss -p`.
    pub fn set_owner(&mut self, id: u32, name: &str) {
        let pid = self.pid;
        let Ok(t) = self.table() else { return };
        let used: Vec<u32> = t.socks.iter().filter_map(|s| s.owner.as_ref()).filter(|o| o.pid == pid).map(|o| o.fd).collect();
        let fd = (3..).find(|fd| !used.contains(fd)).unwrap_or(3);
        if let Some(s) = t.get_mut(id) {
            s.owner = Some(crate::stack::sock::Owner { name: name.to_string(), pid, fd });
        }
    }

    /// A socket's local and remote addresses.
    pub fn addrs(&self, id: u32) -> Option<(SocketAddr, SocketAddr)> {
        self.net.ns(self.ns)?.socks.get(id).map(|s| (s.local, s.remote))
    }
}

/// Runs every namespace's TCP timers due by `now_us` and walks what they
/// send; returns the earliest timer still pending.
pub fn run_timers(net: &mut Net, now_us: u64, events: &mut Vec<Event>) -> Option<u64> {
    let ids: Vec<NsId> = net.namespaces().map(|n| n.id).collect();
    for ns in &ids {
        let outs = net.ns_mut(*ns).map(|n| n.socks.run_timers(now_us)).unwrap_or_default();
        let mut sys = Sys { net, ns: *ns, now_us, events: Vec::new(), pid: 0 };
        sys.transmit(outs);
        events.append(&mut sys.events);
    }
    net.namespaces().filter_map(|n| n.socks.next_timer()).min()
}
