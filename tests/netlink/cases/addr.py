"""Addresses: RTM_NEWADDR / RTM_DELADDR / RTM_GETADDR, and the routes they create."""

from . import case
from .common import *  # noqa: F401,F403

V4_GROUPS = group_mask(RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV4_ROUTE)
V6_GROUPS = group_mask(RTNLGRP_IPV6_IFADDR, RTNLGRP_IPV6_ROUTE)


def del_addr4(s, sk, index, local, plen):
    """`ip addr del LOCAL/PLEN dev X`."""
    return s.ask(sk, RTM_DELADDR, REQ_ACK, addr4_body(index, local, plen))


def all_routes(s, sk, family=AF_INET):
    """`ip route show table all` for one family."""
    return dump_routes(s, sk, family)


@case("addr/ipv4-link-down",
      """10.0.0.1/24 brd 10.0.0.255 on a veth that is down: only the local route
      (table local, scope host) is created; prefix and broadcast routes wait for up.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=V4_GROUPS)
    add_veth(s, sk)
    s.drain(mon)
    add_addr4(s, sk, VA, "10.0.0.1", 24, brd="10.0.0.255")
    s.drain(mon)
    dump_addrs(s, sk, AF_INET)
    all_routes(s, sk)


@case("addr/ipv4-link-up",
      """The same address on a veth pair that is up: RTM_NEWADDR, then the routes
      local, broadcast (the explicit brd), prefix (main, scope link, src); the
      second, identical broadcast route for the subnet is not announced again.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=V4_GROUPS)
    veth_pair_up(s, sk, addr=False)
    s.drain(mon)
    add_addr4(s, sk, VA, "10.0.0.1", 24, brd="10.0.0.255")
    s.drain(mon)
    dump_addrs(s, sk, AF_INET)
    dump_routes(s, sk, AF_INET, RT_TABLE_MAIN)
    dump_routes(s, sk, AF_INET, RT_TABLE_LOCAL)


@case("addr/ipv4-no-carrier",
      """On va up without carrier (vb down) the routes are created but flagged
      RTNH_F_LINKDOWN.""")
def _(s):
    sk = s.socket()
    veth_one_up(s, sk)
    add_addr4(s, sk, VA, "10.0.0.1", 24, brd="10.0.0.255")
    all_routes(s, sk)


@case("addr/ipv4-without-broadcast",
      """No IFA_BROADCAST: the address has none, but the subnet broadcast route
      10.0.0.255 is still created.""")
def _(s):
    sk = s.socket()
    veth_pair_up(s, sk, addr=False)
    add_addr4(s, sk, VA, "10.0.0.1", 24)
    dump_addrs(s, sk, AF_INET)
    all_routes(s, sk)


@case("addr/ipv4-peer",
      """A point-to-point address: IFA_LOCAL 10.0.0.1 with IFA_ADDRESS 10.9.9.9/32:
      a route to the peer instead of a subnet route.""")
def _(s):
    sk = s.socket()
    veth_pair_up(s, sk, addr=False)
    s.ask(sk, RTM_NEWADDR, CREATE_EXCL, ifaddrmsg(AF_INET, 32, 0, RT_SCOPE_UNIVERSE, VA)
          + a_ip(IFA_LOCAL, "10.0.0.1") + a_ip(IFA_ADDRESS, "10.9.9.9"))
    dump_addrs(s, sk, AF_INET)
    all_routes(s, sk)


@case("addr/ipv4-label",
      """IFA_LABEL va:one is kept and reported; a label that does not start with
      the device name (eth0:x) is accepted too.""")
def _(s):
    sk = s.socket()
    add_veth(s, sk)
    add_addr4(s, sk, VA, "10.0.0.1", 24, extra=a_str(IFA_LABEL, "va:one"))
    add_addr4(s, sk, VA, "10.0.1.1", 24, extra=a_str(IFA_LABEL, "eth0:x"))
    dump_addrs(s, sk, AF_INET)


@case("addr/ipv4-scopes",
      """Addresses with scope host and scope link: the address keeps its scope, but
      the prefix routes are scope link and the local routes scope host either
      way.""")
def _(s):
    sk = s.socket()
    veth_pair_up(s, sk, addr=False)
    add_addr4(s, sk, VA, "10.1.0.1", 24, scope=RT_SCOPE_HOST)
    add_addr4(s, sk, VA, "10.2.0.1", 24, scope=RT_SCOPE_LINK)
    dump_addrs(s, sk, AF_INET)
    all_routes(s, sk)


@case("addr/ipv4-noprefixroute-and-metric",
      """IFA_FLAGS NOPREFIXROUTE: no main-table subnet route (local and broadcast
      stay); IFA_RT_PRIORITY 50 gives the subnet route metric 50; IFA_PROTO 3 is
      stored and reported.""")
def _(s):
    sk = s.socket()
    veth_pair_up(s, sk, addr=False)
    add_addr4(s, sk, VA, "10.1.0.1", 24, extra=a_u32(IFA_FLAGS, IFA_F_NOPREFIXROUTE))
    add_addr4(s, sk, VA, "10.2.0.1", 24, extra=a_u32(IFA_RT_PRIORITY, 50))
    add_addr4(s, sk, VA, "10.3.0.1", 24, extra=a_u8(IFA_PROTO, 3))
    dump_addrs(s, sk, AF_INET)
    all_routes(s, sk)


@case("addr/ipv4-lifetimes",
      """IFA_CACHEINFO in the request sets preferred 300 s / valid 600 s: no
      IFA_F_PERMANENT; valid 0 and preferred > valid are refused.""")
def _(s):
    sk = s.socket()
    veth_one_up(s, sk)
    add_addr4(s, sk, VA, "10.0.0.1", 24, extra=attr(IFA_CACHEINFO, ifa_cacheinfo(300, 600)))
    dump_addrs(s, sk, AF_INET)
    add_addr4(s, sk, VA, "10.0.1.1", 24, extra=attr(IFA_CACHEINFO, ifa_cacheinfo(0, 0)))
    add_addr4(s, sk, VA, "10.0.2.1", 24, extra=attr(IFA_CACHEINFO, ifa_cacheinfo(600, 300)))


@case("addr/ipv4-duplicate",
      """Adding an address that exists: EEXIST "ipv4: Address already assigned",
      with NLM_F_EXCL and also without it (NLM_F_CREATE only).""")
def _(s):
    sk = s.socket()
    add_veth(s, sk)
    add_addr4(s, sk, VA, "10.0.0.1", 24)
    add_addr4(s, sk, VA, "10.0.0.1", 24)
    add_addr4(s, sk, VA, "10.0.0.1", 24, flags=REQ_ACK | NLM_F_CREATE)


@case("addr/ipv4-errors",
      """Address errors: delete of a missing address ("ipv4: Address not found"),
      a bad ifindex ("ipv4: Device not found"), prefix length 33, no IFA_LOCAL.""")
def _(s):
    sk = s.socket()
    add_veth(s, sk)
    del_addr4(s, sk, VA, "10.0.0.1", 24)
    add_addr4(s, sk, 9, "10.0.0.1", 24)
    add_addr4(s, sk, VA, "10.0.0.1", 33)
    s.ask(sk, RTM_NEWADDR, CREATE_EXCL, ifaddrmsg(AF_INET, 24, 0, 0, VA))


@case("addr/ipv4-delete",
      """Deleting the only address of an up veth: RTM_DELADDR, then the deleted
      routes prefix, broadcast and local reach the monitor.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=V4_GROUPS)
    veth_pair_up(s, sk)
    s.drain(mon)
    del_addr4(s, sk, VA, "10.0.0.1", 24)
    s.drain(mon)
    all_routes(s, sk)


@case("addr/ipv4-secondaries",
      """10.0.0.1/24 then .2 and .3 in the same subnet become IFA_F_SECONDARY, with
      local routes whose prefsrc is the primary.  Deleting a secondary removes
      only it; deleting the primary removes the remaining secondaries too
      (promote_secondaries is 0 by default).""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=V4_GROUPS)
    veth_pair_up(s, sk)
    add_addr4(s, sk, VA, "10.0.0.2", 24, brd="10.0.0.255")
    add_addr4(s, sk, VA, "10.0.0.3", 24, brd="10.0.0.255")
    dump_addrs(s, sk, AF_INET)
    all_routes(s, sk)
    s.drain(mon)
    del_addr4(s, sk, VA, "10.0.0.2", 24)
    s.drain(mon)
    del_addr4(s, sk, VA, "10.0.0.1", 24)
    s.drain(mon)
    dump_addrs(s, sk, AF_INET)
    all_routes(s, sk)


@case("addr/ipv4-replace-and-change",
      """NLM_F_REPLACE on an existing address updates its lifetimes; NLM_F_REPLACE
      without NLM_F_CREATE on a missing address creates it anyway.""")
def _(s):
    sk = s.socket()
    veth_one_up(s, sk)
    add_addr4(s, sk, VA, "10.0.0.1", 24)
    add_addr4(s, sk, VA, "10.0.0.1", 24, extra=attr(IFA_CACHEINFO, ifa_cacheinfo(100, 200)),
              flags=REQ_ACK | NLM_F_CREATE | NLM_F_REPLACE)
    add_addr4(s, sk, VA, "10.0.5.1", 24, flags=REQ_ACK | NLM_F_REPLACE)
    dump_addrs(s, sk, AF_INET)


@case("addr/ipv4-on-lo",
      """10.0.0.1/24 on lo (up): the subnet route is type local in the local table.""")
def _(s):
    sk = s.socket()
    set_up(s, sk, LO)
    add_addr4(s, sk, LO, "10.0.0.1", 24)
    all_routes(s, sk)


@case("addr/ipv4-link-down-up",
      """An addressed veth pair goes down and up: down deletes the subnet and
      broadcast routes (local stays); up adds them back.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=V4_GROUPS)
    veth_pair_up(s, sk)
    all_routes(s, sk)
    s.drain(mon)
    set_up(s, sk, VA, False)
    s.drain(mon)
    all_routes(s, sk)
    set_up(s, sk, VA)
    s.drain(mon)
    all_routes(s, sk)


@case("addr/get-single",
      """RTM_GETADDR without NLM_F_DUMP: IPv4 has no handler for it (EOPNOTSUPP); IPv6
      answers for IFA_ADDRESS on an index, or EADDRNOTAVAIL.""")
def _(s):
    sk = s.socket()
    set_up(s, sk, LO)
    s.ask(sk, RTM_GETADDR, REQ, ifaddrmsg(AF_INET, 8, 0, 0, LO) + a_ip(IFA_ADDRESS, "127.0.0.1"))
    s.ask(sk, RTM_GETADDR, REQ, ifaddrmsg(AF_INET6, 128, 0, 0, LO) + a_ip(IFA_ADDRESS, "::1"))
    s.ask(sk, RTM_GETADDR, REQ, ifaddrmsg(AF_INET6, 128, 0, 0, LO) + a_ip(IFA_ADDRESS, "::2"))


@case("addr/dump-filters",
      """Address dumps by family, and by ifa_index: with strict checking the index
      filters (NLM_F_DUMP_FILTERED), without it the index is ignored.""")
def _(s):
    strict = s.socket(strict_chk=True)
    loose = s.socket()
    set_up(s, strict, LO)
    veth_one_up(s, strict)
    add_addr4(s, strict, VA, "10.0.0.1", 24)
    add_addr6(s, strict, VA, "2001:db8::1", 64, extra=nodad())
    dump_addrs(s, strict, AF_INET)
    dump_addrs(s, strict, AF_INET6)
    dump_addrs(s, strict, AF_INET, index=VA)
    dump_addrs(s, strict, AF_UNSPEC, index=VA)
    dump_addrs(s, loose, AF_INET, index=VA)
    dump_addrs(s, strict, AF_INET, index=9)


@case("addr/ipv6-nodad",
      """IPv6 2001:db8::1/64 nodad on an up veth pair (vb without link-local
      address): usable at once (no tentative); prefix route in main, local route
      in table local; the monitor also saw the setup's link-local address.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=V6_GROUPS)
    veth_pair_up(s, sk, addr=False, peer_ll=False)
    s.drain(mon)
    add_addr6(s, sk, VA, "2001:db8::1", 64, extra=nodad())
    s.drain(mon)
    dump_addrs(s, sk, AF_INET6)
    dump_routes(s, sk, AF_INET6)


@case("addr/ipv6-dad",
      """IPv6 2001:db8::1/64 with DAD on an up veth pair (vb without link-local
      address): the monitor sees the prefix route, the tentative address, and
      after DAD the address again without IFA_F_TENTATIVE plus its local route.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=V6_GROUPS)
    veth_pair_up(s, sk, addr=False, peer_ll=False)
    s.drain(mon)
    add_addr6(s, sk, VA, "2001:db8::1", 64)
    s.drain(mon)
    dump_addrs(s, sk, AF_INET6, index=VA)


@case("addr/ipv6-no-carrier",
      """IPv6 address on a veth without carrier stays tentative (DAD waits for the
      link); a nodad one does not.""")
def _(s):
    sk = s.socket()
    veth_one_up(s, sk)
    add_addr6(s, sk, VA, "2001:db8::1", 64)
    add_addr6(s, sk, VA, "2001:db8:1::1", 64, extra=nodad())
    dump_addrs(s, sk, AF_INET6)
    dump_routes(s, sk, AF_INET6)


@case("addr/ipv6-delete-and-errors",
      """IPv6 duplicate add (EEXIST), delete (RTM_DELADDR, routes go), delete of a
      missing address, add on a missing index.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=V6_GROUPS)
    set_up(s, sk, LO)
    add_addr6(s, sk, LO, "2001:db8::1", 64, extra=nodad())
    add_addr6(s, sk, LO, "2001:db8::1", 64, extra=nodad())
    s.drain(mon)
    s.ask(sk, RTM_DELADDR, REQ_ACK, addr6_body(LO, "2001:db8::1", 64))
    s.drain(mon)
    s.ask(sk, RTM_DELADDR, REQ_ACK, addr6_body(LO, "2001:db8::1", 64))
    add_addr6(s, sk, 9, "2001:db8::2", 64, extra=nodad())
    dump_addrs(s, sk, AF_INET6)


@case("addr/ipv6-on-down-link",
      """IPv6 nodad address on a veth that is down: accepted, not tentative; its
      local route exists at once, the prefix route waits for up.""")
def _(s):
    sk = s.socket()
    add_veth(s, sk)
    add_addr6(s, sk, VA, "2001:db8::1", 64, extra=nodad())
    dump_addrs(s, sk, AF_INET6)
    dump_routes(s, sk, AF_INET6)
