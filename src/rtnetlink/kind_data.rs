//! IFLA_INFO_DATA of the device kinds that have one: what `newlink` and
//! `changelink` of drivers/net/macvlan.c and net/bridge/br_netlink.c do
//! with it. All of a request's values are checked before any is applied.

use crate::errno::{Errno, KernelError};
use crate::stack::link::{BridgeConf, LinkKind};
use crate::stack::namespace::Namespace;
use crate::stack::{Event, Net, NsId};
use crate::wire::attr::AttrTable;
use crate::wire::link::{br, macvlan, macvlan_mode};

type KResult<T> = Result<T, KernelError>;

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
    if (mode == macvlan_mode::PASSTHRU && !others.is_empty()) || others.contains(&macvlan_mode::PASSTHRU) {
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
                if (new == macvlan_mode::PASSTHRU) != (*mode == macvlan_mode::PASSTHRU) {
                    return Err(Errno::EINVAL.into());
                }
                *mode = new;
            }
            Ok(())
        }
        LinkKind::Bridge(conf) => bridge(conf, data),
        LinkKind::Vlan { .. } => change_vlan(kind, data),
        _ => Ok(()),
    }
}

/// `br_changelink` for the options this stack keeps.
pub fn bridge(conf: &mut BridgeConf, data: &[u8]) -> KResult<()> {
    let t = br::SPACE.parse(data)?;
    let mut new = conf.clone();
    let u32_of = |k: u16| t.get(k).map(|a| a.u32()).transpose();
    // br_set_forward_delay checks its range only while STP runs;
    // br_set_hello_time and br_set_max_age always do (1/100 s).
    let stp = conf.stp_state != 0;
    let in_range = |v: u32, lo: u32, hi: u32, checked: bool| -> KResult<u32> {
        if checked && !(lo..=hi).contains(&v) { Err(Errno::ERANGE.into()) } else { Ok(v) }
    };
    // Times travel in hundredths of a second and live in jiffies: what is
    // read back went through both conversions.
    let clock = |v: u32| clock_t_round_trip(u64::from(v)) as u32;
    if let Some(v) = u32_of(br::FORWARD_DELAY)? {
        new.forward_delay = clock(in_range(v, 200, 3000, stp)?);
    }
    if let Some(v) = u32_of(br::HELLO_TIME)? {
        new.hello_time = clock(in_range(v, 100, 1000, true)?);
    }
    if let Some(v) = u32_of(br::MAX_AGE)? {
        new.max_age = clock(in_range(v, 600, 4000, true)?);
    }
    if let Some(v) = u32_of(br::AGEING_TIME)? {
        new.ageing_time = clock(v);
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
    bridge_options(&mut new, &t)?;
    *conf = new;
    Ok(())
}

/// The on/off port options `br_setport` sets with `br_set_port_flag`, by
/// IFLA_BRPORT_* number: mode (hairpin), guard, protect (root_block),
/// fast_leave, learning, unicast_flood, proxyarp, proxyarp_wifi,
/// mcast_flood, mcast_to_ucast, vlan_tunnel, bcast_flood, neigh_suppress,
/// isolated, locked, mab, neigh_vlan_suppress.
const PORT_SWITCHES: [u16; 17] = {
    use crate::wire::link::brport::*;
    [
        MODE,
        GUARD,
        PROTECT,
        FAST_LEAVE,
        LEARNING,
        UNICAST_FLOOD,
        PROXYARP,
        PROXYARP_WIFI,
        MCAST_FLOOD,
        MCAST_TO_UCAST,
        VLAN_TUNNEL,
        BCAST_FLOOD,
        NEIGH_SUPPRESS,
        ISOLATED,
        LOCKED,
        MAB,
        NEIGH_VLAN_SUPPRESS,
    ]
};

/// `br_setport` (net/bridge/br_netlink.c) for IFLA_INFO_SLAVE_DATA (or an
/// AF_BRIDGE IFLA_PROTINFO) on a port of a bridge: the on/off options,
/// cost, priority, state, learnt entries flushed, multicast router type
/// and group forwarding mask. Each
/// value is checked (in the kernel's order) before anything changes.
pub fn bridge_port(net: &mut Net, ns: NsId, index: u32, data: &[u8]) -> KResult<Vec<Event>> {
    use crate::wire::link::brport;
    let t = brport::SPACE.parse(data)?;
    let nsr = net.ns(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let port = nsr.link(index).ok_or(KernelError::new(Errno::ENODEV))?;
    let bridge = port.master.and_then(|m| nsr.link(m)).ok_or(KernelError::new(Errno::EOPNOTSUPP))?;
    let mut conf = port.port_conf.clone();
    for attr in PORT_SWITCHES {
        if let Some(a) = t.get(attr) {
            if a.u8()? != 0 {
                conf.flags |= 1 << attr;
            } else {
                conf.flags &= !(1 << attr);
            }
        }
    }
    if conf.flag(brport::MAB) && !(conf.flag(brport::LOCKED) && conf.flag(brport::LEARNING)) {
        return Err(KernelError::msg(Errno::EINVAL, "Bridge port must be locked and have learning enabled when MAB is enabled"));
    }
    // br_stp_set_path_cost, br_stp_set_port_priority.
    if let Some(cost) = t.get(brport::COST).map(|a| a.u32()).transpose()? {
        if !(1..=65535).contains(&cost) {
            return Err(Errno::ERANGE.into());
        }
        conf.cost = cost;
    }
    if let Some(priority) = t.get(brport::PRIORITY).map(|a| a.u16()).transpose()? {
        if priority > 63 {
            return Err(Errno::ERANGE.into());
        }
        conf.priority = priority;
    }
    // br_set_port_state: no change under kernel STP, and only `disabled`
    // for a port without a working link.
    let state = t.get(brport::STATE).map(|a| a.u8()).transpose()?;
    if let Some(s) = state {
        let stp = matches!(&bridge.kind, LinkKind::Bridge(c) if c.stp_state == 1);
        if s > crate::stack::bridge::BLOCKING {
            return Err(Errno::EINVAL.into());
        }
        if stp {
            return Err(Errno::EBUSY.into());
        }
        if !port.is_up() || (!crate::stack::bridge::oper_up(port) && s != crate::stack::bridge::DISABLED) {
            return Err(Errno::ENETDOWN.into());
        }
    }
    if let Some(r) = t.get(brport::MULTICAST_ROUTER).map(|a| a.u8()).transpose()? {
        // br_multicast_set_port_router: MDB_RTR_TYPE_DISABLED..TEMP.
        if r > 3 {
            return Err(Errno::EINVAL.into());
        }
        conf.mcast_router = r;
    }
    if let Some(mask) = t.get(brport::GROUP_FWD_MASK).map(|a| a.u16()).transpose()? {
        // BR_GROUPFWD_MACPAUSE can not be forwarded.
        if mask & 0x2 != 0 {
            return Err(Errno::EINVAL.into());
        }
        conf.group_fwd_mask = mask;
    }
    let bridge_index = bridge.index;
    if let Some(l) = net.ns_mut(ns).and_then(|n| n.link_mut(index)) {
        l.port_conf = conf;
    }
    let mut events = Vec::new();
    if let Some(s) = state {
        events.extend(crate::stack::bridge::set_port_state(net, ns, index, s));
    }
    if t.has(brport::FLUSH) {
        events.extend(crate::stack::fdb::flush_port(net, ns, bridge_index, index));
    }
    Ok(events)
}

/// A time in hundredths of a second as the bridge reports it back after
/// keeping it in jiffies (`clock_t_to_jiffies`, `jiffies_to_clock_t` at
/// the recording kernel's HZ of 250): odd values lose one.
fn clock_t_round_trip(v: u64) -> u64 {
    v.saturating_mul(5) / 2 * 2 / 5
}

/// The other settings `br_changelink` takes, in its order, with the size
/// of their values; they are kept as the kernel reports them.
const BRIDGE_SETTINGS: [(u16, usize); 22] = [
    (br::GROUP_FWD_MASK, 2),
    (br::GROUP_ADDR, 6),
    (br::MCAST_ROUTER, 1),
    (br::MCAST_SNOOPING, 1),
    (br::MCAST_QUERY_USE_IFADDR, 1),
    (br::MCAST_QUERIER, 1),
    (br::MCAST_HASH_MAX, 4),
    (br::MCAST_LAST_MEMBER_CNT, 4),
    (br::MCAST_STARTUP_QUERY_CNT, 4),
    (br::MCAST_LAST_MEMBER_INTVL, 8),
    (br::MCAST_MEMBERSHIP_INTVL, 8),
    (br::MCAST_QUERIER_INTVL, 8),
    (br::MCAST_QUERY_INTVL, 8),
    (br::MCAST_QUERY_RESPONSE_INTVL, 8),
    (br::MCAST_STARTUP_QUERY_INTVL, 8),
    (br::MCAST_STATS_ENABLED, 1),
    (br::MCAST_IGMP_VERSION, 1),
    (br::MCAST_MLD_VERSION, 1),
    (br::NF_CALL_IPTABLES, 1),
    (br::NF_CALL_IP6TABLES, 1),
    (br::NF_CALL_ARPTABLES, 1),
    (br::MULTI_BOOLOPT, 8),
];

/// `br_changelink`'s other settings (see [`BRIDGE_SETTINGS`]), each
/// checked as the kernel checks it: group forwarding mask and address,
/// multicast router, intervals (the query intervals held to 1 s..1 day),
/// IGMP/MLD versions, the boolean options.
fn bridge_options(new: &mut BridgeConf, t: &AttrTable<'_>) -> KResult<()> {
    for (attr, size) in BRIDGE_SETTINGS {
        let Some(a) = t.get(attr) else { continue };
        let Some(given) = a.value.get(..size) else { return Err(Errno::EINVAL.into()) };
        let mut value = given.to_vec();
        let byte = given[0];
        let ok = match attr {
            // BR_GROUPFWD_RESTRICTED: STP, MAC pause and LACP frames.
            br::GROUP_FWD_MASK => crate::wire::get_u16(given, 0).is_some_and(|m| m & 0x7 == 0),
            // A link-local 01:80:c2:00:00:0X other than pause, slow
            // protocols and 802.1X.
            br::GROUP_ADDR => given[..5] == [0x01, 0x80, 0xc2, 0, 0] && given[5] & 0xf0 == 0 && !(1..=3).contains(&given[5]),
            // br_multicast_set_router: disabled, temporary or permanent.
            br::MCAST_ROUTER => byte <= 2,
            br::MCAST_IGMP_VERSION => (2..=3).contains(&byte),
            br::MCAST_MLD_VERSION => (1..=2).contains(&byte),
            br::MCAST_LAST_MEMBER_INTVL..=br::MCAST_STARTUP_QUERY_INTVL => {
                let mut v = crate::wire::get_u64(given, 0).unwrap_or(0);
                if attr == br::MCAST_QUERY_INTVL || attr == br::MCAST_STARTUP_QUERY_INTVL {
                    v = v.clamp(100, 8_640_000);
                }
                value = clock_t_round_trip(v).to_ne_bytes().to_vec();
                true
            }
            br::MULTI_BOOLOPT => {
                // struct br_boolopt_multi: values, then the mask of those
                // to set. BR_BOOLOPT_MCAST_VLAN_SNOOPING needs VLAN
                // filtering, which the recording kernel does not have;
                // only no_linklocal_learn can change.
                let (val, mask) = (crate::wire::get_u32(given, 0).unwrap_or(0), crate::wire::get_u32(given, 4).unwrap_or(0));
                if mask & val & 0x2 != 0 {
                    return Err(KernelError::msg(
                        Errno::EINVAL,
                        "bridge: Cannot enable multicast vlan snooping with vlan filtering disabled",
                    ));
                }
                let old = new.option(attr).and_then(|v| crate::wire::get_u32(v, 0)).unwrap_or(0);
                let bits = (old & !(mask & 0x1)) | (val & mask & 0x1);
                value = [bits.to_ne_bytes(), 0x1fu32.to_ne_bytes()].concat();
                true
            }
            // Counts are kept as given; switches as 0 or 1.
            _ if size == 1 => {
                value = vec![u8::from(byte != 0)];
                true
            }
            _ => true,
        };
        if !ok {
            return Err(Errno::EINVAL.into());
        }
        new.set_option(attr, value);
    }
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
    validate_vlan_rest(&t)?;
    let id = id.ok_or(vlan_error(Errno::EINVAL, "8021q: VLAN id not specified"))?;
    let lower = lower.ok_or(vlan_error(Errno::EINVAL, "8021q: link not specified"))?;
    let real = ns.link(lower).ok_or(vlan_error(Errno::ENODEV, "8021q: link does not exist"))?;
    if real.is_loopback() {
        // NETIF_F_VLAN_CHALLENGED
        return Err(vlan_error(Errno::EOPNOTSUPP, "8021q: VLANs not supported on device"));
    }
    let protocol = protocol.unwrap_or(VLAN_PROTOCOLS[0]);
    let taken = ns
        .links
        .values()
        .any(|l| matches!(l.kind, LinkKind::Vlan { lower: lo, id: i, protocol: p, .. } if lo == lower && i == id && p == protocol));
    if taken {
        return Err(vlan_error(Errno::EEXIST, "8021q: VLAN device already exists"));
    }
    if mtu.is_some_and(|m| m > real.mtu) {
        return Err(Errno::EINVAL.into());
    }
    // vlan_newlink: reorder_hdr on, then vlan_changelink.
    let mut kind = LinkKind::Vlan { lower, id, protocol, flags: VLAN_FLAG_REORDER_HDR, stolen: true, qos: Box::default() };
    vlan_changelink(&mut kind, &t)?;
    Ok(kind)
}

/// VLAN_FLAG_REORDER_HDR, and every flag `vlan_dev_change_flags` accepts
/// (REORDER_HDR, GVRP, LOOSE_BINDING, MVRP, BRIDGE_BINDING).
const VLAN_FLAG_REORDER_HDR: u32 = 1;
const VLAN_FLAGS_KNOWN: u32 = 0x1f;

/// IFLA_VLAN_QOS_MAPPING and its size (struct ifla_vlan_qos_mapping).
const VLAN_QOS_MAPPING: u16 = 1;
const VLAN_QOS_MAPPING_LEN: usize = 8;

/// The rest of `vlan_validate`: flags, then the two QoS maps.
fn validate_vlan_rest(t: &AttrTable<'_>) -> KResult<()> {
    use crate::wire::link::vlan;
    if let Some(f) = t.get(vlan::FLAGS) {
        let flags = crate::wire::get_u32(f.value, 0).unwrap_or(0);
        let mask = crate::wire::get_u32(f.value, 4).unwrap_or(0);
        if flags & mask & !VLAN_FLAGS_KNOWN != 0 {
            return Err(vlan_error(Errno::EINVAL, "8021q: Invalid VLAN flags"));
        }
    }
    for (attr, msg) in [(vlan::INGRESS_QOS, "8021q: Invalid ingress QOS map"), (vlan::EGRESS_QOS, "8021q: Invalid egress QOS map")] {
        let Some(map) = t.get(attr) else { continue };
        // nla_validate_nested_deprecated: a malformed list is EINVAL, a
        // mapping shorter than its struct ERANGE.
        for m in crate::wire::attr::NlaIter::new(map.value) {
            let m = m.map_err(|_| vlan_error(Errno::EINVAL, msg))?;
            if m.kind == VLAN_QOS_MAPPING && m.value.len() < VLAN_QOS_MAPPING_LEN {
                return Err(vlan_error(Errno::ERANGE, msg));
            }
        }
    }
    Ok(())
}

/// `vlan_changelink`: flags (`vlan_dev_change_flags`), then the ingress
/// and the egress map, each mapping in the order given.
fn vlan_changelink(kind: &mut LinkKind, t: &AttrTable<'_>) -> KResult<()> {
    use crate::wire::link::vlan;
    let LinkKind::Vlan { flags, qos, .. } = kind else { return Ok(()) };
    if let Some(f) = t.get(vlan::FLAGS) {
        let want = crate::wire::get_u32(f.value, 0).unwrap_or(0);
        let mask = crate::wire::get_u32(f.value, 4).unwrap_or(0);
        if mask & !VLAN_FLAGS_KNOWN != 0 {
            return Err(Errno::EINVAL.into());
        }
        *flags = (*flags & !mask) | (want & mask);
    }
    let mappings = |attr: u16| -> Vec<(u32, u32)> {
        let Some(map) = t.get(attr) else { return Vec::new() };
        crate::wire::attr::NlaIter::new(map.value)
            .flatten()
            .filter(|m| m.kind == VLAN_QOS_MAPPING)
            .map(|m| (crate::wire::get_u32(m.value, 0).unwrap_or(0), crate::wire::get_u32(m.value, 4).unwrap_or(0)))
            .collect()
    };
    for (from, to) in mappings(vlan::INGRESS_QOS) {
        qos.set_ingress(from, to);
    }
    for (from, to) in mappings(vlan::EGRESS_QOS) {
        qos.set_egress(from, to);
    }
    Ok(())
}

/// `vlan_validate` + `vlan_changelink` for an existing VLAN device (the
/// id and protocol cannot change and are only checked).
pub fn change_vlan(kind: &mut LinkKind, data: &[u8]) -> KResult<()> {
    use crate::wire::link::vlan;
    let t = AttrTable::parse(data, 5)?;
    if t.get(vlan::PROTOCOL).map(|p| p.u16()).transpose()?.is_some_and(|p| !VLAN_PROTOCOLS.contains(&p)) {
        return Err(vlan_error(Errno::EPROTONOSUPPORT, "8021q: Invalid VLAN protocol"));
    }
    if t.get(vlan::ID).map(|a| a.u16()).transpose()?.is_some_and(|id| id >= 4095) {
        return Err(vlan_error(Errno::ERANGE, "8021q: Invalid VLAN id"));
    }
    validate_vlan_rest(&t)?;
    let mut new = kind.clone();
    vlan_changelink(&mut new, &t)?;
    *kind = new;
    Ok(())
}

/// `vrf_newlink`: a VRF needs IFLA_VRF_TABLE, not table 0, and in strict
/// mode a table no other VRF uses (`vrf_map_register_dev`).
pub fn new_vrf(ns: &crate::stack::Namespace, data: Option<&[u8]>) -> KResult<LinkKind> {
    let missing = || KernelError::msg(Errno::EINVAL, "VRF table id is missing");
    let t = AttrTable::parse(data.ok_or_else(missing)?, crate::wire::link::vrf::MAX)?;
    let table = t.get(crate::wire::link::vrf::TABLE).ok_or_else(missing)?.u32()?;
    if table == 0 {
        return Err(KernelError::msg(Errno::EINVAL, "Invalid VRF table id"));
    }
    // vrf_map_register_dev: in strict mode a table has one VRF.
    if crate::stack::l3mdev::strict_mode(ns) && crate::stack::l3mdev::vrfs_on_table(ns, table) > 0 {
        return Err(KernelError::msg(Errno::EBUSY, "Table is used by another VRF"));
    }
    Ok(LinkKind::Vrf { table })
}

#[cfg(test)]
mod tests {
    use crate::output::Output;
    use crate::shell::Shell;
    use crate::world::World;

    fn run(sh: &mut Shell, line: &str) -> (i32, String, String) {
        let mut out = Output::new();
        let st = sh.run_line(line, &mut out);
        (st, out.stdout(), out.stderr())
    }

    fn info_data(sh: &mut Shell) -> String {
        let (_, out, _) = run(sh, "ip -j -d link show v0.5");
        let at = out.find("\"info_data\"").expect("info_data");
        out[at..].split("}},").next().unwrap_or_default().to_string()
    }

    /// vlan_newlink applies vlan_changelink: flags, ingress then egress
    /// maps; vlan_fill_info lists ingress by priority and egress bucket by
    /// bucket (skb priority & 15), newest first, without zero mappings.
    #[test]
    fn vlan_qos_maps_are_kept_changed_and_reported_as_linux_orders_them() {
        let mut sh = Shell::new(Box::new(World::new()));
        assert_eq!(run(&mut sh, "ip link add v0 type veth peer name v1").0, 0);
        let add = "ip link add link v0 name v0.5 type vlan id 5 egress-qos-map 1:2 17:3 4:0 ingress-qos-map 2:5 9:1";
        assert_eq!(run(&mut sh, add).0, 0);
        assert_eq!(
            info_data(&mut sh),
            r#""info_data":{"protocol":"802.1Q","id":5,"flags":["REORDER_HDR"],"ingress_qos":[{"from":1,"to":1},{"from":2,"to":5}],"egress_qos":[{"from":17,"to":3},{"from":1,"to":2}]"#
        );
        // An existing mapping changes in place; flags follow their mask.
        assert_eq!(run(&mut sh, "ip link set v0.5 type vlan egress-qos-map 1:7 4:6 reorder_hdr off gvrp on").0, 0);
        assert_eq!(
            info_data(&mut sh),
            r#""info_data":{"protocol":"802.1Q","id":5,"flags":["GVRP"],"ingress_qos":[{"from":1,"to":1},{"from":2,"to":5}],"egress_qos":[{"from":17,"to":3},{"from":1,"to":7},{"from":4,"to":6}]"#
        );
    }

    /// vlan_validate: a mapping shorter than struct ifla_vlan_qos_mapping
    /// fails the map's policy (ERANGE) and nothing changes.
    #[test]
    fn a_short_qos_mapping_is_refused() {
        use crate::stack::link::LinkKind;
        let mut kind = LinkKind::Vlan { lower: 2, id: 5, protocol: 0x0081, flags: 1, stolen: true, qos: Box::default() };
        // IFLA_VLAN_EGRESS_QOS { IFLA_VLAN_QOS_MAPPING (4 bytes) }
        let data = [12u8, 0, 3, 0, 8, 0, 1, 0, 1, 0, 0, 0];
        let err = super::change_vlan(&mut kind, &data).expect_err("short mapping");
        assert_eq!(err.errno(), crate::errno::Errno::ERANGE);
        assert_eq!(err.extack, Some("8021q: Invalid egress QOS map"));
        assert!(matches!(kind, LinkKind::Vlan { ref qos, .. } if qos.egress_mappings().is_empty()));
    }
}
