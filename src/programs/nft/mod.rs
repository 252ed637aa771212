//! `nft` as nftables 1.0.6 behaves for the common commands: list ruleset,
//! tables, a table or a chain (`-a` for handles); add, create, insert,
//! delete and flush of tables, chains and rules. Everything goes through
//! nf_tables batches and dumps on a NETLINK_NETFILTER socket; errors are
//! shown with the command and a caret line under the part the kernel (or
//! the parser) points at.

mod chain;
mod line;
mod named;
mod names;
mod place;
mod rule;
mod sets;

use crate::errno::Errno;
use crate::host::Host;
use crate::iptables::nl::{BatchMode, BatchMsg, Client, attrs, be32, be64};
use crate::output::Output;
use crate::rtnetlink::Protocol;
use crate::wire::attr::{AttrTable, NlaWriter};
use crate::wire::nf_expr::{self as expr, Expr};
use crate::wire::nftables::{chain as c, family as fam, msg, rule as r, table as t};
use crate::wire::{NLM_F_APPEND, NLM_F_CREATE, NLM_F_DUMP, NLM_F_EXCL, NLM_F_REPLACE};
use chain::{chain_spec, prio_text};

/// A word of the command with where it starts in the command text.
#[derive(Debug, Clone)]
struct Tok {
    text: String,
    at: usize,
}

/// Splits the command text into words; `{`, `}` and `;` stand alone.
fn tokenize(cmd: &str) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    let mut cur: Option<Tok> = None;
    let mut quoted = false;
    for (i, ch) in cmd.char_indices() {
        if ch == '"' {
            quoted = !quoted;
        }
        if quoted || ch == '"' {
            cur.get_or_insert(Tok { text: String::new(), at: i }).text.push(ch);
        } else if ch.is_whitespace() || matches!(ch, '{' | '}' | ';') {
            out.extend(cur.take());
            if !ch.is_whitespace() {
                out.push(Tok { text: ch.to_string(), at: i });
            }
        } else {
            cur.get_or_insert(Tok { text: String::new(), at: i }).text.push(ch);
        }
    }
    out.extend(cur);
    out
}

/// How a command failed: the message and where to point.
struct Fail {
    /// Byte range of the statement the error is about, marked with `~`
    /// (nft's second location), when there is one.
    tilde: Option<(usize, usize)>,
    msg: String,
    /// Byte range of the command text to underline.
    span: (usize, usize),
}

fn family_of(s: &str) -> Option<u8> {
    Some(match s {
        "ip" => fam::IPV4,
        "ip6" => fam::IPV6,
        "inet" => fam::INET,
        "arp" => fam::ARP,
        "bridge" => fam::BRIDGE,
        "netdev" => fam::NETDEV,
        _ => return None,
    })
}

fn family_name(f: u8) -> &'static str {
    match f {
        fam::IPV4 => "ip",
        fam::IPV6 => "ip6",
        fam::INET => "inet",
        fam::ARP => "arp",
        fam::BRIDGE => "bridge",
        _ => "netdev",
    }
}

const HOOKS: &[&str] = &["prerouting", "input", "forward", "output", "postrouting"];

/// Runs `nft ARGS`.
pub fn run(host: &mut dyn Host, args: &[String], out: &mut Output) -> i32 {
    let mut show = Show::default();
    let mut words = Vec::new();
    for a in args {
        match a.as_str() {
            "-a" | "--handle" => show.handles = true,
            "-n" | "-nn" | "-nnn" | "--numeric" => show.numeric = true,
            "-c" | "--check" => {}
            _ => words.push(a.clone()),
        }
    }
    let cmd = words.join(" ");
    let sock = match host.socket_of(None, Protocol::Netfilter) {
        Ok(s) => s,
        Err(e) => {
            out.err(&format!("Error: {}\n", e.message()));
            return 1;
        }
    };
    let mut client = Client::new(sock, fam::UNSPEC);
    client.ext_ack();
    let toks = tokenize(&cmd);
    // Only a rule naming `iif`/`oif`, or a listing that may print them,
    // needs the interfaces: other commands send nothing but their batch.
    let needs_links = toks.iter().any(|t| matches!(t.text.as_str(), "list" | "iif" | "oif"));
    let links = if needs_links { links(host) } else { Vec::new() };
    let result = if line::is_multi(&toks) {
        several(&mut client, &toks, &cmd, show, &links)
    } else {
        execute(&mut client, &toks, &cmd, show, &links).map_err(|f| (String::new(), vec![f]))
    };
    match result {
        Ok(text) => {
            out.out(&text);
            0
        }
        Err((printed, fails)) => {
            out.out(&printed);
            for f in fails {
                let (a, b) = f.span;
                let mut caret = String::new();
                if let Some((ta, tb)) = f.tilde.filter(|(_, tb)| *tb <= a) {
                    caret = format!("{}{}", " ".repeat(ta), "~".repeat(tb.saturating_sub(ta).max(1)));
                }
                let at = caret.len();
                caret.push_str(&format!("{}{}", " ".repeat(a.saturating_sub(at)), "^".repeat(b.saturating_sub(a).max(1))));
                out.err(&format!("Error: {}\n{cmd}\n{caret}\n", f.msg));
            }
            1
        }
    }
}

/// What a listing shows besides the rules: `-a` handles, `-n` numbers.
#[derive(Debug, Clone, Copy, Default)]
pub struct Show {
    /// `-a`: `# handle N` after each object.
    pub handles: bool,
    /// `-n`: symbols and priorities as numbers.
    pub numeric: bool,
}

/// Runs the commands of one line (line.rs): their changes are kept as
/// they are evaluated (every command is evaluated and each error shown;
/// any error stops the line before anything is sent) and go as one
/// batch, all or nothing; a kernel error is shown by the command whose
/// message it names. Listings print from the cache before the batch goes.
fn several(client: &mut Client, toks: &[Tok], cmd: &str, show: Show, links: &[(u32, String)]) -> Result<String, (String, Vec<Fail>)> {
    let cmds = line::split(toks, cmd.len());
    let text = |end: usize| cmd.get(..end).unwrap_or(cmd);
    // A command cut short by `;` meets the semicolon token, not the newline.
    let at_semicolon = |mut f: Fail, end: usize| {
        if end < cmd.len() && f.span.0 == end {
            if let Some(rest) = f.msg.strip_prefix("syntax error, unexpected newline") {
                f.msg = format!("syntax error, unexpected semicolon{rest}");
            }
        }
        f
    };
    let is_list = |words: &[Tok]| words.first().is_some_and(|w| w.text == "list");
    let kept_len = |c: &Client| if let BatchMode::Collect(k) = &c.mode { k.len() } else { 0 };
    client.mode = BatchMode::Collect(Vec::new());
    // Which command made the kept messages from each index on.
    let mut starts: Vec<(usize, usize)> = Vec::new();
    let mut fails = Vec::new();
    for (k, (words, end)) in cmds.iter().enumerate().filter(|(_, (w, _))| !is_list(w)) {
        starts.push((kept_len(client), k));
        if let Err(f) = execute(client, words, text(*end), show, links) {
            fails.push(at_semicolon(f, *end));
        }
    }
    if !fails.is_empty() {
        client.mode = BatchMode::Send;
        // The parser reads the whole line before any command is evaluated:
        // its errors come first.
        let (mut parse, eval): (Vec<Fail>, Vec<Fail>) = fails.into_iter().partition(|f| f.msg.starts_with("syntax error"));
        parse.extend(eval);
        return Err((String::new(), parse));
    }
    // Listings run from nft's cache, after every command was evaluated
    // and before the batch goes: they show the line's new tables, chains
    // and sets, but not its rules.
    let mut out = String::new();
    for (words, end) in cmds.iter().filter(|(w, _)| is_list(w)) {
        match execute(client, words, text(*end), show, links) {
            Ok(text) => out.push_str(&text),
            Err(f) => {
                client.mode = BatchMode::Send;
                return Err((String::new(), vec![f]));
            }
        }
    }
    let kept = match std::mem::take(&mut client.mode) {
        BatchMode::Collect(k) => k,
        _ => Vec::new(),
    };
    if !kept.is_empty() {
        let genid = client.generation();
        let msgs: Vec<(u8, &BatchMsg)> = kept.iter().map(|(f, m)| (*f, m)).collect();
        if let Err((e, index, offset)) = client.send_batch(&msgs, genid) {
            let (start, k) = starts.iter().rev().find(|(s, _)| *s <= index).copied().unwrap_or((0, 0));
            let (words, end) = &cmds[k];
            client.mode = BatchMode::Replay(e, index - start, offset);
            let replayed = execute(client, words, text(*end), show, links).err();
            client.mode = BatchMode::Send;
            let whole = (0, cmd.len() + 1);
            // The listings printed before the batch went.
            return Err((
                out,
                vec![replayed.unwrap_or(Fail { tilde: None, msg: format!("Could not process rule: {}", e.message()), span: whole })],
            ));
        }
    }
    Ok(out)
}

fn syntax(msg: &str, cmd: &str) -> Fail {
    Fail { tilde: None, msg: format!("syntax error, {msg}"), span: (cmd.len(), cmd.len() + 1) }
}

fn span(t: &Tok) -> (usize, usize) {
    (t.at, t.at + t.text.len())
}

/// The command's object and its names: family, then table, chain.
struct Target<'a> {
    family: u8,
    names: &'a [Tok],
}

fn target(rest: &[Tok]) -> Target<'_> {
    match rest.first().and_then(|t| family_of(&t.text)) {
        Some(f) => Target { family: f, names: &rest[1..] },
        None => Target { family: fam::IPV4, names: rest },
    }
}

/// The interfaces by index and name (an RTM_GETLINK dump), for `iif`
/// and `oif`, which nft resolves with if_nametoindex and if_indextoname.
fn links(host: &mut dyn Host) -> Vec<(u32, String)> {
    let Ok(mut sock) = host.socket(None) else { return Vec::new() };
    let mut b = crate::wire::MessageBuilder::new(crate::wire::RTM_GETLINK, crate::wire::NLM_F_REQUEST | NLM_F_DUMP, 0, 0);
    b.push(&[0; 16]);
    let mut out = Vec::new();
    for m in sock.send(&b.finish()) {
        if crate::wire::get_u16(&m, 4) != Some(crate::wire::RTM_NEWLINK) {
            continue;
        }
        let index = crate::wire::get_i32(&m, 20).unwrap_or(0) as u32;
        let attrs = AttrTable::parse_lenient(m.get(32..).unwrap_or_default(), 3);
        if let Some(name) = attrs.get(3).and_then(|n| n.string().ok()) {
            out.push((index, name));
        }
    }
    out
}

fn execute(client: &mut Client, toks: &[Tok], cmd: &str, show: Show, links: &[(u32, String)]) -> Result<String, Fail> {
    let word = |i: usize| toks.get(i).map(|t| t.text.as_str());
    let verb = word(0).ok_or_else(|| syntax("unexpected end of file", cmd))?;
    let object = word(1);
    if !matches!(verb, "list" | "add" | "create" | "insert" | "replace" | "delete" | "flush") {
        // nft's grammar reads a line without a verb as `add rule`: a
        // table and a chain name, then the rule's statements.
        return Err(syntax(if toks.len() == 1 { "unexpected newline, expecting string" } else { "unexpected newline" }, cmd));
    }
    let rest = toks.get(2..).unwrap_or_default();
    let tg = target(rest);
    // The whole command, its end of line included (as nft's location spans it).
    let whole = (0, cmd.len() + 1);
    let kernel = |e: Errno, span: (usize, usize)| Fail { tilde: None, msg: format!("Could not process rule: {}", e.message()), span };
    let name = |k: usize| tg.names.get(k).ok_or_else(|| syntax("unexpected newline, expecting string", cmd));
    match (verb, object) {
        ("list", Some("ruleset")) => {
            let only = rest.first().and_then(|t| family_of(&t.text));
            Ok(list(client, only, None, None, show, true, links))
        }
        ("list", Some("chains")) => {
            let only = rest.first().and_then(|t| family_of(&t.text));
            Ok(list(client, only, None, None, Show::default(), false, links))
        }
        ("list", Some("tables")) => {
            let only = rest.first().and_then(|t| family_of(&t.text));
            Ok(tables(client)
                .into_iter()
                .filter(|(f, ..)| only.is_none_or(|o| o == *f))
                .map(|(f, n, _)| format!("table {} {n}\n", family_name(f)))
                .collect())
        }
        ("list", Some(what @ ("sets" | "maps" | "set" | "map"))) => {
            let only = rest.first().and_then(|t| family_of(&t.text));
            let one = matches!(what, "set" | "map");
            let (tname, sname) = if one { (Some(name(0)?), Some(name(1)?)) } else { (None, None) };
            let all = sets::fetch(client);
            let mut out = String::new();
            let mut found = false;
            for (f, t, _) in tables(client) {
                let fam_ok = if one { f == tg.family } else { only.is_none_or(|o| o == f) };
                if !fam_ok || tname.is_some_and(|x| x.text != t) {
                    continue;
                }
                let mine: Vec<_> = all
                    .iter()
                    .filter(|x| x.family == f && x.table == t && named::named(x))
                    .filter(|x| sname.is_none_or(|n| n.text == x.name))
                    .filter(|x| matches!(what, "set" | "map") || (x.flags & 8 != 0) == (what == "maps"))
                    .collect();
                if mine.is_empty() && one {
                    continue;
                }
                found = true;
                out.push_str(&format!("table {} {t} {{\n", family_name(f)));
                for x in mine {
                    out.push_str(&named::block(x, show));
                }
                out.push_str("}\n");
            }
            match (one, found, sname) {
                (true, false, Some(n)) => Err(Fail { tilde: None, msg: "No such file or directory".into(), span: span(n) }),
                _ => Ok(out),
            }
        }
        ("add" | "create" | "delete", Some(obj @ ("set" | "map"))) => {
            let (tname, sname) = (name(0)?, name(1)?);
            // Only an added set is checked against nft's cache first, after
            // its type: an unknown type is reported, then the missing table.
            if verb != "delete" && !tables(client).iter().any(|(f, n, _)| *f == tg.family && *n == tname.text) {
                let missing = Fail { tilde: None, msg: "No such file or directory".into(), span: span(tname) };
                let spec = tg.names.get(2..).unwrap_or_default();
                return Err(match named::new_set(&tname.text, &sname.text, spec, obj == "map", cmd) {
                    Err(f) if f.msg.starts_with("unknown datatype") => {
                        let first = f.msg.split("\nError: ").next().unwrap_or_default();
                        Fail { msg: format!("{first}\nError: {}", missing.msg), ..missing }
                    }
                    _ => missing,
                });
            }
            let (kind, flags, attrs) = if verb == "delete" {
                let mut a = Vec::new();
                a.put_str(crate::wire::nftables::set::TABLE, &tname.text);
                a.put_str(crate::wire::nftables::set::NAME, &sname.text);
                (msg::DELSET, 0, a)
            } else {
                let (spec, elems) = named::split_elements(tg.names.get(2..).unwrap_or_default());
                let flags = if verb == "create" { NLM_F_CREATE | NLM_F_EXCL } else { NLM_F_CREATE };
                let a = named::new_set(&tname.text, &sname.text, &spec, obj == "map", cmd)?;
                if let Some(el) = elems {
                    let spans = [(crate::wire::nftables::set::TABLE, span(tname)), (crate::wire::nftables::set::NAME, span(sname))];
                    return named::declare_with_elements(client, tg.family, (&tname.text, &sname.text, a, flags), &el, cmd, &spans, whole);
                }
                (msg::NEWSET, flags, a)
            };
            let spans = [(crate::wire::nftables::set::TABLE, span(tname)), (crate::wire::nftables::set::NAME, span(sname))];
            send_one(client, tg.family, kind, flags, attrs, &spans, whole)
        }
        ("add" | "create" | "delete", Some("element")) => {
            let (tname, sname) = (name(0)?, name(1)?);
            let all = sets::fetch(client);
            let set = all.iter().find(|x| x.family == tg.family && x.table == tname.text && x.name == sname.text);
            let set = set.ok_or(Fail { tilde: None, msg: "No such file or directory".into(), span: span(sname) })?;
            let toks = tg.names.get(2..).unwrap_or_default();
            let attrs = named::elements(set, toks, cmd)?;
            if let Some(f) = named::absent_interval(set, toks).filter(|_| verb == "delete") {
                return Err(f);
            }
            let kind = if verb == "delete" { msg::DELSETELEM } else { msg::NEWSETELEM };
            let flags = if verb == "create" {
                NLM_F_CREATE | NLM_F_EXCL
            } else if verb == "add" {
                NLM_F_CREATE
            } else {
                0
            };
            // An element the kernel refuses: the caret goes under the elements.
            let inner: Vec<&Tok> = toks.iter().filter(|t| !matches!(t.text.as_str(), "{" | "}")).collect();
            let elems = match (inner.first(), inner.last()) {
                (Some(a), Some(b)) => (a.at, span(b).1),
                _ => whole,
            };
            let spans = [(crate::wire::nftables::set_elem_list::SET, span(sname)), (crate::wire::nftables::set_elem_list::ELEMENTS, elems)];
            // An element of a set without intervals: the caret under it.
            let each = named::element_spans(set, toks);
            let at = |o: Option<u32>| o.and_then(|o| (o as usize).checked_sub(20)).and_then(|o| named::element_at(&attrs, o));
            let genid = client.generation();
            client.family = tg.family;
            let batch = [BatchMsg { kind, flags, attrs: attrs.clone() }];
            client.batch_detail(&batch, genid).map_err(|(e, _, off)| match at(off).and_then(|i| each.get(i).copied()) {
                Some(sp) => Fail { tilde: None, msg: format!("Could not process rule: {}", e.message()), span: sp },
                None => kernel_fail(&attrs, &spans, whole, &e.message(), off),
            })?;
            Ok(String::new())
        }
        ("list", Some("table")) | ("list", Some("chain")) => {
            let tname = name(0)?;
            if !tables(client).iter().any(|(f, n, _)| *f == tg.family && *n == tname.text) {
                return Err(Fail { tilde: None, msg: "No such file or directory".into(), span: span(tname) });
            }
            let chain = if object == Some("chain") { Some(name(1)?) } else { None };
            // nft's cache has no such chain: its error, under the name.
            if let Some(cname) = chain {
                client.family = tg.family;
                if !client.chains(&tname.text).iter().any(|c| c.name == cname.text) {
                    return Err(Fail { tilde: None, msg: "No such file or directory".into(), span: span(cname) });
                }
            }
            let chain = chain.map(|c| c.text.clone());
            Ok(list(client, Some(tg.family), Some(&tname.text), chain.as_deref(), show, true, links))
        }
        ("flush", Some("ruleset")) => {
            let genid = client.generation();
            client.family = fam::UNSPEC;
            client.batch_detail(&[BatchMsg { kind: msg::DELTABLE, flags: 0, attrs: Vec::new() }], genid).map_err(|e| kernel(e.0, whole))?;
            Ok(String::new())
        }
        (_, Some(obj @ ("table" | "chain" | "rule"))) => {
            let tname = name(0)?;
            // nft 1.0.6 looks the table up in its cache before adding a
            // chain; rules, deletions and flushes go to the kernel, whose
            // ENOENT points at the table.
            if obj == "chain"
                && matches!(verb, "add" | "create")
                && !tables(client).iter().any(|(f, n, _)| *f == tg.family && *n == tname.text)
            {
                return Err(Fail { tilde: None, msg: "No such file or directory".into(), span: span(tname) });
            }
            let mut attrs = Vec::new();
            let (kind, flags) = match (verb, obj) {
                ("add", "table") => (msg::NEWTABLE, 0),
                ("create", "table") => (msg::NEWTABLE, NLM_F_EXCL),
                ("delete", "table") => (msg::DELTABLE, 0),
                ("flush", "table") => (msg::DELRULE, 0),
                ("add", "chain") => (msg::NEWCHAIN, NLM_F_CREATE),
                ("create", "chain") => (msg::NEWCHAIN, NLM_F_CREATE | NLM_F_EXCL),
                ("delete", "chain") => (msg::DELCHAIN, 0),
                ("flush", "chain") => (msg::DELRULE, 0),
                ("add", "rule") => (msg::NEWRULE, NLM_F_CREATE | NLM_F_APPEND),
                ("insert", "rule") => (msg::NEWRULE, NLM_F_CREATE),
                ("delete", "rule") => (msg::DELRULE, 0),
                ("replace", "rule") => (msg::NEWRULE, NLM_F_REPLACE),
                _ => return Err(syntax("unexpected string", cmd)),
            };
            // The sets a rule brings along go first in its batch.
            let mut pre: Vec<BatchMsg> = Vec::new();
            // Which token each attribute came from, for the caret.
            let mut spans: Vec<(u16, (usize, usize))> = Vec::new();
            // The chain a rule jumps to: where an error in its expressions goes.
            let mut jump_span = None;
            // A table's name ends the command (but for its block).
            if let Some(extra) = tg.names.get(1).filter(|w| obj == "table" && w.text != "{") {
                return Err(Fail {
                    tilde: None,
                    msg: "syntax error, unexpected string, expecting end of file or newline or semicolon".into(),
                    span: span(extra),
                });
            }
            match obj {
                "table" if kind != msg::DELRULE => {
                    attrs.put_str(t::NAME, &tname.text);
                    spans.push((t::NAME, span(tname)));
                }
                _ => {
                    // Chains and rules name their table first (the same number in both).
                    attrs.put_str(c::TABLE, &tname.text);
                    spans.push((c::TABLE, span(tname)));
                }
            }
            if obj == "chain" {
                let cname = name(1)?;
                attrs.put_str(if kind == msg::DELRULE { r::CHAIN } else { c::NAME }, &cname.text);
                spans.push((if kind == msg::DELRULE { r::CHAIN } else { c::NAME }, span(cname)));
                if kind == msg::NEWCHAIN {
                    chain_spec(&mut attrs, tg.family, tg.names.get(2..).unwrap_or_default(), cmd)?;
                }
            }
            if obj == "rule" {
                let cname = name(1)?;
                attrs.put_str(r::CHAIN, &cname.text);
                spans.push((r::CHAIN, span(cname)));
                let stmts: Vec<String> = tg.names.get(2..).unwrap_or_default().iter().map(|t| t.text.clone()).collect();
                if kind == msg::DELRULE {
                    match stmts.as_slice() {
                        [h, n] if h == "handle" => {
                            let n: u64 = n.parse().map_err(|_| syntax("unexpected string, expecting number", cmd))?;
                            attrs.put(r::HANDLE, &n.to_be_bytes());
                            if let Some(tok) = tg.names.get(3) {
                                spans.push((r::HANDLE, span(tok)));
                            }
                        }
                        _ => return Err(syntax("unexpected newline, expecting handle", cmd)),
                    }
                } else {
                    let spec = place::read(client, verb, &tg, cmd)?;
                    let first = 2 + spec.words;
                    let stmts = stmts.get(spec.words..spec.words + spec.stmts).unwrap_or_default();
                    if let Some((h, sp)) = spec.replace {
                        attrs.put(r::HANDLE, &h.to_be_bytes());
                        spans.push((r::HANDLE, sp));
                    }
                    // nft numbers a batch's sets after those its cache holds.
                    let next_set_id = if stmts.iter().any(|w| w == "{") {
                        client.request(msg::GETSET, NLM_F_DUMP, fam::UNSPEC, &[]).map_or(0, |m| m.len()) as u32 + 1
                    } else {
                        1
                    };
                    let ctx = rule::Ctx { family: tg.family, links, table: &tname.text, sets: &[], next_set_id, numeric: false };
                    let (exprs, anon) = rule::parse_full(stmts, &ctx).map_err(|r| match (r.message, tg.names.get(first + r.word)) {
                        (Some(msg), Some(tok)) if r.word < stmts.len() => {
                            let last = tg.names.get(first - 1 + r.word + r.width).unwrap_or(tok);
                            let tilde =
                                r.tilde.and_then(|(w, n)| Some((tg.names.get(first + w)?.at, span(tg.names.get(first + w + n - 1)?).1)));
                            Fail { tilde, msg, span: (tok.at + r.skip, span(last).1) }
                        }
                        (Some(msg), _) => Fail { tilde: None, msg, span: (cmd.len(), cmd.len() + 1) },
                        _ => syntax("unexpected newline", cmd),
                    })?;
                    if let Some(fail) = spec.missing_index {
                        return Err(fail);
                    }
                    let jump = stmts.windows(2).position(|w| matches!(w[0].as_str(), "jump" | "goto"));
                    jump_span = jump.and_then(|k| tg.names.get(first + k + 1)).map(span);
                    let n = attrs.begin_nest(r::EXPRESSIONS);
                    for e in &exprs {
                        let m = attrs.begin_nest(crate::wire::nftables::list::ELEM);
                        let mut inner = Vec::new();
                        e.dump(&mut inner);
                        attrs.extend_from_slice(&inner);
                        attrs.end_nest(m);
                    }
                    attrs.end_nest(n);
                    for (k, set) in anon.iter().enumerate() {
                        let msgs = set.messages(&tname.text, next_set_id + k as u32);
                        let conflict = || Fail { tilde: None, msg: "conflicting intervals specified".into(), span: whole };
                        pre.extend(msgs.ok_or_else(conflict)?);
                    }
                    if let Some((h, sp)) = spec.position {
                        attrs.put(r::POSITION, &h.to_be_bytes());
                        spans.push((r::POSITION, sp));
                    }
                    if let Some(c) = &spec.comment {
                        attrs.put(r::USERDATA, &place::comment_userdata(c));
                    }
                }
            }
            let genid = client.generation();
            client.family = tg.family;
            let sets = pre.len();
            pre.push(BatchMsg { kind, flags, attrs: attrs.clone() });
            client.batch_detail(&pre, genid).map_err(|(e, index, off)| {
                // NLMSGERR_ATTR_OFFS counts from the message: header and nfgenmsg first.
                let off = off.filter(|_| index == sets);
                let o = off.and_then(|o| (o as usize).checked_sub(20));
                let at = o.and_then(|o| attr_at(&attrs, o));
                let sp = at.and_then(|k| spans.iter().find(|(x, _)| *x == k).map(|(_, s)| *s));
                let in_exprs = o.and_then(|o| attr_containing(&attrs, o)) == Some(r::EXPRESSIONS);
                kernel(e, sp.or(jump_span.filter(|_| in_exprs)).unwrap_or(whole))
            })?;
            Ok(String::new())
        }
        _ => Err(syntax("unexpected newline", cmd)),
    }
}

/// Sends one message in a batch; a kernel error underlines the part of
/// the command the failing attribute came from (the whole command when
/// none is known).
fn send_one(
    client: &mut Client,
    family: u8,
    kind: u8,
    flags: u16,
    attrs: Vec<u8>,
    spans: &[(u16, (usize, usize))],
    whole: (usize, usize),
) -> Result<String, Fail> {
    let genid = client.generation();
    client.family = family;
    let batch = [BatchMsg { kind, flags, attrs: attrs.clone() }];
    client.batch_detail(&batch, genid).map_err(|(e, _, off)| kernel_fail(&attrs, spans, whole, &e.message(), off))?;
    Ok(String::new())
}

/// A kernel error under the part of the command the failing attribute
/// (at `off` of the message) came from, the whole command when none is known.
fn kernel_fail(attrs: &[u8], spans: &[(u16, (usize, usize))], whole: (usize, usize), message: &str, off: Option<u32>) -> Fail {
    let at = off.and_then(|o| (o as usize).checked_sub(20)).and_then(|o| attr_containing(attrs, o));
    let sp = at.and_then(|k| spans.iter().find(|(x, _)| *x == k).map(|(_, s)| *s)).unwrap_or(whole);
    Fail { tilde: None, msg: format!("Could not process rule: {message}"), span: sp }
}

/// The top-level attribute an offset falls in.
fn attr_containing(attrs: &[u8], offset: usize) -> Option<u16> {
    let mut it = crate::wire::attr::NlaIter::new(attrs).map_while(Result::ok);
    it.find(|n| n.offset <= offset && offset < n.offset + 4 + n.value.len()).map(|n| n.kind)
}

/// The attribute type that starts at `offset` of an attribute stream.
fn attr_at(attrs: &[u8], offset: usize) -> Option<u16> {
    crate::wire::attr::NlaIter::new(attrs).map_while(Result::ok).find(|n| n.offset == offset).map(|n| n.kind)
}

/// The family byte of an nfnetlink message and its attributes.
fn parsed(m: &[u8], max: u16) -> Option<(u8, AttrTable<'_>)> {
    Some((*m.get(16)?, attrs(m, max)?))
}

/// Every table: family, name, handle.
fn tables(client: &mut Client) -> Vec<(u8, String, u64)> {
    let msgs = client.request(msg::GETTABLE, NLM_F_DUMP, fam::UNSPEC, &[]).unwrap_or_default();
    msgs.iter()
        .filter_map(|m| {
            let (f, a) = parsed(m, t::MAX)?;
            Some((f, a.get(t::NAME)?.string().ok()?, a.get(t::HANDLE).map_or(0, |n| be64(n.value))))
        })
        .collect()
}

/// `nft list ruleset` (or one family, table, chain).
fn list(
    client: &mut Client,
    family: Option<u8>,
    table: Option<&str>,
    chain: Option<&str>,
    show: Show,
    with_rules: bool,
    links: &[(u32, String)],
) -> String {
    let chains = client.request(msg::GETCHAIN, NLM_F_DUMP, fam::UNSPEC, &[]).unwrap_or_default();
    let rules = client.request(msg::GETRULE, NLM_F_DUMP, fam::UNSPEC, &[]).unwrap_or_default();
    let all_sets = sets::fetch(client);
    let h = |n: u64| if show.handles { format!(" # handle {n}") } else { String::new() };
    let mut out = String::new();
    for (f, tname, thandle) in tables(client) {
        if family.is_some_and(|x| x != f) || table.is_some_and(|x| x != tname) {
            continue;
        }
        let rules_of = |cname: &str| -> Vec<(u64, Vec<Expr>, Option<String>)> {
            rules
                .iter()
                .filter_map(|m| {
                    let (rf, a) = parsed(m, r::MAX)?;
                    let mine = rf == f && a.get(r::TABLE)?.string().ok()? == tname && a.get(r::CHAIN)?.string().ok()? == cname;
                    mine.then(|| {
                        let comment = a.get(r::USERDATA).and_then(|u| place::comment_of(u.value));
                        Some((a.get(r::HANDLE).map_or(0, |n| be64(n.value)), expr::parse_list(a.get(r::EXPRESSIONS)?.value).ok()?, comment))
                    })?
                })
                .collect()
        };
        let mut body = Vec::new();
        // A table's named sets come before its chains.
        if chain.is_none() && with_rules {
            let mine = all_sets.iter().filter(|x| x.family == f && x.table == tname && named::named(x));
            body.extend(mine.map(|x| named::block(x, show)));
        }
        let mut xt = false;
        for m in &chains {
            let Some((cf, a)) = parsed(m, c::MAX) else { continue };
            let cname = a.get(c::NAME).and_then(|n| n.string().ok()).unwrap_or_default();
            if cf != f
                || a.get(c::TABLE).and_then(|n| n.string().ok()).as_deref() != Some(tname.as_str())
                || chain.is_some_and(|x| x != cname)
            {
                continue;
            }
            let mut text = format!("\tchain {cname} {{{}\n", h(a.get(c::HANDLE).map_or(0, |n| be64(n.value))));
            if let Some(hook) = a.get(c::HOOK) {
                let ht = AttrTable::parse(hook.value, 4).ok();
                let get = |k| ht.as_ref().and_then(|t| t.get(k)).map_or(0, |n| be32(n.value));
                let kind = a.get(c::TYPE).and_then(|n| n.string().ok()).unwrap_or_default();
                let hooknum = get(crate::wire::nftables::hook::HOOKNUM) as usize;
                let prio = get(crate::wire::nftables::hook::PRIORITY) as i32;
                let prio = if show.numeric { prio.to_string() } else { prio_text(prio, f, hooknum) };
                let hook = HOOKS.get(hooknum).unwrap_or(&"ingress");
                let policy = if a.get(c::POLICY).map_or(1, |n| be32(n.value)) == 0 { "drop" } else { "accept" };
                text.push_str(&format!("\t\ttype {kind} hook {hook} priority {prio}; policy {policy};\n"));
            }
            for (handle, exprs, comment) in rules_of(&cname).into_iter().filter(|_| with_rules) {
                xt |= rule::uses_xt(&exprs);
                let comment = comment.map(|c| format!(" comment \"{c}\"")).unwrap_or_default();
                text.push_str(&format!(
                    "\t\t{}{comment}{}\n",
                    rule::text(
                        &exprs,
                        &rule::Ctx { family: f, links, table: &tname, sets: &all_sets, next_set_id: 0, numeric: show.numeric }
                    ),
                    h(handle)
                ));
            }
            text.push_str("\t}\n");
            body.push(text);
        }
        if xt {
            out.push_str(&format!("# Warning: table {} {tname} is managed by iptables-nft, do not touch!\n", family_name(f)));
        }
        // `list chain` shows the table without its handle.
        let th = if chain.is_some() { String::new() } else { h(thandle) };
        out.push_str(&format!("table {} {tname} {{{th}\n", family_name(f)));
        // `list chains` puts no blank line between chains.
        out.push_str(&body.join(if with_rules { "\n" } else { "" }));
        out.push_str("}\n");
    }
    out
}
