//! `ip route list|show|flush` (ip/iproute.c `iproute_list_flush_or_save`
//! and `iproute_flush`).

use super::super::args::{Args, Exit, Res, matches};
use super::super::ctx::Ip;
use super::super::flush;
use super::super::names::{dsfield_a2n, read_family, rt_realms_or_raw, rtntype_a2n, rtprot_a2n, rttable_a2n, scope_a2n};
use super::super::nl::Req;
use super::super::prefix::{Prefix, get_prefix};
use super::filter::RouteFilter;
use super::show::{Printed, print_route};
use crate::wire::route::{RtMsgRepr, rta, rtm_f};
use crate::wire::{RTM_DELROUTE, RTM_GETROUTE};

/// `rtnl_routedump_req` with `iproute_dump_filter`: a 156-byte buffer.
fn routedump_req(ip: &mut Ip, family: u8, f: &RouteFilter) {
    let mut req = Req::new(RTM_GETROUTE, 0);
    let mut rtm = RtMsgRepr { family, protocol: f.protocol, ..Default::default() };
    if f.cloned != 0 {
        rtm.flags |= rtm_f::CLONED;
    }
    req.push_header(&rtm.to_bytes());
    if f.tb != 0 {
        req.addattr32(rta::TABLE, f.tb);
    }
    if f.oif != 0 {
        req.addattr32(rta::OIF, f.oif);
    }
    ip.rth.dump_request(&mut req, 16 + 12 + 128);
}

fn get_prefix_or_exit(ip: &mut Ip, arg: &str, family: u8) -> Res<Prefix> {
    get_prefix(arg, family).map_err(|e| {
        ip.err(&e);
        Exit(1)
    })
}

/// Parses the selector words of list/flush into `f`; returns the dump
/// family.
fn parse_selector(ip: &mut Ip, args: &[String], f: &mut RouteFilter) -> Res<Result<u8, i32>> {
    let mut dump_family = ip.o.family;
    let mut id: Option<&str> = None;
    let mut od: Option<&str> = None;
    let mut mark = 0u32;
    let mut a = Args::new(args);
    while let Some(w) = a.peek() {
        if matches(w, "table") {
            let v = ip.next_arg(&mut a)?;
            match rttable_a2n(v) {
                Some(t) => f.tb = t,
                None if v == "all" => f.tb = 0,
                None if v == "cache" => f.cloned = 1,
                None if v == "help" => return Err(super::usage(ip)),
                None => return Err(ip.invarg("table id value is invalid\n", v)),
            }
        } else if matches(w, "vrf") {
            let v = ip.next_arg(&mut a)?;
            let tid = crate::programs::ip::vrf::get_table(ip, v);
            if tid == 0 {
                return Err(ip.invarg("Invalid VRF\n", v));
            }
            f.tb = tid;
            // Not the VRF's local and broadcast routes (RTN_LOCAL, RTN_BROADCAST).
            f.typemask = !((1u64 << 2) | (1u64 << 3));
        } else if matches(w, "cached") || matches(w, "cloned") {
            f.cloned = 1;
        } else if w == "tos" || matches(w, "dsfield") {
            let v = ip.next_arg(&mut a)?;
            match dsfield_a2n(v) {
                Some(t) => f.tos = t,
                None => return Err(ip.invarg("TOS value is invalid\n", v)),
            }
            f.tosmask = -1;
        } else if matches(w, "protocol") {
            let v = ip.next_arg(&mut a)?;
            f.protocolmask = -1;
            match rtprot_a2n(v) {
                Some(p) => f.protocol = p,
                None => {
                    if v != "all" {
                        return Err(ip.invarg("invalid \"protocol\"\n", v));
                    }
                    f.protocol = 0;
                    f.protocolmask = 0;
                }
            }
        } else if matches(w, "scope") {
            let v = ip.next_arg(&mut a)?;
            f.scopemask = -1;
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
        } else if matches(w, "type") {
            let v = ip.next_arg(&mut a)?;
            match rtntype_a2n(v) {
                Some(t) => f.typemask = 1u64 << (t & 63),
                None => return Err(ip.invarg("node type value is invalid\n", v)),
            }
        } else if w == "dev" || w == "oif" {
            od = Some(ip.next_arg(&mut a)?);
        } else if w == "iif" {
            id = Some(ip.next_arg(&mut a)?);
        } else if w == "mark" {
            let v = ip.next_arg(&mut a)?;
            match super::super::args::get_u32(v, 0) {
                Some(m) => mark = m,
                None => return Err(ip.invarg("invalid mark value", v)),
            }
            f.markmask = -1;
        } else if matches(w, "metric") || matches(w, "priority") || w == "preference" {
            let v = ip.next_arg(&mut a)?;
            match super::super::args::get_u32(v, 0) {
                Some(m) => f.metric = m,
                None => return Err(ip.invarg("\"metric\" value is invalid\n", v)),
            }
            f.metricmask = u32::MAX;
        } else if w == "via" {
            let mut v = ip.next_arg(&mut a)?;
            let mut fam = read_family(v);
            if fam == 0 {
                fam = dump_family;
            } else {
                v = ip.next_arg(&mut a)?;
            }
            f.rvia = get_prefix_or_exit(ip, v, fam)?;
        } else if w == "src" {
            let v = ip.next_arg(&mut a)?;
            f.rprefsrc = get_prefix_or_exit(ip, v, dump_family)?;
        } else if matches(w, "realms") {
            let v = ip.next_arg(&mut a)?;
            let Some(realm) = rt_realms_or_raw(v) else {
                return Err(ip.invarg("invalid realms\n", v));
            };
            f.realm = realm;
            f.realmmask = u32::MAX;
            if realm & 0xFFFF == 0 && v.ends_with('/') {
                f.realmmask &= !0xFFFF;
            }
            if realm & 0xFFFF_0000 == 0 && (!v.as_bytes().contains(&b'/') || v.starts_with('/')) {
                f.realmmask &= !0xFFFF_0000;
            }
        } else if matches(w, "from") {
            let v = ip.next_arg(&mut a)?;
            if matches(v, "root") {
                let v = ip.next_arg(&mut a)?;
                f.rsrc = get_prefix_or_exit(ip, v, dump_family)?;
            } else if matches(v, "match") {
                let v = ip.next_arg(&mut a)?;
                f.msrc = get_prefix_or_exit(ip, v, dump_family)?;
            } else {
                let v = if matches(v, "exact") { ip.next_arg(&mut a)? } else { v };
                f.msrc = get_prefix_or_exit(ip, v, dump_family)?;
                f.rsrc = f.msrc;
            }
        } else {
            let mut v = w;
            if matches(v, "to") {
                v = ip.next_arg(&mut a)?;
            }
            if matches(v, "root") {
                let v = ip.next_arg(&mut a)?;
                f.rdst = get_prefix_or_exit(ip, v, dump_family)?;
            } else if matches(v, "match") {
                let v = ip.next_arg(&mut a)?;
                f.mdst = get_prefix_or_exit(ip, v, dump_family)?;
            } else {
                if matches(v, "exact") {
                    v = ip.next_arg(&mut a)?;
                }
                f.mdst = get_prefix_or_exit(ip, v, dump_family)?;
                f.rdst = f.mdst;
            }
        }
        a.advance();
    }
    if dump_family == 0 && f.tb != 0 {
        dump_family = 2;
    }
    if let Some(d) = id {
        let idx = ip.ll_name_to_index(d);
        if idx == 0 {
            return Ok(Err(ip.nodev(d)));
        }
        f.iif = idx;
        f.iifmask = -1;
    }
    if let Some(d) = od {
        let idx = ip.ll_name_to_index(d);
        if idx == 0 {
            return Ok(Err(ip.nodev(d)));
        }
        f.oif = idx;
        f.oifmask = -1;
    }
    f.mark = mark;
    Ok(Ok(dump_family))
}

/// `iproute_list_flush_or_save` for list (`flush` false) and flush.
pub fn list_or_flush(ip: &mut Ip, args: &[String], flush: bool) -> Res<i32> {
    let mut f = RouteFilter::new(0);
    f.tb = 254;
    if flush && args.is_empty() {
        ip.err("\"ip route flush\" requires arguments.\n");
        return Ok(-1);
    }
    let dump_family = match parse_selector(ip, args, &mut f)? {
        Ok(fam) => fam,
        Err(ret) => return Ok(ret),
    };
    if flush {
        return iproute_flush(ip, dump_family, &mut f);
    }
    routedump_req(ip, dump_family, &f);
    let json = ip.o.json > 0;
    let (msgs, end) = ip.rth.dump_collect();
    // `save_route_errhndlr`: a missing main table is not an error.
    let suppressed = !end.ok && end.stderr.is_empty() && f.tb == 254;
    if !end.ok && !suppressed && msgs.is_empty() {
        ip.dump_terminated(&end);
        dangling_json_open(ip);
        return Ok(-2);
    }
    ip.p.new_json_obj(json);
    for m in &msgs {
        print_route(ip, &mut f, m)?;
    }
    if !end.ok && !suppressed {
        ip.dump_terminated(&end);
        return Ok(-2);
    }
    ip.err(&end.stderr);
    ip.p.delete_json_obj();
    Ok(0)
}

/// What a failed JSON dump leaves on standard output: iproute2 opened the
/// outer array before the dump and exits without closing it, so a
/// terminal shows the lone "[" (held in the line buffer) after the error
/// messages.
pub(crate) fn dangling_json_open(ip: &mut Ip) {
    if ip.o.json > 0 {
        ip.p.fp(if ip.o.pretty > 0 { "[ " } else { "[" });
    }
}

/// `iproute_flush`.
fn iproute_flush(ip: &mut Ip, family: u8, f: &mut RouteFilter) -> Res<i32> {
    if f.cloned != 0 {
        if family != 10 {
            // The IPv4 routing cache is gone from Linux; the write to
            // /proc/sys/net/ipv4/route/flush still succeeds.
            if ip.o.stats > 0 {
                ip.p.fp("*** IPv4 routing cache is flushed.\n");
            }
        }
        if family == 2 {
            return Ok(0);
        }
    }
    f.flushing = true;
    let mut buf: Vec<u8> = Vec::new();
    let mut round = 0;
    loop {
        routedump_req(ip, family, f);
        f.flushed = 0;
        let (msgs, end) = ip.rth.dump_collect();
        for raw in &msgs {
            if print_route(ip, f, raw)? == Printed::Matched {
                if flush::is_full(&buf, raw.len()) && flush::send_checked(ip, &mut buf).is_err() {
                    return Ok(-2);
                }
                flush::queue(ip, &mut buf, raw, RTM_DELROUTE);
            }
        }
        ip.err(&end.stderr);
        if !end.ok {
            ip.err("Flush terminated\n");
            return Ok(-2);
        }
        if f.flushed == 0 {
            if ip.o.stats > 0 {
                if round == 0 && (f.cloned == 0 || family == 10) {
                    ip.p.fp("Nothing to flush.\n");
                } else {
                    let s = if round > 1 { "s" } else { "" };
                    ip.p.fp(&format!("*** Flush is complete after {round} round{s} ***\n"));
                }
            }
            return Ok(0);
        }
        round += 1;
        if flush::send_checked(ip, &mut buf).is_err() {
            return Ok(-2);
        }
        if ip.o.stats > 0 {
            ip.p.fp(&format!("\n*** Round {round}, deleting {} entries ***\n", f.flushed));
        }
        if round > 100 {
            // iproute2 gives up after 30 seconds of rounds.
            ip.p.fp(&format!("\n*** Flush not completed after 30 seconds, {} entries remain ***\n", f.flushed));
            return Ok(-1);
        }
    }
}
