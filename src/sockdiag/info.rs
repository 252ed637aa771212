//! What `ss -i` asks of inet_diag: INET_DIAG_INFO (`struct tcp_info`, as
//! `tcp_get_info` fills it), INET_DIAG_CONG (the congestion control's
//! name) and the algorithm's own record (INET_DIAG_BBRINFO,
//! `bbr_get_info`), and the reading of them back.
//!
//! iplab runs no congestion control and measures no round-trip time yet:
//! it reports what Linux reports for a fresh connection on the machine the
//! transcripts were recorded on (`bbr`, cwnd 10, no losses) and a nominal
//! sub-jiffy RTT, so the RTO is Linux's 204 ms (200 ms floor plus one
//! 4 ms jiffy). The counters (segments, bytes, last send/receive) are the
//! socket's own, on the virtual clock.

use crate::stack::sock::{Sock, State};

/// INET_DIAG_INFO.
pub const INET_DIAG_INFO: u16 = 2;
/// INET_DIAG_VEGASINFO (its request bit also asks for BBR's record).
pub const INET_DIAG_VEGASINFO: u16 = 3;
/// INET_DIAG_CONG.
pub const INET_DIAG_CONG: u16 = 4;
/// INET_DIAG_BBRINFO.
pub const INET_DIAG_BBRINFO: u16 = 16;
/// The bits of `idiag_ext` ss sets for `-i` (INFO, VEGASINFO, CONG).
pub const SS_INFO_EXT: u8 = 1 << (INET_DIAG_INFO - 1) | 1 << (INET_DIAG_VEGASINFO - 1) | 1 << (INET_DIAG_CONG - 1);
/// Length of `struct tcp_info` as iproute2 6.1 knows it (up to `tcpi_snd_wnd`).
pub const TCP_INFO_LEN: usize = 232;
/// The congestion control new sockets get (`net.ipv4.tcp_congestion_control`
/// of the recording machine).
pub const CONG: &str = "bbr";

/// The nominal smoothed RTT and its variation, µs.
const SRTT_US: u32 = 30;
const RTTVAR_US: u32 = 15;
/// The RTO of a connection with a sub-jiffy RTT, µs (`tcp_set_rto`).
const RTO_US: u32 = 204_000;
/// `TCP_INIT_CWND`.
const INIT_CWND: u32 = 10;
/// `TCP_INFINITE_SSTHRESH`.
const INFINITE_SSTHRESH: u32 = 0x7fff_ffff;
/// `TCP_MSS_DEFAULT`: the receive MSS before any data arrived.
const MSS_DEFAULT: u32 = 536;
/// tcpi_options bits.
const OPT_TIMESTAMPS: u8 = 1;
const OPT_SACK: u8 = 2;
const OPT_WSCALE: u8 = 4;
/// The timestamp option's bytes in each segment.
const TS_LEN: u32 = 12;

fn ms_since(now_us: u64, at_us: u64) -> u32 {
    u32::try_from(now_us.saturating_sub(at_us) / 1000).unwrap_or(u32::MAX)
}

/// `struct tcp_info` of a socket at `now_us` (`tcp_get_info`): a listener
/// reports only its state, cwnd, reordering and backlog.
pub fn tcp_info(s: &Sock, now_us: u64) -> Vec<u8> {
    let mut b = vec![0u8; TCP_INFO_LEN];
    let put32 = |b: &mut Vec<u8>, at: usize, v: u32| b[at..at + 4].copy_from_slice(&v.to_ne_bytes());
    let put64 = |b: &mut Vec<u8>, at: usize, v: u64| b[at..at + 8].copy_from_slice(&v.to_ne_bytes());
    b[0] = s.state as u8;
    put64(&mut b, 112, u64::MAX); // max_pacing_rate: unlimited
    put32(&mut b, 88, 3); // reordering
    put32(&mut b, 80, INIT_CWND);
    if s.state == State::Listen {
        put32(&mut b, 24, s.accept_queue.len() as u32);
        put32(&mut b, 28, s.backlog);
        return b;
    }
    let t = &s.tcb;
    let st = &t.stats;
    let ts = if t.timestamps { TS_LEN } else { 0 };
    let mut options = OPT_SACK;
    if t.timestamps {
        options |= OPT_TIMESTAMPS;
    }
    if let Some(w) = t.peer_wscale {
        options |= OPT_WSCALE;
        b[6] = (w & 0x0f) | (crate::stack::sock::tcp::WSCALE & 0x0f) << 4;
    }
    b[5] = options;
    b[7] = 1; // delivery_rate_app_limited
    b[2] = t.retries.min(255) as u8;
    let rto = if s.state == State::SynSent { u32::try_from(t.rto_us).unwrap_or(u32::MAX) } else { RTO_US };
    // snd_mss: the peer's MSS less options, at most half the largest
    // window it offered (`tcp_bound_to_half_wnd`).
    let mut mss = u32::from(t.peer_mss).saturating_sub(ts);
    if t.snd_wnd > MSS_DEFAULT {
        mss = mss.min(t.snd_wnd / 2);
    }
    let advmss = u32::from(t.advmss).saturating_sub(ts);
    put32(&mut b, 8, rto);
    put32(&mut b, 16, mss);
    put32(&mut b, 20, MSS_DEFAULT);
    let in_flight = t.snd_nxt.wrapping_sub(t.snd_una);
    put32(&mut b, 24, if in_flight > 0 && !t.unacked.is_empty() { 1 } else { 0 });
    put32(&mut b, 44, ms_since(now_us, st.last_send_us));
    put32(&mut b, 52, ms_since(now_us, st.last_recv_us));
    put32(&mut b, 56, ms_since(now_us, st.last_ack_us));
    put32(&mut b, 60, u32::from(t.advmss) + if s.local.is_ipv6() { 60 } else { 40 });
    put32(&mut b, 64, t.rcv_wnd);
    put32(&mut b, 68, SRTT_US);
    put32(&mut b, 72, RTTVAR_US);
    put32(&mut b, 76, INFINITE_SSTHRESH);
    put32(&mut b, 84, advmss);
    put32(&mut b, 96, t.rcv_wnd);
    // BBR's initial pacing: 2.89 × cwnd × mss per RTT.
    let pacing = u64::from(INIT_CWND) * u64::from(mss) * 1_000_000 / u64::from(SRTT_US) * 289 / 100;
    put64(&mut b, 104, pacing);
    // bytes_acked: the passive side's SYN-ACK is acknowledged before its
    // socket exists.
    let acked = t.snd_una.wrapping_sub(t.iss).saturating_sub(u32::from(!t.active_open));
    put64(&mut b, 120, u64::from(acked));
    put64(&mut b, 128, st.bytes_received);
    put32(&mut b, 136, st.segs_out);
    put32(&mut b, 140, st.segs_in);
    put32(&mut b, 148, SRTT_US);
    put32(&mut b, 152, st.data_segs_in);
    put32(&mut b, 156, st.data_segs_out);
    put32(&mut b, 192, 1 + st.data_segs_out);
    put64(&mut b, 200, st.bytes_sent);
    put32(&mut b, 228, t.snd_wnd);
    b
}

/// `struct tcp_bbr_info` (`bbr_get_info`): no bandwidth sampled yet, the
/// minimum RTT, and the gains (unity, ×256) that only the connecting side
/// has set when it is read.
pub fn bbr_info(s: &Sock) -> Vec<u8> {
    let gain: u32 = if s.tcb.active_open { 256 } else { 0 };
    let mut b = Vec::with_capacity(20);
    for v in [0u32, 0, SRTT_US, gain, gain] {
        b.extend(v.to_ne_bytes());
    }
    b
}

/// What ss reads from INET_DIAG_INFO, INET_DIAG_CONG and INET_DIAG_BBRINFO.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TcpInfo {
    /// The raw `struct tcp_info` (shorter ones are zero-extended).
    pub raw: Vec<u8>,
    /// The congestion control's name.
    pub cong: Option<String>,
    /// BBR's bandwidth (bytes/s), min RTT (µs), pacing and cwnd gains (×256).
    pub bbr: Option<(u64, u32, u32, u32)>,
}

impl TcpInfo {
    /// A `u8` field at `at`.
    pub fn u8(&self, at: usize) -> u8 {
        self.raw.get(at).copied().unwrap_or(0)
    }
    /// A `u32` field at `at`.
    pub fn u32(&self, at: usize) -> u32 {
        self.raw.get(at..at + 4).map_or(0, |s| u32::from_ne_bytes([s[0], s[1], s[2], s[3]]))
    }
    /// A `u64` field at `at`.
    pub fn u64(&self, at: usize) -> u64 {
        self.raw.get(at..at + 8).map_or(0, |s| u64::from_ne_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]]))
    }
}

/// Reads the BBR record.
pub fn parse_bbr(p: &[u8]) -> Option<(u64, u32, u32, u32)> {
    let w = |i: usize| p.get(i * 4..i * 4 + 4).map(|s| u32::from_ne_bytes([s[0], s[1], s[2], s[3]]));
    Some((u64::from(w(0)?) | u64::from(w(1)?) << 32, w(2)?, w(3)?, w(4)?))
}
