//! The packets the simulation moves: IPv4 and IPv6 datagrams carrying
//! ICMP (ICMPv6), UDP or TCP, kept as parsed representations (the walk
//! needs only their sizes on the wire; a capture renders their bytes).

use std::net::IpAddr;

/// ICMP messages the walk produces and delivers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Icmp {
    /// Echo request (type 8) with its identifier, sequence and data length.
    EchoRequest { id: u16, seq: u16, data: usize },
    /// Echo reply (type 0), answering an echo request.
    EchoReply { id: u16, seq: u16, data: usize },
    /// Destination unreachable with its IPv4 code ([`unreach`]; ICMPv6
    /// codes and packet-too-big are mapped from it), quoting `quoted`.
    Unreachable { code: u8, mtu: u16, quoted: Box<Datagram> },
    /// Time (hop limit) exceeded in transit, quoting `quoted`.
    TimeExceeded { quoted: Box<Datagram> },
    /// Neighbour discovery (ICMPv6 only): a solicitation (type 135) for
    /// `target` with the sender's link-layer address option, or the
    /// advertisement (type 136) of `target` with its own, solicited and
    /// overriding, `router` as the R flag (ndisc_send_ns, ndisc_send_na).
    Ndisc { advert: bool, target: std::net::Ipv6Addr, router: bool },
}

/// ICMP destination-unreachable codes the walk uses.
pub mod unreach {
    /// Network unreachable.
    pub const NET: u8 = 0;
    /// Host unreachable.
    pub const HOST: u8 = 1;
    /// Port unreachable.
    pub const PORT: u8 = 3;
    /// Fragmentation needed and DF set.
    pub const FRAG_NEEDED: u8 = 4;
    /// Communication administratively prohibited.
    pub const ADMIN_PROHIBITED: u8 = 13;
}

/// What an IPv4 datagram carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payload {
    /// An ICMP message.
    Icmp(Icmp),
    /// A UDP datagram with its ports and data.
    Udp { sport: u16, dport: u16, data: Vec<u8> },
    /// A TCP segment.
    Tcp(Tcp),
}

/// TCP header flag bits (`TCPHDR_*`).
pub mod tcp_flags {
    /// FIN: no more data from the sender.
    pub const FIN: u8 = 0x01;
    /// SYN: synchronise sequence numbers.
    pub const SYN: u8 = 0x02;
    /// RST: reset the connection.
    pub const RST: u8 = 0x04;
    /// PSH: push the data to the application.
    pub const PSH: u8 = 0x08;
    /// ACK: the acknowledgement number is valid.
    pub const ACK: u8 = 0x10;
}

/// The TCP options Linux sends (`tcp_options_write`), in its order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TcpOptions {
    /// Maximum segment size (SYN only).
    pub mss: Option<u16>,
    /// SACK permitted (SYN only).
    pub sack_ok: bool,
    /// Timestamps: value and echo reply.
    pub timestamp: Option<(u32, u32)>,
    /// Window scale shift (SYN only).
    pub wscale: Option<u8>,
}

impl TcpOptions {
    /// Length of the options on the wire, padded to 4 bytes.
    pub fn len(&self) -> usize {
        // mss 4; sackOK 2 (+2 for the nop,nop of a SYN without timestamps,
        // or shared with the timestamp's TS kind); TS 10 plus 2 nops; wscale
        // 3 plus 1 nop.
        let mut n = 0;
        if self.mss.is_some() {
            n += 4;
        }
        n += match (self.sack_ok, self.timestamp.is_some()) {
            (true, true) => 12,
            (true, false) => 4,
            (false, true) => 12,
            (false, false) => 0,
        };
        if self.wscale.is_some() {
            n += 4;
        }
        n
    }

    /// Whether there are no options.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A TCP segment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tcp {
    /// Source port.
    pub sport: u16,
    /// Destination port.
    pub dport: u16,
    /// Sequence number.
    pub seq: u32,
    /// Acknowledgement number (valid with ACK).
    pub ack: u32,
    /// Flag bits ([`tcp_flags`]).
    pub flags: u8,
    /// Advertised window, as on the wire (before scaling).
    pub window: u16,
    /// Options.
    pub options: TcpOptions,
    /// Data.
    pub data: Vec<u8>,
    /// The sender computed the whole checksum (`tcp_v4_send_reset`);
    /// otherwise it left it to the device (CHECKSUM_PARTIAL) and a capture
    /// sees only the pseudo-header's sum.
    pub checksum_complete: bool,
}

impl Tcp {
    /// Header length with options.
    pub fn header_len(&self) -> usize {
        TCP_HEADER_LEN + self.options.len()
    }

    /// Whether a flag is set.
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    /// How much sequence space the segment takes (data, SYN and FIN).
    pub fn seq_len(&self) -> u32 {
        self.data.len() as u32 + u32::from(self.has(tcp_flags::SYN)) + u32::from(self.has(tcp_flags::FIN))
    }
}

/// An IPv4 or IPv6 datagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Datagram {
    /// Source address (unspecified: let the route choose).
    pub src: IpAddr,
    /// Destination address.
    pub dst: IpAddr,
    /// Time to live (hop limit).
    pub ttl: u8,
    /// Whether the don't-fragment bit is set.
    pub dont_fragment: bool,
    /// The contents.
    pub payload: Payload,
}

/// Length of an IPv4 header without options.
pub const IPV4_HEADER_LEN: usize = 20;
/// Length of an IPv6 header without extension headers.
pub const IPV6_HEADER_LEN: usize = 40;
/// Length of a neighbour solicitation or advertisement frame with its
/// link-layer address option (Ethernet header included).
pub const NDISC_FRAME_LEN: usize = 86;
/// Length of an ICMP header.
pub const ICMP_HEADER_LEN: usize = 8;
/// Length of a UDP header.
pub const UDP_HEADER_LEN: usize = 8;
/// Length of a TCP header without options.
pub const TCP_HEADER_LEN: usize = 20;
/// Length of an Ethernet header.
pub const ETHERNET_HEADER_LEN: usize = 14;
/// Length of an ARP frame for IPv4 over Ethernet (header included).
pub const ARP_FRAME_LEN: usize = 42;
/// How many bytes an IPv4 ICMP error has at most (576, the minimum MTU).
const ICMP_ERROR_MAX: usize = 576;
/// How many bytes an ICMPv6 error has at most (1280, the IPv6 minimum MTU).
const ICMPV6_ERROR_MAX: usize = 1280;

impl Datagram {
    /// Whether this is an IPv6 datagram.
    pub fn is_v6(&self) -> bool {
        self.dst.is_ipv6()
    }

    /// The IP protocol number of the payload.
    pub fn protocol(&self) -> u8 {
        match self.payload {
            Payload::Icmp(_) if self.is_v6() => 58,
            Payload::Icmp(_) => 1,
            Payload::Udp { .. } => 17,
            Payload::Tcp(_) => 6,
        }
    }

    /// The transport ports (source, destination) of a UDP datagram or TCP
    /// segment, for netfilter's port matches and the socket lookup.
    pub fn ports(&self) -> Option<(u16, u16)> {
        match &self.payload {
            Payload::Udp { sport, dport, .. } => Some((*sport, *dport)),
            Payload::Tcp(t) => Some((t.sport, t.dport)),
            Payload::Icmp(_) => None,
        }
    }

    /// Rewrites the transport ports (source, destination) for NAT; nothing
    /// for ICMP.
    pub fn set_ports(&mut self, ports: (u16, u16)) {
        match &mut self.payload {
            Payload::Udp { sport, dport, .. } => (*sport, *dport) = ports,
            Payload::Tcp(t) => (t.sport, t.dport) = ports,
            Payload::Icmp(_) => {}
        }
    }

    /// The length of its IP header.
    pub fn header_len(&self) -> usize {
        if self.is_v6() { IPV6_HEADER_LEN } else { IPV4_HEADER_LEN }
    }

    /// The datagram's total length (IPv4 `tot_len`, IPv6 header plus payload).
    pub fn total_len(&self) -> usize {
        let max = if self.is_v6() { ICMPV6_ERROR_MAX } else { ICMP_ERROR_MAX };
        self.header_len()
            + match &self.payload {
                Payload::Udp { data, .. } => UDP_HEADER_LEN + data.len(),
                Payload::Tcp(t) => t.header_len() + t.data.len(),
                Payload::Icmp(Icmp::EchoRequest { data, .. } | Icmp::EchoReply { data, .. }) => ICMP_HEADER_LEN + data,
                Payload::Icmp(Icmp::Unreachable { quoted, .. } | Icmp::TimeExceeded { quoted }) => {
                    (ICMP_HEADER_LEN + quoted.total_len()).min(max - self.header_len())
                }
                // The header, the 16-byte target and one 8-byte address option.
                Payload::Icmp(Icmp::Ndisc { .. }) => ICMP_HEADER_LEN + 16 + 8,
            }
    }

    /// The frame length on an Ethernet link (what link counters add up).
    pub fn frame_len(&self) -> usize {
        ETHERNET_HEADER_LEN + self.total_len()
    }

    /// The frames the datagram leaves a device of MTU `mtu` in: one when
    /// it fits, else its fragments (`ip_do_fragment`: each carries the IP
    /// header and a multiple of 8 bytes of what follows it;
    /// `ip6_fragment`: the same behind an 8-byte fragment header).
    pub fn fragment_frames(&self, mtu: u32) -> Vec<usize> {
        let total = self.total_len();
        if total <= mtu as usize {
            return vec![ETHERNET_HEADER_LEN + total];
        }
        let (head, extra) = if self.is_v6() { (IPV6_HEADER_LEN, 8) } else { (IPV4_HEADER_LEN, 0) };
        let per = (mtu as usize).saturating_sub(head + extra) & !7;
        let mut rest = total - head;
        if per == 0 {
            return vec![ETHERNET_HEADER_LEN + total];
        }
        let mut frames = Vec::with_capacity(rest.div_ceil(per));
        while rest > 0 {
            let n = rest.min(per);
            frames.push(ETHERNET_HEADER_LEN + head + extra + n);
            rest -= n;
        }
        frames
    }

    /// Whether this is an ICMP error (errors never cause errors).
    pub fn is_icmp_error(&self) -> bool {
        matches!(self.payload, Payload::Icmp(Icmp::Unreachable { .. } | Icmp::TimeExceeded { .. }))
    }
}

/// The unspecified address of a family (`0.0.0.0` or `::`).
pub fn unspecified(v6: bool) -> IpAddr {
    if v6 { IpAddr::V6(std::net::Ipv6Addr::UNSPECIFIED) } else { IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn echo(data: usize) -> Datagram {
        Datagram {
            src: unspecified(false),
            dst: "10.0.0.2".parse().unwrap(),
            ttl: 64,
            dont_fragment: true,
            payload: Payload::Icmp(Icmp::EchoRequest { id: 1, seq: 1, data }),
        }
    }

    #[test]
    fn ports_are_read_and_rewritten() {
        let mut udp = Datagram { payload: Payload::Udp { sport: 1, dport: 33434, data: Vec::new() }, ..echo(0) };
        assert_eq!(udp.ports(), Some((1, 33434)));
        udp.set_ports((2, 53));
        assert_eq!(udp.ports(), Some((2, 53)));
        assert_eq!(echo(0).ports(), None);
    }

    #[test]
    fn sizes_follow_the_headers() {
        assert_eq!(echo(56).total_len(), 84);
        assert_eq!(echo(56).frame_len(), 98);
        let udp = Datagram { payload: Payload::Udp { sport: 1, dport: 33434, data: vec![0; 32] }, ..echo(0) };
        assert_eq!(udp.total_len(), 60);
        assert_eq!(udp.ports(), Some((1, 33434)));
        // A Linux SYN: mss, sackOK, timestamps, nop, wscale (40-byte header).
        let options = TcpOptions { mss: Some(1460), sack_ok: true, timestamp: Some((1, 0)), wscale: Some(7) };
        let mut syn = Datagram {
            payload: Payload::Tcp(Tcp { sport: 40000, dport: 80, flags: tcp_flags::SYN, options, ..Tcp::default() }),
            ..echo(0)
        };
        assert_eq!((syn.total_len(), syn.protocol()), (60, 6));
        syn.set_ports((1, 2));
        assert_eq!(syn.ports(), Some((1, 2)));
        // An established segment: nop, nop, timestamps (32-byte header).
        let ack = Tcp { options: TcpOptions { timestamp: Some((1, 1)), ..TcpOptions::default() }, data: vec![0; 6], ..Tcp::default() };
        assert_eq!((ack.header_len(), ack.seq_len()), (32, 6));
        let err = Datagram { payload: Payload::Icmp(Icmp::TimeExceeded { quoted: Box::new(echo(1400)) }), ..echo(0) };
        assert_eq!(err.total_len(), 576);
        assert!(err.is_icmp_error());
        let v6 = Datagram { dst: "fd00::2".parse().unwrap(), ..echo(56) };
        assert_eq!((v6.total_len(), v6.protocol()), (104, 58));
    }

    #[test]
    fn fragments_carry_multiples_of_eight() {
        // 1228 bytes over MTU 1000: 20 + 976, then 20 + 232 (as Linux sent them).
        assert_eq!(echo(1200).fragment_frames(1000), vec![1010, 266]);
        assert_eq!(echo(972).fragment_frames(1000), vec![1014]);
        // IPv6 adds an 8-byte fragment header to each: 48 + 1232, 48 + 168.
        let v6 = Datagram { dst: "fd00::2".parse().unwrap(), ..echo(1392) };
        assert_eq!(v6.fragment_frames(1280), vec![1294, 230]);
    }
}
