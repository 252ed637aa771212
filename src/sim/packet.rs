//! The packets the simulation moves: IPv4 and IPv6 datagrams carrying
//! ICMP (ICMPv6) or UDP, kept as parsed representations (the walk never
//! needs their bytes, only their sizes on the wire).

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
    /// A UDP datagram (traceroute's probes) with its ports and data length.
    Udp { sport: u16, dport: u16, data: usize },
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
                Payload::Udp { data, .. } => UDP_HEADER_LEN + data,
                Payload::Icmp(Icmp::EchoRequest { data, .. } | Icmp::EchoReply { data, .. }) => ICMP_HEADER_LEN + data,
                Payload::Icmp(Icmp::Unreachable { quoted, .. } | Icmp::TimeExceeded { quoted }) => {
                    (ICMP_HEADER_LEN + quoted.total_len()).min(max - self.header_len())
                }
            }
    }

    /// The frame length on an Ethernet link (what link counters add up).
    pub fn frame_len(&self) -> usize {
        ETHERNET_HEADER_LEN + self.total_len()
    }

    /// The transport ports (source, destination) of a UDP (later TCP)
    /// datagram; None for payloads without ports.
    pub fn ports(&self) -> Option<(u16, u16)> {
        match self.payload {
            Payload::Udp { sport, dport, .. } => Some((sport, dport)),
            Payload::Icmp(_) => None,
        }
    }

    /// Rewrites the transport ports (NAT); payloads without ports stay as they are.
    pub fn set_ports(&mut self, ports: (u16, u16)) {
        if let Payload::Udp { sport, dport, .. } = &mut self.payload {
            (*sport, *dport) = ports;
        }
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
        Datagram { src: unspecified(false), dst: "10.0.0.2".parse().unwrap(), ttl: 64, dont_fragment: true, payload: Payload::Icmp(Icmp::EchoRequest { id: 1, seq: 1, data }) }
    }

    #[test]
    fn ports_are_read_and_rewritten() {
        let mut udp = Datagram { payload: Payload::Udp { sport: 1, dport: 33434, data: 0 }, ..echo(0) };
        assert_eq!(udp.ports(), Some((1, 33434)));
        udp.set_ports((2, 53));
        assert_eq!(udp.ports(), Some((2, 53)));
        assert_eq!(echo(0).ports(), None);
    }

    #[test]
    fn sizes_follow_the_headers() {
        assert_eq!(echo(56).total_len(), 84);
        assert_eq!(echo(56).frame_len(), 98);
        let udp = Datagram { payload: Payload::Udp { sport: 1, dport: 33434, data: 32 }, ..echo(0) };
        assert_eq!(udp.total_len(), 60);
        let err = Datagram { payload: Payload::Icmp(Icmp::TimeExceeded { quoted: Box::new(echo(1400)) }), ..echo(0) };
        assert_eq!(err.total_len(), 576);
        assert!(err.is_icmp_error());
        let v6 = Datagram { dst: "fd00::2".parse().unwrap(), ..echo(56) };
        assert_eq!((v6.total_len(), v6.protocol()), (104, 58));
    }
}
