//! `-m mark --mark V[/M]` (libxt_mark, which iptables-nft 1.8.9 sends as
//! `meta mark`, masked, compared: add_nft_mark) and `-j MARK` (libxt_MARK
//! revision 2, `struct xt_mark_tginfo2` through xt compat): their values,
//! their `-S` and `-L` texts, and nft's translation of the target.

use super::{Fail, HINT, PROG};

/// strtoul with base 0, as xtables_strtoui reads a mark: `0x` hex, a
/// leading `0` octal, else decimal, as many digits as there are; the
/// value (None when there are none, or it passes 32 bits) and the rest.
fn number(s: &str) -> (Option<u32>, &str) {
    let (body, radix) = match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(h) if h.starts_with(|c: char| c.is_ascii_hexdigit()) => (h, 16),
        // `0x` without digits is the number 0, then `x`.
        Some(_) => return (Some(0), &s[1..]),
        None if s.starts_with('0') => (s, 8),
        None => (s, 10),
    };
    let n = body.find(|c: char| !c.is_digit(radix)).unwrap_or(body.len());
    if n == 0 {
        return (None, s);
    }
    (u32::from_str_radix(&body[..n], radix).ok(), &body[n..])
}

/// A whole word as a number (XTTYPE_UINT32).
fn whole(s: &str) -> Option<u32> {
    match number(s) {
        (Some(v), "") => Some(v),
        _ => None,
    }
}

/// XTTYPE_MARKMASK32: `VALUE[/MASK]`, the mask all ones when absent;
/// `who` names the extension in the messages (`mark`, `MARK`).
pub(super) fn mark_mask(who: &str, opt: &str, s: &str) -> Result<(u32, u32), Fail> {
    let fail = |what: &str| Fail(format!("{PROG}: {who}: {what} for option \"--{opt}\"{}\n\n{HINT}", tail(what)), 2);
    let (value, rest) = number(s);
    let value = value.ok_or_else(|| fail("bad integer value"))?;
    let (mask, rest) = match rest.strip_prefix('/') {
        Some(m) => {
            let (mask, rest) = number(m);
            (mask.ok_or_else(|| fail("bad integer value"))?, rest)
        }
        None => (u32::MAX, rest),
    };
    if !rest.is_empty() {
        return Err(fail("trailing garbage after value"));
    }
    Ok((value, mask))
}

/// The end of xtables' message for a bad value.
fn tail(what: &str) -> &'static str {
    if what.starts_with("bad") { ", or out of range." } else { "." }
}

/// XTTYPE_UINT32 for `--and-mark`, `--or-mark`, `--xor-mark`.
pub(super) fn bits(opt: &str, s: &str) -> Result<u32, Fail> {
    whole(s).ok_or_else(|| Fail(format!("{PROG}: MARK: bad value for option \"--{opt}\", or out of range (0-4294967295).\n\n{HINT}"), 2))
}

/// mark_tg_parse: a MARK option as `xt_mark_tginfo2`'s mark and mask.
pub(super) fn target(opt: &str, v: &str) -> Result<(u32, u32), Fail> {
    Ok(match opt {
        "set-xmark" => mark_mask("MARK", opt, v)?,
        "set-mark" => {
            let (m, k) = mark_mask("MARK", opt, v)?;
            (m, m | k)
        }
        "and-mark" => (0, !bits(opt, v)?),
        "or-mark" => {
            let b = bits(opt, v)?;
            (b, b)
        }
        _ => (bits(opt, v)?, 0),
    })
}

/// The MARK target's options, without their dashes.
pub(super) const TARGET_OPTS: [&str; 5] = ["set-xmark", "set-mark", "and-mark", "or-mark", "xor-mark"];

/// libxt_mark's print (`-L`): ` mark match [!] 0xV[/0xM]`.
pub(super) fn match_list((mark, mask, inv): (u32, u32, bool)) -> String {
    format!(" mark match {}{}", if inv { "! " } else { "" }, value_text(mark, mask))
}

/// libxt_mark's save (`-S`): ` -m mark [!] --mark 0xV[/0xM]`.
pub(super) fn match_save((mark, mask, inv): (u32, u32, bool)) -> String {
    format!(" -m mark {}--mark {}", if inv { "! " } else { "" }, value_text(mark, mask))
}

fn value_text(mark: u32, mask: u32) -> String {
    if mask == u32::MAX { format!("{mark:#x}") } else { format!("{mark:#x}/{mask:#x}") }
}

/// mark_tg_print (`-L`).
pub(super) fn target_list(mark: u32, mask: u32) -> String {
    if mark == 0 {
        format!(" MARK and {:#x}", !mask)
    } else if mark == mask {
        format!(" MARK or {mark:#x}")
    } else if mask == 0 {
        format!(" MARK xor {mark:#x}")
    } else if mask == u32::MAX {
        format!(" MARK set {mark:#x}")
    } else {
        format!(" MARK xset {mark:#x}/{mask:#x}")
    }
}

/// mark_tg_save (`-S`).
pub(super) fn target_save(mark: u32, mask: u32) -> String {
    format!(" --set-xmark {mark:#x}/{mask:#x}")
}

/// mark_tg_xlate, which nft prints for the xt target.
pub fn target_xlate(info: &[u8]) -> String {
    let (mark, mask) = tginfo_of(info);
    let what = if mask == u32::MAX {
        format!("{mark:#x}")
    } else if mark == 0 {
        format!("mark and {:#x}", !mask)
    } else if mark == mask {
        format!("mark or {mark:#x}")
    } else if mask == 0 {
        format!("mark xor {mark:#x}")
    } else {
        format!("mark and {:#x} xor {mark:#x}", !mask)
    };
    format!("meta mark set {what}")
}

/// `struct xt_mark_tginfo2`: mark, mask (host order).
pub(super) fn tginfo(mark: u32, mask: u32) -> Vec<u8> {
    let mut b = mark.to_ne_bytes().to_vec();
    b.extend(mask.to_ne_bytes());
    b
}

/// The mark and mask of a `struct xt_mark_tginfo2`.
pub(super) fn tginfo_of(info: &[u8]) -> (u32, u32) {
    let at = |k: usize| info.get(k..k + 4).map_or(0, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
    (at(0), at(4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_texts() {
        assert_eq!(number("010"), (Some(8), ""));
        assert_eq!(number("0x1f/3"), (Some(31), "/3"));
        assert_eq!(number("-1").0, None);
        assert_eq!(whole("1x"), None);
        assert_eq!(mark_mask("mark", "mark", "0x2/0xff").ok(), Some((2, 0xff)));
        assert!(mark_mask("mark", "mark", "1/2/3").is_err_and(|f| f.0.contains("trailing garbage")));
        assert_eq!(target("set-mark", "0x2/0xff").ok(), Some((2, 0xff)));
        assert_eq!(target("and-mark", "5").ok(), Some((0, 0xffff_fffa)));
        assert_eq!(target_list(4, 4), " MARK or 0x4");
        assert_eq!(target_list(u32::MAX, u32::MAX), " MARK or 0xffffffff");
        assert_eq!(target_xlate(&tginfo(u32::MAX, u32::MAX)), "meta mark set 0xffffffff");
        assert_eq!(target_xlate(&tginfo(2, 0xff)), "meta mark set mark and 0xffffff00 xor 0x2");
        assert_eq!(match_save((2, 0xff, true)), " -m mark ! --mark 0x2/0xff");
    }
}
