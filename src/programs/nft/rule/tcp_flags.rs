//! `tcp flags` in the forms nft 1.0.6 accepts, into expressions.

use super::super::names;
use super::{Refused, cmp, refuse};
use crate::wire::nf_expr::Expr;

/// `syn` / `syn,ack` (any of them set: `& flags != 0`), `! syn` (none
/// set: `& flags == 0`), `== syn` and `!= syn` (the whole byte), `syn /
/// syn,ack` and `& (syn|ack) == syn` (the masked byte). The index of the
/// word after it.
pub(super) fn tcp_flags(out: &mut Vec<Expr>, words: &[String], mut at: usize) -> Result<usize, Refused> {
    let word = |i: usize| words.get(i).map(String::as_str);
    // A flag expression: one word, or `(` ... `)` over several.
    let value = |at: usize| -> Result<(u8, usize), Refused> {
        let first = word(at).ok_or(words.len())?;
        let mut end = at;
        if first.starts_with('(') {
            while !word(end).ok_or(words.len())?.ends_with(')') {
                end += 1;
            }
        }
        let text = words[at..=end].concat();
        let bits = names::tcp_flags(&text).ok_or_else(|| refuse(at, end + 1 - at, "Could not parse TCP flag".into()))?;
        Ok((bits, end + 1))
    };
    let masked = |out: &mut Vec<Expr>, mask: u8| {
        out.push(Expr::Bitwise { sreg: 4, dreg: 4, len: 1, mask: vec![mask], xor: vec![0] });
    };
    if word(at) == Some("&") {
        let (mask, next) = value(at + 1)?;
        let op = match word(next) {
            Some("==") => 0,
            Some("!=") => 1,
            _ => return Err(next.min(words.len()).into()),
        };
        let (v, next) = value(next + 1)?;
        masked(out, mask);
        out.push(cmp(op, vec![v]));
        return Ok(next);
    }
    let op = match word(at) {
        Some("==") => Some(0),
        Some("!=") => Some(1),
        Some("!") => Some(2),
        _ => None,
    };
    if op.is_some() {
        at += 1;
    }
    let (v, next) = value(at)?;
    if word(next) == Some("/") {
        let (mask, next) = value(next + 1)?;
        masked(out, mask);
        out.push(cmp(if op == Some(1) { 1 } else { 0 }, vec![v]));
        return Ok(next);
    }
    match op {
        Some(op @ (0 | 1)) => out.push(cmp(op, vec![v])),
        Some(_) => {
            masked(out, v);
            out.push(cmp(0, vec![0]));
        }
        None => {
            masked(out, v);
            out.push(cmp(1, vec![0]));
        }
    }
    Ok(next)
}
