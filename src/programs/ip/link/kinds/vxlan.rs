//! `ip link ... type vxlan` (ip/iplink_vxlan.c): the options written into
//! IFLA_INFO_DATA, and the `-d` description of a VXLAN device.

use crate::programs::ip::args::{Args, Exit, Res, get_u16, get_u32, matches};
use crate::programs::ip::ctx::Ip;
use crate::programs::ip::names::dsfield_a2n;
use crate::programs::ip::nl::{Attrs, Req};
use crate::programs::ip::prefix::{Prefix, format_host_r, get_addr};
use crate::programs::ip::print::Kind;
use crate::programs::ip::usage;
use crate::wire::{NLM_F_CREATE, RTM_NEWLINK};

use crate::wire::link::vxlan as a;

/// `ADDRTYPE_*` of an `inet_prefix` (`set_address_type`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum AddrType {
    /// Not an inet address (unset, or "any" without a family).
    None,
    /// The unspecified address.
    Unspec,
    /// A multicast address.
    Multi,
    /// Any other inet address.
    Inet,
}

fn addr_type(p: &Prefix) -> AddrType {
    let d = &p.data;
    match p.family {
        2 if p.bytelen == 4 => match d[0] {
            _ if d[..4] == [0; 4] => AddrType::Unspec,
            224..=239 => AddrType::Multi,
            _ => AddrType::Inet,
        },
        10 if p.bytelen == 16 => match d[0] {
            _ if *d == [0; 16] => AddrType::Unspec,
            0xff => AddrType::Multi,
            _ => AddrType::Inet,
        },
        _ => AddrType::None,
    }
}

/// `check_duparg`: each option once.
fn check_duparg(ip: &mut Ip, seen: &mut u64, attr: u16, key: &str, arg: &str) -> Res<()> {
    if *seen & (1 << attr) != 0 {
        return Err(ip.duparg2(key, arg));
    }
    *seen |= 1 << attr;
    Ok(())
}

fn explain(ip: &mut Ip) -> i32 {
    ip.err(usage::TYPE_VXLAN);
    -1
}

fn addr_or_exit(ip: &mut Ip, arg: &str, family: u8) -> Res<Prefix> {
    get_addr(arg, family).map_err(|e| {
        ip.err(&e);
        Exit(1)
    })
}

/// `vxlan_parse_opt`.
pub fn parse_opt(ip: &mut Ip, words: &[String], req: &mut Req) -> Res<i32> {
    let set_op = req.kind() == RTM_NEWLINK && req.flags() & NLM_F_CREATE == 0;
    let (mut saddr, mut daddr) = (Prefix::default(), Prefix::default());
    let (mut vni, mut learning, mut dstport, mut metadata, mut vnifilter) = (0u32, 1u8, 0u16, false, false);
    let mut seen = 0u64;
    let mut w = Args::new(words);
    // The on/off words and the attribute each sets.
    let toggles: &[(&str, u16, u8)] = &[
        ("noproxy", a::PROXY, 0),
        ("proxy", a::PROXY, 1),
        ("norsc", a::RSC, 0),
        ("rsc", a::RSC, 1),
        ("nol2miss", a::L2MISS, 0),
        ("l2miss", a::L2MISS, 1),
        ("nol3miss", a::L3MISS, 0),
        ("l3miss", a::L3MISS, 1),
        ("udpcsum", a::UDP_CSUM, 1),
        ("noudpcsum", a::UDP_CSUM, 0),
        ("udp6zerocsumtx", a::UDP_ZERO_CSUM6_TX, 1),
        ("noudp6zerocsumtx", a::UDP_ZERO_CSUM6_TX, 0),
        ("udp6zerocsumrx", a::UDP_ZERO_CSUM6_RX, 1),
        ("noudp6zerocsumrx", a::UDP_ZERO_CSUM6_RX, 0),
        ("remcsumtx", a::REMCSUM_TX, 1),
        ("noremcsumtx", a::REMCSUM_TX, 0),
        ("remcsumrx", a::REMCSUM_RX, 1),
        ("noremcsumrx", a::REMCSUM_RX, 0),
    ];
    while let Some(word) = w.peek() {
        if matches(word, "id") || matches(word, "vni") {
            let v = ip.next_arg(&mut w)?;
            check_duparg(ip, &mut seen, a::ID, "id", v)?;
            vni = match get_u32(v, 0).filter(|n| *n < 1 << 24) {
                Some(n) => n,
                None => return Err(ip.invarg("invalid id", v)),
            };
        } else if matches(word, "group") || matches(word, "remote") {
            let group = matches(word, "group");
            let t = addr_type(&daddr);
            let clash = if group { matches!(t, AddrType::Inet | AddrType::Unspec) } else { t == AddrType::Multi };
            if clash {
                ip.err("vxlan: both group and remote cannot be specified\n");
                return Ok(-1);
            }
            let v = ip.next_arg(&mut w)?;
            check_duparg(ip, &mut seen, a::GROUP, if group { "group" } else { "remote" }, v)?;
            daddr = addr_or_exit(ip, v, saddr.family)?;
            let t = addr_type(&daddr);
            if group && t != AddrType::Multi {
                return Err(ip.invarg("invalid group address", v));
            }
            if !group && !matches!(t, AddrType::Inet | AddrType::Unspec) {
                return Err(ip.invarg("invalid remote address", v));
            }
        } else if matches(word, "local") {
            let v = ip.next_arg(&mut w)?;
            check_duparg(ip, &mut seen, a::LOCAL, "local", v)?;
            saddr = addr_or_exit(ip, v, daddr.family)?;
            if !matches!(addr_type(&saddr), AddrType::Inet | AddrType::Unspec) {
                return Err(ip.invarg("invalid local address", v));
            }
        } else if matches(word, "dev") {
            let v = ip.next_arg(&mut w)?;
            check_duparg(ip, &mut seen, a::LINK, "dev", v)?;
            let link = ip.ll_name_to_index(v);
            if link == 0 {
                return Err(Exit(ip.nodev(v) & 0xff));
            }
            req.addattr32(a::LINK, link);
        } else if matches(word, "ttl") || matches(word, "hoplimit") {
            let v = ip.next_arg(&mut w)?;
            check_duparg(ip, &mut seen, a::TTL, "ttl", v)?;
            match v {
                "inherit" => req.addattr_l(a::TTL_INHERIT, &[]),
                "auto" => req.addattr8(a::TTL, 0),
                _ => match get_u32(v, 0) {
                    None => return Err(ip.invarg("invalid TTL", v)),
                    Some(n) if n > 255 => return Err(ip.invarg("TTL must be <= 255", v)),
                    Some(n) => req.addattr8(a::TTL, n as u8),
                },
            }
        } else if matches(word, "tos") || matches(word, "dsfield") {
            let v = ip.next_arg(&mut w)?;
            check_duparg(ip, &mut seen, a::TOS, "tos", v)?;
            let tos = if v == "inherit" {
                1
            } else {
                match dsfield_a2n(v) {
                    Some(t) => t,
                    None => return Err(ip.invarg("bad TOS value", v)),
                }
            };
            req.addattr8(a::TOS, tos);
        } else if matches(word, "df") {
            let v = ip.next_arg(&mut w)?;
            check_duparg(ip, &mut seen, a::DF, "df", v)?;
            let df = match v {
                "unset" => 0,
                "set" => 1,
                "inherit" => 2,
                _ => return Err(ip.invarg("DF must be 'unset', 'set' or 'inherit'", v)),
            };
            req.addattr8(a::DF, df);
        } else if matches(word, "label") || matches(word, "flowlabel") {
            let v = ip.next_arg(&mut w)?;
            check_duparg(ip, &mut seen, a::LABEL, "flowlabel", v)?;
            match get_u32(v, 0).filter(|n| n & !0xfffff == 0) {
                Some(n) => req.addattr32(a::LABEL, n.to_be()),
                None => return Err(ip.invarg("invalid flowlabel", v)),
            }
        } else if matches(word, "ageing") {
            let v = ip.next_arg(&mut w)?;
            check_duparg(ip, &mut seen, a::AGEING, "ageing", v)?;
            let age = if v == "none" { Some(0) } else { get_u32(v, 0) };
            match age {
                Some(n) => req.addattr32(a::AGEING, n),
                None => return Err(ip.invarg("ageing timer", v)),
            }
        } else if matches(word, "maxaddress") {
            let v = ip.next_arg(&mut w)?;
            check_duparg(ip, &mut seen, a::LIMIT, "maxaddress", v)?;
            let max = if v == "unlimited" { Some(0) } else { get_u32(v, 0) };
            match max {
                Some(n) => req.addattr32(a::LIMIT, n),
                None => return Err(ip.invarg("max addresses", v)),
            }
        } else if matches(word, "port") || matches(word, "srcport") {
            let v = ip.next_arg(&mut w)?;
            check_duparg(ip, &mut seen, a::PORT_RANGE, "srcport", v)?;
            let Some(low) = get_u16(v, 0) else { return Err(ip.invarg("min port", v)) };
            let v = ip.next_arg(&mut w)?;
            let Some(high) = get_u16(v, 0) else { return Err(ip.invarg("max port", v)) };
            if low != 0 || high != 0 {
                let mut r = low.to_be_bytes().to_vec();
                r.extend_from_slice(&high.to_be_bytes());
                req.addattr_l(a::PORT_RANGE, &r);
            }
        } else if matches(word, "dstport") {
            let v = ip.next_arg(&mut w)?;
            check_duparg(ip, &mut seen, a::PORT, "dstport", v)?;
            dstport = match get_u16(v, 0) {
                Some(p) => p,
                None => return Err(ip.invarg("dst port", v)),
            };
        } else if matches(word, "nolearning") || matches(word, "learning") {
            check_duparg(ip, &mut seen, a::LEARNING, word, word)?;
            learning = u8::from(!matches(word, "nolearning"));
        } else if let Some(&(_, attr, v)) = toggles.iter().find(|(n, _, _)| matches(word, n)) {
            check_duparg(ip, &mut seen, attr, word, word)?;
            req.addattr8(attr, v);
        } else if matches(word, "external") || matches(word, "noexternal") {
            check_duparg(ip, &mut seen, a::COLLECT_METADATA, word, word)?;
            metadata = matches(word, "external");
            if metadata {
                learning = 0;
            }
            req.addattr8(a::COLLECT_METADATA, u8::from(metadata));
        } else if matches(word, "gbp") {
            check_duparg(ip, &mut seen, a::GBP, word, word)?;
            req.addattr_l(a::GBP, &[]);
        } else if matches(word, "gpe") {
            check_duparg(ip, &mut seen, a::GPE, word, word)?;
            req.addattr_l(a::GPE, &[]);
        } else if word == "vnifilter" || word == "novnifilter" {
            check_duparg(ip, &mut seen, a::VNIFILTER, word, word)?;
            vnifilter = word == "vnifilter";
            req.addattr8(a::VNIFILTER, u8::from(vnifilter));
        } else if matches(word, "help") {
            return Ok(explain(ip));
        } else {
            ip.err(&format!("vxlan: unknown command \"{word}\"?\n"));
            return Ok(explain(ip));
        }
        w.advance();
    }
    let has = |attr: u16| seen & (1 << attr) != 0;
    if !metadata && vnifilter {
        ip.err("vxlan: vnifilter is valid only when 'external' is set\n");
        return Ok(-1);
    }
    if metadata && has(a::ID) {
        ip.err("vxlan: both 'external' and vni cannot be specified\n");
        return Ok(-1);
    }
    if !metadata && !vnifilter && !has(a::ID) && !set_op {
        ip.err("vxlan: missing virtual network identifier\n");
        return Ok(-1);
    }
    if addr_type(&daddr) == AddrType::Multi && !has(a::LINK) {
        ip.err("vxlan: 'group' requires 'dev' to be specified\n");
        return Ok(-1);
    }
    if !has(a::PORT) && has(a::GPE) {
        dstport = 4790;
    } else if !has(a::PORT) && !set_op {
        ip.err(
            "vxlan: destination port not specified\nWill use Linux kernel default (non-standard value)\n\
             Use 'dstport 4789' to get the IANA assigned value\nUse 'dstport 0' to get default and quiet this message\n",
        );
    }
    if has(a::ID) {
        req.addattr32(a::ID, vni);
    }
    let mut selected = false;
    if addr_type(&saddr) != AddrType::None {
        req.addattr_l(if saddr.family == 2 { a::LOCAL } else { a::LOCAL6 }, saddr.bytes());
        selected = true;
    }
    if addr_type(&daddr) != AddrType::None {
        req.addattr_l(if daddr.family == 2 { a::GROUP } else { a::GROUP6 }, daddr.bytes());
        selected = true;
    }
    if !selected {
        match ip.o.family {
            2 => req.addattr_l(a::GROUP, &[0; 4]),
            10 => req.addattr_l(a::GROUP6, &[0; 16]),
            _ => {}
        }
    }
    if !set_op || has(a::LEARNING) {
        req.addattr8(a::LEARNING, learning);
    }
    if dstport != 0 {
        req.addattr16(a::PORT, dstport.to_be());
    }
    Ok(0)
}

fn nonzero(t: &Attrs, attr: u16) -> bool {
    t.u8(attr).is_some_and(|v| v != 0)
}

/// `vxlan_print_opt`.
pub fn print_opt(ip: &mut Ip, data: Option<&[u8]>) -> Res<()> {
    let Some(data) = data else { return Ok(()) };
    let t = Attrs::parse(data, a::MAX);
    let resolve = ip.o.resolve > 0;
    if nonzero(&t, a::COLLECT_METADATA) {
        ip.p.print_bool(Kind::Any, Some("external"), "external ", true);
    }
    if nonzero(&t, a::VNIFILTER) {
        ip.p.print_bool(Kind::Any, Some("vnifilter"), "vnifilter", true);
    }
    if let Some(id) = t.get(a::ID).filter(|n| n.value.len() >= 4).and_then(|n| n.u32().ok()) {
        ip.p.print_uint(Kind::Any, Some("id"), "id %u ", u64::from(id));
    }
    let endpoint = |t: &Attrs, v4: u16, v6: u16| -> Option<(u8, Vec<u8>)> {
        if let Some(g) = t.get(v4).filter(|n| n.value.len() >= 4) {
            return Some((2, g.value[..4].to_vec()));
        }
        t.get(v6).filter(|n| n.value.len() >= 16).map(|g| (10, g.value[..16].to_vec()))
    };
    if let Some((fam, addr)) = endpoint(&t, a::GROUP, a::GROUP6) {
        if addr.iter().any(|b| *b != 0) {
            let multi = if fam == 2 { (224..=239).contains(&addr[0]) } else { addr[0] == 0xff };
            let key = match (fam, multi) {
                (2, true) => "group",
                (2, false) => "remote",
                (_, true) => "group6",
                (_, false) => "remote6",
            };
            let fmt = if multi { "group %s " } else { "remote %s " };
            let text = format_host_r(fam, &addr, resolve);
            ip.p.print_string(Kind::Any, Some(key), fmt, Some(&text));
        }
    }
    if let Some((fam, addr)) = endpoint(&t, a::LOCAL, a::LOCAL6) {
        if addr.iter().any(|b| *b != 0) {
            let text = format_host_r(fam, &addr, resolve);
            ip.p.print_string(Kind::Any, Some(if fam == 2 { "local" } else { "local6" }), "local %s ", Some(&text));
        }
    }
    if let Some(link) = t.u32(a::LINK).filter(|l| *l != 0) {
        let name = ip.ll_index_to_name(link);
        ip.p.print_string(Kind::Any, Some("link"), "dev %s ", Some(&name));
    }
    if let Some(r) = t.get(a::PORT_RANGE).filter(|n| n.value.len() >= 4) {
        let low = u16::from_be_bytes([r.value[0], r.value[1]]);
        let high = u16::from_be_bytes([r.value[2], r.value[3]]);
        if ip.p.is_json() {
            ip.p.open_json_object(Some("port_range"));
            ip.p.print_uint(Kind::Json, Some("low"), "", u64::from(low));
            ip.p.print_uint(Kind::Json, Some("high"), "", u64::from(high));
            ip.p.close_json_object();
        } else {
            ip.p.fp(&format!("srcport {low} {high} "));
        }
    }
    if let Some(p) = t.u16(a::PORT) {
        ip.p.print_uint(Kind::Any, Some("port"), "dstport %u ", u64::from(u16::from_be(p)));
    }
    if let Some(l) = t.u8(a::LEARNING) {
        ip.p.print_bool(Kind::Json, Some("learning"), "", l != 0);
        if l == 0 {
            ip.p.print_bool(Kind::Fp, None, "nolearning ", true);
        }
    }
    for (attr, key, text) in
        [(a::PROXY, "proxy", "proxy "), (a::RSC, "rsc", "rsc "), (a::L2MISS, "l2miss", "l2miss "), (a::L3MISS, "l3miss", "l3miss ")]
    {
        if nonzero(&t, attr) {
            ip.p.print_bool(Kind::Any, Some(key), text, true);
        }
    }
    let tos = t.u8(a::TOS).unwrap_or(0);
    if tos != 0 {
        if ip.p.is_json() || tos != 1 {
            ip.p.print_0xhex(Kind::Any, Some("tos"), "tos %#llx ", u64::from(tos));
        } else {
            ip.p.print_string(Kind::Fp, None, "tos %s ", Some("inherit"));
        }
    }
    if nonzero(&t, a::TTL_INHERIT) {
        ip.p.print_string(Kind::Fp, None, "ttl %s ", Some("inherit"));
    } else if let Some(ttl) = t.u8(a::TTL) {
        if ip.p.is_json() || ttl != 0 {
            ip.p.print_uint(Kind::Any, Some("ttl"), "ttl %u ", u64::from(ttl));
        } else {
            ip.p.print_string(Kind::Fp, None, "ttl %s ", Some("auto"));
        }
    }
    match t.u8(a::DF) {
        Some(0) => ip.p.print_string(Kind::Json, Some("df"), "df %s ", Some("unset")),
        Some(1) => ip.p.print_string(Kind::Any, Some("df"), "df %s ", Some("set")),
        Some(2) => ip.p.print_string(Kind::Any, Some("df"), "df %s ", Some("inherit")),
        _ => {}
    }
    if let Some(label) = t.u32(a::LABEL).filter(|l| *l != 0) {
        ip.p.print_0xhex(Kind::Any, Some("label"), "flowlabel %#llx ", u64::from(u32::from_be(label)));
    }
    if let Some(age) = t.u32(a::AGEING) {
        if age == 0 {
            ip.p.print_uint(Kind::Any, Some("ageing"), "ageing none ", 0);
        } else {
            ip.p.print_uint(Kind::Any, Some("ageing"), "ageing %u ", u64::from(age));
        }
    }
    if let Some(max) = t.u32(a::LIMIT).filter(|m| *m != 0) {
        ip.p.print_uint(Kind::Any, Some("limit"), "maxaddr %u ", u64::from(max));
    }
    for (attr, key, text) in [
        (a::UDP_CSUM, "udp_csum", "udpcsum "),
        (a::UDP_ZERO_CSUM6_TX, "udp_zero_csum6_tx", "udp6zerocsumtx "),
        (a::UDP_ZERO_CSUM6_RX, "udp_zero_csum6_rx", "udp6zerocsumrx "),
    ] {
        let Some(v) = t.u8(attr) else { continue };
        if ip.p.is_json() {
            ip.p.print_bool(Kind::Any, Some(key), "", v != 0);
        } else {
            ip.p.fp(&format!("{}{text}", if v == 0 { "no" } else { "" }));
        }
    }
    for (attr, key, text) in [(a::REMCSUM_TX, "remcsum_tx", "remcsumtx "), (a::REMCSUM_RX, "remcsum_rx", "remcsumrx ")] {
        if nonzero(&t, attr) {
            ip.p.print_bool(Kind::Any, Some(key), text, true);
        }
    }
    if t.get(a::GBP).is_some() {
        ip.p.print_bool(Kind::Any, Some("gbp"), "gbp ", true);
    }
    if t.get(a::GPE).is_some() {
        ip.p.print_bool(Kind::Any, Some("gpe"), "gpe ", true);
    }
    Ok(())
}
