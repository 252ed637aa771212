//! `ip route add|del|change|replace|append|prepend|test`
//! (ip/iproute.c `iproute_modify`, `parse_nexthops`, `parse_one_nh`).

use super::super::args::{Args, Exit, Res, get_u32};
use super::super::ctx::Ip;
use super::super::names::{dsfield_a2n, read_family, rt_realms_or_raw, rtntype_a2n, rtprot_a2n, rttable_a2n, scope_a2n};
use super::super::nl::Req;
use super::super::prefix::{Prefix, get_addr, get_prefix};
use crate::wire::route::{RtMsgRepr, rta, rtax, rtn, rtnh_f, scope};
use crate::wire::{AF_INET6, AF_MPLS, RTM_DELROUTE};
use crate::wire::{NLM_F_ACK, NLM_F_ECHO, NLM_F_REQUEST};

/// A sub-buffer of attributes (`rta_addattr*` into `mxbuf` or a next hop).
#[derive(Default)]
struct AttrBuf(Vec<u8>);

impl AttrBuf {
    fn add(&mut self, kind: u16, data: &[u8]) {
        let len = (4 + data.len()) as u16;
        self.0.extend_from_slice(&len.to_ne_bytes());
        self.0.extend_from_slice(&kind.to_ne_bytes());
        self.0.extend_from_slice(data);
        self.0.resize(crate::wire::align4(self.0.len()), 0);
    }
    fn add32(&mut self, kind: u16, v: u32) {
        self.add(kind, &v.to_ne_bytes());
    }
}

fn addr_or_exit(ip: &mut Ip, arg: &str, family: u8) -> Res<Prefix> {
    get_addr(arg, family).map_err(|e| {
        ip.err(&e);
        Exit(1)
    })
}

fn prefix_or_exit(ip: &mut Ip, arg: &str, family: u8) -> Res<Prefix> {
    get_prefix(arg, family).map_err(|e| {
        ip.err(&e);
        Exit(1)
    })
}

/// `via [FAMILY] ADDRESS`: RTA_GATEWAY for the route's own family,
/// RTA_VIA (family + address) otherwise.
fn parse_via(ip: &mut Ip, a: &mut Args, rtm_family: &mut u8) -> Res<(u16, Vec<u8>)> {
    let mut v = ip.next_arg(a)?;
    let mut family = read_family(v);
    if family == 0 {
        family = *rtm_family;
    } else {
        v = ip.next_arg(a)?;
    }
    let addr = addr_or_exit(ip, v, family)?;
    if *rtm_family == 0 {
        *rtm_family = addr.family;
    }
    if addr.family == *rtm_family {
        Ok((rta::GATEWAY, addr.bytes().to_vec()))
    } else {
        let mut d = vec![addr.family, 0];
        d.extend_from_slice(addr.bytes());
        Ok((rta::VIA, d))
    }
}

/// `parse_one_nh`: the words of one `nexthop`, appended to `mp` as an
/// `rtnexthop` with its attributes.
fn parse_one_nh(ip: &mut Ip, r: &mut RtMsgRepr, a: &mut Args, mp: &mut Vec<u8>) -> Res<Result<(), i32>> {
    let mut flags = 0u8;
    let mut hops = 0u8;
    let mut ifindex = 0i32;
    let mut attrs = AttrBuf::default();
    loop {
        a.advance();
        let Some(w) = a.peek() else { break };
        if w == "via" {
            let (kind, data) = parse_via(ip, a, &mut r.family)?;
            attrs.add(kind, &data);
        } else if w == "dev" {
            let v = ip.next_arg(a)?;
            ifindex = ip.ll_name_to_index(v) as i32;
            if ifindex == 0 {
                return Ok(Err(ip.nodev(v)));
            }
        } else if w == "weight" {
            let v = ip.next_arg(a)?;
            match get_u32(v, 0) {
                Some(w) if (1..=256).contains(&w) => hops = (w - 1) as u8,
                _ => return Err(ip.invarg("\"weight\" is invalid\n", v)),
            }
        } else if w == "onlink" {
            flags |= rtnh_f::ONLINK;
        } else if super::super::args::matches(w, "realms") {
            let v = ip.next_arg(a)?;
            match rt_realms_or_raw(v) {
                Some(realm) => attrs.add32(rta::FLOW, realm),
                None => return Err(ip.invarg("\"realm\" value is invalid\n", v)),
            }
        } else if w == "as" {
            let mut v = ip.next_arg(a)?;
            if v == "to" {
                v = ip.next_arg(a)?;
            }
            let addr = addr_or_exit(ip, v, r.family)?;
            attrs.add(rta::NEWDST, addr.bytes());
        } else {
            break;
        }
    }
    let len = (8 + attrs.0.len()) as u16;
    mp.extend_from_slice(&crate::wire::route::rtnh_header(len, flags, hops, ifindex));
    mp.extend_from_slice(&attrs.0);
    Ok(Ok(()))
}

/// `parse_nexthops`: every `nexthop ...` group into one RTA_MULTIPATH.
fn parse_nexthops(ip: &mut Ip, req: &mut Req, r: &mut RtMsgRepr, a: &mut Args) -> Res<Result<(), i32>> {
    let mut mp = Vec::new();
    while let Some(w) = a.peek() {
        if w != "nexthop" {
            ip.err(&format!("Error: \"nexthop\" or end of line is expected instead of \"{w}\"\n"));
            return Err(Exit(255));
        }
        if a.left() <= 1 {
            ip.err("Error: unexpected end of line after \"nexthop\"\n");
            return Err(Exit(255));
        }
        if let Err(e) = parse_one_nh(ip, r, a, &mut mp)? {
            return Ok(Err(e));
        }
    }
    if !mp.is_empty() {
        req.addattr_l(rta::MULTIPATH, &mp);
    }
    Ok(Ok(()))
}

/// A metric that takes an optional `lock` and an unsigned number.
fn metric_u32(ip: &mut Ip, a: &mut Args, bit: u16, lock: &mut u32, what: &str) -> Res<u32> {
    let mut v = ip.next_arg(a)?;
    if v == "lock" {
        *lock |= 1 << bit;
        v = ip.next_arg(a)?;
    }
    match get_u32(v, 0) {
        Some(n) => Ok(n),
        None => Err(ip.invarg(&format!("\"{what}\" value is invalid\n"), v)),
    }
}

/// `get_time_rtt`: milliseconds with an optional s/ms suffix; `raw` when
/// no suffix was given.
pub fn get_time_rtt(arg: &str) -> Option<(u32, bool)> {
    let (num_end, t) = if arg.as_bytes().contains(&b'.') {
        let end = arg.char_indices().take_while(|(i, c)| c.is_ascii_digit() || *c == '.' || (*i == 0 && (*c == '+' || *c == '-'))).count();
        let t = crate::decimal::parse(arg.get(..end)?)?;
        if t.neg && t.num != 0 {
            return None;
        }
        (end, t)
    } else {
        let end = arg.char_indices().take_while(|(i, c)| c.is_ascii_alphanumeric() && (c.is_ascii_digit() || *i > 0)).count();
        let mut e = end;
        let mut val = None;
        while e > 0 {
            if let Some(v) = arg.get(..e).and_then(|n| get_u32(n, 0)) {
                val = Some(v);
                break;
            }
            e -= 1;
        }
        (e, crate::decimal::Ratio::new(u128::from(val?), 1))
    };
    let rest = arg.get(num_end..).unwrap_or("");
    let mut t = t;
    let raw = rest.is_empty();
    if !raw {
        let r = rest.to_ascii_lowercase();
        if r == "s" || r == "sec" || r == "secs" {
            t = t.times(1000);
        } else if !(r == "ms" || r == "msec" || r == "msecs") {
            return None;
        }
    }
    let mut v = u32::try_from(t.trunc()).unwrap_or(u32::MAX);
    if u128::from(v) * u128::from(t.den) < t.num {
        v = v.wrapping_add(1);
    }
    Some((v, raw))
}

/// `iproute_modify`.
pub fn iproute_modify(ip: &mut Ip, cmd: u16, flags: u16, args: &[String]) -> Res<i32> {
    let mut req = Req::new(cmd, NLM_F_REQUEST | flags);
    let mut r = RtMsgRepr { family: ip.o.family, table: 254, scope: 255, ..Default::default() };
    if cmd != RTM_DELROUTE {
        r.protocol = 3;
        r.scope = 0;
        r.kind = 1;
    }
    // Attributes go after the rtmsg, which is written last.
    req.push_header(&[0u8; 12]);
    let mut mx = AttrBuf::default();
    let mut mxlock = 0u32;
    let mut dev: Option<&str> = None;
    let (mut gw_ok, mut dst_ok, mut nhs_ok, mut scope_ok, mut table_ok, mut type_ok) = (false, false, false, false, false, false);
    let mut nhid = 0u32;
    let mut a = Args::new(args);
    while let Some(w) = a.peek() {
        if w == "src" {
            let v = ip.next_arg(&mut a)?;
            let addr = addr_or_exit(ip, v, r.family)?;
            if r.family == 0 {
                r.family = addr.family;
            }
            req.addattr_l(rta::PREFSRC, addr.bytes());
        } else if w == "as" {
            let mut v = ip.next_arg(&mut a)?;
            if v == "to" {
                v = ip.next_arg(&mut a)?;
            }
            let addr = addr_or_exit(ip, v, r.family)?;
            if r.family == 0 {
                r.family = addr.family;
            }
            req.addattr_l(rta::NEWDST, addr.bytes());
        } else if w == "via" {
            if gw_ok {
                return Err(ip.invarg("use nexthop syntax to specify multiple via\n", w));
            }
            gw_ok = true;
            let (kind, data) = parse_via(ip, &mut a, &mut r.family)?;
            req.addattr_l(kind, &data);
        } else if w == "from" {
            let v = ip.next_arg(&mut a)?;
            let addr = prefix_or_exit(ip, v, r.family)?;
            if r.family == 0 {
                r.family = addr.family;
            }
            if addr.bytelen != 0 {
                req.addattr_l(rta::SRC, addr.bytes());
            }
            r.src_len = addr.bitlen as u8;
        } else if w == "tos" || super::super::args::matches(w, "dsfield") {
            let v = ip.next_arg(&mut a)?;
            match dsfield_a2n(v) {
                Some(t) => r.tos = t,
                None => return Err(ip.invarg("\"tos\" value is invalid\n", v)),
            }
        } else if w == "expires" {
            let v = ip.next_arg(&mut a)?;
            match get_u32(v, 0) {
                Some(e) => req.addattr32(rta::EXPIRES, e),
                None => return Err(ip.invarg("\"expires\" value is invalid\n", v)),
            }
        } else if super::super::args::matches(w, "metric") || super::super::args::matches(w, "priority") || w == "preference" {
            let v = ip.next_arg(&mut a)?;
            match get_u32(v, 0) {
                Some(m) => req.addattr32(rta::PRIORITY, m),
                None => return Err(ip.invarg("\"metric\" value is invalid\n", v)),
            }
        } else if w == "scope" {
            let v = ip.next_arg(&mut a)?;
            match scope_a2n(v) {
                Some(s) => r.scope = s,
                None => return Err(ip.invarg("invalid \"scope\" value\n", v)),
            }
            scope_ok = true;
        } else if w == "mtu" {
            let n = metric_u32(ip, &mut a, rtax::MTU, &mut mxlock, "mtu")?;
            mx.add32(rtax::MTU, n);
        } else if w == "hoplimit" {
            let mut v = ip.next_arg(&mut a)?;
            if v == "lock" {
                mxlock |= 1 << rtax::HOPLIMIT;
                v = ip.next_arg(&mut a)?;
            }
            match get_u32(v, 0) {
                Some(n) if n <= 255 => mx.add32(rtax::HOPLIMIT, n),
                _ => return Err(ip.invarg("\"hoplimit\" value is invalid\n", v)),
            }
        } else if w == "advmss" {
            let n = metric_u32(ip, &mut a, rtax::ADVMSS, &mut mxlock, "mss")?;
            mx.add32(rtax::ADVMSS, n);
        } else if super::super::args::matches(w, "reordering") {
            let n = metric_u32(ip, &mut a, rtax::REORDERING, &mut mxlock, "reordering")?;
            mx.add32(rtax::REORDERING, n);
        } else if w == "rtt" || super::super::args::matches(w, "rttvar") {
            let is_rtt = w == "rtt";
            let (bit, name, mul) = if is_rtt { (rtax::RTT, "rtt", 8) } else { (rtax::RTTVAR, "rttvar", 4) };
            let mut v = ip.next_arg(&mut a)?;
            if v == "lock" {
                mxlock |= 1 << bit;
                v = ip.next_arg(&mut a)?;
            }
            match get_time_rtt(v) {
                Some((t, raw)) => mx.add32(bit, if raw { t } else { t.wrapping_mul(mul) }),
                None => return Err(ip.invarg(&format!("\"{name}\" value is invalid\n"), v)),
            }
        } else if w == "rto_min" {
            let v = ip.next_arg(&mut a)?;
            mxlock |= 1 << rtax::RTO_MIN;
            match get_time_rtt(v) {
                Some((t, _)) => mx.add32(rtax::RTO_MIN, t),
                None => return Err(ip.invarg("\"rto_min\" value is invalid\n", v)),
            }
        } else if super::super::args::matches(w, "window") {
            let n = metric_u32(ip, &mut a, rtax::WINDOW, &mut mxlock, "window")?;
            mx.add32(rtax::WINDOW, n);
        } else if super::super::args::matches(w, "cwnd") {
            let n = metric_u32(ip, &mut a, rtax::CWND, &mut mxlock, "cwnd")?;
            mx.add32(rtax::CWND, n);
        } else if super::super::args::matches(w, "initcwnd") {
            let n = metric_u32(ip, &mut a, rtax::INITCWND, &mut mxlock, "initcwnd")?;
            mx.add32(rtax::INITCWND, n);
        } else if super::super::args::matches(w, "initrwnd") {
            let n = metric_u32(ip, &mut a, rtax::INITRWND, &mut mxlock, "initrwnd")?;
            mx.add32(rtax::INITRWND, n);
        } else if super::super::args::matches(w, "features") {
            let v = ip.next_arg(&mut a)?;
            if v != "ecn" {
                return Err(ip.invarg("\"features\" value not valid\n", v));
            }
            mx.add32(rtax::FEATURES, 1);
        } else if super::super::args::matches(w, "quickack") {
            let v = ip.next_arg(&mut a)?;
            match get_u32(v, 0) {
                Some(q) if q <= 1 => mx.add32(rtax::QUICKACK, q),
                Some(_) => return Err(ip.invarg("\"quickack\" value should be 0 or 1\n", v)),
                None => return Err(ip.invarg("\"quickack\" value is invalid\n", v)),
            }
        } else if super::super::args::matches(w, "congctl") {
            let mut v = ip.next_arg(&mut a)?;
            if v == "lock" {
                mxlock |= 1 << rtax::CC_ALGO;
                v = ip.next_arg(&mut a)?;
            }
            mx.add(rtax::CC_ALGO, v.as_bytes());
        } else if super::super::args::matches(w, "ssthresh") {
            let n = metric_u32(ip, &mut a, rtax::SSTHRESH, &mut mxlock, "ssthresh")?;
            mx.add32(rtax::SSTHRESH, n);
        } else if super::super::args::matches(w, "realms") {
            let v = ip.next_arg(&mut a)?;
            match rt_realms_or_raw(v) {
                Some(realm) => req.addattr32(rta::FLOW, realm),
                None => return Err(ip.invarg("\"realm\" value is invalid\n", v)),
            }
        } else if w == "onlink" {
            r.flags |= u32::from(rtnh_f::ONLINK);
        } else if w == "nexthop" {
            nhs_ok = true;
            break;
        } else if w == "nhid" {
            let v = ip.next_arg(&mut a)?;
            match get_u32(v, 0) {
                Some(n) => {
                    nhid = n;
                    req.addattr32(rta::NH_ID, n);
                }
                None => return Err(ip.invarg("\"id\" value is invalid\n", v)),
            }
        } else if super::super::args::matches(w, "protocol") {
            let v = ip.next_arg(&mut a)?;
            match rtprot_a2n(v) {
                Some(p) => r.protocol = p,
                None => return Err(ip.invarg("\"protocol\" value is invalid\n", v)),
            }
        } else if super::super::args::matches(w, "table") {
            let v = ip.next_arg(&mut a)?;
            let Some(tid) = rttable_a2n(v) else {
                return Err(ip.invarg("\"table\" value is invalid\n", v));
            };
            if tid < 256 {
                r.table = tid as u8;
            } else {
                r.table = 0;
                req.addattr32(rta::TABLE, tid);
            }
            table_ok = true;
        } else if super::super::args::matches(w, "vrf") {
            let v = ip.next_arg(&mut a)?;
            let tid = crate::programs::ip::vrf::get_table(ip, v);
            if tid == 0 {
                return Err(ip.invarg("Invalid VRF\n", v));
            }
            if tid < 256 {
                r.table = tid as u8;
            } else {
                r.table = 0;
                req.addattr32(rta::TABLE, tid);
            }
            table_ok = true;
        } else if w == "dev" || w == "oif" {
            dev = Some(ip.next_arg(&mut a)?);
        } else if super::super::args::matches(w, "pref") {
            let v = ip.next_arg(&mut a)?;
            let pref = match v {
                "low" => 3,
                "medium" => 0,
                "high" => 1,
                _ => match get_u32(v, 0).and_then(|p| u8::try_from(p).ok()) {
                    Some(p) => p,
                    None => return Err(ip.invarg("\"pref\" value is invalid\n", v)),
                },
            };
            req.addattr8(rta::PREF, pref);
        } else if w == "encap" {
            // lwt_parse_encap: a known type, then its arguments.
            let t = ip.next_arg(&mut a)?;
            const TYPES: [&str; 10] = ["mpls", "ip", "ila", "ip6", "bpf", "seg6", "seg6local", "rpl", "ioam6", "xfrm"];
            if !TYPES.contains(&t) {
                return Err(ip.invarg("\"encap type\" value is invalid\n", t));
            }
            ip.next_arg(&mut a)?;
            if a.left() <= 1 {
                ip.err("Error: unexpected end of line after \"encap\"\n");
                return Err(Exit(255));
            }
            ip.err("Error: encapsulation is not supported by this ip.\n");
            return Err(Exit(255));
        } else if w == "ttl-propagate" {
            let v = ip.next_arg(&mut a)?;
            let t = if super::super::args::matches(v, "enabled") {
                1
            } else if super::super::args::matches(v, "disabled") {
                0
            } else {
                return Err(ip.invarg("\"ttl-propagate\" value is invalid\n", v));
            };
            req.addattr8(rta::TTL_PROPAGATE, t);
        } else if super::super::args::matches(w, "fastopen_no_cookie") {
            let v = ip.next_arg(&mut a)?;
            match get_u32(v, 0) {
                Some(q) if q <= 1 => mx.add32(rtax::FASTOPEN_NO_COOKIE, q),
                Some(_) => return Err(ip.invarg("\"fastopen_no_cookie\" value should be 0 or 1\n", v)),
                None => return Err(ip.invarg("\"fastopen_no_cookie\" value is invalid\n", v)),
            }
        } else {
            let mut v = w;
            if v == "to" {
                v = ip.next_arg(&mut a)?;
            }
            if !v.starts_with(|c: char| c.is_ascii_digit()) {
                if let Some(t) = rtntype_a2n(v) {
                    v = ip.next_arg(&mut a)?;
                    r.kind = t;
                    type_ok = true;
                }
            }
            if super::super::args::matches(v, "help") {
                return Err(super::usage(ip));
            }
            if dst_ok {
                return Err(ip.duparg2("to", v));
            }
            let dst = prefix_or_exit(ip, v, r.family)?;
            if r.family == 0 {
                r.family = dst.family;
            }
            r.dst_len = dst.bitlen as u8;
            dst_ok = true;
            if dst.bytelen != 0 {
                req.addattr_l(rta::DST, dst.bytes());
            }
        }
        a.advance();
    }
    if !dst_ok {
        return Err(super::usage(ip));
    }
    if let Some(d) = dev {
        let idx = ip.ll_name_to_index(d);
        if idx == 0 {
            return Ok(ip.nodev(d));
        }
        req.addattr32(rta::OIF, idx);
    }
    if !mx.0.is_empty() {
        if mxlock != 0 {
            mx.add32(rtax::LOCK, mxlock);
        }
        req.addattr_l(rta::METRICS, &mx.0);
    }
    if nhs_ok {
        if let Err(e) = parse_nexthops(ip, &mut req, &mut r, &mut a)? {
            let _ = e;
            ip.err("Error: cannot parse nexthop\n");
            return Err(Exit(255));
        }
    }
    if r.family == 0 {
        r.family = 2;
    }
    if !table_ok && matches!(r.kind, 2 | 3 | 10 | 4) {
        r.table = 255;
    }
    if !scope_ok {
        if r.family == AF_INET6 || r.family == AF_MPLS {
            r.scope = scope::UNIVERSE;
        } else if r.kind == rtn::LOCAL || r.kind == rtn::NAT {
            r.scope = scope::HOST;
        } else if matches!(r.kind, rtn::BROADCAST | rtn::ANYCAST | rtn::MULTICAST) {
            r.scope = scope::LINK;
        } else if r.kind == rtn::UNICAST || r.kind == rtn::UNSPEC {
            if cmd == RTM_DELROUTE {
                r.scope = scope::NOWHERE;
            } else if !gw_ok && !nhs_ok && nhid == 0 {
                r.scope = scope::LINK;
            }
        }
    }
    if !type_ok && r.family == AF_MPLS {
        r.kind = rtn::UNICAST;
    }
    req.write_at(16, &r.to_bytes());
    if ip.o.echo > 0 {
        req.set_flags(req.flags() | NLM_F_ECHO | NLM_F_ACK);
        let Ok(Some(answer)) = ip.rth.talk(&mut ip.p, &mut req, true, true) else { return Ok(-2) };
        let json = ip.o.json > 0;
        ip.p.new_json_obj(json);
        ip.p.open_json_object(None);
        // The filter is iproute2's zero-initialised static here.
        let mut f = super::filter::RouteFilter::default();
        super::show::print_route(ip, &mut f, &answer)?;
        ip.p.close_json_object();
        ip.p.delete_json_obj();
        return Ok(0);
    }
    if ip.rth.talk(&mut ip.p, &mut req, false, true).is_err() {
        return Ok(-2);
    }
    Ok(0)
}
