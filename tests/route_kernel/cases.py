"""Route probes recorded from the kernel for tests/route_kernel.rs: GETROUTE
answers (IPv4 and IPv6, output and input lookups, FIB_MATCH, errors) and
RTM_F_CLONED dumps."""
from . import case
from .common import *  # noqa
from .route import lab, via, oif, del_route, get_route, main4

@case("route/k-dump-cloned-nonstrict", "non-strict dump with RTM_F_CLONED")
def _(s):
    sk = s.socket()
    st = s.socket(strict_chk=True)
    lab(s, sk, v6=True)
    s.ask(sk, RTM_GETROUTE, DUMP, rtmsg(AF_INET, 0, flags=RTM_F_CLONED))
    s.ask(sk, RTM_GETROUTE, DUMP, rtmsg(AF_INET6, 0, flags=RTM_F_CLONED))
    s.ask(sk, RTM_GETROUTE, DUMP, rtmsg(AF_UNSPEC, 0, flags=RTM_F_CLONED))
    s.ask(st, RTM_GETROUTE, DUMP, rtmsg(AF_INET6, 0, flags=RTM_F_CLONED))
    s.ask(st, RTM_GETROUTE, DUMP, rtmsg(AF_UNSPEC, 0, flags=RTM_F_CLONED))


def iif(i):
    return a_u32(RTA_IIF, i)


@case("route/k-get6", "IPv6 route get variants")
def _(s):
    sk = s.socket()
    lab(s, sk, v6=True)
    add_addr6(s, sk, VA, "2001:db8:5::1", 64, extra=nodad())
    add_route(s, sk, AF_INET6, "2001:db8:1::", 64, via("2001:db8::2"))
    add_route(s, sk, AF_INET6, "2001:db8:2::", 64, via("2001:db8::2") + a_ip(RTA_PREFSRC, "2001:db8:5::1"))
    add_route(s, sk, AF_INET6, "2001:db8:3::", 64, rtype=RTN_BLACKHOLE)
    add_route(s, sk, AF_INET6, "2001:db8:4::", 64, rtype=RTN_UNREACHABLE)
    add_route(s, sk, AF_INET6, "2001:db8:6::", 64, rtype=RTN_PROHIBIT)
    add_route(s, sk, AF_INET6, "2001:db8:7::", 64, oif(VA) + attr(RTA_METRICS, a_u32(RTAX_MTU, 1400)))
    get_route(s, sk, AF_INET6, "2001:db8:5::9")
    get_route(s, sk, AF_INET6, "2001:db8:2::9")
    get_route(s, sk, AF_INET6, "2001:db8:3::9")
    get_route(s, sk, AF_INET6, "2001:db8:4::9")
    get_route(s, sk, AF_INET6, "2001:db8:6::9")
    get_route(s, sk, AF_INET6, "2001:db8:7::9")
    get_route(s, sk, AF_INET6, "2001:db8:5::1")
    get_route(s, sk, AF_INET6, "fe80::1", oif(VA))
    get_route(s, sk, AF_INET6, "fe80::1")
    get_route(s, sk, AF_INET6, "::1")
    get_route(s, sk, AF_INET6, "ff02::1", oif(VA))
    get_route(s, sk, AF_INET6, "2001:db8:1::9", flags=RTM_F_FIB_MATCH)
    get_route(s, sk, AF_INET6, "2001:db8:1::9", a_ip(RTA_SRC, "2001:db8::1"))
    get_route(s, sk, AF_INET6, "2001:db8:1::9", a_u32(RTA_MARK, 5) + a_u32(RTA_UID, 7))
    get_route(s, sk, AF_INET6, "2001:db8:1::9", iif(VB))
    get_route(s, sk, AF_INET6, "2001:db8:1::9", iif(VB), flags=RTM_F_FIB_MATCH)
    get_route(s, sk, AF_INET6, "2001:db8:1::9", oif(LO))
    get_route(s, sk, AF_INET6, "2001:db8:1::9", oif(9))


@case("route/k-get4", "IPv4 route get variants")
def _(s):
    sk = s.socket()
    lab(s, sk)
    add_route(s, sk, AF_INET, "10.1.0.0", 16, via("10.0.0.2"))
    add_route(s, sk, AF_INET, "10.3.0.0", 16, rtype=RTN_BLACKHOLE)
    add_route(s, sk, AF_INET, "10.4.0.0", 16, rtype=RTN_UNREACHABLE)
    add_route(s, sk, AF_INET, "10.6.0.0", 16, rtype=RTN_PROHIBIT)
    add_route(s, sk, AF_INET, "10.7.0.0", 16, oif(VA) + attr(RTA_METRICS, a_u32(RTAX_MTU, 1400)), scope=RT_SCOPE_LINK)
    add_route(s, sk, AF_INET, "10.8.0.0", 16, via("10.0.0.2") + a_ip(RTA_PREFSRC, "10.0.0.1"))
    for d in ["10.0.0.9", "10.1.2.3", "10.3.0.1", "10.4.0.1", "10.6.0.1", "10.7.0.1", "10.8.0.1",
              "10.0.0.1", "10.0.0.255", "10.0.0.0", "127.0.0.1", "255.255.255.255", "224.0.0.1", "192.0.2.1"]:
        get_route(s, sk, AF_INET, d)
    get_route(s, sk, AF_INET, "10.1.2.3", flags=RTM_F_FIB_MATCH)
    get_route(s, sk, AF_INET, "10.0.0.1", flags=RTM_F_FIB_MATCH)
    get_route(s, sk, AF_INET, "10.1.2.3", a_ip(RTA_SRC, "10.0.0.1"))
    get_route(s, sk, AF_INET, "10.1.2.3", a_ip(RTA_SRC, "10.9.9.9"))
    get_route(s, sk, AF_INET, "10.1.2.3", a_u32(RTA_MARK, 5) + a_u32(RTA_UID, 7))
    get_route(s, sk, AF_INET, "10.1.2.3", oif(LO))
    get_route(s, sk, AF_INET, "10.1.2.3", oif(VB))
    get_route(s, sk, AF_INET, "10.1.2.3", oif(9))
    get_route(s, sk, AF_INET, "10.1.2.3", iif(VB) + a_ip(RTA_SRC, "10.0.0.2"))
    get_route(s, sk, AF_INET, "10.0.0.1", iif(VB) + a_ip(RTA_SRC, "10.0.0.2"))
    get_route(s, sk, AF_INET, "10.1.2.3", iif(VB) + a_ip(RTA_SRC, "10.0.0.2"), flags=RTM_F_FIB_MATCH)
