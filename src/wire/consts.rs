//! Numbers shared by every netlink family: message types, header flags,
//! address families, multicast groups and socket options (include/uapi/linux/
//! netlink.h and rtnetlink.h).

/// Control message: nothing to do.
pub const NLMSG_NOOP: u16 = 1;
/// Control message: an error or an acknowledgement.
pub const NLMSG_ERROR: u16 = 2;
/// Control message: the end of a dump.
pub const NLMSG_DONE: u16 = 3;
/// Control message: data lost.
pub const NLMSG_OVERRUN: u16 = 4;

/// Request: the message is a request.
pub const NLM_F_REQUEST: u16 = 0x01;
/// Part of a multipart reply.
pub const NLM_F_MULTI: u16 = 0x02;
/// Request: reply with an acknowledgement on success.
pub const NLM_F_ACK: u16 = 0x04;
/// Request: echo this request (as a notification copy).
pub const NLM_F_ECHO: u16 = 0x08;
/// Dump: the dump was inconsistent.
pub const NLM_F_DUMP_INTR: u16 = 0x10;
/// Dump: the dump was filtered as requested.
pub const NLM_F_DUMP_FILTERED: u16 = 0x20;
/// GET: the whole table rather than one entry.
pub const NLM_F_ROOT: u16 = 0x100;
/// GET: all entries matching the criteria.
pub const NLM_F_MATCH: u16 = 0x200;
/// GET: atomic snapshot (unused by Linux).
pub const NLM_F_ATOMIC: u16 = 0x400;
/// GET: `NLM_F_ROOT | NLM_F_MATCH`.
pub const NLM_F_DUMP: u16 = NLM_F_ROOT | NLM_F_MATCH;
/// NEW: replace an existing object.
pub const NLM_F_REPLACE: u16 = 0x100;
/// NEW: fail if the object exists.
pub const NLM_F_EXCL: u16 = 0x200;
/// NEW: create the object if it does not exist.
pub const NLM_F_CREATE: u16 = 0x400;
/// NEW: add to the end of the object list.
pub const NLM_F_APPEND: u16 = 0x800;
/// DELETE: delete all objects matching the criteria.
pub const NLM_F_BULK: u16 = 0x200;
/// ACK: the request was not echoed in the error message.
pub const NLM_F_CAPPED: u16 = 0x100;
/// ACK: extended-ack attributes follow the error.
pub const NLM_F_ACK_TLVS: u16 = 0x200;

/// Extended ack attribute: a human-readable message (NUL-terminated).
pub const NLMSGERR_ATTR_MSG: u16 = super::errmsg::nlmsgerr_attr::MSG;
/// Extended ack attribute: offset of the offending attribute in the request.
pub const NLMSGERR_ATTR_OFFS: u16 = super::errmsg::nlmsgerr_attr::OFFS;
/// Extended ack attribute: an opaque cookie.
pub const NLMSGERR_ATTR_COOKIE: u16 = super::errmsg::nlmsgerr_attr::COOKIE;
/// Extended ack attribute: the policy of the offending attribute.
pub const NLMSGERR_ATTR_POLICY: u16 = super::errmsg::nlmsgerr_attr::POLICY;
/// Extended ack attribute: the type of a missing attribute.
pub const NLMSGERR_ATTR_MISS_TYPE: u16 = super::errmsg::nlmsgerr_attr::MISS_TYPE;
/// Extended ack attribute: the nest that lacks an attribute.
pub const NLMSGERR_ATTR_MISS_NEST: u16 = super::errmsg::nlmsgerr_attr::MISS_NEST;

/// Socket level of netlink options.
pub const SOL_NETLINK: i32 = 270;
/// Socket option: join a multicast group.
pub const NETLINK_ADD_MEMBERSHIP: i32 = 1;
/// Socket option: leave a multicast group.
pub const NETLINK_DROP_MEMBERSHIP: i32 = 2;
/// Socket option: report packet info.
pub const NETLINK_PKTINFO: i32 = 3;
/// Socket option: do not report ENOBUFS.
pub const NETLINK_NO_ENOBUFS: i32 = 5;
/// Socket option: receive from every namespace.
pub const NETLINK_LISTEN_ALL_NSID: i32 = 8;
/// Socket option: list the joined groups.
pub const NETLINK_LIST_MEMBERSHIPS: i32 = 9;
/// Socket option: do not echo the request in errors.
pub const NETLINK_CAP_ACK: i32 = 10;
/// Socket option: extended acknowledgements.
pub const NETLINK_EXT_ACK: i32 = 11;
/// Socket option: strict checking of dump requests.
pub const NETLINK_GET_STRICT_CHK: i32 = 12;

/// Address family: unspecified (links, rules of every family).
pub const AF_UNSPEC: u8 = 0;
/// Address family: local (used for `ip netconf`).
pub const AF_UNIX: u8 = 1;
/// Address family: IPv4.
pub const AF_INET: u8 = 2;
/// Address family: bridge (`bridge` command objects).
pub const AF_BRIDGE: u8 = 7;
/// Address family: IPv6.
pub const AF_INET6: u8 = 10;
/// Address family: netlink.
pub const AF_NETLINK: u8 = 16;
/// Address family: packet (link-layer addresses).
pub const AF_PACKET: u8 = 17;
/// Address family: MPLS.
pub const AF_MPLS: u8 = 28;

/// `RTNL_FAMILY_IPMR`: the IPv4 multicast routing family of rtnetlink.
pub const RTNL_FAMILY_IPMR: u8 = 128;
/// `RTNL_FAMILY_IP6MR`: the IPv6 multicast routing family of rtnetlink.
pub const RTNL_FAMILY_IP6MR: u8 = 129;

/// `nlmsg_type` numbers under their C names (`RTM_*`), for the code that
/// mirrors iproute2; [`MessageType`] names the same numbers.
#[allow(missing_docs)]
pub mod rtm_types {
    /// Declares the message types once: a constant each and [`RTM_NAMES`].
    macro_rules! rtm_types {
        ($($name:ident = $num:literal,)+) => {
            $(pub const $name: u16 = $num;)+
            /// Every rtnetlink message type with its C name, by number.
            pub const RTM_NAMES: &[(u16, &str)] = &[$(($num, stringify!($name))),+];
        };
    }
    rtm_types! {
        RTM_NEWLINK = 16,
        RTM_DELLINK = 17,
        RTM_GETLINK = 18,
        RTM_SETLINK = 19,
        RTM_NEWADDR = 20,
        RTM_DELADDR = 21,
        RTM_GETADDR = 22,
        RTM_NEWROUTE = 24,
        RTM_DELROUTE = 25,
        RTM_GETROUTE = 26,
        RTM_NEWNEIGH = 28,
        RTM_DELNEIGH = 29,
        RTM_GETNEIGH = 30,
        RTM_NEWRULE = 32,
        RTM_DELRULE = 33,
        RTM_GETRULE = 34,
        RTM_NEWQDISC = 36,
        RTM_DELQDISC = 37,
        RTM_GETQDISC = 38,
        RTM_NEWPREFIX = 52,
        RTM_NEWNEIGHTBL = 64,
        RTM_GETNEIGHTBL = 66,
        RTM_SETNEIGHTBL = 67,
        RTM_NEWADDRLABEL = 72,
        RTM_DELADDRLABEL = 73,
        RTM_GETADDRLABEL = 74,
        RTM_NEWNETCONF = 80,
        RTM_DELNETCONF = 81,
        RTM_GETNETCONF = 82,
        RTM_NEWNSID = 88,
        RTM_DELNSID = 89,
        RTM_GETNSID = 90,
        RTM_NEWSTATS = 92,
        RTM_GETSTATS = 94,
        RTM_NEWNEXTHOP = 104,
        RTM_DELNEXTHOP = 105,
        RTM_GETNEXTHOP = 106,
        RTM_NEWLINKPROP = 108,
        RTM_DELLINKPROP = 109,
        RTM_GETLINKPROP = 110,
        RTM_NEWVLAN = 112,
        RTM_DELVLAN = 113,
        RTM_GETVLAN = 114,
        RTM_NEWNEXTHOPBUCKET = 116,
        RTM_DELNEXTHOPBUCKET = 117,
        RTM_GETNEXTHOPBUCKET = 118,
    }
}
pub use rtm_types::*;

numeric_enum! {
    /// The `nlmsg_type` of an rtnetlink message.
    pub enum MessageType(u16) {
        Noop = NLMSG_NOOP,
        Error = NLMSG_ERROR,
        Done = NLMSG_DONE,
        Overrun = NLMSG_OVERRUN,
        NewLink = RTM_NEWLINK,
        DelLink = RTM_DELLINK,
        GetLink = RTM_GETLINK,
        SetLink = RTM_SETLINK,
        NewAddr = RTM_NEWADDR,
        DelAddr = RTM_DELADDR,
        GetAddr = RTM_GETADDR,
        NewRoute = RTM_NEWROUTE,
        DelRoute = RTM_DELROUTE,
        GetRoute = RTM_GETROUTE,
        NewNeigh = RTM_NEWNEIGH,
        DelNeigh = RTM_DELNEIGH,
        GetNeigh = RTM_GETNEIGH,
        NewRule = RTM_NEWRULE,
        DelRule = RTM_DELRULE,
        GetRule = RTM_GETRULE,
        NewQdisc = RTM_NEWQDISC,
        DelQdisc = RTM_DELQDISC,
        GetQdisc = RTM_GETQDISC,
        NewNeighTbl = RTM_NEWNEIGHTBL,
        GetNeighTbl = RTM_GETNEIGHTBL,
        SetNeighTbl = RTM_SETNEIGHTBL,
        NewAddrLabel = RTM_NEWADDRLABEL,
        DelAddrLabel = RTM_DELADDRLABEL,
        GetAddrLabel = RTM_GETADDRLABEL,
        NewNsId = RTM_NEWNSID,
        DelNsId = RTM_DELNSID,
        GetNsId = RTM_GETNSID,
        NewStats = RTM_NEWSTATS,
        GetStats = RTM_GETSTATS,
        NewNetconf = RTM_NEWNETCONF,
        DelNetconf = RTM_DELNETCONF,
        GetNetconf = RTM_GETNETCONF,
        NewNexthop = RTM_NEWNEXTHOP,
        DelNexthop = RTM_DELNEXTHOP,
        GetNexthop = RTM_GETNEXTHOP,
        GetNexthopBucket = RTM_GETNEXTHOPBUCKET,
        NewLinkProp = RTM_NEWLINKPROP,
        DelLinkProp = RTM_DELLINKPROP,
    }
}

impl MessageType {
    /// The raw `nlmsg_type` number.
    pub fn raw(self) -> u16 {
        self.into()
    }
}

/// rtnetlink multicast groups (`enum rtnetlink_groups`), numbered from 1.
pub mod group {
    /// Link changes.
    pub const LINK: u32 = 1;
    /// Neighbour changes.
    pub const NEIGH: u32 = 3;
    /// IPv4 address changes.
    pub const IPV4_IFADDR: u32 = 5;
    /// IPv4 multicast route changes.
    pub const IPV4_MROUTE: u32 = 6;
    /// IPv4 route changes.
    pub const IPV4_ROUTE: u32 = 7;
    /// IPv4 rule changes.
    pub const IPV4_RULE: u32 = 8;
    /// IPv6 address changes.
    pub const IPV6_IFADDR: u32 = 9;
    /// IPv6 multicast route changes.
    pub const IPV6_MROUTE: u32 = 10;
    /// IPv6 route changes.
    pub const IPV6_ROUTE: u32 = 11;
    /// IPv6 interface information.
    pub const IPV6_IFINFO: u32 = 12;
    /// IPv6 prefixes.
    pub const IPV6_PREFIX: u32 = 18;
    /// IPv6 rule changes.
    pub const IPV6_RULE: u32 = 19;
    /// MPLS route changes.
    pub const MPLS_ROUTE: u32 = 27;
    /// MPLS netconf changes.
    pub const MPLS_NETCONF: u32 = 29;
    /// Link statistics.
    pub const STATS: u32 = 36;
    /// IPv4 netconf changes.
    pub const IPV4_NETCONF: u32 = 24;
    /// IPv6 netconf changes.
    pub const IPV6_NETCONF: u32 = 25;
    /// Namespace id changes.
    pub const NSID: u32 = 28;
    /// Nexthop object changes.
    pub const NEXTHOP: u32 = 32;
    /// The highest group number this stack knows.
    pub const MAX: u32 = 40;

    /// The legacy bind-mask bit of a group (only groups 1..=32 have one).
    pub const fn mask(group: u32) -> u32 {
        if group >= 1 && group <= 32 { 1 << (group - 1) } else { 0 }
    }
}
