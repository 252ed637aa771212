//! Routing tables: one longest-prefix-match trie per table and family, each
//! prefix holding its routes (Linux's fib_alias list) in Linux's order.

mod trie;
pub use trie::*;


use super::route::Route;

/// The routes stored at one prefix, in the order Linux keeps them.
pub type Aliases<K> = Vec<Route<K>>;

/// Linux's dump order of two prefixes: IPv4 fib_trie order (key ascending,
/// longer first for equal keys), IPv6 fib6 walk order (post-order).
pub fn dump_cmp<K: PrefixKey>(a: K, alen: u8, b: K, blen: u8) -> std::cmp::Ordering {
    if K::BITS == 32 {
        a.cmp(&b).then(blen.cmp(&alen))
    } else {
        let common = alen.min(blen);
        if a.mask(common) == b.mask(common) { blen.cmp(&alen) } else { a.cmp(&b) }
    }
}

/// The routing tables of one family in one namespace.
#[derive(Debug, Clone)]
pub struct Fib<K: PrefixKey> {
    tables: crate::vecmap::VecMap<u32, PrefixTrie<K, Aliases<K>>>,
}

impl<K: PrefixKey> Default for Fib<K> {
    fn default() -> Self {
        Fib::new()
    }
}

impl<K: PrefixKey> Fib<K> {
    /// No tables.
    pub fn new() -> Self {
        Fib { tables: crate::vecmap::VecMap::new() }
    }

    /// The ids of tables that hold at least one route, ascending.
    pub fn table_ids(&self) -> impl Iterator<Item = u32> + '_ {
        self.tables.iter().filter(|(_, t)| !t.is_empty()).map(|(id, _)| *id)
    }

    /// A table's trie, if it exists.
    pub fn table(&self, id: u32) -> Option<&PrefixTrie<K, Aliases<K>>> {
        self.tables.get(&id)
    }

    /// A table's trie, created if missing (`fib_new_table`: creating the
    /// local table creates main too).
    pub fn table_mut(&mut self, id: u32) -> &mut PrefixTrie<K, Aliases<K>> {
        if id == crate::wire::route::table::LOCAL {
            self.tables.entry_or_insert_with(crate::wire::route::table::MAIN, PrefixTrie::new);
        }
        self.tables.entry_or_insert_with(id, PrefixTrie::new)
    }

    /// The routes at exactly `dst/len` in a table.
    pub fn aliases(&self, table: u32, dst: K, len: u8) -> Option<&Aliases<K>> {
        self.tables.get(&table)?.get(dst, len)
    }

    /// Removes every route for which `doomed` is true, returning them table
    /// by table in the order Linux dumps (and flushes) them.
    pub fn remove_where(&mut self, mut doomed: impl FnMut(&Route<K>) -> bool) -> Vec<Route<K>> {
        let mut removed = Vec::new();
        for trie in self.tables.values_mut() {
            let mut here = Vec::new();
            trie.retain(|_, _, aliases| {
                let mut i = 0;
                while i < aliases.len() {
                    if doomed(&aliases[i]) {
                        here.push(aliases.remove(i));
                    } else {
                        i += 1;
                    }
                }
                !aliases.is_empty()
            });
            // retain visits prefixes key-ascending, shorter first; a stable
            // sort puts them in dump order and keeps alias order.
            crate::sorting::sort_by(&mut here, |a, b| dump_cmp(a.dst, a.dst_len, b.dst, b.dst_len));
            removed.append(&mut here);
        }
        removed
    }

    /// Applies `f` to every route (to refresh derived flags).
    pub fn for_each_mut(&mut self, mut f: impl FnMut(&mut Route<K>)) {
        for trie in self.tables.values_mut() {
            trie.retain(|_, _, aliases| {
                aliases.iter_mut().for_each(&mut f);
                true
            });
        }
    }

    /// Heap bytes the tables take: the tries plus the routes they hold.
    pub fn memory_bytes(&self) -> usize {
        use std::mem::size_of;
        self.tables
            .values()
            .map(|t| {
                let routes: usize = t
                    .values()
                    .map(|a| {
                        a.capacity() * size_of::<Route<K>>()
                            + a.iter()
                                .map(|r| r.nexthops.capacity() * size_of::<super::route::NextHop<K>>() + r.metrics.capacity() * 8)
                                .sum::<usize>()
                    })
                    .sum();
                t.memory_bytes() + routes
            })
            .sum()
    }

    /// Total number of routes.
    pub fn route_count(&self) -> usize {
        self.tables.values().map(|t| t.values().map(|a| a.len()).sum::<usize>()).sum()
    }
}
