//! Sets and their elements: `nf_tables_newset`, `nf_tables_delset`,
//! `nf_tables_getset`/`nf_tables_dump_sets`, `nf_tables_newsetelem`,
//! `nf_tables_delsetelem` and `nf_tables_getsetelem`/`nf_tables_dump_set`.

use super::tables::be64;
use super::{Change, Msg, Tx, fill};
use crate::errno::{Errno, KResult};
use crate::stack::netfilter::set::{Elem, Set};
use crate::stack::netfilter::{Data, NfTables, Table};
use crate::wire::attr::{AttrTable, Nla, NlaIter};
use crate::wire::nftables::{data as d, data_attr, family, msg, set as s, set_desc, set_elem as e, set_elem_list as l, set_flags as f};
use crate::wire::{NLM_F_EXCL, NLM_F_MULTI, NLM_F_REPLACE};

fn be32(n: Nla<'_>) -> KResult<u32> {
    let b: [u8; 4] = n.value.get(..4).and_then(|b| b.try_into().ok()).ok_or(Errno::EINVAL)?;
    Ok(u32::from_be_bytes(b))
}

fn opt32(n: Option<Nla<'_>>) -> KResult<Option<u32>> {
    n.map(be32).transpose()
}

/// `nf_tables_set_alloc_name`: `%d` becomes the lowest number no set of
/// the table uses with the same pattern.
fn alloc_name(table: &Table, pattern: &str) -> KResult<String> {
    if !pattern.contains("%d") {
        return Ok(pattern.to_string());
    }
    (0..=table.sets.len())
        .map(|n| pattern.replacen("%d", &n.to_string(), 1))
        .find(|name| table.set(name).is_none())
        .ok_or_else(|| Errno::ENFILE.into())
}

/// `nf_tables_newset`.
pub fn new(tx: &mut Tx<'_>, m: &Msg<'_>) -> KResult<()> {
    let a = AttrTable::parse(m.attrs, s::MAX)?;
    let (table_attr, name_attr) = (a.get(s::TABLE), a.get(s::NAME));
    let tname = table_attr.ok_or(Errno::EINVAL)?.string()?;
    let name = name_attr.ok_or(Errno::EINVAL)?.string()?;
    let key_len = opt32(a.get(s::KEY_LEN))?.ok_or(Errno::EINVAL)?;
    if key_len == 0 || key_len as usize > d::VALUE_MAXLEN || name.is_empty() || name.len() > 255 {
        return Err(Errno::EINVAL.into());
    }
    let flags = opt32(a.get(s::FLAGS))?.unwrap_or(0);
    if flags & !(f::ANONYMOUS | f::CONSTANT | f::INTERVAL | f::MAP | f::TIMEOUT | f::EVAL | f::OBJECT | f::CONCAT) != 0 {
        return Err(Errno::EOPNOTSUPP.into());
    }
    let data = match (flags & f::MAP != 0, opt32(a.get(s::DATA_TYPE))?) {
        // A verdict's data is a struct nft_verdict (16 bytes).
        (true, Some(f::DATA_VERDICT)) => Some((f::DATA_VERDICT, 16)),
        (true, Some(ty)) => match opt32(a.get(s::DATA_LEN))? {
            Some(len @ 1..=64) => Some((ty, len)),
            _ => return Err(Errno::EINVAL.into()),
        },
        (true, None) => return Err(Errno::EINVAL.into()),
        (false, Some(_)) => return Err(Errno::EINVAL.into()),
        (false, None) => None,
    };
    let size = match a.get(s::DESC) {
        Some(n) => opt32(AttrTable::parse(n.value, set_desc::MAX)?.get(set_desc::SIZE))?,
        None => None,
    };
    let table = tx.state.table_mut(m.head.family, &tname).ok_or_else(|| m.bad(Errno::ENOENT, table_attr))?;
    if let Some(old) = table.set(&name) {
        if m.req.has(NLM_F_EXCL) {
            return Err(m.bad(Errno::EEXIST, name_attr));
        }
        if m.req.has(NLM_F_REPLACE) {
            return Err(Errno::EOPNOTSUPP.into());
        }
        // The same set again is no change; a different one is EEXIST.
        let same = old.flags == flags && old.key_len == key_len && old.data == data;
        return if same { Ok(()) } else { Err(m.bad(Errno::EEXIST, name_attr)) };
    }
    let name = alloc_name(table, &name)?;
    let set = Set {
        name: name.clone(),
        handle: table.alloc_handle(),
        flags,
        key_type: opt32(a.get(s::KEY_TYPE))?.unwrap_or(0),
        key_len,
        data,
        size,
        userdata: a.get(s::USERDATA).map(|u| u.value.to_vec()),
        elems: Vec::new(),
    };
    table.sets.push(set);
    if let Some(id) = opt32(a.get(s::ID))? {
        tx.set_ids.push((id, name.clone()));
    }
    tx.changes.push(m.stamp(Change::NewSet { family: m.head.family, table: tname, set: name }));
    Ok(())
}

/// The set an element list or a lookup names: by name, or by the ID a
/// NEWSET of the same batch gave it (`nft_set_lookup_global`).
pub fn resolve(set_ids: &[(u32, String)], table: &Table, name: &str, id: Option<u32>) -> Option<String> {
    if let Some(set) = table.set(name) {
        return Some(set.name.clone());
    }
    let (_, named) = set_ids.iter().rev().find(|(i, _)| Some(*i) == id)?;
    table.set(named).map(|set| set.name.clone())
}

/// One NFTA_LIST_ELEM of an element list, checked against its set.
fn element(set: &Set, nla: &[u8]) -> KResult<Elem> {
    let t = AttrTable::parse(nla, e::MAX)?;
    let key_nest = AttrTable::parse(t.get(e::KEY).ok_or(Errno::EINVAL)?.value, data_attr::MAX)?;
    let key = key_nest.get(data_attr::VALUE).ok_or(Errno::EINVAL)?.value.to_vec();
    if key.len() != set.key_len as usize {
        return Err(Errno::EINVAL.into());
    }
    let flags = opt32(t.get(e::FLAGS))?.unwrap_or(0);
    if flags & !f::ELEM_INTERVAL_END != 0 || (flags != 0 && !set.interval()) {
        return Err(Errno::EOPNOTSUPP.into());
    }
    let data = match (set.data, t.get(e::DATA)) {
        // An interval's end carries no data.
        (Some(_), _) if flags & f::ELEM_INTERVAL_END != 0 => None,
        (Some((ty, len)), Some(n)) => {
            let data = crate::wire::nf_expr::parse_data(Some(n))?;
            match (&data, ty) {
                (Data::Verdict { .. }, f::DATA_VERDICT) => Some(data),
                (Data::Value(v), _) if ty != f::DATA_VERDICT && v.len() == len as usize => Some(data),
                _ => return Err(Errno::EINVAL.into()),
            }
        }
        (Some(_), None) => return Err(Errno::EINVAL.into()),
        (None, Some(_)) => return Err(Errno::EINVAL.into()),
        (None, None) => None,
    };
    Ok(Elem { key, flags, data })
}

/// The table and set an element message names.
fn target<'t>(tx: &'t mut Tx<'_>, m: &Msg<'_>, a: &AttrTable<'_>) -> KResult<(&'t mut Table, usize)> {
    let (table_attr, set_attr) = (a.get(l::TABLE), a.get(l::SET));
    let tname = table_attr.ok_or(Errno::EINVAL)?.string()?;
    let sname = set_attr.ok_or(Errno::EINVAL)?.string()?;
    let id = opt32(a.get(l::SET_ID))?;
    let table = tx.state.table(m.head.family, &tname).ok_or_else(|| m.bad(Errno::ENOENT, table_attr))?;
    let name = resolve(&tx.set_ids, table, &sname, id).ok_or_else(|| m.bad(Errno::ENOENT, set_attr))?;
    let table = tx.state.table_mut(m.head.family, &tname).ok_or(Errno::ENOENT)?;
    let at = table.sets.iter().position(|x| x.name == name).ok_or(Errno::ENOENT)?;
    Ok((table, at))
}

/// The notifications of elements added or deleted
/// (`nf_tables_setelem_notify`: one message an element).
fn notes(tx_gen: u32, m: &Msg<'_>, table: &Table, set: &Set, elems: &[Elem], kind: u8) -> Vec<Vec<u8>> {
    let gen_state = NfTables { generation: tx_gen, ..NfTables::default() };
    let flags = fill::notify_flags(m.req.header.flags);
    elems.iter().map(|e| fill::elems(&gen_state, table, set, std::slice::from_ref(e), kind, flags, m.req.header.seq, m.req.port)).collect()
}

/// `nf_tables_newsetelem`: every element or none (EEXIST for a key the
/// set has, with NLM_F_EXCL; EBUSY for a constant set made earlier).
pub fn new_elems(tx: &mut Tx<'_>, m: &Msg<'_>) -> KResult<()> {
    let a = AttrTable::parse(m.attrs, l::MAX)?;
    let fresh: Vec<String> = tx.set_ids.iter().map(|(_, n)| n.clone()).collect();
    let next_gen = tx.next_gen;
    let (table, at) = target(tx, m, &a)?;
    let set = &table.sets[at];
    if set.flags & f::CONSTANT != 0 && !fresh.contains(&set.name) {
        return Err(Errno::EBUSY.into());
    }
    let list = a.get(l::ELEMENTS).ok_or(Errno::EINVAL)?;
    let mut work = set.clone();
    let mut added = Vec::new();
    for n in NlaIter::new(list.value) {
        let n = n.map_err(|_| Errno::EINVAL)?;
        let elem = element(&work, n.value)?;
        let same = work.elems.iter().any(|x| x.key == elem.key && x.flags == elem.flags && x.data == elem.data);
        match work.insert(elem.clone()) {
            Ok(()) => added.push(elem),
            Err(e) if m.req.has(NLM_F_EXCL) || !same => return Err(m.bad(e, Some(n))),
            Err(_) => {}
        }
    }
    let made = notes(next_gen, m, table, &work, &added, msg::NEWSETELEM);
    table.sets[at] = work;
    tx.changes.extend(made.into_iter().map(|n| m.stamp(Change::Made(n))));
    Ok(())
}

/// `nf_tables_delsetelem`: ENOENT for a key the set lacks; without a list,
/// every element goes.
pub fn del_elems(tx: &mut Tx<'_>, m: &Msg<'_>) -> KResult<()> {
    let a = AttrTable::parse(m.attrs, l::MAX)?;
    let next_gen = tx.next_gen;
    let (table, at) = target(tx, m, &a)?;
    let set = &table.sets[at];
    if set.flags & f::CONSTANT != 0 {
        return Err(Errno::EBUSY.into());
    }
    let mut work = set.clone();
    let gone = match a.get(l::ELEMENTS) {
        None => std::mem::take(&mut work.elems),
        Some(list) => {
            let mut gone = Vec::new();
            for n in NlaIter::new(list.value) {
                let n = n.map_err(|_| Errno::EINVAL)?;
                let elem = element(&work, n.value)?;
                let Some(old) = work.elems.iter().find(|x| x.key == elem.key && x.flags == elem.flags).cloned() else {
                    return Err(m.bad(Errno::ENOENT, Some(n)));
                };
                work.remove(&elem.key, elem.flags);
                gone.push(old);
            }
            gone
        }
    };
    let made = notes(next_gen, m, table, &work, &gone, msg::DELSETELEM);
    table.sets[at] = work;
    tx.changes.extend(made.into_iter().map(|n| m.stamp(Change::Made(n))));
    Ok(())
}

/// `nf_tables_delset`: by name or handle; EBUSY while a rule looks it up.
pub fn del(tx: &mut Tx<'_>, m: &Msg<'_>) -> KResult<()> {
    let a = AttrTable::parse(m.attrs, s::MAX)?;
    let (table_attr, name_attr, handle_attr) = (a.get(s::TABLE), a.get(s::NAME), a.get(s::HANDLE));
    let tname = table_attr.ok_or(Errno::EINVAL)?.string()?;
    let next_gen = tx.next_gen;
    let table = tx.state.table_mut(m.head.family, &tname).ok_or_else(|| m.bad(Errno::ENOENT, table_attr))?;
    let at = match (handle_attr, name_attr) {
        (Some(h), _) => {
            let handle = be64(h.value)?;
            table.sets.iter().position(|x| x.handle == handle).ok_or_else(|| m.bad(Errno::ENOENT, Some(h)))?
        }
        (None, Some(n)) => {
            let name = n.string()?;
            table.sets.iter().position(|x| x.name == name).ok_or_else(|| m.bad(Errno::ENOENT, Some(n)))?
        }
        (None, None) => return Err(Errno::EINVAL.into()),
    };
    if table.set_use(&table.sets[at].name) > 0 {
        return Err(m.bad(Errno::EBUSY, name_attr.or(handle_attr)));
    }
    let gen_state = NfTables { generation: next_gen, ..NfTables::default() };
    let note = fill::set(&gen_state, table, &table.sets[at], msg::DELSET, 0, m.req.header.seq, m.req.port);
    table.sets.remove(at);
    tx.changes.push(m.stamp(Change::Deleted(note)));
    Ok(())
}

/// Drops the anonymous sets no rule looks up any more (an anonymous set
/// lives and dies with its rule).
pub fn drop_unbound(table: &mut Table) {
    let used: Vec<bool> = table.sets.iter().map(|x| x.flags & f::ANONYMOUS == 0 || table.set_use(&x.name) > 0).collect();
    let mut keep = used.into_iter();
    table.sets.retain(|_| keep.next().unwrap_or(true));
}

/// `nf_tables_dump_sets` and `nf_tables_getset`.
pub fn dump(state: &NfTables, m: &Msg<'_>, one: bool) -> KResult<Vec<Vec<u8>>> {
    let a = AttrTable::parse(m.attrs, s::MAX)?;
    let only_table = a.get(s::TABLE).map(|n| n.string()).transpose()?;
    let fam = m.head.family;
    if one {
        let tname = only_table.ok_or(Errno::EINVAL)?;
        let tb = state.table(fam, &tname).ok_or_else(|| m.bad(Errno::ENOENT, a.get(s::TABLE)))?;
        let name = a.get(s::NAME).ok_or(Errno::EINVAL)?.string()?;
        let set = tb.set(&name).ok_or_else(|| m.bad(Errno::ENOENT, a.get(s::NAME)))?;
        return Ok(vec![fill::set(state, tb, set, msg::NEWSET, 0, m.req.header.seq, m.req.port)]);
    }
    let mut out = Vec::new();
    for tb in state.tables.iter().filter(|tb| fam == family::UNSPEC || tb.family == fam) {
        if only_table.as_ref().is_some_and(|o| *o != tb.name) {
            continue;
        }
        for set in &tb.sets {
            out.push(fill::set(state, tb, set, msg::NEWSET, NLM_F_MULTI, m.req.header.seq, m.req.port));
        }
    }
    Ok(out)
}

/// `nf_tables_getsetelem` as a dump (`nf_tables_dump_set`): a message
/// with every element of the set.
pub fn dump_elems(state: &NfTables, m: &Msg<'_>) -> KResult<Vec<Vec<u8>>> {
    let a = AttrTable::parse(m.attrs, l::MAX)?;
    let (table_attr, set_attr) = (a.get(l::TABLE), a.get(l::SET));
    let tname = table_attr.ok_or(Errno::EINVAL)?.string()?;
    let tb = state.table(m.head.family, &tname).ok_or_else(|| m.bad(Errno::ENOENT, table_attr))?;
    let sname = set_attr.ok_or(Errno::EINVAL)?.string()?;
    let set = tb.set(&sname).ok_or_else(|| m.bad(Errno::ENOENT, set_attr))?;
    let (seq, port) = (m.req.header.seq, m.req.port);
    let elems = |list: &[Elem]| fill::elems(state, tb, set, list, msg::NEWSETELEM, NLM_F_MULTI, seq, port);
    let mut out = vec![elems(set.elems.as_slice())];
    // The dump's next round finds nothing more and still writes its
    // (empty) message before NLMSG_DONE.
    if !set.elems.is_empty() {
        out.push(elems(&[]));
    }
    Ok(out)
}
