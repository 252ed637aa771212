//! The messages nf_tables writes about its objects (`nf_tables_fill_table_info`,
//! `nf_tables_fill_chain_info`, `nf_tables_fill_rule_info`,
//! `nf_tables_fill_gen_info`) and the notifications of a commit
//! (`nf_tables_table_notify`, `nf_tables_chain_notify`, `nf_tables_rule_notify`).

use super::Change;
use crate::stack::netfilter::set::{Elem, Set};
use crate::stack::netfilter::{Chain, Data, NfTables, Rule, Table, expr};
use crate::wire::attr::NlaWriter;
use crate::wire::nftables::{
    NfGenMsg, chain as c, generation as g, msg, nft_type, rule as r, set as s, set_elem as e, set_elem_list as l, table as t,
};
use crate::wire::{MessageBuilder, NLM_F_APPEND, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE};

/// Starts an nf_tables message with the generation's low bits in res_id.
fn start(state: &NfTables, kind: u8, flags: u16, seq: u32, pid: u32, family: u8) -> MessageBuilder {
    let mut b = MessageBuilder::new(nft_type(kind), flags, seq, pid);
    b.push(&NfGenMsg { family, version: 0, res_id: state.generation as u16 }.to_bytes());
    b
}

/// NFT_MSG_NEWGEN: the generation and the process asking (`nf_tables_fill_gen_info`).
pub fn generation(state: &NfTables, seq: u32, pid: u32, process: &(u32, String)) -> Vec<u8> {
    let mut b = start(state, msg::NEWGEN, 0, seq, pid, 0);
    b.put(g::ID, &state.generation.to_be_bytes());
    b.put(g::PROC_PID, &process.0.to_be_bytes());
    b.put_str(g::PROC_NAME, &process.1);
    b.finish()
}

/// A table message.
pub fn table(state: &NfTables, tb: &Table, kind: u8, flags: u16, seq: u32, pid: u32) -> Vec<u8> {
    let mut b = start(state, kind, flags, seq, pid, tb.family);
    b.put_str(t::NAME, &tb.name);
    b.put(t::USE, &tb.use_count().to_be_bytes());
    b.put(t::HANDLE, &tb.handle.to_be_bytes());
    b.put(t::FLAGS, &tb.flags.to_be_bytes());
    if let Some(u) = &tb.userdata {
        b.put(t::USERDATA, u);
    }
    b.finish()
}

/// A chain message.
pub fn chain(state: &NfTables, tb: &Table, ch: &Chain, kind: u8, flags: u16, seq: u32, pid: u32) -> Vec<u8> {
    let mut b = start(state, kind, flags, seq, pid, tb.family);
    b.put_str(c::TABLE, &tb.name);
    b.put_str(c::NAME, &ch.name);
    b.put(c::HANDLE, &ch.handle.to_be_bytes());
    if let Some(base) = &ch.base {
        let mut hook = Vec::new();
        hook.put(crate::wire::nftables::hook::HOOKNUM, &base.hooknum.to_be_bytes());
        hook.put(crate::wire::nftables::hook::PRIORITY, &base.priority.to_be_bytes());
        b.put(c::HOOK, &hook);
        b.put(c::POLICY, &base.policy.to_be_bytes());
        b.put_str(c::TYPE, &base.kind);
        if let Some((packets, bytes)) = base.counters {
            let mut ct = Vec::new();
            ct.put(2, &packets.to_be_bytes());
            ct.put(1, &bytes.to_be_bytes());
            b.put(c::COUNTERS, &ct);
        }
        b.put(c::FLAGS, &crate::wire::nftables::chain_flags::BASE.to_be_bytes());
    }
    b.put(c::USE, &tb.chain_use(ch).to_be_bytes());
    if let Some(u) = &ch.userdata {
        b.put(c::USERDATA, u);
    }
    b.finish()
}

/// A rule message; `position` is the handle of the rule before it, if shown.
#[allow(clippy::too_many_arguments)]
pub fn rule(
    state: &NfTables,
    tb: &Table,
    ch: &Chain,
    rl: &Rule,
    position: Option<u64>,
    kind: u8,
    flags: u16,
    seq: u32,
    pid: u32,
) -> Vec<u8> {
    let mut b = start(state, kind, flags, seq, pid, tb.family);
    b.put_str(r::TABLE, &tb.name);
    b.put_str(r::CHAIN, &ch.name);
    b.put(r::HANDLE, &rl.handle.to_be_bytes());
    if let Some(p) = position {
        b.put(r::POSITION, &p.to_be_bytes());
    }
    b.put(r::EXPRESSIONS, &expr::dump_list(&rl.exprs));
    if let Some(u) = &rl.userdata {
        b.put(r::USERDATA, u);
    }
    b.finish()
}

/// A set message (`nf_tables_fill_set`); a deletion names the set only.
pub fn set(state: &NfTables, tb: &Table, set: &Set, kind: u8, flags: u16, seq: u32, pid: u32) -> Vec<u8> {
    let mut b = start(state, kind, flags, seq, pid, tb.family);
    b.put_str(s::TABLE, &tb.name);
    b.put_str(s::NAME, &set.name);
    b.put(s::HANDLE, &set.handle.to_be_bytes());
    if kind == msg::DELSET {
        return b.finish();
    }
    if set.flags != 0 {
        b.put(s::FLAGS, &set.flags.to_be_bytes());
    }
    b.put(s::KEY_TYPE, &set.key_type.to_be_bytes());
    b.put(s::KEY_LEN, &set.key_len.to_be_bytes());
    if let Some((ty, len)) = set.data {
        b.put(s::DATA_TYPE, &ty.to_be_bytes());
        b.put(s::DATA_LEN, &len.to_be_bytes());
    }
    if let Some(u) = &set.userdata {
        b.put(s::USERDATA, u);
    }
    let mut desc = Vec::new();
    if let Some(size) = set.size.filter(|n| *n != 0) {
        desc.put(crate::wire::nftables::set_desc::SIZE, &size.to_be_bytes());
    }
    b.put(s::DESC, &desc);
    b.put_str(s::TYPE, set_backend(set));
    let count = set.elems.iter().filter(|e| e.flags & crate::wire::nftables::set_flags::ELEM_INTERVAL_END == 0).count();
    b.put(s::COUNT, &(count as u32).to_be_bytes());
    b.finish()
}

/// nft_set_bitmap's NFTA_SET_TYPE.
const BITMAP: &str = "0xffffffff825065e0";

/// NFTA_SET_TYPE: the backend `nft_select_set_ops` picks (rbtree for
/// ranges, bitmap for small keys without data, hash otherwise), written
/// as Linux 6.18 here writes it: the address of the backend's ops.
fn set_backend(set: &Set) -> &'static str {
    if set.interval() {
        "0xffffffff825066a0"
    } else if set.key_len <= 2 && set.data.is_none() {
        BITMAP
    } else {
        "0xffffffff82506440"
    }
}

/// A set's elements in one NEWSETELEM message (`nf_tables_dump_set`,
/// `nf_tables_fill_setelem`): an interval set walks from the highest key.
#[allow(clippy::too_many_arguments)]
pub fn elems(state: &NfTables, tb: &Table, set: &Set, elems: &[Elem], kind: u8, flags: u16, seq: u32, pid: u32) -> Vec<u8> {
    let mut b = start(state, kind, flags, seq, pid, tb.family);
    b.put_str(l::TABLE, &tb.name);
    b.put_str(l::SET, &set.name);
    let mut list = Vec::new();
    // The backends' walks: rbtree from the highest key, bitmap from the
    // lowest, hash from the newest element.
    let mut order: Vec<_> = elems.iter().collect();
    match set_backend(set) {
        BITMAP => crate::sorting::sort_by(&mut order, |a, b| a.key.cmp(&b.key)),
        _ => order.reverse(),
    }
    for el in order {
        let mut one = Vec::new();
        let mut key = Vec::new();
        key.put(crate::wire::nftables::data::VALUE, &el.key);
        one.put(e::KEY, &key);
        if let Some(data) = &el.data {
            let mut nest = Vec::new();
            match data {
                Data::Value(v) => nest.put(crate::wire::nftables::data::VALUE, v),
                Data::Verdict { code, chain } => {
                    let mut v = Vec::new();
                    v.put(crate::wire::nftables::data::VERDICT_CODE, &code.to_be_bytes());
                    if let Some(c) = chain {
                        v.put_str(crate::wire::nftables::data::VERDICT_CHAIN, c);
                    }
                    nest.put(crate::wire::nftables::data::VERDICT, &v);
                }
            }
            one.put(e::DATA, &nest);
        }
        if el.flags != 0 {
            one.put(e::FLAGS, &el.flags.to_be_bytes());
        }
        list.put(crate::wire::nftables::list::ELEM, &one);
    }
    b.put(l::ELEMENTS, &list);
    b.finish()
}

/// The flags a notification carries: the request's NLM_F_CREATE/EXCL.
pub fn notify_flags(flags: u16) -> u16 {
    flags & (NLM_F_CREATE | NLM_F_EXCL)
}

/// The notification of one committed change, made against the final state.
pub fn notification(state: &NfTables, change: &Change, seq: u32, pid: u32, flags: u16) -> Option<Vec<u8>> {
    match change {
        Change::Deleted(m) | Change::Made(m) => Some(m.clone()),
        Change::NewTable { family, name } => {
            let tb = state.table(*family, name)?;
            Some(table(state, tb, msg::NEWTABLE, notify_flags(flags), seq, pid))
        }
        Change::NewChain { family, table: tname, chain: cname } => {
            let tb = state.table(*family, tname)?;
            Some(chain(state, tb, tb.chain(cname)?, msg::NEWCHAIN, notify_flags(flags), seq, pid))
        }
        Change::NewSet { family, table: tname, set: sname } => {
            let tb = state.table(*family, tname)?;
            Some(set(state, tb, tb.set(sname)?, msg::NEWSET, notify_flags(flags), seq, pid))
        }
        Change::NewRule { family, table: tname, chain: cname, handle } => {
            let tb = state.table(*family, tname)?;
            let ch = tb.chain(cname)?;
            let at = ch.rules.iter().position(|x| x.handle == *handle)?;
            // nf_tables_rule_notify: the position only between two rules.
            let position = (at > 0 && at + 1 < ch.rules.len()).then(|| ch.rules[at - 1].handle);
            let mut f = notify_flags(flags);
            if flags & (NLM_F_APPEND | NLM_F_REPLACE) != 0 {
                f |= NLM_F_APPEND;
            }
            Some(rule(state, tb, ch, &ch.rules[at], position, msg::NEWRULE, f, seq, pid))
        }
    }
}
