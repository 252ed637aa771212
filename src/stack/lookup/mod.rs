//! Route resolution: policy rules, then each table's longest match with the
//! filters `fib_table_lookup` applies (net/ipv4/fib_rules.c, fib_trie.c;
//! net/ipv6/fib6_rules.c, route.c).

use super::multipath;
use super::namespace::Namespace;
use super::route::{Alias, Family, Route, RouteRef};
use super::rule::{Flow, Rule};
use crate::errno::{Errno, KernelError};
use crate::wire::route::{RouteType, rtnh_f, scope};
use crate::wire::rule::{fib_rule, fr_act};

mod v6;
pub use v6::{Query6, Rt6, route_v6, select_source_v6, table_lookup6};

/// A successful lookup: the table and the route that matched.
#[derive(Debug, Clone)]
pub struct Resolved<K> {
    /// The table the route was found in.
    pub table: u32,
    /// The matching route.
    pub route: Route<K>,
}

/// The errno a route type gives a lookup that ends on it (`fib_props`).
pub fn type_error(kind: RouteType) -> Option<Errno> {
    match kind {
        RouteType::Blackhole => Some(Errno::EINVAL),
        RouteType::Unreachable => Some(Errno::EHOSTUNREACH),
        RouteType::Prohibit => Some(Errno::EACCES),
        RouteType::Throw => Some(Errno::EAGAIN),
        _ => None,
    }
}

/// Looks up `dst` in one table: longest prefix first, skipping aliases
/// whose TOS or scope does not fit, whose next hops are all dead, or that
/// do not leave through `oif` when one is required (`fib_table_lookup`).
/// While no IPv4 rule was ever changed, local and main are one trie, so a
/// lookup in either sees both (`fib_trie_table` with an alias).
pub fn table_lookup<K: Family>(ns: &Namespace, table: u32, dst: K, min_scope: u8, oif: u32, tos: u8) -> Option<Route<K>> {
    use crate::wire::route::table::{LOCAL, MAIN};
    let fib = K::fib(ns);
    if K::FAMILY == crate::wire::AF_INET && !ns.rules4_custom && (table == LOCAL || table == MAIN) {
        if !fib.has_table(table) {
            return None;
        }
        return merged_lookup(fib, dst, min_scope, oif, tos).map(|r| r.to_route());
    }
    fib.matches(table, dst).find_map(|(k, l, aliases)| {
        let alias = first_usable(aliases, min_scope, oif, tos)?;
        Some(RouteRef { table, dst: k, dst_len: l, alias }.to_route())
    })
}

/// A lookup in the merged local and main trie: longest prefix over both, at
/// one prefix local's aliases first (they sort by table id, descending).
/// The route is borrowed: callers copy it only when they keep it.
fn merged_lookup<K: Family>(fib: &super::fib::Fib<K>, dst: K, min_scope: u8, oif: u32, tos: u8) -> Option<RouteRef<'_, K>> {
    use crate::wire::route::table::{LOCAL, MAIN};
    // The merged walk starts at the longer of the two longest matches
    // (local's on a tie), where most lookups (a gateway's) end: found by
    // the fast lookup, without the walk over shorter prefixes.
    let first = match (fib.longest_match(LOCAL, dst), fib.longest_match(MAIN, dst)) {
        (Some(l), Some(m)) if m.1 > l.1 => Some((MAIN, m)),
        (Some(l), _) => Some((LOCAL, l)),
        (None, m) => m.map(|m| (MAIN, m)),
    };
    let (table, (k, l, aliases)) = first?;
    if let Some(alias) = first_usable(aliases, min_scope, oif, tos) {
        return Some(RouteRef { table, dst: k, dst_len: l, alias });
    }
    let mut local = fib.matches(LOCAL, dst).peekable();
    let mut main = fib.matches(MAIN, dst).peekable();
    loop {
        let take_local = match (local.peek(), main.peek()) {
            (None, None) => return None,
            (Some(l), Some(m)) => l.1 >= m.1,
            (l, _) => l.is_some(),
        };
        let table = if take_local { LOCAL } else { MAIN };
        let (k, l, aliases) = if take_local { local.next() } else { main.next() }?;
        if let Some(alias) = first_usable(aliases, min_scope, oif, tos) {
            return Some(RouteRef { table, dst: k, dst_len: l, alias });
        }
    }
}

/// The route [`resolve`] finds for an IPv4 gateway with a TOS of 0 while no
/// IPv4 rule was ever changed, borrowed, when the merged local and main
/// trie answers with a route that is no reject route; None when the full
/// resolution is needed (rules changed, nothing or a reject route found).
/// What `fib_check_nh` asks of every gateway of a new route, without
/// copying the route found.
pub fn gateway_route_v4(ns: &Namespace, gw: u32, min_scope: u8, oif: u32) -> Option<RouteRef<'_, u32>> {
    if ns.rules4_custom {
        return None;
    }
    merged_lookup(&ns.fib4, gw, min_scope, oif, 0).filter(|r| type_error(r.kind).is_none())
}

/// `__inet_dev_addr_type`. Broadcast while the table does not exist;
/// unicast when no route there claims it for that device, or when the
/// route found is a reject route (the lookup fails).
pub fn addr_type_v4(ns: &Namespace, table_id: u32, dev: u32, addr: u32) -> RouteType {
    if addr == 0 || addr == u32::MAX {
        return RouteType::Broadcast;
    }
    if addr >> 28 == 0xe {
        return RouteType::Multicast;
    }
    if !ns.fib4.has_table(table_id) {
        return RouteType::Broadcast;
    }
    match table_lookup(ns, table_id, addr, 0, 0, 0) {
        Some(r) if type_error(r.kind).is_none() && (dev == 0 || r.nexthops.first().is_none_or(|h| h.ifindex == dev)) => r.kind,
        _ => RouteType::Unicast,
    }
}

/// `INET_DSCP_LEGACY_TOS_MASK`: the DSCP bits an IPv4 lookup matches on.
const LEGACY_TOS_MASK: u8 = 0x1c;

/// `INET_DSCP_MASK`: the DS field without its two ECN bits.
pub const DSCP_MASK: u8 = 0xfc;

/// The first alias at one prefix a lookup may end on (`fib_table_lookup`'s
/// alias loop).
fn first_usable<K: Family>(aliases: &[Alias<K>], min_scope: u8, oif: u32, tos: u8) -> Option<&Alias<K>> {
    for r in aliases {
        // fib_dscp_masked_match: only the legacy TOS bits of the flow count.
        if r.tos != 0 && r.tos != tos & LEGACY_TOS_MASK {
            continue;
        }
        if r.scope < min_scope {
            continue;
        }
        if type_error(r.kind).is_some() {
            return Some(r);
        }
        let usable = r.nexthops.iter().any(|nh| nh.flags & rtnh_f::DEAD == 0 && (oif == 0 || nh.ifindex == oif));
        if r.nexthops.is_empty() || usable {
            return Some(r);
        }
    }
    None
}

/// Whether a rule selects a flow (`fib_rule_match` and the family match).
fn rule_matches(rule: &Rule, flow: &Flow) -> bool {
    let prefix_ok = |want: &[u8], len: u8, have: &[u8]| -> bool {
        if len == 0 {
            return true;
        }
        if have.len() != want.len() {
            return false;
        }
        let full = usize::from(len / 8);
        if want[..full] != have[..full.min(have.len())] {
            return false;
        }
        let rem = len % 8;
        rem == 0 || (want[full] ^ have[full]) & (0xffu8 << (8 - rem)) == 0
    };
    let mut ok = prefix_ok(&rule.src, rule.src_len, &flow.src) && prefix_ok(&rule.dst, rule.dst_len, &flow.dst);
    ok &= rule.iifname.as_ref().is_none_or(|n| flow.iif.as_deref() == Some(n.as_str()));
    ok &= rule.oifname.as_ref().is_none_or(|n| flow.oif.as_deref() == Some(n.as_str()));
    ok &= rule.fwmark.is_none_or(|m| (flow.mark ^ m) & rule.fwmask.unwrap_or(u32::MAX) == 0);
    // fib4_rule_match compares the legacy TOS bits (fib_dscp_masked_match),
    // fib6_rule_match the whole DSCP of the flow; neither sees the ECN bits.
    let flow_dscp = if flow.family == crate::wire::AF_INET { flow.tos & LEGACY_TOS_MASK } else { flow.tos & DSCP_MASK };
    ok &= rule.tos == 0 || rule.tos == flow_dscp;
    ok &= rule.uid_range.is_none_or(|(a, b)| flow.uid >= a && flow.uid <= b);
    ok &= rule.ip_proto.is_none_or(|p| p == flow.ip_proto);
    ok &= rule.sport.is_none_or(|(a, b)| flow.sport >= a && flow.sport <= b);
    ok &= rule.dport.is_none_or(|(a, b)| flow.dport >= a && flow.dport <= b);
    // Flows the stack routes carry no tunnel id.
    ok &= rule.tun_id.is_none();
    // l3mdev_fib_rule_match: only flows through a VRF.
    ok &= !rule.l3mdev || flow.l3mdev_table.is_some();
    if rule.flags & fib_rule::INVERT != 0 { !ok } else { ok }
}

/// Resolves a destination through the rules (`fib_lookup`): ENETUNREACH when
/// nothing matches, the route type's errno for blackhole/unreachable/prohibit.
pub fn resolve<K: Family>(ns: &Namespace, flow: &Flow, dst: K, min_scope: u8, oif: u32) -> Result<Resolved<K>, KernelError> {
    if K::FAMILY == crate::wire::AF_INET && !ns.rules4_custom {
        return resolve_merged(ns, dst, min_scope, oif, flow.tos);
    }
    let rules = if K::FAMILY == crate::wire::AF_INET { &ns.rules4 } else { &ns.rules6 };
    for rule in rules {
        if !rule_matches(rule, flow) {
            continue;
        }
        match rule.action {
            fr_act::TO_TBL => {
                // An l3mdev rule looks up the flow's VRF table.
                let table_id = if rule.l3mdev { flow.l3mdev_table.unwrap_or(rule.table) } else { rule.table };
                if let Some(route) = table_lookup(ns, table_id, dst, min_scope, oif, flow.tos) {
                    match type_error(route.kind) {
                        Some(Errno::EAGAIN) => continue,
                        Some(e) => return Err(KernelError::new(e)),
                        None => {
                            // suppress_prefixlength: ignore too-general answers.
                            if rule.suppress_prefixlen.is_some_and(|p| u32::from(route.dst_len) <= p) {
                                continue;
                            }
                            return Ok(Resolved { table: table_id, route });
                        }
                    }
                }
            }
            fr_act::BLACKHOLE => return Err(KernelError::new(Errno::EINVAL)),
            fr_act::UNREACHABLE => return Err(KernelError::new(Errno::ENETUNREACH)),
            fr_act::PROHIBIT => return Err(KernelError::new(Errno::EACCES)),
            // Goto is followed by the caller's order; nop goes on; any other
            // action fails the lookup (fib4_rule_action, fib6_rule_action).
            fr_act::GOTO | fr_act::NOP => {}
            _ => return Err(KernelError::new(Errno::EINVAL)),
        }
    }
    Err(KernelError::new(Errno::ENETUNREACH))
}

/// `fib_lookup` while no IPv4 rule was ever changed: the merged local and
/// main trie (longest prefix over both; at one prefix local's aliases come
/// first), then, when nothing there answers (no match or a throw route),
/// the default table if it exists; the result names the main table.
fn resolve_merged<K: Family>(ns: &Namespace, dst: K, min_scope: u8, oif: u32, tos: u8) -> Result<Resolved<K>, KernelError> {
    use crate::wire::route::table;
    let fib = K::fib(ns);
    let again = |found: &Option<(u32, Route<K>)>| found.as_ref().is_none_or(|(_, r)| type_error(r.kind) == Some(Errno::EAGAIN));
    let mut found = merged_lookup(fib, dst, min_scope, oif, tos).map(|r| (table::MAIN, r.to_route()));
    if again(&found) && fib.has_table(table::DEFAULT) {
        found = table_lookup(ns, table::DEFAULT, dst, min_scope, oif, tos).map(|r| (table::DEFAULT, r));
    }
    match found {
        Some((table, route)) => match type_error(route.kind) {
            None => Ok(Resolved { table, route }),
            Some(Errno::EAGAIN) => Err(KernelError::new(Errno::ENETUNREACH)),
            Some(e) => Err(KernelError::new(e)),
        },
        None => Err(KernelError::new(Errno::ENETUNREACH)),
    }
}

/// The source address Linux picks for leaving through `dev` towards `dst`
/// within `scope` (`inet_select_addr`): a primary address of the device in
/// `dst`'s subnet if there is one, else its first primary address whose
/// scope fits, else one from another device.
pub fn select_source_v4(ns: &Namespace, dev: u32, dst: u32, max_scope: u8) -> Option<u32> {
    let mut first = None;
    if let Some(link) = ns.link(dev) {
        for a in link.addrs4.iter().filter(|a| !a.is_secondary() && a.scope <= max_scope) {
            if a.matches(dst) {
                return Some(a.local);
            }
            first.get_or_insert(a.local);
        }
    }
    if first.is_some() {
        return first;
    }
    // in_dev_select_addr over every device, lo first.
    ns.links
        .values()
        .flat_map(|l| l.addrs4.iter())
        .find(|a| !a.is_secondary() && a.scope != scope::LINK && a.scope <= max_scope)
        .map(|a| a.local)
}

/// RTCF_BROADCAST in `rt_flags` (high half of a cloned route's rtm_flags).
pub const RTCF_BROADCAST: u32 = 0x1000_0000;
/// RTCF_MULTICAST.
pub const RTCF_MULTICAST: u32 = 0x2000_0000;
/// RTCF_LOCAL.
pub const RTCF_LOCAL: u32 = 0x8000_0000;

/// The flow of an IPv4 route query (`flowi4` as `inet_rtm_getroute` fills it).
#[derive(Debug, Clone, Default)]
pub struct Query4 {
    /// Destination (0: none given).
    pub dst: u32,
    /// Source (0: let the kernel choose).
    pub src: u32,
    /// Input device (0: an output lookup).
    pub iif: u32,
    /// Output device (0: any).
    pub oif: u32,
    /// Firewall mark.
    pub mark: u32,
    /// User id of the flow (`current_uid()` for output lookups).
    pub uid: u32,
    /// TOS.
    pub tos: u8,
    /// IP protocol.
    pub ip_proto: u8,
    /// Source port (host order).
    pub sport: u16,
    /// Destination port (host order).
    pub dport: u16,
}

/// A resolved IPv4 route: what `ip_route_output_key_hash_rcu` /
/// `ip_route_input_slow` build (the `rtable`), with the `fib_result` behind it.
#[derive(Debug, Clone)]
pub struct Rt4 {
    /// `rt_type`.
    pub kind: RouteType,
    /// RTCF_* flags.
    pub flags: u32,
    /// The table of the FIB result (0 when there was none).
    pub table: u32,
    /// The device the route leaves through (`dst.dev`).
    pub dev: u32,
    /// The gateway when the route uses one (`rt_uses_gateway`).
    pub gateway: Option<u32>,
    /// The IPv6 gateway, for a next hop given one (RTA_VIA).
    pub via6: Option<u128>,
    /// The flow's source after selection (`fl4->saddr`).
    pub src: u32,
    /// Metrics the route carries (from its `fib_info`).
    pub metrics: Vec<(u16, u32)>,
    /// The FIB entry that matched (`res.fi`), if any.
    pub fib: Option<Route<u32>>,
    /// `dst.error` of an input route that only delivers errors.
    pub error: Option<Errno>,
}

fn is_multicast4(a: u32) -> bool {
    a >> 28 == 0xe
}

fn is_lbcast4(a: u32) -> bool {
    a == u32::MAX
}

fn is_zeronet4(a: u32) -> bool {
    a >> 24 == 0
}

fn is_loopback4(a: u32) -> bool {
    a >> 24 == 127
}

/// 224.0.0.0/24 (`ipv4_is_local_multicast`).
fn is_local_multicast4(a: u32) -> bool {
    a >> 8 == 0x00e0_0000
}

/// IN_DEV_FORWARD: whether IPv4 forwards what arrives on device `dev`, by
/// the device's own switch (a write of ip_forward or conf.all.forwarding
/// reaches every device); any value but 0 is on.
pub fn in_dev_forward(ns: &Namespace, dev: &str) -> bool {
    ns.sysctl.is_on(&format!("net.ipv4.conf.{dev}.forwarding"), &[dev])
}

/// Whether 127.0.0.0/8 may be routed on `dev` (`IN_DEV_ROUTE_LOCALNET`,
/// IN_DEV_ORCONF: the device's own setting or the `all` one).
pub fn route_localnet(ns: &Namespace, dev: &str) -> bool {
    ns.sysctl.is_on(&format!("net.ipv4.conf.{dev}.route_localnet"), &[dev]) || ns.sysctl.is_on("net.ipv4.conf.all.route_localnet", &[])
}

/// Whether `a` is one of the namespace's IPv4 addresses
/// (`inet_lookup_ifaddr_rcu`).
pub fn is_local_v4(ns: &Namespace, a: u32) -> bool {
    ns.links.values().any(|l| l.addrs4.iter().any(|x| x.local == a))
}

/// Whether a device owns `a` as `__ip_dev_find` answers: one of the
/// namespace's addresses, or else an address the local table routes as
/// local (127.0.0.2 through 127.0.0.0/8: "communication over loopback
/// subnets").
pub fn dev_find_v4(ns: &Namespace, a: u32) -> bool {
    let local = crate::wire::route::table::LOCAL;
    is_local_v4(ns, a) || (ns.fib4.has_table(local) && matches!(table_lookup(ns, local, a, 0, 0, 0), Some(r) if r.kind == RouteType::Local))
}

/// `l3mdev_update_flow`: the VRF of the flow's output device, else of its
/// input device (loopback aside), as its table.
fn l3mdev_of(ns: &Namespace, iif: u32, oif: u32) -> Option<u32> {
    if oif != 0 && ns.link(oif).is_some() {
        return super::l3mdev::fib_table(ns, oif);
    }
    (iif > 1).then(|| super::l3mdev::fib_table(ns, iif)).flatten()
}

/// The output device a FIB lookup matches next hops against: none when
/// the flow names a VRF itself (`l3mdev_update_flow` resets it).
fn fib_oif(ns: &Namespace, oif: u32) -> u32 {
    if super::l3mdev::is_master(ns, oif) { 0 } else { oif }
}

fn flow4(ns: &Namespace, q: &Query4, iif: u32, oif: u32) -> Flow {
    let name = |i: u32| (i != 0).then(|| ns.link(i).map(|l| l.name.clone())).flatten();
    Flow {
        l3mdev_table: l3mdev_of(ns, iif, oif),
        family: crate::wire::AF_INET,
        dst: q.dst.to_be_bytes().to_vec(),
        src: q.src.to_be_bytes().to_vec(),
        iif: name(iif),
        oif: name(oif),
        mark: q.mark,
        uid: q.uid,
        tos: q.tos,
        ip_proto: q.ip_proto,
        sport: q.sport,
        dport: q.dport,
    }
}

/// `fib_lookup` for IPv4: the rules, then the table; the result names the
/// main table while local and main are merged.
fn fib_lookup4(ns: &Namespace, q: &Query4, iif: u32, oif: u32) -> Result<Resolved<u32>, KernelError> {
    if !ns.rules4_custom {
        // No rules to match: the flow is not needed.
        return resolve_merged::<u32>(ns, q.dst, 0, oif, q.tos);
    }
    let flow = flow4(ns, q, iif, oif);
    resolve::<u32>(ns, &flow, q.dst, 0, fib_oif(ns, oif))
}

/// The next hop an IPv4 result leaves through (`fib_select_path`): with an
/// output device the first live one through it; else, for several, the
/// one the flow's multipath hash selects, preferring one whose device
/// owns the flow's source address (`fib_select_multipath`; `saddr` is 0
/// for forwarded packets, whose lookup passes no flow).
fn pick_nh<'r>(ns: &Namespace, r: &'r Route<u32>, q: &Query4, oif: u32, saddr: u32) -> Option<&'r super::route::NextHop<u32>> {
    if oif == 0 && r.nexthops.len() > 1 {
        let flow = multipath::Keys {
            src: u128::from(q.src),
            dst: u128::from(q.dst),
            ip_proto: q.ip_proto,
            sport: q.sport,
            dport: q.dport,
            ..Default::default()
        };
        // fib_select_multipath: a route through an object asks the object
        // (nexthop_path_fib_result).
        if r.nh_id != 0 {
            let leg = crate::stack::nexthop::select_leg(ns, r.nh_id, multipath::hash(ns, flow));
            if let Some(nh) = leg.and_then(|i| r.nexthops.get(i)) {
                return Some(nh);
            }
        }
        let weights: Vec<Option<u32>> =
            r.nexthops.iter().map(|nh| (nh.flags & rtnh_f::DEAD == 0).then_some(u32::from(nh.weight))).collect();
        // nh_saddr: the address `inet_select_addr` gives for the gateway
        // through the next hop's device within the route's scope.
        let owns: Vec<bool> = r
            .nexthops
            .iter()
            .map(|nh| saddr != 0 && select_source_v4(ns, nh.ifindex, nh.gateway.unwrap_or(0), r.scope) == Some(saddr))
            .collect();
        if let Some(i) = multipath::select_scored(multipath::hash(ns, flow), &weights, &owns) {
            return r.nexthops.get(i);
        }
    }
    r.nexthops.iter().find(|nh| nh.flags & rtnh_f::DEAD == 0 && (oif == 0 || nh.ifindex == oif)).or(r.nexthops.first())
}

/// An IPv4 output route lookup (`ip_route_output_key_hash_rcu`).
pub fn output_v4(ns: &Namespace, q: &Query4) -> Result<Rt4, KernelError> {
    let mut src = q.src;
    let mut rt = Rt4 {
        kind: RouteType::Unicast,
        flags: 0,
        table: 0,
        dev: 0,
        gateway: None,
        via6: None,
        src: 0,
        metrics: Vec::new(),
        fib: None,
        error: None,
    };
    if src != 0 {
        if is_multicast4(src) || is_lbcast4(src) || is_zeronet4(src) {
            return Err(KernelError::new(Errno::EINVAL));
        }
        if !dev_find_v4(ns, src) {
            return Err(KernelError::new(Errno::ENETUNREACH));
        }
    }
    let mut dev_out = 0;
    if q.oif != 0 {
        let dev = ns.link(q.oif).ok_or(KernelError::new(Errno::ENODEV))?;
        if !dev.is_up() {
            return Err(KernelError::new(Errno::ENETUNREACH));
        }
        dev_out = q.oif;
        if is_local_multicast4(q.dst) || is_lbcast4(q.dst) || q.ip_proto == 2 {
            if src == 0 {
                src = select_source_v4(ns, dev_out, 0, scope::LINK).unwrap_or(0);
            }
            rt.src = src;
            return make_output_v4(ns, rt, q.dst, dev_out);
        }
        if src == 0 {
            if is_multicast4(q.dst) {
                src = select_source_v4(ns, dev_out, 0, scope::UNIVERSE).unwrap_or(0);
            } else if q.dst == 0 {
                src = select_source_v4(ns, dev_out, 0, scope::HOST).unwrap_or(0);
            }
        }
    }
    if q.dst == 0 {
        let d = if src != 0 { src } else { 0x7f00_0001 };
        rt.src = if src != 0 { src } else { d };
        rt.kind = RouteType::Local;
        rt.flags |= RTCF_LOCAL;
        return make_output_v4(ns, rt, d, 1);
    }
    let res = match fib_lookup4(ns, q, 0, q.oif) {
        Ok(r) => r,
        Err(e) => {
            // Not for a flow through a VRF (`!fl4->flowi4_l3mdev`).
            if q.oif != 0 && (is_multicast4(q.dst) || super::l3mdev::fib_table(ns, q.oif).is_none()) {
                // "Apparently, routing tables are wrong. Assume, that the
                // destination is on link."
                if src == 0 {
                    src = select_source_v4(ns, dev_out, 0, scope::LINK).unwrap_or(0);
                }
                rt.src = src;
                return make_output_v4(ns, rt, q.dst, dev_out);
            }
            return Err(e);
        }
    };
    rt.table = res.table;
    let r = res.route;
    if r.kind == RouteType::Local {
        rt.src = if src != 0 { src } else { r.prefsrc.unwrap_or(q.dst) };
        rt.kind = RouteType::Local;
        rt.flags |= RTCF_LOCAL;
        rt.metrics = r.metrics.clone();
        // A local route of a VRF port is delivered through the VRF.
        let dev = match r.nexthops.first().map(|nh| super::l3mdev::master_ifindex(ns, nh.ifindex)) {
            Some(m) if m != 0 => m,
            _ => 1,
        };
        rt.fib = Some(r);
        return make_output_v4(ns, rt, q.dst, dev);
    }
    let nh = pick_nh(ns, &r, q, fib_oif(ns, q.oif), q.src).cloned();
    let dev = nh.as_ref().map_or(0, |n| n.ifindex);
    if src == 0 {
        src = match r.prefsrc {
            Some(p) => p,
            None => select_source_v4(ns, dev, nh.as_ref().and_then(|n| n.gateway).unwrap_or(0), r.scope).unwrap_or(0),
        };
    }
    rt.src = src;
    rt.kind = r.kind;
    rt.gateway = nh.as_ref().filter(|n| n.scope == scope::LINK).and_then(|n| n.gateway);
    rt.via6 = nh.as_ref().filter(|n| n.scope == scope::LINK).and_then(|n| n.via6.as_deref().copied());
    rt.metrics = r.metrics.clone();
    rt.fib = Some(r);
    make_output_v4(ns, rt, q.dst, dev)
}

/// The `rtable` of an output route (`__mkroute_output`).
fn make_output_v4(ns: &Namespace, mut rt: Rt4, dst: u32, dev: u32) -> Result<Rt4, KernelError> {
    let dev_is_lo = ns.link(dev).is_some_and(|l| l.is_loopback());
    if is_loopback4(rt.src) && !dev_is_lo {
        return Err(KernelError::new(Errno::EINVAL));
    }
    if is_lbcast4(dst) {
        rt.kind = RouteType::Broadcast;
    } else if is_multicast4(dst) {
        rt.kind = RouteType::Multicast;
    } else if is_zeronet4(dst) {
        return Err(KernelError::new(Errno::EINVAL));
    }
    if dev_is_lo {
        rt.flags |= RTCF_LOCAL;
    }
    match rt.kind {
        RouteType::Broadcast => {
            rt.flags |= RTCF_BROADCAST | RTCF_LOCAL;
            rt.gateway = None;
            rt.metrics.clear();
        }
        RouteType::Multicast => {
            rt.flags |= RTCF_MULTICAST;
            // Every IPv4 device joins the all-hosts group (ip_check_mc_rcu).
            if dst == 0xe000_0001 {
                rt.flags |= RTCF_LOCAL;
            }
            // "If multicast route do not exist use default one, but do not
            // gateway in this case": a match shorter than /4 leaves its
            // fib_info out, so neither its gateway nor its metrics.
            if rt.fib.as_ref().is_some_and(|f| f.dst_len < 4) {
                rt.gateway = None;
                rt.via6 = None;
                rt.metrics.clear();
            }
        }
        _ => {}
    }
    rt.dev = dev;
    Ok(rt)
}

/// An IPv4 input route lookup for a packet arriving on `q.iif`
/// (`ip_route_input_slow`). Errors that Linux keeps in `dst.error` are
/// returned as errors too.
pub fn input_v4(ns: &Namespace, q: &Query4) -> Result<Rt4, KernelError> {
    let (dst, src) = (q.dst, q.src);
    let dev = ns.link(q.iif).ok_or(KernelError::new(Errno::ENODEV))?;
    let forwarding = in_dev_forward(ns, &dev.name);
    let martian = KernelError::new(Errno::EINVAL);
    if is_multicast4(src) || is_lbcast4(src) {
        return Err(martian);
    }
    let mut rt = Rt4 {
        kind: RouteType::Unicast,
        flags: 0,
        table: 0,
        dev: 1,
        gateway: None,
        via6: None,
        src,
        metrics: Vec::new(),
        fib: None,
        error: None,
    };
    let validate = |s: u32| if is_local_v4(ns, s) { Err(KernelError::new(Errno::EINVAL)) } else { Ok(()) };
    if is_lbcast4(dst) || (src == 0 && dst == 0) {
        if src != 0 {
            validate(src)?;
        }
        rt.kind = RouteType::Broadcast;
        rt.flags = RTCF_BROADCAST | RTCF_LOCAL;
        return Ok(rt);
    }
    if is_zeronet4(src) || is_zeronet4(dst) {
        return Err(martian);
    }
    // IN_DEV_NET_ROUTE_LOCALNET: 127/8 is routed in from a device only
    // where route_localnet is on (the device's or `all`).
    if (is_loopback4(dst) || is_loopback4(src)) && !route_localnet(ns, &dev.name) {
        return Err(martian);
    }
    let res = match fib_lookup4(ns, q, q.iif, 0) {
        Ok(r) => r,
        Err(e) => return Err(if forwarding { e } else { KernelError::new(Errno::EHOSTUNREACH) }),
    };
    rt.table = res.table;
    let r = res.route;
    match r.kind {
        RouteType::Broadcast => {
            if src != 0 {
                validate(src)?;
            }
            rt.kind = RouteType::Broadcast;
            rt.flags = RTCF_BROADCAST | RTCF_LOCAL;
            rt.table = 0;
            Ok(rt)
        }
        RouteType::Local => {
            validate(src)?;
            rt.kind = RouteType::Local;
            rt.flags = RTCF_LOCAL;
            rt.metrics = r.metrics.clone();
            rt.fib = Some(r);
            Ok(rt)
        }
        _ if !forwarding => Err(KernelError::new(Errno::EHOSTUNREACH)),
        RouteType::Unicast => {
            validate(src)?;
            let nh = pick_nh(ns, &r, q, 0, 0).cloned();
            rt.dev = nh.as_ref().map_or(0, |n| n.ifindex);
            rt.gateway = nh.as_ref().filter(|n| n.scope == scope::LINK).and_then(|n| n.gateway);
            rt.via6 = nh.as_ref().filter(|n| n.scope == scope::LINK).and_then(|n| n.via6.as_deref().copied());
            rt.metrics = r.metrics.clone();
            rt.fib = Some(r);
            Ok(rt)
        }
        _ => Err(martian),
    }
}
