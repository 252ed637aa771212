//! `ip link` (ip/iplink.c): add, set, change, replace, delete, show,
//! property and help, sending the requests iproute2 sends.

pub mod kinds;
pub mod show;
pub mod stats;

use super::args::{Args, Exit, Res, check_altifname, check_ifname, get_integer, get_u32, matches};
use super::ctx::Ip;
use super::names::{group_a2n, ll_addr_a2n};
use super::nl::{Msg, Req};
use super::usage as texts;
use crate::wire::link::{IfInfoRepr, iff, ifla, info};
use crate::wire::{NLM_F_ACK, NLM_F_APPEND, NLM_F_CREATE, NLM_F_ECHO, NLM_F_EXCL, NLM_F_REPLACE, NLM_F_REQUEST};
use crate::wire::{RTM_DELLINK, RTM_DELLINKPROP, RTM_GETLINK, RTM_NEWLINK, RTM_NEWLINKPROP};

/// `iplink_usage`: the usage text on standard error, status 255.
pub fn usage(ip: &mut Ip) -> Exit {
    ip.err(texts::LINK);
    Exit(255)
}

/// `iplink_have_newlink`: the empty RTM_NEWLINK probe iproute2 sends
/// (sequence 0) before any `ip link` subcommand. The answer only selects
/// the old ioctl path in iproute2, which this front end does not have.
fn probe_newlink(ip: &mut Ip) {
    let mut req = Req::new(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK);
    req.push_header(&IfInfoRepr::default().to_bytes());
    ip.rth.send(req.bytes());
    // rtnl_listen handles one message and stops.
    let _ = ip.rth.recv();
    ip.rth.discard_pending();
}

/// `do_iplink`.
pub fn do_iplink(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let Some((cmd, rest)) = args.split_first() else {
        return super::address::ipaddr_list_link(ip, &[]);
    };
    probe_newlink(ip);
    if matches(cmd, "add") {
        return iplink_modify(ip, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, rest);
    }
    if matches(cmd, "set") || matches(cmd, "change") {
        return iplink_modify(ip, RTM_NEWLINK, 0, rest);
    }
    if matches(cmd, "replace") {
        return iplink_modify(ip, RTM_NEWLINK, NLM_F_CREATE | NLM_F_REPLACE, rest);
    }
    if matches(cmd, "delete") {
        return iplink_modify(ip, RTM_DELLINK, 0, rest);
    }
    if matches(cmd, "show") || matches(cmd, "lst") || matches(cmd, "list") {
        return super::address::ipaddr_list_link(ip, rest);
    }
    if matches(cmd, "xstats") {
        return iplink_xstats(ip, rest);
    }
    if matches(cmd, "afstats") {
        return iplink_afstats(ip, rest);
    }
    if matches(cmd, "property") {
        return iplink_prop(ip, rest);
    }
    if matches(cmd, "help") {
        return do_help(ip, rest);
    }
    ip.err(&format!("Command \"{cmd}\" is unknown, try \"ip link help\".\n"));
    Err(Exit(255))
}

fn do_help(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let Some(kind) = args.first() else { return Err(usage(ip)) };
    match kinds::find(kind).and_then(|k| k.help) {
        Some(text) => {
            let text = if kind == "macvtap" { crate::text::replacen(text, "macvlan", "macvtap", 1) } else { text.to_string() };
            ip.p.fp(&text);
            Ok(0)
        }
        None => Err(usage(ip)),
    }
}

fn ifi_flags(req: &Req) -> (u32, u32) {
    let b = req.body();
    (crate::wire::get_u32(b, 8).unwrap_or(0), crate::wire::get_u32(b, 12).unwrap_or(0))
}

fn set_ifi_flags(req: &mut Req, flags: u32, change: u32) {
    let b = req.body_mut();
    crate::wire::put_bytes(b, 8, &flags.to_ne_bytes());
    crate::wire::put_bytes(b, 12, &change.to_ne_bytes());
}

fn set_ifi_index(req: &mut Req, index: i32) {
    crate::wire::put_bytes(req.body_mut(), 4, &index.to_ne_bytes());
}

fn ifi_index(req: &Req) -> i32 {
    let b = req.body();
    crate::wire::get_i32(b, 4).unwrap_or(0)
}

/// Updates one IFF_* bit from an "on"/"off" word; Err(-1) after the
/// `on_off` message when the word is neither.
fn flag_word(ip: &mut Ip, req: &mut Req, name: &str, bit: u32, word: &str, on_sets: bool) -> Result<(), i32> {
    let (mut flags, mut change) = ifi_flags(req);
    change |= bit;
    let on = match word {
        "on" => true,
        "off" => false,
        _ => {
            ip.err(&format!("Error: argument of \"{name}\" must be \"on\" or \"off\", not \"{word}\"\n"));
            return Err(-1);
        }
    };
    if on == on_sets {
        flags |= bit;
    } else {
        flags &= !bit;
    }
    set_ifi_flags(req, flags, change);
    Ok(())
}

/// `nl_get_ll_addr_len`: the length of a device's hardware address, or -1.
fn nl_get_ll_addr_len(ip: &mut Ip, dev: &str) -> i32 {
    let idx = ip.ll_name_to_index(dev);
    if idx == 0 {
        return -1;
    }
    let mut req = Req::new(RTM_GETLINK, NLM_F_REQUEST);
    req.push_header(&IfInfoRepr { family: ip.o.family, index: idx as i32, ..Default::default() }.to_bytes());
    let Ok(Some(ans)) = ip.rth.talk(&mut ip.p, &mut req, true, true) else { return -1 };
    let Some(m) = Msg::parse(&ans) else { return -1 };
    let Some(attrs) = m.payload.get(16..) else { return -1 };
    let tb = super::nl::Attrs::parse(attrs, ifla::MAX);
    tb.get(ifla::ADDRESS).map(|a| a.value.len() as i32).unwrap_or(-1)
}

/// `iplink_parse`: fills `req` from the words; returns how many words were
/// used (through `type KIND`, whose name is returned) or a negative value
/// after printing an error.
pub fn iplink_parse(ip: &mut Ip, words: &[String], req: &mut Req) -> Res<(i32, Option<String>)> {
    let mut a = Args::new(words);
    let create = req.flags() & NLM_F_CREATE != 0;
    let mut name: Option<usize> = None;
    let mut dev: Option<usize> = None;
    let mut link: Option<&str> = None;
    let mut index: i32 = 0;
    let mut qlen_set = false;
    let mut mtu_set = false;
    let mut netns_set = false;
    let mut move_netns = false;
    let mut numtx_set = false;
    let mut numrx_set = false;
    let mut group: i64 = -1;
    let mut addr_len = 0usize;
    let mut link_netnsid_set = false;
    let mut ty: Option<String> = None;

    while let Some(w) = a.peek() {
        if w == "up" || w == "down" {
            let (mut f, mut c) = ifi_flags(req);
            c |= iff::UP;
            if w == "up" {
                f |= iff::UP;
            } else {
                f &= !iff::UP;
            }
            set_ifi_flags(req, f, c);
        } else if w == "name" {
            let v = ip.next_arg(&mut a)?;
            if name.is_some() {
                return Err(ip.duparg("name", v));
            }
            if !check_ifname(v) {
                return Err(ip.invarg("\"name\" not a valid ifname", v));
            }
            name = Some(a.pos());
            if dev.is_none() {
                dev = name;
            }
        } else if w == "index" {
            let v = ip.next_arg(&mut a)?;
            if index != 0 {
                return Err(ip.duparg("index", v));
            }
            index = super::atoi(v);
            if index <= 0 {
                return Err(ip.invarg("Invalid \"index\" value", v));
            }
        } else if matches(w, "link") {
            link = Some(ip.next_arg(&mut a)?);
        } else if matches(w, "address") {
            let v = ip.next_arg(&mut a)?;
            match ll_addr_a2n(v, 32) {
                Ok(b) => {
                    addr_len = b.len();
                    req.addattr_l(ifla::ADDRESS, &b);
                }
                Err(e) => {
                    ip.err(&e);
                    return Ok((-1, None));
                }
            }
        } else if matches(w, "broadcast") || w == "brd" {
            let v = ip.next_arg(&mut a)?;
            match ll_addr_a2n(v, 32) {
                Ok(b) => req.addattr_l(ifla::BROADCAST, &b),
                Err(e) => {
                    ip.err(&e);
                    return Ok((-1, None));
                }
            }
        } else if matches(w, "txqueuelen") || w == "qlen" || matches(w, "txqlen") {
            let v = ip.next_arg(&mut a)?;
            if qlen_set {
                return Err(ip.duparg("txqueuelen", v));
            }
            let Some(q) = get_integer(v, 0) else {
                return Err(ip.invarg("Invalid \"txqueuelen\" value\n", v));
            };
            qlen_set = true;
            req.addattr_l(ifla::TXQLEN, &q.to_ne_bytes());
        } else if w == "mtu" {
            let v = ip.next_arg(&mut a)?;
            if mtu_set {
                return Err(ip.duparg("mtu", v));
            }
            let Some(m) = get_integer(v, 0) else {
                return Err(ip.invarg("Invalid \"mtu\" value\n", v));
            };
            mtu_set = true;
            req.addattr_l(ifla::MTU, &m.to_ne_bytes());
        } else if w == "netns" {
            let v = ip.next_arg(&mut a)?;
            if netns_set {
                return Err(ip.duparg("netns", v));
            }
            netns_set = true;
            match ip.host.netns_fd(v) {
                Ok(fd) => req.addattr_l(ifla::NET_NS_FD, &fd.to_ne_bytes()),
                Err(_) => match get_integer(v, 0) {
                    Some(pid) => req.addattr_l(ifla::NET_NS_PID, &pid.to_ne_bytes()),
                    None => return Err(ip.invarg("Invalid \"netns\" value\n", v)),
                },
            }
            move_netns = true;
        } else if w == "multicast" {
            let v = ip.next_arg(&mut a)?;
            if let Err(r) = flag_word(ip, req, "multicast", iff::MULTICAST, v, true) {
                return Ok((r, None));
            }
        } else if w == "allmulticast" {
            let v = ip.next_arg(&mut a)?;
            if let Err(r) = flag_word(ip, req, "allmulticast", iff::ALLMULTI, v, true) {
                return Ok((r, None));
            }
        } else if w == "promisc" {
            let v = ip.next_arg(&mut a)?;
            if let Err(r) = flag_word(ip, req, "promisc", iff::PROMISC, v, true) {
                return Ok((r, None));
            }
        } else if w == "trailers" {
            let v = ip.next_arg(&mut a)?;
            if let Err(r) = flag_word(ip, req, "trailers", iff::NOTRAILERS, v, false) {
                return Ok((r, None));
            }
        } else if w == "arp" {
            let v = ip.next_arg(&mut a)?;
            if let Err(r) = flag_word(ip, req, "arp", iff::NOARP, v, false) {
                return Ok((r, None));
            }
        } else if w == "carrier" {
            let v = ip.next_arg(&mut a)?;
            match kinds::parse_on_off(ip, "carrier", v) {
                Ok(b) => req.addattr8(ifla::CARRIER, u8::from(b)),
                Err(()) => return Ok((-22, None)),
            }
        } else if matches(w, "master") {
            let v = ip.next_arg(&mut a)?;
            let idx = ip.ll_name_to_index(v);
            if idx == 0 {
                return Err(ip.invarg("Device does not exist\n", v));
            }
            req.addattr_l(ifla::MASTER, &idx.to_ne_bytes());
        } else if w == "vrf" {
            let v = ip.next_arg(&mut a)?;
            let idx = ip.ll_name_to_index(v);
            if idx == 0 || crate::programs::ip::vrf::name_is_vrf(ip, v) == 0 {
                return Err(ip.invarg("Not a valid VRF name\n", v));
            }
            req.addattr_l(ifla::MASTER, &idx.to_ne_bytes());
        } else if matches(w, "nomaster") {
            req.addattr_l(ifla::MASTER, &0u32.to_ne_bytes());
        } else if matches(w, "dynamic") {
            let v = ip.next_arg(&mut a)?;
            if let Err(r) = flag_word(ip, req, "dynamic", iff::DYNAMIC, v, true) {
                return Ok((r, None));
            }
        } else if matches(w, "type") {
            let v = ip.next_arg(&mut a)?;
            ty = Some(v.to_string());
            a.advance();
            break;
        } else if matches(w, "alias") {
            let v = ip.next_arg(&mut a)?;
            if v.len() >= 256 {
                return Err(ip.invarg("alias too long\n", v));
            }
            req.addattr_l(ifla::IFALIAS, v.as_bytes());
        } else if w == "group" {
            let v = ip.next_arg(&mut a)?;
            if group != -1 {
                return Err(ip.duparg("group", v));
            }
            let Some(g) = group_a2n(v) else {
                return Err(ip.invarg("Invalid \"group\" value\n", v));
            };
            group = i64::from(g);
            req.addattr32(ifla::GROUP, g);
        } else if w == "mode" {
            let v = ip.next_arg(&mut a)?;
            let mode = if v.eq_ignore_ascii_case("default") {
                0
            } else if v.eq_ignore_ascii_case("dormant") {
                1
            } else {
                return Err(ip.invarg("Invalid link mode\n", v));
            };
            req.addattr8(ifla::LINKMODE, mode);
        } else if w == "state" {
            let v = ip.next_arg(&mut a)?;
            let Some(st) = show::get_operstate(v) else {
                return Err(ip.invarg("Invalid operstate\n", v));
            };
            req.addattr8(ifla::OPERSTATE, st);
        } else if matches(w, "numtxqueues") || matches(w, "numrxqueues") {
            let tx = matches(w, "numtxqueues");
            let key = if tx { "numtxqueues" } else { "numrxqueues" };
            let v = ip.next_arg(&mut a)?;
            if (tx && numtx_set) || (!tx && numrx_set) {
                return Err(ip.duparg(key, v));
            }
            let Some(n) = get_integer(v, 0) else {
                return Err(ip.invarg(&format!("Invalid \"{key}\" value\n"), v));
            };
            if tx {
                numtx_set = true;
            } else {
                numrx_set = true;
            }
            req.addattr_l(if tx { ifla::NUM_TX_QUEUES } else { ifla::NUM_RX_QUEUES }, &n.to_ne_bytes());
        } else if matches(w, "addrgenmode") {
            let v = ip.next_arg(&mut a)?;
            let mode = match v.to_ascii_lowercase().as_str() {
                "eui64" => 0u8,
                "none" => 1,
                "stable_secret" => 2,
                "random" => 3,
                _ => return Err(ip.invarg("Invalid address generation mode\n", v)),
            };
            let afs = req.nest(ifla::AF_SPEC);
            let afs6 = req.nest(crate::wire::AF_INET6.into());
            req.addattr8(crate::wire::link::inet6::ADDR_GEN_MODE, mode);
            req.nest_end(afs6);
            req.nest_end(afs);
        } else if matches(w, "link-netnsid") && !matches(w, "link-netns") {
            let v = ip.next_arg(&mut a)?;
            if link_netnsid_set {
                return Err(ip.duparg("link-netns/link-netnsid", v));
            }
            let Some(id) = get_integer(v, 0) else {
                return Err(ip.invarg("Invalid \"link-netnsid\" value\n", v));
            };
            link_netnsid_set = true;
            req.addattr32(ifla::LINK_NETNSID, id as u32);
        } else if w == "protodown" {
            let v = ip.next_arg(&mut a)?;
            match kinds::parse_on_off(ip, "protodown", v) {
                Ok(b) => req.addattr8(ifla::PROTO_DOWN, u8::from(b)),
                Err(()) => return Ok((-22, None)),
            }
        } else if w == "gso_max_size" || w == "gro_max_size" {
            let v = ip.next_arg(&mut a)?;
            let Some(n) = get_u32(v, 0) else {
                return Err(ip.invarg(&format!("Invalid \"{w}\" value\n"), v));
            };
            req.addattr32(if w == "gso_max_size" { ifla::GSO_MAX_SIZE } else { ifla::GRO_MAX_SIZE }, n);
        } else if w == "gso_max_segs" {
            let v = ip.next_arg(&mut a)?;
            match get_u32(v, 0).filter(|n| *n <= 65535) {
                Some(n) => req.addattr32(ifla::GSO_MAX_SEGS, n),
                None => return Err(ip.invarg("Invalid \"gso_max_segs\" value\n", v)),
            }
        } else if w == "parentdev" {
            let v = ip.next_arg(&mut a)?;
            req.addattr_strz(ifla::PARENT_DEV_NAME, v);
        } else {
            if matches(w, "help") {
                return Err(usage(ip));
            }
            let mut v = w;
            if w == "dev" {
                v = ip.next_arg(&mut a)?;
            }
            if dev != name {
                return Err(ip.duparg2("dev", v));
            }
            if !check_altifname(v) {
                return Err(ip.invarg("\"dev\" not a valid ifname", v));
            }
            dev = Some(a.pos());
        }
        a.advance();
    }
    let consumed = a.pos() as i32;
    let left = a.left();

    // Allow "ip link add dev" and "ip link add name".
    if name.is_none() {
        name = dev;
    } else if dev.is_none() {
        dev = name;
    } else if let (Some(n), Some(d)) = (name, dev) {
        if words[n] == words[d] {
            name = dev;
        }
    }
    let dev_str = dev.map(|i| words[i].clone());

    if let Some(d) = &dev_str {
        if addr_len != 0 && !create {
            let halen = nl_get_ll_addr_len(ip, d);
            if halen >= 0 && halen as usize != addr_len {
                ip.err(&format!("Invalid address length {addr_len} - must be {halen} bytes\n"));
                return Ok((-1, None));
            }
        }
    }
    if index != 0 && !create && !move_netns {
        ip.err("index can be used only when creating devices or when moving device to another netns.\n");
        return Err(Exit(255));
    }
    if group != -1 && dev_str.is_none() {
        if left > 0 {
            ip.err(&format!("Garbage instead of arguments \"{} ...\". Try \"ip link help\".\n", a.peek().unwrap_or("")));
            return Err(Exit(255));
        }
        if create {
            ip.err("group cannot be used when creating devices.\n");
            return Err(Exit(255));
        }
        return Ok((consumed, None));
    }
    if !create {
        let Some(d) = dev_str else {
            ip.err("Not enough information: \"dev\" argument is required.\n");
            return Err(Exit(255));
        };
        let idx = ip.ll_name_to_index(&d);
        if idx == 0 {
            return Ok((ip.nodev(&d), None));
        }
        set_ifi_index(req, idx as i32);
        if name == dev {
            name = None;
        }
        if index != 0 {
            req.addattr32(ifla::NEW_IFINDEX, index as u32);
        }
    } else {
        if name != dev {
            ip.err("both \"name\" and \"dev\" cannot be used when creating devices.\n");
            return Err(Exit(255));
        }
        if let Some(l) = link {
            let idx = ip.ll_name_to_index(l);
            if idx == 0 {
                return Ok((ip.nodev(l), None));
            }
            req.addattr32(ifla::LINK, idx);
        }
        set_ifi_index(req, index);
    }
    if let Some(n) = name {
        req.addattr_strz(ifla::IFNAME, &words[n]);
    }
    Ok((consumed, ty))
}

/// `iplink_modify`: RTM_NEWLINK/RTM_DELLINK from the words.
fn iplink_modify(ip: &mut Ip, cmd: u16, flags: u16, words: &[String]) -> Res<i32> {
    let mut req = Req::new(cmd, NLM_F_REQUEST | flags);
    req.push_header(&IfInfoRepr { family: ip.o.family, ..Default::default() }.to_bytes());
    let (ret, ty) = iplink_parse(ip, words, &mut req)?;
    if ret < 0 {
        return Ok(ret);
    }
    if let Some(ty) = ty {
        let linkinfo = req.nest(ifla::LINKINFO);
        req.addattr_l(info::KIND, ty.as_bytes());
        let lu = kinds::find(&ty);
        let data_type = match ty.split_once('_') {
            Some((_, "slave")) => info::SLAVE_DATA,
            _ => info::DATA,
        };
        let rest = &words[ret as usize..];
        if let (Some(lu), false) = (lu, rest.is_empty()) {
            let data = req.nest(data_type);
            if let Some(parse) = lu.parse_opt {
                if parse(ip, rest, &mut req)? != 0 {
                    return Ok(-1);
                }
            }
            req.nest_end(data);
        } else if let Some(first) = rest.first() {
            if matches(first, "help") {
                return Err(usage(ip));
            }
            ip.err(&format!("Garbage instead of arguments \"{first} ...\". Try \"ip link help\".\n"));
            return Ok(-1);
        }
        req.nest_end(linkinfo);
    } else if flags & NLM_F_CREATE != 0 {
        ip.err("Not enough information: \"type\" argument is required\n");
        return Ok(-1);
    }

    if ip.o.echo > 0 {
        req.set_flags(req.flags() | NLM_F_ECHO | NLM_F_ACK);
        let Ok(Some(answer)) = ip.rth.talk(&mut ip.p, &mut req, true, true) else { return Ok(-2) };
        let json = ip.o.json > 0;
        ip.p.new_json_obj(json);
        ip.p.open_json_object(None);
        let f = super::filter::Filter::new(ip.o.oneline > 0, 0);
        show::print_linkinfo(ip, &f, false, &answer)?;
        ip.p.close_json_object();
        ip.p.delete_json_obj();
    } else if ip.rth.talk(&mut ip.p, &mut req, false, true).is_err() {
        return Ok(-2);
    }
    let idx = ifi_index(&req);
    ip.ll.drop_index(idx as u32);
    Ok(0)
}

/// `iplink_ifla_xstats`: no link type here reports extended statistics.
fn iplink_xstats(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let mut a = Args::new(args);
    let Some(w) = a.peek() else {
        ip.err("xstats: missing argument\n");
        return Ok(-1);
    };
    if matches(w, "type") {
        let v = ip.next_arg(&mut a)?;
        let Some(k) = kinds::find(v) else { return Err(ip.invarg("invalid type", v)) };
        ip.err(&format!("xstats: link type {} doesn't support xstats\n", k.id));
        Ok(-1)
    } else if matches(w, "help") {
        ip.p.fp("Usage: ... xstats type TYPE [ ARGS ]\n");
        Ok(0)
    } else {
        Err(ip.invarg("unknown argument", w))
    }
}

/// `iplink_afstats`: per-family link statistics (only MPLS has any, and
/// this stack has no MPLS), so only the arguments are checked.
fn iplink_afstats(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let mut a = Args::new(args);
    let mut dev: Option<&str> = None;
    while let Some(w) = a.peek() {
        if w == "dev" {
            let v = ip.next_arg(&mut a)?;
            if dev.is_some() {
                return Err(ip.duparg2("dev", v));
            }
            dev = Some(v);
        } else if matches(w, "help") {
            return Err(usage(ip));
        } else {
            ip.err(&format!("Command \"{w}\" is unknown, try \"ip link help\".\n"));
            return Err(Exit(255));
        }
        a.advance();
    }
    if let Some(d) = dev {
        if ip.ll_name_to_index(d) == 0 {
            ip.err(&format!("Device \"{d}\" does not exist.\n"));
        }
    }
    Ok(0)
}

/// `ip link property {add|del} dev DEV altname NAME...`.
fn iplink_prop(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let Some((op, rest)) = args.split_first() else { return Err(usage(ip)) };
    let (kind, flags) = if matches(op, "add") {
        (RTM_NEWLINKPROP, NLM_F_REQUEST | NLM_F_EXCL | NLM_F_CREATE | NLM_F_APPEND)
    } else if matches(op, "del") {
        (RTM_DELLINKPROP, NLM_F_REQUEST)
    } else if matches(op, "help") {
        return Err(usage(ip));
    } else {
        ip.err("Operator required\n");
        return Err(Exit(255));
    };
    let mut req = Req::new(kind, flags);
    req.push_header(&IfInfoRepr { family: ip.o.family, ..Default::default() }.to_bytes());
    let proplist = req.nest(ifla::PROP_LIST | crate::wire::attr::NLA_F_NESTED);
    let mut a = Args::new(rest);
    let mut dev: Option<&str> = None;
    while let Some(w) = a.peek() {
        if matches(w, "altname") {
            let v = ip.next_arg(&mut a)?;
            if !check_altifname(v) {
                return Err(ip.invarg("not a valid altname", v));
            }
            req.addattr_strz(ifla::ALT_IFNAME, v);
        } else if matches(w, "help") {
            return Err(usage(ip));
        } else {
            let mut v = w;
            if w == "dev" {
                v = ip.next_arg(&mut a)?;
            }
            if dev.is_some() {
                return Err(ip.duparg2("dev", v));
            }
            if !check_altifname(v) {
                return Err(ip.invarg("\"dev\" not a valid ifname", v));
            }
            dev = Some(v);
        }
        a.advance();
    }
    req.nest_end(proplist);
    let Some(d) = dev else {
        ip.err("Not enough of information: \"dev\" argument is required.\n");
        return Err(Exit(255));
    };
    let idx = ip.ll_name_to_index(d);
    if idx == 0 {
        return Ok(ip.nodev(d));
    }
    set_ifi_index(&mut req, idx as i32);
    if ip.rth.talk(&mut ip.p, &mut req, false, true).is_err() {
        return Ok(-2);
    }
    Ok(0)
}

/// RTM_DELLINK is exported for `ip monitor` style printers.
pub const MSG_DELLINK: u16 = RTM_DELLINK;
