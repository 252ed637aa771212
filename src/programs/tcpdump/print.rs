//! One line per frame as tcpdump 4.99 prints it with `-n` (`-e` adds the
//! Ethernet header, `-v` the IP header): ARP, ICMP, UDP and TCP with its
//! flags, sequence numbers (relative after the first segment of each
//! direction), window and options.

use crate::sim::capture::{Content, Frame};
use crate::sim::packet::{Datagram, Icmp, Payload, Tcp, tcp_flags as f};
use crate::text::Ip;
use std::net::IpAddr;

/// A connection as print-tcp.c's `tcp_seq_hash` keys it: the end with the
/// lower port (or, on equal ports, the lower address) first.
type ConvKey = (IpAddr, u16, IpAddr, u16);

/// The sequence numbers relative ones count from, per connection
/// (print-tcp.c's `tcp_seq_hash`): the first end's and the second's.
#[derive(Debug, Default)]
pub struct Conversations {
    seen: Vec<(ConvKey, (u32, u32))>,
}

impl Conversations {
    fn get(&mut self, key: ConvKey) -> Option<&mut (u32, u32)> {
        self.seen.iter_mut().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

/// How lines are printed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// `-e`: the link-layer header.
    pub ethernet: bool,
    /// `-v`: the IP header's fields.
    pub verbose: bool,
    /// `-n`: no names for addresses.
    pub numeric: bool,
    /// `-q` (`ndo_qflag`): less protocol detail: `tcp LEN` for TCP, no
    /// decoding of UDP ports' protocols, the ethertype by name only.
    pub quiet: bool,
}

/// An ethertype as `-e` prints it (print-ether.c `ether_type_print`).
fn ether_type(name: &str, number: &str, style: Style) -> String {
    if style.quiet { name.to_string() } else { format!("ethertype {name} ({number})") }
}

/// The start of a line in a capture on `any` (Linux cooked v2,
/// `sll2_if_print`): the device's name, the packet's direction (`In`,
/// `Out`, `B`roadcast, `M`ulticast) and with `-e` the cooked header.
pub fn cooked_prefix(frame: &Frame, ifname: &str, style: Style) -> String {
    let dir = if frame.outgoing {
        "Out"
    } else if frame.dst == [0xff; 6] {
        "B"
    } else if frame.dst[0] & 1 != 0 {
        "M"
    } else {
        "In"
    };
    let mut text = format!("{ifname:<5} {dir:<3} ");
    if style.ethernet {
        let (name, ty, len) = match &frame.content {
            Content::Arp { .. } => ("ARP", "0x0806", ARP_LEN),
            Content::Nd { .. } => ("IPv6", "0x86dd", ND_LEN),
            Content::Ip(d) if d.is_v6() => ("IPv6", "0x86dd", d.total_len()),
            Content::Ip(d) => ("IPv4", "0x0800", d.total_len()),
        };
        text.push_str(&format!(
            "ifindex {} {} ethertype {name} ({ty}), length {}: ",
            frame.ifindex,
            mac(&frame.src, style),
            len + SLL2_HEADER_LEN
        ));
    }
    text
}

/// Length of a Linux cooked v2 header.
const SLL2_HEADER_LEN: usize = 20;
/// Length of an ARP message for IPv4 over Ethernet.
const ARP_LEN: usize = 28;
/// Length of a neighbour solicitation or advertisement with its IPv6
/// header (an ICMPv6 message of 32 bytes).
const ND_LEN: usize = 72;

/// The line for a frame captured on `any`, without its timestamp.
pub fn cooked_line(frame: &Frame, ifname: &str, style: Style, conv: &mut Conversations) -> String {
    let prefix = cooked_prefix(frame, ifname, style);
    let body = line(frame, Style { ethernet: false, ..style }, conv);
    if style.ethernet {
        // The cooked header stands where IP/ARP would: the body follows it.
        let body = body.strip_prefix("IP6 ").or_else(|| body.strip_prefix("IP ")).unwrap_or(&body);
        let body = body.strip_prefix("ARP, ").unwrap_or(body);
        return format!("{prefix}{body}");
    }
    format!("{prefix}{body}")
}

/// A MAC address as `mac48_string` prints it: without `-n` the OUI's
/// vendor follows (none of the locally administered ones has one).
fn mac(m: &[u8; 6], style: Style) -> String {
    let text = m.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":");
    if style.numeric { text } else { format!("{text} (oui Unknown)") }
}

/// The line for a frame, without its timestamp.
pub fn line(frame: &Frame, style: Style, conv: &mut Conversations) -> String {
    let body = match &frame.content {
        Content::Arp { op, sender_ip, target_ip, sender_mac, .. } => {
            let (sender_ip, target_ip) = (Ip(IpAddr::V4(*sender_ip)), Ip(IpAddr::V4(*target_ip)));
            let what = if *op == 1 {
                format!("Request who-has {target_ip} tell {sender_ip}")
            } else {
                format!("Reply {sender_ip} is-at {}", mac(sender_mac, style))
            };
            if style.ethernet {
                return format!(
                    "{} > {}, {}, length 42: {what}, length 28",
                    mac(&frame.src, style),
                    mac(&frame.dst, style),
                    ether_type("ARP", "0x0806", style)
                );
            }
            if style.verbose {
                return format!("ARP, Ethernet (len 6), IPv4 (len 4), {what}, length 28");
            }
            return format!("ARP, {what}, length 28");
        }
        Content::Ip(d) => ip(d, style, conv),
        Content::Nd { advert, src, dst, target, .. } => {
            let (src, dst, target) = (Ip(IpAddr::V6(*src)), Ip(IpAddr::V6(*dst)), Ip(IpAddr::V6(*target)));
            let what = if *advert {
                format!("neighbor advertisement, tgt is {target}")
            } else {
                format!("neighbor solicitation, who has {target}")
            };
            let body = format!("{src} > {dst}: ICMP6, {what}, length 32");
            if style.ethernet {
                return format!(
                    "{} > {}, {}, length {}: {body}",
                    mac(&frame.src, style),
                    mac(&frame.dst, style),
                    ether_type("IPv6", "0x86dd", style),
                    ND_LEN + 14
                );
            }
            return format!("IP6 {body}");
        }
    };
    let Content::Ip(d) = &frame.content else { return body };
    if style.ethernet {
        let (name, ty) = if d.is_v6() { ("IPv6", "0x86dd") } else { ("IPv4", "0x0800") };
        format!(
            "{} > {}, {}, length {}: {body}",
            mac(&frame.src, style),
            mac(&frame.dst, style),
            ether_type(name, ty, style),
            d.frame_len()
        )
    } else {
        format!("{} {body}", if d.is_v6() { "IP6" } else { "IP" })
    }
}

fn ip(d: &Datagram, style: Style, conv: &mut Conversations) -> String {
    let (proto, num) = match &d.payload {
        Payload::Icmp(_) if d.is_v6() => ("ICMP6", 58),
        Payload::Icmp(_) => ("ICMP", 1),
        Payload::Udp { .. } => ("UDP", 17),
        Payload::Tcp(_) => ("TCP", 6),
    };
    let mut head = String::new();
    if style.verbose && !d.is_v6() {
        let id = if matches!(&d.payload, Payload::Tcp(t) if t.has(f::RST)) { 0 } else { 1 };
        let flags = if d.dont_fragment { "[DF]" } else { "[none]" };
        head = format!("(tos 0x0, ttl {}, id {id}, offset 0, flags {flags}, proto {proto} ({num}), length {})\n    ", d.ttl, d.total_len());
    }
    let rest = match &d.payload {
        Payload::Icmp(icmp) => {
            let mut text = format!("{} > {}: {}", Ip(d.src), Ip(d.dst), icmp_text(icmp, d));
            // -v shows the datagram an error quotes, indented.
            if let (true, Icmp::Unreachable { quoted, .. } | Icmp::TimeExceeded { quoted }) = (style.verbose, icmp) {
                let name = if quoted.is_v6() { "IP6" } else { "IP" };
                text += &format!("\n\t{name} {}", ip(quoted, style, &mut Conversations::default()));
            }
            text
        }
        // Ports 53 and 5353 (mDNS) go to the DNS printer, which refuses
        // anything shorter than a DNS header (not with -q: udp_print).
        Payload::Udp { sport, dport, data } if !style.quiet && [53, 5353].iter().any(|p| p == sport || p == dport) && data.len() < 12 => {
            format!("{}.{sport} > {}.{dport}: domain [length {} < 12] (invalid)", Ip(d.src), Ip(d.dst), data.len())
        }
        Payload::Udp { sport, dport, data } => format!("{}.{sport} > {}.{dport}: UDP, length {}", Ip(d.src), Ip(d.dst), data.len()),
        Payload::Tcp(t) => format!("{}.{} > {}.{}: {}", Ip(d.src), t.sport, Ip(d.dst), t.dport, tcp(d, t, style, conv)),
    };
    head + &rest
}

fn icmp_text(icmp: &Icmp, d: &Datagram) -> String {
    let len = d.total_len() - d.header_len();
    match icmp {
        // print-icmp6.c words it `ICMP6, echo request`.
        Icmp::EchoRequest { id, seq, .. } if d.is_v6() => format!("ICMP6, echo request, id {id}, seq {seq}, length {len}"),
        Icmp::EchoReply { id, seq, .. } if d.is_v6() => format!("ICMP6, echo reply, id {id}, seq {seq}, length {len}"),
        Icmp::EchoRequest { id, seq, .. } => format!("ICMP echo request, id {id}, seq {seq}, length {len}"),
        Icmp::EchoReply { id, seq, .. } => format!("ICMP echo reply, id {id}, seq {seq}, length {len}"),
        Icmp::Unreachable { code, quoted, .. } => {
            let what = match (*code, &quoted.payload) {
                (3, Payload::Udp { dport, .. }) => format!("{} udp port {dport} unreachable", Ip(quoted.dst)),
                (3, Payload::Tcp(t)) => format!("{} tcp port {} unreachable", Ip(quoted.dst), t.dport),
                (1, _) => format!("host {} unreachable", Ip(quoted.dst)),
                (0, _) => format!("net {} unreachable", Ip(quoted.dst)),
                _ => format!("{} unreachable", Ip(quoted.dst)),
            };
            format!("ICMP {what}, length {len}")
        }
        Icmp::TimeExceeded { .. } => format!("ICMP time exceeded in-transit, length {len}"),
        // print-icmp6.c's words; taps see neighbour discovery as Content::Nd.
        Icmp::Ndisc { advert: false, target, .. } => {
            format!("ICMP6, neighbor solicitation, who has {}, length {len}", Ip(IpAddr::V6(*target)))
        }
        Icmp::Ndisc { advert: true, target, .. } => {
            format!("ICMP6, neighbor advertisement, tgt is {}, length {len}", Ip(IpAddr::V6(*target)))
        }
    }
}

/// The TCP part (print-tcp.c `tcp_print`).
fn tcp(d: &Datagram, t: &Tcp, style: Style, conv: &mut Conversations) -> String {
    if style.quiet {
        return format!("tcp {}", t.data.len());
    }
    let mut flags = String::new();
    for (bit, c) in [(f::FIN, 'F'), (f::SYN, 'S'), (f::RST, 'R'), (f::PSH, 'P')] {
        if t.has(bit) {
            flags.push(c);
        }
    }
    if t.has(f::ACK) {
        flags.push('.');
    }
    if flags.is_empty() {
        flags.push_str("none");
    }
    let mut s = format!("Flags [{flags}]");
    if style.verbose {
        let real = checksum(d, t);
        if t.checksum_complete {
            s += &format!(", cksum 0x{real:04x} (correct)");
        } else {
            // Sockets leave the checksum to the device (CHECKSUM_PARTIAL):
            // the field holds only the pseudo-header's sum when captured.
            s += &format!(", cksum 0x{:04x} (incorrect -> 0x{real:04x})", pseudo_sum(d, t));
        }
    }
    // Only segments with ACK take part: one with SYN (or the first seen)
    // records both ends' bases and prints absolute numbers, later ones
    // print relative numbers; without ACK they stay absolute.
    let (mut seq, mut ack) = (t.seq, t.ack);
    if t.has(f::ACK) {
        let rev = t.sport > t.dport || (t.sport == t.dport && crate::text::ip_octets(d.src) > crate::text::ip_octets(d.dst));
        let key = if rev { (d.dst, t.dport, d.src, t.sport) } else { (d.src, t.sport, d.dst, t.dport) };
        let fresh = if rev { (t.ack.wrapping_sub(1), t.seq) } else { (t.seq, t.ack.wrapping_sub(1)) };
        match conv.get(key) {
            Some(bases) if !t.has(f::SYN) => {
                let (mine, theirs) = if rev { (bases.1, bases.0) } else { (bases.0, bases.1) };
                seq = seq.wrapping_sub(mine);
                ack = ack.wrapping_sub(theirs);
            }
            Some(bases) => *bases = fresh,
            None => conv.seen.push((key, fresh)),
        }
    }
    let len = t.data.len() as u32;
    if len > 0 || t.has(f::SYN) || t.has(f::FIN) || t.has(f::RST) {
        s += &format!(", seq {seq}");
        if len > 0 {
            s += &format!(":{}", seq.wrapping_add(len));
        }
    }
    if t.has(f::ACK) {
        s += &format!(", ack {ack}");
    }
    s += &format!(", win {}", t.window);
    if !t.options.is_empty() {
        let o = &t.options;
        let mut parts = Vec::new();
        if let Some(m) = o.mss {
            parts.push(format!("mss {m}"));
        }
        match (o.sack_ok, o.timestamp) {
            (true, Some((v, e))) => parts.extend([String::from("sackOK"), format!("TS val {v} ecr {e}")]),
            (true, None) => parts.extend(["nop".into(), "nop".into(), "sackOK".into()]),
            (false, Some((v, e))) => parts.extend(["nop".into(), "nop".into(), format!("TS val {v} ecr {e}")]),
            (false, None) => {}
        }
        if let Some(w) = o.wscale {
            parts.extend(["nop".into(), format!("wscale {w}")]);
        }
        s += &format!(", options [{}]", parts.join(","));
    }
    s += &format!(", length {len}");
    if len > 0 && [80, 8080].iter().any(|p| *p == t.sport || *p == t.dport) {
        s += ": HTTP";
        let text = String::from_utf8_lossy(&t.data);
        let first = text.split("\r\n").next().unwrap_or("");
        let http = ["GET ", "HEAD ", "POST ", "PUT ", "HTTP/"].iter().any(|p| first.starts_with(p));
        if http && text.contains("\r\n") {
            s += &format!(": {first}");
        }
    }
    s
}

fn fold(mut sum: u32) -> u16 {
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    sum as u16
}

fn add_bytes(sum: &mut u32, bytes: &[u8]) {
    for pair in bytes.chunks(2) {
        let hi = u32::from(pair[0]) << 8;
        *sum += hi | u32::from(*pair.get(1).unwrap_or(&0));
    }
}

/// The pseudo-header sum (addresses, protocol, TCP length), folded.
fn pseudo_sum(d: &Datagram, t: &Tcp) -> u16 {
    let mut sum = 0u32;
    match (d.src, d.dst) {
        (IpAddr::V4(s), IpAddr::V4(x)) => {
            add_bytes(&mut sum, &s.octets());
            add_bytes(&mut sum, &x.octets());
        }
        (IpAddr::V6(s), IpAddr::V6(x)) => {
            add_bytes(&mut sum, &s.octets());
            add_bytes(&mut sum, &x.octets());
        }
        _ => {}
    }
    sum += 6 + (t.header_len() + t.data.len()) as u32;
    fold(sum)
}

/// The segment's real checksum.
pub fn checksum(d: &Datagram, t: &Tcp) -> u16 {
    let mut sum = u32::from(pseudo_sum(d, t));
    add_bytes(&mut sum, &super::pcap::tcp_bytes(t, 0));
    !fold(sum)
}
