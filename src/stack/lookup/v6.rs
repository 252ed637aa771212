//! IPv6 route resolution: `ip6_route_output` / `ip6_route_input` with
//! `fib6_rule_lookup`, multipath choice and source address selection
//! (net/ipv6/route.c, fib6_rules.c, addrconf.c).

use super::*;

/// The flow of an IPv6 route query (`flowi6` as `inet6_rtm_getroute` fills it).
#[derive(Debug, Clone, Default)]
pub struct Query6 {
    /// Destination.
    pub dst: u128,
    /// Source (0: any).
    pub src: u128,
    /// Input device (0: an output lookup).
    pub iif: u32,
    /// Output device (0: any).
    pub oif: u32,
    /// Firewall mark.
    pub mark: u32,
    /// User id of the flow.
    pub uid: u32,
    /// Traffic class (the DS field `inet6_rtm_getroute` puts in the flow
    /// label from `rtm_tos`).
    pub tclass: u8,
    /// IP protocol.
    pub ip_proto: u8,
    /// Source port (host order).
    pub sport: u16,
    /// Destination port (host order).
    pub dport: u16,
}

/// A resolved IPv6 route: the FIB entry, the table and the device and
/// next hop picked (`fib6_result` and the `rt6_info` made from it).
#[derive(Debug, Clone)]
pub struct Rt6 {
    /// The table of the FIB entry.
    pub table: u32,
    /// The FIB entry (`rt->from`).
    pub route: Route<u128>,
    /// The device the route leaves through (`dst.dev`: lo for local routes).
    pub dev: u32,
    /// The next hop's gateway.
    pub gateway: Option<u128>,
    /// The FIB device of the next hop (for source selection).
    pub nh_dev: u32,
}

/// Multicast, link-local or loopback destinations need their device
/// (`rt6_need_strict`).
fn need_strict6(a: u128) -> bool {
    a >> 120 == 0xff || a >> 118 == 0x3fa || a == 1
}

/// Looks up one IPv6 table (`fib6_table_lookup`): the longest matching
/// prefix whose routes include a usable one; metric order within a prefix,
/// a route through `oif` preferred (required when `strict`).
pub fn table_lookup6(ns: &Namespace, table: u32, q: &Query6, strict: bool) -> Option<(Route<u128>, usize)> {
    for (dst, dst_len, aliases) in u128::fib(ns).matches(table, q.dst) {
        let mut best: Option<(usize, usize, bool)> = None;
        for (i, r) in aliases.iter().enumerate() {
            if r.src_len != 0 && crate::stack::fib::PrefixKey::mask(q.src, r.src_len) != r.src {
                continue;
            }
            if let Some((bi, _, true)) = best {
                if aliases[bi].priority < r.priority {
                    break;
                }
            }
            if r.nexthops.is_empty() || type_error(r.kind).is_some() {
                if best.is_none() {
                    best = Some((i, 0, true));
                }
                continue;
            }
            for (k, nh) in r.nexthops.iter().enumerate() {
                if nh.flags & rtnh_f::DEAD != 0 {
                    continue;
                }
                let on_oif = q.oif == 0 || nh.ifindex == q.oif;
                if strict && q.oif != 0 && !on_oif {
                    continue;
                }
                match best {
                    None => best = Some((i, k, on_oif)),
                    Some((bi, _, false)) if on_oif && aliases[bi].priority == r.priority => best = Some((i, k, true)),
                    _ => {}
                }
            }
        }
        if let Some((i, k, _)) = best {
            return Some((RouteRef { table, dst, dst_len, alias: &aliases[i] }.to_route(), k));
        }
    }
    None
}

fn flow6(ns: &Namespace, q: &Query6) -> Flow {
    let name = |i: u32| (i != 0).then(|| ns.link(i).map(|l| l.name.clone())).flatten();
    Flow {
        l3mdev_table: l3mdev_of(ns, q.iif, q.oif),
        family: crate::wire::AF_INET6,
        dst: q.dst.to_be_bytes().to_vec(),
        src: q.src.to_be_bytes().to_vec(),
        iif: name(q.iif),
        oif: name(q.oif),
        mark: q.mark,
        uid: q.uid,
        tos: q.tclass,
        ip_proto: q.ip_proto,
        sport: q.sport,
        dport: q.dport,
    }
}

/// An IPv6 route lookup (`ip6_route_output` / `ip6_route_input_lookup`
/// through `fib6_rule_lookup`): ENETUNREACH when nothing matches, the
/// route type's error for blackhole/unreachable/prohibit.
pub fn route_v6(ns: &Namespace, q: &Query6) -> Result<Rt6, KernelError> {
    let strict = need_strict6(q.dst) || (q.iif == 0 && q.oif != 0 && q.src == 0);
    let flow = flow6(ns, q);
    // l3mdev_update_flow: a VRF as output device only selects its table.
    let vrf_q;
    let q = if q.oif != 0 && crate::stack::l3mdev::is_master(ns, q.oif) {
        vrf_q = Query6 { oif: 0, ..q.clone() };
        &vrf_q
    } else {
        q
    };
    for rule in &ns.rules6 {
        if !rule_matches(rule, &flow) {
            continue;
        }
        match rule.action {
            fr_act::TO_TBL => {
                let table_id = if rule.l3mdev { flow.l3mdev_table.unwrap_or(rule.table) } else { rule.table };
                let Some((route, k)) = table_lookup6(ns, table_id, q, strict) else { continue };
                match type_error(route.kind) {
                    Some(Errno::EAGAIN) => continue,
                    Some(e) => return Err(KernelError::new(e)),
                    None => {}
                }
                if rule.suppress_prefixlen.is_some_and(|p| u32::from(route.dst_len) <= p) {
                    continue;
                }
                let k = select_path6(ns, &route, q, strict).unwrap_or(k);
                let nh = route.nexthops.get(k).cloned();
                let nh_dev = nh.as_ref().map_or(0, |n| n.ifindex);
                // ip6_rt_get_dev_rcu: RTF_LOCAL and RTF_ANYCAST routes go
                // through lo; only addrconf's anycast routes carry
                // RTF_ANYCAST (rtm_to_fib6_config sets none for a request's).
                let through_lo = route.kind == RouteType::Local || (route.kind == RouteType::Anycast && route.auto);
                let dev = if through_lo { 1 } else { nh_dev };
                return Ok(Rt6 { table: table_id, gateway: nh.and_then(|n| n.gateway), dev, nh_dev, route });
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

/// `fib6_select_path` as `ip6_pol_route` calls it (`have_oif_match`
/// false: Linux 6.18 does not skip path selection for an output device):
/// a route through an object asks the object (`nexthop_path_fib6_result`,
/// the output device not consulted, even for one path); siblings take the
/// one the flow's multipath hash selects (`rt6_multipath_hash`, the upper
/// bounds of `rt6_multipath_rebalance`) unless `rt6_score_route` refuses
/// it: not through `oif` when the lookup is strict (RT6_LOOKUP_F_IFACE),
/// then the sibling `fib6_table_lookup` found stays. None: keep it.
fn select_path6(ns: &Namespace, route: &Route<u128>, q: &Query6, strict: bool) -> Option<usize> {
    if route.nh_id == 0 && route.nexthops.len() < 2 {
        return None;
    }
    let flow = multipath::Keys { src: q.src, dst: q.dst, v6: true, ip_proto: q.ip_proto, sport: q.sport, dport: q.dport, flow_label: 0 };
    if route.nh_id != 0 {
        return crate::stack::nexthop::select_leg(ns, route.nh_id, multipath::hash(ns, flow));
    }
    let weights: Vec<Option<u32>> =
        route.nexthops.iter().map(|nh| (nh.flags & rtnh_f::DEAD == 0).then_some(u32::from(nh.weight))).collect();
    let k = multipath::select(multipath::hash(ns, flow), &weights)?;
    let refused = strict && q.oif != 0 && route.nexthops.get(k).is_some_and(|nh| nh.ifindex != q.oif);
    (!refused).then_some(k)
}

/// The address-selection scope of an IPv6 address (`__ipv6_addr_src_scope`):
/// 1 node, 2 link (loopback too), 5 site, 14 global.
fn src_scope6(a: u128) -> i32 {
    if a >> 120 == 0xff {
        ((a >> 112) & 0xf) as i32
    } else if a == 1 || a >> 118 == 0x3fa {
        2
    } else if a >> 118 == 0x3fb {
        5
    } else {
        14
    }
}

/// The default policy label of an address (`ip6addrlbl_init_table`).
fn label6(a: u128) -> u32 {
    const TABLE: &[(u128, u8, u32)] = &[
        (1, 128, 0),
        (0xffff_0000_0000, 96, 4),
        (0, 96, 3),
        (0x2001_0010u128 << 96, 28, 7),
        (0x2001_0020u128 << 96, 28, 7),
        (0x2001u128 << 112, 32, 6),
        (0x2002u128 << 112, 16, 2),
        (0x3ffeu128 << 112, 16, 12),
        (0xfec0u128 << 112, 10, 11),
        (0xfc00u128 << 112, 7, 5),
    ];
    TABLE
        .iter()
        .filter(|(p, len, _)| crate::stack::fib::PrefixKey::mask(a, *len) == *p)
        .max_by_key(|(_, len, _)| *len)
        .map_or(1, |(_, _, l)| *l)
}

/// The source address Linux picks towards `dst` leaving through `dev`
/// (`ipv6_dev_get_saddr`, RFC 6724 rules 1, 2, 3, 5, 6 and 8).
pub fn select_source_v6(ns: &Namespace, dev: u32, dst: u128) -> Option<u128> {
    use crate::wire::addr::ifa_f;
    let dst_scope = src_scope6(dst);
    let only_oif = dev != 0 && (dst >> 120 == 0xff || dst_scope <= 2);
    let dst_label = label6(dst);
    let score = |ifindex: u32, a: &crate::stack::addr::Ifa6| -> [i32; 6] {
        let s = src_scope6(a.addr);
        let scope_score = if s >= dst_scope { -s } else { s - 128 };
        let preferred = a.addr == 1 || a.flags & (ifa_f::DEPRECATED | ifa_f::OPTIMISTIC) == 0;
        let common = (a.addr ^ dst).leading_zeros().min(u32::from(a.prefix_len)) as i32;
        [
            i32::from(a.addr == dst),
            scope_score,
            i32::from(preferred),
            i32::from(dev == 0 || ifindex == dev),
            i32::from(label6(a.addr) == dst_label),
            common,
        ]
    };
    let mut best: Option<([i32; 6], u128)> = None;
    for link in ns.links.values().filter(|l| !only_oif || l.index == dev) {
        for a in &link.addrs6 {
            if a.flags & ifa_f::TENTATIVE != 0 && a.flags & ifa_f::OPTIMISTIC == 0 {
                continue;
            }
            if a.addr == 0 || a.addr >> 120 == 0xff {
                continue;
            }
            let sc = score(link.index, a);
            if best.as_ref().is_none_or(|(b, _)| sc > *b) {
                best = Some((sc, a.addr));
            }
        }
    }
    best.map(|(_, a)| a)
}
