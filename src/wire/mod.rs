//! The netlink codec: message headers, attributes and the fixed headers of each
//! rtnetlink family, as zero-copy views that never panic plus `Repr` types that
//! validate on `parse` and write themselves with `emit`.
//!
//! Layout follows smoltcp's `wire`: each protocol structure has a private
//! `field` module of offsets, a `Repr` with `parse`/`emit`/`buffer_len`, and
//! numeric fields are enums with an `Unknown(n)` variant so that every value
//! round-trips.

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
pub mod nf_expr;
pub mod nftables;
pub mod nsid;
pub mod route;
pub mod rule;
pub mod schema;

pub use attr::{Nla, NlaIter, NlaWriter};
pub use builder::MessageBuilder;
pub use consts::*;
pub use header::{HeaderRepr, MessageIter, HEADER_LEN};

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
