//! Printing, listing and flushing neighbours (ip/ipneigh.c `print_neigh`,
//! `do_show_or_flush`).

use super::super::args::{Args, Exit, Res, matches};
use super::super::ctx::Ip;
use super::super::flush;
use super::super::names::{ll_addr_n2a, rtprot_a2n, rtprot_n2a};
use super::super::nl::{Attrs, Msg, Req};
use super::super::prefix::{Prefix, format_host_r, get_prefix, prefix_matches};
use super::super::print::{Color, Kind};
use super::{ntf, nud_state_a2n, usage};
use crate::wire::neigh::{NdMsgRepr, nda, nud};
use crate::wire::{NLM_F_DUMP_FILTERED, RTM_DELNEIGH, RTM_GETNEIGH, RTM_NEWNEIGH};

/// `get_user_hz`.
const HZ: u32 = 100;
const MAX_ROUNDS: u32 = 10;

/// The selection of `ip neigh show|flush` (ipneigh.c's static `filter`).
#[derive(Debug, Clone, Default)]
pub struct NeighFilter {
    /// Address family (0: any).
    pub family: u8,
    /// Interface index (0: any).
    pub index: u32,
    /// Accepted NUD states; bit 0x100 stands for NUD_NONE.
    pub state: u32,
    /// Only entries without references.
    pub unused_only: bool,
    /// Destination prefix.
    pub pfx: Prefix,
    /// Flushing: matching entries are queued for deletion.
    pub flushing: bool,
    /// Entries queued in this round.
    pub flushed: u32,
    /// Master index (0: any, -1: none).
    pub master: i32,
    /// Protocol (0: any).
    pub protocol: u8,
    /// `ndm_flags` of the dump request (NTF_PROXY for `proxy`).
    pub ndm_flags: u8,
    /// Whether the master-filter warning was printed.
    warned: bool,
}

impl NeighFilter {
    /// `ipneigh_reset_filter(ifindex)`.
    pub fn new(ifindex: u32) -> NeighFilter {
        NeighFilter { state: !0, index: ifindex, ..Default::default() }
    }
}

/// What became of one message handed to [`print_neigh`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// Filtered out.
    Skipped,
    /// Printed, or queued for deletion.
    Matched,
}

fn print_neigh_state(ip: &mut Ip, state: u16) {
    ip.p.open_json_array(Kind::Json, Some("state"));
    const NAMES: &[(u16, &str)] = &[
        (nud::INCOMPLETE, "INCOMPLETE"),
        (nud::REACHABLE, "REACHABLE"),
        (nud::STALE, "STALE"),
        (nud::DELAY, "DELAY"),
        (0x10, "PROBE"),
        (0x20, "FAILED"),
        (0x40, "NOARP"),
        (0x80, "PERMANENT"),
    ];
    for (bit, name) in NAMES {
        if state & bit != 0 {
            ip.p.print_string(Kind::Any, None, "%s ", Some(name));
        }
    }
    ip.p.close_json_array(Kind::Json, None);
}

fn dst_text(ip: &Ip, family: u8, v: &[u8]) -> (u8, String) {
    let fam = if family == 7 { if v.len() == 16 { 10 } else { 2 } } else { family };
    (fam, format_host_r(fam, v, ip.o.resolve > 0))
}

fn lladdr_text(ip: &Ip, ifindex: i32, v: &[u8]) -> String {
    ll_addr_n2a(v, ip.ll_index_to_type(ifindex as u32) as u16)
}

/// `print_neigh`: prints one neighbour message that passes `f` (or
/// queues it for deletion when flushing).
pub fn print_neigh(ip: &mut Ip, f: &mut NeighFilter, raw: &[u8]) -> Res<Seen> {
    let Some(m) = Msg::parse(raw) else { return Ok(Seen::Skipped) };
    let kind = m.hdr.kind;
    if kind != RTM_NEWNEIGH && kind != RTM_DELNEIGH && kind != RTM_GETNEIGH {
        ip.err(&format!("Not RTM_NEWNEIGH: {:08x} {:08x} {:08x}\n", m.hdr.len, kind, m.hdr.flags));
        return Ok(Seen::Skipped);
    }
    let Ok(r) = NdMsgRepr::parse(m.payload) else {
        ip.err(&format!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - 12));
        return Ok(Seen::Skipped);
    };
    if f.flushing && kind != RTM_NEWNEIGH {
        return Ok(Seen::Skipped);
    }
    if f.family != 0 && f.family != r.family {
        return Ok(Seen::Skipped);
    }
    if f.index != 0 && f.index as i32 != r.ifindex {
        return Ok(Seen::Skipped);
    }
    let state = u32::from(r.state);
    if f.state & state == 0 && r.flags & ntf::PROXY == 0 && r.flags & ntf::EXT_LEARNED == 0 && (state != 0 || f.state & 0x100 == 0) {
        return Ok(Seen::Skipped);
    }
    if f.master != 0 && m.hdr.flags & NLM_F_DUMP_FILTERED == 0 && !f.warned {
        f.warned = true;
        ip.p.fp("\nWARNING: Kernel does not support filtering by master device\n\n");
    }
    let tb = Attrs::parse(m.payload.get(12..).unwrap_or(&[]), nda::MAX);
    if !prefix_matches(&f.pfx, tb.get(nda::DST).map(|n| n.value)) {
        return Ok(Seen::Skipped);
    }
    let protocol = tb.u8(nda::PROTOCOL).unwrap_or(0);
    let ext_flags = tb.u32(nda::FLAGS_EXT).unwrap_or(0);
    if f.protocol != 0 && f.protocol != protocol {
        return Ok(Seen::Skipped);
    }
    if f.unused_only {
        if let Some(ci) = tb.get(nda::CACHEINFO) {
            if crate::wire::get_u32(ci.value, 12).unwrap_or(0) != 0 {
                return Ok(Seen::Skipped);
            }
        }
    }
    if f.flushing {
        f.flushed += 1;
        if ip.o.stats < 2 {
            return Ok(Seen::Matched);
        }
    }
    ip.p.open_json_object(None);
    if kind == RTM_DELNEIGH {
        ip.p.print_bool(Kind::Any, Some("deleted"), "Deleted ", true);
    } else if kind == RTM_GETNEIGH {
        ip.p.print_null(Kind::Any, Some("miss"), "%s ", Some("miss"));
    }
    if ip.o.brief > 0 {
        print_brief(ip, f, &r, &tb);
        return Ok(Seen::Matched);
    }
    if let Some(d) = tb.get(nda::DST) {
        let (fam, dst) = dst_text(ip, r.family, d.value);
        ip.p.print_color_string(Kind::Any, Color::for_family(fam), Some("dst"), "%s ", Some(&dst));
    }
    if f.index == 0 && r.ifindex != 0 {
        if !ip.p.is_json() {
            ip.p.fp("dev ");
        }
        let name = ip.ll_index_to_name(r.ifindex as u32);
        ip.p.print_color_string(Kind::Any, Color::Ifname, Some("dev"), "%s ", Some(&name));
    }
    if let Some(l) = tb.get(nda::LLADDR) {
        let lla = lladdr_text(ip, r.ifindex, l.value);
        if !ip.p.is_json() {
            ip.p.fp("lladdr ");
        }
        ip.p.print_color_string(Kind::Any, Color::Mac, Some("lladdr"), "%s ", Some(&lla));
    }
    if r.flags & ntf::ROUTER != 0 {
        ip.p.print_null(Kind::Any, Some("router"), "%s ", Some("router"));
    }
    if r.flags & ntf::PROXY != 0 {
        ip.p.print_null(Kind::Any, Some("proxy"), "%s ", Some("proxy"));
    }
    if ext_flags & 1 != 0 {
        ip.p.print_null(Kind::Any, Some("managed"), "%s ", Some("managed"));
    }
    if r.flags & ntf::EXT_LEARNED != 0 {
        ip.p.print_null(Kind::Any, Some("extern_learn"), "%s ", Some("extern_learn"));
    }
    if r.flags & ntf::OFFLOADED != 0 {
        ip.p.print_null(Kind::Any, Some("offload"), "%s ", Some("offload"));
    }
    if ip.o.stats > 0 {
        if let Some(ci) = tb.get(nda::CACHEINFO) {
            let w = |i: usize| crate::wire::get_u32(ci.value, i * 4).unwrap_or(0);
            let (confirmed, used, updated, refcnt) = (w(0), w(1), w(2), w(3));
            if refcnt != 0 {
                ip.p.print_uint(Kind::Any, Some("refcnt"), " ref %u", u64::from(refcnt));
            }
            ip.p.print_uint(Kind::Any, Some("used"), " used %u", u64::from(used / HZ));
            ip.p.print_uint(Kind::Any, Some("confirmed"), "/%u", u64::from(confirmed / HZ));
            ip.p.print_uint(Kind::Any, Some("updated"), "/%u", u64::from(updated / HZ));
        }
        if let Some(p) = tb.u32(nda::PROBES) {
            ip.p.print_uint(Kind::Any, Some("probes"), "probes %u ", u64::from(p));
        }
    }
    if r.state != 0 {
        print_neigh_state(ip, r.state);
    }
    if protocol != 0 {
        let p = rtprot_n2a(protocol, ip.o.numeric > 0);
        ip.p.print_string(Kind::Any, Some("protocol"), "proto %s ", Some(&p));
    }
    ip.p.print_string(Kind::Fp, None, "\n", Some(""));
    ip.p.close_json_object();
    Ok(Seen::Matched)
}

/// `print_neigh_brief`.
fn print_brief(ip: &mut Ip, f: &NeighFilter, r: &NdMsgRepr, tb: &Attrs) {
    if let Some(d) = tb.get(nda::DST) {
        let (fam, dst) = dst_text(ip, r.family, d.value);
        ip.p.print_color_string(Kind::Any, Color::for_family(fam), Some("dst"), "%-39s ", Some(&dst));
    }
    if f.index == 0 && r.ifindex != 0 {
        let name = ip.ll_index_to_name(r.ifindex as u32);
        ip.p.print_color_string(Kind::Any, Color::Ifname, Some("dev"), "%-16s ", Some(&name));
    }
    if let Some(l) = tb.get(nda::LLADDR) {
        let lla = lladdr_text(ip, r.ifindex, l.value);
        ip.p.print_color_string(Kind::Any, Color::Mac, Some("lladdr"), "%s", Some(&lla));
    }
    ip.p.print_string(Kind::Fp, None, "%s", Some("\n"));
    ip.p.close_json_object();
}

/// `rtnl_neighdump_req` with `ipneigh_dump_filter`: a 284-byte buffer.
fn neighdump_req(ip: &mut Ip, f: &NeighFilter) {
    let mut req = Req::new(RTM_GETNEIGH, 0);
    req.push_header(&NdMsgRepr { family: f.family, flags: f.ndm_flags, ..Default::default() }.to_bytes());
    if f.index != 0 {
        req.addattr32(nda::IFINDEX, f.index);
    }
    if f.master != 0 {
        req.addattr32(nda::MASTER, f.master as u32);
    }
    ip.rth.dump_request(&mut req, 16 + 12 + 256);
}

/// `do_show_or_flush`.
pub fn do_show_or_flush(ip: &mut Ip, args: &[String], flush: bool) -> Res<i32> {
    let mut f = NeighFilter::new(0);
    f.family = ip.o.family;
    if flush {
        if args.is_empty() {
            ip.err("Flush requires arguments.\n");
            return Ok(-1);
        }
        f.state = !u32::from(nud::PERMANENT | nud::NOARP);
    } else {
        f.state = 0xFF & !u32::from(nud::NOARP);
    }
    let mut filter_dev: Option<&str> = None;
    let mut state_given = false;
    let mut a = Args::new(args);
    while let Some(w) = a.peek() {
        if w == "dev" {
            let v = ip.next_arg(&mut a)?;
            if filter_dev.is_some() {
                return Err(ip.duparg("dev", v));
            }
            filter_dev = Some(v);
        } else if w == "master" {
            let v = ip.next_arg(&mut a)?;
            let idx = ip.ll_name_to_index(v);
            if idx == 0 {
                return Err(ip.invarg("Device does not exist\n", v));
            }
            f.master = idx as i32;
        } else if w == "vrf" {
            let v = ip.next_arg(&mut a)?;
            let idx = ip.ll_name_to_index(v);
            if idx == 0 || crate::programs::ip::vrf::name_is_vrf(ip, v) == 0 {
                return Err(ip.invarg("Not a valid VRF name\n", v));
            }
            f.master = idx as i32;
        } else if w == "nomaster" {
            f.master = -1;
        } else if w == "unused" {
            f.unused_only = true;
        } else if w == "nud" {
            let v = ip.next_arg(&mut a)?;
            if !state_given {
                state_given = true;
                f.state = 0;
            }
            let mut state = match nud_state_a2n(v) {
                Some(s) => s,
                None => {
                    if v != "all" {
                        return Err(ip.invarg("nud state is bad", v));
                    }
                    let mut s = !0u32;
                    if flush {
                        s &= !u32::from(nud::NOARP);
                    }
                    s
                }
            };
            if state == 0 {
                state = 0x100;
            }
            f.state |= state;
        } else if w == "proxy" {
            f.ndm_flags = ntf::PROXY;
        } else if matches(w, "protocol") {
            let v = ip.next_arg(&mut a)?;
            f.protocol = match rtprot_a2n(v) {
                Some(p) => p,
                None if v == "all" => 0,
                None => return Err(ip.invarg("invalid \"protocol\"\n", v)),
            };
        } else {
            let mut v = w;
            if v == "to" {
                v = ip.next_arg(&mut a)?;
            }
            if matches(v, "help") {
                return Err(usage(ip));
            }
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
        }
        a.advance();
    }
    ip.ll_init_map()?;
    if let Some(d) = filter_dev {
        f.index = ip.ll_name_to_index(d);
        if f.index == 0 {
            return Ok(ip.nodev(d));
        }
    }
    if flush {
        return flush_rounds(ip, &mut f);
    }
    neighdump_req(ip, &f);
    let json = ip.o.json > 0;
    let (msgs, end) = ip.rth.dump_collect();
    if !end.ok && msgs.is_empty() {
        ip.dump_terminated(&end);
        super::super::route::list::dangling_json_open(ip);
        return Err(Exit(1));
    }
    ip.p.new_json_obj(json);
    for m in &msgs {
        print_neigh(ip, &mut f, m)?;
    }
    ip.err(&end.stderr);
    if !end.ok {
        ip.err("Dump terminated\n");
        return Err(Exit(1));
    }
    ip.p.delete_json_obj();
    Ok(0)
}

fn flush_rounds(ip: &mut Ip, f: &mut NeighFilter) -> Res<i32> {
    f.flushing = true;
    let mut buf: Vec<u8> = Vec::new();
    let mut round = 0;
    while round < MAX_ROUNDS {
        neighdump_req(ip, f);
        f.flushed = 0;
        let (msgs, end) = ip.rth.dump_collect();
        for raw in &msgs {
            if print_neigh(ip, f, raw)? == Seen::Matched {
                if flush::is_full(&buf, raw.len()) {
                    flush::send_checked(ip, &mut buf)?;
                }
                flush::queue(ip, &mut buf, raw, RTM_DELNEIGH);
            }
        }
        ip.err(&end.stderr);
        if !end.ok {
            ip.err("Flush terminated\n");
            return Err(Exit(1));
        }
        if f.flushed == 0 {
            if ip.o.stats > 0 {
                if round == 0 {
                    ip.p.fp("Nothing to flush.\n");
                } else {
                    let s = if round > 1 { "s" } else { "" };
                    ip.p.fp(&format!("*** Flush is complete after {round} round{s} ***\n"));
                }
            }
            return Ok(0);
        }
        round += 1;
        flush::send_checked(ip, &mut buf)?;
        if ip.o.stats > 0 {
            ip.p.fp(&format!("\n*** Round {round}, deleting {} entries ***\n", f.flushed));
        }
        f.state &= !0x20;
    }
    ip.p.fp(&format!("*** Flush not complete bailing out after {MAX_ROUNDS} rounds\n"));
    Ok(1)
}
