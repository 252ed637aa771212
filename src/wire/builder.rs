//! Building a whole netlink message: header, fixed family header, attributes.

use super::attr::NlaWriter;
use super::header::{HEADER_LEN, HeaderRepr};

/// A message under construction; `finish` fills in `nlmsg_len`.
#[derive(Debug, Clone)]
pub struct MessageBuilder {
    buf: Vec<u8>,
}

impl MessageBuilder {
    /// Starts a message with the given type, flags, sequence number and port id.
    pub fn new(kind: u16, flags: u16, seq: u32, pid: u32) -> Self {
        let mut buf = Vec::with_capacity(256);
        buf.extend_from_slice(&HeaderRepr { len: 0, kind, flags, seq, pid }.to_bytes());
        MessageBuilder { buf }
    }

    /// Appends raw bytes (a fixed family header such as `ifinfomsg`), padded to 4.
    pub fn push(&mut self, bytes: &[u8]) -> &mut Self {
        self.buf.extend_from_slice(bytes);
        self.buf.resize(super::align4(self.buf.len()), 0);
        self
    }

    /// Appends raw bytes without padding.
    pub fn push_unpadded(&mut self, bytes: &[u8]) -> &mut Self {
        self.buf.extend_from_slice(bytes);
        self
    }

    /// The bytes written so far.
    pub fn bytes(&self) -> &[u8] {
        &self.buf
    }

    /// Clears NLA_F_NESTED on the attribute that starts at `token` (for nests
    /// Linux opens without the flag).
    pub fn clear_nested_flag(&mut self, token: usize) {
        if let Some(slot) = self.buf.get_mut(token + 2..token + 4) {
            let kind = u16::from_ne_bytes([slot[0], slot[1]]) & !super::attr::NLA_F_NESTED;
            slot.copy_from_slice(&kind.to_ne_bytes());
        }
    }

    /// Sets `nlmsg_len` and returns the message.
    pub fn finish(mut self) -> Vec<u8> {
        let len = self.buf.len() as u32;
        if let Some(slot) = self.buf.get_mut(0..4) {
            slot.copy_from_slice(&len.to_ne_bytes());
        }
        debug_assert!(self.buf.len() >= HEADER_LEN);
        self.buf
    }
}

impl NlaWriter for MessageBuilder {
    fn put(&mut self, kind: u16, value: &[u8]) {
        self.buf.put(kind, value);
    }
    fn begin_nest(&mut self, kind: u16) -> usize {
        self.buf.begin_nest(kind)
    }
    fn end_nest(&mut self, token: usize) {
        self.buf.end_nest(token);
    }
}
