//! Building replies the way net/netlink/af_netlink.c does: acknowledgements
//! and errors (`netlink_ack`), the end of a dump (`netlink_dump_done`), and
//! the per-request context handlers read from.

use crate::errno::KernelError;
use crate::wire::header::{HEADER_LEN, HeaderRepr, Message};
use crate::wire::{
    MessageBuilder, NLM_F_ACK_TLVS, NLM_F_CAPPED, NLM_F_DUMP_FILTERED, NLM_F_MULTI, NLMSG_DONE, NLMSG_ERROR, NLMSGERR_ATTR_MSG,
    NLMSGERR_ATTR_OFFS, NlaWriter, align4,
};

/// What a handler knows about the request it answers.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The request's header.
    pub header: HeaderRepr,
    /// The bytes after the header.
    pub payload: &'a [u8],
    /// The whole request message.
    pub bytes: &'a [u8],
    /// The requesting socket's port id.
    pub port: u32,
    /// NETLINK_GET_STRICT_CHK is on for the socket.
    pub strict: bool,
    /// The requester's user id.
    pub uid: u32,
}

impl<'a> Request<'a> {
    /// The payload past its fixed header of `len` bytes (the attributes);
    /// empty when the payload is shorter.
    pub fn after(&self, len: usize) -> &'a [u8] {
        self.payload.get(len..).unwrap_or_default()
    }

    /// Wraps a parsed message.
    pub fn new(msg: &Message<'a>, port: u32, strict: bool) -> Self {
        Request { header: msg.header, payload: msg.payload, bytes: msg.bytes, port, strict, uid: 0 }
    }

    /// Whether a flag is set in `nlmsg_flags`.
    pub fn has(&self, flag: u16) -> bool {
        self.header.flags & flag != 0
    }

    /// The offset within the whole message of an attribute found at
    /// `attr_offset` in the attribute area that starts after a fixed header of
    /// `fixed_len` bytes (for NLMSGERR_ATTR_OFFS).
    pub fn attr_offset(&self, fixed_len: usize, attr_offset: usize) -> u32 {
        (HEADER_LEN + align4(fixed_len) + attr_offset) as u32
    }

    /// Starts a reply message to this request (same seq, the socket's port).
    pub fn answer(&self, kind: u16, flags: u16) -> MessageBuilder {
        MessageBuilder::new(kind, flags, self.header.seq, self.port)
    }
}

/// The NLMSG_ERROR message answering `req` with `err` (0 for an ACK), as
/// `netlink_ack` builds it for a socket with the given options.
pub fn ack(req: &Request<'_>, err: Option<&KernelError>, ext_ack: bool, cap_ack: bool) -> Vec<u8> {
    let errno = err.map_or(0, |e| -e.errno().0);
    let mut flags = 0;
    let echo_payload = errno != 0 && !cap_ack;
    if !echo_payload {
        flags |= NLM_F_CAPPED;
    }
    let msg = err.and_then(|e| e.extack).filter(|_| ext_ack);
    let offset = err.and_then(|e| e.offset()).filter(|_| ext_ack && errno != 0);
    let policy = err.and_then(|e| e.policy()).filter(|_| ext_ack && errno != 0);
    if msg.is_some() || offset.is_some() {
        flags |= NLM_F_ACK_TLVS;
    }
    let mut b = req.answer(NLMSG_ERROR, flags);
    b.push(&errno.to_ne_bytes());
    b.push_unpadded(&req.header.to_bytes());
    if echo_payload {
        b.push(req.payload);
    }
    if let Some(m) = msg {
        b.put_str(NLMSGERR_ATTR_MSG, m);
    }
    if let Some(o) = offset {
        b.put_u32(NLMSGERR_ATTR_OFFS, o);
    }
    if let Some((kind, max_len)) = policy {
        let n = b.begin_nest(crate::wire::NLMSGERR_ATTR_POLICY);
        b.put_u32(crate::wire::errmsg::nl_policy_type_attr::MAX_LENGTH, max_len);
        b.put_u32(crate::wire::errmsg::nl_policy_type_attr::TYPE, kind);
        b.end_nest(n);
    }
    b.finish()
}

/// The NLMSG_DONE that ends a dump whose callback failed
/// (`netlink_dump_done` with `dump_done_errno`): the error and its message;
/// `filtered` when the request's filter had set `cb->answer_flags`.
pub fn done_error(req: &Request<'_>, err: &KernelError, ext_ack: bool, filtered: bool) -> Vec<u8> {
    let msg = err.extack.filter(|_| ext_ack);
    let flags = NLM_F_MULTI | if msg.is_some() { NLM_F_ACK_TLVS } else { 0 } | if filtered { NLM_F_DUMP_FILTERED } else { 0 };
    let mut b = req.answer(NLMSG_DONE, flags);
    b.push(&(-err.errno().0).to_ne_bytes());
    if let Some(m) = msg {
        b.put_str(NLMSGERR_ATTR_MSG, m);
    }
    b.finish()
}

/// The NLMSG_DONE message closing a dump (`netlink_dump_done`).
pub fn done(req: &Request<'_>, filtered: bool) -> Vec<u8> {
    let flags = NLM_F_MULTI | if filtered { NLM_F_DUMP_FILTERED } else { 0 };
    let mut b = req.answer(NLMSG_DONE, flags);
    b.push(&0i32.to_ne_bytes());
    b.finish()
}

/// The replies a request produced, in order.
#[derive(Debug, Default)]
pub struct Replies {
    /// Messages for the requesting socket.
    pub messages: Vec<Vec<u8>>,
}

impl Replies {
    /// Adds a message.
    pub fn push(&mut self, m: Vec<u8>) {
        self.messages.push(m);
    }
}
