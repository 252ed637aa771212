//! Printing one RTM_NEWLINK message (ip/ipaddress.c `print_linkinfo` and
//! its helpers): the flag list, state, link-layer line, details, aliases,
//! alternative names and statistics, for text, `-br`, `-o` and JSON.

use super::super::args::Res;
use super::super::ctx::Ip;
use super::super::filter::Filter;
use super::super::names::{group_n2a, ll_addr_n2a, ll_type_n2a};
use super::super::nl::{Attrs, Msg};
use super::super::print::{Color, Kind};
use super::kinds;
use super::stats::print_link_stats64;
use crate::wire::link::{IfInfoRepr, iff, ifla, info};
use crate::wire::{RTM_DELLINK, RTM_NEWLINK};

/// `print_link_flags`: `<UP,LOWER_UP>` or a JSON "flags" array.
pub fn print_link_flags(ip: &mut Ip, flags: u32, mdown: bool) {
    let mut flags = flags;
    let open = if ip.p.is_json() { "flags" } else { "<" };
    ip.p.open_json_array(Kind::Any, Some(open));
    if flags & iff::UP != 0 && flags & iff::RUNNING == 0 {
        ip.p.print_string(Kind::Any, None, if flags != 0 { "%s," } else { "%s" }, Some("NO-CARRIER"));
    }
    flags &= !iff::RUNNING;
    const NAMES: &[(u32, &str)] = &[
        (iff::LOOPBACK, "LOOPBACK"),
        (iff::BROADCAST, "BROADCAST"),
        (iff::POINTOPOINT, "POINTOPOINT"),
        (iff::MULTICAST, "MULTICAST"),
        (iff::NOARP, "NOARP"),
        (iff::ALLMULTI, "ALLMULTI"),
        (iff::PROMISC, "PROMISC"),
        (iff::MASTER, "MASTER"),
        (iff::SLAVE, "SLAVE"),
        (iff::DEBUG, "DEBUG"),
        (iff::DYNAMIC, "DYNAMIC"),
        (iff::AUTOMEDIA, "AUTOMEDIA"),
        (iff::PORTSEL, "PORTSEL"),
        (iff::NOTRAILERS, "NOTRAILERS"),
        (iff::UP, "UP"),
        (iff::LOWER_UP, "LOWER_UP"),
        (iff::DORMANT, "DORMANT"),
        (iff::ECHO, "ECHO"),
    ];
    for (bit, name) in NAMES {
        if flags & bit != 0 {
            flags &= !bit;
            ip.p.print_string(Kind::Any, None, if flags != 0 { "%s," } else { "%s" }, Some(name));
        }
    }
    if flags != 0 {
        ip.p.print_hex(Kind::Any, None, "%x", flags);
    }
    if mdown {
        ip.p.print_string(Kind::Any, None, ",%s", Some("M-DOWN"));
    }
    ip.p.close_json_array(Kind::Any, Some("> "));
}

const OPER_STATES: [&str; 7] = ["UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"];

/// `get_operstate`: a state name (any case) to its number.
pub fn get_operstate(name: &str) -> Option<u8> {
    OPER_STATES.iter().position(|s| s.eq_ignore_ascii_case(name)).map(|i| i as u8)
}

/// `print_operstate`.
fn print_operstate(ip: &mut Ip, state: u8) {
    match OPER_STATES.get(usize::from(state)) {
        None => {
            if ip.p.is_json() {
                ip.p.print_uint(Kind::Json, Some("operstate_index"), "", u64::from(state));
            } else {
                ip.p.print_0xhex(Kind::Fp, None, "state %#llx", u64::from(state));
            }
        }
        Some(name) if ip.o.brief > 0 => {
            ip.p.print_color_string(Kind::Any, Color::for_operstate(state), Some("operstate"), "%-14s ", Some(name));
        }
        Some(name) => {
            if ip.p.is_json() {
                ip.p.print_string(Kind::Json, Some("operstate"), "", Some(name));
            } else {
                ip.p.fp("state ");
                ip.p.color_fp(Color::for_operstate(state), "%s ", &[super::super::printf::Arg::Str(name)]);
            }
        }
    }
}

/// `print_name_and_link`: "name@link" (or JSON "link"), returning whether
/// the lower device is down (the M-DOWN flag).
pub fn print_name_and_link(ip: &mut Ip, fmt: &str, name: &str, tb: &Attrs) -> bool {
    let mut shown = name.to_string();
    let mut mdown = false;
    if let Some(iflink) = tb.u32(ifla::LINK) {
        let mut link: Option<String> = None;
        if iflink != 0 {
            if tb.has(ifla::LINK_NETNSID) {
                if ip.p.is_json() {
                    ip.p.print_int(Kind::Json, Some("link_index"), "", i64::from(iflink as i32));
                } else {
                    link = Some(format!("if{iflink}"));
                }
            } else {
                let l = ip.ll_index_to_name(iflink);
                if ip.p.is_json() {
                    ip.p.print_string(Kind::Json, Some("link"), "", Some(&l));
                } else {
                    link = Some(l);
                }
                let f = ip.ll_index_to_flags(iflink);
                mdown = f & i64::from(iff::UP) == 0;
            }
        } else if ip.p.is_json() {
            ip.p.print_null(Kind::Json, Some("link"), "", None);
        } else {
            link = Some("NONE".to_string());
        }
        if let Some(l) = link {
            shown = format!("{name}@{l}");
        }
    }
    ip.p.print_color_string(Kind::Any, Color::Ifname, Some("ifname"), fmt, Some(&shown));
    mdown
}

/// `print_queuelen`: IFLA_TXQLEN, or what SIOCGIFTXQLEN would say (asked
/// here with RTM_GETLINK by name) when the message lacks it.
fn print_queuelen(ip: &mut Ip, tb: &Attrs, name: &str) {
    let qlen = match tb.u32(ifla::TXQLEN) {
        Some(q) => q,
        None => match txqlen_of(ip, name) {
            Ok(q) => q,
            Err(e) => {
                ip.err(&format!("ioctl(SIOCGIFTXQLEN) failed: {}\n", crate::errno::Errno(e).message()));
                return;
            }
        },
    };
    if qlen != 0 {
        ip.p.print_int(Kind::Any, Some("txqlen"), "qlen %d", i64::from(qlen as i32));
    }
}

/// The queue length of a device by name, on a separate socket.
fn txqlen_of(ip: &mut Ip, name: &str) -> Result<u32, i32> {
    use super::super::client::Rtnl;
    use super::super::nl::Req;
    let mut rth = Rtnl::open(ip.host, false).map_err(|e| e.0)?;
    let mut req = Req::new(18, crate::wire::NLM_F_REQUEST);
    req.push_header(&IfInfoRepr::default().to_bytes());
    req.addattr32(ifla::EXT_MASK, super::super::ctx::RTEXT_FILTER_SKIP_STATS);
    req.addattr_strz(ifla::IFNAME, name);
    let ans = rth.talk(&mut ip.p, &mut req, true, false)?.ok_or(19)?;
    let m = Msg::parse(&ans).ok_or(19)?;
    let t = Attrs::parse(m.payload.get(16..).unwrap_or(&[]), ifla::MAX);
    Ok(t.u32(ifla::TXQLEN).unwrap_or(0))
}

/// `print_linkinfo_brief`.
fn print_linkinfo_brief(ip: &mut Ip, f: &Filter, name: &str, ifi: &IfInfoRepr, tb: &Attrs) {
    let mdown = print_name_and_link(ip, "%-16s ", name, tb);
    if let Some(st) = tb.u8(ifla::OPERSTATE) {
        print_operstate(ip, st);
    }
    if f.family == 17 {
        if let Some(a) = tb.get(ifla::ADDRESS) {
            let s = ll_addr_n2a(a.value, ifi.link_type);
            ip.p.print_color_string(Kind::Any, Color::Mac, Some("address"), "%s ", Some(&s));
        }
        print_link_flags(ip, ifi.flags, mdown);
        ip.p.print_string(Kind::Fp, None, "%s", Some("\n"));
    }
}

/// `print_linkinfo`: prints one link message that passes `f`. Returns 1
/// when printed, 0 when skipped quietly, -1 when filtered out (iproute2's
/// convention, which decides whether addresses follow).
pub fn print_linkinfo(ip: &mut Ip, f: &Filter, do_link: bool, raw: &[u8]) -> Res<i32> {
    let Some(m) = Msg::parse(raw) else { return Ok(-1) };
    if m.hdr.kind != RTM_NEWLINK && m.hdr.kind != RTM_DELLINK {
        return Ok(0);
    }
    let Ok(ifi) = IfInfoRepr::parse(m.payload) else { return Ok(-1) };
    if f.ifindex != 0 && ifi.index != f.ifindex {
        return Ok(-1);
    }
    if f.up && ifi.flags & iff::UP == 0 {
        return Ok(-1);
    }
    let tb = Attrs::parse(&m.payload[16..], ifla::MAX);
    let name = match tb.str(ifla::IFNAME) {
        Some(n) => n,
        None => {
            ip.err(&format!("BUG: device with ifindex {} has nil ifname\n", ifi.index));
            format!("if{}", ifi.index)
        }
    };
    if !super::super::args::check_ifname(&name) {
        return Ok(-1);
    }
    if f.label.is_some() {
        return Ok(0);
    }
    if let Some(g) = tb.u32(ifla::GROUP) {
        if f.group != -1 && i64::from(g as i32) != f.group {
            return Ok(-1);
        }
    }
    match tb.u32(ifla::MASTER) {
        Some(master) if f.master > 0 && i64::from(master) != f.master => return Ok(-1),
        None if f.master > 0 => return Ok(-1),
        _ => {}
    }
    if let Some(k) = &f.kind {
        if link_kind(&tb, false).as_deref() != Some(k.as_str()) {
            return Ok(-1);
        }
    }
    if let Some(k) = &f.slave_kind {
        if link_kind(&tb, true).as_deref() != Some(k.as_str()) {
            return Ok(-1);
        }
    }
    if m.hdr.kind == RTM_DELLINK {
        ip.p.print_bool(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    if ip.o.brief > 0 {
        print_linkinfo_brief(ip, f, &name, &ifi, &tb);
        return Ok(0);
    }

    ip.p.print_int(Kind::Any, Some("ifindex"), "%d: ", i64::from(ifi.index));
    let mdown = print_name_and_link(ip, "%s: ", &name, &tb);
    print_link_flags(ip, ifi.flags, mdown);

    if let Some(mtu) = tb.u32(ifla::MTU) {
        ip.p.print_int(Kind::Any, Some("mtu"), "mtu %u ", i64::from(mtu as i32));
    }
    if let Some(x) = tb.get(ifla::XDP) {
        xdp_dump(ip, x.value, do_link, false);
    }
    if let Some(q) = tb.str(ifla::QDISC) {
        ip.p.print_string(Kind::Any, Some("qdisc"), "qdisc %s ", Some(&q));
    }
    if let Some(master) = tb.u32(ifla::MASTER) {
        let n = ip.ll_index_to_name(master);
        ip.p.print_string(Kind::Any, Some("master"), "master %s ", Some(&n));
    }
    if let Some(st) = tb.u8(ifla::OPERSTATE) {
        print_operstate(ip, st);
    }
    if do_link {
        if let Some(mode) = tb.u8(ifla::LINKMODE) {
            match mode {
                0 => ip.p.print_string(Kind::Any, Some("linkmode"), "mode %s ", Some("DEFAULT")),
                1 => ip.p.print_string(Kind::Any, Some("linkmode"), "mode %s ", Some("DORMANT")),
                m => ip.p.print_int(Kind::Any, Some("linkmode_index"), "mode %d ", i64::from(m)),
            }
        }
    }
    if let Some(g) = tb.u32(ifla::GROUP) {
        let s = group_n2a(g, ip.o.numeric > 0);
        ip.p.print_string(Kind::Any, Some("group"), "group %s ", Some(&s));
    }
    if f.showqueue {
        print_queuelen(ip, &tb, &name);
    }
    if let Some(ev) = tb.u32(ifla::EVENT) {
        print_link_event(ip, ev);
    }
    if f.family == 0 || f.family == 17 || ip.o.details > 0 {
        ip.p.print_nl();
        let t = ll_type_n2a(ifi.link_type, ip.o.numeric > 0);
        ip.p.print_string(Kind::Any, Some("link_type"), "    link/%s ", Some(&t));
        if let Some(a) = tb.get(ifla::ADDRESS) {
            let s = ll_addr_n2a(a.value, ifi.link_type);
            ip.p.print_color_string(Kind::Any, Color::Mac, Some("address"), "%s", Some(&s));
        }
        if let Some(b) = tb.get(ifla::BROADCAST) {
            if ifi.flags & iff::POINTOPOINT != 0 {
                ip.p.print_string(Kind::Fp, None, " peer ", None);
                ip.p.print_bool(Kind::Json, Some("link_pointtopoint"), "", true);
            } else {
                ip.p.print_string(Kind::Fp, None, " brd ", None);
            }
            let s = ll_addr_n2a(b.value, ifi.link_type);
            ip.p.print_color_string(Kind::Any, Color::Mac, Some("broadcast"), "%s", Some(&s));
        }
        if let Some(pa) = tb.get(ifla::PERM_ADDRESS) {
            let same = tb.get(ifla::ADDRESS).is_some_and(|a| a.value == pa.value);
            if !same {
                ip.p.print_string(Kind::Fp, None, " permaddr ", None);
                let s = ll_addr_n2a(pa.value, ifi.link_type);
                ip.p.print_color_string(Kind::Any, Color::Mac, Some("permaddr"), "%s", Some(&s));
            }
        }
    }
    if let Some(id) = tb.u32(ifla::LINK_NETNSID) {
        let id = id as i32;
        if ip.p.is_json() {
            ip.p.print_int(Kind::Json, Some("link_netnsid"), "", i64::from(id));
        } else if id >= 0 {
            match crate::ip::netns::name_from_nsid(ip, id) {
                Some(name) => ip.p.print_string(Kind::Fp, None, " link-netns %s", Some(&name)),
                None => ip.p.print_int(Kind::Fp, None, " link-netnsid %d", i64::from(id)),
            }
        } else {
            ip.p.print_string(Kind::Fp, None, " link-netnsid %s", Some("unknown"));
        }
    }
    if let Some(id) = tb.u32(ifla::NEW_NETNSID) {
        ip.p.print_int(Kind::Fp, None, " new-netnsid %d", i64::from(id as i32));
    }
    if let Some(id) = tb.u32(ifla::NEW_IFINDEX) {
        ip.p.print_int(Kind::Fp, None, " new-ifindex %d", i64::from(id as i32));
    }
    if tb.has(ifla::PROTO_DOWN) && tb.u8(ifla::PROTO_DOWN) != Some(0) {
        ip.p.print_bool(Kind::Any, Some("proto_down"), " protodown on ", true);
    }

    if ip.o.details > 0 {
        print_details(ip, do_link, &tb)?;
    }

    if do_link || ip.o.details > 0 {
        if let Some(alias) = tb.str(ifla::IFALIAS) {
            let sl = ip.p.sl;
            ip.p.print_string(Kind::Fp, None, "%s    ", Some(sl));
            ip.p.print_string(Kind::Any, Some("ifalias"), "alias %s", Some(&alias));
        }
        if let Some(x) = tb.get(ifla::XDP) {
            xdp_dump(ip, x.value, true, true);
        }
    }

    if do_link && ip.o.stats > 0 {
        ip.p.print_nl();
        print_link_stats64(ip, &tb);
    }

    if let Some(pl) = tb.get(ifla::PROP_LIST) {
        ip.p.open_json_array(Kind::Json, Some("altnames"));
        for nla in crate::wire::NlaIter::new(pl.value).flatten() {
            if nla.kind != ifla::ALT_IFNAME {
                continue;
            }
            let sl = ip.p.sl;
            ip.p.print_string(Kind::Fp, None, "%s    altname ", Some(sl));
            let n = super::super::nl::nla_str(nla.value);
            ip.p.print_string(Kind::Any, None, "%s", Some(&n));
        }
        ip.p.close_json_array(Kind::Json, None);
    }

    ip.p.print_string(Kind::Fp, None, "%s", Some("\n"));
    Ok(1)
}

fn print_details(ip: &mut Ip, do_link: bool, tb: &Attrs) -> Res<()> {
    if let Some(v) = tb.u32(ifla::PROMISCUITY) {
        ip.p.print_uint(Kind::Any, Some("promiscuity"), " promiscuity %u ", u64::from(v));
    }
    if let Some(v) = tb.u32(ifla::ALLMULTI) {
        ip.p.print_uint(Kind::Any, Some("allmulti"), " allmulti %u ", u64::from(v));
    }
    if let Some(v) = tb.u32(ifla::MIN_MTU) {
        ip.p.print_uint(Kind::Any, Some("min_mtu"), "minmtu %u ", u64::from(v));
    }
    if let Some(v) = tb.u32(ifla::MAX_MTU) {
        ip.p.print_uint(Kind::Any, Some("max_mtu"), "maxmtu %u ", u64::from(v));
    }
    if let Some(li) = tb.get(ifla::LINKINFO) {
        print_linktype(ip, li.value)?;
    }
    if do_link {
        if let Some(af) = tb.get(ifla::AF_SPEC) {
            print_af_spec(ip, af.value);
        }
    }
    let uints: &[(u16, &str, &str)] = &[
        (ifla::NUM_TX_QUEUES, "num_tx_queues", "numtxqueues %u "),
        (ifla::NUM_RX_QUEUES, "num_rx_queues", "numrxqueues %u "),
        (ifla::GSO_MAX_SIZE, "gso_max_size", "gso_max_size %u "),
        (ifla::GSO_MAX_SEGS, "gso_max_segs", "gso_max_segs %u "),
        (ifla::TSO_MAX_SIZE, "tso_max_size", "tso_max_size %u "),
        (ifla::TSO_MAX_SEGS, "tso_max_segs", "tso_max_segs %u "),
        (ifla::GRO_MAX_SIZE, "gro_max_size", "gro_max_size %u "),
    ];
    for (t, key, fmt) in uints {
        if let Some(v) = tb.u32(*t) {
            ip.p.print_uint(Kind::Any, Some(key), fmt, u64::from(v));
        }
    }
    if let Some(n) = tb.str(ifla::PHYS_PORT_NAME) {
        ip.p.print_string(Kind::Any, Some("phys_port_name"), "portname %s ", Some(&n));
    }
    if let Some(v) = tb.get(ifla::PHYS_PORT_ID) {
        let s = hexstring(v.value);
        ip.p.print_string(Kind::Any, Some("phys_port_id"), "portid %s ", Some(&s));
    }
    if let Some(v) = tb.get(ifla::PHYS_SWITCH_ID) {
        let s = hexstring(v.value);
        ip.p.print_string(Kind::Any, Some("phys_switch_id"), "switchid %s ", Some(&s));
    }
    if let Some(n) = tb.str(ifla::PARENT_DEV_BUS_NAME) {
        ip.p.print_string(Kind::Any, Some("parentbus"), "parentbus %s ", Some(&n));
    }
    if let Some(n) = tb.str(ifla::PARENT_DEV_NAME) {
        ip.p.print_string(Kind::Any, Some("parentdev"), "parentdev %s ", Some(&n));
    }
    Ok(())
}

fn hexstring(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// `parse_link_kind`: IFLA_INFO_KIND or IFLA_INFO_SLAVE_KIND, "" when the
/// link has link info without it, None without link info.
fn link_kind(tb: &Attrs, slave: bool) -> Option<String> {
    let li = tb.get(ifla::LINKINFO)?;
    let t = Attrs::parse(li.value, 5);
    Some(t.str(if slave { info::SLAVE_KIND } else { info::KIND }).unwrap_or_default())
}

/// `print_linktype`: the `-d` line with the kind and its options.
fn print_linktype(ip: &mut Ip, linkinfo: &[u8]) -> Res<()> {
    let li = Attrs::parse(linkinfo, 5);
    ip.p.open_json_object(Some("linkinfo"));
    if let Some(kind) = li.str(info::KIND) {
        ip.p.print_nl();
        ip.p.print_string(Kind::Any, Some("info_kind"), "    %s ", Some(&kind));
        if let Some(k) = kinds::find(&kind) {
            if let Some(print) = k.print_opt {
                let data = li.get(info::DATA).map(|d| d.value);
                ip.p.open_json_object(Some("info_data"));
                print(ip, data)?;
                ip.p.close_json_object();
            }
        }
    }
    if let Some(sk) = li.str(info::SLAVE_KIND) {
        ip.p.print_nl();
        ip.p.print_string(Kind::Any, Some("info_slave_kind"), "    %s_slave ", Some(&sk));
        if let Some(k) = kinds::find(&format!("{sk}_slave")) {
            if let Some(print) = k.print_opt {
                let data = li.get(info::SLAVE_DATA).map(|d| d.value);
                ip.p.open_json_object(Some("info_slave_data"));
                print(ip, data)?;
                ip.p.close_json_object();
            }
        }
    }
    ip.p.close_json_object();
    Ok(())
}

/// `print_af_spec`: the IPv6 address generation mode.
fn print_af_spec(ip: &mut Ip, af_spec: &[u8]) {
    let Some(inet6) = crate::wire::NlaIter::new(af_spec).flatten().find(|n| n.kind == 10) else {
        return;
    };
    let t = Attrs::parse(inet6.value, 10);
    if let Some(mode) = t.u8(crate::wire::link::inet6::ADDR_GEN_MODE) {
        let s = match mode {
            0 => "eui64".to_string(),
            1 => "none".to_string(),
            2 => "stable_secret".to_string(),
            3 => "random".to_string(),
            m => format!("{m:#04x}"),
        };
        ip.p.print_string(Kind::Any, Some("inet6_addr_gen_mode"), "addrgenmode %s ", Some(&s));
    }
}

/// `print_link_event`.
fn print_link_event(ip: &mut Ip, ev: u32) {
    const EVENTS: [&str; 7] = ["NONE", "REBOOT", "FEATURE CHANGE", "BONDING FAILOVER", "NOTIFY PEERS", "RESEND IGMP", "BONDING OPTION"];
    match EVENTS.get(ev as usize) {
        None => ip.p.print_int(Kind::Any, Some("event"), "event %d ", i64::from(ev as i32)),
        Some(_) if ev == 0 => {}
        Some(name) => ip.p.print_string(Kind::Any, Some("event"), "event %s ", Some(name)),
    }
}

/// `xdp_dump`, for the modes a link can report (programs themselves are
/// not modelled).
fn xdp_dump(ip: &mut Ip, xdp: &[u8], link: bool, details: bool) {
    let t = Attrs::parse(xdp, 10);
    let Some(mode) = t.u8(crate::wire::link::xdp::ATTACHED) else { return };
    if mode == 0 || ip.p.is_json() || (details && link) {
        return;
    }
    let s = match mode {
        1 => "xdp".to_string(),
        2 => "xdpgeneric".to_string(),
        3 => "xdpoffload".to_string(),
        4 => "xdpmulti".to_string(),
        m => format!("xdp[{m}]"),
    };
    ip.p.fp(&s);
    ip.p.fp(" ");
}
