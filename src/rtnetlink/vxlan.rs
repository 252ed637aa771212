//! VXLAN links over netlink (drivers/net/vxlan/vxlan_core.c): the
//! attributes of `ip link add ... type vxlan` (`vxlan_validate`,
//! `vxlan_nl2conf`, `vxlan_config_validate`, `vxlan_config_apply`), what a
//! link dump says about them (`vxlan_fill_info`), and the device's own
//! forwarding database (`vxlan_fdb_add`, `vxlan_fdb_delete`,
//! `vxlan_fdb_dump`, `vxlan_fdb_info`).

use crate::errno::{Errno, KResult, KernelError};
use crate::stack::link::{Link, LinkKind};
use crate::stack::namespace::Namespace;
use crate::stack::nexthop;
use crate::stack::vxlan::{FdbEntry, Remote, VxAddr, Vxlan, VxlanConf, flag};
use crate::wire::attr::{AttrTable, Nla};
use crate::wire::{MessageBuilder, NlaWriter};

use crate::wire::link::vxlan as ifla_vxlan;
use ifla_vxlan as vx;

/// `vxlan_port`: the kernel's default UDP port (not IANA's 4789).
const DEFAULT_PORT: u16 = 8472;
/// IANA_VXLAN_GPE_UDP_PORT.
const GPE_PORT: u16 = 4790;
/// VXLAN_N_VID.
const N_VID: u32 = 1 << 24;
/// VXLAN_HEADROOM / VXLAN6_HEADROOM and ETH_HLEN.
const HEADROOM4: u32 = 50;
const HEADROOM6: u32 = 70;
const ETH_HLEN: u16 = 14;
/// The flags that must match for two devices to share a VNI and port
/// (VXLAN_F_RCV_FLAGS plus VXLAN_F_IPV6).
const RCV_FLAGS: u32 =
    flag::GBP | flag::GPE | flag::UDP_ZERO_CSUM6_RX | flag::REMCSUM_RX | flag::REMCSUM_NOPARTIAL | flag::COLLECT_METADATA | flag::VNIFILTER;

/// The default IFLA_VXLAN_RESERVED_BITS: every bit of the header but the
/// flags' I bit and the VNI.
const RESERVED_BITS: [u8; 8] = [0xf7, 0xff, 0xff, 0xff, 0, 0, 0, 0xff];

/// The device-level settings a new VXLAN device gets from its
/// configuration (`vxlan_config_apply`).
pub struct Applied {
    /// The link kind.
    pub kind: LinkKind,
    /// Its MTU.
    pub mtu: u32,
    /// `needed_headroom`.
    pub headroom: u16,
    /// The lower device's TSO limit (`netif_inherit_tso_max`).
    pub tso_max_size: Option<u32>,
}

fn attr_error(errno: Errno, msg: &'static str, at: Option<u32>) -> KernelError {
    let e = KernelError::msg(errno, msg);
    match at {
        Some(o) => e.at(o),
        None => e,
    }
}

/// `vxlan_validate` (the checks made before anything else).
fn validate(t: &AttrTable<'_>, offset_of: &dyn Fn(&Nla<'_>) -> u32) -> KResult<()> {
    if let Some(a) = t.get(vx::ID) {
        if a.u32()? >= N_VID {
            return Err(attr_error(Errno::ERANGE, "VXLAN ID must be lower than 16777216", Some(offset_of(&a))));
        }
    }
    if let Some(a) = t.get(vx::PORT_RANGE) {
        let low = crate::wire::get_u16(a.value, 0).map(u16::from_be).unwrap_or(0);
        let high = crate::wire::get_u16(a.value, 2).map(u16::from_be).unwrap_or(0);
        if high < low {
            return Err(attr_error(Errno::EINVAL, "Invalid source port range", Some(offset_of(&a))));
        }
    }
    if let Some(a) = t.get(vx::DF) {
        if a.u8()? > 2 {
            return Err(attr_error(Errno::EINVAL, "Invalid DF attribute", Some(offset_of(&a))));
        }
    }
    Ok(())
}

fn addr_attr(a: &Nla<'_>, v6: bool) -> KResult<VxAddr> {
    let want = if v6 { 16 } else { 4 };
    a.value.get(..want).and_then(VxAddr::from_octets).ok_or(KernelError::new(Errno::EINVAL))
}

/// Where the request's top-level attribute of a number is: `vxlan_nl2conf`
/// points its messages at `tb[IFLA_VXLAN_*]`, the top-level table indexed
/// by the VXLAN attribute's number, so an offset appears only when the
/// request happens to carry a top-level attribute of that number.
pub type Top<'a> = dyn Fn(u16) -> Option<u32> + 'a;

/// `vxlan_nl2flag`: a u8 (or flag) attribute turning `mask` on or off;
/// on an existing device only `changeable` flags may change.
fn nl2flag(conf: &mut VxlanConf, a: Option<Nla<'_>>, mask: u32, changelink: bool, changeable: bool, at: &Top<'_>) -> KResult<()> {
    let Some(a) = a else { return Ok(()) };
    if changelink && !changeable {
        return Err(attr_error(Errno::EOPNOTSUPP, "Cannot change flag", at(a.kind)));
    }
    let on = a.value.is_empty() || a.value.first().is_some_and(|v| *v != 0);
    if on {
        conf.flags |= mask;
    } else {
        conf.flags &= !mask;
    }
    Ok(())
}

/// `vxlan_nl2conf`: the configuration the attributes ask for, starting
/// from `old` on an existing device. `mtu` is IFLA_MTU.
fn nl2conf(t: &AttrTable<'_>, old: Option<&VxlanConf>, at: &Top<'_>) -> KResult<(VxlanConf, Option<bool>, Option<bool>)> {
    let changelink = old.is_some();
    let mut c = old.cloned().unwrap_or(VxlanConf { flags: flag::LOCALBYPASS, ageing: 300, ..VxlanConf::default() });
    // Which families the remote and local addresses were given in (None:
    // not given; AF_UNSPEC in Linux until vxlan_config_validate).
    let (mut remote_v6, mut local_v6) = (None, None);
    if let Some(a) = t.get(vx::ID) {
        let vni = a.u32()?;
        if changelink && vni != c.vni {
            return Err(attr_error(Errno::EOPNOTSUPP, "Cannot change VNI", at(a.kind)));
        }
        c.vni = vni;
    }
    for (attr, v6) in [(vx::GROUP, false), (vx::GROUP6, true)] {
        let Some(a) = t.get(attr) else { continue };
        if changelink && c.remote.is_v6() != v6 {
            return Err(attr_error(Errno::EOPNOTSUPP, "New group address family does not match old group", at(a.kind)));
        }
        c.remote = addr_attr(&a, v6)?;
        remote_v6 = Some(v6);
        break;
    }
    for (attr, v6) in [(vx::LOCAL, false), (vx::LOCAL6, true)] {
        let Some(a) = t.get(attr) else { continue };
        if changelink && c.local.is_v6() != v6 {
            return Err(attr_error(Errno::EOPNOTSUPP, "New local address family does not match old", at(a.kind)));
        }
        c.local = addr_attr(&a, v6)?;
        local_v6 = Some(v6);
        break;
    }
    if let Some(a) = t.get(vx::LINK) {
        c.link = a.u32()?;
    }
    if let Some(a) = t.get(vx::TOS) {
        c.tos = a.u8()?;
    }
    if let Some(a) = t.get(vx::TTL) {
        c.ttl = a.u8()?;
    }
    nl2flag(&mut c, t.get(vx::TTL_INHERIT), flag::TTL_INHERIT, changelink, false, at)?;
    if let Some(a) = t.get(vx::LABEL) {
        c.label = a.u32()? & 0xffff_0f00; // IPV6_FLOWLABEL_MASK, network order
    }
    match t.get(vx::LEARNING) {
        Some(a) => nl2flag(&mut c, Some(a), flag::LEARN, changelink, true, at)?,
        None if !changelink => c.flags |= flag::LEARN,
        None => {}
    }
    if let Some(a) = t.get(vx::AGEING) {
        c.ageing = a.u32()?;
    }
    nl2flag(&mut c, t.get(vx::PROXY), flag::PROXY, changelink, false, at)?;
    nl2flag(&mut c, t.get(vx::RSC), flag::RSC, changelink, false, at)?;
    nl2flag(&mut c, t.get(vx::L2MISS), flag::L2MISS, changelink, false, at)?;
    nl2flag(&mut c, t.get(vx::L3MISS), flag::L3MISS, changelink, false, at)?;
    if let Some(a) = t.get(vx::LIMIT) {
        if changelink {
            return Err(attr_error(Errno::EOPNOTSUPP, "Cannot change limit", at(a.kind)));
        }
        c.limit = a.u32()?;
    }
    nl2flag(&mut c, t.get(vx::COLLECT_METADATA), flag::COLLECT_METADATA, changelink, false, at)?;
    if let Some(a) = t.get(vx::PORT_RANGE) {
        if changelink {
            return Err(attr_error(Errno::EOPNOTSUPP, "Cannot change port range", at(a.kind)));
        }
        c.port_min = crate::wire::get_u16(a.value, 0).map(u16::from_be).unwrap_or(0);
        c.port_max = crate::wire::get_u16(a.value, 2).map(u16::from_be).unwrap_or(0);
    }
    if let Some(a) = t.get(vx::PORT) {
        if changelink {
            return Err(attr_error(Errno::EOPNOTSUPP, "Cannot change port", at(a.kind)));
        }
        c.port = u16::from_be(a.u16()?);
    }
    if let Some(a) = t.get(vx::UDP_CSUM) {
        if changelink {
            return Err(attr_error(Errno::EOPNOTSUPP, "Cannot change UDP_CSUM flag", at(a.kind)));
        }
        if a.u8()? == 0 {
            c.flags |= flag::UDP_ZERO_CSUM_TX;
        }
    }
    nl2flag(&mut c, t.get(vx::UDP_ZERO_CSUM6_TX), flag::UDP_ZERO_CSUM6_TX, changelink, false, at)?;
    nl2flag(&mut c, t.get(vx::UDP_ZERO_CSUM6_RX), flag::UDP_ZERO_CSUM6_RX, changelink, false, at)?;
    nl2flag(&mut c, t.get(vx::REMCSUM_TX), flag::REMCSUM_TX, changelink, false, at)?;
    nl2flag(&mut c, t.get(vx::REMCSUM_RX), flag::REMCSUM_RX, changelink, false, at)?;
    nl2flag(&mut c, t.get(vx::GBP), flag::GBP, changelink, false, at)?;
    nl2flag(&mut c, t.get(vx::GPE), flag::GPE, changelink, false, at)?;
    nl2flag(&mut c, t.get(vx::REMCSUM_NOPARTIAL), flag::REMCSUM_NOPARTIAL, changelink, false, at)?;
    if let Some(a) = t.get(vx::DF) {
        c.df = a.u8()?;
    }
    nl2flag(&mut c, t.get(vx::VNIFILTER), flag::VNIFILTER, changelink, false, at)?;
    nl2flag(&mut c, t.get(vx::LOCALBYPASS), flag::LOCALBYPASS, changelink, true, at)?;
    Ok((c, remote_v6, local_v6))
}

/// `vxlan_config_validate`: families, the lower device, the default port
/// and the uniqueness of (VNI, port) among the namespace's devices.
fn config_validate(ns: &Namespace, c: &mut VxlanConf, families: (Option<bool>, Option<bool>), myself: Option<u32>) -> KResult<()> {
    if c.flags & flag::GPE != 0
        && c.flags
            & !(flag::GPE
                | flag::LEARN
                | flag::LOCALBYPASS
                | flag::UDP_ZERO_CSUM_TX
                | flag::UDP_ZERO_CSUM6_TX
                | flag::UDP_ZERO_CSUM6_RX
                | flag::COLLECT_METADATA
                | flag::TTL_INHERIT
                | flag::VNIFILTER)
            != 0
    {
        return Err(KernelError::msg(Errno::EINVAL, "VXLAN GPE does not support this combination of extensions"));
    }
    // Unless IPv6 is asked for, both ends are IPv4.
    let (remote_v6, local_v6) = match families {
        (None, None) => (c.remote.is_v6(), c.local.is_v6()),
        (None, Some(l)) => (l, l),
        (Some(r), None) => (r, r),
        (Some(r), Some(l)) => (r, l),
    };
    if remote_v6 != local_v6 {
        return Err(KernelError::msg(Errno::EINVAL, "Local and remote address must be from the same family"));
    }
    if c.remote.is_any() {
        c.remote = VxAddr::any(remote_v6);
    }
    if c.local.is_any() {
        c.local = VxAddr::any(local_v6);
    }
    if c.local.is_multicast() {
        return Err(KernelError::msg(Errno::EINVAL, "Local address cannot be multicast"));
    }
    if local_v6 {
        c.flags |= flag::IPV6;
    } else {
        c.flags &= !flag::IPV6;
    }
    if c.label != 0 && !local_v6 {
        return Err(KernelError::msg(Errno::EINVAL, "Label attribute only applies to IPv6 VXLAN devices"));
    }
    if c.link != 0 {
        if ns.link(c.link).is_none() {
            return Err(KernelError::msg(Errno::ENODEV, "Invalid local interface, device not found"));
        }
    } else if c.remote.is_multicast() {
        return Err(KernelError::msg(Errno::EINVAL, "Local interface required for multicast remote destination"));
    }
    if c.port == 0 {
        c.port = if c.flags & flag::GPE != 0 { GPE_PORT } else { DEFAULT_PORT };
    }
    let taken = ns.links.values().filter(|l| Some(l.index) != myself).any(|l| match &l.kind {
        LinkKind::Vxlan(other) => {
            let o = &other.conf;
            o.vni == c.vni && o.port == c.port && (o.flags & (RCV_FLAGS | flag::IPV6)) == (c.flags & (RCV_FLAGS | flag::IPV6))
        }
        _ => false,
    });
    if taken {
        return Err(KernelError::msg(Errno::EEXIST, "A VXLAN device with the specified VNI already exists"));
    }
    Ok(())
}

/// `vxlan_validate` as `rtnl_newlink` calls it, before it looks for an
/// existing device: IFLA_MTU's range, IFLA_INFO_DATA present, the VNI,
/// port range and DF.
pub fn ops_validate(data: Option<&[u8]>, mtu: Option<u32>, data_at: u32) -> KResult<()> {
    if let Some(m) = mtu {
        if !(68..=65535).contains(&m) {
            return Err(KernelError::msg(Errno::EINVAL, "MTU must be between 68 and 65535"));
        }
    }
    let data = data.ok_or(KernelError::msg(Errno::EINVAL, "Required attributes not provided to perform the operation"))?;
    let t = AttrTable::parse(data, vx::MAX)?;
    validate(&t, &|a: &Nla<'_>| data_at + a.offset as u32)
}

/// `vxlan_newlink`: a new device's kind (with the default FDB entry for a
/// valid default destination), MTU and headroom. `data_at` is the
/// offset of IFLA_INFO_DATA's payload in the request (for extack).
pub fn new_vxlan(ns: &Namespace, data: Option<&[u8]>, mtu: Option<u32>, data_at: u32, top: &Top<'_>, now_ms: u64) -> KResult<Applied> {
    ops_validate(data, mtu, data_at)?;
    let t = AttrTable::parse(data.unwrap_or_default(), vx::MAX)?;
    let (mut c, remote_v6, local_v6) = nl2conf(&t, None, top)?;
    config_validate(ns, &mut c, (remote_v6, local_v6), None)?;
    let v6 = c.flags & flag::IPV6 != 0;
    let headroom_tunnel = if v6 || c.flags & flag::COLLECT_METADATA != 0 { HEADROOM6 } else { HEADROOM4 };
    let mut dev_mtu = mtu.unwrap_or(1500);
    let mut headroom = ETH_HLEN;
    let mut tso = None;
    let mut max_mtu = 65535u32;
    if let Some(lower) = (c.link != 0).then(|| ns.link(c.link)).flatten() {
        tso = Some(lower.tso_max_size);
        // hard_header_len + needed_headroom of the lower (Ethernet-like) device.
        headroom = ETH_HLEN;
        max_mtu = lower.mtu.saturating_sub(if v6 { HEADROOM6 } else { HEADROOM4 }).max(68);
        if mtu.is_none() {
            dev_mtu = max_mtu;
        }
    }
    dev_mtu = dev_mtu.min(max_mtu);
    headroom += headroom_tunnel as u16;
    let mut vxlan = Vxlan { conf: c, fdb: Vec::new() };
    let c = &vxlan.conf;
    if !c.remote.is_any() {
        vxlan.fdb.push(FdbEntry {
            mac: [0; 6],
            state: NUD_REACHABLE | NUD_PERMANENT,
            flags: NTF_SELF,
            remotes: vec![Remote { ip: c.remote, port: c.port, vni: c.vni, ifindex: c.link }],
            nh: 0,
            updated_ms: now_ms,
        });
    }
    Ok(Applied { kind: LinkKind::Vxlan(Box::new(vxlan)), mtu: dev_mtu, headroom, tso_max_size: tso })
}

/// `vxlan_changelink`: the new configuration of an existing device; a new
/// default destination replaces the default FDB entry's first remote.
pub fn change_vxlan(ns: &Namespace, index: u32, vxlan: &mut Vxlan, data: &[u8], data_at: u32, top: &Top<'_>) -> KResult<()> {
    let t = AttrTable::parse(data, vx::MAX)?;
    validate(&t, &|a: &Nla<'_>| data_at + a.offset as u32)?;
    let (mut c, r, l) = nl2conf(&t, Some(&vxlan.conf), top)?;
    config_validate(ns, &mut c, (r, l), Some(index))?;
    if c.remote != vxlan.conf.remote || c.link != vxlan.conf.link {
        let old = vxlan.conf.remote;
        vxlan.fdb.retain_mut(|e| {
            if e.mac != [0; 6] {
                return true;
            }
            e.remotes.retain(|rd| rd.ip != old);
            !e.remotes.is_empty()
        });
        if !c.remote.is_any() {
            let rd = Remote { ip: c.remote, port: c.port, vni: c.vni, ifindex: c.link };
            match vxlan.fdb.iter_mut().find(|e| e.mac == [0; 6]) {
                Some(e) => e.remotes.insert(0, rd),
                None => vxlan.fdb.insert(
                    0,
                    FdbEntry {
                        mac: [0; 6],
                        state: NUD_REACHABLE | NUD_PERMANENT,
                        flags: NTF_SELF,
                        remotes: vec![rd],
                        nh: 0,
                        updated_ms: 0,
                    },
                ),
            }
        }
    }
    vxlan.conf = c;
    Ok(())
}

/// IFLA_INFO_DATA of a VXLAN device (`vxlan_fill_info`).
pub fn put_info_data(b: &mut MessageBuilder, v: &Vxlan) {
    let c = &v.conf;
    let f = |m: u32| u8::from(c.flags & m != 0);
    b.put_u32(vx::ID, c.vni);
    if !c.remote.is_any() {
        b.put(if c.remote.is_v6() { vx::GROUP6 } else { vx::GROUP }, &c.remote.octets());
    }
    if c.link != 0 {
        b.put_u32(vx::LINK, c.link);
    }
    if !c.local.is_any() {
        b.put(if c.local.is_v6() { vx::LOCAL6 } else { vx::LOCAL }, &c.local.octets());
    }
    b.put_u8(vx::TTL, c.ttl);
    b.put_u8(vx::TTL_INHERIT, f(flag::TTL_INHERIT));
    b.put_u8(vx::TOS, c.tos);
    b.put_u8(vx::DF, c.df);
    b.put_u32(vx::LABEL, c.label);
    b.put_u32(vx::LABEL_POLICY, 0);
    b.put_u8(vx::LEARNING, f(flag::LEARN));
    b.put_u8(vx::PROXY, f(flag::PROXY));
    b.put_u8(vx::RSC, f(flag::RSC));
    b.put_u8(vx::L2MISS, f(flag::L2MISS));
    b.put_u8(vx::L3MISS, f(flag::L3MISS));
    b.put_u8(vx::COLLECT_METADATA, f(flag::COLLECT_METADATA));
    b.put_u32(vx::AGEING, c.ageing);
    b.put_u32(vx::LIMIT, c.limit);
    b.put(vx::PORT, &c.port.to_be_bytes());
    b.put_u8(vx::UDP_CSUM, u8::from(c.flags & flag::UDP_ZERO_CSUM_TX == 0));
    b.put_u8(vx::UDP_ZERO_CSUM6_TX, f(flag::UDP_ZERO_CSUM6_TX));
    b.put_u8(vx::UDP_ZERO_CSUM6_RX, f(flag::UDP_ZERO_CSUM6_RX));
    b.put_u8(vx::REMCSUM_TX, f(flag::REMCSUM_TX));
    b.put_u8(vx::REMCSUM_RX, f(flag::REMCSUM_RX));
    b.put_u8(vx::LOCALBYPASS, f(flag::LOCALBYPASS));
    if c.flags & flag::VNIFILTER != 0 {
        b.put_u8(vx::VNIFILTER, 1);
    }
    let mut range = [0u8; 4];
    crate::wire::put_bytes(&mut range, 0, &c.port_min.to_be_bytes());
    crate::wire::put_bytes(&mut range, 2, &c.port_max.to_be_bytes());
    b.put(vx::PORT_RANGE, &range);
    for (m, attr) in [(flag::GBP, vx::GBP), (flag::GPE, vx::GPE), (flag::REMCSUM_NOPARTIAL, vx::REMCSUM_NOPARTIAL)] {
        if c.flags & m != 0 {
            b.put(attr, &[]);
        }
    }
    b.put(vx::RESERVED_BITS, &RESERVED_BITS);
}

/// NUD_REACHABLE, NUD_NOARP, NUD_PERMANENT; NTF_SELF; NTF_EXT_* are not kept.
const NUD_REACHABLE: u16 = 0x02;
const NUD_PERMANENT: u16 = 0x80;
const NTF_SELF: u8 = 0x02;

/// The NDA_* attributes of an FDB request for a VXLAN device.
pub struct FdbArgs {
    /// NDA_DST was given.
    pub dst_given: bool,
    /// The remote.
    pub remote: Remote,
    /// NDA_NH_ID (0: none).
    pub nhid: u32,
}

/// `vxlan_fdb_parse`: NDA_DST (or the default family's any), NDA_PORT,
/// NDA_VNI, NDA_IFINDEX, with the device's defaults; NDA_NH_ID, which
/// excludes the others.
pub fn fdb_parse(ns: &Namespace, v: &Vxlan, t: &AttrTable<'_>) -> KResult<FdbArgs> {
    use crate::wire::neigh::nda;
    let c = &v.conf;
    if t.has(nda::NH_ID) && (t.has(nda::DST) || t.has(nda::VNI) || t.has(nda::IFINDEX) || t.has(nda::PORT)) {
        return Err(KernelError::msg(Errno::EINVAL, "DST, VNI, ifindex and port are mutually exclusive with NH_ID"));
    }
    let ip = match t.get(nda::DST) {
        Some(d) => VxAddr::from_octets(d.value).ok_or(KernelError::msg(Errno::EAFNOSUPPORT, "Unsupported address family"))?,
        None => VxAddr::any(c.remote.is_v6()),
    };
    let port = match t.get(nda::PORT) {
        Some(p) if p.value.len() == 2 => u16::from_be(p.u16()?),
        Some(_) => return Err(KernelError::msg(Errno::EINVAL, "Invalid vxlan port")),
        None => c.port,
    };
    let vni = match t.get(nda::VNI) {
        Some(p) if p.value.len() == 4 => p.u32()?,
        Some(_) => return Err(KernelError::msg(Errno::EINVAL, "Invalid vni")),
        None => c.vni,
    };
    let ifindex = match t.get(nda::IFINDEX) {
        Some(p) if p.value.len() == 4 => {
            let i = p.u32()?;
            if ns.link(i).is_none() {
                return Err(KernelError::msg(Errno::EADDRNOTAVAIL, "Device not found"));
            }
            i
        }
        Some(_) => return Err(KernelError::msg(Errno::EINVAL, "Invalid ifindex")),
        None => 0,
    };
    let nhid = match t.get(nda::NH_ID) {
        Some(n) => n.u32()?,
        None => 0,
    };
    Ok(FdbArgs { dst_given: t.has(nda::DST), remote: Remote { ip, port, vni, ifindex }, nhid })
}

fn is_group_or_zero(mac: &[u8; 6]) -> bool {
    mac[0] & 1 != 0 || *mac == [0; 6]
}

/// `vxlan_fdb_nh_update`'s checks: `nhid` names an fdb next-hop group of
/// the device's family (an IPv4 device wants a group with an IPv4
/// member, an IPv6 one a group without).
fn check_fdb_group(v: &Vxlan, nexthops: &nexthop::Table, nhid: u32) -> KResult<()> {
    let inval = |m: &'static str| KernelError::msg(Errno::EINVAL, m);
    let nh = nexthops.get(nhid).ok_or(inval("Nexthop id does not exist"))?;
    let fdb = match &nh.body {
        nexthop::Body::Single(s) => s.fdb,
        nexthop::Body::Group(g) => g.fdb,
    };
    if !fdb {
        return Err(inval("Nexthop is not a fdb nexthop"));
    }
    if nh.group().is_none() {
        return Err(inval("Nexthop is not a multipath group"));
    }
    if nexthops.has_v4(nh) == v.conf.remote.is_v6() {
        return Err(KernelError::msg(Errno::EAFNOSUPPORT, "Nexthop group family not supported"));
    }
    Ok(())
}

/// What an FDB request for a VXLAN device works on.
pub struct FdbTarget<'a> {
    /// The device's index (for the notification).
    pub ifindex: u32,
    /// The device's state.
    pub vxlan: &'a mut Vxlan,
    /// The namespace's next hops (for NDA_NH_ID).
    pub nexthops: &'a nexthop::Table,
}

/// `vxlan_fdb_add` → `vxlan_fdb_update`: a new entry (newest first), or
/// an existing one's state and flags, a replaced unicast remote or
/// next-hop group, or an appended remote of the default (all-zeros) or a
/// multicast entry. The `vxlan_fdb_notify` message when something
/// changed (Linux 6.18 lets a next-hop entry be dynamic, as the kernel
/// here shows).
pub fn fdb_add(
    to: FdbTarget<'_>,
    mac: [u8; 6],
    state: u16,
    ndm_flags: u8,
    nl_flags: u16,
    args: FdbArgs,
    now_ms: u64,
) -> KResult<Option<Vec<u8>>> {
    use crate::wire::{NLM_F_APPEND, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE};
    let FdbTarget { ifindex, vxlan: v, nexthops } = to;
    if state & (NUD_PERMANENT | NUD_REACHABLE) == 0 || !args.dst_given && args.nhid == 0 {
        return Err(Errno::EINVAL.into());
    }
    if args.remote.ip.is_v6() != v.conf.remote.is_v6() {
        return Err(Errno::EAFNOSUPPORT.into());
    }
    let rd = args.remote;
    let Some(at) = v.fdb.iter().position(|e| e.mac == mac) else {
        if nl_flags & NLM_F_CREATE == 0 {
            return Err(Errno::ENOENT.into());
        }
        if nl_flags & NLM_F_REPLACE != 0 && is_group_or_zero(&mac) {
            return Err(Errno::EOPNOTSUPP.into());
        }
        if v.conf.limit != 0 && v.fdb.len() >= v.conf.limit as usize {
            return Err(Errno::ENOSPC.into());
        }
        let (remotes, nh) = if args.nhid != 0 {
            check_fdb_group(v, nexthops, args.nhid)?;
            (Vec::new(), args.nhid)
        } else {
            (vec![rd], 0)
        };
        v.fdb.insert(0, FdbEntry { mac, state, flags: ndm_flags, remotes, nh, updated_ms: now_ms });
        return Ok(Some(fdb_info(ifindex, v, &v.fdb[0], 0, NEW_NEIGH, now_ms)));
    };
    if nl_flags & NLM_F_EXCL != 0 {
        return Err(Errno::EEXIST.into());
    }
    // vxlan_fdb_update_existing
    let e = &v.fdb[at];
    if args.nhid != 0 && e.nh == 0 {
        return Err(KernelError::msg(Errno::EOPNOTSUPP, "Cannot replace an existing non nexthop fdb with a nexthop"));
    }
    if args.nhid != 0 && nl_flags & NLM_F_APPEND != 0 {
        return Err(KernelError::msg(Errno::EOPNOTSUPP, "Cannot append to a nexthop fdb"));
    }
    let replace = nl_flags & NLM_F_REPLACE != 0;
    // vxlan_fdb_nh_update's checks, applied below where Linux makes them.
    let group = if replace && args.nhid != 0 && args.nhid != e.nh { check_fdb_group(v, nexthops, args.nhid) } else { Ok(()) };
    // The state and flags change first; a refused replace leaves them
    // changed, as vxlan_fdb_update_existing does.
    let e = &mut v.fdb[at];
    let mut notify = false;
    if e.state != state || e.flags != ndm_flags {
        notify = true;
        e.state = state;
        e.flags = ndm_flags;
        e.updated_ms = now_ms;
    }
    if replace && is_group_or_zero(&e.mac) {
        return Err(KernelError::msg(Errno::EOPNOTSUPP, "Cannot replace non-unicast fdb entries"));
    }
    if replace && args.nhid != 0 {
        group?;
        notify |= e.nh != args.nhid;
        e.nh = args.nhid;
    } else if replace {
        // vxlan_fdb_replace: the first remote (a next-hop entry has none).
        if let Some(first) = e.remotes.first_mut() {
            if *first != rd {
                *first = rd.clone();
                notify = true;
            }
        }
    }
    let mut shown = 0;
    if nl_flags & NLM_F_APPEND != 0 && is_group_or_zero(&e.mac) && !e.remotes.contains(&rd) {
        e.remotes.push(rd);
        shown = e.remotes.len() - 1;
        notify = true;
    }
    Ok(notify.then(|| fdb_info(ifindex, v, &v.fdb[at], shown, NEW_NEIGH, now_ms)))
}

/// `vxlan_fdb_delete`: the remote named by NDA_DST (with its port, VNI
/// and device) when the entry has others, else the whole entry; the
/// RTM_DELNEIGH notifications (`vxlan_fdb_destroy`: one per remote, or
/// one for a next-hop entry).
pub fn fdb_del(ifindex: u32, v: &mut Vxlan, mac: [u8; 6], args: FdbArgs, now_ms: u64) -> KResult<Vec<Vec<u8>>> {
    let at = v.fdb.iter().position(|e| e.mac == mac).ok_or(KernelError::new(Errno::ENOENT))?;
    if !args.remote.ip.is_any() {
        let e = &v.fdb[at];
        let rd = e.remotes.iter().position(|r| *r == args.remote).ok_or(KernelError::new(Errno::ENOENT))?;
        if e.remotes.len() > 1 {
            let msg = fdb_info(ifindex, v, e, rd, DEL_NEIGH, now_ms);
            v.fdb[at].remotes.remove(rd);
            return Ok(vec![msg]);
        }
    }
    let e = &v.fdb[at];
    let msgs = (0..e.remotes.len().max(1)).map(|i| fdb_info(ifindex, v, e, i, DEL_NEIGH, now_ms)).collect();
    v.fdb.remove(at);
    Ok(msgs)
}

/// RTM_NEWNEIGH and RTM_DELNEIGH, as `vxlan_fdb_info` is called with them.
const NEW_NEIGH: u16 = crate::wire::RTM_NEWNEIGH;
const DEL_NEIGH: u16 = crate::wire::RTM_DELNEIGH;

/// `vxlan_fdb_info`: the message of entry `e` with its remote `rd` (or
/// its next-hop group), a notification (no sequence, port or flags).
fn fdb_info(ifindex: u32, v: &Vxlan, e: &FdbEntry, rd: usize, kind: u16, now_ms: u64) -> Vec<u8> {
    entry_message(ifindex, v, e, e.remotes.get(rd), (kind, 0, 0, 0), now_ms)
}

/// One entry's message: NDA_LLADDR, then NDA_NH_ID or the remote's
/// NDA_DST, NDA_PORT, NDA_VNI and NDA_IFINDEX, then NDA_CACHEINFO.
fn entry_message(
    ifindex: u32,
    v: &Vxlan,
    e: &FdbEntry,
    rd: Option<&Remote>,
    (kind, flags, seq, pid): (u16, u16, u32, u32),
    now_ms: u64,
) -> Vec<u8> {
    use crate::wire::neigh::{NdMsgRepr, nda};
    let mut b = MessageBuilder::new(kind, flags, seq, pid);
    let hdr = NdMsgRepr { family: crate::wire::AF_BRIDGE, ifindex: ifindex as i32, state: e.state, flags: e.flags, kind: 1 };
    b.push(&hdr.to_bytes());
    b.put(nda::LLADDR, &e.mac);
    if e.nh != 0 {
        b.put_u32(nda::NH_ID, e.nh);
    } else if let Some(rd) = rd {
        b.put(nda::DST, &rd.ip.octets());
        if rd.port != 0 && rd.port != v.conf.port {
            b.put(nda::PORT, &rd.port.to_be_bytes());
        }
        if rd.vni != v.conf.vni {
            b.put_u32(nda::VNI, rd.vni);
        }
        if rd.ifindex != 0 {
            b.put_u32(nda::IFINDEX, rd.ifindex);
        }
    }
    let age = (now_ms.saturating_sub(e.updated_ms) / 10) as u32;
    let mut ci = [0u8; 16];
    crate::wire::put_bytes(&mut ci, 4, &age.to_ne_bytes());
    crate::wire::put_bytes(&mut ci, 8, &age.to_ne_bytes());
    b.put(nda::CACHEINFO, &ci);
    b.finish()
}

/// The dump messages of a VXLAN device's FDB (`vxlan_fdb_dump`): one per
/// remote, or one for an entry through a next-hop group; entries newest
/// first.
pub fn fdb_dump(link: &Link, v: &Vxlan, seq: u32, pid: u32, now_ms: u64) -> Vec<Vec<u8>> {
    let head = (NEW_NEIGH, crate::wire::NLM_F_MULTI, seq, pid);
    let mut out = Vec::new();
    for e in &v.fdb {
        if e.nh != 0 {
            out.push(entry_message(link.index, v, e, None, head, now_ms));
            continue;
        }
        for rd in &e.remotes {
            out.push(entry_message(link.index, v, e, Some(rd), head, now_ms));
        }
    }
    out
}
