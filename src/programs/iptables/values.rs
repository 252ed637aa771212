//! The values of iptables' options: ports and service names, addresses
//! and masks, `--limit` rates, multiport lists.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::rule::{Multiport, Spec};
use super::{Fail, HINT, PROG, usage};

/// Parses a port or a service name of the protocol (`getservbyname`; of
/// either protocol when none is given).
pub(super) fn port(s: &str, proto: Option<u8>) -> Result<u16, Fail> {
    let named = |udp| crate::programs::services::port(s, udp);
    let by_name = match proto {
        Some(p) => named(p == 17),
        None => named(false).or_else(|| named(true)),
    };
    s.parse::<u16>().ok().or(by_name).ok_or_else(|| usage(&format!("invalid port/service `{s}' specified")))
}

pub(super) fn port_range(s: &str, proto: Option<u8>) -> Result<(u16, u16), Fail> {
    match s.split_once(':') {
        Some((a, b)) => Ok((if a.is_empty() { 0 } else { port(a, proto)? }, if b.is_empty() { 65535 } else { port(b, proto)? })),
        None => port(s, proto).map(|p| (p, p)),
    }
}

/// MASQUERADE's and REDIRECT's `--to-ports MIN[-MAX]` (parse_ports of
/// libipt_MASQUERADE/libipt_REDIRECT): only for TCP, UDP, SCTP or DCCP
/// rules; each end a number (atoi) or a service name.
pub(super) fn to_ports(s: &str, proto: Option<u8>) -> Result<(u16, u16), Fail> {
    if !matches!(proto, Some(6 | 17 | 33 | 132)) {
        return Err(usage("Need TCP, UDP, SCTP or DCCP with port specification"));
    }
    if s.contains(':') {
        return Err(usage("Invalid port:port syntax - use dash"));
    }
    // atoi: the leading digits, 0 when there are none.
    let atoi = |t: &str| -> u32 {
        let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
        digits.parse::<u32>().map_or(if digits.is_empty() { 0 } else { u32::MAX }, |n| n)
    };
    let mut lo = atoi(s);
    if lo == 0 {
        lo = crate::programs::services::port(s, false).or_else(|| crate::programs::services::port(s, true)).map_or(0, u32::from);
    }
    let bad = |t: &str| usage(&format!("Port `{t}' not valid"));
    let lo = u16::try_from(lo).ok().filter(|p| *p != 0).ok_or_else(|| bad(s))?;
    let Some((_, rest)) = s.split_once('-') else { return Ok((lo, lo)) };
    let hi = u16::try_from(atoi(rest)).map_err(|_| bad(rest))?;
    if hi < lo {
        return Err(usage(&format!("Port range `{rest}' funky")));
    }
    Ok((lo, hi))
}

/// Parses an IPv6 ADDR[/LEN] for ip6tables.
pub(super) fn address6(s: &str) -> Result<(IpAddr, u8), Fail> {
    let (a, len) = match s.split_once('/') {
        Some((a, l)) => (a, l.parse::<u8>().ok().filter(|n| *n <= 128).ok_or_else(|| usage(&format!("invalid mask `{l}' specified")))?),
        None => (s, 128),
    };
    let a = crate::text::parse_ipv6(a).ok_or_else(|| usage(&format!("host/network `{s}' not found")))?;
    let mask = u128::MAX.checked_shl(128 - u32::from(len)).unwrap_or(0);
    Ok((IpAddr::V6(Ipv6Addr::from(u128::from(a) & mask)), len))
}

/// Parses ADDR[/LEN] (the mask may be dotted).
pub(super) fn address(s: &str) -> Result<(IpAddr, u8), Fail> {
    let bad = || usage(&format!("host/network `{s}' not found"));
    let (a, len) = match s.split_once('/') {
        Some((a, l)) => {
            let len = match l.parse::<u8>() {
                Ok(n) if n <= 32 => n,
                _ => crate::text::parse_ipv4(l)
                    .map(|m| u32::from(m).count_ones() as u8)
                    .ok_or_else(|| usage(&format!("invalid mask `{l}' specified")))?,
            };
            (a, len)
        }
        None => (s, 32),
    };
    let a = crate::text::parse_ipv4(a).ok_or_else(bad)?;
    let mask = if len == 0 { 0 } else { u32::MAX << (32 - u32::from(len)) };
    Ok((IpAddr::V4(Ipv4Addr::from(u32::from(a) & mask)), len))
}

/// libxt_limit's parse_rate: `N[/second|minute|hour|day]` (any prefix
/// of the unit) as xt_rateinfo's avg.
pub(super) fn limit_rate(s: &str) -> Result<u32, Fail> {
    let bad = || usage(&format!("bad rate \"{s}\"'"));
    let (n, unit) = match s.split_once('/') {
        Some((n, u)) => (n, Some(u)),
        None => (s, None),
    };
    let secs = match unit {
        None => 1,
        Some(u) => {
            let u = u.to_ascii_lowercase();
            let units = [("second", 1), ("minute", 60), ("hour", 3600), ("day", 86_400)];
            units.iter().find(|(w, _)| !u.is_empty() && w.starts_with(u.as_str())).map(|x| x.1).ok_or_else(bad)?
        }
    };
    // atoi: the leading digits (with a sign), 0 when none; a negative
    // count wraps as the u32 it is stored in.
    let digits: String =
        n.trim_start().chars().enumerate().take_while(|(k, c)| c.is_ascii_digit() || (*k == 0 && "+-".contains(*c))).map(|x| x.1).collect();
    let r = digits.parse::<i64>().unwrap_or(0) as u32;
    if r == 0 {
        return Err(bad());
    }
    match super::rule::LIMIT_SCALE * secs / r {
        0 => Err(Fail(format!("{PROG}: Rate too fast \"{s}\"\n{HINT}"), 2)),
        avg => Ok(avg),
    }
}

/// `-m multiport --dports LIST` (libxt_multiport parse_v1): ports and
/// `LOW:HIGH` ranges, 15 slots at most, after `-p` of a protocol with ports.
pub(super) fn multiport(spec: &mut Spec, opt: &str, list: &str, invert: bool) -> Result<(), Fail> {
    // check_proto: an inverted -p is refused like a protocol without ports.
    let inverted = spec.inv & super::rule::INV_PROTO != 0;
    match spec.proto {
        Some(6 | 17 | 33 | 132 | 136) if !inverted => {}
        None if !inverted => return Err(usage("multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'")),
        _ => return Err(usage("multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP")),
    }
    let (which, long) = match opt {
        "--sports" | "--source-ports" => (0, "--source-ports"),
        "--dports" | "--destination-ports" => (1, "--destination-ports"),
        _ => (2, "--ports"),
    };
    if let Some(old) = &spec.multiport {
        let had = ["--source-ports", "--destination-ports", "--ports"].get(usize::from(old.which)).copied().unwrap_or("--ports");
        return Err(Fail(
            format!(
                "{PROG}: multiport: option \"{long}\" cannot be used together with \"{had}\".\n\nTry `iptables -h' or 'iptables --help' for more information.\n"
            ),
            2,
        ));
    }
    let mut ports = Vec::new();
    let mut slots = 0;
    for p in list.split(',') {
        let r = match p.split_once(':') {
            Some((lo, hi)) => {
                let (lo, hi) = (port(lo, spec.proto)?, port(hi, spec.proto)?);
                if lo > hi {
                    return Err(usage("invalid portrange specified"));
                }
                (lo, hi)
            }
            None => {
                let p = port(p, spec.proto)?;
                (p, p)
            }
        };
        slots += if r.0 == r.1 { 1 } else { 2 };
        if slots > 15 {
            return Err(usage("too many ports specified"));
        }
        ports.push(r);
    }
    spec.multiport = Some(Multiport { which, ports, invert });
    Ok(())
}
