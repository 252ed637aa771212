//! macvlan and macvtap: IFLA_MACVLAN_* options.

use super::help_text_for;
use crate::programs::ip::args::{Args, Res, get_u32, matches};
use crate::programs::ip::ctx::Ip;
use crate::programs::ip::names::{ll_addr_a2n, ll_addr_n2a};
use crate::programs::ip::nl::{Attrs, Req};
use crate::programs::ip::print::Kind;
use crate::wire::link::{macvlan, macvlan_flag, macvlan_mode};

pub(super) fn macvlan_parse_opt(ip: &mut Ip, words: &[String], req: &mut Req) -> Res<i32> {
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

pub(super) fn macvlan_print_opt(ip: &mut Ip, data: Option<&[u8]>) -> Res<()> {
    let Some(data) = data else { return Ok(()) };
    let t = Attrs::parse(data, macvlan::MAX);
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
