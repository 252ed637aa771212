//! The packets the simulation moves: IPv4 datagrams carrying ICMP or UDP,
//! kept as parsed representations (the walk never needs their bytes, only
//! their sizes on the wire).

/// ICMP messages the walk produces and delivers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Icmp {
    /// Echo request (type 8) with its identifier, sequence and data length.
    EchoRequest { id: u16, seq: u16, data: usize },
    /// Echo reply (type 0), answering an echo request.
    EchoReply { id: u16, seq: u16, data: usize },
    /// Destination unreachable (type 3) with its code, quoting `quoted`.
    Unreachable { code: u8, mtu: u16, quoted: Box<Ipv4> },
    /// Time exceeded in transit (type 11, code 0), quoting `quoted`.
    TimeExceeded { quoted: Box<Ipv4> },
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

/// An IPv4 datagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ipv4 {
    /// Source address.
    pub src: u32,
    /// Destination address.
    pub dst: u32,
    /// Time to live.
    pub ttl: u8,
    /// Whether the don't-fragment bit is set.
    pub dont_fragment: bool,
    /// The contents.
    pub payload: Payload,
}

/// Length of an IPv4 header without options.
pub const IPV4_HEADER_LEN: usize = 20;
/// Length of an ICMP header.
pub const ICMP_HEADER_LEN: usize = 8;
/// Length of a UDP header.
pub const UDP_HEADER_LEN: usize = 8;
/// Length of an Ethernet header.
pub const ETHERNET_HEADER_LEN: usize = 14;
/// Length of an ARP frame for IPv4 over Ethernet (header included).
pub const ARP_FRAME_LEN: usize = 42;
/// How many bytes of the offending datagram an ICMP error quotes at most
/// (the kernel fills an error up to 576 bytes).
const ICMP_ERROR_MAX: usize = 576;

impl Ipv4 {
    /// The IP protocol number of the payload.
    pub fn protocol(&self) -> u8 {
        match self.payload {
            Payload::Icmp(_) => 1,
            Payload::Udp { .. } => 17,
        }
    }

    /// The datagram's total length (the IPv4 `tot_len`).
    pub fn total_len(&self) -> usize {
        IPV4_HEADER_LEN
            + match &self.payload {
                Payload::Udp { data, .. } => UDP_HEADER_LEN + data,
                Payload::Icmp(Icmp::EchoRequest { data, .. } | Icmp::EchoReply { data, .. }) => ICMP_HEADER_LEN + data,
                Payload::Icmp(Icmp::Unreachable { quoted, .. } | Icmp::TimeExceeded { quoted }) => {
                    (ICMP_HEADER_LEN + quoted.total_len()).min(ICMP_ERROR_MAX - IPV4_HEADER_LEN)
                }
            }
    }

    /// The frame length on an Ethernet link (what link counters add up).
    pub fn frame_len(&self) -> usize {
        ETHERNET_HEADER_LEN + self.total_len()
    }

    /// Whether this is an ICMP error (errors never cause errors).
    pub fn is_icmp_error(&self) -> bool {
        matches!(self.payload, Payload::Icmp(Icmp::Unreachable { .. } | Icmp::TimeExceeded { .. }))
    }
}

/// Formats an IPv4 address in dotted quad.
pub fn dotted(a: u32) -> String {
    std::net::Ipv4Addr::from(a).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn echo(data: usize) -> Ipv4 {
        Ipv4 { src: 1, dst: 2, ttl: 64, dont_fragment: true, payload: Payload::Icmp(Icmp::EchoRequest { id: 1, seq: 1, data }) }
    }

    #[test]
    fn sizes_follow_the_headers() {
        assert_eq!(echo(56).total_len(), 84);
        assert_eq!(echo(56).frame_len(), 98);
        let udp = Ipv4 { payload: Payload::Udp { sport: 1, dport: 33434, data: 32 }, ..echo(0) };
        assert_eq!(udp.total_len(), 60);
        let err = Ipv4 { payload: Payload::Icmp(Icmp::TimeExceeded { quoted: Box::new(echo(1400)) }), ..echo(0) };
        assert_eq!(err.total_len(), 576);
        assert!(err.is_icmp_error());
    }
}
