//! Rules: `nf_tables_newrule`, `nf_tables_delrule`, `nf_tables_getrule`
//! and `nf_tables_dump_rules`.

use super::tables::be64;
use super::{Change, Msg, Tx, fill, sets};
use crate::errno::{Errno, KResult};
use crate::stack::netfilter::{Data, Expr, NfTables, Rule, Table, expr};
use crate::wire::attr::AttrTable;
use crate::wire::nftables::{family, msg, rule as r};
use crate::wire::{NLM_F_APPEND, NLM_F_CREATE, NLM_F_EXCL, NLM_F_MULTI, NLM_F_REPLACE};

/// `nf_tables_newrule`: append or insert (at NFTA_RULE_POSITION when given),
/// or replace the rule NFTA_RULE_HANDLE names (the new rule keeps its
/// handle).
pub fn new(tx: &mut Tx<'_>, m: &Msg<'_>) -> KResult<()> {
    let a = AttrTable::parse(m.attrs, r::MAX)?;
    let fam = m.head.family;
    let (table_attr, chain_attr) = (a.get(r::TABLE), a.get(r::CHAIN));
    let tname = table_attr.ok_or(Errno::EINVAL)?.string()?;
    let table = tx.state.table_mut(fam, &tname).ok_or_else(|| m.bad(Errno::ENOENT, table_attr))?;
    let cname = chain_attr.ok_or(Errno::EINVAL)?.string()?;
    let ci = table.chains.iter().position(|c| c.name == cname).ok_or_else(|| m.bad(Errno::ENOENT, chain_attr))?;
    let replace = match a.get(r::HANDLE) {
        Some(h) => {
            let handle = be64(h.value)?;
            let at = table.chains[ci].rules.iter().position(|x| x.handle == handle).ok_or_else(|| m.bad(Errno::ENOENT, Some(h)))?;
            if m.req.has(NLM_F_EXCL) {
                return Err(m.bad(Errno::EEXIST, Some(h)));
            }
            if !m.req.has(NLM_F_REPLACE) {
                return Err(Errno::EOPNOTSUPP.into());
            }
            Some(at)
        }
        None => {
            if !m.req.has(NLM_F_CREATE) || m.req.has(NLM_F_REPLACE) {
                return Err(Errno::EINVAL.into());
            }
            None
        }
    };
    let position = match a.get(r::POSITION) {
        Some(p) => {
            let handle = be64(p.value)?;
            Some(table.chains[ci].rules.iter().position(|x| x.handle == handle).ok_or_else(|| m.bad(Errno::ENOENT, Some(p)))?)
        }
        None => None,
    };
    let mut exprs = match a.get(r::EXPRESSIONS) {
        Some(list) => expr::parse_list(list.value)?,
        None => Vec::new(),
    };
    bind_sets(&tx.set_ids, table, &mut exprs)?;
    check_jumps(table, &exprs)?;
    check_xt_targets(&table.name, table.chains[ci].base.as_ref().map(|b| b.hooknum), &exprs)?;
    // nft_parse_compat: the protocol xt targets check against (0: any).
    let compat = a.get(r::COMPAT).and_then(|c| AttrTable::parse(c.value, 2).ok());
    let proto =
        compat.as_ref().and_then(|t| t.get(1)).and_then(|n| n.value.get(..4)).map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    if !crate::stack::netfilter::xt::check_targets(&exprs, fam, proto) {
        return Err(Errno::EINVAL.into());
    }
    // A replacement keeps the handle it replaces.
    let handle = match replace {
        Some(at) => table.chains[ci].rules[at].handle,
        None => table.alloc_handle(),
    };
    let rule = Rule::new(handle, exprs, a.get(r::USERDATA).map(|u| u.value.to_vec()));
    let rules = &mut table.chains[ci].rules;
    let mut notes = Vec::new();
    match (replace, position) {
        (Some(at), _) => {
            let old = std::mem::replace(&mut rules[at], rule);
            notes.push(old);
        }
        (None, Some(at)) if m.req.has(NLM_F_APPEND) => rules.insert(at + 1, rule),
        (None, Some(at)) => rules.insert(at, rule),
        (None, None) if m.req.has(NLM_F_APPEND) => rules.push(rule),
        (None, None) => rules.insert(0, rule),
    }
    validate_jumps(table)?;
    validate_nat(table)?;
    sets::drop_unbound(table);
    let gen_state = NfTables { generation: tx.next_gen, ..NfTables::default() };
    for old in notes {
        let n = fill::rule(&gen_state, table, &table.chains[ci], &old, None, msg::DELRULE, 0, m.req.header.seq, m.req.port);
        tx.changes.push(m.stamp(Change::Deleted(n)));
    }
    tx.changes.push(m.stamp(Change::NewRule { family: fam, table: tname, chain: cname, handle }));
    Ok(())
}

/// `nft_lookup_init`: the set a lookup names (or a set of this batch by
/// its ID) must exist (ENOENT); a verdict map's lookup writes the verdict
/// register, a set's none (EINVAL otherwise).
fn bind_sets(set_ids: &[(u32, String)], table: &Table, exprs: &mut [Expr]) -> KResult<()> {
    for e in exprs {
        let Expr::Lookup { set, set_id, dreg, .. } = e else { continue };
        let name = sets::resolve(set_ids, table, set, *set_id).ok_or(Errno::ENOENT)?;
        let found = table.set(&name).ok_or(Errno::ENOENT)?;
        let map = found.flags & crate::wire::nftables::set_flags::MAP != 0;
        if dreg.is_some() && !map {
            return Err(Errno::EINVAL.into());
        }
        *set = name;
        *set_id = None;
    }
    Ok(())
}

/// Jumps and gotos must name a regular chain of the same table
/// (`nft_verdict_init`: ENOENT for a missing chain, EOPNOTSUPP for a base chain).
fn check_jumps(table: &Table, exprs: &[Expr]) -> KResult<()> {
    for e in exprs {
        if let Expr::Immediate { data: Data::Verdict { chain: Some(to), .. }, .. } = e {
            let target = table.chain(to).ok_or(Errno::ENOENT)?;
            if target.base.is_some() {
                return Err(Errno::EOPNOTSUPP.into());
            }
        }
    }
    Ok(())
}

/// nf_tables' jump stack (`NFT_JUMP_STACK_SIZE`).
const JUMP_STACK_SIZE: usize = 16;

/// `nft_table_validate`: from every base chain, the chains its rules jump
/// or go to, and theirs, may reach at most 15 levels down (EMLINK
/// otherwise, which is also what a loop reachable from a base chain
/// gives). A loop among chains no base chain reaches is accepted. A chain
/// is walked again only from a deeper level than before (nothing new can
/// be found from a shallower one), so the walk stays within chains times
/// levels.
fn validate_jumps(table: &Table) -> KResult<()> {
    fn walk(table: &Table, ci: usize, level: usize, seen: &mut [Option<usize>]) -> KResult<()> {
        if level == JUMP_STACK_SIZE {
            return Err(Errno::EMLINK.into());
        }
        if seen[ci].is_some_and(|at| at >= level) {
            return Ok(());
        }
        seen[ci] = Some(level);
        for rule in &table.chains[ci].rules {
            for e in &rule.exprs {
                let targets = jump_targets(table, e);
                for to in targets {
                    if let Some(next) = table.chains.iter().position(|c| c.name == *to) {
                        walk(table, next, level + 1, seen)?;
                    }
                }
            }
        }
        Ok(())
    }
    let mut seen = vec![None; table.chains.len()];
    for (ci, chain) in table.chains.iter().enumerate() {
        if chain.base.is_some() {
            walk(table, ci, 0, &mut seen)?;
        }
    }
    Ok(())
}

/// The chains a rule's expression jumps or goes to: a verdict, or the
/// verdicts of a verdict map's elements.
fn jump_targets<'t>(table: &'t Table, e: &'t Expr) -> Vec<&'t String> {
    match e {
        Expr::Immediate { data: Data::Verdict { chain: Some(to), .. }, .. } => vec![to],
        Expr::Lookup { set, dreg: Some(0), .. } => table.set(set).map_or_else(Vec::new, |s| {
            s.elems
                .iter()
                .filter_map(|el| match &el.data {
                    Some(Data::Verdict { chain: Some(to), .. }) => Some(to),
                    _ => None,
                })
                .collect()
        }),
        _ => Vec::new(),
    }
}

/// `nft_nat_validate`, `nft_masq_validate`, `nft_redir_validate` as
/// `nft_table_validate` runs them from every base chain through its
/// jumps: a NAT statement needs a nat chain (nft_chain_validate_dependency)
/// at a hook it serves (nft_chain_validate_hooks): snat at postrouting or
/// input, masquerade at postrouting, dnat and redirect at prerouting or
/// output; EOPNOTSUPP otherwise.
fn validate_nat(table: &Table) -> KResult<()> {
    const PRE: u32 = 1 << 0;
    const IN: u32 = 1 << 1;
    const OUT: u32 = 1 << 3;
    const POST: u32 = 1 << 4;
    for base in &table.chains {
        let Some(b) = &base.base else { continue };
        let mut seen = vec![false; table.chains.len()];
        let mut todo: Vec<usize> = table.chains.iter().position(|c| c.name == base.name).into_iter().collect();
        while let Some(ci) = todo.pop() {
            if std::mem::replace(&mut seen[ci], true) {
                continue;
            }
            for e in table.chains[ci].rules.iter().flat_map(|r| &r.exprs) {
                let hooks = match e {
                    Expr::Nat { ty: 0, .. } => POST | IN,
                    Expr::Nat { .. } | Expr::Redir { .. } => PRE | OUT,
                    Expr::Masq { .. } => POST,
                    _ => {
                        todo.extend(jump_targets(table, e).iter().filter_map(|to| table.chains.iter().position(|c| c.name == **to)));
                        continue;
                    }
                };
                if b.kind != "nat" || b.hooknum >= 32 || hooks & (1 << b.hooknum) == 0 {
                    return Err(Errno::EOPNOTSUPP.into());
                }
            }
        }
    }
    Ok(())
}

/// `xt_check_target` through nft_compat: the NAT targets belong to the nat
/// table and to the hooks they serve (EINVAL otherwise).
fn check_xt_targets(table: &str, hook: Option<u32>, exprs: &[Expr]) -> KResult<()> {
    for e in exprs {
        let Expr::Target { name, .. } = e else { continue };
        let hooks: &[u32] = match name.as_str() {
            "DNAT" | "REDIRECT" => &[0, 3],
            "SNAT" => &[1, 4],
            "MASQUERADE" => &[4],
            _ => continue,
        };
        if table != "nat" || hook.is_some_and(|h| !hooks.contains(&h)) {
            return Err(Errno::EINVAL.into());
        }
    }
    Ok(())
}

/// `nf_tables_delrule`: one rule by handle, or every rule of the chain (of
/// every chain of the table without NFTA_RULE_CHAIN).
pub fn del(tx: &mut Tx<'_>, m: &Msg<'_>) -> KResult<()> {
    let a = AttrTable::parse(m.attrs, r::MAX)?;
    let fam = m.head.family;
    let (table_attr, chain_attr) = (a.get(r::TABLE), a.get(r::CHAIN));
    let tname = table_attr.ok_or(Errno::EINVAL)?.string()?;
    let next_gen = tx.next_gen;
    let table = tx.state.table_mut(fam, &tname).ok_or_else(|| m.bad(Errno::ENOENT, table_attr))?;
    let chains: Vec<usize> = match chain_attr {
        Some(c) => {
            let cname = c.string()?;
            vec![table.chains.iter().position(|ch| ch.name == cname).ok_or_else(|| m.bad(Errno::ENOENT, chain_attr))?]
        }
        None if a.has(r::HANDLE) => return Err(Errno::EINVAL.into()),
        None => (0..table.chains.len()).collect(),
    };
    let gen_state = NfTables { generation: next_gen, ..NfTables::default() };
    let (seq, pid) = (m.req.header.seq, m.req.port);
    let mut notes = Vec::new();
    for ci in chains {
        let doomed: Vec<usize> = match a.get(r::HANDLE) {
            Some(h) => {
                let handle = be64(h.value)?;
                vec![table.chains[ci].rules.iter().position(|x| x.handle == handle).ok_or_else(|| m.bad(Errno::ENOENT, Some(h)))?]
            }
            None => (0..table.chains[ci].rules.len()).collect(),
        };
        for &ri in &doomed {
            let ch = &table.chains[ci];
            notes.push(fill::rule(&gen_state, table, ch, &ch.rules[ri], None, msg::DELRULE, 0, seq, pid));
        }
        for ri in doomed.into_iter().rev() {
            table.chains[ci].rules.remove(ri);
        }
    }
    sets::drop_unbound(table);
    for n in notes {
        tx.changes.push(m.stamp(Change::Deleted(n)));
    }
    Ok(())
}

/// The tables and chains a rule request names (NFTA_RULE_TABLE and
/// NFTA_RULE_CHAIN as dump filters).
fn filters(m: &Msg<'_>) -> (Option<String>, Option<String>) {
    let a = AttrTable::parse(m.attrs, r::MAX).ok();
    let get = |k| a.as_ref().and_then(|a| a.get(k)).and_then(|n| n.string().ok());
    (get(r::TABLE), get(r::CHAIN))
}

/// `nf_tables_dump_rules`: each rule with the handle of the one before it.
pub fn dump(state: &NfTables, m: &Msg<'_>) -> KResult<Vec<Vec<u8>>> {
    let fam = m.head.family;
    let (only_table, only_chain) = filters(m);
    let mut out = Vec::new();
    for tb in state.tables.iter().filter(|tb| fam == family::UNSPEC || tb.family == fam) {
        if only_table.as_ref().is_some_and(|o| *o != tb.name) {
            continue;
        }
        for ch in &tb.chains {
            if only_chain.as_ref().is_some_and(|o| *o != ch.name) {
                continue;
            }
            let mut prev = None;
            for rl in &ch.rules {
                out.push(fill::rule(state, tb, ch, rl, prev, msg::NEWRULE, NLM_F_MULTI | NLM_F_APPEND, m.req.header.seq, m.req.port));
                prev = Some(rl.handle);
            }
        }
    }
    Ok(out)
}

/// `nf_tables_getrule`: one rule by table, chain and handle.
pub fn get(state: &NfTables, m: &Msg<'_>) -> KResult<Vec<Vec<u8>>> {
    let a = AttrTable::parse(m.attrs, r::MAX)?;
    let (table_attr, chain_attr, handle_attr) = (a.get(r::TABLE), a.get(r::CHAIN), a.get(r::HANDLE));
    let tname = table_attr.ok_or(Errno::EINVAL)?.string()?;
    let tb = state.table(m.head.family, &tname).ok_or_else(|| m.bad(Errno::ENOENT, table_attr))?;
    let cname = chain_attr.ok_or(Errno::EINVAL)?.string()?;
    let ch = tb.chain(&cname).ok_or_else(|| m.bad(Errno::ENOENT, chain_attr))?;
    let handle = be64(handle_attr.ok_or(Errno::EINVAL)?.value)?;
    let at = ch.rules.iter().position(|x| x.handle == handle).ok_or_else(|| m.bad(Errno::ENOENT, handle_attr))?;
    let prev = at.checked_sub(1).map(|p| ch.rules[p].handle);
    Ok(vec![fill::rule(state, tb, ch, &ch.rules[at], prev, msg::NEWRULE, 0, m.req.header.seq, m.req.port)])
}

#[cfg(test)]
mod tests {
    use crate::World;
    use crate::output::Output;
    use crate::shell::Shell;

    /// On Linux (6.18, nft 1.0.6): a base chain jumping down c1 -> ... ->
    /// c15 is accepted, one more level (c15 -> c16) is "Could not process
    /// rule: Too many links" (nft_chain_validate at NFT_JUMP_STACK_SIZE).
    #[test]
    fn sixteen_levels_of_jumps_from_a_base_chain_are_emlink() {
        let mut shell = Shell::new(Box::new(World::new()));
        let mut run = |line: String| shell.run_line(&line, &mut Output::new());
        assert_eq!(run("nft add table ip deep".into()), 0);
        for i in 1..=16 {
            assert_eq!(run(format!("nft add chain ip deep c{i}")), 0);
        }
        for i in 1..=14 {
            assert_eq!(run(format!("nft add rule ip deep c{i} jump c{}", i + 1)), 0);
        }
        assert_eq!(run("nft add chain ip deep base '{ type filter hook forward priority 0; }'".into()), 0);
        assert_eq!(run("nft add rule ip deep base jump c1".into()), 0);
        assert_eq!(run("nft add rule ip deep c15 jump c16".into()), 1);
        assert_eq!(run("nft add rule ip deep c15 counter".into()), 0);
    }
}
