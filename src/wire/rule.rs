//! `struct fib_rule_hdr` and the `FRA_*` attributes of RTM_{NEW,DEL,GET}RULE
//! (include/uapi/linux/fib_rules.h).

use super::{get_u32, WireError};

/// Size of `struct fib_rule_hdr`.
pub const FIB_RULE_HDR_LEN: usize = 12;

/// A parsed `fib_rule_hdr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RuleHdrRepr {
    /// `family`.
    pub family: u8,
    /// `dst_len`.
    pub dst_len: u8,
    /// `src_len`.
    pub src_len: u8,
    /// `tos`.
    pub tos: u8,
    /// `table` (low 8 bits; FRA_TABLE holds the full id).
    pub table: u8,
    /// `action`: FR_ACT_*.
    pub action: u8,
    /// `flags`: FIB_RULE_*.
    pub flags: u32,
}

impl RuleHdrRepr {
    /// Reads a `fib_rule_hdr` from the start of a payload.
    pub fn parse(buf: &[u8]) -> Result<Self, WireError> {
        if buf.len() < FIB_RULE_HDR_LEN {
            return Err(WireError::Truncated);
        }
        Ok(RuleHdrRepr {
            family: buf[0],
            dst_len: buf[1],
            src_len: buf[2],
            tos: buf[3],
            table: buf[4],
            action: buf[7],
            flags: get_u32(buf, 8).ok_or(WireError::Truncated)?,
        })
    }

    /// The structure's 12 bytes (the reserved bytes are zero).
    pub fn to_bytes(&self) -> [u8; FIB_RULE_HDR_LEN] {
        let mut b = [0u8; FIB_RULE_HDR_LEN];
        super::put_bytes(&mut b, 0, &[self.family, self.dst_len, self.src_len, self.tos, self.table]);
        b[7] = self.action;
        super::put_bytes(&mut b, 8, &self.flags.to_ne_bytes());
        b
    }
}

/// `FRA_*` attribute numbers.
#[allow(missing_docs)]
pub mod fra {
    pub const DST: u16 = 1;
    pub const SRC: u16 = 2;
    pub const IIFNAME: u16 = 3;
    pub const GOTO: u16 = 4;
    pub const PRIORITY: u16 = 6;
    pub const FWMARK: u16 = 10;
    pub const FLOW: u16 = 11;
    pub const TUN_ID: u16 = 12;
    pub const SUPPRESS_IFGROUP: u16 = 13;
    pub const SUPPRESS_PREFIXLEN: u16 = 14;
    pub const TABLE: u16 = 15;
    pub const FWMASK: u16 = 16;
    pub const OIFNAME: u16 = 17;
    pub const PAD: u16 = 18;
    pub const L3MDEV: u16 = 19;
    pub const UID_RANGE: u16 = 20;
    pub const PROTOCOL: u16 = 21;
    pub const IP_PROTO: u16 = 22;
    pub const SPORT_RANGE: u16 = 23;
    pub const DPORT_RANGE: u16 = 24;
    pub const DSCP: u16 = 25;
}

/// `FR_ACT_*` rule actions.
#[allow(missing_docs)]
pub mod fr_act {
    pub const UNSPEC: u8 = 0;
    pub const TO_TBL: u8 = 1;
    pub const GOTO: u8 = 2;
    pub const NOP: u8 = 3;
    pub const BLACKHOLE: u8 = 6;
    pub const UNREACHABLE: u8 = 7;
    pub const PROHIBIT: u8 = 8;
}

/// `FIB_RULE_*` flags.
#[allow(missing_docs)]
pub mod fib_rule {
    pub const PERMANENT: u32 = 0x1;
    pub const INVERT: u32 = 0x2;
    pub const UNRESOLVED: u32 = 0x4;
    pub const IIF_DETACHED: u32 = 0x8;
    pub const OIF_DETACHED: u32 = 0x10;
}
