//! pcap files (LINKTYPE_ETHERNET, microsecond timestamps): frames as the
//! bytes on the wire, for `tcpdump -w`/`-r` and the JS `capture` call, and
//! back. Decoding never panics: a frame it cannot read is skipped.

use crate::sim::capture::{Content, Frame};
use crate::sim::packet::{Datagram, Icmp, Payload, Tcp, TcpOptions, tcp_flags as f};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Seconds from the epoch at which the virtual clock starts (2026-01-01).
pub const EPOCH: u64 = 1_767_225_600;
/// Snapshot length written in the header (tcpdump's default).
pub const SNAPLEN: u32 = 262_144;

/// The file header.
pub fn header() -> Vec<u8> {
    let mut h = Vec::with_capacity(24);
    h.extend(0xa1b2_c3d4u32.to_le_bytes());
    h.extend(2u16.to_le_bytes());
    h.extend(4u16.to_le_bytes());
    h.extend(0i32.to_le_bytes());
    h.extend(0u32.to_le_bytes());
    h.extend(SNAPLEN.to_le_bytes());
    h.extend(1u32.to_le_bytes());
    h
}

/// A whole file of frames.
pub fn file(frames: &[Frame]) -> Vec<u8> {
    let mut out = header();
    for fr in frames {
        out.extend(record(fr));
    }
    out
}

/// One record: its header and the frame's bytes.
pub fn record(fr: &Frame) -> Vec<u8> {
    let bytes = frame_bytes(fr);
    let secs = EPOCH + fr.at_us / 1_000_000;
    let mut r = Vec::with_capacity(16 + bytes.len());
    r.extend((secs as u32).to_le_bytes());
    r.extend(((fr.at_us % 1_000_000) as u32).to_le_bytes());
    r.extend((bytes.len() as u32).to_le_bytes());
    r.extend((bytes.len() as u32).to_le_bytes());
    r.extend(bytes);
    r
}

fn sum16(bytes: &[u8]) -> u32 {
    bytes.chunks(2).map(|p| (u32::from(p[0]) << 8) | u32::from(*p.get(1).unwrap_or(&0))).sum()
}

fn fold(mut s: u32) -> u16 {
    while s > 0xffff {
        s = (s & 0xffff) + (s >> 16);
    }
    s as u16
}

fn pseudo(src: IpAddr, dst: IpAddr, proto: u8, len: usize) -> u32 {
    let (s, d) = match (src, dst) {
        (IpAddr::V4(s), IpAddr::V4(d)) => (s.octets().to_vec(), d.octets().to_vec()),
        (IpAddr::V6(s), IpAddr::V6(d)) => (s.octets().to_vec(), d.octets().to_vec()),
        _ => (Vec::new(), Vec::new()),
    };
    sum16(&s) + sum16(&d) + u32::from(proto) + len as u32
}

/// A TCP header with options and data, with `check` in its checksum field.
pub fn tcp_bytes(t: &Tcp, check: u16) -> Vec<u8> {
    let mut b = Vec::with_capacity(t.header_len() + t.data.len());
    b.extend(t.sport.to_be_bytes());
    b.extend(t.dport.to_be_bytes());
    b.extend(t.seq.to_be_bytes());
    b.extend(t.ack.to_be_bytes());
    b.push(((t.header_len() / 4) as u8) << 4);
    b.push(t.flags);
    b.extend(t.window.to_be_bytes());
    b.extend(check.to_be_bytes());
    b.extend([0, 0]);
    let o = &t.options;
    if let Some(m) = o.mss {
        b.extend([2, 4]);
        b.extend(m.to_be_bytes());
    }
    match (o.sack_ok, o.timestamp) {
        (true, Some(_)) => b.extend([4, 2]),
        (true, None) => b.extend([1, 1, 4, 2]),
        (false, Some(_)) => b.extend([1, 1]),
        (false, None) => {}
    }
    if let Some((v, e)) = o.timestamp {
        b.extend([8, 10]);
        b.extend(v.to_be_bytes());
        b.extend(e.to_be_bytes());
    }
    if let Some(w) = o.wscale {
        b.extend([1, 3, 3, w]);
    }
    b.extend(&t.data);
    b
}

/// The transport bytes of a datagram (checksums filled in, but a TCP
/// segment from a socket holds only its pseudo-header sum, as captured).
fn transport(d: &Datagram) -> Vec<u8> {
    let proto = d.protocol();
    match &d.payload {
        Payload::Tcp(t) => {
            let len = t.header_len() + t.data.len();
            let partial = fold(pseudo(d.src, d.dst, 6, len));
            if t.checksum_complete {
                let full = !fold(u32::from(partial) + sum16(&tcp_bytes(t, 0)));
                tcp_bytes(t, full)
            } else {
                tcp_bytes(t, partial)
            }
        }
        Payload::Udp { sport, dport, data } => {
            let len = 8 + data.len();
            let mut b = Vec::with_capacity(len);
            b.extend(sport.to_be_bytes());
            b.extend(dport.to_be_bytes());
            b.extend((len as u16).to_be_bytes());
            b.extend([0, 0]);
            b.extend(data);
            let c = !fold(pseudo(d.src, d.dst, 17, len) + sum16(&b));
            b[6..8].copy_from_slice(&c.to_be_bytes());
            b
        }
        Payload::Icmp(icmp) => {
            let v6 = d.is_v6();
            let mut b = match icmp {
                Icmp::EchoRequest { id, seq, data } | Icmp::EchoReply { id, seq, data } => {
                    let request = matches!(icmp, Icmp::EchoRequest { .. });
                    let ty = match (v6, request) {
                        (false, true) => 8,
                        (false, false) => 0,
                        (true, true) => 128,
                        (true, false) => 129,
                    };
                    let mut b = vec![ty, 0, 0, 0];
                    b.extend(id.to_be_bytes());
                    b.extend(seq.to_be_bytes());
                    b.extend(std::iter::repeat_n(0u8, *data));
                    b
                }
                Icmp::Unreachable { code, mtu, quoted } => {
                    let (ty, c) = if v6 { if *code == 4 { (2, 0) } else { (1, if *code == 3 { 4 } else { 0 }) } } else { (3, *code) };
                    let mut b = vec![ty, c, 0, 0, 0, 0];
                    b.extend(mtu.to_be_bytes());
                    b.extend(ip_bytes(quoted));
                    b
                }
                Icmp::TimeExceeded { quoted } => {
                    let mut b = vec![if v6 { 3 } else { 11 }, 0, 0, 0, 0, 0, 0, 0];
                    b.extend(ip_bytes(quoted));
                    b
                }
                // Taps see neighbour discovery as Content::Nd; the address
                // option's link-layer address is not carried here.
                Icmp::Ndisc { advert, target, router } => {
                    let flags = if *advert { 0x60 | if *router { 0x80 } else { 0 } } else { 0 };
                    let mut b = vec![if *advert { 136 } else { 135 }, 0, 0, 0, flags, 0, 0, 0];
                    b.extend(target.octets());
                    b.extend([if *advert { 2 } else { 1 }, 1, 0, 0, 0, 0, 0, 0]);
                    b
                }
            };
            b.truncate(d.total_len() - d.header_len());
            let extra = if v6 { pseudo(d.src, d.dst, proto, b.len()) } else { 0 };
            let c = !fold(extra + sum16(&b));
            b[2..4].copy_from_slice(&c.to_be_bytes());
            b
        }
    }
}

/// A datagram's bytes, IP header included.
pub fn ip_bytes(d: &Datagram) -> Vec<u8> {
    let body = transport(d);
    let mut h = Vec::with_capacity(40 + body.len());
    match (d.src, d.dst) {
        (IpAddr::V4(s), IpAddr::V4(x)) => {
            let id: u16 = if matches!(&d.payload, Payload::Tcp(t) if t.has(f::RST)) { 0 } else { 1 };
            h.extend([0x45, 0]);
            h.extend(((20 + body.len()) as u16).to_be_bytes());
            h.extend(id.to_be_bytes());
            h.extend(if d.dont_fragment { [0x40, 0] } else { [0, 0] });
            h.extend([d.ttl, d.protocol(), 0, 0]);
            h.extend(s.octets());
            h.extend(x.octets());
            let c = !fold(sum16(&h));
            h[10..12].copy_from_slice(&c.to_be_bytes());
        }
        (IpAddr::V6(s), IpAddr::V6(x)) => {
            h.extend([0x60, 0, 0, 0]);
            h.extend((body.len() as u16).to_be_bytes());
            h.extend([d.protocol(), d.ttl]);
            h.extend(s.octets());
            h.extend(x.octets());
        }
        _ => {}
    }
    h.extend(body);
    h
}

/// A frame's bytes, Ethernet header included.
pub fn frame_bytes(fr: &Frame) -> Vec<u8> {
    let mut b = Vec::with_capacity(98);
    b.extend(fr.dst);
    b.extend(fr.src);
    match &fr.content {
        Content::Arp { op, sender_mac, sender_ip, target_mac, target_ip } => {
            b.extend([0x08, 0x06, 0, 1, 0x08, 0, 6, 4]);
            b.extend(op.to_be_bytes());
            b.extend(sender_mac);
            b.extend(sender_ip.octets());
            b.extend(target_mac);
            b.extend(target_ip.octets());
        }
        Content::Ip(d) => {
            b.extend(if d.is_v6() { [0x86, 0xdd] } else { [0x08, 0x00] });
            b.extend(ip_bytes(d));
        }
        Content::Nd { advert, src, dst, target, lladdr } => {
            b.extend([0x86, 0xdd]);
            b.extend(nd_bytes(*advert, *src, *dst, *target, *lladdr));
        }
    }
    b
}

/// A neighbour solicitation or advertisement with its IPv6 header
/// (`ndisc_send_ns`, `ndisc_send_na`: hop limit 255, the link-layer
/// address option; an answer is solicited and overrides).
fn nd_bytes(advert: bool, src: std::net::Ipv6Addr, dst: std::net::Ipv6Addr, target: std::net::Ipv6Addr, lladdr: [u8; 6]) -> Vec<u8> {
    let mut icmp = vec![if advert { 136 } else { 135 }, 0, 0, 0, if advert { 0x60 } else { 0 }, 0, 0, 0];
    icmp.extend(target.octets());
    icmp.extend([if advert { 2 } else { 1 }, 1]);
    icmp.extend(lladdr);
    let check = !fold(pseudo(src.into(), dst.into(), 58, icmp.len()) + sum16(&icmp));
    icmp[2..4].copy_from_slice(&check.to_be_bytes());
    let mut b = vec![0x60, 0, 0, 0];
    b.extend((icmp.len() as u16).to_be_bytes());
    b.extend([58, 255]);
    b.extend(src.octets());
    b.extend(dst.octets());
    b.extend(icmp);
    b
}

/// Reads a neighbour solicitation or advertisement (None: another packet).
fn parse_nd(b: &[u8]) -> Option<Content> {
    if b.first()? >> 4 != 6 || *b.get(6)? != 58 || !matches!(b.get(40)?, 135 | 136) {
        return None;
    }
    let addr = |i: usize| -> Option<std::net::Ipv6Addr> { Some(<[u8; 16]>::try_from(b.get(i..i + 16)?).ok()?.into()) };
    let lladdr: [u8; 6] = b.get(66..72)?.try_into().ok()?;
    Some(Content::Nd { advert: b[40] == 136, src: addr(8)?, dst: addr(24)?, target: addr(48)?, lladdr })
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn le32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Reads a pcap file; None when it is not one (bad magic or link type).
pub fn read(bytes: &[u8]) -> Option<Vec<Frame>> {
    if le32(bytes, 0)? != 0xa1b2_c3d4 || le32(bytes, 20)? != 1 {
        return None;
    }
    let mut frames = Vec::new();
    let mut at = 24;
    while let (Some(secs), Some(usecs), Some(len)) = (le32(bytes, at), le32(bytes, at + 4), le32(bytes, at + 8)) {
        let start = at + 16;
        let Some(data) = start.checked_add(len as usize).and_then(|end| bytes.get(start..end)) else { break };
        let at_us = u64::from(secs).saturating_sub(EPOCH) * 1_000_000 + u64::from(usecs);
        if let Some(fr) = parse_frame(data, at_us) {
            frames.push(fr);
        }
        at = start + len as usize;
    }
    Some(frames)
}

fn parse_frame(b: &[u8], at_us: u64) -> Option<Frame> {
    let dst: [u8; 6] = b.get(0..6)?.try_into().ok()?;
    let src: [u8; 6] = b.get(6..12)?.try_into().ok()?;
    let content = match be16(b, 12)? {
        0x0806 => {
            let a = b.get(14..42)?;
            let mac = |i: usize| -> Option<[u8; 6]> { a.get(i..i + 6)?.try_into().ok() };
            let ip = |i: usize| -> Option<Ipv4Addr> { Some(Ipv4Addr::from(<[u8; 4]>::try_from(a.get(i..i + 4)?).ok()?)) };
            Content::Arp { op: be16(a, 6)?, sender_mac: mac(8)?, sender_ip: ip(14)?, target_mac: mac(18)?, target_ip: ip(24)? }
        }
        0x86dd if parse_nd(b.get(14..)?).is_some() => parse_nd(b.get(14..)?)?,
        0x0800 | 0x86dd => Content::Ip(parse_ip(b.get(14..)?)?),
        _ => return None,
    };
    Some(Frame { at_us, ifindex: 0, outgoing: false, src, dst, content })
}

/// Reads a datagram (a quoted one may be cut short: its transport part
/// is then what there is).
fn parse_ip(b: &[u8]) -> Option<Datagram> {
    let (src, dst, ttl, df, proto, body): (IpAddr, IpAddr, u8, bool, u8, &[u8]) = match b.first()? >> 4 {
        4 => {
            let ihl = usize::from(b.first()? & 0x0f) * 4;
            let total = usize::from(be16(b, 2)?).min(b.len());
            let s: [u8; 4] = b.get(12..16)?.try_into().ok()?;
            let d: [u8; 4] = b.get(16..20)?.try_into().ok()?;
            (s.into(), d.into(), *b.get(8)?, be16(b, 6)? & 0x4000 != 0, *b.get(9)?, b.get(ihl..total.max(ihl))?)
        }
        6 => {
            let s: [u8; 16] = b.get(8..24)?.try_into().ok()?;
            let d: [u8; 16] = b.get(24..40)?.try_into().ok()?;
            let end = (40 + usize::from(be16(b, 4)?)).min(b.len());
            (Ipv6Addr::from(s).into(), Ipv6Addr::from(d).into(), *b.get(7)?, false, *b.get(6)?, b.get(40..end)?)
        }
        _ => return None,
    };
    let payload = match proto {
        6 => Payload::Tcp(parse_tcp(body)?),
        17 => Payload::Udp { sport: be16(body, 0)?, dport: be16(body, 2)?, data: body.get(8..).unwrap_or_default().to_vec() },
        1 | 58 => Payload::Icmp(parse_icmp(body, proto == 58)?),
        _ => return None,
    };
    Some(Datagram { src, dst, ttl, dont_fragment: df, payload })
}

fn parse_icmp(b: &[u8], v6: bool) -> Option<Icmp> {
    let (ty, code) = (*b.first()?, *b.get(1)?);
    let data = b.len().saturating_sub(8);
    let quoted = || parse_ip(b.get(8..).unwrap_or_default()).map(Box::new);
    Some(match (v6, ty) {
        (false, 8) | (true, 128) => Icmp::EchoRequest { id: be16(b, 4)?, seq: be16(b, 6)?, data },
        (false, 0) | (true, 129) => Icmp::EchoReply { id: be16(b, 4)?, seq: be16(b, 6)?, data },
        (false, 3) => Icmp::Unreachable { code, mtu: be16(b, 6)?, quoted: quoted()? },
        (true, 1) => Icmp::Unreachable { code: if code == 4 { 3 } else { 1 }, mtu: 0, quoted: quoted()? },
        (true, 2) => Icmp::Unreachable { code: 4, mtu: be16(b, 6)?, quoted: quoted()? },
        (false, 11) | (true, 3) => Icmp::TimeExceeded { quoted: quoted()? },
        _ => return None,
    })
}

fn parse_tcp(b: &[u8]) -> Option<Tcp> {
    let off = usize::from(b.get(12)? >> 4) * 4;
    let mut options = TcpOptions::default();
    let mut i = 20;
    let opts = b.get(..off.max(20))?;
    while i < opts.len() {
        match opts[i] {
            0 => break,
            1 => i += 1,
            kind => {
                let len = usize::from(*opts.get(i + 1)?).max(2);
                match kind {
                    2 => options.mss = be16(opts, i + 2),
                    3 => options.wscale = opts.get(i + 2).copied(),
                    4 => options.sack_ok = true,
                    8 => options.timestamp = Some((be32(opts, i + 2)?, be32(opts, i + 6)?)),
                    _ => {}
                }
                i += len;
            }
        }
    }
    Some(Tcp {
        sport: be16(b, 0)?,
        dport: be16(b, 2)?,
        seq: be32(b, 4)?,
        ack: be32(b, 8)?,
        flags: *b.get(13)?,
        window: be16(b, 14)?,
        options,
        data: b.get(off..).unwrap_or_default().to_vec(),
        // Without the addresses the sum cannot be checked here; resets are
        // the segments that usually carry a complete one.
        checksum_complete: b.get(13)? & f::RST != 0,
    })
}
