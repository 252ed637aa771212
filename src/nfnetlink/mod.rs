//! The NETLINK_NETFILTER handler (net/netfilter/nfnetlink.c): messages by
//! subsystem, nf_tables batches applied all-or-nothing to a copy of the
//! namespace's ruleset (`nfnetlink_rcv_batch`, `nf_tables_commit`,
//! `nf_tables_abort`), dumps and GETs outside batches, and the
//! NFNLGRP_NFTABLES notifications of a commit.

mod chains;
mod fill;
mod rules;
mod sets;
mod tables;

use crate::errno::{Errno, KResult, KernelError};
use crate::rtnetlink::reply::{self, Request};
use crate::rtnetlink::{Kernel, Protocol};
use crate::stack::NsId;
use crate::stack::netfilter::NfTables;
use crate::wire::header::MessageIter;
use crate::wire::nftables::{self as nft, NfGenMsg, msg};
use crate::wire::{NLM_F_ACK, NLM_F_DUMP, NLM_F_ECHO, NLM_F_REQUEST};

/// A change made by a batch message, announced when the batch commits.
#[derive(Debug, Clone)]
pub enum Change {
    /// A table was added or its flags changed.
    NewTable { family: u8, name: String },
    /// A chain was added or changed.
    NewChain { family: u8, table: String, chain: String },
    /// A rule was added.
    NewRule { family: u8, table: String, chain: String, handle: u64 },
    /// A set was added.
    NewSet { family: u8, table: String, set: String },
    /// Something was deleted: its notification, made before it went.
    Deleted(Vec<u8>),
    /// A change announced by a notification made when it was made (set
    /// elements added or deleted).
    Made(Vec<u8>),
}

/// What a batch message handler works on: the batch's copy of the ruleset
/// and what it changed so far.
pub struct Tx<'a> {
    /// The ruleset as the batch has left it so far.
    pub state: &'a mut NfTables,
    /// The changes, with the request each came from (seq, pid, flags).
    pub changes: Vec<(Change, u32, u32, u16)>,
    /// The generation the batch commits as (for notifications made early).
    pub next_gen: u32,
    /// The sets this batch made, by NFTA_SET_ID (their names given out).
    pub set_ids: Vec<(u32, String)>,
}

/// The context every handler gets: the request and its nfgenmsg.
pub struct Msg<'r> {
    /// The request.
    pub req: Request<'r>,
    /// The family header.
    pub head: NfGenMsg,
    /// The attributes after the family header.
    pub attrs: &'r [u8],
}

impl Msg<'_> {
    /// An error pointing at an attribute (`NL_SET_BAD_ATTR`).
    pub fn bad(&self, errno: Errno, nla: Option<crate::wire::attr::Nla<'_>>) -> KernelError {
        match nla {
            Some(n) => KernelError::new(errno).at(self.req.attr_offset(NfGenMsg::LEN, n.offset)),
            None => KernelError::new(errno),
        }
    }

    /// The change record for this request.
    fn stamp(&self, change: Change) -> (Change, u32, u32, u16) {
        (change, self.req.header.seq, self.req.port, self.req.header.flags)
    }
}

/// Handles one datagram from a NETLINK_NETFILTER socket (`nfnetlink_rcv`).
pub fn receive(k: &mut Kernel, port: u32, datagram: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let Some(sock) = k.socket_state(port) else { return out };
    let (ns, ext_ack, cap_ack, privileged) = (sock.ns, sock.ext_ack, sock.cap_ack, sock.creds.net_admin);
    let process = sock.process.clone();
    let msgs: Vec<_> = MessageIter::new(datagram).map_while(Result::ok).collect();
    let Some(first) = msgs.first() else { return out };
    // nfnetlink_rcv: the whole datagram needs CAP_NET_ADMIN.
    if !privileged {
        let req = Request::new(first, port, false);
        out.push(reply::ack(&req, Some(&KernelError::new(Errno::EPERM)), ext_ack, cap_ack));
        return out;
    }
    if first.header.kind == nft::MSG_BATCH_BEGIN {
        if k.keep_history {
            k.record(crate::history::Op::NfDatagram { ns: ns.0, privileged, bytes: datagram.to_vec() });
        }
        return batch(k, ns, port, &msgs, ext_ack, cap_ack, &process);
    }
    for m in &msgs {
        let req = Request::new(m, port, false);
        if m.header.flags & NLM_F_REQUEST == 0 || m.header.kind < 16 {
            if req.has(NLM_F_ACK) {
                out.push(reply::ack(&req, None, ext_ack, cap_ack));
            }
            continue;
        }
        let Some(net_ns) = k.net.ns(ns) else { break };
        match read(&net_ns.netfilter, &req, &process) {
            Ok(replies) => {
                let dump = req.has(NLM_F_DUMP);
                out.extend(replies);
                if dump {
                    out.push(reply::done(&req, false));
                } else if req.has(NLM_F_ACK) {
                    out.push(reply::ack(&req, None, ext_ack, cap_ack));
                }
            }
            Err(e) => out.push(reply::ack(&req, Some(&e), ext_ack, cap_ack)),
        }
    }
    out
}

/// Splits a message into its request, family header and attributes.
fn parse<'r>(req: &Request<'r>) -> KResult<Msg<'r>> {
    let head = NfGenMsg::parse(req.payload).map_err(|_| KernelError::new(Errno::EINVAL))?;
    Ok(Msg { req: *req, head, attrs: req.after(NfGenMsg::LEN) })
}

/// A GET or dump outside a batch (the NFNL_CB_RCU callbacks).
fn read(state: &NfTables, req: &Request<'_>, process: &(u32, String)) -> KResult<Vec<Vec<u8>>> {
    let kind = req.header.kind;
    if kind == u16::from(nft::SUBSYS_NFT_COMPAT) << 8 {
        return compat_get(&parse(req)?);
    }
    if kind >> 8 != u16::from(nft::SUBSYS_NFTABLES) {
        // nfnetlink_rcv_msg: no such subsystem (or type in it).
        return Err(Errno::EINVAL.into());
    }
    let m = parse(req)?;
    let dump = req.has(NLM_F_DUMP);
    match (kind & 0xff) as u8 {
        msg::GETGEN => Ok(vec![fill::generation(state, req.header.seq, req.port, process)]),
        msg::GETTABLE if dump => Ok(tables::dump(state, &m)),
        msg::GETTABLE => tables::get(state, &m),
        msg::GETCHAIN if dump => Ok(chains::dump(state, &m)),
        msg::GETCHAIN => chains::get(state, &m),
        msg::GETRULE | msg::GETRULE_RESET if dump => rules::dump(state, &m),
        msg::GETRULE | msg::GETRULE_RESET => rules::get(state, &m),
        msg::GETSET => sets::dump(state, &m, !dump),
        msg::GETSETELEM => sets::dump_elems(state, &m),
        msg::GETOBJ | msg::GETOBJ_RESET | msg::GETFLOWTABLE if dump => Ok(Vec::new()),
        msg::GETOBJ | msg::GETOBJ_RESET | msg::GETFLOWTABLE => Err(Errno::ENOENT.into()),
        msg::NEWTABLE..=msg::DELSETELEM | msg::NEWOBJ | msg::DELOBJ | msg::NEWFLOWTABLE | msg::DELFLOWTABLE => {
            // Batch-only operations sent on their own.
            Err(Errno::EOPNOTSUPP.into())
        }
        _ => Err(Errno::EINVAL.into()),
    }
}

/// `nfnl_compat_get_rcu`: whether an xtables match or target exists in a
/// revision (iptables-nft asks before using one).
fn compat_get(m: &Msg<'_>) -> KResult<Vec<Vec<u8>>> {
    use crate::wire::attr::NlaWriter;
    let a = crate::wire::attr::AttrTable::parse(m.attrs, 3)?;
    let name = a.get(1).ok_or(Errno::EINVAL)?.string()?;
    let be = |n: Option<crate::wire::attr::Nla<'_>>| -> KResult<u32> {
        let v = n.ok_or(Errno::EINVAL)?.value;
        Ok(u32::from_be_bytes(v.get(..4).and_then(|b| b.try_into().ok()).ok_or(Errno::EINVAL)?))
    };
    let (rev, target) = (be(a.get(2))?, be(a.get(3))?);
    let rev = crate::stack::netfilter::expr::xt_revision(&name, rev, target == 1)?;
    let mut b = m.req.answer(u16::from(nft::SUBSYS_NFT_COMPAT) << 8, crate::wire::NLM_F_MULTI);
    b.push(&NfGenMsg { family: m.head.family, version: 0, res_id: 0 }.to_bytes());
    b.put_str(1, &name);
    b.put(2, &rev.to_be_bytes());
    b.put(3, &target.to_be_bytes());
    Ok(vec![b.finish()])
}

/// One batch message (the NFNL_CB_BATCH callbacks of nf_tables).
fn apply(tx: &mut Tx<'_>, m: &Msg<'_>) -> KResult<()> {
    let kind = m.req.header.kind;
    if kind >> 8 != u16::from(nft::SUBSYS_NFTABLES) {
        return Err(Errno::EINVAL.into());
    }
    match (kind & 0xff) as u8 {
        msg::NEWTABLE => tables::new(tx, m),
        msg::DELTABLE | msg::DESTROYTABLE => tables::del(tx, m),
        msg::NEWCHAIN => chains::new(tx, m),
        msg::DELCHAIN | msg::DESTROYCHAIN => chains::del(tx, m),
        msg::NEWRULE => rules::new(tx, m),
        msg::DELRULE | msg::DESTROYRULE => rules::del(tx, m),
        msg::NEWSET => sets::new(tx, m),
        msg::DELSET | msg::DESTROYSET => sets::del(tx, m),
        msg::NEWSETELEM => sets::new_elems(tx, m),
        msg::DELSETELEM | msg::DESTROYSETELEM => sets::del_elems(tx, m),
        msg::NEWOBJ | msg::NEWFLOWTABLE => Err(Errno::EOPNOTSUPP.into()),
        msg::DELOBJ | msg::DELFLOWTABLE => Err(Errno::ENOENT.into()),
        _ => Err(Errno::EINVAL.into()),
    }
}

/// `nfnetlink_rcv_batch`: every message between BATCH_BEGIN and BATCH_END
/// is applied to a copy of the ruleset; the copy replaces the ruleset only
/// when every message succeeded and the batch ended. Errors (and the ACKs
/// asked for) are answered in order either way.
fn batch(
    k: &mut Kernel,
    ns: NsId,
    port: u32,
    msgs: &[crate::wire::header::Message<'_>],
    ext_ack: bool,
    cap_ack: bool,
    process: &(u32, String),
) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let Some(begin) = msgs.first() else { return out };
    let begin_req = Request::new(begin, port, false);
    let Some(state) = k.net.ns(ns).map(|n| n.netfilter.clone()) else { return out };
    // The subsystem is named in res_id (0 is the old spelling of nf_tables).
    let res_id = NfGenMsg::parse(begin.payload).map(|g| g.res_id).unwrap_or(u16::MAX);
    if res_id != u16::from(nft::SUBSYS_NFTABLES) && res_id != 0 {
        out.push(reply::ack(&begin_req, Some(&KernelError::new(Errno::EINVAL)), ext_ack, cap_ack));
        return out;
    }
    // NFNL_BATCH_GENID: a batch built against an older generation is refused.
    let genid = crate::wire::attr::AttrTable::parse(begin_req.after(NfGenMsg::LEN), 1)
        .ok()
        .and_then(|t| t.get(nft::BATCH_GENID))
        .and_then(|n| n.value.get(..4).and_then(|b| b.try_into().ok()).map(u32::from_be_bytes));
    if genid.is_some_and(|g| g != state.generation) {
        out.push(reply::ack(&begin_req, Some(&KernelError::new(Errno(85))), ext_ack, cap_ack));
        return out;
    }
    let mut work = state.clone();
    let mut tx = Tx { state: &mut work, changes: Vec::new(), next_gen: state.generation.wrapping_add(1), set_ids: Vec::new() };
    let (mut failed, mut ended) = (false, false);
    let mut answers = Vec::new();
    let mut first_seq = None;
    for m in &msgs[1..] {
        let req = Request::new(m, port, false);
        if m.header.kind == nft::MSG_BATCH_END {
            ended = true;
            break;
        }
        first_seq.get_or_insert(req.header.seq);
        let result = if m.header.kind == nft::MSG_BATCH_BEGIN || m.header.flags & NLM_F_REQUEST == 0 {
            Err(KernelError::new(Errno::EINVAL))
        } else {
            parse(&req).and_then(|msg| apply(&mut tx, &msg))
        };
        match result {
            Ok(()) if req.has(NLM_F_ACK) => answers.push(reply::ack(&req, None, ext_ack, cap_ack)),
            Ok(()) => {}
            Err(e) => {
                failed = true;
                answers.push(reply::ack(&req, Some(&e), ext_ack, cap_ack));
            }
        }
    }
    let changes = std::mem::take(&mut tx.changes);
    if ended && !failed && !changes.is_empty() {
        work.generation = state.generation.wrapping_add(1);
        if let Some(n) = k.net.ns_mut(ns) {
            n.netfilter = work.clone();
        }
        for (change, seq, pid, flags) in &changes {
            if let Some(msg) = fill::notification(&work, change, *seq, *pid, *flags) {
                if flags & NLM_F_ECHO != 0 {
                    out.push(msg.clone());
                }
                let exclude = (flags & NLM_F_ECHO != 0).then_some(port);
                k.multicast_to(Protocol::Netfilter, ns, nft::GROUP_NFTABLES, &msg, exclude);
            }
        }
        let first = msgs.get(1).map(|m| m.header.flags).unwrap_or(0);
        let genmsg = fill::generation(&work, first_seq.unwrap_or(0), port, process);
        if first & NLM_F_ECHO != 0 {
            out.push(genmsg.clone());
        }
        k.multicast_to(Protocol::Netfilter, ns, nft::GROUP_NFTABLES, &genmsg, (first & NLM_F_ECHO != 0).then_some(port));
    }
    out.extend(answers);
    out
}
