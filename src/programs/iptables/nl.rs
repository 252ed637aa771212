//! The nfnetlink conversation of a packet-filter program (libmnl and
//! libnftnl's part): the generation, dumps of tables, chains and rules, and
//! batches between NFNL_MSG_BATCH_BEGIN and END, as iptables-nft sends them.

use crate::errno::Errno;
use crate::host::NetlinkSocket;
use crate::wire::attr::{AttrTable, NlaWriter};
use crate::wire::nf_expr::{self as expr, Expr};
use crate::wire::nftables::{self as nft, NfGenMsg, chain as c, msg, nft_type, rule as r, table as t};
use crate::wire::{MessageBuilder, NLM_F_DUMP, NLM_F_REQUEST, NLMSG_DONE, NLMSG_ERROR};

/// A base chain's hook number, priority, type and policy.
pub type BaseInfo = (u32, i32, String, u32);

/// A chain as a dump shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainInfo {
    /// Its name.
    pub name: String,
    /// Hook number, priority, type and policy of a base chain.
    pub base: Option<BaseInfo>,
    /// Packets and bytes of the chain's counters.
    pub counters: (u64, u64),
    /// Its handle.
    pub handle: u64,
}

/// A rule as a dump shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInfo {
    /// The chain it is in.
    pub chain: String,
    /// Its handle.
    pub handle: u64,
    /// Its expressions.
    pub exprs: Vec<Expr>,
}

/// One message of a batch: type (low byte), flags and attributes.
#[derive(Debug, Clone)]
pub struct BatchMsg {
    /// NFT_MSG_*.
    pub kind: u8,
    /// NLM_F_* besides NLM_F_REQUEST.
    pub flags: u16,
    /// The attributes.
    pub attrs: Vec<u8>,
}

/// Where [`Client::batch_detail`] puts a batch.
#[derive(Debug, Default)]
pub enum BatchMode {
    /// To the kernel, at once.
    #[default]
    Send,
    /// Kept, with each message's family, to go as one batch later (nft's
    /// several commands on one line); dumps of tables, chains and sets
    /// then include the kept ones, as nft's cache does.
    Collect(Vec<(u8, BatchMsg)>),
    /// Answered with this error (errno, message index, attribute offset):
    /// the kept batch's error given back to the command that made it.
    Replay(Errno, usize, Option<u32>),
}

/// A NETLINK_NETFILTER socket and the family the program works in.
pub struct Client {
    sock: Box<dyn NetlinkSocket>,
    /// NFPROTO_* of the program (NFPROTO_IPV4 for iptables).
    pub family: u8,
    /// Where batches go.
    pub mode: BatchMode,
}

/// A big-endian attribute value (0 when short): nftables' numbers.
pub fn be32(v: &[u8]) -> u32 {
    v.get(..4).and_then(|b| b.try_into().ok()).map_or(0, u32::from_be_bytes)
}

/// A big-endian 64-bit attribute value (0 when short): handles, counters.
pub fn be64(v: &[u8]) -> u64 {
    v.get(..8).and_then(|b| b.try_into().ok()).map_or(0, u64::from_be_bytes)
}

impl Client {
    /// Wraps an open socket.
    pub fn new(sock: Box<dyn NetlinkSocket>, family: u8) -> Self {
        Client { sock, family, mode: BatchMode::Send }
    }

    /// Turns on NETLINK_EXT_ACK (nft does), so errors point at attributes.
    pub fn ext_ack(&mut self) {
        let _ = self.sock.set_option(crate::host::SockOpt::ExtAck(true));
    }

    /// One request (a GET or a dump of `family`): the messages answering
    /// it, or the error.
    pub fn request(&mut self, kind: u8, flags: u16, family: u8, attrs: &[u8]) -> Result<Vec<Vec<u8>>, Errno> {
        let mut b = MessageBuilder::new(nft_type(kind), NLM_F_REQUEST | flags, 0, 0);
        b.push(&NfGenMsg { family, version: 0, res_id: 0 }.to_bytes());
        b.push_unpadded(attrs);
        let mut out = Vec::new();
        for m in self.sock.send(&b.finish()) {
            let kind = crate::wire::get_u16(&m, 4).unwrap_or(0);
            if kind == NLMSG_DONE {
                break;
            }
            if kind == NLMSG_ERROR {
                let e = crate::wire::get_i32(&m, 16).unwrap_or(0);
                if e != 0 {
                    return Err(Errno(-e));
                }
                continue;
            }
            out.push(m);
        }
        // Kept tables, chains and sets show in dumps as if they were made.
        if let (BatchMode::Collect(kept), true) = (&self.mode, flags & NLM_F_DUMP != 0) {
            let made = match kind {
                msg::GETTABLE => Some(msg::NEWTABLE),
                msg::GETCHAIN => Some(msg::NEWCHAIN),
                msg::GETSET => Some(msg::NEWSET),
                _ => None,
            };
            for (f, m) in kept.iter().filter(|(f, m)| Some(m.kind) == made && (family == 0 || family == *f)) {
                let mut b = MessageBuilder::new(nft_type(m.kind), 0, 0, 0);
                b.push(&NfGenMsg { family: *f, version: 0, res_id: 0 }.to_bytes());
                b.push_unpadded(&m.attrs);
                let made = b.finish();
                // An object the kernel (or the line) already has is listed once.
                if !out.iter().any(|o| identity(o) == identity(&made)) {
                    out.push(made);
                }
            }
        }
        Ok(out)
    }

    /// The current generation (NFT_MSG_GETGEN).
    pub fn generation(&mut self) -> u32 {
        let msgs = self.request(msg::GETGEN, 0, 0, &[]).unwrap_or_default();
        msgs.first().and_then(|m| attrs(m, 3)).and_then(|a| a.get(nft::generation::ID)).map_or(0, |n| be32(n.value))
    }

    /// Whether a table exists.
    pub fn table_exists(&mut self, table: &str) -> bool {
        let msgs = self.request(msg::GETTABLE, NLM_F_DUMP, self.family, &[]).unwrap_or_default();
        msgs.iter().any(|m| attrs(m, t::MAX).and_then(|a| a.get(t::NAME)).and_then(|n| n.string().ok()).as_deref() == Some(table))
    }

    /// The chains of a table, in the kernel's order.
    pub fn chains(&mut self, table: &str) -> Vec<ChainInfo> {
        let msgs = self.request(msg::GETCHAIN, NLM_F_DUMP, self.family, &[]).unwrap_or_default();
        let mut out = Vec::new();
        for m in msgs {
            let Some(a) = attrs(&m, c::MAX) else { continue };
            if a.get(c::TABLE).and_then(|n| n.string().ok()).as_deref() != Some(table) {
                continue;
            }
            let name = a.get(c::NAME).and_then(|n| n.string().ok()).unwrap_or_default();
            let base = a.get(c::HOOK).map(|h| {
                let ht = AttrTable::parse(h.value, 4).ok();
                let get = |k| ht.as_ref().and_then(|t| t.get(k)).map_or(0, |n| be32(n.value));
                let kind = a.get(c::TYPE).and_then(|n| n.string().ok()).unwrap_or_default();
                (
                    get(crate::wire::nftables::hook::HOOKNUM),
                    get(crate::wire::nftables::hook::PRIORITY) as i32,
                    kind,
                    a.get(c::POLICY).map_or(1, |n| be32(n.value)),
                )
            });
            let counters = a.get(c::COUNTERS).map_or((0, 0), |n| {
                let ct = AttrTable::parse(n.value, 2).ok();
                let get = |k| ct.as_ref().and_then(|t| t.get(k)).map_or(0, |n| be64(n.value));
                (get(2), get(1))
            });
            let handle = a.get(c::HANDLE).map_or(0, |n| be64(n.value));
            out.push(ChainInfo { name, base, counters, handle });
        }
        out
    }

    /// The rules of a table, chain by chain in the kernel's order.
    pub fn rules(&mut self, table: &str) -> Vec<RuleInfo> {
        let mut q = Vec::new();
        q.put_str(r::TABLE, table);
        let msgs = self.request(msg::GETRULE, NLM_F_DUMP, self.family, &q).unwrap_or_default();
        msgs.iter()
            .filter_map(|m| {
                let a = attrs(m, r::MAX)?;
                let exprs = expr::parse_list(a.get(r::EXPRESSIONS)?.value).ok()?;
                Some(RuleInfo { chain: a.get(r::CHAIN)?.string().ok()?, handle: a.get(r::HANDLE).map_or(0, |n| be64(n.value)), exprs })
            })
            .collect()
    }

    /// Sends a batch (with the generation it was built against, as
    /// iptables-nft does); the first error, if any.
    pub fn batch(&mut self, msgs: &[BatchMsg], genid: u32) -> Result<(), Errno> {
        self.batch_detail(msgs, genid).map_err(|e| e.0)
    }

    /// [`Client::batch`], telling which message failed (its index) and the
    /// attribute offset the kernel pointed at (NLMSGERR_ATTR_OFFS).
    pub fn batch_detail(&mut self, msgs: &[BatchMsg], genid: u32) -> Result<(), (Errno, usize, Option<u32>)> {
        match &mut self.mode {
            BatchMode::Send => {}
            BatchMode::Collect(kept) => {
                kept.extend(msgs.iter().map(|m| (self.family, m.clone())));
                return Ok(());
            }
            BatchMode::Replay(e, index, offset) => return Err((*e, *index, *offset)),
        }
        let family = self.family;
        let msgs: Vec<(u8, &BatchMsg)> = msgs.iter().map(|m| (family, m)).collect();
        self.send_batch(&msgs, genid)
    }

    /// Sends one batch whose messages each name their family; the error
    /// as [`Client::batch_detail`] gives it.
    pub fn send_batch(&mut self, msgs: &[(u8, &BatchMsg)], genid: u32) -> Result<(), (Errno, usize, Option<u32>)> {
        let mut d = Vec::new();
        let mut seq = 1;
        let mut begin = MessageBuilder::new(nft::MSG_BATCH_BEGIN, NLM_F_REQUEST, seq, 0);
        begin.push(&NfGenMsg { family: 0, version: 0, res_id: u16::from(nft::SUBSYS_NFTABLES) }.to_bytes());
        begin.put(nft::BATCH_GENID, &genid.to_be_bytes());
        d.extend(begin.finish());
        for (family, m) in msgs {
            seq += 1;
            let mut b = MessageBuilder::new(nft_type(m.kind), NLM_F_REQUEST | m.flags, seq, 0);
            b.push(&NfGenMsg { family: *family, version: 0, res_id: 0 }.to_bytes());
            b.push_unpadded(&m.attrs);
            d.extend(b.finish());
        }
        seq += 1;
        let mut end = MessageBuilder::new(nft::MSG_BATCH_END, NLM_F_REQUEST, seq, 0);
        end.push(&NfGenMsg { family: 0, version: 0, res_id: u16::from(nft::SUBSYS_NFTABLES) }.to_bytes());
        d.extend(end.finish());
        for m in self.sock.send(&d) {
            if crate::wire::get_u16(&m, 4) == Some(NLMSG_ERROR) {
                let e = crate::wire::get_i32(&m, 16).unwrap_or(0);
                if e != 0 {
                    let seq = crate::wire::get_u32(&m, 8).unwrap_or(0);
                    let index = (seq as usize).saturating_sub(2);
                    // The TLVs follow the echoed request (or its header when capped).
                    let flags = crate::wire::get_u16(&m, 6).unwrap_or(0);
                    let inner = crate::wire::get_u32(&m, 20).unwrap_or(0) as usize;
                    let tlvs = if flags & crate::wire::NLM_F_CAPPED != 0 { 36 } else { 20 + crate::wire::align4(inner) };
                    let offset = m
                        .get(tlvs..)
                        .and_then(|t| AttrTable::parse(t, 4).ok())
                        .and_then(|a| a.get(crate::wire::NLMSGERR_ATTR_OFFS))
                        .and_then(|n| n.u32().ok());
                    return Err((Errno(-e), index, offset));
                }
            }
        }
        Ok(())
    }
}

/// What names a table, chain or set message: its family, and its first
/// attribute (the table) with its name (NFTA_CHAIN_NAME 3, NFTA_SET_NAME 2).
fn identity(m: &[u8]) -> (u8, Option<String>, Option<String>) {
    let body = m.get(16 + NfGenMsg::LEN..).unwrap_or_default();
    let text = |k: u16| {
        let mut it = crate::wire::attr::NlaIter::new(body).map_while(Result::ok);
        it.find(|n| n.kind == k).map(|n| String::from_utf8_lossy(n.value).trim_end_matches('\0').to_string())
    };
    let name = match crate::wire::get_u16(m, 4).map(|t| (t & 0xff) as u8) {
        Some(msg::NEWCHAIN) => text(c::NAME),
        Some(msg::NEWSET) => text(nft::set::NAME),
        _ => None,
    };
    (m.get(16).copied().unwrap_or(0), text(1), name)
}

/// The attributes of an nfnetlink message (None when malformed).
pub fn attrs(m: &[u8], max: u16) -> Option<AttrTable<'_>> {
    AttrTable::parse(m.get(16 + NfGenMsg::LEN..)?, max).ok()
}

/// Attributes naming a table.
pub fn table_attrs(table: &str) -> Vec<u8> {
    let mut a = Vec::new();
    a.put_str(t::NAME, table);
    a
}

/// Attributes of a base chain with its policy.
pub fn base_chain_attrs(table: &str, chain: &str, hooknum: u32, priority: i32, kind: &str, policy: Option<u32>, counters: bool) -> Vec<u8> {
    let mut a = Vec::new();
    a.put_str(c::TABLE, table);
    a.put_str(c::NAME, chain);
    let mut hook = Vec::new();
    hook.put(crate::wire::nftables::hook::HOOKNUM, &hooknum.to_be_bytes());
    hook.put(crate::wire::nftables::hook::PRIORITY, &priority.to_be_bytes());
    let n = a.begin_nest(c::HOOK);
    a.extend_from_slice(&hook);
    a.end_nest(n);
    if let Some(p) = policy {
        a.put(c::POLICY, &p.to_be_bytes());
    }
    a.put_str(c::TYPE, kind);
    if counters {
        // NFTA_CHAIN_COUNTERS from zero: the chain counts what its policy takes.
        let n = a.begin_nest(c::COUNTERS);
        a.put(2, &0u64.to_be_bytes());
        a.put(1, &0u64.to_be_bytes());
        a.end_nest(n);
    }
    a
}

/// Attributes naming a chain.
pub fn chain_attrs(table: &str, chain: &str) -> Vec<u8> {
    let mut a = Vec::new();
    a.put_str(c::TABLE, table);
    a.put_str(c::NAME, chain);
    a
}

/// Attributes naming a rule (by handle) or every rule of a chain.
pub fn rule_ref_attrs(table: &str, chain: &str, handle: Option<u64>) -> Vec<u8> {
    let mut a = Vec::new();
    a.put_str(r::TABLE, table);
    a.put_str(r::CHAIN, chain);
    if let Some(h) = handle {
        a.put(r::HANDLE, &h.to_be_bytes());
    }
    a
}

/// Attributes of a rule: where, its expressions, and a handle to replace
/// or a position to insert at.
pub fn rule_attrs(table: &str, chain: &str, exprs: &[Expr], handle: Option<u64>, position: Option<u64>) -> Vec<u8> {
    let mut a = Vec::new();
    a.put_str(r::TABLE, table);
    a.put_str(r::CHAIN, chain);
    if let Some(h) = handle {
        a.put(r::HANDLE, &h.to_be_bytes());
    }
    if let Some(p) = position {
        a.put(r::POSITION, &p.to_be_bytes());
    }
    let n = a.begin_nest(r::EXPRESSIONS);
    for e in exprs {
        let m = a.begin_nest(crate::wire::nftables::list::ELEM);
        let mut inner = Vec::new();
        e.dump(&mut inner);
        a.extend_from_slice(&inner);
        a.end_nest(m);
    }
    a.end_nest(n);
    a
}

/// NFTA_RULE_COMPAT, which iptables-nft adds to every rule: the rule's
/// protocol (0 for any) and flags, for xt matches' and targets' checks.
pub fn push_compat(a: &mut Vec<u8>, proto: u8) {
    let n = a.begin_nest(r::COMPAT);
    a.put(1, &u32::from(proto).to_be_bytes());
    a.put(2, &0u32.to_be_bytes());
    a.end_nest(n);
}

/// Attributes renaming the chain with `handle` (nf_tables_updchain).
pub fn rename_attrs(table: &str, handle: u64, name: &str) -> Vec<u8> {
    let mut a = Vec::new();
    a.put_str(c::TABLE, table);
    a.put(c::HANDLE, &handle.to_be_bytes());
    a.put_str(c::NAME, name);
    a
}
