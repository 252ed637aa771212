//! `struct nlattr`: type-length-value attributes, read with a never-panicking
//! iterator and written with [`NlaWriter`].

use super::{WireError, align4, get_u16};

/// Size of `struct nlattr`.
pub const NLA_HEADER_LEN: usize = 4;
/// Flag bit of `nla_type`: the payload holds nested attributes.
pub const NLA_F_NESTED: u16 = 0x8000;
/// Flag bit of `nla_type`: the payload is in network byte order.
pub const NLA_F_NET_BYTEORDER: u16 = 0x4000;
/// Mask of the type number proper.
pub const NLA_TYPE_MASK: u16 = !(NLA_F_NESTED | NLA_F_NET_BYTEORDER);

/// One attribute: its type (without flag bits), flags, payload, and its offset
/// inside the buffer it was read from (for extended-ack `NLMSGERR_ATTR_OFFS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nla<'a> {
    /// `nla_type & NLA_TYPE_MASK`.
    pub kind: u16,
    /// Whether `NLA_F_NESTED` was set.
    pub nested: bool,
    /// The payload, `nla_len - 4` bytes.
    pub value: &'a [u8],
    /// Offset of the attribute header within the buffer iterated over.
    pub offset: usize,
}

impl<'a> Nla<'a> {
    /// The payload as a u8, if exactly long enough (Linux accepts longer).
    pub fn u8(&self) -> Result<u8, WireError> {
        self.value.first().copied().ok_or(WireError::Truncated)
    }
    /// The payload as a native-endian u16.
    pub fn u16(&self) -> Result<u16, WireError> {
        get_u16(self.value, 0).ok_or(WireError::Truncated)
    }
    /// The payload as a native-endian u32.
    pub fn u32(&self) -> Result<u32, WireError> {
        super::get_u32(self.value, 0).ok_or(WireError::Truncated)
    }
    /// The payload as a native-endian i32.
    pub fn i32(&self) -> Result<i32, WireError> {
        self.u32().map(|v| v as i32)
    }
    /// The payload as a native-endian u64.
    pub fn u64(&self) -> Result<u64, WireError> {
        let b = self.value.get(..8).ok_or(WireError::Truncated)?;
        Ok(u64::from_ne_bytes(b.try_into().map_err(|_| WireError::Truncated)?))
    }
    /// The payload as a string, up to the first NUL (`nla_strscpy`).
    pub fn string(&self) -> Result<String, WireError> {
        let end = self.value.iter().position(|&b| b == 0).unwrap_or(self.value.len());
        String::from_utf8(self.value[..end].to_vec()).map_err(|_| WireError::BadValue)
    }
    /// The nested attributes of the payload.
    pub fn nested_iter(&self) -> NlaIter<'a> {
        NlaIter::new(self.value)
    }
}

/// Walks the attributes of a buffer. Like `nla_ok`, it stops quietly at
/// trailing bytes shorter than a header, and yields `Err` once for an
/// attribute whose length is below 4 or runs past the buffer.
#[derive(Clone)]
pub struct NlaIter<'a> {
    buf: &'a [u8],
    pos: usize,
    done: bool,
}

impl<'a> NlaIter<'a> {
    /// Iterates over the attributes in `buf`.
    pub fn new(buf: &'a [u8]) -> Self {
        NlaIter { buf, pos: 0, done: false }
    }
}

impl<'a> Iterator for NlaIter<'a> {
    type Item = Result<Nla<'a>, WireError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done || self.buf.len().saturating_sub(self.pos) < NLA_HEADER_LEN {
            return None;
        }
        let len = get_u16(self.buf, self.pos)? as usize;
        let raw_kind = get_u16(self.buf, self.pos + 2)?;
        if len < NLA_HEADER_LEN || self.pos + len > self.buf.len() {
            self.done = true;
            return Some(Err(WireError::BadLength));
        }
        let nla = Nla {
            kind: raw_kind & NLA_TYPE_MASK,
            nested: raw_kind & NLA_F_NESTED != 0,
            value: &self.buf[self.pos + NLA_HEADER_LEN..self.pos + len],
            offset: self.pos,
        };
        self.pos += align4(len);
        Some(Ok(nla))
    }
}

/// Parses every attribute of `buf`, failing on the first malformed one
/// (`nla_parse` without a policy).
pub fn parse_all(buf: &[u8]) -> Result<Vec<Nla<'_>>, WireError> {
    NlaIter::new(buf).collect()
}

/// Appends attributes to a message under construction.
pub trait NlaWriter {
    /// Appends an attribute with a raw payload, padded to 4 bytes.
    fn put(&mut self, kind: u16, value: &[u8]);
    /// Opens a nested attribute; pass the returned token to [`NlaWriter::end_nest`].
    fn begin_nest(&mut self, kind: u16) -> usize;
    /// Closes a nested attribute by writing its final length.
    fn end_nest(&mut self, token: usize);

    /// Appends a u8 attribute.
    fn put_u8(&mut self, kind: u16, v: u8) {
        self.put(kind, &[v]);
    }
    /// Appends a native-endian u16 attribute.
    fn put_u16(&mut self, kind: u16, v: u16) {
        self.put(kind, &v.to_ne_bytes());
    }
    /// Appends a native-endian u32 attribute.
    fn put_u32(&mut self, kind: u16, v: u32) {
        self.put(kind, &v.to_ne_bytes());
    }
    /// Appends a native-endian i32 attribute.
    fn put_i32(&mut self, kind: u16, v: i32) {
        self.put(kind, &v.to_ne_bytes());
    }
    /// Appends a native-endian u64 attribute.
    fn put_u64(&mut self, kind: u16, v: u64) {
        self.put(kind, &v.to_ne_bytes());
    }
    /// Appends a NUL-terminated string attribute.
    fn put_str(&mut self, kind: u16, s: &str) {
        let mut v = Vec::with_capacity(s.len() + 1);
        v.extend_from_slice(s.as_bytes());
        v.push(0);
        self.put(kind, &v);
    }
    /// Appends an attribute with no payload (a flag).
    fn put_flag(&mut self, kind: u16) {
        self.put(kind, &[]);
    }
}

impl NlaWriter for Vec<u8> {
    fn put(&mut self, kind: u16, value: &[u8]) {
        let len = (NLA_HEADER_LEN + value.len()) as u16;
        self.extend_from_slice(&len.to_ne_bytes());
        self.extend_from_slice(&kind.to_ne_bytes());
        self.extend_from_slice(value);
        self.resize(align4(self.len()), 0);
    }

    fn begin_nest(&mut self, kind: u16) -> usize {
        let at = self.len();
        self.extend_from_slice(&0u16.to_ne_bytes());
        self.extend_from_slice(&(kind | NLA_F_NESTED).to_ne_bytes());
        at
    }

    fn end_nest(&mut self, token: usize) {
        let len = (self.len() - token) as u16;
        if let Some(slot) = self.get_mut(token..token + 2) {
            slot.copy_from_slice(&len.to_ne_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_then_read() {
        let mut buf = Vec::new();
        buf.put_str(3, "lo");
        let n = buf.begin_nest(18);
        buf.put_u32(1, 7);
        buf.end_nest(n);
        let attrs = parse_all(&buf).unwrap();
        assert_eq!(attrs.len(), 2);
        assert_eq!(attrs[0].string().unwrap(), "lo");
        assert!(attrs[1].nested);
        let inner = parse_all(attrs[1].value).unwrap();
        assert_eq!(inner[0].u32().unwrap(), 7);
    }

    #[test]
    fn table_keeps_the_last_of_each_type_in_place_or_on_the_heap() {
        let mut buf = Vec::new();
        buf.put_u32(2, 1);
        buf.put_u32(2, 7);
        let n = buf.begin_nest(3);
        buf.put_u8(1, 9);
        buf.end_nest(n);
        buf.put_u32(40, 5);
        for max in [3, 100] {
            let t = AttrTable::parse(&buf, max).unwrap();
            let a = t.get(2).unwrap();
            assert_eq!((a.u32().unwrap(), a.offset, a.nested), (7, 8, false));
            let nest = t.get(3).unwrap();
            assert_eq!((nest.kind, nest.offset, nest.nested, nest.value.len()), (3, 16, true, 8));
            assert!(t.has(2) && t.has(3) && !t.has(1) && t.get(1).is_none());
            assert_eq!(t.get(40).map(|a| a.u32().unwrap()), (max >= 40).then_some(5));
            assert_eq!(t.has(40), max >= 40);
        }
        assert!(AttrTable::parse(&buf[..buf.len() - 1], 3).is_err());
        assert_eq!(AttrTable::parse_lenient(&buf[..buf.len() - 1], 3).u32(2), Some(7));
    }

    #[test]
    fn bad_length_is_an_error_not_a_panic() {
        let buf = [8u8, 0, 1, 0, 0, 0];
        assert!(parse_all(&buf).is_err());
        let buf = [2u8, 0, 1, 0];
        assert!(parse_all(&buf).is_err());
    }
}

/// Attributes indexed by type, as `nla_parse` fills its table: the last
/// attribute of a type wins; types above `max` are ignored. Each type keeps
/// only where its attribute starts in the buffer, in place for the usual
/// attribute spaces (no allocation per request).
#[derive(Debug, Clone, Default)]
pub struct AttrTable<'a> {
    buf: &'a [u8],
    slots: Slots,
}

/// Types of the spaces whose tables are kept in place (RTA_MAX, IFA_MAX
/// and NDA_MAX are below it).
const INLINE_SLOTS: usize = 32;

/// Per type, its attribute packed as a [`Slot`] (0: absent).
// The inline table is the point: a request's table costs no allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
enum Slots {
    Inline(u16, [u64; INLINE_SLOTS]),
    Heap(Vec<u64>),
}

/// Where an attribute lies in the buffer: its offset plus one (bits 0-31),
/// `nla_len` (bits 32-47) and `NLA_F_NESTED` (bit 48).
struct Slot;

impl Slot {
    fn pack(nla: &Nla<'_>) -> Option<u64> {
        let at = u32::try_from(nla.offset.checked_add(1)?).ok()?;
        let len = u16::try_from(nla.value.len().checked_add(NLA_HEADER_LEN)?).ok()?;
        Some(u64::from(at) | u64::from(len) << 32 | u64::from(nla.nested) << 48)
    }
}

impl Default for Slots {
    fn default() -> Self {
        Slots::Inline(0, [0; INLINE_SLOTS])
    }
}

impl Slots {
    fn with_max(max: u16) -> Self {
        let n = usize::from(max) + 1;
        if n <= INLINE_SLOTS { Slots::Inline(n as u16, [0; INLINE_SLOTS]) } else { Slots::Heap(vec![0; n]) }
    }

    fn as_slice(&self) -> &[u64] {
        match self {
            Slots::Inline(n, a) => a.get(..usize::from(*n)).unwrap_or(&[]),
            Slots::Heap(v) => v,
        }
    }

    fn as_mut_slice(&mut self) -> &mut [u64] {
        match self {
            Slots::Inline(n, a) => a.get_mut(..usize::from(*n)).unwrap_or(&mut []),
            Slots::Heap(v) => v,
        }
    }

    /// Notes an attribute for its type, if in range.
    fn note(&mut self, nla: &Nla<'_>) {
        if let (Some(slot), Some(packed)) = (self.as_mut_slice().get_mut(usize::from(nla.kind)), Slot::pack(nla)) {
            *slot = packed;
        }
    }
}

impl<'a> AttrTable<'a> {
    /// Parses `buf`, failing on a malformed attribute.
    pub fn parse(buf: &'a [u8], max: u16) -> Result<Self, WireError> {
        let mut slots = Slots::with_max(max);
        for nla in NlaIter::new(buf) {
            slots.note(&nla?);
        }
        Ok(AttrTable { buf, slots })
    }

    /// Like [`AttrTable::parse`] but stopping quietly at the first malformed
    /// attribute, as iproute2's `parse_rtattr` does.
    pub fn parse_lenient(buf: &'a [u8], max: u16) -> Self {
        let mut slots = Slots::with_max(max);
        for nla in NlaIter::new(buf) {
            let Ok(nla) = nla else { break };
            slots.note(&nla);
        }
        AttrTable { buf, slots }
    }

    /// The attribute of a type, if present.
    pub fn get(&self, kind: u16) -> Option<Nla<'a>> {
        let slot = *self.slots.as_slice().get(usize::from(kind))?;
        let offset = usize::try_from((slot as u32).checked_sub(1)?).ok()?;
        let len = usize::from((slot >> 32) as u16);
        let value = self.buf.get(offset.checked_add(NLA_HEADER_LEN)?..offset.checked_add(len)?)?;
        Some(Nla { kind, nested: slot >> 48 & 1 != 0, value, offset })
    }

    /// Whether an attribute of a type is present.
    pub fn has(&self, kind: u16) -> bool {
        self.slots.as_slice().get(usize::from(kind)).is_some_and(|s| *s != 0)
    }

    /// A u8 attribute, 0 when short (`rta_getattr_u8`).
    pub fn u8(&self, kind: u16) -> Option<u8> {
        self.get(kind).map(|n| n.u8().unwrap_or(0))
    }

    /// A native-endian u16 attribute, 0 when short.
    pub fn u16(&self, kind: u16) -> Option<u16> {
        self.get(kind).map(|n| n.u16().unwrap_or(0))
    }

    /// A native-endian u32 attribute, 0 when short.
    pub fn u32(&self, kind: u16) -> Option<u32> {
        self.get(kind).map(|n| n.u32().unwrap_or(0))
    }

    /// A native-endian u64 attribute, 0 when short.
    pub fn u64(&self, kind: u16) -> Option<u64> {
        self.get(kind).map(|n| n.u64().unwrap_or(0))
    }
}
