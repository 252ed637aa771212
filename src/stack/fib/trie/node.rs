//! The trie's node layout and the bit arithmetic on it: the stride and the
//! virtual offset, the 24-byte [`Node`] (internal and external bitmaps,
//! block starts) and the cache-line [`Cell`] holding it with its values,
//! where a prefix of a given length sits in a node's bitmap and back, the
//! precomputed match and descendant tables, and the steps of pre- and
//! post-order walks over a node's positions.

use super::PrefixKey;

/// Bits consumed per trie level.
pub(super) const STRIDE: u8 = 6;
/// Virtual zero bits read before a key (see the trie's module documentation).
pub(super) const OFFSET: u8 = 5;
/// Levels of the deepest key (u128): virtual depths 0, 6, ..., 132.
pub(super) const MAX_LEVELS: usize = (OFFSET as usize + 128) / STRIDE as usize + 1;

/// `MATCH[c]`: the internal-bitmap positions of the six prefixes (relative
/// lengths 0..=5) that contain an address whose next six bits are `c`.
pub(super) const MATCH: [u64; 64] = {
    let mut t = [0u64; 64];
    let mut c = 0;
    while c < 64 {
        let mut rl = 0;
        while rl < STRIDE as usize {
            t[c] |= 1u64 << ((1usize << rl) | (c >> (STRIDE as usize - rl)));
            rl += 1;
        }
        c += 1;
    }
    t
};

/// `DESC[p]`: position `p` and all its descendants in a node's seven-level
/// binary tree, numbered as a heap (1 the node itself, 2p and 2p+1 the
/// children of p; 64..128 are the child nodes). Matches [`Node::all`].
const DESC: [u128; 128] = {
    let mut t = [0u128; 128];
    let mut p = 1;
    while p < 128 {
        let mut start = p;
        let mut width = 1;
        while start < 128 {
            let mut i = start;
            while i < start + width {
                t[p] |= 1u128 << i;
                i += 1;
            }
            start *= 2;
            width *= 2;
        }
        p += 1;
    }
    t
};

/// The bits of `bits` below position `pos` (`pos < 64`), counted.
#[inline(always)]
pub(super) fn rank(bits: u64, pos: u32) -> u32 {
    (bits & ((1u64 << (pos & 63)) - 1)).count_ones()
}

/// Internal-bitmap position of the prefix of relative length `rl` (< 6) in a
/// node, for keys whose six bits there are `c`.
#[inline(always)]
pub(super) fn pos_of(c: usize, rl: u8) -> u32 {
    ((1usize << rl) | ((c & 63) >> (STRIDE - rl))) as u32
}

/// Relative length of internal position `pos` (1..64).
#[inline(always)]
pub(super) fn rel_len(pos: u32) -> u8 {
    (31 - (pos | 1).leading_zeros()) as u8
}

/// Real prefix length of internal position `pos` of a node at virtual depth `vd`.
#[inline(always)]
pub(super) fn real_len(vd: u8, pos: u32) -> u8 {
    (vd + rel_len(pos)).saturating_sub(OFFSET)
}

/// Virtual depth of the node holding prefixes of length `plen`, and the
/// relative length there; None when `plen` exceeds the key width.
#[inline]
pub(super) fn locate<K: PrefixKey>(plen: u8) -> Option<(u8, u8)> {
    if plen > K::BITS {
        return None;
    }
    let vlen = plen + OFFSET;
    Some((vlen - vlen % STRIDE, vlen % STRIDE))
}

/// The key and real length of internal position `pos` in the node at virtual
/// depth `vd` whose path bits are `base`.
#[inline]
pub(super) fn entry_of<K: PrefixKey>(base: K, vd: u8, pos: u32) -> (K, u8) {
    let rl = rel_len(pos);
    let b = (pos as usize) - (1usize << rl);
    (base.put_chunk(vd, b << (STRIDE - rl)), real_len(vd, pos))
}

/// Next position after `p` (and `p`'s child subtree) in a pre-order walk of a
/// node whose occupied positions are `all`; 0 when done.
#[inline]
pub(super) fn pre_next(p: u32, all: u128) -> u32 {
    if p < 64 {
        let l = (2 * p) as usize;
        if DESC[l] & all != 0 {
            return l as u32;
        }
        if DESC[l + 1] & all != 0 {
            return l as u32 + 1;
        }
    }
    let mut p = p;
    while p > 1 {
        if p & 1 == 0 && DESC[(p as usize + 1) & 127] & all != 0 {
            return p + 1;
        }
        p >>= 1;
    }
    0
}

/// First position at or under `p` in a post-order walk of `all`.
#[inline]
pub(super) fn post_descend(mut p: u32, all: u128) -> u32 {
    while p < 64 {
        let l = (2 * p) as usize;
        if DESC[l] & all != 0 {
            p = l as u32;
        } else if DESC[l + 1] & all != 0 {
            p = l as u32 + 1;
        } else {
            break;
        }
    }
    p
}

/// Next position after `p` in a post-order walk of `all`; 0 when done.
#[inline]
pub(super) fn post_next(p: u32, all: u128) -> u32 {
    if p <= 1 {
        0
    } else if p & 1 == 0 && DESC[(p as usize + 1) & 127] & all != 0 {
        post_descend(p + 1, all)
    } else {
        p >> 1
    }
}

/// Values a node keeps in its own [`Cell`] (at most this many; a node with
/// more keeps them all in a block of the value arena): ten four-byte values
/// (a routing table's list handles) fill the cache line beside the node.
pub(super) const INLINE: usize = 10;

/// One slot of the node arena: a node and, when it holds at most
/// [`INLINE`] prefixes, their values in place order. Aligned to a cache line
/// so that a lookup reads the deepest node and its value with one miss.
#[derive(Clone, Debug)]
#[repr(C, align(64))]
pub(super) struct Cell<V> {
    pub(super) node: Node,
    /// The node's values when it holds at most `INLINE`; otherwise all None.
    pub(super) vals: [Option<V>; INLINE],
}

impl<V> Default for Cell<V> {
    fn default() -> Self {
        Cell { node: Node::default(), vals: [const { None }; INLINE] }
    }
}

/// One trie node (see the trie's module documentation).
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub(super) struct Node {
    /// Prefixes stored here, by position `(1 << rl) | bits`.
    pub(super) int: u64,
    /// Children, by their six-bit chunk.
    pub(super) ext: u64,
    /// Start of the children block in the node arena.
    pub(super) children: u32,
    /// Start of the values block in the value arena (0 while the values
    /// fit in the node's cell).
    pub(super) values: u32,
}

/// The number of children from which a node's children block has a place
/// for every chunk: child `c` sits at `children + c` instead of at its rank
/// among the children. Such a block is 64 cells, the size class a block of
/// 49 or more already takes (`arena::block_size`), so it costs no memory;
/// a new child then goes into its empty place without shifting its
/// siblings, and a lookup reads the place without counting bits.
pub(super) const DIRECT: u32 = 49;

const _: () = assert!(super::arena::block_size(DIRECT as usize) == 64 && super::arena::block_size(DIRECT as usize - 1) < 64);

/// Whether a children bitmap is that of a direct-indexed block.
#[inline(always)]
pub(super) fn is_direct(ext: u64) -> bool {
    ext.count_ones() >= DIRECT
}

/// The size of the children block of a node whose children are `ext`:
/// 64 places when direct-indexed, else the size class of their number.
#[inline]
pub(super) fn children_block(ext: u64) -> usize {
    if is_direct(ext) { 64 } else { super::arena::block_size(ext.count_ones() as usize) }
}

impl Node {
    /// The index of child `c` (whose bit is set in `ext`) in the node arena.
    #[inline(always)]
    pub(super) fn child(&self, c: u32) -> u32 {
        self.children + if is_direct(self.ext) { c & 63 } else { rank(self.ext, c) }
    }

    /// Internal positions and children (at 64 + chunk) in one heap-numbered set.
    #[inline]
    pub(super) fn all(&self) -> u128 {
        u128::from(self.int) | (u128::from(self.ext) << 64)
    }

    /// Whether the node's values are in its cell (rather than a value block).
    #[inline(always)]
    pub(super) fn inline(&self) -> bool {
        self.int.count_ones() as usize <= INLINE
    }

    #[inline]
    pub(super) fn is_empty(&self) -> bool {
        self.int == 0 && self.ext == 0
    }
}

/// The bits of `bits` whose rank (place among the set bits) is set in `keep`.
pub(super) fn select(bits: u64, keep: u64) -> u64 {
    let mut out = 0;
    let mut rest = bits;
    let mut i = 0;
    while rest != 0 {
        let low = rest & rest.wrapping_neg();
        if keep >> i & 1 == 1 {
            out |= low;
        }
        rest &= rest - 1;
        i += 1;
    }
    out
}
