//! The netlink codec: message headers, attributes and the fixed headers of each
//! family, as zero-copy views that never panic plus `Repr` types that
//! validate on `parse` and write themselves with `emit`.
//!
//! Layout follows smoltcp's `wire`: views read bytes in place ([`Nla`],
//! [`NlaIter`], [`attr::AttrTable`], [`route::NextHopView`]), each fixed
//! header has a `Repr` ([`FixedHeader`]: `parse`/`emit`/`buffer_len`), and
//! numeric fields are enums with an `Unknown(n)` variant so that every value
//! round-trips. Attribute numbers are declared once per space in
//! [`schema`]: constants, `MAX`, names and payload types in one table.

#[macro_use]
mod macros;
pub mod addr;
pub mod attr;
pub mod builder;
pub mod consts;
pub mod errmsg;
pub mod header;
pub mod link;
pub mod neigh;
pub mod netconf;
pub mod nexthop;
pub mod nf_expr;
pub mod nftables;
pub mod nsid;
pub mod route;
pub mod rule;
pub mod schema;

pub use attr::{Nla, NlaIter, NlaWriter};
pub use builder::MessageBuilder;
pub use consts::*;
pub use header::{HEADER_LEN, HeaderRepr, MessageIter};

/// A family's fixed header (`ifinfomsg`, `ifaddrmsg`, `rtmsg`, `ndmsg`,
/// `fib_rule_hdr`) as a smoltcp-style `Repr`.
pub trait FixedHeader: Sized {
    /// The structure's size (`sizeof`).
    const LEN: usize;
    /// Reads the structure from the start of `buf`, checking its length.
    fn parse(buf: &[u8]) -> Result<Self, WireError>;
    /// Writes the structure at the start of `buf` (nothing if `buf` is short).
    fn emit(&self, buf: &mut [u8]);
    /// The bytes the structure takes.
    fn buffer_len(&self) -> usize {
        Self::LEN
    }
}

/// Implements [`FixedHeader`] from a `Repr`'s `parse` and `to_bytes`.
macro_rules! fixed_header {
    ($($repr:ty = $len:expr),+ $(,)?) => {$(
        impl FixedHeader for $repr {
            const LEN: usize = $len;
            fn parse(buf: &[u8]) -> Result<Self, WireError> {
                <$repr>::parse(buf)
            }
            fn emit(&self, buf: &mut [u8]) {
                put_bytes(buf, 0, &self.to_bytes());
            }
        }
    )+};
}

fixed_header! {
    link::IfInfoRepr = link::IFINFOMSG_LEN,
    addr::IfAddrRepr = addr::IFADDRMSG_LEN,
    route::RtMsgRepr = route::RTMSG_LEN,
    neigh::NdMsgRepr = neigh::NDMSG_LEN,
    rule::RuleHdrRepr = rule::FIB_RULE_HDR_LEN,
}

/// Why a byte string could not be read as what it claims to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WireError {
    /// Fewer bytes than the structure needs.
    Truncated,
    /// A length field that contradicts the buffer or the structure.
    BadLength,
    /// A value outside what the protocol allows.
    BadValue,
}

impl core::fmt::Display for WireError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            WireError::Truncated => "truncated netlink data",
            WireError::BadLength => "inconsistent netlink length",
            WireError::BadValue => "invalid netlink value",
        })
    }
}

/// Rounds a length up to netlink's 4-byte alignment (`NLMSG_ALIGN`, `NLA_ALIGN`).
pub const fn align4(len: usize) -> usize {
    (len + 3) & !3
}

/// Writes `bytes` into `buf` at `at`, if they fit (the callers write the
/// fields of fixed headers into buffers made for them). One copy routine
/// for every field write, where `buf[a..b].copy_from_slice` carries a panic
/// site of its own each time.
pub fn put_bytes(buf: &mut [u8], at: usize, bytes: &[u8]) {
    if let Some(dst) = buf.get_mut(at..at + bytes.len()) {
        dst.copy_from_slice(bytes);
    }
}

/// Reads a native-endian u16 at `at`, if the slice is long enough.
pub fn get_u16(buf: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_ne_bytes(buf.get(at..at + 2)?.try_into().ok()?))
}

/// Reads a native-endian u32 at `at`, if the slice is long enough.
pub fn get_u32(buf: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_ne_bytes(buf.get(at..at + 4)?.try_into().ok()?))
}

/// Reads a native-endian u64 at `at`, if the slice is long enough.
pub fn get_u64(buf: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_ne_bytes(buf.get(at..at + 8)?.try_into().ok()?))
}

/// Reads a native-endian i32 at `at`, if the slice is long enough.
pub fn get_i32(buf: &[u8], at: usize) -> Option<i32> {
    get_u32(buf, at).map(|v| v as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Emits `repr` into a buffer of its length and parses it back; a
    /// buffer one byte short is refused.
    fn round_trip<R: FixedHeader + PartialEq + core::fmt::Debug>(repr: R) {
        let mut buf = vec![0u8; repr.buffer_len()];
        repr.emit(&mut buf);
        assert_eq!(<R as FixedHeader>::parse(&buf), Ok(repr));
        assert_eq!(<R as FixedHeader>::parse(&buf[..R::LEN - 1]), Err(WireError::Truncated));
    }

    #[test]
    fn fixed_headers_round_trip() {
        round_trip(link::IfInfoRepr { family: 0, link_type: 1, index: 7, flags: 0x1003, change: !0 });
        round_trip(addr::IfAddrRepr { family: AF_INET, prefix_len: 24, flags: 0x80, scope: 253, index: 3 });
        let rt = route::RtMsgRepr { family: AF_INET6, dst_len: 64, table: 254, protocol: 4, kind: 1, flags: 0x200, ..Default::default() };
        round_trip(rt);
        round_trip(neigh::NdMsgRepr { family: AF_BRIDGE, ifindex: 4, state: 0x80, flags: 2, kind: 1 });
        round_trip(rule::RuleHdrRepr { family: AF_INET, dst_len: 8, src_len: 16, tos: 0, table: 254, action: 1, flags: 2 });
    }
}
