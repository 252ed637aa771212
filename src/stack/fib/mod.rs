//! Routing tables: one longest-prefix-match trie per table and family, each
//! prefix holding its routes (Linux's fib_alias list) in Linux's order. The
//! lists are interned ([`store`]): prefixes whose routes are alike share one
//! copy, as Linux's routes share a `fib_info`, so a table of a million
//! routes through a few gateways costs little more than its trie.

pub mod nexthop4;
pub mod nexthop6;
mod store;
mod trie;
pub use store::ListId;
pub use trie::*;

use super::route::{Alias, Route, RouteRef};
use store::Store;

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
    tables: crate::vecmap::VecMap<u32, PrefixTrie<K, ListId>>,
    lists: Store<Alias<K>>,
    /// Routes held, kept as they come and go.
    routes: usize,
    /// `fib_has_custom_rules`: a local table created from now on comes
    /// alone, without main ([`Fib::create_table`]).
    local_alone: bool,
}

impl<K: PrefixKey> Default for Fib<K> {
    fn default() -> Self {
        Fib::new()
    }
}

impl<K: PrefixKey> Fib<K> {
    /// No tables.
    pub fn new() -> Self {
        Fib { tables: crate::vecmap::VecMap::new(), lists: Store::default(), routes: 0, local_alone: false }
    }

    /// The ids of tables that hold at least one route, ascending.
    pub fn table_ids(&self) -> impl Iterator<Item = u32> + '_ {
        self.tables.iter().filter(|(_, t)| !t.is_empty()).map(|(id, _)| *id)
    }

    /// The namespace's IPv4 rules were changed (`fib_has_custom_rules`):
    /// from now on the local table no longer brings main with it.
    pub fn set_custom_rules(&mut self) {
        self.local_alone = true;
    }

    /// Whether a table exists (was created, even if it is empty now).
    pub fn has_table(&self, id: u32) -> bool {
        self.tables.get(&id).is_some()
    }

    /// Whether a table exists and holds a route.
    pub fn has_routes(&self, id: u32) -> bool {
        self.tables.get(&id).is_some_and(|t| !t.is_empty())
    }

    /// Creates a table if missing (`fib_new_table`: creating the local
    /// table creates main too, unless IPv4 rules were changed before).
    pub fn create_table(&mut self, id: u32) {
        if id == crate::wire::route::table::LOCAL && !self.local_alone && self.tables.get(&id).is_none() {
            self.tables.entry_or_insert_with(crate::wire::route::table::MAIN, PrefixTrie::new);
        }
        self.tables.entry_or_insert_with(id, PrefixTrie::new);
    }

    /// The routes at exactly `dst/len` in a table.
    pub fn aliases(&self, table: u32, dst: K, len: u8) -> Option<&[Alias<K>]> {
        let id = *self.tables.get(&table)?.get(dst, len)?;
        Some(self.lists.get(id))
    }

    /// The prefixes of a table that contain `addr`, longest first, with
    /// their routes (nothing when the table does not exist).
    pub fn matches(&self, table: u32, addr: K) -> impl Iterator<Item = (K, u8, &[Alias<K>])> + '_ {
        self.tables.get(&table).into_iter().flat_map(move |t| t.matches(addr)).map(|(k, l, id)| (k, l, self.lists.get(*id)))
    }

    /// Whether a table holds a prefix within `key/len` (that prefix or a
    /// longer one inside it).
    pub fn has_prefix_under(&self, table: u32, key: K, len: u8) -> bool {
        let key = key.mask(len);
        self.tables.get(&table).is_some_and(|t| t.iter().any(|(k, l, _)| l >= len && k.mask(len) == key))
    }

    /// The longest prefix of a table that contains `addr`, with its routes.
    pub fn longest_match(&self, table: u32, addr: K) -> Option<(K, u8, &[Alias<K>])> {
        let (k, l, id) = self.tables.get(&table)?.longest_match(addr)?;
        Some((k, l, self.lists.get(*id)))
    }

    /// The routes of a table in the order Linux dumps them.
    pub fn dump_order(&self, table: u32) -> Vec<RouteRef<'_, K>> {
        let Some(trie) = self.tables.get(&table) else { return Vec::new() };
        let prefixes: Box<dyn Iterator<Item = (K, u8, &ListId)>> =
            if K::BITS == 32 { Box::new(trie.iter_linux_v4()) } else { Box::new(trie.iter_postorder()) };
        prefixes
            .flat_map(|(dst, dst_len, id)| self.lists.get(*id).iter().map(move |alias| RouteRef { table, dst, dst_len, alias }))
            .collect()
    }

    /// Changes the routes at `dst/len` (creating the table if needed): `f`
    /// gets them as a list it may reorder, grow or empty; a prefix left
    /// without routes goes.
    pub fn edit<R>(&mut self, table: u32, dst: K, len: u8, f: impl FnOnce(&mut Vec<Route<K>>) -> R) -> R {
        let (old, mut routes) = self.take(table, dst, len);
        let out = f(&mut routes);
        self.put(table, dst, len, old, routes);
        out
    }

    /// Adds `alias` as the only route of `dst/len` when that prefix holds
    /// none (creating the table if needed), in one walk of the trie and
    /// without copying the route when a prefix has alike routes already;
    /// false, and nothing changed, when the prefix has routes (or a length
    /// the trie refuses): [`Fib::edit`] is then the way.
    pub fn insert_first(&mut self, table: u32, dst: K, len: u8, alias: &Alias<K>) -> bool {
        self.create_table(table);
        let Fib { tables, lists, routes, .. } = self;
        let Some(trie) = tables.get_mut(&table) else { return false };
        let mut added = false;
        trie.try_get_or_insert_with(dst.mask(len), len, || {
            added = true;
            lists.intern_one(alias)
        });
        if added {
            *routes += 1;
        }
        added
    }

    /// The first half of [`Fib::edit`]: the routes at a prefix as an owned
    /// list, and the handle they came from.
    #[inline(never)]
    fn take(&mut self, table: u32, dst: K, len: u8) -> (Option<ListId>, Vec<Route<K>>) {
        self.create_table(table);
        let dst = dst.mask(len);
        let Some(old) = self.tables.get(&table).and_then(|t| t.get(dst, len)).copied() else { return (None, Vec::new()) };
        let routes = self.lists.get(old).iter().map(|alias| Route { table, dst, dst_len: len, alias: alias.clone() }).collect();
        (Some(old), routes)
    }

    /// The second half of [`Fib::edit`]: stores the changed list (or drops
    /// the prefix when it is empty) and lets the old one go.
    #[inline(never)]
    fn put(&mut self, table: u32, dst: K, len: u8, old: Option<ListId>, routes: Vec<Route<K>>) {
        let Fib { tables, lists, routes: count, .. } = self;
        let dst = dst.mask(len);
        if let Some(trie) = tables.get_mut(&table) {
            if routes.is_empty() {
                if old.is_some() {
                    trie.remove(dst, len);
                }
            } else {
                let n = routes.len();
                let id = lists.intern(routes.into_iter().map(|r| r.alias).collect());
                match trie.try_insert(dst, len, id) {
                    Ok(_) => *count += n,
                    // A prefix length the trie refuses: nothing is stored.
                    Err(id) => lists.release(id),
                }
            }
        }
        if let Some(id) = old {
            *count = count.saturating_sub(lists.get(id).len());
            lists.release(id);
        }
    }

    /// Removes every route for which `doomed` is true, returning them table
    /// by table in the order Linux dumps (and flushes) them.
    pub fn remove_where(&mut self, mut doomed: impl FnMut(&RouteRef<'_, K>) -> bool) -> Vec<Route<K>> {
        self.remove_where_dyn(&mut doomed)
    }

    /// [`Fib::remove_where`] compiled once per key type rather than once
    /// per caller's closure.
    fn remove_where_dyn(&mut self, doomed: &mut dyn FnMut(&RouteRef<'_, K>) -> bool) -> Vec<Route<K>> {
        let mut removed = Vec::new();
        let Fib { tables, lists, routes: count, .. } = self;
        for (&table, trie) in tables.iter_mut() {
            let mut here = Vec::new();
            trie.retain(|dst, dst_len, id| {
                let list = lists.get(*id);
                let view = |alias| RouteRef { table, dst, dst_len, alias };
                let Some(first) = list.iter().position(|a| doomed(&view(a))) else { return true };
                let mut keep = list[..first].to_vec();
                here.push(view(&list[first]).to_route());
                for a in &list[first + 1..] {
                    if doomed(&view(a)) {
                        here.push(view(a).to_route());
                    } else {
                        keep.push(a.clone());
                    }
                }
                let old = *id;
                let alive = !keep.is_empty();
                if alive {
                    *id = lists.intern(keep);
                }
                lists.release(old);
                alive
            });
            // retain visits prefixes key-ascending, shorter first; a stable
            // sort puts them in dump order and keeps alias order.
            crate::sorting::sort_by(&mut here, |a, b| dump_cmp(a.dst, a.dst_len, b.dst, b.dst_len));
            removed.append(&mut here);
        }
        *count = count.saturating_sub(removed.len());
        removed
    }

    /// Applies `f` to every route's attributes (to refresh next-hop flags);
    /// `f` must depend on nothing but the attributes, as routes share them.
    pub fn for_each_mut(&mut self, mut f: impl FnMut(&mut Alias<K>)) {
        self.lists.for_each_mut(&mut f);
    }

    /// Heap bytes the tables take: the tries plus the route lists they
    /// point at.
    pub fn memory_bytes(&self) -> usize {
        use std::mem::size_of;
        let tries: usize = self.tables.values().map(|t| t.memory_bytes()).sum();
        tries
            + self.lists.memory_bytes(|a| {
                a.nexthops.capacity() * size_of::<super::route::NextHop<K>>() + a.metrics.capacity() * size_of::<(u16, u32)>()
            })
    }

    /// Total number of routes.
    pub fn route_count(&self) -> usize {
        self.routes
    }

    /// Number of distinct route lists stored (prefixes share them).
    pub fn distinct_lists(&self) -> usize {
        self.lists.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::route::RouteType;

    fn via(table: u32, dst: u32, len: u8, gw: u32) -> Route<u32> {
        let mut r = Route::new(table, dst, len, RouteType::Unicast);
        r.nexthops.push(super::super::route::NextHop {
            gateway: Some(gw),
            ifindex: 2,
            weight: 1,
            flags: 0,
            scope: 0,
            realm: 0,
            via6: None,
        });
        r
    }

    #[test]
    fn alike_prefixes_share_their_routes_and_free_them_when_gone() {
        let mut fib = Fib::<u32>::new();
        for i in 0..100u32 {
            fib.edit(254, i << 8, 24, |a| a.push(via(254, i << 8, 24, 7)));
        }
        fib.edit(254, 0, 0, |a| a.push(via(254, 0, 0, 9)));
        assert_eq!(fib.route_count(), 101);
        assert_eq!(fib.distinct_lists(), 2);
        let r = fib.aliases(254, 5 << 8, 24).map(|a| a[0].nexthops[0].gateway);
        assert_eq!(r, Some(Some(7)));
        // Routes handed out carry their own prefix (dump order: key
        // ascending, the longer prefix first for equal keys).
        let dump = fib.dump_order(254);
        let seen: Vec<(u32, u8)> = dump.iter().take(3).map(|r| (r.dst, r.dst_len)).collect();
        assert_eq!(seen, [(0, 24), (0, 0), (1 << 8, 24)]);
        let gone = fib.remove_where(|r| r.nexthops[0].gateway == Some(7) && r.dst < 50 << 8);
        assert_eq!(gone.len(), 50);
        assert!(gone.iter().all(|r| r.table == 254 && r.dst_len == 24));
        fib.edit(254, 0, 0, |a| a.clear());
        assert_eq!(fib.distinct_lists(), 1);
        let _ = fib.remove_where(|_| true);
        assert_eq!(fib.route_count(), 0);
        assert_eq!(fib.distinct_lists(), 0);
        assert!(fib.has_table(254) && !fib.has_routes(254));
    }

    #[test]
    fn a_first_route_goes_in_as_edit_would_put_it() {
        let (mut fast, mut slow) = (Fib::<u32>::new(), Fib::<u32>::new());
        for i in 0..50u32 {
            let r = via(254, i << 8, 24, 7 + i % 3);
            assert!(fast.insert_first(254, r.dst, r.dst_len, &r.alias));
            slow.edit(254, r.dst, r.dst_len, |a| a.push(r));
        }
        // A prefix that has routes is left alone.
        let r = via(254, 5 << 8, 24, 99);
        assert!(!fast.insert_first(254, r.dst, r.dst_len, &r.alias));
        // So is a prefix length the trie refuses.
        assert!(!fast.insert_first(254, 0, 33, &r.alias));
        assert_eq!(fast.route_count(), slow.route_count());
        assert_eq!(fast.distinct_lists(), 3);
        assert_eq!(fast.distinct_lists(), slow.distinct_lists());
        let routes = |f: &Fib<u32>| f.dump_order(254).iter().map(|r| r.to_route()).collect::<Vec<_>>();
        assert_eq!(routes(&fast), routes(&slow));
        // The handles are counted as edit's are: removing every route frees every list.
        let _ = fast.remove_where(|_| true);
        assert_eq!(fast.distinct_lists(), 0);
    }

    #[test]
    fn a_change_to_shared_attributes_reaches_every_prefix() {
        let mut fib = Fib::<u32>::new();
        fib.edit(254, 1 << 24, 8, |a| a.push(via(254, 1 << 24, 8, 7)));
        fib.edit(254, 2 << 24, 8, |a| a.push(via(254, 2 << 24, 8, 7)));
        fib.for_each_mut(|a| a.nexthops.iter_mut().for_each(|nh| nh.flags |= 1));
        for p in [1u32, 2] {
            assert_eq!(fib.aliases(254, p << 24, 8).map(|a| a[0].nexthops[0].flags), Some(1));
        }
        // A route added afterwards with the new flags joins the same list.
        let mut r = via(254, 3 << 24, 8, 7);
        r.nexthops[0].flags = 1;
        fib.edit(254, 3 << 24, 8, |a| a.push(r));
        assert_eq!(fib.distinct_lists(), 1);
    }
}
