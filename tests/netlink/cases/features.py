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
