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
    pub const DESTROYSET: u8 = 29;
    pub const DESTROYSETELEM: u8 = 30;
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
        DATA = 2: ByName(super::expr_attr::NAME, super::expr::expr_data_space),
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
    /// `NFTA_SET_DESC_*`: a set's description (its size).
    pub mod set_desc = "NFTA_SET_DESC_" {
        UNSPEC = 0: Unspec,
        SIZE = 1: Be32,
        CONCAT = 2: Binary,
    }
}

nla_space! {
    /// `NFTA_SET_*`: the attributes of a set or map.
    pub mod set = "NFTA_SET_" {
        UNSPEC = 0: Unspec,
        TABLE = 1: String,
        NAME = 2: String,
        FLAGS = 3: Be32,
        KEY_TYPE = 4: Be32,
        KEY_LEN = 5: Be32,
        DATA_TYPE = 6: Be32,
        DATA_LEN = 7: Be32,
        POLICY = 8: Be32,
        DESC = 9: Nested(&super::set_desc::SPACE),
        ID = 10: Be32,
        TIMEOUT = 11: Be64,
        GC_INTERVAL = 12: Be32,
        USERDATA = 13: Binary,
        PAD = 14: Binary,
        OBJ_TYPE = 15: Be32,
        HANDLE = 16: Be64,
        EXPR = 17: Binary,
        EXPRESSIONS = 18: Binary,
        TYPE = 19: String,
        COUNT = 20: Be32,
    }
}

/// `NFT_SET_*` flags.
#[allow(missing_docs)]
/// The NF_NAT_RANGE_* flags of a NAT range (`uapi/linux/netfilter/nf_nat.h`),
/// in nft's NAT expressions and in xtables' NAT targets alike.
pub mod nat_range {
    /// NF_NAT_RANGE_MAP_IPS: the range has addresses.
    pub const MAP_IPS: u32 = 1;
    /// NF_NAT_RANGE_PROTO_SPECIFIED: the range has ports.
    pub const PROTO_SPECIFIED: u32 = 2;
    /// NF_NAT_RANGE_PROTO_RANDOM (`--random`, `random`).
    pub const PROTO_RANDOM: u32 = 4;
    /// NF_NAT_RANGE_PERSISTENT: the address hash leaves the destination out.
    pub const PERSISTENT: u32 = 8;
    /// NF_NAT_RANGE_PROTO_RANDOM_FULLY (`--random-fully`, `fully-random`).
    pub const PROTO_RANDOM_FULLY: u32 = 16;
}

pub mod set_flags {
    pub const ANONYMOUS: u32 = 1;
    pub const CONSTANT: u32 = 2;
    pub const INTERVAL: u32 = 4;
    pub const MAP: u32 = 8;
    pub const TIMEOUT: u32 = 16;
    pub const EVAL: u32 = 32;
    pub const OBJECT: u32 = 64;
    pub const CONCAT: u32 = 128;
    /// NFT_SET_ELEM_INTERVAL_END, an element's flag.
    pub const ELEM_INTERVAL_END: u32 = 1;
    /// NFT_DATA_VERDICT, the data type of a verdict map.
    pub const DATA_VERDICT: u32 = 0xffff_ff00;
}

nla_space! {
    /// `NFTA_SET_ELEM_*`: one element.
    pub mod set_elem = "NFTA_SET_ELEM_" {
        UNSPEC = 0: Unspec,
        KEY = 1: Nested(&super::data_attr::SPACE),
        DATA = 2: Nested(&super::data_attr::SPACE),
        FLAGS = 3: Be32,
        TIMEOUT = 4: Be64,
        EXPIRATION = 5: Be64,
        USERDATA = 6: Binary,
        EXPR = 7: Binary,
        PAD = 8: Binary,
        OBJREF = 9: String,
        KEY_END = 10: Nested(&super::data_attr::SPACE),
        EXPRESSIONS = 11: Binary,
    }
}

nla_space! {
    /// `NFTA_SET_ELEM_LIST_ELEMENTS`' elements.
    pub mod set_elems = "NFTA_LIST_" {
        UNSPEC = 0: Unspec,
        ELEM = 1: Nested(&super::set_elem::SPACE),
    }
}

nla_space! {
    /// `NFTA_SET_ELEM_LIST_*`: elements of a set, as a batch adds them.
    pub mod set_elem_list = "NFTA_SET_ELEM_LIST_" {
        UNSPEC = 0: Unspec,
        TABLE = 1: String,
        SET = 2: String,
        ELEMENTS = 3: Nested(&super::set_elems::SPACE),
        SET_ID = 4: Be32,
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
    /// `NFNL_BATCH_*`: the attributes of NFNL_MSG_BATCH_BEGIN.
    pub mod batch = "NFNL_BATCH_" {
        UNSPEC = 0: Unspec,
        GENID = 1: Be32,
    }
}

nla_space! {
    /// `NFTA_COMPAT_*`: an xt match or target revision query (NFNL_SUBSYS_NFT_COMPAT).
    pub mod compat_query = "NFTA_COMPAT_" {
        UNSPEC = 0: Unspec,
        NAME = 1: String,
        REV = 2: Be32,
        TYPE = 3: Be32Enum("match target"),
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

/// `NFT_REG_*` and `NFT_REG32_*` register numbers, by value.
pub const REG_NAMES: &str = "NFT_REG_VERDICT NFT_REG_1 NFT_REG_2 NFT_REG_3 NFT_REG_4    NFT_REG32_00 NFT_REG32_01 \
    NFT_REG32_02 NFT_REG32_03 NFT_REG32_04 NFT_REG32_05 NFT_REG32_06 NFT_REG32_07 NFT_REG32_08 NFT_REG32_09 NFT_REG32_10 \
    NFT_REG32_11 NFT_REG32_12 NFT_REG32_13 NFT_REG32_14 NFT_REG32_15";
/// `NFT_META_*` keys, by value.
pub const META_KEY_NAMES: &str = "NFT_META_LEN NFT_META_PROTOCOL NFT_META_PRIORITY NFT_META_MARK NFT_META_IIF \
    NFT_META_OIF NFT_META_IIFNAME NFT_META_OIFNAME NFT_META_IIFTYPE NFT_META_OIFTYPE NFT_META_SKUID NFT_META_SKGID \
    NFT_META_NFTRACE NFT_META_RTCLASSID NFT_META_SECMARK NFT_META_NFPROTO NFT_META_L4PROTO NFT_META_BRI_IIFNAME \
    NFT_META_BRI_OIFNAME NFT_META_PKTTYPE NFT_META_CPU NFT_META_IIFGROUP NFT_META_OIFGROUP NFT_META_CGROUP \
    NFT_META_PRANDOM NFT_META_SECPATH NFT_META_IIFKIND NFT_META_OIFKIND NFT_META_BRI_IIFPVID NFT_META_BRI_IIFVPROTO \
    NFT_META_TIME_NS NFT_META_TIME_DAY NFT_META_TIME_HOUR NFT_META_SDIF NFT_META_SDIFNAME";
/// `NFT_CT_*` keys, by value.
pub const CT_KEY_NAMES: &str = "NFT_CT_STATE NFT_CT_DIRECTION NFT_CT_STATUS NFT_CT_MARK NFT_CT_SECMARK \
    NFT_CT_EXPIRATION NFT_CT_HELPER NFT_CT_L3PROTOCOL NFT_CT_SRC NFT_CT_DST NFT_CT_PROTOCOL NFT_CT_PROTO_SRC \
    NFT_CT_PROTO_DST NFT_CT_LABELS NFT_CT_PKTS NFT_CT_BYTES NFT_CT_AVGPKT NFT_CT_ZONE NFT_CT_EVENTMASK \
    NFT_CT_SRC_IP NFT_CT_DST_IP NFT_CT_SRC_IP6 NFT_CT_DST_IP6 NFT_CT_ID";
/// `NFPROTO_*`, by value.
pub const NFPROTO_NAMES: &str = "NFPROTO_UNSPEC NFPROTO_INET NFPROTO_IPV4 NFPROTO_ARP  NFPROTO_NETDEV  NFPROTO_BRIDGE   NFPROTO_IPV6";

nla_space! {
    /// `NFTA_VERDICT_*`: a verdict (the code's names: [`verdict_name`]).
    pub mod verdict = "NFTA_VERDICT_" {
        UNSPEC = 0: Unspec,
        CODE = 1: Be32,
        CHAIN = 2: String,
        CHAIN_ID = 3: Be32,
    }
}

nla_space! {
    /// `NFTA_DATA_*`: a constant or a verdict (`struct nft_data`).
    pub mod data_attr = "NFTA_DATA_" {
        UNSPEC = 0: Unspec,
        VALUE = 1: Binary,
        VERDICT = 2: Nested(&super::verdict::SPACE),
    }
}

/// `NF_DROP`, `NFT_JUMP`, ... for a verdict code; None for others.
pub fn verdict_name(code: i32) -> Option<&'static str> {
    Some(match code {
        data::DROP => "NF_DROP",
        data::ACCEPT => "NF_ACCEPT",
        data::STOLEN => "NF_STOLEN",
        data::QUEUE => "NF_QUEUE",
        data::CONTINUE => "NFT_CONTINUE",
        data::BREAK => "NFT_BREAK",
        data::JUMP => "NFT_JUMP",
        data::GOTO => "NFT_GOTO",
        data::RETURN => "NFT_RETURN",
        _ => return None,
    })
}

/// Attribute numbers of the expressions (`NFTA_<EXPR>_*`), by expression,
/// with their spaces for decoding ([`expr_data_space`]).
pub mod expr {
    use super::{CT_KEY_NAMES, META_KEY_NAMES, NFPROTO_NAMES, REG_NAMES, nla_space};

    nla_space! {
        pub mod payload = "NFTA_PAYLOAD_" {
            UNSPEC = 0: Unspec,
            DREG = 1: Be32Enum(REG_NAMES),
            BASE = 2: Be32Enum("NFT_PAYLOAD_LL_HEADER NFT_PAYLOAD_NETWORK_HEADER NFT_PAYLOAD_TRANSPORT_HEADER NFT_PAYLOAD_INNER_HEADER"),
            OFFSET = 3: Be32,
            LEN = 4: Be32,
            SREG = 5: Be32Enum(REG_NAMES),
            CSUM_TYPE = 6: Be32Enum("NFT_PAYLOAD_CSUM_NONE NFT_PAYLOAD_CSUM_INET NFT_PAYLOAD_CSUM_SCTP"),
            CSUM_OFFSET = 7: Be32,
            CSUM_FLAGS = 8: Be32,
        }
    }
    nla_space! {
        pub mod cmp = "NFTA_CMP_" {
            UNSPEC = 0: Unspec,
            SREG = 1: Be32Enum(REG_NAMES),
            OP = 2: Be32Enum("NFT_CMP_EQ NFT_CMP_NEQ NFT_CMP_LT NFT_CMP_LTE NFT_CMP_GT NFT_CMP_GTE"),
            DATA = 3: Nested(&crate::wire::nftables::data_attr::SPACE),
        }
    }
    nla_space! {
        pub mod range = "NFTA_RANGE_" {
            UNSPEC = 0: Unspec,
            SREG = 1: Be32Enum(REG_NAMES),
            OP = 2: Be32Enum("NFT_RANGE_EQ NFT_RANGE_NEQ"),
            FROM_DATA = 3: Nested(&crate::wire::nftables::data_attr::SPACE),
            TO_DATA = 4: Nested(&crate::wire::nftables::data_attr::SPACE),
        }
    }
    nla_space! {
        pub mod meta = "NFTA_META_" {
            UNSPEC = 0: Unspec,
            DREG = 1: Be32Enum(REG_NAMES),
            KEY = 2: Be32Enum(META_KEY_NAMES),
            SREG = 3: Be32Enum(REG_NAMES),
        }
    }
    nla_space! {
        pub mod ct = "NFTA_CT_" {
            UNSPEC = 0: Unspec,
            DREG = 1: Be32Enum(REG_NAMES),
            KEY = 2: Be32Enum(CT_KEY_NAMES),
            DIRECTION = 3: Enum("IP_CT_DIR_ORIGINAL IP_CT_DIR_REPLY"),
            SREG = 4: Be32Enum(REG_NAMES),
        }
    }
    nla_space! {
        pub mod bitwise = "NFTA_BITWISE_" {
            UNSPEC = 0: Unspec,
            SREG = 1: Be32Enum(REG_NAMES),
            DREG = 2: Be32Enum(REG_NAMES),
            LEN = 3: Be32,
            MASK = 4: Nested(&crate::wire::nftables::data_attr::SPACE),
            XOR = 5: Nested(&crate::wire::nftables::data_attr::SPACE),
            OP = 6: Be32Enum("NFT_BITWISE_BOOL NFT_BITWISE_LSHIFT NFT_BITWISE_RSHIFT"),
            DATA = 7: Nested(&crate::wire::nftables::data_attr::SPACE),
        }
    }
    nla_space! {
        pub mod immediate = "NFTA_IMMEDIATE_" {
            UNSPEC = 0: Unspec,
            DREG = 1: Be32Enum(REG_NAMES),
            DATA = 2: Nested(&crate::wire::nftables::data_attr::SPACE),
        }
    }
    nla_space! {
        pub mod counter = "NFTA_COUNTER_" {
            UNSPEC = 0: Unspec,
            BYTES = 1: Be64,
            PACKETS = 2: Be64,
            PAD = 3: Binary,
        }
    }
    nla_space! {
        pub mod reject = "NFTA_REJECT_" {
            UNSPEC = 0: Unspec,
            TYPE = 1: Be32Enum("NFT_REJECT_ICMP_UNREACH NFT_REJECT_TCP_RST NFT_REJECT_ICMPX_UNREACH"),
            ICMP_CODE = 2: U8,
        }
    }
    nla_space! {
        pub mod nat = "NFTA_NAT_" {
            UNSPEC = 0: Unspec,
            TYPE = 1: Be32Enum("NFT_NAT_SNAT NFT_NAT_DNAT"),
            FAMILY = 2: Be32Enum(NFPROTO_NAMES),
            REG_ADDR_MIN = 3: Be32Enum(REG_NAMES),
            REG_ADDR_MAX = 4: Be32Enum(REG_NAMES),
            REG_PROTO_MIN = 5: Be32Enum(REG_NAMES),
            REG_PROTO_MAX = 6: Be32Enum(REG_NAMES),
            FLAGS = 7: Be32,
        }
    }
    nla_space! {
        pub mod masq = "NFTA_MASQ_" {
            UNSPEC = 0: Unspec,
            FLAGS = 1: Be32,
            REG_PROTO_MIN = 2: Be32Enum(REG_NAMES),
            REG_PROTO_MAX = 3: Be32Enum(REG_NAMES),
        }
    }
    nla_space! {
        pub mod redir = "NFTA_REDIR_" {
            UNSPEC = 0: Unspec,
            REG_PROTO_MIN = 1: Be32Enum(REG_NAMES),
            REG_PROTO_MAX = 2: Be32Enum(REG_NAMES),
            FLAGS = 3: Be32,
        }
    }
    nla_space! {
        pub mod lookup = "NFTA_LOOKUP_" {
            UNSPEC = 0: Unspec,
            SET = 1: String,
            SREG = 2: Be32Enum(REG_NAMES),
            DREG = 3: Be32Enum(REG_NAMES),
            SET_ID = 4: Be32,
            FLAGS = 5: Be32,
        }
    }
    nla_space! {
        pub mod log = "NFTA_LOG_" {
            UNSPEC = 0: Unspec,
            GROUP = 1: Be16,
            PREFIX = 2: String,
            SNAPLEN = 3: Be32,
            QTHRESHOLD = 4: Be16,
            LEVEL = 5: Be32,
            FLAGS = 6: Be32,
        }
    }
    nla_space! {
        pub mod limit = "NFTA_LIMIT_" {
            UNSPEC = 0: Unspec,
            RATE = 1: Be64,
            UNIT = 2: Be64,
            BURST = 3: Be32,
            TYPE = 4: Be32,
            FLAGS = 5: Be32,
        }
    }
    nla_space! {
        /// xt match and target (nft_compat).
        pub mod compat = "NFTA_MATCH_" {
            UNSPEC = 0: Unspec,
            NAME = 1: String,
            REV = 2: Be32,
            INFO = 3: Binary,
        }
    }
    nla_space! {
        /// nft_compat's target attributes (the numbers of `compat`).
        pub mod target = "NFTA_TARGET_" {
            UNSPEC = 0: Unspec,
            NAME = 1: String,
            REV = 2: Be32,
            INFO = 3: Binary,
        }
    }
    /// The data of an expression this decoder does not know.
    static UNKNOWN: crate::wire::schema::Space = crate::wire::schema::Space::opaque("NFTA_EXPR_DATA_");

    /// The space of `NFTA_EXPR_DATA` for the expression named `name`.
    pub fn expr_data_space(name: &str) -> &'static crate::wire::schema::Space {
        match name {
            "payload" => &payload::SPACE,
            "cmp" => &cmp::SPACE,
            "range" => &range::SPACE,
            "meta" => &meta::SPACE,
            "ct" => &ct::SPACE,
            "bitwise" => &bitwise::SPACE,
            "immediate" => &immediate::SPACE,
            "counter" => &counter::SPACE,
            "reject" => &reject::SPACE,
            "nat" => &nat::SPACE,
            "masq" => &masq::SPACE,
            "redir" => &redir::SPACE,
            "lookup" => &lookup::SPACE,
            "log" => &log::SPACE,
            "limit" => &limit::SPACE,
            "match" => &compat::SPACE,
            "target" => &target::SPACE,
            _ => &UNKNOWN,
        }
    }
}
