"""Netlink constants and byte builders for the golden cases.

Everything here builds bytes in the host's byte order, exactly as C code filling
the structs of <linux/netlink.h> and <linux/rtnetlink.h> would.  Names follow the
kernel headers so a request reads like the C that would send it.
"""

import ipaddress
import struct

# --- netlink header (linux/netlink.h) ---------------------------------------
NLMSG_NOOP, NLMSG_ERROR, NLMSG_DONE, NLMSG_OVERRUN = 1, 2, 3, 4

NLM_F_REQUEST = 0x01
NLM_F_MULTI = 0x02
NLM_F_ACK = 0x04
NLM_F_ECHO = 0x08
NLM_F_DUMP_INTR = 0x10
NLM_F_DUMP_FILTERED = 0x20
# GET requests
NLM_F_ROOT = 0x100
NLM_F_MATCH = 0x200
NLM_F_ATOMIC = 0x400
NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH
# NEW requests
NLM_F_REPLACE = 0x100
NLM_F_EXCL = 0x200
NLM_F_CREATE = 0x400
NLM_F_APPEND = 0x800
# DELETE requests
NLM_F_NONREC = 0x100
NLM_F_BULK = 0x200
# ACK flags
NLM_F_CAPPED = 0x100
NLM_F_ACK_TLVS = 0x200

REQ = NLM_F_REQUEST
REQ_ACK = NLM_F_REQUEST | NLM_F_ACK
CREATE_EXCL = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL
DUMP = NLM_F_REQUEST | NLM_F_DUMP

# extended ack TLVs in NLMSG_ERROR
NLMSGERR_ATTR_MSG, NLMSGERR_ATTR_OFFS, NLMSGERR_ATTR_COOKIE = 1, 2, 3

# socket options (SOL_NETLINK)
SOL_NETLINK = 270
NETLINK_ADD_MEMBERSHIP = 1
NETLINK_DROP_MEMBERSHIP = 2
NETLINK_CAP_ACK = 10
NETLINK_EXT_ACK = 11
NETLINK_GET_STRICT_CHK = 12
NETLINK_ROUTE = 0
NETLINK_NETFILTER = 12

# --- nfnetlink (NETLINK_NETFILTER) -------------------------------------------
NFNL_SUBSYS_NFTABLES = 10
NFNLGRP_NFTABLES = 7
# nf_tables message types (low byte; the subsystem is the high byte)
NFT_GET_TYPES = {1, 4, 7, 10, 13, 16, 19, 21, 23}

# --- rtnetlink message types -------------------------------------------------
RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK, RTM_SETLINK = 16, 17, 18, 19
RTM_NEWADDR, RTM_DELADDR, RTM_GETADDR = 20, 21, 22
RTM_NEWROUTE, RTM_DELROUTE, RTM_GETROUTE = 24, 25, 26
RTM_NEWNEIGH, RTM_DELNEIGH, RTM_GETNEIGH = 28, 29, 30
RTM_NEWRULE, RTM_DELRULE, RTM_GETRULE = 32, 33, 34
RTM_NEWNETCONF, RTM_DELNETCONF, RTM_GETNETCONF = 80, 81, 82
RTM_NEWNEXTHOP, RTM_DELNEXTHOP, RTM_GETNEXTHOP = 104, 105, 106
RTM_NEWNEXTHOPBUCKET, RTM_GETNEXTHOPBUCKET = 116, 118

GET_TYPES = {RTM_GETLINK, RTM_GETADDR, RTM_GETROUTE, RTM_GETNEIGH, RTM_GETRULE, RTM_GETNETCONF, RTM_GETNEXTHOP,
             RTM_GETNEXTHOPBUCKET}
MUTATING_TYPES = {
    RTM_NEWLINK, RTM_DELLINK, RTM_SETLINK, RTM_NEWADDR, RTM_DELADDR, RTM_NEWROUTE,
    RTM_DELROUTE, RTM_NEWNEIGH, RTM_DELNEIGH, RTM_NEWRULE, RTM_DELRULE,
    RTM_NEWNEXTHOP, RTM_DELNEXTHOP,
}

# multicast groups (enum rtnetlink_groups); bind mask bit is 1 << (group - 1)
RTNLGRP_LINK = 1
RTNLGRP_NEIGH = 3
RTNLGRP_IPV4_IFADDR = 5
RTNLGRP_IPV4_ROUTE = 7
RTNLGRP_IPV4_RULE = 8
RTNLGRP_IPV6_IFADDR = 9
RTNLGRP_IPV6_ROUTE = 11
RTNLGRP_IPV6_RULE = 19
RTNLGRP_IPV4_NETCONF = 24
RTNLGRP_IPV6_NETCONF = 25
RTNLGRP_NEXTHOP = 32


def group_mask(*groups):
    """The nl_groups bind mask that joins the given RTNLGRP_* groups."""
    mask = 0
    for g in groups:
        mask |= 1 << (g - 1)
    return mask


# --- families, link flags ----------------------------------------------------
AF_UNSPEC, AF_INET, AF_BRIDGE, AF_INET6 = 0, 2, 7, 10

IFF_UP = 0x1
IFF_BROADCAST = 0x2
IFF_LOOPBACK = 0x8
IFF_NOARP = 0x80
IFF_PROMISC = 0x100
IFF_MULTICAST = 0x1000
IFF_LOWER_UP = 0x10000

# --- link attributes (linux/if_link.h) ---------------------------------------
IFLA_ADDRESS = 1
IFLA_BROADCAST = 2
IFLA_IFNAME = 3
IFLA_MTU = 4
IFLA_LINK = 5
IFLA_MASTER = 10
IFLA_TXQLEN = 13
IFLA_OPERSTATE = 16
IFLA_LINKINFO = 18
IFLA_IFALIAS = 20
IFLA_AF_SPEC = 26
IFLA_GROUP = 27
IFLA_EXT_MASK = 29
IFLA_ALT_IFNAME = 53

IFLA_INFO_KIND = 1
IFLA_INFO_DATA = 2
VETH_INFO_PEER = 1
IFLA_MACVLAN_MODE = 1
MACVLAN_MODE_BRIDGE = 4

IFLA_INET6_ADDR_GEN_MODE = 8
IN6_ADDR_GEN_MODE_NONE = 1

RTEXT_FILTER_VF = 1 << 0
RTEXT_FILTER_SKIP_STATS = 1 << 3

# --- address attributes (linux/if_addr.h) ------------------------------------
IFA_ADDRESS = 1
IFA_LOCAL = 2
IFA_LABEL = 3
IFA_BROADCAST = 4
IFA_CACHEINFO = 6
IFA_FLAGS = 8
IFA_RT_PRIORITY = 9
IFA_PROTO = 11

IFA_F_SECONDARY = 0x01
IFA_F_NODAD = 0x02
IFA_F_TENTATIVE = 0x40
IFA_F_DADFAILED = 0x08
IFA_F_PERMANENT = 0x80
IFA_F_NOPREFIXROUTE = 0x200

# --- routes (linux/rtnetlink.h) ----------------------------------------------
RTA_DST = 1
RTA_SRC = 2
RTA_IIF = 3
RTA_OIF = 4
RTA_GATEWAY = 5
RTA_PRIORITY = 6
RTA_PREFSRC = 7
RTA_METRICS = 8
RTA_MULTIPATH = 9
RTA_TABLE = 15
RTA_MARK = 16
RTA_PREF = 20
RTA_UID = 25
RTA_IP_PROTO = 27
RTA_SPORT = 28
RTA_DPORT = 29
RTA_NH_ID = 30

RTN_UNSPEC, RTN_UNICAST, RTN_LOCAL, RTN_BROADCAST = 0, 1, 2, 3
RTN_ANYCAST, RTN_MULTICAST, RTN_BLACKHOLE, RTN_UNREACHABLE = 4, 5, 6, 7
RTN_PROHIBIT, RTN_THROW, RTN_NAT = 8, 9, 10

RTPROT_UNSPEC, RTPROT_KERNEL, RTPROT_BOOT, RTPROT_STATIC = 0, 2, 3, 4
RTPROT_DHCP = 16

RT_SCOPE_UNIVERSE, RT_SCOPE_SITE, RT_SCOPE_LINK = 0, 200, 253
RT_SCOPE_HOST, RT_SCOPE_NOWHERE = 254, 255

RT_TABLE_UNSPEC, RT_TABLE_DEFAULT, RT_TABLE_MAIN, RT_TABLE_LOCAL = 0, 253, 254, 255

RTM_F_NOTIFY = 0x100
RTM_F_CLONED = 0x200
RTM_F_LOOKUP_TABLE = 0x1000
RTM_F_FIB_MATCH = 0x2000

RTNH_F_DEAD = 1
RTNH_F_ONLINK = 4
RTNH_F_LINKDOWN = 16

RTAX_MTU = 2
RTAX_HOPLIMIT = 10
RTAX_ADVMSS = 8

# --- neighbours (linux/neighbour.h) ------------------------------------------
NDA_DST = 1
NDA_LLADDR = 2
NDA_CACHEINFO = 3
NDA_PROBES = 4
NDA_IFINDEX = 8
NDA_MASTER = 9

NUD_INCOMPLETE = 0x01
NUD_REACHABLE = 0x02
NUD_STALE = 0x04
NUD_FAILED = 0x20
NUD_NOARP = 0x40
NUD_PERMANENT = 0x80

NTF_USE = 0x01
NTF_SELF = 0x02
NTF_PROXY = 0x08
NTF_ROUTER = 0x80

# --- rules (linux/fib_rules.h) -----------------------------------------------
FRA_DST = 1
FRA_SRC = 2
FRA_IIFNAME = 3
FRA_GOTO = 4
FRA_PRIORITY = 6
FRA_FWMARK = 10
FRA_TABLE = 15
FRA_FWMASK = 16
FRA_OIFNAME = 17
FRA_UID_RANGE = 20
FRA_PROTOCOL = 21
FRA_IP_PROTO = 22
FRA_SPORT_RANGE = 23
FRA_DPORT_RANGE = 24

FR_ACT_TO_TBL, FR_ACT_GOTO, FR_ACT_NOP = 1, 2, 3
FR_ACT_BLACKHOLE, FR_ACT_UNREACHABLE, FR_ACT_PROHIBIT = 6, 7, 8

IPPROTO_TCP, IPPROTO_UDP = 6, 17

# --- errno values as Linux numbers them --------------------------------------
EPERM, ENOENT, ESRCH, ENODEV, EINVAL, ERANGE = 1, 2, 3, 19, 22, 34
EEXIST, EOPNOTSUPP, EADDRNOTAVAIL, ENETUNREACH, ENETDOWN = 17, 95, 99, 101, 100


# =============================================================================
# Builders
# =============================================================================

def align4(n):
    return (n + 3) & ~3


def pad4(b):
    return b + b"\0" * (align4(len(b)) - len(b))


def nlmsg(kind, flags, seq, body=b"", pid=0, length=None):
    """One netlink message: struct nlmsghdr + body (padded to 4 bytes).

    `length` overrides nlmsg_len, to build deliberately malformed messages.
    """
    body = pad4(body)
    n = 16 + len(body) if length is None else length
    return struct.pack("=IHHII", n, kind, flags, seq, pid) + body


def rtgenmsg(family):
    """struct rtgenmsg: one byte; glibc pads the request to 4 bytes."""
    return struct.pack("=B3x", family)


def ifinfomsg(family=AF_UNSPEC, ifi_type=0, index=0, flags=0, change=0):
    return struct.pack("=BxHiII", family, ifi_type, index, flags, change)


def ifaddrmsg(family, prefixlen=0, flags=0, scope=0, index=0):
    return struct.pack("=BBBBI", family, prefixlen, flags, scope, index)


def rtmsg(family, dst_len=0, src_len=0, tos=0, table=RT_TABLE_UNSPEC, protocol=0,
          scope=RT_SCOPE_UNIVERSE, rtype=RTN_UNSPEC, flags=0):
    return struct.pack("=BBBBBBBBI", family, dst_len, src_len, tos, table, protocol,
                       scope, rtype, flags)


def ndmsg(family, ifindex=0, state=0, flags=0, ntype=0):
    return struct.pack("=BxxxiHBB", family, ifindex, state, flags, ntype)


def fib_rule_hdr(family, dst_len=0, src_len=0, tos=0, table=0, action=0, flags=0):
    return struct.pack("=BBBBBBBBI", family, dst_len, src_len, tos, table, 0, 0, action, flags)


# --- attributes ----------------------------------------------------------------

def attr(kind, payload=b""):
    """struct nlattr + payload, padded to 4 bytes (nla_len excludes the padding)."""
    return pad4(struct.pack("=HH", 4 + len(payload), kind) + payload)


def nest(kind, *attrs):
    """A nested attribute, as iproute2 sends it (no NLA_F_NESTED bit)."""
    return attr(kind, b"".join(attrs))


def a_u8(kind, v):
    return attr(kind, struct.pack("=B", v))


def a_u16(kind, v):
    return attr(kind, struct.pack("=H", v))


def a_u32(kind, v):
    return attr(kind, struct.pack("=I", v))


def a_s32(kind, v):
    return attr(kind, struct.pack("=i", v))


def a_be16(kind, v):
    return attr(kind, struct.pack("!H", v))


def a_str(kind, s):
    """A NUL-terminated string attribute (NLA_NUL_STRING / iproute2 addattr_l(..., strlen+1))."""
    return attr(kind, s.encode() + b"\0")


def a_ip(kind, addr):
    """An IPv4 (4 bytes) or IPv6 (16 bytes) address attribute."""
    return attr(kind, ipaddress.ip_address(addr).packed)


def a_mac(kind, mac):
    return attr(kind, bytes(int(x, 16) for x in mac.split(":")))


def ifa_cacheinfo(preferred, valid):
    """struct ifa_cacheinfo as sent in a request (cstamp/tstamp zero)."""
    return struct.pack("=IIII", preferred, valid, 0, 0)


def rtnexthop(ifindex, hops=0, flags=0, attrs=b""):
    """struct rtnexthop (rtnh_hops = weight - 1) followed by its attributes."""
    return struct.pack("=HBBi", 8 + len(attrs), flags, hops, ifindex) + attrs


def port_range(start, end):
    return struct.pack("=HH", start, end)


def uid_range(start, end):
    return struct.pack("=II", start, end)


# --- requests shaped like iproute2 6.1's -----------------------------------------

def link_ext_mask():
    """IFLA_EXT_MASK as `ip link show` sends it: VF info, no statistics."""
    return a_u32(IFLA_EXT_MASK, RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS)


def veth_body(name, mac, peer, peer_mac, extra=b""):
    """`ip link add NAME address MAC type veth peer name PEER address PEER_MAC`."""
    peer_info = ifinfomsg() + a_mac(IFLA_ADDRESS, peer_mac) + a_str(IFLA_IFNAME, peer)
    return (ifinfomsg() + a_mac(IFLA_ADDRESS, mac) + a_str(IFLA_IFNAME, name) + extra
            + nest(IFLA_LINKINFO, a_str(IFLA_INFO_KIND, "veth"),
                   nest(IFLA_INFO_DATA, attr(VETH_INFO_PEER, peer_info))))


def bridge_body(name, mac, extra=b""):
    """`ip link add NAME address MAC type bridge`."""
    return (ifinfomsg() + a_mac(IFLA_ADDRESS, mac) + a_str(IFLA_IFNAME, name) + extra
            + nest(IFLA_LINKINFO, a_str(IFLA_INFO_KIND, "bridge")))


def set_flags_body(index, up):
    """`ip link set dev X up|down`: ifi_change = IFF_UP, by index."""
    return ifinfomsg(index=index, flags=IFF_UP if up else 0, change=IFF_UP)


def addr4_body(index, local, plen, brd=None, extra=b"", scope=RT_SCOPE_UNIVERSE, flags=0):
    """`ip addr add LOCAL/PLEN [brd BRD] dev X` for IPv4 (IFA_LOCAL, IFA_ADDRESS [, IFA_BROADCAST])."""
    body = ifaddrmsg(AF_INET, plen, flags, scope, index) + a_ip(IFA_LOCAL, local) + a_ip(IFA_ADDRESS, local)
    if brd:
        body += a_ip(IFA_BROADCAST, brd)
    return body + extra


def addr6_body(index, local, plen, extra=b"", scope=RT_SCOPE_UNIVERSE, flags=0):
    """`ip -6 addr add LOCAL/PLEN dev X` (IFA_LOCAL, IFA_ADDRESS)."""
    return ifaddrmsg(AF_INET6, plen, flags, scope, index) + a_ip(IFA_LOCAL, local) + a_ip(IFA_ADDRESS, local) + extra


def route_body(family, dst=None, plen=0, table=RT_TABLE_MAIN, protocol=RTPROT_BOOT,
               scope=RT_SCOPE_UNIVERSE, rtype=RTN_UNICAST, flags=0, attrs=b"", tos=0):
    """`ip route add ...`: rtmsg + RTA_DST (when a prefix is given) + more attributes."""
    body = rtmsg(family, plen, 0, tos, table, protocol, scope, rtype, flags)
    if dst is not None:
        body += a_ip(RTA_DST, dst)
    return body + attrs


def neigh_body(family, index, dst, lladdr=None, state=NUD_PERMANENT, flags=0):
    """`ip neigh add DST lladdr MAC dev X nud STATE`."""
    body = ndmsg(family, index, state, flags) + a_ip(NDA_DST, dst)
    if lladdr:
        body += a_mac(NDA_LLADDR, lladdr)
    return body


# --- next-hop objects (include/uapi/linux/nexthop.h) ------------------------------
NHA_ID, NHA_GROUP, NHA_GROUP_TYPE, NHA_BLACKHOLE, NHA_OIF, NHA_GATEWAY = 1, 2, 3, 4, 5, 6
NHA_ENCAP_TYPE, NHA_ENCAP, NHA_GROUPS, NHA_MASTER, NHA_FDB = 7, 8, 9, 10, 11
NHA_RES_GROUP, NHA_RES_BUCKET = 12, 13
NHA_RES_GROUP_BUCKETS, NHA_RES_GROUP_IDLE_TIMER, NHA_RES_GROUP_UNBALANCED_TIMER = 1, 2, 3
NHA_RES_BUCKET_INDEX, NHA_RES_BUCKET_IDLE_TIME, NHA_RES_BUCKET_NH_ID = 1, 2, 3


def nhmsg(family, scope=0, protocol=0, flags=0):
    """`struct nhmsg`: family, scope, protocol, reserved, flags."""
    return struct.pack("=BBBBI", family, scope, protocol, 0, flags)


def nh_group(*entries):
    """An NHA_GROUP: (id, weight) pairs as `struct nexthop_grp` (weight - 1 on the wire)."""
    return attr(NHA_GROUP, b"".join(struct.pack("=IBBH", i, w - 1, 0, 0) for i, w in entries))


def rule_body(family, table=RT_TABLE_MAIN, action=FR_ACT_TO_TBL, attrs=b"", dst_len=0, src_len=0, tos=0):
    """`ip rule add ...`: fib_rule_hdr (table in the header when < 256) + attributes."""
    return fib_rule_hdr(family, dst_len, src_len, tos, table if table < 256 else RT_TABLE_UNSPEC, action) + attrs


# --- parsing (for the recorder's own bookkeeping) ----------------------------------

def is_dump_request(kind, flags):
    """Whether a request message starts a dump (rtnetlink or nf_tables)."""
    if not flags & NLM_F_DUMP:
        return False
    if kind >> 8 == NFNL_SUBSYS_NFTABLES:
        return kind & 0xFF in NFT_GET_TYPES
    return kind in GET_TYPES


def split_messages(datagram):
    """Splits a datagram into its nlmsghdr-framed messages."""
    out, pos = [], 0
    while pos + 16 <= len(datagram):
        (n,) = struct.unpack_from("=I", datagram, pos)
        if n < 16 or pos + n > len(datagram):
            out.append(datagram[pos:])
            break
        out.append(datagram[pos:pos + n])
        pos += align4(n)
    return out


def header(msg):
    """(len, type, flags, seq, pid) of a message."""
    return struct.unpack_from("=IHHII", msg, 0)


def iter_attrs(buf):
    """Yields (type, payload, offset_of_payload) for a run of attributes."""
    pos = 0
    while pos + 4 <= len(buf):
        n, t = struct.unpack_from("=HH", buf, pos)
        if n < 4 or pos + n > len(buf):
            return
        yield t & 0x3FFF, buf[pos + 4:pos + n], pos + 4
        pos += align4(n)
