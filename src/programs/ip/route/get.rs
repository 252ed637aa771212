//! `ip route get` (ip/iproute.c `iproute_get`).

use super::super::args::{Args, Exit, Res, get_u16, get_u32, matches};
use super::super::ctx::Ip;
use super::super::names::{dsfield_a2n, inet_proto_a2n};
use super::super::nl::{Attrs, Msg, Req};
use super::super::prefix::{get_addr, get_prefix};
use super::filter::RouteFilter;
use super::show::print_route;
use crate::wire::NLM_F_REQUEST;
use crate::wire::route::{RtMsgRepr, rta, rtm_f};
use crate::wire::{RTM_GETROUTE, RTM_NEWROUTE};

/// The request as built so far: the rtmsg and its attributes.
struct GetReq {
    r: RtMsgRepr,
    attrs: Vec<(u16, Vec<u8>)>,
}

impl GetReq {
    fn to_req(&self) -> Req {
        let mut req = Req::new(RTM_GETROUTE, NLM_F_REQUEST);
        req.push_header(&self.r.to_bytes());
        for (k, v) in &self.attrs {
            req.addattr_l(*k, v);
        }
        req
    }
}

/// `iproute_get`.
pub fn iproute_get(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let mut g = GetReq { r: RtMsgRepr { family: ip.o.family, ..Default::default() }, attrs: Vec::new() };
    let mut idev: Option<&str> = None;
    let mut odev: Option<&str> = None;
    let (mut connected, mut fib_match, mut from_ok, mut address_found) = (false, false, false, false);
    let mut mark = 0u32;
    let mut f = RouteFilter::new(0);
    f.cloned = 2;
    let mut a = Args::new(args);
    while let Some(w) = a.peek() {
        if w == "tos" || matches(w, "dsfield") {
            let v = ip.next_arg(&mut a)?;
            match dsfield_a2n(v) {
                Some(t) => g.r.tos = t,
                None => return Err(ip.invarg("TOS value is invalid\n", v)),
            }
        } else if matches(w, "from") {
            let v = ip.next_arg(&mut a)?;
            if matches(v, "help") {
                return Err(super::usage(ip));
            }
            from_ok = true;
            let addr = get_prefix(v, g.r.family).map_err(|e| {
                ip.err(&e);
                Exit(1)
            })?;
            if g.r.family == 0 {
                g.r.family = addr.family;
            }
            if addr.bytelen != 0 {
                g.attrs.push((rta::SRC, addr.bytes().to_vec()));
            }
            g.r.src_len = addr.bitlen as u8;
        } else if matches(w, "iif") {
            idev = Some(ip.next_arg(&mut a)?);
        } else if matches(w, "mark") {
            let v = ip.next_arg(&mut a)?;
            match get_u32(v, 0) {
                Some(m) => mark = m,
                None => return Err(ip.invarg("invalid mark value", v)),
            }
        } else if matches(w, "oif") || w == "dev" {
            odev = Some(ip.next_arg(&mut a)?);
        } else if matches(w, "notify") {
            g.r.flags |= rtm_f::NOTIFY;
        } else if matches(w, "connected") {
            connected = true;
        } else if matches(w, "vrf") {
            let v = ip.next_arg(&mut a)?;
            if crate::programs::ip::vrf::name_is_vrf(ip, v) == 0 {
                return Err(ip.invarg("Invalid VRF\n", v));
            }
            odev = Some(v);
        } else if matches(w, "uid") {
            let v = ip.next_arg(&mut a)?;
            match get_u32(v, 0) {
                Some(u) => g.attrs.push((rta::UID, u.to_ne_bytes().to_vec())),
                None => return Err(ip.invarg("invalid UID\n", v)),
            }
        } else if matches(w, "fibmatch") {
            fib_match = true;
        } else if w == "as" {
            let mut v = ip.next_arg(&mut a)?;
            if v == "to" {
                v = ip.next_arg(&mut a)?;
            }
            let addr = get_addr(v, g.r.family).map_err(|e| {
                ip.err(&e);
                Exit(1)
            })?;
            if g.r.family == 0 {
                g.r.family = addr.family;
            }
            g.attrs.push((rta::NEWDST, addr.bytes().to_vec()));
        } else if matches(w, "sport") || matches(w, "dport") {
            let is_s = matches(w, "sport");
            let v = ip.next_arg(&mut a)?;
            match get_u16(v, 0) {
                Some(p) => g.attrs.push((if is_s { rta::SPORT } else { rta::DPORT }, p.to_be_bytes().to_vec())),
                None => return Err(ip.invarg(if is_s { "invalid sport\n" } else { "invalid dport\n" }, v)),
            }
        } else if matches(w, "ipproto") {
            let v = ip.next_arg(&mut a)?;
            match inet_proto_a2n(v) {
                Some(p) => g.attrs.push((rta::IP_PROTO, vec![p])),
                None => return Err(ip.invarg("Invalid \"ipproto\" value\n", v)),
            }
        } else {
            let mut v = w;
            if v == "to" {
                v = ip.next_arg(&mut a)?;
            }
            if matches(v, "help") {
                return Err(super::usage(ip));
            }
            let addr = get_prefix(v, g.r.family).map_err(|e| {
                ip.err(&e);
                Exit(1)
            })?;
            if g.r.family == 0 {
                g.r.family = addr.family;
            }
            if addr.bytelen != 0 {
                g.attrs.push((rta::DST, addr.bytes().to_vec()));
            }
            if g.r.family == 2 && addr.bitlen != 32 {
                ip.err(&format!("Warning: /{} as prefix is invalid, only /32 (or none) is supported.\n", addr.bitlen as u32));
                g.r.dst_len = 32;
            } else if g.r.family == 10 && addr.bitlen != 128 {
                ip.err(&format!("Warning: /{} as prefix is invalid, only /128 (or none) is supported.\n", addr.bitlen as u32));
                g.r.dst_len = 128;
            } else {
                g.r.dst_len = addr.bitlen as u8;
            }
            address_found = true;
        }
        a.advance();
    }
    if !address_found {
        ip.err("need at least a destination address\n");
        return Ok(-1);
    }
    if let Some(d) = idev {
        let idx = ip.ll_name_to_index(d);
        if idx == 0 {
            return Ok(ip.nodev(d));
        }
        g.attrs.push((rta::IIF, idx.to_ne_bytes().to_vec()));
    }
    if let Some(d) = odev {
        let idx = ip.ll_name_to_index(d);
        if idx == 0 {
            return Ok(ip.nodev(d));
        }
        g.attrs.push((rta::OIF, idx.to_ne_bytes().to_vec()));
    }
    if mark != 0 {
        g.attrs.push((rta::MARK, mark.to_ne_bytes().to_vec()));
    }
    if g.r.family == 0 {
        g.r.family = 2;
    }
    if g.r.family == 2 {
        g.r.flags |= rtm_f::LOOKUP_TABLE;
    }
    if fib_match {
        g.r.flags |= rtm_f::FIB_MATCH;
    }
    let mut req = g.to_req();
    let Ok(Some(mut answer)) = ip.rth.talk(&mut ip.p, &mut req, true, true) else { return Ok(-2) };
    let json = ip.o.json > 0;
    ip.p.new_json_obj(json);
    if connected && !from_ok {
        print_route(ip, &mut f, &answer)?;
        let Some(m) = Msg::parse(&answer) else { return Ok(-1) };
        if m.hdr.kind != RTM_NEWROUTE {
            ip.err("Not a route?\n");
            return Ok(-1);
        }
        let Ok(ar) = RtMsgRepr::parse(m.payload) else {
            ip.err(&format!("Wrong len {}\n", m.payload.len() as i64 - 12));
            return Ok(-1);
        };
        let tb = Attrs::parse(m.payload.get(12..).unwrap_or(&[]), crate::wire::route::rta::MAX);
        let _ = ar;
        if !tb.has(rta::PREFSRC) && !tb.has(rta::SRC) {
            ip.err("Failed to connect the route\n");
            return Ok(-1);
        }
        // iproute2 edits the answer's attributes but then sends its
        // original request again, so the second request is the first.
        ip.p.delete_json_obj();
        let mut req = g.to_req();
        match ip.rth.talk(&mut ip.p, &mut req, true, true) {
            Ok(Some(ans)) => answer = ans,
            _ => return Ok(-2),
        }
    }
    print_route(ip, &mut f, &answer)?;
    ip.p.delete_json_obj();
    Ok(0)
}
