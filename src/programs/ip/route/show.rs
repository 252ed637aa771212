//! Printing routes (ip/iproute.c `print_route` and its helpers).

use super::super::args::Res;
use super::super::ctx::Ip;
use super::super::names::{dsfield_n2a, family_name, realm_n2a, rtntype_n2a, rtprot_n2a, rttable_n2a, scope_n2a};
use super::super::nl::{Attrs, Msg};
use super::super::prefix::{af_bit_len, format_host, format_host_r};
use super::super::print::{Color, Kind};
use super::filter::{RouteFilter, filter_nlmsg, rtm_get_table};
use crate::wire::route::{RtMsgRepr, parse_multipath, rta, rtax, rtm_f};
use crate::wire::{RTM_DELROUTE, RTM_NEWROUTE};

use crate::wire::route::rtn::{MULTICAST as RTN_MULTICAST, UNICAST as RTN_UNICAST};

/// `mx_names`: the metric names by RTAX_* number.
fn mx_name(i: u16) -> Option<&'static str> {
    Some(match i {
        2 => "mtu",
        3 => "window",
        4 => "rtt",
        5 => "rttvar",
        6 => "ssthresh",
        7 => "cwnd",
        8 => "advmss",
        9 => "reordering",
        10 => "hoplimit",
        11 => "initcwnd",
        12 => "features",
        13 => "rto_min",
        14 => "initrwnd",
        15 => "quickack",
        16 => "congctl",
        17 => "fastopen_no_cookie",
        _ => return None,
    })
}

/// What became of one message handed to [`print_route`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Printed {
    /// Filtered out (or not a route).
    Skipped,
    /// Matched: printed, or queued for deletion when flushing.
    Matched,
}

/// `print_rt_flags`: next-hop and route flags.
pub fn print_rt_flags(ip: &mut Ip, flags: u32) {
    ip.p.open_json_array(Kind::Json, Some("flags"));
    const NAMES: &[(u32, &str)] = &[
        (1, "dead"),
        (4, "onlink"),
        (2, "pervasive"),
        (8, "offload"),
        (64, "trap"),
        (rtm_f::NOTIFY, "notify"),
        (16, "linkdown"),
        (32, "unresolved"),
        (rtm_f::OFFLOAD, "rt_offload"),
        (rtm_f::TRAP, "rt_trap"),
        (rtm_f::OFFLOAD_FAILED, "rt_offload_failed"),
    ];
    for (bit, name) in NAMES {
        if flags & bit != 0 {
            ip.p.print_string(Kind::Any, None, "%s ", Some(name));
        }
    }
    ip.p.close_json_array(Kind::Json, None);
}

fn print_rt_pref(ip: &mut Ip, pref: u8) {
    match pref {
        3 => ip.p.print_string(Kind::Any, Some("pref"), "pref %s", Some("low")),
        0 => ip.p.print_string(Kind::Any, Some("pref"), "pref %s", Some("medium")),
        1 => ip.p.print_string(Kind::Any, Some("pref"), "pref %s", Some("high")),
        v => ip.p.print_uint(Kind::Any, Some("pref"), "%u", u64::from(v)),
    }
}

/// `print_rta_ifidx`: "dev NAME " / "iif NAME ".
pub fn print_rta_ifidx(ip: &mut Ip, ifidx: u32, prefix: &str) {
    let name = ip.ll_index_to_name(ifidx);
    if ip.p.is_json() {
        ip.p.print_string(Kind::Json, Some(prefix), "", Some(&name));
    } else {
        ip.p.fp(&format!("{prefix} "));
        ip.p.print_color_string(Kind::Fp, Color::Ifname, None, "%s ", Some(&name));
    }
}

fn print_cache_flags(ip: &mut Ip, flags: u32) {
    let mut flags = flags & !0xFFFF;
    let json = ip.p.is_json();
    if json {
        ip.p.open_json_array(Kind::Json, Some("cache"));
    } else {
        let sl = ip.p.sl;
        ip.p.fp(&format!("{sl}    cache "));
        if flags == 0 {
            return;
        }
        ip.p.fp("<");
    }
    const NAMES: &[(u32, &str)] = &[
        (0x8000_0000, "local"),
        (0x4000_0000, "reject"),
        (0x2000_0000, "mc"),
        (0x1000_0000, "brd"),
        (0x0800_0000, "dst-nat"),
        (0x0080_0000, "src-nat"),
        (0x0040_0000, "masq"),
        (0x0002_0000, "dst-direct"),
        (0x0400_0000, "src-direct"),
        (0x0004_0000, "redirected"),
        (0x0100_0000, "redirect"),
        (0x0020_0000, "fastroute"),
        (0x0001_0000, "notify"),
        (0x0008_0000, "proxy"),
    ];
    for (bit, name) in NAMES {
        if flags & bit != 0 {
            flags &= !bit;
            if json {
                ip.p.print_string(Kind::Json, None, "", Some(name));
            } else {
                ip.p.fp(&format!("{name}{}", if flags != 0 { "," } else { "> " }));
            }
        }
    }
    if flags != 0 {
        ip.p.print_hex(Kind::Any, Some("flags"), "%x>", flags);
    }
    if json {
        ip.p.close_json_array(Kind::Json, None);
    }
}

/// `get_user_hz`: USER_HZ as `sysconf(_SC_CLK_TCK)` reports it.
const HZ: u32 = 100;

fn print_rta_cacheinfo(ip: &mut Ip, ci: &[u8]) {
    let w = |i: usize| crate::wire::get_u32(ci, i * 4).unwrap_or(0);
    let (clntref, lastuse, expires, error, used, id, ts, tsage) = (w(0), w(1), w(2) as i32, w(3), w(4), w(5), w(6), w(7));
    if expires != 0 {
        ip.p.print_int(Kind::Any, Some("expires"), "expires %dsec ", i64::from(expires / HZ as i32));
    }
    if error != 0 {
        ip.p.print_uint(Kind::Any, Some("error"), "error %u ", u64::from(error));
    }
    if ip.o.stats > 0 {
        if clntref != 0 {
            ip.p.print_uint(Kind::Any, Some("users"), "users %u ", u64::from(clntref));
        }
        if used != 0 {
            ip.p.print_uint(Kind::Any, Some("used"), "used %u ", u64::from(used));
        }
        if lastuse != 0 {
            ip.p.print_uint(Kind::Any, Some("age"), "age %usec ", u64::from(lastuse / HZ));
        }
    }
    if id != 0 {
        ip.p.print_0xhex(Kind::Any, Some("ipid"), "ipid 0x%04llx ", u64::from(id));
    }
    if ts != 0 || tsage != 0 {
        ip.p.print_0xhex(Kind::Any, Some("ts"), "ts 0x%llx", u64::from(ts));
        ip.p.print_uint(Kind::Any, Some("tsage"), "tsage %usec ", u64::from(tsage));
    }
}

fn print_rta_flow(ip: &mut Ip, v: u32) {
    let n = ip.o.numeric > 0;
    let from = v >> 16;
    let to = v & 0xFFFF;
    if ip.p.is_json() {
        ip.p.open_json_object(Some("flow"));
        if from != 0 {
            ip.p.print_string(Kind::Json, Some("from"), "", Some(&realm_n2a(from, n)));
        }
        ip.p.print_string(Kind::Json, Some("to"), "", Some(&realm_n2a(to, n)));
        ip.p.close_json_object();
    } else {
        ip.p.fp(&format!("realm{} ", if from != 0 { "s" } else { "" }));
        if from != 0 {
            ip.p.print_string(Kind::Fp, None, "%s/", Some(&realm_n2a(from, n)));
        }
        ip.p.print_string(Kind::Fp, None, "%s ", Some(&realm_n2a(to, n)));
    }
}

fn print_rta_newdst(ip: &mut Ip, family: u8, v: &[u8]) {
    let s = format_host_r(family, v, ip.o.resolve > 0);
    if ip.p.is_json() {
        ip.p.print_string(Kind::Json, Some("to"), "", Some(&s));
    } else {
        ip.p.fp("as to ");
        ip.p.print_color_string(Kind::Fp, Color::for_family(family), None, "%s ", Some(&s));
    }
}

/// `print_rta_gateway`.
pub fn print_rta_gateway(ip: &mut Ip, family: u8, v: &[u8]) {
    let gw = format_host_r(family, v, ip.o.resolve > 0);
    if ip.p.is_json() {
        ip.p.print_string(Kind::Json, Some("gateway"), "", Some(&gw));
    } else {
        ip.p.fp("via ");
        ip.p.print_color_string(Kind::Fp, Color::for_family(family), None, "%s ", Some(&gw));
    }
}

fn print_rta_via(ip: &mut Ip, v: &[u8]) {
    let fam = v.first().copied().unwrap_or(0);
    let addr = v.get(2..).unwrap_or(&[]);
    let host = format_host_r(fam, addr, ip.o.resolve > 0);
    if ip.p.is_json() {
        ip.p.open_json_object(Some("via"));
        ip.p.print_string(Kind::Json, Some("family"), "", Some(family_name(fam)));
        ip.p.print_string(Kind::Json, Some("host"), "", Some(&host));
        ip.p.close_json_object();
    } else {
        ip.p.print_string(Kind::Fp, None, "via %s ", Some(family_name(fam)));
        ip.p.print_color_string(Kind::Fp, Color::for_family(fam), None, "%s ", Some(&host));
    }
}

fn print_rtax_features(ip: &mut Ip, features: u32) {
    let mut f = features;
    if f & 1 != 0 {
        ip.p.print_null(Kind::Any, Some("ecn"), "ecn ", None);
        f &= !1;
    }
    if f != 0 {
        ip.p.print_0xhex(Kind::Any, Some("features"), "%#llx ", u64::from(features));
    }
}

fn print_rta_metrics(ip: &mut Ip, v: &[u8]) {
    ip.p.open_json_array(Kind::Json, Some("metrics"));
    ip.p.open_json_object(None);
    let mx = Attrs::parse(v, rtax::MAX);
    let lock = mx.u32(rtax::LOCK).unwrap_or(0);
    for i in 2..=rtax::MAX {
        let locked = lock & (1u32 << i) != 0;
        if !mx.has(i) && !locked {
            continue;
        }
        let val = if i != rtax::CC_ALGO { mx.u32(i).unwrap_or(0) } else { 0 };
        if i == rtax::HOPLIMIT && val as i32 == -1 {
            continue;
        }
        let name = mx_name(i);
        if !ip.p.is_json() {
            match name {
                Some(n) => ip.p.fp(&format!("{n} ")),
                None => ip.p.fp(&format!("metric {i} ")),
            }
            if locked {
                ip.p.fp("lock ");
            }
        }
        match i {
            rtax::FEATURES => print_rtax_features(ip, val),
            rtax::RTT | rtax::RTTVAR | rtax::RTO_MIN => {
                let val = match i {
                    rtax::RTT => val / 8,
                    rtax::RTTVAR => val / 4,
                    _ => val,
                };
                if ip.p.is_json() {
                    ip.p.print_uint(Kind::Json, name, "", u64::from(val));
                } else if val >= 1000 {
                    let s = super::super::printf::format(
                        "%gs ",
                        &[super::super::printf::Arg::F(crate::decimal::Ratio::new(u128::from(val), 1000))],
                    );
                    ip.p.fp(&s);
                } else {
                    ip.p.fp(&format!("{val}ms "));
                }
            }
            rtax::CC_ALGO => {
                let s = mx.str(i).unwrap_or_default();
                ip.p.print_string(Kind::Any, Some("congestion"), "%s ", Some(&s));
            }
            _ => ip.p.print_uint(Kind::Any, name, "%u ", u64::from(val)),
        }
    }
    ip.p.close_json_object();
    ip.p.close_json_array(Kind::Json, None);
}

fn print_rta_multipath(ip: &mut Ip, r: &RtMsgRepr, v: &[u8]) {
    ip.p.open_json_array(Kind::Json, Some("nexthops"));
    let nhs = parse_multipath_lenient(v);
    let mc = r.flags & rtm_f::CLONED != 0 && r.kind == RTN_MULTICAST;
    let mut first = true;
    for nh in nhs {
        ip.p.open_json_object(None);
        if mc {
            if first {
                ip.p.print_string(Kind::Fp, None, "Oifs: ", None);
                first = false;
            } else {
                ip.p.print_string(Kind::Fp, None, " ", None);
            }
        } else {
            let sl = ip.p.sl;
            ip.p.print_string(Kind::Fp, None, &format!("{sl}\tnexthop "), None);
        }
        if !nh.attrs.is_empty() {
            let tb = Attrs::parse(nh.attrs, rta::MAX);
            if let Some(d) = tb.get(rta::NEWDST) {
                print_rta_newdst(ip, r.family, d.value);
            }
            if let Some(g) = tb.get(rta::GATEWAY) {
                print_rta_gateway(ip, r.family, g.value);
            }
            if let Some(g) = tb.get(rta::VIA) {
                print_rta_via(ip, g.value);
            }
            if let Some(fl) = tb.u32(rta::FLOW) {
                print_rta_flow(ip, fl);
            }
        }
        let dev = ip.ll_index_to_name(nh.ifindex as u32);
        if mc {
            ip.p.print_string(Kind::Any, Some("dev"), "%s", Some(&dev));
            if nh.hops != 1 {
                ip.p.print_int(Kind::Any, Some("ttl"), "(ttl>%d)", i64::from(nh.hops));
            }
            ip.p.print_string(Kind::Fp, None, " ", None);
        } else {
            ip.p.print_string(Kind::Any, Some("dev"), "dev %s ", Some(&dev));
            if r.family != 28 {
                ip.p.print_int(Kind::Any, Some("weight"), "weight %d ", i64::from(nh.hops) + 1);
            }
        }
        print_rt_flags(ip, u32::from(nh.flags));
        ip.p.close_json_object();
    }
    ip.p.close_json_array(Kind::Json, None);
}

/// The next hops iproute2's loop walks: it stops at the first one whose
/// length runs past the attribute.
fn parse_multipath_lenient(v: &[u8]) -> Vec<crate::wire::route::NextHopView<'_>> {
    if let Ok(all) = parse_multipath(v) {
        return all;
    }
    let mut out = Vec::new();
    let mut pos = 0;
    while v.len().saturating_sub(pos) >= 8 {
        let len = usize::from(crate::wire::get_u16(v, pos).unwrap_or(0));
        if len > v.len() - pos || len < 8 {
            break;
        }
        if let Ok(mut one) = parse_multipath(&v[pos..pos + len]) {
            out.append(&mut one);
        }
        pos += crate::wire::align4(len);
    }
    out
}

/// `print_route`: prints one route message (or queues it for deletion
/// when the filter is flushing), with the selection of `f`.
pub fn print_route(ip: &mut Ip, f: &mut RouteFilter, raw: &[u8]) -> Res<Printed> {
    let Some(m) = Msg::parse(raw) else { return Ok(Printed::Skipped) };
    if m.hdr.kind != RTM_NEWROUTE && m.hdr.kind != RTM_DELROUTE {
        ip.err(&format!("Not a route: {:08x} {:08x} {:08x}\n", m.hdr.len, m.hdr.kind, m.hdr.flags));
        return Ok(Printed::Skipped);
    }
    if f.flushing && m.hdr.kind != RTM_NEWROUTE {
        return Ok(Printed::Skipped);
    }
    let Ok(r) = RtMsgRepr::parse(m.payload) else {
        ip.err(&format!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - 12));
        return Ok(Printed::Skipped);
    };
    let tb = Attrs::parse(m.payload.get(12..).unwrap_or(&[]), rta::MAX);
    let family = ip.o.family;
    if !filter_nlmsg(f, family, &r, &tb) {
        return Ok(Printed::Skipped);
    }
    if f.flushing {
        f.flushed += 1;
        if ip.o.stats < 2 {
            return Ok(Printed::Matched);
        }
    }
    print_route_body(ip, f, m.hdr.kind, &r, &tb);
    Ok(Printed::Matched)
}

fn addr_text(ip: &Ip, family: u8, v: &[u8], len: u8, host_len: i32, resolve: bool) -> String {
    if i32::from(len) != host_len {
        format!("{}/{}", format_host(family, v), len)
    } else {
        format_host_r(family, v, resolve && ip.o.resolve > 0)
    }
}

fn print_route_body(ip: &mut Ip, f: &RouteFilter, kind: u16, r: &RtMsgRepr, tb: &Attrs) {
    let host_len = af_bit_len(r.family);
    let table = rtm_get_table(r, tb);
    let numeric = ip.o.numeric > 0;
    let details = ip.o.details > 0;
    ip.p.open_json_object(None);
    if kind == RTM_DELROUTE {
        ip.p.print_bool(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    if (r.kind != RTN_UNICAST || details) && (f.typemask == 0 || f.typemask & (1u64 << (r.kind & 63)) != 0) {
        ip.p.print_string(Kind::Any, Some("type"), "%s ", Some(&rtntype_n2a(r.kind, numeric)));
    }
    // `get_real_family`: multicast routes of the IPMR/IP6MR families.
    let real_family = match (r.kind, r.family) {
        (RTN_MULTICAST, 128) => 2,
        (RTN_MULTICAST, 129) => 10,
        (_, fam) => fam,
    };
    let mut color = Color::None;
    let dst = if let Some(d) = tb.get(rta::DST) {
        color = Color::for_family(real_family);
        addr_text(ip, real_family, d.value, r.dst_len, host_len, true)
    } else if r.dst_len != 0 {
        format!("0/{} ", r.dst_len)
    } else {
        "default".to_string()
    };
    ip.p.print_color_string(Kind::Any, color, Some("dst"), "%s ", Some(&dst));
    if let Some(s) = tb.get(rta::SRC) {
        let color = Color::for_family(real_family);
        let src = addr_text(ip, real_family, s.value, r.src_len, host_len, true);
        ip.p.print_color_string(Kind::Any, color, Some("from"), "from %s ", Some(&src));
    } else if r.src_len != 0 {
        let s = format!("0/{}", r.src_len);
        ip.p.print_string(Kind::Any, Some("src"), "from %s ", Some(&s));
    }
    if let Some(nhid) = tb.u32(rta::NH_ID) {
        ip.p.print_uint(Kind::Any, Some("nhid"), "nhid %u ", u64::from(nhid));
    }
    if let Some(d) = tb.get(rta::NEWDST) {
        print_rta_newdst(ip, r.family, d.value);
    }
    if r.tos != 0 && f.tosmask != -1 {
        ip.p.print_string(Kind::Any, Some("tos"), "tos %s ", Some(&dsfield_n2a(r.tos, numeric)));
    }
    if let Some(g) = tb.get(rta::GATEWAY) {
        if f.rvia.bitlen != host_len {
            print_rta_gateway(ip, r.family, g.value);
        }
    }
    if let Some(v) = tb.get(rta::VIA) {
        print_rta_via(ip, v.value);
    }
    if let Some(oif) = tb.u32(rta::OIF) {
        if f.oifmask != -1 {
            print_rta_ifidx(ip, oif, "dev");
        }
    }
    if table != 0 && (table != 254 || details) && f.tb == 0 {
        ip.p.print_string(Kind::Any, Some("table"), "table %s ", Some(&rttable_n2a(table, numeric)));
    }
    if r.flags & rtm_f::CLONED == 0 {
        if (r.protocol != 3 || details) && f.protocolmask != -1 {
            ip.p.print_string(Kind::Any, Some("protocol"), "proto %s ", Some(&rtprot_n2a(r.protocol, numeric)));
        }
        if (r.scope != 0 || details) && f.scopemask != -1 {
            ip.p.print_string(Kind::Any, Some("scope"), "scope %s ", Some(&scope_n2a(r.scope, numeric)));
        }
    }
    if let Some(p) = tb.get(rta::PREFSRC) {
        if f.rprefsrc.bitlen != host_len {
            let psrc = format_host(r.family, p.value);
            if ip.p.is_json() {
                ip.p.print_string(Kind::Json, Some("prefsrc"), "", Some(&psrc));
            } else {
                ip.p.fp("src ");
                ip.p.print_color_string(Kind::Fp, Color::for_family(r.family), None, "%s ", Some(&psrc));
            }
        }
    }
    if let Some(m) = tb.u32(rta::PRIORITY) {
        if f.metricmask != u32::MAX {
            ip.p.print_uint(Kind::Any, Some("metric"), "metric %u ", u64::from(m));
        }
    }
    print_rt_flags(ip, r.flags);
    if let Some(mark) = tb.u32(rta::MARK) {
        if mark != 0 {
            if ip.p.is_json() {
                ip.p.print_uint(Kind::Json, Some("mark"), "", u64::from(mark));
            } else if mark >= 16 {
                ip.p.print_0xhex(Kind::Fp, None, "mark 0x%llx ", u64::from(mark));
            } else {
                ip.p.print_uint(Kind::Fp, None, "mark %u ", u64::from(mark));
            }
        }
    }
    if let Some(fl) = tb.u32(rta::FLOW) {
        if f.realmmask != u32::MAX {
            print_rta_flow(ip, fl);
        }
    }
    if let Some(uid) = tb.u32(rta::UID) {
        ip.p.print_uint(Kind::Any, Some("uid"), "uid %u ", u64::from(uid));
    }
    if r.family == 2 {
        if r.flags & rtm_f::CLONED != 0 {
            print_cache_flags(ip, r.flags);
        }
        if let Some(ci) = tb.get(rta::CACHEINFO) {
            print_rta_cacheinfo(ip, ci.value);
        }
    } else if r.family == 10 {
        if let Some(ci) = tb.get(rta::CACHEINFO) {
            print_rta_cacheinfo(ip, ci.value);
        }
    }
    if let Some(mx) = tb.get(rta::METRICS) {
        print_rta_metrics(ip, mx.value);
    }
    if let Some(iif) = tb.u32(rta::IIF) {
        if f.iifmask != -1 {
            print_rta_ifidx(ip, iif, "iif");
        }
    }
    if let Some(pref) = tb.u8(rta::PREF) {
        print_rt_pref(ip, pref);
    }
    if let Some(t) = tb.u8(rta::TTL_PROPAGATE) {
        if ip.p.is_json() {
            ip.p.print_bool(Kind::Json, Some("ttl-propogate"), "", t != 0);
        } else {
            let s = if t != 0 { "enabled" } else { "disabled" };
            ip.p.print_string(Kind::Fp, None, "ttl-propogate %s", Some(s));
        }
    }
    if let Some(id) = tb.u32(rta::NH_ID).filter(|_| ip.o.details > 0) {
        crate::programs::ip::nexthop::print_cache_nexthop_id(ip, "\n\tnh_info ", "nh_info", id);
    }
    if let Some(mp) = tb.get(rta::MULTIPATH) {
        print_rta_multipath(ip, r, mp.value);
    }
    ip.p.print_string(Kind::Fp, None, "\n", None);
    ip.p.close_json_object();
}
