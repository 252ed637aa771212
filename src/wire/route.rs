//! `struct rtmsg`, `struct rtnexthop` and the `RTA_*` attributes of
//! RTM_{NEW,DEL,GET}ROUTE (include/uapi/linux/rtnetlink.h).

use super::{WireError, get_i32, get_u16, get_u32};

/// Size of `struct rtmsg`.
pub const RTMSG_LEN: usize = 12;

/// A parsed `rtmsg`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RtMsgRepr {
    /// `rtm_family`.
    pub family: u8,
    /// `rtm_dst_len`.
    pub dst_len: u8,
    /// `rtm_src_len`.
    pub src_len: u8,
    /// `rtm_tos`.
    pub tos: u8,
    /// `rtm_table` (the low 8 bits; RTA_TABLE holds the full id).
    pub table: u8,
    /// `rtm_protocol`: RTPROT_*.
    pub protocol: u8,
    /// `rtm_scope`: RT_SCOPE_*.
    pub scope: u8,
    /// `rtm_type`: RTN_*.
    pub kind: u8,
    /// `rtm_flags`: RTM_F_* and RTNH_F_*.
    pub flags: u32,
}

impl RtMsgRepr {
    /// Reads an `rtmsg` from the start of a payload.
    pub fn parse(buf: &[u8]) -> Result<Self, WireError> {
        if buf.len() < RTMSG_LEN {
            return Err(WireError::Truncated);
        }
        Ok(RtMsgRepr {
            family: buf[0],
            dst_len: buf[1],
            src_len: buf[2],
            tos: buf[3],
            table: buf[4],
            protocol: buf[5],
            scope: buf[6],
            kind: buf[7],
            flags: get_u32(buf, 8).ok_or(WireError::Truncated)?,
        })
    }

    /// The structure's 12 bytes.
    pub fn to_bytes(&self) -> [u8; RTMSG_LEN] {
        let mut b = [0u8; RTMSG_LEN];
        b[..8].copy_from_slice(&[self.family, self.dst_len, self.src_len, self.tos, self.table, self.protocol, self.scope, self.kind]);
        super::put_bytes(&mut b, 8, &self.flags.to_ne_bytes());
        b
    }
}

super::schema::nla_space! {
    /// `RTA_*`: the attributes of a route message (`rtm_ipv4_policy`,
    /// `rtm_ipv6_policy`).
    pub mod rta = "RTA_" {
        UNSPEC = 0: Unspec,
        DST = 1: Addr,
        SRC = 2: Addr,
        IIF = 3: U32,
        OIF = 4: U32,
        GATEWAY = 5: Addr,
        PRIORITY = 6: U32,
        PREFSRC = 7: Addr,
        METRICS = 8: Nested(&super::rtax::SPACE),
        MULTIPATH = 9: Multipath,
        PROTOINFO = 10: Binary,
        FLOW = 11: U32,
        CACHEINFO = 12: Struct("rta_clntref rta_lastuse rta_expires rta_error rta_used rta_id rta_ts rta_tsage", 4),
        SESSION = 13: Binary,
        MP_ALGO = 14: Binary,
        TABLE = 15: U32,
        MARK = 16: U32,
        MFC_STATS = 17: Binary,
        VIA = 18: Binary,
        NEWDST = 19: Addr,
        PREF = 20: U8,
        ENCAP_TYPE = 21: U16,
        ENCAP = 22: Nested(&super::ENCAP_SPACE),
        EXPIRES = 23: U32,
        PAD = 24: Binary,
        UID = 25: U32,
        TTL_PROPAGATE = 26: U8,
        IP_PROTO = 27: U8,
        SPORT = 28: Be16,
        DPORT = 29: Be16,
        NH_ID = 30: U32,
        FLOWLABEL = 31: Be32,
    }
}

/// RTA_ENCAP's attributes, whose numbers depend on RTA_ENCAP_TYPE.
pub static ENCAP_SPACE: super::schema::Space = super::schema::Space::opaque("ENCAP_");

super::schema::nla_space! {
    /// `RTAX_*`: the metrics inside RTA_METRICS.
    pub mod rtax = "RTAX_" {
        UNSPEC = 0: Unspec,
        LOCK = 1: U32,
        MTU = 2: U32,
        WINDOW = 3: U32,
        RTT = 4: U32,
        RTTVAR = 5: U32,
        SSTHRESH = 6: U32,
        CWND = 7: U32,
        ADVMSS = 8: U32,
        REORDERING = 9: U32,
        HOPLIMIT = 10: U32,
        INITCWND = 11: U32,
        FEATURES = 12: U32,
        RTO_MIN = 13: U32,
        INITRWND = 14: U32,
        QUICKACK = 15: U32,
        CC_ALGO = 16: String,
        FASTOPEN_NO_COOKIE = 17: U32,
    }
}

/// `RTN_*`: the values of `rtm_type` (and of `ndm_type`, rule actions).
#[allow(missing_docs)]
pub mod rtn {
    pub const UNSPEC: u8 = 0;
    pub const UNICAST: u8 = 1;
    pub const LOCAL: u8 = 2;
    pub const BROADCAST: u8 = 3;
    pub const ANYCAST: u8 = 4;
    pub const MULTICAST: u8 = 5;
    pub const BLACKHOLE: u8 = 6;
    pub const UNREACHABLE: u8 = 7;
    pub const PROHIBIT: u8 = 8;
    pub const THROW: u8 = 9;
    pub const NAT: u8 = 10;
    pub const XRESOLVE: u8 = 11;
}

numeric_enum! {
    /// `rtm_type`: what a route does with a packet (RTN_*).
    pub enum RouteType(u8) {
        Unspec = rtn::UNSPEC,
        Unicast = rtn::UNICAST,
        Local = rtn::LOCAL,
        Broadcast = rtn::BROADCAST,
        Anycast = rtn::ANYCAST,
        Multicast = rtn::MULTICAST,
        Blackhole = rtn::BLACKHOLE,
        Unreachable = rtn::UNREACHABLE,
        Prohibit = rtn::PROHIBIT,
        Throw = rtn::THROW,
        Nat = rtn::NAT,
        XResolve = rtn::XRESOLVE,
    }
}

/// `LWTUNNEL_ENCAP_*`: the values of RTA_ENCAP_TYPE (linux/lwtunnel.h).
#[allow(missing_docs)]
pub mod lwtunnel_encap {
    pub const NONE: u16 = 0;
    pub const MPLS: u16 = 1;
    pub const IP: u16 = 2;
    pub const ILA: u16 = 3;
    pub const IP6: u16 = 4;
    pub const SEG6: u16 = 5;
    pub const BPF: u16 = 6;
    pub const SEG6_LOCAL: u16 = 7;
    pub const RPL: u16 = 8;
    pub const IOAM6: u16 = 9;
    pub const XFRM: u16 = 10;
    /// The highest encapsulation type of Linux 6.18.
    pub const MAX: u16 = XFRM;
}

/// The names of the `RTN_*` route types, by value.
pub const ROUTE_TYPE_NAMES: &str = "unspec unicast local broadcast anycast multicast blackhole unreachable prohibit throw \
     nat xresolve";

/// The name of an `RT_SCOPE_*` value (0 is `universe`).
pub fn scope_name(s: u8) -> Option<&'static str> {
    Some(match s {
        scope::UNIVERSE => "universe",
        scope::SITE => "site",
        scope::LINK => "link",
        scope::HOST => "host",
        scope::NOWHERE => "nowhere",
        _ => return None,
    })
}

/// The name of an `RTPROT_*` value this stack knows.
pub fn rtprot_name(p: u8) -> Option<&'static str> {
    Some(match p {
        rtprot::UNSPEC => "unspec",
        rtprot::REDIRECT => "redirect",
        rtprot::KERNEL => "kernel",
        rtprot::BOOT => "boot",
        rtprot::STATIC => "static",
        rtprot::RA => "ra",
        rtprot::DHCP => "dhcp",
        _ => return None,
    })
}

/// `RT_SCOPE_*`.
#[allow(missing_docs)]
pub mod scope {
    pub const UNIVERSE: u8 = 0;
    pub const SITE: u8 = 200;
    pub const LINK: u8 = 253;
    pub const HOST: u8 = 254;
    pub const NOWHERE: u8 = 255;
}

/// `RTPROT_*` route origins.
#[allow(missing_docs)]
pub mod rtprot {
    pub const UNSPEC: u8 = 0;
    pub const REDIRECT: u8 = 1;
    pub const KERNEL: u8 = 2;
    pub const BOOT: u8 = 3;
    pub const STATIC: u8 = 4;
    pub const RA: u8 = 9;
    pub const DHCP: u8 = 16;
}

/// `RT_TABLE_*` reserved table ids.
#[allow(missing_docs)]
pub mod table {
    pub const UNSPEC: u32 = 0;
    pub const COMPAT: u32 = 252;
    pub const DEFAULT: u32 = 253;
    pub const MAIN: u32 = 254;
    pub const LOCAL: u32 = 255;
}

/// `RTM_F_*` flags of `rtm_flags`.
#[allow(missing_docs)]
pub mod rtm_f {
    pub const NOTIFY: u32 = 0x100;
    pub const CLONED: u32 = 0x200;
    pub const EQUALIZE: u32 = 0x400;
    pub const PREFIX: u32 = 0x800;
    pub const LOOKUP_TABLE: u32 = 0x1000;
    pub const FIB_MATCH: u32 = 0x2000;
    pub const OFFLOAD: u32 = 0x4000;
    pub const TRAP: u32 = 0x8000;
    pub const OFFLOAD_FAILED: u32 = 0x2000_0000;
}

/// `RTNH_F_*` next-hop flags (also in `rtm_flags`).
#[allow(missing_docs)]
pub mod rtnh_f {
    pub const DEAD: u8 = 1;
    pub const PERVASIVE: u8 = 2;
    pub const ONLINK: u8 = 4;
    pub const OFFLOAD: u8 = 8;
    pub const LINKDOWN: u8 = 16;
    pub const UNRESOLVED: u8 = 32;
    pub const TRAP: u8 = 64;
}

/// IPv6 route preference values of RTA_PREF.
#[allow(missing_docs)]
pub mod pref {
    pub const MEDIUM: u8 = 0;
    pub const HIGH: u8 = 1;
    pub const INVALID: u8 = 2;
    pub const LOW: u8 = 3;
}

/// Size of `struct rtnexthop`.
pub const RTNH_LEN: usize = 8;

/// One `rtnexthop` inside RTA_MULTIPATH, with its own attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextHopView<'a> {
    /// `rtnh_flags`.
    pub flags: u8,
    /// `rtnh_hops`: weight minus one.
    pub hops: u8,
    /// `rtnh_ifindex`.
    pub ifindex: i32,
    /// The attributes after the structure (RTA_GATEWAY, RTA_VIA, ...).
    pub attrs: &'a [u8],
}

/// Splits an RTA_MULTIPATH payload into next hops (`rtnh_ok`/`rtnh_next`).
pub fn parse_multipath(buf: &[u8]) -> Result<Vec<NextHopView<'_>>, WireError> {
    let mut out = Vec::new();
    let mut pos = 0;
    while buf.len().saturating_sub(pos) >= RTNH_LEN {
        let len = get_u16(buf, pos).ok_or(WireError::Truncated)? as usize;
        if len < RTNH_LEN || pos + len > buf.len() {
            return Err(WireError::BadLength);
        }
        out.push(NextHopView {
            flags: buf[pos + 2],
            hops: buf[pos + 3],
            ifindex: get_i32(buf, pos + 4).ok_or(WireError::Truncated)?,
            attrs: &buf[pos + RTNH_LEN..pos + len],
        });
        pos += super::align4(len);
    }
    if pos < buf.len() && out.is_empty() {
        return Err(WireError::Truncated);
    }
    Ok(out)
}

/// Writes one `rtnexthop` header with its total length (header + attributes).
pub fn rtnh_header(len: u16, flags: u8, hops: u8, ifindex: i32) -> [u8; RTNH_LEN] {
    let mut b = [0u8; RTNH_LEN];
    super::put_bytes(&mut b, 0, &len.to_ne_bytes());
    b[2] = flags;
    b[3] = hops;
    super::put_bytes(&mut b, 4, &ifindex.to_ne_bytes());
    b
}
