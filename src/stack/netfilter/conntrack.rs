//! Connection tracking (net/netfilter/nf_conntrack_core.c, nf_nat_core.c):
//! each flow's original and reply tuples, whether a reply was seen, and the
//! NAT bindings, which are the reply tuple itself (`nf_nat_setup_info`
//! changes the tuple the replies will carry).

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
}

impl CtInfo {
    /// The `ct state` bit (`NF_CT_STATE_BIT`): established 2, related 4, new 8, untracked 64.
    pub fn state_bit(self) -> u32 {
        match self {
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
    pub fn find(&self, p: &Datagram) -> Option<(usize, Dir, CtInfo)> {
        if p.is_icmp_error() {
            let quoted = match &p.payload {
                Payload::Icmp(Icmp::Unreachable { quoted, .. } | Icmp::TimeExceeded { quoted }) => quoted,
                _ => return None,
            };
            // The error travels against the packet it quotes.
            let (i, dir, _) = self.find(quoted)?;
            let dir = if dir == Dir::Original { Dir::Reply } else { Dir::Original };
            return Some((i, dir, CtInfo::Related));
        }
        let t = Tuple::of(p)?;
        self.conns.iter().enumerate().find_map(|(i, c)| {
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

    /// `nf_conntrack_in` at PREROUTING and OUTPUT: finds the connection of a
    /// packet or starts one; a packet in the reply direction makes the flow
    /// ESTABLISHED.
    pub fn track(&mut self, p: &Datagram) -> Option<(usize, Dir, CtInfo)> {
        if let Some((i, dir, info)) = self.find(p) {
            if dir == Dir::Reply && info != CtInfo::Related {
                if let Some(c) = self.conns.get_mut(i) {
                    c.seen_reply = true;
                }
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
        self.conns.push(Conn { orig: t, reply: t.invert(), seen_reply: false, src_nat_done: false, dst_nat_done: false });
        Some((self.conns.len() - 1, Dir::Original, CtInfo::New))
    }
}
