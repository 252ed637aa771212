//! Where a rule goes and what rides along with it: `position N`, `handle N`
//! and `index N` before the statements of `add`/`insert rule`, `handle N`
//! of `replace rule`, and a trailing `comment "TEXT"` (nft 1.0.6's
//! `rule_position`/`ruleid_spec`/`index_spec` and `comment_spec` in
//! parser_bison.y, and evaluate.c `rule_translate_index`).

use super::{Fail, Target, Tok, parsed, span, syntax};
use crate::iptables::nl::{Client, be64};
use crate::wire::NLM_F_DUMP;
use crate::wire::nftables::{msg, rule as r};

/// The words of a rule command after its chain, sorted out.
pub struct Spec {
    /// How many words the placement took (before the statements).
    pub words: usize,
    /// How many statement words follow them (the comment excluded).
    pub stmts: usize,
    /// NFTA_RULE_POSITION and the text it came from.
    pub position: Option<(u64, (usize, usize))>,
    /// NFTA_RULE_HANDLE of `replace rule` and the text it came from.
    pub replace: Option<(u64, (usize, usize))>,
    /// The comment, unquoted.
    pub comment: Option<String>,
    /// `index N` past the chain's rules: nft's error, given only once the
    /// statements have been evaluated (evaluate.c `rule_evaluate` looks
    /// the index up last, in `rule_cache_update`).
    pub missing_index: Option<Fail>,
}

/// The keywords nft's grammar names in "unexpected X" messages.
const KEYWORDS: &[&str] = &[
    "iifname",
    "oifname",
    "iif",
    "oif",
    "meta",
    "ip",
    "ip6",
    "icmp",
    "icmpv6",
    "tcp",
    "udp",
    "ct",
    "log",
    "limit",
    "counter",
    "accept",
    "drop",
    "return",
    "jump",
    "goto",
    "masquerade",
    "snat",
    "dnat",
    "redirect",
    "reject",
    "comment",
    "position",
    "index",
    "handle",
];

/// How bison names a token in "syntax error, unexpected X".
pub fn token_name(word: &str) -> &str {
    if word.parse::<u64>().is_ok() {
        "number"
    } else if word.starts_with('"') {
        "quoted string"
    } else if let Some(k) = KEYWORDS.iter().find(|k| **k == word) {
        k
    } else {
        "string"
    }
}

/// A number after `position`/`handle`/`index`.
fn number(toks: &[Tok], at: usize, cmd: &str) -> Result<u64, Fail> {
    let tok = toks.get(at).ok_or_else(|| syntax("unexpected newline, expecting number", cmd))?;
    tok.text.parse().map_err(|_| Fail { tilde: None, msg: "syntax error, unexpected string, expecting number".into(), span: span(tok) })
}

/// Reads the placement and the comment of `VERB rule FAMILY TABLE CHAIN ...`.
pub fn read(client: &mut Client, verb: &str, tg: &Target<'_>, cmd: &str) -> Result<Spec, Fail> {
    let toks = tg.names.get(2..).unwrap_or_default();
    let mut spec = Spec { words: 0, stmts: 0, position: None, replace: None, comment: None, missing_index: None };
    let first = toks.first().map(|t| t.text.as_str());
    match (verb, first) {
        ("replace", Some("handle")) => {
            spec.replace = Some((number(toks, 1, cmd)?, toks.get(1).map(span).unwrap_or_default()));
            spec.words = 2;
        }
        ("replace", _) => {
            let (what, sp) = match toks.first() {
                Some(t) => (token_name(&t.text), span(t)),
                None => ("newline", (cmd.len(), cmd.len() + 1)),
            };
            return Err(Fail { tilde: None, msg: format!("syntax error, unexpected {what}, expecting handle"), span: sp });
        }
        (_, Some(k @ ("position" | "handle" | "index"))) => {
            let n = number(toks, 1, cmd)?;
            let sp = (toks[0].at, toks.get(1).map(span).unwrap_or_default().1);
            let handle = if k == "index" { nth_rule(client, tg, n) } else { Some(n) };
            spec.missing_index = handle.is_none().then(|| not_found(sp));
            spec.position = Some((handle.unwrap_or(0), sp));
            spec.words = 2;
        }
        _ => {}
    }
    let rest = toks.get(spec.words..).unwrap_or_default();
    spec.stmts = rest.len();
    if let Some(at) = rest.iter().position(|t| t.text == "comment") {
        let text = rest.get(at + 1).ok_or_else(|| Fail {
            tilde: None,
            msg: "syntax error, unexpected newline, expecting string or quoted string or string with a trailing asterisk".into(),
            span: (cmd.len(), cmd.len() + 1),
        })?;
        if let Some(extra) = rest.get(at + 2) {
            let msg = format!("syntax error, unexpected {}, expecting end of file or newline or semicolon", token_name(&extra.text));
            return Err(Fail { tilde: None, msg, span: span(extra) });
        }
        spec.comment = Some(text.text.trim_matches('"').to_string());
        spec.stmts = at;
    }
    Ok(spec)
}

fn not_found(span: (usize, usize)) -> Fail {
    Fail { tilde: None, msg: "Could not process rule: No such file or directory".into(), span }
}

/// The handle of the chain's rule at `index` (from 0), as nft finds it in
/// its cache for `index N`.
fn nth_rule(client: &mut Client, tg: &Target<'_>, index: u64) -> Option<u64> {
    let (table, chain) = (&tg.names.first()?.text, &tg.names.get(1)?.text);
    let rules = client.request(msg::GETRULE, NLM_F_DUMP, tg.family, &[]).ok()?;
    let mut handles = rules.iter().filter_map(|m| {
        let (f, a) = parsed(m, r::MAX)?;
        let mine = f == tg.family && a.get(r::TABLE)?.string().ok()? == *table && a.get(r::CHAIN)?.string().ok()? == *chain;
        mine.then(|| a.get(r::HANDLE).map(|h| be64(h.value)))?
    });
    handles.nth(usize::try_from(index).ok()?)
}

/// NFTA_RULE_USERDATA for a comment as libnftnl writes it: one TLV of type
/// NFTNL_UDATA_RULE_COMMENT (0), the text and its NUL.
pub fn comment_userdata(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let len = bytes.len().min(254);
    let mut out = vec![0, len as u8 + 1];
    out.extend_from_slice(&bytes[..len]);
    out.push(0);
    out
}

/// The comment in a rule's NFTA_RULE_USERDATA, if any.
pub fn comment_of(userdata: &[u8]) -> Option<String> {
    let mut rest = userdata;
    while let [kind, len, tail @ ..] = rest {
        let value = tail.get(..usize::from(*len))?;
        if *kind == 0 {
            return Some(String::from_utf8_lossy(value).trim_end_matches('\0').to_string());
        }
        rest = &tail[usize::from(*len)..];
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_comment_is_the_tlv_nft_sends() {
        // `nft --debug=netlink add rule ... comment "ssh"`: userdata = { \x00\x04ssh\x00 }
        assert_eq!(super::comment_userdata("ssh"), b"\x00\x04ssh\x00");
        assert_eq!(super::comment_of(b"\x00\x04ssh\x00").as_deref(), Some("ssh"));
        assert_eq!(super::comment_of(b"\x00\x09ssh"), None);
    }
}
