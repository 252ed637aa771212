//! Chains: `nf_tables_newchain` (with `nf_tables_addchain` and
//! `nf_tables_updchain`), `nf_tables_delchain`, `nf_tables_getchain` and
//! `nf_tables_dump_chains`.

use super::tables::{be32, be64};
use super::{Change, Msg, Tx, fill};
use crate::errno::{Errno, KResult};
use crate::stack::netfilter::{BaseChain, Chain, Data, Expr, NfTables};
use crate::wire::attr::AttrTable;
use crate::wire::nftables::{chain as c, data, family, msg};
use crate::wire::{NLM_F_EXCL, NLM_F_MULTI, NLM_F_REPLACE};

/// The longest chain name (`NFT_CHAIN_MAXNAMELEN` less the NUL).
const NAME_MAX: usize = 255;

/// `nft_chain_parse_hook` and the chain type's checks: which hooks a type
/// may use in a family (`nft_chain_filter_*`, `nft_chain_nat_*`,
/// `nft_chain_route_*`). EOPNOTSUPP when the type does not serve the hook,
/// ENOENT for an unknown type.
fn check_type(kind: &str, fam: u8, hooknum: u32) -> KResult<()> {
    let inet_like = matches!(fam, family::IPV4 | family::IPV6 | family::INET);
    let max_hook = match fam {
        family::ARP => 2,
        family::NETDEV => 1,
        _ => 4,
    };
    match kind {
        "filter" if hooknum <= max_hook => Ok(()),
        "filter" => Err(Errno::EOPNOTSUPP.into()),
        "nat" | "route" if !inet_like => Err(Errno::ENOENT.into()),
        "nat" if matches!(hooknum, 0 | 1 | 3 | 4) => Ok(()),
        "route" if hooknum == 3 => Ok(()),
        "nat" | "route" => Err(Errno::EOPNOTSUPP.into()),
        _ => Err(Errno::ENOENT.into()),
    }
}

/// NFTA_CHAIN_COUNTERS (`nft_stats_alloc`): packets and bytes to start from.
fn parse_counters(a: &AttrTable<'_>) -> KResult<Option<(u64, u64)>> {
    let Some(n) = a.get(c::COUNTERS) else { return Ok(None) };
    let ct = AttrTable::parse(n.value, 2)?;
    let get = |k| ct.get(k).map_or(Ok(0), |v: crate::wire::attr::Nla<'_>| be64(v.value));
    Ok(Some((get(2)?, get(1)?)))
}

/// NFTA_CHAIN_HOOK with NFTA_CHAIN_TYPE (`nft_chain_parse_hook`): the hook
/// number, the priority and the type (`filter` when none is given), the
/// type checked against the hook.
fn parse_hook(a: &AttrTable<'_>, h: crate::wire::attr::Nla<'_>, fam: u8) -> KResult<(u32, i32, String)> {
    let ht = AttrTable::parse(h.value, 4)?;
    let hooknum = be32(ht.get(crate::wire::nftables::hook::HOOKNUM).ok_or(Errno::EINVAL)?.value)?;
    let priority = be32(ht.get(crate::wire::nftables::hook::PRIORITY).ok_or(Errno::EINVAL)?.value)? as i32;
    let kind = match a.get(c::TYPE) {
        Some(t) => t.string()?,
        None => "filter".to_string(),
    };
    check_type(&kind, fam, hooknum)?;
    Ok((hooknum, priority, kind))
}

/// `nf_tables_newchain`.
/// The registration number a new base chain's hook takes: after every
/// base chain of the namespace (nf_tables_addchain registers at once).
fn next_registration(state: &NfTables) -> u64 {
    let chains = state.tables.iter().flat_map(|t| t.chains.iter());
    chains.filter_map(|c| c.base.as_ref()).map(|b| b.registered).max().unwrap_or(0).saturating_add(1)
}

pub fn new(tx: &mut Tx<'_>, m: &Msg<'_>) -> KResult<()> {
    let a = AttrTable::parse(m.attrs, c::MAX)?;
    let fam = m.head.family;
    let table_attr = a.get(c::TABLE);
    let tname = table_attr.ok_or(Errno::EINVAL)?.string()?;
    let name_attr = a.get(c::NAME);
    let policy = a.get(c::POLICY).map(|p| be32(p.value)).transpose()?;
    if let Some(p) = policy {
        if p != data::DROP as u32 && p != data::ACCEPT as u32 {
            return Err(Errno::EINVAL.into());
        }
    }
    let registered = next_registration(tx.state);
    let table = tx.state.table_mut(fam, &tname).ok_or_else(|| m.bad(Errno::ENOENT, table_attr))?;
    let existing = match (name_attr, a.get(c::HANDLE)) {
        (_, Some(h)) => {
            let handle = be64(h.value)?;
            Some(table.chains.iter().position(|ch| ch.handle == handle).ok_or_else(|| m.bad(Errno::ENOENT, a.get(c::HANDLE)))?)
        }
        (Some(n), None) => {
            let name = n.string()?;
            table.chains.iter().position(|ch| ch.name == name)
        }
        (None, None) => return Err(Errno::EINVAL.into()),
    };
    if let Some(i) = existing {
        if m.req.has(NLM_F_EXCL) {
            return Err(m.bad(Errno::EEXIST, name_attr));
        }
        if m.req.has(NLM_F_REPLACE) {
            return Err(Errno::EOPNOTSUPP.into());
        }
        // nf_tables_updchain: a chain named by its handle may take a new
        // name (EEXIST when taken); jumps to it follow.
        if let (Some(n), Some(_)) = (name_attr, a.get(c::HANDLE)) {
            let new = n.string()?;
            if new != table.chains[i].name {
                if new.len() > NAME_MAX || table.chains.iter().any(|ch| ch.name == new) {
                    return Err(m.bad(if new.len() > NAME_MAX { Errno::ENAMETOOLONG } else { Errno::EEXIST }, name_attr));
                }
                let old = std::mem::replace(&mut table.chains[i].name, new.clone());
                for e in table.chains.iter_mut().flat_map(|ch| ch.rules.iter_mut()).flat_map(|r| r.exprs.iter_mut()) {
                    if let Expr::Immediate { data: Data::Verdict { chain: Some(to), .. }, .. } = e {
                        if *to == old {
                            to.clone_from(&new);
                        }
                    }
                }
                tx.changes.push(m.stamp(Change::NewChain { family: fam, table: tname.clone(), chain: new }));
            }
        }
        // nf_tables_updchain: a hook given again must be the chain's own
        // (a regular chain, or another type: EEXIST at the name; another
        // hook or priority: EOPNOTSUPP).
        if let Some(h) = a.get(c::HOOK) {
            let Some(base) = table.chains[i].base.as_ref() else { return Err(m.bad(Errno::EEXIST, name_attr)) };
            let (hooknum, priority, kind) = parse_hook(&a, h, fam)?;
            if kind != base.kind {
                return Err(m.bad(Errno::EEXIST, name_attr));
            }
            if hooknum != base.hooknum || priority != base.priority {
                return Err(Errno::EOPNOTSUPP.into());
            }
        }
        // nf_tables_updchain: policy and counters of a base chain may change.
        let counters = parse_counters(&a)?;
        let ch = &mut table.chains[i];
        if policy.is_none() && counters.is_none() {
            return Ok(());
        }
        let base = ch.base.as_mut().ok_or(Errno::EOPNOTSUPP)?;
        if let Some(p) = policy {
            base.policy = p;
        }
        if counters.is_some() {
            base.counters = counters;
        }
        let name = ch.name.clone();
        tx.changes.push(m.stamp(Change::NewChain { family: fam, table: tname, chain: name }));
        return Ok(());
    }
    let name = name_attr.ok_or(Errno::EINVAL)?.string()?;
    if name.len() > NAME_MAX {
        return Err(m.bad(Errno::ENAMETOOLONG, name_attr));
    }
    let base = match a.get(c::HOOK) {
        Some(h) => {
            let (hooknum, priority, kind) = parse_hook(&a, h, fam)?;
            let counters = parse_counters(&a)?;
            let policy = policy.unwrap_or(data::ACCEPT as u32);
            Some(BaseChain { hooknum, priority, kind, policy, counters, registered })
        }
        None if policy.is_some() => return Err(Errno::EOPNOTSUPP.into()),
        None => None,
    };
    let handle = table.alloc_handle();
    let userdata = a.get(c::USERDATA).map(|u| u.value.to_vec());
    table.chains.push(Chain { name: name.clone(), handle, base, rules: Vec::new(), userdata });
    tx.changes.push(m.stamp(Change::NewChain { family: fam, table: tname, chain: name }));
    Ok(())
}

/// `nf_tables_delchain`: its rules go with it; a chain something jumps to
/// is EBUSY.
pub fn del(tx: &mut Tx<'_>, m: &Msg<'_>) -> KResult<()> {
    let a = AttrTable::parse(m.attrs, c::MAX)?;
    let fam = m.head.family;
    let table_attr = a.get(c::TABLE);
    let tname = table_attr.ok_or(Errno::EINVAL)?.string()?;
    let next_gen = tx.next_gen;
    let table = tx.state.table_mut(fam, &tname).ok_or_else(|| m.bad(Errno::ENOENT, table_attr))?;
    let (attr, index) = match (a.get(c::HANDLE), a.get(c::NAME)) {
        (Some(h), _) => {
            let handle = be64(h.value)?;
            (Some(h), table.chains.iter().position(|ch| ch.handle == handle))
        }
        (None, Some(n)) => {
            let name = n.string()?;
            (Some(n), table.chains.iter().position(|ch| ch.name == name))
        }
        (None, None) => return Err(Errno::EINVAL.into()),
    };
    let index = index.ok_or_else(|| m.bad(Errno::ENOENT, attr))?;
    let ch = table.chains[index].clone();
    // NLM_F_NONREC (iptables -X): only an unused chain goes.
    if m.req.has(NLM_F_REPLACE) && table.chain_use(&ch) > 0 {
        return Err(Errno::EBUSY.into());
    }
    if table.chain_use(&ch) > ch.rules.len() as u32 {
        return Err(m.bad(Errno::EBUSY, attr));
    }
    let gen_state = NfTables { generation: next_gen, ..NfTables::default() };
    let (seq, pid) = (m.req.header.seq, m.req.port);
    let mut notes = Vec::new();
    for rl in &ch.rules {
        notes.push(fill::rule(&gen_state, table, &ch, rl, None, msg::DELRULE, 0, seq, pid));
    }
    table.chains[index].rules.clear();
    let emptied = table.chains[index].clone();
    notes.push(fill::chain(&gen_state, table, &emptied, msg::DELCHAIN, 0, seq, pid));
    table.chains.remove(index);
    for n in notes {
        tx.changes.push(m.stamp(Change::Deleted(n)));
    }
    Ok(())
}

/// `nf_tables_dump_chains`: every chain of every table of the family
/// (of one table when NFTA_CHAIN_TABLE names it).
pub fn dump(state: &NfTables, m: &Msg<'_>) -> Vec<Vec<u8>> {
    let fam = m.head.family;
    let only = AttrTable::parse(m.attrs, c::MAX).ok().and_then(|a| a.get(c::TABLE)).and_then(|n| n.string().ok());
    let mut out = Vec::new();
    for tb in state.tables.iter().filter(|tb| fam == family::UNSPEC || tb.family == fam) {
        if only.as_ref().is_some_and(|o| *o != tb.name) {
            continue;
        }
        for ch in &tb.chains {
            out.push(fill::chain(state, tb, ch, msg::NEWCHAIN, NLM_F_MULTI, m.req.header.seq, m.req.port));
        }
    }
    out
}

/// `nf_tables_getchain`: one chain by table and name.
pub fn get(state: &NfTables, m: &Msg<'_>) -> KResult<Vec<Vec<u8>>> {
    let a = AttrTable::parse(m.attrs, c::MAX)?;
    let table_attr = a.get(c::TABLE);
    let tname = table_attr.ok_or(Errno::EINVAL)?.string()?;
    let tb = state.table(m.head.family, &tname).ok_or_else(|| m.bad(Errno::ENOENT, table_attr))?;
    let name_attr = a.get(c::NAME);
    let name = name_attr.ok_or(Errno::EINVAL)?.string()?;
    let ch = tb.chain(&name).ok_or_else(|| m.bad(Errno::ENOENT, name_attr))?;
    Ok(vec![fill::chain(state, tb, ch, msg::NEWCHAIN, 0, m.req.header.seq, m.req.port)])
}
