//! The device settings of RTM_NEWLINK/RTM_SETLINK beyond name, address,
//! MTU and flags (net/core/rtnetlink.c `validate_linkmsg`, `do_setlink`):
//! carrier, protodown, the GSO/GRO limits, the link mode and the RFC 2863
//! operational state. Each is either modelled or refused the way Linux
//! refuses it for the device, never accepted and dropped.

use crate::errno::{Errno, KResult, KernelError};
use crate::stack::link::{self as slink, Link, LinkKind};
use crate::stack::{Event, Net, NsId, notifier};
use crate::wire::attr::AttrTable;
use crate::wire::link::{OperState, ifla};

/// GSO_MAX_SEGS and GRO_MAX_SIZE (8 × 65535).
const GSO_MAX_SEGS: u32 = 65_535;
const GRO_MAX_SIZE: u32 = 8 * 65_535;
/// GSO_LEGACY_MAX_SIZE / GRO_LEGACY_MAX_SIZE: up to here the IPv4 limits follow.
const LEGACY_MAX_SIZE: u32 = 65_536;

/// The checked settings of one request.
#[derive(Default)]
pub struct Settings {
    proto_down: Option<bool>,
    proto_down_asked: bool,
    proto_down_reason: bool,
    /// New values for [`Link::offload_limits`] (by position).
    limits: [Option<u32>; 5],
    link_mode: Option<u8>,
    operstate: Option<u8>,
}

/// Whether a device kind can be put in protodown (`dev->change_proto_down`:
/// macvlan, vlan and vxlan set it).
fn can_proto_down(link: &Link) -> bool {
    matches!(link.kind, LinkKind::Macvlan { .. } | LinkKind::Vlan { .. } | LinkKind::Vxlan(_))
}

/// `validate_linkmsg`'s GSO/GRO limits, and the link mode and operational
/// state asked for.
fn limits_and_modes(link: &Link, attrs: &AttrTable<'_>) -> KResult<Settings> {
    let u32_of = |k: u16| attrs.get(k).map(|a| a.u32()).transpose();
    let mut s = Settings::default();
    let checks: [(u16, u32, &'static str); 5] = [
        (ifla::GSO_MAX_SIZE, link.tso_max_size, "too big gso_max_size"),
        (ifla::GSO_MAX_SEGS, GSO_MAX_SEGS, "too big gso_max_segs"),
        (ifla::GRO_MAX_SIZE, GRO_MAX_SIZE, "too big gro_max_size"),
        (ifla::GSO_IPV4_MAX_SIZE, link.tso_max_size, "too big gso_ipv4_max_size"),
        (ifla::GRO_IPV4_MAX_SIZE, GRO_MAX_SIZE, "too big gro_ipv4_max_size"),
    ];
    for (i, (attr, max, msg)) in checks.into_iter().enumerate() {
        if let Some(v) = u32_of(attr)? {
            if v > max {
                return Err(KernelError::msg(Errno::EINVAL, msg));
            }
            s.limits[i] = Some(v);
        }
    }
    s.link_mode = attrs.get(ifla::LINKMODE).map(|a| a.u8()).transpose()?;
    s.operstate = attrs.get(ifla::OPERSTATE).map(|a| a.u8()).transpose()?;
    Ok(s)
}

/// `validate_linkmsg`'s limits, and what `do_setlink` will apply
/// (IFLA_CARRIER is applied by the caller in its place).
pub fn validate(link: &Link, attrs: &AttrTable<'_>) -> KResult<Settings> {
    let mut s = limits_and_modes(link, attrs)?;
    s.proto_down_asked = attrs.has(ifla::PROTO_DOWN) || attrs.has(ifla::PROTO_DOWN_REASON);
    s.proto_down_reason = attrs.has(ifla::PROTO_DOWN_REASON);
    s.proto_down = attrs.get(ifla::PROTO_DOWN).map(|a| a.u8()).transpose()?.map(|v| v != 0);
    Ok(s)
}

/// Applies checked settings in `do_setlink`'s order. Returns the events
/// and whether the device should be announced if it is up
/// (DO_SETLINK_NOTIFY → `netdev_state_change`).
pub fn apply(net: &mut Net, ns: NsId, index: u32, s: &Settings) -> KResult<(Vec<Event>, bool)> {
    let mut events = Vec::new();
    let mut notify = false;
    let mut oper_up = false;
    let Some(link) = net.ns_mut(ns).and_then(|n| n.link_mut(index)) else { return Ok((events, false)) };
    for (i, v) in s.limits.iter().enumerate() {
        let Some(v) = *v else { continue };
        if link.offload_limits[i] != v {
            link.offload_limits[i] = v;
            notify = true;
            // netif_set_gso_max_size / netif_set_gro_max_size: the IPv4
            // limit follows while within the legacy size.
            follow_ipv4_limit(&mut link.offload_limits, i, v);
        }
    }
    if let Some(mode) = s.link_mode {
        if link.link_mode != mode {
            link.link_mode = mode;
            notify = true;
        }
    }
    if let Some(t) = s.operstate {
        // set_operstate: UP from DORMANT, TESTING or UNKNOWN; DORMANT and
        // TESTING only from UP.
        let now = link.oper;
        let next = match OperState::from(t) {
            OperState::Up if matches!(now, OperState::Dormant | OperState::Testing | OperState::Unknown0) => OperState::Up,
            OperState::Dormant if now == OperState::Up => OperState::Dormant,
            OperState::Testing if now == OperState::Up => OperState::Testing,
            _ => now,
        };
        if next != now {
            link.oper = next;
            notify = true;
            oper_up = next == OperState::Up;
        }
    }
    let mut carrier_change = false;
    // do_set_proto_down, last in do_setlink: what came before stays.
    let refused = if s.proto_down_asked && !can_proto_down(link) {
        Some(KernelError::msg(Errno::EOPNOTSUPP, "Protodown not supported by device"))
    } else if s.proto_down_reason {
        // Reasons are not modelled: refused rather than dropped.
        Some(KernelError::new(Errno::EOPNOTSUPP))
    } else {
        None
    };
    if let (Some(down), None) = (s.proto_down, &refused) {
        if link.proto_down != down {
            link.proto_down = down;
            notify = true;
            carrier_change = true;
        }
    }
    // netdev_state_change → NETDEV_CHANGE: IPv6 sees the link ready.
    if oper_up {
        events.extend(notifier::call_netdevice_notifiers(net, ns, index, &notifier::NetdevEvent::Change));
    }
    if carrier_change {
        events.extend(slink::refresh_carriers(net, ns, index));
    }
    match refused {
        Some(e) => Err(e),
        None => Ok((events, notify)),
    }
}

/// What `rtnl_create_link` takes from a creation request besides the
/// common attributes: queue counts (1..=4096), the GSO/GRO limits, the
/// link mode and the operational state (IFLA_CARRIER and IFLA_PROTO_DOWN
/// are not looked at when creating).
pub fn on_create(link: &mut Link, attrs: &AttrTable<'_>) -> KResult<()> {
    for (attr, what) in [(ifla::NUM_TX_QUEUES, "transmit"), (ifla::NUM_RX_QUEUES, "receive")] {
        let Some(n) = attrs.get(attr).map(|a| a.u32()).transpose()? else { continue };
        if !(1..=4096).contains(&n) {
            let msg = if what == "transmit" { "Invalid number of transmit queues" } else { "Invalid number of receive queues" };
            return Err(KernelError::msg(Errno::EINVAL, msg));
        }
        if attr == ifla::NUM_TX_QUEUES {
            link.num_tx_queues = n;
        } else {
            link.num_rx_queues = n;
        }
    }
    let s = limits_and_modes(link, attrs)?;
    for (i, v) in s.limits.iter().enumerate() {
        if let Some(v) = *v {
            link.offload_limits[i] = v;
            follow_ipv4_limit(&mut link.offload_limits, i, v);
        }
    }
    if let Some(m) = s.link_mode {
        link.link_mode = m;
    }
    Ok(())
}

/// `netif_set_gso_max_size` / `netif_set_gro_max_size`: the IPv4 limit
/// (position 3 for GSO, 4 for GRO) follows while within the legacy size.
fn follow_ipv4_limit(limits: &mut [u32; 5], i: usize, v: u32) {
    let ipv4 = match i {
        0 => 3,
        2 => 4,
        _ => return,
    };
    if v <= LEGACY_MAX_SIZE {
        if let Some(l) = limits.get_mut(ipv4) {
            *l = v;
        }
    }
}
