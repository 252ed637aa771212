//! AF_BRIDGE neighbour messages: the forwarding database (net/core/
//! rtnetlink.c `rtnl_fdb_dump`, `rtnl_fdb_add`, `rtnl_fdb_del`, with
//! net/bridge/br_fdb.c `br_fdb_dump`, `fdb_fill_info` and
//! `ndo_dflt_fdb_dump`). A dump walks the devices by ifindex: a bridge
//! port first lists its bridge's entries for it, then every device its
//! own address lists (`self`), a bridge adding its own address.

mod bulk;

use super::super::Ctx;
use super::super::reply::Request;
use crate::errno::{Errno, KResult, KernelError};
use crate::stack::fdb;
use crate::stack::link::{Link, LinkKind};
use crate::stack::{Namespace, Net, NsId};
use crate::wire::attr::AttrTable;
use crate::wire::link::{IFINFOMSG_LEN, ifla};
use crate::wire::neigh::{NDMSG_LEN, NdMsgRepr, nda, ntf, nud};
use crate::wire::{AF_BRIDGE, MessageBuilder, MessageType, NLM_F_CREATE, NLM_F_EXCL, NLM_F_MULTI, NlaWriter};

/// Where one dumped entry comes from.
struct Row {
    ifindex: u32,
    mac: [u8; 6],
    /// NTF_SELF for a device's own address lists, 0 for bridge entries.
    flags: u8,
    state: u16,
    /// The bridge, for bridge entries (NDA_MASTER and NDA_CACHEINFO).
    master: Option<u32>,
    age_ms: u64,
}

fn fill(row: &Row, seq: u32, pid: u32) -> Vec<u8> {
    fill_with(row, NLM_F_MULTI, seq, pid)
}

/// [`fill`] with the message's own flags (none for a get's answer).
fn fill_with(row: &Row, flags: u16, seq: u32, pid: u32) -> Vec<u8> {
    fill_kind(row, MessageType::NewNeigh, flags, seq, pid)
}

/// `fdb_fill_info` for a message of type `kind`.
fn fill_kind(row: &Row, kind: MessageType, flags: u16, seq: u32, pid: u32) -> Vec<u8> {
    let mut b = MessageBuilder::new(kind.raw(), flags, seq, pid);
    let hdr = NdMsgRepr { family: AF_BRIDGE, ifindex: row.ifindex as i32, state: row.state, flags: row.flags, kind: 0 };
    b.push(&hdr.to_bytes());
    b.put(nda::LLADDR, &row.mac);
    if let Some(m) = row.master {
        b.put_u32(nda::MASTER, m);
        let t = (row.age_ms / 10) as u32;
        let mut ci = [0u8; 16];
        crate::wire::put_bytes(&mut ci, 0, &t.to_ne_bytes());
        crate::wire::put_bytes(&mut ci, 4, &t.to_ne_bytes());
        crate::wire::put_bytes(&mut ci, 8, &t.to_ne_bytes());
        b.put(nda::CACHEINFO, &ci);
    }
    b.finish()
}

/// `fdb_notify`: the RTM_NEWNEIGH / RTM_DELNEIGH a bridge multicasts to
/// RTNLGRP_NEIGH when an entry of its table appears or goes, the bytes a
/// dump would give for it, without a requester (port id and seq 0).
fn notice(row: &Row, new: bool) -> (Vec<u8>, u32) {
    let kind = if new { MessageType::NewNeigh } else { MessageType::DelNeigh };
    (fill_kind(row, kind, 0, 0, 0), crate::wire::group::NEIGH)
}

/// The `fdb_notify` message of a local (permanent) entry of `bridge`.
pub(crate) fn local_notice(ifindex: u32, bridge: u32, mac: [u8; 6], new: bool) -> (Vec<u8>, u32) {
    notice(&Row { ifindex, mac, flags: 0, state: nud::PERMANENT, master: Some(bridge), age_ms: 0 }, new)
}

/// The `fdb_notify` message of a stored entry at `now`.
pub(crate) fn entry_notice(net: &Net, e: &fdb::Entry, now: u64, new: bool) -> (Vec<u8>, u32) {
    notice(&entry_row(net, e, now), new)
}

/// The row of a stored entry of `bridge` (`fdb_fill_info`), its state as
/// `fdb_to_nud` gives it.
fn entry_row(net: &Net, e: &fdb::Entry, now: u64) -> Row {
    let state = fdb::nud_state(net, e, now);
    Row { ifindex: e.port, mac: e.mac, flags: 0, state, master: Some(e.bridge), age_ms: now.saturating_sub(e.updated_ms) }
}

/// The stored entry of `bridge` for `m`, as it is now.
fn stored(net: &mut Net, ns: NsId, bridge: u32, m: [u8; 6]) -> Option<fdb::Entry> {
    let now = net.now_ms;
    fdb::entries(net, ns, bridge, now).into_iter().find(|e| e.mac == m)
}

fn is_bridge(l: &Link) -> bool {
    matches!(l.kind, LinkKind::Bridge(_))
}

/// The bridge `l` is a port of.
fn bridge_of(ns: &Namespace, l: &Link) -> Option<u32> {
    let m = l.master?;
    ns.link(m).filter(|b| is_bridge(b)).map(|b| b.index)
}

fn mac(bytes: &[u8]) -> Option<[u8; 6]> {
    bytes.try_into().ok()
}

/// A device's multicast address list (`dev->mc`) in the order the groups
/// were joined: IPv6 all-nodes at registration, a bridge's all-snoopers
/// groups when it opens, IPv4 all-hosts when it comes up, then the
/// solicited-node group of each IPv6 address (those of addresses added
/// while the device was down before the groups opening joins, as they
/// joined then). Only devices with
/// IFF_MULTICAST have one.
fn multicast_list(l: &Link) -> Vec<[u8; 6]> {
    let mut list: Vec<[u8; 6]> = Vec::new();
    if l.flags & crate::wire::link::iff::MULTICAST == 0 || l.address.len() != 6 {
        return list;
    }
    let mut add = |m: [u8; 6]| {
        if !list.contains(&m) {
            list.push(m);
        }
    };
    let solicited = |a: &crate::stack::addr::Ifa6| {
        let b = a.addr.to_be_bytes();
        [0x33, 0x33, 0xff, b[13], b[14], b[15]]
    };
    // IPv6's groups are in the list unless `ipv6_mc_down` dropped them;
    // reloaded, all-nodes comes after what opening the device joined.
    // A device without an inet6_dev (MTU under 1280) has none
    // (ipv6_mc_destroy_dev).
    let v6_loaded = !l.mc6_dropped && !l.no_inet6;
    const ALL_ROUTERS: [u8; 6] = [0x33, 0x33, 0, 0, 0, 2];
    let routers_early = v6_loaded && l.mc6_allrouters == Some(false);
    if v6_loaded && !l.mc6_reloaded {
        add([0x33, 0x33, 0, 0, 0, 1]);
        if routers_early {
            add(ALL_ROUTERS);
        }
    }
    for (m, _) in l.mc_extra.iter().filter(|(_, after_open)| !after_open) {
        add(*m);
    }
    // Addresses added while the device was down joined their groups
    // then (measured: before IPv4's all-hosts group that opening joins).
    let mut down: Vec<_> = l.addrs6.iter().filter(|a| a.joined_down != 0 || (!l.is_up() && v6_loaded)).collect();
    crate::sorting::sort_by_key(&mut down, |a| (a.joined_down == 0, a.joined_down, a.created_ms));
    for a in down {
        add(solicited(a));
    }
    if l.is_up() {
        // The all-snoopers groups, while the bridge snoops multicast:
        // joined when it opened, or last when snooping came back on.
        let snoopers = snoopers(l);
        if snoopers == Some(false) {
            add([0x01, 0x00, 0x5e, 0, 0, 0x6a]);
            add([0x33, 0x33, 0, 0, 0, 0x6a]);
        }
        add([0x01, 0x00, 0x5e, 0, 0, 1]);
        if v6_loaded {
            add([0x33, 0x33, 0, 0, 0, 1]);
            if routers_early {
                add(ALL_ROUTERS);
            }
        }
        let mut addrs: Vec<_> = l.addrs6.iter().filter(|_| v6_loaded).collect();
        // The link-local address, made when the device came up, joins
        // before addresses added at the same moment.
        let link_local = |a: u128| a >> 118 == 0x3fa;
        crate::sorting::sort_by_key(&mut addrs, |a| (a.created_ms, !link_local(a.addr)));
        for a in addrs {
            add(solicited(a));
        }
    }
    if v6_loaded && l.mc6_allrouters == Some(true) {
        add(ALL_ROUTERS);
    }
    // Each anycast address joined its solicited-node group when it was
    // joined (`__ipv6_dev_ac_inc`, `addrconf_join_solict`); newest first
    // in `anycast6`.
    for (a, _) in l.anycast6.iter().rev().filter(|_| v6_loaded) {
        let b = a.to_be_bytes();
        add([0x33, 0x33, 0xff, b[13], b[14], b[15]]);
    }
    for (m, _) in l.mc_extra.iter().filter(|(_, after_open)| *after_open) {
        add(*m);
    }
    if l.is_up() && snoopers(l) == Some(true) {
        add([0x01, 0x00, 0x5e, 0, 0, 0x6a]);
        add([0x33, 0x33, 0, 0, 0, 0x6a]);
    }
    list
}

/// For a bridge that snoops multicast, whether its all-snoopers groups
/// joined after the others; `None` for other devices and without snooping.
fn snoopers(l: &Link) -> Option<bool> {
    match &l.kind {
        LinkKind::Bridge(c) if c.snooping() => Some(c.snoopers_rejoined),
        _ => None,
    }
}

/// `ndo_dflt_fdb_dump`: the device's own address lists (unicast, then
/// multicast), as `self` entries.
fn self_rows(l: &Link, rows: &mut Vec<Row>) {
    for m in l.uc_extra.iter().copied().chain(multicast_list(l)) {
        rows.push(Row { ifindex: l.index, mac: m, flags: ntf::SELF, state: nud::PERMANENT, master: None, age_ms: 0 });
    }
}

/// The entries of `bridge` behind `port` (`br_fdb_dump` with a filter
/// device): learnt and static ones newest first, then the port's own
/// address, which it got when it joined.
fn port_rows(net: &mut Net, ns: NsId, bridge: u32, port: &Link, now: u64, rows: &mut Vec<Row>) {
    for e in fdb::entries(net, ns, bridge, now).into_iter().filter(|e| e.port == port.index) {
        let state = fdb::nud_state(net, &e, now);
        rows.push(Row { ifindex: port.index, mac: e.mac, flags: 0, state, master: Some(bridge), age_ms: now.saturating_sub(e.updated_ms) });
    }
    if let Some(m) = mac(&port.address) {
        rows.push(Row { ifindex: port.index, mac: m, flags: 0, state: nud::PERMANENT, master: Some(bridge), age_ms: 0 });
    }
}

/// RTM_GETNEIGH dump of family AF_BRIDGE (`rtnl_fdb_dump`): filtered by
/// port (the header's ifindex or NDA_IFINDEX) and by bridge (NDA_MASTER).
pub fn dump(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let (mut brport, mut br) = (0u32, 0u32);
    let legacy = req.payload.len() >= IFINFOMSG_LEN && !req.strict;
    if req.strict {
        let hdr = NdMsgRepr::parse(req.payload).map_err(|_| KernelError::msg(Errno::EINVAL, "Invalid header for fdb dump request"))?;
        if hdr.state != 0 || hdr.flags != 0 || hdr.kind != 0 || req.payload.get(1..4).is_some_and(|p| p.iter().any(|b| *b != 0)) {
            return Err(KernelError::msg(Errno::EINVAL, "Invalid values in header for fdb dump request"));
        }
        brport = hdr.ifindex.max(0) as u32;
        let attrs = nda::SPACE.parse(req.after(NDMSG_LEN))?;
        let all = crate::wire::attr::parse_all(req.after(NDMSG_LEN))?;
        if all.iter().any(|a| a.kind != nda::IFINDEX && a.kind != nda::MASTER) {
            return Err(KernelError::msg(Errno::EINVAL, "Unsupported attribute in fdb dump request"));
        }
        if let Some(i) = attrs.get(nda::IFINDEX) {
            brport = i.u32()?;
        }
        if let Some(m) = attrs.get(nda::MASTER) {
            br = m.u32()?;
        }
    } else if legacy {
        // rtnl_fdb_dump on an ifinfomsg: ifi_index and IFLA_MASTER.
        brport = crate::wire::get_u32(req.payload, 4).unwrap_or(0);
        if let Ok(attrs) = AttrTable::parse(req.after(IFINFOMSG_LEN), 60) {
            if let Some(m) = attrs.get(ifla::MASTER) {
                br = m.u32()?;
            }
        }
    }
    let ns = ctx.ns;
    let now = ctx.net.now_ms;
    let Some(nsr) = ctx.net.ns(ns) else { return Ok(()) };
    let bridge_filter = if br != 0 {
        let b = nsr.link(br).ok_or(KernelError::new(Errno::ENODEV))?;
        if !is_bridge(b) {
            return Err(KernelError::new(Errno::EINVAL));
        }
        Some(br)
    } else {
        None
    };
    let links: Vec<Link> = nsr.links.values().cloned().collect();
    let mut rows = Vec::new();
    for dev in &links {
        if brport != 0 && dev.index != brport {
            continue;
        }
        let Some(nsr) = ctx.net.ns(ns) else { break };
        let master = bridge_of(nsr, dev);
        if let Some(b) = bridge_filter {
            if dev.index != b && master.is_none() {
                continue;
            }
            if master != Some(b) && !is_bridge(dev) {
                continue;
            }
        }
        if let Some(m) = master {
            port_rows(ctx.net, ns, m, dev, now, &mut rows);
        }
        if let LinkKind::Vxlan(v) = &dev.kind {
            // vxlan_fdb_dump replaces the default dump of the address lists.
            ctx.replies.extend(rows.drain(..).map(|row| fill(&row, req.header.seq, req.port)));
            ctx.replies.extend(super::super::vxlan::fdb_dump(dev, v, req.header.seq, req.port, now));
            continue;
        }
        self_rows(dev, &mut rows);
        if is_bridge(dev) {
            // br_fdb_dump without a filter device: the entries without a
            // port (added on the bridge itself), newest first, then the
            // bridge's own address unless a port holds it: one entry per
            // address, and a port's own entry keeps it (`fdb_add_local`
            // finds it when the bridge takes the address).
            for e in fdb::entries(ctx.net, ns, dev.index, now).into_iter().filter(|e| e.port == dev.index) {
                rows.push(Row {
                    ifindex: dev.index,
                    mac: e.mac,
                    flags: 0,
                    state: nud::PERMANENT,
                    master: Some(dev.index),
                    age_ms: now.saturating_sub(e.updated_ms),
                });
            }
            let held = links.iter().any(|l| l.master == Some(dev.index) && l.address == dev.address);
            if let (false, Some(m)) = (held, mac(&dev.address)) {
                rows.push(Row { ifindex: dev.index, mac: m, flags: 0, state: nud::PERMANENT, master: Some(dev.index), age_ms: 0 });
            }
        }
    }
    for row in &rows {
        ctx.replies.push(fill(row, req.header.seq, req.port));
    }
    Ok(())
}

/// The port, MAC address and VLAN flag of an add or delete (`rtnl_fdb_add` /
/// `rtnl_fdb_del` checks), and the bridge when it is for the master.
fn target(ctx: &Ctx<'_>, req: &Request<'_>) -> KResult<(NdMsgRepr, u32, [u8; 6], bool)> {
    let hdr = NdMsgRepr::parse(req.payload).map_err(|_| KernelError::new(Errno::EINVAL))?;
    let attrs = nda::SPACE.parse(req.after(NDMSG_LEN))?;
    if hdr.ifindex == 0 {
        return Err(KernelError::msg(Errno::EINVAL, "invalid ifindex"));
    }
    let nsr = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let dev = nsr.link(hdr.ifindex.max(0) as u32).ok_or(KernelError::msg(Errno::ENODEV, "unknown ifindex"))?;
    let ll = attrs.get(nda::LLADDR).filter(|a| a.value.len() == 6).ok_or(KernelError::msg(Errno::EINVAL, "invalid address"))?;
    let m = mac(ll.value).ok_or(KernelError::msg(Errno::EINVAL, "invalid address"))?;
    // Whether it names a VLAN (NDA_VLAN other than 0).
    let vlan = attrs.get(nda::VLAN).map(|v| v.u16()).transpose()?.is_some_and(|v| v != 0);
    Ok((hdr, dev.index, m, vlan))
}

/// RTM_NEWNEIGH of family AF_BRIDGE: `bridge fdb add ADDR dev PORT master`
/// puts a static (or, with `dynamic`, a learnt) entry in the port's bridge.
pub fn add(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let (hdr, port, m, vlan) = target(ctx, req)?;
    let nsr = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let dev = nsr.link(port).ok_or(KernelError::new(Errno::ENODEV))?;
    let bridge = bridge_of(nsr, dev);
    let to_master = hdr.flags == 0 || hdr.flags & ntf::MASTER != 0;
    match bridge {
        Some(b) if to_master => {
            if hdr.state & (nud::PERMANENT | nud::NOARP | nud::REACHABLE) == 0 {
                return Err(KernelError::msg(Errno::EINVAL, "FDB entry with no state"));
            }
            // br_fdb_add: a VLAN must be configured on the bridge, and
            // without VLAN filtering none is.
            if vlan {
                return Err(KernelError::new(Errno::EINVAL));
            }
            // fdb_add_entry: a port that cannot learn (neither learning nor
            // forwarding) takes only static entries.
            const LEARNING: u8 = 2;
            let can_learn = dev.port_state == LEARNING || dev.port_state == crate::stack::bridge::FORWARDING;
            if hdr.state & (nud::PERMANENT | nud::NOARP) == 0 && !can_learn {
                return Err(KernelError::new(Errno::EPERM));
            }
            let now = ctx.net.now_ms;
            let exclusive = req.header.flags & NLM_F_EXCL != 0;
            // fdb_add_entry: NUD_PERMANENT makes a local entry, NUD_NOARP a
            // static one, anything else (`dynamic`) one that ages.
            let state = if hdr.state & nud::PERMANENT != 0 {
                fdb::AddState::Permanent
            } else if hdr.state & nud::NOARP != 0 {
                fdb::AddState::Static
            } else {
                fdb::AddState::Dynamic
            };
            let announced = fdb::add(ctx.net, ctx.ns, b, port, m, state, exclusive).map_err(KernelError::new)?;
            if let Some(e) = stored(ctx.net, ctx.ns, b, m).filter(|_| announced) {
                ctx.notices.push(notice(&entry_row(ctx.net, &e, now), true));
            }
            Ok(())
        }
        _ if hdr.flags & ntf::SELF != 0 && is_bridge(dev) => add_on_bridge(ctx, req, &hdr, port, m, vlan),
        _ if hdr.flags & ntf::SELF != 0 && matches!(dev.kind, LinkKind::Vxlan(_)) => vxlan_op(ctx, req, &hdr, port, m, true),
        _ if hdr.flags & ntf::SELF != 0 && !is_bridge(dev) => {
            // ndo_dflt_fdb_add: static entries without a VLAN, into the
            // device's unicast or multicast list.
            if hdr.state != 0 && hdr.state & nud::PERMANENT == 0 {
                return Err(KernelError::new(Errno::EINVAL));
            }
            if vlan {
                return Err(KernelError::new(Errno::EINVAL));
            }
            let exclusive = req.header.flags & NLM_F_EXCL != 0;
            let link = ctx.net.ns_mut(ctx.ns).and_then(|n| n.link_mut(port)).ok_or(KernelError::new(Errno::ENODEV))?;
            let present = link.uc_extra.contains(&m) || multicast_list(link).contains(&m);
            if present {
                return if exclusive { Err(KernelError::new(Errno::EEXIST)) } else { Ok(()) };
            }
            if is_multicast(&m) {
                let up = link.is_up();
                link.mc_extra.push((m, up));
            } else {
                link.uc_extra.push(m);
            }
            Ok(())
        }
        _ => Err(KernelError::new(Errno::EOPNOTSUPP)),
    }
}

/// `vxlan_fdb_add` / `vxlan_fdb_delete` on a VXLAN device, with the
/// device's own notifications (`vxlan_fdb_notify`).
fn vxlan_op(ctx: &mut Ctx<'_>, req: &Request<'_>, hdr: &NdMsgRepr, index: u32, m: [u8; 6], add: bool) -> KResult<()> {
    use super::super::vxlan::{FdbTarget, fdb_add, fdb_del, fdb_parse};
    let attrs = nda::SPACE.parse(req.after(NDMSG_LEN))?;
    let now = ctx.net.now_ms;
    let nsr = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let Some(LinkKind::Vxlan(v)) = nsr.link(index).map(|l| &l.kind) else { return Err(Errno::ENODEV.into()) };
    if add && (hdr.state & (nud::PERMANENT | nud::REACHABLE) == 0 || !attrs.has(nda::DST) && !attrs.has(nda::NH_ID)) {
        return Err(Errno::EINVAL.into());
    }
    let args = fdb_parse(nsr, v, &attrs)?;
    let nsr = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let crate::stack::Namespace { links, nexthops, .. } = nsr;
    let Some(LinkKind::Vxlan(v)) = links.get_mut(&index).map(|l| &mut l.kind) else { return Err(Errno::ENODEV.into()) };
    let notices = if add {
        let to = FdbTarget { ifindex: index, vxlan: v, nexthops };
        fdb_add(to, m, hdr.state, hdr.flags, req.header.flags, args, now)?.into_iter().collect()
    } else {
        fdb_del(index, v, m, args, now)?
    };
    ctx.notices.extend(notices.into_iter().map(|n| (n, crate::wire::group::NEIGH)));
    Ok(())
}

/// `br_fdb_add` on the bridge device itself (`fdb_add_entry` with no
/// source port): only permanent (local) entries, no VLAN without VLAN
/// filtering; an address the bridge knows is EEXIST with NLM_F_EXCL and
/// is moved onto the bridge otherwise.
fn add_on_bridge(ctx: &mut Ctx<'_>, req: &Request<'_>, hdr: &NdMsgRepr, bridge: u32, m: [u8; 6], vlan: bool) -> KResult<()> {
    if hdr.state & (nud::PERMANENT | nud::NOARP | nud::REACHABLE) == 0 || m == [0; 6] || vlan {
        return Err(Errno::EINVAL.into());
    }
    if hdr.state & nud::PERMANENT == 0 {
        return Err(Errno::EINVAL.into());
    }
    let now = ctx.net.now_ms;
    let known = fdb::entries(ctx.net, ctx.ns, bridge, now).iter().any(|e| e.mac == m);
    let local = fdb::is_local_address(ctx.net, ctx.ns, bridge, m);
    if (known || local) && req.header.flags & NLM_F_EXCL != 0 {
        return Err(Errno::EEXIST.into());
    }
    if !known && !local && req.header.flags & NLM_F_CREATE == 0 {
        return Err(Errno::ENOENT.into());
    }
    if local && !known {
        // The device addresses stay where they are (not stored here).
        return Ok(());
    }
    fdb::add(ctx.net, ctx.ns, bridge, bridge, m, fdb::AddState::Permanent, false).map_err(KernelError::new)?;
    if let Some(e) = stored(ctx.net, ctx.ns, bridge, m) {
        ctx.notices.push(notice(&entry_row(ctx.net, &e, now), true));
    }
    Ok(())
}

/// Whether an address goes to the multicast list: the group bit set, and
/// not a link-local 01:80:c2:00:00:0X address (those join the unicast
/// list, as `ndo_dflt_fdb_add` does).
fn is_multicast(m: &[u8; 6]) -> bool {
    let link_local = m[..5] == [0x01, 0x80, 0xc2, 0, 0] && m[5] & 0xf0 == 0;
    m[0] & 1 != 0 && !link_local
}

/// RTM_DELNEIGH of family AF_BRIDGE: `bridge fdb del ADDR dev PORT master`.
pub fn del(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    if req.header.flags & crate::wire::NLM_F_BULK != 0 {
        return bulk::del_bulk(ctx, req);
    }
    let (hdr, port, m, vlan) = target(ctx, req)?;
    let nsr = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let dev = nsr.link(port).ok_or(KernelError::new(Errno::ENODEV))?;
    let bridge = bridge_of(nsr, dev);
    let to_master = hdr.flags == 0 || hdr.flags & ntf::MASTER != 0;
    match bridge {
        Some(b) if to_master => {
            if vlan {
                return Err(KernelError::new(Errno::EINVAL));
            }
            let now = ctx.net.now_ms;
            let gone = stored(ctx.net, ctx.ns, b, m);
            fdb::delete(ctx.net, ctx.ns, b, port, m, now).map_err(KernelError::new)?;
            if let Some(e) = gone {
                ctx.notices.push(notice(&entry_row(ctx.net, &e, now), false));
            }
            Ok(())
        }
        _ if hdr.flags & ntf::SELF != 0 && matches!(dev.kind, LinkKind::Vxlan(_)) => vxlan_op(ctx, req, &hdr, port, m, false),
        _ if hdr.flags & ntf::SELF != 0 && is_bridge(dev) => {
            // br_fdb_delete on the bridge: an entry without a port.
            if vlan {
                return Err(KernelError::new(Errno::EINVAL));
            }
            let now = ctx.net.now_ms;
            let gone = stored(ctx.net, ctx.ns, port, m);
            fdb::delete(ctx.net, ctx.ns, port, port, m, now).map_err(KernelError::new)?;
            if let Some(e) = gone {
                ctx.notices.push(notice(&entry_row(ctx.net, &e, now), false));
            }
            Ok(())
        }
        _ if hdr.flags & ntf::SELF != 0 && !is_bridge(dev) => {
            // ndo_dflt_fdb_del: only static entries, out of the device's
            // unicast or multicast list.
            if hdr.state & nud::PERMANENT == 0 {
                return Err(KernelError::new(Errno::EINVAL));
            }
            let link = ctx.net.ns_mut(ctx.ns).and_then(|n| n.link_mut(port)).ok_or(KernelError::new(Errno::ENODEV))?;
            // dev_uc_del / dev_mc_del.
            if let Some(at) = link.uc_extra.iter().position(|x| *x == m) {
                link.uc_extra.remove(at);
            } else if let Some(at) = link.mc_extra.iter().position(|(x, _)| *x == m) {
                link.mc_extra.remove(at);
            } else {
                return Err(KernelError::new(Errno::ENOENT));
            }
            Ok(())
        }
        _ => Err(KernelError::new(Errno::EOPNOTSUPP)),
    }
}

/// RTM_GETNEIGH of family AF_BRIDGE for one entry (`rtnl_fdb_get` after
/// `valid_fdb_get_strict`): a port (the header's ifindex) or NDA_MASTER names the bridge, whose table answers (`br_fdb_get`); a
/// device with NTF_SELF answers itself (`vxlan_fdb_get`), others have no
/// `ndo_fdb_get`. The world's bridge entries have no VLAN (vid 0).
pub fn get(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let bad = |m: &'static str| KernelError::msg(Errno::EINVAL, m);
    let hdr = NdMsgRepr::parse(req.payload).map_err(|_| bad("Invalid header for fdb get request"))?;
    let pads = req.payload.get(1..4).is_some_and(|p| p.iter().any(|b| *b != 0));
    if pads || hdr.state != 0 || hdr.kind != 0 {
        return Err(bad("Invalid values in header for fdb get request"));
    }
    if hdr.flags & !(ntf::MASTER | ntf::SELF) != 0 {
        return Err(bad("Invalid flags in header for fdb get request"));
    }
    nda::SPACE.parse(req.after(NDMSG_LEN))?;
    let (brport, mut br, mut addr, mut vlan) = (hdr.ifindex.max(0) as u32, 0u32, None, false);
    for a in crate::wire::attr::parse_all(req.after(NDMSG_LEN))? {
        match a.kind {
            nda::MASTER => br = a.u32()?,
            nda::LLADDR => addr = Some(mac(a.value).ok_or(bad("Invalid address in fdb get request"))?),
            nda::VLAN => {
                let vid = a.u16()?;
                if vid == 0 || vid >= 4095 {
                    return Err(bad("invalid vlan id"));
                }
                vlan = true;
            }
            nda::VNI => {}
            _ => return Err(bad("Unsupported attribute in fdb get request")),
        }
    }
    let addr = addr.ok_or(bad("Missing lookup address for fdb get request"))?;
    let nsr = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let dev =
        if brport != 0 { Some(nsr.link(brport).ok_or(KernelError::msg(Errno::ENODEV, "Unknown device ifindex"))?.clone()) } else { None };
    let mut bridge = None;
    if br != 0 {
        if dev.is_some() {
            return Err(bad("Master and device are mutually exclusive"));
        }
        bridge = Some(nsr.link(br).ok_or(bad("Invalid master ifindex"))?.clone());
    }
    let mut self_dev = None;
    if let Some(d) = dev {
        if hdr.flags == 0 || hdr.flags & ntf::MASTER != 0 {
            let b = bridge_of(nsr, &d).ok_or(bad("Device is not a bridge port"))?;
            bridge = nsr.link(b).cloned();
        } else {
            self_dev = Some(d);
        }
    }
    let (seq, pid, now) = (req.header.seq, req.port, ctx.net.now_ms);
    let not_found = || KernelError::msg(Errno::ENOENT, "Fdb entry not found");
    let unsupported = || KernelError::msg(Errno::EOPNOTSUPP, "Fdb get operation not supported by device");
    if let Some(d) = self_dev.as_ref().filter(|d| !is_bridge(d)) {
        let LinkKind::Vxlan(v) = &d.kind else { return Err(unsupported()) };
        let reply = super::super::vxlan::fdb_dump(d, v, seq, pid, now).into_iter().find(|m| {
            let a = nda::SPACE.parse(m.get(16 + NDMSG_LEN..).unwrap_or(&[]));
            a.ok().and_then(|a| a.get(nda::LLADDR).map(|l| l.value == addr)).unwrap_or(false)
        });
        let mut reply = reply.ok_or_else(not_found)?;
        // vxlan_fdb_info for a get: no NLM_F_MULTI.
        if let Some(f) = reply.get_mut(6..8) {
            f.copy_from_slice(&0u16.to_ne_bytes());
        }
        ctx.replies.push(reply);
        return Ok(());
    }
    let b = match (bridge, self_dev) {
        (Some(b), _) | (None, Some(b)) => b,
        (None, None) => return Err(KernelError::msg(Errno::ENODEV, "No device specified")),
    };
    if !is_bridge(&b) {
        return Err(unsupported());
    }
    // br_fdb_get (fdb_find_rcu): the entry wherever it points, a port's
    // own address and the bridge's included.
    let ports: Vec<Link> = nsr.links.values().filter(|l| l.master == Some(b.index)).cloned().collect();
    let mut rows = Vec::new();
    for p in &ports {
        port_rows(ctx.net, ctx.ns, b.index, p, now, &mut rows);
    }
    for e in fdb::entries(ctx.net, ctx.ns, b.index, now).into_iter().filter(|e| e.port == b.index) {
        rows.push(Row {
            ifindex: b.index,
            mac: e.mac,
            flags: 0,
            state: nud::PERMANENT,
            master: Some(b.index),
            age_ms: now.saturating_sub(e.updated_ms),
        });
    }
    if let Some(m) = mac(&b.address) {
        rows.push(Row { ifindex: b.index, mac: m, flags: 0, state: nud::PERMANENT, master: Some(b.index), age_ms: 0 });
    }
    // The world's entries have no VLAN: one asked for with a VLAN is not there.
    let row = rows.iter().find(|r| r.mac == addr && !vlan).ok_or_else(not_found)?;
    ctx.replies.push(fill_with(row, 0, seq, pid));
    Ok(())
}
