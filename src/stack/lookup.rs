//! Route resolution: policy rules, then each table's longest match with the
//! filters `fib_table_lookup` applies (net/ipv4/fib_rules.c, fib_trie.c;
//! net/ipv6/fib6_rules.c, route.c).

use super::namespace::Namespace;
use super::route::{Family, Route};
use super::rule::{Flow, Rule};
use crate::errno::{Errno, KernelError};
use crate::wire::route::{rtnh_f, scope, RouteType};
use crate::wire::rule::{fib_rule, fr_act};

/// A successful lookup: the table and the route that matched.
#[derive(Debug, Clone)]
pub struct Resolved<K> {
    /// The table the route was found in.
    pub table: u32,
    /// The matching route.
    pub route: Route<K>,
}

/// The errno a route type gives a lookup that ends on it (`fib_props`).
fn type_error(kind: RouteType) -> Option<Errno> {
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
pub fn table_lookup<K: Family>(ns: &Namespace, table: u32, dst: K, min_scope: u8, oif: u32, tos: u8) -> Option<Route<K>> {
    let trie = K::fib(ns).table(table)?;
    for (_, _, aliases) in trie.matches(dst) {
        for r in aliases {
            if r.tos != 0 && r.tos != tos {
                continue;
            }
            if r.scope < min_scope {
                continue;
            }
            if type_error(r.kind).is_some() {
                return Some(r.clone());
            }
            let usable = r.nexthops.iter().any(|nh| nh.flags & rtnh_f::DEAD == 0 && (oif == 0 || nh.ifindex == oif));
            if r.nexthops.is_empty() || usable {
                return Some(r.clone());
            }
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
    ok &= rule.tos == 0 || rule.tos == flow.tos;
    ok &= rule.uid_range.is_none_or(|(a, b)| flow.uid >= a && flow.uid <= b);
    ok &= rule.ip_proto.is_none_or(|p| p == flow.ip_proto);
    ok &= rule.sport.is_none_or(|(a, b)| flow.sport >= a && flow.sport <= b);
    ok &= rule.dport.is_none_or(|(a, b)| flow.dport >= a && flow.dport <= b);
    if rule.flags & fib_rule::INVERT != 0 { !ok } else { ok }
}

/// Resolves a destination through the rules (`fib_lookup`): ENETUNREACH when
/// nothing matches, the route type's errno for blackhole/unreachable/prohibit.
pub fn resolve<K: Family>(ns: &Namespace, flow: &Flow, dst: K, min_scope: u8, oif: u32) -> Result<Resolved<K>, KernelError> {
    let rules = if K::FAMILY == crate::wire::AF_INET { &ns.rules4 } else { &ns.rules6 };
    for rule in rules {
        if !rule_matches(rule, flow) {
            continue;
        }
        match rule.action {
            fr_act::TO_TBL => {
                if let Some(route) = table_lookup(ns, rule.table, dst, min_scope, oif, flow.tos) {
                    match type_error(route.kind) {
                        Some(Errno::EAGAIN) => continue,
                        Some(e) => return Err(KernelError::new(e)),
                        None => {
                            // suppress_prefixlength: ignore too-general answers.
                            if rule.suppress_prefixlen.is_some_and(|p| u32::from(route.dst_len) <= p) {
                                continue;
                            }
                            return Ok(Resolved { table: rule.table, route });
                        }
                    }
                }
            }
            fr_act::BLACKHOLE => return Err(KernelError::new(Errno::EINVAL)),
            fr_act::UNREACHABLE => return Err(KernelError::new(Errno::ENETUNREACH)),
            fr_act::PROHIBIT => return Err(KernelError::new(Errno::EACCES)),
            _ => {}
        }
    }
    Err(KernelError::new(Errno::ENETUNREACH))
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
    ns.links
        .values()
        .flat_map(|l| l.addrs4.iter())
        .find(|a| !a.is_secondary() && a.scope < scope::LINK && a.scope <= max_scope)
        .map(|a| a.local)
}
