//! A rule's expressions back into the text `nft list` prints: the
//! protocol dependencies nft added folded away again, sets and maps as
//! their elements or `@name`.

use super::*;

/// The NAT range of an xtables target: flags, addresses, ports.
struct XtRange {
    flags: u32,
    addrs: (std::net::IpAddr, std::net::IpAddr),
    ports: (u16, u16),
}

fn u32_at(d: &[u8], at: usize) -> u32 {
    d.get(at..at + 4).map_or(0, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]))
}

fn ip_at(d: &[u8], at: usize) -> std::net::IpAddr {
    d.get(at..at + 4).map_or(Ipv4Addr::UNSPECIFIED, |b| Ipv4Addr::new(b[0], b[1], b[2], b[3])).into()
}

fn ip6_at(d: &[u8], at: usize) -> std::net::IpAddr {
    d.get(at..at + 16).and_then(|b| <[u8; 16]>::try_from(b).ok()).map_or(std::net::Ipv6Addr::UNSPECIFIED, Into::into).into()
}

fn port_at(d: &[u8], at: usize) -> u16 {
    d.get(at..at + 2).map_or(0, be16)
}

/// `struct nf_nat_ipv4_multi_range_compat` (MASQUERADE, REDIRECT, SNAT
/// revision 0): rangesize, then flags, min_ip, max_ip, min and max port.
fn nat_compat(d: &[u8]) -> XtRange {
    XtRange { flags: u32_at(d, 4), addrs: (ip_at(d, 8), ip_at(d, 12)), ports: (port_at(d, 16), port_at(d, 18)) }
}

/// `struct nf_nat_range2` (DNAT revision 2): flags, min_addr, max_addr,
/// min_proto, max_proto.
fn nat_range2(d: &[u8]) -> XtRange {
    XtRange { flags: u32_at(d, 0), addrs: (ip_at(d, 4), ip_at(d, 20)), ports: (port_at(d, 36), port_at(d, 38)) }
}

/// `struct nf_nat_range` or `nf_nat_range2` of an ip6tables target (every
/// NAT target there): the same fields with IPv6 addresses.
fn nat_range6(d: &[u8]) -> XtRange {
    XtRange { flags: u32_at(d, 0), addrs: (ip6_at(d, 4), ip6_at(d, 20)), ports: (port_at(d, 36), port_at(d, 38)) }
}

/// A NAT target as its xlate prints it: `dnat to A[-B][:P[-Q]]`, or
/// `masquerade`/`redirect` with ` to :P[-Q]` when ports are given.
fn xt_nat(verb: &str, r: &XtRange) -> String {
    use crate::wire::nftables::nat_range::{MAP_IPS, PROTO_SPECIFIED};
    let mut to = String::new();
    // An IPv6 address before a port goes in brackets.
    let ports = r.flags & PROTO_SPECIFIED != 0;
    let addr = |a: std::net::IpAddr| if a.is_ipv6() && ports { format!("[{}]", text::Ip(a)) } else { text::Ip(a).to_string() };
    if r.flags & MAP_IPS != 0 {
        to.push_str(&addr(r.addrs.0));
        if r.addrs.1 != r.addrs.0 {
            to.push_str(&format!("-{}", addr(r.addrs.1)));
        }
    }
    if r.flags & PROTO_SPECIFIED != 0 {
        to.push_str(&format!(":{}", r.ports.0));
        if r.ports.1 != r.ports.0 {
            to.push_str(&format!("-{}", r.ports.1));
        }
    }
    let flags = nat_flags(r.flags);
    if to.is_empty() { format!("{verb}{flags}") } else { format!("{verb} to {to}{flags}") }
}

fn be16(d: &[u8]) -> u16 {
    d.get(..2).map_or(0, |b| u16::from_be_bytes([b[0], b[1]]))
}

/// A lookup as nft lists it: `@name`, or an anonymous set's elements
/// `{ 22, 80 }`, `vmap { 22 : accept }`, after `!=` when inverted.
fn lookup_text(e: Option<&Expr>, key: Key, ctx: &Ctx<'_>) -> String {
    let Some(Expr::Lookup { set, dreg, flags, .. }) = e else { return String::new() };
    let neg = if flags & 1 != 0 { "!= " } else { "" };
    let view = ctx.sets.iter().find(|x| x.family == ctx.family && x.table == ctx.table && x.name == *set);
    match view {
        Some(v) if v.flags & crate::wire::nftables::set_flags::ANONYMOUS != 0 => {
            let body = elements_text(v, key, ctx.numeric);
            if *dreg == Some(0) { format!("vmap {{ {body} }}") } else { format!("{neg}{{ {body} }}") }
        }
        _ if *dreg == Some(0) => format!("vmap @{set}"),
        _ => format!("{neg}@{set}"),
    }
}

/// A masked `tcp flags` comparison as nft 1.0.6 lists it
/// (netlink_delinearize.c `relational_binop_postprocess`): against zero,
/// the flags of the mask (`syn,ack`, or `! syn,ack` for none of them); a
/// single flag against itself stays `& syn == syn`; otherwise the value
/// over the mask (`syn / syn,ack`).
fn tcp_flags_text(mask: u8, op: u32, value: u8, numeric: bool) -> String {
    // `nft -n` prints the bitmask as one hexadecimal number.
    let name = |bits: u8| if numeric { format!("{bits:#x}") } else { names::tcp_flags_text(bits) };
    match (op, value) {
        (1, 0) => name(mask),
        (_, 0) => format!("! {}", name(mask)),
        _ if value == mask && mask.count_ones() == 1 => {
            format!("& {} {} {}", name(mask), if op == 1 { "!=" } else { "==" }, name(value))
        }
        (1, _) => format!("!= {} / {}", name(value), name(mask)),
        _ => format!("{} / {}", name(value), name(mask)),
    }
}

/// Whether a `meta l4proto tcp` is the dependency of a TCP reset that nft
/// 1.0.6 folds away when listing: in ip and ip6 tables, when only matches
/// stand between it and the reset (a statement such as `counter` in
/// between keeps it, as the delinearisation's dependency context is reset
/// by every statement).
fn reset_dependency(rest: &[Expr], table_family: u8) -> bool {
    if table_family == family::INET {
        return false;
    }
    let is_match = |e: &Expr| {
        matches!(
            e,
            Expr::Meta { .. }
                | Expr::Payload { .. }
                | Expr::Cmp { .. }
                | Expr::Bitwise { .. }
                | Expr::Lookup { .. }
                | Expr::Ct { .. }
                | Expr::Range { .. }
        )
    };
    matches!(rest.iter().find(|e| !is_match(e)), Some(Expr::Reject { ty: 1, .. }))
}

/// A rule's expressions as `nft list` prints them.
pub fn text(exprs: &[Expr], ctx: &Ctx<'_>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut l4: Option<u8> = None;
    // The network protocol: the table's, or the one a dependency named.
    let mut network = ctx.family;
    // Values loaded into registers for a NAT statement.
    let mut regs: Vec<(u32, Vec<u8>)> = Vec::new();
    let mut i = 0;
    while let Some(e) = exprs.get(i) {
        i += 1;
        let next_cmp = |i: &mut usize| -> Option<(u32, Vec<u8>)> {
            if let Some(Expr::Cmp { op, data, .. }) = exprs.get(*i) {
                *i += 1;
                Some((*op, data.clone()))
            } else {
                None
            }
        };
        match e {
            Expr::Meta { key: k @ (6 | 7), .. } if matches!(exprs.get(i), Some(Expr::Lookup { .. })) => {
                let value = lookup_text(exprs.get(i), Key::Ifname, ctx);
                i += 1;
                parts.push(format!("{} {value}", if *k == 6 { "iifname" } else { "oifname" }));
            }
            Expr::Meta { key: 6 | 7, .. } => {
                let (op, d) = next_cmp(&mut i).unwrap_or_default();
                let mut name = String::from_utf8_lossy(&d).trim_end_matches('\0').to_string();
                // A prefix shorter than IFNAMSIZ, without its NUL: `eth*`.
                if d.len() < 16 && !d.contains(&0) {
                    name.push('*');
                }
                let key = if matches!(e, Expr::Meta { key: 6, .. }) { "iifname" } else { "oifname" };
                let neg = if op == 1 { "!= " } else { "" };
                parts.push(format!("{key} {neg}\"{name}\""));
            }
            Expr::Meta { key: 4 | 5, .. } => {
                let (_, d) = next_cmp(&mut i).unwrap_or_default();
                let index = d.get(..4).map_or(0, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
                let name = ctx.links.iter().find(|(x, _)| *x == index).map_or_else(|| index.to_string(), |(_, n)| format!("\"{n}\""));
                let key = if matches!(e, Expr::Meta { key: 4, .. }) { "iif" } else { "oif" };
                parts.push(format!("{key} {name}"));
            }
            Expr::Meta { key: 3, .. } => {
                // The mark type prints as 0x%08x; a mask shows as `&`.
                let word = |b: &[u8]| b.get(..4).map_or(0, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
                let mask = match exprs.get(i) {
                    Some(Expr::Bitwise { mask, .. }) => {
                        i += 1;
                        Some(word(mask))
                    }
                    _ => None,
                };
                let (op, d) = next_cmp(&mut i).unwrap_or_default();
                parts.push(match (mask, op == 1) {
                    (Some(m), neg) => format!("meta mark & {m:#010x} {} {:#010x}", if neg { "!=" } else { "==" }, word(&d)),
                    (None, true) => format!("meta mark != {:#010x}", word(&d)),
                    (None, false) => format!("meta mark {:#010x}", word(&d)),
                });
            }
            Expr::Meta { key: 15, .. } => {
                let (op, d) = next_cmp(&mut i).unwrap_or_default();
                let f = d.first().copied().unwrap_or(0);
                // A dependency (never `!=`) of a network header match, or of an ICMP
                // type match (meta l4proto, then the transport header).
                let icmp = if f == family::IPV6 { 58 } else { 1 };
                let dependency = match (exprs.get(i), exprs.get(i + 1), exprs.get(i + 2)) {
                    (Some(Expr::Payload { base: 1, .. } | Expr::Reject { ty: 0, .. }), _, _) => true,
                    (Some(Expr::Meta { key: 16, .. }), Some(Expr::Cmp { data, .. }), Some(Expr::Payload { base: 2, .. })) => {
                        data == &[icmp]
                    }
                    _ => false,
                };
                if dependency && op == 0 {
                    network = f;
                } else {
                    let neg = if op == 1 { "!= " } else { "" };
                    parts.push(format!("meta nfproto {neg}{}", sym(ctx, names::NFPROTOS, f)));
                }
            }
            Expr::Meta { key: 16, .. } if matches!(exprs.get(i), Some(Expr::Lookup { .. })) => {
                let value = lookup_text(exprs.get(i), Key::Proto, ctx);
                i += 1;
                parts.push(format!("meta l4proto {value}"));
            }
            Expr::Meta { key: 16, .. } => {
                let (op, d) = next_cmp(&mut i).unwrap_or_default();
                let p = d.first().copied().unwrap_or(0);
                // A dependency of the transport match or the TCP reset that
                // follows; `!=` names no header, which stays `th`.
                // An equal one names the transport header either way.
                if op == 0 {
                    l4 = Some(p);
                }
                if op == 1 {
                    parts.push(format!("meta l4proto != {}", proto_text(ctx, p)));
                } else if !transport_follows(&exprs[i..]) && !reset_dependency(&exprs[i..], ctx.family) {
                    parts.push(format!("meta l4proto {}", proto_text(ctx, p)));
                }
            }
            Expr::Payload { base: 1, len: 1, .. } if matches!(exprs.get(i), Some(Expr::Lookup { .. })) => {
                let v6 = network == family::IPV6;
                let value = lookup_text(exprs.get(i), Key::Proto, ctx);
                i += 1;
                parts.push(if v6 { format!("ip6 nexthdr {value}") } else { format!("ip protocol {value}") });
            }
            Expr::Payload { base: 1, offset, .. } if matches!(exprs.get(i), Some(Expr::Lookup { .. })) => {
                let v6 = network == family::IPV6;
                let field = if matches!((v6, offset), (false, 12) | (true, 8)) { "saddr" } else { "daddr" };
                let value = lookup_text(exprs.get(i), if v6 { Key::V6 } else { Key::V4 }, ctx);
                i += 1;
                parts.push(format!("{} {field} {value}", if v6 { "ip6" } else { "ip" }));
            }
            Expr::Payload { base: 1, offset: 6, len: 2, .. } if network != family::IPV6 => {
                // `ip frag-off & MASK OP VALUE` (nft prints the mask in decimal).
                let mask = match exprs.get(i) {
                    Some(Expr::Bitwise { mask, .. }) => {
                        i += 1;
                        Some(be16(mask))
                    }
                    _ => None,
                };
                let (op, d) = next_cmp(&mut i).unwrap_or_default();
                let sign = if op == 1 { "!=" } else { "==" };
                parts.push(match mask {
                    Some(m) => format!("ip frag-off & {m} {sign} {}", be16(&d)),
                    None => format!("ip frag-off {}{}", if op == 1 { "!= " } else { "" }, be16(&d)),
                });
            }
            Expr::Payload { base: 1, offset, len, .. } => {
                let v6 = network == family::IPV6;
                let mut plen = *len * 8;
                if let Some(Expr::Bitwise { mask, .. }) = exprs.get(i) {
                    plen = mask.iter().map(|b| b.count_ones()).sum();
                    i += 1;
                }
                let (op, d) = next_cmp(&mut i).unwrap_or_default();
                let proto = if v6 { "ip6" } else { "ip" };
                let field = match (v6, offset) {
                    (false, 9) => "protocol",
                    (true, 6) => "nexthdr",
                    (false, 12) | (true, 8) => "saddr",
                    _ => "daddr",
                };
                let value = if matches!(field, "protocol" | "nexthdr") {
                    // It names the transport header the matches after it read.
                    if op == 0 {
                        l4 = d.first().copied();
                    }
                    proto_text(ctx, d.first().copied().unwrap_or(0))
                } else if v6 {
                    let mut b = [0u8; 16];
                    b.iter_mut().zip(&d).for_each(|(x, y)| *x = *y);
                    text::ipv6_text(b) + &if plen == 128 { String::new() } else { format!("/{plen}") }
                } else {
                    let mut b = [0u8; 4];
                    b.iter_mut().zip(&d).for_each(|(x, y)| *x = *y);
                    text::ipv4_text(b) + &if plen == 32 { String::new() } else { format!("/{plen}") }
                };
                let neg = if op == 1 { "!= " } else { "" };
                parts.push(format!("{proto} {field} {neg}{value}"));
            }
            Expr::Payload { base: 2, offset: 0, len: 1, .. }
                if matches!(l4, Some(1 | 58)) && matches!(exprs.get(i), Some(Expr::Lookup { .. })) =>
            {
                let v6 = l4 == Some(58);
                let value = lookup_text(exprs.get(i), if v6 { Key::Icmp6Type } else { Key::IcmpType }, ctx);
                i += 1;
                parts.push(format!("{} type {value}", if v6 { "icmpv6" } else { "icmp" }));
            }
            Expr::Payload { base: 2, offset: 0, len: 1, .. } if matches!(l4, Some(1 | 58)) => {
                let (_, d) = next_cmp(&mut i).unwrap_or_default();
                let t = d.first().copied().unwrap_or(0);
                parts.push(match l4 {
                    Some(1) => format!("icmp type {}", sym(ctx, names::ICMP_TYPES, t)),
                    _ => format!("icmpv6 type {}", sym(ctx, names::ICMPV6_TYPES, t)),
                });
            }
            Expr::Payload { base: 2, offset: 13, len: 1, .. } if l4 == Some(6) => {
                let value = match (exprs.get(i), exprs.get(i + 1)) {
                    (Some(l @ Expr::Lookup { .. }), _) => {
                        i += 1;
                        lookup_text(Some(l), Key::TcpFlag, ctx)
                    }
                    (Some(Expr::Bitwise { mask, .. }), Some(Expr::Cmp { op, data, .. })) => {
                        i += 2;
                        tcp_flags_text(mask.first().copied().unwrap_or(0), *op, data.first().copied().unwrap_or(0), ctx.numeric)
                    }
                    _ => {
                        let (op, d) = next_cmp(&mut i).unwrap_or_default();
                        // A value that is no single flag prints as a number
                        // (the bitmask type's "0x%Zx").
                        let sign = if op == 1 { "!=" } else { "==" };
                        let v = d.first().copied().unwrap_or(0);
                        let v = if v.count_ones() == 1 && !ctx.numeric { names::tcp_flags_text(v) } else { format!("{v:#x}") };
                        format!("{sign} {v}")
                    }
                };
                parts.push(format!("tcp flags {value}"));
            }
            Expr::Payload { base: 2, offset, .. } => {
                let value = match exprs.get(i) {
                    Some(l @ Expr::Lookup { .. }) => {
                        i += 1;
                        lookup_text(Some(l), Key::Port, ctx)
                    }
                    // A range: `range` (eq or neq), or nft's `cmp gte` + `cmp lte`.
                    Some(Expr::Range { op, from, to, .. }) => {
                        i += 1;
                        format!("{}{}-{}", if *op == 1 { "!= " } else { "" }, be16(from), be16(to))
                    }
                    Some(Expr::Cmp { op: 5, data: lo, .. }) if matches!(exprs.get(i + 1), Some(Expr::Cmp { op: 3, .. })) => {
                        let hi = match exprs.get(i + 1) {
                            Some(Expr::Cmp { data, .. }) => be16(data),
                            _ => 0,
                        };
                        i += 2;
                        format!("{}-{hi}", be16(lo))
                    }
                    _ => {
                        let (op, d) = next_cmp(&mut i).unwrap_or_default();
                        let sign = ["", "!= ", "< ", "<= ", "> ", ">= "].get(op as usize).copied().unwrap_or("");
                        format!("{sign}{}", be16(&d))
                    }
                };
                let proto = match l4 {
                    Some(17) => "udp",
                    Some(6) => "tcp",
                    _ => "th",
                };
                let field = if *offset == 0 { "sport" } else { "dport" };
                parts.push(format!("{proto} {field} {value}"));
            }
            Expr::Ct { key: 0, .. } if matches!(exprs.get(i), Some(Expr::Lookup { .. })) => {
                let value = lookup_text(exprs.get(i), Key::CtState, ctx);
                i += 1;
                parts.push(format!("ct state {value}"));
            }
            Expr::Ct { key: 0, .. } => {
                let word = |b: &[u8]| b.get(..4).map_or(0, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
                // Flags tested (bitwise, cmp neq 0), or the value compared
                // (a one-element set: `ct state != { established }`).
                // A value of several flags prints them joined by ` | `.
                let (neg, mask, sep) = match exprs.get(i) {
                    Some(Expr::Bitwise { mask, .. }) => {
                        i += 1;
                        next_cmp(&mut i);
                        (false, word(mask), ",")
                    }
                    _ => next_cmp(&mut i).map_or((false, 0, ","), |(op, d)| (op == 1, word(&d), " | ")),
                };
                let names: Vec<String> = CT_STATES
                    .iter()
                    .filter(|(_, b)| mask & b != 0)
                    .map(|(n, b)| if ctx.numeric { format!("{b:#x}") } else { (*n).to_string() })
                    .collect();
                parts.push(format!("ct state {}{}", if neg { "!= " } else { "" }, names.join(sep)));
            }
            Expr::Log { prefix, level, .. } => {
                let mut t = String::from("log");
                if let Some(p) = prefix {
                    t.push_str(&format!(" prefix \"{p}\""));
                }
                // The default level (warn) is not printed.
                if let Some(name) = level.filter(|l| *l != 4).and_then(|l| LOG_LEVELS.get(l as usize)) {
                    t.push_str(&format!(" level {name}"));
                }
                parts.push(t);
            }
            Expr::Limit { rate, unit, burst, ty: 0, flags, .. } => {
                let unit = LIMIT_UNITS.iter().find(|(_, s)| s == unit).map_or("second", |(u, _)| *u);
                let over = if flags & 1 != 0 { "over " } else { "" };
                // The default burst (5 packets) is not printed.
                let burst = if *burst == 5 { String::new() } else { format!(" burst {burst} packets") };
                parts.push(format!("limit rate {over}{rate}/{unit}{burst}"));
            }
            Expr::Counter { bytes, packets } => parts.push(format!("counter packets {packets} bytes {bytes}")),
            Expr::Immediate { data: Data::Verdict { code, chain }, .. } => parts.push(match (*code, chain) {
                (v::ACCEPT, _) => "accept".into(),
                (v::DROP, _) => "drop".into(),
                (v::RETURN, _) => "return".into(),
                (v::JUMP, Some(c)) => format!("jump {c}"),
                (v::GOTO, Some(c)) => format!("goto {c}"),
                _ => "continue".into(),
            }),
            Expr::Immediate { dreg, data: Data::Value(v) } => regs.push((*dreg, v.clone())),
            Expr::Nat { ty, family: nat_family, addr, proto, flags } => {
                let v6 = *nat_family == u32::from(family::IPV6);
                let text_of = |r: u32| {
                    let b = reg(&regs, r);
                    if v6 {
                        let mut a = [0u8; 16];
                        a.iter_mut().zip(&b).for_each(|(x, y)| *x = *y);
                        text::ipv6_text(a)
                    } else if b.len() >= 4 {
                        text::ipv4_text([b[0], b[1], b[2], b[3]])
                    } else {
                        String::new()
                    }
                };
                let mut to = String::new();
                if let Some((lo, hi)) = addr {
                    // An IPv6 address before a port goes in brackets
                    // (nat_stmt_print), each end of a range too.
                    let bracket = |a: String| if v6 && proto.is_some() { format!("[{a}]") } else { a };
                    to = bracket(text_of(*lo));
                    if reg(&regs, *hi) != reg(&regs, *lo) {
                        to = format!("{to}-{}", bracket(text_of(*hi)));
                    }
                }
                if let Some(p) = proto {
                    to.push_str(&format!(":{}", port_range(&regs, *p)));
                }
                // An inet table names the NAT's family (nat_stmt_print).
                let fam = match (ctx.family, v6) {
                    (family::INET, false) => " ip",
                    (family::INET, true) => " ip6",
                    _ => "",
                };
                parts.push(format!("{}{fam} to {to}{}", if *ty == 1 { "dnat" } else { "snat" }, nat_flags(*flags)));
            }
            Expr::Redir { proto, flags } | Expr::Masq { proto, flags } => {
                let what = if matches!(e, Expr::Redir { .. }) { "redirect" } else { "masquerade" };
                let to = proto.map(|p| format!(" to :{}", port_range(&regs, p))).unwrap_or_default();
                parts.push(format!("{what}{to}{}", nat_flags(*flags)));
            }
            // iptables' NAT targets as libxt_{MASQUERADE,REDIRECT,SNAT,DNAT}'s
            // xlate print them; ip6tables' take nf_nat_range(2).
            Expr::Target { name, info, .. }
                if ctx.family == family::IPV6 && matches!(name.as_str(), "MASQUERADE" | "REDIRECT" | "SNAT" | "DNAT") =>
            {
                parts.push(xt_nat(&name.to_lowercase(), &nat_range6(info)))
            }
            Expr::Target { name, info, .. } if name == "MASQUERADE" => parts.push(xt_nat("masquerade", &nat_compat(info))),
            Expr::Target { name, info, .. } if name == "REDIRECT" && ctx.family == family::IPV4 => {
                parts.push(xt_nat("redirect", &nat_compat(info)))
            }
            Expr::Target { name, info, rev: 0 } if name == "SNAT" && ctx.family == family::IPV4 => {
                parts.push(xt_nat("snat", &nat_compat(info)))
            }
            Expr::Target { name, info, rev: 2 } if name == "DNAT" && ctx.family == family::IPV4 => {
                parts.push(xt_nat("dnat", &nat_range2(info)))
            }
            Expr::Reject { ty: 1, .. } => parts.push("reject with tcp reset".into()),
            // The family's port unreachable is nft's default and not named.
            Expr::Reject { ty: 2, code } => parts.push(match code {
                1 => "reject".into(),
                c => format!("reject with icmpx {}", sym(ctx, names::ICMPX_CODES, *c)),
            }),
            Expr::Reject { code, .. } => parts.push(match (network == family::IPV6, *code) {
                // In an inet table only icmpx port-unreachable is the default.
                (false, 3) | (true, 4) if ctx.family != family::INET => "reject".into(),
                (false, c) => format!("reject with icmp {}", sym(ctx, names::ICMP_CODES, c)),
                (true, c) => format!("reject with icmpv6 {}", sym(ctx, names::ICMPV6_CODES, c)),
            }),
            // xtables matches and targets as nft translates them (the xlate of libxt_*).
            Expr::Match { name, info, .. } if name == "conntrack" || name == "state" => {
                let at = if name == "state" { 0 } else { 150 };
                let mask = info.get(at..at + 2).map_or(0, |b| u16::from_ne_bytes([b[0], b[1]]));
                parts.push(format!("ct state {}", crate::iptables::print::ctstate_text(mask).to_ascii_lowercase()));
            }
            Expr::Match { name, info, .. } if name == "icmp" => {
                let t = info.first().copied().unwrap_or(0);
                let named = crate::iptables::print::icmp_name(t).map_or(t.to_string(), str::to_string);
                parts.push(format!("icmp type {named}"));
            }
            Expr::Target { name, info, .. } if name == "REJECT" => {
                let with = info.get(..4).map_or(3, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
                parts.push(if with == 3 {
                    "reject".into()
                } else if with == 7 {
                    "reject with tcp reset".into()
                } else {
                    format!(
                        "reject with icmp type {}",
                        crate::iptables::print::REJECT_WITH.get(with as usize).unwrap_or(&"").trim_start_matches("icmp-")
                    )
                });
            }
            Expr::Match { name, rev: 1, info } if name == "multiport" && l4.is_some() => {
                parts.push(multiport_xlate(info, &names::protocol_name(l4.unwrap_or_default())));
            }
            Expr::Match { name, rev: 0, info } if crate::iptables::simple::xlate(name, info).is_some() => {
                parts.extend(crate::iptables::simple::xlate(name, info));
            }
            Expr::Match { name, .. } => parts.push(format!("xt match \"{name}\"")),
            Expr::Target { name, info, .. } if name == "MARK" => parts.push(crate::iptables::mark::target_xlate(info)),
            Expr::Target { name, .. } => parts.push(format!("xt target \"{name}\"")),
            _ => {}
        }
    }
    parts.join(" ")
}

/// libxt_multiport's `multiport_xlate_v1`, which nft prints for the xt
/// match: `P dport 22`, `P sport { 1-3, 5 }`, `P dport != ...`; with
/// --ports (either) a concatenation of each port with any other (ranges
/// and `!` not rendered, as there).
fn multiport_xlate(info: &[u8], proto: &str) -> String {
    let flags = info.first().copied().unwrap_or(0);
    let count = usize::from(info.get(1).copied().unwrap_or(0)).min(15);
    let port = |k: usize| info.get(2 + 2 * k..4 + 2 * k).map_or(0, |b| u16::from_ne_bytes([b[0], b[1]]));
    let pflag = |k: usize| info.get(32 + k).copied().unwrap_or(0) != 0;
    if flags >= 2 {
        let pairs: Vec<String> = (0..count).map(|k| format!("0-65535 . {0}, {0} . 0-65535", port(k))).collect();
        return format!("{proto} sport . {proto} dport {{ {} }}", pairs.join(", "));
    }
    let mut out = format!("{proto} {} ", if flags == 0 { "sport" } else { "dport" });
    if info.get(47).copied().unwrap_or(0) != 0 {
        out.push_str("!= ");
    }
    let braces = count > 2 || (count > 1 && !pflag(0));
    let mut items = Vec::new();
    let mut k = 0;
    while k < count {
        if pflag(k) && k + 1 < count {
            items.push(format!("{}-{}", port(k), port(k + 1)));
            k += 2;
        } else {
            items.push(port(k).to_string());
            k += 1;
        }
    }
    let list = items.join(", ");
    out.push_str(&if braces { format!("{{ {list} }}") } else { list });
    out
}

/// Whether a transport header match follows (before another protocol
/// match): nft keeps `meta l4proto P` as the pending dependency of the
/// next transport payload and drops it there (payload_dependency_kill),
/// across other matches (`ip saddr 1.2.3.4 tcp dport 5`); any other
/// statement between (counter, limit, log, an xt match) ends it.
fn transport_follows(rest: &[Expr]) -> bool {
    let matching = |e: &&Expr| match e {
        Expr::Meta { key, .. } => *key != 16,
        Expr::Cmp { .. } | Expr::Payload { .. } | Expr::Bitwise { .. } | Expr::Lookup { .. } | Expr::Range { .. } | Expr::Ct { .. } => true,
        _ => false,
    };
    rest.iter().take_while(matching).any(|e| matches!(e, Expr::Payload { base: 2, .. }))
}

/// A symbol's name, or with `nft -n` its number.
fn sym(ctx: &Ctx<'_>, table: &[(&str, u8)], v: u8) -> String {
    if ctx.numeric { v.to_string() } else { names::name(table, v) }
}

/// A protocol's name, or with `nft -n` its number.
fn proto_text(ctx: &Ctx<'_>, p: u8) -> String {
    if ctx.numeric { p.to_string() } else { names::protocol_name(p) }
}

/// The value last loaded into register `r` by an immediate.
fn reg(regs: &[(u32, Vec<u8>)], r: u32) -> Vec<u8> {
    regs.iter().rev().find(|(x, _)| *x == r).map(|(_, v)| v.clone()).unwrap_or_default()
}

/// `P` or `P1-P2` from a NAT statement's port registers.
fn port_range(regs: &[(u32, Vec<u8>)], (lo, hi): (u32, u32)) -> String {
    let (a, b) = (be16(&reg(regs, lo)), be16(&reg(regs, hi)));
    if a == b { a.to_string() } else { format!("{a}-{b}") }
}

/// print_nf_nat_flags: ` random`, `fully-random`, `persistent`, joined by commas.
fn nat_flags(flags: u32) -> String {
    use crate::wire::nftables::nat_range;
    let names: Vec<&str> =
        [(nat_range::PROTO_RANDOM, "random"), (nat_range::PROTO_RANDOM_FULLY, "fully-random"), (nat_range::PERSISTENT, "persistent")]
            .iter()
            .filter(|(bit, _)| flags & bit != 0)
            .map(|(_, n)| *n)
            .collect();
    if names.is_empty() { String::new() } else { format!(" {}", names.join(",")) }
}
