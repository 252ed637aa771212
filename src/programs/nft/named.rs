//! Named sets and maps: `add set`/`add map` with `{ type T [: verdict] ;
//! flags interval ; }`, `delete set`, `add element`/`delete element`, and
//! their blocks in listings (`set blk { type ipv4_addr ... }`), as nft
//! 1.0.6's rule.c `set_print` writes them.

use super::sets::{Element, Key, SetView, elements_block_text, put_elements};
use super::{Fail, Tok, span, syntax};
use crate::iptables::nl::{BatchMsg, Client};
use crate::wire::NLM_F_CREATE;
use crate::wire::attr::{AttrTable, NlaWriter};
use crate::wire::nf_expr::Data;
use crate::wire::nftables::{data as v, msg, set as s, set_elem_list as l, set_flags as f};

/// The NEWSET attributes of `add set|map TABLE NAME { ... }`.
pub fn new_set(table: &str, name: &str, spec: &[Tok], map: bool, cmd: &str) -> Result<Vec<u8>, Fail> {
    let words: Vec<&Tok> = spec.iter().filter(|t| !matches!(t.text.as_str(), "{" | "}" | ";")).collect();
    let (mut key, mut data, mut flags) = (None, false, 0);
    let mut i = 0;
    while let Some(w) = words.get(i) {
        match w.text.trim_end_matches(',') {
            "type" => {
                let t = words.get(i + 1).ok_or_else(|| syntax("unexpected newline", cmd))?;
                key = Some(match t.text.as_str() {
                    "ipv4_addr" => Key::V4,
                    "ipv6_addr" => Key::V6,
                    "inet_service" => Key::Port,
                    "inet_proto" => Key::Proto,
                    "icmp_type" => Key::IcmpType,
                    "icmpv6_type" => Key::Icmp6Type,
                    "ifname" => Key::Ifname,
                    "ct_state" => Key::CtState,
                    "tcp_flag" => Key::TcpFlag,
                    other => {
                        // nft reports the type, then the set without a key.
                        let whole = (
                            spec.first().map_or(cmd.len(), |t| t.at),
                            spec.iter().rev().find(|t| t.text != "}").map_or(cmd.len() + 1, |t| span(t).1),
                        );
                        let (a, b) = span(t);
                        let caret = format!("{}{}", " ".repeat(a), "^".repeat(b - a));
                        let msg = format!("unknown datatype {other}\n{cmd}\n{caret}\nError: set definition does not specify key");
                        return Err(Fail { tilde: None, msg, span: whole });
                    }
                });
                i += 2;
                if words.get(i).is_some_and(|t| t.text == ":") {
                    if words.get(i + 1).map(|t| t.text.as_str()) != Some("verdict") {
                        return Err(syntax("unexpected string", cmd));
                    }
                    data = true;
                    i += 2;
                }
            }
            "flags" => {
                for fl in words.get(i + 1).map_or("", |t| t.text.as_str()).split(',') {
                    flags |= match fl {
                        "interval" => f::INTERVAL,
                        "constant" => f::CONSTANT,
                        _ => return Err(syntax("unexpected string", cmd)),
                    };
                }
                i += 2;
            }
            _ => return Err(syntax("unexpected string", cmd)),
        }
    }
    let whole = (spec.first().map_or(cmd.len(), |t| t.at), spec.iter().rev().find(|t| t.text != "}").map_or(cmd.len() + 1, |t| span(t).1));
    let key =
        key.ok_or(Fail { tilde: None, msg: format!("{} definition does not specify key", if map { "map" } else { "set" }), span: whole })?;
    if map != data {
        return Err(syntax("unexpected '}'", cmd));
    }
    if map {
        flags |= f::MAP;
    }
    let (key_type, key_len) = key.kind();
    let mut a = Vec::new();
    a.put_str(s::TABLE, table);
    a.put_str(s::NAME, name);
    a.put(s::FLAGS, &flags.to_be_bytes());
    a.put(s::KEY_TYPE, &key_type.to_be_bytes());
    a.put(s::KEY_LEN, &key_len.to_be_bytes());
    if map {
        a.put(s::DATA_TYPE, &f::DATA_VERDICT.to_be_bytes());
        a.put(s::DATA_LEN, &0u32.to_be_bytes());
    }
    a.put(s::ID, &1u32.to_be_bytes());
    // NFTNL_UDATA_SET_KEYBYTEORDER: the datatype's byte order (nft's
    // datatype.c): unset (0) for inet_proto, host (1) for ifname and
    // ct_state, big endian (2) for the others.
    let order = match key {
        Key::Proto => 0,
        Key::Ifname | Key::CtState => 1,
        _ => 2,
    };
    a.put(s::USERDATA, &[0, 4, order, 0, 0, 0]);
    Ok(a)
}

/// The NEWSETELEM/DELSETELEM attributes for `{ ELEMENTS }` of a set.
pub fn elements(set: &SetView, toks: &[Tok], cmd: &str) -> Result<Vec<u8>, Fail> {
    let key = Key::of(set.key_type).ok_or_else(|| syntax("unexpected string", cmd))?;
    let inner: Vec<&Tok> = toks.iter().filter(|t| !matches!(t.text.as_str(), "{" | "}")).collect();
    let body = inner.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ");
    let map = set.flags & f::MAP != 0;
    let interval = set.flags & f::INTERVAL != 0;
    let mut elems: Vec<Element> = Vec::new();
    let mut ranges: Vec<(Vec<u8>, Vec<u8>, Option<Data>)> = Vec::new();
    for entry in body.split(',').map(str::trim).filter(|x| !x.is_empty()) {
        let (k, data) = match entry.rsplit_once(':').filter(|_| map) {
            Some((k, d)) => (k.trim(), Some(verdict(d.trim()).ok_or_else(|| syntax("unexpected string", cmd))?)),
            None => (entry, None),
        };
        let tok = inner.iter().find(|t| t.text.trim_matches(',') == k).copied();
        let at = tok.map_or((cmd.len(), cmd.len() + 1), span);
        let msg = key.parse_error(k).unwrap_or("syntax error, unexpected string").into();
        let (lo, hi) = key.range(k).ok_or(Fail { tilde: None, msg, span: at })?;
        if lo != hi && !interval {
            let msg = "You must add 'flags interval' to your set declaration if you want to add prefix elements".into();
            return Err(Fail { tilde: None, msg, span: at });
        }
        if interval {
            ranges.push((lo, hi, data));
        } else {
            elems.push((lo, 0, data));
        }
    }
    // Intervals go in key order; into an empty set nft first sends the end
    // of the gap below the lowest one (segtree.c), as for anonymous sets.
    ranges.sort_by(|a, b| a.0.cmp(&b.0));
    if let Some((lo, _, _)) = ranges.first().filter(|r| set.elems.is_empty() && r.0.iter().any(|b| *b != 0)) {
        elems.push((vec![0; lo.len()], f::ELEM_INTERVAL_END, None));
    }
    for (lo, hi, data) in ranges {
        elems.push((lo, 0, data));
        if let Some(end) = next(&hi) {
            elems.push((end, f::ELEM_INTERVAL_END, None));
        }
    }
    let mut b = Vec::new();
    b.put_str(l::TABLE, &set.table);
    b.put_str(l::SET, &set.name);
    put_elements(&mut b, &elems);
    Ok(b)
}

/// nft's own check before deleting from an interval set (its cache holds
/// the boundaries): an element whose start, and end after it, are not
/// both there is "element does not exist", under the first such one.
pub fn absent_interval(set: &SetView, toks: &[Tok]) -> Option<Fail> {
    if set.flags & f::INTERVAL == 0 {
        return None;
    }
    let key = Key::of(set.key_type)?;
    let inner: Vec<&Tok> = toks.iter().filter(|t| !matches!(t.text.as_str(), "{" | "}")).collect();
    let has = |k: &[u8], end: bool| set.elems.iter().any(|(x, fl, _)| x == k && (fl & f::ELEM_INTERVAL_END != 0) == end);
    for t in &inner {
        let k = t.text.trim_matches(',');
        if k.is_empty() {
            continue;
        }
        let (lo, hi) = key.range(k)?;
        let end_there = next(&hi).is_none_or(|e| has(&e, true));
        if !(has(&lo, false) && end_there) {
            return Some(Fail { tilde: None, msg: "element does not exist".into(), span: (t.at, t.at + k.len()) });
        }
    }
    None
}

fn verdict(w: &str) -> Option<Data> {
    let code = match w {
        "accept" => v::ACCEPT,
        "drop" => v::DROP,
        "return" => v::RETURN,
        _ => return None,
    };
    Some(Data::Verdict { code, chain: None })
}

fn next(key: &[u8]) -> Option<Vec<u8>> {
    let mut out = key.to_vec();
    for b in out.iter_mut().rev() {
        let (n, carry) = b.overflowing_add(1);
        *b = n;
        if !carry {
            return Some(out);
        }
    }
    None
}

/// A named set's block in a listing.
pub fn block(set: &SetView, show: super::Show) -> String {
    let map = set.flags & f::MAP != 0;
    let handle = if show.handles { format!(" # handle {}", set.handle) } else { String::new() };
    let mut out = format!("\t{} {} {{{handle}\n", if map { "map" } else { "set" }, set.name);
    let key = Key::of(set.key_type);
    let tname = key.map_or("invalid", Key::name);
    out.push_str(&format!("\t\ttype {tname}{}\n", if map { " : verdict" } else { "" }));
    if set.flags & f::INTERVAL != 0 {
        out.push_str("\t\tflags interval\n");
    }
    // Only interval ends left (the gap below the first range stays after a delete): no elements.
    if let Some(key) = key.filter(|_| set.elems.iter().any(|x| x.1 & f::ELEM_INTERVAL_END == 0)) {
        out.push_str(&format!("\t\telements = {{ {} }}\n", elements_block_text(set, key, show.numeric)));
    }
    out.push_str("\t}\n");
    out
}

/// Whether a set is one the user named (not a rule's anonymous set).
pub fn named(set: &SetView) -> bool {
    set.flags & f::ANONYMOUS == 0
}

/// Where each element of `{ ELEMENTS }` stands in the command, in the
/// order they are sent; empty for sets with intervals (their elements are
/// sent sorted, as boundaries).
pub fn element_spans(set: &SetView, toks: &[Tok]) -> Vec<(usize, usize)> {
    if set.flags & f::INTERVAL != 0 {
        return Vec::new();
    }
    toks.iter().filter(|t| !matches!(t.text.as_str(), "{" | "}" | ",")).map(|t| (t.at, t.at + t.text.trim_end_matches(',').len())).collect()
}

/// The index of the element (nested in NFTA_SET_ELEM_LIST_ELEMENTS) that
/// starts at `offset` of a message's attributes: the one the kernel's
/// extended ack points at.
pub fn element_at(attrs: &[u8], offset: usize) -> Option<usize> {
    let list = crate::wire::attr::NlaIter::new(attrs).map_while(Result::ok).find(|n| n.kind == l::ELEMENTS)?;
    crate::wire::attr::NlaIter::new(list.value).map_while(Result::ok).position(|n| list.offset + 4 + n.offset == offset)
}

/// Splits `elements = { ... }` off a set declaration: the other words,
/// and the elements' words with their braces (parser_bison.y
/// `set_block`'s `ELEMENTS '=' set_block_expr`).
pub fn split_elements(spec: &[Tok]) -> (Vec<Tok>, Option<Vec<Tok>>) {
    let Some(at) = spec.iter().position(|t| t.text == "elements") else { return (spec.to_vec(), None) };
    let open = at + 2;
    if spec.get(at + 1).map(|t| t.text.as_str()) != Some("=") || spec.get(open).map(|t| t.text.as_str()) != Some("{") {
        return (spec.to_vec(), None);
    }
    let mut depth = 0usize;
    let close = spec[open..].iter().position(|t| {
        match t.text.as_str() {
            "{" => depth += 1,
            "}" => depth = depth.saturating_sub(1),
            _ => {}
        }
        depth == 0
    });
    let Some(close) = close.map(|c| open + c) else { return (spec.to_vec(), None) };
    let mut rest = spec[..at].to_vec();
    rest.extend_from_slice(&spec[close + 1..]);
    (rest, Some(spec[open..=close].to_vec()))
}

/// A set declared with its elements: NEWSET and NEWSETELEM in one batch
/// (the elements go as `add element` sends them, into the set as it is
/// or as declared when new).
pub fn declare_with_elements(
    client: &mut Client,
    family: u8,
    set: (&str, &str, Vec<u8>, u16),
    elems: &[Tok],
    cmd: &str,
    spans: &[(u16, (usize, usize))],
    whole: (usize, usize),
) -> Result<String, Fail> {
    let (table, name, attrs, flags) = set;
    let existing = super::sets::fetch(client).into_iter().find(|x| x.family == family && x.table == table && x.name == name);
    let declared = AttrTable::parse(&attrs, s::MAX).ok();
    let be32 = |k| {
        declared.as_ref().and_then(|a| a.get(k)).and_then(|n| n.value.get(..4)).map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let view = existing.unwrap_or(SetView {
        family,
        table: table.to_string(),
        name: name.to_string(),
        flags: be32(s::FLAGS),
        key_type: be32(s::KEY_TYPE),
        handle: 0,
        elems: Vec::new(),
    });
    let mut b = elements(&view, elems, cmd)?;
    b.put(l::SET_ID, &1u32.to_be_bytes());
    let genid = client.generation();
    client.family = family;
    let batch =
        [BatchMsg { kind: msg::NEWSET, flags, attrs: attrs.clone() }, BatchMsg { kind: msg::NEWSETELEM, flags: NLM_F_CREATE, attrs: b }];
    client.batch_detail(&batch, genid).map_err(|(e, index, off)| {
        let off = off.filter(|_| index == 0);
        super::kernel_fail(&attrs, spans, whole, &e.message(), off)
    })?;
    Ok(String::new())
}
