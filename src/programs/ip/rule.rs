//! `ip rule` (ip/iprule.c): list/show with selectors, add, delete, flush,
//! help.

use super::args::{Args, Exit, Res, check_ifname, get_u32, get_u64, matches};
use super::client::Rtnl;
use super::ctx::Ip;
use super::names::{
    dsfield_a2n, dsfield_n2a, group_a2n, group_n2a, inet_proto_a2n, inet_proto_n2a, realm_n2a, rt_realms_or_raw, rtntype_a2n, rtntype_n2a,
    rtprot_a2n, rtprot_n2a, rttable_a2n, rttable_n2a,
};
use super::nl::{Attrs, Msg, Req};
use super::prefix::{Prefix, get_prefix, prefix_matches};
use super::print::{Color, Kind};
use crate::wire::rule::{RuleHdrRepr, fib_rule, fr_act, fra};
use crate::wire::{NLM_F_ACK, NLM_F_CREATE, NLM_F_ECHO, NLM_F_EXCL, NLM_F_REQUEST};
use crate::wire::{RTM_DELRULE, RTM_GETRULE, RTM_NEWRULE};

use crate::wire::route::rtn::NAT as RTN_NAT;

/// The usage text of ip/iprule.c.
pub const USAGE: &str = include_str!("usage/rule.txt");

fn usage(ip: &mut Ip) -> Exit {
    ip.err(USAGE);
    Exit(255)
}

/// The selection of `ip rule list|flush` (iprule.c's static `filter`).
#[derive(Debug, Clone, Default)]
pub struct RuleFilter {
    /// Only inverted rules.
    pub not: bool,
    /// Only l3mdev rules.
    pub l3mdev: bool,
    /// `iif` name, when given.
    pub iif: Option<String>,
    /// `oif` name, when given.
    pub oif: Option<String>,
    /// `uidrange` start and end, when given.
    pub uidrange: Option<(u32, u32)>,
    /// Table (0: any).
    pub tb: u32,
    /// TOS, when given.
    pub tos: Option<u8>,
    /// Priority, when given.
    pub pref: Option<u32>,
    /// Firewall mark (0: any).
    pub fwmark: u32,
    /// Firewall mask (0: any).
    pub fwmask: u32,
    /// Tunnel id (0: any).
    pub tun_id: u64,
    /// Source prefix.
    pub src: Prefix,
    /// Destination prefix.
    pub dst: Prefix,
    /// Protocol, with its mask (flush only).
    pub protocol: u8,
    /// Protocol mask.
    pub protocolmask: i32,
    /// Source port range (start 0: any).
    pub sport: (u16, u16),
    /// Destination port range (start 0: any).
    pub dport: (u16, u16),
    /// IP protocol (0: any).
    pub ipproto: u8,
}

/// Reads a `struct fib_rule_port_range` or `fib_rule_uid_range` member.
fn u16_at(v: &[u8], i: usize) -> u16 {
    crate::wire::get_u16(v, i).unwrap_or(0)
}

/// `filter_nlmsg` of iprule.c.
fn filter_nlmsg(f: &RuleFilter, family: u8, h: &RuleHdrRepr, tb: &Attrs) -> bool {
    if family != 0 && h.family != family {
        return false;
    }
    if let Some(p) = f.pref {
        if p != tb.u32(fra::PRIORITY).unwrap_or(0) {
            return false;
        }
    }
    if f.not && h.flags & fib_rule::INVERT == 0 {
        return false;
    }
    for (p, len, kind) in [(&f.src, h.src_len, fra::SRC), (&f.dst, h.dst_len, fra::DST)] {
        if p.family != 0 {
            if p.family != h.family || p.bitlen > i32::from(len) {
                return false;
            }
            if !prefix_matches(p, tb.get(kind).map(|n| n.value)) {
                return false;
            }
        }
    }
    if let Some(t) = f.tos {
        if t != h.tos {
            return false;
        }
    }
    if f.fwmark != 0 && f.fwmark != tb.u32(fra::FWMARK).unwrap_or(0) {
        return false;
    }
    if f.fwmask != 0 && f.fwmask != tb.u32(fra::FWMASK).unwrap_or(0) {
        return false;
    }
    if let Some(name) = &f.iif {
        if tb.str(fra::IIFNAME).as_deref() != Some(name.as_str()) {
            return false;
        }
    }
    if let Some(name) = &f.oif {
        if tb.str(fra::OIFNAME).as_deref() != Some(name.as_str()) {
            return false;
        }
    }
    if f.l3mdev && tb.u8(fra::L3MDEV).unwrap_or(0) == 0 {
        return false;
    }
    if let Some((s, e)) = f.uidrange {
        let Some(r) = tb.get(fra::UID_RANGE) else { return false };
        let rs = crate::wire::get_u32(r.value, 0).unwrap_or(0);
        let re = crate::wire::get_u32(r.value, 4).unwrap_or(0);
        if rs != s || re != e {
            return false;
        }
    }
    if f.ipproto != 0 && f.ipproto != tb.u8(fra::IP_PROTO).unwrap_or(0) {
        return false;
    }
    for (range, kind) in [(f.sport, fra::SPORT_RANGE), (f.dport, fra::DPORT_RANGE)] {
        if range.0 != 0 {
            let Some(r) = tb.get(kind) else { return false };
            if u16_at(r.value, 0) != range.0 || u16_at(r.value, 2) != range.1 {
                return false;
            }
        }
    }
    if f.tun_id != 0 {
        match tb.u64(fra::TUN_ID) {
            Some(t) if u64::from_be(t) == f.tun_id => {}
            _ => return false,
        }
    }
    let table = frh_get_table(h, tb);
    if f.tb > 0 && f.tb != table {
        return false;
    }
    true
}

fn frh_get_table(h: &RuleHdrRepr, tb: &Attrs) -> u32 {
    tb.u32(fra::TABLE).unwrap_or(u32::from(h.table))
}

fn parse_rule(raw: &[u8]) -> Option<(u16, RuleHdrRepr, Attrs<'_>)> {
    let m = Msg::parse(raw)?;
    if m.hdr.kind != RTM_NEWRULE && m.hdr.kind != RTM_DELRULE {
        return None;
    }
    let h = RuleHdrRepr::parse(m.payload).ok()?;
    let tb = Attrs::parse(m.payload.get(12..).unwrap_or(&[]), fra::MAX);
    Some((m.hdr.kind, h, tb))
}

/// `print_rule`: prints one rule message that passes `f`.
pub fn print_rule(ip: &mut Ip, f: &RuleFilter, raw: &[u8]) {
    let Some((kind, h, tb)) = parse_rule(raw) else { return };
    if !filter_nlmsg(f, ip.o.family, &h, &tb) {
        return;
    }
    let n = ip.o.numeric > 0;
    let host_len = super::prefix::af_bit_len(h.family);
    let color = Color::for_family(h.family);
    ip.p.open_json_object(None);
    if kind == RTM_DELRULE {
        ip.p.print_bool(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    let prio = tb.u32(fra::PRIORITY).unwrap_or(0);
    ip.p.print_uint(Kind::Any, Some("priority"), "%u:\t", u64::from(prio));
    if h.flags & fib_rule::INVERT != 0 {
        ip.p.print_null(Kind::Any, Some("not"), "not ", None);
    }
    if let Some(s) = tb.get(fra::SRC) {
        let src = super::prefix::format_host(h.family, s.value);
        ip.p.print_string(Kind::Fp, None, "from ", None);
        ip.p.print_color_string(Kind::Any, color, Some("src"), "%s", Some(&src));
        if i32::from(h.src_len) != host_len {
            ip.p.print_uint(Kind::Any, Some("srclen"), "/%u", u64::from(h.src_len));
        }
    } else if h.src_len != 0 {
        ip.p.print_string(Kind::Any, Some("src"), "from %s", Some("0"));
        ip.p.print_uint(Kind::Any, Some("srclen"), "/%u", u64::from(h.src_len));
    } else {
        ip.p.print_string(Kind::Any, Some("src"), "from %s", Some("all"));
    }
    if let Some(d) = tb.get(fra::DST) {
        let dst = super::prefix::format_host(h.family, d.value);
        ip.p.print_string(Kind::Fp, None, " to ", None);
        ip.p.print_color_string(Kind::Any, color, Some("dst"), "%s", Some(&dst));
        if i32::from(h.dst_len) != host_len {
            ip.p.print_uint(Kind::Any, Some("dstlen"), "/%u", u64::from(h.dst_len));
        }
    } else if h.dst_len != 0 {
        ip.p.print_string(Kind::Any, Some("dst"), " to %s", Some("0"));
        ip.p.print_uint(Kind::Any, Some("dstlen"), "/%u", u64::from(h.dst_len));
    }
    if h.tos != 0 {
        ip.p.print_string(Kind::Any, Some("tos"), " tos %s", Some(&dsfield_n2a(h.tos, n)));
    }
    if tb.has(fra::FWMARK) || tb.has(fra::FWMASK) {
        let mark = tb.u32(fra::FWMARK).unwrap_or(0);
        ip.p.print_0xhex(Kind::Any, Some("fwmark"), " fwmark %#llx", u64::from(mark));
        if let Some(mask) = tb.u32(fra::FWMASK).filter(|m| *m != u32::MAX) {
            ip.p.print_0xhex(Kind::Any, Some("fwmask"), "/%#llx", u64::from(mask));
        }
    }
    for (kind, key, detached) in [(fra::IIFNAME, "iif", fib_rule::IIF_DETACHED), (fra::OIFNAME, "oif", fib_rule::OIF_DETACHED)] {
        if let Some(name) = tb.str(kind) {
            if !ip.p.is_json() {
                ip.p.fp(&format!(" {key} "));
            }
            ip.p.print_color_string(Kind::Any, Color::Ifname, Some(key), "%s", Some(&name));
            if h.flags & detached != 0 {
                let k = format!("{key}_detached");
                ip.p.print_null(Kind::Any, Some(&k), " [detached]", None);
            }
        }
    }
    if tb.u8(fra::L3MDEV).unwrap_or(0) != 0 {
        ip.p.print_null(Kind::Any, Some("l3mdev"), " lookup [l3mdev-table]", None);
    }
    if let Some(r) = tb.get(fra::UID_RANGE) {
        let s = crate::wire::get_u32(r.value, 0).unwrap_or(0);
        let e = crate::wire::get_u32(r.value, 4).unwrap_or(0);
        ip.p.print_uint(Kind::Any, Some("uid_start"), " uidrange %u", u64::from(s));
        ip.p.print_uint(Kind::Any, Some("uid_end"), "-%u", u64::from(e));
    }
    if let Some(p) = tb.u8(fra::IP_PROTO) {
        ip.p.print_string(Kind::Any, Some("ipproto"), " ipproto %s", Some(&inet_proto_n2a(p, n)));
    }
    for &(kind, name) in &[(fra::SPORT_RANGE, "sport"), (fra::DPORT_RANGE, "dport")] {
        if let Some(r) = tb.get(kind) {
            let (s, e) = (u16_at(r.value, 0), u16_at(r.value, 2));
            if s == e {
                ip.p.print_uint(Kind::Any, Some(name), &format!(" {name} %u"), u64::from(s));
            } else {
                let ks = format!("{name}_start");
                let ke = format!("{name}_end");
                ip.p.print_uint(Kind::Any, Some(&ks), &format!(" {name} %u"), u64::from(s));
                ip.p.print_uint(Kind::Any, Some(&ke), "-%u", u64::from(e));
            }
        }
    }
    if let Some(t) = tb.u64(fra::TUN_ID) {
        ip.p.print_uint(Kind::Any, Some("tun_id"), " tun_id %llu", u64::from_be(t));
    }
    let table = frh_get_table(&h, &tb);
    if table != 0 {
        ip.p.print_string(Kind::Any, Some("table"), " lookup %s", Some(&rttable_n2a(table, n)));
        if let Some(pl) = tb.u32(fra::SUPPRESS_PREFIXLEN) {
            if pl as i32 != -1 {
                ip.p.print_int(Kind::Any, Some("suppress_prefixlen"), " suppress_prefixlength %d", i64::from(pl as i32));
            }
        }
        if let Some(g) = tb.u32(fra::SUPPRESS_IFGROUP) {
            if g as i32 != -1 {
                ip.p.print_string(Kind::Any, Some("suppress_ifgroup"), " suppress_ifgroup %s", Some(&group_n2a(g, n)));
            }
        }
    }
    if let Some(flow) = tb.u32(fra::FLOW) {
        let from = flow >> 16;
        let to = flow & 0xFFFF;
        if from != 0 {
            ip.p.print_string(Kind::Any, Some("flow_from"), " realms %s/", Some(&realm_n2a(from, n)));
        } else {
            ip.p.print_string(Kind::Fp, None, " realms ", None);
        }
        ip.p.print_string(Kind::Any, Some("flow_to"), "%s", Some(&realm_n2a(to, n)));
    }
    if h.action == RTN_NAT {
        if let Some(g) = tb.get(crate::wire::route::rta::GATEWAY) {
            let gw = super::prefix::format_host_r(h.family, g.value, ip.o.resolve > 0);
            ip.p.print_string(Kind::Any, Some("nat_gateway"), " map-to %s", Some(&gw));
        } else {
            ip.p.print_null(Kind::Any, Some("masquerade"), " masquerade", None);
        }
    } else if h.action == fr_act::GOTO {
        match tb.u32(fra::GOTO) {
            Some(t) => ip.p.print_uint(Kind::Any, Some("goto"), " goto %u", u64::from(t)),
            None => ip.p.print_string(Kind::Any, Some("goto"), " goto %s", Some("none")),
        }
        if h.flags & fib_rule::UNRESOLVED != 0 {
            ip.p.print_null(Kind::Any, Some("unresolved"), " [unresolved]", None);
        }
    } else if h.action == fr_act::NOP {
        ip.p.print_null(Kind::Any, Some("nop"), " nop", None);
    } else if h.action != fr_act::TO_TBL {
        ip.p.print_string(Kind::Any, Some("action"), " %s", Some(&rtntype_n2a(h.action, n)));
    }
    if let Some(p) = tb.u8(fra::PROTOCOL) {
        if (p != 0 && p != 2) || ip.o.details > 0 {
            ip.p.print_string(Kind::Any, Some("protocol"), " proto %s", Some(&rtprot_n2a(p, n)));
        }
    }
    ip.p.print_string(Kind::Fp, None, "\n", Some(""));
    ip.p.close_json_object();
}

/// `sscanf(s, "%u-%u")` (or `%hu`): how many numbers were read, and them.
fn scan_range(s: &str) -> (usize, u64, u64) {
    fn num(s: &str) -> Option<(u64, &str)> {
        let (neg, t) = crate::text::split_sign(s.trim_start());
        let (digits, rest) = crate::text::split_while(t, char::is_ascii_digit);
        if digits.is_empty() {
            return None;
        }
        let v = crate::text::int::<u64>(digits).unwrap_or(u64::MAX);
        Some((if neg { v.wrapping_neg() } else { v }, rest))
    }
    let Some((a, rest)) = num(s) else { return (0, 0, 0) };
    let Some(rest) = rest.strip_prefix('-') else { return (1, a, 0) };
    match num(rest) {
        Some((b, _)) => (2, a, b),
        None => (1, a, 0),
    }
}

fn port_range(ip: &mut Ip, v: &str, what: &str) -> Res<(u16, u16)> {
    match scan_range(v) {
        (1, a, _) => Ok((a as u16, a as u16)),
        (2, a, b) => Ok((a as u16, b as u16)),
        _ => Err(ip.invarg(what, v)),
    }
}

fn prefix_or_exit(ip: &mut Ip, arg: &str, family: u8) -> Res<Prefix> {
    get_prefix(arg, family).map_err(|e| {
        ip.err(&e);
        Exit(1)
    })
}

/// `iprule_list_flush_or_save` for list and flush.
fn list_or_flush(ip: &mut Ip, args: &[String], flush: bool) -> Res<i32> {
    let af = if ip.o.family == 0 { 2 } else { ip.o.family };
    let mut f = RuleFilter::default();
    let mut a = Args::new(args);
    while let Some(w) = a.peek() {
        if matches(w, "preference") || matches(w, "order") || matches(w, "priority") {
            let v = ip.next_arg(&mut a)?;
            match get_u32(v, 0) {
                Some(p) => f.pref = Some(p),
                None => return Err(ip.invarg("preference value is invalid\n", v)),
            }
        } else if w == "not" {
            f.not = true;
        } else if w == "tos" || w == "dsfield" {
            let v = ip.next_arg(&mut a)?;
            match dsfield_a2n(v) {
                Some(t) => f.tos = Some(t),
                None => return Err(ip.invarg("TOS value is invalid\n", v)),
            }
        } else if w == "fwmark" {
            let v = ip.next_arg(&mut a)?;
            let (m, mask) = match v.split_once('/') {
                Some((m, mask)) => (m, Some(mask)),
                None => (v, None),
            };
            match get_u32(m, 0) {
                Some(x) => f.fwmark = x,
                None => return Err(ip.invarg("fwmark value is invalid\n", m)),
            }
            if let Some(mk) = mask {
                match get_u32(mk, 0) {
                    Some(x) => f.fwmask = x,
                    None => return Err(ip.invarg("fwmask value is invalid\n", mk)),
                }
            }
        } else if w == "dev" || w == "iif" || w == "oif" {
            let is_oif = w == "oif";
            let v = ip.next_arg(&mut a)?;
            if !check_ifname(v) {
                let msg = if is_oif { "\"oif\" not a valid ifname" } else { "\"iif\"/\"dev\" not a valid ifname" };
                return Err(ip.invarg(msg, v));
            }
            if is_oif {
                f.oif = Some(v.to_string());
            } else {
                f.iif = Some(v.to_string());
            }
        } else if w == "l3mdev" {
            f.l3mdev = true;
        } else if w == "uidrange" {
            let v = ip.next_arg(&mut a)?;
            match scan_range(v) {
                (2, s, e) => f.uidrange = Some((s as u32, e as u32)),
                _ => return Err(ip.invarg("invalid UID range\n", v)),
            }
        } else if matches(w, "tun_id") {
            let v = ip.next_arg(&mut a)?;
            match get_u64(v, 0) {
                Some(t) => f.tun_id = t,
                None => return Err(ip.invarg("\"tun_id\" value is invalid\n", v)),
            }
        } else if matches(w, "lookup") || matches(w, "table") {
            let v = ip.next_arg(&mut a)?;
            match rttable_a2n(v) {
                Some(t) => f.tb = t,
                None => return Err(ip.invarg("table id value is invalid\n", v)),
            }
        } else if matches(w, "from") || matches(w, "src") {
            let v = ip.next_arg(&mut a)?;
            f.src = prefix_or_exit(ip, v, af)?;
        } else if matches(w, "protocol") {
            let v = ip.next_arg(&mut a)?;
            f.protocolmask = -1;
            match rtprot_a2n(v) {
                Some(p) => f.protocol = p,
                None => {
                    if v != "all" {
                        return Err(ip.invarg("invalid \"protocol\"\n", v));
                    }
                    f.protocol = 0;
                    f.protocolmask = 0;
                }
            }
        } else if w == "ipproto" {
            let v = ip.next_arg(&mut a)?;
            match inet_proto_a2n(v) {
                Some(p) => f.ipproto = p,
                None => return Err(ip.invarg("Invalid \"ipproto\" value\n", v)),
            }
        } else if w == "sport" {
            let v = ip.next_arg(&mut a)?;
            f.sport = port_range(ip, v, "invalid port range\n")?;
        } else if w == "dport" {
            let v = ip.next_arg(&mut a)?;
            f.dport = port_range(ip, v, "invalid dport range\n")?;
        } else {
            let mut v = w;
            if matches(v, "dst") || matches(v, "to") {
                v = ip.next_arg(&mut a)?;
            }
            f.dst = prefix_or_exit(ip, v, af)?;
        }
        a.advance();
    }
    let mut req = Req::new(RTM_GETRULE, 0);
    req.push_header(&RuleHdrRepr { family: af, ..Default::default() }.to_bytes());
    ip.rth.dump_request(&mut req, 0);
    let json = ip.o.json > 0;
    let (msgs, end) = ip.rth.dump_collect();
    if !end.ok && msgs.is_empty() {
        ip.dump_terminated(&end);
        if !flush {
            super::route::list::dangling_json_open(ip);
        }
        return Ok(1);
    }
    if !flush {
        ip.p.new_json_obj(json);
    }
    for m in &msgs {
        if flush {
            if flush_rule(ip, &f, m).is_err() {
                ip.err("Dump terminated\n");
                return Ok(1);
            }
        } else {
            print_rule(ip, &f, m);
        }
    }
    ip.err(&end.stderr);
    if !end.ok {
        ip.err("Dump terminated\n");
        return Ok(1);
    }
    if !flush {
        ip.p.delete_json_obj();
    }
    Ok(0)
}

/// `flush_rule`: deletes a matching rule that has a priority, on a
/// separate socket.
fn flush_rule(ip: &mut Ip, f: &RuleFilter, raw: &[u8]) -> Result<(), ()> {
    let Some((_, h, tb)) = parse_rule(raw) else { return Ok(()) };
    if !filter_nlmsg(f, ip.o.family, &h, &tb) {
        return Ok(());
    }
    if let Some(p) = tb.u8(fra::PROTOCOL) {
        if (f.protocol ^ p) as i32 & f.protocolmask != 0 {
            return Ok(());
        }
    }
    if !tb.has(fra::PRIORITY) {
        return Ok(());
    }
    let Some(m) = Msg::parse(raw) else { return Ok(()) };
    let mut req = Req::new(RTM_DELRULE, NLM_F_REQUEST);
    req.push_raw(m.payload);
    let Ok(mut rth2) = Rtnl::open(ip.host, false) else { return Err(()) };
    match rth2.talk(&mut ip.p, &mut req, false, true) {
        Ok(_) => Ok(()),
        Err(_) => Err(()),
    }
}

/// `iprule_modify`.
fn iprule_modify(ip: &mut Ip, cmd: u16, args: &[String]) -> Res<i32> {
    let mut req = Req::new(cmd, NLM_F_REQUEST);
    let mut h = RuleHdrRepr { family: ip.o.family, action: fr_act::UNSPEC, ..Default::default() };
    req.push_header(&[0u8; 12]);
    if cmd == RTM_NEWRULE {
        if args.is_empty() {
            ip.err("\"ip rule add\" requires arguments.\n");
            return Ok(-1);
        }
        req.set_flags(req.flags() | NLM_F_CREATE | NLM_F_EXCL);
        h.action = fr_act::TO_TBL;
    }
    if cmd == RTM_DELRULE && args.is_empty() {
        ip.err("\"ip rule del\" requires arguments.\n");
        return Ok(-1);
    }
    let (mut l3mdev_rule, mut table_ok) = (false, false);
    let mut tid = 0u32;
    let mut a = Args::new(args);
    while let Some(w) = a.peek() {
        if w == "not" {
            h.flags |= fib_rule::INVERT;
        } else if w == "from" || w == "to" {
            let is_from = w == "from";
            let v = ip.next_arg(&mut a)?;
            let p = prefix_or_exit(ip, v, h.family)?;
            if is_from {
                h.src_len = p.bitlen as u8;
            } else {
                h.dst_len = p.bitlen as u8;
            }
            req.addattr_l(if is_from { fra::SRC } else { fra::DST }, p.bytes());
        } else if matches(w, "preference") || matches(w, "order") || matches(w, "priority") {
            let v = ip.next_arg(&mut a)?;
            match get_u32(v, 0) {
                Some(p) => req.addattr32(fra::PRIORITY, p),
                None => return Err(ip.invarg("preference value is invalid\n", v)),
            }
        } else if w == "tos" || matches(w, "dsfield") {
            let v = ip.next_arg(&mut a)?;
            match dsfield_a2n(v) {
                Some(t) => h.tos = t,
                None => return Err(ip.invarg("TOS value is invalid\n", v)),
            }
        } else if w == "fwmark" {
            let v = ip.next_arg(&mut a)?;
            let (m, mask) = match v.split_once('/') {
                Some((m, mask)) => (m, Some(mask)),
                None => (v, None),
            };
            match get_u32(m, 0) {
                Some(x) => req.addattr32(fra::FWMARK, x),
                None => return Err(ip.invarg("fwmark value is invalid\n", m)),
            }
            if let Some(mk) = mask {
                match get_u32(mk, 0) {
                    Some(x) => req.addattr32(fra::FWMASK, x),
                    None => return Err(ip.invarg("fwmask value is invalid\n", mk)),
                }
            }
        } else if matches(w, "realms") {
            let v = ip.next_arg(&mut a)?;
            match rt_realms_or_raw(v) {
                Some(r) => req.addattr32(fra::FLOW, r),
                None => return Err(ip.invarg("invalid realms\n", v)),
            }
        } else if matches(w, "protocol") {
            let v = ip.next_arg(&mut a)?;
            match rtprot_a2n(v) {
                Some(p) => req.addattr8(fra::PROTOCOL, p),
                None => return Err(ip.invarg("\"protocol\" value is invalid\n", v)),
            }
        } else if matches(w, "tun_id") {
            let v = ip.next_arg(&mut a)?;
            match get_u64(v, 0) {
                Some(t) => req.addattr_l(fra::TUN_ID, &t.to_be_bytes()),
                None => return Err(ip.invarg("\"tun_id\" value is invalid\n", v)),
            }
        } else if matches(w, "table") || w == "lookup" {
            let v = ip.next_arg(&mut a)?;
            let Some(t) = rttable_a2n(v) else { return Err(ip.invarg("invalid table ID\n", v)) };
            tid = t;
            if t < 256 {
                h.table = t as u8;
            } else {
                h.table = 0;
                req.addattr32(fra::TABLE, t);
            }
            table_ok = true;
        } else if matches(w, "suppress_prefixlength") || w == "sup_pl" {
            let v = ip.next_arg(&mut a)?;
            match super::args::get_integer(v, 0) {
                Some(pl) if pl >= 0 => req.addattr32(fra::SUPPRESS_PREFIXLEN, pl as u32),
                _ => return Err(ip.invarg("suppress_prefixlength value is invalid\n", v)),
            }
        } else if matches(w, "suppress_ifgroup") || w == "sup_group" {
            let v = ip.next_arg(&mut a)?;
            match group_a2n(v) {
                Some(g) => req.addattr32(fra::SUPPRESS_IFGROUP, g),
                None => return Err(ip.invarg("Invalid \"suppress_ifgroup\" value\n", v)),
            }
        } else if w == "dev" || w == "iif" || w == "oif" {
            let is_oif = w == "oif";
            let v = ip.next_arg(&mut a)?;
            if !check_ifname(v) {
                let msg = if is_oif { "\"oif\" not a valid ifname" } else { "\"iif\"/\"dev\" not a valid ifname" };
                return Err(ip.invarg(msg, v));
            }
            req.addattr_strz(if is_oif { fra::OIFNAME } else { fra::IIFNAME }, v);
        } else if w == "l3mdev" {
            req.addattr8(fra::L3MDEV, 1);
            table_ok = true;
            l3mdev_rule = true;
        } else if w == "uidrange" {
            let v = ip.next_arg(&mut a)?;
            match scan_range(v) {
                (2, s, e) => {
                    let mut b = (s as u32).to_ne_bytes().to_vec();
                    b.extend_from_slice(&(e as u32).to_ne_bytes());
                    req.addattr_l(fra::UID_RANGE, &b);
                }
                _ => return Err(ip.invarg("invalid UID range\n", v)),
            }
        } else if w == "nat" || matches(w, "map-to") {
            let v = ip.next_arg(&mut a)?;
            ip.err("Warning: route NAT is deprecated\n");
            let Some(p) = super::prefix::get_addr_1(v, 2) else {
                ip.err(&format!("Error: an IP address is expected rather than \"{v}\"\n"));
                return Err(Exit(1));
            };
            req.addattr_l(crate::wire::route::rta::GATEWAY, &p.data[..4]);
            h.action = RTN_NAT;
        } else if w == "ipproto" {
            let v = ip.next_arg(&mut a)?;
            match inet_proto_a2n(v) {
                Some(p) => req.addattr8(fra::IP_PROTO, p),
                None => return Err(ip.invarg("Invalid \"ipproto\" value\n", v)),
            }
        } else if w == "sport" || w == "dport" {
            let is_s = w == "sport";
            let v = ip.next_arg(&mut a)?;
            let (s, e) = port_range(ip, v, if is_s { "invalid port range\n" } else { "invalid dport range\n" })?;
            let mut b = s.to_ne_bytes().to_vec();
            b.extend_from_slice(&e.to_ne_bytes());
            req.addattr_l(if is_s { fra::SPORT_RANGE } else { fra::DPORT_RANGE }, &b);
        } else {
            let mut v = w;
            if v == "type" {
                v = ip.next_arg(&mut a)?;
            }
            if matches(v, "help") {
                return Err(usage(ip));
            }
            let kind = if matches(v, "goto") {
                let t = ip.next_arg(&mut a)?;
                match get_u32(t, 0) {
                    Some(target) => req.addattr32(fra::GOTO, target),
                    None => return Err(ip.invarg("invalid target\n", t)),
                }
                fr_act::GOTO
            } else if matches(v, "nop") {
                fr_act::NOP
            } else {
                match rtntype_a2n(v) {
                    Some(t) => t,
                    None => return Err(ip.invarg("Failed to parse rule type", v)),
                }
            };
            h.action = kind;
            table_ok = true;
        }
        a.advance();
    }
    if l3mdev_rule && tid != 0 {
        ip.err("table can not be specified for l3mdev rules\n");
        return Ok(-22);
    }
    if h.family == 0 {
        h.family = 2;
    }
    if !table_ok && cmd == RTM_NEWRULE {
        h.table = 254;
    }
    req.write_at(16, &h.to_bytes());
    if ip.o.echo > 0 {
        req.set_flags(req.flags() | NLM_F_ECHO | NLM_F_ACK);
        let Ok(Some(answer)) = ip.rth.talk(&mut ip.p, &mut req, true, true) else { return Ok(-2) };
        let json = ip.o.json > 0;
        ip.p.new_json_obj(json);
        ip.p.open_json_object(None);
        print_rule(ip, &RuleFilter::default(), &answer);
        ip.p.close_json_object();
        ip.p.delete_json_obj();
        return Ok(0);
    }
    if ip.rth.talk(&mut ip.p, &mut req, false, true).is_err() {
        return Ok(-2);
    }
    Ok(0)
}

/// `do_iprule`.
pub fn do_iprule(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let Some((cmd, rest)) = args.split_first() else {
        return list_or_flush(ip, &[], false);
    };
    if matches(cmd, "list") || matches(cmd, "lst") || matches(cmd, "show") {
        return list_or_flush(ip, rest, false);
    }
    if matches(cmd, "save") {
        if !rest.is_empty() {
            ip.err("\"ip rule save\" does not take any arguments.\n");
            return Ok(-1);
        }
        ip.err("Not sending a binary stream to stdout\n");
        return Ok(-1);
    }
    if matches(cmd, "restore") {
        ip.err("Can't restore rule dump from a terminal\n");
        return Err(Exit(255));
    }
    if matches(cmd, "add") {
        return iprule_modify(ip, RTM_NEWRULE, rest);
    }
    if matches(cmd, "delete") {
        return iprule_modify(ip, RTM_DELRULE, rest);
    }
    if matches(cmd, "flush") {
        return list_or_flush(ip, rest, true);
    }
    if matches(cmd, "help") {
        return Err(usage(ip));
    }
    ip.err(&format!("Command \"{cmd}\" is unknown, try \"ip rule help\".\n"));
    Err(Exit(255))
}

#[cfg(test)]
mod tests {
    use super::scan_range;

    #[test]
    fn ranges_scan_like_sscanf() {
        assert_eq!(scan_range("1000-2000"), (2, 1000, 2000));
        assert_eq!(scan_range("80"), (1, 80, 0));
        assert_eq!(scan_range("x"), (0, 0, 0));
        assert_eq!(scan_range("5-"), (1, 5, 0));
    }
}
