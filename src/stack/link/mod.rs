//! Network devices: their kinds, state and the side effects of creating,
//! changing and deleting them (net/core/dev.c, rtnetlink.c `do_setlink`,
//! drivers/net/veth.c, net/bridge, drivers/net/macvlan.c, dummy.c, 8021q).
//! What a device's change does to addresses, routes, neighbours, IPv6 and
//! bridge ports goes through the notifier chain ([`crate::stack::notifier`]).

use crate::stack::NsId;
use crate::stack::addr::{Ifa4, Ifa6};
use crate::wire::link::{OperState, arphrd, iff};

mod carrier;
mod fib_sync;
mod unregister;
mod updown;

pub use carrier::{refresh_carriers, settle_linkwatch};
pub use fib_sync::fib_disable_v4;
pub use unregister::{delete_group, delete_link, unregister_many};
pub(crate) use updown::{close_many, open};
pub use updown::{dev_close, set_mtu, set_up};

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
        /// The address is the real device's (NET_ADDR_STOLEN): it follows
        /// the real device's (`vlan_dev_inherit_address`).
        stolen: bool,
        /// The priority maps.
        qos: Box<crate::stack::vlan_qos::VlanQos>,
    },
    /// A VXLAN tunnel device with its forwarding database.
    Vxlan(Box<crate::stack::vxlan::Vxlan>),
    /// An L3 master device binding its ports to a routing table
    /// (drivers/net/vrf.c).
    Vrf {
        /// The table its ports' routes and lookups use (IFLA_VRF_TABLE).
        table: u32,
    },
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
            LinkKind::Vrf { .. } => Some("vrf"),
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
    /// Its place in the bridge's port list: ports join at the head
    /// (`list_add_rcu` in `br_add_if`), so the highest number is the first.
    pub joined: u32,
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
        PortConf { priority: 32, cost: 2, flags: on(&[8, 9, 27, 30]), group_fwd_mask: 0, mcast_router: 1, no: 0, joined: 0 }
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
    /// IPv6's link-local all-routers group (33:33:00:00:00:02), joined
    /// while the device forwards (`ipv6_add_dev`, `dev_forward_change`):
    /// whether it joined while the device was up (after what opening it
    /// joined), `None` when not joined.
    pub mc6_allrouters: Option<bool>,
    /// addrconf considers the device ready (IF_READY in IFLA_INET6_FLAGS).
    pub inet6_ready: bool,
    /// IPv6's groups left the device's multicast list (`ipv6_mc_down`:
    /// it went down while ready) and `ipv6_mc_up` has not loaded them
    /// again; groups joined since are in the list.
    pub mc6_dropped: bool,
    /// `ipv6_mc_up` loaded IPv6's groups again after a drop: the
    /// all-nodes group now comes after IPv4's all-hosts group.
    pub mc6_reloaded: bool,
    /// IPv6 anycast addresses the device joined (`idev->ac_list`), newest
    /// first, each with its count of users (`aca_users`); each has its
    /// `anycast` route in table local (src/stack/ipv6/anycast.rs).
    pub anycast6: Vec<(u128, u32)>,
    /// The device has no IPv6 state (no `inet6_dev`): its MTU is below
    /// IPv6's minimum of 1280, now or when it was registered.
    pub no_inet6: bool,
    /// The device has no IPv4 state (no `in_device`): its MTU went below
    /// IPv4's minimum of 68 (`inetdev_destroy`); back at 68 it gets an
    /// empty one again (`inetdev_init`).
    pub no_inet4: bool,
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
    /// NETREG_UNREGISTERING: the device is being deleted (not moved to
    /// another namespace) while NETDEV_UNREGISTER runs; it announces no
    /// more RTM_NEWLINK (`rtmsg_ifinfo_event` checks NETREG_REGISTERED).
    pub unregistering: bool,
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
            mc6_dropped: false,
            mc6_reloaded: false,
            anycast6: Vec::new(),
            no_inet6: false,
            no_inet4: false,
            inet6_rs_sent: false,
            port_state: 0,
            port_conf: PortConf::default(),
            tso_max_size: 524_280,
            fwd_delay_armed_ms: None,
            qdisc_attached: false,
            uc_extra: Vec::new(),
            mc_extra: Vec::new(),
            mc6_allrouters: None,
            mtu6: 1500,
            created_ms: 0,
            unregistering: false,
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
            // vrf_setup: MTU from IPV6_MIN_MTU to IP6_MAX_MTU, starting at
            // the maximum; vrf_dev_init: MASTER and NOARP only, and the
            // operational state UP ("irrelevant; set to up").
            LinkKind::Vrf { .. } => {
                l.flags = iff::MASTER | iff::NOARP;
                l.min_mtu = 1280;
                l.max_mtu = 65_575;
                l.mtu = 65_575;
                l.oper = OperState::Up;
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
