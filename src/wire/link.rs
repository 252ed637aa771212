//! `struct ifinfomsg` and the `IFLA_*` attributes of RTM_{NEW,DEL,GET,SET}LINK
//! (include/uapi/linux/rtnetlink.h, if_link.h, if.h).

use super::{get_i32, get_u16, get_u32, WireError};

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

/// `IFLA_*` attribute numbers.
#[allow(missing_docs)]
pub mod ifla {
    pub const ADDRESS: u16 = 1;
    pub const BROADCAST: u16 = 2;
    pub const IFNAME: u16 = 3;
    pub const MTU: u16 = 4;
    pub const LINK: u16 = 5;
    pub const QDISC: u16 = 6;
    pub const STATS: u16 = 7;
    pub const MASTER: u16 = 10;
    pub const PROTINFO: u16 = 12;
    pub const TXQLEN: u16 = 13;
    pub const MAP: u16 = 14;
    pub const OPERSTATE: u16 = 16;
    pub const LINKMODE: u16 = 17;
    pub const LINKINFO: u16 = 18;
    pub const NET_NS_PID: u16 = 19;
    pub const IFALIAS: u16 = 20;
    pub const NUM_VF: u16 = 21;
    pub const STATS64: u16 = 23;
    pub const AF_SPEC: u16 = 26;
    pub const GROUP: u16 = 27;
    pub const NET_NS_FD: u16 = 28;
    pub const EXT_MASK: u16 = 29;
    pub const PROMISCUITY: u16 = 30;
    pub const NUM_TX_QUEUES: u16 = 31;
    pub const NUM_RX_QUEUES: u16 = 32;
    pub const CARRIER: u16 = 33;
    pub const PHYS_PORT_ID: u16 = 34;
    pub const CARRIER_CHANGES: u16 = 35;
    pub const LINK_NETNSID: u16 = 37;
    pub const PROTO_DOWN: u16 = 39;
    pub const GSO_MAX_SEGS: u16 = 40;
    pub const GSO_MAX_SIZE: u16 = 41;
    pub const PAD: u16 = 42;
    pub const XDP: u16 = 43;
    pub const EVENT: u16 = 44;
    pub const NEW_NETNSID: u16 = 45;
    pub const TARGET_NETNSID: u16 = 46;
    pub const CARRIER_UP_COUNT: u16 = 47;
    pub const CARRIER_DOWN_COUNT: u16 = 48;
    pub const NEW_IFINDEX: u16 = 49;
    pub const MIN_MTU: u16 = 50;
    pub const MAX_MTU: u16 = 51;
    pub const PROP_LIST: u16 = 52;
    pub const ALT_IFNAME: u16 = 53;
    pub const PERM_ADDRESS: u16 = 54;
    pub const PROTO_DOWN_REASON: u16 = 55;
    pub const PARENT_DEV_NAME: u16 = 56;
    pub const PARENT_DEV_BUS_NAME: u16 = 57;
    pub const GRO_MAX_SIZE: u16 = 58;
    pub const TSO_MAX_SIZE: u16 = 59;
    pub const TSO_MAX_SEGS: u16 = 60;
    pub const ALLMULTI: u16 = 61;
    pub const DEVLINK_PORT: u16 = 62;
    pub const GSO_IPV4_MAX_SIZE: u16 = 63;
    pub const GRO_IPV4_MAX_SIZE: u16 = 64;
}

/// `IFLA_INFO_*`: the parts of IFLA_LINKINFO.
#[allow(missing_docs)]
pub mod info {
    pub const KIND: u16 = 1;
    pub const DATA: u16 = 2;
    pub const XSTATS: u16 = 3;
    pub const SLAVE_KIND: u16 = 4;
    pub const SLAVE_DATA: u16 = 5;
}

/// `VETH_INFO_PEER`: the peer's ifinfomsg and attributes inside IFLA_INFO_DATA.
pub const VETH_INFO_PEER: u16 = 1;

/// `IFLA_XDP_*`.
#[allow(missing_docs)]
pub mod xdp {
    pub const FD: u16 = 1;
    pub const ATTACHED: u16 = 2;
}

/// `IFLA_INET_CONF` inside the AF_INET part of IFLA_AF_SPEC.
pub const IFLA_INET_CONF: u16 = 1;

/// `IFLA_INET6_*` inside the AF_INET6 part of IFLA_AF_SPEC.
#[allow(missing_docs)]
pub mod inet6 {
    pub const FLAGS: u16 = 1;
    pub const CONF: u16 = 2;
    pub const STATS: u16 = 3;
    pub const MCAST: u16 = 4;
    pub const CACHEINFO: u16 = 5;
    pub const ICMP6STATS: u16 = 6;
    pub const TOKEN: u16 = 7;
    pub const ADDR_GEN_MODE: u16 = 8;
    pub const RA_MTU: u16 = 9;
}

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
    pub const LOOPBACK: u16 = 772;
    pub const NONE: u16 = 0xfffe;
    pub const VOID: u16 = 0xffff;
}

/// `IFLA_BRPORT_*`: a bridge port's attributes (IFLA_INFO_SLAVE_DATA,
/// IFLA_PROTINFO).
#[allow(missing_docs)]
pub mod brport {
    pub const STATE: u16 = 1;
    pub const PRIORITY: u16 = 2;
    pub const COST: u16 = 3;
    pub const MODE: u16 = 4;
    pub const GUARD: u16 = 5;
    pub const PROTECT: u16 = 6;
    pub const FAST_LEAVE: u16 = 7;
    pub const LEARNING: u16 = 8;
    pub const UNICAST_FLOOD: u16 = 9;
    pub const PROXYARP: u16 = 10;
    pub const LEARNING_SYNC: u16 = 11;
    pub const PROXYARP_WIFI: u16 = 12;
    pub const ROOT_ID: u16 = 13;
    pub const BRIDGE_ID: u16 = 14;
    pub const DESIGNATED_PORT: u16 = 15;
    pub const DESIGNATED_COST: u16 = 16;
    pub const ID: u16 = 17;
    pub const NO: u16 = 18;
    pub const TOPOLOGY_CHANGE_ACK: u16 = 19;
    pub const CONFIG_PENDING: u16 = 20;
    pub const MESSAGE_AGE_TIMER: u16 = 21;
    pub const FORWARD_DELAY_TIMER: u16 = 22;
    pub const HOLD_TIMER: u16 = 23;
    pub const FLUSH: u16 = 24;
    pub const MULTICAST_ROUTER: u16 = 25;
    pub const MCAST_FLOOD: u16 = 27;
    pub const MCAST_TO_UCAST: u16 = 28;
    pub const VLAN_TUNNEL: u16 = 29;
    pub const BCAST_FLOOD: u16 = 30;
    pub const GROUP_FWD_MASK: u16 = 31;
    pub const NEIGH_SUPPRESS: u16 = 32;
    pub const ISOLATED: u16 = 33;
    pub const BACKUP_PORT: u16 = 34;
    pub const LOCKED: u16 = 39;
    pub const MAB: u16 = 40;
}

/// `IFLA_BR_*`: the bridge options in IFLA_INFO_DATA.
#[allow(missing_docs)]
pub mod br {
    pub const FORWARD_DELAY: u16 = 1;
    pub const HELLO_TIME: u16 = 2;
    pub const MAX_AGE: u16 = 3;
    pub const AGEING_TIME: u16 = 4;
    pub const STP_STATE: u16 = 5;
    pub const PRIORITY: u16 = 6;
    pub const VLAN_FILTERING: u16 = 7;
    pub const VLAN_PROTOCOL: u16 = 8;
    pub const GROUP_FWD_MASK: u16 = 9;
    pub const ROOT_ID: u16 = 10;
    pub const BRIDGE_ID: u16 = 11;
    pub const ROOT_PORT: u16 = 12;
    pub const ROOT_PATH_COST: u16 = 13;
    pub const TOPOLOGY_CHANGE: u16 = 14;
    pub const TOPOLOGY_CHANGE_DETECTED: u16 = 15;
    pub const HELLO_TIMER: u16 = 16;
    pub const TCN_TIMER: u16 = 17;
    pub const TOPOLOGY_CHANGE_TIMER: u16 = 18;
    pub const GC_TIMER: u16 = 19;
    pub const GROUP_ADDR: u16 = 20;
    pub const FDB_FLUSH: u16 = 21;
    pub const MCAST_ROUTER: u16 = 22;
    pub const MCAST_SNOOPING: u16 = 23;
    pub const MCAST_QUERY_USE_IFADDR: u16 = 24;
    pub const MCAST_QUERIER: u16 = 25;
    pub const MCAST_HASH_ELASTICITY: u16 = 26;
    pub const MCAST_HASH_MAX: u16 = 27;
    pub const MCAST_LAST_MEMBER_CNT: u16 = 28;
    pub const MCAST_STARTUP_QUERY_CNT: u16 = 29;
    pub const MCAST_LAST_MEMBER_INTVL: u16 = 30;
    pub const MCAST_MEMBERSHIP_INTVL: u16 = 31;
    pub const MCAST_QUERIER_INTVL: u16 = 32;
    pub const MCAST_QUERY_INTVL: u16 = 33;
    pub const MCAST_QUERY_RESPONSE_INTVL: u16 = 34;
    pub const MCAST_STARTUP_QUERY_INTVL: u16 = 35;
    pub const NF_CALL_IPTABLES: u16 = 36;
    pub const NF_CALL_IP6TABLES: u16 = 37;
    pub const NF_CALL_ARPTABLES: u16 = 38;
    pub const VLAN_DEFAULT_PVID: u16 = 39;
    pub const VLAN_STATS_ENABLED: u16 = 41;
    pub const MCAST_STATS_ENABLED: u16 = 42;
    pub const MCAST_IGMP_VERSION: u16 = 43;
    pub const MCAST_MLD_VERSION: u16 = 44;
    pub const VLAN_STATS_PER_PORT: u16 = 45;
    pub const MULTI_BOOLOPT: u16 = 46;
    pub const MAX: u16 = 48;
}

/// `IFLA_MACVLAN_*` and the macvlan modes.
#[allow(missing_docs)]
pub mod macvlan {
    pub const MODE: u16 = 1;
    pub const FLAGS: u16 = 2;
    pub const MACADDR_MODE: u16 = 3;
    pub const MACADDR: u16 = 4;
    pub const MACADDR_DATA: u16 = 5;
    pub const MACADDR_COUNT: u16 = 6;
    pub const BC_QUEUE_LEN: u16 = 7;
    pub const BC_QUEUE_LEN_USED: u16 = 8;
    pub const BC_CUTOFF: u16 = 9;
    pub const MODE_PRIVATE: u32 = 1;
    pub const MODE_VEPA: u32 = 2;
    pub const MODE_BRIDGE: u32 = 4;
    pub const MODE_PASSTHRU: u32 = 8;
    pub const MODE_SOURCE: u32 = 16;
}

/// `IFLA_VLAN_*`.
#[allow(missing_docs)]
pub mod vlan {
    pub const ID: u16 = 1;
    pub const FLAGS: u16 = 2;
    pub const EGRESS_QOS: u16 = 3;
    pub const INGRESS_QOS: u16 = 4;
    pub const PROTOCOL: u16 = 5;
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
