//! `struct ifaddrmsg` and the `IFA_*` attributes of RTM_{NEW,DEL,GET}ADDR
//! (include/uapi/linux/if_addr.h).

use super::{WireError, get_u32};

/// Size of `struct ifaddrmsg`.
pub const IFADDRMSG_LEN: usize = 8;

/// A parsed `ifaddrmsg`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IfAddrRepr {
    /// `ifa_family`.
    pub family: u8,
    /// `ifa_prefixlen`.
    pub prefix_len: u8,
    /// `ifa_flags`: the low 8 bits of IFA_F_*.
    pub flags: u8,
    /// `ifa_scope`.
    pub scope: u8,
    /// `ifa_index`.
    pub index: u32,
}

impl IfAddrRepr {
    /// Reads an `ifaddrmsg` from the start of a payload.
    pub fn parse(buf: &[u8]) -> Result<Self, WireError> {
        if buf.len() < IFADDRMSG_LEN {
            return Err(WireError::Truncated);
        }
        Ok(IfAddrRepr {
            family: buf[0],
            prefix_len: buf[1],
            flags: buf[2],
            scope: buf[3],
            index: get_u32(buf, 4).ok_or(WireError::Truncated)?,
        })
    }

    /// The structure's 8 bytes.
    pub fn to_bytes(&self) -> [u8; IFADDRMSG_LEN] {
        let mut b = [0u8; IFADDRMSG_LEN];
        b[0] = self.family;
        b[1] = self.prefix_len;
        b[2] = self.flags;
        b[3] = self.scope;
        super::put_bytes(&mut b, 4, &self.index.to_ne_bytes());
        b
    }
}

super::schema::nla_space! {
    /// `IFA_*`: the attributes of an address message (`ifa_ipv4_policy`,
    /// `ifa_ipv6_policy`).
    pub mod ifa = "IFA_" {
        UNSPEC = 0: Unspec,
        ADDRESS = 1: Addr,
        LOCAL = 2: Addr,
        LABEL = 3: String,
        BROADCAST = 4: Addr,
        ANYCAST = 5: Addr,
        CACHEINFO = 6: Struct("ifa_prefered ifa_valid cstamp tstamp", 4),
        MULTICAST = 7: Addr,
        FLAGS = 8: Bits(super::IFA_F_NAMES),
        RT_PRIORITY = 9: U32,
        TARGET_NETNSID = 10: S32,
        PROTO = 11: U8,
    }
}

/// The names of the `IFA_F_*` bits, lowest first.
pub const IFA_F_NAMES: &str = "SECONDARY NODAD OPTIMISTIC DADFAILED HOMEADDRESS DEPRECATED TENTATIVE PERMANENT \
     MANAGETEMPADDR NOPREFIXROUTE MCAUTOJOIN STABLE_PRIVACY";

/// `IFA_F_*` address flags.
#[allow(missing_docs)]
pub mod ifa_f {
    pub const SECONDARY: u32 = 0x01;
    pub const NODAD: u32 = 0x02;
    pub const OPTIMISTIC: u32 = 0x04;
    pub const DADFAILED: u32 = 0x08;
    pub const HOMEADDRESS: u32 = 0x10;
    pub const DEPRECATED: u32 = 0x20;
    pub const TENTATIVE: u32 = 0x40;
    pub const PERMANENT: u32 = 0x80;
    pub const MANAGETEMPADDR: u32 = 0x100;
    pub const NOPREFIXROUTE: u32 = 0x200;
    pub const MCAUTOJOIN: u32 = 0x400;
    pub const STABLE_PRIVACY: u32 = 0x800;
}

/// `struct ifa_cacheinfo`: preferred and valid lifetimes (seconds) and the
/// creation and update stamps (hundredths of a second since boot).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CacheInfo {
    /// `ifa_prefered`.
    pub preferred: u32,
    /// `ifa_valid`.
    pub valid: u32,
    /// `cstamp`.
    pub created: u32,
    /// `tstamp`.
    pub updated: u32,
}

impl CacheInfo {
    /// Reads the 16-byte structure.
    pub fn parse(buf: &[u8]) -> Result<Self, WireError> {
        Ok(CacheInfo {
            preferred: get_u32(buf, 0).ok_or(WireError::Truncated)?,
            valid: get_u32(buf, 4).ok_or(WireError::Truncated)?,
            created: get_u32(buf, 8).ok_or(WireError::Truncated)?,
            updated: get_u32(buf, 12).ok_or(WireError::Truncated)?,
        })
    }

    /// The structure's 16 bytes.
    pub fn to_bytes(&self) -> [u8; 16] {
        let mut b = [0u8; 16];
        super::put_bytes(&mut b, 0, &self.preferred.to_ne_bytes());
        super::put_bytes(&mut b, 4, &self.valid.to_ne_bytes());
        super::put_bytes(&mut b, 8, &self.created.to_ne_bytes());
        super::put_bytes(&mut b, 12, &self.updated.to_ne_bytes());
        b
    }
}

/// The lifetime value meaning "forever".
pub const INFINITY_LIFE_TIME: u32 = 0xffff_ffff;
