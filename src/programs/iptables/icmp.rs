//! ICMP and ICMPv6 types and codes as iptables names them (xtables.c's
//! icmp_codes and icmpv6_codes): parsing `--icmp-type`/`--icmpv6-type`
//! and printing them for `-L` and `-S` (libxt_icmp, libip6t_icmp6).

/// A name with its type and code range.
type Code = (&'static str, u8, u8, u8);

/// ICMP (type 0xff "any" matches every type).
const ICMP: &[Code] = &[
    ("any", 0xff, 0, 0xff),
    ("echo-reply", 0, 0, 0xff),
    ("pong", 0, 0, 0xff),
    ("destination-unreachable", 3, 0, 0xff),
    ("network-unreachable", 3, 0, 0),
    ("host-unreachable", 3, 1, 1),
    ("protocol-unreachable", 3, 2, 2),
    ("port-unreachable", 3, 3, 3),
    ("fragmentation-needed", 3, 4, 4),
    ("source-route-failed", 3, 5, 5),
    ("network-unknown", 3, 6, 6),
    ("host-unknown", 3, 7, 7),
    ("network-prohibited", 3, 9, 9),
    ("host-prohibited", 3, 10, 10),
    ("TOS-network-unreachable", 3, 11, 11),
    ("TOS-host-unreachable", 3, 12, 12),
    ("communication-prohibited", 3, 13, 13),
    ("host-precedence-violation", 3, 14, 14),
    ("precedence-cutoff", 3, 15, 15),
    ("source-quench", 4, 0, 0xff),
    ("redirect", 5, 0, 0xff),
    ("network-redirect", 5, 0, 0),
    ("host-redirect", 5, 1, 1),
    ("TOS-network-redirect", 5, 2, 2),
    ("TOS-host-redirect", 5, 3, 3),
    ("echo-request", 8, 0, 0xff),
    ("ping", 8, 0, 0xff),
    ("router-advertisement", 9, 0, 0xff),
    ("router-solicitation", 10, 0, 0xff),
    ("time-exceeded", 11, 0, 0xff),
    ("ttl-exceeded", 11, 0, 0xff),
    ("ttl-zero-during-transit", 11, 0, 0),
    ("ttl-zero-during-reassembly", 11, 1, 1),
    ("parameter-problem", 12, 0, 0xff),
    ("ip-header-bad", 12, 0, 0),
    ("required-option-missing", 12, 1, 1),
    ("timestamp-request", 13, 0, 0xff),
    ("timestamp-reply", 14, 0, 0xff),
    ("address-mask-request", 17, 0, 0xff),
    ("address-mask-reply", 18, 0, 0xff),
];

/// ICMPv6.
const ICMPV6: &[Code] = &[
    ("destination-unreachable", 1, 0, 0xff),
    ("no-route", 1, 0, 0),
    ("communication-prohibited", 1, 1, 1),
    ("beyond-scope", 1, 2, 2),
    ("address-unreachable", 1, 3, 3),
    ("port-unreachable", 1, 4, 4),
    ("failed-policy", 1, 5, 5),
    ("reject-route", 1, 6, 6),
    ("packet-too-big", 2, 0, 0xff),
    ("time-exceeded", 3, 0, 0xff),
    ("ttl-exceeded", 3, 0, 0xff),
    ("ttl-zero-during-transit", 3, 0, 0),
    ("ttl-zero-during-reassembly", 3, 1, 1),
    ("parameter-problem", 4, 0, 0xff),
    ("bad-header", 4, 0, 0),
    ("unknown-header-type", 4, 1, 1),
    ("unknown-option", 4, 2, 2),
    ("echo-request", 128, 0, 0xff),
    ("ping", 128, 0, 0xff),
    ("echo-reply", 129, 0, 0xff),
    ("pong", 129, 0, 0xff),
    ("router-solicitation", 133, 0, 0xff),
    ("router-advertisement", 134, 0, 0xff),
    ("neighbour-solicitation", 135, 0, 0xff),
    ("neighbor-solicitation", 135, 0, 0xff),
    ("neighbour-advertisement", 136, 0, 0xff),
    ("neighbor-advertisement", 136, 0, 0xff),
    ("redirect", 137, 0, 0xff),
];

fn table(v6: bool) -> &'static [Code] {
    if v6 { ICMPV6 } else { ICMP }
}

/// The name of an ICMP type (any code), if it has one.
pub fn icmp_name(t: u8) -> Option<&'static str> {
    ICMP.iter().find(|c| c.1 == t && c.2 == 0 && c.3 == 0xff).map(|c| c.0)
}

/// `xtables_parse_icmp`/`parse_icmpv6`: a name (any unambiguous prefix,
/// any case) or `TYPE[/CODE]` as (type, lowest code, highest code); the
/// message on failure.
pub fn parse(s: &str, v6: bool) -> Result<(u8, u8, u8), String> {
    let what = if v6 { "ICMPv6" } else { "ICMP" };
    let lower = s.to_ascii_lowercase();
    let mut found: Option<&Code> = None;
    for c in table(v6).iter().filter(|c| c.0.to_ascii_lowercase().starts_with(&lower)) {
        if let Some(first) = found {
            return Err(format!("Ambiguous {what} type `{s}': `{}' or `{}'?", first.0, c.0));
        }
        found = Some(c);
    }
    if let Some(c) = found.filter(|_| !s.is_empty()) {
        return Ok((c.1, c.2, c.3));
    }
    let (t, code) = match s.split_once('/') {
        Some((t, c)) => (t, Some(c)),
        None => (s, None),
    };
    let t: u8 = t.parse().map_err(|_| format!("Unknown {what} type `{s}'"))?;
    match code {
        None => Ok((t, 0, 0xff)),
        Some(c) => c.parse().map(|c| (t, c, c)).map_err(|_| format!("Unknown {what} code `{s}'")),
    }
}

/// The `-L` text after ` icmp`/` ipv6-icmp` (print_icmptype): a name
/// unless numeric, else `type T [code C|codes A-B]`.
pub fn text((t, lo, hi): (u8, u8, u8), invert: bool, v6: bool, numeric: bool) -> String {
    let bang = if invert { "!" } else { "" };
    if !numeric {
        if let Some(c) = table(v6).iter().find(|c| (c.1, c.2, c.3) == (t, lo, hi)) {
            return format!(" {bang}{}", c.0);
        }
    }
    let mut out = if invert { " !".to_string() } else { String::new() };
    out.push_str(&format!("type {t}"));
    if lo == hi {
        out.push_str(&format!(" code {lo}"));
    } else if lo != 0 || hi != 0xff {
        out.push_str(&format!(" codes {lo}-{hi}"));
    }
    out
}

/// The `-S` option: `[! ]--icmp-type T[/C]` (`any` for ICMP type 255).
pub fn save((t, lo, hi): (u8, u8, u8), invert: bool, v6: bool) -> String {
    let mut out = if invert { " !".to_string() } else { String::new() };
    if v6 {
        out.push_str(&format!(" --icmpv6-type {t}"));
    } else if t == 0xff {
        return out + " --icmp-type any";
    } else {
        out.push_str(&format!(" --icmp-type {t}"));
    }
    if lo != 0 || hi != 0xff {
        out.push_str(&format!("/{lo}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_prefixes_and_numbers() {
        assert_eq!(parse("echo-request", false), Ok((8, 0, 0xff)));
        assert_eq!(parse("PORT-UNR", true), Ok((1, 4, 4)));
        assert_eq!(parse("3/3", false), Ok((3, 3, 3)));
        assert!(parse("echo-re", true).unwrap_err().contains("`echo-request' or `echo-reply'"));
        assert_eq!(parse("1/x", true), Err("Unknown ICMPv6 code `1/x'".into()));
        assert_eq!(text((1, 4, 4), false, true, false), " port-unreachable");
        assert_eq!(text((4, 0, 0xff), true, false, true), " !type 4");
        assert_eq!(save((1, 4, 4), false, true), " --icmpv6-type 1/4");
    }
}
