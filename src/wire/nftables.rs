//! nfnetlink and nf_tables: message types, the `nfgenmsg` family header and
//! the attribute numbers of tables, chains, rules and the expressions the
//! common `nft` and `iptables-nft` rules use (`include/uapi/linux/netfilter/
//! nfnetlink.h`, `nf_tables.h`, `nf_tables_compat.h`). Numbers only: the
//! views and writers are the generic ones of [`crate::wire::attr`].

use super::WireError;

/// `NFNL_SUBSYS_NFTABLES`: the high byte of every nf_tables message type.
pub const SUBSYS_NFTABLES: u8 = 10;
/// `NFNL_SUBSYS_NFT_COMPAT`: xt match/target revision queries.
pub const SUBSYS_NFT_COMPAT: u8 = 11;
/// `NFNL_MSG_BATCH_BEGIN`.
pub const MSG_BATCH_BEGIN: u16 = 0x10;
/// `NFNL_MSG_BATCH_END`.
pub const MSG_BATCH_END: u16 = 0x11;
/// `NFNL_BATCH_GENID` in a batch-begin message.
pub const BATCH_GENID: u16 = 1;
/// `NFNLGRP_NFTABLES`: the multicast group of nf_tables notifications.
pub const GROUP_NFTABLES: u32 = 7;
/// `NFNLGRP_MAX`.
pub const GROUP_MAX: u32 = 10;
/// `NFNETLINK_V0`.
pub const NFNETLINK_V0: u8 = 0;

/// nf_tables message types (`enum nf_tables_msg_types`), the low byte.
#[allow(missing_docs)]
pub mod msg {
    pub const NEWTABLE: u8 = 0;
    pub const GETTABLE: u8 = 1;
    pub const DELTABLE: u8 = 2;
    pub const NEWCHAIN: u8 = 3;
    pub const GETCHAIN: u8 = 4;
    pub const DELCHAIN: u8 = 5;
    pub const NEWRULE: u8 = 6;
    pub const GETRULE: u8 = 7;
    pub const DELRULE: u8 = 8;
    pub const NEWSET: u8 = 9;
    pub const GETSET: u8 = 10;
    pub const DELSET: u8 = 11;
    pub const NEWSETELEM: u8 = 12;
    pub const GETSETELEM: u8 = 13;
    pub const DELSETELEM: u8 = 14;
    pub const NEWGEN: u8 = 15;
    pub const GETGEN: u8 = 16;
    pub const TRACE: u8 = 17;
    pub const NEWOBJ: u8 = 18;
    pub const GETOBJ: u8 = 19;
    pub const DELOBJ: u8 = 20;
    pub const GETOBJ_RESET: u8 = 21;
    pub const NEWFLOWTABLE: u8 = 22;
    pub const GETFLOWTABLE: u8 = 23;
    pub const DELFLOWTABLE: u8 = 24;
    pub const GETRULE_RESET: u8 = 25;
    pub const DESTROYTABLE: u8 = 26;
    pub const DESTROYCHAIN: u8 = 27;
    pub const DESTROYRULE: u8 = 28;
}

/// The full nlmsg_type of an nf_tables message.
pub const fn nft_type(m: u8) -> u16 {
    (SUBSYS_NFTABLES as u16) << 8 | m as u16
}

/// `struct nfgenmsg`: the 4-byte family header of every nfnetlink message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NfGenMsg {
    /// `nfgen_family` (NFPROTO_*).
    pub family: u8,
    /// `version` (NFNETLINK_V0).
    pub version: u8,
    /// `res_id`, big-endian on the wire: the subsystem in a batch begin,
    /// the generation's low 16 bits in the kernel's messages.
    pub res_id: u16,
}

impl NfGenMsg {
    /// The header's size.
    pub const LEN: usize = 4;

    /// Reads the header at the start of a payload.
    pub fn parse(buf: &[u8]) -> Result<Self, WireError> {
        match buf.get(..4) {
            Some(&[family, version, a, b]) => Ok(NfGenMsg { family, version, res_id: u16::from_be_bytes([a, b]) }),
            _ => Err(WireError::Truncated),
        }
    }

    /// The header's bytes.
    pub fn to_bytes(&self) -> [u8; 4] {
        let [a, b] = self.res_id.to_be_bytes();
        [self.family, self.version, a, b]
    }
}

/// NFPROTO_* families.
#[allow(missing_docs)]
pub mod family {
    pub const UNSPEC: u8 = 0;
    pub const INET: u8 = 1;
    pub const IPV4: u8 = 2;
    pub const ARP: u8 = 3;
    pub const NETDEV: u8 = 5;
    pub const BRIDGE: u8 = 7;
    pub const IPV6: u8 = 10;
}

use super::schema::nla_space;

nla_space! {
    /// `NFTA_TABLE_*`: the attributes of a table.
    pub mod table = "NFTA_TABLE_" {
        UNSPEC = 0: Unspec,
        NAME = 1: String,
        FLAGS = 2: Be32,
        USE = 3: Be32,
        HANDLE = 4: Be64,
        PAD = 5: Binary,
        USERDATA = 6: Binary,
        OWNER = 7: Be32,
    }
}

/// `NFT_TABLE_F_*`.
#[allow(missing_docs)]
pub mod table_flags {
    pub const DORMANT: u32 = 1;
    pub const OWNER: u32 = 2;
}

nla_space! {
    /// `NFTA_HOOK_*`: a base chain's hook.
    pub mod hook = "NFTA_HOOK_" {
        UNSPEC = 0: Unspec,
        HOOKNUM = 1: Be32,
        PRIORITY = 2: Be32,
        DEV = 3: String,
        DEVS = 4: Binary,
    }
}

nla_space! {
    /// `NFTA_COUNTER_*`: packet and byte counts (chain counters, the counter expression).
    pub mod counter = "NFTA_COUNTER_" {
        UNSPEC = 0: Unspec,
        BYTES = 1: Be64,
        PACKETS = 2: Be64,
        PAD = 3: Binary,
    }
}

nla_space! {
    /// `NFTA_CHAIN_*`: the attributes of a chain.
    pub mod chain = "NFTA_CHAIN_" {
        UNSPEC = 0: Unspec,
        TABLE = 1: String,
        HANDLE = 2: Be64,
        NAME = 3: String,
        HOOK = 4: Nested(&super::hook::SPACE),
        POLICY = 5: Be32,
        USE = 6: Be32,
        TYPE = 7: String,
        COUNTERS = 8: Nested(&super::counter::SPACE),
        PAD = 9: Binary,
        FLAGS = 10: Be32,
        ID = 11: Be32,
        USERDATA = 12: Binary,
    }
}

/// `NFT_CHAIN_*` flags.
#[allow(missing_docs)]
pub mod chain_flags {
    pub const BASE: u32 = 1;
    pub const HW_OFFLOAD: u32 = 2;
    pub const BINDING: u32 = 4;
}

nla_space! {
    /// `NFTA_EXPR_*`: one expression, its data depending on its name.
    pub mod expr_attr = "NFTA_EXPR_" {
        UNSPEC = 0: Unspec,
        NAME = 1: String,
        DATA = 2: Binary,
    }
}

nla_space! {
    /// `NFTA_LIST_*`: the elements of a rule's expression list.
    pub mod list = "NFTA_LIST_" {
        UNSPEC = 0: Unspec,
        ELEM = 1: Nested(&super::expr_attr::SPACE),
    }
}

nla_space! {
    /// `NFTA_RULE_*`: the attributes of a rule.
    pub mod rule = "NFTA_RULE_" {
        UNSPEC = 0: Unspec,
        TABLE = 1: String,
        CHAIN = 2: String,
        HANDLE = 3: Be64,
        EXPRESSIONS = 4: Nested(&super::list::SPACE),
        COMPAT = 5: Binary,
        POSITION = 6: Be64,
        USERDATA = 7: Binary,
        PAD = 8: Binary,
        ID = 9: Be32,
        POSITION_ID = 10: Be32,
        CHAIN_ID = 11: Be32,
    }
}

nla_space! {
    /// `NFTA_GEN_*`: the generation and who moved it.
    pub mod generation = "NFTA_GEN_" {
        UNSPEC = 0: Unspec,
        ID = 1: Be32,
        PROC_PID = 2: Be32,
        PROC_NAME = 3: String,
    }
}

/// `NFTA_DATA_*`, `NFTA_VERDICT_*` and the verdict codes.
#[allow(missing_docs)]
pub mod data {
    pub const VALUE: u16 = 1;
    pub const VERDICT: u16 = 2;
    pub const VERDICT_CODE: u16 = 1;
    pub const VERDICT_CHAIN: u16 = 2;
    pub const VERDICT_CHAIN_ID: u16 = 3;
    /// NF_DROP.
    pub const DROP: i32 = 0;
    /// NF_ACCEPT.
    pub const ACCEPT: i32 = 1;
    /// NF_STOLEN.
    pub const STOLEN: i32 = 2;
    /// NF_QUEUE.
    pub const QUEUE: i32 = 3;
    /// NFT_CONTINUE.
    pub const CONTINUE: i32 = -1;
    /// NFT_BREAK.
    pub const BREAK: i32 = -2;
    /// NFT_JUMP.
    pub const JUMP: i32 = -3;
    /// NFT_GOTO.
    pub const GOTO: i32 = -4;
    /// NFT_RETURN.
    pub const RETURN: i32 = -5;
    /// NFT_DATA_VALUE_MAXLEN.
    pub const VALUE_MAXLEN: usize = 64;
}

/// Attribute numbers of the expressions (`NFTA_<EXPR>_*`), by expression.
#[allow(missing_docs)]
pub mod expr {
    pub mod payload {
        pub const DREG: u16 = 1;
        pub const BASE: u16 = 2;
        pub const OFFSET: u16 = 3;
        pub const LEN: u16 = 4;
        pub const SREG: u16 = 5;
        pub const CSUM_TYPE: u16 = 6;
        pub const CSUM_OFFSET: u16 = 7;
        pub const CSUM_FLAGS: u16 = 8;
    }
    pub mod cmp {
        pub const SREG: u16 = 1;
        pub const OP: u16 = 2;
        pub const DATA: u16 = 3;
    }
    pub mod meta {
        pub const DREG: u16 = 1;
        pub const KEY: u16 = 2;
        pub const SREG: u16 = 3;
    }
    pub mod ct {
        pub const DREG: u16 = 1;
        pub const KEY: u16 = 2;
        pub const DIRECTION: u16 = 3;
        pub const SREG: u16 = 4;
    }
    pub mod bitwise {
        pub const SREG: u16 = 1;
        pub const DREG: u16 = 2;
        pub const LEN: u16 = 3;
        pub const MASK: u16 = 4;
        pub const XOR: u16 = 5;
        pub const OP: u16 = 6;
        pub const DATA: u16 = 7;
    }
    pub mod range {
        pub const SREG: u16 = 1;
        pub const OP: u16 = 2;
        pub const FROM_DATA: u16 = 3;
        pub const TO_DATA: u16 = 4;
    }
    pub mod immediate {
        pub const DREG: u16 = 1;
        pub const DATA: u16 = 2;
    }
    pub mod counter {
        pub const BYTES: u16 = 1;
        pub const PACKETS: u16 = 2;
    }
    pub mod reject {
        pub const TYPE: u16 = 1;
        pub const ICMP_CODE: u16 = 2;
    }
    pub mod nat {
        pub const TYPE: u16 = 1;
        pub const FAMILY: u16 = 2;
        pub const REG_ADDR_MIN: u16 = 3;
        pub const REG_ADDR_MAX: u16 = 4;
        pub const REG_PROTO_MIN: u16 = 5;
        pub const REG_PROTO_MAX: u16 = 6;
        pub const FLAGS: u16 = 7;
    }
    pub mod masq {
        pub const FLAGS: u16 = 1;
        pub const REG_PROTO_MIN: u16 = 2;
        pub const REG_PROTO_MAX: u16 = 3;
    }
    pub mod redir {
        pub const REG_PROTO_MIN: u16 = 1;
        pub const REG_PROTO_MAX: u16 = 2;
        pub const FLAGS: u16 = 3;
    }
    /// xt match and target (nft_compat).
    pub mod compat {
        pub const NAME: u16 = 1;
        pub const REV: u16 = 2;
        pub const INFO: u16 = 3;
    }
}
