"""Setup steps shared by the cases.  Each helper sends one recorded request.

Interface numbers in a fresh namespace are predictable: lo is 1 and every new
device takes the next number.  A veth pair registers its peer first, so
`ip link add va type veth peer name vb` gives vb index 2 and va index 3.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from nl import *  # noqa: E402,F401,F403

LO = 1
VB, VA = 2, 3          # the veth pair: peer first
BR = 4                 # a bridge created right after the veth pair

MAC_VA = "02:00:00:00:00:0a"
MAC_VB = "02:00:00:00:00:0b"
MAC_VC = "02:00:00:00:00:0c"
MAC_BR = "02:00:00:00:00:b0"
MAC_MV = "02:00:00:00:00:e0"
MAC_X = "02:00:00:00:00:99"

# `ip link show` (no -s) and `ip link show dev X`
LINK_MASK = link_ext_mask()
# Pause after every mutating request in bridge cases: the link watcher reports
# a bridge's carrier changes at most once a second.
BRIDGE_SETTLE = 1.3


def add_veth(s, sk, name="va", mac=MAC_VA, peer="vb", peer_mac=MAC_VB, extra=b""):
    """`ip link add va address .. type veth peer name vb address ..`."""
    return s.ask(sk, RTM_NEWLINK, CREATE_EXCL, veth_body(name, mac, peer, peer_mac, extra))


def add_bridge(s, sk, name="br0", mac=MAC_BR, extra=b""):
    """`ip link add br0 address .. type bridge`."""
    return s.ask(sk, RTM_NEWLINK, CREATE_EXCL, bridge_body(name, mac, extra))


def no_ipv6_ll():
    """IFLA_AF_SPEC { AF_INET6 { IFLA_INET6_ADDR_GEN_MODE none } }: no link-local address."""
    return nest(IFLA_AF_SPEC, nest(AF_INET6, a_u8(IFLA_INET6_ADDR_GEN_MODE, IN6_ADDR_GEN_MODE_NONE)))


def set_up(s, sk, index, up=True, settle=None):
    """`ip link set dev X up|down`."""
    return s.ask(sk, RTM_NEWLINK, REQ_ACK, set_flags_body(index, up), settle=settle)


def set_master(s, sk, index, master, settle=None):
    """`ip link set dev X master M` (M = 0: nomaster)."""
    return s.ask(sk, RTM_NEWLINK, REQ_ACK, ifinfomsg(index=index) + a_u32(IFLA_MASTER, master), settle=settle)


def add_addr4(s, sk, index, local, plen, brd=None, extra=b"", flags=CREATE_EXCL, scope=RT_SCOPE_UNIVERSE):
    """`ip addr add LOCAL/PLEN [brd BRD] [scope S] dev X`."""
    return s.ask(sk, RTM_NEWADDR, flags, addr4_body(index, local, plen, brd, extra, scope=scope))


def add_addr6(s, sk, index, local, plen, extra=b"", flags=CREATE_EXCL):
    """`ip -6 addr add LOCAL/PLEN dev X [nodad]`."""
    return s.ask(sk, RTM_NEWADDR, flags, addr6_body(index, local, plen, extra))


def nodad():
    return a_u32(IFA_FLAGS, IFA_F_NODAD)


def add_route(s, sk, family, dst, plen, attrs=b"", nlflags=CREATE_EXCL, **kw):
    """`ip route add DST/PLEN ...` (protocol boot, main table unless given);
    keyword arguments go to route_body (flags= is rtm_flags)."""
    return s.ask(sk, RTM_NEWROUTE, nlflags, route_body(family, dst, plen, attrs=attrs, **kw))


def dump_links(s, sk):
    """`ip link show`."""
    return s.ask(sk, RTM_GETLINK, DUMP, ifinfomsg() + LINK_MASK)


def get_link(s, sk, index):
    """`ip link show dev X` (by index)."""
    return s.ask(sk, RTM_GETLINK, REQ, ifinfomsg(index=index) + LINK_MASK)


def dump_addrs(s, sk, family=AF_UNSPEC, index=0):
    """`ip addr show` (family and device filters go in ifaddrmsg)."""
    return s.ask(sk, RTM_GETADDR, DUMP, ifaddrmsg(family, index=index))


def dump_routes(s, sk, family, table=None):
    """`ip route show [table T]` (table all: no RTA_TABLE)."""
    attrs = a_u32(RTA_TABLE, table) if table is not None else b""
    return s.ask(sk, RTM_GETROUTE, DUMP, rtmsg(family) + attrs)


def dump_neigh(s, sk, family=AF_UNSPEC, index=0):
    return s.ask(sk, RTM_GETNEIGH, DUMP, ndmsg(family, index))


def dump_rules(s, sk, family):
    return s.ask(sk, RTM_GETRULE, DUMP, fib_rule_hdr(family))


def set_addrgenmode_none(s, sk, index):
    """`ip link set dev X addrgenmode none`: X gets no IPv6 link-local address."""
    return s.ask(sk, RTM_NEWLINK, REQ_ACK, ifinfomsg(index=index) + no_ipv6_ll())


def veth_pair_up(s, sk, addr=True, peer_ll=True):
    """va/vb created and both up (carrier, IPv6 link-local addresses settled);
    with addr, va gets 10.0.0.1/24 brd 10.0.0.255.  peer_ll=False keeps vb
    without a link-local address, so that only one DAD runs (two finish in
    random order, which an IPv6 monitor would see)."""
    add_veth(s, sk)
    if not peer_ll:
        set_addrgenmode_none(s, sk, VB)
    set_up(s, sk, VA)
    set_up(s, sk, VB)
    if addr:
        add_addr4(s, sk, VA, "10.0.0.1", 24, brd="10.0.0.255")


def veth_one_up(s, sk):
    """va/vb created, only va up: va is up without carrier (no IPv6 traffic)."""
    add_veth(s, sk)
    set_up(s, sk, VA)
