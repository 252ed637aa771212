//! Prefix keys: the fixed-width integers a trie stores prefixes of (`u32`
//! for IPv4, `u128` for IPv6, both in host order), masking and the
//! canonical-prefix test on them, and the sealed bit access the trie walks
//! by (the six bits at a virtual depth, see the trie's module documentation).

use std::fmt;
use std::hash::Hash;

use super::node::{OFFSET, STRIDE};

pub(super) mod sealed {
    use std::fmt;

    /// The bit access the trie needs from a key type; sealed so that only the
    /// widths implemented here (u32, u128) can be keys.
    pub trait Sealed: Sized {
        /// The six bits at virtual depth `vd` (bit 0 is the first of five
        /// virtual zero bits before the key; bits past the key's end read 0).
        fn chunk(self, vd: u8) -> usize;
        /// `self` with the six bits at virtual depth `vd` ORed with `c`
        /// (virtual and past-the-end bits are dropped).
        fn put_chunk(self, vd: u8, c: usize) -> Self;
        /// Writes the key as an address (dotted quad or IPv6 text).
        fn fmt_key(self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    }
}

/// A fixed-width key a [`PrefixTrie`](super::PrefixTrie) can store prefixes
/// of: `u32` for IPv4 and `u128` for IPv6, both in host order (the first
/// address bit is the most significant).
pub trait PrefixKey: sealed::Sealed + Copy + Ord + Eq + Hash + fmt::Debug + Default {
    /// Key width in bits (32 or 128); valid prefix lengths are `0..=BITS`.
    const BITS: u8;

    /// The key with every bit past the first `plen` cleared (the key itself
    /// when `plen >= BITS`).
    fn mask(self, plen: u8) -> Self;

    /// Whether `self/plen` is a canonical prefix: `plen <= BITS` and no bit
    /// past the first `plen` is set.
    fn is_canonical(self, plen: u8) -> bool {
        plen <= Self::BITS && self.mask(plen) == self
    }
}

/// Whether `key/plen` is a canonical prefix: `plen` is at most the key width
/// and no host bit (past the first `plen`) is set. Linux rejects
/// non-canonical destinations ("Invalid prefix for given prefix length"); the
/// trie itself masks them off.
pub fn is_canonical<K: PrefixKey>(key: K, plen: u8) -> bool {
    key.is_canonical(plen)
}

impl sealed::Sealed for u32 {
    #[inline(always)]
    fn chunk(self, vd: u8) -> usize {
        // OFFSET zero bits, the 32 key bits, then zeros, in one u64.
        // Nodes exist only at vd <= 36; larger depths read garbage, never panic.
        let w = u64::from(self) << (64 - 32 - OFFSET as u32);
        (w.wrapping_shl(u32::from(vd)) >> (64 - STRIDE as u32)) as usize
    }

    #[inline]
    fn put_chunk(self, vd: u8, c: usize) -> Self {
        let w = u64::from(self) << (64 - 32 - OFFSET as u32);
        let add = ((c as u64 & 63) << (64 - STRIDE as u32)).checked_shr(u32::from(vd)).unwrap_or(0);
        ((w | add) >> (64 - 32 - OFFSET as u32)) as u32
    }

    fn fmt_key(self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::text::ipv4_text(self.to_be_bytes()))
    }
}

impl PrefixKey for u32 {
    const BITS: u8 = 32;

    #[inline]
    fn mask(self, plen: u8) -> Self {
        if plen >= 32 { self } else { self & !(u32::MAX >> plen) }
    }
}

impl sealed::Sealed for u128 {
    #[inline(always)]
    fn chunk(self, vd: u8) -> usize {
        if vd <= OFFSET {
            // Some of the six bits are virtual zeros; the rest start the key.
            (self >> u32::from(128 - STRIDE + OFFSET - vd)) as usize
        } else {
            self.checked_shl(u32::from(vd - OFFSET)).map_or(0, |x| (x >> (128 - STRIDE as u32)) as usize)
        }
    }

    #[inline]
    fn put_chunk(self, vd: u8, c: usize) -> Self {
        let c = (c & 63) as u128;
        if vd <= OFFSET {
            // Shifting left drops the bits that land on virtual positions.
            self | (c << u32::from(128 - STRIDE + OFFSET - vd))
        } else {
            let real = u32::from(vd - OFFSET);
            if real >= 128 {
                self
            } else if real <= 128 - STRIDE as u32 {
                self | (c << (128 - STRIDE as u32 - real))
            } else {
                self | (c >> (real - (128 - STRIDE as u32)))
            }
        }
    }

    fn fmt_key(self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::text::ipv6_text(self.to_be_bytes()))
    }
}

impl PrefixKey for u128 {
    const BITS: u8 = 128;

    #[inline]
    fn mask(self, plen: u8) -> Self {
        if plen >= 128 { self } else { self & !(u128::MAX >> plen) }
    }
}
