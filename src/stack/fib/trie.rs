//! Provisional prefix map with the trie's interface (replaced by the real trie).

use std::collections::BTreeMap;
use std::fmt::Debug;

/// An address usable as a trie key.
pub trait PrefixKey: Copy + Ord + Eq + Debug + Default {
    /// Key width in bits.
    const BITS: u8;
    /// The key with bits beyond `plen` cleared.
    fn mask(self, plen: u8) -> Self;
}

impl PrefixKey for u32 {
    const BITS: u8 = 32;
    fn mask(self, plen: u8) -> Self {
        if plen == 0 { 0 } else if plen >= 32 { self } else { self & (u32::MAX << (32 - plen)) }
    }
}

impl PrefixKey for u128 {
    const BITS: u8 = 128;
    fn mask(self, plen: u8) -> Self {
        if plen == 0 { 0 } else if plen >= 128 { self } else { self & (u128::MAX << (128 - plen)) }
    }
}

/// Whether `key` has no bits set beyond `plen`.
pub fn is_canonical<K: PrefixKey>(key: K, plen: u8) -> bool {
    plen <= K::BITS && key.mask(plen) == key
}

/// Longest-prefix-match map from prefixes to values.
#[derive(Debug, Clone, Default)]
pub struct PrefixTrie<K: PrefixKey, V> {
    map: BTreeMap<(K, u8), V>,
}

impl<K: PrefixKey, V> PrefixTrie<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        PrefixTrie { map: BTreeMap::new() }
    }
    /// Number of prefixes.
    pub fn len(&self) -> usize {
        self.map.len()
    }
    /// Whether no prefix is stored.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    /// The value at exactly `key/plen`.
    pub fn get(&self, key: K, plen: u8) -> Option<&V> {
        self.map.get(&(key.mask(plen), plen))
    }
    /// The value at exactly `key/plen`, mutable.
    pub fn get_mut(&mut self, key: K, plen: u8) -> Option<&mut V> {
        self.map.get_mut(&(key.mask(plen), plen))
    }
    /// Stores a value, returning the previous one.
    pub fn insert(&mut self, key: K, plen: u8, v: V) -> Option<V> {
        if plen > K::BITS {
            return None;
        }
        self.map.insert((key.mask(plen), plen), v)
    }
    /// Removes a prefix.
    pub fn remove(&mut self, key: K, plen: u8) -> Option<V> {
        self.map.remove(&(key.mask(plen), plen))
    }
    /// The value at a prefix, inserted with `f` when missing.
    pub fn get_or_insert_with(&mut self, key: K, plen: u8, f: impl FnOnce() -> V) -> &mut V {
        self.map.entry((key.mask(plen.min(K::BITS)), plen.min(K::BITS))).or_insert_with(f)
    }
    /// Every stored prefix containing `addr`, longest first.
    pub fn matches(&self, addr: K) -> impl Iterator<Item = (K, u8, &V)> {
        (0..=K::BITS).rev().filter_map(move |l| self.map.get(&(addr.mask(l), l)).map(|v| (addr.mask(l), l, v)))
    }
    /// The longest stored prefix containing `addr`.
    pub fn longest_match(&self, addr: K) -> Option<(K, u8, &V)> {
        self.matches(addr).next()
    }
    /// IPv4 dump order: ascending key, longer prefix first for equal keys.
    pub fn iter_linux_v4(&self) -> impl Iterator<Item = (K, u8, &V)> {
        let mut v: Vec<_> = self.map.iter().map(|((k, l), v)| (*k, *l, v)).collect();
        v.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        v.into_iter()
    }
    /// IPv6 dump order: post-order walk of the prefix tree.
    pub fn iter_postorder(&self) -> impl Iterator<Item = (K, u8, &V)> {
        let mut v: Vec<_> = self.map.iter().map(|((k, l), v)| (*k, *l, v)).collect();
        v.sort_by(|a, b| {
            let common = a.1.min(b.1);
            if a.0.mask(common) == b.0.mask(common) {
                b.1.cmp(&a.1)
            } else {
                a.0.cmp(&b.0)
            }
        });
        v.into_iter()
    }
    /// All values, in no particular order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.map.values()
    }
    /// Estimated heap bytes of the structure itself (values excluded).
    pub fn memory_bytes(&self) -> usize {
        // A B-tree node holds up to 11 entries plus bookkeeping.
        self.map.len() * (std::mem::size_of::<(K, u8)>() + std::mem::size_of::<V>() + 16)
    }
    /// Keeps only the prefixes for which `f` returns true.
    pub fn retain(&mut self, mut f: impl FnMut(K, u8, &mut V) -> bool) {
        self.map.retain(|(k, l), v| f(*k, *l, v));
    }
}
