"""Routes: RTM_NEWROUTE / RTM_DELROUTE / RTM_GETROUTE."""

from . import case
from .common import *  # noqa: F401,F403

V4_ROUTE = group_mask(RTNLGRP_IPV4_ROUTE)
V6_ROUTE = group_mask(RTNLGRP_IPV6_ROUTE)


def lab(s, sk, v6=False, peer_ll=True):
    """va/vb up, va 10.0.0.1/24 (and 2001:db8::1/64 nodad with v6)."""
    veth_pair_up(s, sk, peer_ll=peer_ll)
    if v6:
        add_addr6(s, sk, VA, "2001:db8::1", 64, extra=nodad())


def via(gw):
    return a_ip(RTA_GATEWAY, gw)


def oif(index):
    return a_u32(RTA_OIF, index)


def del_route(s, sk, family, dst, plen, attrs=b"", **kw):
    """`ip route del DST/PLEN ...` (iproute2 sends scope NOWHERE, type and proto 0)."""
    kw.setdefault("scope", RT_SCOPE_NOWHERE)
    kw.setdefault("protocol", RTPROT_UNSPEC)
    kw.setdefault("rtype", RTN_UNSPEC)
    return s.ask(sk, RTM_DELROUTE, REQ_ACK, route_body(family, dst, plen, attrs=attrs, **kw))


def get_route(s, sk, family, dst, attrs=b"", flags=RTM_F_LOOKUP_TABLE, plen=None):
    """`ip route get DST ...`."""
    if plen is None:
        plen = 32 if family == AF_INET else 128
    return s.ask(sk, RTM_GETROUTE, REQ, rtmsg(family, plen, flags=flags) + a_ip(RTA_DST, dst) + attrs)


def main4(s, sk):
    return dump_routes(s, sk, AF_INET, RT_TABLE_MAIN)


@case("route/via-gateway",
      """10.1.0.0/16 via 10.0.0.2 (an on-link gateway): accepted, dev taken from the
      gateway's connected route; notification and main-table dump.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=V4_ROUTE)
    lab(s, sk)
    s.drain(mon)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.2"))
    s.drain(mon)
    main4(s, sk)


@case("route/offlink-gateway",
      """A gateway that no connected route covers: ENETUNREACH "Nexthop has invalid
      gateway", also with RTA_OIF; a gateway that is our own local address is
      accepted.""")
def _(s):
    sk = s.socket()
    lab(s, sk)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("192.0.2.1"))
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("192.0.2.1") + oif(VA))
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.1"))


@case("route/dev-only",
      """10.2.0.0/16 dev va scope link (no gateway); a missing RTA_OIF index gives
      ENODEV; scope host with a gateway is refused.""")
def _(s):
    sk = s.socket()
    lab(s, sk)
    add_route(s, sk, AF_INET, "10.2.0.0", 16, oif(VA), scope=RT_SCOPE_LINK)
    add_route(s, sk, AF_INET, "10.3.0.0", 16, oif(9), scope=RT_SCOPE_LINK)
    add_route(s, sk, AF_INET, "10.4.0.0", 16, via("10.0.0.2"), scope=RT_SCOPE_HOST)
    main4(s, sk)


@case("route/onlink",
      """RTNH_F_ONLINK in rtm_flags accepts a gateway outside every subnet (needs
      RTA_OIF); on a device that is down it is ENETDOWN "Nexthop device is not
      up".""")
def _(s):
    sk = s.socket()
    lab(s, sk)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("192.0.2.1") + oif(VA), flags=RTNH_F_ONLINK)
    add_route(s, sk, AF_INET, "10.2.0.0", 16, via("192.0.2.1"), flags=RTNH_F_ONLINK)
    add_route(s, sk, AF_INET, "10.3.0.0", 16, via("192.0.2.1") + oif(LO), flags=RTNH_F_ONLINK)
    main4(s, sk)


@case("route/special-types",
      """blackhole, unreachable, prohibit and throw routes need no device; the dump
      shows them without RTA_OIF.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=V4_ROUTE)
    lab(s, sk)
    s.drain(mon)
    add_route(s, sk, AF_INET, "10.3.0.0", 16, rtype=RTN_BLACKHOLE)
    add_route(s, sk, AF_INET, "10.4.0.0", 16, rtype=RTN_UNREACHABLE)
    add_route(s, sk, AF_INET, "10.5.0.0", 16, rtype=RTN_PROHIBIT)
    add_route(s, sk, AF_INET, "10.6.0.0", 16, rtype=RTN_THROW)
    s.drain(mon)
    main4(s, sk)


@case("route/local-and-broadcast",
      """`ip route add local 10.7.0.1 dev va table local` and a broadcast route in
      the local table; a route type above RTN_MAX is EINVAL.""")
def _(s):
    sk = s.socket()
    lab(s, sk)
    add_route(s, sk, AF_INET, "10.7.0.1", 32, oif(VA), table=RT_TABLE_LOCAL, scope=RT_SCOPE_HOST, rtype=RTN_LOCAL)
    add_route(s, sk, AF_INET, "10.7.0.255", 32, oif(VA), table=RT_TABLE_LOCAL, scope=RT_SCOPE_LINK,
              rtype=RTN_BROADCAST)
    add_route(s, sk, AF_INET, "10.7.1.0", 24, oif(VA), rtype=12)
    dump_routes(s, sk, AF_INET, RT_TABLE_LOCAL)


@case("route/metric-proto-scope",
      """Two routes for one prefix with metrics 100 and 50 (RTA_PRIORITY) are both
      kept, lower metric first; proto static and proto 99; scope link with a
      gateway is ENETUNREACH "Nexthop has invalid gateway".""")
def _(s):
    sk = s.socket()
    lab(s, sk)
    add_route(s, sk, AF_INET, "10.8.0.0", 16, via("10.0.0.2") + a_u32(RTA_PRIORITY, 100))
    add_route(s, sk, AF_INET, "10.8.0.0", 16, via("10.0.0.3") + a_u32(RTA_PRIORITY, 50))
    add_route(s, sk, AF_INET, "10.9.0.0", 16, via("10.0.0.2"), protocol=RTPROT_STATIC)
    add_route(s, sk, AF_INET, "10.10.0.0", 16, via("10.0.0.2"), protocol=99)
    add_route(s, sk, AF_INET, "10.11.0.0", 16, via("10.0.0.2"), scope=RT_SCOPE_LINK)
    main4(s, sk)


@case("route/prefsrc",
      """RTA_PREFSRC 10.0.0.1 (a local address) is accepted; 10.9.9.9 is EINVAL
      "Invalid prefsrc address".""")
def _(s):
    sk = s.socket()
    lab(s, sk)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.2") + a_ip(RTA_PREFSRC, "10.0.0.1"))
    add_route(s, sk, AF_INET, "10.2.0.0", 16, via("10.0.0.2") + a_ip(RTA_PREFSRC, "10.9.9.9"))
    main4(s, sk)


@case("route/other-tables",
      """Table 100 through rtm_table and table 1000 through RTA_TABLE; dumps of table
      100, table 1000, all tables (rtm_table 0, no RTA_TABLE), and strict dumps
      of a table that does not exist (IPv4 and IPv6).""")
def _(s):
    sk = s.socket(strict_chk=True)
    lab(s, sk)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.2"), table=100)
    add_route(s, sk, AF_INET, "10.2.0.0", 16, via("10.0.0.2") + a_u32(RTA_TABLE, 1000), table=RT_TABLE_UNSPEC)
    dump_routes(s, sk, AF_INET, 100)
    dump_routes(s, sk, AF_INET, 1000)
    s.ask(sk, RTM_GETROUTE, DUMP, rtmsg(AF_INET, table=100))
    dump_routes(s, sk, AF_INET)
    dump_routes(s, sk, AF_INET, 200)
    dump_routes(s, sk, AF_INET6, 200)


@case("route/metrics",
      """RTA_METRICS with RTAX_MTU 1400 and RTAX_ADVMSS 1360 nested inside; an
      unknown metric type is refused.""")
def _(s):
    sk = s.socket()
    lab(s, sk)
    add_route(s, sk, AF_INET, "10.1.0.0", 16,
              via("10.0.0.2") + nest(RTA_METRICS, a_u32(RTAX_MTU, 1400), a_u32(RTAX_ADVMSS, 1360)))
    add_route(s, sk, AF_INET, "10.2.0.0", 16, via("10.0.0.2") + nest(RTA_METRICS, a_u32(99, 1)))
    main4(s, sk)


@case("route/multipath",
      """RTA_MULTIPATH with two next hops (weights 1 and 3 as rtnh_hops 0 and 2):
      one route with two rtnexthop entries.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=V4_ROUTE)
    lab(s, sk)
    s.drain(mon)
    hops = rtnexthop(VA, hops=0, attrs=via("10.0.0.2")) + rtnexthop(VA, hops=2, attrs=via("10.0.0.3"))
    add_route(s, sk, AF_INET, "10.1.0.0", 16, attr(RTA_MULTIPATH, hops))
    bad = rtnexthop(VA, attrs=via("10.0.0.2")) + rtnexthop(VA, attrs=via("192.0.2.9"))
    add_route(s, sk, AF_INET, "10.2.0.0", 16, attr(RTA_MULTIPATH, bad))
    s.drain(mon)
    main4(s, sk)


@case("route/excl-append-replace",
      """EXCL duplicate is EEXIST; NLM_F_APPEND adds a second route for the same
      prefix and metric; NLM_F_REPLACE replaces the first; the dumps in between.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=V4_ROUTE)
    lab(s, sk)
    s.drain(mon)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.2"))
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.2"))
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.3"), nlflags=REQ_ACK | NLM_F_CREATE | NLM_F_APPEND)
    main4(s, sk)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.4"), nlflags=REQ_ACK | NLM_F_CREATE | NLM_F_REPLACE)
    s.drain(mon)
    main4(s, sk)


@case("route/create-without-excl",
      """NLM_F_CREATE without EXCL: the same route again is still EEXIST; with
      another gateway a second route is added in front of the first (APPEND
      would add it behind).""")
def _(s):
    sk = s.socket()
    lab(s, sk)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.2"))
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.2"), nlflags=REQ_ACK | NLM_F_CREATE)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.3"), nlflags=REQ_ACK | NLM_F_CREATE)
    main4(s, sk)


@case("route/delete",
      """Delete by prefix only, by prefix and gateway; deleting a missing route is
      ESRCH; a gateway that does not match is ESRCH too.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=V4_ROUTE)
    lab(s, sk)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.2"))
    add_route(s, sk, AF_INET, "10.2.0.0", 16, via("10.0.0.2"))
    s.drain(mon)
    del_route(s, sk, AF_INET, "10.1.0.0", 16)
    del_route(s, sk, AF_INET, "10.2.0.0", 16, via("10.0.0.3"))
    del_route(s, sk, AF_INET, "10.2.0.0", 16, via("10.0.0.2"))
    del_route(s, sk, AF_INET, "10.2.0.0", 16)
    s.drain(mon)
    main4(s, sk)


@case("route/replace-missing",
      """NLM_F_REPLACE without NLM_F_CREATE for a route that does not exist: ENOENT;
      with NLM_F_CREATE it is created.""")
def _(s):
    sk = s.socket()
    lab(s, sk)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.2"), nlflags=REQ_ACK | NLM_F_REPLACE)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.2"), nlflags=REQ_ACK | NLM_F_REPLACE | NLM_F_CREATE)
    main4(s, sk)


@case("route/bad-requests",
      """Odd route requests: prefix length 33 and host bits in the destination are
      EINVAL with extack; family AF_UNSPEC is EOPNOTSUPP; dst_len 16 without
      RTA_DST is accepted as 0.0.0.0/16.""")
def _(s):
    sk = s.socket()
    lab(s, sk)
    add_route(s, sk, AF_INET, "10.1.0.0", 33, via("10.0.0.2"))
    add_route(s, sk, AF_INET, "10.1.0.1", 16, via("10.0.0.2"))
    add_route(s, sk, AF_UNSPEC, None, 0, via("10.0.0.2"))
    s.ask(sk, RTM_NEWROUTE, CREATE_EXCL, rtmsg(AF_INET, 16, 0, 0, RT_TABLE_MAIN, RTPROT_BOOT, 0, RTN_UNICAST)
          + via("10.0.0.2"))
    main4(s, sk)


@case("route/default-route",
      """A default route (dst_len 0, no RTA_DST) via 10.0.0.2, then a route get for
      an address it covers.""")
def _(s):
    sk = s.socket()
    lab(s, sk)
    add_route(s, sk, AF_INET, None, 0, via("10.0.0.2"))
    main4(s, sk)
    get_route(s, sk, AF_INET, "198.51.100.7")


@case("route/ipv6",
      """IPv6 routes (vb without link-local address): 2001:db8:1::/64 via
      2001:db8::2, a blackhole; a gateway no
      route covers is EHOSTUNREACH (no extack); deleting a missing route is
      ESRCH; adding the first route again is EEXIST; then the main-table dump.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=V6_ROUTE)
    lab(s, sk, v6=True, peer_ll=False)
    s.drain(mon)
    add_route(s, sk, AF_INET6, "2001:db8:1::", 64, via("2001:db8::2"))
    add_route(s, sk, AF_INET6, "2001:db8:3::", 64, rtype=RTN_BLACKHOLE)
    add_route(s, sk, AF_INET6, "2001:db8:4::", 64, via("2001:db8:ffff::1"))
    del_route(s, sk, AF_INET6, "2001:db8:5::", 64)
    add_route(s, sk, AF_INET6, "2001:db8:1::", 64, via("2001:db8::2"))
    s.drain(mon)
    dump_routes(s, sk, AF_INET6, RT_TABLE_MAIN)


@case("route/ipv6-ecmp-merge",
      """Two IPv6 routes for one prefix with different gateways (the second with
      NLM_F_APPEND) merge into one multipath route; deleting one gateway leaves a
      single-path route.  vb has no link-local address (one DAD only).""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=V6_ROUTE)
    lab(s, sk, v6=True, peer_ll=False)
    s.drain(mon)
    add_route(s, sk, AF_INET6, "2001:db8:2::", 64, via("2001:db8::2") + oif(VA))
    add_route(s, sk, AF_INET6, "2001:db8:2::", 64, via("2001:db8::3") + oif(VA),
              nlflags=REQ_ACK | NLM_F_CREATE | NLM_F_APPEND)
    s.drain(mon)
    dump_routes(s, sk, AF_INET6, RT_TABLE_MAIN)
    del_route(s, sk, AF_INET6, "2001:db8:2::", 64, via("2001:db8::2") + oif(VA))
    s.drain(mon)
    dump_routes(s, sk, AF_INET6, RT_TABLE_MAIN)


@case("route/ipv6-metric-and-multipath",
      """An IPv6 RTA_MULTIPATH request (weights 1 and 2), and a route with metric 512
      next to one with the default metric 1024.""")
def _(s):
    sk = s.socket()
    lab(s, sk, v6=True)
    hops = rtnexthop(VA, attrs=via("2001:db8::2")) + rtnexthop(VA, hops=1, attrs=via("2001:db8::3"))
    add_route(s, sk, AF_INET6, "2001:db8:6::", 64, attr(RTA_MULTIPATH, hops))
    add_route(s, sk, AF_INET6, "2001:db8:7::", 64, via("2001:db8::2"))
    add_route(s, sk, AF_INET6, "2001:db8:7::", 64, via("2001:db8::2") + a_u32(RTA_PRIORITY, 512))
    dump_routes(s, sk, AF_INET6, RT_TABLE_MAIN)


@case("route/dump-strict-filters",
      """Strict route dumps filtered by rtm_protocol, rtm_type, RTA_OIF and
      RTM_F_CLONED (IPv4 has no cached routes: only NLMSG_DONE).""")
def _(s):
    sk = s.socket(strict_chk=True)
    lab(s, sk)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.2"), protocol=RTPROT_STATIC)
    add_route(s, sk, AF_INET, "10.3.0.0", 16, rtype=RTN_BLACKHOLE)
    s.ask(sk, RTM_GETROUTE, DUMP, rtmsg(AF_INET, protocol=RTPROT_STATIC))
    s.ask(sk, RTM_GETROUTE, DUMP, rtmsg(AF_INET, rtype=RTN_BLACKHOLE))
    s.ask(sk, RTM_GETROUTE, DUMP, rtmsg(AF_INET) + oif(VA))
    s.ask(sk, RTM_GETROUTE, DUMP, rtmsg(AF_INET, flags=RTM_F_CLONED))
    s.ask(sk, RTM_GETROUTE, DUMP, rtmsg(AF_INET, scope=RT_SCOPE_LINK))


@case("route/get",
      """RTM_GETROUTE lookups: via a gateway route, to a connected and a local
      address, with RTA_OIF, RTA_SRC, RTA_MARK, RTA_UID; RTM_F_FIB_MATCH returns
      the matching FIB entry instead of the resolved route.""")
def _(s):
    sk = s.socket()
    lab(s, sk)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.2"))
    get_route(s, sk, AF_INET, "10.1.2.3")
    get_route(s, sk, AF_INET, "10.0.0.9")
    get_route(s, sk, AF_INET, "10.0.0.1")
    get_route(s, sk, AF_INET, "10.1.2.3", oif(VA))
    get_route(s, sk, AF_INET, "10.1.2.3", a_ip(RTA_SRC, "10.0.0.1"))
    get_route(s, sk, AF_INET, "10.1.2.3", a_u32(RTA_MARK, 7) + a_u32(RTA_UID, 1000))
    get_route(s, sk, AF_INET, "10.1.2.3", flags=RTM_F_LOOKUP_TABLE | RTM_F_FIB_MATCH)


@case("route/get-errors",
      """Route lookups that fail: no route (ENETUNREACH, no extack), RTA_OIF of a
      missing device (ENODEV), RTA_SRC that is not local (ENETUNREACH), and
      RTM_F_FIB_MATCH with no route.""")
def _(s):
    sk = s.socket()
    lab(s, sk)
    get_route(s, sk, AF_INET, "192.0.2.1")
    get_route(s, sk, AF_INET, "10.0.0.9", oif(9))
    get_route(s, sk, AF_INET, "10.0.0.9", a_ip(RTA_SRC, "192.0.2.1"))
    get_route(s, sk, AF_INET, "192.0.2.1", flags=RTM_F_LOOKUP_TABLE | RTM_F_FIB_MATCH)


@case("route/get-input",
      """RTA_IIF makes the lookup an input route: packets from 10.0.0.2 arriving on
      va for the local 10.0.0.1 are delivered; for 10.1.2.3 they would be forwarded,
      which is off by default (EHOSTUNREACH); a missing RTA_IIF device is ENODEV.""")
def _(s):
    sk = s.socket()
    lab(s, sk)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.2"))
    get_route(s, sk, AF_INET, "10.0.0.1", a_ip(RTA_SRC, "10.0.0.2") + a_u32(RTA_IIF, VA))
    get_route(s, sk, AF_INET, "10.1.2.3", a_ip(RTA_SRC, "10.0.0.2") + a_u32(RTA_IIF, VA))
    get_route(s, sk, AF_INET, "10.0.0.1", a_ip(RTA_SRC, "10.0.0.2") + a_u32(RTA_IIF, 9))


@case("route/get-ipv6",
      """IPv6 route lookups: a connected address, a route via a gateway, the local
      address, and a destination with no route (ENETUNREACH).""")
def _(s):
    sk = s.socket()
    lab(s, sk, v6=True)
    add_route(s, sk, AF_INET6, "2001:db8:1::", 64, via("2001:db8::2"))
    get_route(s, sk, AF_INET6, "2001:db8::9")
    get_route(s, sk, AF_INET6, "2001:db8:1::5")
    get_route(s, sk, AF_INET6, "2001:db8::1")
    get_route(s, sk, AF_INET6, "2001:db8:99::1")


@case("route/link-down-removes",
      """Static routes through va disappear when va goes down (no RTM_DELROUTE is
      sent for them) and do not come back when it is up again.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=V4_ROUTE)
    lab(s, sk)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.2"))
    add_route(s, sk, AF_INET, "10.2.0.0", 16, oif(VA), scope=RT_SCOPE_LINK)
    add_route(s, sk, AF_INET, "10.3.0.0", 16, rtype=RTN_BLACKHOLE)
    main4(s, sk)
    s.drain(mon)
    set_up(s, sk, VA, False)
    s.drain(mon)
    main4(s, sk)
    set_up(s, sk, VA)
    s.drain(mon)
    main4(s, sk)


@case("route/carrier-loss-linkdown",
      """When the peer goes down, va keeps its routes but they carry
      RTNH_F_LINKDOWN; route get still answers.""")
def _(s):
    sk = s.socket()
    lab(s, sk)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.2"))
    set_up(s, sk, VB, False)
    main4(s, sk)
    get_route(s, sk, AF_INET, "10.1.2.3")
