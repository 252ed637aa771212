//! `iptables` and `iptables-save` as iptables 1.8.9 (nf_tables) behaves:
//! the command line is turned into nf_tables batches sent over a
//! NETLINK_NETFILTER socket, and listings are read back from the kernel's
//! dumps. Tables and built-in chains are made on first use, as
//! iptables-nft does.

mod args;
mod ctmatch;
mod extra;
mod icmp;
pub(crate) mod mark;
mod nat;
pub(crate) mod nl;
pub(crate) mod print;
mod rule;
pub(crate) mod simple;
mod values;

use args::parse;

use crate::host::Host;
use crate::output::Output;
use crate::rtnetlink::Protocol;
use crate::wire::nf_expr::Expr;
use crate::wire::nftables::{family, msg};
use crate::wire::{NLM_F_APPEND, NLM_F_CREATE, NLM_F_REPLACE};
use nl::{BatchMsg, Client};
use print::{ChainView, Format};
use rule::{INV_DPORT, INV_DST, INV_IN, INV_OUT, INV_PROTO, INV_SPORT, INV_SRC, Mt, Spec, Target};

/// The version line every error starts with.
const PROG: &str = "iptables v1.8.9 (nf_tables)";

/// How a command failed: what to print and the exit status.
struct Fail(String, i32);

/// The hint line after a usage error.
const HINT: &str = "Try `iptables -h' or 'iptables --help' for more information.\n";

/// A usage error (exit 2, with the hint line).
fn usage(msg: &str) -> Fail {
    Fail(format!("{PROG}: {msg}\n{HINT}"), 2)
}

/// "No chain/target/match by that name." (exit 1).
fn no_chain() -> Fail {
    Fail("iptables: No chain/target/match by that name.\n".into(), 1)
}

/// The built-in chains of a table: name, hook number, priority, type.
fn builtins(table: &str) -> Option<&'static [(&'static str, u32, i32, &'static str)]> {
    Some(match table {
        "filter" => &[("INPUT", 1, 0, "filter"), ("FORWARD", 2, 0, "filter"), ("OUTPUT", 3, 0, "filter")],
        "nat" => &[("PREROUTING", 0, -100, "nat"), ("INPUT", 1, 100, "nat"), ("OUTPUT", 3, -100, "nat"), ("POSTROUTING", 4, 100, "nat")],
        "mangle" => &[
            ("PREROUTING", 0, -150, "filter"),
            ("INPUT", 1, -150, "filter"),
            ("FORWARD", 2, -150, "filter"),
            ("OUTPUT", 3, -150, "route"),
            ("POSTROUTING", 4, -150, "filter"),
        ],
        "raw" => &[("PREROUTING", 0, -300, "filter"), ("OUTPUT", 3, -300, "filter")],
        _ => return None,
    })
}

/// The command of an invocation.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cmd {
    Append(String),
    Insert(String, usize),
    Delete(String, Option<usize>),
    Check(String),
    Replace(String, usize),
    Policy(String, String),
    NewChain(String),
    DeleteChain(Option<String>),
    Flush(Option<String>),
    Zero(Option<String>),
    Rename(String, String),
    List(Option<String>),
    ListRules(Option<String>),
}

/// Runs `iptables ARGS` or `iptables-save ARGS`.
pub fn run(host: &mut dyn Host, name: &str, args: &[String], out: &mut Output) -> i32 {
    let sock = match host.socket_of(None, Protocol::Netfilter) {
        Ok(s) => s,
        Err(e) => {
            out.err(&format!("{PROG}: Could not fetch rule set generation id: {}\n", e.message()));
            return 4;
        }
    };
    let v6 = name.starts_with("ip6tables");
    let mut client = Client::new(sock, if v6 { family::IPV6 } else { family::IPV4 });
    let result = if name.ends_with("-save") { save(&mut client, args) } else { iptables(&mut client, args) };
    match result {
        Ok(text) => {
            out.out(&text);
            0
        }
        Err(Fail(text, status)) => {
            // Every message names the program (xt_params->program_name).
            out.err(&if v6 { text.replace("iptables", "ip6tables") } else { text });
            status
        }
    }
}

/// The table as the kernel has it: its chains (built-ins shown even when
/// not made yet) with their rules.
fn view(client: &mut Client, table: &str) -> Vec<ChainView> {
    let chains = client.chains(table);
    let rules = client.rules(table);
    let mut out: Vec<ChainView> = Vec::new();
    for (name, ..) in builtins(table).unwrap_or(&[]) {
        let c = chains.iter().find(|c| c.name == *name);
        let policy = match c.and_then(|c| c.base.as_ref()) {
            Some((.., 0)) => "DROP",
            _ => "ACCEPT",
        };
        out.push(ChainView {
            name: name.to_string(),
            policy: Some((policy, c.map_or((0, 0), |c| c.counters))),
            references: 0,
            rules: Vec::new(),
        });
    }
    let mut user: Vec<&nl::ChainInfo> = chains.iter().filter(|c| c.base.is_none()).collect();
    crate::sorting::sort_by(&mut user, |a, b| a.name.cmp(&b.name));
    for c in user {
        out.push(ChainView { name: c.name.clone(), policy: None, references: 0, rules: Vec::new() });
    }
    for r in &rules {
        if let (Some(c), Some(decoded)) =
            (out.iter_mut().find(|c| c.name == r.chain), Spec::decode(&r.exprs, client.family == family::IPV6))
        {
            c.rules.push(decoded);
        }
    }
    let jumps: Vec<String> = out
        .iter()
        .flat_map(|c| c.rules.iter())
        .filter_map(|(s, _)| if let Target::Jump(t) = &s.target { Some(t.clone()) } else { None })
        .collect();
    for c in out.iter_mut().filter(|c| c.policy.is_none()) {
        c.references = jumps.iter().filter(|j| **j == c.name).count();
    }
    out
}

fn iptables(client: &mut Client, args: &[String]) -> Result<String, Fail> {
    let a = parse(args, client.family == family::IPV6)?;
    let table = a.table.as_str();
    let Some(builtin) = builtins(table) else {
        return Err(Fail(format!("{PROG}: table '{table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n"), 3));
    };
    let Some(cmd) = a.cmd.clone() else {
        return Err(usage("no command specified"));
    };
    let is_builtin = |c: &str| builtin.iter().any(|b| b.0 == c);
    let genid = client.generation();
    let chains = client.chains(table);
    let exists = |c: &str| chains.iter().any(|x| x.name == c);
    let views = view(client, table);
    let table_there = client.table_exists(table);
    let rule_handles = client.rules(table);
    // What a rule needs first: its table and built-in chain.
    let prepare = |msgs: &mut Vec<BatchMsg>, chain: &str| {
        if !table_there {
            msgs.push(BatchMsg { kind: msg::NEWTABLE, flags: NLM_F_CREATE, attrs: nl::table_attrs(table) });
        }
        if let Some(b) = builtin.iter().find(|b| b.0 == chain).filter(|_| !exists(chain)) {
            msgs.push(BatchMsg {
                kind: msg::NEWCHAIN,
                flags: NLM_F_CREATE,
                attrs: nl::base_chain_attrs(table, chain, b.1, b.2, b.3, Some(1), false),
            });
        }
    };
    let check_target = |s: &Spec| -> Result<(), Fail> {
        if let Target::Jump(t) = &s.target {
            if !exists(t) || is_builtin(t) {
                return Err(usage(&format!("Chain '{t}' does not exist")));
            }
        }
        Ok(())
    };
    let in_chain = |chain: &str| -> Vec<(u64, Option<Spec>)> {
        rule_handles
            .iter()
            .filter(|r| r.chain == chain)
            .map(|r| (r.handle, Spec::decode(&r.exprs, client.family == family::IPV6).map(|d| d.0)))
            .collect()
    };
    let mut msgs = Vec::new();
    match &cmd {
        Cmd::Append(chain) | Cmd::Insert(chain, _) | Cmd::Replace(chain, _) => {
            // nft_rule_replace needs the chain in the kernel: a built-in
            // chain no rule has made yet is ENOENT too.
            if !exists(chain) && (!is_builtin(chain) || matches!(cmd, Cmd::Replace(..))) {
                return Err(no_chain());
            }
            check_target(&a.spec)?;
            prepare(&mut msgs, chain);
            let rules = in_chain(chain);
            let exprs = a.spec.encode();
            let mut attrs = match cmd {
                Cmd::Append(_) => nl::rule_attrs(table, chain, &exprs, None, None),
                Cmd::Insert(_, n) => {
                    if n == 0 || n > rules.len() + 1 {
                        return Err(Fail("iptables: Index of insertion too big.\n".into(), 1));
                    }
                    nl::rule_attrs(table, chain, &exprs, None, rules.get(n - 1).map(|r| r.0))
                }
                _ => {
                    let Cmd::Replace(_, n) = cmd else { return Err(no_chain()) };
                    let h = rules
                        .get(n.wrapping_sub(1))
                        .map(|r| r.0)
                        .ok_or_else(|| Fail("iptables: Index of replacement too big.\n".into(), 1))?;
                    nl::rule_attrs(table, chain, &exprs, Some(h), None)
                }
            };
            nl::push_compat(&mut attrs, a.spec.proto.unwrap_or(0));
            let flags = match cmd {
                Cmd::Append(_) => NLM_F_CREATE | NLM_F_APPEND,
                Cmd::Insert(..) => NLM_F_CREATE,
                _ => NLM_F_REPLACE,
            };
            msgs.push(BatchMsg { kind: msg::NEWRULE, flags, attrs });
        }
        Cmd::Check(chain) => {
            if !in_chain(chain).iter().any(|r| r.1.as_ref() == Some(&a.spec)) {
                return Err(Fail("iptables: Bad rule (does a matching rule exist in that chain?).\n".into(), 1));
            }
        }
        Cmd::Delete(chain, n) => {
            if !exists(chain) && (n.is_some() || !is_builtin(chain)) {
                return Err(no_chain());
            }
            let rules = in_chain(chain);
            let handle = match n {
                Some(n) => {
                    rules.get(n.wrapping_sub(1)).map(|r| r.0).ok_or_else(|| Fail("iptables: Index of deletion too big.\n".into(), 1))?
                }
                None => rules
                    .iter()
                    .find(|r| r.1.as_ref() == Some(&a.spec))
                    .map(|r| r.0)
                    .ok_or_else(|| Fail("iptables: Bad rule (does a matching rule exist in that chain?).\n".into(), 1))?,
            };
            msgs.push(BatchMsg { kind: msg::DELRULE, flags: 0, attrs: nl::rule_ref_attrs(table, chain, Some(handle)) });
        }
        Cmd::Policy(chain, policy) => {
            if !is_builtin(chain) {
                return Err(Fail("iptables: Bad built-in chain name.\n".into(), 1));
            }
            let p = match policy.as_str() {
                "ACCEPT" => 1,
                "DROP" => 0,
                _ => return Err(Fail("iptables: Bad policy name. Run `dmesg' for more information.\n".into(), 1)),
            };
            if !table_there {
                msgs.push(BatchMsg { kind: msg::NEWTABLE, flags: NLM_F_CREATE, attrs: nl::table_attrs(table) });
            }
            let b = builtin.iter().find(|b| b.0 == chain.as_str()).ok_or_else(no_chain)?;
            msgs.push(BatchMsg {
                kind: msg::NEWCHAIN,
                flags: NLM_F_CREATE,
                attrs: nl::base_chain_attrs(table, chain, b.1, b.2, b.3, Some(p), true),
            });
        }
        Cmd::NewChain(chain) => {
            if exists(chain) || is_builtin(chain) {
                return Err(Fail("iptables: Chain already exists.\n".into(), 1));
            }
            if !table_there {
                msgs.push(BatchMsg { kind: msg::NEWTABLE, flags: NLM_F_CREATE, attrs: nl::table_attrs(table) });
            }
            msgs.push(BatchMsg { kind: msg::NEWCHAIN, flags: NLM_F_CREATE, attrs: nl::chain_attrs(table, chain) });
        }
        Cmd::DeleteChain(chain) => {
            // A built-in chain the kernel has goes too when empty (EBUSY with rules).
            let doomed: Vec<String> = match chain {
                Some(c) if exists(c) => vec![c.clone()],
                Some(_) => return Err(no_chain()),
                None => chains.iter().filter(|c| c.base.is_none()).map(|c| c.name.clone()).collect(),
            };
            for c in doomed {
                // NLM_F_NONREC (the same bit as NLM_F_REPLACE): a chain with rules stays.
                let one = [BatchMsg { kind: msg::DELCHAIN, flags: NLM_F_REPLACE, attrs: nl::chain_attrs(table, &c) }];
                client.batch(&one, genid).map_err(|e| Fail(format!("{PROG}:  CHAIN_DEL failed ({}): chain {c}\n", e.message()), 4))?;
            }
            return Ok(String::new());
        }
        Cmd::Flush(chain) => {
            let targets: Vec<String> = match chain {
                Some(c) if exists(c) => vec![c.clone()],
                Some(c) if is_builtin(c) => Vec::new(),
                Some(_) => return Err(no_chain()),
                None => chains.iter().map(|c| c.name.clone()).collect(),
            };
            for c in targets {
                msgs.push(BatchMsg { kind: msg::DELRULE, flags: 0, attrs: nl::rule_ref_attrs(table, &c, None) });
            }
        }
        Cmd::Zero(chain) => {
            let (text, zero) = zero_counters(table, chain.as_deref(), &chains, &rule_handles, a.fmt.verbose, false)?;
            client.batch(&zero, genid).map_err(|e| Fail(format!("iptables: {}.\n", e.message()), 1))?;
            return Ok(text);
        }
        Cmd::Rename(old, new) => {
            let c = chains.iter().find(|c| c.name == *old).ok_or_else(no_chain)?;
            msgs.push(BatchMsg { kind: msg::NEWCHAIN, flags: 0, attrs: nl::rename_attrs(table, c.handle, new) });
        }
        Cmd::List(chain) | Cmd::ListRules(chain) => {
            if let Some(c) = chain {
                if !views.iter().any(|v| v.name == *c) {
                    return Err(Fail(format!("{PROG}: chain `{c}' in table `{table}' is incompatible, use 'nft' tool.\n"), 1));
                }
            }
            let shown: Vec<ChainView> = views.into_iter().filter(|v| chain.as_ref().is_none_or(|c| *c == v.name)).collect();
            let mut text = match cmd {
                Cmd::List(_) => print::list(&shown, a.fmt),
                _ => print::rules(&shown, None),
            };
            if let Some(z) = &a.zero {
                let (zero_text, zero) = zero_counters(table, z.as_deref(), &chains, &rule_handles, a.fmt.verbose, true)?;
                client.batch(&zero, genid).map_err(|e| Fail(format!("iptables: {}.\n", e.message()), 1))?;
                text.push_str(&zero_text);
            }
            return Ok(text);
        }
    }
    if msgs.is_empty() {
        return Ok(String::new());
    }
    // What the failing operation is called in iptables' message.
    let op = match &cmd {
        Cmd::Append(c) => Some(("RULE_APPEND", c)),
        Cmd::Insert(c, _) => Some(("RULE_INSERT", c)),
        Cmd::Replace(c, _) => Some(("RULE_REPLACE", c)),
        Cmd::Delete(c, _) => Some(("RULE_DELETE", c)),
        _ => None,
    };
    client.batch(&msgs, genid).map_err(|e| match (e, op) {
        (crate::errno::Errno::ENOENT, _) => no_chain(),
        (e, Some((op, chain))) => Fail(format!("{PROG}:  {op} failed ({}): rule in chain {chain}\n", e.message()), 4),
        (e, None) => Fail(format!("iptables: {}.\n", e.message()), 1),
    })?;
    Ok(String::new())
}

/// `nft_chain_zero_counters`: base chains again with their counters at
/// zero, and every rule whose counter is not zero replaced by itself with
/// a zero counter; `Zeroing chain` lines with -v. The chains go in
/// iptables' cache order: built-ins (all of them after a
/// listing, else those made), then user chains by name.
fn zero_counters(
    table: &str,
    only: Option<&str>,
    chains: &[nl::ChainInfo],
    rules: &[nl::RuleInfo],
    verbose: bool,
    listed: bool,
) -> Result<(String, Vec<BatchMsg>), Fail> {
    if only.is_some_and(|o| !chains.iter().any(|c| c.name == o)) {
        return Err(no_chain());
    }
    let mut order: Vec<(String, Option<nl::BaseInfo>)> = Vec::new();
    for b in builtins(table).unwrap_or(&[]) {
        match chains.iter().find(|c| c.name == b.0) {
            Some(c) => order.push((c.name.clone(), c.base.clone())),
            None if listed => order.push((b.0.to_string(), Some((b.1, b.2, b.3.to_string(), 1)))),
            None => {}
        }
    }
    let mut user: Vec<&nl::ChainInfo> = chains.iter().filter(|c| c.base.is_none()).collect();
    crate::sorting::sort_by(&mut user, |a, b| a.name.cmp(&b.name));
    order.extend(user.into_iter().map(|c| (c.name.clone(), None)));
    let (mut text, mut msgs) = (String::new(), Vec::new());
    for (name, base) in order.iter().filter(|c| only.is_none_or(|o| o == c.0)) {
        if verbose {
            text.push_str(&format!("Zeroing chain `{name}'\n"));
        }
        if let Some((hook, prio, kind, policy)) = base {
            let attrs = nl::base_chain_attrs(table, name, *hook, *prio, kind, Some(*policy), true);
            msgs.push(BatchMsg { kind: msg::NEWCHAIN, flags: NLM_F_CREATE, attrs });
        }
        for r in rules.iter().filter(|r| r.chain == *name) {
            let counted = r.exprs.iter().any(|e| matches!(e, Expr::Counter { bytes, packets } if *bytes != 0 || *packets != 0));
            if counted {
                let zeroed: Vec<Expr> = r
                    .exprs
                    .iter()
                    .map(|e| if let Expr::Counter { .. } = e { Expr::Counter { bytes: 0, packets: 0 } } else { e.clone() })
                    .collect();
                let attrs = nl::rule_attrs(table, name, &zeroed, Some(r.handle), None);
                msgs.push(BatchMsg { kind: msg::NEWRULE, flags: NLM_F_REPLACE, attrs });
            }
        }
    }
    Ok((text, msgs))
}

/// `iptables-save`: every table iptables knows that exists in the kernel,
/// or the one `-t` names (with its built-in chains even when the kernel
/// has no such table yet); `-c` writes each rule's counters.
fn save(client: &mut Client, args: &[String]) -> Result<String, Fail> {
    let mut out = String::new();
    let only = args.iter().position(|a| a == "-t" || a == "--table").and_then(|k| args.get(k + 1));
    let counters = args.iter().any(|a| a == "-c" || a == "--counters");
    for table in ["mangle", "raw", "filter", "nat"] {
        let wanted = match only {
            Some(o) => o == table,
            None => client.table_exists(table),
        };
        if !wanted {
            continue;
        }
        let views = view(client, table);
        let v6 = if client.family == family::IPV6 { "6" } else { "" };
        out.push_str(&format!("# Generated by ip{v6}tables-save v1.8.9 (nf_tables) on Thu Jan  1 00:00:00 1970\n"));
        out.push_str(&print::save_table(table, &views, counters));
        out.push_str("# Completed on Thu Jan  1 00:00:00 1970\n");
    }
    Ok(out)
}
