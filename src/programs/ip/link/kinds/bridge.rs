//! bridge: IFLA_BR_* options (`bridge_parse_opt`, `bridge_print_opt`),
//! and the attribute printers the bridge port type shares.

use super::help_text_for;
use crate::programs::ip::args::{Args, Res, get_u16, get_u32, get_u64, matches};
use crate::programs::ip::ctx::Ip;
use crate::programs::ip::names::{ll_addr_a2n, ll_addr_n2a, ll_proto_a2n, ll_proto_n2a};
use crate::programs::ip::nl::{Attrs, Req};
use crate::programs::ip::print::Kind;
use crate::wire::link::br;

/// Width of a numeric option in bytes.
#[derive(Clone, Copy)]
enum Width {
    B1,
    B2,
    B4,
    B8,
}

/// `(word, attribute, width)` of the numeric bridge options iproute2 tries
/// first, in its order (abbreviations take the first match).
const BRIDGE_NUMS_FIRST: &[(&str, u16, Width)] = &[
    ("forward_delay", br::FORWARD_DELAY, Width::B4),
    ("hello_time", br::HELLO_TIME, Width::B4),
    ("max_age", br::MAX_AGE, Width::B4),
    ("ageing_time", br::AGEING_TIME, Width::B4),
    ("stp_state", br::STP_STATE, Width::B4),
    ("priority", br::PRIORITY, Width::B2),
    ("vlan_filtering", br::VLAN_FILTERING, Width::B1),
];

/// The numeric options iproute2 tries after `fdb_flush`, in its order.
const BRIDGE_NUMS_AFTER_FDB_FLUSH: &[(&str, u16, Width)] = &[
    ("vlan_default_pvid", br::VLAN_DEFAULT_PVID, Width::B2),
    ("vlan_stats_enabled", br::VLAN_STATS_ENABLED, Width::B1),
    ("vlan_stats_per_port", br::VLAN_STATS_PER_PORT, Width::B1),
    ("mcast_router", br::MCAST_ROUTER, Width::B1),
    ("mcast_snooping", br::MCAST_SNOOPING, Width::B1),
    ("mcast_query_use_ifaddr", br::MCAST_QUERY_USE_IFADDR, Width::B1),
    ("mcast_querier", br::MCAST_QUERIER, Width::B1),
    ("mcast_hash_elasticity", br::MCAST_HASH_ELASTICITY, Width::B4),
    ("mcast_hash_max", br::MCAST_HASH_MAX, Width::B4),
    ("mcast_last_member_count", br::MCAST_LAST_MEMBER_CNT, Width::B4),
    ("mcast_startup_query_count", br::MCAST_STARTUP_QUERY_CNT, Width::B4),
    ("mcast_last_member_interval", br::MCAST_LAST_MEMBER_INTVL, Width::B8),
    ("mcast_membership_interval", br::MCAST_MEMBERSHIP_INTVL, Width::B8),
    ("mcast_querier_interval", br::MCAST_QUERIER_INTVL, Width::B8),
    ("mcast_query_interval", br::MCAST_QUERY_INTVL, Width::B8),
    ("mcast_query_response_interval", br::MCAST_QUERY_RESPONSE_INTVL, Width::B8),
    ("mcast_startup_query_interval", br::MCAST_STARTUP_QUERY_INTVL, Width::B8),
    ("mcast_stats_enabled", br::MCAST_STATS_ENABLED, Width::B1),
    ("mcast_igmp_version", br::MCAST_IGMP_VERSION, Width::B1),
    ("mcast_mld_version", br::MCAST_MLD_VERSION, Width::B1),
    ("nf_call_iptables", br::NF_CALL_IPTABLES, Width::B1),
    ("nf_call_ip6tables", br::NF_CALL_IP6TABLES, Width::B1),
    ("nf_call_arptables", br::NF_CALL_ARPTABLES, Width::B1),
];

fn find_num(word: &str, table: &'static [(&str, u16, Width)]) -> Option<(&'static str, u16, Width)> {
    table.iter().find(|(n, _, _)| matches(word, n)).copied()
}

fn add_num(ip: &mut Ip, req: &mut Req, name: &str, attr: u16, w: Width, v: &str) -> Res<()> {
    let bad = |ip: &mut Ip| ip.invarg(&format!("invalid {name}"), v);
    match w {
        Width::B1 => match get_u32(v, 0).and_then(|x| u8::try_from(x).ok()) {
            Some(x) => req.addattr8(attr, x),
            None => return Err(bad(ip)),
        },
        Width::B2 => match get_u16(v, 0) {
            Some(x) => req.addattr16(attr, x),
            None => return Err(bad(ip)),
        },
        Width::B4 => match get_u32(v, 0) {
            Some(x) => req.addattr32(attr, x),
            None => return Err(bad(ip)),
        },
        Width::B8 => match get_u64(v, 0) {
            Some(x) => req.addattr_l(attr, &x.to_ne_bytes()),
            None => return Err(bad(ip)),
        },
    }
    Ok(())
}

pub(super) fn bridge_parse_opt(ip: &mut Ip, words: &[String], req: &mut Req) -> Res<i32> {
    let mut a = Args::new(words);
    let (mut optval, mut optmask) = (0u32, 0u32);
    while let Some(w) = a.peek() {
        if let Some((n, attr, wd)) = find_num(w, BRIDGE_NUMS_FIRST) {
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
            add_num(ip, req, "group_fwd_mask", br::GROUP_FWD_MASK, Width::B2, v)?;
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
        } else if let Some((n, attr, wd)) = find_num(w, BRIDGE_NUMS_AFTER_FDB_FLUSH) {
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
pub(super) fn bridge_id(b: &[u8]) -> String {
    if b.len() < 8 {
        return String::new();
    }
    let mac: Vec<String> = b[2..8].iter().map(|x| format!("{x:x}")).collect();
    format!("{:02x}{:02x}.{}", b[0], b[1], mac.join(":"))
}

/// `_bridge_print_timer`: seconds with two decimals from hundredths.
pub(super) fn print_timer(ip: &mut Ip, name: &str, jiffies: u64) {
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
fn uint_of(t: &Attrs, attr: u16, width: u8) -> Option<u64> {
    match width {
        1 => t.u8(attr).map(u64::from),
        2 => t.u16(attr).map(u64::from),
        4 => t.u32(attr).map(u64::from),
        _ => t.u64(attr),
    }
}

/// `print_uint` for each attribute present: (attribute, width, JSON key,
/// format).
pub(super) fn print_uints(ip: &mut Ip, t: &Attrs, rows: &[(u16, u8, &str, &str)]) {
    for &(a, w, k, f) in rows {
        if let Some(v) = uint_of(t, a, w) {
            ip.p.print_uint(Kind::Any, Some(k), f, v);
        }
    }
}

/// `print_on_off` for each one-byte attribute present: (attribute, JSON
/// key, format).
pub(super) fn print_on_offs(ip: &mut Ip, t: &Attrs, rows: &[(u16, &str, &str)]) {
    for &(a, k, f) in rows {
        if let Some(v) = t.u8(a) {
            ip.p.print_on_off(Kind::Any, Some(k), f, v != 0);
        }
    }
}

pub(super) fn bridge_print_opt(ip: &mut Ip, data: Option<&[u8]>) -> Res<()> {
    let Some(data) = data else { return Ok(()) };
    let t = Attrs::parse(data, br::MAX);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bridge_ids() {
        assert_eq!(bridge_id(&[0x80, 0, 2, 0, 0, 0, 0, 1]), "8000.2:0:0:0:0:1");
    }
}
