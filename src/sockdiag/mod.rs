//! NETLINK_SOCK_DIAG for TCP and UDP (`inet_diag`): SOCK_DIAG_BY_FAMILY
//! requests with an `inet_diag_req_v2` dump a namespace's sockets as
//! `inet_diag_msg` records with the attributes Linux 6.x adds for a full
//! socket (INET_DIAG_SHUTDOWN, _MARK, _CGROUP_ID, _SOCKOPT); TIME-WAIT and
//! SYN-RECV entries carry none (`inet_twsk_diag_fill`, `inet_req_diag_fill`).
//! `ss` builds its requests and reads the replies with the helpers here.

pub mod info;

use crate::errno::{Errno, KernelError};
use crate::rtnetlink::Kernel;
use crate::rtnetlink::reply::{self, Request};
use crate::stack::sock::{Proto, Sock, State};
use crate::stack::{Net, NsId};
use crate::wire::header::MessageIter;
use crate::wire::{MessageBuilder, NLM_F_DUMP, NLM_F_MULTI, NLM_F_REQUEST, NlaWriter};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// SOCK_DIAG_BY_FAMILY.
pub const SOCK_DIAG_BY_FAMILY: u16 = 20;
/// Length of `struct inet_diag_req_v2`.
pub const REQ_LEN: usize = 56;
/// Length of `struct inet_diag_msg`.
pub const MSG_LEN: usize = 72;
/// The sequence number iproute2's ss gives every request.
pub const SS_SEQ: u32 = 123_456;

const AF_INET: u8 = 2;
const AF_INET6: u8 = 10;
const INET_DIAG_SHUTDOWN: u16 = 8;
const INET_DIAG_MARK: u16 = 15;
const INET_DIAG_CGROUP_ID: u16 = 21;
const INET_DIAG_SOCKOPT: u16 = 22;
/// `inet_diag_sockopt` bits: is_icsk, mc_loop, mc_all.
const SOCKOPT_IS_ICSK: u8 = 0x02;
const SOCKOPT_MC_LOOP_ALL: u8 = 0x50;

/// Handles a datagram on a NETLINK_SOCK_DIAG socket (`sock_diag_rcv`).
pub fn receive(k: &mut Kernel, port: u32, datagram: &[u8]) -> Vec<Vec<u8>> {
    let Some(ns) = k.socket_state(port).map(|s| s.ns) else { return Vec::new() };
    // The kernel half keeps no clock of its own: the latest moment a
    // socket of the namespace saw is the nearest reading of it.
    let now_us = k
        .net
        .ns(ns)
        .map_or(0, |n| n.socks.socks.iter().map(|s: &Sock| s.tcb.stats.last_send_us.max(s.tcb.stats.last_recv_us)).max().unwrap_or(0));
    answer(&k.net, ns, port, datagram, now_us)
}

/// The replies to a datagram of sock_diag requests from `port` in `ns`,
/// at `now_us` on the virtual clock (what `tcp_info`'s ages count from).
pub fn answer(net: &Net, ns: NsId, port: u32, datagram: &[u8], now_us: u64) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for m in MessageIter::new(datagram).map_while(Result::ok) {
        let req = Request::new(&m, port, false);
        if m.header.flags & NLM_F_REQUEST == 0 {
            continue;
        }
        match handle(net, ns, &req, now_us) {
            Ok(mut replies) => out.append(&mut replies),
            Err(e) => out.push(reply::ack(&req, Some(&e), false, false)),
        }
    }
    out
}

/// `__sock_diag_cmd` → `inet_diag_handler_cmd`.
fn handle(net: &Net, ns: NsId, req: &Request<'_>, now_us: u64) -> Result<Vec<Vec<u8>>, KernelError> {
    if req.header.kind != SOCK_DIAG_BY_FAMILY {
        return Err(KernelError::new(Errno::EINVAL));
    }
    let body = req.payload.get(..REQ_LEN).ok_or(KernelError::new(Errno::EINVAL))?;
    let (family, protocol, ext) = (body[0], body[1], body[2]);
    let states = u32::from_ne_bytes([body[4], body[5], body[6], body[7]]);
    if family != AF_INET && family != AF_INET6 {
        return Err(KernelError::new(Errno::ENOENT));
    }
    let proto = match protocol {
        6 => Proto::Tcp,
        17 => Proto::Udp,
        // The dump has started when `__inet_diag_dump` finds no handler for
        // the protocol: its error ends it in NLMSG_DONE.
        _ if req.has(NLM_F_DUMP) => return Ok(vec![reply::done_error(req, &KernelError::new(Errno::ENOENT), false, false)]),
        _ => return Err(KernelError::new(Errno::ENOENT)),
    };
    let table = &net.ns(ns).ok_or(KernelError::new(Errno::ENODEV))?.socks;
    let v6 = family == AF_INET6;
    let mut socks: Vec<&Sock> = table
        .socks
        .iter()
        .filter(|s| s.proto == proto && s.local.is_ipv6() == v6 && s.local.port() != 0 && states & (1 << s.state as u32) != 0)
        .collect();
    // Listeners first (the listening hash is walked before the established one).
    crate::sorting::sort_by_key(&mut socks, |s| s.state != State::Listen);
    if !req.has(NLM_F_DUMP) {
        // inet_diag_find_one_icsk: the socket of the request's four-tuple.
        let (sport, dport) = (u16::from_be_bytes([body[8], body[9]]), u16::from_be_bytes([body[10], body[11]]));
        let s = socks.iter().find(|s| s.local.port() == sport && s.remote.port() == dport).ok_or(KernelError::new(Errno::ENOENT))?;
        return Ok(vec![record(req, s, 0, ext, now_us)]);
    }
    let mut out: Vec<Vec<u8>> = socks.iter().map(|s| record(req, s, NLM_F_MULTI, ext, now_us)).collect();
    out.push(reply::done(req, false));
    Ok(out)
}

fn put_addr(b: &mut MessageBuilder, a: IpAddr) {
    let mut bytes = [0u8; 16];
    match a {
        IpAddr::V4(v) => bytes[..4].copy_from_slice(&v.octets()),
        IpAddr::V6(v) => bytes = v.octets(),
    }
    b.push(&bytes);
}

/// One `inet_diag_msg` (`inet_sk_diag_fill`), with the extensions `ext`
/// asks for.
fn record(req: &Request<'_>, s: &Sock, flags: u16, ext: u8, now_us: u64) -> Vec<u8> {
    let mut b = req.answer(SOCK_DIAG_BY_FAMILY, flags);
    let full = !matches!(s.state, State::TimeWait | State::SynRecv);
    let timer: u8 = match s.state {
        State::TimeWait => 3,
        State::SynRecv => 1,
        _ if s.tcb.retransmit_at_us.is_some() => 1,
        _ => 0,
    };
    let mut head = vec![if s.local.is_ipv6() { AF_INET6 } else { AF_INET }, s.state as u8, timer, s.tcb.retries.min(255) as u8];
    head.extend(s.local.port().to_be_bytes());
    head.extend(s.remote.port().to_be_bytes());
    b.push(&head);
    put_addr(&mut b, s.local.ip());
    put_addr(&mut b, s.remote.ip());
    b.push(&0u32.to_ne_bytes());
    // The socket cookie: the inode stands in for the kernel's counter.
    b.push(&u64::from(s.id).to_ne_bytes());
    let (rq, wq, inode) = if full { (s.recv_q(), s.send_q(), s.id) } else { (0, 0, 0) };
    for v in [0u32, rq, wq, 0, inode] {
        b.push(&v.to_ne_bytes());
    }
    if full {
        let shutdown = u8::from(s.rx_closed) | if s.tcb.fin_sent { 2 } else { 0 };
        b.put_u8(INET_DIAG_SHUTDOWN, shutdown);
        b.put_u32(INET_DIAG_MARK, 0);
        b.put_u64(INET_DIAG_CGROUP_ID, 1);
        let icsk = if s.proto == Proto::Tcp { SOCKOPT_IS_ICSK } else { 0 };
        b.put_u16(INET_DIAG_SOCKOPT, u16::from(icsk | SOCKOPT_MC_LOOP_ALL));
        if s.proto == Proto::Tcp {
            let asks = |attr: u16| ext & (1 << (attr - 1)) != 0;
            if asks(info::INET_DIAG_INFO) {
                b.put(info::INET_DIAG_INFO, &info::tcp_info(s, now_us));
            }
            if asks(info::INET_DIAG_CONG) {
                b.put(info::INET_DIAG_CONG, format!("{}\0", info::CONG).as_bytes());
            }
            // The algorithm's record, for a socket before TIME-WAIT
            // (`ca_ops->get_info`).
            if (s.state as u8) < State::TimeWait as u8 && asks(info::INET_DIAG_VEGASINFO) {
                b.put(info::INET_DIAG_BBRINFO, &info::bbr_info(s));
            }
        }
    }
    b.finish()
}

/// The request ss sends for one family and protocol (`inet_show_netlink`):
/// a dump of the states in `states` with the extensions `ext` (`idiag_ext`).
pub fn dump_request(v6: bool, udp: bool, states: u32, ext: u8) -> Vec<u8> {
    let mut b = MessageBuilder::new(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, SS_SEQ, 0);
    let mut body = vec![if v6 { AF_INET6 } else { AF_INET }, if udp { 17 } else { 6 }, ext, 0];
    body.extend(states.to_ne_bytes());
    body.resize(REQ_LEN, 0);
    b.push(&body);
    b.finish()
}

/// A socket as a dump reply describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its state, Linux's number.
    pub state: u8,
    /// Local address and port.
    pub local: SocketAddr,
    /// Remote address and port.
    pub remote: SocketAddr,
    /// Receive queue.
    pub rqueue: u32,
    /// Send queue.
    pub wqueue: u32,
    /// Inode (0 for TIME-WAIT and SYN-RECV).
    pub inode: u32,
    /// The socket's cookie (`idiag_cookie`).
    pub cookie: u64,
    /// The shutdown bits (INET_DIAG_SHUTDOWN: 1 receive, 2 send), for a
    /// full socket.
    pub shutdown: Option<u8>,
    /// The cgroup id (INET_DIAG_CGROUP_ID), for a full socket.
    pub cgroup: Option<u64>,
    /// INET_DIAG_INFO with INET_DIAG_CONG and the algorithm's record, when
    /// asked for (TCP).
    pub info: Option<info::TcpInfo>,
}

/// Reads a SOCK_DIAG_BY_FAMILY reply's `inet_diag_msg`.
pub fn parse(payload: &[u8]) -> Option<Entry> {
    let m = payload.get(..MSG_LEN)?;
    let v6 = m[0] == AF_INET6;
    let addr = |at: usize| -> IpAddr {
        if v6 {
            let mut o = [0u8; 16];
            o.copy_from_slice(&m[at..at + 16]);
            Ipv6Addr::from(o).into()
        } else {
            Ipv4Addr::new(m[at], m[at + 1], m[at + 2], m[at + 3]).into()
        }
    };
    let word = |at: usize| u32::from_ne_bytes([m[at], m[at + 1], m[at + 2], m[at + 3]]);
    let attrs = crate::wire::attr::AttrTable::parse_lenient(payload.get(MSG_LEN..).unwrap_or_default(), INET_DIAG_SOCKOPT);
    let tcp_info = attrs.get(info::INET_DIAG_INFO).map(|a| info::TcpInfo {
        raw: a.value.to_vec(),
        cong: attrs.get(info::INET_DIAG_CONG).map(|c| String::from_utf8_lossy(c.value).trim_end_matches('\0').to_string()),
        bbr: attrs.get(info::INET_DIAG_BBRINFO).and_then(|c| info::parse_bbr(c.value)),
    });
    Some(Entry {
        cookie: u64::from(word(44)) | u64::from(word(48)) << 32,
        shutdown: attrs.u8(INET_DIAG_SHUTDOWN),
        cgroup: attrs.get(INET_DIAG_CGROUP_ID).and_then(|a| a.u64().ok()),
        info: tcp_info,
        state: m[1],
        local: SocketAddr::new(addr(8), u16::from_be_bytes([m[4], m[5]])),
        remote: SocketAddr::new(addr(24), u16::from_be_bytes([m[6], m[7]])),
        rqueue: word(56),
        wqueue: word(60),
        inode: word(68),
    })
}

#[cfg(test)]
mod tests;
