//! `struct ndmsg` and the `NDA_*` attributes of RTM_{NEW,DEL,GET}NEIGH
//! (include/uapi/linux/neighbour.h).

use super::{WireError, get_i32, get_u16};

/// Size of `struct ndmsg`.
pub const NDMSG_LEN: usize = 12;

/// A parsed `ndmsg`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NdMsgRepr {
    /// `ndm_family`.
    pub family: u8,
    /// `ndm_ifindex`.
    pub ifindex: i32,
    /// `ndm_state`: NUD_* bits.
    pub state: u16,
    /// `ndm_flags`: NTF_* bits.
    pub flags: u8,
    /// `ndm_type`.
    pub kind: u8,
}

impl NdMsgRepr {
    /// Reads an `ndmsg` from the start of a payload.
    pub fn parse(buf: &[u8]) -> Result<Self, WireError> {
        if buf.len() < NDMSG_LEN {
            return Err(WireError::Truncated);
        }
        Ok(NdMsgRepr {
            family: buf[0],
            ifindex: get_i32(buf, 4).ok_or(WireError::Truncated)?,
            state: get_u16(buf, 8).ok_or(WireError::Truncated)?,
            flags: buf[10],
            kind: buf[11],
        })
    }

    /// The structure's 12 bytes.
    pub fn to_bytes(&self) -> [u8; NDMSG_LEN] {
        let mut b = [0u8; NDMSG_LEN];
        b[0] = self.family;
        super::put_bytes(&mut b, 4, &self.ifindex.to_ne_bytes());
        super::put_bytes(&mut b, 8, &self.state.to_ne_bytes());
        b[10] = self.flags;
        b[11] = self.kind;
        b
    }
}

super::schema::nla_space! {
    /// `NDA_*`: the attributes of a neighbour message (`nda_policy`).
    pub mod nda = "NDA_" {
        UNSPEC = 0: Unspec,
        DST = 1: Addr,
        LLADDR = 2: LlAddr,
        CACHEINFO = 3: Struct("ndm_confirmed ndm_used ndm_updated ndm_refcnt", 4),
        PROBES = 4: U32,
        VLAN = 5: U16,
        PORT = 6: Be16,
        VNI = 7: U32,
        IFINDEX = 8: U32,
        MASTER = 9: U32,
        LINK_NETNSID = 10: S32,
        SRC_VNI = 11: U32,
        PROTOCOL = 12: U8,
        NH_ID = 13: U32,
        FDB_EXT_ATTRS = 14: Nested(&super::NFEA_SPACE),
        FLAGS_EXT = 15: U32,
        NDM_STATE_MASK = 16: U16,
        NDM_FLAGS_MASK = 17: U8,
    }
}

/// `NFEA_*` inside NDA_FDB_EXT_ATTRS.
pub static NFEA_SPACE: super::schema::Space = super::schema::Space::opaque("NFEA_");

/// The names of the `NUD_*` bits, lowest first.
pub const NUD_NAMES: &str = "INCOMPLETE REACHABLE STALE DELAY PROBE FAILED NOARP PERMANENT";

/// The names of the `NTF_*` bits, lowest first.
pub const NTF_NAMES: &str = "USE SELF MASTER PROXY EXT_LEARNED OFFLOADED STICKY ROUTER";

/// `NUD_*` neighbour states.
#[allow(missing_docs)]
pub mod nud {
    pub const NONE: u16 = 0x00;
    pub const INCOMPLETE: u16 = 0x01;
    pub const REACHABLE: u16 = 0x02;
    pub const STALE: u16 = 0x04;
    pub const DELAY: u16 = 0x08;
    pub const PROBE: u16 = 0x10;
    pub const FAILED: u16 = 0x20;
    pub const NOARP: u16 = 0x40;
    pub const PERMANENT: u16 = 0x80;
}

/// `NTF_*` neighbour flags.
#[allow(missing_docs)]
pub mod ntf {
    pub const USE: u8 = 0x01;
    pub const SELF: u8 = 0x02;
    pub const MASTER: u8 = 0x04;
    pub const PROXY: u8 = 0x08;
    pub const EXT_LEARNED: u8 = 0x10;
    pub const OFFLOADED: u8 = 0x20;
    pub const STICKY: u8 = 0x40;
    pub const ROUTER: u8 = 0x80;
}
