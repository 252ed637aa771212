//! `ip address {add|change|replace|delete}` (ip/ipaddress.c
//! `ipaddr_modify`).

use super::super::args::{Args, Exit, Res, get_u32, matches};
use super::super::ctx::Ip;
use super::super::names::scope_a2n;
use super::super::nl::Req;
use super::super::prefix::{PREFIXLEN_SPECIFIED, Prefix, get_addr, get_prefix};
use super::flag_by_name;
use crate::wire::RTM_DELADDR;
use crate::wire::addr::{CacheInfo, INFINITY_LIFE_TIME, IfAddrRepr, ifa, ifa_f};
use crate::wire::{NLM_F_ACK, NLM_F_ECHO, NLM_F_REQUEST};

fn set_family(req: &mut Req, family: u8) {
    crate::wire::put_bytes(req.body_mut(), 0, &[family]);
}
fn family(req: &Req) -> u8 {
    req.body().first().copied().unwrap_or(0)
}
fn set_prefixlen(req: &mut Req, v: u8) {
    crate::wire::put_bytes(req.body_mut(), 1, &[v]);
}
fn prefixlen(req: &Req) -> u8 {
    req.body().get(1).copied().unwrap_or(0)
}

/// `default_scope`: host for 127/8, else global.
fn default_scope(lcl: &Prefix) -> u8 {
    if lcl.family == 2 && lcl.bytelen >= 1 && lcl.data[0] == 127 {
        return 254;
    }
    0
}

fn is_multicast(a: &Prefix) -> bool {
    match a.family {
        2 => a.data[0] & 0xf0 == 0xe0,
        10 => a.data[0] == 0xff,
        _ => false,
    }
}

/// `set_lifetime`: "forever" or a u32.
fn lifetime(s: &str) -> Option<u32> {
    if s == "forever" { Some(INFINITY_LIFE_TIME) } else { get_u32(s, 0) }
}

/// `ipaddr_modify`.
pub fn ipaddr_modify(ip: &mut Ip, cmd: u16, flags: u16, words: &[String]) -> Res<i32> {
    let mut req = Req::new(cmd, NLM_F_REQUEST | flags);
    req.push_header(&IfAddrRepr { family: ip.o.family, ..Default::default() }.to_bytes());
    let mut d: Option<&str> = None;
    let mut lcl_arg: Option<&str> = None;
    let mut valid_arg: Option<&str> = None;
    let mut pref_arg: Option<&str> = None;
    let mut lcl = Prefix::default();
    let mut peer = Prefix::default();
    let mut local_len = 0u8;
    let mut peer_len = 0u8;
    let mut brd_len: i32 = 0;
    let mut any_len = 0u8;
    let mut scoped = false;
    let mut preferred = INFINITY_LIFE_TIME;
    let mut valid = INFINITY_LIFE_TIME;
    let mut ifa_flags: u32 = 0;

    let fail = |ip: &mut Ip, e: String| -> Exit {
        ip.err(&e);
        Exit(1)
    };
    let mut a = Args::new(words);
    while let Some(w) = a.peek() {
        if w == "peer" || w == "remote" {
            let v = ip.next_arg(&mut a)?;
            if peer_len != 0 {
                return Err(ip.duparg("peer", v));
            }
            peer = get_prefix(v, family(&req)).map_err(|e| fail(ip, e))?;
            peer_len = peer.bytelen;
            if family(&req) == 0 {
                set_family(&mut req, peer.family);
            }
            req.addattr_l(ifa::ADDRESS, peer.bytes());
            set_prefixlen(&mut req, peer.bitlen as u8);
        } else if matches(w, "broadcast") || w == "brd" {
            let v = ip.next_arg(&mut a)?;
            if brd_len != 0 {
                return Err(ip.duparg("broadcast", v));
            }
            if v == "+" {
                brd_len = -1;
            } else if v == "-" {
                brd_len = -2;
            } else {
                let addr = get_addr(v, family(&req)).map_err(|e| fail(ip, e))?;
                if family(&req) == 0 {
                    set_family(&mut req, addr.family);
                }
                req.addattr_l(ifa::BROADCAST, addr.bytes());
                brd_len = i32::from(addr.bytelen);
            }
        } else if w == "anycast" {
            let v = ip.next_arg(&mut a)?;
            if any_len != 0 {
                return Err(ip.duparg("anycast", v));
            }
            let addr = get_addr(v, family(&req)).map_err(|e| fail(ip, e))?;
            if family(&req) == 0 {
                set_family(&mut req, addr.family);
            }
            req.addattr_l(ifa::ANYCAST, addr.bytes());
            any_len = addr.bytelen;
        } else if w == "scope" {
            let v = ip.next_arg(&mut a)?;
            let Some(s) = scope_a2n(v) else {
                return Err(ip.invarg("invalid scope value.", v));
            };
            crate::wire::put_bytes(req.body_mut(), 3, &[s]);
            scoped = true;
        } else if w == "dev" {
            d = Some(ip.next_arg(&mut a)?);
        } else if w == "label" {
            let v = ip.next_arg(&mut a)?;
            req.addattr_strz(ifa::LABEL, v);
        } else if matches(w, "metric") || matches(w, "priority") || matches(w, "preference") {
            let v = ip.next_arg(&mut a)?;
            let Some(m) = get_u32(v, 0) else {
                return Err(ip.invarg("\"metric\" value is invalid\n", v));
            };
            req.addattr32(ifa::RT_PRIORITY, m);
        } else if matches(w, "valid_lft") {
            if valid_arg.is_some() {
                return Err(ip.duparg("valid_lft", w));
            }
            let v = ip.next_arg(&mut a)?;
            valid_arg = Some(v);
            match lifetime(v) {
                Some(x) => valid = x,
                None => return Err(ip.invarg("valid_lft value", v)),
            }
        } else if matches(w, "preferred_lft") {
            if pref_arg.is_some() {
                return Err(ip.duparg("preferred_lft", w));
            }
            let v = ip.next_arg(&mut a)?;
            pref_arg = Some(v);
            match lifetime(v) {
                Some(x) => preferred = x,
                None => return Err(ip.invarg("preferred_lft value", v)),
            }
        } else if let Some((name, mask, readonly, v6only)) = flag_by_name(w) {
            if readonly {
                ip.err(&format!("Warning: {name} option is not mutable from userspace\n"));
            } else if v6only && family(&req) != 10 {
                ip.err(&format!("Warning: {name} option can be set only for IPv6 addresses\n"));
            } else {
                ifa_flags |= mask;
            }
        } else {
            let mut v = w;
            if w == "local" {
                v = ip.next_arg(&mut a)?;
            }
            if matches(v, "help") {
                return Err(super::usage(ip, false));
            }
            if local_len != 0 {
                return Err(ip.duparg2("local", v));
            }
            lcl_arg = Some(v);
            lcl = get_prefix(v, family(&req)).map_err(|e| fail(ip, e))?;
            if family(&req) == 0 {
                set_family(&mut req, lcl.family);
            }
            req.addattr_l(ifa::LOCAL, lcl.bytes());
            local_len = lcl.bytelen;
        }
        a.advance();
    }
    if ifa_flags <= 0xff {
        crate::wire::put_bytes(req.body_mut(), 2, &[ifa_flags as u8]);
    } else {
        req.addattr32(ifa::FLAGS, ifa_flags);
    }
    let Some(d) = d else {
        ip.err("Not enough information: \"dev\" argument is required.\n");
        return Ok(-1);
    };
    if peer_len == 0 && local_len != 0 {
        if cmd == RTM_DELADDR && lcl.family == 2 && lcl.flags & PREFIXLEN_SPECIFIED == 0 {
            ip.err(&format!(
                "Warning: Executing wildcard deletion to stay compatible with old scripts.\n         Explicitly specify the prefix length ({}/{}) to avoid this warning.\n         This special behaviour is likely to disappear in further releases,\n         fix your scripts!\n",
                lcl_arg.unwrap_or(""),
                u32::from(local_len) * 8
            ));
        } else {
            peer = lcl;
            req.addattr_l(ifa::ADDRESS, lcl.bytes());
        }
    }
    if prefixlen(&req) == 0 {
        set_prefixlen(&mut req, lcl.bitlen as u8);
    }
    if brd_len < 0 && cmd != RTM_DELADDR {
        if family(&req) != 2 {
            ip.err("Broadcast can be set only for IPv4 addresses\n");
            return Ok(-1);
        }
        let mut brd = peer;
        if brd.bitlen <= 30 {
            let mut v = u32::from_be_bytes([brd.data[0], brd.data[1], brd.data[2], brd.data[3]]);
            for i in (brd.bitlen.max(0)..=31).rev() {
                let bit = 1u32 << (31 - i);
                if brd_len == -1 {
                    v |= bit;
                } else {
                    v &= !bit;
                }
            }
            crate::wire::put_bytes(&mut brd.data, 0, &v.to_be_bytes());
            req.addattr_l(ifa::BROADCAST, brd.bytes());
        }
    }
    if !scoped && cmd != RTM_DELADDR {
        crate::wire::put_bytes(req.body_mut(), 3, &[default_scope(&lcl)]);
    }
    let idx = ip.ll_name_to_index(d);
    if idx == 0 {
        return Ok(ip.nodev(d));
    }
    crate::wire::put_bytes(req.body_mut(), 4, &idx.to_ne_bytes());
    if valid_arg.is_some() || pref_arg.is_some() {
        if valid == 0 {
            ip.err("valid_lft is zero\n");
            return Ok(-1);
        }
        if valid < preferred {
            ip.err("preferred_lft is greater than valid_lft\n");
            return Ok(-1);
        }
        let ci = CacheInfo { preferred, valid, created: 0, updated: 0 };
        req.addattr_l(ifa::CACHEINFO, &ci.to_bytes());
    }
    if ifa_flags & ifa_f::MCAUTOJOIN != 0 && !is_multicast(&lcl) {
        ip.err("autojoin needs multicast address\n");
        return Ok(-1);
    }
    if ip.o.echo > 0 {
        req.set_flags(req.flags() | NLM_F_ECHO | NLM_F_ACK);
        let Ok(Some(answer)) = ip.rth.talk(&mut ip.p, &mut req, true, true) else { return Ok(-2) };
        let json = ip.o.json > 0;
        ip.p.new_json_obj(json);
        ip.p.open_json_object(None);
        let f = super::super::filter::Filter::new(ip.o.oneline > 0, 0);
        super::show::print_addrinfo(ip, &f, &answer)?;
        ip.p.close_json_object();
        ip.p.delete_json_obj();
        return Ok(0);
    }
    if ip.rth.talk(&mut ip.p, &mut req, false, true).is_err() {
        return Ok(-2);
    }
    Ok(0)
}
