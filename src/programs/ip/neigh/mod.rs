//! `ip neigh` (ip/ipneigh.c): show/list and flush with filters, add,
//! delete, change, replace, get, help.

pub mod show;

use super::args::{Args, Exit, Res, get_u32, matches};
use super::ctx::Ip;
use super::names::{ll_addr_a2n, rtprot_a2n};
use super::nl::Req;
use super::prefix::{Prefix, get_addr};
use crate::wire::neigh::{NdMsgRepr, nda, nud};
use crate::wire::{NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE, NLM_F_REQUEST};
use crate::wire::{RTM_DELNEIGH, RTM_GETNEIGH, RTM_NEWNEIGH};

pub use crate::wire::neigh::ntf;
pub use show::{NeighFilter, print_neigh};

/// The usage text of ip/ipneigh.c.
pub const USAGE: &str = include_str!("usage.txt");

fn usage(ip: &mut Ip) -> Exit {
    ip.err(USAGE);
    Exit(255)
}

/// `nud_state_a2n`: a state name or a single-bit number below 0x100.
pub fn nud_state_a2n(arg: &str) -> Option<u32> {
    let s = if matches(arg, "permanent") {
        nud::PERMANENT
    } else if matches(arg, "reachable") {
        nud::REACHABLE
    } else if arg == "noarp" {
        nud::NOARP
    } else if arg == "none" {
        nud::NONE
    } else if arg == "stale" {
        nud::STALE
    } else if arg == "incomplete" {
        nud::INCOMPLETE
    } else if arg == "delay" {
        nud::DELAY
    } else if arg == "probe" {
        0x10
    } else if matches(arg, "failed") {
        0x20
    } else {
        let v = get_u32(arg, 0)?;
        if v >= 0x100 || v & v.wrapping_sub(1) != 0 {
            return None;
        }
        return Some(v);
    };
    Some(u32::from(s))
}

fn addr_or_exit(ip: &mut Ip, arg: &str, family: u8) -> Res<Prefix> {
    get_addr(arg, family).map_err(|e| {
        ip.err(&e);
        Exit(1)
    })
}

/// `ipneigh_modify`.
fn ipneigh_modify(ip: &mut Ip, cmd: u16, flags: u16, args: &[String]) -> Res<i32> {
    let mut req = Req::new(cmd, NLM_F_REQUEST | flags);
    req.push_header(&[0u8; 12]);
    let mut ndm = NdMsgRepr { family: ip.o.family, state: nud::PERMANENT, ..Default::default() };
    let mut ext_flags = 0u32;
    let mut dev: Option<&str> = None;
    let (mut dst_ok, mut dev_ok) = (false, false);
    let mut lla: Option<&str> = None;
    let mut dst: Option<Prefix> = None;
    let mut a = Args::new(args);
    while let Some(w) = a.peek() {
        if matches(w, "lladdr") {
            let v = ip.next_arg(&mut a)?;
            if lla.is_some() {
                return Err(ip.duparg("lladdr", v));
            }
            lla = Some(v);
        } else if w == "nud" {
            let v = ip.next_arg(&mut a)?;
            match nud_state_a2n(v) {
                Some(s) => ndm.state = s as u16,
                None => return Err(ip.invarg("nud state is bad", v)),
            }
        } else if matches(w, "proxy") {
            let v = ip.next_arg(&mut a)?;
            if matches(v, "help") {
                return Err(usage(ip));
            }
            if dst_ok {
                return Err(ip.duparg("address", v));
            }
            dst = Some(addr_or_exit(ip, v, ip.o.family)?);
            dst_ok = true;
            dev_ok = true;
            ndm.flags |= ntf::PROXY;
        } else if w == "router" {
            ndm.flags |= ntf::ROUTER;
        } else if w == "use" {
            ndm.flags |= ntf::USE;
        } else if w == "managed" {
            ext_flags |= 1;
            ndm.state = nud::NONE;
        } else if matches(w, "extern_learn") {
            ndm.flags |= ntf::EXT_LEARNED;
        } else if w == "dev" {
            dev = Some(ip.next_arg(&mut a)?);
            dev_ok = true;
        } else if matches(w, "protocol") {
            let v = ip.next_arg(&mut a)?;
            match rtprot_a2n(v) {
                Some(p) => req.addattr8(nda::PROTOCOL, p),
                None => return Err(ip.invarg("\"protocol\" value is invalid\n", v)),
            }
        } else {
            let mut v = w;
            if v == "to" {
                v = ip.next_arg(&mut a)?;
            }
            if matches(v, "help") {
                v = ip.next_arg(&mut a)?;
            }
            if dst_ok {
                return Err(ip.duparg2("to", v));
            }
            dst = Some(addr_or_exit(ip, v, ip.o.family)?);
            dst_ok = true;
        }
        a.advance();
    }
    let dst = match dst {
        Some(d) if dev_ok && dst_ok && d.family != 0 => d,
        _ => {
            ip.err("Device and destination are required arguments.\n");
            return Err(Exit(255));
        }
    };
    ndm.family = dst.family;
    req.addattr_l(nda::DST, dst.bytes());
    if ext_flags != 0 {
        req.addattr32(nda::FLAGS_EXT, ext_flags);
    }
    if let Some(l) = lla.filter(|l| *l != "null") {
        match ll_addr_a2n(l, 20) {
            Ok(bytes) => req.addattr_l(nda::LLADDR, &bytes),
            Err(msg) => {
                ip.err(&msg);
                return Ok(-1);
            }
        }
    }
    ip.ll_init_map()?;
    if let Some(d) = dev {
        ndm.ifindex = ip.ll_name_to_index(d) as i32;
        if ndm.ifindex == 0 {
            return Ok(ip.nodev(d));
        }
    }
    req.write_at(16, &ndm.to_bytes());
    if ip.rth.talk(&mut ip.p, &mut req, false, true).is_err() {
        return Err(Exit(2));
    }
    Ok(0)
}

/// `ipneigh_get`.
fn ipneigh_get(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let mut ndm = NdMsgRepr { family: ip.o.family, ..Default::default() };
    let mut d: Option<&str> = None;
    let (mut dst_ok, mut dev_ok) = (false, false);
    let mut dst: Option<Prefix> = None;
    let mut a = Args::new(args);
    while let Some(w) = a.peek() {
        if w == "dev" {
            d = Some(ip.next_arg(&mut a)?);
            dev_ok = true;
        } else if matches(w, "proxy") {
            let v = ip.next_arg(&mut a)?;
            if matches(v, "help") {
                return Err(usage(ip));
            }
            if dst_ok {
                return Err(ip.duparg("address", v));
            }
            dst = Some(addr_or_exit(ip, v, ip.o.family)?);
            dst_ok = true;
            dev_ok = true;
            ndm.flags |= ntf::PROXY;
        } else {
            let mut v = w;
            if v == "to" {
                v = ip.next_arg(&mut a)?;
            }
            if matches(v, "help") {
                return Err(usage(ip));
            }
            if dst_ok {
                return Err(ip.duparg2("to", v));
            }
            dst = Some(addr_or_exit(ip, v, ip.o.family)?);
            dst_ok = true;
        }
        a.advance();
    }
    let dst = match dst {
        Some(p) if dev_ok && dst_ok && p.family != 0 => p,
        _ => {
            ip.err("Device and address are required arguments.\n");
            return Ok(-1);
        }
    };
    ndm.family = dst.family;
    if let Some(dev) = d {
        ndm.ifindex = ip.ll_name_to_index(dev) as i32;
        if ndm.ifindex == 0 {
            ip.err(&format!("Cannot find device \"{dev}\"\n"));
            return Ok(-1);
        }
    }
    let mut req = Req::new(RTM_GETNEIGH, NLM_F_REQUEST);
    req.push_header(&ndm.to_bytes());
    req.addattr_l(nda::DST, dst.bytes());
    let Ok(Some(answer)) = ip.rth.talk(&mut ip.p, &mut req, true, true) else { return Ok(-2) };
    let mut f = NeighFilter::new(0);
    print_neigh(ip, &mut f, &answer)?;
    Ok(0)
}

/// `do_ipneigh`.
pub fn do_ipneigh(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let Some((cmd, rest)) = args.split_first() else {
        return show::do_show_or_flush(ip, &[], false);
    };
    if matches(cmd, "add") {
        return ipneigh_modify(ip, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL, rest);
    }
    if matches(cmd, "change") || cmd == "chg" {
        return ipneigh_modify(ip, RTM_NEWNEIGH, NLM_F_REPLACE, rest);
    }
    if matches(cmd, "replace") {
        return ipneigh_modify(ip, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE, rest);
    }
    if matches(cmd, "delete") {
        return ipneigh_modify(ip, RTM_DELNEIGH, 0, rest);
    }
    if matches(cmd, "get") {
        return ipneigh_get(ip, rest);
    }
    if matches(cmd, "show") || matches(cmd, "lst") || matches(cmd, "list") {
        return show::do_show_or_flush(ip, rest, false);
    }
    if matches(cmd, "flush") {
        return show::do_show_or_flush(ip, rest, true);
    }
    if matches(cmd, "help") {
        return Err(usage(ip));
    }
    ip.err(&format!("Command \"{cmd}\" is unknown, try \"ip neigh help\".\n"));
    Err(Exit(255))
}

#[cfg(test)]
mod tests {
    use super::nud_state_a2n;

    #[test]
    fn nud_states() {
        assert_eq!(nud_state_a2n("perm"), Some(0x80));
        assert_eq!(nud_state_a2n("noarp"), Some(0x40));
        assert_eq!(nud_state_a2n("none"), Some(0));
        assert_eq!(nud_state_a2n("0x20"), Some(0x20));
        assert_eq!(nud_state_a2n("3"), None);
        assert_eq!(nud_state_a2n("0x100"), None);
        assert_eq!(nud_state_a2n("bogus"), None);
    }
}
