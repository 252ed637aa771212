//! `struct nlmsghdr`: the 16-byte header in front of every netlink message, and
//! the iterator that splits a datagram into messages.

use super::{WireError, align4, get_u16, get_u32};

mod field {
    pub const LEN: usize = 0;
    pub const TYPE: usize = 4;
    pub const FLAGS: usize = 6;
    pub const SEQ: usize = 8;
    pub const PID: usize = 12;
}

/// Size of `struct nlmsghdr`.
pub const HEADER_LEN: usize = 16;

/// A parsed `nlmsghdr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HeaderRepr {
    /// `nlmsg_len`: header plus payload, unaligned.
    pub len: u32,
    /// `nlmsg_type`.
    pub kind: u16,
    /// `nlmsg_flags`.
    pub flags: u16,
    /// `nlmsg_seq`.
    pub seq: u32,
    /// `nlmsg_pid`: the port id of the sender or, in replies, of the receiver.
    pub pid: u32,
}

impl HeaderRepr {
    /// Reads the header at the start of `buf` (no check of `len` against the buffer).
    pub fn parse(buf: &[u8]) -> Result<HeaderRepr, WireError> {
        if buf.len() < HEADER_LEN {
            return Err(WireError::Truncated);
        }
        Ok(HeaderRepr {
            len: get_u32(buf, field::LEN).ok_or(WireError::Truncated)?,
            kind: get_u16(buf, field::TYPE).ok_or(WireError::Truncated)?,
            flags: get_u16(buf, field::FLAGS).ok_or(WireError::Truncated)?,
            seq: get_u32(buf, field::SEQ).ok_or(WireError::Truncated)?,
            pid: get_u32(buf, field::PID).ok_or(WireError::Truncated)?,
        })
    }

    /// Writes the header into the first 16 bytes of `buf`.
    pub fn emit(&self, buf: &mut [u8]) {
        if buf.len() < HEADER_LEN {
            return;
        }
        super::put_bytes(buf, field::LEN, &self.len.to_ne_bytes());
        super::put_bytes(buf, field::TYPE, &self.kind.to_ne_bytes());
        super::put_bytes(buf, field::FLAGS, &self.flags.to_ne_bytes());
        super::put_bytes(buf, field::SEQ, &self.seq.to_ne_bytes());
        super::put_bytes(buf, field::PID, &self.pid.to_ne_bytes());
    }

    /// The header as 16 bytes.
    pub fn to_bytes(&self) -> [u8; HEADER_LEN] {
        let mut out = [0u8; HEADER_LEN];
        self.emit(&mut out);
        out
    }
}

/// One message found in a datagram: its header, the bytes after the header up
/// to `nlmsg_len`, and the whole message as sent.
#[derive(Debug, Clone, Copy)]
pub struct Message<'a> {
    /// The parsed header.
    pub header: HeaderRepr,
    /// The payload (`nlmsg_len - 16` bytes).
    pub payload: &'a [u8],
    /// Header and payload, exactly `nlmsg_len` bytes.
    pub bytes: &'a [u8],
}

/// Splits a datagram into messages the way `netlink_rcv_skb` does: it stops at
/// trailing bytes too short for a header, and reports a message whose length
/// is below 16 or beyond the datagram as an error (after which it stops).
pub struct MessageIter<'a> {
    buf: &'a [u8],
    done: bool,
}

impl<'a> MessageIter<'a> {
    /// Iterates over the messages of `datagram`.
    pub fn new(datagram: &'a [u8]) -> Self {
        MessageIter { buf: datagram, done: false }
    }
}

impl<'a> Iterator for MessageIter<'a> {
    type Item = Result<Message<'a>, WireError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done || self.buf.len() < HEADER_LEN {
            return None;
        }
        let header = match HeaderRepr::parse(self.buf) {
            Ok(h) => h,
            Err(e) => {
                self.done = true;
                return Some(Err(e));
            }
        };
        let len = header.len as usize;
        if len < HEADER_LEN || len > self.buf.len() {
            self.done = true;
            return Some(Err(WireError::BadLength));
        }
        let bytes = &self.buf[..len];
        let advance = align4(len).min(self.buf.len());
        self.buf = &self.buf[advance..];
        Some(Ok(Message { header, payload: &bytes[HEADER_LEN..], bytes }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_round_trips() {
        let h = HeaderRepr { len: 36, kind: 2, flags: 0x100, seq: 7, pid: 99 };
        assert_eq!(HeaderRepr::parse(&h.to_bytes()), Ok(h));
    }

    #[test]
    fn iterator_splits_and_ignores_padding() {
        let a = HeaderRepr { len: 17, kind: 18, flags: 1, seq: 1, pid: 0 };
        let mut dg = a.to_bytes().to_vec();
        dg.extend_from_slice(&[0, 0, 0, 0]);
        let b = HeaderRepr { len: 16, kind: 18, flags: 1, seq: 2, pid: 0 };
        dg.extend_from_slice(&b.to_bytes());
        dg.extend_from_slice(&[0; 8]);
        let seqs: Vec<u32> = MessageIter::new(&dg).map(|m| m.unwrap().header.seq).collect();
        assert_eq!(seqs, vec![1, 2]);
    }

    #[test]
    fn iterator_reports_bad_length() {
        let a = HeaderRepr { len: 400, kind: 18, flags: 1, seq: 1, pid: 0 };
        let dg = a.to_bytes();
        let items: Vec<_> = MessageIter::new(&dg).collect();
        assert_eq!(items.len(), 1);
        assert!(items[0].is_err());
    }
}
