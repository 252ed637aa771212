"""pyroute2 against an iplab world through the preload shim.

Run with LD_PRELOAD and IPLAB_STATE set (tests/preload/pyroute2.sh does it).
Prints one line per check ("ok NAME" / "FAIL NAME: why") and, last,
"N passed, M failed".
"""
import errno
import sys

from pyroute2 import IPRoute
from pyroute2.netlink.exceptions import NetlinkError

results = []


def check(name, cond, why=""):
    results.append(bool(cond))
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else ": " + str(why)))


def names(ipr):
    return sorted(l.get_attr("IFLA_IFNAME") for l in ipr.get_links())


def expect_error(name, code, fn):
    try:
        fn()
    except NetlinkError as e:
        check(name, e.code == code, f"errno {e.code}, wanted {code}")
    else:
        check(name, False, "no error")


with IPRoute() as ipr:
    check("fresh world lists lo", names(ipr) == ["lo"], names(ipr))
    ipr.link("add", ifname="pv0", kind="veth", peer="pv1")
    check("veth pair added", names(ipr) == ["lo", "pv0", "pv1"], names(ipr))
    idx = ipr.link_lookup(ifname="pv0")[0]
    ipr.link("set", index=idx, state="up")
    ipr.addr("add", index=idx, address="10.9.0.1", prefixlen=24)
    addrs = [a.get_attr("IFA_ADDRESS") for a in ipr.get_addr(index=idx, family=2)]
    check("address read back", addrs == ["10.9.0.1"], addrs)
    expect_error("duplicate address is EEXIST", errno.EEXIST,
                 lambda: ipr.addr("add", index=idx, address="10.9.0.1", prefixlen=24))
    expect_error("bad device is ENODEV", errno.ENODEV,
                 lambda: ipr.addr("add", index=9999, address="10.9.9.1", prefixlen=24))
    ipr.route("add", dst="192.0.2.0/24", gateway="10.9.0.2")
    routes = [(r.get_attr("RTA_DST"), r.get_attr("RTA_GATEWAY"))
              for r in ipr.get_routes(family=2, table=254) if r.get_attr("RTA_GATEWAY")]
    check("route read back", routes == [("192.0.2.0", "10.9.0.2")], routes)
    ipr.route("del", dst="192.0.2.0/24", gateway="10.9.0.2")
    routes = [r for r in ipr.get_routes(family=2, table=254) if r.get_attr("RTA_GATEWAY")]
    check("route deleted", routes == [], routes)
    ipr.addr("del", index=idx, address="10.9.0.1", prefixlen=24)
    check("address deleted", list(ipr.get_addr(index=idx, family=2)) == [], "still there")
    ipr.link("del", index=idx)
    check("veth pair deleted", names(ipr) == ["lo"], names(ipr))
    expect_error("deleting it again is ENODEV", errno.ENODEV, lambda: ipr.link("del", index=idx))

with IPRoute() as ipr:
    check("a second socket sees the same world", names(ipr) == ["lo"], names(ipr))

passed = sum(results)
print(f"{passed} passed, {len(results) - passed} failed")
sys.exit(0 if passed == len(results) else 1)
