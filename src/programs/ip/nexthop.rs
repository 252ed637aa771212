//! `ip nexthop` (ip/ipnexthop.c, iproute2 6.1): add, replace, delete,
//! list, get and flush next-hop objects (RTM_{NEW,DEL,GET}NEXTHOP), and
//! the printer `ip monitor` and `ip route -d` share.

use super::args::{Exit, Res, get_u32, matches};
use super::ctx::Ip;
use super::names::{read_family, rtprot_a2n, rtprot_n2a, scope_n2a};
use super::nl::{Attrs, Msg, Req};
use super::prefix::get_addr;
use super::print::Kind;
use super::route::show::{print_rt_flags, print_rta_gateway, print_rta_ifidx};
use crate::wire::nexthop::{
    GRP_TYPE_MPATH, GRP_TYPE_RES, GroupEntry, NHMSG_LEN, NhMsg, group_bytes, nha, nha_res_bucket, nha_res_group, parse_group,
};
use crate::wire::route::rtnh_f;
use crate::wire::{
    AF_INET, AF_UNSPEC, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE, NLM_F_REQUEST, RTM_DELNEXTHOP, RTM_GETNEXTHOP, RTM_NEWNEXTHOP,
};

const USAGE: &str = "Usage: ip nexthop { list | flush } [ protocol ID ] SELECTOR
       ip nexthop { add | replace } id ID NH [ protocol ID ]
       ip nexthop { get | del } id ID
       ip nexthop bucket list BUCKET_SELECTOR
       ip nexthop bucket get id ID index INDEX
SELECTOR := [ id ID ] [ dev DEV ] [ vrf NAME ] [ master DEV ]
            [ groups ] [ fdb ]
BUCKET_SELECTOR := SELECTOR | [ nhid ID ]
NH := { blackhole | [ via ADDRESS ] [ dev DEV ] [ onlink ]
        [ encap ENCAPTYPE ENCAPHDR ] |
        group GROUP [ fdb ] [ type TYPE [ TYPE_ARGS ] ] }
GROUP := [ <id[,weight]>/<id[,weight]>/... ]
TYPE := { mpath | resilient }
TYPE_ARGS := [ RESILIENT_ARGS ]
RESILIENT_ARGS := [ buckets BUCKETS ] [ idle_timer IDLE ]
                  [ unbalanced_timer UNBALANCED ]
ENCAPTYPE := [ mpls ]
ENCAPHDR := [ MPLSLABEL ]
";

fn usage(ip: &mut Ip) -> Exit {
    ip.err(USAGE);
    Exit(255)
}

/// The dump filter (`filter` in ipnexthop.c).
#[derive(Default)]
struct Filter {
    flushed: u32,
    groups: bool,
    ifindex: u32,
    master: u32,
    proto: u32,
    fdb: bool,
}

/// `do_ipnh`.
pub fn do_ipnh(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let Some((cmd, rest)) = args.split_first() else { return list_flush(ip, &[], false) };
    if matches(cmd, "add") {
        return modify(ip, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_EXCL, rest);
    }
    if matches(cmd, "replace") {
        return modify(ip, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_REPLACE, rest);
    }
    if matches(cmd, "delete") {
        return modify(ip, RTM_DELNEXTHOP, 0, rest);
    }
    if matches(cmd, "list") || matches(cmd, "show") || matches(cmd, "lst") {
        return list_flush(ip, rest, false);
    }
    if matches(cmd, "get") {
        return get(ip, rest);
    }
    if matches(cmd, "flush") {
        return list_flush(ip, rest, true);
    }
    if matches(cmd, "bucket") {
        return do_bucket(ip, rest);
    }
    if matches(cmd, "help") {
        return Err(usage(ip));
    }
    ip.err(&format!("Command \"{cmd}\" is unknown, try \"ip nexthop help\".\n"));
    Err(Exit(255))
}

/// `ipnh_parse_id`.
fn parse_id(ip: &mut Ip, arg: &str) -> Res<u32> {
    get_u32(arg, 0).ok_or_else(|| ip.invarg("invalid id value", arg))
}

/// `add_nh_group_attr`: "id[,weight]/id[,weight]/...".
fn group_attr(ip: &mut Ip, arg: &str) -> Res<Vec<u8>> {
    if arg.is_empty() {
        return Err(ip.invarg("\"group\" value is invalid\n", arg));
    }
    let mut entries = Vec::new();
    for part in arg.split('/') {
        let (id, weight) = match part.split_once(',') {
            Some((i, w)) => (i, Some(w)),
            None => (part, None),
        };
        let Some(id) = get_u32(id, 0) else { return Err(ip.invarg("\"group\" value is invalid\n", arg)) };
        let mut e = GroupEntry { id, weight: 0, resvd1: 0, resvd2: 0 };
        if let Some(w) = weight {
            match get_u32(w, 0).filter(|w| (1..=256).contains(w)) {
                Some(w) => e.weight = (w - 1) as u8,
                None => return Err(ip.invarg("\"weight\" is invalid\n", w)),
            }
        }
        entries.push(e);
    }
    Ok(group_bytes(&entries))
}

/// `ipnh_modify`.
fn modify(ip: &mut Ip, cmd: u16, flags: u16, args: &[String]) -> Res<i32> {
    let mut hdr = NhMsg { family: ip.o.family, ..NhMsg::default() };
    let mut req = Req::new(cmd, NLM_F_REQUEST | flags);
    req.push_header(&hdr.to_bytes());
    let mut nh_flags = 0u32;
    let mut i = 0;
    let next = |ip: &mut Ip, i: &mut usize| -> Res<String> {
        *i += 1;
        args.get(*i).cloned().ok_or_else(|| ip.incomplete())
    };
    while i < args.len() {
        let w = args[i].as_str();
        match w {
            "id" => {
                let v = next(ip, &mut i)?;
                let id = parse_id(ip, &v)?;
                req.addattr32(nha::ID, id);
            }
            "dev" => {
                let v = next(ip, &mut i)?;
                let ifindex = existing_device(ip, &v)?;
                req.addattr32(nha::OIF, ifindex);
                if hdr.family == AF_UNSPEC {
                    hdr.family = AF_INET;
                }
            }
            "via" => {
                let mut v = next(ip, &mut i)?;
                let mut family = read_family(&v);
                if family == AF_UNSPEC {
                    family = hdr.family;
                } else {
                    v = next(ip, &mut i)?;
                }
                let addr = get_addr(&v, family).map_err(|e| {
                    ip.err(&e);
                    Exit(1)
                })?;
                if hdr.family == AF_UNSPEC {
                    hdr.family = addr.family;
                } else if hdr.family != addr.family {
                    return Err(ip.invarg("address family mismatch\n", &v));
                }
                req.addattr_l(nha::GATEWAY, &addr.data[..usize::from(addr.bytelen).min(16)]);
            }
            "blackhole" => {
                req.addattr_l(nha::BLACKHOLE, &[]);
                if hdr.family == AF_UNSPEC {
                    hdr.family = AF_INET;
                }
            }
            "fdb" => req.addattr_l(nha::FDB, &[]),
            "onlink" => nh_flags |= u32::from(rtnh_f::ONLINK),
            "group" => {
                let v = next(ip, &mut i)?;
                let bytes = group_attr(ip, &v)?;
                req.addattr_l(nha::GROUP, &bytes);
            }
            "type" => {
                let v = next(ip, &mut i)?;
                let t = match v.as_str() {
                    "mpath" => GRP_TYPE_MPATH,
                    "resilient" => GRP_TYPE_RES,
                    _ => return Err(ip.invarg("\"type\" value is invalid\n", &v)),
                };
                if t == GRP_TYPE_RES && i + 1 < args.len() {
                    i = res_args(ip, &mut req, args, i + 1)? - 1;
                }
                req.addattr16(nha::GROUP_TYPE, t);
            }
            "help" => return Err(usage(ip)),
            _ if matches(w, "protocol") => {
                let v = next(ip, &mut i)?;
                match rtprot_a2n(&v) {
                    Some(p) => hdr.protocol = p,
                    None => return Err(ip.invarg("\"protocol\" value is invalid\n", &v)),
                }
            }
            _ => return Err(ip.invarg("", w)),
        }
        i += 1;
    }
    hdr.flags = nh_flags;
    req.write_at(16, &hdr.to_bytes());
    match ip.rth.talk(&mut ip.p, &mut req, false, true) {
        Ok(_) => Ok(0),
        Err(_) => Ok(-2),
    }
}

/// `parse_nh_group_type_res`: the resilient group's arguments from
/// `args[i]` on, in an NHA_RES_GROUP nest; returns the index of the first
/// word that is not one of them.
fn res_args(ip: &mut Ip, req: &mut Req, args: &[String], mut i: usize) -> Res<usize> {
    let at = req.nest(nha::RES_GROUP | crate::wire::attr::NLA_F_NESTED);
    while let Some(w) = args.get(i) {
        let timer = match w.as_str() {
            "buckets" | "idle_timer" | "unbalanced_timer" => w.as_str(),
            _ => break,
        };
        i += 1;
        let Some(v) = args.get(i) else { return Err(ip.incomplete()) };
        if timer == "buckets" {
            let Some(n) = super::args::get_u16(v, 0) else { return Err(ip.invarg("invalid buckets value", v)) };
            req.addattr16(nha_res_group::BUCKETS, n);
        } else {
            let (kind, what) = if timer == "idle_timer" {
                (nha_res_group::IDLE_TIMER, "invalid idle timer value")
            } else {
                (nha_res_group::UNBALANCED_TIMER, "invalid unbalanced timer value")
            };
            match get_u32(v, 0).filter(|t| *t < u32::MAX / 100) {
                Some(t) => req.addattr32(kind, t * 100),
                None => return Err(ip.invarg(what, v)),
            }
        }
        i += 1;
    }
    req.nest_end(at);
    Ok(i)
}

/// `__ipnh_get_id`: RTM_GETNEXTHOP for one id; the answer or the error
/// (already printed).
fn get_id_raw(ip: &mut Ip, id: u32) -> Option<Vec<u8>> {
    let mut req = get_request(ip, id);
    ip.rth.talk(&mut ip.p, &mut req, true, true).ok().flatten()
}

fn get_request(ip: &Ip, id: u32) -> Req {
    let mut req = Req::new(RTM_GETNEXTHOP, NLM_F_REQUEST);
    req.push_header(&NhMsg { family: ip.o.family, ..NhMsg::default() }.to_bytes());
    req.addattr32(nha::ID, id);
    req
}

/// `print_cache_nexthop_id`: asks for object `id` on a socket of its own
/// (`nh_cache_rth`) and prints it after `prefix` as JSON object `jsobj`;
/// nothing when the question fails.
pub fn print_cache_nexthop_id(ip: &mut Ip, prefix: &str, jsobj: &str, id: u32) {
    let Ok(mut rth) = super::client::Rtnl::open(ip.host, false) else { return };
    let mut req = get_request(ip, id);
    let Ok(Some(answer)) = rth.talk(&mut ip.p, &mut req, true, true) else { return };
    let Some(m) = Msg::parse(&answer) else { return };
    ip.p.print_string(Kind::Fp, None, "%s", Some(prefix));
    print_entry(ip, m.payload, false, Some(jsobj));
}

/// `ipnh_get_id`: prints one object.
fn get_id(ip: &mut Ip, id: u32) -> Res<i32> {
    let Some(answer) = get_id_raw(ip, id) else { return Ok(-2) };
    let json = ip.o.json > 0;
    ip.p.new_json_obj(json);
    print_nexthop(ip, &answer, &Filter::default());
    ip.p.delete_json_obj();
    Ok(0)
}

/// `ipnh_get`.
fn get(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let mut id = 0;
    let mut i = 0;
    while i < args.len() {
        if args[i] == "id" {
            i += 1;
            let Some(v) = args.get(i) else { return Err(ip.incomplete()) };
            id = parse_id(ip, v)?;
        } else {
            return Err(usage(ip));
        }
        i += 1;
    }
    if id == 0 {
        return Err(usage(ip));
    }
    get_id(ip, id)
}

/// `rtnl_nexthopdump_req` with `nh_dump_filter`.
fn dump(ip: &mut Ip, f: &Filter) -> Res<Vec<Vec<u8>>> {
    let mut req = Req::new(RTM_GETNEXTHOP, 0);
    req.push_header(&NhMsg { family: ip.o.family, ..NhMsg::default() }.to_bytes());
    if f.ifindex != 0 {
        req.addattr32(nha::OIF, f.ifindex);
    }
    if f.groups {
        req.addattr_l(nha::GROUPS, &[]);
    }
    if f.master != 0 {
        req.addattr32(nha::MASTER, f.master);
    }
    if f.fdb {
        req.addattr_l(nha::FDB, &[]);
    }
    ip.rth.dump_request(&mut req, 0);
    let (msgs, end) = ip.rth.dump_collect();
    if !end.ok {
        ip.dump_terminated(&end);
        return Err(Exit(2));
    }
    Ok(msgs)
}

/// `ipnh_list_flush`.
fn list_flush(ip: &mut Ip, args: &[String], flush: bool) -> Res<i32> {
    ip.ll_init_map()?;
    let all = args.is_empty();
    let mut f = Filter::default();
    let mut i = 0;
    while i < args.len() {
        let w = args[i].as_str();
        let mut value = |ip: &mut Ip| -> Res<String> {
            i += 1;
            args.get(i).cloned().ok_or_else(|| ip.incomplete())
        };
        if matches(w, "dev") {
            let v = value(ip)?;
            f.ifindex = existing_device(ip, &v)?;
        } else if matches(w, "groups") {
            f.groups = true;
        } else if matches(w, "master") {
            let v = value(ip)?;
            f.master = existing_device(ip, &v)?;
        } else if matches(w, "vrf") {
            let v = value(ip)?;
            return Err(ip.invarg("Invalid VRF\n", &v));
        } else if w == "id" {
            let v = value(ip)?;
            let id = parse_id(ip, &v)?;
            if !flush {
                return get_id(ip, id);
            }
            return Ok(if delete(ip, id) { 0 } else { -1 });
        } else if matches(w, "protocol") {
            let v = value(ip)?;
            match get_u32(&v, 0) {
                Some(p) => f.proto = p,
                None => return Err(ip.invarg("invalid protocol value", &v)),
            }
        } else if matches(w, "fdb") {
            f.fdb = true;
        } else if matches(w, "help") {
            return Err(usage(ip));
        } else {
            return Err(ip.invarg("", w));
        }
        i += 1;
    }
    if flush {
        return flush_all(ip, f, all);
    }
    let msgs = dump(ip, &f)?;
    let json = ip.o.json > 0;
    ip.p.new_json_obj(json);
    for raw in &msgs {
        print_nexthop(ip, raw, &f);
    }
    ip.p.delete_json_obj();
    Ok(0)
}

/// `delete_nexthop`: RTM_DELNEXTHOP for one id; whether it went.
fn delete(ip: &mut Ip, id: u32) -> bool {
    let mut req = Req::new(RTM_DELNEXTHOP, NLM_F_REQUEST);
    req.push_header(&NhMsg::default().to_bytes());
    req.addattr32(nha::ID, id);
    ip.rth.talk(&mut ip.p, &mut req, false, true).is_ok()
}

/// `ipnh_flush`: groups first when flushing everything, then the rest.
fn flush_all(ip: &mut Ip, mut f: Filter, all: bool) -> Res<i32> {
    if all {
        f.groups = true;
        f.ifindex = 0;
        f.master = 0;
    }
    loop {
        let msgs = dump(ip, &f)?;
        for raw in &msgs {
            let Some(m) = Msg::parse(raw) else { continue };
            let Ok(hdr) = NhMsg::parse(m.payload) else { continue };
            if f.proto != 0 && u32::from(hdr.protocol) != f.proto {
                continue;
            }
            let tb = Attrs::parse(m.payload.get(NHMSG_LEN..).unwrap_or(&[]), nha::MAX);
            let id = tb.u32(nha::ID).unwrap_or(0);
            if id != 0 && delete(ip, id) {
                f.flushed += 1;
            }
        }
        if all && f.groups {
            f.groups = false;
            continue;
        }
        break;
    }
    if f.flushed == 0 {
        ip.p.fp("Nothing to flush\n");
    } else {
        ip.p.fp(&format!("Flushed {} nexthops\n", f.flushed));
    }
    Ok(0)
}

/// `print_nexthop` for a dump or an answer: one line per object.
fn print_nexthop(ip: &mut Ip, raw: &[u8], f: &Filter) {
    let Some(m) = Msg::parse(raw) else { return };
    if m.hdr.kind != RTM_NEWNEXTHOP && m.hdr.kind != RTM_DELNEXTHOP {
        ip.err(&format!("Not a nexthop: {:08x} {:08x} {:08x}\n", raw.len(), m.hdr.kind, m.hdr.flags));
        return;
    }
    let Ok(hdr) = NhMsg::parse(m.payload) else { return };
    if f.proto != 0 && f.proto != u32::from(hdr.protocol) {
        return;
    }
    print_entry(ip, m.payload, m.hdr.kind == RTM_DELNEXTHOP, None);
    ip.p.print_string(Kind::Fp, None, "%s", Some("\n"));
}

/// `print_nexthop` as `ip monitor` calls it (with its "[NEXTHOP]" header
/// when asked for).
pub fn print_monitored(ip: &mut Ip, raw: &[u8]) {
    print_nexthop(ip, raw, &Filter::default());
}

/// `__print_nexthop_entry`: the fields of one object from its payload
/// (`struct nhmsg` and attributes).
pub fn print_entry(ip: &mut Ip, payload: &[u8], deleted: bool, jsobj: Option<&str>) {
    let Ok(hdr) = NhMsg::parse(payload) else { return };
    let tb = Attrs::parse(payload.get(NHMSG_LEN..).unwrap_or(&[]), nha::MAX);
    let details = ip.o.details > 0;
    ip.p.open_json_object(jsobj);
    if deleted {
        ip.p.print_bool(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    ip.p.print_uint(Kind::Any, Some("id"), "id %u ", u64::from(tb.u32(nha::ID).unwrap_or(0)));
    if let Some(g) = tb.get(nha::GROUP).filter(|g| !g.value.is_empty() && g.value.len() % 8 == 0) {
        ip.p.open_json_array(Kind::Json, Some("group"));
        ip.p.print_string(Kind::Fp, None, "%s", Some("group "));
        for (i, e) in parse_group(g.value).iter().enumerate() {
            ip.p.open_json_object(None);
            if i > 0 {
                ip.p.print_string(Kind::Fp, None, "%s", Some("/"));
            }
            ip.p.print_uint(Kind::Any, Some("id"), "%u", u64::from(e.id));
            if e.weight != 0 {
                ip.p.print_uint(Kind::Any, Some("weight"), ",%u", u64::from(e.weight) + 1);
            }
            ip.p.close_json_object();
        }
        ip.p.print_string(Kind::Fp, None, "%s", Some(" "));
        ip.p.close_json_array(Kind::Json, None);
    }
    let grp_type = tb.get(nha::GROUP_TYPE).and_then(|a| a.value.get(..2)).map_or(0, |b| u16::from_ne_bytes([b[0], b[1]]));
    if grp_type != GRP_TYPE_MPATH {
        let name = if grp_type == GRP_TYPE_RES { "resilient" } else { "<unknown type>" };
        ip.p.print_string(Kind::Any, Some("type"), "type %s ", Some(name));
    }
    if let Some(r) = Attrs::nested(tb.get(nha::RES_GROUP), nha_res_group::MAX) {
        print_res_group(ip, &r);
    }
    if let Some(g) = tb.get(nha::GATEWAY).filter(|g| !g.value.is_empty()) {
        print_rta_gateway(ip, hdr.family, g.value);
    }
    if let Some(oif) = tb.u32(nha::OIF).filter(|o| *o != 0) {
        print_rta_ifidx(ip, oif, "dev");
    }
    if hdr.scope != 0 || details {
        ip.p.print_string(Kind::Any, Some("scope"), "scope %s ", Some(&scope_n2a(hdr.scope, ip.o.numeric > 0)));
    }
    if tb.has(nha::BLACKHOLE) {
        ip.p.print_null(Kind::Any, Some("blackhole"), "blackhole ", None);
    }
    if hdr.protocol != 0 || details {
        ip.p.print_string(Kind::Any, Some("protocol"), "proto %s ", Some(&rtprot_n2a(hdr.protocol, ip.o.numeric > 0)));
    }
    print_rt_flags(ip, hdr.flags);
    if tb.has(nha::FDB) {
        ip.p.print_null(Kind::Any, Some("fdb"), "fdb", None);
    }
    ip.p.close_json_object();
}

/// clock_t as `print_tv` shows it after `__jiffies_to_tv`: seconds, `%g`.
fn print_clock(ip: &mut Ip, key: &str, fmt: &str, clock: u64) {
    ip.p.print_float(Kind::Any, Some(key), fmt, crate::decimal::Ratio::new(u128::from(clock), 100));
}

/// `print_nh_res_group`: the table's size and timers (a missing attribute
/// reads as 0).
fn print_res_group(ip: &mut Ip, r: &Attrs<'_>) {
    ip.p.open_json_object(Some("resilient_args"));
    ip.p.print_uint(Kind::Any, Some("buckets"), "buckets %u ", u64::from(r.u16(nha_res_group::BUCKETS).unwrap_or(0)));
    print_clock(ip, "idle_timer", "idle_timer %g ", u64::from(r.u32(nha_res_group::IDLE_TIMER).unwrap_or(0)));
    print_clock(ip, "unbalanced_timer", "unbalanced_timer %g ", u64::from(r.u32(nha_res_group::UNBALANCED_TIMER).unwrap_or(0)));
    // rta_getattr_u64 into the u64 field, then __jiffies_to_tv's unsigned long.
    print_clock(ip, "unbalanced_time", "unbalanced_time %g ", r.u64(nha_res_group::UNBALANCED_TIME).unwrap_or(0));
    ip.p.close_json_object();
}

/// `print_nexthop_bucket`: one bucket, for a dump, a get or `ip monitor`.
pub fn print_bucket(ip: &mut Ip, raw: &[u8]) -> bool {
    let Some(m) = Msg::parse(raw) else { return false };
    if m.hdr.kind != crate::wire::RTM_NEWNEXTHOPBUCKET && m.hdr.kind != crate::wire::RTM_DELNEXTHOPBUCKET {
        ip.err(&format!("Not a nexthop bucket: {:08x} {:08x} {:08x}\n", raw.len(), m.hdr.kind, m.hdr.flags));
        return false;
    }
    let Ok(hdr) = NhMsg::parse(m.payload) else {
        ip.err(&format!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - NHMSG_LEN as i64));
        return false;
    };
    let tb = Attrs::parse(m.payload.get(NHMSG_LEN..).unwrap_or(&[]), nha::MAX);
    ip.p.open_json_object(None);
    // iproute2 compares the type with RTM_DELNEXTHOP here, so "Deleted"
    // is never printed for a bucket.
    if let Some(id) = tb.u32(nha::ID) {
        ip.p.print_uint(Kind::Any, Some("id"), "id %u ", u64::from(id));
    }
    if let Some(b) = Attrs::nested(tb.get(nha::RES_BUCKET), nha_res_bucket::MAX) {
        ip.p.open_json_object(Some("bucket"));
        if let Some(i) = b.u16(nha_res_bucket::INDEX) {
            ip.p.print_uint(Kind::Any, Some("index"), "index %u ", u64::from(i));
        }
        if let Some(t) = b.u64(nha_res_bucket::IDLE_TIME) {
            print_clock(ip, "idle_time", "idle_time %g ", t);
        }
        if let Some(id) = b.u32(nha_res_bucket::NH_ID) {
            ip.p.print_uint(Kind::Any, Some("nhid"), "nhid %u ", u64::from(id));
        }
        ip.p.close_json_object();
    }
    print_rt_flags(ip, hdr.flags);
    ip.p.print_string(Kind::Fp, None, "%s", Some("\n"));
    ip.p.close_json_object();
    true
}

/// `do_ipnh_bucket`: lists or gets the buckets of resilient groups.
fn do_bucket(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let Some((cmd, rest)) = args.split_first() else { return bucket_list(ip, &[]) };
    if matches(cmd, "list") || matches(cmd, "show") || matches(cmd, "lst") {
        return bucket_list(ip, rest);
    }
    if matches(cmd, "get") {
        return bucket_get(ip, rest);
    }
    if matches(cmd, "help") {
        return Err(usage(ip));
    }
    ip.err(&format!("Command \"{cmd}\" is unknown, try \"ip nexthop help\".\n"));
    Err(Exit(255))
}

/// `ipnh_bucket_list`.
fn bucket_list(ip: &mut Ip, args: &[String]) -> Res<i32> {
    ip.ll_init_map()?;
    let mut f = Filter::default();
    let (mut id, mut nhid) = (0, 0);
    let mut i = 0;
    while i < args.len() {
        let w = args[i].as_str();
        let mut value = |ip: &mut Ip| -> Res<String> {
            i += 1;
            args.get(i).cloned().ok_or_else(|| ip.incomplete())
        };
        if matches(w, "dev") {
            let v = value(ip)?;
            f.ifindex = existing_device(ip, &v)?;
        } else if matches(w, "master") {
            let v = value(ip)?;
            f.master = existing_device(ip, &v)?;
        } else if matches(w, "vrf") {
            let v = value(ip)?;
            return Err(ip.invarg("Invalid VRF\n", &v));
        } else if w == "id" {
            let v = value(ip)?;
            id = parse_id(ip, &v)?;
        } else if w == "nhid" {
            let v = value(ip)?;
            nhid = parse_id(ip, &v)?;
        } else if matches(w, "help") {
            return Err(usage(ip));
        } else {
            return Err(ip.invarg("", w));
        }
        i += 1;
    }
    let mut req = Req::new(crate::wire::RTM_GETNEXTHOPBUCKET, 0);
    req.push_header(&NhMsg { family: ip.o.family, ..NhMsg::default() }.to_bytes());
    if f.ifindex != 0 {
        req.addattr32(nha::OIF, f.ifindex);
    }
    if f.master != 0 {
        req.addattr32(nha::MASTER, f.master);
    }
    if id != 0 {
        req.addattr32(nha::ID, id);
    }
    if nhid != 0 {
        let at = req.nest(nha::RES_BUCKET | crate::wire::attr::NLA_F_NESTED);
        req.addattr32(nha_res_bucket::NH_ID, nhid);
        req.nest_end(at);
    }
    ip.rth.dump_request(&mut req, 0);
    let (msgs, end) = ip.rth.dump_collect();
    if !end.ok {
        ip.dump_terminated(&end);
        return Err(Exit(2));
    }
    let json = ip.o.json > 0;
    ip.p.new_json_obj(json);
    for raw in &msgs {
        if !print_bucket(ip, raw) {
            ip.err("Dump terminated\n");
            return Err(Exit(1));
        }
    }
    ip.p.delete_json_obj();
    Ok(0)
}

/// `ipnh_bucket_get`.
fn bucket_get(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let (mut id, mut index) = (0, None);
    let mut i = 0;
    while i < args.len() {
        let w = args[i].as_str();
        i += 1;
        let Some(v) = args.get(i).cloned() else {
            if w == "id" || w == "index" {
                return Err(ip.incomplete());
            }
            return Err(usage(ip));
        };
        match w {
            "id" => id = parse_id(ip, &v)?,
            "index" => match get_u32(&v, 0).filter(|n| *n <= u32::from(u16::MAX)) {
                Some(n) => index = Some(n as u16),
                None => return Err(ip.invarg("invalid bucket index value", &v)),
            },
            _ => return Err(usage(ip)),
        }
        i += 1;
    }
    let (true, Some(index)) = (id != 0, index) else { return Err(usage(ip)) };
    let mut req = Req::new(crate::wire::RTM_GETNEXTHOPBUCKET, NLM_F_REQUEST);
    req.push_header(&NhMsg { family: ip.o.family, ..NhMsg::default() }.to_bytes());
    req.addattr32(nha::ID, id);
    let at = req.nest(nha::RES_BUCKET | crate::wire::attr::NLA_F_NESTED);
    req.addattr16(nha_res_bucket::INDEX, index);
    req.nest_end(at);
    let Ok(answer) = ip.rth.talk(&mut ip.p, &mut req, true, true) else { return Ok(-2) };
    let json = ip.o.json > 0;
    ip.p.new_json_obj(json);
    if !answer.is_some_and(|raw| print_bucket(ip, &raw)) {
        return Ok(-1);
    }
    ip.p.delete_json_obj();
    Ok(0)
}

/// The index of device `name`, or iproute2's "Device does not exist" error
/// (`ll_name_to_index` returning 0 in ipnexthop.c's parsers).
fn existing_device(ip: &mut Ip, name: &str) -> Res<u32> {
    match ip.ll_name_to_index(name) {
        0 => Err(ip.invarg("Device does not exist\n", name)),
        index => Ok(index),
    }
}
