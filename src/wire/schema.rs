//! Attribute spaces declared once, as data: every `XXX_*` attribute number of
//! a netlink family with its name and payload type (the kernel's
//! `struct nla_policy` tables, plus the names `strace`/iproute2 print).
//!
//! One declaration gives three things: the numbers as constants
//! (`ifa::LABEL`), the space's `MAX`, and a [`Space`] table that the kernel
//! side parses and validates with, the iproute2 side reads replies with, and
//! the decoder takes names and formats from. Nothing is generated per
//! attribute beyond one table row, so a space costs its names in bytes.
//!
//! # Declaring a space
//!
//! List every number from 0 (`UNSPEC`) up to the family's `MAX`, in order,
//! each as `NAME = number: Type`; the macro checks at compile time that the
//! numbers are 0, 1, 2, ... so that a row's index is its number:
//!
//! ```
//! use iplab::wire::schema::nla_space;
//! nla_space! {
//!     /// `NFTA_TABLE_*`: the attributes of a table (nf_tables.h).
//!     pub mod nfta_table = "NFTA_TABLE_" {
//!         UNSPEC = 0: Unspec,
//!         NAME = 1: String,
//!         FLAGS = 2: Be32,
//!         USE = 3: Be32,
//!         HANDLE = 4: Be64,
//!         PAD = 5: Binary,
//!         USERDATA = 6: Binary,
//!         OWNER = 7: Be32,
//!     }
//! }
//! assert_eq!(nfta_table::FLAGS, 2);
//! assert_eq!(nfta_table::MAX, 7);
//! assert_eq!(nfta_table::SPACE.full_name(1), "NFTA_TABLE_NAME");
//! assert_eq!(nfta_table::SPACE.full_name(9), "NFTA_TABLE_UNKNOWN_9");
//! ```
//!
//! Inside the crate the macro is `crate::wire::schema::nla_space!`. A nested
//! attribute names the space of its payload: `Nested(&super::other::SPACE)`
//! (paths are relative to the generated module, so `super::` reaches the file
//! that declares both). A payload whose space depends on a sibling string
//! attribute (`IFLA_INFO_DATA` by `IFLA_INFO_KIND`, `NFTA_EXPR_DATA` by
//! `NFTA_EXPR_NAME`) is `ByName(sibling, lookup)`.
//!
//! # Reading and writing
//!
//! [`Space::parse`] is `nla_parse_deprecated`: a table indexed by number,
//! the last of a type winning, numbers above `MAX` ignored, a malformed
//! attribute an error. [`Space::parse_lenient`] is iproute2's
//! `parse_rtattr` (stops quietly at the first malformed attribute).
//! [`Space::validate`] checks one attribute against its type's minimum
//! length (`validate_nla`). Attributes are written with
//! [`NlaWriter`](super::NlaWriter)'s `put_u32`, `put_str`, `begin_nest`, ...

use super::WireError;
use super::attr::{AttrTable, Nla, NlaIter};

/// The payload of an attribute, as the kernel's policy types and the few
/// framed shapes rtnetlink uses beyond them.
#[derive(Debug, Clone, Copy)]
pub enum Type {
    /// Any length (`NLA_UNSPEC`); readers guess by length.
    Unspec,
    /// `NLA_U8`.
    U8,
    /// `NLA_U16`, native endian.
    U16,
    /// `NLA_U32`, native endian.
    U32,
    /// `NLA_U64`, native endian.
    U64,
    /// `NLA_S32`, native endian.
    S32,
    /// `NLA_BE16`: network byte order.
    Be16,
    /// `NLA_BE32`: network byte order.
    Be32,
    /// `NLA_BE64`: network byte order.
    Be64,
    /// `NLA_NUL_STRING` / `NLA_STRING`: text up to the first NUL.
    String,
    /// `NLA_BINARY`: raw bytes.
    Binary,
    /// `NLA_FLAG`: no payload.
    Flag,
    /// An IP address of the message's family (4 or 16 bytes).
    Addr,
    /// A link-layer address.
    LlAddr,
    /// `NLA_NESTED`: attributes of another space.
    Nested(&'static Space),
    /// Nested attributes whose space depends on the string attribute `.0`
    /// of the same nest, found with `.1` (`IFLA_INFO_DATA` by
    /// `IFLA_INFO_KIND`); `.1` returns an opaque space for unknown names.
    ByName(u16, fn(&str) -> &'static Space),
    /// A C struct of native-endian integers of `.1` bytes each, whose
    /// fields `.0` names (space-separated).
    Struct(&'static str, u8),
    /// An integer (u8 or u32 by length) whose values `.0` names in order.
    Enum(&'static str),
    /// A big-endian u32 (`NLA_BE32`) whose values `.0` names in order.
    Be32Enum(&'static str),
    /// A u32 of flags whose bit `i` the `i`-th word of `.0` names.
    Bits(&'static str),
    /// A `struct ifinfomsg` followed by link attributes (`VETH_INFO_PEER`).
    IfInfoPeer,
    /// A list of `struct rtnexthop`, each followed by route attributes
    /// (`RTA_MULTIPATH`).
    Multipath,
}

impl Type {
    /// The shortest payload the kernel's policy accepts (`nla_attr_minlen`).
    pub const fn min_len(self) -> usize {
        match self {
            Type::U8 => 1,
            Type::U16 | Type::Be16 => 2,
            Type::U32 | Type::S32 | Type::Be32 | Type::Be32Enum(_) => 4,
            Type::U64 | Type::Be64 => 8,
            _ => 0,
        }
    }
}

/// One attribute number's name (without the space's prefix) and type.
#[derive(Debug, Clone, Copy)]
pub struct AttrDef {
    /// The constant's name after the prefix, e.g. `IFNAME`.
    pub name: &'static str,
    /// Its payload.
    pub ty: Type,
}

/// An attribute space: the prefix of its constants and one row per number
/// from 0 to `MAX` (a row's index is its number).
#[derive(Debug)]
pub struct Space {
    /// The common prefix of the C constants, e.g. `IFLA_`.
    pub prefix: &'static str,
    /// The rows, indexed by attribute number.
    pub attrs: &'static [AttrDef],
}

/// Spaces are compared by identity: each is one static table.
impl PartialEq for Space {
    fn eq(&self, other: &Space) -> bool {
        core::ptr::eq(self, other)
    }
}

impl Eq for Space {}

impl Space {
    /// A space known only by its prefix: its attributes are shown as
    /// `PREFIX<number>` and read by length.
    pub const fn opaque(prefix: &'static str) -> Space {
        Space { prefix, attrs: &[] }
    }

    /// The highest attribute number (`XXX_MAX`).
    pub const fn max(&self) -> u16 {
        self.attrs.len().saturating_sub(1) as u16
    }

    /// The row of attribute number `n`.
    pub fn get(&self, n: u16) -> Option<&'static AttrDef> {
        self.attrs.get(usize::from(n))
    }

    /// The name of `n` after the prefix, e.g. `IFNAME`.
    pub fn name(&self, n: u16) -> Option<&'static str> {
        self.get(n).map(|d| d.name)
    }

    /// The payload type of `n` ([`Type::Unspec`] when undeclared).
    pub fn ty(&self, n: u16) -> Type {
        self.get(n).map_or(Type::Unspec, |d| d.ty)
    }

    /// The C name of `n`: `IFLA_IFNAME`, `IFLA_UNKNOWN_99` past the table,
    /// or `PREFIX<n>` in an opaque space.
    pub fn full_name(&self, n: u16) -> String {
        match self.name(n) {
            Some(name) => format!("{}{name}", self.prefix),
            None if self.attrs.is_empty() => format!("{}{n}", self.prefix),
            None => format!("{}UNKNOWN_{n}", self.prefix),
        }
    }

    /// `nla_parse_deprecated`: a table of the attributes of `buf` up to
    /// `MAX`, failing on a malformed one.
    pub fn parse<'a>(&self, buf: &'a [u8]) -> Result<AttrTable<'a>, WireError> {
        AttrTable::parse(buf, self.max())
    }

    /// iproute2's `parse_rtattr`: like [`Space::parse`] but stopping quietly
    /// at the first malformed attribute.
    pub fn parse_lenient<'a>(&self, buf: &'a [u8]) -> AttrTable<'a> {
        AttrTable::parse_lenient(buf, self.max())
    }

    /// `validate_nla`: whether `nla` is long enough for its declared type.
    /// Numbers past `MAX` pass, as `nla_parse_deprecated` ignores them.
    pub fn validate(&self, nla: &Nla<'_>) -> Result<(), WireError> {
        if nla.value.len() < self.ty(nla.kind).min_len() { Err(WireError::BadLength) } else { Ok(()) }
    }

    /// [`Space::validate`] for every attribute of `buf`; the first that
    /// fails is returned with its offset for the extended ack.
    pub fn validate_all<'a>(&self, buf: &'a [u8]) -> Result<(), (WireError, Option<Nla<'a>>)> {
        for nla in NlaIter::new(buf) {
            let nla = nla.map_err(|e| (e, None))?;
            self.validate(&nla).map_err(|e| (e, Some(nla)))?;
        }
        Ok(())
    }
}

/// Declares an attribute space: constants, `MAX` and a [`Space`] named
/// `SPACE` in a module of their own (see the module documentation).
#[macro_export]
macro_rules! nla_space {
    (
        $(#[$meta:meta])*
        $vis:vis mod $module:ident = $prefix:literal {
            $( $(#[$ameta:meta])* $name:ident = $num:literal : $ty:ident $(($($arg:tt)*))? ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[allow(missing_docs, dead_code)]
        $vis mod $module {
            #[allow(unused_imports)]
            use super::*;
            $( $(#[$ameta])* pub const $name: u16 = $num; )+
            /// The highest attribute number.
            pub const MAX: u16 = {
                let nums: &[u16] = &[$($num),+];
                let mut i = 0;
                while i < nums.len() {
                    assert!(nums[i] as usize == i, "attribute numbers must run 0, 1, 2, ... in order");
                    i += 1;
                }
                nums[nums.len() - 1]
            };
            /// The space as a table, for parsing, validation and names.
            pub static SPACE: $crate::wire::schema::Space = $crate::wire::schema::Space {
                prefix: $prefix,
                attrs: &[$(
                    $crate::wire::schema::AttrDef {
                        name: stringify!($name),
                        ty: $crate::wire::schema::Type::$ty $(($($arg)*))?,
                    }
                ),+],
            };
        }
    };
}
pub use nla_space;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::NlaWriter;

    nla_space! {
        /// A small space for the tests.
        mod inner = "IN_" {
            UNSPEC = 0: Unspec,
            A = 1: U32,
        }
    }

    nla_space! {
        /// A space that nests the other.
        mod outer = "OUT_" {
            UNSPEC = 0: Unspec,
            NAME = 1: String,
            NEST = 2: Nested(&super::inner::SPACE),
            PORT = 3: Be16,
        }
    }

    #[test]
    fn constants_max_and_names_come_from_one_declaration() {
        assert_eq!((outer::NAME, outer::PORT, outer::MAX), (1, 3, 3));
        assert_eq!(outer::SPACE.full_name(outer::NEST), "OUT_NEST");
        assert_eq!(outer::SPACE.full_name(4), "OUT_UNKNOWN_4");
        assert_eq!(Space::opaque("ENCAP_").full_name(4), "ENCAP_4");
        let Type::Nested(space) = outer::SPACE.ty(outer::NEST) else { panic!("not nested") };
        assert_eq!(space.full_name(inner::A), "IN_A");
    }

    #[test]
    fn parse_and_validate_follow_the_declared_types() {
        let mut buf = Vec::new();
        buf.put_str(outer::NAME, "x");
        buf.put_u8(outer::PORT, 1);
        buf.put_u32(9, 1);
        let t = outer::SPACE.parse(&buf).unwrap();
        assert_eq!(t.get(outer::NAME).unwrap().string().unwrap(), "x");
        assert!(!t.has(9));
        let (err, nla) = outer::SPACE.validate_all(&buf).unwrap_err();
        assert_eq!((err, nla.map(|n| n.kind)), (WireError::BadLength, Some(outer::PORT)));
        buf.extend_from_slice(&[9, 0]);
        assert!(outer::SPACE.parse(&buf).is_ok(), "trailing bytes shorter than a header are ignored");
        buf.extend_from_slice(&[0, 0, 9, 0, 1, 0]);
        assert!(outer::SPACE.parse(&buf).is_err());
        assert!(outer::SPACE.parse_lenient(&buf).has(outer::NAME));
    }
}
