//! VXLAN devices (drivers/net/vxlan/vxlan_core.c): the configuration a
//! device is created with (`struct vxlan_config`) and its forwarding
//! database, where each MAC address maps to one or more remote tunnel
//! endpoints (`struct vxlan_fdb` and its `vxlan_rdst` list).

/// An endpoint address, as `union vxlan_addr` holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VxAddr {
    /// IPv4, host order.
    V4(u32),
    /// IPv6, host order.
    V6(u128),
}

impl VxAddr {
    /// The unspecified address of a family.
    pub fn any(v6: bool) -> VxAddr {
        if v6 { VxAddr::V6(0) } else { VxAddr::V4(0) }
    }

    /// `vxlan_addr_any`.
    pub fn is_any(&self) -> bool {
        matches!(self, VxAddr::V4(0) | VxAddr::V6(0))
    }

    /// `vxlan_addr_multicast`.
    pub fn is_multicast(&self) -> bool {
        match self {
            VxAddr::V4(a) => a >> 28 == 0xe,
            VxAddr::V6(a) => a >> 120 == 0xff,
        }
    }

    /// Whether it is an IPv6 address.
    pub fn is_v6(&self) -> bool {
        matches!(self, VxAddr::V6(_))
    }

    /// The address in network byte order (4 or 16 bytes).
    pub fn octets(&self) -> Vec<u8> {
        match self {
            VxAddr::V4(a) => a.to_be_bytes().to_vec(),
            VxAddr::V6(a) => a.to_be_bytes().to_vec(),
        }
    }

    /// From 4 or 16 network-order bytes.
    pub fn from_octets(b: &[u8]) -> Option<VxAddr> {
        match b.len() {
            4 => Some(VxAddr::V4(u32::from_be_bytes(b.try_into().ok()?))),
            16 => Some(VxAddr::V6(u128::from_be_bytes(b.try_into().ok()?))),
            _ => None,
        }
    }
}

/// `VXLAN_F_*` configuration flags this model keeps.
#[allow(missing_docs)]
pub mod flag {
    pub const LEARN: u32 = 0x01;
    pub const PROXY: u32 = 0x02;
    pub const RSC: u32 = 0x04;
    pub const L2MISS: u32 = 0x08;
    pub const L3MISS: u32 = 0x10;
    pub const IPV6: u32 = 0x20;
    pub const UDP_ZERO_CSUM_TX: u32 = 0x40;
    pub const UDP_ZERO_CSUM6_TX: u32 = 0x80;
    pub const UDP_ZERO_CSUM6_RX: u32 = 0x100;
    pub const REMCSUM_TX: u32 = 0x200;
    pub const REMCSUM_RX: u32 = 0x400;
    pub const GBP: u32 = 0x800;
    pub const REMCSUM_NOPARTIAL: u32 = 0x1000;
    pub const COLLECT_METADATA: u32 = 0x2000;
    pub const GPE: u32 = 0x4000;
    pub const TTL_INHERIT: u32 = 0x10000;
    pub const VNIFILTER: u32 = 0x20000;
    pub const LOCALBYPASS: u32 = 0x80000;
}

/// `struct vxlan_config`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VxlanConf {
    /// The VNI.
    pub vni: u32,
    /// The default destination (unicast remote or multicast group).
    pub remote: VxAddr,
    /// The local address.
    pub local: VxAddr,
    /// The lower device's ifindex (0: none).
    pub link: u32,
    /// UDP destination port, host order.
    pub port: u16,
    /// UDP source port range, host order.
    pub port_min: u16,
    /// Upper end of the source port range.
    pub port_max: u16,
    /// TTL (0: auto).
    pub ttl: u8,
    /// TOS (1: inherit).
    pub tos: u8,
    /// `IFLA_VXLAN_DF`.
    pub df: u8,
    /// IPv6 flow label (network order value as stored).
    pub label: u32,
    /// FDB ageing in seconds.
    pub ageing: u32,
    /// Maximum number of FDB entries (0: unlimited).
    pub limit: u32,
    /// VXLAN_F_* flags.
    pub flags: u32,
}

impl Default for VxlanConf {
    fn default() -> Self {
        VxlanConf {
            vni: 0,
            remote: VxAddr::V4(0),
            local: VxAddr::V4(0),
            link: 0,
            port: 0,
            port_min: 0,
            port_max: 0,
            ttl: 0,
            tos: 0,
            df: 0,
            label: 0,
            ageing: 300,
            limit: 0,
            flags: flag::LEARN | flag::LOCALBYPASS,
        }
    }
}

/// One remote endpoint of an FDB entry (`struct vxlan_rdst`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    /// The endpoint.
    pub ip: VxAddr,
    /// UDP port, host order.
    pub port: u16,
    /// VNI.
    pub vni: u32,
    /// Outgoing device (0: none).
    pub ifindex: u32,
}

/// One FDB entry (`struct vxlan_fdb`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FdbEntry {
    /// The station's address (all zeros: the default destinations).
    pub mac: [u8; 6],
    /// NUD_* state.
    pub state: u16,
    /// NTF_* flags.
    pub flags: u8,
    /// Remotes, in list order (none when the entry goes through a
    /// next-hop group).
    pub remotes: Vec<Remote>,
    /// The fdb next-hop group it goes through (`fdb->nh`; 0: none).
    pub nh: u32,
    /// When it was last updated, ms of the virtual clock.
    pub updated_ms: u64,
}

/// A VXLAN device's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vxlan {
    /// Its configuration.
    pub conf: VxlanConf,
    /// Its forwarding database, newest entry first.
    pub fdb: Vec<FdbEntry>,
}
