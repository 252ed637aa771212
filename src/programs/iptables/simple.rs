//! The one-option xtables matches iptables-nft 1.8.9 sends through xt
//! compat: `-m pkttype --pkt-type` (libxt_pkttype), `-m length --length`
//! (libxt_length) and `-m ttl --ttl-eq|lt|gt` (libxt_ttl): their values,
//! info structures, `-S` and `-L` texts, and the translations nft prints.

use super::{Fail, HINT, PROG, usage};

/// What the three matches hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Simple {
    /// `struct xt_pkttype_info`: PACKET_* type, `!`.
    pub pkttype: Option<(u8, bool)>,
    /// `struct xt_length_info`: min, max, `!`.
    pub length: Option<(u16, u16, bool)>,
    /// `struct ipt_ttl_info`: mode (IPT_TTL_EQ, NE, LT, GT), ttl.
    pub ttl: Option<(u8, u8)>,
}

/// libxt_pkttype's names (the first of a type is the one printed).
const PKTTYPES: [(&str, u8); 7] =
    [("unicast", 0), ("broadcast", 1), ("multicast", 2), ("otherhost", 3), ("bcast", 1), ("mcast", 2), ("host", 0)];

fn option_fail(ext: &str, what: &str) -> Fail {
    Fail(format!("{PROG}: {ext}: {what}.\n\n{HINT}"), 2)
}

/// `--pkt-type NAME`, any case.
pub(super) fn pkttype(v: &str, inv: bool) -> Result<(u8, bool), Fail> {
    let t = PKTTYPES.iter().find(|(n, _)| n.eq_ignore_ascii_case(v)).map(|(_, t)| *t);
    Ok((t.ok_or_else(|| usage(&format!("Bad packet type '{v}'")))?, inv))
}

/// `--length MIN[:MAX]` (xtopt_parse_mint: a missing end is 0 or 65535).
pub(super) fn length(v: &str, inv: bool) -> Result<(u16, u16, bool), Fail> {
    let bad = |near: &str| option_fail("length", &format!("bad value for option \"--length\" near \"{near}\", or out of range (0-65535)"));
    let num = |s: &str, dflt: u16| if s.is_empty() { Ok(dflt) } else { s.parse::<u16>().map_err(|_| bad(s)) };
    match v.split_once(':') {
        Some((a, b)) => Ok((num(a, 0)?, num(b, u16::MAX)?, inv)),
        None => {
            let n = num(v, 0)?;
            Ok((n, n, inv))
        }
    }
}

/// The ttl options, without their dashes.
pub(super) const TTL_OPTS: [&str; 3] = ["ttl-eq", "ttl-lt", "ttl-gt"];

/// `--ttl-eq|lt|gt N`; only `--ttl-eq` takes `!` (mode NE).
pub(super) fn ttl(opt: &str, v: &str, inv: bool, had: Option<(u8, u8)>) -> Result<(u8, u8), Fail> {
    if let Some((mode, _)) = had {
        let other = TTL_OPTS[usize::from(mode.saturating_sub(1))];
        return Err(option_fail("ttl", &format!("option \"--{opt}\" cannot be used together with \"--{other}\"")));
    }
    let mode = match (opt, inv) {
        ("ttl-eq", false) => 0,
        ("ttl-eq", true) => 1,
        (_, true) => return Err(option_fail("ttl", &format!("option \"--{opt}\" cannot be inverted"))),
        ("ttl-lt", _) => 2,
        _ => 3,
    };
    let n = v.parse::<u8>().map_err(|_| option_fail("ttl", &format!("bad value for option \"--{opt}\", or out of range (0-255)")))?;
    Ok((mode, n))
}

/// The final checks: each loaded match needs its option.
pub(super) fn check(s: &Simple, loaded: impl Fn(super::Mt) -> bool) -> Result<(), Fail> {
    use super::Mt;
    if loaded(Mt::PktType) && s.pkttype.is_none() {
        return Err(Fail(format!("{PROG}: pkttype: option \"--pkt-type\" must be specified\n\n{HINT}"), 2));
    }
    if loaded(Mt::Length) && s.length.is_none() {
        return Err(Fail(format!("{PROG}: length: option \"--length\" must be specified\n\n{HINT}"), 2));
    }
    if loaded(Mt::Ttl) && s.ttl.is_none() {
        return Err(usage("TTL match: You must specify one of `--ttl-eq', `--ttl-lt', `--ttl-gt"));
    }
    Ok(())
}

/// The match's xt name and info structure (each padded to 8 bytes).
pub(super) fn encode(s: &Simple, m: super::Mt) -> Option<(&'static str, Vec<u8>)> {
    let mut info = vec![0u8; 8];
    let name = match m {
        super::Mt::PktType => {
            let (t, inv) = s.pkttype?;
            info[..4].copy_from_slice(&i32::from(t).to_ne_bytes());
            info[4..].copy_from_slice(&i32::from(inv).to_ne_bytes());
            "pkttype"
        }
        super::Mt::Length => {
            let (lo, hi, inv) = s.length?;
            info[..2].copy_from_slice(&lo.to_ne_bytes());
            info[2..4].copy_from_slice(&hi.to_ne_bytes());
            info[4] = u8::from(inv);
            "length"
        }
        super::Mt::Ttl => {
            let (mode, n) = s.ttl?;
            info[0] = mode;
            info[1] = n;
            "ttl"
        }
        _ => return None,
    };
    Some((name, info))
}

/// Reads one of the three back from its info structure.
pub(super) fn decode(s: &mut Simple, name: &str, info: &[u8]) -> Option<super::Mt> {
    let b = |k: usize| info.get(k).copied().unwrap_or(0);
    let u16_at = |k: usize| u16::from_ne_bytes([b(k), b(k + 1)]);
    match name {
        "pkttype" => {
            s.pkttype = Some((b(0), b(4) != 0));
            Some(super::Mt::PktType)
        }
        "length" => {
            s.length = Some((u16_at(0), u16_at(2), b(4) != 0));
            Some(super::Mt::Length)
        }
        "ttl" => {
            s.ttl = Some((b(0), b(1)));
            Some(super::Mt::Ttl)
        }
        _ => None,
    }
}

fn pkttype_name(t: u8) -> String {
    PKTTYPES.iter().find(|(_, x)| *x == t).map_or_else(|| t.to_string(), |(n, _)| (*n).to_string())
}

fn length_text(lo: u16, hi: u16) -> String {
    if lo == hi { lo.to_string() } else { format!("{lo}:{hi}") }
}

/// The `-L` text of a loaded match.
pub(super) fn list(s: &Simple, m: super::Mt) -> String {
    match m {
        super::Mt::PktType => s.pkttype.map(|(t, inv)| format!(" PKTTYPE {}= {}", if inv { "!" } else { "" }, pkttype_name(t))),
        super::Mt::Length => s.length.map(|(lo, hi, inv)| format!(" length {}{}", if inv { "!" } else { "" }, length_text(lo, hi))),
        super::Mt::Ttl => s.ttl.map(|(mode, n)| {
            let op = ["==", "!=", "<", ">"].get(usize::from(mode)).copied().unwrap_or("??");
            format!(" TTL match TTL {op} {n}")
        }),
        _ => None,
    }
    .unwrap_or_default()
}

/// The `-S` text of a loaded match.
pub(super) fn save(s: &Simple, m: super::Mt) -> String {
    match m {
        super::Mt::PktType => {
            s.pkttype.map(|(t, inv)| format!(" -m pkttype{} --pkt-type {}", if inv { " !" } else { "" }, pkttype_name(t)))
        }
        super::Mt::Length => {
            s.length.map(|(lo, hi, inv)| format!(" -m length {}--length {}", if inv { "! " } else { "" }, length_text(lo, hi)))
        }
        super::Mt::Ttl => s.ttl.map(|(mode, n)| match mode {
            0 => format!(" -m ttl --ttl-eq {n}"),
            1 => format!(" -m ttl ! --ttl-eq {n}"),
            2 => format!(" -m ttl --ttl-lt {n}"),
            _ => format!(" -m ttl --ttl-gt {n}"),
        }),
        _ => None,
    }
    .unwrap_or_default()
}

/// The translation nft prints for the xt match (pkttype_xlate,
/// length_xlate, ttl_mt_xlate); None for other matches.
pub fn xlate(name: &str, info: &[u8]) -> Option<String> {
    let mut s = Simple::default();
    match decode(&mut s, name, info)? {
        super::Mt::PktType => s.pkttype.map(|(t, inv)| {
            // Only these three have nft names; others print as numbers.
            let n = if t <= 2 { pkttype_name(t) } else { t.to_string() };
            format!("pkttype{} {n}", if inv { " !=" } else { "" })
        }),
        super::Mt::Length => s.length.map(|(lo, hi, inv)| {
            let v = if lo == hi { lo.to_string() } else { format!("{lo}-{hi}") };
            format!("meta length{} {v}", if inv { " !=" } else { "" })
        }),
        super::Mt::Ttl => s.ttl.map(|(mode, n)| {
            let op = ["", "!= ", "lt ", "gt "].get(usize::from(mode)).copied().unwrap_or("");
            format!("ip ttl {op}{n}")
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_texts() {
        let s = Simple { pkttype: Some((1, true)), length: Some((100, 200, false)), ttl: Some((2, 10)) };
        for m in [super::super::Mt::PktType, super::super::Mt::Length, super::super::Mt::Ttl] {
            let (name, info) = encode(&s, m).unwrap_or_default();
            let mut back = Simple::default();
            assert_eq!(decode(&mut back, name, &info), Some(m));
        }
        assert_eq!(save(&s, super::super::Mt::PktType), " -m pkttype ! --pkt-type broadcast");
        assert_eq!(list(&s, super::super::Mt::Ttl), " TTL match TTL < 10");
        assert_eq!(xlate("length", &encode(&s, super::super::Mt::Length).unwrap_or_default().1).as_deref(), Some("meta length 100-200"));
        assert!(length("70000", false).is_err());
        assert_eq!(length(":500", false).ok(), Some((0, 500, false)));
        assert!(ttl("ttl-lt", "5", true, None).is_err());
    }
}
