//! The TCP state machine (`tcp_rcv_state_process`, `tcp_v4_rcv`): opening
//! (active and passive, with the listener's backlog), data and its
//! acknowledgement, the closing states down to TIME-WAIT, resets for
//! segments no socket wants, and retransmission on the virtual clock.
//! Options are Linux's defaults: MSS from the route, SACK permitted,
//! timestamps and window scaling.

use super::{Out, Proto, Sock, State, Table, wheel};
use crate::errno::Errno;
use crate::sim::packet::{Tcp, TcpOptions, tcp_flags as f};
use std::net::SocketAddr;

/// The window scale Linux offers (`tcp_select_initial_window` for
/// `net.ipv4.tcp_rmem` max 33554432).
pub const WSCALE: u8 = 10;
/// The first retransmission timeout, µs (`TCP_TIMEOUT_INIT`).
pub const RTO_INIT_US: u64 = 1_000_000;
/// The longest retransmission timeout, µs (`TCP_RTO_MAX`).
pub const RTO_MAX_US: u64 = 120_000_000;
/// SYN retransmissions before a connect fails (`net.ipv4.tcp_syn_retries`).
pub const SYN_RETRIES: u32 = 6;
/// Data retransmissions before a connection is dropped (`tcp_retries2`).
pub const DATA_RETRIES: u32 = 15;
/// How long TIME-WAIT (and an orphan FIN-WAIT-2) lasts, µs (`TCP_TIMEWAIT_LEN`).
pub const TIME_WAIT_US: u64 = 60_000_000;
/// The delayed-ACK timeout, µs (`TCP_DELACK_MIN`).
pub const DELACK_US: u64 = 40_000;
/// Bytes of the timestamp option in an established segment.
const TS_LEN: u16 = 12;

/// A socket's TCP control block.
#[derive(Debug, Clone, Default)]
pub struct Tcb {
    /// Initial send sequence number.
    pub iss: u32,
    /// Oldest unacknowledged sequence number.
    pub snd_una: u32,
    /// Next sequence number to send.
    pub snd_nxt: u32,
    /// Next sequence number expected.
    pub rcv_nxt: u32,
    /// The receive window, bytes.
    pub rcv_wnd: u32,
    /// The MSS this end announces (route MTU minus headers).
    pub advmss: u16,
    /// The MSS the peer announced.
    pub peer_mss: u16,
    /// The peer's window scale (None: no scaling).
    pub peer_wscale: Option<u8>,
    /// Whether the peer sent timestamps (then every segment carries them).
    pub timestamps: bool,
    /// Added to the clock for timestamp values (per connection).
    pub ts_offset: u32,
    /// The last timestamp value from the peer (echoed back).
    pub ts_recent: u32,
    /// Bytes sent and not yet acknowledged.
    pub unacked: Vec<u8>,
    /// Whether our FIN is sent.
    pub fin_sent: bool,
    /// When the retransmission timer fires, µs.
    pub retransmit_at_us: Option<u64>,
    /// The current retransmission timeout, µs.
    pub rto_us: u64,
    /// Retransmissions so far.
    pub retries: u32,
    /// When TIME-WAIT (or an orphan's FIN-WAIT-2) ends, µs.
    pub expires_at_us: Option<u64>,
    /// A delayed acknowledgement is due then, µs (dropped when anything
    /// is sent first: every segment acknowledges).
    pub delack_at_us: Option<u64>,
    /// The window the peer last offered, bytes (`snd_wnd`).
    pub snd_wnd: u32,
    /// Whether this end sent the SYN (`connect`), not a listener's child.
    pub active_open: bool,
    /// What `tcp_info` counts, for `ss -i`.
    pub stats: Stats,
}

/// The counters and clock readings `tcp_get_info` reports (`struct tcp_info`).
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Segments received (`segs_in`).
    pub segs_in: u32,
    /// Segments sent (`segs_out`); a listener's SYN-ACK counts on its
    /// request, not on the child.
    pub segs_out: u32,
    /// Segments received carrying data.
    pub data_segs_in: u32,
    /// Segments sent carrying data.
    pub data_segs_out: u32,
    /// Data bytes sent, retransmissions included (`bytes_sent`).
    pub bytes_sent: u64,
    /// Data bytes received in order (`bytes_received`).
    pub bytes_received: u64,
    /// When a segment was last sent, µs (`lsndtime`).
    pub last_send_us: u64,
    /// When data was last received, µs (`lrcvtime`).
    pub last_recv_us: u64,
    /// When an ACK was last received, µs (`rcv_tstamp`).
    pub last_ack_us: u64,
}

/// A per-connection number from the four-tuple and the clock (the ISN and
/// timestamp offset are random on Linux; these only need to differ).
/// FNV-1a over the addresses, ports and clock.
fn mix(local: SocketAddr, remote: SocketAddr, now_us: u64, salt: u32) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(salt);
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    };
    for a in [local, remote] {
        match a.ip() {
            std::net::IpAddr::V4(ip) => feed(&ip.octets()),
            std::net::IpAddr::V6(ip) => feed(&ip.octets()),
        }
        feed(&a.port().to_be_bytes());
    }
    feed(&now_us.to_be_bytes());
    (h >> 16) as u32
}

/// The initial receive window for an MSS (`tcp_select_initial_window`:
/// 65535 rounded down to whole segments).
fn initial_window(mss: u16) -> u32 {
    let m = u32::from(mss.max(64));
    65535 / m * m
}

/// Builds a segment from a socket at `now_us` (timestamps, scaled window).
fn segment(s: &Sock, flags: u8, seq: u32, data: Vec<u8>, now_us: u64) -> Out {
    let t = &s.tcb;
    let syn = flags & f::SYN != 0;
    let window =
        if syn { t.rcv_wnd.min(65535) } else { t.rcv_wnd.div_ceil(1 << if t.peer_wscale.is_some() { WSCALE } else { 0 }).min(65535) };
    let ts_val = ((now_us / 1000) as u32).wrapping_add(t.ts_offset);
    let mut options = TcpOptions::default();
    if t.timestamps || (syn && flags & f::ACK == 0) {
        options.timestamp = Some((ts_val, if flags & f::ACK != 0 { t.ts_recent } else { 0 }));
    }
    if syn {
        options.mss = Some(t.advmss);
        options.sack_ok = true;
        if flags & f::ACK == 0 || t.peer_wscale.is_some() {
            options.wscale = Some(WSCALE);
        }
    }
    let ack = if flags & f::ACK != 0 { t.rcv_nxt } else { 0 };
    Out {
        src: s.local,
        dst: s.remote,
        tcp: Tcp {
            sport: s.local.port(),
            dport: s.remote.port(),
            seq,
            ack,
            flags,
            window: window as u16,
            options,
            data,
            checksum_complete: false,
        },
    }
}

/// The reset answering a segment no socket accepts (`tcp_v4_send_reset`).
pub fn reset_for(src: SocketAddr, dst: SocketAddr, seg: &Tcp) -> Option<Out> {
    if seg.has(f::RST) {
        return None;
    }
    let tcp = if seg.has(f::ACK) {
        Tcp { sport: dst.port(), dport: src.port(), seq: seg.ack, flags: f::RST, ..Tcp::default() }
    } else {
        Tcp { sport: dst.port(), dport: src.port(), ack: seg.seq.wrapping_add(seg.seq_len()), flags: f::RST | f::ACK, ..Tcp::default() }
    };
    Some(Out { src: dst, dst: src, tcp: Tcp { checksum_complete: true, ..tcp } })
}

/// Whether sequence number `a` is after `b` (modulo 2^32).
fn after(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) > 0
}

impl Table {
    fn index(&self, id: u32) -> Result<usize, Errno> {
        self.socks.iter().position(|s| s.id == id).ok_or(Errno::EBADF)
    }

    /// `listen(2)`: an unbound socket gets an ephemeral port first.
    pub fn listen(&mut self, id: u32, backlog: u32) -> Result<(), Errno> {
        let i = self.index(id)?;
        if self.socks[i].proto != Proto::Tcp || !matches!(self.socks[i].state, State::Close | State::Listen) {
            return Err(Errno::EINVAL);
        }
        if self.socks[i].local.port() == 0 {
            let port = self.ephemeral(Proto::Tcp)?;
            self.socks[i].local.set_port(port);
        }
        self.socks[i].state = State::Listen;
        // somaxconn (4096) caps the backlog.
        self.socks[i].backlog = backlog.min(4096);
        Ok(())
    }

    /// `connect(2)` on a TCP socket: from `local_ip` (the route's source
    /// when the socket is not bound to an address) with the route's MSS;
    /// returns the SYN.
    pub fn connect(&mut self, id: u32, local_ip: std::net::IpAddr, remote: SocketAddr, advmss: u16, now_us: u64) -> Result<Out, Errno> {
        let i = self.index(id)?;
        match self.socks[i].state {
            State::Close if self.socks[i].proto == Proto::Tcp => {}
            State::SynSent => return Err(Errno::EALREADY),
            State::Listen | State::Close => return Err(Errno::EINVAL),
            _ => return Err(Errno::EISCONN),
        }
        if self.socks[i].local.port() == 0 {
            let port = self.ephemeral(Proto::Tcp)?;
            self.socks[i].local.set_port(port);
        }
        let s = &mut self.socks[i];
        s.local.set_ip(local_ip);
        s.remote = remote;
        s.state = State::SynSent;
        s.error = None;
        let iss = mix(s.local, remote, now_us, 1);
        s.tcb = Tcb {
            iss,
            snd_una: iss,
            snd_nxt: iss.wrapping_add(1),
            rcv_wnd: initial_window(advmss),
            advmss,
            ts_offset: mix(s.local, remote, now_us, 2),
            retransmit_at_us: Some(wheel::expiry_us(now_us, RTO_INIT_US)),
            rto_us: RTO_INIT_US,
            active_open: true,
            stats: Stats { segs_out: 1, last_send_us: now_us, ..Stats::default() },
            ..Tcb::default()
        };
        Ok(segment(s, f::SYN, iss, Vec::new(), now_us))
    }

    /// `accept(2)`: the oldest established child, or None (EAGAIN).
    pub fn accept(&mut self, id: u32) -> Option<u32> {
        let i = self.index(id).ok()?;
        let child = self.socks[i].accept_queue.pop_front()?;
        if let Some(c) = self.get_mut(child) {
            c.parent = None;
        }
        Some(child)
    }

    /// `send(2)` on a connected TCP socket: segments of at most the peer's
    /// MSS. EPIPE once the sending side is shut down.
    pub fn send(&mut self, id: u32, data: &[u8], now_us: u64) -> Result<Vec<Out>, Errno> {
        let out = self.send_segments(id, data, now_us)?;
        self.count_out(&out, now_us);
        Ok(out)
    }

    fn send_segments(&mut self, id: u32, data: &[u8], now_us: u64) -> Result<Vec<Out>, Errno> {
        let i = self.index(id)?;
        let s = &mut self.socks[i];
        if let Some((e, _)) = s.error.take() {
            return Err(e);
        }
        if s.tcb.fin_sent || !matches!(s.state, State::Established | State::CloseWait) {
            return Err(if s.state == State::SynSent { Errno::EAGAIN } else { Errno::EPIPE });
        }
        let mss = usize::from(s.tcb.peer_mss.max(64) - if s.tcb.timestamps { TS_LEN } else { 0 });
        s.tcb.delack_at_us = None;
        let mut out = Vec::new();
        for chunk in data.chunks(mss) {
            let seq = s.tcb.snd_nxt;
            s.tcb.snd_nxt = seq.wrapping_add(chunk.len() as u32);
            s.tcb.unacked.extend_from_slice(chunk);
            out.push(segment(s, f::PSH | f::ACK, seq, chunk.to_vec(), now_us));
        }
        if !out.is_empty() && s.tcb.retransmit_at_us.is_none() {
            s.tcb.retransmit_at_us = Some(wheel::expiry_us(now_us, s.tcb.rto_us.max(RTO_INIT_US / 5)));
        }
        Ok(out)
    }

    /// `shutdown(SHUT_WR)`: the FIN (ESTABLISHED → FIN-WAIT-1, CLOSE-WAIT →
    /// LAST-ACK). Nothing when it was sent already.
    pub fn shutdown_write(&mut self, id: u32, now_us: u64) -> Result<Vec<Out>, Errno> {
        let out = self.shutdown_write_segments(id, now_us)?;
        self.count_out(&out, now_us);
        Ok(out)
    }

    fn shutdown_write_segments(&mut self, id: u32, now_us: u64) -> Result<Vec<Out>, Errno> {
        let i = self.index(id)?;
        let s = &mut self.socks[i];
        let next = match s.state {
            State::Established => State::FinWait1,
            State::CloseWait => State::LastAck,
            State::SynSent | State::Listen | State::Close => return Err(Errno::ENOTCONN),
            _ => return Ok(Vec::new()),
        };
        if s.tcb.fin_sent {
            return Ok(Vec::new());
        }
        s.state = next;
        s.tcb.fin_sent = true;
        s.tcb.delack_at_us = None;
        let seq = s.tcb.snd_nxt;
        s.tcb.snd_nxt = seq.wrapping_add(1);
        if s.tcb.retransmit_at_us.is_none() {
            s.tcb.retransmit_at_us = Some(wheel::expiry_us(now_us, s.tcb.rto_us.max(RTO_INIT_US / 5)));
        }
        Ok(vec![segment(s, f::FIN | f::ACK, seq, Vec::new(), now_us)])
    }

    /// `close(2)`: a listener goes with its unaccepted children (reset); a
    /// connection with unread data is reset (`tcp_close`), otherwise it is
    /// shut down and left to the kernel; UDP sockets just go.
    pub fn close(&mut self, id: u32, now_us: u64) -> Vec<Out> {
        let out = self.close_segments(id, now_us);
        self.count_out(&out, now_us);
        out
    }

    fn close_segments(&mut self, id: u32, now_us: u64) -> Vec<Out> {
        let Ok(i) = self.index(id) else { return Vec::new() };
        let s = &self.socks[i];
        let mut out = Vec::new();
        match (s.proto, s.state) {
            (Proto::Udp, _) | (_, State::Close | State::SynSent) => self.remove(id),
            (_, State::Listen) => {
                let children: Vec<u32> = self.socks.iter().filter(|c| c.parent == Some(id)).map(|c| c.id).collect();
                for c in children {
                    if let Some(cs) = self.get(c) {
                        out.push(segment(cs, f::RST | f::ACK, cs.tcb.snd_nxt, Vec::new(), now_us));
                    }
                    self.remove(c);
                }
                self.remove(id);
            }
            (_, _) if !s.rx.is_empty() => {
                out.push(segment(s, f::RST | f::ACK, s.tcb.snd_nxt, Vec::new(), now_us));
                self.remove(id);
            }
            _ => {
                out = self.shutdown_write(id, now_us).unwrap_or_default();
                if let Some(s) = self.get_mut(id) {
                    s.orphan = true;
                    s.owner = None;
                }
            }
        }
        out
    }

    /// A segment arrives from `src` for `dst` (`tcp_v4_rcv`); returns what
    /// is sent back. `advmss` is the MSS of the route back to `src`.
    pub fn tcp_input(&mut self, src: SocketAddr, dst: SocketAddr, seg: &Tcp, advmss: u16, now_us: u64) -> Vec<Out> {
        let out = self.tcp_deliver(src, dst, seg, advmss, now_us);
        self.count_in(src, dst, seg, now_us);
        self.count_out(&out, now_us);
        out
    }

    /// Counts an arriving segment on the connection it reached (`tcp_info`'s
    /// segs_in, lastrcv, lastack, snd_wnd).
    fn count_in(&mut self, src: SocketAddr, dst: SocketAddr, seg: &Tcp, now_us: u64) {
        let Some(s) = self
            .socks
            .iter_mut()
            .find(|s| s.proto == Proto::Tcp && s.state != State::Listen && s.local.port() == dst.port() && super::same(s.remote, src))
        else {
            return;
        };
        let st = &mut s.tcb.stats;
        st.segs_in = st.segs_in.saturating_add(1);
        if !seg.data.is_empty() {
            st.data_segs_in = st.data_segs_in.saturating_add(1);
            st.bytes_received = st.bytes_received.saturating_add(seg.data.len() as u64);
            st.last_recv_us = now_us;
        } else if seg.has(f::SYN) {
            st.last_recv_us = now_us;
        }
        if seg.has(f::ACK) {
            st.last_ack_us = now_us;
            let shift = if seg.has(f::SYN) { 0 } else { s.tcb.peer_wscale.unwrap_or(0).min(14) };
            s.tcb.snd_wnd = u32::from(seg.window) << shift;
        }
    }

    /// Counts what sockets send (`segs_out`, `data_segs_out`, `bytes_sent`,
    /// lastsnd). A SYN-ACK is the request's, not the child's (Linux sends it
    /// from the request socket).
    pub fn count_out(&mut self, out: &[Out], now_us: u64) {
        for o in out {
            if o.tcp.has(f::SYN) && o.tcp.has(f::ACK) {
                continue;
            }
            let Some(s) = self.socks.iter_mut().find(|s| s.proto == Proto::Tcp && s.local == o.src && s.remote == o.dst) else {
                continue;
            };
            let st = &mut s.tcb.stats;
            st.segs_out = st.segs_out.saturating_add(1);
            st.last_send_us = now_us;
            if !o.tcp.data.is_empty() {
                st.data_segs_out = st.data_segs_out.saturating_add(1);
                st.bytes_sent = st.bytes_sent.saturating_add(o.tcp.data.len() as u64);
            }
        }
    }

    fn tcp_deliver(&mut self, src: SocketAddr, dst: SocketAddr, seg: &Tcp, advmss: u16, now_us: u64) -> Vec<Out> {
        let established = self.socks.iter().position(|s| {
            s.proto == Proto::Tcp
                && s.state != State::Listen
                && s.local.port() == dst.port()
                && super::same(s.remote, src)
                && super::same_ip(s.local.ip(), dst.ip())
        });
        if let Some(i) = established {
            return self.connection_input(i, seg, now_us);
        }
        let Some(listener) = self.lookup(Proto::Tcp, dst, src, true) else {
            return reset_for(src, dst, seg).into_iter().collect();
        };
        if seg.has(f::RST) {
            return Vec::new();
        }
        if !seg.has(f::SYN) || seg.has(f::ACK) {
            return reset_for(src, dst, seg).into_iter().collect();
        }
        self.passive_open(listener, src, dst, seg, advmss, now_us)
    }

    /// A SYN reaches a listener (`tcp_conn_request`): a child in SYN-RECV
    /// answers with SYN-ACK, unless the accept queue is full (dropped).
    fn passive_open(&mut self, listener: u32, src: SocketAddr, dst: SocketAddr, seg: &Tcp, advmss: u16, now_us: u64) -> Vec<Out> {
        let Some(l) = self.get(listener) else { return Vec::new() };
        let reuse = (l.reuse_addr, l.reuse_port);
        let pending = self.socks.iter().filter(|c| c.parent == Some(listener)).count() as u32;
        if pending > l.backlog {
            return Vec::new();
        }
        // A dual-stack listener's children see IPv4 peers v4-mapped.
        let v6 = l.local.is_ipv6();
        let (src, dst) = (super::in_family(src, v6), super::in_family(dst, v6));
        let Ok(id) = self.socket(Proto::Tcp, v6) else { return Vec::new() };
        let Ok(i) = self.index(id) else { return Vec::new() };
        let iss = mix(dst, src, now_us, 3);
        let peer_mss = seg.options.mss.unwrap_or(536);
        let timestamps = seg.options.timestamp.is_some();
        let s = &mut self.socks[i];
        s.local = dst;
        s.remote = src;
        s.state = State::SynRecv;
        s.parent = Some(listener);
        // The child inherits the listener's options (sk_clone_lock).
        (s.reuse_addr, s.reuse_port) = reuse;
        s.tcb = Tcb {
            iss,
            snd_una: iss,
            snd_nxt: iss.wrapping_add(1),
            rcv_nxt: seg.seq.wrapping_add(1),
            rcv_wnd: initial_window(advmss.saturating_sub(if timestamps { TS_LEN } else { 0 })),
            advmss,
            peer_mss,
            peer_wscale: seg.options.wscale,
            timestamps,
            ts_offset: mix(dst, src, now_us, 4),
            ts_recent: seg.options.timestamp.map_or(0, |(v, _)| v),
            retransmit_at_us: Some(wheel::expiry_us(now_us, RTO_INIT_US)),
            rto_us: RTO_INIT_US,
            ..Tcb::default()
        };
        vec![segment(s, f::SYN | f::ACK, iss, Vec::new(), now_us)]
    }

    /// A segment for an existing connection.
    fn connection_input(&mut self, i: usize, seg: &Tcp, now_us: u64) -> Vec<Out> {
        let s = &mut self.socks[i];
        if let Some((v, _)) = seg.options.timestamp {
            s.tcb.ts_recent = v;
        }
        if s.state == State::SynSent {
            return self.syn_sent_input(i, seg, now_us);
        }
        if seg.has(f::RST) {
            // tcp_reset: the error a reader or writer sees next.
            let errno = if s.state == State::CloseWait { Errno::EPIPE } else { Errno::ECONNRESET };
            let id = s.id;
            if s.orphan || s.state == State::TimeWait || s.state == State::SynRecv {
                self.remove(id);
            } else {
                s.error = Some((errno, now_us));
                s.state = State::Close;
                s.tcb.retransmit_at_us = None;
            }
            return Vec::new();
        }
        if seg.has(f::SYN) {
            // A SYN inside a connection: challenge ACK.
            return vec![segment(s, f::ACK, s.tcb.snd_nxt, Vec::new(), now_us)];
        }
        if !seg.has(f::ACK) {
            return Vec::new();
        }
        self.ack_input(i, seg.ack);
        let Some(s) = self.socks.get_mut(i) else { return Vec::new() };
        if s.state == State::Close {
            return Vec::new();
        }
        let mut must_ack = false;
        if !seg.data.is_empty() {
            if seg.seq == s.tcb.rcv_nxt && matches!(s.state, State::Established | State::FinWait1 | State::FinWait2) {
                if s.orphan {
                    // Data for a closed socket resets the connection.
                    let rst = segment(s, f::RST | f::ACK, s.tcb.snd_nxt, Vec::new(), now_us);
                    let id = s.id;
                    self.remove(id);
                    return vec![rst];
                }
                s.rx.extend_from_slice(&seg.data);
                s.tcb.rcv_nxt = s.tcb.rcv_nxt.wrapping_add(seg.data.len() as u32);
            }
            must_ack = true;
        }
        if seg.has(f::FIN) && seg.seq.wrapping_add(seg.data.len() as u32) == s.tcb.rcv_nxt {
            s.tcb.rcv_nxt = s.tcb.rcv_nxt.wrapping_add(1);
            s.rx_closed = true;
            s.state = match s.state {
                State::Established => State::CloseWait,
                State::FinWait1 => State::Closing,
                State::FinWait2 => State::TimeWait,
                other => other,
            };
            if s.state == State::TimeWait {
                s.tcb.expires_at_us = Some(now_us + TIME_WAIT_US);
            }
            if s.state == State::CloseWait {
                // tcp_fin enters pingpong mode: the ACK waits, and rides on
                // whatever the application sends first (often its FIN).
                s.tcb.delack_at_us = Some(now_us + DELACK_US);
                return Vec::new();
            }
            must_ack = true;
        } else if seg.has(f::FIN) && s.state == State::TimeWait {
            must_ack = true;
        }
        if must_ack {
            s.tcb.delack_at_us = None;
            return vec![segment(s, f::ACK, s.tcb.snd_nxt, Vec::new(), now_us)];
        }
        Vec::new()
    }

    /// SYN-SENT: the SYN-ACK completes the connection, a RST refuses it.
    fn syn_sent_input(&mut self, i: usize, seg: &Tcp, now_us: u64) -> Vec<Out> {
        let s = &mut self.socks[i];
        let acceptable = seg.has(f::ACK) && seg.ack == s.tcb.iss.wrapping_add(1);
        if seg.has(f::ACK) && !acceptable {
            return reset_for(s.remote, s.local, seg).into_iter().collect();
        }
        if seg.has(f::RST) {
            if acceptable {
                s.error = Some((Errno::ECONNREFUSED, now_us));
                s.state = State::Close;
                s.tcb.retransmit_at_us = None;
            }
            return Vec::new();
        }
        if !seg.has(f::SYN) || !acceptable {
            return Vec::new();
        }
        let t = &mut s.tcb;
        t.rcv_nxt = seg.seq.wrapping_add(1);
        t.snd_una = seg.ack;
        t.peer_mss = seg.options.mss.unwrap_or(536);
        t.peer_wscale = seg.options.wscale;
        t.timestamps = seg.options.timestamp.is_some();
        t.retransmit_at_us = None;
        t.retries = 0;
        s.state = State::Established;
        vec![segment(s, f::ACK, s.tcb.snd_nxt, Vec::new(), now_us)]
    }

    /// An acknowledgement: drops acknowledged bytes, completes a passive
    /// open, and moves the closing states on when our FIN is acknowledged.
    fn ack_input(&mut self, i: usize, ack: u32) {
        let s = &mut self.socks[i];
        let t = &mut s.tcb;
        if !after(ack, t.snd_una) || after(ack, t.snd_nxt) {
            return;
        }
        let acked = ack.wrapping_sub(t.snd_una) as usize;
        if s.state == State::SynRecv {
            s.state = State::Established;
            t.snd_una = ack;
            t.retransmit_at_us = None;
            t.retries = 0;
            if let Some(parent) = s.parent {
                let id = s.id;
                if let Some(p) = self.get_mut(parent) {
                    p.accept_queue.push_back(id);
                }
            }
            return;
        }
        let data = acked.min(t.unacked.len());
        t.unacked.drain(..data);
        t.snd_una = ack;
        t.retries = 0;
        t.rto_us = RTO_INIT_US;
        t.retransmit_at_us = None;
        let fin_acked = t.fin_sent && ack == t.snd_nxt;
        if !fin_acked {
            return;
        }
        match s.state {
            State::FinWait1 => {
                s.state = State::FinWait2;
                if s.orphan {
                    s.tcb.expires_at_us = Some(0);
                }
            }
            State::Closing => s.state = State::TimeWait,
            State::LastAck => {
                let id = s.id;
                self.remove(id);
            }
            _ => {}
        }
    }

    /// The earliest timer of any socket, µs.
    pub fn next_timer(&self) -> Option<u64> {
        self.socks.iter().flat_map(|s| [s.tcb.retransmit_at_us, s.tcb.delack_at_us]).flatten().min()
    }

    /// Runs the timers due at `now_us` (`tcp_retransmit_timer`,
    /// `tcp_time_wait_kill`): retransmissions with the timeout doubled, a
    /// connection given up with ETIMEDOUT, TIME-WAIT sockets gone.
    pub fn run_timers(&mut self, now_us: u64) -> Vec<Out> {
        let out = self.run_timers_segments(now_us);
        self.count_out(&out, now_us);
        out
    }

    fn run_timers_segments(&mut self, now_us: u64) -> Vec<Out> {
        let mut out = Vec::new();
        let mut gone = Vec::new();
        for s in self.socks.iter_mut() {
            if let Some(at) = s.tcb.delack_at_us.filter(|at| *at <= now_us) {
                s.tcb.delack_at_us = None;
                out.push(segment(s, f::ACK, s.tcb.snd_nxt, Vec::new(), at));
            }
            if s.state == State::TimeWait || (s.orphan && s.state == State::FinWait2) {
                let at = *s.tcb.expires_at_us.get_or_insert(now_us + TIME_WAIT_US);
                let at = if at == 0 { now_us + TIME_WAIT_US } else { at };
                s.tcb.expires_at_us = Some(at);
                if at <= now_us {
                    gone.push(s.id);
                }
                continue;
            }
            let Some(at) = s.tcb.retransmit_at_us else { continue };
            if at > now_us {
                continue;
            }
            let limit = if matches!(s.state, State::SynSent | State::SynRecv) { SYN_RETRIES } else { DATA_RETRIES };
            if s.tcb.retries >= limit {
                if s.orphan || s.state == State::SynRecv {
                    gone.push(s.id);
                } else {
                    s.error = Some((Errno::ETIMEDOUT, at));
                    s.state = State::Close;
                    s.tcb.retransmit_at_us = None;
                }
                continue;
            }
            s.tcb.retries += 1;
            s.tcb.rto_us = (s.tcb.rto_us * 2).min(RTO_MAX_US);
            s.tcb.retransmit_at_us = Some(wheel::expiry_us(at, s.tcb.rto_us));
            let t = &s.tcb;
            let seg = match s.state {
                State::SynSent => segment(s, f::SYN, t.iss, Vec::new(), at),
                State::SynRecv => segment(s, f::SYN | f::ACK, t.iss, Vec::new(), at),
                _ if !t.unacked.is_empty() => {
                    segment(s, f::PSH | f::ACK, t.snd_una, t.unacked.iter().copied().take(usize::from(t.peer_mss.max(64))).collect(), at)
                }
                _ if t.fin_sent => segment(s, f::FIN | f::ACK, t.snd_nxt.wrapping_sub(1), Vec::new(), at),
                _ => {
                    s.tcb.retransmit_at_us = None;
                    continue;
                }
            };
            out.push(seg);
        }
        for id in gone {
            self.remove(id);
        }
        out
    }
}

#[cfg(test)]
#[path = "tcp_tests.rs"]
mod tests;
