"""Next-hop objects: RTM_NEWNEXTHOP / RTM_DELNEXTHOP / RTM_GETNEXTHOP, and routes through them."""

from . import case
from .common import *  # noqa: F401,F403
from .route import lab

NH = group_mask(RTNLGRP_NEXTHOP)
ROUTES = group_mask(RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV6_ROUTE)


def add_nh(s, sk, family, attrs, nlflags=CREATE_EXCL, **kw):
    """`ip nexthop add ...`."""
    return s.ask(sk, RTM_NEWNEXTHOP, nlflags, nhmsg(family, **kw) + attrs)


def nh_id(i):
    return a_u32(NHA_ID, i)


def get_nh(s, sk, i, family=AF_UNSPEC):
    return s.ask(sk, RTM_GETNEXTHOP, REQ, nhmsg(family) + nh_id(i))


def del_nh(s, sk, i):
    return s.ask(sk, RTM_DELNEXTHOP, REQ_ACK, nhmsg(AF_UNSPEC) + nh_id(i))


def dump_nh(s, sk, family=AF_UNSPEC, attrs=b""):
    return s.ask(sk, RTM_GETNEXTHOP, DUMP, nhmsg(family) + attrs)


@case("nexthop/single",
      """Single next hops: device only, gateway, onlink gateway, blackhole, IPv6
      gateway, fdb, an id chosen by the kernel and a protocol; the notifications
      carry the request's header; get, dump and the dump filters (family, device,
      groups, fdb).""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=NH)
    lab(s, sk, v6=True)
    add_nh(s, sk, AF_INET, nh_id(1) + a_u32(NHA_OIF, VA))
    add_nh(s, sk, AF_INET, nh_id(2) + a_ip(NHA_GATEWAY, "10.0.0.2") + a_u32(NHA_OIF, VA))
    add_nh(s, sk, AF_INET, nh_id(3) + a_ip(NHA_GATEWAY, "10.0.0.3") + a_u32(NHA_OIF, VA), flags=RTNH_F_ONLINK)
    add_nh(s, sk, AF_INET, nh_id(4) + attr(NHA_BLACKHOLE))
    add_nh(s, sk, AF_INET6, nh_id(5) + a_ip(NHA_GATEWAY, "2001:db8::2") + a_u32(NHA_OIF, VA))
    add_nh(s, sk, AF_INET, nh_id(6) + a_ip(NHA_GATEWAY, "10.0.0.6") + attr(NHA_FDB))
    add_nh(s, sk, AF_INET, a_u32(NHA_OIF, VA), protocol=RTPROT_STATIC)
    s.drain(mon)
    get_nh(s, sk, 2)
    get_nh(s, sk, 4, family=AF_INET)
    dump_nh(s, sk)
    dump_nh(s, sk, AF_INET6)
    dump_nh(s, sk, attrs=a_u32(NHA_OIF, VA))
    dump_nh(s, sk, attrs=attr(NHA_GROUPS))
    dump_nh(s, sk, attrs=attr(NHA_FDB))


@case("nexthop/groups",
      """Groups with weights and an fdb group; replacing a member announces it and
      leaves the group; deleting a member shrinks one group and removes the group
      it was alone in, each notified with the request's header.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=NH)
    lab(s, sk)
    add_nh(s, sk, AF_INET, nh_id(1) + a_ip(NHA_GATEWAY, "10.0.0.2") + a_u32(NHA_OIF, VA))
    add_nh(s, sk, AF_INET, nh_id(2) + a_ip(NHA_GATEWAY, "10.0.0.3") + a_u32(NHA_OIF, VA))
    add_nh(s, sk, AF_INET, nh_id(5) + a_ip(NHA_GATEWAY, "10.0.0.5") + attr(NHA_FDB))
    add_nh(s, sk, AF_UNSPEC, nh_id(10) + nh_group((1, 1), (2, 3)))
    add_nh(s, sk, AF_UNSPEC, nh_id(11) + nh_group((2, 1)) + a_u16(NHA_GROUP_TYPE, 0))
    add_nh(s, sk, AF_UNSPEC, nh_id(12) + nh_group((5, 1)) + attr(NHA_FDB))
    s.drain(mon)
    add_nh(s, sk, AF_INET, nh_id(2) + a_ip(NHA_GATEWAY, "10.0.0.4") + a_u32(NHA_OIF, VA),
           nlflags=REQ_ACK | NLM_F_CREATE | NLM_F_REPLACE)
    add_nh(s, sk, AF_UNSPEC, nh_id(10) + nh_group((2, 1), (1, 1)), nlflags=REQ_ACK | NLM_F_CREATE | NLM_F_REPLACE)
    s.drain(mon)
    dump_nh(s, sk)
    del_nh(s, sk, 2)
    s.drain(mon)
    dump_nh(s, sk)


@case("nexthop/errors",
      """What RTM_NEWNEXTHOP, RTM_GETNEXTHOP and RTM_DELNEXTHOP refuse, with their
      extack messages: a device that is down, no device, bad flags and header
      fields, a missing family, groups with unknown, repeated or fdb members,
      nested groups, replace without an id, missing ids; strict dump headers.""")
def _(s):
    sk = s.socket()
    strict = s.socket(strict_chk=True)
    add_nh(s, sk, AF_INET, nh_id(1) + a_u32(NHA_OIF, LO))
    lab(s, sk)
    add_nh(s, sk, AF_INET, nh_id(1) + a_ip(NHA_GATEWAY, "10.0.0.2"))
    add_nh(s, sk, AF_INET, nh_id(1) + a_ip(NHA_GATEWAY, "10.1.0.2") + a_u32(NHA_OIF, VA))
    add_nh(s, sk, AF_INET, nh_id(1) + a_u32(NHA_OIF, VA), flags=RTNH_F_ONLINK)
    add_nh(s, sk, AF_INET, nh_id(1) + a_u32(NHA_OIF, VA), flags=RTNH_F_DEAD)
    add_nh(s, sk, AF_INET, nh_id(1) + a_u32(NHA_OIF, VA), scope=RT_SCOPE_LINK)
    add_nh(s, sk, AF_UNSPEC, nh_id(1) + a_u32(NHA_OIF, VA))
    add_nh(s, sk, AF_INET, nh_id(1) + a_u32(NHA_OIF, 99))
    add_nh(s, sk, AF_INET, nh_id(1) + a_u32(NHA_OIF, VA) + attr(NHA_BLACKHOLE))
    add_nh(s, sk, AF_INET, nh_id(1) + a_ip(NHA_GATEWAY, "10.0.0.2") + a_u32(NHA_OIF, VA))
    add_nh(s, sk, AF_INET, nh_id(1) + a_ip(NHA_GATEWAY, "10.0.0.2") + a_u32(NHA_OIF, VA))
    add_nh(s, sk, AF_INET, nh_id(2) + a_ip(NHA_GATEWAY, "10.0.0.9") + attr(NHA_FDB))
    add_nh(s, sk, AF_UNSPEC, nh_id(10) + nh_group((9, 1)))
    add_nh(s, sk, AF_UNSPEC, nh_id(10) + nh_group((1, 1), (1, 1)))
    add_nh(s, sk, AF_UNSPEC, nh_id(10) + nh_group((1, 1), (2, 1)))
    add_nh(s, sk, AF_UNSPEC, nh_id(10) + nh_group((1, 1)) + a_u32(NHA_OIF, VA))
    add_nh(s, sk, AF_UNSPEC, nh_id(10) + nh_group((1, 1)) + a_u16(NHA_GROUP_TYPE, 5))
    add_nh(s, sk, AF_UNSPEC, nh_id(10) + attr(NHA_GROUP, b"\x01\x00\x00"))
    add_nh(s, sk, AF_INET, nh_id(10) + nh_group((1, 1)))
    add_nh(s, sk, AF_UNSPEC, nh_id(10) + nh_group((1, 1)))
    add_nh(s, sk, AF_UNSPEC, nh_id(11) + nh_group((10, 1)))
    add_nh(s, sk, AF_INET, a_u32(NHA_OIF, VA), nlflags=REQ_ACK | NLM_F_CREATE | NLM_F_REPLACE)
    add_nh(s, sk, AF_INET, nh_id(20) + a_u32(NHA_OIF, VA), nlflags=REQ_ACK | NLM_F_REPLACE)
    add_nh(s, sk, AF_INET, nh_id(1) + nh_group((1, 1)), nlflags=REQ_ACK | NLM_F_CREATE | NLM_F_REPLACE)
    s.ask(sk, RTM_GETNEXTHOP, REQ_ACK, nhmsg(AF_UNSPEC))
    s.ask(sk, RTM_GETNEXTHOP, REQ_ACK, nhmsg(AF_UNSPEC) + nh_id(0))
    s.ask(sk, RTM_GETNEXTHOP, REQ_ACK, nhmsg(AF_UNSPEC, protocol=4) + nh_id(1))
    s.ask(sk, RTM_GETNEXTHOP, REQ_ACK, nhmsg(AF_UNSPEC) + nh_id(99))
    del_nh(s, sk, 99)
    dump_nh(s, strict, attrs=b"")
    s.ask(strict, RTM_GETNEXTHOP, DUMP, nhmsg(AF_UNSPEC, protocol=4))


@case("nexthop/routes",
      """IPv4 and IPv6 routes through next-hop objects (RTA_NH_ID): dumps carry the
      id and the object's next hops; a replaced object announces its routes again;
      a deleted one takes its routes (IPv6 ones notified); the errors.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=NH | ROUTES)
    lab(s, sk, v6=True)
    add_nh(s, sk, AF_INET, nh_id(1) + a_ip(NHA_GATEWAY, "10.0.0.2") + a_u32(NHA_OIF, VA))
    add_nh(s, sk, AF_INET, nh_id(2) + a_ip(NHA_GATEWAY, "10.0.0.3") + a_u32(NHA_OIF, VA))
    add_nh(s, sk, AF_INET6, nh_id(3) + a_ip(NHA_GATEWAY, "2001:db8::2") + a_u32(NHA_OIF, VA))
    add_nh(s, sk, AF_INET, nh_id(4) + attr(NHA_BLACKHOLE))
    add_nh(s, sk, AF_UNSPEC, nh_id(10) + nh_group((1, 1), (2, 2)))
    add_nh(s, sk, AF_UNSPEC, nh_id(11) + nh_group((3, 1)))
    s.drain(mon)
    add_route(s, sk, AF_INET, "192.168.1.0", 24, a_u32(RTA_NH_ID, 1))
    add_route(s, sk, AF_INET, "192.168.2.0", 24, a_u32(RTA_NH_ID, 10))
    add_route(s, sk, AF_INET, "192.168.4.0", 24, a_u32(RTA_NH_ID, 4))
    add_route(s, sk, AF_INET, "192.168.5.0", 24, a_u32(RTA_NH_ID, 3))
    add_route(s, sk, AF_INET, "192.168.6.0", 24, a_u32(RTA_NH_ID, 99))
    add_route(s, sk, AF_INET6, "2001:db8:1::", 64, a_u32(RTA_NH_ID, 3))
    add_route(s, sk, AF_INET6, "2001:db8:2::", 64, a_u32(RTA_NH_ID, 11))
    add_route(s, sk, AF_INET6, "2001:db8:3::", 64, a_u32(RTA_NH_ID, 1))
    s.drain(mon)
    dump_routes(s, sk, AF_INET)
    dump_routes(s, sk, AF_INET6)
    add_nh(s, sk, AF_INET, nh_id(1) + a_ip(NHA_GATEWAY, "10.0.0.9") + a_u32(NHA_OIF, VA),
           nlflags=REQ_ACK | NLM_F_CREATE | NLM_F_REPLACE)
    s.drain(mon)
    del_nh(s, sk, 3)
    s.drain(mon)
    dump_routes(s, sk, AF_INET)
    dump_routes(s, sk, AF_INET6)


def res_group(buckets=None, idle=None, unbalanced=None):
    """An NHA_RES_GROUP nest as `ip nexthop ... type resilient` sends it."""
    parts = []
    if buckets is not None:
        parts.append(a_u16(NHA_RES_GROUP_BUCKETS, buckets))
    if idle is not None:
        parts.append(a_u32(NHA_RES_GROUP_IDLE_TIMER, idle))
    if unbalanced is not None:
        parts.append(a_u32(NHA_RES_GROUP_UNBALANCED_TIMER, unbalanced))
    return attr(NHA_RES_GROUP | 0x8000, b"".join(parts))


def get_bucket(s, sk, i, index):
    return s.ask(sk, RTM_GETNEXTHOPBUCKET, REQ,
                 nhmsg(AF_UNSPEC) + nh_id(i) + attr(NHA_RES_BUCKET | 0x8000, a_u16(NHA_RES_BUCKET_INDEX, index)))


def dump_buckets(s, sk, attrs=b"", family=AF_UNSPEC):
    return s.ask(sk, RTM_GETNEXTHOPBUCKET, DUMP, nhmsg(family) + attrs)


@case("nexthop/resilient",
      """Resilient groups: creation with NHA_RES_GROUP (and without the number of
      buckets), the group's description with its table, replace keeping the table,
      RTM_GETNEXTHOPBUCKET get (in and out of range, wrong groups) and dumps with
      their filters (group id, member id, device), and the errors.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=NH)
    lab(s, sk)
    add_nh(s, sk, AF_INET, nh_id(1) + a_ip(NHA_GATEWAY, "10.0.0.2") + a_u32(NHA_OIF, VA))
    add_nh(s, sk, AF_INET, nh_id(2) + a_ip(NHA_GATEWAY, "10.0.0.3") + a_u32(NHA_OIF, VA))
    add_nh(s, sk, AF_UNSPEC, nh_id(9) + nh_group((1, 1)))
    add_nh(s, sk, AF_UNSPEC, nh_id(10) + nh_group((1, 1)) + res_group() + a_u16(NHA_GROUP_TYPE, 1))
    add_nh(s, sk, AF_UNSPEC, nh_id(10) + nh_group((1, 1)) + res_group(buckets=0) + a_u16(NHA_GROUP_TYPE, 1))
    add_nh(s, sk, AF_UNSPEC, nh_id(10) + nh_group((1, 3), (2, 1)) + res_group(buckets=8, idle=500) + a_u16(NHA_GROUP_TYPE, 1))
    s.drain(mon)
    get_nh(s, sk, 10)
    get_bucket(s, sk, 10, 2)
    get_bucket(s, sk, 10, 8)
    get_bucket(s, sk, 9, 0)
    get_bucket(s, sk, 1, 0)
    dump_buckets(s, sk)
    dump_buckets(s, sk, nh_id(10))
    dump_buckets(s, sk, attr(NHA_RES_BUCKET | 0x8000, a_u32(NHA_RES_BUCKET_NH_ID, 2)))
    dump_buckets(s, sk, a_u32(NHA_OIF, VA))
    dump_buckets(s, sk, nh_id(9))
    add_nh(s, sk, AF_UNSPEC, nh_id(10) + nh_group((2, 1), (1, 1)) + res_group(buckets=4) + a_u16(NHA_GROUP_TYPE, 1),
           nlflags=REQ_ACK | NLM_F_CREATE | NLM_F_REPLACE)
    add_nh(s, sk, AF_UNSPEC, nh_id(10) + nh_group((2, 1), (1, 1)) + res_group(unbalanced=1000) + a_u16(NHA_GROUP_TYPE, 1),
           nlflags=REQ_ACK | NLM_F_CREATE | NLM_F_REPLACE)
    s.drain(mon)
    dump_buckets(s, sk, nh_id(10))
