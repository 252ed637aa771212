//! `struct ifinfomsg` and the `IFLA_*` attributes of RTM_{NEW,DEL,GET,SET}LINK
//! (include/uapi/linux/rtnetlink.h, if_link.h, if.h).

use super::schema::{Space, nla_space};
use super::{WireError, get_i32, get_u16, get_u32};

mod field {
    pub const FAMILY: usize = 0;
    pub const TYPE: usize = 2;
    pub const INDEX: usize = 4;
    pub const FLAGS: usize = 8;
    pub const CHANGE: usize = 12;
}

/// Size of `struct ifinfomsg`.
pub const IFINFOMSG_LEN: usize = 16;

/// A parsed `ifinfomsg`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IfInfoRepr {
    /// `ifi_family` (AF_UNSPEC for links).
    pub family: u8,
    /// `ifi_type`: the ARPHRD_* hardware type.
    pub link_type: u16,
    /// `ifi_index`.
    pub index: i32,
    /// `ifi_flags`: IFF_* flags.
    pub flags: u32,
    /// `ifi_change`: which flags a request changes.
    pub change: u32,
}

impl IfInfoRepr {
    /// Reads an `ifinfomsg` from the start of a message payload.
    pub fn parse(buf: &[u8]) -> Result<Self, WireError> {
        if buf.len() < IFINFOMSG_LEN {
            return Err(WireError::Truncated);
        }
        Ok(IfInfoRepr {
            family: buf[field::FAMILY],
            link_type: get_u16(buf, field::TYPE).ok_or(WireError::Truncated)?,
            index: get_i32(buf, field::INDEX).ok_or(WireError::Truncated)?,
            flags: get_u32(buf, field::FLAGS).ok_or(WireError::Truncated)?,
            change: get_u32(buf, field::CHANGE).ok_or(WireError::Truncated)?,
        })
    }

    /// The structure's 16 bytes.
    pub fn to_bytes(&self) -> [u8; IFINFOMSG_LEN] {
        let mut b = [0u8; IFINFOMSG_LEN];
        b[field::FAMILY] = self.family;
        super::put_bytes(&mut b, field::TYPE, &self.link_type.to_ne_bytes());
        super::put_bytes(&mut b, field::INDEX, &self.index.to_ne_bytes());
        super::put_bytes(&mut b, field::FLAGS, &self.flags.to_ne_bytes());
        super::put_bytes(&mut b, field::CHANGE, &self.change.to_ne_bytes());
        b
    }
}

nla_space! {
    /// `IFLA_*`: the attributes of a link message (`ifla_policy`).
    pub mod ifla = "IFLA_" {
        UNSPEC = 0: Unspec,
        ADDRESS = 1: LlAddr,
        BROADCAST = 2: LlAddr,
        IFNAME = 3: String,
        MTU = 4: U32,
        LINK = 5: U32,
        QDISC = 6: String,
        STATS = 7: Struct(super::LINK_STATS_NAMES, 4),
        COST = 8: Unspec,
        PRIORITY = 9: Unspec,
        MASTER = 10: U32,
        WIRELESS = 11: Unspec,
        PROTINFO = 12: Binary,
        TXQLEN = 13: U32,
        MAP = 14: Binary,
        WEIGHT = 15: U32,
        OPERSTATE = 16: Enum(super::OPER_NAMES),
        LINKMODE = 17: U8,
        LINKINFO = 18: Nested(&super::info::SPACE),
        NET_NS_PID = 19: U32,
        IFALIAS = 20: String,
        NUM_VF = 21: U32,
        VFINFO_LIST = 22: Unspec,
        STATS64 = 23: Struct(super::LINK_STATS_NAMES, 8),
        VF_PORTS = 24: Unspec,
        PORT_SELF = 25: Unspec,
        AF_SPEC = 26: Nested(&super::AF_SPEC_SPACE),
        GROUP = 27: U32,
        NET_NS_FD = 28: S32,
        EXT_MASK = 29: U32,
        PROMISCUITY = 30: U32,
        NUM_TX_QUEUES = 31: U32,
        NUM_RX_QUEUES = 32: U32,
        CARRIER = 33: U8,
        PHYS_PORT_ID = 34: Binary,
        CARRIER_CHANGES = 35: U32,
        PHYS_SWITCH_ID = 36: Binary,
        LINK_NETNSID = 37: S32,
        PHYS_PORT_NAME = 38: String,
        PROTO_DOWN = 39: U8,
        GSO_MAX_SEGS = 40: U32,
        GSO_MAX_SIZE = 41: U32,
        PAD = 42: Binary,
        XDP = 43: Nested(&super::xdp::SPACE),
        EVENT = 44: U32,
        NEW_NETNSID = 45: S32,
        TARGET_NETNSID = 46: S32,
        CARRIER_UP_COUNT = 47: U32,
        CARRIER_DOWN_COUNT = 48: U32,
        NEW_IFINDEX = 49: S32,
        MIN_MTU = 50: U32,
        MAX_MTU = 51: U32,
        /// Alternative names, as IFLA_ALT_IFNAME attributes of this space.
        PROP_LIST = 52: Nested(&super::ifla::SPACE),
        ALT_IFNAME = 53: String,
        PERM_ADDRESS = 54: LlAddr,
        PROTO_DOWN_REASON = 55: Binary,
        PARENT_DEV_NAME = 56: String,
        PARENT_DEV_BUS_NAME = 57: String,
        GRO_MAX_SIZE = 58: U32,
        TSO_MAX_SIZE = 59: U32,
        TSO_MAX_SEGS = 60: U32,
        ALLMULTI = 61: U32,
        DEVLINK_PORT = 62: Binary,
        GSO_IPV4_MAX_SIZE = 63: U32,
        GRO_IPV4_MAX_SIZE = 64: U32,
        DPLL_PIN = 65: Nested(&super::DPLL_PIN_SPACE),
        MAX_PACING_OFFLOAD_HORIZON = 66: U32,
        NETNS_IMMUTABLE = 67: U8,
        HEADROOM = 68: U16,
        TAILROOM = 69: U16,
    }
}

/// The counters of `struct rtnl_link_stats` (IFLA_STATS, u32 each) and
/// `struct rtnl_link_stats64` (IFLA_STATS64, u64 each), in order.
pub const LINK_STATS_NAMES: &str = "rx_packets tx_packets rx_bytes tx_bytes rx_errors tx_errors rx_dropped tx_dropped \
     multicast collisions rx_length_errors rx_over_errors rx_crc_errors rx_frame_errors \
     rx_fifo_errors rx_missed_errors tx_aborted_errors tx_carrier_errors tx_fifo_errors \
     tx_heartbeat_errors tx_window_errors rx_compressed tx_compressed rx_nohandler";

/// The names of the RFC 2863 operational states (`IF_OPER_*`), by value.
pub const OPER_NAMES: &str = "UNKNOWN NOTPRESENT DOWN LOWERLAYERDOWN TESTING DORMANT UP";

/// IFLA_DPLL_PIN's attributes (the DPLL family's own numbers).
pub static DPLL_PIN_SPACE: Space = Space::opaque("IFLA_DPLL_PIN_");

/// IFLA_AF_SPEC holds one nest per address family, numbered by the family;
/// [`af_spec_space`] gives each family's space.
pub static AF_SPEC_SPACE: Space = Space::opaque("AF_SPEC_");

/// The space of the IFLA_AF_SPEC nest of address family `family`.
pub fn af_spec_space(family: u16) -> &'static Space {
    match family {
        2 => &inet::SPACE,
        10 => &inet6::SPACE,
        _ => &AF_SPEC_SPACE,
    }
}

nla_space! {
    /// `IFLA_INFO_*`: the parts of IFLA_LINKINFO.
    pub mod info = "IFLA_INFO_" {
        UNSPEC = 0: Unspec,
        KIND = 1: String,
        DATA = 2: ByName(super::info::KIND, super::info_data_space),
        XSTATS = 3: Binary,
        SLAVE_KIND = 4: String,
        SLAVE_DATA = 5: ByName(super::info::SLAVE_KIND, super::slave_data_space),
    }
}

/// IFLA_INFO_DATA of a kind this codec has no space for.
pub static INFO_DATA_SPACE: Space = Space::opaque("INFO_DATA_");
/// IFLA_INFO_SLAVE_DATA of a kind this codec has no space for.
pub static SLAVE_DATA_SPACE: Space = Space::opaque("SLAVE_DATA_");

/// The space of IFLA_INFO_DATA for a link of kind `kind`.
pub fn info_data_space(kind: &str) -> &'static Space {
    match kind {
        "veth" => &veth_info::SPACE,
        "bridge" => &br::SPACE,
        "macvlan" | "macvtap" => &macvlan::SPACE,
        "vlan" => &vlan::SPACE,
        "vxlan" => &vxlan::SPACE,
        "vrf" => &vrf::SPACE,
        _ => &INFO_DATA_SPACE,
    }
}

/// The space of IFLA_INFO_SLAVE_DATA for a port of a master of kind `kind`.
pub fn slave_data_space(kind: &str) -> &'static Space {
    match kind {
        "bridge" => &brport::SPACE,
        "vrf" => &vrf_port::SPACE,
        _ => &SLAVE_DATA_SPACE,
    }
}

nla_space! {
    /// `IFLA_VRF_*`: a VRF's IFLA_INFO_DATA (drivers/net/vrf.c).
    pub mod vrf = "IFLA_VRF_" {
        UNSPEC = 0: Unspec,
        /// The routing table of the VRF.
        TABLE = 1: U32,
    }
}

nla_space! {
    /// `IFLA_VRF_PORT_*`: a VRF port's IFLA_INFO_SLAVE_DATA.
    pub mod vrf_port = "IFLA_VRF_PORT_" {
        UNSPEC = 0: Unspec,
        /// The routing table of the port's VRF.
        TABLE = 1: U32,
    }
}

nla_space! {
    /// `VETH_INFO_*`: a veth's IFLA_INFO_DATA.
    pub mod veth_info = "VETH_INFO_" {
        UNSPEC = 0: Unspec,
        /// The peer's ifinfomsg and attributes.
        PEER = 1: IfInfoPeer,
    }
}

nla_space! {
    /// `IFLA_XDP_*`.
    pub mod xdp = "IFLA_XDP_" {
        UNSPEC = 0: U32,
        FD = 1: S32,
        ATTACHED = 2: Enum("none drv skb hw multi"),
        FLAGS = 3: U32,
        PROG_ID = 4: U32,
        DRV_PROG_ID = 5: U32,
        SKB_PROG_ID = 6: U32,
        HW_PROG_ID = 7: U32,
        EXPECTED_FD = 8: S32,
    }
}

nla_space! {
    /// `IFLA_INET_*`: the AF_INET part of IFLA_AF_SPEC.
    pub mod inet = "IFLA_INET_" {
        UNSPEC = 0: Unspec,
        /// The IPV4_DEVCONF_* values, u32 each.
        CONF = 1: Struct(super::DEVCONF4_NAMES, 4),
    }
}

/// The `IPV4_DEVCONF_*` settings in IFLA_INET_CONF, from number 1.
pub const DEVCONF4_NAMES: &str = "forwarding mc_forwarding proxy_arp accept_redirects secure_redirects send_redirects \
     shared_media rp_filter accept_source_route bootp_relay log_martians tag arpfilter \
     medium_id noxfrm nopolicy force_igmp_version arp_announce arp_ignore promote_secondaries \
     arp_accept arp_notify accept_local src_vmark proxy_arp_pvlan route_localnet \
     igmpv2_unsolicited_report_interval igmpv3_unsolicited_report_interval \
     ignore_routes_with_linkdown drop_unicast_in_l2_multicast drop_gratuitous_arp \
     bc_forwarding arp_evict_nocarrier";

nla_space! {
    /// `IFLA_INET6_*`: the AF_INET6 part of IFLA_AF_SPEC.
    pub mod inet6 = "IFLA_INET6_" {
        UNSPEC = 0: Unspec,
        FLAGS = 1: U32,
        CONF = 2: Binary,
        STATS = 3: Binary,
        MCAST = 4: Unspec,
        CACHEINFO = 5: Struct("max_reasm_len tstamp reachable_time retrans_time", 4),
        ICMP6STATS = 6: Binary,
        TOKEN = 7: Addr,
        ADDR_GEN_MODE = 8: Enum("eui64 none stable_privacy random"),
        RA_MTU = 9: U32,
    }
}

/// `RTEXT_FILTER_*`: the bits of IFLA_EXT_MASK.
#[allow(missing_docs)]
pub mod rtext_filter {
    pub const VF: u32 = 1 << 0;
    pub const BRVLAN: u32 = 1 << 1;
    pub const BRVLAN_COMPRESSED: u32 = 1 << 2;
    pub const SKIP_STATS: u32 = 1 << 3;
    pub const MRP: u32 = 1 << 4;
    pub const CFM_CONFIG: u32 = 1 << 5;
    pub const CFM_STATUS: u32 = 1 << 6;
    pub const MST: u32 = 1 << 7;
}

nla_space! {
    /// `IFLA_BRIDGE_*`: IFLA_AF_SPEC of AF_BRIDGE link messages
    /// (linux/if_bridge.h).
    pub mod bridge_af = "IFLA_BRIDGE_" {
        FLAGS = 0: U16,
        MODE = 1: U16,
        /// `struct bridge_vlan_info`.
        VLAN_INFO = 2: Struct("flags vid", 2),
        VLAN_TUNNEL_INFO = 3: Nested(&super::BRIDGE_VLAN_TUNNEL_SPACE),
        MRP = 4: Nested(&super::BRIDGE_MRP_SPACE),
        CFM = 5: Nested(&super::BRIDGE_CFM_SPACE),
        MST = 6: Nested(&super::BRIDGE_MST_SPACE),
    }
}

/// IFLA_BRIDGE_VLAN_TUNNEL_INFO's attributes.
pub static BRIDGE_VLAN_TUNNEL_SPACE: Space = Space::opaque("IFLA_BRIDGE_VLAN_TUNNEL_");
/// IFLA_BRIDGE_MRP's attributes.
pub static BRIDGE_MRP_SPACE: Space = Space::opaque("IFLA_BRIDGE_MRP_");
/// IFLA_BRIDGE_CFM's attributes.
pub static BRIDGE_CFM_SPACE: Space = Space::opaque("IFLA_BRIDGE_CFM_");
/// IFLA_BRIDGE_MST's attributes.
pub static BRIDGE_MST_SPACE: Space = Space::opaque("IFLA_BRIDGE_MST_");

/// `BRIDGE_FLAGS_*`: the bits of IFLA_BRIDGE_FLAGS.
#[allow(missing_docs)]
pub mod bridge_flags {
    pub const MASTER: u16 = 1;
    pub const SELF: u16 = 2;
}

/// `BRIDGE_VLAN_INFO_*`: the bits of `bridge_vlan_info.flags`.
#[allow(missing_docs)]
pub mod bridge_vlan_info {
    pub const MASTER: u16 = 1 << 0;
    pub const PVID: u16 = 1 << 1;
    pub const UNTAGGED: u16 = 1 << 2;
    pub const RANGE_BEGIN: u16 = 1 << 3;
    pub const RANGE_END: u16 = 1 << 4;
    pub const BRENTRY: u16 = 1 << 5;
    pub const ONLY_OPTS: u16 = 1 << 6;
}

/// The names of the `IFF_*` bits, lowest first.
pub const IFF_NAMES: &str = "UP BROADCAST DEBUG LOOPBACK POINTOPOINT NOTRAILERS RUNNING NOARP PROMISC ALLMULTI MASTER \
     SLAVE MULTICAST PORTSEL AUTOMEDIA DYNAMIC LOWER_UP DORMANT ECHO";

/// `IFF_*` interface flags.
#[allow(missing_docs)]
pub mod iff {
    pub const UP: u32 = 0x1;
    pub const BROADCAST: u32 = 0x2;
    pub const DEBUG: u32 = 0x4;
    pub const LOOPBACK: u32 = 0x8;
    pub const POINTOPOINT: u32 = 0x10;
    pub const NOTRAILERS: u32 = 0x20;
    pub const RUNNING: u32 = 0x40;
    pub const NOARP: u32 = 0x80;
    pub const PROMISC: u32 = 0x100;
    pub const ALLMULTI: u32 = 0x200;
    pub const MASTER: u32 = 0x400;
    pub const SLAVE: u32 = 0x800;
    pub const MULTICAST: u32 = 0x1000;
    pub const PORTSEL: u32 = 0x2000;
    pub const AUTOMEDIA: u32 = 0x4000;
    pub const DYNAMIC: u32 = 0x8000;
    pub const LOWER_UP: u32 = 0x10000;
    pub const DORMANT: u32 = 0x20000;
    pub const ECHO: u32 = 0x40000;
}

numeric_enum! {
    /// RFC 2863 operational state (`IF_OPER_*`).
    pub enum OperState(u8) {
        Unknown0 = 0,
        NotPresent = 1,
        Down = 2,
        LowerLayerDown = 3,
        Testing = 4,
        Dormant = 5,
        Up = 6,
    }
}

/// ARPHRD_* hardware types.
#[allow(missing_docs)]
pub mod arphrd {
    pub const ETHER: u16 = 1;
    pub const TUNNEL: u16 = 768;
    pub const TUNNEL6: u16 = 769;
    pub const LOOPBACK: u16 = 772;
    pub const SIT: u16 = 776;
    pub const IPGRE: u16 = 778;
    pub const IP6GRE: u16 = 823;
    pub const NONE: u16 = 0xfffe;
    pub const VOID: u16 = 0xffff;
}

nla_space! {
    /// `IFLA_BRPORT_*`: a bridge port's attributes (IFLA_INFO_SLAVE_DATA,
    /// IFLA_PROTINFO; `br_port_policy`).
    pub mod brport = "IFLA_BRPORT_" {
        UNSPEC = 0: Unspec,
        STATE = 1: U8,
        PRIORITY = 2: U16,
        COST = 3: U32,
        MODE = 4: U8,
        GUARD = 5: U8,
        PROTECT = 6: U8,
        FAST_LEAVE = 7: U8,
        LEARNING = 8: U8,
        UNICAST_FLOOD = 9: U8,
        PROXYARP = 10: U8,
        LEARNING_SYNC = 11: U8,
        PROXYARP_WIFI = 12: U8,
        ROOT_ID = 13: Unspec,
        BRIDGE_ID = 14: Unspec,
        DESIGNATED_PORT = 15: Unspec,
        DESIGNATED_COST = 16: Unspec,
        ID = 17: Unspec,
        NO = 18: Unspec,
        TOPOLOGY_CHANGE_ACK = 19: Unspec,
        CONFIG_PENDING = 20: Unspec,
        MESSAGE_AGE_TIMER = 21: Unspec,
        FORWARD_DELAY_TIMER = 22: Unspec,
        HOLD_TIMER = 23: Unspec,
        FLUSH = 24: Unspec,
        MULTICAST_ROUTER = 25: Unspec,
        PAD = 26: Unspec,
        MCAST_FLOOD = 27: Unspec,
        MCAST_TO_UCAST = 28: Unspec,
        VLAN_TUNNEL = 29: Unspec,
        BCAST_FLOOD = 30: Unspec,
        GROUP_FWD_MASK = 31: Unspec,
        NEIGH_SUPPRESS = 32: Unspec,
        ISOLATED = 33: Unspec,
        BACKUP_PORT = 34: Unspec,
        MRP_RING_OPEN = 35: Unspec,
        MRP_IN_OPEN = 36: Unspec,
        MCAST_EHT_HOSTS_LIMIT = 37: Unspec,
        MCAST_EHT_HOSTS_CNT = 38: Unspec,
        LOCKED = 39: Unspec,
        MAB = 40: Unspec,
        MCAST_N_GROUPS = 41: Unspec,
        MCAST_MAX_GROUPS = 42: Unspec,
        NEIGH_VLAN_SUPPRESS = 43: Unspec,
        BACKUP_NHID = 44: Unspec,
    }
}

nla_space! {
    /// `IFLA_BR_*`: the bridge options in IFLA_INFO_DATA (`br_policy`).
    pub mod br = "IFLA_BR_" {
        UNSPEC = 0: U32,
        FORWARD_DELAY = 1: U32,
        HELLO_TIME = 2: U32,
        MAX_AGE = 3: U32,
        AGEING_TIME = 4: U32,
        STP_STATE = 5: U32,
        PRIORITY = 6: U16,
        VLAN_FILTERING = 7: U8,
        VLAN_PROTOCOL = 8: Be16,
        GROUP_FWD_MASK = 9: U16,
        ROOT_ID = 10: Binary,
        BRIDGE_ID = 11: Binary,
        ROOT_PORT = 12: U16,
        ROOT_PATH_COST = 13: U32,
        TOPOLOGY_CHANGE = 14: U8,
        TOPOLOGY_CHANGE_DETECTED = 15: U8,
        HELLO_TIMER = 16: U64,
        TCN_TIMER = 17: U64,
        TOPOLOGY_CHANGE_TIMER = 18: U64,
        GC_TIMER = 19: U64,
        GROUP_ADDR = 20: LlAddr,
        FDB_FLUSH = 21: Flag,
        MCAST_ROUTER = 22: U8,
        MCAST_SNOOPING = 23: U8,
        MCAST_QUERY_USE_IFADDR = 24: U8,
        MCAST_QUERIER = 25: U8,
        MCAST_HASH_ELASTICITY = 26: U32,
        MCAST_HASH_MAX = 27: U32,
        MCAST_LAST_MEMBER_CNT = 28: U32,
        MCAST_STARTUP_QUERY_CNT = 29: U32,
        MCAST_LAST_MEMBER_INTVL = 30: U64,
        MCAST_MEMBERSHIP_INTVL = 31: U64,
        MCAST_QUERIER_INTVL = 32: U64,
        MCAST_QUERY_INTVL = 33: U64,
        MCAST_QUERY_RESPONSE_INTVL = 34: U64,
        MCAST_STARTUP_QUERY_INTVL = 35: U64,
        NF_CALL_IPTABLES = 36: U8,
        NF_CALL_IP6TABLES = 37: U8,
        NF_CALL_ARPTABLES = 38: U8,
        VLAN_DEFAULT_PVID = 39: U16,
        PAD = 40: U32,
        VLAN_STATS_ENABLED = 41: U8,
        MCAST_STATS_ENABLED = 42: U8,
        MCAST_IGMP_VERSION = 43: U8,
        MCAST_MLD_VERSION = 44: U8,
        VLAN_STATS_PER_PORT = 45: U8,
        MULTI_BOOLOPT = 46: Binary,
        MCAST_QUERIER_STATE = 47: Nested(&super::BRIDGE_QUERIER_SPACE),
        FDB_N_LEARNED = 48: U32,
        FDB_MAX_LEARNED = 49: U32,
    }
}

/// IFLA_BR_MCAST_QUERIER_STATE's attributes (`BRIDGE_QUERIER_*`).
pub static BRIDGE_QUERIER_SPACE: Space = Space::opaque("BRIDGE_QUERIER_");

nla_space! {
    /// `IFLA_MACVLAN_*`: a macvlan's or macvtap's IFLA_INFO_DATA.
    pub mod macvlan = "IFLA_MACVLAN_" {
        UNSPEC = 0: U32,
        MODE = 1: Enum(" private vepa  bridge    passthru"),
        FLAGS = 2: U16,
        MACADDR_MODE = 3: U32,
        MACADDR = 4: LlAddr,
        MACADDR_DATA = 5: Nested(&super::MACVLAN_MACADDR_SPACE),
        MACADDR_COUNT = 6: U32,
        BC_QUEUE_LEN = 7: U32,
        BC_QUEUE_LEN_USED = 8: U32,
        BC_CUTOFF = 9: U32,
    }
}

/// IFLA_MACVLAN_MACADDR_DATA's list of addresses.
pub static MACVLAN_MACADDR_SPACE: Space = Space::opaque("IFLA_MACVLAN_MACADDR_");

/// `MACVLAN_MODE_*`: the values of IFLA_MACVLAN_MODE.
#[allow(missing_docs)]
pub mod macvlan_mode {
    pub const PRIVATE: u32 = 1;
    pub const VEPA: u32 = 2;
    pub const BRIDGE: u32 = 4;
    pub const PASSTHRU: u32 = 8;
    pub const SOURCE: u32 = 16;
}

/// `MACVLAN_FLAG_*`: the bits of IFLA_MACVLAN_FLAGS.
#[allow(missing_docs)]
pub mod macvlan_flag {
    pub const NOPROMISC: u16 = 1;
    pub const NODST: u16 = 2;
}

nla_space! {
    /// `IFLA_VLAN_*`: a VLAN's IFLA_INFO_DATA.
    pub mod vlan = "IFLA_VLAN_" {
        UNSPEC = 0: Unspec,
        ID = 1: U16,
        FLAGS = 2: Struct("flags mask", 4),
        EGRESS_QOS = 3: Nested(&super::vlan_qos::SPACE),
        INGRESS_QOS = 4: Nested(&super::vlan_qos::SPACE),
        PROTOCOL = 5: Be16,
    }
}

nla_space! {
    /// `IFLA_VXLAN_*`: a VXLAN device's IFLA_INFO_DATA (`vxlan_policy`).
    pub mod vxlan = "IFLA_VXLAN_" {
        UNSPEC = 0: Unspec,
        ID = 1: U32,
        GROUP = 2: Addr,
        LINK = 3: U32,
        LOCAL = 4: Addr,
        TTL = 5: U8,
        TOS = 6: U8,
        LEARNING = 7: U8,
        AGEING = 8: U32,
        LIMIT = 9: U32,
        /// `struct ifla_vxlan_port_range`: low and high, network order.
        PORT_RANGE = 10: Struct("low high", 2),
        PROXY = 11: U8,
        RSC = 12: U8,
        L2MISS = 13: U8,
        L3MISS = 14: U8,
        PORT = 15: Be16,
        GROUP6 = 16: Addr,
        LOCAL6 = 17: Addr,
        UDP_CSUM = 18: U8,
        UDP_ZERO_CSUM6_TX = 19: U8,
        UDP_ZERO_CSUM6_RX = 20: U8,
        REMCSUM_TX = 21: U8,
        REMCSUM_RX = 22: U8,
        GBP = 23: Flag,
        REMCSUM_NOPARTIAL = 24: Flag,
        COLLECT_METADATA = 25: U8,
        LABEL = 26: Be32,
        GPE = 27: Flag,
        TTL_INHERIT = 28: Flag,
        DF = 29: U8,
        VNIFILTER = 30: U8,
        LOCALBYPASS = 31: U8,
        LABEL_POLICY = 32: U32,
        RESERVED_BITS = 33: Binary,
    }
}

nla_space! {
    /// `IFLA_VLAN_QOS_*`: the priority maps of IFLA_VLAN_{EGRESS,INGRESS}_QOS.
    pub mod vlan_qos = "IFLA_VLAN_QOS_" {
        UNSPEC = 0: Unspec,
        /// `struct ifla_vlan_qos_mapping`.
        MAPPING = 1: Struct("from to", 4),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ifinfomsg_round_trips() {
        let r = IfInfoRepr { family: 0, link_type: 772, index: 1, flags: 0x49, change: 0xffff_ffff };
        assert_eq!(IfInfoRepr::parse(&r.to_bytes()), Ok(r));
        assert!(IfInfoRepr::parse(&[0u8; 15]).is_err());
    }
}
