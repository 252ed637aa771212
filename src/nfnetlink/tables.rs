//! Tables: `nf_tables_newtable`, `nf_tables_deltable` (and `nft_flush`),
//! `nf_tables_gettable` and `nf_tables_dump_tables`.

use super::{Change, Msg, Tx, fill};
use crate::errno::{Errno, KResult};
use crate::stack::netfilter::{NfTables, Table};
use crate::wire::attr::AttrTable;
use crate::wire::nftables::{family, msg, table as t};
use crate::wire::{NLM_F_EXCL, NLM_F_MULTI, NLM_F_REPLACE};

/// Whether nf_tables has a family of that number (`nft_afinfo`): otherwise
/// EAFNOSUPPORT.
pub fn known_family(f: u8) -> bool {
    matches!(f, family::INET | family::IPV4 | family::ARP | family::NETDEV | family::BRIDGE | family::IPV6)
}

/// `nf_tables_newtable`.
pub fn new(tx: &mut Tx<'_>, m: &Msg<'_>) -> KResult<()> {
    let a = AttrTable::parse(m.attrs, t::MAX)?;
    let fam = m.head.family;
    if !known_family(fam) {
        return Err(Errno::EAFNOSUPPORT.into());
    }
    let name_attr = a.get(t::NAME);
    let name = name_attr.ok_or(Errno::EINVAL)?.string()?;
    let flags = match a.get(t::FLAGS) {
        Some(f) => be32(f.value)?,
        None => 0,
    };
    if flags & !(crate::wire::nftables::table_flags::DORMANT | crate::wire::nftables::table_flags::OWNER) != 0 {
        return Err(Errno::EOPNOTSUPP.into());
    }
    if let Some(existing) = tx.state.table_mut(fam, &name) {
        if m.req.has(NLM_F_EXCL) {
            return Err(m.bad(Errno::EEXIST, name_attr));
        }
        if m.req.has(NLM_F_REPLACE) {
            return Err(Errno::EOPNOTSUPP.into());
        }
        // nf_tables_updtable: only the dormant flag may change.
        if flags == existing.flags || a.get(t::FLAGS).is_none() {
            return Ok(());
        }
        existing.flags = flags;
        tx.changes.push(m.stamp(Change::NewTable { family: fam, name }));
        return Ok(());
    }
    tx.state.table_handle += 1;
    let table = Table {
        family: fam,
        name: name.clone(),
        handle: tx.state.table_handle,
        flags,
        chains: Vec::new(),
        sets: Vec::new(),
        hgenerator: 0,
        userdata: a.get(t::USERDATA).map(|u| u.value.to_vec()),
    };
    tx.state.tables.push(table);
    tx.changes.push(m.stamp(Change::NewTable { family: fam, name }));
    Ok(())
}

/// `nf_tables_deltable`: by name or handle; without either, every table of
/// the family (`nft_flush`). The table's rules and chains go with it.
pub fn del(tx: &mut Tx<'_>, m: &Msg<'_>) -> KResult<()> {
    let a = AttrTable::parse(m.attrs, t::MAX)?;
    let fam = m.head.family;
    let (name_attr, handle_attr) = (a.get(t::NAME), a.get(t::HANDLE));
    if name_attr.is_none() && handle_attr.is_none() {
        let doomed: Vec<usize> =
            (0..tx.state.tables.len()).filter(|&i| fam == family::UNSPEC || tx.state.tables[i].family == fam).collect();
        for i in doomed.into_iter().rev() {
            remove_table(tx, m, i);
        }
        return Ok(());
    }
    let found = match (name_attr, handle_attr) {
        (Some(n), _) => {
            let name = n.string()?;
            tx.state.tables.iter().position(|tb| tb.family == fam && tb.name == name).ok_or_else(|| m.bad(Errno::ENOENT, name_attr))?
        }
        (None, Some(h)) => {
            let handle = be64(h.value)?;
            tx.state
                .tables
                .iter()
                .position(|tb| tb.family == fam && tb.handle == handle)
                .ok_or_else(|| m.bad(Errno::ENOENT, handle_attr))?
        }
        (None, None) => return Err(Errno::EINVAL.into()),
    };
    remove_table(tx, m, found);
    Ok(())
}

/// Removes a table and announces its rules, chains and itself, in the order
/// `nft_flush_table` queues them.
fn remove_table(tx: &mut Tx<'_>, m: &Msg<'_>, index: usize) {
    let Some(tb) = tx.state.tables.get(index).cloned() else { return };
    let gen_state = NfTables { generation: tx.next_gen, ..NfTables::default() };
    let (seq, pid) = (m.req.header.seq, m.req.port);
    for ch in &tb.chains {
        for rl in &ch.rules {
            let msg = fill::rule(&gen_state, &tb, ch, rl, None, msg::DELRULE, 0, seq, pid);
            tx.changes.push(m.stamp(Change::Deleted(msg)));
        }
    }
    let mut emptied = tb.clone();
    for ch in &mut emptied.chains {
        ch.rules.clear();
    }
    for ch in &emptied.chains {
        let msg = fill::chain(&gen_state, &emptied, ch, msg::DELCHAIN, 0, seq, pid);
        tx.changes.push(m.stamp(Change::Deleted(msg)));
    }
    emptied.chains.clear();
    let msg = fill::table(&gen_state, &emptied, msg::DELTABLE, 0, seq, pid);
    tx.changes.push(m.stamp(Change::Deleted(msg)));
    tx.state.tables.remove(index);
}

/// `nf_tables_dump_tables`: every table of the requested family.
pub fn dump(state: &NfTables, m: &Msg<'_>) -> Vec<Vec<u8>> {
    let fam = m.head.family;
    state
        .tables
        .iter()
        .filter(|tb| fam == family::UNSPEC || tb.family == fam)
        .map(|tb| fill::table(state, tb, msg::NEWTABLE, NLM_F_MULTI, m.req.header.seq, m.req.port))
        .collect()
}

/// `nf_tables_gettable`: one table by name.
pub fn get(state: &NfTables, m: &Msg<'_>) -> KResult<Vec<Vec<u8>>> {
    let a = AttrTable::parse(m.attrs, t::MAX)?;
    let name_attr = a.get(t::NAME);
    let name = name_attr.ok_or(Errno::EINVAL)?.string()?;
    let tb = state.table(m.head.family, &name).ok_or_else(|| m.bad(Errno::ENOENT, name_attr))?;
    Ok(vec![fill::table(state, tb, msg::NEWTABLE, 0, m.req.header.seq, m.req.port)])
}

/// A big-endian u32 attribute value.
pub fn be32(v: &[u8]) -> KResult<u32> {
    let b: [u8; 4] = v.get(..4).and_then(|b| b.try_into().ok()).ok_or(Errno::EINVAL)?;
    Ok(u32::from_be_bytes(b))
}

/// A big-endian u64 attribute value.
pub fn be64(v: &[u8]) -> KResult<u64> {
    let b: [u8; 8] = v.get(..8).and_then(|b| b.try_into().ok()).ok_or(Errno::EINVAL)?;
    Ok(u64::from_be_bytes(b))
}
