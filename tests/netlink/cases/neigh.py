"""Neighbours: RTM_NEWNEIGH / RTM_DELNEIGH / RTM_GETNEIGH.

Cases run on veth va that is up while its peer vb stays down: no carrier, so no
IPv6 traffic creates multicast neighbour entries behind our back.  Linux dumps
neighbours in hash-table order, which differs from boot to boot, so no dump here
holds more than one entry of a family; single entries are looked at with GET.
"""

from . import case
from .common import *  # noqa: F401,F403

NEIGH_GROUPS = group_mask(RTNLGRP_NEIGH)
GW = "10.0.0.2"


def add_neigh(s, sk, family, index, dst, lladdr=MAC_X, state=NUD_PERMANENT, flags=0, nlflags=CREATE_EXCL):
    """`ip neigh add DST lladdr MAC dev X nud STATE`."""
    return s.ask(sk, RTM_NEWNEIGH, nlflags, neigh_body(family, index, dst, lladdr, state, flags))


def del_neigh(s, sk, family, index, dst, flags=0):
    """`ip neigh del DST dev X`."""
    return s.ask(sk, RTM_DELNEIGH, REQ_ACK, neigh_body(family, index, dst, None, 0, flags))


def get_neigh(s, sk, family, index, dst, flags=0):
    """`ip neigh get DST dev X`."""
    return s.ask(sk, RTM_GETNEIGH, REQ, ndmsg(family, index, 0, flags) + a_ip(NDA_DST, dst))


@case("neigh/dump-fresh",
      """Neighbour dumps in a fresh namespace: IPv4 and IPv6 are empty; AF_UNSPEC
      also walks the bridge FDB handler.""")
def _(s):
    sk = s.socket()
    dump_neigh(s, sk, AF_INET)
    dump_neigh(s, sk, AF_INET6)
    dump_neigh(s, sk, AF_UNSPEC)


@case("neigh/add-permanent-ipv4",
      """A permanent IPv4 neighbour with lladdr on va: notification, dump, get,
      delete, and the RTM_DELNEIGH notification.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=NEIGH_GROUPS)
    veth_one_up(s, sk)
    s.drain(mon)
    add_neigh(s, sk, AF_INET, VA, GW)
    s.drain(mon)
    dump_neigh(s, sk, AF_INET)
    get_neigh(s, sk, AF_INET, VA, GW)
    del_neigh(s, sk, AF_INET, VA, GW)
    s.drain(mon)
    dump_neigh(s, sk, AF_INET)


@case("neigh/states",
      """NUD_NOARP and NUD_STALE entries, each looked at with GET.""")
def _(s):
    sk = s.socket()
    veth_one_up(s, sk)
    add_neigh(s, sk, AF_INET, VA, "10.0.0.3", state=NUD_NOARP)
    add_neigh(s, sk, AF_INET, VA, "10.0.0.4", state=NUD_STALE)
    get_neigh(s, sk, AF_INET, VA, "10.0.0.3")
    get_neigh(s, sk, AF_INET, VA, "10.0.0.4")


@case("neigh/ipv6",
      """IPv6 neighbours: permanent 2001:db8::2 and a stale fe80::2 (router flag
      NTF_ROUTER).  Strict dumps filter by the NDA_IFINDEX attribute; ndm_ifindex
      in the header is refused ("Invalid values in header for neighbor dump
      request", in NLMSG_DONE).""")
def _(s):
    sk = s.socket(strict_chk=True)
    veth_one_up(s, sk)
    add_neigh(s, sk, AF_INET6, VA, "2001:db8::2")
    dump_neigh(s, sk, AF_INET6, VA)
    s.ask(sk, RTM_GETNEIGH, DUMP, ndmsg(AF_INET6) + a_u32(NDA_IFINDEX, VA))
    add_neigh(s, sk, AF_INET6, VA, "fe80::2", state=NUD_STALE, flags=NTF_ROUTER)
    get_neigh(s, sk, AF_INET6, VA, "fe80::2")
    s.ask(sk, RTM_GETNEIGH, DUMP, ndmsg(AF_INET6) + a_u32(NDA_IFINDEX, LO))


@case("neigh/errors",
      """Neighbour errors: delete of a missing entry (ENOENT), duplicate with EXCL
      (EEXIST), bad ifindex (ENODEV), no NDA_DST, a short lladdr, and a GET of a
      missing entry.  A 16-byte NDA_DST in an AF_INET request is not an error:
      its first 4 bytes are used (32.1.13.184).""")
def _(s):
    sk = s.socket()
    veth_one_up(s, sk)
    del_neigh(s, sk, AF_INET, VA, GW)
    add_neigh(s, sk, AF_INET, VA, GW)
    add_neigh(s, sk, AF_INET, VA, GW)
    add_neigh(s, sk, AF_INET, 9, GW)
    s.ask(sk, RTM_NEWNEIGH, CREATE_EXCL, ndmsg(AF_INET, VA, NUD_PERMANENT) + a_mac(NDA_LLADDR, MAC_X))
    s.ask(sk, RTM_NEWNEIGH, CREATE_EXCL, ndmsg(AF_INET, VA, NUD_PERMANENT) + a_ip(NDA_DST, "10.0.0.5")
          + a_mac(NDA_LLADDR, "02:00:00"))
    s.ask(sk, RTM_NEWNEIGH, CREATE_EXCL, ndmsg(AF_INET, VA, NUD_PERMANENT) + a_ip(NDA_DST, "2001:db8::5")
          + a_mac(NDA_LLADDR, MAC_X))
    get_neigh(s, sk, AF_INET, VA, "10.0.0.9")


@case("neigh/replace-and-change",
      """NLM_F_REPLACE changes lladdr and state of an existing entry; REPLACE
      without CREATE on a missing entry is ENOENT; CREATE without EXCL on an
      existing entry is acknowledged but changes nothing (no override).""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=NEIGH_GROUPS)
    veth_one_up(s, sk)
    s.drain(mon)
    add_neigh(s, sk, AF_INET, VA, GW)
    add_neigh(s, sk, AF_INET, VA, GW, lladdr="02:00:00:00:00:98", state=NUD_STALE,
              nlflags=REQ_ACK | NLM_F_CREATE | NLM_F_REPLACE)
    get_neigh(s, sk, AF_INET, VA, GW)
    add_neigh(s, sk, AF_INET, VA, "10.0.0.7", nlflags=REQ_ACK | NLM_F_REPLACE)
    add_neigh(s, sk, AF_INET, VA, GW, lladdr="02:00:00:00:00:97", nlflags=REQ_ACK | NLM_F_CREATE)
    get_neigh(s, sk, AF_INET, VA, GW)
    s.drain(mon)


@case("neigh/proxy",
      """Proxy entries (NTF_PROXY): add, dump with ndm_flags NTF_PROXY, delete, and
      delete of a missing proxy entry (ENOENT).""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=NEIGH_GROUPS)
    veth_one_up(s, sk)
    s.drain(mon)
    add_neigh(s, sk, AF_INET, VA, "10.0.0.50", lladdr=None, flags=NTF_PROXY)
    add_neigh(s, sk, AF_INET6, VA, "2001:db8::50", lladdr=None, flags=NTF_PROXY)
    s.ask(sk, RTM_GETNEIGH, DUMP, ndmsg(AF_INET, flags=NTF_PROXY))
    s.ask(sk, RTM_GETNEIGH, DUMP, ndmsg(AF_INET6, flags=NTF_PROXY))
    del_neigh(s, sk, AF_INET, VA, "10.0.0.50", flags=NTF_PROXY)
    del_neigh(s, sk, AF_INET, VA, "10.0.0.50", flags=NTF_PROXY)
    s.drain(mon)


@case("neigh/link-down-flushes",
      """Taking va down flushes its neighbours, permanent ones included; the monitor
      sees RTM_DELNEIGH.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=NEIGH_GROUPS)
    veth_one_up(s, sk)
    add_neigh(s, sk, AF_INET, VA, GW)
    add_neigh(s, sk, AF_INET6, VA, "2001:db8::2", state=NUD_STALE)
    s.drain(mon)
    set_up(s, sk, VA, False)
    s.drain(mon)
    get_neigh(s, sk, AF_INET, VA, GW)
    dump_neigh(s, sk, AF_INET6)


@case("neigh/on-down-link",
      """A permanent entry on a veth that is down is accepted and kept.""")
def _(s):
    sk = s.socket()
    add_veth(s, sk)
    add_neigh(s, sk, AF_INET, VA, GW)
    get_neigh(s, sk, AF_INET, VA, GW)
    dump_neigh(s, sk, AF_INET)


@case("neigh/on-lo",
      """A permanent entry for 127.0.0.9 on lo (IFF_LOOPBACK) is acknowledged but
      stored under the key 0.0.0.0: a GET for 127.0.0.9 finds nothing, the dump
      shows 0.0.0.0.""")
def _(s):
    sk = s.socket()
    add_neigh(s, sk, AF_INET, LO, "127.0.0.9")
    get_neigh(s, sk, AF_INET, LO, "127.0.0.9")
    dump_neigh(s, sk, AF_INET)
