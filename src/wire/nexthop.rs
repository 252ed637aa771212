//! `struct nhmsg`, `struct nexthop_grp` and the `NHA_*` attributes of
//! RTM_{NEW,DEL,GET}NEXTHOP (include/uapi/linux/nexthop.h).

/// `struct nhmsg`: family, scope, protocol, reserved, flags (u32).
pub const NHMSG_LEN: usize = 8;
/// `struct nexthop_grp`: id (u32), weight (u8), two reserved fields.
pub const NEXTHOP_GRP_LEN: usize = 8;
/// `NEXTHOP_GRP_TYPE_MPATH`: hash-threshold multipath.
pub const GRP_TYPE_MPATH: u16 = 0;
/// `NEXTHOP_GRP_TYPE_RES`: a resilient group (buckets).
pub const GRP_TYPE_RES: u16 = 1;
/// `NHA_OP_FLAG_RESP_GRP_RESVD_0`: in a group's description, the
/// reserved fields of `struct nexthop_grp` are zero.
pub const OP_FLAG_RESP_GRP_RESVD_0: u32 = 1 << 31;

super::schema::nla_space! {
    /// `NHA_*`: a next-hop object (`rtm_nh_policy_new`, `_get`, `_dump`).
    pub mod nha = "NHA_" {
        UNSPEC = 0: Unspec,
        ID = 1: U32,
        GROUP = 2: Binary,
        GROUP_TYPE = 3: Enum("mpath resilient"),
        BLACKHOLE = 4: Flag,
        OIF = 5: U32,
        GATEWAY = 6: Addr,
        ENCAP_TYPE = 7: U16,
        ENCAP = 8: Binary,
        GROUPS = 9: Flag,
        MASTER = 10: U32,
        FDB = 11: Flag,
        RES_GROUP = 12: Nested(&super::nha_res_group::SPACE),
        RES_BUCKET = 13: Nested(&super::nha_res_bucket::SPACE),
        OP_FLAGS = 14: U32,
        GROUP_STATS = 15: Binary,
        HW_STATS_ENABLE = 16: U32,
        HW_STATS_USED = 17: U32,
    }
}

super::schema::nla_space! {
    /// `NHA_RES_GROUP_*`: a resilient group's table (`rtm_nh_res_policy_new`).
    pub mod nha_res_group = "NHA_RES_GROUP_" {
        PAD = 0: Unspec,
        BUCKETS = 1: U16,
        IDLE_TIMER = 2: U32,
        UNBALANCED_TIMER = 3: U32,
        UNBALANCED_TIME = 4: U64,
    }
}

super::schema::nla_space! {
    /// `NHA_RES_BUCKET_*`: one bucket of a resilient group.
    pub mod nha_res_bucket = "NHA_RES_BUCKET_" {
        PAD = 0: Unspec,
        INDEX = 1: U16,
        IDLE_TIME = 2: U64,
        NH_ID = 3: U32,
    }
}

/// The header of a nexthop message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NhMsg {
    /// `nh_family`.
    pub family: u8,
    /// `nh_scope`.
    pub scope: u8,
    /// `nh_protocol`.
    pub protocol: u8,
    /// `resvd`.
    pub resvd: u8,
    /// `nh_flags` (RTNH_F_*).
    pub flags: u32,
}

impl NhMsg {
    /// Reads the header from the start of `buf`.
    pub fn parse(buf: &[u8]) -> Result<NhMsg, super::WireError> {
        let b = buf.get(..NHMSG_LEN).ok_or(super::WireError::Truncated)?;
        Ok(NhMsg { family: b[0], scope: b[1], protocol: b[2], resvd: b[3], flags: u32::from_ne_bytes([b[4], b[5], b[6], b[7]]) })
    }

    /// The header's bytes.
    pub fn to_bytes(&self) -> [u8; NHMSG_LEN] {
        let f = self.flags.to_ne_bytes();
        [self.family, self.scope, self.protocol, self.resvd, f[0], f[1], f[2], f[3]]
    }
}

/// One `struct nexthop_grp` entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupEntry {
    /// The member's id.
    pub id: u32,
    /// Weight minus one, as on the wire.
    pub weight: u8,
    /// `resvd1`.
    pub resvd1: u8,
    /// `resvd2`.
    pub resvd2: u16,
}

/// The entries of an NHA_GROUP payload (any trailing partial entry dropped).
pub fn parse_group(buf: &[u8]) -> Vec<GroupEntry> {
    buf.chunks_exact(NEXTHOP_GRP_LEN)
        .map(|c| GroupEntry {
            id: u32::from_ne_bytes([c[0], c[1], c[2], c[3]]),
            weight: c[4],
            resvd1: c[5],
            resvd2: u16::from_ne_bytes([c[6], c[7]]),
        })
        .collect()
}

/// An NHA_GROUP payload.
pub fn group_bytes(entries: &[GroupEntry]) -> Vec<u8> {
    let mut out = Vec::with_capacity(entries.len() * NEXTHOP_GRP_LEN);
    for e in entries {
        out.extend_from_slice(&e.id.to_ne_bytes());
        out.push(e.weight);
        out.push(e.resvd1);
        out.extend_from_slice(&e.resvd2.to_ne_bytes());
    }
    out
}
