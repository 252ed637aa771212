//! rtnetlink (NETLINK_ROUTE): the fixed header of each message family
//! (`ifinfomsg`, `rtmsg`, ...), its fields' names and the names of the
//! values they hold.

use super::{IFLA_STATS, LINK, Message, NDTA, Space, Value, attrs, bits, field, name_at};
use crate::text::Names;
use crate::wire::header::HEADER_LEN;
use crate::wire::link;
use crate::wire::{align4, get_u16, get_u32};

/// The message-type class rtnetlink numbers by `kind & 3`: NEW, DEL, GET, SET.
pub(super) fn class(kind: u16) -> super::Class {
    match kind & 3 {
        0 => super::Class::New,
        1 => super::Class::Del,
        2 => super::Class::Get,
        _ => super::Class::Other,
    }
}

/// `RTM_NEWLINK`, ... for an rtnetlink message type.
pub(super) fn type_name(kind: u16) -> Option<&'static str> {
    crate::wire::rtm_types::RTM_NAMES.iter().find(|(n, _)| *n == kind).map(|(_, name)| *name)
}

/// The fixed header of a family: (name, length).
fn fixed_header(kind: u16) -> Option<(&'static str, usize, Space)> {
    Some(match kind {
        16..=19 => ("ifinfomsg", 16, LINK),
        20..=23 => ("ifaddrmsg", 8, &crate::wire::addr::ifa::SPACE),
        24..=27 => ("rtmsg", 12, &crate::wire::route::rta::SPACE),
        28..=31 => ("ndmsg", 12, &crate::wire::neigh::nda::SPACE),
        32..=35 => ("fib_rule_hdr", 12, &crate::wire::rule::fra::SPACE),
        64..=67 => ("ndtmsg", 4, &NDTA),
        80..=83 => ("netconfmsg", 4, &crate::wire::netconf::netconfa::SPACE),
        88..=91 => ("rtgenmsg", 4, &crate::wire::nsid::netnsa::SPACE),
        92..=95 => ("if_stats_msg", 12, &IFLA_STATS),
        104..=107 | 116..=119 => ("nhmsg", 8, &crate::wire::nexthop::nha::SPACE),
        108..=111 => ("ifinfomsg", 16, LINK),
        _ => return None,
    })
}

/// Decodes an rtnetlink message's fixed header and attributes.
pub(super) fn decode_family(msg: &mut Message, kind: u16, payload: &[u8]) {
    let Some((name, len, space)) = fixed_header(kind) else {
        if !payload.is_empty() {
            msg.problem = Some(format!("unknown message type {kind}: payload not decoded"));
        }
        return;
    };
    msg.header_name = Some(name);
    if payload.len() < len {
        // GET requests may carry only a struct rtgenmsg (one byte of family).
        if let Some(&family) = payload.first() {
            msg.header_name = Some("rtgenmsg");
            msg.header.push(field("rtgen_family", Value::Number(family.into()), Some(family_name(family))));
        }
        if payload.len() > 1 || kind & 3 != 2 {
            msg.problem = Some(format!("payload of {} bytes is shorter than struct {name} ({len})", payload.len()));
        }
        return;
    }
    let b = payload;
    let byte = |i: usize| b.get(i).copied().unwrap_or(0);
    let u8f = |i: usize| Value::Number(byte(i).into());
    let u16f = |i: usize| Value::Number(get_u16(b, i).unwrap_or(0).into());
    let u32f = |i: usize| Value::Number(get_u32(b, i).unwrap_or(0).into());
    let i32f = |i: usize| Value::Number(i64::from(get_u32(b, i).unwrap_or(0) as i32));
    let fam = Some(family_name(byte(0)));
    let h = &mut msg.header;
    match name {
        "ifinfomsg" => {
            h.push(field("ifi_family", u8f(0), fam));
            let t = get_u16(b, 2).unwrap_or(0);
            h.push(field("ifi_type", u16f(2), arphrd_name(t)));
            h.push(field("ifi_index", i32f(4), None));
            let flags = get_u32(b, 8).unwrap_or(0);
            h.push(field("ifi_flags", u32f(8), Some(bits(flags, IFF_NAMES))));
            h.push(field("ifi_change", u32f(12), Some(format!("{:#x}", get_u32(b, 12).unwrap_or(0)))));
        }
        "ifaddrmsg" => {
            h.push(field("ifa_family", u8f(0), fam));
            h.push(field("ifa_prefixlen", u8f(1), None));
            h.push(field("ifa_flags", u8f(2), Some(bits(byte(2).into(), IFA_F_NAMES))));
            h.push(field("ifa_scope", u8f(3), Some(scope_name(byte(3)))));
            h.push(field("ifa_index", u32f(4), None));
        }
        "rtmsg" => {
            h.push(field("rtm_family", u8f(0), fam));
            h.push(field("rtm_dst_len", u8f(1), None));
            h.push(field("rtm_src_len", u8f(2), None));
            h.push(field("rtm_tos", u8f(3), None));
            h.push(field("rtm_table", u8f(4), Some(table_name(byte(4).into()))));
            h.push(field("rtm_protocol", u8f(5), Some(proto_name(byte(5)))));
            h.push(field("rtm_scope", u8f(6), Some(scope_name(byte(6)))));
            h.push(field("rtm_type", u8f(7), Some(name_at(RTN_NAMES, byte(7).into()))));
            let flags = get_u32(b, 8).unwrap_or(0);
            h.push(field("rtm_flags", u32f(8), Some(bits(flags, RTM_F_NAMES))));
        }
        "ndmsg" => {
            h.push(field("ndm_family", u8f(0), fam));
            h.push(field("ndm_ifindex", i32f(4), None));
            let state = get_u16(b, 8).unwrap_or(0);
            h.push(field("ndm_state", u16f(8), Some(bits(state.into(), NUD_NAMES))));
            h.push(field("ndm_flags", u8f(10), Some(bits(byte(10).into(), NTF_NAMES))));
            h.push(field("ndm_type", u8f(11), Some(name_at(RTN_NAMES, byte(11).into()))));
        }
        "fib_rule_hdr" => {
            h.push(field("family", u8f(0), fam));
            h.push(field("dst_len", u8f(1), None));
            h.push(field("src_len", u8f(2), None));
            h.push(field("tos", u8f(3), None));
            h.push(field("table", u8f(4), Some(table_name(byte(4).into()))));
            h.push(field("action", u8f(7), Some(name_at(FR_ACT_NAMES, byte(7).into()))));
            let flags = get_u32(b, 8).unwrap_or(0);
            h.push(field("flags", u32f(8), Some(bits(flags, FIB_RULE_NAMES))));
        }
        "if_stats_msg" => {
            h.push(field("family", u8f(0), fam));
            h.push(field("ifindex", u32f(4), None));
            h.push(field("filter_mask", u32f(8), None));
        }
        "nhmsg" => {
            h.push(field("nh_family", u8f(0), fam));
            h.push(field("nh_scope", u8f(1), Some(scope_name(byte(1)))));
            h.push(field("nh_protocol", u8f(2), Some(proto_name(byte(2)))));
            h.push(field("nh_flags", u32f(4), None));
        }
        "netconfmsg" => h.push(field("ncm_family", u8f(0), fam)),
        "ndtmsg" => h.push(field("ndtm_family", u8f(0), fam)),
        _ => h.push(field("rtgen_family", u8f(0), fam)),
    }
    let start = align4(len);
    let family = b[0];
    msg.attributes = attrs(payload.get(start..).unwrap_or(&[]), HEADER_LEN + start, space, family);
}

/// `AF_INET`, ... for an address family.
pub(super) fn family_name(f: u8) -> String {
    match f {
        0 => "AF_UNSPEC",
        1 => "AF_UNIX",
        2 => "AF_INET",
        7 => "AF_BRIDGE",
        10 => "AF_INET6",
        16 => "AF_NETLINK",
        17 => "AF_PACKET",
        28 => "AF_MPLS",
        128 => "RTNL_FAMILY_IPMR",
        129 => "RTNL_FAMILY_IP6MR",
        n => return format!("AF_{n}"),
    }
    .to_string()
}

/// The ARPHRD_* type's name, for the types links in the world have.
pub(super) fn arphrd_name(t: u16) -> Option<String> {
    use crate::wire::link::arphrd;
    Some(
        match t {
            arphrd::ETHER => "ether",
            arphrd::LOOPBACK => "loopback",
            arphrd::TUNNEL => "ipip",
            arphrd::TUNNEL6 => "tunnel6",
            arphrd::SIT => "sit",
            arphrd::IPGRE => "gre",
            arphrd::NONE => "none",
            arphrd::VOID => "void",
            _ => return None,
        }
        .to_string(),
    )
}

fn scope_name(s: u8) -> String {
    crate::wire::route::scope_name(s).map_or_else(|| s.to_string(), str::to_string)
}

fn table_name(t: u32) -> String {
    match t {
        0 => "unspec".into(),
        252 => "compat".into(),
        253 => "default".into(),
        254 => "main".into(),
        255 => "local".into(),
        n => n.to_string(),
    }
}

fn proto_name(p: u8) -> String {
    crate::wire::route::rtprot_name(p).map_or_else(|| p.to_string(), str::to_string)
}

const RTN_NAMES: Names = Names(crate::wire::route::ROUTE_TYPE_NAMES);
const FR_ACT_NAMES: Names = Names(crate::wire::rule::FR_ACT_NAMES);
pub(super) const IFF_NAMES: Names = Names(link::IFF_NAMES);
const IFA_F_NAMES: Names = Names(crate::wire::addr::IFA_F_NAMES);

/// RTNH_F_* in the low byte, RTM_F_* from bit 8.
pub(super) const RTM_F_NAMES: Names = Names(
    "DEAD PERVASIVE ONLINK OFFLOAD LINKDOWN UNRESOLVED TRAP  NOTIFY CLONED EQUALIZE PREFIX \
     LOOKUP_TABLE FIB_MATCH OFFLOAD TRAP OFFLOAD_FAILED",
);

const NUD_NAMES: Names = Names(crate::wire::neigh::NUD_NAMES);
const NTF_NAMES: Names = Names(crate::wire::neigh::NTF_NAMES);
const FIB_RULE_NAMES: Names = Names(crate::wire::rule::FIB_RULE_NAMES);
