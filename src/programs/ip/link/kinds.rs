//! Link types (`struct link_util`): how `ip link add ... type KIND ARGS`
//! writes IFLA_INFO_DATA, how `-d` prints it back, and `ip link help KIND`.
//! Covered: veth, bridge, bridge_slave, macvlan, macvtap, dummy, vlan, vxlan
//! (its own module).

use super::super::args::{Args, Exit, Res, get_u16, get_u32, get_u64, matches};
use super::super::ctx::Ip;
use super::super::names::{ll_addr_a2n, ll_addr_n2a, ll_proto_a2n, ll_proto_n2a};
use super::super::nl::{Req, Tb};
use super::super::print::Kind;
use super::super::usage;

/// Parses the words after `type KIND` into the open IFLA_INFO_DATA nest.
/// Returns 0, or non-zero after printing why not.
pub type ParseFn = fn(&mut Ip, &[String], &mut Req) -> Res<i32>;
/// Prints IFLA_INFO_DATA (or SLAVE_DATA) inside the "info_data" object.
pub type PrintFn = fn(&mut Ip, Option<&[u8]>) -> Res<()>;

/// One link type.
pub struct LinkKind {
    /// The IFLA_INFO_KIND string.
    pub id: &'static str,
    /// Option parser, if the type takes options.
    pub parse_opt: Option<ParseFn>,
    /// Detail printer, if the type prints details.
    pub print_opt: Option<PrintFn>,
    /// The text of `ip link help KIND` (standard output).
    pub help: Option<&'static str>,
}

/// The known types.
pub const KINDS: &[LinkKind] = &[
    LinkKind { id: "veth", parse_opt: Some(veth_parse_opt), print_opt: None, help: Some(usage::TYPE_VETH) },
    LinkKind { id: "dummy", parse_opt: None, print_opt: None, help: Some(usage::TYPE_DUMMY) },
    LinkKind { id: "bridge", parse_opt: Some(bridge_parse_opt), print_opt: Some(bridge_print_opt), help: Some(usage::TYPE_BRIDGE) },
    LinkKind {
        id: "bridge_slave",
        parse_opt: Some(bridge_slave_parse_opt),
        print_opt: Some(bridge_slave_print_opt),
        help: Some(usage::TYPE_BRIDGE_SLAVE),
    },
    LinkKind { id: "macvlan", parse_opt: Some(macvlan_parse_opt), print_opt: Some(macvlan_print_opt), help: Some(usage::TYPE_MACVLAN) },
    LinkKind { id: "macvtap", parse_opt: Some(macvlan_parse_opt), print_opt: Some(macvlan_print_opt), help: Some(usage::TYPE_MACVLAN) },
    LinkKind { id: "vlan", parse_opt: Some(vlan_parse_opt), print_opt: Some(vlan_print_opt), help: Some(usage::TYPE_VLAN) },
    LinkKind {
        id: "vxlan",
        parse_opt: Some(super::vxlan::parse_opt),
        print_opt: Some(super::vxlan::print_opt),
        help: Some(usage::TYPE_VXLAN),
    },
];

/// `get_link_kind`.
pub fn find(id: &str) -> Option<&'static LinkKind> {
    KINDS.iter().find(|k| k.id == id)
}

fn help_text_for(id: &str) -> String {
    crate::text::replace(find(id).and_then(|k| k.help).unwrap_or(""), "macvlan", if id == "macvtap" { "macvtap" } else { "macvlan" })
}

// ---- veth ---------------------------------------------------------------

fn veth_parse_opt(ip: &mut Ip, words: &[String], req: &mut Req) -> Res<i32> {
    if words.first().map(String::as_str) != Some("peer") {
        // veth's usage goes to standard output whatever the stream asked.
        ip.p.fp(usage::TYPE_VETH);
        return Ok(-1);
    }
    // The peer's ifinfomsg sits at the start of VETH_INFO_PEER; the peer's
    // words are parsed into the same request with the main header saved.
    let saved: Vec<u8> = req.body()[..16].to_vec();
    let zero_from = |b: &mut [u8]| b[4..16].fill(0);
    zero_from(&mut req.body_mut()[..16]);
    let nest = req.nest(crate::wire::link::veth_info::PEER);
    let peer_at = req.len();
    req.push_raw(&[0u8; 16]);
    let rest = &words[1..];
    let (consumed, ty) = super::iplink_parse(ip, rest, req)?;
    if consumed < 0 {
        return Ok(consumed);
    }
    if ty.is_some() {
        // iproute2 names the word at the peer's count from "peer".
        let bad = words.get(consumed as usize).cloned().unwrap_or_default();
        return Err(ip.duparg("type", &bad));
    }
    // Move index, flags and change from the main header into the peer's.
    let main = req.body()[..16].to_vec();
    req.write_at(peer_at + 4, &main[4..16]);
    crate::wire::put_bytes(req.body_mut(), 4, &saved[4..16]);
    req.nest_end(nest);
    Ok(0)
}

// ---- bridge -------------------------------------------------------------

use crate::wire::link::br;
use crate::wire::link::brport;

/// Width of a numeric option in bytes.
#[derive(Clone, Copy)]
enum W {
    B1,
    B2,
    B4,
    B8,
}

/// `(word, attribute, width)` of the plain numeric bridge options, in the
/// order iproute2 tries them (abbreviations take the first match).
const BRIDGE_NUMS: &[(&str, u16, W)] = &[
    ("forward_delay", br::FORWARD_DELAY, W::B4),
    ("hello_time", br::HELLO_TIME, W::B4),
    ("max_age", br::MAX_AGE, W::B4),
    ("ageing_time", br::AGEING_TIME, W::B4),
    ("stp_state", br::STP_STATE, W::B4),
    ("priority", br::PRIORITY, W::B2),
    ("vlan_filtering", br::VLAN_FILTERING, W::B1),
];

const BRIDGE_NUMS2: &[(&str, u16, W)] = &[
    ("vlan_default_pvid", br::VLAN_DEFAULT_PVID, W::B2),
    ("vlan_stats_enabled", br::VLAN_STATS_ENABLED, W::B1),
    ("vlan_stats_per_port", br::VLAN_STATS_PER_PORT, W::B1),
    ("mcast_router", br::MCAST_ROUTER, W::B1),
    ("mcast_snooping", br::MCAST_SNOOPING, W::B1),
];

const BRIDGE_NUMS3: &[(&str, u16, W)] = &[
    ("mcast_query_use_ifaddr", br::MCAST_QUERY_USE_IFADDR, W::B1),
    ("mcast_querier", br::MCAST_QUERIER, W::B1),
    ("mcast_hash_elasticity", br::MCAST_HASH_ELASTICITY, W::B4),
    ("mcast_hash_max", br::MCAST_HASH_MAX, W::B4),
    ("mcast_last_member_count", br::MCAST_LAST_MEMBER_CNT, W::B4),
    ("mcast_startup_query_count", br::MCAST_STARTUP_QUERY_CNT, W::B4),
    ("mcast_last_member_interval", br::MCAST_LAST_MEMBER_INTVL, W::B8),
    ("mcast_membership_interval", br::MCAST_MEMBERSHIP_INTVL, W::B8),
    ("mcast_querier_interval", br::MCAST_QUERIER_INTVL, W::B8),
    ("mcast_query_interval", br::MCAST_QUERY_INTVL, W::B8),
    ("mcast_query_response_interval", br::MCAST_QUERY_RESPONSE_INTVL, W::B8),
    ("mcast_startup_query_interval", br::MCAST_STARTUP_QUERY_INTVL, W::B8),
    ("mcast_stats_enabled", br::MCAST_STATS_ENABLED, W::B1),
    ("mcast_igmp_version", br::MCAST_IGMP_VERSION, W::B1),
    ("mcast_mld_version", br::MCAST_MLD_VERSION, W::B1),
    ("nf_call_iptables", br::NF_CALL_IPTABLES, W::B1),
    ("nf_call_ip6tables", br::NF_CALL_IP6TABLES, W::B1),
    ("nf_call_arptables", br::NF_CALL_ARPTABLES, W::B1),
];

fn find_num(word: &str, table: &'static [(&str, u16, W)]) -> Option<(&'static str, u16, W)> {
    table.iter().find(|(n, _, _)| matches(word, n)).copied()
}

fn add_num(ip: &mut Ip, req: &mut Req, name: &str, attr: u16, w: W, v: &str) -> Res<()> {
    let bad = |ip: &mut Ip| ip.invarg(&format!("invalid {name}"), v);
    match w {
        W::B1 => match get_u32(v, 0).and_then(|x| u8::try_from(x).ok()) {
            Some(x) => req.addattr8(attr, x),
            None => return Err(bad(ip)),
        },
        W::B2 => match get_u16(v, 0) {
            Some(x) => req.addattr16(attr, x),
            None => return Err(bad(ip)),
        },
        W::B4 => match get_u32(v, 0) {
            Some(x) => req.addattr32(attr, x),
            None => return Err(bad(ip)),
        },
        W::B8 => match get_u64(v, 0) {
            Some(x) => req.addattr_l(attr, &x.to_ne_bytes()),
            None => return Err(bad(ip)),
        },
    }
    Ok(())
}

fn bridge_parse_opt(ip: &mut Ip, words: &[String], req: &mut Req) -> Res<i32> {
    let mut a = Args::new(words);
    let (mut optval, mut optmask) = (0u32, 0u32);
    while let Some(w) = a.peek() {
        if let Some((n, attr, wd)) = find_num(w, BRIDGE_NUMS) {
            let v = ip.next_arg(&mut a)?;
            add_num(ip, req, n, attr, wd, v)?;
        } else if matches(w, "vlan_protocol") {
            let v = ip.next_arg(&mut a)?;
            match ll_proto_a2n(v) {
                Some(p) => req.addattr16(br::VLAN_PROTOCOL, p),
                None => return Err(ip.invarg("invalid vlan_protocol", v)),
            }
        } else if matches(w, "group_fwd_mask") {
            let v = ip.next_arg(&mut a)?;
            add_num(ip, req, "group_fwd_mask", br::GROUP_FWD_MASK, W::B2, v)?;
        } else if matches(w, "group_address") {
            let v = ip.next_arg(&mut a)?;
            match ll_addr_a2n(v, 32) {
                Ok(b) => req.addattr_l(br::GROUP_ADDR, &b),
                Err(e) => {
                    ip.err(&e);
                    return Ok(-1);
                }
            }
        } else if w == "no_linklocal_learn" || w == "mcast_vlan_snooping" {
            let v = ip.next_arg(&mut a)?;
            let Some(x) = get_u32(v, 0).and_then(|x| u8::try_from(x).ok()) else {
                return Err(ip.invarg(&format!("invalid {w}"), v));
            };
            let bit = if w == "no_linklocal_learn" { 1 } else { 2 };
            optmask |= bit;
            if x != 0 {
                optval |= bit;
            } else {
                optval &= !bit;
            }
        } else if matches(w, "fdb_flush") {
            req.addattr_l(br::FDB_FLUSH, &[]);
        } else if let Some((n, attr, wd)) = find_num(w, BRIDGE_NUMS2) {
            let v = ip.next_arg(&mut a)?;
            add_num(ip, req, n, attr, wd, v)?;
        } else if let Some((n, attr, wd)) = find_num(w, BRIDGE_NUMS3) {
            let v = ip.next_arg(&mut a)?;
            add_num(ip, req, n, attr, wd, v)?;
        } else if matches(w, "help") {
            ip.err(&help_text_for("bridge"));
            return Ok(-1);
        } else {
            ip.err(&format!("bridge: unknown command \"{w}\"?\n"));
            ip.err(&help_text_for("bridge"));
            return Ok(-1);
        }
        a.advance();
    }
    if optmask != 0 {
        let mut b = optval.to_ne_bytes().to_vec();
        b.extend_from_slice(&optmask.to_ne_bytes());
        req.addattr_l(br::MULTI_BOOLOPT, &b);
    }
    Ok(0)
}

/// `br_dump_bridge_id`: "8000.2:0:0:0:0:1" (priority, then the address
/// with `%x` bytes).
fn bridge_id(b: &[u8]) -> String {
    if b.len() < 8 {
        return String::new();
    }
    let mac: Vec<String> = b[2..8].iter().map(|x| format!("{x:x}")).collect();
    format!("{:02x}{:02x}.{}", b[0], b[1], mac.join(":"))
}

/// `_bridge_print_timer`: seconds with two decimals from hundredths.
fn print_timer(ip: &mut Ip, name: &str, jiffies: u64) {
    // __jiffies_to_tv with USER_HZ 100.
    let secs = jiffies / 100;
    let centis = jiffies % 100;
    if ip.p.is_json() {
        ip.p.json_name(name);
        ip.p.json_raw(&format!("{}.{:02}", secs as i32, centis));
    } else {
        ip.p.fp(&format!("{} {:>4}.{:02} ", name, secs as i32, centis));
    }
}

/// An unsigned attribute of `width` bytes (1, 2, 4 or 8).
fn uint_of(t: &Tb, attr: u16, width: u8) -> Option<u64> {
    match width {
        1 => t.u8(attr).map(u64::from),
        2 => t.u16(attr).map(u64::from),
        4 => t.u32(attr).map(u64::from),
        _ => t.u64(attr),
    }
}

/// `print_uint` for each attribute present: (attribute, width, JSON key,
/// format).
fn print_uints(ip: &mut Ip, t: &Tb, rows: &[(u16, u8, &str, &str)]) {
    for &(a, w, k, f) in rows {
        if let Some(v) = uint_of(t, a, w) {
            ip.p.print_uint(Kind::Any, Some(k), f, v);
        }
    }
}

/// `print_on_off` for each one-byte attribute present: (attribute, JSON
/// key, format).
fn print_on_offs(ip: &mut Ip, t: &Tb, rows: &[(u16, &str, &str)]) {
    for &(a, k, f) in rows {
        if let Some(v) = t.u8(a) {
            ip.p.print_on_off(Kind::Any, Some(k), f, v != 0);
        }
    }
}

fn bridge_print_opt(ip: &mut Ip, data: Option<&[u8]>) -> Res<()> {
    let Some(data) = data else { return Ok(()) };
    let t = Tb::parse(data, br::MAX);
    print_uints(
        ip,
        &t,
        &[
            (br::FORWARD_DELAY, 4, "forward_delay", "forward_delay %u "),
            (br::HELLO_TIME, 4, "hello_time", "hello_time %u "),
            (br::MAX_AGE, 4, "max_age", "max_age %u "),
            (br::AGEING_TIME, 4, "ageing_time", "ageing_time %u "),
            (br::STP_STATE, 4, "stp_state", "stp_state %u "),
            (br::PRIORITY, 2, "priority", "priority %u "),
            (br::VLAN_FILTERING, 1, "vlan_filtering", "vlan_filtering %u "),
        ],
    );
    if let Some(v) = t.u16(br::VLAN_PROTOCOL) {
        let s = ll_proto_n2a(v, ip.o.numeric > 0);
        ip.p.print_string(Kind::Any, Some("vlan_protocol"), "vlan_protocol %s ", Some(&s));
    }
    if let Some(v) = t.get(br::BRIDGE_ID) {
        let s = bridge_id(v.value);
        ip.p.print_string(Kind::Any, Some("bridge_id"), "bridge_id %s ", Some(&s));
    }
    if t.has(br::ROOT_ID) {
        // iproute2 6.1 prints the bridge id here (a known slip).
        let s = t.get(br::BRIDGE_ID).map(|v| bridge_id(v.value)).unwrap_or_default();
        ip.p.print_string(Kind::Any, Some("root_id"), "designated_root %s ", Some(&s));
    }
    print_uints(
        ip,
        &t,
        &[
            (br::ROOT_PORT, 2, "root_port", "root_port %u "),
            (br::ROOT_PATH_COST, 4, "root_path_cost", "root_path_cost %u "),
            (br::TOPOLOGY_CHANGE, 1, "topology_change", "topology_change %u "),
            (br::TOPOLOGY_CHANGE_DETECTED, 1, "topology_change_detected", "topology_change_detected %u "),
        ],
    );
    for &(a, n) in &[
        (br::HELLO_TIMER, "hello_timer"),
        (br::TCN_TIMER, "tcn_timer"),
        (br::TOPOLOGY_CHANGE_TIMER, "topology_change_timer"),
        (br::GC_TIMER, "gc_timer"),
    ] {
        if let Some(v) = t.u64(a) {
            print_timer(ip, n, v);
        }
    }
    print_uints(
        ip,
        &t,
        &[
            (br::VLAN_DEFAULT_PVID, 2, "vlan_default_pvid", "vlan_default_pvid %u "),
            (br::VLAN_STATS_ENABLED, 1, "vlan_stats_enabled", "vlan_stats_enabled %u "),
            (br::VLAN_STATS_PER_PORT, 1, "vlan_stats_per_port", "vlan_stats_per_port %u "),
        ],
    );
    if let Some(v) = t.u16(br::GROUP_FWD_MASK) {
        ip.p.print_0xhex(Kind::Any, Some("group_fwd_mask"), "group_fwd_mask %#llx ", u64::from(v));
    }
    if let Some(v) = t.get(br::GROUP_ADDR) {
        let s = ll_addr_n2a(v.value, 1);
        ip.p.print_string(Kind::Any, Some("group_addr"), "group_address %s ", Some(&s));
    }
    print_uints(ip, &t, &[(br::MCAST_SNOOPING, 1, "mcast_snooping", "mcast_snooping %u ")]);
    if let Some(bm) = t.get(br::MULTI_BOOLOPT) {
        let val = crate::wire::get_u32(bm.value, 0).unwrap_or(0);
        let mask = crate::wire::get_u32(bm.value, 4).unwrap_or(0);
        for (bit, key, fmt) in [(1, "no_linklocal_learn", "no_linklocal_learn %u "), (2, "mcast_vlan_snooping", "mcast_vlan_snooping %u ")]
        {
            if mask & bit != 0 {
                ip.p.print_uint(Kind::Any, Some(key), fmt, u64::from(val & bit != 0));
            }
        }
    }
    print_uints(
        ip,
        &t,
        &[
            (br::MCAST_ROUTER, 1, "mcast_router", "mcast_router %u "),
            (br::MCAST_QUERY_USE_IFADDR, 1, "mcast_query_use_ifaddr", "mcast_query_use_ifaddr %u "),
            (br::MCAST_QUERIER, 1, "mcast_querier", "mcast_querier %u "),
            (br::MCAST_HASH_ELASTICITY, 4, "mcast_hash_elasticity", "mcast_hash_elasticity %u "),
            (br::MCAST_HASH_MAX, 4, "mcast_hash_max", "mcast_hash_max %u "),
            (br::MCAST_LAST_MEMBER_CNT, 4, "mcast_last_member_cnt", "mcast_last_member_count %u "),
            (br::MCAST_STARTUP_QUERY_CNT, 4, "mcast_startup_query_cnt", "mcast_startup_query_count %u "),
            (br::MCAST_LAST_MEMBER_INTVL, 8, "mcast_last_member_intvl", "mcast_last_member_interval %llu "),
            (br::MCAST_MEMBERSHIP_INTVL, 8, "mcast_membership_intvl", "mcast_membership_interval %llu "),
            (br::MCAST_QUERIER_INTVL, 8, "mcast_querier_intvl", "mcast_querier_interval %llu "),
            (br::MCAST_QUERY_INTVL, 8, "mcast_query_intvl", "mcast_query_interval %llu "),
            (br::MCAST_QUERY_RESPONSE_INTVL, 8, "mcast_query_response_intvl", "mcast_query_response_interval %llu "),
            (br::MCAST_STARTUP_QUERY_INTVL, 8, "mcast_startup_query_intvl", "mcast_startup_query_interval %llu "),
            (br::MCAST_STATS_ENABLED, 1, "mcast_stats_enabled", "mcast_stats_enabled %u "),
            (br::MCAST_IGMP_VERSION, 1, "mcast_igmp_version", "mcast_igmp_version %u "),
            (br::MCAST_MLD_VERSION, 1, "mcast_mld_version", "mcast_mld_version %u "),
            (br::NF_CALL_IPTABLES, 1, "nf_call_iptables", "nf_call_iptables %u "),
            (br::NF_CALL_IP6TABLES, 1, "nf_call_ip6tables", "nf_call_ip6tables %u "),
            (br::NF_CALL_ARPTABLES, 1, "nf_call_arptables", "nf_call_arptables %u "),
        ],
    );
    Ok(())
}

// ---- bridge_slave -------------------------------------------------------

/// On/off options of bridge ports, in iproute2's matching order.
const BRPORT_ONOFF: &[(&str, u16)] = &[
    ("hairpin", brport::MODE),
    ("guard", brport::GUARD),
    ("root_block", brport::PROTECT),
    ("fastleave", brport::FAST_LEAVE),
    ("learning", brport::LEARNING),
    ("flood", brport::UNICAST_FLOOD),
    ("mcast_flood", brport::MCAST_FLOOD),
    ("bcast_flood", brport::BCAST_FLOOD),
    ("mcast_to_unicast", brport::MCAST_TO_UCAST),
    ("proxy_arp", brport::PROXYARP),
    ("proxy_arp_wifi", brport::PROXYARP_WIFI),
];

const BRPORT_ONOFF2: &[(&str, u16)] = &[("mcast_fast_leave", brport::FAST_LEAVE), ("neigh_suppress", brport::NEIGH_SUPPRESS)];

const BRPORT_ONOFF3: &[(&str, u16)] = &[("vlan_tunnel", brport::VLAN_TUNNEL), ("isolated", brport::ISOLATED), ("locked", brport::LOCKED)];

/// `parse_on_off`: "on"/"off" by abbreviation; Err after printing.
#[allow(clippy::result_unit_err)] // the error is printed; callers only stop
pub fn parse_on_off(ip: &mut Ip, msg: &str, val: &str) -> Result<bool, ()> {
    if matches(val, "off") {
        return Ok(false);
    }
    if matches(val, "on") {
        return Ok(true);
    }
    ip.err(&format!("Error: argument of \"{msg}\" must be one of \"off\", \"on\", not \"{val}\"\n"));
    Err(())
}

fn bridge_slave_parse_opt(ip: &mut Ip, words: &[String], req: &mut Req) -> Res<i32> {
    let mut a = Args::new(words);
    let onoff = |ip: &mut Ip, a: &mut Args, req: &mut Req, name: &str, attr: u16| -> Res<()> {
        let v = ip.next_arg(a)?;
        match parse_on_off(ip, name, v) {
            Ok(b) => {
                req.addattr8(attr, u8::from(b));
                Ok(())
            }
            Err(()) => Err(Exit(1)),
        }
    };
    while let Some(w) = a.peek() {
        if matches(w, "fdb_flush") {
            req.addattr_l(brport::FLUSH, &[]);
        } else if matches(w, "state") {
            let v = ip.next_arg(&mut a)?;
            match get_u32(v, 0).and_then(|x| u8::try_from(x).ok()) {
                Some(x) => req.addattr8(brport::STATE, x),
                None => return Err(ip.invarg("state is invalid", v)),
            }
        } else if matches(w, "priority") {
            let v = ip.next_arg(&mut a)?;
            match get_u16(v, 0) {
                Some(x) => req.addattr16(brport::PRIORITY, x),
                None => return Err(ip.invarg("priority is invalid", v)),
            }
        } else if matches(w, "cost") {
            let v = ip.next_arg(&mut a)?;
            match get_u32(v, 0) {
                Some(x) => req.addattr32(brport::COST, x),
                None => return Err(ip.invarg("cost is invalid", v)),
            }
        } else if let Some((n, attr)) = BRPORT_ONOFF.iter().find(|(n, _)| matches(w, n)) {
            onoff(ip, &mut a, req, n, *attr)?;
        } else if matches(w, "mcast_router") {
            let v = ip.next_arg(&mut a)?;
            match get_u32(v, 0).and_then(|x| u8::try_from(x).ok()) {
                Some(x) => req.addattr8(brport::MULTICAST_ROUTER, x),
                None => return Err(ip.invarg("invalid mcast_router", v)),
            }
        } else if let Some((n, attr)) = BRPORT_ONOFF2.iter().find(|(n, _)| matches(w, n)) {
            onoff(ip, &mut a, req, n, *attr)?;
        } else if matches(w, "group_fwd_mask") {
            let v = ip.next_arg(&mut a)?;
            match get_u16(v, 0) {
                Some(x) => req.addattr16(brport::GROUP_FWD_MASK, x),
                None => return Err(ip.invarg("invalid group_fwd_mask", v)),
            }
        } else if let Some((n, attr)) = BRPORT_ONOFF3.iter().find(|(n, _)| matches(w, n)) {
            onoff(ip, &mut a, req, n, *attr)?;
        } else if matches(w, "backup_port") {
            let v = ip.next_arg(&mut a)?;
            let idx = ip.ll_name_to_index(v);
            if idx == 0 {
                return Err(ip.invarg("Device does not exist\n", v));
            }
            req.addattr32(brport::BACKUP_PORT, idx);
        } else if matches(w, "nobackup_port") {
            req.addattr32(brport::BACKUP_PORT, 0);
        } else if matches(w, "help") {
            ip.err(usage::TYPE_BRIDGE_SLAVE);
            return Ok(-1);
        } else {
            ip.err(&format!("bridge_slave: unknown option \"{w}\"?\n"));
            ip.err(usage::TYPE_BRIDGE_SLAVE);
            return Ok(-1);
        }
        a.advance();
    }
    Ok(0)
}

fn bridge_slave_print_opt(ip: &mut Ip, data: Option<&[u8]>) -> Res<()> {
    let Some(data) = data else { return Ok(()) };
    let t = Tb::parse(data, brport::MAX);
    if let Some(st) = t.u8(brport::STATE) {
        const STATES: [&str; 5] = ["disabled", "listening", "learning", "forwarding", "blocking"];
        match STATES.get(usize::from(st)) {
            Some(s) => ip.p.print_string(Kind::Any, Some("state"), "state %s ", Some(s)),
            None => ip.p.print_int(Kind::Any, Some("state_index"), "state (%d) ", i64::from(st)),
        }
    }
    if let Some(v) = t.u16(brport::PRIORITY) {
        ip.p.print_int(Kind::Any, Some("priority"), "priority %d ", i64::from(v));
    }
    if let Some(v) = t.u32(brport::COST) {
        ip.p.print_int(Kind::Any, Some("cost"), "cost %d ", i64::from(v as i32));
    }
    print_on_offs(
        ip,
        &t,
        &[
            (brport::MODE, "hairpin", "hairpin %s "),
            (brport::GUARD, "guard", "guard %s "),
            (brport::PROTECT, "root_block", "root_block %s "),
            (brport::FAST_LEAVE, "fastleave", "fastleave %s "),
            (brport::LEARNING, "learning", "learning %s "),
            (brport::UNICAST_FLOOD, "flood", "flood %s "),
        ],
    );
    if let Some(v) = t.u16(brport::ID) {
        ip.p.print_0xhex(Kind::Any, Some("id"), "port_id %#llx ", u64::from(v));
    }
    if let Some(v) = t.u16(brport::NO) {
        ip.p.print_0xhex(Kind::Any, Some("no"), "port_no %#llx ", u64::from(v));
    }
    print_uints(
        ip,
        &t,
        &[
            (brport::DESIGNATED_PORT, 2, "designated_port", "designated_port %u "),
            (brport::DESIGNATED_COST, 2, "designated_cost", "designated_cost %u "),
        ],
    );
    if let Some(v) = t.get(brport::BRIDGE_ID) {
        let s = bridge_id(v.value);
        ip.p.print_string(Kind::Any, Some("bridge_id"), "designated_bridge %s ", Some(&s));
    }
    if let Some(v) = t.get(brport::ROOT_ID) {
        let s = bridge_id(v.value);
        ip.p.print_string(Kind::Any, Some("root_id"), "designated_root %s ", Some(&s));
    }
    for &(a, n) in &[
        (brport::HOLD_TIMER, "hold_timer"),
        (brport::MESSAGE_AGE_TIMER, "message_age_timer"),
        (brport::FORWARD_DELAY_TIMER, "forward_delay_timer"),
    ] {
        if let Some(v) = t.u64(a) {
            print_timer(ip, n, v);
        }
    }
    print_uints(
        ip,
        &t,
        &[
            (brport::TOPOLOGY_CHANGE_ACK, 1, "topology_change_ack", "topology_change_ack %u "),
            (brport::CONFIG_PENDING, 1, "config_pending", "config_pending %u "),
        ],
    );
    print_on_offs(
        ip,
        &t,
        &[(brport::PROXYARP, "proxy_arp", "proxy_arp %s "), (brport::PROXYARP_WIFI, "proxy_arp_wifi", "proxy_arp_wifi %s ")],
    );
    print_uints(ip, &t, &[(brport::MULTICAST_ROUTER, 1, "multicast_router", "mcast_router %u ")]);
    if let Some(v) = t.u8(brport::FAST_LEAVE) {
        let s = if v != 0 { "on" } else { "off" };
        ip.p.print_string(Kind::Fp, None, "mcast_fast_leave %s ", Some(s));
    }
    print_on_offs(
        ip,
        &t,
        &[
            (brport::MCAST_FLOOD, "mcast_flood", "mcast_flood %s "),
            (brport::BCAST_FLOOD, "bcast_flood", "bcast_flood %s "),
            (brport::MCAST_TO_UCAST, "mcast_to_unicast", "mcast_to_unicast %s "),
            (brport::NEIGH_SUPPRESS, "neigh_suppress", "neigh_suppress %s "),
        ],
    );
    if let Some(mask) = t.u16(brport::GROUP_FWD_MASK) {
        ip.p.print_0xhex(Kind::Any, Some("group_fwd_mask"), "group_fwd_mask %#llx ", u64::from(mask));
        let s = fwd_mask_str(mask);
        ip.p.print_string(Kind::Any, Some("group_fwd_mask_str"), "group_fwd_mask_str %s ", Some(&s));
    }
    print_on_offs(
        ip,
        &t,
        &[
            (brport::VLAN_TUNNEL, "vlan_tunnel", "vlan_tunnel %s "),
            (brport::ISOLATED, "isolated", "isolated %s "),
            (brport::LOCKED, "locked", "locked %s "),
        ],
    );
    if let Some(v) = t.u32(brport::BACKUP_PORT) {
        let n = ip.ll_index_to_name(v);
        ip.p.print_string(Kind::Any, Some("backup_port"), "backup_port %s ", Some(&n));
    }
    Ok(())
}

/// `_bitmask2str` over the forwarding-mask names.
fn fwd_mask_str(mask: u16) -> String {
    if mask == 0 {
        return "0x0".to_string();
    }
    let mut parts = Vec::new();
    for i in 0..16 {
        if mask & (1 << i) == 0 {
            continue;
        }
        match i {
            0 => parts.push("stp".to_string()),
            2 => parts.push("lacp".to_string()),
            14 => parts.push("lldp".to_string()),
            _ => parts.push(format!("0x{:x}", 1u32 << i)),
        }
    }
    parts.join(",")
}

// ---- macvlan / macvtap --------------------------------------------------

use crate::wire::link::{macvlan, macvlan_flag, macvlan_mode};

fn macvlan_parse_opt(ip: &mut Ip, words: &[String], req: &mut Req) -> Res<i32> {
    // The type name is the kind being created; find it in the request.
    let id = current_kind(req).unwrap_or_else(|| "macvlan".to_string());
    let explain = help_text_for(&id);
    let mut a = Args::new(words);
    let mut mode = 0u32;
    let mut flags = 0u16;
    let mut has_flags = false;
    while let Some(w) = a.peek() {
        if matches(w, "mode") {
            let v = ip.next_arg(&mut a)?;
            mode = match v {
                "private" => macvlan_mode::PRIVATE,
                "vepa" => macvlan_mode::VEPA,
                "bridge" => macvlan_mode::BRIDGE,
                "passthru" => macvlan_mode::PASSTHRU,
                "source" => macvlan_mode::SOURCE,
                _ => {
                    ip.err(&format!(
                        "Error: argument of \"mode\" must be \"private\", \"vepa\", \"bridge\", \"passthru\" or \"source\", not \"{v}\"\n"
                    ));
                    return Ok(-1);
                }
            };
        } else if matches(w, "flag") {
            let v = ip.next_arg(&mut a)?;
            match v {
                "nopromisc" => flags |= macvlan_flag::NOPROMISC,
                "nodst" => flags |= macvlan_flag::NODST,
                "null" => {}
                _ => {
                    ip.err(&format!("Error: argument of \"flag\" must be \"nopromisc\", \"nodst\" or \"null\", not \"{v}\"\n"));
                    return Ok(-1);
                }
            }
            has_flags = true;
        } else if matches(w, "macaddr") {
            let v = ip.next_arg(&mut a)?;
            let mac_mode = match v {
                "add" => 0u32,
                "del" => 1,
                "flush" => 2,
                "set" => 3,
                _ => {
                    ip.err(&explain);
                    return Ok(-1);
                }
            };
            req.addattr32(macvlan::MACADDR_MODE, mac_mode);
            if mac_mode == 0 || mac_mode == 1 {
                let m = ip.next_arg(&mut a)?;
                match ll_addr_a2n(m, 6) {
                    Ok(b) if b.len() == 6 => req.addattr_l(macvlan::MACADDR, &b),
                    Ok(_) => return Ok(-1),
                    Err(e) => {
                        ip.err(&e);
                        return Ok(-1);
                    }
                }
            }
            if mac_mode == 3 {
                let n = req.nest(macvlan::MACADDR_DATA);
                while let Some(m) = a.peek_next() {
                    match ll_addr_a2n(m, 6) {
                        Ok(b) if b.len() == 6 => {
                            a.advance();
                            req.addattr_l(macvlan::MACADDR, &b);
                        }
                        Err(e) => {
                            ip.err(&e);
                            break;
                        }
                        Ok(_) => break,
                    }
                }
                req.nest_end(n);
            }
        } else if matches(w, "nopromisc") {
            flags |= macvlan_flag::NOPROMISC;
            has_flags = true;
        } else if matches(w, "nodst") {
            flags |= macvlan_flag::NODST;
            has_flags = true;
        } else if matches(w, "bcqueuelen") {
            let v = ip.next_arg(&mut a)?;
            match get_u32(v, 0) {
                Some(x) => req.addattr32(macvlan::BC_QUEUE_LEN, x),
                None => {
                    ip.err(&format!("Error: argument of \"bcqueuelen\" must be a positive integer [0-4294967295], not \"{v}\"\n"));
                    return Ok(-1);
                }
            }
        } else if matches(w, "help") {
            ip.err(&explain);
            return Ok(-1);
        } else {
            ip.err(&format!("{id}: unknown option \"{w}\"?\n"));
            ip.err(&explain);
            return Ok(-1);
        }
        a.advance();
    }
    if mode != 0 {
        req.addattr32(macvlan::MODE, mode);
    }
    if has_flags {
        if flags & macvlan_flag::NOPROMISC != 0 && mode != macvlan_mode::PASSTHRU {
            ip.err(&format!("{id}: nopromisc flag only valid in passthru mode\n"));
            ip.err(&explain);
            return Ok(-1);
        }
        req.addattr16(macvlan::FLAGS, flags);
    }
    Ok(0)
}

/// The IFLA_INFO_KIND already written into a request.
fn current_kind(req: &Req) -> Option<String> {
    let body = req.body();
    let attrs = body.get(16..)?;
    let li = crate::wire::NlaIter::new(attrs).flatten().filter(|n| n.kind == crate::wire::link::ifla::LINKINFO).last()?;
    let k = crate::wire::NlaIter::new(li.value).flatten().find(|n| n.kind == crate::wire::link::info::KIND)?;
    Some(crate::text::lossy(k.value).trim_end_matches('\0').to_string())
}

fn macvlan_print_opt(ip: &mut Ip, data: Option<&[u8]>) -> Res<()> {
    let Some(data) = data else { return Ok(()) };
    let t = Tb::parse(data, macvlan::MAX);
    let Some(mode) = t.get(macvlan::MODE).filter(|n| n.value.len() >= 4).and_then(|n| n.u32().ok()) else {
        return Ok(());
    };
    let name = match mode {
        macvlan_mode::PRIVATE => "private",
        macvlan_mode::VEPA => "vepa",
        macvlan_mode::BRIDGE => "bridge",
        macvlan_mode::PASSTHRU => "passthru",
        macvlan_mode::SOURCE => "source",
        _ => "unknown",
    };
    ip.p.print_string(Kind::Any, Some("mode"), "mode %s ", Some(name));
    let flags = t.get(macvlan::FLAGS).filter(|n| n.value.len() >= 2).and_then(|n| n.u16().ok()).unwrap_or(0);
    if flags & macvlan_flag::NOPROMISC != 0 {
        ip.p.print_bool(Kind::Any, Some("nopromisc"), "nopromisc ", true);
    }
    if flags & macvlan_flag::NODST != 0 {
        ip.p.print_bool(Kind::Any, Some("nodst"), "nodst ", true);
    }
    if let Some(v) = t.get(macvlan::BC_QUEUE_LEN).filter(|n| n.value.len() >= 4).and_then(|n| n.u32().ok()) {
        ip.p.print_uint(Kind::Any, Some("bcqueuelen"), "bcqueuelen %lu ", u64::from(v));
    }
    if let Some(v) = t.get(macvlan::BC_QUEUE_LEN_USED).filter(|n| n.value.len() >= 4).and_then(|n| n.u32().ok()) {
        ip.p.print_uint(Kind::Any, Some("usedbcqueuelen"), "usedbcqueuelen %lu ", u64::from(v));
    }
    if mode != macvlan_mode::SOURCE {
        return Ok(());
    }
    let Some(count) = t.get(macvlan::MACADDR_COUNT).filter(|n| n.value.len() >= 4).and_then(|n| n.u32().ok()) else {
        return Ok(());
    };
    ip.p.print_int(Kind::Any, Some("macaddr_count"), "remotes (%d) ", i64::from(count as i32));
    let Some(list) = t.get(macvlan::MACADDR_DATA) else { return Ok(()) };
    ip.p.open_json_array(Kind::Json, Some("macaddr_data"));
    for n in crate::wire::NlaIter::new(list.value).flatten() {
        if n.kind != macvlan::MACADDR || n.value.len() < 6 {
            continue;
        }
        let s = ll_addr_n2a(&n.value[..6], 1);
        if ip.p.is_json() {
            ip.p.print_string(Kind::Json, None, "", Some(&s));
        } else {
            ip.p.fp(&format!("{s} "));
        }
    }
    ip.p.close_json_array(Kind::Json, None);
    Ok(())
}

// ---- vlan ---------------------------------------------------------------

use crate::wire::link::{vlan, vlan_qos};

const VLAN_FLAGS: &[(&str, u32, &str)] = &[
    ("reorder_hdr", 0x1, "REORDER_HDR"),
    ("gvrp", 0x2, "GVRP"),
    ("loose_binding", 0x4, "LOOSE_BINDING"),
    ("mvrp", 0x8, "MVRP"),
    ("bridge_binding", 0x10, "BRIDGE_BINDING"),
];

fn vlan_parse_opt(ip: &mut Ip, words: &[String], req: &mut Req) -> Res<i32> {
    let mut a = Args::new(words);
    let (mut fl, mut mask) = (0u32, 0u32);
    // iproute2 tests the flag words in this order.
    let order: &[&str] = &["reorder_hdr", "gvrp", "mvrp", "loose_binding", "bridge_binding"];
    while let Some(w) = a.peek() {
        if matches(w, "protocol") {
            let v = ip.next_arg(&mut a)?;
            match ll_proto_a2n(v) {
                Some(p) => req.addattr_l(vlan::PROTOCOL, &p.to_ne_bytes()),
                None => return Err(ip.invarg("protocol is invalid", v)),
            }
        } else if matches(w, "id") {
            let v = ip.next_arg(&mut a)?;
            match get_u16(v, 0) {
                Some(id) => req.addattr_l(vlan::ID, &id.to_ne_bytes()),
                None => return Err(ip.invarg("id is invalid", v)),
            }
        } else if let Some(name) = order.iter().find(|n| matches(w, n)) {
            let bit = VLAN_FLAGS.iter().find(|(n, _, _)| n == name).map(|f| f.1).unwrap_or(0);
            let v = ip.next_arg(&mut a)?;
            mask |= bit;
            match v {
                "on" => fl |= bit,
                "off" => fl &= !bit,
                _ => {
                    ip.err(&format!("Error: argument of \"{name}\" must be \"on\" or \"off\", not \"{v}\"\n"));
                    return Ok(-1);
                }
            }
        } else if matches(w, "ingress-qos-map") || matches(w, "egress-qos-map") {
            let attr = if matches(w, "ingress-qos-map") { vlan::INGRESS_QOS } else { vlan::EGRESS_QOS };
            let n = req.nest(attr);
            let mut any = false;
            while let Some(m) = a.peek_next() {
                let Some((f, t)) = m.split_once(':') else { break };
                let (Some(f), Some(t)) = (get_u32(f, 0), get_u32(t, 0)) else { break };
                let mut b = f.to_ne_bytes().to_vec();
                b.extend_from_slice(&t.to_ne_bytes());
                req.addattr_l(vlan_qos::MAPPING, &b);
                a.advance();
                any = true;
            }
            req.nest_end(n);
            if !any {
                let bad = a.peek_next().unwrap_or("").to_string();
                let what = if attr == vlan::INGRESS_QOS { "invalid ingress-qos-map" } else { "invalid egress-qos-map" };
                return Err(ip.invarg(what, &bad));
            }
        } else if matches(w, "help") {
            ip.err(usage::TYPE_VLAN);
            return Ok(-1);
        } else {
            ip.err(&format!("vlan: unknown command \"{w}\"?\n"));
            ip.err(usage::TYPE_VLAN);
            return Ok(-1);
        }
        a.advance();
    }
    if mask != 0 {
        let mut b = fl.to_ne_bytes().to_vec();
        b.extend_from_slice(&mask.to_ne_bytes());
        req.addattr_l(vlan::FLAGS, &b);
    }
    Ok(0)
}

fn vlan_print_opt(ip: &mut Ip, data: Option<&[u8]>) -> Res<()> {
    let Some(data) = data else { return Ok(()) };
    let t = Tb::parse(data, 6);
    if t.get(vlan::PROTOCOL).is_some_and(|n| n.value.len() < 2) {
        return Ok(());
    }
    let Some(id) = t.get(vlan::ID).filter(|n| n.value.len() >= 2).and_then(|n| n.u16().ok()) else {
        return Ok(());
    };
    let proto = match t.u16(vlan::PROTOCOL) {
        Some(p) => ll_proto_n2a(p, ip.o.numeric > 0),
        None => "802.1q".to_string(),
    };
    ip.p.print_string(Kind::Any, Some("protocol"), "protocol %s ", Some(&proto));
    ip.p.print_uint(Kind::Any, Some("id"), "id %u ", u64::from(id));
    if let Some(f) = t.get(vlan::FLAGS) {
        if f.value.len() < 8 {
            return Ok(());
        }
        let mut flags = crate::wire::get_u32(f.value, 0).unwrap_or(0);
        let open = if ip.p.is_json() { "flags" } else { "<" };
        ip.p.open_json_array(Kind::Any, Some(open));
        for &bit in &[0x1u32, 0x2, 0x8, 0x4, 0x10] {
            if flags & bit != 0 {
                flags &= !bit;
                let name = VLAN_FLAGS.iter().find(|f| f.1 == bit).map(|f| f.2).unwrap_or("");
                ip.p.print_string(Kind::Any, None, if flags != 0 { "%s," } else { "%s" }, Some(name));
            }
        }
        if flags != 0 {
            ip.p.print_hex(Kind::Any, None, "%x", flags);
        }
        ip.p.close_json_array(Kind::Any, Some("> "));
    }
    for &(attr, json, fp) in &[(vlan::INGRESS_QOS, "ingress_qos", "ingress-qos-map"), (vlan::EGRESS_QOS, "egress_qos", "egress-qos-map")] {
        let Some(m) = t.get(attr) else { continue };
        ip.p.open_json_array(Kind::Json, Some(json));
        ip.p.print_nl();
        ip.p.print_string(Kind::Fp, None, &format!("      {fp} {{ "), None);
        for n in crate::wire::NlaIter::new(m.value).flatten() {
            let from = crate::wire::get_u32(n.value, 0).unwrap_or(0);
            let to = crate::wire::get_u32(n.value, 4).unwrap_or(0);
            if ip.p.is_json() {
                ip.p.open_json_object(None);
                ip.p.print_uint(Kind::Json, Some("from"), "", u64::from(from));
                ip.p.print_uint(Kind::Json, Some("to"), "", u64::from(to));
                ip.p.close_json_object();
            } else {
                ip.p.fp(&format!("{from}:{to} "));
            }
        }
        ip.p.close_json_array(Kind::Json, None);
        ip.p.print_string(Kind::Fp, None, "%s ", Some("}"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bridge_ids_and_masks() {
        assert_eq!(bridge_id(&[0x80, 0, 2, 0, 0, 0, 0, 1]), "8000.2:0:0:0:0:1");
        assert_eq!(fwd_mask_str(0), "0x0");
        assert_eq!(fwd_mask_str(0x4001), "stp,lldp");
    }

    #[test]
    fn every_kind_is_findable() {
        for k in KINDS {
            assert!(find(k.id).is_some());
        }
        assert!(find("frob").is_none());
    }
}
