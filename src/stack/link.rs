//! Network devices: their kinds, state and the side effects of creating,
//! changing and deleting them (net/core/dev.c, rtnetlink.c `do_setlink`,
//! drivers/net/veth.c, net/bridge, drivers/net/macvlan.c, dummy.c, 8021q).

use super::addr::{Ifa4, Ifa6};
use super::{Event, Net, NsId};
use crate::errno::{Errno, KResult, KernelError};
use crate::wire::link::{OperState, arphrd, iff};

/// Device-specific state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkKind {
    /// The loopback device.
    Loopback,
    /// One end of a veth pair; the peer may live in another namespace.
    Veth {
        /// The other end: namespace and ifindex.
        peer: Option<(NsId, u32)>,
    },
    /// A bridge.
    Bridge(BridgeConf),
    /// A macvlan on a lower device in the same namespace.
    Macvlan {
        /// The lower device.
        lower: u32,
        /// MACVLAN_MODE_*.
        mode: u32,
        /// MACVLAN_FLAG_*.
        flags: u16,
        /// A macvtap (the same device with a tap queue for user space).
        tap: bool,
    },
    /// A dummy device.
    Dummy,
    /// An 802.1Q VLAN on a lower device.
    Vlan {
        /// The lower device.
        lower: u32,
        /// VLAN id.
        id: u16,
        /// ETH_P_8021Q or ETH_P_8021AD (network order value as u16).
        protocol: u16,
        /// VLAN_FLAG_*.
        flags: u32,
        /// The priority maps.
        qos: Box<super::vlan_qos::VlanQos>,
    },
    /// A VXLAN tunnel device with its forwarding database.
    Vxlan(Box<super::vxlan::Vxlan>),
}

impl LinkKind {
    /// The `IFLA_INFO_KIND` string, None for loopback.
    pub fn name(&self) -> Option<&'static str> {
        match self {
            LinkKind::Loopback => None,
            LinkKind::Veth { .. } => Some("veth"),
            LinkKind::Bridge(_) => Some("bridge"),
            LinkKind::Macvlan { tap: false, .. } => Some("macvlan"),
            LinkKind::Macvlan { tap: true, .. } => Some("macvtap"),
            LinkKind::Dummy => Some("dummy"),
            LinkKind::Vlan { .. } => Some("vlan"),
            LinkKind::Vxlan(_) => Some("vxlan"),
        }
    }
}

/// A bridge port's settings (`struct net_bridge_port`), as
/// `ip link set DEV type bridge_slave` changes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortConf {
    /// STP port priority (0..=63).
    pub priority: u16,
    /// STP path cost (1..=65535).
    pub cost: u32,
    /// The on/off options, bit n for IFLA_BRPORT_* attribute n.
    pub flags: u64,
    /// Link-local groups the port forwards (bit n for 01:80:c2:00:00:0n).
    pub group_fwd_mask: u16,
    /// MDB_RTR_TYPE_* of the port.
    pub mcast_router: u8,
    /// The port number, the lowest free one when the device joined
    /// (`find_portno`).
    pub no: u16,
}

impl PortConf {
    /// Whether the option of IFLA_BRPORT_* attribute `attr` is on.
    pub fn flag(&self, attr: u16) -> bool {
        attr < 64 && self.flags & (1 << attr) != 0
    }
}

impl Default for PortConf {
    /// `new_nbp`: priority 32, the cost of a 10 Gb/s link, learning and
    /// unicast, multicast and broadcast flooding on.
    fn default() -> Self {
        let on = |attrs: &[u16]| attrs.iter().fold(0u64, |f, a| f | 1 << a);
        PortConf { priority: 32, cost: 2, flags: on(&[8, 9, 27, 30]), group_fwd_mask: 0, mcast_router: 1, no: 0 }
    }
}

/// Bridge settings that `ip -d link` shows (jiffies-free values in
/// hundredths of a second, as IFLA_BR_* carries them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BridgeConf {
    /// IFLA_BR_FORWARD_DELAY.
    pub forward_delay: u32,
    /// IFLA_BR_HELLO_TIME.
    pub hello_time: u32,
    /// IFLA_BR_MAX_AGE.
    pub max_age: u32,
    /// IFLA_BR_AGEING_TIME.
    pub ageing_time: u32,
    /// IFLA_BR_STP_STATE.
    pub stp_state: u32,
    /// IFLA_BR_PRIORITY.
    pub priority: u16,
    /// IFLA_BR_VLAN_FILTERING.
    pub vlan_filtering: u8,
    /// IFLA_BR_VLAN_DEFAULT_PVID.
    pub default_pvid: u16,
    /// Whether the bridge address was set by hand (it no longer follows ports).
    pub addr_set: bool,
    /// Whether the bridge MTU was set by hand (it no longer follows the
    /// smallest of its ports', BROPT_MTU_SET_BY_USER).
    pub mtu_set: bool,
    /// Multicast snooping was turned back on while the bridge was up: its
    /// all-snoopers groups joined after the others (until it reopens).
    pub snoopers_rejoined: bool,
    /// The other settings changed from their defaults (group forwarding,
    /// group address, multicast snooping and its timers, netfilter calls,
    /// boolean options): IFLA_BR_* attribute number and its value as the
    /// kernel reports it.
    pub options: Vec<(u16, Vec<u8>)>,
}

impl BridgeConf {
    /// The value reported for IFLA_BR_* attribute `attr`, where it was set.
    pub fn option(&self, attr: u16) -> Option<&[u8]> {
        self.options.iter().find(|(a, _)| *a == attr).map(|(_, v)| v.as_slice())
    }

    /// Whether the bridge snoops multicast (IFLA_BR_MCAST_SNOOPING, on by
    /// default).
    pub fn snooping(&self) -> bool {
        self.option(crate::wire::link::br::MCAST_SNOOPING) != Some(&[0][..])
    }

    /// Sets the value reported for IFLA_BR_* attribute `attr`.
    pub fn set_option(&mut self, attr: u16, value: Vec<u8>) {
        match self.options.iter_mut().find(|(a, _)| *a == attr) {
            Some(slot) => slot.1 = value,
            None => self.options.push((attr, value)),
        }
    }
}

impl Default for BridgeConf {
    fn default() -> Self {
        BridgeConf {
            forward_delay: 1500,
            hello_time: 200,
            max_age: 2000,
            ageing_time: 30000,
            stp_state: 0,
            priority: 0x8000,
            vlan_filtering: 0,
            default_pvid: 1,
            addr_set: false,
            mtu_set: false,
            snoopers_rejoined: false,
            options: Vec::new(),
        }
    }
}

/// Packet and byte counters (`rtnl_link_stats64`, the fields we move).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LinkStats {
    /// Packets received.
    pub rx_packets: u64,
    /// Packets sent.
    pub tx_packets: u64,
    /// Bytes received.
    pub rx_bytes: u64,
    /// Bytes sent.
    pub tx_bytes: u64,
    /// Receive errors.
    pub rx_errors: u64,
    /// Send errors.
    pub tx_errors: u64,
    /// Received packets dropped.
    pub rx_dropped: u64,
    /// Sent packets dropped.
    pub tx_dropped: u64,
    /// Multicast packets received.
    pub multicast: u64,
}

/// A network device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// ifindex.
    pub index: u32,
    /// Name.
    pub name: String,
    /// Kind and kind-specific state.
    pub kind: LinkKind,
    /// IFF_* flags that are configured (UP, NOARP, PROMISC, ...); RUNNING and
    /// LOWER_UP are derived from `carrier`.
    pub flags: u32,
    /// MTU.
    pub mtu: u32,
    /// Smallest MTU the device accepts.
    pub min_mtu: u32,
    /// Largest MTU the device accepts (0: no limit).
    pub max_mtu: u32,
    /// Transmit queue length.
    pub txqlen: u32,
    /// Hardware address.
    pub address: Vec<u8>,
    /// Hardware broadcast address.
    pub broadcast: Vec<u8>,
    /// Permanent hardware address, if the device has one.
    pub perm_address: Option<Vec<u8>>,
    /// IFLA_IFALIAS.
    pub alias: Option<String>,
    /// Alternative names (IFLA_PROP_LIST), in the order they were added.
    pub altnames: Vec<String>,
    /// `needed_headroom` (IFLA_HEADROOM): what tunnels add in front.
    pub headroom: u16,
    /// GSO and GRO limits: gso_max_size, gso_max_segs, gro_max_size,
    /// gso_ipv4_max_size, gro_ipv4_max_size.
    pub offload_limits: [u32; 5],
    /// Device group.
    pub group: u32,
    /// The bridge this device is a port of.
    pub master: Option<u32>,
    /// Whether the lower layer has carrier (`netif_carrier_ok`).
    pub carrier: bool,
    /// The stored RFC 2863 state (`dev->operstate`), updated by the link
    /// watch; netlink reports DOWN while the device is not up.
    pub oper: OperState,
    /// Carrier turned off by hand (IFLA_CARRIER 0 on a device with
    /// `ndo_change_carrier`: dummy).
    pub carrier_off: bool,
    /// Carrier up transitions.
    pub carrier_up_count: u32,
    /// Carrier down transitions.
    pub carrier_down_count: u32,
    /// Promiscuity counter.
    pub promiscuity: u32,
    /// Allmulti counter.
    pub allmulti: u32,
    /// Transmit queues.
    pub num_tx_queues: u32,
    /// Receive queues.
    pub num_rx_queues: u32,
    /// IFLA_LINKMODE.
    pub link_mode: u8,
    /// IFLA_PROTO_DOWN.
    pub proto_down: bool,
    /// Counters.
    pub stats: LinkStats,
    /// IPv4 addresses, in Linux's list order.
    pub addrs4: Vec<Ifa4>,
    /// IPv6 addresses, in Linux's list order.
    pub addrs6: Vec<Ifa6>,
    /// IPv6 address generation mode (IN6_ADDR_GEN_MODE_*).
    pub addr_gen_mode: u8,
    /// IPv6's own MTU (devconf mtu6), which follows the device MTU only
    /// after the change is announced.
    pub mtu6: u32,
    /// A queueing discipline was attached (at the first time up): `noqueue`
    /// from then on, `noop` before.
    pub qdisc_attached: bool,
    /// Unicast addresses added to the device's own list (`dev->uc`, by
    /// `bridge fdb add ... self`), oldest first.
    pub uc_extra: Vec<[u8; 6]>,
    /// Multicast addresses added to the device's own list (`dev->mc`)
    /// by `bridge fdb add ... self`, oldest first, each marked when it
    /// joined while the device was up (after the groups that opening the
    /// device joins; opening it again puts those groups after it).
    pub mc_extra: Vec<([u8; 6], bool)>,
    /// addrconf considers the device ready (IF_READY in IFLA_INET6_FLAGS).
    pub inet6_ready: bool,
    /// The device has no IPv6 state (no `inet6_dev`): its MTU is below
    /// IPv6's minimum of 1280, now or when it was registered.
    pub no_inet6: bool,
    /// IPv6 sent a router solicitation (IF_RS_SENT): its link-local
    /// address finished DAD while it accepted router advertisements.
    pub inet6_rs_sent: bool,
    /// The spanning-tree state of a bridge port (BR_STATE_*).
    pub port_state: u8,
    /// Its settings as a bridge port (meaningful while it has a bridge
    /// master; reset when it joins one).
    pub port_conf: PortConf,
    /// The largest TSO packet the device takes (IFLA_TSO_MAX_SIZE).
    pub tso_max_size: u32,
    /// When a bridge port's forward-delay timer was armed (ms on the
    /// stack's clock), while it runs.
    pub fwd_delay_armed_ms: Option<u64>,
    /// Time the device was created (ms).
    pub created_ms: u64,
}

impl Link {
    fn base(index: u32, name: &str, kind: LinkKind) -> Link {
        Link {
            index,
            name: name.to_string(),
            kind,
            flags: iff::BROADCAST | iff::MULTICAST,
            mtu: 1500,
            min_mtu: 68,
            max_mtu: 65535,
            txqlen: 1000,
            address: vec![0; 6],
            broadcast: vec![0xff; 6],
            perm_address: None,
            alias: None,
            altnames: Vec::new(),
            headroom: 0,
            offload_limits: [65_536, 65_535, 65_536, 65_536, 65_536],
            group: 0,
            master: None,
            carrier: true,
            oper: OperState::Unknown0,
            carrier_up_count: 0,
            carrier_down_count: 0,
            carrier_off: false,
            promiscuity: 0,
            allmulti: 0,
            num_tx_queues: 1,
            num_rx_queues: 1,
            link_mode: 0,
            proto_down: false,
            stats: LinkStats::default(),
            addrs4: Vec::new(),
            addrs6: Vec::new(),
            addr_gen_mode: 0,
            inet6_ready: false,
            no_inet6: false,
            inet6_rs_sent: false,
            port_state: 0,
            port_conf: PortConf::default(),
            tso_max_size: 524_280,
            fwd_delay_armed_ms: None,
            qdisc_attached: false,
            uc_extra: Vec::new(),
            mc_extra: Vec::new(),
            mtu6: 1500,
            created_ms: 0,
        }
    }

    /// The loopback device of a fresh namespace (`loopback_setup`).
    pub fn loopback() -> Link {
        let mut l = Link::base(1, "lo", LinkKind::Loopback);
        l.flags = iff::LOOPBACK;
        l.mtu = 65536;
        l.mtu6 = 65536;
        l.min_mtu = 0;
        l.max_mtu = 0;
        l.broadcast = vec![0; 6];
        l
    }

    /// A new device of a kind, with that driver's defaults.
    pub fn new(index: u32, name: &str, kind: LinkKind, address: [u8; 6]) -> Link {
        let mut l = Link::base(index, name, kind);
        l.address = address.to_vec();
        match &l.kind {
            LinkKind::Dummy => {
                l.flags = iff::BROADCAST | iff::NOARP;
                l.min_mtu = 0;
                l.max_mtu = 0;
            }
            // netif_carrier_off() at creation counts one carrier loss and lets
            // the link watch set the state to DOWN.
            LinkKind::Bridge(_) | LinkKind::Veth { .. } => {
                l.carrier = false;
                l.carrier_down_count = 1;
            }
            _ => {}
        }
        // A bridge starts with the default TSO limit (GSO_LEGACY_MAX_SIZE)
        // and inherits its ports' (netif_inherit_tso_max).
        if matches!(l.kind, LinkKind::Bridge(_)) {
            l.tso_max_size = 65_536;
        }
        l
    }

    /// ARPHRD_* type.
    pub fn link_type(&self) -> u16 {
        match self.kind {
            LinkKind::Loopback => arphrd::LOOPBACK,
            _ => arphrd::ETHER,
        }
    }

    /// Whether the device is administratively up.
    pub fn is_up(&self) -> bool {
        self.flags & iff::UP != 0
    }

    /// Whether this is the loopback device.
    pub fn is_loopback(&self) -> bool {
        self.flags & iff::LOOPBACK != 0
    }

    /// Whether it is up with carrier (IFF_RUNNING).
    pub fn is_running(&self) -> bool {
        self.is_up() && self.carrier
    }

    /// `ifi_flags` as netlink reports them (`dev_get_flags`): RUNNING follows
    /// the stored operational state, LOWER_UP the carrier.
    pub fn netlink_flags(&self) -> u32 {
        let mut f = self.flags;
        if self.is_up() {
            if matches!(self.oper, OperState::Up | OperState::Unknown0) {
                f |= iff::RUNNING;
            }
            if self.carrier {
                f |= iff::LOWER_UP;
            }
        }
        f
    }

    /// The ifindex `dev_get_iflink` reports: the peer or lower device, else itself.
    pub fn iflink(&self) -> u32 {
        match &self.kind {
            LinkKind::Veth { peer: Some((_, i)) } => *i,
            LinkKind::Veth { peer: None } => 0,
            LinkKind::Macvlan { lower, .. } | LinkKind::Vlan { lower, .. } => *lower,
            _ => self.index,
        }
    }

    /// The operational state netlink reports: the stored one while up, else DOWN.
    pub fn operstate(&self) -> OperState {
        if self.is_up() { self.oper } else { OperState::Down }
    }

    /// The IPv6 EUI-64 interface identifier (`addrconf_ifid_eui48`).
    pub fn eui64(&self) -> Option<u64> {
        let [a0, a1, a2, a3, a4, a5] = self.address[..] else {
            return None;
        };
        let id = [a0 ^ 0x02, a1, a2, 0xff, 0xfe, a3, a4, a5];
        Some(u64::from_be_bytes(id))
    }
}

/// A deterministic locally administered MAC for a new device
/// (Linux picks one at random with `eth_hw_addr_random`).
pub fn derived_mac(seed: u64) -> [u8; 6] {
    let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    let b = z.to_be_bytes();
    [(b[0] & 0xfe) | 0x02, b[1], b[2], b[3], b[4], b[5]]
}

/// Whether a device name is valid (`dev_valid_name`).
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() < 16
        && name != "."
        && name != ".."
        && !name.bytes().any(|b| b == b'/' || b == b':' || b.is_ascii_whitespace())
}

/// Deletes a device (`rtnl_dellink` → `unregister_netdevice_many`): a veth
/// goes with its peer, stacked devices with their lower one. `lo` cannot be
/// deleted.
pub fn delete_link(net: &mut Net, ns: NsId, index: u32) -> KResult<Vec<Event>> {
    let link = net.ns(ns).and_then(|n| n.link(index)).ok_or(KernelError::new(Errno::ENODEV))?;
    if matches!(link.kind, LinkKind::Loopback) {
        return Err(KernelError::new(Errno::EOPNOTSUPP));
    }
    let mut list = vec![(ns, index)];
    if let LinkKind::Veth { peer: Some(p) } = link.kind {
        list.push(p);
        // `veth_dellink` forgets both peers before unregistering, so every
        // message from here on carries IFLA_LINK 0 ("d0@NONE", measured).
        for &(lns, li) in &[(ns, index), p] {
            if let Some(l) = net.ns_mut(lns).and_then(|n| n.link_mut(li)) {
                l.kind = LinkKind::Veth { peer: None };
            }
        }
    }
    Ok(unregister_many(net, list))
}

/// Deletes every device of a group (`rtnl_group_dellink`): group 0 may not
/// be deleted, a group without devices is ENODEV, one holding a device
/// that cannot be deleted (`lo`) is EOPNOTSUPP; the rest go as one batch.
pub fn delete_group(net: &mut Net, ns: NsId, group: u32) -> KResult<Vec<Event>> {
    if group == 0 {
        return Err(KernelError::new(Errno::EPERM));
    }
    let nsr = net.ns(ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let members: Vec<&Link> = nsr.links.values().filter(|l| l.group == group).collect();
    if members.is_empty() {
        return Err(KernelError::new(Errno::ENODEV));
    }
    if members.iter().any(|l| matches!(l.kind, LinkKind::Loopback)) {
        return Err(KernelError::new(Errno::EOPNOTSUPP));
    }
    // Each dellink queues its device at the tail, a veth its peer too
    // unless an earlier dellink already parted the pair.
    let mut list: Vec<(NsId, u32)> = Vec::new();
    let queue = |list: &mut Vec<(NsId, u32)>, dev: (NsId, u32)| {
        list.retain(|d| *d != dev);
        list.push(dev);
    };
    let mut parted: Vec<(NsId, u32)> = Vec::new();
    for l in &members {
        queue(&mut list, (ns, l.index));
        if let LinkKind::Veth { peer: Some(p) } = l.kind {
            if !parted.contains(&(ns, l.index)) {
                queue(&mut list, p);
                parted.extend([(ns, l.index), p]);
            }
        }
    }
    for &(lns, li) in &parted {
        if let Some(l) = net.ns_mut(lns).and_then(|n| n.link_mut(li)) {
            l.kind = LinkKind::Veth { peer: None };
        }
    }
    Ok(unregister_many(net, list))
}

/// Unregisters devices as one batch: all of them are closed first
/// (`dev_close_many`), then each is torn down and announced gone in order.
pub fn unregister_many(net: &mut Net, mut list: Vec<(NsId, u32)>) -> Vec<Event> {
    // Devices stacked on a device in the list go too (NETDEV_UNREGISTER).
    let mut i = 0;
    while i < list.len() {
        let (ns, index) = list[i];
        if let Some(nsr) = net.ns(ns) {
            for l in nsr.links.values() {
                if matches!(l.kind, LinkKind::Macvlan { lower, .. } | LinkKind::Vlan { lower, .. } if lower == index)
                    && !list.contains(&(ns, l.index))
                {
                    list.push((ns, l.index));
                }
            }
        }
        i += 1;
    }
    let mut events = close_many(net, &list, iff::UP | iff::RUNNING);
    for &(ns, index) in &list {
        events.extend(teardown(net, ns, index));
    }
    events
}

/// Removes one closed device and everything that hangs on it.
fn teardown(net: &mut Net, ns: NsId, index: u32) -> Vec<Event> {
    let mut events = Vec::new();
    let Some(nsr) = net.ns_mut(ns) else { return events };
    if nsr.link(index).is_none() {
        return events;
    }
    // Ports leave a bridge being deleted (br_dev_delete); a port being
    // deleted leaves its bridge (br_del_if).
    let ports: Vec<u32> = nsr.links.values().filter(|l| l.master == Some(index)).map(|l| l.index).collect();
    for p in ports {
        events.extend(super::bridge::del_port(net, ns, p, false));
    }
    events.extend(super::bridge::del_port(net, ns, index, true));
    let Some(nsr) = net.ns_mut(ns) else { return events };
    // IPv4 addresses go (inetdev_destroy), each with its routes.
    while nsr.link(index).is_some_and(|l| !l.addrs4.is_empty()) {
        let last = nsr.link(index).map_or(0, |l| l.addrs4.len() - 1);
        events.extend(super::addr::remove_v4_at(nsr, index, last));
    }
    events.extend(super::ipv6::ifdown(nsr, index, true));
    // Remaining routes through the device, in every table (fib_disable_ip, force).
    let id = nsr.id;
    // As on link down, the IPv4 flush is silent.
    let _ = nsr.fib4.remove_where(|r| r.uses_dev(index));
    for r in nsr.fib6.remove_where(|r| r.uses_dev(index)) {
        events.push(Event::Route6 { ns: id, new: false, route: r, nlflags: 0 });
    }
    events.extend(super::neigh::flush_dev(nsr, index));
    events.push(Event::Netconf { ns, family: crate::wire::AF_INET, ifindex: index as i32, new: false });
    events.push(Event::Netconf { ns, family: crate::wire::AF_INET6, ifindex: index as i32, new: false });
    net.linkwatch_queue.retain(|&(n, i)| (n, i) != (ns, index));
    let Some(nsr) = net.ns_mut(ns) else { return events };
    if let Some(l) = nsr.links.remove(&index) {
        nsr.sysctl.forget_device(&l.name);
        events.push(Event::DelLink { ns, link: Box::new(l) });
    }
    // A veth whose peer vanished keeps no reference to it.
    for other in net.namespaces.values_mut() {
        for l in other.links.values_mut() {
            if let LinkKind::Veth { peer: Some((pns, pidx)) } = l.kind {
                if pns == ns && pidx == index {
                    l.kind = LinkKind::Veth { peer: None };
                }
            }
        }
    }
    events
}

/// Brings a device up or down (`dev_open` / `dev_close` via
/// `dev_change_flags`) with every side effect, in the order Linux notifies.
pub fn set_up(net: &mut Net, ns: NsId, index: u32, up: bool) -> KResult<Vec<Event>> {
    let link = net.ns(ns).and_then(|n| n.link(index)).ok_or(KernelError::new(Errno::ENODEV))?;
    if link.is_up() == up {
        return Ok(Vec::new());
    }
    // vlan_dev_open: a VLAN needs its real device up.
    if let LinkKind::Vlan { lower, .. } = link.kind {
        if up && !net.ns(ns).and_then(|n| n.link(lower)).is_some_and(|l| l.is_up()) {
            return Err(Errno::ENETDOWN.into());
        }
    }
    let mut events = if up { open(net, ns, index) } else { close_many(net, &[(ns, index)], iff::UP) };
    events.extend(vlans_follow(net, ns, index, up));
    Ok(events)
}

/// `vlan_device_event`: the VLANs on a device follow it up and down.
fn vlans_follow(net: &mut Net, ns: NsId, index: u32, up: bool) -> Vec<Event> {
    let mut events = Vec::new();
    let vlans: Vec<u32> = net
        .ns(ns)
        .map(|n| {
            n.links
                .values()
                .filter(|l| matches!(l.kind, LinkKind::Vlan { lower, .. } if lower == index) && l.is_up() != up)
                .map(|l| l.index)
                .collect()
        })
        .unwrap_or_default();
    if up {
        for v in vlans {
            events.extend(open(net, ns, v));
        }
    } else if !vlans.is_empty() {
        let list: Vec<(NsId, u32)> = vlans.into_iter().map(|v| (ns, v)).collect();
        events.extend(close_many(net, &list, iff::UP | iff::RUNNING));
    }
    events
}

/// `dev_close`, as a device leaving for another namespace is closed: the
/// announcement says IFF_UP|IFF_RUNNING changed (`dev_close_many`).
pub fn dev_close(net: &mut Net, ns: NsId, index: u32) -> Vec<Event> {
    let mut events = close_many(net, &[(ns, index)], iff::UP | iff::RUNNING);
    events.extend(vlans_follow(net, ns, index, false));
    events
}

/// `__dev_open` + `__dev_notify_flags`: RTM_NEWLINK first, then the
/// NETDEV_UP chain (IPv4, then IPv6), then the link watch for carriers that
/// the driver raised.
fn open(net: &mut Net, ns: NsId, index: u32) -> Vec<Event> {
    let mut events = Vec::new();
    let Some(link) = net.ns_mut(ns).and_then(|n| n.link_mut(index)) else { return events };
    link.flags |= iff::UP;
    link.qdisc_attached = true;
    for (_, after_open) in &mut link.mc_extra {
        *after_open = false;
    }
    if let LinkKind::Bridge(c) = &mut link.kind {
        c.snoopers_rejoined = false;
    }
    let is_bridge = matches!(link.kind, LinkKind::Bridge(_));
    let pending = update_carriers(net, vec![(ns, index)]);
    if is_bridge {
        // ndo_open (br_dev_open) runs before the notification.
        events.extend(super::bridge::bridge_open(net, ns, index));
    }
    if let Some(l) = net.ns(ns).and_then(|n| n.link(index)) {
        events.push(Event::NewLink { ns, link: Box::new(l.clone()), change: iff::UP });
    }
    if let Some(nsr) = net.ns_mut(ns) {
        events.extend(super::addr::inet_netdev_up(nsr, index));
        super::route::revive_v4(nsr, index);
        events.extend(super::ipv6::netdev_up(nsr, index));
    }
    events.extend(super::bridge::port_event(net, ns, index, super::bridge::PortEvent::Up));
    events.extend(linkwatch(net, pending));
    events
}

/// `dev_close_many` + `__dev_notify_flags` for each: RTM_NEWLINK, then the
/// NETDEV_DOWN chain (routes, IPv6 addresses, neighbours); then the link
/// watch for the carriers that dropped elsewhere. `change` is the
/// announced ifi_change: IFF_UP from `dev_change_flags`, IFF_UP|IFF_RUNNING
/// from `dev_close_many` itself (unregistering, stacked devices following
/// their lower one).
fn close_many(net: &mut Net, list: &[(NsId, u32)], change: u32) -> Vec<Event> {
    let mut events = Vec::new();
    let mut pending = Vec::new();
    for &(ns, index) in list {
        let Some(link) = net.ns_mut(ns).and_then(|n| n.link_mut(index)) else { continue };
        if !link.is_up() {
            continue;
        }
        link.flags &= !iff::UP;
        let is_bridge = matches!(link.kind, LinkKind::Bridge(_));
        for p in update_carriers(net, vec![(ns, index)]) {
            if !pending.contains(&p) {
                pending.push(p);
            }
        }
        if is_bridge {
            // ndo_stop (br_dev_stop) runs before the notification.
            events.extend(super::bridge::bridge_stop(net, ns, index));
        }
        let Some(nsr) = net.ns_mut(ns) else { continue };
        if let Some(l) = nsr.link(index) {
            events.push(Event::NewLink { ns, link: Box::new(l.clone()), change });
        }
        events.extend(fib_sync_down(nsr, index, true));
        events.extend(super::ipv6::ifdown(nsr, index, false));
        events.extend(super::neigh::flush_dev(nsr, index));
        events.extend(super::bridge::port_event(net, ns, index, super::bridge::PortEvent::Down));
    }
    events.extend(linkwatch(net, pending));
    events
}

/// The link watch (`linkwatch_fire_event`): devices whose carrier changed
/// are queued. The work needs the RTNL lock the request holds, so even
/// urgent events are handled once the request is done ([`settle_linkwatch`]):
/// each device gets its RFC 2863 state and, if it is up, NETDEV_CHANGE
/// (IPv6 "link becomes ready", neighbour flush on loss) and an RTM_NEWLINK.
fn linkwatch(net: &mut Net, pending: Vec<(NsId, u32)>) -> Vec<Event> {
    for p in pending {
        if !net.linkwatch_queue.contains(&p) {
            net.linkwatch_queue.push(p);
        }
    }
    Vec::new()
}

/// What the link watch has done once the request released the lock (and,
/// for non-urgent events, up to a second later): every queued event is
/// handled. The simulator shows this settled state after each request.
pub fn settle_linkwatch(net: &mut Net) -> Vec<Event> {
    let mut events = Vec::new();
    // Events queued while the queue runs (a bridge whose port started
    // forwarding) are handled by the next run.
    for _ in 0..16 {
        if net.linkwatch_queue.is_empty() {
            break;
        }
        events.extend(run_linkwatch(net));
    }
    events
}

/// `__linkwatch_run_queue`: every queued device gets its RFC 2863 state;
/// those that are up also get NETDEV_CHANGE and an RTM_NEWLINK.
fn run_linkwatch(net: &mut Net) -> Vec<Event> {
    let mut events = Vec::new();
    let queue = std::mem::take(&mut net.linkwatch_queue);
    for (ns, index) in queue {
        let mut oper = default_operstate(net, ns, index);
        // rfc2863_policy: a device in dormant (testing) link mode waits
        // in DORMANT (TESTING) for user space to say it is up.
        if oper == OperState::Up {
            match net.ns(ns).and_then(|n| n.link(index)).map(|l| l.link_mode) {
                Some(1) => oper = OperState::Dormant,
                Some(2) => oper = OperState::Testing,
                _ => {}
            }
        }
        let Some(nsr) = net.ns_mut(ns) else { continue };
        let Some(link) = nsr.link_mut(index) else { continue };
        link.oper = oper;
        if !link.is_up() {
            continue;
        }
        let carrier = link.carrier;
        super::route::sync_carrier(nsr, index);
        if carrier {
            events.extend(super::ipv6::netdev_change(nsr, index));
        } else {
            events.extend(super::neigh::carrier_down(nsr, index));
        }
        events.extend(super::bridge::port_event(net, ns, index, super::bridge::PortEvent::Change));
        let Some(nsr) = net.ns_mut(ns) else { continue };
        if let Some(l) = nsr.link(index) {
            events.push(Event::NewLink { ns, link: Box::new(l.clone()), change: 0 });
        }
    }
    events
}

/// `default_operstate`: UP with carrier; without it LOWERLAYERDOWN when the
/// device's iflink (looked up in its own namespace, as Linux does) exists and
/// has no carrier either, else DOWN.
fn default_operstate(net: &Net, ns: NsId, index: u32) -> OperState {
    let Some(nsr) = net.ns(ns) else { return OperState::Down };
    let Some(link) = nsr.link(index) else { return OperState::Down };
    if link.carrier {
        return OperState::Up;
    }
    let iflink = link.iflink();
    if iflink == index {
        return OperState::Down;
    }
    match nsr.link(iflink) {
        Some(peer) if !peer.carrier => OperState::LowerLayerDown,
        _ => OperState::Down,
    }
}

/// Deletes the routes that go through a device that went down
/// (`fib_sync_down_dev` + `fib_flush`): all except host-scope ones; multipath
/// routes lose only that next hop while another one lives.
pub fn fib_sync_down(nsr: &mut super::Namespace, index: u32, admin_down: bool) -> Vec<Event> {
    let mut events = Vec::new();
    if !admin_down {
        return events;
    }
    fib_disable_v4(nsr, index, false);
    events.extend(super::ipv6::routes_down(nsr, index, false, true));
    events
}

/// `fib_sync_down_dev` for NETDEV_DOWN and `fib_flush`: the device's next
/// hops of multipath routes become dead and link-down, and routes left
/// with no live next hop go, silently (no RTM_DELROUTE). Host-scope routes
/// stay unless `force` (`fib_disable_ip` when the device's last IPv4
/// address goes).
pub fn fib_disable_v4(nsr: &mut super::Namespace, index: u32, force: bool) {
    let dead = crate::wire::route::rtnh_f::DEAD;
    nsr.fib4.for_each_mut(|r| {
        if r.nexthops.len() > 1 {
            for nh in r.nexthops.iter_mut().filter(|nh| nh.ifindex == index) {
                nh.flags |= dead | crate::wire::route::rtnh_f::LINKDOWN;
            }
        }
    });
    let _ = nsr.fib4.remove_where(|r| {
        r.uses_dev(index)
            && r.nexthops
                .iter()
                .all(|nh| nh.ifindex == index && (force || nh.scope != crate::wire::route::scope::NOWHERE) || nh.flags & dead != 0)
    });
}

/// Recomputes the carrier of the given devices and of every device whose
/// carrier depends on them (veth peer, bridge, stacked devices), counting
/// transitions; returns the devices whose carrier changed, in order.
fn update_carriers(net: &mut Net, start: Vec<(NsId, u32)>) -> Vec<(NsId, u32)> {
    let mut changed = Vec::new();
    // A queue: `todo[next..]` is still to visit.
    let mut todo = start;
    let mut next = 0;
    let mut visits = 0;
    while let Some(&(n, i)) = todo.get(next) {
        next += 1;
        visits += 1;
        if visits > 256 {
            break;
        }
        let Some(want) = wanted_carrier(net, n, i) else { continue };
        let Some(nsr) = net.ns_mut(n) else { continue };
        let Some(kind) = nsr.link(i).map(|l| l.kind.clone()) else { continue };
        let dependents = dependents_of(nsr, i, &kind, n);
        let Some(link) = nsr.link_mut(i) else { continue };
        if link.carrier != want {
            link.carrier = want;
            if want {
                link.carrier_up_count += 1;
            } else {
                link.carrier_down_count += 1;
            }
            if !changed.contains(&(n, i)) {
                changed.push((n, i));
            }
            todo.extend(dependents);
        } else if changed.is_empty() && next >= todo.len() {
            // The device itself did not change; its dependents may still (veth open).
            todo.extend(dependents);
        }
    }
    changed
}

/// `dev_set_mtu` once checked: the new MTU, RTM_NEWLINK, then addrconf's
/// NETDEV_CHANGEMTU (IPv6 follows from 1280 up, and leaves below it).
pub fn set_mtu(ns: &mut super::namespace::Namespace, index: u32, mtu: u32) -> Vec<Event> {
    let id = ns.id;
    let Some(l) = ns.link_mut(index) else { return Vec::new() };
    if l.mtu == mtu {
        return Vec::new();
    }
    l.mtu = mtu;
    let mut events = vec![Event::NewLink { ns: id, link: Box::new(l.clone()), change: 0 }];
    if mtu >= 1280 {
        l.mtu6 = mtu;
    }
    events.extend(super::ipv6::mtu_changed(ns, index));
    events
}

/// Recomputes carriers after a change outside open/close (enslaving,
/// moving), running the link watch for what changed.
pub fn refresh_carriers(net: &mut Net, ns: NsId, index: u32) -> Vec<Event> {
    let pending = update_carriers(net, vec![(ns, index)]);
    linkwatch(net, pending)
}

fn dependents_of(nsr: &super::Namespace, index: u32, kind: &LinkKind, ns: NsId) -> Vec<(NsId, u32)> {
    let mut out: Vec<(NsId, u32)> = nsr
        .links
        .values()
        .filter(|l| matches!(l.kind, LinkKind::Macvlan { lower, .. } | LinkKind::Vlan { lower, .. } if lower == index))
        .map(|l| (ns, l.index))
        .collect();
    if let Some(m) = nsr.link(index).and_then(|l| l.master) {
        out.push((ns, m));
    }
    if let LinkKind::Veth { peer: Some(p) } = kind {
        out.push(*p);
    }
    out
}

/// What a device's carrier should be now, by its driver's rules.
fn wanted_carrier(net: &Net, ns: NsId, index: u32) -> Option<bool> {
    let nsr = net.ns(ns)?;
    let link = nsr.link(index)?;
    // dev_change_proto_down: protodown keeps the carrier off.
    if link.proto_down {
        return Some(false);
    }
    Some(match &link.kind {
        LinkKind::Loopback | LinkKind::Vxlan(_) => true,
        // dummy_change_carrier
        LinkKind::Dummy => !link.carrier_off,
        LinkKind::Veth { peer } => {
            link.is_up() && peer.is_some_and(|(pn, pi)| net.ns(pn).and_then(|n| n.link(pi)).is_some_and(|p| p.is_up()))
        }
        // br_port_state_selection: carrier while a port forwards.
        LinkKind::Bridge(_) => {
            link.is_up() && nsr.links.values().any(|p| p.master == Some(index) && p.port_state == super::bridge::FORWARDING)
        }
        LinkKind::Macvlan { lower, .. } | LinkKind::Vlan { lower, .. } => nsr.link(*lower).is_some_and(|l| l.carrier),
    })
}
