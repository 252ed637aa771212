//! nft's rule language for the common statements, both ways: the words of
//! `nft add rule` into the expressions nft 1.0.6 sends (with the implicit
//! protocol dependencies it adds), and a rule's expressions back into the
//! text `nft list` prints (dependencies folded away again).

use std::net::Ipv4Addr;

use super::names;
use super::sets::{AnonSet, Key, SetView, elements_text};
use crate::util::text;

use crate::wire::nf_expr::{Data, Expr};
use crate::wire::nftables::{data as v, family};

mod list;
mod nat;
mod tcp_flags;
pub use list::text;
use tcp_flags::tcp_flags;

/// Connection states by name, in the order nft prints them.
pub(super) const CT_STATES: &[(&str, u32)] = &[("invalid", 1), ("established", 2), ("related", 4), ("new", 8), ("untracked", 64)];

/// Syslog levels by number, as nft names them (`log level`).
const LOG_LEVELS: &[&str] = &["emerg", "alert", "crit", "err", "warn", "notice", "info", "debug", "audit"];

/// `limit rate` units and their seconds.
const LIMIT_UNITS: &[(&str, u64)] = &[("second", 1), ("minute", 60), ("hour", 3600), ("day", 86400), ("week", 604800)];

fn meta(key: u32) -> Expr {
    Expr::Meta { key, dreg: 4 }
}

fn cmp(op: u32, data: Vec<u8>) -> Expr {
    Expr::Cmp { sreg: 4, op, data }
}

fn payload(base: u32, offset: u32, len: u32) -> Expr {
    Expr::Payload { dreg: 4, base, offset, len }
}

fn verdict(code: i32, chain: Option<String>) -> Expr {
    Expr::Immediate { dreg: 0, data: Data::Verdict { code, chain } }
}

fn ifname(name: &str) -> Vec<u8> {
    let name = name.trim_matches('"');
    // `eth*`: the prefix alone, without its NUL (nft's wildcard).
    if let Some(prefix) = name.strip_suffix('*') {
        return prefix.as_bytes().to_vec();
    }
    let mut b = name.as_bytes().to_vec();
    b.resize(16, 0);
    b
}

/// The comparison after a key at word `at`: `!=` (cmp neq) or none, the
/// value's word, and the word after it.
fn relation(words: &[String], at: usize) -> Result<(u32, &str, usize), Refused> {
    let neg = words.get(at).is_some_and(|w| w == "!=");
    let at = if neg { at + 1 } else { at };
    let value = words.get(at).ok_or(words.len())?;
    Ok((u32::from(neg), value.as_str(), at + 1))
}

/// What a rule is read and printed against: the table's family and the
/// machine's interfaces (index, name) for `iif`/`oif`.
pub struct Ctx<'a> {
    /// The table's family (NFPROTO_*).
    pub family: u8,
    /// The interfaces, by index and name.
    pub links: &'a [(u32, String)],
    /// The table's name.
    pub table: &'a str,
    /// The sets of the ruleset (for listing lookups).
    pub sets: &'a [SetView],
    /// The NFTA_SET_ID the rule's first anonymous set gets.
    pub next_set_id: u32,
    /// `nft -n`: symbols listed as numbers.
    pub numeric: bool,
}

/// A verdict word (`accept`, `jump CHAIN`, ...) of a verdict map.
fn verdict_data(w: &str) -> Option<Data> {
    let (code, chain) = match w.split_once(' ') {
        Some(("jump", c)) => (v::JUMP, Some(c.trim().to_string())),
        Some(("goto", c)) => (v::GOTO, Some(c.trim().to_string())),
        _ => (
            match w {
                "accept" => v::ACCEPT,
                "drop" => v::DROP,
                "return" => v::RETURN,
                "continue" => v::CONTINUE,
                _ => return None,
            },
            None,
        ),
    };
    Some(Data::Verdict { code, chain })
}

/// A set match at word `at`: `@name`, `{ ... }`, `vmap { ... }`, each
/// perhaps after `!=`; the lookup goes to `out`, an anonymous set to
/// `sets`. The index of the word after it.
fn set_match(
    out: &mut Vec<Expr>,
    sets: &mut Vec<AnonSet>,
    words: &[String],
    mut at: usize,
    key: Key,
    payload: (u32, u32),
    ctx: &Ctx<'_>,
) -> Result<usize, Refused> {
    let word = |i: usize| words.get(i).map(String::as_str);
    let mut flags = 0;
    if word(at) == Some("!=") {
        flags = 1;
        at += 1;
    }
    let map = word(at) == Some("vmap");
    if map {
        at += 1;
    }
    if let Some(name) = word(at).and_then(|w| w.strip_prefix('@')) {
        out.push(Expr::Lookup { set: name.to_string(), set_id: None, sreg: 4, dreg: map.then_some(0), flags });
        return Ok(at + 1);
    }
    if word(at) != Some("{") {
        return Err(at.min(words.len()).into());
    }
    let close = words[at..].iter().position(|w| w == "}").ok_or(words.len())? + at;
    let body = words[at + 1..close].join(" ");
    let mut values = Vec::new();
    for entry in body.split(',').map(str::trim).filter(|x| !x.is_empty()) {
        let (k, data) = match entry.rsplit_once(':').filter(|_| map) {
            Some((k, d)) => (k.trim(), Some(verdict_data(d.trim()).ok_or(at)?)),
            None if map => return Err(at.into()),
            None => (entry, None),
        };
        let (lo, hi) = key.range(k).ok_or_else(|| {
            // The word the element is in, for the caret.
            let w = (at + 1..close).find(|&x| words[x].trim_matches(',') == k).unwrap_or(at);
            match key.parse_error(k) {
                Some(m) => refuse(w, 1, m.into()),
                None => w.into(),
            }
        })?;
        values.push((lo, hi, data));
    }
    if values.is_empty() {
        return Err(refuse(close, 1, "syntax error, unexpected '}'".into()));
    }
    // The expression that loads the key, for the set's `typeof`.
    let expr = match out.last() {
        Some(Expr::Meta { .. }) => super::sets::EXPR_META,
        Some(Expr::Ct { .. }) => super::sets::EXPR_CT,
        _ => super::sets::EXPR_PAYLOAD,
    };
    let set = AnonSet { key, expr, payload, values };
    if let (Some((lo, hi)), Some(Expr::Payload { base, offset, len, .. })) = (set.single(), out.last().cloned()) {
        // One value: a comparison (nft's set optimisation), a prefix, or a range.
        let op = if flags == 1 { 1 } else { 0 };
        match super::sets::prefix_len(&lo, &hi).filter(|_| key != Key::Port && lo != hi) {
            Some(plen) => {
                out.pop();
                address(out, offset, &lo, plen);
                if let Some(Expr::Cmp { op: o, .. }) = out.last_mut() {
                    *o = op;
                }
            }
            None if lo == hi => out.push(cmp(op, lo)),
            None if op == 1 => out.push(Expr::Range { sreg: 4, op, from: lo, to: hi }),
            None => {
                out.push(cmp(5, lo));
                out.push(cmp(3, hi));
            }
        }
        let _ = (base, len);
        return Ok(close + 1);
    }
    if let (Some((lo, hi)), Some(Expr::Meta { .. } | Expr::Ct { .. })) = (set.single(), out.last()) {
        if lo == hi {
            // One value of a meta or ct key: a comparison; `ct state`'s
            // bitmask (without `!=`) is tested as its flags are.
            if key == Key::CtState && flags == 0 {
                let n = lo.len();
                out.push(Expr::Bitwise { sreg: 4, dreg: 4, len: n as u32, mask: lo, xor: vec![0; n] });
                out.push(cmp(1, vec![0; n]));
            } else {
                out.push(cmp(flags, lo));
            }
            return Ok(close + 1);
        }
    }
    let id = ctx.next_set_id.saturating_add(sets.len() as u32);
    out.push(Expr::Lookup { set: set.name().into(), set_id: Some(id), sreg: 4, dreg: map.then_some(0), flags });
    sets.push(set);
    Ok(close + 1)
}

/// Whether the words at `at` start a set match.
fn is_set(words: &[String], at: usize) -> bool {
    let w = |i: usize| words.get(i).map(String::as_str);
    let at = if w(at) == Some("!=") { at + 1 } else { at };
    matches!(w(at), Some("{" | "vmap")) || w(at).is_some_and(|x| x.starts_with('@'))
}

/// Why a rule's words were refused: the word (an index into them; their
/// count when a statement is unfinished) and, where nft says more than
/// "syntax error", its message.
#[derive(Debug, PartialEq, Eq)]
pub struct Refused {
    /// The word the grammar could not take.
    pub word: usize,
    /// How many words from it the caret line covers.
    pub width: usize,
    /// Bytes of the first word before the caret starts (nft's lexer splits
    /// `3/fortnight` into three tokens).
    pub skip: usize,
    /// nft's message for a value the grammar took but its type refuses.
    pub message: Option<String>,
    /// The words (first, count) the error is about besides, marked with `~`.
    pub tilde: Option<(usize, usize)>,
}

impl From<usize> for Refused {
    fn from(word: usize) -> Refused {
        Refused { word, width: 1, skip: 0, message: None, tilde: None }
    }
}

fn refuse(word: usize, width: usize, message: String) -> Refused {
    Refused { word, width, skip: 0, message: Some(message), tilde: None }
}

/// The protocol dependencies nft adds before a match (src/evaluate.c
/// `resolve_protocol_conflict`, payload.c `payload_gen_dependency`): each
/// once per rule, the network one only in an inet table.
struct Deps {
    table: u8,
    network: Option<u8>,
    /// The word of the match that fixed the network protocol (None: the
    /// table's family did).
    network_at: Option<usize>,
    transport: Option<u8>,
    /// The words of the `ip protocol`/`meta l4proto` match that fixed the
    /// transport protocol (its first word and how many).
    transport_at: Option<(usize, usize)>,
}

fn family_word(f: u8) -> &'static str {
    if f == family::IPV6 { "ip6" } else { "ip" }
}

impl Deps {
    fn network(&mut self, out: &mut Vec<Expr>, want: u8, at: usize) -> Result<(), String> {
        match self.network {
            Some(have) if have == want => Ok(()),
            Some(have) => Err(format!("conflicting protocols specified: {} vs. {}", family_word(have), family_word(want))),
            None => {
                if self.table == family::INET {
                    out.push(meta(15));
                    out.push(cmp(0, vec![want]));
                }
                self.network = Some(want);
                self.network_at = Some(at);
                Ok(())
            }
        }
    }

    /// The transport protocol a match needs: `meta l4proto P` once, or
    /// nft's "conflicting protocols" when an earlier match fixed another.
    /// `at` is the match's first word (its protocol and field are the
    /// words an error about the protocol marks).
    fn transport(&mut self, out: &mut Vec<Expr>, proto: u8, at: usize) -> Result<(), String> {
        match self.transport {
            Some(have) if have == proto => Ok(()),
            Some(have) => Err(format!("conflicting protocols specified: {} vs. {}", proto_desc(have), proto_desc(proto))),
            None => {
                out.push(meta(16));
                out.push(cmp(0, vec![proto]));
                self.transport = Some(proto);
                self.transport_at = Some((at, 2));
                Ok(())
            }
        }
    }
}

/// An address match at `offset` of the network header: whole bytes compare
/// directly; a partial byte (or /0) loads the address and masks it.
fn address(out: &mut Vec<Expr>, offset: u32, bytes: &[u8], len: u32) {
    let n = bytes.len();
    if len % 8 == 0 && len > 0 {
        let k = (len / 8) as usize;
        out.push(payload(1, offset, k as u32));
        out.push(cmp(0, bytes[..k.min(n)].to_vec()));
    } else {
        let mask: Vec<u8> = (0..n).map(|k| (0xff00u16 >> len.saturating_sub(8 * k as u32).min(8)) as u8).collect();
        let masked: Vec<u8> = bytes.iter().zip(&mask).map(|(b, m)| b & m).collect();
        out.push(payload(1, offset, n as u32));
        out.push(Expr::Bitwise { sreg: 4, dreg: 4, len: n as u32, mask, xor: vec![0; n] });
        out.push(cmp(0, masked));
    }
}

/// An address with an optional `/LEN`: its bytes and the prefix length;
/// the message of expr_evaluate_prefix when the length passes the width.
fn prefixed(text: &str, v6: bool) -> Result<(Vec<u8>, u32), Option<String>> {
    let width = if v6 { 128 } else { 32 };
    let (a, len) = match text.split_once('/') {
        Some((a, l)) => match l.parse::<u32>() {
            Ok(l) if l <= width => (a, l),
            Ok(l) => return Err(Some(format!("Prefix length {l} is invalid for type of {width} bits width"))),
            Err(_) => return Err(None),
        },
        None => (text, width),
    };
    let bytes = if v6 { text::parse_ipv6(a).map(|a| a.octets().to_vec()) } else { text::parse_ipv4(a).map(|a| a.octets().to_vec()) };
    // Dotted numbers that are no address (`10.0.0.300`) go to getaddrinfo,
    // which knows no such host.
    // (nft's scanner reads four of them as one word; fewer are a syntax error.)
    let unresolved = !v6
        && !text.contains('/')
        && a.split('.').count() == 4
        && a.split('.').all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()));
    bytes.map(|b| (b, len)).ok_or_else(|| unresolved.then(|| "Could not resolve hostname: Name or service not known".to_string()))
}

/// A transport protocol by nft's protocol description name (proto.c:
/// `icmpv6`, not /etc/protocols' `ipv6-icmp`).
fn proto_desc(p: u8) -> String {
    match p {
        58 => "icmpv6".into(),
        p => names::protocol_name(p),
    }
}

/// `tcp flags` after its payload load, from word `at` (nft 1.0.6's
/// bitmask relational forms, as its evaluate.c linearises them):
/// Whether the rule so far fixed the transport protocol (`tcp dport`,
/// `meta l4proto tcp`, `ip protocol tcp`): a NAT statement may map ports
/// only then (evaluate.c `stmt_evaluate_l3proto`/`nat_evaluate_transport`).
/// A set of protocols (`meta l4proto { tcp, udp }`) fixes it too, as
/// `relational_expr_pctx_update` updates the context with each element;
/// `!=` (cmp neq, an inverted lookup) does not.
fn transport_known(out: &[Expr]) -> bool {
    out.windows(2).any(|w| match w {
        [Expr::Meta { key: 16, .. }, Expr::Cmp { op: 0, .. }] => true,
        [Expr::Meta { key: 16, .. }, Expr::Lookup { flags, .. }] => flags & 1 == 0,
        [Expr::Payload { base: 1, offset, len: 1, .. }, Expr::Cmp { op: 0, .. }] => matches!(offset, 6 | 9),
        [Expr::Payload { base: 1, offset, len: 1, .. }, Expr::Lookup { flags, .. }] => matches!(offset, 6 | 9) && flags & 1 == 0,
        _ => false,
    })
}

/// Parses the statements of a rule.
#[cfg(test)]
pub fn parse(words: &[String], ctx: &Ctx<'_>) -> Result<Vec<Expr>, Refused> {
    parse_full(words, ctx).map(|(exprs, _)| exprs)
}

/// Parses the statements of a rule: its expressions and the anonymous
/// sets its lookups use.
pub fn parse_full(words: &[String], ctx: &Ctx<'_>) -> Result<(Vec<Expr>, Vec<AnonSet>), Refused> {
    let mut out = Vec::new();
    let mut sets = Vec::new();
    let table_family = ctx.family;
    let known = matches!(table_family, family::IPV4 | family::IPV6).then_some(table_family);
    let mut deps = Deps { table: table_family, network: known, network_at: None, transport: None, transport_at: None };
    let mut i = 0;
    let word = |i: usize| words.get(i).map(String::as_str);
    let ifindex = |i: usize| -> Result<u32, Refused> {
        let name = word(i).ok_or(words.len())?.trim_matches('"');
        ctx.links
            .iter()
            .find(|(_, n)| n == name)
            .map(|(x, _)| *x)
            .or_else(|| name.parse().ok())
            .ok_or_else(|| refuse(i, 1, "Interface does not exist".into()))
    };
    while let Some(w) = word(i) {
        let arg = |k: usize| word(i + k).ok_or(words.len());
        match w {
            "iifname" | "oifname" if is_set(words, i + 1) => {
                let key = if w == "iifname" { 6 } else { 7 };
                out.push(meta(key));
                i = set_match(&mut out, &mut sets, words, i + 1, Key::Ifname, (key, 0), ctx)?;
            }
            "meta" if matches!(arg(1)?, "iifname" | "oifname") && is_set(words, i + 2) => {
                let key = if arg(1)? == "iifname" { 6 } else { 7 };
                out.push(meta(key));
                i = set_match(&mut out, &mut sets, words, i + 2, Key::Ifname, (key, 0), ctx)?;
            }
            "iifname" | "oifname" => {
                let (op, value, next) = relation(words, i + 1)?;
                out.push(meta(if w == "iifname" { 6 } else { 7 }));
                out.push(cmp(op, ifname(value)));
                i = next;
            }
            "iif" | "oif" => {
                out.push(meta(if w == "iif" { 4 } else { 5 }));
                out.push(cmp(0, ifindex(i + 1)?.to_ne_bytes().to_vec()));
                i += 2;
            }
            "meta" if matches!(arg(1)?, "iifname" | "oifname") => {
                let (op, value, next) = relation(words, i + 2)?;
                out.push(meta(if arg(1)? == "iifname" { 6 } else { 7 }));
                out.push(cmp(op, ifname(value)));
                i = next;
            }
            "meta" if matches!(arg(1)?, "iif" | "oif") => {
                out.push(meta(if arg(1)? == "iif" { 4 } else { 5 }));
                out.push(cmp(0, ifindex(i + 2)?.to_ne_bytes().to_vec()));
                i += 3;
            }
            "meta" if arg(1)? == "nfproto" => {
                let (op, value, next) = relation(words, i + 2)?;
                out.push(meta(15));
                out.push(cmp(op, vec![names::number(names::NFPROTOS, value).ok_or(next - 1)?]));
                i = next;
            }
            "ip" | "ip6" => {
                let v6 = w == "ip6";
                let (offset, addr) = match (v6, arg(1)?) {
                    (false, "saddr") => (12, true),
                    (false, "daddr") => (16, true),
                    (false, "protocol") => (9, false),
                    (true, "saddr") => (8, true),
                    (true, "daddr") => (24, true),
                    (true, "nexthdr") => (6, false),
                    _ => return Err((i + 1).into()),
                };
                if addr && is_set(words, i + 2) {
                    deps.network(&mut out, if v6 { family::IPV6 } else { family::IPV4 }, i).map_err(|m| refuse(i, 2, m))?;
                    out.push(payload(1, offset, if v6 { 16 } else { 4 }));
                    // nft's protocol description and field (proto.c): ip 12, ip6 13.
                    let field = match (v6, offset) {
                        (false, 12) => (12, 11),
                        (false, _) => (12, 12),
                        (true, 8) => (13, 8),
                        (true, _) => (13, 9),
                    };
                    i = set_match(&mut out, &mut sets, words, i + 2, if v6 { Key::V6 } else { Key::V4 }, field, ctx)?;
                    continue;
                }
                if is_set(words, i + 2) {
                    // `ip protocol { tcp, udp }`: inet_proto keys from the
                    // header (proto.c: ip's field 9, ip6's field 6).
                    deps.network(&mut out, if v6 { family::IPV6 } else { family::IPV4 }, i).map_err(|m| refuse(i, 2, m))?;
                    out.push(payload(1, offset, 1));
                    let field = if v6 { (13, 6) } else { (12, 9) };
                    i = set_match(&mut out, &mut sets, words, i + 2, Key::Proto, field, ctx)?;
                    continue;
                }
                let (op, value, next) = relation(words, i + 2)?;
                let parsed = if addr {
                    prefixed(value, v6).map_err(|m| match m {
                        Some(m) => refuse(next - 1, 1, m),
                        None => (next - 1).into(),
                    })?
                } else {
                    (vec![names::protocol(value).ok_or(next - 1)?], 8)
                };
                deps.network(&mut out, if v6 { family::IPV6 } else { family::IPV4 }, i).map_err(|m| refuse(i, 2, m))?;
                address(&mut out, offset, &parsed.0, parsed.1);
                if let Some(Expr::Cmp { op: o, .. }) = out.last_mut() {
                    *o = op;
                }
                // `ip protocol P` / `ip6 nexthdr P` fixes the transport protocol.
                if !addr && op == 0 && deps.transport.is_none() {
                    deps.transport = Some(parsed.0[0]);
                    deps.transport_at = Some((i, 3));
                }
                i = next;
            }
            "icmp" | "icmpv6" => {
                if arg(1)? != "type" {
                    return Err((i + 1).into());
                }
                let v6 = w == "icmpv6";
                let (table, what) = if v6 { (names::ICMPV6_TYPES, "ICMPv6") } else { (names::ICMP_TYPES, "ICMP") };
                if is_set(words, i + 2) {
                    if table_family == family::INET && deps.transport != Some(if v6 { 58 } else { 1 }) {
                        deps.network(&mut out, if v6 { family::IPV6 } else { family::IPV4 }, i).map_err(|m| refuse(i, 2, m))?;
                    }
                    deps.transport(&mut out, if v6 { 58 } else { 1 }, i).map_err(|m| refuse(i, 2, m))?;
                    out.push(payload(2, 0, 1));
                    // proto.c: icmp is protocol description 4, icmpv6 14; type is field 1.
                    let (key, field) = if v6 { (Key::Icmp6Type, (14, 1)) } else { (Key::IcmpType, (4, 1)) };
                    i = set_match(&mut out, &mut sets, words, i + 2, key, field, ctx)?;
                    continue;
                }
                let t = names::number(table, arg(2)?).ok_or_else(|| refuse(i + 2, 1, format!("Could not parse {what} type")))?;
                // After `meta l4proto icmp` the transport header is known and
                // nft adds no network dependency.
                if table_family == family::INET && deps.transport != Some(if v6 { 58 } else { 1 }) {
                    deps.network(&mut out, if v6 { family::IPV6 } else { family::IPV4 }, i).map_err(|m| refuse(i, 2, m))?;
                }
                deps.transport(&mut out, if v6 { 58 } else { 1 }, i).map_err(|m| refuse(i, 2, m))?;
                out.push(payload(2, 0, 1));
                out.push(cmp(0, vec![t]));
                i += 3;
            }
            "tcp" if arg(1)? == "flags" => {
                deps.transport(&mut out, 6, i).map_err(|m| refuse(i, 2, m))?;
                out.push(payload(2, 13, 1));
                if is_set(words, i + 2) {
                    // proto.c: tcp is protocol description 8, flags field 7.
                    i = set_match(&mut out, &mut sets, words, i + 2, Key::TcpFlag, (8, 7), ctx)?;
                    continue;
                }
                i = tcp_flags(&mut out, words, i + 2)?;
            }
            "tcp" | "udp" | "th" => {
                let offset = match arg(1)? {
                    "sport" => 0,
                    "dport" => 2,
                    _ => return Err((i + 1).into()),
                };
                // `th` (any transport header) adds no protocol dependency.
                let l4 = match w {
                    "tcp" => Some(6),
                    "udp" => Some(17),
                    _ => None,
                };
                if is_set(words, i + 2) {
                    if let Some(p) = l4 {
                        deps.transport(&mut out, p, i).map_err(|m| refuse(i, 2, m))?;
                    }
                    out.push(payload(2, offset, 2));
                    // tcp is nft's protocol 8, udp 6, th 11; sport field 1, dport 2.
                    let proto = match w {
                        "tcp" => 8,
                        "udp" => 6,
                        _ => 11,
                    };
                    let field = (proto, if offset == 0 { 1 } else { 2 });
                    i = set_match(&mut out, &mut sets, words, i + 2, Key::Port, field, ctx)?;
                    continue;
                }
                // One port, or a range `LO-HI` (nft 1.0.6: cmp gte + cmp lte),
                // perhaps after `!=` (cmp neq, or a range expression).
                let neg = arg(2)? == "!=";
                let at = if neg { i + 3 } else { i + 2 };
                let value = word(at).ok_or(words.len())?;
                let (lo, hi) = Key::Port.range(value).ok_or_else(|| match value.parse::<u64>() {
                    Ok(_) => refuse(at, 1, "Service out of range".into()),
                    Err(_) => at.into(),
                })?;
                if let Some(p) = l4 {
                    deps.transport(&mut out, p, i).map_err(|m| refuse(i, 2, m))?;
                }
                out.push(payload(2, offset, 2));
                match (lo == hi, neg) {
                    (true, _) => out.push(cmp(u32::from(neg), lo)),
                    (false, true) => out.push(Expr::Range { sreg: 4, op: 1, from: lo, to: hi }),
                    (false, false) => {
                        out.push(cmp(5, lo));
                        out.push(cmp(3, hi));
                    }
                }
                i = at + 1;
            }
            "meta" if arg(1)? == "l4proto" && is_set(words, i + 2) => {
                out.push(meta(16));
                i = set_match(&mut out, &mut sets, words, i + 2, Key::Proto, (16, 0), ctx)?;
            }
            "meta" if arg(1)? == "l4proto" => {
                // `!=` compares with cmp neq and fixes no protocol.
                let neg = arg(2)? == "!=";
                let at = if neg { i + 3 } else { i + 2 };
                let p = names::protocol(word(at).ok_or(words.len())?).ok_or(at)?;
                out.push(meta(16));
                out.push(cmp(u32::from(neg), vec![p]));
                // A later header match of this protocol needs no dependency.
                if deps.transport.is_none() && !neg {
                    deps.transport = Some(p);
                    deps.transport_at = Some((i, 3));
                }
                i = at + 1;
            }
            "ct" if arg(1)? == "state" && is_set(words, i + 2) => {
                out.push(Expr::Ct { key: 0, dreg: 4, dir: None });
                i = set_match(&mut out, &mut sets, words, i + 2, Key::CtState, (0, u32::MAX), ctx)?;
            }
            "ct" if arg(1)? == "state" => {
                let (op, value, next) = relation(words, i + 2)?;
                let mut mask = 0u32;
                for s in value.split(',') {
                    mask |= CT_STATES.iter().find(|(n, _)| *n == s).map(|(_, b)| *b).ok_or(next - 1)?;
                }
                out.push(Expr::Ct { key: 0, dreg: 4, dir: None });
                if op == 1 {
                    // `!=` compares the whole state (nft 1.0.6).
                    out.push(cmp(1, mask.to_ne_bytes().to_vec()));
                } else {
                    out.push(Expr::Bitwise { sreg: 4, dreg: 4, len: 4, mask: mask.to_ne_bytes().to_vec(), xor: vec![0; 4] });
                    out.push(cmp(1, vec![0; 4]));
                }
                i = next;
            }
            "log" => {
                let (mut prefix, mut level) = (None, None);
                i += 1;
                loop {
                    match word(i) {
                        Some("prefix") => {
                            let expecting =
                                "syntax error, unexpected newline, expecting string or quoted string or string with a trailing asterisk";
                            let p = word(i + 1).ok_or_else(|| refuse(words.len(), 1, expecting.into()))?;
                            prefix = Some(p.trim_matches('"').to_string());
                        }
                        Some("level") => {
                            let name = word(i + 1).ok_or(words.len())?;
                            let l =
                                LOG_LEVELS.iter().position(|n| *n == name).ok_or_else(|| refuse(i + 1, 1, "invalid log level".into()))?;
                            level = Some(l as u32);
                        }
                        _ => break,
                    }
                    i += 2;
                }
                out.push(Expr::Log { prefix, level, flags: 0 });
            }
            "limit" => {
                if arg(1)? != "rate" {
                    return Err((i + 1).into());
                }
                i += 2;
                let over = word(i) == Some("over");
                if over {
                    i += 1;
                }
                let expecting = "syntax error, unexpected newline, expecting number";
                let rate_word = word(i).ok_or_else(|| refuse(words.len(), 1, expecting.into()))?;
                let (n, unit) = rate_word.split_once('/').ok_or(i)?;
                let rate: u64 = n.parse().map_err(|_| i)?;
                let unexpected = || Refused { skip: n.len() + 1, ..refuse(i, 1, "syntax error, unexpected string".into()) };
                let unit = LIMIT_UNITS.iter().find(|(u, _)| *u == unit).map(|(_, s)| *s).ok_or_else(unexpected)?;
                i += 1;
                let mut burst = 5;
                if word(i) == Some("burst") {
                    burst = word(i + 1).ok_or(words.len())?.parse().map_err(|_| i + 1)?;
                    if word(i + 2) != Some("packets") {
                        return Err((i + 2).min(words.len()).into());
                    }
                    i += 3;
                }
                out.push(Expr::Limit { rate, unit, burst, ty: 0, flags: u32::from(over), bucket: None });
            }
            "counter" => {
                out.push(Expr::Counter { bytes: 0, packets: 0 });
                i += 1;
            }
            "accept" | "drop" | "return" => {
                out.push(verdict(
                    match w {
                        "accept" => v::ACCEPT,
                        "drop" => v::DROP,
                        _ => v::RETURN,
                    },
                    None,
                ));
                i += 1;
            }
            "jump" | "goto" => {
                out.push(verdict(if w == "jump" { v::JUMP } else { v::GOTO }, Some(arg(1)?.to_string())));
                i += 2;
            }
            "masquerade" | "redirect" => i = nat::masq_redir(words, i, &mut out)?,
            "snat" | "dnat" => i = nat::snat_dnat(words, i, known, &mut deps, &mut out)?,
            "reject" if word(i + 1) == Some("with") && matches!(word(i + 2), Some("icmp" | "icmpv6" | "icmpx")) => {
                // `reject with icmp|icmpv6|icmpx [type] CODE` (nft 1.0.6's
                // reject_opts; evaluate.c stmt_evaluate_reject_*).
                let kind = arg(2)?;
                let at = if word(i + 3) == Some("type") { i + 4 } else { i + 3 };
                let (table, what) = match kind {
                    "icmp" => (names::ICMP_CODES, "icmp"),
                    "icmpv6" => (names::ICMPV6_CODES, "icmpv6"),
                    _ => (names::ICMPX_CODES, "icmpx"),
                };
                let code_word = word(at).ok_or(words.len())?;
                let code = names::number(table, code_word).ok_or_else(|| refuse(at, 1, format!("Could not parse {what} code")))?;
                let in_context = |tilde, message: String| Refused { tilde: Some(tilde), ..refuse(at, 1, message) };
                match kind {
                    "icmpx" if table_family != family::INET => {
                        return Err(in_context((i, 1), "abstracted ICMP unreachable not supported".into()));
                    }
                    "icmpx" => out.push(Expr::Reject { ty: 2, code }),
                    _ => {
                        let want = if kind == "icmp" { family::IPV4 } else { family::IPV6 };
                        match deps.network {
                            // The message names ip then ip6 whichever came first
                            // (stmt_evaluate_reject_family); ~ marks the match
                            // that fixed the family, or the statement.
                            Some(have) if have != want => {
                                let tilde = deps.network_at.map_or((i, 1), |w| (w, 2));
                                return Err(in_context(tilde, "conflicting protocols specified: ip vs ip6".into()));
                            }
                            _ => deps.network(&mut out, want, i).map_err(|m| refuse(i, 1, m))?,
                        }
                        out.push(Expr::Reject { ty: 0, code });
                    }
                }
                i = at + 1;
            }
            "reject" if word(i + 1) == Some("with") => {
                if (arg(2)?, arg(3)?) != ("tcp", "reset") {
                    return Err((i + 2).into());
                }
                // stmt_evaluate_reset: the rule fixed another transport protocol.
                if deps.transport.is_some_and(|p| p != 6) {
                    let message = "you cannot use tcp reset with this protocol".to_string();
                    return Err(Refused { tilde: deps.transport_at, ..refuse(i, 1, message) });
                }
                // nft adds the dependency `meta l4proto tcp` unless the
                // rule already matched TCP (`ip protocol tcp` fixes it too).
                let tcp_known = deps.transport == Some(6)
                    || out.windows(2).any(|w| matches!(w, [Expr::Meta { key: 16, .. }, Expr::Cmp { data, .. }] if data == &[6]));
                // nft puts it at the head of the rule.
                if !tcp_known {
                    out.insert(0, meta(16));
                    out.insert(1, cmp(0, vec![6]));
                }
                out.push(Expr::Reject { ty: 1, code: 0 });
                i += 4;
            }
            "reject" => {
                // Port unreachable: nft's icmpx code in an inet table, the
                // family's own code elsewhere.
                out.push(match table_family {
                    family::INET => Expr::Reject { ty: 2, code: 1 },
                    family::IPV6 => Expr::Reject { ty: 0, code: 4 },
                    _ => Expr::Reject { ty: 0, code: 3 },
                });
                i += 1;
            }
            _ => return Err(words.len().max(i + 1).into()),
        }
    }
    Ok((out, sets))
}

/// Whether a rule uses xtables extensions (a table with such rules is
/// "managed by iptables-nft").
pub fn uses_xt(exprs: &[Expr]) -> bool {
    exprs.iter().any(|e| matches!(e, Expr::Match { .. } | Expr::Target { .. }))
}

#[cfg(test)]
mod tests;
