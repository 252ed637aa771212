//! L3 master devices (VRFs): which table a device's routes and lookups
//! use (net/l3mdev/l3mdev.c), the l3mdev rules the first VRF adds
//! (`vrf_add_fib_rules`, drivers/net/vrf.c), and a port joining or leaving
//! its VRF (`do_vrf_add_slave`, `do_vrf_del_slave`).

use super::link::{self as slink, LinkKind};
use super::namespace::Namespace;
use super::rule::Rule;
use super::{Event, Net, NsId};
use crate::errno::{Errno, KResult, KernelError};
use crate::wire::route::rtprot;
use crate::wire::rule::fr_act;

/// The preference of the l3mdev rules a VRF adds (`FIB_RULE_PREF`).
pub const RULE_PREF: u32 = 1000;

/// The table of a VRF device itself.
fn vrf_table(ns: &Namespace, dev: u32) -> Option<u32> {
    match ns.link(dev)?.kind {
        LinkKind::Vrf { table } => Some(table),
        _ => None,
    }
}

/// `net.vrf.strict_mode` (drivers/net/vrf.c `vrf_strict_mode`): each
/// table belongs to one VRF at most.
pub fn strict_mode(ns: &Namespace) -> bool {
    ns.sysctl.get("net.vrf.strict_mode", &[]).is_some_and(|v| v != "0")
}

/// The VRFs of a namespace that use `table` (`vrf_map_lookup_elem`'s
/// users).
pub fn vrfs_on_table(ns: &Namespace, table: u32) -> usize {
    ns.links.values().filter(|l| matches!(l.kind, LinkKind::Vrf { table: t } if t == table)).count()
}

/// `vrf_map`'s `shared_tables`: whether two VRFs share a table (strict
/// mode cannot be turned on then: `vrf_strict_mode_change`, EBUSY).
pub fn shared_tables(ns: &Namespace) -> bool {
    let mut tables: Vec<u32> =
        ns.links.values().filter_map(|l| if let LinkKind::Vrf { table } = l.kind { Some(table) } else { None }).collect();
    crate::sorting::sort(&mut tables);
    tables.windows(2).any(|w| w[0] == w[1])
}

/// `l3mdev_master_ifindex`: the VRF a device is, or is a port of; 0 for
/// neither.
pub fn master_ifindex(ns: &Namespace, dev: u32) -> u32 {
    if vrf_table(ns, dev).is_some() {
        return dev;
    }
    ns.link(dev).and_then(|l| l.master).filter(|&m| vrf_table(ns, m).is_some()).unwrap_or(0)
}

/// `l3mdev_fib_table`: the table of the VRF a device is or belongs to.
pub fn fib_table(ns: &Namespace, dev: u32) -> Option<u32> {
    match master_ifindex(ns, dev) {
        0 => None,
        m => vrf_table(ns, m),
    }
}

/// The table an address's kernel route goes to (`fib_magic`,
/// `addrconf_prefix_route`, `addrconf_f6i_alloc`): the VRF's, else
/// `default`.
pub fn table_for(ns: &Namespace, dev: u32, default: u32) -> u32 {
    fib_table(ns, dev).unwrap_or(default)
}

/// Whether a device is a VRF (`netif_is_l3_master`).
pub fn is_master(ns: &Namespace, dev: u32) -> bool {
    vrf_table(ns, dev).is_some()
}

/// `vrf_add_fib_rules`: the first VRF of a namespace adds `l3mdev` rules
/// at preference 1000 for IPv4 and IPv6 (a rule already there is kept,
/// `fib_nl_newrule` with NLM_F_EXCL answering EEXIST, which is ignored).
/// Later VRFs add none, even when the rules were deleted.
pub fn add_fib_rules(ns: &mut Namespace) -> Vec<Event> {
    if ns.vrf_rules_added {
        return Vec::new();
    }
    ns.vrf_rules_added = true;
    let mut events = Vec::new();
    for family in [crate::wire::AF_INET, crate::wire::AF_INET6] {
        let rule = Rule { family, priority: RULE_PREF, action: fr_act::TO_TBL, protocol: rtprot::KERNEL, l3mdev: true, ..Rule::default() };
        let rules = if family == crate::wire::AF_INET { &mut ns.rules4 } else { &mut ns.rules6 };
        if rules.iter().any(|r| r.l3mdev && r.priority == RULE_PREF && r.action == fr_act::TO_TBL) {
            continue;
        }
        let at = rules.iter().position(|r| r.priority > RULE_PREF).unwrap_or(rules.len());
        rules.insert(at, rule.clone());
        ns.rules4_custom |= family == crate::wire::AF_INET;
        if ns.rules4_custom {
            ns.fib4.set_custom_rules();
        }
        events.push(Event::Rule { ns: ns.id, new: true, rule });
    }
    events
}

/// `cycle_netdev`: a running port goes down and up again, so its routes
/// are made again in its new table.
fn cycle(net: &mut Net, ns: NsId, dev: u32) -> KResult<Vec<Event>> {
    if !net.ns(ns).and_then(|n| n.link(dev)).is_some_and(|l| l.is_up()) {
        return Ok(Vec::new());
    }
    let mut events = slink::set_up(net, ns, dev, false)?;
    events.extend(slink::set_up(net, ns, dev, true)?);
    Ok(events)
}

/// `vrf_add_slave`: `port` joins the VRF `vrf`. Loopback is refused
/// (EOPNOTSUPP), a VRF or a port of another VRF too (EINVAL). The port's
/// IPv6 state is flushed (`addrconf_notify` on NETDEV_CHANGEUPPER with an
/// L3 master: `addrconf_ifdown`), then it is cycled.
pub fn add_port(net: &mut Net, ns: NsId, vrf: u32, port: u32) -> KResult<Vec<Event>> {
    let nsr = net.ns(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let link = nsr.link(port).ok_or(KernelError::new(Errno::ENODEV))?;
    if link.is_loopback() {
        return Err(KernelError::msg(Errno::EOPNOTSUPP, "Can not enslave loopback device to a VRF"));
    }
    if is_master(nsr, port) {
        return Err(KernelError::msg(Errno::EINVAL, "Can not enslave an L3 master device to a VRF"));
    }
    if link.master.is_some_and(|m| is_master(nsr, m)) {
        return Err(KernelError::new(Errno::EINVAL));
    }
    let mut events = Vec::new();
    let nsm = net.ns_mut(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if let Some(l) = nsm.link_mut(port) {
        l.master = Some(vrf);
    }
    events.extend(flush_on_changeupper(nsm, port));
    events.push(link_event(net, ns, port));
    events.extend(cycle(net, ns, port)?);
    Ok(events)
}

/// `do_vrf_del_slave`: `port` leaves its VRF, its IPv6 state is flushed
/// and it is cycled so its routes go back to the main and local tables.
pub fn del_port(net: &mut Net, ns: NsId, port: u32) -> KResult<Vec<Event>> {
    let mut events = Vec::new();
    let nsm = net.ns_mut(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if let Some(l) = nsm.link_mut(port) {
        l.master = None;
    }
    events.extend(flush_on_changeupper(nsm, port));
    events.push(link_event(net, ns, port));
    events.extend(cycle(net, ns, port)?);
    Ok(events)
}

/// NETDEV_CHANGEUPPER with an L3 master: `fib_netdev_event` flushes every
/// IPv4 route through the port, its local ones too (`fib_disable_ip` with
/// `force`), and `addrconf_notify` takes its IPv6 state down
/// (`addrconf_ifdown`).
fn flush_on_changeupper(ns: &mut Namespace, port: u32) -> Vec<Event> {
    slink::fib_disable_v4(ns, port, true);
    super::ipv6::ifdown(ns, port, false)
}

/// `vrf_dellink`: every port of a VRF being deleted leaves it first.
pub fn release_ports(net: &mut Net, ns: NsId, vrf: u32) -> Vec<Event> {
    let ports: Vec<u32> =
        net.ns(ns).map(|n| n.links.values().filter(|l| l.master == Some(vrf)).map(|l| l.index).collect()).unwrap_or_default();
    let mut events = Vec::new();
    for port in ports {
        events.extend(del_port(net, ns, port).unwrap_or_default());
    }
    events
}

/// RTM_NEWLINK for a port whose master changed (`netdev_upper_dev_link`
/// → `rtmsg_ifinfo` from NETDEV_CHANGEUPPER).
fn link_event(net: &Net, ns: NsId, dev: u32) -> Event {
    let link = net.ns(ns).and_then(|n| n.link(dev)).cloned().unwrap_or_else(|| slink::Link::new(dev, "", LinkKind::Dummy, [0; 6]));
    Event::NewLink { ns, link: Box::new(link), change: 0 }
}
