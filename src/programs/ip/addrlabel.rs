//! `ip addrlabel` (ip/ipaddrlabel.c): list, add, delete and flush the IPv6
//! address label policy (RTM_{NEW,DEL,GET}ADDRLABEL).

use super::args::{Exit, Res, get_u32, matches};
use super::ctx::Ip;
use super::nl::{Attrs, Msg, Req};
use super::prefix::{format_host, get_prefix};
use super::print::Kind;
use crate::wire::{NLM_F_CREATE, NLM_F_EXCL, NLM_F_REQUEST, RTM_DELADDRLABEL, RTM_GETADDRLABEL, RTM_NEWADDRLABEL};

const USAGE: &str = "Usage: ip addrlabel { add | del } prefix PREFIX [ dev DEV ] [ label LABEL ]
       ip addrlabel [ list | flush | help ]
";
/// `struct ifaddrlblmsg`.
const IFALMSG_LEN: usize = 12;
const IFAL_ADDRESS: u16 = 1;
const IFAL_LABEL: u16 = 2;

fn usage(ip: &mut Ip) -> Exit {
    ip.err(USAGE);
    Exit(255)
}

/// `do_ipaddrlabel`.
pub fn do_ipaddrlabel(ip: &mut Ip, args: &[String]) -> Res<i32> {
    ip.ll_init_map()?;
    let Some((cmd, rest)) = args.split_first() else { return list(ip, &[]) };
    if matches(cmd, "list") || matches(cmd, "show") {
        return list(ip, rest);
    }
    if matches(cmd, "add") {
        return modify(ip, RTM_NEWADDRLABEL, rest);
    }
    if matches(cmd, "delete") {
        return modify(ip, RTM_DELADDRLABEL, rest);
    }
    if matches(cmd, "flush") {
        return flush(ip, rest);
    }
    if matches(cmd, "help") {
        return Err(usage(ip));
    }
    ip.err(&format!("Command \"{cmd}\" is unknown, try \"ip addrlabel help\".\n"));
    Err(Exit(255))
}

/// The dump every command starts from: RTM_GETADDRLABEL of the family
/// (IPv6 unless `-f` says otherwise).
fn dump(ip: &mut Ip) -> Res<Vec<Vec<u8>>> {
    let af = if ip.o.family == 0 { crate::wire::AF_INET6 } else { ip.o.family };
    let mut req = Req::new(RTM_GETADDRLABEL, 0);
    req.push_header(&[af, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    ip.rth.dump_request(&mut req, 0);
    let (msgs, end) = ip.rth.dump_collect();
    if !end.ok {
        ip.dump_terminated(&end);
        return Err(Exit(1));
    }
    Ok(msgs)
}

/// `ipaddrlabel_list`.
fn list(ip: &mut Ip, args: &[String]) -> Res<i32> {
    if !args.is_empty() {
        ip.err("\"ip addrlabel show\" does not take any arguments.\n");
        return Ok(-1);
    }
    let msgs = dump(ip)?;
    let json = ip.o.json > 0;
    ip.p.new_json_obj(json);
    for raw in &msgs {
        print_addrlabel(ip, raw);
    }
    ip.p.delete_json_obj();
    Ok(0)
}

/// `print_addrlabel`: one entry.
fn print_addrlabel(ip: &mut Ip, raw: &[u8]) {
    let Some(m) = Msg::parse(raw) else { return };
    if m.hdr.kind != RTM_NEWADDRLABEL && m.hdr.kind != RTM_DELADDRLABEL || m.payload.len() < IFALMSG_LEN {
        return;
    }
    let family = m.payload[0];
    let prefixlen = m.payload[2];
    let index = crate::wire::get_u32(m.payload, 4).unwrap_or(0);
    let tb = Attrs::parse(m.payload.get(IFALMSG_LEN..).unwrap_or(&[]), IFAL_LABEL);
    ip.p.open_json_object(None);
    if m.hdr.kind == RTM_DELADDRLABEL {
        ip.p.print_bool(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    if let Some(a) = tb.get(IFAL_ADDRESS) {
        let host = format_host(family, a.value);
        ip.p.print_string(Kind::Fp, None, "prefix ", None);
        ip.p.print_string(Kind::Any, Some("address"), "%s", Some(&host));
        ip.p.print_uint(Kind::Any, Some("prefixlen"), "/%u ", u64::from(prefixlen));
    }
    if index != 0 {
        let name = ip.ll_index_to_name(index);
        ip.p.print_string(Kind::Fp, None, "dev ", None);
        ip.p.print_string(Kind::Any, Some("ifname"), "%s ", Some(&name));
    }
    if let Some(l) = tb.get(IFAL_LABEL).filter(|l| l.value.len() == 4) {
        let label = crate::wire::get_u32(l.value, 0).unwrap_or(0);
        ip.p.print_uint(Kind::Any, Some("label"), "label %u ", u64::from(label));
    }
    ip.p.print_string(Kind::Fp, None, "\n", None);
    ip.p.close_json_object();
}

/// `ipaddrlabel_modify`: add or delete one entry.
fn modify(ip: &mut Ip, cmd: u16, args: &[String]) -> Res<i32> {
    let mut index = 0u32;
    let (mut prefix, mut label) = (None, None);
    let mut i = 0;
    while i < args.len() {
        let w = args[i].as_str();
        if w == "prefix" || w == "dev" || w == "label" {
            let Some(v) = args.get(i + 1) else { return Err(ip.incomplete()) };
            match w {
                "prefix" => {
                    prefix = Some(get_prefix(v, ip.o.family).map_err(|e| {
                        ip.err(&e);
                        Exit(1)
                    })?)
                }
                "dev" => {
                    index = ip.ll_name_to_index(v);
                    if index == 0 {
                        return Err(ip.invarg("dev is invalid\n", v));
                    }
                }
                _ => match get_u32(v, 0).filter(|l| *l != u32::MAX) {
                    Some(l) => label = Some(l),
                    None => return Err(ip.invarg("label is invalid\n", v)),
                },
            }
            i += 1;
        }
        i += 1;
    }
    let Some(prefix) = prefix else {
        ip.err("Not enough information: \"prefix\" argument is required.\n");
        return Ok(-1);
    };
    let Some(label) = label else {
        ip.err("Not enough information: \"label\" argument is required.\n");
        return Ok(-1);
    };
    let flags = NLM_F_REQUEST | if cmd == RTM_NEWADDRLABEL { NLM_F_CREATE | NLM_F_EXCL } else { 0 };
    let family = if ip.o.family == 0 { crate::wire::AF_INET6 } else { ip.o.family };
    let mut req = Req::new(cmd, flags);
    let bitlen = prefix.bitlen.clamp(0, 255) as u8;
    let mut hdr = [0u8; IFALMSG_LEN];
    hdr[0] = family;
    hdr[2] = bitlen;
    hdr[4..8].copy_from_slice(&index.to_ne_bytes());
    req.push_header(&hdr);
    req.addattr32(IFAL_LABEL, label);
    req.addattr_l(IFAL_ADDRESS, &prefix.data[..usize::from(prefix.bytelen).min(16)]);
    match ip.rth.talk(&mut ip.p, &mut req, false, true) {
        Ok(_) => Ok(0),
        Err(_) => Ok(-2),
    }
}

/// `ipaddrlabel_flush`: every entry of the dump is deleted again, its own
/// message sent back as RTM_DELADDRLABEL (`flush_addrlabel`).
fn flush(ip: &mut Ip, args: &[String]) -> Res<i32> {
    if !args.is_empty() {
        ip.err("\"ip addrlabel flush\" does not allow extra arguments\n");
        return Ok(-1);
    }
    for raw in dump(ip)? {
        let Some(m) = Msg::parse(&raw) else { continue };
        let tb = Attrs::parse(m.payload.get(IFALMSG_LEN..).unwrap_or(&[]), IFAL_LABEL);
        if !tb.has(IFAL_ADDRESS) {
            continue;
        }
        let mut req = Req::new(RTM_DELADDRLABEL, NLM_F_REQUEST);
        req.push_raw(m.payload);
        if ip.rth.talk(&mut ip.p, &mut req, false, true).is_err() {
            ip.err("Flush terminated\n");
            return Ok(1);
        }
    }
    Ok(0)
}
