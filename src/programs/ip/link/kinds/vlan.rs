//! vlan: IFLA_VLAN_* options (802.1Q/802.1ad, flags, QoS maps).

use crate::programs::ip::args::{Args, Res, get_u16, get_u32, matches};
use crate::programs::ip::ctx::Ip;
use crate::programs::ip::names::{ll_proto_a2n, ll_proto_n2a};
use crate::programs::ip::nl::{Attrs, Req};
use crate::programs::ip::print::Kind;
use crate::programs::ip::usage;
use crate::wire::link::{vlan, vlan_qos};

const VLAN_FLAGS: &[(&str, u32, &str)] = &[
    ("reorder_hdr", 0x1, "REORDER_HDR"),
    ("gvrp", 0x2, "GVRP"),
    ("loose_binding", 0x4, "LOOSE_BINDING"),
    ("mvrp", 0x8, "MVRP"),
    ("bridge_binding", 0x10, "BRIDGE_BINDING"),
];

pub(super) fn vlan_parse_opt(ip: &mut Ip, words: &[String], req: &mut Req) -> Res<i32> {
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

pub(super) fn vlan_print_opt(ip: &mut Ip, data: Option<&[u8]>) -> Res<()> {
    let Some(data) = data else { return Ok(()) };
    let t = Attrs::parse(data, 6);
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
