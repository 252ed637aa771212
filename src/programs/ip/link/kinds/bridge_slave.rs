//! bridge_slave: IFLA_BRPORT_* options of a bridge port.

use super::bridge::{bridge_id, print_on_offs, print_timer, print_uints};
use crate::programs::ip::args::{Args, Exit, Res, get_u16, get_u32, matches};
use crate::programs::ip::ctx::Ip;
use crate::programs::ip::nl::{Attrs, Req};
use crate::programs::ip::print::Kind;
use crate::programs::ip::usage;
use crate::wire::link::brport;

/// On/off options of bridge ports iproute2 tries after `cost`, in its
/// matching order (abbreviations take the first match).
const BRPORT_ONOFF_AFTER_COST: &[(&str, u16)] = &[
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

/// The on/off options tried after `mcast_router`.
const BRPORT_ONOFF_AFTER_MCAST_ROUTER: &[(&str, u16)] =
    &[("mcast_fast_leave", brport::FAST_LEAVE), ("neigh_suppress", brport::NEIGH_SUPPRESS)];

/// The on/off options tried after `group_fwd_mask`.
const BRPORT_ONOFF_AFTER_FWD_MASK: &[(&str, u16)] =
    &[("vlan_tunnel", brport::VLAN_TUNNEL), ("isolated", brport::ISOLATED), ("locked", brport::LOCKED)];

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

pub(super) fn bridge_slave_parse_opt(ip: &mut Ip, words: &[String], req: &mut Req) -> Res<i32> {
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
        } else if let Some((n, attr)) = BRPORT_ONOFF_AFTER_COST.iter().find(|(n, _)| matches(w, n)) {
            onoff(ip, &mut a, req, n, *attr)?;
        } else if matches(w, "mcast_router") {
            let v = ip.next_arg(&mut a)?;
            match get_u32(v, 0).and_then(|x| u8::try_from(x).ok()) {
                Some(x) => req.addattr8(brport::MULTICAST_ROUTER, x),
                None => return Err(ip.invarg("invalid mcast_router", v)),
            }
        } else if let Some((n, attr)) = BRPORT_ONOFF_AFTER_MCAST_ROUTER.iter().find(|(n, _)| matches(w, n)) {
            onoff(ip, &mut a, req, n, *attr)?;
        } else if matches(w, "group_fwd_mask") {
            let v = ip.next_arg(&mut a)?;
            match get_u16(v, 0) {
                Some(x) => req.addattr16(brport::GROUP_FWD_MASK, x),
                None => return Err(ip.invarg("invalid group_fwd_mask", v)),
            }
        } else if let Some((n, attr)) = BRPORT_ONOFF_AFTER_FWD_MASK.iter().find(|(n, _)| matches(w, n)) {
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

pub(super) fn bridge_slave_print_opt(ip: &mut Ip, data: Option<&[u8]>) -> Res<()> {
    let Some(data) = data else { return Ok(()) };
    let t = Attrs::parse(data, brport::MAX);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarding_masks() {
        assert_eq!(fwd_mask_str(0), "0x0");
        assert_eq!(fwd_mask_str(0x4001), "stp,lldp");
    }
}
