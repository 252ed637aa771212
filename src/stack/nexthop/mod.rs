//! Next-hop objects of a namespace (net/ipv4/nexthop.c): single next hops
//! (a device, a gateway, a blackhole or an FDB entry) and hash-threshold
//! or resilient groups of them (the bucket table: `res`), by id; routes
//! name them with RTA_NH_ID and hold a resolved copy of their next hops,
//! kept in step here when an object is replaced or removed, and ask the
//! object which of them a flow takes (`select_leg`).

pub mod res;

use std::collections::BTreeMap;

use super::namespace::Namespace;
use super::route::{Alias, NextHop};
use super::{Event, NsId};
use crate::errno::{Errno, KResult, KernelError};
use crate::wire::route::{RouteType, rtnh_f, scope};
use crate::wire::{AF_INET, AF_INET6};

/// Most objects one namespace holds. Linux's limit is memory; a failed
/// `nexthop_alloc` answers ENOMEM, which a full table answers here too.
pub const NEXTHOPS_MAX: usize = 65_536;

/// `net.ipv4.nexthop_compat_mode` (both families read it): routes through
/// objects are dumped with the objects' next hops too, and their changes
/// announced as route changes.
pub fn compat_mode(ns: &Namespace) -> bool {
    ns.sysctl.get("net.ipv4.nexthop_compat_mode", &[]).is_none_or(|v| v != "0")
}

/// A gateway of either family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gateway {
    /// An IPv4 gateway.
    V4(u32),
    /// An IPv6 gateway.
    V6(u128),
}

/// A single next hop (`struct nh_info`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Single {
    /// AF_INET or AF_INET6.
    pub family: u8,
    /// The gateway, if any.
    pub gateway: Option<Gateway>,
    /// The device (lo for a blackhole, 0 for an FDB next hop).
    pub ifindex: u32,
    /// `reject_nh`: a blackhole.
    pub blackhole: bool,
    /// `fdb_nh`: for the bridge/VXLAN FDB only.
    pub fdb: bool,
    /// `nhc_scope`: host for a device-only IPv4 next hop, link otherwise.
    pub scope: u8,
}

/// One member of a group (`struct nh_grp_entry`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    /// The member's id.
    pub id: u32,
    /// Its weight, 1..=256.
    pub weight: u16,
}

/// A group (`struct nh_group`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The members, in the request's order.
    pub members: Vec<Member>,
    /// `fdb_nh`: a group of FDB next hops.
    pub fdb: bool,
    /// NEXTHOP_GRP_TYPE_*.
    pub kind: u16,
    /// A resilient group's bucket table.
    pub res: Option<res::Table>,
}

/// What a next-hop object is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// One next hop.
    Single(Single),
    /// A group of single next hops.
    Group(Group),
}

/// A next-hop object (`struct nexthop`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nexthop {
    /// Its id, 1 and up.
    pub id: u32,
    /// RTPROT_* of the request.
    pub protocol: u8,
    /// RTNH_F_* (onlink as given).
    pub flags: u32,
    /// Single or group.
    pub body: Body,
}

impl Nexthop {
    /// The single next hop, if this is one.
    pub fn single(&self) -> Option<&Single> {
        match &self.body {
            Body::Single(s) => Some(s),
            Body::Group(_) => None,
        }
    }

    /// The group, if this is one.
    pub fn group(&self) -> Option<&Group> {
        match &self.body {
            Body::Group(g) => Some(g),
            Body::Single(_) => None,
        }
    }
}

/// The namespace's next-hop objects (`net->nexthop`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// The objects by id (the rb-tree, in id order).
    pub map: BTreeMap<u32, Nexthop>,
    /// `last_id_allocated`: where the search for a free id resumes.
    pub last_id: u32,
    /// Counts groups made (created or replaced): a member's list of groups
    /// (`grp_list`) has the latest first.
    pub made: u64,
    /// When each group was made, by id.
    pub made_at: BTreeMap<u32, u64>,
    /// The world's clock (ms) as last read for this namespace: each
    /// request and each packet walk sets it, and a lookup through a
    /// resilient group marks its bucket used at this time.
    pub clock: std::cell::Cell<u64>,
}

impl Table {
    /// An object by id (`nexthop_find_by_id`).
    pub fn get(&self, id: u32) -> Option<&Nexthop> {
        self.map.get(&id)
    }

    /// `nh_find_unused_id`: the next free id after the last one handed
    /// out, or none when every id is taken.
    pub fn unused_id(&mut self) -> Option<u32> {
        let start = self.last_id;
        loop {
            self.last_id = self.last_id.wrapping_add(1);
            if self.last_id == start {
                return None;
            }
            if self.last_id != 0 && !self.map.contains_key(&self.last_id) {
                return Some(self.last_id);
            }
        }
    }

    /// The groups that have `id` as a member, the latest made first
    /// (`nh->grp_list`, which `nexthop_create_group` adds to at the head).
    pub fn groups_of(&self, id: u32) -> Vec<u32> {
        // Only groups hold members (`made_at` has every group's id).
        let groups = self.made_at.keys().filter_map(|g| self.map.get(g));
        let mut out: Vec<u32> = groups.filter(|n| n.group().is_some_and(|g| g.members.iter().any(|m| m.id == id))).map(|n| n.id).collect();
        out.sort_by_key(|g| std::cmp::Reverse(self.made_at.get(g).copied().unwrap_or(0)));
        out
    }

    /// Puts an object in (new or replacing), noting when a group was made.
    pub fn put(&mut self, nh: Nexthop) {
        if nh.group().is_some() {
            self.made += 1;
            self.made_at.insert(nh.id, self.made);
        }
        self.map.insert(nh.id, nh);
    }

    /// Whether a group holds an IPv4 next hop (`nhg->has_v4`).
    pub fn has_v4(&self, nh: &Nexthop) -> bool {
        match &nh.body {
            Body::Single(s) => s.family == AF_INET,
            Body::Group(g) => g.members.iter().any(|m| self.get(m.id).and_then(Nexthop::single).is_some_and(|s| s.family == AF_INET)),
        }
    }

    /// `nexthop_num_path`: the paths a route through `nh` has.
    pub fn num_path(&self, nh: &Nexthop) -> usize {
        nh.group().map_or(1, |g| g.members.len())
    }
}

/// Next hops as a route holds them: the legs, whether they form a
/// multipath route, and whether the object is a blackhole.
pub struct Resolved<K> {
    /// The legs.
    pub hops: Vec<NextHop<K>>,
    /// RTA_MULTIPATH in dumps.
    pub multipath: bool,
    /// A blackhole next hop: the route drops (RTN_BLACKHOLE).
    pub blackhole: bool,
}

/// One leg of a route through a single next hop.
fn leg<K: super::route::Family>(s: &Single, flags: u32, weight: u16) -> NextHop<K> {
    let (gateway, via6) = match s.gateway {
        Some(Gateway::V4(a)) => (K::from_bytes(&a.to_be_bytes()), None),
        Some(Gateway::V6(a)) if K::FAMILY == AF_INET6 => (K::from_bytes(&a.to_be_bytes()), None),
        Some(Gateway::V6(a)) => (None, Some(Box::new(a))),
        None => (None, None),
    };
    NextHop { gateway, ifindex: s.ifindex, weight, flags: (flags as u8) & rtnh_f::ONLINK, scope: s.scope, realm: 0, via6 }
}

/// The legs of a route through object `id`, as `fib_info_nh`/`nexthop_fib6_nh`
/// read them: a group's members with their weights.
pub fn resolve<K: super::route::Family>(t: &Table, id: u32) -> Option<Resolved<K>> {
    let nh = t.get(id)?;
    Some(match &nh.body {
        Body::Single(s) => Resolved { hops: vec![leg(s, nh.flags, 1)], multipath: false, blackhole: s.blackhole },
        Body::Group(g) => {
            let hops: Vec<NextHop<K>> =
                g.members.iter().filter_map(|m| t.get(m.id).and_then(|n| n.single().map(|s| leg(s, n.flags, m.weight)))).collect();
            // fib_dump_info shows a one-path IPv4 group as a single next
            // hop; rt6_fill_node asks nexthop_is_multipath.
            let multipath = K::FAMILY == AF_INET6 || hops.len() > 1;
            let blackhole = g.members.len() == 1 && t.get(g.members[0].id).and_then(Nexthop::single).is_some_and(|s| s.blackhole);
            Resolved { hops, multipath, blackhole }
        }
    })
}

/// `fib_check_nexthop` for an IPv4 route of `route_scope` through `nh`.
pub fn check_for_v4_route(t: &Table, nh: &Nexthop, route_scope: u8) -> KResult<()> {
    let fdb = KernelError::msg(Errno::EINVAL, "Route cannot point to a fdb nexthop");
    let first = match &nh.body {
        Body::Group(g) => {
            if g.fdb {
                return Err(fdb);
            }
            if route_scope == scope::HOST {
                return Err(KernelError::msg(Errno::EINVAL, "Route with host scope can not have multiple nexthops"));
            }
            g.members.first().and_then(|m| t.get(m.id))
        }
        Body::Single(s) if s.fdb => return Err(fdb),
        Body::Single(_) => Some(nh),
    };
    // nexthop_check_scope
    if let Some(n) = first {
        if let Some(s) = n.single() {
            if route_scope == scope::HOST && s.gateway.is_some() {
                return Err(KernelError::msg(Errno::EINVAL, "Route with host scope can not have a gateway"));
            }
            if n.flags & u32::from(rtnh_f::ONLINK) != 0 && route_scope >= scope::LINK {
                return Err(KernelError::msg(Errno::EINVAL, "Scope mismatch with nexthop"));
            }
        }
    }
    Ok(())
}

/// `fib6_check_nexthop` for an IPv6 route through `nh`.
pub fn check_for_v6_route(t: &Table, nh: &Nexthop, has_src: bool) -> KResult<()> {
    if has_src {
        return Err(KernelError::msg(Errno::EINVAL, "IPv6 routes using source address can not use nexthop objects"));
    }
    if t.has_v4(nh) {
        return Err(KernelError::msg(Errno::EINVAL, "IPv6 routes can not use an IPv4 nexthop"));
    }
    let fdb = match &nh.body {
        Body::Group(g) => g.fdb,
        Body::Single(s) => s.fdb,
    };
    if fdb {
        return Err(KernelError::msg(Errno::EINVAL, "Route cannot point to a fdb nexthop"));
    }
    Ok(())
}

/// The objects whose routes depend on `id`: itself and its groups.
fn dependents(t: &Table, id: u32) -> Vec<u32> {
    let mut ids = vec![id];
    ids.extend(t.groups_of(id));
    ids
}

/// Sets the legs of every route through one of `ids` from the table, as a
/// route through an object sees it change in place.
fn refresh_routes(ns: &mut Namespace, ids: &[u32]) {
    let t = ns.nexthops.clone();
    let apply4 = |r: &mut Alias<u32>| {
        if r.nh_id != 0 && ids.contains(&r.nh_id) {
            if let Some(res) = resolve::<u32>(&t, r.nh_id) {
                r.kind = kind_through(r.nh_kind, res.blackhole);
                r.nexthops = res.hops;
                r.multipath = res.multipath;
            }
        }
    };
    ns.fib4.for_each_mut(apply4);
    ns.fib6.for_each_mut(|r| {
        if r.nh_id != 0 && ids.contains(&r.nh_id) {
            if let Some(res) = resolve::<u128>(&t, r.nh_id) {
                r.kind = kind_through(r.nh_kind, res.blackhole);
                r.nexthops = res.hops;
                r.multipath = res.multipath;
            }
        }
    });
}

/// The type of a route asked as `asked` through an object that is (or is
/// no longer) a blackhole: Linux asks `nexthop_is_blackhole` at each
/// lookup and dump (`fib_table_lookup`, `fib_dump_info`, `rt6_fill_node`)
/// and keeps the route's own type, so a blackhole replaced by a gateway
/// (or a group whose only member is a blackhole) gives its routes their
/// own type back: unicast, or the blackhole, unreachable or prohibit they
/// were added as (measured, scenario nexthop_blackhole_typed).
fn kind_through(asked: RouteType, blackhole: bool) -> RouteType {
    if blackhole { RouteType::Blackhole } else { asked }
}

/// The routes through one of `ids`, as they are now (the replace
/// notifications of `nexthop_replace_notify`).
pub fn routes_through(ns: &Namespace, ids: &[u32]) -> Vec<Event> {
    let mut out = Vec::new();
    for table in ns.fib4.table_ids().collect::<Vec<_>>() {
        for r in ns.fib4.dump_order(table) {
            if r.nh_id != 0 && ids.contains(&r.nh_id) {
                out.push(Event::Route4 { ns: ns.id, new: true, route: r.to_route(), nlflags: crate::wire::NLM_F_REPLACE });
            }
        }
    }
    for table in ns.fib6.table_ids().collect::<Vec<_>>() {
        for r in ns.fib6.dump_order(table) {
            if r.nh_id != 0 && ids.contains(&r.nh_id) {
                out.push(Event::Route6 { ns: ns.id, new: true, route: r.to_route(), nlflags: crate::wire::NLM_F_REPLACE });
            }
        }
    }
    out
}

/// One thing a removal did, in the order Linux notifies it.
#[derive(Debug, Clone)]
pub enum Note {
    /// An object went (RTM_DELNEXTHOP), as it was.
    Removed(Nexthop),
    /// A group lost a member (RTM_NEWNEXTHOP), as it is then.
    Shrunk(Nexthop),
    /// A route went (IPv6 only: IPv4 flushes are silent).
    Route(Event),
}

/// What removing objects did, in order.
#[derive(Debug, Default)]
pub struct Removal {
    /// The notes.
    pub notes: Vec<Note>,
}

impl Removal {
    /// Only the route events (for a removal nobody asked for).
    pub fn route_events(self) -> Vec<Event> {
        self.notes.into_iter().filter_map(|n| if let Note::Route(e) = n { Some(e) } else { None }).collect()
    }
}

/// `remove_nexthop`: takes object `id` out with the routes through it;
/// a single next hop leaves its groups, and a group left empty goes too.
pub fn remove(ns: &mut Namespace, id: u32, now: u64, out: &mut Removal) {
    let Some(nh) = ns.nexthops.map.remove(&id) else { return };
    ns.nexthops.made_at.remove(&id);
    let nsid: NsId = ns.id;
    let groups = if nh.single().is_some() { ns.nexthops.groups_of(id) } else { Vec::new() };
    out.notes.push(Note::Removed(nh));
    // __remove_nexthop_fib: IPv4 routes are flushed silently (fib_flush),
    // IPv6 ones deleted with a notification each (ip6_del_rt).
    let _ = ns.fib4.remove_where(|r| r.nh_id == id);
    flush_fdb(ns, id);
    // ip6_del_rt(net, f6i, !nexthop_compat_mode)
    let notify6 = compat_mode(ns);
    for r in ns.fib6.remove_where(|r| r.nh_id == id) {
        if notify6 {
            out.notes.push(Note::Route(Event::Route6 { ns: nsid, new: false, route: r, nlflags: 0 }));
        }
    }
    // remove_nexthop_from_groups
    for g in groups {
        let last = ns.nexthops.get(g).and_then(Nexthop::group).is_some_and(|grp| grp.members.len() == 1);
        if last {
            remove(ns, g, now, out);
            continue;
        }
        if let Some(Body::Group(grp)) = ns.nexthops.map.get_mut(&g).map(|n| &mut n.body) {
            grp.members.retain(|m| m.id != id);
            // remove_nh_grp_entry: a resilient group keeps its table
            // (replace_nexthop_grp_res).
            if let Some(t) = &mut grp.res {
                t.replace_members(&grp.members, now);
            }
        }
        refresh_routes(ns, &[g]);
        if let Some(now) = ns.nexthops.get(g) {
            out.notes.push(Note::Shrunk(now.clone()));
        }
    }
}

/// `__remove_nexthop_fdb` (vxlan's `vxlan_fdb_nh_flush` on
/// NEXTHOP_EVENT_DEL): the VXLAN FDB entries through `id` go with it,
/// without notifications.
fn flush_fdb(ns: &mut Namespace, id: u32) {
    for link in ns.links.values_mut() {
        if let crate::stack::link::LinkKind::Vxlan(v) = &mut link.kind {
            v.fdb.retain(|e| e.nh != id);
        }
    }
}

/// `nexthop_flush_dev`: on NETDEV_DOWN and NETDEV_UNREGISTER (and a lost
/// carrier, NETDEV_CHANGE) the next hops through the device go, with
/// their routes and without notifications; blackholes stay unless the
/// device itself goes.
pub fn flush_dev(ns: &mut Namespace, ifindex: u32, unregister: bool, now: u64) -> Vec<Event> {
    let doomed: Vec<u32> = ns
        .nexthops
        .map
        .values()
        .filter(|n| n.single().is_some_and(|s| !s.fdb && s.ifindex == ifindex && (unregister || !s.blackhole)))
        .map(|n| n.id)
        .collect();
    let mut out = Removal::default();
    for id in doomed {
        remove(ns, id, now, &mut out);
    }
    out.route_events()
}

/// `replace_nexthop`: checks that the routes through `old` (and through
/// the groups it is in) accept `new`, then puts `new` in its place and
/// refreshes those routes.
pub fn replace(ns: &mut Namespace, mut new: Nexthop, cfg: &res::Config, now: u64) -> KResult<()> {
    let t = &ns.nexthops;
    let old = t.get(new.id).ok_or(Errno::ENOENT)?.clone();
    let deps = dependents(t, new.id);
    let check = |owner: u32, candidate: &Nexthop| -> KResult<()> {
        for table in ns.fib4.table_ids().collect::<Vec<_>>() {
            for r in ns.fib4.dump_order(table) {
                if r.nh_id == owner {
                    check_for_v4_route(t, candidate, r.scope)?;
                }
            }
        }
        let v6 = ns.fib6.table_ids().collect::<Vec<_>>().into_iter().any(|tb| ns.fib6.dump_order(tb).iter().any(|r| r.nh_id == owner));
        if v6 {
            check_for_v6_route(t, candidate, false)?;
        }
        Ok(())
    };
    check(new.id, &new)?;
    let new_single = new.single().cloned();
    for g in t.groups_of(new.id) {
        let Some(parent) = t.get(g) else { continue };
        if new_single.as_ref().is_some_and(|s| s.blackhole) && t.num_path(parent) > 1 {
            return Err(KernelError::msg(Errno::EINVAL, "Blackhole nexthop can not be a member of a group with more than one path"));
        }
        // The group as it would be with the new member.
        let mut scratch = t.clone();
        scratch.map.insert(new.id, new.clone());
        let parent = parent.clone();
        for table in ns.fib4.table_ids().collect::<Vec<_>>() {
            for r in ns.fib4.dump_order(table) {
                if r.nh_id == g {
                    check_for_v4_route(&scratch, &parent, r.scope)?;
                }
            }
        }
        let v6 = ns.fib6.table_ids().collect::<Vec<_>>().into_iter().any(|tb| ns.fib6.dump_order(tb).iter().any(|r| r.nh_id == g));
        if v6 {
            check_for_v6_route(&scratch, &parent, false)?;
        }
    }
    match (&old.body, &new.body) {
        (Body::Group(_), Body::Single(_)) => {
            return Err(KernelError::msg(Errno::EINVAL, "Can not replace a nexthop group with a nexthop."));
        }
        (Body::Single(_), Body::Group(_)) => {
            return Err(KernelError::msg(Errno::EINVAL, "Can not replace a nexthop with a nexthop group."));
        }
        (Body::Group(a), Body::Group(b)) if a.kind != b.kind => {
            return Err(KernelError::msg(Errno::EINVAL, "Can not replace a nexthop group with one of a different type."));
        }
        _ => {}
    }
    // replace_nexthop_grp: a resilient group keeps its table, whose size
    // a replace may name but not change, and takes the timers given.
    if let (Body::Group(a), Body::Group(b)) = (&old.body, &mut new.body) {
        if let (Some(old_t), Some(_)) = (&a.res, &b.res) {
            if cfg.buckets.is_some_and(|n| usize::from(n) != old_t.buckets.len()) {
                return Err(KernelError::msg(Errno::EINVAL, "Can not change number of buckets of a resilient nexthop group."));
            }
            let mut t = old_t.clone();
            t.idle_timer = cfg.idle_timer.unwrap_or(t.idle_timer);
            t.unbalanced_timer = cfg.unbalanced_timer.unwrap_or(t.unbalanced_timer);
            t.replace_members(&b.members, now);
            b.res = Some(t);
        }
    }
    ns.nexthops.put(new);
    refresh_routes(ns, &deps);
    Ok(())
}

/// The scope a single next hop takes (`fib_check_nh` for IPv4: host
/// without a gateway; link otherwise and for IPv6).
pub fn single_scope(family: u8, gateway: bool) -> u8 {
    if family == AF_INET && !gateway { scope::HOST } else { scope::LINK }
}

/// The route type a route through `id` takes: a blackhole object makes it
/// a blackhole route.
pub fn route_kind(t: &Table, id: u32, asked: RouteType) -> RouteType {
    match resolve::<u32>(t, id) {
        Some(r) if r.blackhole => RouteType::Blackhole,
        _ => asked,
    }
}

/// `nexthop_is_good_nh`: a next hop whose gateway's neighbour entry, if
/// there is one, is in a NUD_VALID state.
fn is_good(ns: &Namespace, s: &Single) -> bool {
    use crate::wire::neigh::nud;
    let valid = nud::PERMANENT | nud::NOARP | nud::REACHABLE | nud::PROBE | nud::STALE | nud::DELAY;
    let key: Vec<u8> = match s.gateway {
        Some(Gateway::V4(a)) => a.to_be_bytes().to_vec(),
        Some(Gateway::V6(a)) => a.to_be_bytes().to_vec(),
        None if s.family == AF_INET => vec![0; 4],
        None => vec![0; 16],
    };
    ns.neighbours
        .iter()
        .find(|n| !n.is_proxy() && n.family == s.family && n.ifindex == s.ifindex && n.dst == key)
        .is_none_or(|n| n.state & valid != 0)
}

/// `nexthop_select_path` for a route through object `id` and the flow's
/// multipath `hash`: the index of the member (and so of the route's leg)
/// that carries the flow. Hash-threshold groups (`nexthop_select_path_hthr`)
/// take the first good member whose upper bound (`nh_hthr_group_rebalance`,
/// over every member's weight) the hash does not pass, else the first good
/// one, else the first; FDB groups skip the goodness test; resilient
/// groups read bucket `hash % buckets` (`nexthop_select_path_res`).
pub fn select_leg(ns: &Namespace, id: u32, hash: u32) -> Option<usize> {
    let g = ns.nexthops.get(id)?.group()?;
    if let Some(t) = &g.res {
        return t.select(&g.members, hash, ns.nexthops.clock.get());
    }
    let weights: Vec<Option<u32>> = g.members.iter().map(|m| Some(u32::from(m.weight))).collect();
    let bounds = super::multipath::upper_bounds(&weights);
    let mut first_good = None;
    for (i, m) in g.members.iter().enumerate() {
        let good = g.fdb || ns.nexthops.get(m.id).and_then(Nexthop::single).is_some_and(|s| is_good(ns, s));
        if !good {
            continue;
        }
        first_good.get_or_insert(i);
        if i64::from(hash) <= bounds[i] {
            return Some(i);
        }
    }
    Some(first_good.unwrap_or(0))
}

/// How a bucket notification is made: from the group, its table, the
/// bucket, sequence number, port, flags and time (`nh_fill_res_bucket`).
pub type FillBucket = fn(&Nexthop, &res::Table, u16, u32, u32, u16, u64) -> Vec<u8>;

/// Whether a resilient group of any namespace is due for its upkeep by
/// `net.now_ms`: what [`run_upkeep`] acts on (read-only).
pub fn upkeep_due(net: &super::Net) -> bool {
    let now = net.now_ms;
    net.namespaces().any(|ns| {
        let t = &ns.nexthops;
        t.made_at
            .keys()
            .any(|id| t.get(*id).and_then(|n| n.group()).and_then(|g| g.res.as_ref()).and_then(|r| r.next_upkeep).is_some_and(|d| d <= now))
    })
}

/// The delayed upkeep (`nh_res_table_upkeep_dw`) of every resilient group
/// that fell due by `net.now_ms`, each run at the time it was queued for;
/// returns the notification of each bucket it moved
/// (`nexthop_bucket_notify`: NLM_F_REPLACE, port and sequence number 0)
/// with its namespace.
pub fn run_upkeep(net: &mut super::Net, fill: FillBucket) -> Vec<(NsId, Vec<u8>)> {
    let now = net.now_ms;
    for ns in net.namespaces() {
        ns.nexthops.clock.set(now);
    }
    let due = |n: &Nexthop| n.group().and_then(|g| g.res.as_ref()).and_then(|t| t.next_upkeep).filter(|d| *d <= now);
    // Only groups can be due: look at those (`made_at` has every group's
    // id), not at every object, before each request.
    let due_groups = |t: &Table| t.made_at.keys().filter(|id| t.get(**id).and_then(due).is_some()).copied().collect::<Vec<u32>>();
    let ids: Vec<NsId> = net.namespaces().filter(|ns| !due_groups(&ns.nexthops).is_empty()).map(|ns| ns.id).collect();
    let mut out = Vec::new();
    for id in ids {
        let Some(ns) = net.ns_mut(id) else { continue };
        let groups: Vec<u32> = due_groups(&ns.nexthops);
        for gid in groups {
            while let Some(at) = ns.nexthops.get(gid).and_then(due) {
                let Some(Body::Group(Group { res: Some(t), .. })) = ns.nexthops.map.get_mut(&gid).map(|n| &mut n.body) else { break };
                let moved = t.upkeep(at);
                let Some(nh) = ns.nexthops.get(gid) else { break };
                let Some(t) = nh.group().and_then(|g| g.res.as_ref()) else { break };
                for i in moved {
                    out.push((id, fill(nh, t, i, 0, 0, crate::wire::NLM_F_REPLACE, at)));
                }
            }
        }
    }
    out
}
