//! `bridge fdb` (bridge/fdb.c): show the forwarding database with its
//! filters (`br`, `brport`/`dev`, `state`, `dynamic`), add and delete
//! entries.

use crate::ip::args::{Exit, Res, matches};
use crate::ip::ctx::Ip;
use crate::ip::names::ll_addr_n2a;
use crate::ip::nl::{Attrs, Msg, Req};
use crate::ip::print::{Color, Kind};
use crate::wire::neigh::{NDMSG_LEN, NdMsgRepr, nda, ntf, nud};
use crate::wire::{AF_BRIDGE, NLM_F_APPEND, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE};
use crate::wire::{RTM_DELNEIGH, RTM_GETNEIGH, RTM_NEWNEIGH};

const USAGE: &str = "Usage: bridge fdb { add | append | del | replace } ADDR dev DEV
              [ self ] [ master ] [ use ] [ router ] [ extern_learn ]
              [ sticky ] [ local | static | dynamic ] [ vlan VID ]
              { [ dst IPADDR ] [ port PORT] [ vni VNI ] | [ nhid NHID ] }
	       [ via DEV ] [ src_vni VNI ]
       bridge fdb [ show [ br BRDEV ] [ brport DEV ] [ vlan VID ]
              [ state STATE ] [ dynamic ] ]
       bridge fdb get [ to ] LLADDR [ br BRDEV ] { brport | dev } DEV
              [ vlan VID ] [ vni VNI ] [ self ] [ master ] [ dynamic ]
       bridge fdb flush dev DEV [ brport DEV ] [ vlan VID ]
              [ self ] [ master ] [ [no]permanent | [no]static | [no]dynamic ]
              [ [no]added_by_user ] [ [no]extern_learn ] [ [no]sticky ]
              [ [no]offloaded ]
";

fn usage(ip: &mut Ip) -> Exit {
    ip.err(USAGE);
    Exit(255)
}

/// The filters of one `fdb show`.
#[derive(Default)]
pub(super) struct Filter {
    index: u32,
    state: u16,
    dynamic: bool,
}

/// `do_fdb`.
pub fn do_fdb(ip: &mut Ip, args: &[String]) -> Res<i32> {
    ip.ll_init_map()?;
    let Some((cmd, rest)) = args.split_first() else { return show(ip, &[]) };
    if matches(cmd, "add") {
        return modify(ip, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL, rest);
    }
    if matches(cmd, "append") {
        return modify(ip, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_APPEND, rest);
    }
    if matches(cmd, "replace") {
        return modify(ip, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE, rest);
    }
    if matches(cmd, "delete") {
        return modify(ip, RTM_DELNEIGH, 0, rest);
    }
    if matches(cmd, "show") || matches(cmd, "lst") || matches(cmd, "list") {
        return show(ip, rest);
    }
    if matches(cmd, "get") {
        return get(ip, rest);
    }
    if cmd == "flush" {
        return super::flush::flush(ip, rest);
    }
    if matches(cmd, "help") {
        return Err(usage(ip));
    }
    ip.err(&format!("Command \"{cmd}\" is unknown, try \"bridge fdb help\".\n"));
    Err(Exit(255))
}

/// `state_a2n`.
fn state_a2n(s: &str) -> Option<u16> {
    match s {
        "permanent" => Some(nud::PERMANENT),
        "static" | "temp" => Some(nud::NOARP),
        "dynamic" => Some(nud::REACHABLE),
        _ => crate::text::int::<u16>(s),
    }
}

/// `state_n2a`.
fn state_n2a(s: u16, json: bool) -> String {
    if s & nud::PERMANENT != 0 {
        "permanent".into()
    } else if s & nud::NOARP != 0 {
        "static".into()
    } else if s & nud::STALE != 0 {
        "stale".into()
    } else if s & nud::REACHABLE != 0 {
        String::new()
    } else if json {
        format!("{s:#x}")
    } else {
        format!("state={s:#x}")
    }
}

/// `fdb_show`: a strict neighbour dump of family AF_BRIDGE.
fn show(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let mut f = Filter::default();
    let (mut filter_dev, mut br) = (None, None);
    let mut i = 0;
    while i < args.len() {
        let w = args[i].as_str();
        if w == "brport" || w == "dev" || w == "br" || w == "vlan" || w == "state" {
            let Some(v) = args.get(i + 1) else { return Err(ip.incomplete()) };
            match w {
                "br" => br = Some(v.clone()),
                "vlan" => {}
                "state" => match state_a2n(v) {
                    Some(s) => f.state |= s,
                    None => return Err(ip.invarg("invalid state", v)),
                },
                _ => filter_dev = Some(v.clone()),
            }
            i += 1;
        } else if w == "dynamic" {
            f.dynamic = true;
        } else if matches(w, "help") {
            return Err(usage(ip));
        }
        i += 1;
    }
    let mut master = 0;
    if let Some(b) = &br {
        master = ip.ll_name_to_index(b);
        if master == 0 {
            ip.err(&format!("Cannot find bridge device \"{b}\"\n"));
            return Ok(-1);
        }
    }
    if let Some(d) = &filter_dev {
        f.index = ip.ll_name_to_index(d);
        if f.index == 0 {
            return Ok(ip.nodev(d));
        }
    }
    let mut req = Req::new(RTM_GETNEIGH, 0);
    req.push_header(&NdMsgRepr { family: AF_BRIDGE, ifindex: f.index as i32, ..Default::default() }.to_bytes());
    if master != 0 {
        req.addattr32(nda::MASTER, master);
    }
    ip.rth.dump_request(&mut req, 16 + 12 + 256);
    let (msgs, end) = ip.rth.dump_collect();
    if !end.ok {
        ip.dump_terminated(&end);
        return Err(Exit(1));
    }
    let json = ip.o.json > 0;
    ip.p.new_json_obj(json);
    for m in &msgs {
        print_fdb(ip, &f, m);
    }
    ip.p.delete_json_obj();
    Ok(0)
}

/// `print_fdb`: one entry, as `bridge fdb show` and `bridge monitor` print it.
pub(super) fn print_fdb(ip: &mut Ip, f: &Filter, raw: &[u8]) {
    let Some(m) = Msg::parse(raw) else { return };
    if m.hdr.kind != RTM_NEWNEIGH && m.hdr.kind != RTM_DELNEIGH {
        return;
    }
    let Ok(r) = NdMsgRepr::parse(m.payload) else { return };
    if r.family != AF_BRIDGE {
        return;
    }
    let ifindex = r.ifindex.max(0) as u32;
    if f.index != 0 && f.index != ifindex {
        return;
    }
    if f.state != 0 && r.state & f.state == 0 {
        return;
    }
    if f.dynamic && r.state & nud::PERMANENT != 0 {
        return;
    }
    let tb = Attrs::parse(m.payload.get(NDMSG_LEN..).unwrap_or(&[]), nda::MAX);
    ip.p.open_json_object(None);
    if m.hdr.kind == RTM_DELNEIGH {
        ip.p.print_bool(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    if let Some(ll) = tb.get(nda::LLADDR) {
        let text = ll_addr_n2a(ll.value, ip.ll_index_to_type(ifindex) as u16);
        ip.p.print_color_string(Kind::Any, Color::Mac, Some("mac"), "%s ", Some(&text));
    }
    if f.index == 0 && ifindex != 0 {
        ip.p.print_string(Kind::Fp, None, "dev ", None);
        let name = ip.ll_index_to_name(ifindex);
        ip.p.print_color_string(Kind::Any, Color::Ifname, Some("ifname"), "%s ", Some(&name));
    }
    print_tunnel(ip, &tb);
    if ip.o.stats > 0 {
        if let Some(ci) = tb.get(nda::CACHEINFO).filter(|c| c.value.len() >= 12) {
            let word = |at: usize| crate::wire::get_u32(ci.value, at).unwrap_or(0) / 100;
            let (used, updated) = (word(4), word(8));
            if ip.p.is_json() {
                ip.p.print_uint(Kind::Json, Some("used"), "", u64::from(used));
                ip.p.print_uint(Kind::Json, Some("updated"), "", u64::from(updated));
            } else {
                ip.p.fp(&format!("used {used}/{updated} "));
            }
        }
    }
    let json = ip.p.is_json();
    ip.p.open_json_array(Kind::Json, if json { Some("flags") } else { Some("") });
    const FLAGS: &[(u8, &str)] = &[
        (ntf::SELF, "self"),
        (ntf::ROUTER, "router"),
        (ntf::EXT_LEARNED, "extern_learn"),
        (ntf::OFFLOADED, "offload"),
        (ntf::MASTER, "master"),
        (ntf::STICKY, "sticky"),
    ];
    for (bit, name) in FLAGS {
        if r.flags & bit != 0 {
            ip.p.print_string(Kind::Any, None, "%s ", Some(name));
        }
    }
    ip.p.close_json_array(Kind::Json, None);
    if let Some(master) = tb.u32(nda::MASTER) {
        let name = ip.ll_index_to_name(master);
        ip.p.print_string(Kind::Any, Some("master"), "master %s ", Some(&name));
    }
    let state = state_n2a(r.state, json);
    ip.p.print_string(Kind::Any, Some("state"), "%s\n", Some(&state));
    ip.p.close_json_object();
}

/// The tunnel attributes of an entry (a VXLAN device's): destination,
/// port, VNIs, outgoing device, next-hop group, peer namespace.
fn print_tunnel(ip: &mut Ip, tb: &Attrs) {
    if let Some(d) = tb.get(nda::DST) {
        let family = if d.value.len() == 16 { 10 } else { 2 };
        let text = crate::ip::prefix::format_host_r(family, d.value, ip.o.resolve > 0);
        ip.p.print_string(Kind::Fp, None, "dst ", None);
        ip.p.print_color_string(Kind::Any, Color::for_family(family), Some("dst"), "%s ", Some(&text));
    }
    if let Some(p) = tb.u16(nda::PORT) {
        ip.p.print_uint(Kind::Any, Some("port"), "port %u ", u64::from(u16::from_be(p)));
    }
    if let Some(v) = tb.u32(nda::VNI) {
        ip.p.print_uint(Kind::Any, Some("vni"), "vni %u ", u64::from(v));
    }
    if let Some(v) = tb.u32(nda::SRC_VNI) {
        ip.p.print_uint(Kind::Any, Some("src_vni"), "src_vni %u ", u64::from(v));
    }
    if let Some(i) = tb.u32(nda::IFINDEX) {
        if tb.get(nda::LINK_NETNSID).is_some() {
            ip.p.print_uint(Kind::Any, Some("viaIfIndex"), "via ifindex %u ", u64::from(i));
        } else {
            let name = ip.ll_index_to_name(i);
            ip.p.print_string(Kind::Any, Some("viaIf"), "via %s ", Some(&name));
        }
    }
    if let Some(n) = tb.u32(nda::NH_ID) {
        ip.p.print_uint(Kind::Any, Some("nhid"), "nhid %u ", u64::from(n));
    }
    if let Some(n) = tb.u32(nda::LINK_NETNSID) {
        ip.p.print_int(Kind::Any, Some("linkNetNsId"), "link-netnsid %d ", i64::from(n as i32));
    }
}

/// The tunnel options of `fdb_modify` (dst, port, vni, src_vni, via, nhid).
#[derive(Default)]
struct Tunnel {
    dst: Option<Vec<u8>>,
    port: u32,
    vni: Option<u32>,
    src_vni: Option<u32>,
    via: u32,
    nhid: u32,
}

/// `strtoul(arg, &end, 0)` with nothing left over, below 2^24 (a VNI).
fn vni_arg(v: &str) -> Option<u32> {
    crate::ip::args::get_u32(v, 0).filter(|n| n >> 24 == 0)
}

/// Reads the value of one tunnel option; Ok(false) when `w` is none.
fn tunnel_word(ip: &mut Ip, t: &mut Tunnel, w: &str, v: &str) -> Res<bool> {
    match w {
        "dst" => {
            if t.dst.is_some() {
                return Err(ip.duparg2("dst", v));
            }
            let p = crate::ip::prefix::get_addr(v, ip.o.family).map_err(|e| {
                ip.err(&e);
                Exit(1)
            })?;
            t.dst = Some(p.bytes().to_vec());
        }
        "nhid" => match crate::ip::args::get_u32(v, 0) {
            Some(n) => t.nhid = n,
            None => return Err(ip.invarg("\"id\" value is invalid\n", v)),
        },
        "port" => match crate::ip::args::get_u32(v, 0) {
            Some(n) if n <= 0xffff => t.port = n,
            _ => return Err(ip.invarg("invalid port\n", v)),
        },
        "vni" => t.vni = Some(vni_arg(v).ok_or_else(|| ip.invarg("invalid VNI\n", v))?),
        "src_vni" => t.src_vni = Some(vni_arg(v).ok_or_else(|| ip.invarg("invalid src VNI\n", v))?),
        "via" => {
            t.via = ip.ll_name_to_index(v);
            if t.via == 0 {
                return Err(Exit(ip.nodev(v) & 0xff));
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// `fdb_modify`: add, append, replace or delete one entry.
fn modify(ip: &mut Ip, cmd: u16, flags: u16, args: &[String]) -> Res<i32> {
    let mut hdr = NdMsgRepr { family: AF_BRIDGE, state: nud::NOARP, ..Default::default() };
    let (mut addr, mut dev): (Option<String>, Option<String>) = (None, None);
    let mut vid: Option<u16> = None;
    let mut tunnel = Tunnel::default();
    let mut i = 0;
    while i < args.len() {
        let w = args[i].as_str();
        if w == "dev" || w == "dst" || w == "port" || w == "vni" || w == "src_vni" || w == "via" || w == "nhid" {
            let Some(v) = args.get(i + 1) else { return Err(ip.incomplete()) };
            if w == "dev" {
                dev = Some(v.clone());
            } else {
                tunnel_word(ip, &mut tunnel, w, v)?;
            }
            i += 1;
        } else if w == "self" {
            hdr.flags |= ntf::SELF;
        } else if matches(w, "master") {
            hdr.flags |= ntf::MASTER;
        } else if matches(w, "router") {
            hdr.flags |= ntf::ROUTER;
        } else if matches(w, "local") || matches(w, "permanent") {
            hdr.state |= nud::PERMANENT;
        } else if matches(w, "temp") || matches(w, "static") {
            hdr.state |= nud::REACHABLE;
        } else if matches(w, "dynamic") {
            hdr.state |= nud::REACHABLE;
            hdr.state &= !nud::NOARP;
        } else if matches(w, "vlan") {
            if vid.is_some() {
                return Err(ip.duparg2("vlan", w));
            }
            let Some(v) = args.get(i + 1) else { return Err(ip.incomplete()) };
            vid = Some(crate::text::int::<i64>(v).unwrap_or(0) as u16);
            i += 1;
        } else if matches(w, "use") {
            hdr.flags |= ntf::USE;
        } else if matches(w, "extern_learn") {
            hdr.flags |= ntf::EXT_LEARNED;
        } else if matches(w, "sticky") {
            hdr.flags |= ntf::STICKY;
        } else {
            address_word(ip, args, &mut i, &mut addr)?;
        }
        i += 1;
    }
    let (Some(d), Some(a)) = (dev, addr) else {
        ip.err("Device and address are required arguments.\n");
        return Ok(-1);
    };
    if tunnel.nhid != 0 && (tunnel.dst.is_some() || tunnel.port != 0 || tunnel.vni.is_some()) {
        ip.err("dst, port, vni are mutually exclusive with nhid\n");
        return Ok(-1);
    }
    if hdr.flags & (ntf::SELF | ntf::MASTER) == 0 {
        hdr.flags |= ntf::SELF;
    }
    if hdr.state & (nud::PERMANENT | nud::REACHABLE) == 0 {
        hdr.state |= nud::PERMANENT;
    }
    let Some(mac) = parse_mac(&a) else {
        ip.err(&format!("Invalid mac address {a}\n"));
        return Ok(-1);
    };
    hdr.ifindex = ip.ll_name_to_index(&d) as i32;
    let mut req = Req::new(cmd, crate::wire::NLM_F_REQUEST | flags);
    req.push_header(&hdr.to_bytes());
    req.addattr_l(nda::LLADDR, &mac);
    if let Some(d) = &tunnel.dst {
        req.addattr_l(nda::DST, d);
    }
    if let Some(v) = vid {
        req.addattr16(nda::VLAN, v);
    }
    if tunnel.nhid > 0 {
        req.addattr32(nda::NH_ID, tunnel.nhid);
    }
    if tunnel.port != 0 {
        req.addattr16(nda::PORT, (tunnel.port as u16).to_be());
    }
    if let Some(v) = tunnel.vni {
        req.addattr32(nda::VNI, v);
    }
    if let Some(v) = tunnel.src_vni {
        req.addattr32(nda::SRC_VNI, v);
    }
    if tunnel.via != 0 {
        req.addattr32(nda::IFINDEX, tunnel.via);
    }
    if hdr.ifindex == 0 {
        return Ok(ip.nodev(&d));
    }
    match ip.rth.talk(&mut ip.p, &mut req, false, true) {
        Ok(_) => Ok(0),
        Err(_) => Ok(-1),
    }
}

/// `fdb_get`: one entry, from a port's bridge (`brport`/`dev`), a bridge
/// (`br`), or a device itself (`self`).
fn get(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let mut hdr = NdMsgRepr { family: AF_BRIDGE, ..Default::default() };
    let (mut dev, mut br, mut addr): (Option<String>, Option<String>, Option<String>) = (None, None, None);
    let (mut vlan, mut vni, mut f) = (None::<u16>, None::<u32>, Filter::default());
    let mut i = 0;
    while i < args.len() {
        let w = args[i].as_str();
        if w == "brport" || w == "dev" || w == "br" || w == "vni" {
            let Some(v) = args.get(i + 1) else { return Err(ip.incomplete()) };
            match w {
                "br" => br = Some(v.clone()),
                "vni" => vni = Some(vni_arg(v).ok_or_else(|| ip.invarg("invalid VNI\n", v))?),
                _ => dev = Some(v.clone()),
            }
            i += 1;
        } else if w == "self" {
            hdr.flags |= ntf::SELF;
        } else if matches(w, "master") {
            hdr.flags |= ntf::MASTER;
        } else if matches(w, "vlan") {
            if vlan.is_some() {
                return Err(ip.duparg2("vlan", w));
            }
            let Some(v) = args.get(i + 1) else { return Err(ip.incomplete()) };
            // atoi
            vlan = Some(crate::text::int::<i64>(v).unwrap_or(0) as u16);
            i += 1;
        } else if matches(w, "dynamic") {
            f.dynamic = true;
        } else {
            address_word(ip, args, &mut i, &mut addr)?;
        }
        i += 1;
    }
    let Some(a) = addr.filter(|_| dev.is_some() || br.is_some()) else {
        ip.err("Device or master and address are required arguments.\n");
        return Ok(-1);
    };
    let Some(mac) = parse_mac(&a) else {
        ip.err(&format!("Invalid mac address {a}\n"));
        return Ok(-1);
    };
    if let Some(d) = &dev {
        hdr.ifindex = ip.ll_name_to_index(d) as i32;
        if hdr.ifindex == 0 {
            ip.err(&format!("Cannot find device \"{d}\"\n"));
            return Ok(-1);
        }
    }
    let mut master = 0;
    if let Some(b) = &br {
        master = ip.ll_name_to_index(b);
        if master == 0 {
            ip.err(&format!("Cannot find bridge device \"{b}\"\n"));
            return Ok(-1);
        }
    }
    let mut req = Req::new(RTM_GETNEIGH, crate::wire::NLM_F_REQUEST);
    req.push_header(&hdr.to_bytes());
    req.addattr_l(nda::LLADDR, &mac);
    if let Some(v) = vlan {
        req.addattr16(nda::VLAN, v);
    }
    if let Some(v) = vni {
        req.addattr32(nda::VNI, v);
    }
    if master != 0 {
        req.addattr32(nda::MASTER, master);
    }
    let answer = match ip.rth.talk(&mut ip.p, &mut req, true, true) {
        Ok(Some(a)) => a,
        _ => return Ok(-2),
    };
    let json = ip.o.json > 0;
    ip.p.new_json_obj(json);
    print_fdb(ip, &f, &answer);
    ip.p.delete_json_obj();
    Ok(0)
}

/// `sscanf("%hhx:%hhx:...")` of six bytes.
/// The words `fdb_modify` and `fdb_get` take as the address: `[to] LLADDR`
/// (`help` prints the usage; a second address is a duplicate argument).
fn address_word(ip: &mut Ip, args: &[String], i: &mut usize, addr: &mut Option<String>) -> Res<()> {
    let Some(mut w) = args.get(*i).map(String::as_str) else { return Err(ip.incomplete()) };
    if w == "to" {
        *i += 1;
        match args.get(*i) {
            Some(n) => w = n.as_str(),
            None => return Err(ip.incomplete()),
        }
    }
    if matches(w, "help") {
        return Err(usage(ip));
    }
    if addr.is_some() {
        return Err(ip.duparg2("to", w));
    }
    *addr = Some(w.to_string());
    Ok(())
}

fn parse_mac(s: &str) -> Option<[u8; 6]> {
    let parts: Vec<&str> = s.split(':').collect();
    if parts.len() < 6 {
        return None;
    }
    let mut mac = [0u8; 6];
    for (i, p) in parts.iter().take(6).enumerate() {
        let digits: String = p.chars().take_while(|c| c.is_ascii_hexdigit()).collect();
        if digits.is_empty() {
            return None;
        }
        mac[i] = crate::text::int_radix::<u64>(&digits, 16)? as u8;
    }
    Some(mac)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_and_addresses_parse_as_bridge_does() {
        assert_eq!(state_a2n("static"), Some(nud::NOARP));
        assert_eq!(state_n2a(nud::REACHABLE, false), "");
        assert_eq!(state_n2a(nud::NOARP | nud::REACHABLE, false), "static");
        assert_eq!(state_n2a(nud::FAILED, false), "state=0x20");
        assert_eq!(parse_mac("2:0:0:0:9:9"), Some([2, 0, 0, 0, 9, 9]));
        assert_eq!(parse_mac("02:00:00"), None);
    }
}
