//! Walks over a trie: the prefixes containing an address, longest first
//! ([`Matches`], what route lookup backtracks through), and every entry in
//! pre-order ([`Iter`]), in Linux's IPv4 fib_trie dump order
//! ([`LinuxV4Iter`]) or in the IPv6 fib6 post-order; plus the value-only
//! iterators.

use std::iter::FusedIterator;

use super::node::{MATCH, MAX_LEVELS, Node, STRIDE, entry_of, post_descend, post_next, pre_next, rank, real_len};
use super::{PrefixKey, PrefixTrie, slot_at};

impl<K: PrefixKey, V> PrefixTrie<K, V> {
    /// Every stored prefix containing `addr`, longest first, as (prefix,
    /// length, value): what `fib_table_lookup` backtracks through when the
    /// longer prefix's routes do not qualify.
    pub fn matches(&self, addr: K) -> Matches<'_, K, V> {
        let mut path = [0u32; MAX_LEVELS];
        let mut levels = 0;
        let mut idx = 0u32;
        let mut vd = 0u8;
        while let Some(n) = self.node(idx) {
            let Some(slot) = path.get_mut(levels) else { break };
            *slot = idx;
            levels += 1;
            let c = (addr.chunk(vd) & 63) as u32;
            if n.ext >> c & 1 == 0 {
                break;
            }
            idx = n.child(c);
            vd += STRIDE;
        }
        Matches { trie: self, addr, path, levels, idx: 0, node: Node::default(), pending: 0 }
    }

    /// Every entry as (prefix, length, value), ascending by prefix and, for
    /// equal prefixes, shorter first: `(key, plen)` ascending, a pre-order
    /// walk of the binary prefix tree (node, then its 0-branch, then its
    /// 1-branch).
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter::new(self, false)
    }

    /// Every entry in the order Linux's IPv4 fib_trie dumps a table: ascending
    /// by prefix (the masked key) and, for equal prefixes, LONGER first (a
    /// fib_trie leaf's aliases are sorted by suffix length, ascending).
    /// Comparator: `a.key.cmp(&b.key).then(b.plen.cmp(&a.plen))`.
    /// E.g. 0.0.0.0/0, 10.0.0.0/24, 10.0.0.0/8, 10.1.0.0/16, 192.168.1.0/24.
    pub fn iter_linux_v4(&self) -> LinuxV4Iter<'_, K, V> {
        LinuxV4Iter { inner: self.iter(), run: Vec::new(), peeked: None }
    }

    /// Every entry in the order of Linux's IPv6 fib6 tree walk: a post-order
    /// walk of the binary prefix tree (0-branch, then 1-branch, then the node
    /// itself). Comparator: with `c = min(a.plen, b.plen)`, if
    /// `a.key.mask(c) == b.key.mask(c)` (one prefix contains the other) the
    /// longer comes first (`b.plen.cmp(&a.plen)`), otherwise the smaller key
    /// (`a.key.cmp(&b.key)`, i.e. the one with 0 at the first differing bit).
    /// E.g. ::1/128, 2001:db8::/64, fe80::/64, ::/0.
    pub fn iter_postorder(&self) -> Iter<'_, K, V> {
        Iter::new(self, true)
    }

    /// Every value, in no particular order.
    pub fn values(&self) -> impl Iterator<Item = &V> + '_ {
        let inline = self.nodes.slots.iter().flat_map(|c| c.vals.iter());
        self.values.slots.iter().chain(inline).filter_map(Option::as_ref)
    }

    /// Every value, for changing, in no particular order.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> + '_ {
        let inline = self.nodes.slots.iter_mut().flat_map(|c| c.vals.iter_mut());
        self.values.slots.iter_mut().chain(inline).filter_map(Option::as_mut)
    }
}

/// The prefixes containing an address, longest first: see [`PrefixTrie::matches`].
pub struct Matches<'a, K: PrefixKey, V> {
    trie: &'a PrefixTrie<K, V>,
    addr: K,
    /// Nodes on the address's path, root first.
    path: [u32; MAX_LEVELS],
    /// Path nodes not yet scanned.
    levels: usize,
    /// The node being scanned, and its index.
    node: Node,
    idx: u32,
    /// Its matching positions not yet yielded.
    pending: u64,
}

impl<'a, K: PrefixKey, V> Iterator for Matches<'a, K, V> {
    type Item = (K, u8, &'a V);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.pending != 0 {
                let pos = 63 - self.pending.leading_zeros();
                self.pending &= !(1u64 << pos);
                let vd = (self.levels as u8) * STRIDE;
                let len = real_len(vd, pos);
                if let Some(v) = self.trie.value_at(slot_at(self.idx, &self.node, rank(self.node.int, pos))) {
                    return Some((self.addr.mask(len), len, v));
                }
                continue;
            }
            if self.levels == 0 {
                return None;
            }
            self.levels -= 1;
            self.idx = self.path[self.levels];
            self.node = self.trie.node(self.idx)?;
            let vd = (self.levels as u8) * STRIDE;
            self.pending = self.node.int & MATCH[self.addr.chunk(vd) & 63];
        }
    }
}

impl<K: PrefixKey, V> FusedIterator for Matches<'_, K, V> {}

/// One node being walked by [`Iter`].
#[derive(Clone, Copy, Debug)]
struct Frame<K> {
    idx: u32,
    vd: u8,
    /// Next position to visit (0: done).
    pos: u32,
    /// The key bits above `vd`.
    base: K,
}

/// Entries in pre-order ([`PrefixTrie::iter`]) or post-order
/// ([`PrefixTrie::iter_postorder`]).
pub struct Iter<'a, K: PrefixKey, V> {
    trie: &'a PrefixTrie<K, V>,
    stack: Vec<Frame<K>>,
    post: bool,
    remaining: usize,
}

impl<'a, K: PrefixKey, V> Iter<'a, K, V> {
    fn new(trie: &'a PrefixTrie<K, V>, post: bool) -> Self {
        let mut it = Iter { trie, stack: Vec::new(), post, remaining: trie.len };
        if let Some(root) = trie.node(0) {
            it.push(0, 0, K::default(), root.all());
        }
        it
    }

    fn push(&mut self, idx: u32, vd: u8, base: K, all: u128) {
        let pos = match (all == 0, self.post) {
            (true, _) => 0,
            (false, false) => 1,
            (false, true) => post_descend(1, all),
        };
        self.stack.push(Frame { idx, vd, pos, base });
    }
}

impl<'a, K: PrefixKey, V> Iterator for Iter<'a, K, V> {
    type Item = (K, u8, &'a V);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let top = self.stack.last_mut()?;
            let p = top.pos;
            if p == 0 {
                self.stack.pop();
                continue;
            }
            let f = *top;
            let n = self.trie.node(f.idx)?;
            let all = n.all();
            top.pos = if self.post { post_next(p, all) } else { pre_next(p, all) };
            if p < 64 {
                if n.int >> p & 1 == 1 {
                    let Some(v) = self.trie.value_at(slot_at(f.idx, &n, rank(n.int, p))) else { continue };
                    let (key, len) = entry_of(f.base, f.vd, p);
                    self.remaining = self.remaining.saturating_sub(1);
                    return Some((key, len, v));
                }
            } else {
                let c = p - 64;
                let idx = n.child(c);
                let child = self.trie.node(idx)?;
                self.push(idx, f.vd + STRIDE, f.base.put_chunk(f.vd, c as usize), child.all());
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl<K: PrefixKey, V> ExactSizeIterator for Iter<'_, K, V> {}
impl<K: PrefixKey, V> FusedIterator for Iter<'_, K, V> {}

/// Entries in IPv4 fib_trie dump order: see [`PrefixTrie::iter_linux_v4`].
pub struct LinuxV4Iter<'a, K: PrefixKey, V> {
    inner: Iter<'a, K, V>,
    /// Entries with one key, shortest first (yielded from the end).
    run: Vec<(K, u8, &'a V)>,
    peeked: Option<(K, u8, &'a V)>,
}

impl<'a, K: PrefixKey, V> Iterator for LinuxV4Iter<'a, K, V> {
    type Item = (K, u8, &'a V);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.run.pop() {
            return Some(e);
        }
        // Pre-order yields equal keys together, shortest first: reverse each run.
        let first = self.peeked.take().or_else(|| self.inner.next())?;
        self.run.push(first);
        loop {
            match self.inner.next() {
                Some(e) if e.0 == first.0 => self.run.push(e),
                other => {
                    self.peeked = other;
                    break;
                }
            }
        }
        self.run.pop()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.inner.remaining + self.run.len() + usize::from(self.peeked.is_some());
        (n, Some(n))
    }
}

impl<K: PrefixKey, V> ExactSizeIterator for LinuxV4Iter<'_, K, V> {}
impl<K: PrefixKey, V> FusedIterator for LinuxV4Iter<'_, K, V> {}
