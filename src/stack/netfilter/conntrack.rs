//! Connection tracking (net/netfilter/nf_conntrack_core.c, nf_nat_core.c):
//! each flow's original and reply tuples, whether a reply was seen, and the
//! NAT bindings, which are the reply tuple itself (`nf_nat_setup_info`
//! changes the tuple the replies will carry). A flow lives for its
//! protocol's timeout after its last packet, on the virtual clock, with
//! Linux's defaults (`net.netfilter.nf_conntrack_*_timeout`); an expired
//! flow is forgotten, so its next packet is NEW again.

use std::net::IpAddr;

use crate::sim::packet::{Datagram, Icmp, Payload};

/// One direction of a flow: protocol, addresses and ports (the ICMP echo
/// identifier stands for both ports).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tuple {
    /// IP protocol number.
    pub proto: u8,
    /// Source address.
    pub src: IpAddr,
    /// Source port (or echo identifier).
    pub sport: u16,
    /// Destination address.
    pub dst: IpAddr,
    /// Destination port (or echo identifier).
    pub dport: u16,
    /// The ICMP type for echo flows (a request's reply is an echo reply);
    /// 0 for other protocols.
    pub icmp_type: u8,
}

impl Tuple {
    /// The tuple of a datagram; None for packets conntrack does not follow
    /// (ICMP errors are matched through what they quote).
    pub fn of(p: &Datagram) -> Option<Tuple> {
        let v6 = p.is_v6();
        let (sport, dport, icmp_type) = match &p.payload {
            Payload::Icmp(Icmp::EchoRequest { id, .. }) => (*id, *id, if v6 { 128 } else { 8 }),
            Payload::Icmp(Icmp::EchoReply { id, .. }) => (*id, *id, if v6 { 129 } else { 0 }),
            _ => {
                let (s, d) = p.ports()?;
                (s, d, 0)
            }
        };
        Some(Tuple { proto: p.protocol(), src: p.src, sport, dst: p.dst, dport, icmp_type })
    }

    /// The same flow seen from the other end (`nf_ct_invert_tuple`: an
    /// echo request's inverse is an echo reply).
    pub fn invert(&self) -> Tuple {
        let icmp_type = match self.icmp_type {
            8 => 0,
            0 if self.proto == 1 => 8,
            128 => 129,
            129 => 128,
            t => t,
        };
        Tuple { proto: self.proto, src: self.dst, sport: self.dport, dst: self.src, dport: self.sport, icmp_type }
    }
}

/// A tracked connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conn {
    /// The tuple of the first packet, as it arrived.
    pub orig: Tuple,
    /// The tuple replies carry (NAT changes it).
    pub reply: Tuple,
    /// Whether a reply was seen (the flow is ESTABLISHED).
    pub seen_reply: bool,
    /// Whether source NAT was decided (or declined) for the flow.
    pub src_nat_done: bool,
    /// Whether destination NAT was decided (or declined) for the flow.
    pub dst_nat_done: bool,
    /// When the first packet came (virtual clock, µs).
    pub created_us: u64,
    /// When the flow expires unless another packet comes (µs).
    pub expires_us: u64,
    /// IPS_ASSURED: TCP once a packet follows the reply in the original
    /// direction (the handshake's last ACK), UDP once the flow is a
    /// stream (nf_conntrack_tcp_packet, nf_conntrack_udp_packet).
    pub assured: bool,
}

impl Conn {
    /// IPS_SRC_NAT and IPS_DST_NAT: whether the binding changed the
    /// source or the destination (`nf_nat_setup_info` sets a bit only when
    /// the new tuple differs from the original).
    pub fn nat_status(&self) -> (bool, bool) {
        let snat = self.reply.dst != self.orig.src || self.reply.dport != self.orig.sport;
        let dnat = self.reply.src != self.orig.dst || self.reply.sport != self.orig.dport;
        (snat, dnat)
    }
}

/// Seconds to microseconds.
const SEC: u64 = 1_000_000;

impl Conn {
    /// The timeout a packet at `now_us` gives the flow (the defaults of
    /// nf_conntrack_proto_{icmp,icmpv6,udp,tcp,generic}.c): ICMP 30 s; UDP
    /// 30 s, or 120 s once replies came and the flow is 2 s old
    /// (`nf_conntrack_udp_packet`'s stream); TCP 120 s before a reply
    /// (SYN_SENT) and 432,000 s after (ESTABLISHED: TCP's closing states are
    /// not followed); any other protocol 600 s.
    fn timeout_us(&self, now_us: u64) -> u64 {
        let seconds = match self.orig.proto {
            1 | 58 => 30,
            17 if self.seen_reply && now_us > self.created_us.saturating_add(2 * SEC) => 120,
            17 => 30,
            6 if self.seen_reply => 432_000,
            6 => 120,
            _ => 600,
        };
        seconds * SEC
    }
}

/// How a packet relates to its connection (`enum ip_conntrack_info`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CtInfo {
    /// The first packet of a flow, or more of them before any reply.
    New,
    /// A flow that has seen traffic both ways.
    Established,
    /// An ICMP error about a tracked flow.
    Related,
    /// Nothing conntrack follows.
    Untracked,
    /// No connection attached yet: what chains before conntrack's own
    /// hook (raw, priority under NF_IP_PRI_CONNTRACK) see; `ct state`
    /// and `--ctstate` read INVALID (`nft_ct_get_eval`, `conntrack_mt`).
    Invalid,
}

impl CtInfo {
    /// The `ct state` bit (`NF_CT_STATE_BIT`): invalid 1, established 2, related 4, new 8, untracked 64.
    pub fn state_bit(self) -> u32 {
        match self {
            CtInfo::Invalid => 1,
            CtInfo::Established => 2,
            CtInfo::Related => 4,
            CtInfo::New => 8,
            CtInfo::Untracked => 64,
        }
    }
}

/// Whether a packet travels in its flow's original or reply direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// As the first packet did.
    Original,
    /// Back toward the first packet's sender.
    Reply,
}

/// The connections of one namespace.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Conntrack {
    /// Tracked flows, oldest first.
    pub conns: Vec<Conn>,
}

/// The most flows kept (`nf_conntrack_max` stands in): the oldest go first.
const MAX_CONNS: usize = 4096;

impl Conntrack {
    /// The connection a packet belongs to at any hook, translated or not:
    /// each field may be the original's or the NAT-ed one. Returns its
    /// index, direction and state; ICMP errors are RELATED to the flow of
    /// the packet they quote.
    pub fn find(&self, p: &Datagram, now_us: u64) -> Option<(usize, Dir, CtInfo)> {
        if p.is_icmp_error() {
            let quoted = match &p.payload {
                Payload::Icmp(Icmp::Unreachable { quoted, .. } | Icmp::TimeExceeded { quoted }) => quoted,
                _ => return None,
            };
            // The error travels against the packet it quotes.
            let (i, dir, _) = self.find(quoted, now_us)?;
            let dir = if dir == Dir::Original { Dir::Reply } else { Dir::Original };
            return Some((i, dir, CtInfo::Related));
        }
        let t = Tuple::of(p)?;
        self.conns.iter().enumerate().filter(|(_, c)| c.expires_us > now_us).find_map(|(i, c)| {
            let (o, r) = (c.orig, c.reply.invert());
            let fits = |a: &Tuple, b: &Tuple, t: &Tuple| {
                t.proto == a.proto
                    && t.icmp_type == a.icmp_type
                    && (t.src == a.src || t.src == b.src)
                    && (t.dst == a.dst || t.dst == b.dst)
                    && (t.sport == a.sport || t.sport == b.sport)
                    && (t.dport == a.dport || t.dport == b.dport)
            };
            if fits(&o, &r, &t) {
                Some((i, Dir::Original, if c.seen_reply { CtInfo::Established } else { CtInfo::New }))
            } else if fits(&c.reply, &o.invert(), &t) {
                Some((i, Dir::Reply, CtInfo::Established))
            } else {
                None
            }
        })
    }

    /// `nf_conntrack_in` at PREROUTING and OUTPUT at `now_us`: forgets
    /// expired flows, finds the connection of a packet (refreshing its
    /// timeout) or starts one; a packet in the reply direction makes the
    /// flow ESTABLISHED.
    pub fn track(&mut self, p: &Datagram, now_us: u64) -> Option<(usize, Dir, CtInfo)> {
        self.conns.retain(|c| c.expires_us > now_us);
        if let Some((i, dir, info)) = self.find(p, now_us) {
            if info != CtInfo::Related
                && let Some(c) = self.conns.get_mut(i)
            {
                if dir == Dir::Reply {
                    c.seen_reply = true;
                }
                let stream = c.orig.proto == 17 && c.seen_reply && now_us > c.created_us.saturating_add(2 * SEC);
                c.assured |= stream || (c.orig.proto == 6 && c.seen_reply && dir == Dir::Original);
                c.expires_us = now_us.saturating_add(c.timeout_us(now_us));
            }
            return Some((i, dir, info));
        }
        if p.is_icmp_error() {
            return None;
        }
        let t = Tuple::of(p)?;
        if self.conns.len() >= MAX_CONNS {
            self.conns.remove(0);
        }
        let mut c = Conn {
            orig: t,
            reply: t.invert(),
            seen_reply: false,
            src_nat_done: false,
            dst_nat_done: false,
            created_us: now_us,
            expires_us: 0,
            assured: false,
        };
        c.expires_us = now_us.saturating_add(c.timeout_us(now_us));
        self.conns.push(c);
        Some((self.conns.len() - 1, Dir::Original, CtInfo::New))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn udp(src: [u8; 4], sport: u16, dst: [u8; 4], dport: u16) -> Datagram {
        Datagram {
            src: IpAddr::from(src),
            dst: IpAddr::from(dst),
            ttl: 64,
            dont_fragment: false,
            payload: Payload::Udp { sport, dport, data: vec![] },
        }
    }

    fn echo(request: bool) -> Datagram {
        let (a, b) = ([10, 0, 0, 2], [10, 0, 1, 2]);
        let (src, dst, icmp) = if request {
            (a, b, Icmp::EchoRequest { id: 7, seq: 1, data: 56 })
        } else {
            (b, a, Icmp::EchoReply { id: 7, seq: 1, data: 56 })
        };
        Datagram { src: IpAddr::from(src), dst: IpAddr::from(dst), ttl: 64, dont_fragment: false, payload: Payload::Icmp(icmp) }
    }

    fn state(ct: &mut Conntrack, p: &Datagram, at_s: f64) -> CtInfo {
        ct.track(p, (at_s * 1e6) as u64).map(|(_, _, i)| i).unwrap()
    }

    #[test]
    fn an_icmp_flow_expires_30_s_after_its_last_packet() {
        let mut ct = Conntrack::default();
        assert_eq!(state(&mut ct, &echo(true), 0.0), CtInfo::New);
        assert_eq!(state(&mut ct, &echo(false), 0.001), CtInfo::Established);
        assert_eq!(state(&mut ct, &echo(true), 29.0), CtInfo::Established);
        // 30 s after the last packet (at 29 s) the flow is gone.
        assert_eq!(state(&mut ct, &echo(true), 59.0), CtInfo::New);
        assert_eq!(ct.conns.len(), 1);
    }

    #[test]
    fn udp_waits_30_s_unreplied_and_120_s_as_a_stream() {
        let (out, back) = (udp([10, 0, 0, 2], 5000, [10, 0, 1, 2], 53), udp([10, 0, 1, 2], 53, [10, 0, 0, 2], 5000));
        let mut ct = Conntrack::default();
        assert_eq!(state(&mut ct, &out, 0.0), CtInfo::New);
        assert_eq!(state(&mut ct, &out, 29.0), CtInfo::New);
        assert_eq!(state(&mut ct, &out, 59.5), CtInfo::New, "30 s without a packet: a new flow");
        assert_eq!(state(&mut ct, &back, 60.0), CtInfo::Established);
        // Replied but younger than 2 s: still 30 s.
        assert_eq!(state(&mut ct, &out, 61.0), CtInfo::Established);
        assert_eq!(state(&mut ct, &out, 91.5), CtInfo::New);
        // A stream: replied, and the packet came when the flow was over 2 s old.
        assert_eq!(state(&mut ct, &back, 92.0), CtInfo::Established);
        assert_eq!(state(&mut ct, &out, 95.0), CtInfo::Established);
        assert_eq!(state(&mut ct, &out, 214.0), CtInfo::Established);
        assert_eq!(state(&mut ct, &out, 334.5), CtInfo::New);
    }

    #[test]
    fn tcp_established_lasts_five_days_and_an_unanswered_syn_two_minutes() {
        let tcp = |sport, dport, src: [u8; 4], dst: [u8; 4]| {
            let mut p = udp(src, sport, dst, dport);
            p.payload = Payload::Tcp(crate::sim::packet::Tcp { sport, dport, ..Default::default() });
            p
        };
        let (out, back) = (tcp(40000, 22, [10, 0, 0, 2], [10, 0, 1, 2]), tcp(22, 40000, [10, 0, 1, 2], [10, 0, 0, 2]));
        let mut ct = Conntrack::default();
        assert_eq!(state(&mut ct, &out, 0.0), CtInfo::New);
        assert_eq!(state(&mut ct, &out, 119.0), CtInfo::New);
        assert_eq!(state(&mut ct, &out, 239.5), CtInfo::New);
        assert_eq!(state(&mut ct, &back, 240.0), CtInfo::Established);
        assert_eq!(state(&mut ct, &out, 240.0 + 431_999.0), CtInfo::Established);
        assert_eq!(state(&mut ct, &out, 240.0 + 2.0 * 432_000.0), CtInfo::New);
    }
}
