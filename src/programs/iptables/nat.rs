//! The NAT targets' ranges: `--to-source`/`--to-destination`
//! `ADDR[-ADDR][:PORT[-PORT]]` (ip6tables `[ADDR[-ADDR]]:PORT...`),
//! `--to-ports`, and the flags `--random`, `--random-fully`, `--persistent`
//! (iptables 1.8.9 extensions/libxt_NAT.c `parse_to`, `parse_ports`,
//! `print_range`, and the save functions).

use std::net::IpAddr;

use super::{Fail, usage};

pub use crate::wire::nftables::nat_range::{MAP_IPS, PERSISTENT, PROTO_RANDOM, PROTO_RANDOM_FULLY, PROTO_SPECIFIED};

/// A NAT target's range (`struct nf_nat_range2` without the base port).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NatTo {
    /// The lowest and highest address (NF_NAT_RANGE_MAP_IPS).
    pub addr: Option<(IpAddr, IpAddr)>,
    /// The lowest and highest port (NF_NAT_RANGE_PROTO_SPECIFIED).
    pub ports: Option<(u16, u16)>,
    /// PROTO_RANDOM, PROTO_RANDOM_FULLY and PERSISTENT.
    pub flags: u32,
}

impl NatTo {
    /// The NF_NAT_RANGE_* flags word the kernel gets.
    pub fn flags_word(&self) -> u32 {
        self.flags | if self.addr.is_some() { MAP_IPS } else { 0 } | if self.ports.is_some() { PROTO_SPECIFIED } else { 0 }
    }
}

/// The flag options each NAT target takes (libxt_NAT's, libxt_MASQUERADE's
/// and libxt_REDIRECT's option tables).
pub fn allowed_flags(target: &str) -> u32 {
    match target {
        "SNAT" => PROTO_RANDOM | PROTO_RANDOM_FULLY | PERSISTENT,
        "DNAT" => PROTO_RANDOM | PERSISTENT,
        "MASQUERADE" => PROTO_RANDOM | PROTO_RANDOM_FULLY,
        "REDIRECT" => PROTO_RANDOM,
        _ => 0,
    }
}

/// The flag of an option word, if it is one.
pub fn flag_of(option: &str) -> Option<u32> {
    match option {
        "--random" => Some(PROTO_RANDOM),
        "--random-fully" => Some(PROTO_RANDOM_FULLY),
        "--persistent" => Some(PERSISTENT),
        _ => None,
    }
}

/// The option word of each flag set, in the order iptables checks them.
pub fn flag_options(flags: u32) -> impl Iterator<Item = &'static str> {
    [(PROTO_RANDOM, "--random"), (PROTO_RANDOM_FULLY, "--random-fully"), (PERSISTENT, "--persistent")]
        .into_iter()
        .filter(move |(bit, _)| flags & bit != 0)
        .map(|(_, name)| name)
}

/// `parse_ports`: `PORT[-PORT]`, the first also a service name.
fn parse_ports(s: &str, portok: bool) -> Result<(u16, u16), Fail> {
    if !portok {
        return Err(usage("Need TCP, UDP, SCTP or DCCP with port specification"));
    }
    // xtables_strtoui with an end pointer: the leading digits.
    let number = |t: &str| -> Option<(u16, usize)> {
        let n = t.bytes().take_while(u8::is_ascii_digit).count();
        t.get(..n).and_then(|d| d.parse::<u16>().ok()).map(|v| (v, n))
    };
    let not_valid = |t: &str| usage(&format!("Port `{t}' not valid"));
    let (lo, rest) = match number(s) {
        Some((v, n)) => (v, &s[n..]),
        None => {
            let p = crate::programs::services::port(s, false).or_else(|| crate::programs::services::port(s, true));
            (p.ok_or_else(|| not_valid(s))?, "")
        }
    };
    let max = match rest.chars().next() {
        None => return Ok((lo, lo)),
        Some('-') => &rest[1..],
        Some(':') => return Err(usage("Invalid port:port syntax - use dash")),
        Some(_) => return Err(usage(&format!("Garbage after port value: `{rest}'"))),
    };
    let (hi, n) = number(max).ok_or_else(|| not_valid(max))?;
    if hi < lo {
        return Err(usage(&format!("Port range `{max}' funky")));
    }
    if !max[n..].is_empty() {
        return Err(usage(&format!("Garbage after port range: `{}'", &max[n..])));
    }
    Ok((lo, hi))
}

/// `parse_to`: the argument of `--to-source`/`--to-destination` for a rule
/// of protocol `proto`.
pub fn parse_to(arg: &str, v6: bool, proto: Option<u8>) -> Result<NatTo, Fail> {
    let portok = matches!(proto, Some(1 | 6 | 17 | 33 | 132));
    let (addrs, colon) = match arg.find('[') {
        None => {
            // One colon is a port; more make an IPv6 address.
            let colon = arg.find(':').filter(|&c| !arg[c + 1..].contains(':'));
            (colon.map_or(arg, |c| &arg[..c]), colon.map(|c| &arg[c + 1..]))
        }
        Some(open) => {
            let start = &arg[open + 1..];
            let end = start.find(']').filter(|_| v6).ok_or_else(|| usage("Invalid address format"))?;
            let after = &start[end + 1..];
            (&start[..end], after.find(':').map(|c| &after[c + 1..]))
        }
    };
    let mut to = NatTo::default();
    if let Some(p) = colon {
        to.ports = Some(parse_ports(p, portok)?);
        if addrs.is_empty() {
            return Ok(to);
        }
    }
    let (lo, hi) = match addrs.split_once('-') {
        Some((lo, hi)) => (lo, Some(hi)),
        None => (addrs, None),
    };
    let parse = |a: &str| -> Result<IpAddr, Fail> {
        let ip = if v6 { crate::text::parse_ipv6(a).map(IpAddr::V6) } else { crate::text::parse_ipv4(a).map(IpAddr::V4) };
        ip.ok_or_else(|| usage(&format!("Bad IP address \"{a}\"")))
    };
    let lo = parse(lo)?;
    let hi = hi.map(parse).transpose()?.unwrap_or(lo);
    to.addr = Some((lo, hi));
    Ok(to)
}

/// `print_range`: `A[-B][:P[-Q]]`, IPv6 addresses in brackets before a port.
pub fn range_text(to: &NatTo) -> String {
    let mut out = String::new();
    if let Some((lo, hi)) = to.addr {
        let bracket = lo.is_ipv6() && to.ports.is_some();
        if bracket {
            out.push('[');
        }
        out.push_str(&crate::text::ip_text(lo));
        if hi != lo {
            out.push_str(&format!("-{}", crate::text::ip_text(hi)));
        }
        if bracket {
            out.push(']');
        }
    }
    if let Some(p) = to.ports {
        out.push_str(&format!(":{}", ports_text(p)));
    }
    out
}

/// A port range: `MIN[-MAX]`.
pub fn ports_text((lo, hi): (u16, u16)) -> String {
    if lo == hi { lo.to_string() } else { format!("{lo}-{hi}") }
}

/// The flags as `-L` prints them: ` random`, ` random-fully`, ` persistent`.
pub fn flags_listed(flags: u32) -> String {
    flag_options(flags).map(|o| format!(" {}", &o[2..])).collect()
}

/// The flags as `-S` prints them.
pub fn flags_saved(flags: u32) -> String {
    flag_options(flags).map(|o| format!(" {o}")).collect()
}

/// The error for a flag option the target does not take.
pub fn unknown_option(option: &str) -> Fail {
    usage(&format!("unknown option \"{option}\""))
}
