//! `bridge vlan` (bridge/vlan.c): add and delete VLANs on bridge ports and
//! bridges, and show them. The kernel modelled here, like the recording
//! kernel, has no bridge VLAN filtering: adding is refused, and dumps carry
//! no VLAN lists, so `show` prints its header only.

use crate::ip::args::{Exit, Res, matches};
use crate::ip::ctx::Ip;
use crate::ip::nl::Req;
use crate::wire::RTM_GETVLAN;
use crate::wire::link::{IfInfoRepr, ifla};
use crate::wire::link::{bridge_af, bridge_flags, bridge_vlan_info, rtext_filter};
use crate::wire::{AF_BRIDGE, RTM_DELLINK, RTM_GETLINK, RTM_GETSTATS, RTM_SETLINK};

const USAGE: &str = "Usage: bridge vlan { add | del } vid VLAN_ID dev DEV [ tunnel_info id TUNNEL_ID ]
                                                     [ pvid ] [ untagged ]
                                                     [ self ] [ master ]
       bridge vlan { set } vid VLAN_ID dev DEV [ state STP_STATE ]
                                               [ mcast_router MULTICAST_ROUTER ]
       bridge vlan { show } [ dev DEV ] [ vid VLAN_ID ]
       bridge vlan { tunnelshow } [ dev DEV ] [ vid VLAN_ID ]
       bridge vlan global { set } vid VLAN_ID dev DEV
                      [ mcast_snooping MULTICAST_SNOOPING ]
                      [ mcast_querier MULTICAST_QUERIER ]
                      [ mcast_igmp_version IGMP_VERSION ]
                      [ mcast_mld_version MLD_VERSION ]
                      [ mcast_last_member_count LAST_MEMBER_COUNT ]
                      [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]
                      [ mcast_startup_query_count STARTUP_QUERY_COUNT ]
                      [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]
                      [ mcast_membership_interval MEMBERSHIP_INTERVAL ]
                      [ mcast_querier_interval QUERIER_INTERVAL ]
                      [ mcast_query_interval QUERY_INTERVAL ]
                      [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]
       bridge vlan global { show } [ dev DEV ] [ vid VLAN_ID ]
";

/// BRIDGE_VLANDB_DUMP_FLAGS and its bits.
const BRIDGE_VLANDB_DUMP_FLAGS: u16 = 1;
const BRIDGE_VLANDB_DUMPF_STATS: u32 = 1;
const BRIDGE_VLANDB_DUMPF_GLOBAL: u32 = 2;
/// IFLA_STATS_FILTER_BIT(IFLA_STATS_LINK_XSTATS), (..._XSTATS_SLAVE).
const STATS_LINK_XSTATS: u32 = 1 << 1;
const STATS_LINK_XSTATS_SLAVE: u32 = 1 << 2;

/// What a `show` lists.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Subject {
    Vlan,
    TunnelInfo,
}

fn usage(ip: &mut Ip) -> Exit {
    ip.err(USAGE);
    Exit(255)
}

/// `do_vlan`.
pub fn do_vlan(ip: &mut Ip, args: &[String]) -> Res<i32> {
    ip.ll_init_map()?;
    let Some((cmd, rest)) = args.split_first() else { return show(ip, &[], Subject::Vlan) };
    if matches(cmd, "add") {
        return modify(ip, RTM_SETLINK, rest);
    }
    if matches(cmd, "delete") {
        return modify(ip, RTM_DELLINK, rest);
    }
    if matches(cmd, "show") || matches(cmd, "lst") || matches(cmd, "list") {
        return show(ip, rest, Subject::Vlan);
    }
    if matches(cmd, "tunnelshow") {
        return show(ip, rest, Subject::TunnelInfo);
    }
    if cmd == "global" {
        return match rest.split_first() {
            None => global_show(ip, &[]),
            Some((c, r)) if c == "show" || c == "lst" || c == "list" => global_show(ip, r),
            Some(_) => Err(usage(ip)),
        };
    }
    if matches(cmd, "help") {
        return Err(usage(ip));
    }
    ip.err(&format!("Command \"{cmd}\" is unknown, try \"bridge vlan help\".\n"));
    Err(Exit(255))
}

/// C's `atoi` into a `short`, as vlan.c reads VLAN ids.
fn atoi_short(s: &str) -> i16 {
    let t = s.trim_start();
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut v: i64 = 0;
    for c in digits.bytes().take_while(u8::is_ascii_digit) {
        v = (v * 10 + i64::from(c - b'0')) & 0xffff_ffff;
    }
    (if neg { -v } else { v }) as i16
}

/// `vlan_modify`: RTM_SETLINK (add) or RTM_DELLINK (del) of family
/// AF_BRIDGE with the VLAN in IFLA_AF_SPEC.
fn modify(ip: &mut Ip, cmd: u16, args: &[String]) -> Res<i32> {
    let mut dev: Option<&str> = None;
    let (mut vid, mut vid_end): (i16, i16) = (-1, -1);
    let mut vflags = 0u16;
    let mut flags = 0u16;
    let mut i = 0;
    while i < args.len() {
        let w = args[i].as_str();
        let mut next = || -> Res<&str> {
            i += 1;
            args.get(i).map(String::as_str).ok_or(Exit(255))
        };
        match w {
            "dev" => dev = Some(next().map_err(|_| ip.incomplete())?),
            "vid" => {
                let v = next().map_err(|_| ip.incomplete())?;
                match v.split_once('-') {
                    Some((a, b)) => {
                        vid = atoi_short(a);
                        vid_end = atoi_short(b);
                        vflags |= bridge_vlan_info::RANGE_BEGIN;
                    }
                    None => vid = atoi_short(v),
                }
            }
            "self" => flags |= bridge_flags::SELF,
            "master" => flags |= bridge_flags::MASTER,
            "pvid" => vflags |= bridge_vlan_info::PVID,
            "untagged" => vflags |= bridge_vlan_info::UNTAGGED,
            _ => {
                if matches(w, "help") {
                    next().map_err(|_| ip.incomplete())?;
                }
            }
        }
        i += 1;
    }
    let (Some(d), false) = (dev, vid == -1) else {
        ip.err("Device and VLAN ID are required arguments.\n");
        return Ok(-1);
    };
    let index = ip.ll_name_to_index(d);
    if index == 0 {
        ip.err(&format!("Cannot find bridge device \"{d}\"\n"));
        return Ok(-1);
    }
    // The checks compare the signed shorts with 4096 (`%hu` prints them).
    if vid >= 4096 {
        ip.err(&format!("Invalid VLAN ID \"{}\"\n", vid as u16));
        return Ok(-1);
    }
    if vflags & bridge_vlan_info::RANGE_BEGIN != 0 {
        if vid_end == -1 || vid_end >= 4096 || vid >= vid_end {
            ip.err(&format!("Invalid VLAN range \"{}-{}\"\n", vid as u16, vid_end as u16));
            return Ok(-1);
        }
        if vflags & bridge_vlan_info::PVID != 0 {
            ip.err("pvid cannot be configured for a vlan range\n");
            return Ok(-1);
        }
    }
    let mut req = Req::new(cmd, crate::wire::NLM_F_REQUEST);
    req.push_header(&IfInfoRepr { family: AF_BRIDGE, index: index as i32, ..Default::default() }.to_bytes());
    let spec = req.nest(ifla::AF_SPEC);
    if flags != 0 {
        req.addattr16(bridge_af::FLAGS, flags);
    }
    let info = |f: u16, v: i16| {
        let mut b = [0u8; 4];
        crate::wire::put_bytes(&mut b, 0, &f.to_ne_bytes());
        crate::wire::put_bytes(&mut b, 2, &(v as u16).to_ne_bytes());
        b
    };
    if vid_end != -1 {
        req.addattr_l(bridge_af::VLAN_INFO, &info(vflags, vid));
        let end_flags = (vflags & !bridge_vlan_info::RANGE_BEGIN) | bridge_vlan_info::RANGE_END;
        req.addattr_l(bridge_af::VLAN_INFO, &info(end_flags, vid_end));
    } else {
        req.addattr_l(bridge_af::VLAN_INFO, &info(vflags, vid));
    }
    req.nest_end(spec);
    match ip.rth.talk(&mut ip.p, &mut req, false, true) {
        Ok(_) => Ok(0),
        Err(_) => Ok(-1),
    }
}

/// The `dev` and `vid` words of a show; the device's index (0: none), or
/// the exit after `nodev`.
fn show_filters(ip: &mut Ip, args: &[String]) -> Res<Result<u32, i32>> {
    let (mut dev, mut vid): (Option<&str>, i32) = (None, 0);
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "dev" => {
                i += 1;
                let v = args.get(i).ok_or_else(|| ip.incomplete())?;
                if dev.is_some() {
                    return Err(ip.duparg("dev", v));
                }
                dev = Some(v);
            }
            "vid" => {
                i += 1;
                let v = args.get(i).ok_or_else(|| ip.incomplete())?;
                if vid != 0 {
                    return Err(ip.duparg("vid", v));
                }
                vid = i32::from(atoi_short(v));
            }
            _ => {}
        }
        i += 1;
    }
    match dev {
        Some(d) => {
            let index = ip.ll_name_to_index(d);
            Ok(if index == 0 { Err(ip.nodev(d)) } else { Ok(index) })
        }
        None => Ok(Ok(0)),
    }
}

/// The column header of a show.
fn header(ip: &mut Ip, subject: Subject) {
    if ip.p.is_json() {
        return;
    }
    let mut h = format!("{:<16}  {:<9}", "port", "vlan-id");
    if subject == Subject::TunnelInfo {
        h.push_str("  tunnel-id");
    }
    h.push('\n');
    ip.p.fp(&h);
}

/// Runs a dump whose replies can hold nothing this kernel has (no VLAN
/// lists); Err(exit) after "Dump terminated".
fn run_dump(ip: &mut Ip, req: &mut Req) -> Res<()> {
    ip.rth.dump_request(req, 0);
    let (_msgs, end) = ip.rth.dump_collect();
    if !end.ok {
        ip.dump_terminated(&end);
        ip.p.delete_json_obj();
        return Err(Exit(1));
    }
    Ok(())
}

/// An RTM_GETVLAN dump request (`rtnl_brvlandump_req`).
fn vlandb_request(flags: u32) -> Req {
    let mut req = Req::new(RTM_GETVLAN, 0);
    req.push_header(&[AF_BRIDGE, 0, 0, 0, 0, 0, 0, 0]);
    if flags != 0 {
        req.addattr32(BRIDGE_VLANDB_DUMP_FLAGS, flags);
    }
    req
}

/// `vlan_show`.
fn show(ip: &mut Ip, args: &[String], subject: Subject) -> Res<i32> {
    if let Err(code) = show_filters(ip, args)? {
        return Ok(code);
    }
    let json = ip.o.json > 0;
    ip.p.new_json_obj(json);
    if ip.o.details > 0 && subject == Subject::Vlan {
        let mut req = vlandb_request(if ip.o.stats > 0 { BRIDGE_VLANDB_DUMPF_STATS } else { 0 });
        header(ip, subject);
        run_dump(ip, &mut req)?;
    } else if ip.o.stats == 0 {
        let mut req = Req::new(RTM_GETLINK, 0);
        req.push_header(&IfInfoRepr { family: AF_BRIDGE, ..Default::default() }.to_bytes());
        let compress = ip.o.compress_vlans > 0;
        req.addattr32(ifla::EXT_MASK, if compress { rtext_filter::BRVLAN_COMPRESSED } else { rtext_filter::BRVLAN });
        header(ip, subject);
        run_dump(ip, &mut req)?;
    } else {
        if !ip.p.is_json() {
            ip.p.fp(&format!("{:<16}  vlan-id\n", "port"));
        }
        for mask in [STATS_LINK_XSTATS, STATS_LINK_XSTATS_SLAVE] {
            let mut req = Req::new(RTM_GETSTATS, 0);
            let mut body = [0u8; 12];
            body[0] = 0; // AF_UNSPEC
            crate::wire::put_bytes(&mut body, 8, &mask.to_ne_bytes());
            req.push_header(&body);
            run_dump(ip, &mut req)?;
        }
    }
    ip.p.delete_json_obj();
    Ok(0)
}

/// `vlan_global_show`.
fn global_show(ip: &mut Ip, args: &[String]) -> Res<i32> {
    if let Err(code) = show_filters(ip, args)? {
        return Ok(code);
    }
    let json = ip.o.json > 0;
    ip.p.new_json_obj(json);
    let mut req = vlandb_request(BRIDGE_VLANDB_DUMPF_GLOBAL);
    header(ip, Subject::Vlan);
    run_dump(ip, &mut req)?;
    ip.p.delete_json_obj();
    Ok(0)
}
