//! RTM_SETLINK (`rtnl_setlink` → `do_setlink`) and the changes it shares
//! with RTM_NEWLINK on an existing device.

use super::newlink::{af_spec_addr_gen_mode, announce_new, check_ether_addr, check_new_name, target_namespace};
use super::{find_link, parse};
use crate::errno::{Errno, KResult, KernelError};
use crate::rtnetlink::Ctx;
use crate::rtnetlink::reply::Request;
use crate::stack::link::{self as slink, Link, LinkKind};
use crate::stack::notifier::{NetdevEvent, call_netdevice_notifiers};
use crate::stack::{Event, Net, NsId};
use crate::wire::attr::AttrTable;
use crate::wire::link::{IfInfoRepr, iff, ifla};

/// RTM_SETLINK: changes to an existing link (`rtnl_setlink` → `do_setlink`).
pub fn set_link(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let (hdr, attrs) = parse(req)?;
    let index = find_link(ctx, &hdr, &attrs)?.ok_or(KernelError::new(Errno::ENODEV))?;
    do_setlink(ctx, req, index, &hdr, &attrs)
}

pub(super) fn check_mtu(link: &Link, mtu: u32) -> KResult<()> {
    if mtu < link.min_mtu {
        return Err(KernelError::msg(Errno::EINVAL, "mtu less than device minimum"));
    }
    if link.max_mtu != 0 && mtu > link.max_mtu {
        return Err(KernelError::msg(Errno::EINVAL, "mtu greater than device maximum"));
    }
    Ok(())
}

/// Enslaves a device to a bridge, or frees it with master 0 (`do_set_master`).
pub(super) fn set_master(net: &mut Net, ns: NsId, index: u32, master: u32) -> KResult<Vec<Event>> {
    let nsr = net.ns(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let link = nsr.link(index).ok_or(KernelError::new(Errno::ENODEV))?;
    if link.master == Some(master) || (master == 0 && link.master.is_none()) {
        return Ok(Vec::new());
    }
    // A VRF master or a VRF port leaving one (vrf_add_slave, vrf_del_slave).
    let vrf_old = link.master.filter(|&m| crate::stack::l3mdev::is_master(nsr, m));
    if master != 0 && crate::stack::l3mdev::is_master(nsr, master) {
        let mut events = match (vrf_old, link.master) {
            (Some(_), _) => crate::stack::l3mdev::del_port(net, ns, index)?,
            (None, Some(_)) => crate::stack::bridge::del_port(net, ns, index, true),
            (None, None) => Vec::new(),
        };
        events.extend(crate::stack::l3mdev::add_port(net, ns, master, index)?);
        return Ok(events);
    }
    if vrf_old.is_some() {
        let mut events = crate::stack::l3mdev::del_port(net, ns, index)?;
        if master != 0 {
            events.extend(set_master(net, ns, index, master)?);
        }
        return Ok(events);
    }
    if master != 0 {
        let m = nsr.link(master).ok_or(KernelError::new(Errno::EINVAL))?;
        if !matches!(m.kind, LinkKind::Bridge(_)) {
            return Err(KernelError::new(Errno::EOPNOTSUPP));
        }
        if link.is_loopback() {
            // br_add_if: loopback, non-Ethernet devices: EINVAL, no message.
            return Err(KernelError::new(Errno::EINVAL));
        }
        if matches!(link.kind, LinkKind::Bridge(_)) {
            return Err(KernelError::msg(Errno::ELOOP, "Can not enslave a bridge to a bridge"));
        }
        // netdev_rx_handler_register: a macvlan port's frames are taken.
        if !super::super::kind_data::macvlans_on(nsr, index, 0).is_empty() {
            return Err(KernelError::new(Errno::EBUSY));
        }
    }
    let old = link.master;
    let mut events = Vec::new();
    // do_set_master: leave the old master, then join the new one.
    if let Some(b) = old {
        events.extend(crate::stack::bridge::del_port(net, ns, index, true));
        events.extend(slink::refresh_carriers(net, ns, b));
    }
    if master != 0 {
        events.extend(crate::stack::bridge::add_port(net, ns, index, master));
        events.extend(slink::refresh_carriers(net, ns, master));
    }
    Ok(events)
}

/// Applies the changes of a SETLINK/NEWLINK to an existing link in
/// `do_setlink`'s order, after validating all of them.
pub(super) fn do_setlink(ctx: &mut Ctx<'_>, _req: &Request<'_>, index: u32, hdr: &IfInfoRepr, attrs: &AttrTable<'_>) -> KResult<()> {
    let ns = ctx.ns;
    let link = ctx.net.ns(ns).and_then(|n| n.link(index)).cloned().ok_or(KernelError::new(Errno::ENODEV))?;
    // Validation (validate_linkmsg and each setter's checks).
    let target = target_namespace(ctx.net, attrs)?;
    let address = attrs.get(ifla::ADDRESS).map(|a| a.value.to_vec());
    if let Some(a) = &address {
        if a.len() < link.address.len() {
            return Err(Errno::EINVAL.into());
        }
    }
    // netif_set_mac_address: the device's own address again changes
    // nothing but the address's origin (NET_ADDR_SET, see below); another
    // one must pass eth_prepare_mac_addr_change (is_valid_ether_addr),
    // loopback's eth_mac_addr included.
    let address_given = address.is_some();
    let address = address.filter(|a| a.get(..link.address.len()) != Some(&link.address[..]));
    if let Some(a) = &address {
        if matches!(link.link_type(), crate::wire::link::arphrd::ETHER | crate::wire::link::arphrd::LOOPBACK) {
            check_ether_addr(a)?;
        }
    }
    let addr_gen_mode = af_spec_addr_gen_mode(attrs)?;
    let broadcast = attrs.get(ifla::BROADCAST).map(|a| a.value.to_vec());
    if let Some(b) = &broadcast {
        if b.len() < link.broadcast.len() {
            return Err(Errno::EINVAL.into());
        }
    }
    let mtu = attrs.get(ifla::MTU).map(|a| a.u32()).transpose()?;
    let new_name = match attrs.get(ifla::IFNAME) {
        Some(n) if hdr.index > 0 => Some(n.string()?).filter(|n| *n != link.name && !n.is_empty()),
        _ => None,
    };
    if let Some(t) = target {
        if t != ns {
            if link.is_loopback() {
                return Err(KernelError::msg(Errno::EINVAL, "The link has netns change disabled"));
            }
            let name = new_name.as_deref().unwrap_or(&link.name);
            if ctx.net.ns(t).is_some_and(|n| n.index_of(name).is_some()) {
                return Err(KernelError::msg(Errno::EEXIST, "A device with the same name already exists in the target netns"));
            }
        }
    }
    let master = attrs.get(ifla::MASTER).map(|m| m.u32()).transpose()?;
    if let Some(m) = master.filter(|m| *m != 0) {
        let ml = ctx.net.ns(ns).and_then(|n| n.link(m)).ok_or(KernelError::new(Errno::EINVAL))?;
        if !matches!(ml.kind, LinkKind::Bridge(_) | LinkKind::Vrf { .. }) {
            return Err(Errno::EOPNOTSUPP.into());
        }
        if matches!(ml.kind, LinkKind::Vrf { .. }) && link.master != Some(m) {
            // vrf_add_slave's checks, before anything changes.
            let nsr = ctx.net.ns(ns).ok_or(KernelError::new(Errno::ENODEV))?;
            if link.is_loopback() {
                return Err(KernelError::msg(Errno::EOPNOTSUPP, "Can not enslave loopback device to a VRF"));
            }
            if crate::stack::l3mdev::is_master(nsr, index) {
                return Err(KernelError::msg(Errno::EINVAL, "Can not enslave an L3 master device to a VRF"));
            }
        }
    }
    let txqlen = attrs.get(ifla::TXQLEN).map(|a| a.u32()).transpose()?;
    let alias = attrs.get(ifla::IFALIAS).map(|a| a.string()).transpose()?;
    if alias.as_ref().is_some_and(|a| a.len() >= 256) {
        return Err(Errno::EINVAL.into());
    }
    let group = attrs.get(ifla::GROUP).map(|a| a.u32()).transpose()?;
    let settings = super::super::link_settings::validate(&link, attrs)?;
    let carrier = attrs.get(ifla::CARRIER).map(|a| a.u8()).transpose()?;
    // A target that is the device's own namespace moves nothing
    // (__dev_change_net_namespace returns early); the name still changes.
    let stays = target.is_none_or(|t| t == ns);
    // Apply, in do_setlink's order. Linux checks the MTU and the new name
    // only when it comes to them, and what it applied before stays
    // (measured: `ip link set v0 address A mtu 100000` fails with the new
    // address set; `mtu 1400 name TAKEN` fails with the MTU set).
    let mut index = index;
    let mut ns = ns;
    if let Some(t) = target.filter(|t| *t != ns) {
        let moved = move_link(ctx, index, t, new_name.as_deref())?;
        ns = t;
        index = moved;
    }
    let mut changed = false;
    let ev_ns = ns;
    let nsr = ctx.net.ns_mut(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if let Some(a) = address {
        if let Some(l) = nsr.link_mut(index) {
            let len = l.address.len();
            l.address = a[..len].to_vec();
            // dev_set_mac_address: NET_ADDR_SET from now on.
            match &mut l.kind {
                LinkKind::Bridge(c) => c.addr_set = true,
                LinkKind::Vlan { stolen, .. } => *stolen = false,
                _ => {}
            }
            changed = true;
        }
    }
    if changed {
        ctx.events.extend(call_netdevice_notifiers(ctx.net, ns, index, &NetdevEvent::ChangeAddr));
    } else if address_given {
        // The same address: the device now counts it as set by hand (a
        // bridge keeps it when its last port leaves).
        if let Some(l) = ctx.net.ns_mut(ns).and_then(|n| n.link_mut(index)) {
            match &mut l.kind {
                LinkKind::Bridge(c) => c.addr_set = true,
                LinkKind::Vlan { stolen, .. } => *stolen = false,
                _ => {}
            }
        }
    }
    let nsr = ctx.net.ns_mut(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if let Some(m) = mtu {
        // netif_set_mtu_ext → dev_validate_mtu.
        let dev = nsr.link(index).ok_or(KernelError::new(Errno::ENODEV))?;
        check_mtu(dev, m)?;
        // vlan_dev_change_mtu: not above the real device's MTU (ERANGE).
        if let LinkKind::Vlan { lower, .. } = dev.kind {
            if nsr.link(lower).is_some_and(|real| m > real.mtu) {
                return Err(Errno::ERANGE.into());
            }
        }
        let changed_mtu = nsr.link(index).is_some_and(|l| l.mtu != m);
        // br_change_mtu: a bridge's own MTU no longer follows its ports.
        if let (true, Some(LinkKind::Bridge(c))) = (changed_mtu, nsr.link_mut(index).map(|l| &mut l.kind)) {
            c.mtu_set = true;
        }
        ctx.events.extend(slink::set_mtu(ctx.net, ns, index, m));
    }
    let nsr = ctx.net.ns_mut(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if let Some(g) = group {
        // dev_set_group announces nothing.
        if let Some(l) = nsr.link_mut(index) {
            l.group = g;
        }
    }
    if stays {
        if let Some(n) = &new_name {
            // dev_change_name → dev_get_valid_name.
            let n = check_new_name(ctx.net, ns, n)?;
            let nsr = ctx.net.ns_mut(ns).ok_or(KernelError::new(Errno::ENODEV))?;
            if let Some(l) = nsr.link_mut(index) {
                l.name = n;
                let old = link.name.clone();
                // rtnetlink's notifier comes first on the chain: RTM_NEWLINK,
                // then the address labels (measured with `ip monitor`).
                if let Some(l) = ctx.net.ns(ns).and_then(|n| n.link(index)) {
                    ctx.events.push(Event::NewLink { ns: ev_ns, link: Box::new(l.clone()), change: 0 });
                }
                ctx.events.extend(call_netdevice_notifiers(ctx.net, ns, index, &NetdevEvent::ChangeName { old }));
            }
        }
    }
    let nsr = ctx.net.ns_mut(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if let Some(a) = alias {
        // dev_set_alias announces nothing either.
        if let Some(l) = nsr.link_mut(index) {
            l.alias = if a.is_empty() { None } else { Some(a) };
        }
    }
    // IFLA_AF_SPEC sets DO_SETLINK_NOTIFY: netdev_state_change announces
    // the device at the end, but only while it is up.
    let mut notify_if_up = false;
    if let Some(mode) = addr_gen_mode {
        // inet6_set_link_af: the device's addr_gen_mode devconf, which the
        // sysctl of the same name reads and writes.
        if let Some(name) = nsr.link(index).map(|l| l.name.clone()) {
            let _ = crate::stack::sysctl::apply(nsr, &format!("net.ipv6.conf.{name}.addr_gen_mode"), &mode.to_string());
            notify_if_up = true;
        }
    }
    if let Some(b) = broadcast {
        if let Some(l) = nsr.link_mut(index) {
            let len = l.broadcast.len();
            l.broadcast = b[..len].to_vec();
            changed = true;
        }
    }
    if let Some(m) = master {
        ctx.events.extend(set_master(ctx.net, ns, index, m)?);
    }
    if hdr.flags != 0 || hdr.change != 0 {
        let current = ctx.net.ns(ns).and_then(|n| n.link(index)).map(|l| l.netlink_flags()).unwrap_or(0);
        let wanted = if hdr.change != 0 { (hdr.flags & hdr.change) | (current & !hdr.change) } else { hdr.flags };
        ctx.events.extend(change_flags(ctx.net, ns, index, wanted)?);
    }
    if let Some(c) = carrier {
        // dev_change_carrier: only devices with ndo_change_carrier (dummy
        // here); what was set before stays set.
        let l = ctx.net.ns_mut(ns).and_then(|n| n.link_mut(index)).ok_or(KernelError::new(Errno::ENODEV))?;
        if !matches!(l.kind, LinkKind::Dummy) {
            return Err(Errno::EOPNOTSUPP.into());
        }
        l.carrier_off = c == 0;
        ctx.events.extend(slink::refresh_carriers(ctx.net, ns, index));
    }
    if let Some(q) = txqlen {
        if let Some(l) = ctx.net.ns_mut(ns).and_then(|n| n.link_mut(index)) {
            if l.txqlen != q {
                l.txqlen = q;
                changed = true;
            }
        }
    }
    let (events, notify) = super::super::link_settings::apply(ctx.net, ns, index, &settings)?;
    ctx.events.extend(events);
    notify_if_up |= notify;
    if changed {
        if let Some(l) = ctx.net.ns(ns).and_then(|n| n.link(index)) {
            ctx.events.push(Event::NewLink { ns: ev_ns, link: Box::new(l.clone()), change: 0 });
        }
    }
    if notify_if_up {
        if let Some(l) = ctx.net.ns(ns).and_then(|n| n.link(index)).filter(|l| l.is_up()) {
            ctx.events.push(Event::NewLink { ns: ev_ns, link: Box::new(l.clone()), change: 0 });
        }
    }
    Ok(())
}

/// `dev_change_flags`: configurable flags, promiscuity and allmulti counters,
/// and up/down with their side effects.
fn change_flags(net: &mut Net, ns: NsId, index: u32, wanted: u32) -> KResult<Vec<Event>> {
    const SETTABLE: u32 = iff::DEBUG | iff::NOTRAILERS | iff::NOARP | iff::DYNAMIC | iff::MULTICAST | iff::PORTSEL | iff::AUTOMEDIA;
    let mut events = Vec::new();
    let nsr = net.ns_mut(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let l = nsr.link_mut(index).ok_or(KernelError::new(Errno::ENODEV))?;
    let before = l.clone();
    l.flags = (wanted & SETTABLE) | (l.flags & !SETTABLE);
    let want_promisc = wanted & iff::PROMISC != 0;
    if want_promisc != (l.flags & iff::PROMISC != 0) {
        if want_promisc {
            l.promiscuity += 1;
            l.flags |= iff::PROMISC;
        } else {
            l.promiscuity = l.promiscuity.saturating_sub(1);
            l.flags &= !iff::PROMISC;
        }
    }
    let want_allmulti = wanted & iff::ALLMULTI != 0;
    if want_allmulti != (l.flags & iff::ALLMULTI != 0) {
        if want_allmulti {
            l.allmulti += 1;
            l.flags |= iff::ALLMULTI;
        } else {
            l.allmulti = l.allmulti.saturating_sub(1);
            l.flags &= !iff::ALLMULTI;
        }
    }
    let other_change = l.flags != before.flags;
    let snap = l.clone();
    let up_change = (wanted & iff::UP != 0) != before.is_up();
    if other_change && !up_change {
        events.push(Event::NewLink { ns, link: Box::new(snap), change: before.flags ^ l_flags(net, ns, index) });
    }
    if up_change {
        events.extend(slink::set_up(net, ns, index, wanted & iff::UP != 0)?);
    }
    Ok(events)
}

fn l_flags(net: &Net, ns: NsId, index: u32) -> u32 {
    net.ns(ns).and_then(|n| n.link(index)).map_or(0, |l| l.flags)
}

/// Moves a device to another namespace (`__dev_change_net_namespace`): it
/// goes down, loses addresses and routes, is announced gone here and new there.
fn move_link(ctx: &mut Ctx<'_>, index: u32, target: NsId, new_name: Option<&str>) -> KResult<u32> {
    let ns = ctx.ns;
    // dev_change_net_namespace: the old namespace gets an id for the new
    // one (peernet2id_alloc, for IFLA_NEW_NETNSID).
    if ns != target {
        ctx.net.ensure_nsid(ns, target);
    }
    if ctx.net.ns(ns).and_then(|n| n.link(index)).is_some_and(|l| l.is_up()) {
        ctx.events.extend(slink::dev_close(ctx.net, ns, index));
    }
    ctx.events.extend(call_netdevice_notifiers(ctx.net, ns, index, &NetdevEvent::Unregister));
    let nsr = ctx.net.ns_mut(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let mut link = nsr.links.remove(&index).ok_or(KernelError::new(Errno::ENODEV))?;
    ctx.events.push(Event::DelLink { ns, link: Box::new(link.clone()) });
    link.master = None;
    // dev_shutdown: the queueing discipline goes with the old namespace;
    // the device shows `noop` until it is next brought up.
    link.qdisc_attached = false;
    if let Some(n) = new_name {
        link.name = n.to_string();
    }
    let keep_index = ctx.net.ns(target).is_some_and(|n| n.link(index).is_none());
    let new_index = ctx.net.add_link(target, link, if keep_index { index } else { 0 }).ok_or(KernelError::new(Errno::ENODEV))?;
    // The peer (if any) now points to the new place.
    let peer = match ctx.net.ns(target).and_then(|n| n.link(new_index)).map(|l| l.kind.clone()) {
        Some(LinkKind::Veth { peer: Some(p) }) => Some(p),
        _ => None,
    };
    if let Some((pns, pidx)) = peer {
        if let Some(pl) = ctx.net.ns_mut(pns).and_then(|n| n.link_mut(pidx)) {
            pl.kind = LinkKind::Veth { peer: Some((target, new_index)) };
        }
        if pns != target {
            ctx.net.ensure_nsid(target, pns);
            ctx.net.ensure_nsid(pns, target);
        }
    }
    announce_new(ctx, target, new_index);
    ctx.events.extend(slink::refresh_carriers(ctx.net, target, new_index));
    Ok(new_index)
}
