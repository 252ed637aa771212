//! IFLA_INFO_DATA of the device kinds that have one: what `newlink` and
//! `changelink` of drivers/net/macvlan.c and net/bridge/br_netlink.c do
//! with it. All of a request's values are checked before any is applied.

use crate::errno::{Errno, KernelError};
use crate::stack::link::{BridgeConf, LinkKind};
use crate::stack::namespace::Namespace;
use crate::wire::attr::AttrTable;
use crate::wire::link::{br, macvlan};

type KResult<T> = Result<T, KernelError>;


/// MACVLAN_MODE_PASSTHRU.
const MODE_PASSTHRU: u32 = 8;

/// The macvlan devices on `lower` other than `except`, with their modes.
pub fn macvlans_on(ns: &Namespace, lower: u32, except: u32) -> Vec<u32> {
    ns.links
        .values()
        .filter(|l| l.index != except)
        .filter_map(|l| match l.kind {
            LinkKind::Macvlan { lower: lo, mode, .. } if lo == lower => Some(mode),
            _ => None,
        })
        .collect()
}

/// `macvlan_common_newlink`: a passthru macvlan must be alone on its lower
/// device, and nothing joins one.
pub fn check_new_macvlan(ns: &Namespace, lower: u32, mode: u32) -> KResult<()> {
    let others = macvlans_on(ns, lower, 0);
    // macvlan_port_create: only Ethernet devices, not loopback, and not one
    // whose frames another handler (a bridge) takes already.
    if others.is_empty() {
        let dev = ns.link(lower).ok_or(KernelError::new(Errno::ENODEV))?;
        if dev.is_loopback() {
            return Err(Errno::EINVAL.into());
        }
        if dev.master.and_then(|m| ns.link(m)).is_some_and(|m| matches!(m.kind, LinkKind::Bridge(_))) {
            return Err(Errno::EBUSY.into());
        }
    }
    if (mode == MODE_PASSTHRU && !others.is_empty()) || others.contains(&MODE_PASSTHRU) {
        return Err(Errno::EINVAL.into());
    }
    Ok(())
}

/// Applies a kind's IFLA_INFO_DATA to an existing device (`changelink`).
pub fn change(kind: &mut LinkKind, data: &[u8]) -> KResult<()> {
    match kind {
        LinkKind::Macvlan { mode, .. } => {
            let t = AttrTable::parse(data, 12)?;
            if let Some(m) = t.get(macvlan::MODE) {
                let new = m.u32()?;
                // macvlan_changelink: passthru can be neither entered nor left.
                if (new == MODE_PASSTHRU) != (*mode == MODE_PASSTHRU) {
                    return Err(Errno::EINVAL.into());
                }
                *mode = new;
            }
            Ok(())
        }
        LinkKind::Bridge(conf) => bridge(conf, data),
        _ => Ok(()),
    }
}

/// `br_changelink` for the options this stack keeps.
pub fn bridge(conf: &mut BridgeConf, data: &[u8]) -> KResult<()> {
    // IFLA_BR_MAX in the recording kernel.
    let t = AttrTable::parse(data, 64)?;
    let mut new = conf.clone();
    let u32_of = |k: u16| t.get(k).map(|a| a.u32()).transpose();
    // br_set_forward_delay checks its range only while STP runs;
    // br_set_hello_time and br_set_max_age always do (1/100 s).
    let stp = conf.stp_state != 0;
    let in_range = |v: u32, lo: u32, hi: u32, checked: bool| -> KResult<u32> {
        if checked && !(lo..=hi).contains(&v) { Err(Errno::ERANGE.into()) } else { Ok(v) }
    };
    if let Some(v) = u32_of(br::FORWARD_DELAY)? {
        new.forward_delay = in_range(v, 200, 3000, stp)?;
    }
    if let Some(v) = u32_of(br::HELLO_TIME)? {
        new.hello_time = in_range(v, 100, 1000, true)?;
    }
    if let Some(v) = u32_of(br::MAX_AGE)? {
        new.max_age = in_range(v, 600, 4000, true)?;
    }
    if let Some(v) = u32_of(br::AGEING_TIME)? {
        new.ageing_time = v;
    }
    if let Some(v) = u32_of(br::STP_STATE)? {
        new.stp_state = v;
    }
    if let Some(v) = t.get(br::PRIORITY).map(|a| a.u16()).transpose()? {
        new.priority = v;
    }
    // The recording kernel has no CONFIG_BRIDGE_VLAN_FILTERING: turning
    // filtering on or off is EOPNOTSUPP and the default PVID is ignored.
    if t.has(br::VLAN_FILTERING) {
        return Err(Errno::EOPNOTSUPP.into());
    }
    // br_multicast_set_igmp_version / _mld_version: IGMPv2 or v3, MLDv1
    // or v2. (The versions themselves are not kept: dumps show the
    // defaults.)
    let u8_of = |k: u16| t.get(k).map(|a| a.u8()).transpose();
    if u8_of(br::MCAST_IGMP_VERSION)?.is_some_and(|v| !(2..=3).contains(&v)) {
        return Err(Errno::EINVAL.into());
    }
    if u8_of(br::MCAST_MLD_VERSION)?.is_some_and(|v| !(1..=2).contains(&v)) {
        return Err(Errno::EINVAL.into());
    }
    *conf = new;
    Ok(())
}

/// ETH_P_8021Q and ETH_P_8021AD as they travel (big-endian u16 read on a
/// little-endian host).
const VLAN_PROTOCOLS: [u16; 2] = [0x0081, 0xa888];

fn vlan_error(errno: Errno, msg: &'static str) -> KernelError {
    KernelError::msg(errno, msg)
}

/// `vlan_validate`, `vlan_newlink` and `vlan_check_real_dev`
/// (net/8021q/vlan_netlink.c, vlan.c): a VLAN device on `lower`. The MTU
/// given must not exceed the lower device's.
pub fn new_vlan(ns: &Namespace, lower: Option<u32>, data: Option<&[u8]>, mtu: Option<u32>) -> KResult<LinkKind> {
    use crate::wire::link::vlan;
    let data = data.ok_or(vlan_error(Errno::EINVAL, "8021q: VLAN properties not specified"))?;
    let t = AttrTable::parse(data, 5)?;
    let protocol = t.get(vlan::PROTOCOL).map(|p| p.u16()).transpose()?;
    if protocol.is_some_and(|p| !VLAN_PROTOCOLS.contains(&p)) {
        return Err(vlan_error(Errno::EPROTONOSUPPORT, "8021q: Invalid VLAN protocol"));
    }
    let id = t.get(vlan::ID).map(|a| a.u16()).transpose()?;
    if id.is_some_and(|id| id >= 4095) {
        return Err(vlan_error(Errno::ERANGE, "8021q: Invalid VLAN id"));
    }
    let id = id.ok_or(vlan_error(Errno::EINVAL, "8021q: VLAN id not specified"))?;
    let lower = lower.ok_or(vlan_error(Errno::EINVAL, "8021q: link not specified"))?;
    let real = ns.link(lower).ok_or(vlan_error(Errno::ENODEV, "8021q: link does not exist"))?;
    if real.is_loopback() {
        // NETIF_F_VLAN_CHALLENGED
        return Err(vlan_error(Errno::EOPNOTSUPP, "8021q: VLANs not supported on device"));
    }
    let protocol = protocol.unwrap_or(VLAN_PROTOCOLS[0]);
    let taken = ns.links.values().any(|l| matches!(l.kind, LinkKind::Vlan { lower: lo, id: i, protocol: p, .. } if lo == lower && i == id && p == protocol));
    if taken {
        return Err(vlan_error(Errno::EEXIST, "8021q: VLAN device already exists"));
    }
    if mtu.is_some_and(|m| m > real.mtu) {
        return Err(Errno::EINVAL.into());
    }
    Ok(LinkKind::Vlan { lower, id, protocol, flags: 1 })
}
