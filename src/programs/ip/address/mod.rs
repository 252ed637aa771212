//! `ip address` (ip/ipaddress.c): show/list with filters, flush, add,
//! change, replace, delete, help; and the link listing `ip link show`
//! shares with it.

mod flush;
mod modify;
pub mod show;

use super::args::{Args, Exit, Res, matches};
use super::ctx::{Ip, RTEXT_FILTER_SKIP_STATS, RTEXT_FILTER_VF};
use super::filter::Filter;
use super::names::{group_a2n, scope_a2n};
use super::nl::{Msg, Req};
use super::prefix::get_prefix;
use super::usage as texts;
use crate::wire::NLM_F_REQUEST;
use crate::wire::addr::ifa_f;
use crate::wire::link::{IfInfoRepr, ifla, info};
use crate::wire::{RTM_DELADDR, RTM_GETADDR, RTM_NEWADDR};

pub use show::print_addrinfo;

/// What `ipaddr_list_flush_or_save` is asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    List,
    Flush,
    Save,
}

/// `usage` of ip/ipaddress.c: the link usage when listing links, the
/// address usage otherwise; status 255.
pub fn usage(ip: &mut Ip, do_link: bool) -> Exit {
    if do_link {
        return super::link::usage(ip);
    }
    ip.err(texts::ADDRESS);
    Exit(255)
}

/// `do_ipaddr`.
pub fn do_ipaddr(ip: &mut Ip, args: &[String]) -> Res<i32> {
    use crate::wire::{NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE};
    let Some((cmd, rest)) = args.split_first() else {
        return list_flush_or_save(ip, &[], Action::List, false);
    };
    if matches(cmd, "add") {
        return modify::ipaddr_modify(ip, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, rest);
    }
    if matches(cmd, "change") || cmd == "chg" {
        return modify::ipaddr_modify(ip, RTM_NEWADDR, NLM_F_REPLACE, rest);
    }
    if matches(cmd, "replace") {
        return modify::ipaddr_modify(ip, RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, rest);
    }
    if matches(cmd, "delete") {
        return modify::ipaddr_modify(ip, RTM_DELADDR, 0, rest);
    }
    if matches(cmd, "list") || matches(cmd, "show") || matches(cmd, "lst") {
        return list_flush_or_save(ip, rest, Action::List, false);
    }
    if matches(cmd, "flush") {
        return list_flush_or_save(ip, rest, Action::Flush, false);
    }
    if matches(cmd, "save") {
        return list_flush_or_save(ip, rest, Action::Save, false);
    }
    if matches(cmd, "help") {
        return Err(usage(ip, false));
    }
    ip.err(&format!("Command \"{cmd}\" is unknown, try \"ip address help\".\n"));
    Err(Exit(255))
}

/// `ipaddr_list_link`: `ip link show`.
pub fn ipaddr_list_link(ip: &mut Ip, args: &[String]) -> Res<i32> {
    ip.o.family = 17;
    list_flush_or_save(ip, args, Action::List, true)
}

/// The address flag words (`ifa_flag_data`): name, mask, read-only,
/// IPv6 only.
pub const IFA_FLAG_DATA: &[(&str, u32, bool, bool)] = &[
    ("secondary", ifa_f::SECONDARY, true, false),
    ("temporary", ifa_f::SECONDARY, true, false),
    ("nodad", ifa_f::NODAD, false, true),
    ("optimistic", ifa_f::OPTIMISTIC, false, true),
    ("dadfailed", ifa_f::DADFAILED, true, true),
    ("home", ifa_f::HOMEADDRESS, false, true),
    ("deprecated", ifa_f::DEPRECATED, true, true),
    ("tentative", ifa_f::TENTATIVE, true, true),
    ("permanent", ifa_f::PERMANENT, true, true),
    ("mngtmpaddr", ifa_f::MANAGETEMPADDR, false, true),
    ("noprefixroute", ifa_f::NOPREFIXROUTE, false, false),
    ("autojoin", ifa_f::MCAUTOJOIN, false, false),
    ("stable-privacy", ifa_f::STABLE_PRIVACY, true, true),
];

/// `lookup_flag_data_by_name`.
pub fn flag_by_name(name: &str) -> Option<(&'static str, u32, bool, bool)> {
    IFA_FLAG_DATA.iter().find(|f| f.0 == name).copied()
}

/// `get_filter`: a flag word with an optional leading "-" (negation);
/// "dynamic" and "primary" are the negations of "permanent"/"secondary".
fn get_filter(f: &mut Filter, arg: &str) -> bool {
    let (mut inv, mut name) = match arg.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, arg),
    };
    if name == "dynamic" {
        inv = !inv;
        name = "permanent";
    } else if name == "primary" {
        inv = !inv;
        name = "secondary";
    }
    let Some((_, mask, _, _)) = flag_by_name(name) else { return false };
    if inv {
        f.flags &= !mask;
    } else {
        f.flags |= mask;
    }
    f.flagmask |= mask;
    true
}

/// `ipaddr_list_flush_or_save`.
fn list_flush_or_save(ip: &mut Ip, args: &[String], action: Action, do_link: bool) -> Res<i32> {
    let mut f = Filter::new(ip.o.oneline > 0, 0);
    f.showqueue = true;
    f.family = ip.o.family;
    if action == Action::Flush {
        if args.is_empty() {
            ip.err("Flush requires arguments.\n");
            return Ok(-1);
        }
        if f.family == 17 {
            ip.err("Cannot flush link addresses.\n");
            return Ok(-1);
        }
    }
    let mut filter_dev: Option<String> = None;
    let mut a = Args::new(args);
    while let Some(w) = a.peek() {
        if w == "to" {
            let v = ip.next_arg(&mut a)?;
            match get_prefix(v, f.family) {
                Ok(p) => f.pfx = p,
                Err(e) => {
                    ip.err(&e);
                    return Err(Exit(1));
                }
            }
            if f.family == 0 {
                f.family = f.pfx.family;
            }
        } else if w == "scope" {
            let v = ip.next_arg(&mut a)?;
            f.scopemask = 0xff;
            match scope_a2n(v) {
                Some(s) => f.scope = s,
                None => {
                    if v != "all" {
                        return Err(ip.invarg("invalid \"scope\"\n", v));
                    }
                    f.scope = 255;
                    f.scopemask = 0;
                }
            }
        } else if w == "up" {
            f.up = true;
        } else if get_filter(&mut f, w) {
        } else if w == "label" {
            let v = ip.next_arg(&mut a)?;
            f.label = Some(v.to_string());
        } else if w == "group" {
            let v = ip.next_arg(&mut a)?;
            match group_a2n(v) {
                Some(g) => f.group = i64::from(g),
                None => return Err(ip.invarg("Invalid \"group\" value\n", v)),
            }
        } else if w == "master" {
            let v = ip.next_arg(&mut a)?;
            let idx = ip.ll_name_to_index(v);
            if idx == 0 {
                return Err(ip.invarg("Device does not exist\n", v));
            }
            f.master = i64::from(idx);
        } else if w == "vrf" {
            let v = ip.next_arg(&mut a)?;
            let idx = ip.ll_name_to_index(v);
            if idx == 0 || crate::programs::ip::vrf::name_is_vrf(ip, v) == 0 {
                return Err(ip.invarg("Not a valid VRF name\n", v));
            }
            f.master = i64::from(idx);
        } else if w == "nomaster" {
            f.master = -1;
        } else if w == "type" {
            let v = ip.next_arg(&mut a)?;
            match v.strip_suffix("_slave") {
                Some(k) => f.slave_kind = Some(k.to_string()),
                None => f.kind = Some(v.to_string()),
            }
        } else {
            let mut v = w;
            if w == "dev" {
                v = ip.next_arg(&mut a)?;
            } else if matches(w, "help") {
                return Err(usage(ip, do_link));
            }
            if filter_dev.is_some() {
                return Err(ip.duparg2("dev", v));
            }
            filter_dev = Some(v.to_string());
        }
        a.advance();
    }

    if let Some(d) = &filter_dev {
        f.ifindex = ip.ll_name_to_index(d) as i32;
        if f.ifindex <= 0 {
            ip.err(&format!("Device \"{d}\" does not exist.\n"));
            return Ok(-1);
        }
    }

    if action == Action::Flush {
        return flush::ipaddr_flush(ip, &mut f);
    }
    if action == Action::Save {
        ip.err("Not sending a binary stream to stdout\n");
        return Err(Exit(1));
    }

    let json = ip.o.json > 0;
    ip.p.new_json_obj(json);

    if let (Some(d), -1, true) = (&filter_dev, f.group, do_link) {
        if let Err(e) = iplink_get(ip, &f, d, RTEXT_FILTER_VF) {
            ip.err(&format!("Cannot send link get request: {}\n", crate::errno::Errno(e).message()));
            ip.p.delete_json_obj();
            return Err(Exit(1));
        }
        ip.p.delete_json_obj();
        return Ok(0);
    }

    let mut links: Vec<Vec<u8>> = Vec::new();
    if f.ifindex != 0 {
        match ipaddr_link_get(ip, &f) {
            Some(l) => links.push(l),
            None => {
                ip.p.delete_json_obj();
                return Ok(0);
            }
        }
    } else {
        match ip_link_list(ip, &f) {
            Some(l) => links = l,
            None => {
                ip.p.delete_json_obj();
                return Ok(0);
            }
        }
    }

    let mut addrs: Vec<Vec<u8>> = Vec::new();
    let mut no_link = false;
    if f.family != 17 {
        if f.oneline {
            no_link = true;
        }
        match ip_addr_list(ip, &f) {
            Some(v) => addrs = v,
            None => {
                ip.p.delete_json_obj();
                return Ok(0);
            }
        }
        links = ipaddr_filter(ip, &f, links, &addrs);
    }

    for l in &links {
        ip.p.open_json_object(None);
        let mut res = 0;
        if ip.o.brief > 0 || !no_link {
            res = super::link::show::print_linkinfo(ip, &f, do_link, l)?;
        }
        if res >= 0 && f.family != 17 {
            show::print_selected_addrinfo(ip, &f, l, &addrs)?;
        }
        if res > 0 && !do_link && ip.o.stats > 0 {
            if let Some(m) = Msg::parse(l) {
                let tb = super::nl::Attrs::parse(m.payload.get(16..).unwrap_or(&[]), ifla::MAX);
                super::link::stats::print_link_stats64(ip, &tb);
                ip.p.print_nl();
            }
        }
        ip.p.close_json_object();
    }
    ip.p.delete_json_obj();
    Ok(0)
}

/// `iplink_get`: one link by name, printed.
fn iplink_get(ip: &mut Ip, f: &Filter, name: &str, filt_mask: u32) -> Result<(), i32> {
    let mut req = Req::new(18, NLM_F_REQUEST);
    req.push_header(&IfInfoRepr { family: ip.o.family, ..Default::default() }.to_bytes());
    let kind = if super::args::check_ifname(name) { ifla::IFNAME } else { ifla::ALT_IFNAME };
    req.addattr_strz(kind, name);
    req.addattr32(ifla::EXT_MASK, filt_mask);
    let ans = match ip.rth.talk(&mut ip.p, &mut req, true, true) {
        Ok(Some(a)) => a,
        Ok(None) => return Ok(()),
        Err(e) => return Err(e),
    };
    ip.ll.remember(&ans);
    ip.p.open_json_object(None);
    let r = super::link::show::print_linkinfo(ip, f, true, &ans);
    ip.p.close_json_object();
    r.map(|_| ()).map_err(|_| 0)
}

/// `ipaddr_link_get`: one link by index, stored.
fn ipaddr_link_get(ip: &mut Ip, f: &Filter) -> Option<Vec<u8>> {
    let mut req = Req::new(18, NLM_F_REQUEST);
    req.push_header(&IfInfoRepr { family: f.family, index: f.ifindex, ..Default::default() }.to_bytes());
    let mut mask = RTEXT_FILTER_VF;
    if ip.o.stats == 0 {
        mask |= RTEXT_FILTER_SKIP_STATS;
    }
    req.addattr32(ifla::EXT_MASK, mask);
    match ip.rth.talk(&mut ip.p, &mut req, true, true) {
        Ok(Some(ans)) => {
            ip.ll.remember(&ans);
            Some(ans)
        }
        Ok(None) => None,
        Err(e) => {
            ip.err(&format!("Cannot send link request: {}\n", crate::errno::Errno(e).message()));
            None
        }
    }
}

/// `ip_link_list` with `iplink_filter_req`: a link dump, every reply
/// cached and kept.
fn ip_link_list(ip: &mut Ip, f: &Filter) -> Option<Vec<Vec<u8>>> {
    let family = ip.o.family;
    let mut req = Req::new(18, 0);
    req.push_header(&IfInfoRepr { family, ..Default::default() }.to_bytes());
    if family == 0 || family == 17 {
        req.addattr32(ifla::EXT_MASK, RTEXT_FILTER_VF);
        if f.master != 0 {
            req.addattr32(ifla::MASTER, f.master as u32);
        }
        if let Some(k) = &f.kind {
            let li = req.nest(ifla::LINKINFO);
            req.addattr_l(info::KIND, k.as_bytes());
            req.nest_end(li);
        }
    }
    ip.rth.dump_request(&mut req, 0);
    let (msgs, end) = ip.rth.dump_collect();
    for m in &msgs {
        ip.ll.remember(m);
    }
    ip.err(&end.stderr);
    if !end.ok {
        ip.err("Dump terminated\n");
        return None;
    }
    Some(msgs)
}

/// `ip_addr_list`: an address dump in iproute2's 152-byte request buffer.
fn ip_addr_list(ip: &mut Ip, f: &Filter) -> Option<Vec<Vec<u8>>> {
    let (msgs, end) = addr_dump(ip, f);
    ip.err(&end.stderr);
    if !end.ok {
        ip.err("Dump terminated\n");
        return None;
    }
    Some(msgs)
}

/// `rtnl_addrdump_req` with `ipaddr_dump_filter`, collected.
fn addr_dump(ip: &mut Ip, f: &Filter) -> (Vec<Vec<u8>>, super::client::DumpEnd) {
    let mut req = Req::new(RTM_GETADDR, 0);
    let hdr = crate::wire::addr::IfAddrRepr { family: f.family, index: f.ifindex as u32, ..Default::default() };
    req.push_header(&hdr.to_bytes());
    ip.rth.dump_request(&mut req, 16 + 8 + 128);
    ip.rth.dump_collect()
}

/// `ipaddr_filter`: drops links none of whose addresses pass the filter
/// (links without addresses stay when no family is selected).
fn ipaddr_filter(ip: &mut Ip, f: &Filter, links: Vec<Vec<u8>>, addrs: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let mut kept = Vec::new();
    for l in links {
        let Some(lm) = Msg::parse(&l) else { continue };
        let Ok(ifi) = IfInfoRepr::parse(lm.payload) else { continue };
        let mut ok = false;
        let mut missing = true;
        for a in addrs {
            let Some(am) = Msg::parse(a) else { continue };
            let Some(v) = show::AddrView::parse(am.payload) else { continue };
            if v.ifa.index as i32 != ifi.index {
                continue;
            }
            missing = false;
            if f.family != 0 && f.family != v.ifa.family {
                continue;
            }
            if (f.scope ^ v.ifa.scope) & f.scopemask != 0 {
                continue;
            }
            if (f.flags ^ v.flags) & f.flagmask != 0 {
                continue;
            }
            if !show::label_matches(ip, f, v.ifa.index, v.label.as_deref()) {
                continue;
            }
            if !super::prefix::prefix_matches(&f.pfx, v.local) {
                continue;
            }
            ok = true;
            break;
        }
        if missing && (f.family == 0 || f.family == 17) {
            ok = true;
        }
        if ok {
            kept.push(l);
        }
    }
    kept
}
