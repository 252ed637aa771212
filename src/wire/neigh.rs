//! `struct ndmsg` and the `NDA_*` attributes of RTM_{NEW,DEL,GET}NEIGH
//! (include/uapi/linux/neighbour.h).

use super::{get_i32, get_u16, WireError};

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

/// `NDA_*` attribute numbers.
#[allow(missing_docs)]
pub mod nda {
    pub const DST: u16 = 1;
    pub const LLADDR: u16 = 2;
    pub const CACHEINFO: u16 = 3;
    pub const PROBES: u16 = 4;
    pub const VLAN: u16 = 5;
    pub const PORT: u16 = 6;
    pub const VNI: u16 = 7;
    pub const IFINDEX: u16 = 8;
    pub const MASTER: u16 = 9;
    pub const LINK_NETNSID: u16 = 10;
    pub const SRC_VNI: u16 = 11;
    pub const PROTOCOL: u16 = 12;
    pub const NH_ID: u16 = 13;
    pub const FDB_EXT_ATTRS: u16 = 14;
    pub const FLAGS_EXT: u16 = 15;
    pub const NDM_STATE_MASK: u16 = 16;
    pub const NDM_FLAGS_MASK: u16 = 17;
}

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
