//! Routes: what a routing-table entry holds, and the family-independent parts
//! of adding, deleting and looking them up (net/ipv4/fib_trie.c,
//! fib_semantics.c; net/ipv6/route.c, ip6_fib.c).

use super::fib::{Fib, PrefixKey};
use super::namespace::Namespace;
use super::{Event, NsId};
use crate::errno::{Errno, KResult, KernelError};
use crate::wire::route::{RouteType, scope};
use crate::wire::{AF_INET, AF_INET6};

/// One next hop of a route.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NextHop<K> {
    /// The gateway, if the route goes through one.
    pub gateway: Option<K>,
    /// The output device (0 for none).
    pub ifindex: u32,
    /// Weight, 1..=256 (`rtnh_hops + 1`).
    pub weight: u16,
    /// RTNH_F_ONLINK and RTNH_F_DEAD as configured or learned.
    pub flags: u8,
    /// The next hop's own scope (`fib_nh_scope`): host for a device route,
    /// nowhere for host-scope routes, the gateway route's scope otherwise.
    pub scope: u8,
    /// Routing realms (RTA_FLOW, `nh_tclassid`): source << 16 | destination.
    pub realm: u32,
    /// An IPv6 gateway of an IPv4 route (RTA_VIA with AF_INET6,
    /// `fib_nh_gw_family` AF_INET6); `gateway` is then none.
    pub via6: Option<Box<u128>>,
}

/// A route apart from its table and prefix: Linux's `fib_alias` (tos, type)
/// and the `fib_info` behind it in one. Routing tables store these, shared
/// among the prefixes whose routes are alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Alias<K> {
    /// Source prefix (IPv6 subtrees only).
    pub src: K,
    /// Source prefix length.
    pub src_len: u8,
    /// Type of service (IPv4) / traffic class selector.
    pub tos: u8,
    /// RTN_* type.
    pub kind: RouteType,
    /// RTPROT_* origin.
    pub protocol: u8,
    /// RT_SCOPE_* scope.
    pub scope: u8,
    /// Metric (`priority`).
    pub priority: u32,
    /// Preferred source address.
    pub prefsrc: Option<K>,
    /// RTAX_* metrics that were set, sorted by number.
    pub metrics: Vec<(u16, u32)>,
    /// Next hops; empty for blackhole and the like.
    pub nexthops: Vec<NextHop<K>>,
    /// Whether the route was given as RTA_MULTIPATH.
    pub multipath: bool,
    /// IPv6 router preference (RTA_PREF).
    pub pref: u8,
    /// Whether the kernel made the route for an address (IPv6 RTF_ADDRCONF-like
    /// "kernel" routes that user space may not merge into).
    pub auto: bool,
    /// IPv6 siblings with metrics of their own: each leg's metrics, one
    /// entry a next hop (empty while every leg has `metrics`). Linux keeps
    /// each leg as its own `fib6_info`; dumps show the first leg's.
    pub leg_metrics: Vec<Vec<(u16, u32)>>,
    /// The request's own RTNH_F_ONLINK of an IPv4 multipath route
    /// (`fib_info`'s fib_flags, dumped in rtm_flags; each leg keeps only
    /// its own flags).
    pub fib_flags: u8,
    /// The next-hop object the route goes through (RTA_NH_ID), 0 for
    /// none; `nexthops` then holds its resolved legs
    /// ([`super::nexthop::resolve`]).
    pub nh_id: u32,
    /// The type a route through an object was asked for (`fib_info`'s
    /// fib_type), which `kind` shows while the object is no blackhole;
    /// `kind` is what lookups and dumps see (`nexthop_is_blackhole`).
    pub nh_kind: RouteType,
}

impl<K: Clone> Alias<K> {
    /// Joins `other`'s next hops as siblings after this route's, each keeping
    /// its metrics (`fib6_add_rt2node` linking a sibling).
    pub fn join_legs(&mut self, other: &Alias<K>) {
        if self.leg_metrics.is_empty() && other.metrics != self.metrics {
            self.leg_metrics = vec![self.metrics.clone(); self.nexthops.len()];
        }
        if !self.leg_metrics.is_empty() {
            self.leg_metrics.extend(std::iter::repeat_n(other.metrics.clone(), other.nexthops.len()));
        }
        self.nexthops.extend(other.nexthops.iter().cloned());
        self.multipath = true;
    }

    /// Removes the sibling at `k`; the route shows the new first leg's
    /// metrics. Returns the leg as a route of its own.
    pub fn remove_leg(&mut self, k: usize) -> Alias<K> {
        let mut gone = self.clone();
        gone.leg_metrics = Vec::new();
        gone.multipath = false;
        gone.nexthops = vec![self.nexthops.remove(k)];
        if k < self.leg_metrics.len() {
            gone.metrics = self.leg_metrics.remove(k);
        }
        self.multipath = self.nexthops.len() > 1;
        self.settle_legs();
        gone
    }

    /// Keeps the siblings `keep` accepts (with their metrics).
    pub fn retain_legs(&mut self, keep: impl Fn(&NextHop<K>) -> bool) {
        let mut k = 0;
        while k < self.nexthops.len() {
            if keep(&self.nexthops[k]) {
                k += 1;
            } else {
                self.nexthops.remove(k);
                if k < self.leg_metrics.len() {
                    self.leg_metrics.remove(k);
                }
            }
        }
        self.multipath = self.nexthops.len() > 1;
        self.settle_legs();
    }

    /// The first leg's metrics become the route's; per-leg metrics are
    /// dropped once every leg has the same.
    fn settle_legs(&mut self) {
        if let Some(first) = self.leg_metrics.first() {
            self.metrics = first.clone();
        }
        if self.leg_metrics.iter().all(|m| *m == self.metrics) {
            self.leg_metrics = Vec::new();
        }
    }
}

/// A routing-table entry: the table and prefix, and the route's attributes
/// (reachable as if they were its own fields).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route<K> {
    /// Table id.
    pub table: u32,
    /// Destination prefix (host bits clear).
    pub dst: K,
    /// Destination prefix length.
    pub dst_len: u8,
    /// Everything else.
    pub alias: Alias<K>,
}

impl<K> std::ops::Deref for Route<K> {
    type Target = Alias<K>;
    fn deref(&self) -> &Alias<K> {
        &self.alias
    }
}

impl<K> std::ops::DerefMut for Route<K> {
    fn deref_mut(&mut self) -> &mut Alias<K> {
        &mut self.alias
    }
}

/// A route as a table holds it, borrowed: table and prefix with the shared
/// attributes (reachable as if they were its own fields).
#[derive(Debug, Clone, Copy)]
pub struct RouteRef<'a, K> {
    /// Table id.
    pub table: u32,
    /// Destination prefix.
    pub dst: K,
    /// Destination prefix length.
    pub dst_len: u8,
    /// Everything else.
    pub alias: &'a Alias<K>,
}

impl<K> std::ops::Deref for RouteRef<'_, K> {
    type Target = Alias<K>;
    fn deref(&self) -> &Alias<K> {
        self.alias
    }
}

impl<K: Clone> RouteRef<'_, K> {
    /// An owned copy (for a notification or a reply).
    pub fn to_route(&self) -> Route<K> {
        Route { table: self.table, dst: self.dst.clone(), dst_len: self.dst_len, alias: self.alias.clone() }
    }
}

impl<K: PrefixKey> Route<K> {
    /// A borrowed view, as tables hand routes out.
    pub fn view(&self) -> RouteRef<'_, K> {
        RouteRef { table: self.table, dst: self.dst, dst_len: self.dst_len, alias: &self.alias }
    }

    /// A route with the given table, prefix and type, and everything else empty.
    pub fn new(table: u32, dst: K, dst_len: u8, kind: RouteType) -> Self {
        Route {
            table,
            dst,
            dst_len,
            alias: Alias {
                src: K::default(),
                src_len: 0,
                tos: 0,
                kind,
                protocol: 0,
                scope: scope::UNIVERSE,
                priority: 0,
                prefsrc: None,
                metrics: Vec::new(),
                nexthops: Vec::new(),
                multipath: false,
                pref: 0,
                auto: false,
                leg_metrics: Vec::new(),
                fib_flags: 0,
                nh_id: 0,
                nh_kind: kind,
            },
        }
    }
}

impl<K: PrefixKey> Alias<K> {
    /// Whether any next hop uses this device. A route through a next-hop
    /// object does not: its next hops stay out of the FIB's device hash
    /// and follow the object (`stack::nexthop::flush_dev`).
    pub fn uses_dev(&self, ifindex: u32) -> bool {
        self.nh_id == 0 && self.nexthops.iter().any(|nh| nh.ifindex == ifindex)
    }

    /// The first next hop's device (`fib_info_nh(fi, 0)->fib_nh_dev`).
    pub fn oif(&self) -> u32 {
        self.nexthops.first().map_or(0, |nh| nh.ifindex)
    }

    /// Whether two routes have the same next hops and attributes
    /// (`fib_info` equality, which makes an add a duplicate).
    pub fn same_info(&self, other: &Alias<K>) -> bool {
        self.protocol == other.protocol
            && self.nh_id == other.nh_id
            && self.scope == other.scope
            && self.priority == other.priority
            && self.prefsrc == other.prefsrc
            && self.metrics == other.metrics
            && self.nexthops.len() == other.nexthops.len()
            && self.nexthops.iter().zip(&other.nexthops).all(|(a, b)| {
                a.gateway == b.gateway
                    && a.ifindex == b.ifindex
                    && a.weight == b.weight
                    && (a.flags & !(crate::wire::route::rtnh_f::DEAD | crate::wire::route::rtnh_f::LINKDOWN))
                        == (b.flags & !(crate::wire::route::rtnh_f::DEAD | crate::wire::route::rtnh_f::LINKDOWN))
            })
    }
}

/// What differs between the IPv4 and IPv6 halves of the routing code.
pub trait Family: PrefixKey {
    /// AF_INET or AF_INET6.
    const FAMILY: u8;
    /// The family's tables in a namespace.
    fn fib(ns: &Namespace) -> &Fib<Self>;
    /// The family's tables in a namespace, for changing them.
    fn fib_mut(ns: &mut Namespace) -> &mut Fib<Self>;
    /// The notification for a route change.
    fn event(ns: NsId, new: bool, route: Route<Self>) -> Event;
    /// Reads an address from netlink bytes (4 or 16 in network order).
    fn from_bytes(b: &[u8]) -> Option<Self>;
    /// Writes an address as netlink bytes (network order).
    fn to_bytes(self) -> Vec<u8>;
}

impl Family for u32 {
    const FAMILY: u8 = AF_INET;
    fn fib(ns: &Namespace) -> &Fib<u32> {
        &ns.fib4
    }
    fn fib_mut(ns: &mut Namespace) -> &mut Fib<u32> {
        &mut ns.fib4
    }
    fn event(ns: NsId, new: bool, route: Route<u32>) -> Event {
        Event::Route4 { ns, new, route, nlflags: 0 }
    }
    fn from_bytes(b: &[u8]) -> Option<u32> {
        Some(u32::from_be_bytes(b.get(..4)?.try_into().ok()?)).filter(|_| b.len() == 4)
    }
    fn to_bytes(self) -> Vec<u8> {
        self.to_be_bytes().to_vec()
    }
}

impl Family for u128 {
    const FAMILY: u8 = AF_INET6;
    fn fib(ns: &Namespace) -> &Fib<u128> {
        &ns.fib6
    }
    fn fib_mut(ns: &mut Namespace) -> &mut Fib<u128> {
        &mut ns.fib6
    }
    fn event(ns: NsId, new: bool, route: Route<u128>) -> Event {
        Event::Route6 { ns, new, route, nlflags: 0 }
    }
    fn from_bytes(b: &[u8]) -> Option<u128> {
        Some(u128::from_be_bytes(b.get(..16)?.try_into().ok()?)).filter(|_| b.len() == 16)
    }
    fn to_bytes(self) -> Vec<u8> {
        self.to_be_bytes().to_vec()
    }
}

/// How an add request wants existing routes treated (nlmsg_flags).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AddMode {
    /// NLM_F_CREATE.
    pub create: bool,
    /// NLM_F_EXCL.
    pub excl: bool,
    /// NLM_F_REPLACE.
    pub replace: bool,
    /// NLM_F_APPEND.
    pub append: bool,
}

/// Inserts an IPv4 route the way `fib_table_insert` does: aliases at a prefix
/// are ordered by tos (descending) then priority; EXCL, REPLACE, APPEND and
/// duplicate detection as Linux.
pub fn insert_v4(ns: &mut Namespace, route: Route<u32>, mode: AddMode) -> KResult<Vec<Event>> {
    let mut events = Vec::new();
    insert_v4_into(ns, route, mode, &mut events)?;
    Ok(events)
}

/// [`insert_v4`], its event pushed onto `events` (a request's list, whose
/// room the kernel keeps from one request to the next).
pub fn insert_v4_into(ns: &mut Namespace, route: Route<u32>, mode: AddMode, events: &mut Vec<Event>) -> KResult<()> {
    let id = ns.id;
    let (table, dst, dst_len) = (route.table, route.dst, route.dst_len);
    // A full FIB (super::limits::ROUTES_MAX) takes no new route: ENOBUFS,
    // as fib_table_insert failing to allocate its fib_alias gives.
    let full = ns.fib4.route_count() >= ns.limits.routes;
    // A prefix without routes takes the new one whatever the mode allows
    // besides CREATE (the last branch below), without the list's round trip.
    if mode.create && !full && ns.fib4.insert_first(table, dst, dst_len, &route.alias) {
        events.push(Event::Route4 { ns: id, new: true, route, nlflags: 0x600 });
        return Ok(());
    }
    let event = ns.fib4.edit(table, dst, dst_len, |aliases| -> KResult<Event> {
        // fib_find_alias: first alias with tos <= ours and, for equal tos, priority >= ours.
        let pos =
            aliases.iter().position(|a| a.tos < route.tos || (a.tos == route.tos && a.priority >= route.priority)).unwrap_or(aliases.len());
        let same = |a: &Route<u32>| a.tos == route.tos && a.priority == route.priority;
        if pos < aliases.len() && same(&aliases[pos]) {
            if mode.excl {
                return Err(Errno::EEXIST.into());
            }
            if mode.replace {
                aliases[pos] = route.clone();
                return Ok(Event::Route4 { ns: id, new: true, route, nlflags: crate::wire::NLM_F_REPLACE });
            }
            let end = pos + aliases[pos..].iter().take_while(|a| same(a)).count();
            if aliases[pos..end].iter().any(|a| a.kind == route.kind && a.same_info(&route)) {
                return Err(Errno::EEXIST.into());
            }
            if !mode.create {
                return Err(Errno::ENOENT.into());
            }
            if full {
                return Err(Errno::ENOBUFS.into());
            }
            let at = if mode.append { end } else { pos };
            aliases.insert(at, route.clone());
            // fib_table_insert: EXCL|CREATE, plus APPEND when appended to a group.
            // Joining an existing group clears EXCL from the notification.
            let extra = if mode.append { crate::wire::NLM_F_APPEND } else { 0 };
            return Ok(Event::Route4 { ns: id, new: true, route, nlflags: crate::wire::NLM_F_CREATE | extra });
        }
        if !mode.create {
            return Err(Errno::ENOENT.into());
        }
        if full {
            return Err(Errno::ENOBUFS.into());
        }
        aliases.insert(pos, route.clone());
        Ok(Event::Route4 { ns: id, new: true, route, nlflags: 0x600 })
    })?;
    events.push(event);
    Ok(())
}

/// Which routes a delete request names: every field given must match
/// (`fib_table_delete`), fields left out match anything.
#[derive(Debug, Clone, Default)]
pub struct RouteFilter<K> {
    /// Table id.
    pub table: u32,
    /// Prefix.
    pub dst: K,
    /// Prefix length.
    pub dst_len: u8,
    /// TOS.
    pub tos: u8,
    /// Type, if given (RTN_UNSPEC matches any).
    pub kind: Option<RouteType>,
    /// Protocol, if given.
    pub protocol: Option<u8>,
    /// Scope, if given (RT_SCOPE_NOWHERE means any).
    pub scope: Option<u8>,
    /// Priority, if given.
    pub priority: Option<u32>,
    /// Preferred source, if given.
    pub prefsrc: Option<K>,
    /// Next hops that must be present, if given.
    pub nexthops: Vec<NextHop<K>>,
    /// Whether they came as RTA_MULTIPATH (IPv6 then deletes just those
    /// siblings).
    pub multipath: bool,
    /// The next-hop object named (RTA_NH_ID), if any.
    pub nh_id: Option<u32>,
}

impl<K: PrefixKey> RouteFilter<K> {
    /// Whether `r` is a route this filter names, its next hops compared as
    /// IPv6 does (each one given is among the route's).
    pub fn matches(&self, r: &Alias<K>) -> bool {
        // ip6_route_del: an object id must be the route's; a route through
        // an object goes whatever next hops were named.
        if self.nh_id.is_some_and(|id| id != r.nh_id) {
            return false;
        }
        if r.nh_id != 0 {
            return self.fields_match(r);
        }
        self.fields_match(r)
            && self.nexthops.iter().all(|want| {
                r.nexthops.iter().any(|nh| {
                    (want.ifindex == 0 || want.ifindex == nh.ifindex)
                        && (want.gateway.is_none() || want.gateway == nh.gateway)
                        && (want.via6.is_none() || want.via6 == nh.via6)
                })
            })
    }

    /// Whether `r` has the fields this filter names, next hops apart.
    fn fields_match(&self, r: &Alias<K>) -> bool {
        r.tos == self.tos
            && self.kind.is_none_or(|k| k == r.kind)
            && self.protocol.is_none_or(|p| p == r.protocol)
            && self.scope.is_none_or(|s| s == r.scope)
            && self.priority.is_none_or(|p| p == r.priority)
            && self.prefsrc.is_none_or(|p| Some(p) == r.prefsrc)
    }
}

impl<K: Family> RouteFilter<K> {
    /// Whether `r` is a route this filter names, as its family's delete
    /// compares them. `fib_nh_match` for an IPv4 delete: a next hop given alone (RTA_OIF,
    /// RTA_GATEWAY, RTA_VIA) is compared with the route's first one; with
    /// RTA_MULTIPATH each of the route's next hops with the one at its place
    /// in the request (fewer given than the route has: no match).
    fn matches_in_family(&self, r: &Alias<K>) -> bool {
        if K::FAMILY != AF_INET {
            return self.matches(r);
        }
        self.fields_match(r) && self.nexthops_match_v4(r)
    }

    /// The next hops of `fib_nh_match`. A route through a next-hop object
    /// matches only its id, or no next hop named at all.
    fn nexthops_match_v4(&self, r: &Alias<K>) -> bool {
        if let Some(id) = self.nh_id {
            return r.nh_id == id;
        }
        if r.nh_id != 0 {
            return self.nexthops.is_empty() && !self.multipath;
        }
        let leg = |want: &NextHop<K>, nh: &NextHop<K>| {
            (want.ifindex == 0 || want.ifindex == nh.ifindex)
                && (want.gateway.is_none() || want.gateway == nh.gateway)
                && (want.via6.is_none() || want.via6 == nh.via6)
        };
        if !self.multipath {
            return match (self.nexthops.first(), r.nexthops.first()) {
                (None, _) => true,
                (Some(want), Some(nh)) => leg(want, nh),
                (Some(_), None) => false,
            };
        }
        self.nexthops.len() >= r.nexthops.len() && r.nexthops.iter().zip(&self.nexthops).all(|(nh, want)| leg(want, nh))
    }
}

/// Deletes the first route a filter names (ESRCH when none does).
pub fn delete<K: Family>(ns: &mut Namespace, filter: &RouteFilter<K>) -> KResult<Vec<Event>> {
    let id = ns.id;
    let fib = K::fib_mut(ns);
    if fib.aliases(filter.table, filter.dst, filter.dst_len).is_none() {
        return Err(KernelError::new(Errno::ESRCH));
    }
    fib.edit(filter.table, filter.dst, filter.dst_len, |aliases| {
        let Some(pos) = aliases.iter().position(|r| filter.matches_in_family(r)) else {
            return Err(KernelError::new(Errno::ESRCH));
        };
        // ip6_route_del: a gateway given removes only that sibling of an IPv6
        // multipath route, and only it is announced; ip6_route_multipath_del
        // removes one sibling for each next hop asked for.
        let gw_given = filter.nexthops.iter().find(|w| w.gateway.is_some());
        if K::FAMILY == AF_INET6 && aliases[pos].nexthops.len() > 1 && (filter.multipath || gw_given.is_some()) {
            let wanted: Vec<&NextHop<K>> = if filter.multipath { filter.nexthops.iter().collect() } else { gw_given.into_iter().collect() };
            let mut events = Vec::new();
            for want in wanted {
                let route = &mut aliases[pos];
                let fits = |nh: &NextHop<K>| {
                    (want.gateway.is_none() || nh.gateway == want.gateway) && (want.ifindex == 0 || want.ifindex == nh.ifindex)
                };
                let Some(k) = route.nexthops.iter().position(fits) else { continue };
                let gone = Route { table: route.table, dst: route.dst, dst_len: route.dst_len, alias: route.alias.remove_leg(k) };
                events.push(K::event(id, false, gone));
                if aliases[pos].nexthops.is_empty() {
                    aliases.remove(pos);
                    break;
                }
            }
            if !events.is_empty() {
                return Ok(events);
            }
        }
        Ok(vec![K::event(id, false, aliases.remove(pos))])
    })
}

/// The routes of a table in the order Linux dumps them.
pub fn dump_order<K: Family>(ns: &Namespace, table: u32) -> Vec<RouteRef<'_, K>> {
    K::fib(ns).dump_order(table)
}

/// Whether a device has carrier (`netif_carrier_ok`); false for none.
pub fn carrier_ok(ns: &Namespace, ifindex: u32) -> bool {
    ns.link(ifindex).is_some_and(|l| l.carrier)
}

/// NETDEV_CHANGE for a device that is up: without carrier its next hops
/// become RTNH_F_LINKDOWN (`fib_sync_down_dev` for IPv4, except host-scope
/// ones; `fib6_ifdown` for IPv6, except local and anycast routes); with
/// carrier the flag goes (`fib_sync_up`, `rt6_sync_up`).
pub fn sync_carrier(ns: &mut Namespace, ifindex: u32) {
    use crate::wire::route::rtnh_f;
    let up = carrier_ok(ns, ifindex);
    let flip = |flags: &mut u8| {
        if up {
            *flags &= !rtnh_f::LINKDOWN;
        } else {
            *flags |= rtnh_f::LINKDOWN;
        }
    };
    ns.fib4.for_each_mut(|r| {
        for nh in r.nexthops.iter_mut().filter(|nh| nh.ifindex == ifindex && nh.scope != scope::NOWHERE) {
            flip(&mut nh.flags);
        }
    });
    ns.fib6.for_each_mut(|r| {
        if !matches!(r.kind, RouteType::Local | RouteType::Anycast) {
            for nh in r.nexthops.iter_mut().filter(|nh| nh.ifindex == ifindex) {
                flip(&mut nh.flags);
            }
        }
    });
}

/// NETDEV_UP (`fib_sync_up(dev, RTNH_F_DEAD)`): the device's IPv4 next hops
/// live again, and lose RTNH_F_LINKDOWN too when it has carrier.
pub fn revive_v4(ns: &mut Namespace, ifindex: u32) {
    use crate::wire::route::rtnh_f;
    let mut clear = rtnh_f::DEAD;
    if carrier_ok(ns, ifindex) {
        clear |= rtnh_f::LINKDOWN;
    }
    ns.fib4.for_each_mut(|r| {
        for nh in r.nexthops.iter_mut().filter(|nh| nh.ifindex == ifindex) {
            nh.flags &= !clear;
        }
    });
}
