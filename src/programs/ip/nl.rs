//! Building requests and reading replies the way iproute2's libnetlink
//! does, as a thin layer over [`crate::wire`]: `addattr*` (nests without
//! NLA_F_NESTED unless asked, `nlmsg_len` kept current), and `parse_rtattr`
//! tables indexed by attribute type (the schema's lenient table).

use core::ops::{Deref, DerefMut};

use crate::wire::NlaWriter;
use crate::wire::attr::{AttrTable, Nla};
use crate::wire::header::{HEADER_LEN, HeaderRepr};

/// A request under construction: header, family header, attributes.
/// `nlmsg_len` is kept up to date after every addition.
#[derive(Debug, Clone)]
pub struct Req {
    buf: Vec<u8>,
}

impl Req {
    /// A request of `kind` with `flags`; sequence and port id are filled in
    /// when it is sent.
    pub fn new(kind: u16, flags: u16) -> Req {
        let h = HeaderRepr { len: HEADER_LEN as u32, kind, flags, seq: 0, pid: 0 };
        let mut r = Req { buf: h.to_bytes().to_vec() };
        r.sync_len();
        r
    }

    fn sync_len(&mut self) {
        let len = self.buf.len() as u32;
        crate::wire::put_bytes(&mut self.buf, 0, &len.to_ne_bytes());
    }

    /// Appends a fixed family header (`ifinfomsg`, `ifaddrmsg`, ...).
    pub fn push_header(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
        self.pad();
    }

    fn pad(&mut self) {
        let l = crate::wire::align4(self.buf.len());
        self.buf.resize(l, 0);
        self.sync_len();
    }

    /// The bytes after the netlink header (the family header is first).
    pub fn body_mut(&mut self) -> &mut [u8] {
        &mut self.buf[HEADER_LEN..]
    }

    /// The bytes after the netlink header.
    pub fn body(&self) -> &[u8] {
        &self.buf[HEADER_LEN..]
    }

    /// `nlmsg_flags`.
    pub fn flags(&self) -> u16 {
        crate::wire::get_u16(&self.buf, 6).unwrap_or(0)
    }

    /// Sets `nlmsg_flags`.
    pub fn set_flags(&mut self, flags: u16) {
        crate::wire::put_bytes(&mut self.buf, 6, &flags.to_ne_bytes());
    }

    /// `nlmsg_type`.
    pub fn kind(&self) -> u16 {
        crate::wire::get_u16(&self.buf, 4).unwrap_or(0)
    }

    /// Sets `nlmsg_seq`.
    pub fn set_seq(&mut self, seq: u32) {
        crate::wire::put_bytes(&mut self.buf, 8, &seq.to_ne_bytes());
    }

    /// The message as it stands.
    pub fn bytes(&self) -> &[u8] {
        &self.buf
    }

    /// The current length (the offset where the next attribute starts).
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    /// Whether only the header has been written.
    pub fn is_empty(&self) -> bool {
        self.buf.len() <= HEADER_LEN
    }

    /// Appends zero bytes without an attribute header (used when a nested
    /// payload starts with a fixed structure, as veth's peer does).
    pub fn push_raw(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
        self.sync_len();
    }

    /// Overwrites bytes at an absolute offset.
    pub fn write_at(&mut self, at: usize, bytes: &[u8]) {
        if let Some(slot) = self.buf.get_mut(at..at + bytes.len()) {
            slot.copy_from_slice(bytes);
        }
    }

    /// Reads bytes at an absolute offset.
    pub fn read_at(&self, at: usize, n: usize) -> &[u8] {
        self.buf.get(at..at + n).unwrap_or(&[])
    }

    /// `addattr_l`: an attribute with a raw payload.
    pub fn addattr_l(&mut self, kind: u16, data: &[u8]) {
        self.pad();
        self.buf.put(kind, data);
        self.sync_len();
    }

    /// `addattr8`.
    pub fn addattr8(&mut self, kind: u16, v: u8) {
        self.addattr_l(kind, &[v]);
    }

    /// `addattr16`.
    pub fn addattr16(&mut self, kind: u16, v: u16) {
        self.addattr_l(kind, &v.to_ne_bytes());
    }

    /// `addattr32`.
    pub fn addattr32(&mut self, kind: u16, v: u32) {
        self.addattr_l(kind, &v.to_ne_bytes());
    }

    /// A NUL-terminated string attribute (`addattr_l(..., strlen + 1)`).
    pub fn addattr_strz(&mut self, kind: u16, s: &str) {
        self.pad();
        self.buf.put_str(kind, s);
        self.sync_len();
    }

    /// `addattr_nest`: opens a nest of `kind` as given (no flag added).
    pub fn nest(&mut self, kind: u16) -> usize {
        self.pad();
        let at = self.buf.len();
        self.addattr_l(kind, &[]);
        at
    }

    /// `addattr_nest_end`: sets the nest's length to cover what followed.
    pub fn nest_end(&mut self, at: usize) {
        self.buf.end_nest(at);
    }

    /// The finished message.
    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }
}

/// Attributes indexed by type (`parse_rtattr`): the schema's lenient
/// [`AttrTable`] (the last of a type wins, parsing stops at the first
/// malformed attribute, flag bits are masked) with iproute2's string getter.
#[derive(Debug, Clone, Default)]
pub struct Attrs<'a>(AttrTable<'a>);

impl<'a> Attrs<'a> {
    /// Parses `buf` keeping types up to `max` (a space's `MAX`).
    pub fn parse(buf: &'a [u8], max: u16) -> Attrs<'a> {
        Attrs(AttrTable::parse_lenient(buf, max))
    }

    /// Parses the payload of a nested attribute, if present.
    pub fn nested(nla: Option<Nla<'a>>, max: u16) -> Option<Attrs<'a>> {
        nla.map(|n| Attrs::parse(n.value, max))
    }

    /// A string attribute up to its NUL (`rta_getattr_str`).
    pub fn str(&self, kind: u16) -> Option<String> {
        self.get(kind).map(|n| nla_str(n.value))
    }
}

impl<'a> Deref for Attrs<'a> {
    type Target = AttrTable<'a>;
    fn deref(&self) -> &AttrTable<'a> {
        &self.0
    }
}

impl DerefMut for Attrs<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

/// The bytes of a string attribute up to the first NUL, as text.
pub fn nla_str(v: &[u8]) -> String {
    let end = v.iter().position(|&b| b == 0).unwrap_or(v.len());
    crate::text::lossy(v.get(..end).unwrap_or(v))
}

/// One received message: its header and the bytes after the header.
#[derive(Debug, Clone, Copy)]
pub struct Msg<'a> {
    /// The header.
    pub hdr: HeaderRepr,
    /// The payload (`nlmsg_len - 16` bytes).
    pub payload: &'a [u8],
}

impl<'a> Msg<'a> {
    /// Reads a message framed by the socket layer (one per buffer).
    pub fn parse(bytes: &'a [u8]) -> Option<Msg<'a>> {
        let hdr = HeaderRepr::parse(bytes).ok()?;
        let len = (hdr.len as usize).min(bytes.len());
        if len < HEADER_LEN {
            return None;
        }
        Some(Msg { hdr, payload: &bytes[HEADER_LEN..len] })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nests_have_no_flag_and_length_tracks() {
        let mut r = Req::new(16, 0x405);
        r.push_header(&[0u8; 16]);
        let n = r.nest(18);
        r.addattr_l(1, b"veth");
        r.nest_end(n);
        let b = r.bytes();
        assert_eq!(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as usize, b.len());
        assert_eq!(b.len(), 16 + 16 + 4 + 8);
        assert_eq!(u16::from_ne_bytes([b[34], b[35]]), 18);
        assert_eq!(u16::from_ne_bytes([b[32], b[33]]), 12);
    }

    #[test]
    fn table_keeps_last_and_stops_on_garbage() {
        let mut buf = Vec::new();
        use crate::wire::NlaWriter;
        buf.put_u32(4, 1500);
        buf.put_u32(4, 9000);
        buf.extend_from_slice(&[9, 0, 1, 0]);
        let tb = Attrs::parse(&buf, 10);
        assert_eq!(tb.u32(4), Some(9000));
        assert!(!tb.has(1));
    }
}
