//! Printing addresses (ip/ipaddress.c `print_addrinfo`,
//! `print_selected_addrinfo`, `print_ifa_flags`).

use super::super::args::Res;
use super::super::ctx::Ip;
use super::super::filter::{Filter, fnmatch};
use super::super::names::{family_name, scope_n2a};
use super::super::nl::{Attrs, Msg};
use super::super::prefix::{format_host_r, prefix_matches};
use super::super::print::{Color, Kind};
use super::IFA_FLAG_DATA;
use crate::wire::addr::{CacheInfo, INFINITY_LIFE_TIME, IfAddrRepr, ifa, ifa_f};
use crate::wire::link::{IfInfoRepr, iff};

/// The parts of an address message the filters look at.
pub struct AddrView<'a> {
    /// The fixed header.
    pub ifa: IfAddrRepr,
    /// IFA_FLAGS when present, else `ifa_flags`.
    pub flags: u32,
    /// IFA_LOCAL, or IFA_ADDRESS when there is no local address.
    pub local: Option<&'a [u8]>,
    /// IFA_LABEL.
    pub label: Option<String>,
    /// All attributes.
    pub tb: Attrs<'a>,
}

impl<'a> AddrView<'a> {
    /// Parses the payload of an address message.
    pub fn parse(payload: &'a [u8]) -> Option<AddrView<'a>> {
        let ifa = IfAddrRepr::parse(payload).ok()?;
        let tb = Attrs::parse(payload.get(8..).unwrap_or(&[]), 12);
        let flags = tb.u32(ifa::FLAGS).unwrap_or(u32::from(ifa.flags));
        let local = tb.get(ifa::LOCAL).or(tb.get(ifa::ADDRESS)).map(|n| n.value);
        let label = tb.str(ifa::LABEL);
        Some(AddrView { ifa, flags, local, label, tb })
    }
}

/// `ifa_label_match_rta`: the label (or, without one, the device name)
/// matches the filter's pattern.
pub fn label_matches(ip: &mut Ip, f: &Filter, index: u32, label: Option<&str>) -> bool {
    let Some(pat) = &f.label else { return true };
    let l = match label {
        Some(l) => l.to_string(),
        None => ip.ll_index_to_name(index),
    };
    fnmatch(pat, &l)
}

/// `print_ifa_flags`.
fn print_ifa_flags(ip: &mut Ip, family: u8, flags: u32) {
    let mut flags = flags;
    for (name, mask, _, _) in IFA_FLAG_DATA {
        if *mask == ifa_f::PERMANENT {
            if flags & mask == 0 {
                ip.p.print_bool(Kind::Any, Some("dynamic"), "dynamic ", true);
            }
        } else if flags & mask != 0 {
            if *mask == ifa_f::SECONDARY && family == 10 {
                ip.p.print_bool(Kind::Any, Some("temporary"), "temporary ", true);
            } else {
                ip.p.print_string(Kind::Fp, None, "%s ", Some(name));
                ip.p.print_bool(Kind::Json, Some(name), "", true);
            }
        }
        flags &= !mask;
    }
    if flags != 0 {
        if ip.p.is_json() {
            let s = format!("{flags:02x}");
            ip.p.print_string(Kind::Json, Some("ifa_flags"), "", Some(&s));
        } else {
            ip.p.fp(&format!("flags {flags:02x} "));
        }
    }
}

/// What `print_addrinfo` did with a message when flushing.
pub enum Seen {
    /// Not an address this command cares about.
    Skipped,
    /// Matched the filter (and was printed unless flushing quietly).
    Matched,
}

/// `print_addrinfo`: prints one RTM_NEWADDR/RTM_DELADDR that passes `f`.
/// When `f.flushing`, matching addresses are reported as [`Seen::Matched`]
/// and printed only with `-s -s`.
pub fn print_addrinfo(ip: &mut Ip, f: &Filter, raw: &[u8]) -> Res<Seen> {
    let Some(m) = Msg::parse(raw) else { return Ok(Seen::Skipped) };
    if m.hdr.kind != 20 && m.hdr.kind != 21 {
        return Ok(Seen::Skipped);
    }
    let Some(v) = AddrView::parse(m.payload) else {
        ip.err(&format!("BUG: wrong nlmsg len {}\n", m.payload.len() as i64 - 8));
        return Ok(Seen::Skipped);
    };
    if f.flushing && m.hdr.kind != 20 {
        return Ok(Seen::Skipped);
    }
    let ifa_h = v.ifa;
    if f.ifindex != 0 && f.ifindex as u32 != ifa_h.index {
        return Ok(Seen::Skipped);
    }
    if (f.scope ^ ifa_h.scope) & f.scopemask != 0 {
        return Ok(Seen::Skipped);
    }
    if (f.flags ^ v.flags) & f.flagmask != 0 {
        return Ok(Seen::Skipped);
    }
    if f.family != 0 && f.family != ifa_h.family {
        return Ok(Seen::Skipped);
    }
    if !label_matches(ip, f, ifa_h.index, v.label.as_deref()) {
        return Ok(Seen::Skipped);
    }
    if !prefix_matches(&f.pfx, v.local) {
        return Ok(Seen::Skipped);
    }
    if f.flushing && ip.o.stats < 2 {
        return Ok(Seen::Matched);
    }

    if m.hdr.kind == crate::wire::RTM_DELADDR {
        ip.p.print_bool(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    let brief = ip.o.brief > 0;
    if !brief {
        if f.oneline || f.flushing || ip.o.echo > 0 {
            let dev = ip.ll_index_to_name(ifa_h.index);
            if ip.p.is_json() {
                ip.p.print_int(Kind::Json, Some("index"), "", i64::from(ifa_h.index));
                ip.p.print_string(Kind::Json, Some("dev"), "", Some(&dev));
            } else {
                ip.p.fp(&format!("{}: {}", ifa_h.index, dev));
            }
        }
        let name = family_name(ifa_h.family);
        if !name.starts_with('?') {
            ip.p.print_string(Kind::Any, Some("family"), "    %s ", Some(name));
        } else {
            ip.p.print_int(Kind::Any, Some("family_index"), "    family %d ", i64::from(ifa_h.family));
        }
    }

    let color = Color::for_family(ifa_h.family);
    let resolve = ip.o.resolve > 0;
    let local = v.tb.get(ifa::LOCAL).or(v.tb.get(ifa::ADDRESS));
    let address = v.tb.get(ifa::ADDRESS).or(v.tb.get(ifa::LOCAL));
    if let Some(l) = local {
        let s = format_host_r(ifa_h.family, l.value, resolve);
        ip.p.print_color_string(Kind::Any, color, Some("local"), "%s", Some(&s));
        if let Some(a) = address {
            let n = if ifa_h.family == 2 { 4 } else { 16 };
            let differ = a.value.get(..n) != l.value.get(..n);
            if differ {
                ip.p.print_string(Kind::Fp, None, " %s ", Some("peer"));
                let s = format_host_r(ifa_h.family, a.value, resolve);
                ip.p.print_color_string(Kind::Any, color, Some("address"), "%s", Some(&s));
            }
        }
        ip.p.print_int(Kind::Any, Some("prefixlen"), "/%d ", i64::from(ifa_h.prefix_len));
        if let Some(metric) = v.tb.u32(ifa::RT_PRIORITY) {
            ip.p.print_uint(Kind::Any, Some("metric"), "metric %u ", u64::from(metric));
        }
    }
    if brief {
        return Ok(Seen::Matched);
    }
    if let Some(b) = v.tb.get(ifa::BROADCAST) {
        ip.p.print_string(Kind::Fp, None, "%s ", Some("brd"));
        let s = format_host_r(ifa_h.family, b.value, resolve);
        ip.p.print_color_string(Kind::Any, color, Some("broadcast"), "%s ", Some(&s));
    }
    if let Some(b) = v.tb.get(ifa::ANYCAST) {
        ip.p.print_string(Kind::Fp, None, "%s ", Some("any"));
        let s = format_host_r(ifa_h.family, b.value, resolve);
        ip.p.print_color_string(Kind::Any, color, Some("anycast"), "%s ", Some(&s));
    }
    let scope = scope_n2a(ifa_h.scope, ip.o.numeric > 0);
    ip.p.print_string(Kind::Any, Some("scope"), "scope %s ", Some(&scope));
    print_ifa_flags(ip, ifa_h.family, v.flags);
    if let Some(l) = &v.label {
        ip.p.print_string(Kind::Any, Some("label"), "%s", Some(l));
    }
    if let Some(ci) = v.tb.get(ifa::CACHEINFO) {
        let ci = CacheInfo::parse(ci.value).unwrap_or_default();
        ip.p.print_nl();
        ip.p.print_string(Kind::Fp, None, "       valid_lft ", None);
        if ci.valid == INFINITY_LIFE_TIME {
            ip.p.print_uint(Kind::Json, Some("valid_life_time"), "", u64::from(INFINITY_LIFE_TIME));
            ip.p.print_string(Kind::Fp, None, "%s", Some("forever"));
        } else {
            ip.p.print_uint(Kind::Any, Some("valid_life_time"), "%usec", u64::from(ci.valid));
        }
        ip.p.print_string(Kind::Fp, None, " preferred_lft ", None);
        if ci.preferred == INFINITY_LIFE_TIME {
            ip.p.print_uint(Kind::Json, Some("preferred_life_time"), "", u64::from(INFINITY_LIFE_TIME));
            ip.p.print_string(Kind::Fp, None, "%s", Some("forever"));
        } else if v.flags & ifa_f::DEPRECATED != 0 {
            ip.p.print_int(Kind::Any, Some("preferred_life_time"), "%dsec", i64::from(ci.preferred as i32));
        } else {
            ip.p.print_uint(Kind::Any, Some("preferred_life_time"), "%usec", u64::from(ci.preferred));
        }
    }
    ip.p.print_string(Kind::Fp, None, "%s", Some("\n"));
    Ok(Seen::Matched)
}

/// `print_selected_addrinfo`: the "addr_info" of one link.
pub fn print_selected_addrinfo(ip: &mut Ip, f: &Filter, link: &[u8], addrs: &[Vec<u8>]) -> Res<()> {
    let Some(lm) = Msg::parse(link) else { return Ok(()) };
    let Ok(ifi) = IfInfoRepr::parse(lm.payload) else { return Ok(()) };
    ip.p.open_json_array(Kind::Json, Some("addr_info"));
    for a in addrs {
        let Some(am) = Msg::parse(a) else { continue };
        if am.hdr.kind != 20 {
            continue;
        }
        let Ok(h) = IfAddrRepr::parse(am.payload) else { break };
        if h.index as i32 != ifi.index || (f.family != 0 && f.family != h.family) {
            continue;
        }
        if f.up && ifi.flags & iff::UP == 0 {
            continue;
        }
        ip.p.open_json_object(None);
        print_addrinfo(ip, f, a)?;
        ip.p.close_json_object();
    }
    ip.p.close_json_array(Kind::Json, None);
    if ip.o.brief > 0 {
        ip.p.print_string(Kind::Fp, None, "%s", Some("\n"));
    }
    Ok(())
}
