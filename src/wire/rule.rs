//! `struct fib_rule_hdr` and the `FRA_*` attributes of RTM_{NEW,DEL,GET}RULE
//! (include/uapi/linux/fib_rules.h).

use super::{WireError, get_u32};

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

super::schema::nla_space! {
    /// `FRA_*`: the attributes of a rule message (`fib_rule_policy`).
    pub mod fra = "FRA_" {
        UNSPEC = 0: Unspec,
        DST = 1: Addr,
        SRC = 2: Addr,
        IIFNAME = 3: String,
        GOTO = 4: U32,
        UNUSED2 = 5: Unspec,
        PRIORITY = 6: U32,
        UNUSED3 = 7: Unspec,
        UNUSED4 = 8: Unspec,
        UNUSED5 = 9: Unspec,
        FWMARK = 10: U32,
        FLOW = 11: U32,
        TUN_ID = 12: Be64,
        SUPPRESS_IFGROUP = 13: U32,
        SUPPRESS_PREFIXLEN = 14: U32,
        TABLE = 15: U32,
        FWMASK = 16: U32,
        OIFNAME = 17: String,
        PAD = 18: Binary,
        L3MDEV = 19: U8,
        UID_RANGE = 20: Struct("start end", 4),
        PROTOCOL = 21: U8,
        IP_PROTO = 22: U8,
        SPORT_RANGE = 23: Struct("start end", 2),
        DPORT_RANGE = 24: Struct("start end", 2),
        DSCP = 25: U8,
        FLOWLABEL = 26: Be32,
        FLOWLABEL_MASK = 27: Be32,
        SPORT_MASK = 28: U16,
        DPORT_MASK = 29: U16,
        DSCP_MASK = 30: U8,
    }
}

/// The names of the `FR_ACT_*` actions, by value.
pub const FR_ACT_NAMES: &str = "unspec to_tbl goto nop res3 res4 blackhole unreachable prohibit";

/// The names of the `FIB_RULE_*` bits, lowest first.
pub const FIB_RULE_NAMES: &str = "PERMANENT INVERT UNRESOLVED IIF_DETACHED OIF_DETACHED";

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
