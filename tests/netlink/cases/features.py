"""Features beyond the basic families: alternative names (RTM_NEWLINKPROP /
RTM_DELLINKPROP), lightweight-tunnel encapsulations the kernel refuses when
their module is absent, FDB entries on a bridge itself, vxlan links."""

from . import case
from .common import *  # noqa: F401,F403

LINK_GROUPS = group_mask(RTNLGRP_LINK)
BR0 = 2  # a bridge made first in a fresh namespace

RTM_NEWLINKPROP, RTM_DELLINKPROP = 108, 109
IFLA_PROP_LIST = 52
NLA_F_NESTED = 0x8000
RTA_ENCAP_TYPE, RTA_ENCAP = 21, 22
LWTUNNEL_ENCAP_MPLS, LWTUNNEL_ENCAP_SEG6 = 1, 5
MPLS_IPTUNNEL_DST = 1


def prop_body(index, *names, name_attr=None):
    """`ip link property add|del dev X altname N ...`: IFLA_PROP_LIST (with
    NLA_F_NESTED, as iproute2 sets it) holding one IFLA_ALT_IFNAME each."""
    body = ifinfomsg(index=index) + (name_attr or b"")
    return body + attr(IFLA_PROP_LIST | NLA_F_NESTED, b"".join(a_str(IFLA_ALT_IFNAME, n) for n in names))


def get_by(s, sk, kind, name):
    """`ip link show dev NAME`: by IFLA_IFNAME, or IFLA_ALT_IFNAME when longer than 15."""
    return s.ask(sk, RTM_GETLINK, REQ, ifinfomsg() + LINK_MASK + a_str(kind, name))


@case("features/altname",
      """Alternative names: added in order to the end of the list (IFLA_PROP_LIST in
      every link message), announced only while the device is up
      (netdev_state_change); a name any device already has (primary or
      alternative) is EEXIST; 128 bytes or more fail policy validation; deleting a
      missing one is ENOENT, deleting the primary name EINVAL. IFLA_IFNAME and
      IFLA_ALT_IFNAME look devices up by any of their names; a new device or a
      rename to a taken alternative name is EEXIST; DELLINK by an alternative name
      deletes the device.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=LINK_GROUPS)
    s.settle_time = BRIDGE_SETTLE
    add_bridge(s, sk)
    s.drain(mon)
    s.ask(sk, RTM_NEWLINKPROP, CREATE_EXCL | NLM_F_APPEND, prop_body(BR0, "brother"), settle=BRIDGE_SETTLE)
    s.drain(mon)
    set_up(s, sk, BR0)
    s.drain(mon)
    s.ask(sk, RTM_NEWLINKPROP, CREATE_EXCL | NLM_F_APPEND, prop_body(BR0, "a-rather-long-alternative-name", "b2"), settle=BRIDGE_SETTLE)
    s.drain(mon)
    s.ask(sk, RTM_NEWLINKPROP, CREATE_EXCL | NLM_F_APPEND, prop_body(BR0, "brother"), settle=BRIDGE_SETTLE)
    s.ask(sk, RTM_NEWLINKPROP, CREATE_EXCL | NLM_F_APPEND, prop_body(LO, "br0"), settle=BRIDGE_SETTLE)
    s.ask(sk, RTM_NEWLINKPROP, CREATE_EXCL | NLM_F_APPEND, prop_body(BR0, "x" * 128), settle=BRIDGE_SETTLE)
    s.ask(sk, RTM_NEWLINKPROP, CREATE_EXCL | NLM_F_APPEND, prop_body(0, "c3", name_attr=a_str(IFLA_IFNAME, "brother")), settle=BRIDGE_SETTLE)
    s.ask(sk, RTM_NEWLINKPROP, CREATE_EXCL | NLM_F_APPEND, prop_body(99, "c4"), settle=BRIDGE_SETTLE)
    s.ask(sk, RTM_NEWLINKPROP, CREATE_EXCL | NLM_F_APPEND, prop_body(BR0, "a/b"), settle=BRIDGE_SETTLE)
    s.ask(sk, RTM_NEWLINKPROP, CREATE_EXCL | NLM_F_APPEND, prop_body(BR0, ""), settle=BRIDGE_SETTLE)
    s.ask(sk, RTM_DELLINKPROP, REQ_ACK, prop_body(BR0, "lo"), settle=BRIDGE_SETTLE)
    s.ask(sk, RTM_DELLINKPROP, REQ_ACK, prop_body(BR0, "nothere"), settle=BRIDGE_SETTLE)
    s.ask(sk, RTM_DELLINKPROP, REQ_ACK, prop_body(BR0, "br0"), settle=BRIDGE_SETTLE)
    s.ask(sk, RTM_DELLINKPROP, REQ_ACK, prop_body(BR0, "b2"), settle=BRIDGE_SETTLE)
    s.drain(mon)
    get_by(s, sk, IFLA_IFNAME, "brother")
    get_by(s, sk, IFLA_ALT_IFNAME, "a-rather-long-alternative-name")
    s.ask(sk, RTM_NEWLINK, REQ_ACK, ifinfomsg(index=BR0) + a_str(IFLA_IFNAME, "c3"))
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, bridge_body("brother", MAC_X))
    s.ask(sk, RTM_NEWLINK, REQ_ACK, ifinfomsg(index=BR0) + a_str(IFLA_IFNAME, "br1"))
    s.drain(mon)
    dump_links(s, sk)
    s.ask(sk, RTM_DELLINK, REQ_ACK, ifinfomsg() + a_str(IFLA_IFNAME, "brother"))
    s.drain(mon)
    dump_links(s, sk)


def mpls_encap(label=100):
    return nest(RTA_ENCAP, attr(MPLS_IPTUNNEL_DST, struct.pack("!I", (label << 12) | 0x100))) + a_u16(RTA_ENCAP_TYPE, LWTUNNEL_ENCAP_MPLS)


@case("features/lwt-encap-absent",
      """RTA_ENCAP_TYPE names an encapsulation whose module is not loaded (MPLS,
      seg6): EOPNOTSUPP "lwt encapsulation type not supported", for IPv4 and IPv6
      routes and inside RTA_MULTIPATH next hops; type 0 is EINVAL "Unknown lwt
      encapsulation type". Nothing is added.""")
def _(s):
    sk = s.socket()
    set_up(s, sk, LO)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, a_u32(RTA_OIF, LO) + mpls_encap())
    add_route(s, sk, AF_INET6, "2001:db8:1::", 64, a_u32(RTA_OIF, LO) + mpls_encap())
    add_route(s, sk, AF_INET6, "2001:db8:2::", 64, a_u32(RTA_OIF, LO)
              + nest(RTA_ENCAP, attr(1, b"\0" * 8)) + a_u16(RTA_ENCAP_TYPE, LWTUNNEL_ENCAP_SEG6))
    add_route(s, sk, AF_INET, "10.3.0.0", 16, a_u32(RTA_OIF, LO)
              + nest(RTA_ENCAP, attr(1, b"\0" * 4)) + a_u16(RTA_ENCAP_TYPE, 0))
    hop = rtnexthop(LO, attrs=mpls_encap())
    add_route(s, sk, AF_INET, "10.4.0.0", 16, attr(RTA_MULTIPATH, hop))
    dump_routes(s, sk, AF_INET)


AF_BRIDGE = 7
RTEXT_FILTER_BRVLAN, RTEXT_FILTER_BRVLAN_COMPRESSED = 2, 4
IFLA_BRIDGE_FLAGS, IFLA_BRIDGE_VLAN_INFO = 0, 2
BRIDGE_FLAGS_SELF = 2
BRIDGE_VLAN_INFO_PVID, BRIDGE_VLAN_INFO_UNTAGGED = 2, 4
RTM_GETVLAN = 114
IFLA_BR_VLAN_FILTERING = 7


def vlan_body(index, vid, vflags=0, bflags=None):
    """`bridge vlan add|del vid VID dev X [pvid] [untagged] [self|master]`."""
    inner = (a_u16(IFLA_BRIDGE_FLAGS, bflags) if bflags is not None else b"")
    inner += attr(IFLA_BRIDGE_VLAN_INFO, struct.pack("=HH", vflags, vid))
    return ifinfomsg(family=AF_BRIDGE, index=index) + nest(IFLA_AF_SPEC, inner)


@case("features/bridge-vlan-absent",
      """A kernel without bridge VLAN filtering (this one): the AF_BRIDGE link dump with
      RTEXT_FILTER_BRVLAN(_COMPRESSED) lists each bridge port and, asked for VLANs, the
      bridge itself, with no VLAN information; adding a VLAN is EOPNOTSUPP (port,
      bridge self, a device that is no port), deleting one on a port or the bridge
      succeeds; RTM_GETVLAN has no handler (EOPNOTSUPP); vlan_filtering 1 on a bridge
      is EOPNOTSUPP.""")
def _(s):
    sk = s.socket()
    s.settle_time = BRIDGE_SETTLE
    add_veth(s, sk)
    add_bridge(s, sk)
    set_master(s, sk, VA, BR)
    s.ask(sk, RTM_GETLINK, DUMP, ifinfomsg(family=AF_BRIDGE) + a_u32(IFLA_EXT_MASK, RTEXT_FILTER_BRVLAN))
    s.ask(sk, RTM_GETLINK, DUMP, ifinfomsg(family=AF_BRIDGE) + a_u32(IFLA_EXT_MASK, RTEXT_FILTER_BRVLAN_COMPRESSED))
    s.ask(sk, RTM_GETLINK, DUMP, ifinfomsg(family=AF_BRIDGE))
    s.ask(sk, RTM_SETLINK, REQ_ACK, vlan_body(VA, 5), settle=BRIDGE_SETTLE)
    s.ask(sk, RTM_SETLINK, REQ_ACK, vlan_body(VA, 5, BRIDGE_VLAN_INFO_PVID | BRIDGE_VLAN_INFO_UNTAGGED), settle=BRIDGE_SETTLE)
    s.ask(sk, RTM_SETLINK, REQ_ACK, vlan_body(BR, 5, 0, BRIDGE_FLAGS_SELF), settle=BRIDGE_SETTLE)
    s.ask(sk, RTM_SETLINK, REQ_ACK, vlan_body(VB, 5), settle=BRIDGE_SETTLE)
    s.ask(sk, RTM_DELLINK, REQ_ACK, vlan_body(VA, 1), settle=BRIDGE_SETTLE)
    s.ask(sk, RTM_DELLINK, REQ_ACK, vlan_body(BR, 1, 0, BRIDGE_FLAGS_SELF), settle=BRIDGE_SETTLE)
    s.ask(sk, RTM_DELLINK, REQ_ACK, vlan_body(VB, 1), settle=BRIDGE_SETTLE)
    s.ask(sk, RTM_GETVLAN, DUMP, struct.pack("=BBHI", AF_BRIDGE, 0, 0, 0))
    s.ask(sk, RTM_NEWLINK, REQ_ACK, ifinfomsg(index=BR) + nest(IFLA_LINKINFO, a_str(IFLA_INFO_KIND, "bridge"),
                                                            nest(IFLA_INFO_DATA, a_u8(IFLA_BR_VLAN_FILTERING, 1))))


def getroute(s, sk, family, dst, dst_len, **kw):
    attrs = kw.pop("attrs", b"")
    body = rtmsg(family, dst_len=dst_len, table=kw.pop("table", 0), **kw)
    return s.ask(sk, RTM_GETROUTE, REQ, body + (a_ip(RTA_DST, dst) if dst else b"") + attrs)


@case("features/getroute-strict",
      """RTM_GETROUTE on a NETLINK_GET_STRICT_CHK socket (inet_rtm_valid_getroute_req,
      inet6_rtm_valid_getroute_req): prefix lengths other than 0 or the full length,
      rtm_table/protocol/scope/type, flags beyond NOTIFY|LOOKUP_TABLE|FIB_MATCH (IPv6:
      FIB_MATCH), RTA_DST with dst_len 0 and attributes outside the lookup keys are
      EINVAL with the family's message; a short header is EINVAL on any socket; without
      strict checking the same header values are ignored.""")
def _(s):
    sk = s.socket(strict_chk=True)
    lax = s.socket()
    set_up(s, sk, LO)
    getroute(s, sk, AF_INET, "127.0.0.1", 32)
    getroute(s, sk, AF_INET, "127.0.0.1", 24)
    getroute(s, sk, AF_INET, "127.0.0.1", 32, table=RT_TABLE_MAIN)
    getroute(s, sk, AF_INET, "127.0.0.1", 32, protocol=RTPROT_BOOT)
    getroute(s, sk, AF_INET, "127.0.0.1", 32, scope=RT_SCOPE_LINK)
    getroute(s, sk, AF_INET, "127.0.0.1", 32, rtype=RTN_UNICAST)
    getroute(s, sk, AF_INET, "127.0.0.1", 32, flags=RTM_F_CLONED)
    getroute(s, sk, AF_INET, "127.0.0.1", 0)
    getroute(s, sk, AF_INET, "127.0.0.1", 32, attrs=a_u32(RTA_TABLE, 254))
    getroute(s, sk, AF_INET, "127.0.0.1", 32, attrs=a_u32(RTA_PRIORITY, 5))
    getroute(s, sk, AF_INET, "127.0.0.1", 32, flags=RTM_F_FIB_MATCH | RTM_F_LOOKUP_TABLE)
    s.ask(sk, RTM_GETROUTE, REQ, struct.pack("=BBBB", AF_INET, 0, 0, 0))
    s.ask(lax, RTM_GETROUTE, REQ, struct.pack("=BBBB", AF_INET, 0, 0, 0))
    getroute(s, lax, AF_INET, "127.0.0.1", 24, table=RT_TABLE_MAIN, protocol=RTPROT_BOOT, attrs=a_u32(RTA_PRIORITY, 5))
    getroute(s, sk, AF_INET6, "::1", 128)
    getroute(s, sk, AF_INET6, "::1", 64)
    getroute(s, sk, AF_INET6, "::1", 128, table=RT_TABLE_MAIN)
    getroute(s, sk, AF_INET6, "::1", 128, flags=RTM_F_LOOKUP_TABLE)
    getroute(s, sk, AF_INET6, "::1", 0)
    getroute(s, sk, AF_INET6, "::1", 128, attrs=a_u32(RTA_TABLE, 254))
    s.ask(sk, RTM_GETROUTE, REQ, struct.pack("=BBBB", AF_INET6, 0, 0, 0))


IFLA_VXLAN_ID, IFLA_VXLAN_GROUP, IFLA_VXLAN_LINK, IFLA_VXLAN_LOCAL = 1, 2, 3, 4
IFLA_VXLAN_TTL, IFLA_VXLAN_TOS, IFLA_VXLAN_LEARNING, IFLA_VXLAN_AGEING = 5, 6, 7, 8
IFLA_VXLAN_LIMIT, IFLA_VXLAN_PORT_RANGE = 9, 10
IFLA_VXLAN_L2MISS, IFLA_VXLAN_L3MISS, IFLA_VXLAN_PORT = 13, 14, 15
IFLA_VXLAN_GROUP6, IFLA_VXLAN_LOCAL6, IFLA_VXLAN_UDP_CSUM = 16, 17, 18
RTM_NEWNEIGH_, RTM_DELNEIGH_, RTM_GETNEIGH_ = 28, 29, 30
NDA_DST, NDA_LLADDR, NDA_PORT, NDA_VNI, NDA_IFINDEX = 1, 2, 6, 7, 8
NTF_SELF = 2
NUD_NOARP_PERMANENT = 0x40 | 0x80


def vxlan_body(name, data, mac=None):
    """`ip link add NAME [address MAC] type vxlan ...` (iproute2 puts the address first)."""
    return (ifinfomsg() + (a_mac(IFLA_ADDRESS, mac) if mac else b"") + a_str(IFLA_IFNAME, name)
            + nest(IFLA_LINKINFO, a_str(IFLA_INFO_KIND, "vxlan"), nest(IFLA_INFO_DATA, data)))


def fdb_body(index, mac, *attrs, state=NUD_NOARP_PERMANENT):
    return struct.pack("=BBHiHBB", AF_BRIDGE, 0, 0, index, state, NTF_SELF, 0) + a_mac(NDA_LLADDR, mac) + b"".join(attrs)


@case("features/vxlan",
      """vxlan links: creation with a remote, a multicast group on a device, IPv6
      endpoints and the other options iproute2 sends; the defaults the kernel fills
      in (IFLA_INFO_DATA in vxlan_fill_info's order); EINVAL without a VNI, EEXIST for
      a VNI already used on the same port; changelink of the TTL, EOPNOTSUPP for
      the VNI; the default FDB entry (00:00:00:00:00:00 to the remote or group) and
      `bridge fdb add/append/del` on the vxlan device with NDA_DST/PORT/VNI/IFINDEX;
      up and the operstate.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=LINK_GROUPS)
    be16 = lambda v: struct.pack("!H", v)
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, vxlan_body("vx1", a_u32(IFLA_VXLAN_ID, 42) + a_ip(IFLA_VXLAN_LOCAL, "10.0.0.1")
          + a_ip(IFLA_VXLAN_GROUP, "10.0.0.2") + a_u8(IFLA_VXLAN_LEARNING, 1) + attr(IFLA_VXLAN_PORT, be16(4789)), mac="02:00:00:00:00:05"))
    s.drain(mon)
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, vxlan_body("vx2", a_u32(IFLA_VXLAN_LINK, LO) + a_u32(IFLA_VXLAN_ID, 43)
          + a_ip(IFLA_VXLAN_GROUP, "239.1.1.1") + a_u8(IFLA_VXLAN_LEARNING, 1), mac="02:00:00:00:00:06"))
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, vxlan_body("vx3", a_u8(IFLA_VXLAN_TTL, 10) + a_u8(IFLA_VXLAN_TOS, 0x10)
          + a_u8(IFLA_VXLAN_UDP_CSUM, 0) + a_u32(IFLA_VXLAN_AGEING, 100) + a_u32(IFLA_VXLAN_LIMIT, 5)
          + attr(IFLA_VXLAN_PORT_RANGE, be16(1000) + be16(2000)) + a_u8(IFLA_VXLAN_L2MISS, 1) + a_u8(IFLA_VXLAN_L3MISS, 1)
          + a_u32(IFLA_VXLAN_ID, 44) + a_ip(IFLA_VXLAN_LOCAL, "10.0.0.1") + a_u8(IFLA_VXLAN_LEARNING, 0)
          + attr(IFLA_VXLAN_PORT, be16(4790)), mac="02:00:00:00:00:07"))
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, vxlan_body("vx4", a_u32(IFLA_VXLAN_ID, 45) + a_ip(IFLA_VXLAN_LOCAL6, "fd00::1")
          + a_ip(IFLA_VXLAN_GROUP6, "fd00::2") + a_u8(IFLA_VXLAN_LEARNING, 1) + attr(IFLA_VXLAN_PORT, be16(4789)), mac="02:00:00:00:00:08"))
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, vxlan_body("vx5", a_u8(IFLA_VXLAN_LEARNING, 1), mac="02:00:00:00:00:09"))
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, vxlan_body("vx5", a_u32(IFLA_VXLAN_ID, 42) + a_u8(IFLA_VXLAN_LEARNING, 1) + attr(IFLA_VXLAN_PORT, be16(4789))))
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, vxlan_body("vx5", a_u32(IFLA_VXLAN_ID, 1 << 24) + a_u8(IFLA_VXLAN_LEARNING, 1)))
    s.drain(mon)
    dump_links(s, sk)
    s.ask(sk, RTM_GETNEIGH_, DUMP, struct.pack("=BBHiHBB", AF_BRIDGE, 0, 0, 0, 0, 0, 0))
    s.ask(sk, RTM_NEWNEIGH_, CREATE_EXCL, fdb_body(2, "02:00:00:00:00:99", a_ip(NDA_DST, "10.0.0.9")))
    s.ask(sk, RTM_NEWNEIGH_, CREATE_EXCL, fdb_body(2, "02:00:00:00:00:98", a_ip(NDA_DST, "10.0.0.8"),
          attr(NDA_PORT, be16(5000)), a_u32(NDA_VNI, 100), a_u32(NDA_IFINDEX, LO)))
    s.ask(sk, RTM_NEWNEIGH_, CREATE_EXCL, fdb_body(2, "00:00:00:00:00:00", a_ip(NDA_DST, "10.0.0.3")))
    s.ask(sk, RTM_NEWNEIGH_, REQ_ACK | NLM_F_CREATE | NLM_F_APPEND, fdb_body(2, "00:00:00:00:00:00", a_ip(NDA_DST, "10.0.0.4")))
    s.ask(sk, RTM_NEWNEIGH_, CREATE_EXCL, fdb_body(2, "02:00:00:00:00:97"))
    s.ask(sk, RTM_NEWNEIGH_, CREATE_EXCL, fdb_body(2, "02:00:00:00:00:96", a_ip(NDA_DST, "10.0.0.6"), state=0x02))
    s.ask(sk, RTM_GETNEIGH_, DUMP, struct.pack("=BBHiHBB", AF_BRIDGE, 0, 0, 2, 0, 0, 0))
    s.ask(sk, RTM_DELNEIGH_, REQ_ACK, fdb_body(2, "02:00:00:00:00:99"))
    s.ask(sk, RTM_DELNEIGH_, REQ_ACK, fdb_body(2, "00:00:00:00:00:00", a_ip(NDA_DST, "10.0.0.2")))
    s.ask(sk, RTM_DELNEIGH_, REQ_ACK, fdb_body(2, "02:00:00:00:00:99"))
    s.ask(sk, RTM_GETNEIGH_, DUMP, struct.pack("=BBHiHBB", AF_BRIDGE, 0, 0, 0, 0, 0, 0))
    s.ask(sk, RTM_NEWLINK, REQ_ACK, ifinfomsg(index=2) + nest(IFLA_LINKINFO, a_str(IFLA_INFO_KIND, "vxlan"), nest(IFLA_INFO_DATA, a_u8(IFLA_VXLAN_TTL, 5))))
    s.ask(sk, RTM_NEWLINK, REQ_ACK, ifinfomsg(index=2) + nest(IFLA_LINKINFO, a_str(IFLA_INFO_KIND, "vxlan"), nest(IFLA_INFO_DATA, a_u32(IFLA_VXLAN_ID, 99))))
    s.drain(mon)
    set_up(s, sk, 2)
    s.drain(mon)
    get_link(s, sk, 2)
    s.ask(sk, RTM_DELLINK, REQ_ACK, ifinfomsg(index=2))
    s.drain(mon)


IFLA_TXQLEN_ = 13
IFLA_OPERSTATE_, IFLA_LINKMODE = 16, 17
IFLA_NUM_TX_QUEUES, IFLA_NUM_RX_QUEUES, IFLA_CARRIER = 31, 32, 33
IFLA_PROTO_DOWN, IFLA_GSO_MAX_SEGS, IFLA_GSO_MAX_SIZE, IFLA_GRO_MAX_SIZE = 39, 40, 41, 58
RTA_NH_ID = 30


def change(s, sk, index, attrs):
    """`ip link set dev X ...`: ifinfomsg by index + attributes."""
    return s.ask(sk, RTM_NEWLINK, REQ_ACK, ifinfomsg(index=index) + attrs)


@case("features/link-settings",
      """Device settings do_setlink applies or refuses: IFLA_CARRIER on a veth (no
      ndo_change_carrier) and IFLA_PROTO_DOWN (no change_proto_down) are EOPNOTSUPP;
      GSO/GRO limits are kept (IPv4 limits follow) and bounded by tso_max_size,
      65535 segments and 8x65535 bytes; IFLA_LINKMODE dormant makes the link watch
      report DORMANT, IFLA_OPERSTATE up then UP; IFLA_NUM_TX/RX_QUEUES on creation,
      0 is EINVAL. Routes with RTA_NH_ID: with a device EINVAL (mutually exclusive),
      alone or in a delete EINVAL (no such next-hop object).""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=LINK_GROUPS)
    add_veth(s, sk)
    s.drain(mon)
    change(s, sk, VA, a_u8(IFLA_CARRIER, 0))
    change(s, sk, VA, a_u8(IFLA_PROTO_DOWN, 1))
    change(s, sk, VA, a_u32(IFLA_GSO_MAX_SIZE, 30000) + a_u32(IFLA_GSO_MAX_SEGS, 100) + a_u32(IFLA_GRO_MAX_SIZE, 30000))
    change(s, sk, VA, a_u32(IFLA_GSO_MAX_SIZE, 600000))
    change(s, sk, VA, a_u32(IFLA_GSO_MAX_SEGS, 70000))
    change(s, sk, VA, a_u32(IFLA_GRO_MAX_SIZE, 600000))
    change(s, sk, VA, a_u8(IFLA_LINKMODE, 1))
    s.drain(mon)
    set_up(s, sk, VB)
    set_up(s, sk, VA)
    s.drain(mon)
    get_link(s, sk, VA)
    change(s, sk, VA, a_u8(IFLA_OPERSTATE_, 6))
    s.drain(mon)
    get_link(s, sk, VA)
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, veth_body("vc", MAC_VC, "vd", "02:00:00:00:00:0d",
          extra=a_u32(IFLA_NUM_TX_QUEUES, 3) + a_u32(IFLA_NUM_RX_QUEUES, 5)))
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, veth_body("ve", "02:00:00:00:00:0e", "vf", "02:00:00:00:00:0f",
          extra=a_u32(IFLA_NUM_TX_QUEUES, 0)))
    s.drain(mon)
    dump_links(s, sk)
    set_up(s, sk, LO)
    add_route(s, sk, AF_INET, "10.9.0.0", 16, a_u32(RTA_OIF, LO) + a_u32(RTA_NH_ID, 5))
    add_route(s, sk, AF_INET, "10.9.0.0", 16, a_u32(RTA_NH_ID, 5))
    add_route(s, sk, AF_INET6, "2001:db8:9::", 64, a_u32(RTA_NH_ID, 5))
    add_route(s, sk, AF_INET, "10.8.0.0", 16, a_u32(RTA_OIF, LO))
    s.ask(sk, RTM_DELROUTE, REQ_ACK, route_body(AF_INET, "10.8.0.0", 16, attrs=a_u32(RTA_NH_ID, 5)))
    dump_routes(s, sk, AF_INET)
