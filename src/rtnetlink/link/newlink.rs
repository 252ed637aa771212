//! RTM_NEWLINK (`rtnl_newlink`): a change to an existing link, or a new
//! device of a known kind.

use super::setlink::{check_mtu, do_setlink, set_master};
use super::{find_link, parse};
use crate::errno::{Errno, KResult, KernelError};
use crate::rtnetlink::Ctx;
use crate::rtnetlink::reply::Request;
use crate::stack::link::{self as slink, BridgeConf, Link, LinkKind, derived_mac, valid_name};
use crate::stack::{Event, Net, NsId};
use crate::wire::attr::AttrTable;
use crate::wire::link::{IFINFOMSG_LEN, IfInfoRepr, iff, ifla, info, macvlan_mode, veth_info};
use crate::wire::{NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE};

/// RTM_NEWLINK: change an existing link, or create one of a known kind.
pub fn new_link(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let (hdr, attrs) = parse(req)?;
    let linkinfo = match attrs.get(ifla::LINKINFO) {
        Some(li) => Some(AttrTable::parse(li.value, 5)?),
        None => None,
    };
    let kind = match linkinfo.as_ref().and_then(|li| li.get(info::KIND)) {
        Some(k) => Some(k.string()?),
        None => None,
    };
    // rtnl_newlink: the kind's validate runs before the device is looked up.
    if kind.as_deref() == Some("vxlan") {
        let data = linkinfo.as_ref().and_then(|li| li.get(info::DATA)).map(|d| d.value);
        let mtu = attrs.get(ifla::MTU).map(|m| m.u32()).transpose()?;
        super::super::vxlan::ops_validate(data, mtu, info_data_offset(req, &attrs))?;
    }
    if let Some(index) = find_link(ctx, &hdr, &attrs)? {
        if req.has(NLM_F_EXCL) {
            return Err(Errno::EEXIST.into());
        }
        if req.has(NLM_F_REPLACE) {
            return Err(Errno::EOPNOTSUPP.into());
        }
        // Kind data for an existing device needs that kind's changelink
        // (veth and dummy have none).
        if let Some(data) = linkinfo.as_ref().and_then(|li| li.get(info::DATA)) {
            let existing = ctx.net.ns(ctx.ns).and_then(|n| n.link(index)).map(|l| l.kind.name());
            let changeable = matches!(existing, Some(Some("bridge" | "macvlan" | "macvtap" | "vlan" | "vxlan")));
            if !changeable || existing.flatten() != kind.as_deref() {
                return Err(Errno::EOPNOTSUPP.into());
            }
            if existing.flatten() == Some("vxlan") {
                let at = info_data_offset(req, &attrs);
                let ns = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
                let mut new_kind = ns.link(index).map(|l| l.kind.clone()).ok_or(KernelError::new(Errno::ENODEV))?;
                if let LinkKind::Vxlan(v) = &mut new_kind {
                    let top = |k: u16| attrs.get(k).map(|a| req.attr_offset(IFINFOMSG_LEN, a.offset));
                    super::super::vxlan::change_vxlan(ns, index, v, data.value, at, &top)?;
                }
                if let Some(l) = ctx.net.ns_mut(ctx.ns).and_then(|n| n.link_mut(index)) {
                    l.kind = new_kind;
                }
                return do_setlink(ctx, req, index, &hdr, &attrs);
            }
            // rtnl_changelink: the kind's changelink before do_setlink.
            let link = ctx.net.ns(ctx.ns).and_then(|n| n.link(index)).ok_or(KernelError::new(Errno::ENODEV))?;
            let (mut new_kind, up) = (link.kind.clone(), link.is_up());
            let snooped = matches!(&new_kind, LinkKind::Bridge(c) if c.snooping());
            super::super::kind_data::change(&mut new_kind, data.value)?;
            // br_multicast_toggle on a running bridge: the all-snoopers
            // groups join again, after the others.
            if let (LinkKind::Bridge(c), true, false) = (&mut new_kind, up, snooped) {
                if c.snooping() {
                    c.snoopers_rejoined = true;
                }
            }
            if let Some(l) = ctx.net.ns_mut(ctx.ns).and_then(|n| n.link_mut(index)) {
                l.kind = new_kind;
            }
        }
        // Port options (IFLA_INFO_SLAVE_DATA) need a master whose kind
        // changes its ports (`slave_changelink`): a bridge.
        if let Some(data) = linkinfo.as_ref().and_then(|li| li.get(info::SLAVE_DATA)) {
            let net = &*ctx.net;
            let master =
                net.ns(ctx.ns).and_then(|n| n.link(index)).and_then(|l| l.master).and_then(|m| net.ns(ctx.ns).and_then(|n| n.link(m)));
            if !master.is_some_and(|m| matches!(m.kind, LinkKind::Bridge(_))) {
                return Err(Errno::EOPNOTSUPP.into());
            }
            let events = super::super::kind_data::bridge_port(ctx.net, ctx.ns, index, data.value)?;
            ctx.events.extend(events);
        }
        return do_setlink(ctx, req, index, &hdr, &attrs);
    }
    if !req.has(NLM_F_CREATE) {
        // rtnl_group_changelink: no device named, a group given: every
        // device of the group gets the change.
        let named = hdr.index > 0 || attrs.has(ifla::IFNAME) || attrs.has(ifla::ALT_IFNAME);
        if let (false, Some(g)) = (named, attrs.get(ifla::GROUP)) {
            let g = g.u32()?;
            let members: Vec<u32> =
                ctx.net.ns(ctx.ns).map(|n| n.links.values().filter(|l| l.group == g).map(|l| l.index).collect()).unwrap_or_default();
            for index in members {
                do_setlink(ctx, req, index, &hdr, &attrs)?;
            }
            return Ok(());
        }
        return Err(Errno::ENODEV.into());
    }
    let Some(kind) = kind.filter(|k| matches!(k.as_str(), "veth" | "bridge" | "macvlan" | "macvtap" | "dummy" | "vlan" | "vxlan" | "vrf"))
    else {
        return Err(KernelError::msg(Errno::EOPNOTSUPP, "Unknown device type"));
    };
    if hdr.index > 0 {
        // A requested ifindex must be free (checked by find_link above).
    }
    create(ctx, req, &hdr, &attrs, &kind, linkinfo.as_ref().and_then(|li| li.get(info::DATA)))
}

/// The parts of a creation request that apply to any device.
struct Common {
    name: Option<String>,
    address: Option<Vec<u8>>,
    mtu: Option<u32>,
    txqlen: Option<u32>,
    target_ns: Option<NsId>,
    flags: u32,
    change: u32,
    ifindex: u32,
}

fn common(net: &Net, hdr: &IfInfoRepr, attrs: &AttrTable<'_>) -> KResult<Common> {
    let name = match attrs.get(ifla::IFNAME) {
        Some(n) => {
            let s = n.string()?;
            if n.value.len() > 16 && !n.value[..16].contains(&0) {
                return Err(KernelError::msg(Errno::EINVAL, "Attribute failed policy validation"));
            }
            Some(s)
        }
        None => None,
    };
    let address = attrs.get(ifla::ADDRESS).map(|a| a.value.to_vec());
    let mtu = attrs.get(ifla::MTU).map(|a| a.u32()).transpose()?;
    let txqlen = attrs.get(ifla::TXQLEN).map(|a| a.u32()).transpose()?;
    let target_ns = target_namespace(net, attrs)?;
    Ok(Common { name, address, mtu, txqlen, target_ns, flags: hdr.flags, change: hdr.change, ifindex: hdr.index.max(0) as u32 })
}

/// The namespace IFLA_NET_NS_FD / IFLA_NET_NS_PID names, if any.
pub(super) fn target_namespace(net: &Net, attrs: &AttrTable<'_>) -> KResult<Option<NsId>> {
    if let Some(fd) = attrs.get(ifla::NET_NS_FD) {
        let fd = fd.u32()?;
        return net.ns_by_fd(fd).map(Some).ok_or(KernelError::new(Errno::EBADF));
    }
    if let Some(pid) = attrs.get(ifla::NET_NS_PID) {
        let pid = pid.u32()?;
        return net.ns_by_pid(pid).map(Some).ok_or(KernelError::new(Errno::ESRCH));
    }
    Ok(None)
}

/// Picks a free name from a `kind%d` pattern (`dev_alloc_name`).
fn alloc_name(net: &Net, ns: NsId, taken: &[&str], pattern: &str) -> String {
    let exists = |n: &str| net.ns(ns).is_some_and(|x| x.index_of(n).is_some()) || taken.contains(&n);
    (0..).map(|i| crate::text::replace(pattern, "%d", &i.to_string())).find(|n| !exists(n)).unwrap_or_default()
}

/// The name a device asked to be called `name` gets (`dev_get_valid_name`):
/// a valid name that no device has, or for a pattern with one `%d` the
/// first free name it makes (`dev_alloc_name_ns`; measured: `ip link set
/// v0 name bar%d` makes `bar0`, a second `%` is EINVAL).
pub(super) fn check_new_name(net: &Net, ns: NsId, name: &str) -> KResult<String> {
    if !valid_name(name) {
        return Err(Errno::EINVAL.into());
    }
    if let Some(at) = name.find('%') {
        let rest = &name[at + 1..];
        if !rest.starts_with('d') || rest[1..].contains('%') {
            return Err(Errno::EINVAL.into());
        }
        let made = alloc_name(net, ns, &[], name);
        // __dev_alloc_name: every number taken, or no room for one.
        if made.is_empty() || made.len() > 15 {
            return Err(Errno::ENFILE.into());
        }
        return Ok(made);
    }
    if net.ns(ns).is_some_and(|n| n.index_of(name).is_some()) {
        return Err(Errno::EEXIST.into());
    }
    Ok(name.to_string())
}

/// Where IFLA_INFO_DATA's payload starts in the request (extack offsets
/// of the kind's attributes).
fn info_data_offset(req: &Request<'_>, attrs: &AttrTable<'_>) -> u32 {
    let Some(li) = attrs.get(ifla::LINKINFO) else { return 0 };
    let data = crate::wire::attr::NlaIter::new(li.value).flatten().find(|a| a.kind == info::DATA);
    data.map_or(0, |d| req.attr_offset(IFINFOMSG_LEN, li.offset + 4 + d.offset + 4))
}

fn create(
    ctx: &mut Ctx<'_>,
    req: &Request<'_>,
    hdr: &IfInfoRepr,
    attrs: &AttrTable<'_>,
    kind: &str,
    data: Option<crate::wire::Nla<'_>>,
) -> KResult<()> {
    let _ = req;
    let c = common(ctx.net, hdr, attrs)?;
    // Per-family settings need the family's device state, which a device
    // being created does not have yet (inet6_validate_link_af).
    if attrs.has(ifla::AF_SPEC) {
        return Err(Errno::EAFNOSUPPORT.into());
    }
    if let Some(a) = &c.address {
        check_ether_addr(a)?;
    }
    let home = c.target_ns.unwrap_or(ctx.ns);
    // rtnl_create_link: alloc_netdev failing is ENOMEM; a full namespace
    // answers as it would (stack::limits::LINKS_MAX).
    if ctx.net.ns(home).is_some_and(|n| n.links.len() >= n.limits.links) {
        return Err(Errno::ENOMEM.into());
    }
    let name = match &c.name {
        Some(n) => n.clone(),
        None => alloc_name(ctx.net, home, &[], &format!("{kind}%d")),
    };
    let name = check_new_name(ctx.net, home, &name)?;
    if c.ifindex != 0 && ctx.net.ns(home).is_some_and(|n| n.link(c.ifindex).is_some()) {
        return Err(Errno::EBUSY.into());
    }
    let mut lower = None;
    if let Some(l) = attrs.get(ifla::LINK) {
        let l = l.u32()?;
        // The vlan driver says which link is missing itself.
        if kind != "vlan" && ctx.net.ns(ctx.ns).and_then(|n| n.link(l)).is_none() {
            return Err(Errno::ENODEV.into());
        }
        lower = Some(l);
    }
    let mut vxlan_dev = None;
    let link_kind = match kind {
        "veth" => LinkKind::Veth { peer: None },
        "bridge" => {
            let mut conf = BridgeConf::default();
            if let Some(d) = data {
                if let Err(e) = super::super::kind_data::bridge(&mut conf, d.value) {
                    // br_dev_newlink registers the device before
                    // br_changelink refuses an option: its ifindex is used up.
                    if c.ifindex == 0 {
                        if let Some(n) = ctx.net.ns_mut(home) {
                            n.alloc_ifindex();
                        }
                    }
                    return Err(e);
                }
            }
            LinkKind::Bridge(conf)
        }
        "dummy" => LinkKind::Dummy,
        "vrf" => {
            let ns = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
            super::super::kind_data::new_vrf(ns, data.map(|d| d.value))?
        }
        "macvlan" | "macvtap" => {
            let lower = lower.ok_or(KernelError::new(Errno::EINVAL))?;
            // macvlan_common_newlink: on a macvlan, the new one goes on its
            // lower device.
            let lower = match ctx.net.ns(ctx.ns).and_then(|n| n.link(lower)).map(|l| &l.kind) {
                Some(LinkKind::Macvlan { lower: real, .. }) => *real,
                _ => lower,
            };
            let mut mode = macvlan_mode::VEPA;
            if let Some(d) = data {
                let t = AttrTable::parse(d.value, 12)?;
                if let Some(m) = t.get(crate::wire::link::macvlan::MODE) {
                    mode = m.u32()?;
                }
            }
            if let Some(ns) = ctx.net.ns(ctx.ns) {
                super::super::kind_data::check_new_macvlan(ns, lower, mode)?;
            }
            LinkKind::Macvlan { lower, mode, flags: 0, tap: kind == "macvtap" }
        }
        "vlan" => {
            let ns = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
            super::super::kind_data::new_vlan(ns, lower, data.map(|d| d.value), attrs.get(ifla::MTU).map(|m| m.u32()).transpose()?)?
        }
        "vxlan" => {
            let ns = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
            let at = info_data_offset(req, attrs);
            let top = |k: u16| attrs.get(k).map(|a| req.attr_offset(IFINFOMSG_LEN, a.offset));
            let applied = super::super::vxlan::new_vxlan(ns, data.map(|d| d.value), c.mtu, at, &top, ctx.net.now_ms)?;
            vxlan_dev = Some((applied.mtu, applied.headroom, applied.tso_max_size));
            applied.kind
        }
        _ => return Err(KernelError::msg(Errno::EOPNOTSUPP, "Unknown device type")),
    };
    // Everything is validated before anything changes.
    let peer = if kind == "veth" { Some(veth_peer(ctx, data, &name, home)?) } else { None };
    if let Some(a) = &c.address {
        if a.len() != 6 {
            return Err(Errno::EINVAL.into());
        }
    }
    let seed = ctx.net.next_mac_seed();
    let mac = match &c.address {
        Some(a) => mac6(a),
        None => match (&link_kind, lower) {
            (LinkKind::Vlan { .. }, Some(l)) => {
                ctx.net.ns(ctx.ns).and_then(|n| n.link(l)).map(|l| mac6(&l.address)).unwrap_or(derived_mac(seed))
            }
            _ => derived_mac(seed),
        },
    };
    let mut link = Link::new(0, &name, link_kind, mac);
    // rtnl_create_link: an address given makes it NET_ADDR_SET.
    if let (LinkKind::Bridge(conf), Some(_)) = (&mut link.kind, &c.address) {
        conf.addr_set = true;
    }
    if let (LinkKind::Vlan { stolen, .. }, Some(_)) = (&mut link.kind, &c.address) {
        *stolen = false;
    }
    if let Some(l) = lower.and_then(|l| ctx.net.ns(ctx.ns).and_then(|n| n.link(l))) {
        if matches!(link.kind, LinkKind::Macvlan { .. } | LinkKind::Vlan { .. }) {
            link.mtu = l.mtu;
            if matches!(link.kind, LinkKind::Vlan { .. }) {
                // vlan_setup: 0 to ETH_MAX_MTU; vlan_dev_change_mtu checks
                // the real device's MTU itself.
                link.min_mtu = 0;
                link.max_mtu = 65535;
            } else {
                link.max_mtu = l.max_mtu;
            }
            link.carrier = l.carrier;
        }
    }
    // macvlan_common_newlink: passthru takes the lower device's address.
    if let LinkKind::Macvlan { lower, mode: macvlan_mode::PASSTHRU, .. } = link.kind {
        if let Some(l) = ctx.net.ns(ctx.ns).and_then(|n| n.link(lower)) {
            link.address = l.address.clone();
        }
    }
    // macvtap_setup: the tap's queue length (TUN_READQ_SIZE).
    if matches!(link.kind, LinkKind::Macvlan { tap: true, .. }) {
        link.txqlen = 500;
    }
    if matches!(link.kind, LinkKind::Veth { .. }) {
        link.num_tx_queues = VETH_QUEUES;
        link.num_rx_queues = VETH_QUEUES;
    }
    if let Some((mtu, headroom, tso)) = vxlan_dev {
        link.mtu = mtu;
        link.headroom = headroom;
        link.tso_max_size = tso.unwrap_or(65_536);
    }
    if let Some(mtu) = c.mtu.filter(|_| vxlan_dev.is_none()) {
        check_mtu(&link, mtu)?;
        link.mtu = mtu;
    }
    link.mtu6 = link.mtu;
    if let Some(q) = c.txqlen {
        link.txqlen = q;
    }
    super::super::link_settings::on_create(&mut link, attrs)?;
    link.created_ms = ctx.net.now_ms;
    // veth_newlink registers the peer first: it gets the lower ifindex and
    // is announced (with no peer yet, IFLA_LINK 0) before the device.
    let mut peer_at = None;
    if let Some(p) = &peer {
        // veth_newlink allocates the peer the same way (ENOMEM when full).
        let needed = if p.ns == home { 2 } else { 1 };
        if ctx.net.ns(p.ns).is_some_and(|n| n.links.len() + needed > n.limits.links) {
            return Err(Errno::ENOMEM.into());
        }
        let mut plink = Link::new(0, &p.name, LinkKind::Veth { peer: None }, p.mac);
        plink.num_tx_queues = VETH_QUEUES;
        plink.num_rx_queues = VETH_QUEUES;
        plink.created_ms = ctx.net.now_ms;
        if let Some(m) = p.mtu {
            plink.mtu = m;
        }
        if let Some(q) = p.txqlen {
            plink.txqlen = q;
        }
        let pidx = ctx.net.add_link(p.ns, plink, p.ifindex).ok_or(KernelError::new(Errno::ENODEV))?;
        announce_new(ctx, p.ns, pidx);
        link.kind = LinkKind::Veth { peer: Some((p.ns, pidx)) };
        peer_at = Some((p.ns, pidx));
    }
    let created = ctx.net.add_link(home, link, c.ifindex).ok_or(KernelError::new(Errno::ENODEV))?;
    if let Some((pns, pidx)) = peer_at {
        if let Some(l) = ctx.net.ns_mut(pns).and_then(|n| n.link_mut(pidx)) {
            l.kind = LinkKind::Veth { peer: Some((home, created)) };
        }
        if pns != home {
            ctx.net.ensure_nsid(home, pns);
            ctx.net.ensure_nsid(pns, home);
        }
    }
    // __vxlan_dev_create: netdev_upper_dev_link announces the lower device
    // (NETDEV_CHANGEUPPER) before the new device is.
    let vxlan_lower = ctx.net.ns(home).and_then(|n| n.link(created)).and_then(|l| match &l.kind {
        LinkKind::Vxlan(v) if v.conf.link != 0 => Some(v.conf.link),
        _ => None,
    });
    if let Some(lower) = vxlan_lower.and_then(|i| ctx.net.ns(home).and_then(|n| n.link(i))) {
        ctx.events.push(Event::NewLink { ns: home, link: Box::new(lower.clone()), change: 0 });
    }
    announce_new(ctx, home, created);
    if let Some(Event::NewLink { ns, link, .. }) = ctx.events.pop() {
        ctx.events.extend(crate::stack::fdb::bridge_own(ctx.net, ns, link.index, true));
        ctx.events.push(Event::CreatedLink { ns, link });
    }
    // vrf_newlink: the namespace's first VRF adds the l3mdev rules.
    if kind == "vrf" {
        if let Some(n) = ctx.net.ns_mut(home) {
            ctx.events.extend(crate::stack::l3mdev::add_fib_rules(n));
        }
    }
    if let (Some(p), Some((pns, pidx))) = (&peer, peer_at) {
        if p.flags & iff::UP != 0 {
            ctx.events.extend(slink::set_up(ctx.net, pns, pidx, true)?);
        }
    }
    if c.flags & iff::UP != 0 && (c.change == 0 || c.change & iff::UP != 0) {
        ctx.events.extend(slink::set_up(ctx.net, home, created, true)?);
    }
    if let Some(m) = attrs.get(ifla::MASTER) {
        let m = m.u32()?;
        ctx.events.extend(set_master(ctx.net, home, created, m)?);
    }
    Ok(())
}

/// Announces a registered device: IPv4 and IPv6 netconf, then RTM_NEWLINK
/// (`register_netdevice` → inetdev/addrconf init, `rtmsg_ifinfo`).
pub(super) fn announce_new(ctx: &mut Ctx<'_>, ns: NsId, index: u32) {
    let Some(l) = ctx.net.ns(ns).and_then(|n| n.link(index)).cloned() else { return };
    ctx.events.push(Event::Netconf { ns, family: crate::wire::AF_INET, ifindex: index as i32, new: true });
    ctx.events.push(Event::Netconf { ns, family: crate::wire::AF_INET6, ifindex: index as i32, new: true });
    ctx.events.push(Event::NewLink { ns, link: Box::new(l), change: u32::MAX });
}

/// Queues of a veth (the number of CPUs of the machine the goldens were
/// recorded on; Linux uses `num_possible_cpus()`).
const VETH_QUEUES: u32 = 2;

fn mac6(a: &[u8]) -> [u8; 6] {
    let mut m = [0u8; 6];
    for (d, s) in m.iter_mut().zip(a) {
        *d = *s;
    }
    m
}

struct PeerSpec {
    name: String,
    ns: NsId,
    mac: [u8; 6],
    mtu: Option<u32>,
    txqlen: Option<u32>,
    flags: u32,
    ifindex: u32,
}

/// Reads VETH_INFO_PEER (`veth_newlink`): the peer's ifinfomsg and attributes.
fn veth_peer(ctx: &mut Ctx<'_>, data: Option<crate::wire::Nla<'_>>, name: &str, home: NsId) -> KResult<PeerSpec> {
    let mut spec = PeerSpec { name: String::new(), ns: home, mac: [0; 6], mtu: None, txqlen: None, flags: 0, ifindex: 0 };
    let mut peer_name = None;
    let mut mac = None;
    if let Some(d) = data {
        let t = AttrTable::parse(d.value, 1)?;
        if let Some(p) = t.get(veth_info::PEER) {
            // A peer described on its own lives in the requester's namespace
            // unless it names one (rtnl_get_peer_net), not in the device's.
            spec.ns = ctx.ns;
            let phdr = IfInfoRepr::parse(p.value).map_err(|_| KernelError::new(Errno::EINVAL))?;
            let pattrs = ifla::SPACE.parse(&p.value[IFINFOMSG_LEN..])?;
            let pc = common(ctx.net, &phdr, &pattrs)?;
            peer_name = pc.name;
            if let Some(a) = pc.address {
                if a.len() != 6 {
                    return Err(Errno::EINVAL.into());
                }
                // veth_validate, for the peer's attributes too.
                check_ether_addr(&a)?;
                mac = Some(mac6(&a));
            }
            spec.mtu = pc.mtu;
            spec.txqlen = pc.txqlen;
            spec.flags = pc.flags;
            spec.ifindex = pc.ifindex;
            if let Some(n) = pc.target_ns {
                spec.ns = n;
            }
        }
    }
    spec.name = match peer_name {
        Some(n) => n,
        None => alloc_name(ctx.net, spec.ns, &[name], "veth%d"),
    };
    if spec.ns == home && spec.name == name {
        return Err(Errno::EEXIST.into());
    }
    spec.name = check_new_name(ctx.net, spec.ns, &spec.name)?;
    let seed = ctx.net.next_mac_seed();
    spec.mac = mac.unwrap_or_else(|| derived_mac(seed));
    Ok(spec)
}

/// `eth_validate_addr`: a unicast, non-zero Ethernet address.
pub(super) fn check_ether_addr(a: &[u8]) -> KResult<()> {
    if a.len() < 6 || a[0] & 1 != 0 || a[..6].iter().all(|&b| b == 0) {
        return Err(Errno::EADDRNOTAVAIL.into());
    }
    Ok(())
}

/// IFLA_INET6_ADDR_GEN_MODE inside IFLA_AF_SPEC, if given (0..=3).
pub(super) fn af_spec_addr_gen_mode(attrs: &AttrTable<'_>) -> KResult<Option<u8>> {
    let Some(spec) = attrs.get(ifla::AF_SPEC) else { return Ok(None) };
    let fams = AttrTable::parse(spec.value, u16::from(crate::wire::AF_INET6))?;
    let Some(inet6) = fams.get(u16::from(crate::wire::AF_INET6)) else { return Ok(None) };
    let t = AttrTable::parse(inet6.value, 9)?;
    match t.get(crate::wire::link::inet6::ADDR_GEN_MODE) {
        Some(m) => {
            let m = m.u8()?;
            if m > 3 {
                return Err(Errno::EINVAL.into());
            }
            Ok(Some(m))
        }
        None => Ok(None),
    }
}
