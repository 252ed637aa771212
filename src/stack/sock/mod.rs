//! Transport sockets of one namespace: UDP and TCP sockets as kernel
//! objects (`struct sock`), their bindings and ephemeral ports, and the
//! TCP state machine ([`tcp`]). The packet walk hands arriving segments and
//! datagrams to [`Table::tcp_input`] and [`Table::udp_input`]; what a socket
//! sends is returned as [`Out`] for the walk to route.

pub mod tcp;
pub mod wheel;

use crate::errno::Errno;
use crate::sim::packet::Tcp;
use std::collections::VecDeque;
use std::net::SocketAddr;

/// The transport protocol of a socket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proto {
    /// SOCK_STREAM, IPPROTO_TCP.
    Tcp,
    /// SOCK_DGRAM, IPPROTO_UDP.
    Udp,
}

/// TCP states with Linux's numbers (`TCP_ESTABLISHED` = 1 ...), which
/// inet_diag reports and `ss` names. UDP sockets are `Close` (unconnected)
/// or `Established` (connected).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum State {
    /// ESTAB.
    Established = 1,
    /// SYN-SENT.
    SynSent = 2,
    /// SYN-RECV.
    SynRecv = 3,
    /// FIN-WAIT-1.
    FinWait1 = 4,
    /// FIN-WAIT-2.
    FinWait2 = 5,
    /// TIME-WAIT.
    TimeWait = 6,
    /// UNCONN (closed).
    Close = 7,
    /// CLOSE-WAIT.
    CloseWait = 8,
    /// LAST-ACK.
    LastAck = 9,
    /// LISTEN.
    Listen = 10,
    /// CLOSING.
    Closing = 11,
}

impl State {
    /// The name `ss` prints (`sstate_name`).
    pub fn ss_name(self) -> &'static str {
        match self {
            State::Established => "ESTAB",
            State::SynSent => "SYN-SENT",
            State::SynRecv => "SYN-RECV",
            State::FinWait1 => "FIN-WAIT-1",
            State::FinWait2 => "FIN-WAIT-2",
            State::TimeWait => "TIME-WAIT",
            State::Close => "UNCONN",
            State::CloseWait => "CLOSE-WAIT",
            State::LastAck => "LAST-ACK",
            State::Listen => "LISTEN",
            State::Closing => "CLOSING",
        }
    }
}

/// A segment or datagram a socket sends: its addresses and contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Out {
    /// Source address and port.
    pub src: SocketAddr,
    /// Destination address and port.
    pub dst: SocketAddr,
    /// The TCP segment.
    pub tcp: Tcp,
}

/// The process that holds a socket open and the descriptor it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    /// The program's name (its `comm`).
    pub name: String,
    /// Its process id.
    pub pid: u32,
    /// The file descriptor.
    pub fd: u32,
}

/// One socket.
#[derive(Debug, Clone)]
pub struct Sock {
    /// Its inode number (what `ss -e` shows and handles name).
    pub id: u32,
    /// TCP or UDP.
    pub proto: Proto,
    /// Bound address and port (unspecified address: any).
    pub local: SocketAddr,
    /// Connected peer (unspecified with port 0: none).
    pub remote: SocketAddr,
    /// Its state.
    pub state: State,
    /// The listen backlog (`sk_max_ack_backlog`).
    pub backlog: u32,
    /// Established children waiting for `accept`, oldest first.
    pub accept_queue: VecDeque<u32>,
    /// The listener a child not yet accepted belongs to.
    pub parent: Option<u32>,
    /// Received stream bytes not yet read.
    pub rx: Vec<u8>,
    /// Received datagrams not yet read, with their senders.
    pub rx_dgrams: VecDeque<(SocketAddr, Vec<u8>)>,
    /// Whether the peer's FIN arrived (reads see end of file after `rx`).
    pub rx_closed: bool,
    /// Whether a read has seen that end of file (the FIN no longer counts
    /// in Recv-Q: `copied_seq` moves past it).
    pub eof_read: bool,
    /// A pending error (`sk_err`) and when it arrived, µs.
    pub error: Option<(Errno, u64)>,
    /// The TCP control block.
    pub tcb: tcp::Tcb,
    /// Whether the owning process has closed it (kernel-owned now).
    pub orphan: bool,
    /// The process holding it, for `ss -p` (what /proc/PID/fd shows).
    pub owner: Option<Owner>,
    /// SO_REUSEADDR (`sk_reuse`).
    pub reuse_addr: bool,
    /// SO_REUSEPORT (`sk_reuseport`; every process of the world is root,
    /// so the owners' uids always match).
    pub reuse_port: bool,
}

impl Sock {
    fn new(id: u32, proto: Proto, v6: bool) -> Sock {
        let any = SocketAddr::new(crate::sim::packet::unspecified(v6), 0);
        Sock {
            id,
            proto,
            local: any,
            remote: any,
            state: State::Close,
            backlog: 0,
            accept_queue: VecDeque::new(),
            parent: None,
            rx: Vec::new(),
            rx_dgrams: VecDeque::new(),
            rx_closed: false,
            eof_read: false,
            error: None,
            tcb: tcp::Tcb::default(),
            orphan: false,
            owner: None,
            reuse_addr: false,
            reuse_port: false,
        }
    }

    /// Bytes waiting to be read (Recv-Q) or, for a listener, the
    /// connections waiting to be accepted. A TCP peer's FIN not yet read
    /// counts one (`rcv_nxt - copied_seq`).
    pub fn recv_q(&self) -> u32 {
        match self.state {
            State::Listen => self.accept_queue.len() as u32,
            _ => {
                let fin = u32::from(self.proto == Proto::Tcp && self.rx_closed && !self.eof_read);
                (self.rx.len() + self.rx_dgrams.iter().map(|(_, d)| d.len()).sum::<usize>()) as u32 + fin
            }
        }
    }

    /// Sequence space sent and not yet acknowledged (Send-Q: `write_seq -
    /// snd_una`, so an unanswered SYN or FIN counts one), or a listener's
    /// backlog.
    pub fn send_q(&self) -> u32 {
        match (self.proto, self.state) {
            (_, State::Listen) => self.backlog,
            (Proto::Tcp, State::Close) => 0,
            (Proto::Tcp, _) => self.tcb.snd_nxt.wrapping_sub(self.tcb.snd_una),
            (Proto::Udp, _) => 0,
        }
    }
}

/// The sockets of a namespace.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Every socket, in creation order.
    pub socks: Vec<Sock>,
    next_id: u32,
    /// Where the next ephemeral port search starts (`inet_hash_connect`'s offset).
    port_hint: u32,
}

/// Whether a bind of `new` overlaps a socket bound to `old`
/// (`inet_rcv_saddr_equal` with wildcards matching): a wildcard covers its
/// family, and an IPv6 `::` (dual-stack: no socket here is IPV6_V6ONLY)
/// covers IPv4 too. An IPv6 socket on a specific address holds
/// LOOPBACK4_IPV6 as its IPv4 address, so only IPv4's wildcard meets it.
pub fn addresses_overlap(new: SocketAddr, old: SocketAddr) -> bool {
    use std::net::IpAddr::{V4, V6};
    // The IPv4 side of an IPv6 socket (`sk_rcv_saddr`): a mapped address's
    // own, 0 for `::`, LOOPBACK4_IPV6 (127.0.0.6) otherwise.
    let inet = |ip: std::net::IpAddr| match ip {
        V4(a) => a,
        V6(a) if a.is_unspecified() => std::net::Ipv4Addr::UNSPECIFIED,
        V6(a) => a.to_ipv4_mapped().unwrap_or(std::net::Ipv4Addr::new(127, 0, 0, 6)),
    };
    let mapped = |ip: std::net::IpAddr| match ip {
        V4(_) => true,
        V6(a) => a.to_ipv4_mapped().is_some(),
    };
    match (new.ip(), old.ip()) {
        // ipv4_rcv_saddr_equal
        (V4(_), _) => {
            let (a, b) = (inet(new.ip()), inet(old.ip()));
            a == b || a.is_unspecified() || b.is_unspecified()
        }
        // ipv6_rcv_saddr_equal
        (V6(a), b) => {
            if mapped(new.ip()) && mapped(b) {
                let (x, y) = (inet(new.ip()), inet(b));
                return x == y || x.is_unspecified() || y.is_unspecified();
            }
            // An IPv4 socket counts as a mapped address, never as `::`.
            a.is_unspecified() || matches!(b, V6(b) if b.is_unspecified()) || new.ip() == b
        }
    }
}

/// Whether two addresses are the same, an IPv4 address and its v4-mapped
/// IPv6 form included.
pub fn same_ip(a: std::net::IpAddr, b: std::net::IpAddr) -> bool {
    a.to_canonical() == b.to_canonical()
}

/// [`same_ip`] for socket addresses.
pub fn same(a: SocketAddr, b: SocketAddr) -> bool {
    a.port() == b.port() && same_ip(a.ip(), b.ip())
}

/// `a` in the family of a socket: v4-mapped when the socket is IPv6.
pub fn in_family(a: SocketAddr, v6: bool) -> SocketAddr {
    match a.ip() {
        std::net::IpAddr::V4(v4) if v6 => SocketAddr::new(std::net::IpAddr::V6(v4.to_ipv6_mapped()), a.port()),
        _ => a,
    }
}

/// `net.ipv4.ip_local_port_range` defaults.
pub const LOCAL_PORT_RANGE: (u16, u16) = (32768, 60999);
/// Most sockets a namespace holds.
pub const MAX_SOCKETS: usize = 65_536;
/// First inode number handed out.
const FIRST_INODE: u32 = 40_000;

impl Table {
    /// Creates a socket (`socket(2)`).
    pub fn socket(&mut self, proto: Proto, v6: bool) -> Result<u32, Errno> {
        if self.socks.len() >= MAX_SOCKETS {
            return Err(Errno::ENFILE);
        }
        self.next_id += 1;
        let id = FIRST_INODE + self.next_id;
        self.socks.push(Sock::new(id, proto, v6));
        Ok(id)
    }

    /// A socket by id.
    pub fn get(&self, id: u32) -> Option<&Sock> {
        self.socks.iter().find(|s| s.id == id)
    }

    /// A socket by id, for changing it.
    pub fn get_mut(&mut self, id: u32) -> Option<&mut Sock> {
        self.socks.iter_mut().find(|s| s.id == id)
    }

    /// Removes a socket.
    pub fn remove(&mut self, id: u32) {
        self.socks.retain(|s| s.id != id);
    }

    /// Whether `addr` is taken for socket `me` of `proto`: a socket on the
    /// port whose address overlaps ([`addresses_overlap`]), unless both
    /// sockets allow it. UDP (`udp_lib_lport_inuse`): both SO_REUSEADDR or
    /// both SO_REUSEPORT. TCP (`inet_csk_bind_conflict` at bind): both
    /// SO_REUSEPORT, or both SO_REUSEADDR while the other is not listening;
    /// a TIME-WAIT socket only holds its own address.
    fn in_use(&self, proto: Proto, addr: SocketAddr, me: u32) -> bool {
        let (reuse_addr, reuse_port) = self.get(me).map_or((false, false), |s| (s.reuse_addr, s.reuse_port));
        self.socks.iter().any(|s| {
            if s.id == me || s.proto != proto || s.local.port() != addr.port() || !addresses_overlap(addr, s.local) {
                return false;
            }
            let both_port = reuse_port && s.reuse_port;
            match proto {
                Proto::Udp => !(both_port || (reuse_addr && s.reuse_addr)),
                Proto::Tcp if s.state == State::TimeWait && s.local.ip() != addr.ip() => false,
                Proto::Tcp => !(both_port || (reuse_addr && s.reuse_addr && s.state != State::Listen)),
            }
        })
    }

    /// Binds a socket (`bind(2)`); port 0 picks an ephemeral port.
    /// EADDRINUSE when taken, EINVAL when already bound.
    pub fn bind(&mut self, id: u32, addr: SocketAddr) -> Result<(), Errno> {
        let sock = self.get(id).ok_or(Errno::EBADF)?;
        if sock.local.port() != 0 {
            return Err(Errno::EINVAL);
        }
        let proto = sock.proto;
        let port = if addr.port() == 0 { self.ephemeral(proto)? } else { addr.port() };
        let addr = SocketAddr::new(addr.ip(), port);
        if self.in_use(proto, addr, id) {
            return Err(Errno::EADDRINUSE);
        }
        if let Some(s) = self.get_mut(id) {
            s.local = addr;
        }
        Ok(())
    }

    /// An ephemeral port (`inet_hash_connect`, `inet_csk_get_port`: from
    /// an offset through `ip_local_port_range`, the first port no socket of
    /// the protocol holds). EADDRNOTAVAIL when none is free.
    pub fn ephemeral(&mut self, proto: Proto) -> Result<u16, Errno> {
        let (lo, hi) = LOCAL_PORT_RANGE;
        let span = u32::from(hi - lo) + 1;
        self.port_hint = self.port_hint.wrapping_add(1);
        let start = self.port_hint.wrapping_mul(2_654_435_761) % span;
        for i in 0..span {
            let port = lo + ((start + i) % span) as u16;
            let taken = self.socks.iter().any(|s| s.proto == proto && s.local.port() == port);
            if !taken {
                return Ok(port);
            }
        }
        Err(Errno::EADDRNOTAVAIL)
    }

    /// The socket a UDP datagram to `dst` from `src` goes to: a connected
    /// exact match first, then one bound to the address, then the wildcard
    /// (`__udp4_lib_lookup` scoring).
    pub fn lookup_udp(&self, dst: SocketAddr, src: SocketAddr) -> Option<u32> {
        self.lookup(Proto::Udp, dst, src, false)
    }

    fn lookup(&self, proto: Proto, dst: SocketAddr, src: SocketAddr, listeners_only: bool) -> Option<u32> {
        let mut best: Option<(u8, u32)> = None;
        // An IPv6 socket on `::` takes IPv4 too (v4-mapped, not IPV6_V6ONLY).
        let family_ok = |s: &Sock| s.local.is_ipv6() == dst.is_ipv6() || (s.local.is_ipv6() && s.local.ip().is_unspecified());
        for s in self.socks.iter().filter(|s| s.proto == proto && s.local.port() == dst.port() && family_ok(s)) {
            if listeners_only && s.state != State::Listen {
                continue;
            }
            let addr_score = if same_ip(s.local.ip(), dst.ip()) {
                2
            } else if s.local.ip().is_unspecified() {
                1
            } else {
                continue;
            };
            let peer_score = if s.remote.port() == 0 {
                0
            } else if same(s.remote, src) {
                4
            } else {
                continue;
            };
            let score = addr_score + peer_score;
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, s.id));
            }
        }
        best.map(|(_, id)| id)
    }

    /// Delivers a UDP datagram (`udp_queue_rcv_skb`); false when no socket
    /// has the port (the caller answers with port unreachable).
    pub fn udp_input(&mut self, src: SocketAddr, dst: SocketAddr, data: &[u8]) -> bool {
        let Some(id) = self.lookup_udp(dst, src) else { return false };
        if let Some(s) = self.get_mut(id) {
            // A full receive buffer drops the datagram (rmem 212992 by default).
            if s.recv_q() as usize + data.len() <= 212_992 {
                s.rx_dgrams.push_back((src, data.to_vec()));
            }
        }
        true
    }

    /// An ICMP error about a datagram or segment this namespace sent
    /// (`__udp4_lib_err`, `tcp_v4_err`): the socket of the quoted ports
    /// gets the error when it is connected (UDP) or still connecting (TCP).
    pub fn icmp_error(&mut self, proto: Proto, local: SocketAddr, remote: SocketAddr, errno: Errno, at_us: u64) {
        let Some(s) = self.socks.iter_mut().find(|s| s.proto == proto && s.local.port() == local.port() && same(s.remote, remote)) else {
            return;
        };
        match proto {
            Proto::Udp => s.error = Some((errno, at_us)),
            // Hard errors abort a connection still in SYN-SENT; later ones
            // are soft and only remembered.
            Proto::Tcp if s.state == State::SynSent => {
                s.error = Some((errno, at_us));
                s.state = State::Close;
                s.tcb.retransmit_at_us = None;
            }
            Proto::Tcp => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sa(s: &str) -> SocketAddr {
        s.parse().expect("socket address")
    }

    #[test]
    fn binding_conflicts_and_ephemeral_ports() {
        let mut t = Table::default();
        let a = t.socket(Proto::Udp, false).expect("socket");
        let b = t.socket(Proto::Udp, false).expect("socket");
        t.bind(a, sa("0.0.0.0:5353")).expect("bind");
        assert_eq!(t.bind(b, sa("10.0.0.1:5353")), Err(Errno::EADDRINUSE));
        assert_eq!(t.bind(a, sa("0.0.0.0:1")), Err(Errno::EINVAL));
        t.bind(b, sa("10.0.0.1:0")).expect("ephemeral");
        let port = t.get(b).map(|s| s.local.port()).unwrap_or(0);
        assert!((LOCAL_PORT_RANGE.0..=LOCAL_PORT_RANGE.1).contains(&port));
        // The same port for TCP is free.
        let c = t.socket(Proto::Tcp, false).expect("socket");
        t.bind(c, sa("0.0.0.0:5353")).expect("tcp bind");
    }

    #[test]
    fn udp_goes_to_the_best_match_or_nowhere() {
        let mut t = Table::default();
        let any = t.socket(Proto::Udp, false).expect("socket");
        t.bind(any, sa("0.0.0.0:53")).expect("bind");
        let one = t.socket(Proto::Udp, false).expect("socket");
        t.bind(one, sa("10.0.0.2:53")).expect_err("overlaps the wildcard");
        assert!(t.udp_input(sa("10.0.0.1:4000"), sa("10.0.0.2:53"), b"hi"));
        assert_eq!(t.get(any).map(|s| s.recv_q()), Some(2));
        assert!(!t.udp_input(sa("10.0.0.1:4000"), sa("10.0.0.2:54"), b"hi"));
    }
}
