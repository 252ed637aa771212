//! `bridge link` (bridge/link.c): the bridge ports, from an AF_BRIDGE link
//! dump, with their spanning-tree state, priority and cost (and with `-d`
//! their port flags).

use crate::ip::args::{Exit, Res, matches};
use crate::ip::ctx::Ip;
use crate::ip::link::show::{print_link_flags, print_name_and_link};
use crate::ip::nl::{Attrs, Msg, Req};
use crate::ip::print::Kind;
use crate::wire::AF_BRIDGE;
use crate::wire::link::{IFINFOMSG_LEN, IfInfoRepr, ifla};
use crate::wire::link::{bridge_af, bridge_flags, brport};
use crate::wire::{RTM_DELLINK, RTM_GETLINK, RTM_NEWLINK, RTM_SETLINK};

const USAGE: &str = "Usage: bridge link set dev DEV [ cost COST ] [ priority PRIO ] [ state STATE ]
                               [ guard {on | off} ]
                               [ hairpin {on | off} ]
                               [ fastleave {on | off} ]
                               [ root_block {on | off} ]
                               [ learning {on | off} ]
                               [ learning_sync {on | off} ]
                               [ flood {on | off} ]
                               [ mcast_router MULTICAST_ROUTER ]
                               [ mcast_flood {on | off} ]
                               [ bcast_flood {on | off} ]
                               [ mcast_to_unicast {on | off} ]
                               [ neigh_suppress {on | off} ]
                               [ vlan_tunnel {on | off} ]
                               [ isolated {on | off} ]
                               [ locked {on | off} ]
                               [ hwmode {vepa | veb} ]
                               [ backup_port DEVICE ] [ nobackup_port ]
                               [ self ] [ master ]
       bridge link show [dev DEV]
";

/// `do_link`.
pub fn do_link(ip: &mut Ip, args: &[String]) -> Res<i32> {
    ip.ll_init_map()?;
    let Some((cmd, rest)) = args.split_first() else { return show(ip, &[]) };
    if matches(cmd, "set") || matches(cmd, "change") {
        return modify(ip, rest);
    }
    if matches(cmd, "show") || matches(cmd, "lst") || matches(cmd, "list") {
        return show(ip, rest);
    }
    if matches(cmd, "help") {
        ip.err(USAGE);
        return Err(Exit(255));
    }
    ip.err(&format!("Command \"{cmd}\" is unknown, try \"bridge link help\".\n"));
    Err(Exit(255))
}

/// The on/off port switches of `bridge link set`, with the
/// IFLA_BRPORT_* attribute each one sets, in the order they are sent.
const SWITCHES: [(&str, u16); 13] = [
    ("guard", brport::GUARD),
    ("hairpin", brport::MODE),
    ("fastleave", brport::FAST_LEAVE),
    ("root_block", brport::PROTECT),
    ("flood", brport::UNICAST_FLOOD),
    ("mcast_flood", brport::MCAST_FLOOD),
    ("bcast_flood", brport::BCAST_FLOOD),
    ("mcast_to_unicast", brport::MCAST_TO_UCAST),
    ("learning", brport::LEARNING),
    ("learning_sync", brport::LEARNING_SYNC),
    ("neigh_suppress", brport::NEIGH_SUPPRESS),
    ("vlan_tunnel", brport::VLAN_TUNNEL),
    ("isolated", brport::ISOLATED),
];

/// The STP port states by number (`port_states`), as `state` names them.
const PORT_STATES: [&str; 5] = ["disabled", "listening", "learning", "forwarding", "blocking"];

/// `brlink_modify`: RTM_SETLINK of family AF_BRIDGE with the port
/// settings nested in IFLA_PROTINFO and the `self`/`master`/`hwmode`
/// choice in IFLA_AF_SPEC.
fn modify(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let mut dev: Option<&str> = None;
    let mut switches: [Option<u8>; SWITCHES.len()] = [None; SWITCHES.len()];
    let (mut cost, mut priority, mut state, mut mcast_router): (i32, i32, i32, i32) = (0, -1, -1, -1);
    let (mut locked, mut backup_port): (Option<u8>, Option<u32>) = (None, None);
    let (mut flags, mut mode): (u16, Option<u16>) = (0, None);
    let mut i = 0;
    while i < args.len() {
        let w = args[i].as_str();
        let valued = ["dev", "cost", "priority", "mcast_router", "state", "hwmode", "backup_port", "locked"];
        let takes_value = valued.contains(&w) || SWITCHES.iter().any(|(name, _)| *name == w);
        let v = if takes_value {
            i += 1;
            Some(args.get(i).map(String::as_str).ok_or_else(|| ip.incomplete())?)
        } else {
            None
        };
        let v = v.unwrap_or("");
        let switch = SWITCHES.iter().position(|(name, _)| *name == w);
        if let Some(k) = switch.or(if w == "locked" { Some(usize::MAX) } else { None }) {
            let on = match v {
                "on" => 1,
                "off" => 0,
                _ => {
                    ip.err(&format!("Error: argument of \"{w}\" must be one of \"off\", \"on\", not \"{v}\"\n"));
                    // parse_on_off's -EINVAL is the exit status.
                    return Ok(-22);
                }
            };
            match switches.get_mut(k) {
                Some(s) => *s = Some(on),
                None => locked = Some(on),
            }
        } else {
            match w {
                "dev" => dev = Some(v),
                "cost" => cost = crate::ip::atoi(v),
                "priority" => priority = crate::ip::atoi(v),
                "mcast_router" => mcast_router = crate::ip::atoi(v),
                "state" => {
                    state = match crate::ip::args::get_integer(v, 10) {
                        Some(n) => n,
                        None => match PORT_STATES.iter().position(|s| s.eq_ignore_ascii_case(v)) {
                            Some(n) => n as i32,
                            None => {
                                ip.err("Error: invalid STP port state\n");
                                return Ok(-1);
                            }
                        },
                    }
                }
                "hwmode" => {
                    flags = bridge_flags::SELF;
                    mode = match v {
                        "vepa" => Some(1),
                        "veb" => Some(0),
                        _ => {
                            ip.err("Mode argument must be \"vepa\" or \"veb\".\n");
                            return Ok(-1);
                        }
                    };
                }
                "backup_port" => {
                    let index = ip.ll_name_to_index(v);
                    if index == 0 {
                        ip.err(&format!("Error: device {v} does not exist\n"));
                        return Ok(-1);
                    }
                    backup_port = Some(index);
                }
                "nobackup_port" => backup_port = Some(0),
                "self" => flags |= bridge_flags::SELF,
                "master" => flags |= bridge_flags::MASTER,
                _ => {
                    ip.err(USAGE);
                    return Err(Exit(255));
                }
            }
        }
        i += 1;
    }
    let Some(d) = dev else {
        ip.err("Device is a required argument.\n");
        return Ok(-1);
    };
    let index = ip.ll_name_to_index(d);
    if index == 0 {
        ip.err(&format!("Cannot find bridge device \"{d}\"\n"));
        return Ok(-1);
    }
    let mut req = Req::new(RTM_SETLINK, crate::wire::NLM_F_REQUEST);
    req.push_header(&IfInfoRepr { family: AF_BRIDGE, index: index as i32, ..Default::default() }.to_bytes());
    let nest = req.nest(ifla::PROTINFO | crate::wire::attr::NLA_F_NESTED);
    for ((_, attr), v) in SWITCHES.iter().zip(switches) {
        if let Some(v) = v {
            req.addattr8(*attr, v);
        }
    }
    if cost > 0 {
        req.addattr32(brport::COST, cost as u32);
    }
    if priority >= 0 {
        req.addattr16(brport::PRIORITY, priority as u16);
    }
    if state >= 0 {
        req.addattr8(brport::STATE, state as u8);
    }
    if mcast_router >= 0 {
        req.addattr8(brport::MULTICAST_ROUTER, mcast_router as u8);
    }
    if let Some(b) = backup_port {
        req.addattr32(brport::BACKUP_PORT, b);
    }
    if let Some(l) = locked {
        req.addattr8(brport::LOCKED, l);
    }
    req.nest_end(nest);
    if flags != 0 || mode.is_some() {
        let spec = req.nest(ifla::AF_SPEC);
        if flags != 0 {
            req.addattr16(bridge_af::FLAGS, flags);
        }
        if let Some(m) = mode {
            req.addattr16(bridge_af::MODE, m);
        }
        req.nest_end(spec);
    }
    match ip.rth.talk(&mut ip.p, &mut req, false, true) {
        Ok(_) => Ok(0),
        Err(_) => Ok(-1),
    }
}

/// `brlink_show`.
fn show(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let mut filter_dev: Option<String> = None;
    let mut i = 0;
    while i < args.len() {
        if args[i] == "dev" {
            let Some(v) = args.get(i + 1) else { return Err(ip.incomplete()) };
            if filter_dev.is_some() {
                return Err(ip.duparg("dev", v));
            }
            filter_dev = Some(v.clone());
            i += 1;
        }
        i += 1;
    }
    let mut index = 0;
    if let Some(d) = &filter_dev {
        index = ip.ll_name_to_index(d);
        if index == 0 {
            return Ok(ip.nodev(d));
        }
    }
    let mut req = Req::new(RTM_GETLINK, 0);
    req.push_header(&IfInfoRepr { family: AF_BRIDGE, ..Default::default() }.to_bytes());
    req.addattr32(ifla::EXT_MASK, crate::ip::ctx::RTEXT_FILTER_VF);
    ip.rth.dump_request(&mut req, 0);
    let (msgs, end) = ip.rth.dump_collect();
    if !end.ok {
        ip.dump_terminated(&end);
        return Err(Exit(1));
    }
    let json = ip.o.json > 0;
    ip.p.new_json_obj(json);
    for m in &msgs {
        print_linkinfo(ip, index, m);
    }
    ip.p.delete_json_obj();
    Ok(0)
}

/// `print_linkinfo`: one port line.
pub(super) fn print_linkinfo(ip: &mut Ip, filter_index: u32, raw: &[u8]) {
    let Some(m) = Msg::parse(raw) else { return };
    if m.hdr.kind != RTM_NEWLINK && m.hdr.kind != RTM_DELLINK {
        return;
    }
    let Ok(ifi) = IfInfoRepr::parse(m.payload) else { return };
    if ifi.family != AF_BRIDGE && ifi.family != 0 {
        return;
    }
    let index = ifi.index.max(0) as u32;
    if filter_index != 0 && filter_index != index {
        return;
    }
    let tb = Attrs::parse(m.payload.get(IFINFOMSG_LEN..).unwrap_or(&[]), ifla::MAX);
    let name = tb.str(ifla::IFNAME).unwrap_or_else(|| ip.ll_index_to_name(index));
    ip.p.open_json_object(None);
    if m.hdr.kind == RTM_DELLINK {
        ip.p.print_bool(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    ip.p.print_int(Kind::Any, Some("ifindex"), "%d: ", i64::from(ifi.index));
    let mdown = print_name_and_link(ip, "%s: ", &name, &tb);
    print_link_flags(ip, ifi.flags, mdown);
    if let Some(mtu) = tb.u32(ifla::MTU) {
        ip.p.print_int(Kind::Any, Some("mtu"), "mtu %u ", i64::from(mtu));
    }
    if let Some(master) = tb.u32(ifla::MASTER) {
        let n = ip.ll_index_to_name(master);
        ip.p.print_string(Kind::Any, Some("master"), "master %s ", Some(&n));
    }
    if let Some(pi) = tb.get(ifla::PROTINFO) {
        print_protinfo(ip, pi.value.len() > 1, pi.value);
    }
    ip.p.print_string(Kind::Fp, None, "%s", Some("\n"));
    ip.p.close_json_object();
}

fn print_stp_state(ip: &mut Ip, state: u8) {
    const STATES: [&str; 5] = ["disabled", "listening", "learning", "forwarding", "blocking"];
    match STATES.get(usize::from(state)) {
        Some(s) => ip.p.print_string(Kind::Any, Some("state"), "state %s ", Some(s)),
        None => ip.p.print_uint(Kind::Any, Some("state"), "state (%d) ", u64::from(state)),
    }
}

/// `print_protinfo`: the port's attributes (nested) or, from old kernels,
/// just its state.
fn print_protinfo(ip: &mut Ip, nested: bool, value: &[u8]) {
    if !nested {
        if let Some(s) = value.first() {
            print_stp_state(ip, *s);
        }
        return;
    }
    let t = Attrs::parse(value, brport::MAX);
    if let Some(s) = t.get(brport::STATE).and_then(|a| a.value.first().copied()) {
        print_stp_state(ip, s);
    }
    if let Some(v) = t.get(brport::PRIORITY).filter(|a| a.value.len() >= 2) {
        ip.p.print_uint(Kind::Any, Some("priority"), "priority %u ", u64::from(u16::from_ne_bytes([v.value[0], v.value[1]])));
    }
    if let Some(c) = t.u32(brport::COST) {
        ip.p.print_uint(Kind::Any, Some("cost"), "cost %u ", u64::from(c));
    }
    if ip.o.details == 0 {
        return;
    }
    if !ip.p.is_json() {
        let sl = ip.p.sl;
        ip.p.fp(&format!("{sl}    "));
    }
    let u8_of = |a: u16| t.get(a).and_then(|n| n.value.first().copied());
    const ONOFF: &[(u16, &str, &str)] = &[
        (brport::MODE, "hairpin", "hairpin %s "),
        (brport::GUARD, "guard", "guard %s "),
        (brport::PROTECT, "root_block", "root_block %s "),
        (brport::FAST_LEAVE, "fastleave", "fastleave %s "),
        (brport::LEARNING, "learning", "learning %s "),
        (brport::LEARNING_SYNC, "learning_sync", "learning_sync %s "),
        (brport::UNICAST_FLOOD, "flood", "flood %s "),
        (brport::MCAST_FLOOD, "mcast_flood", "mcast_flood %s "),
        (brport::BCAST_FLOOD, "bcast_flood", "bcast_flood %s "),
    ];
    for (attr, key, fmt) in ONOFF {
        if let Some(v) = u8_of(*attr) {
            ip.p.print_on_off(Kind::Any, Some(key), fmt, v != 0);
        }
    }
    if let Some(v) = u8_of(brport::MULTICAST_ROUTER) {
        ip.p.print_uint(Kind::Any, Some("mcast_router"), "mcast_router %u ", u64::from(v));
    }
    const LATER: &[(u16, &str, &str)] = &[
        (brport::MCAST_TO_UCAST, "mcast_to_unicast", "mcast_to_unicast %s "),
        (brport::NEIGH_SUPPRESS, "neigh_suppress", "neigh_suppress %s "),
        (brport::VLAN_TUNNEL, "vlan_tunnel", "vlan_tunnel %s "),
    ];
    for (attr, key, fmt) in LATER {
        if let Some(v) = u8_of(*attr) {
            ip.p.print_on_off(Kind::Any, Some(key), fmt, v != 0);
        }
    }
    if let Some(b) = t.u32(brport::BACKUP_PORT) {
        let n = ip.ll_index_to_name(b);
        ip.p.print_string(Kind::Any, Some("backup_port"), "backup_port %s ", Some(&n));
    }
    for &(attr, key, fmt) in &[(brport::ISOLATED, "isolated", "isolated %s "), (brport::LOCKED, "locked", "locked %s ")] {
        if let Some(v) = u8_of(attr) {
            ip.p.print_on_off(Kind::Any, Some(key), fmt, v != 0);
        }
    }
}
