#!/usr/bin/env python3
"""Random differential sessions of next-hop objects, lo and device lists.

    nexthop_lo.py [--seeds A-B | --seed N] [--lines N] [--no-min] [--show]

Sessions of one namespace with two veth pairs: next-hop objects (single,
blackhole, groups, replaced and deleted), routes through them of every
type, `route get`; lo's MTU around IPv4's 68 and IPv6's 1280 with its
addresses, neighbours and sysctls; neighbours on lo and on veths; IPv6
addresses on down and up devices and `bridge fdb show` (the devices'
multicast lists). Runs them on the kernel and on iplab with run.py's
runner (tests/differential/run.py: run_kernel, run_iplab,
first_difference, minimise, show) and prints the first difference.
Every line is `ip`, `bridge` or `sysctl -w net.*` in the recorder's
namespace (run.SAFE is checked); addresses are the session's own.

Must run as root. See tests/differential/README.md.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402


class Session(run.SessionBase):
    """A random session over a fixed small world: lo, v0/v1 and w0/w1."""

    V4 = {"v0": "172.16.1", "w0": "172.16.2"}
    V6 = {"v0": "2001:db8:91::", "w0": "2001:db8:92::"}

    def __init__(self, seed, nlines):
        super().__init__(seed, nlines)
        self.ids = []

    def setup(self):
        self.emit("ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02")
        self.emit("ip link add w0 address 02:00:00:00:00:03 type veth peer name w1 address 02:00:00:00:00:04")
        self.emit("ip link set lo up")
        self.emit("ip link set v0 up")
        self.emit("ip link set v1 up")
        self.emit("ip addr add 172.16.1.1/24 dev v0")
        self.emit("ip -6 addr add 2001:db8:91::1/64 dev v0 nodad")

    # -- steps ---------------------------------------------------------------
    def nh_add(self):
        nid = self.pick([1, 2, 3, 4, 5, 11, 12])
        verb = self.pick(["add", "add", "replace"])
        dev = self.pick(["v0", "v0", "w0"])
        body = self.pick([
            "blackhole",
            "via %s.%d dev %s" % (self.V4[dev], self.pick([2, 3]), dev),
            "via %s%d dev %s" % (self.V6[dev], self.pick([2, 3]), dev),
            "dev %s" % dev,
            "via 10.99.0.1",
        ])
        if nid >= 11 and self.ids:
            members = self.r.sample(self.ids, min(len(self.ids), self.pick([1, 2])))
            body = "group " + "/".join(str(m) + self.pick(["", ",2"]) for m in members)
        self.emit("ip nexthop %s id %d %s" % (verb, nid, body))
        if nid not in self.ids:
            self.ids.append(nid)

    def nh_del(self):
        self.emit("ip nexthop del id %d" % self.pick(self.ids or [1]))

    def route_nh(self):
        nid = self.pick(self.ids or [1])
        fam = self.pick([4, 4, 6])
        kind = self.pick(["", "", "blackhole ", "unreachable ", "prohibit ", "local ", "throw "])
        if fam == 4:
            dst = "10.%d.0.0/16" % self.pick([10, 11, 12])
            pre = "ip route "
        else:
            dst = "2001:db8:%d::/64" % self.pick([110, 111])
            pre = "ip -6 route "
        verb = self.pick(["add", "add", "replace", "del"])
        self.emit("%s%s %s%s nhid %d" % (pre, verb, kind, dst, nid))

    def route_get(self):
        self.emit(self.pick(["ip route get 10.10.1.1", "ip route get 10.11.1.1", "ip route get 10.12.1.1",
                             "ip -6 route get 2001:db8:110::1", "ip route get 172.16.1.2"]))

    def lo_mtu(self):
        self.emit("ip link set dev lo mtu %d" % self.pick([60, 67, 68, 1000, 1279, 1280, 1500, 65536]))

    def lo_addr(self):
        verb = self.pick(["add", "add", "del"])
        a = self.pick(["10.0.2.3/16", "10.0.2.4/16", "127.0.0.2/8", "2001:db8:2::1/64", "::1/128"])
        self.emit("ip addr %s %s dev lo" % (verb, a))

    def neigh(self):
        dev = self.pick(["lo", "lo", "v0", "w0"])
        verb = self.pick(["add", "add", "replace", "change", "del"])
        a = self.pick(["10.0.9.9", "10.0.1.7", "0.0.0.0", "172.16.1.7", "2001:db8:91::7", "fe80::7"])
        tail = "" if verb == "del" else self.pick([" lladdr 02:00:00:aa:00:0%d" % self.pick([1, 2, 3]), " nud noarp",
                                                   " lladdr 02:00:00:aa:00:04 nud reachable", " nud permanent",
                                                   " lladdr 02:00:00:aa:00:05 nud stale"])
        self.emit("ip neigh %s %s dev %s%s" % (verb, a, dev, tail))

    def dev_updown(self):
        self.emit("ip link set %s %s" % (self.pick(["lo", "v0", "v1", "w0", "w1"]), self.pick(["up", "up", "down"])))

    def dev_addr6(self):
        dev = self.pick(["v1", "w0", "w1"])
        verb = self.pick(["add", "add", "del"])
        self.emit("ip addr %s %s dev %s%s" % (verb, self.pick(["fe80::3/128", "2001:db8:93::4/64", "2001:db8:93::5/64"]),
                                           dev, self.pick(["", " nodad"]) if verb == "add" else ""))

    def sysctl(self):
        self.emit("sysctl -w " + self.pick(["net.ipv4.conf.lo.forwarding=1", "net.ipv4.conf.default.forwarding=1",
                                            "net.ipv6.conf.lo.disable_ipv6=1", "net.ipv4.conf.lo.rp_filter=2",
                                            "net.ipv6.conf.w0.keep_addr_on_down=1"]))

    def listing(self):
        self.emit(self.pick(["ip addr show dev lo", "ip route show table all", "ip -6 route show", "ip nexthop",
                             "ip -d route show", "ip neigh show dev lo", "ip neigh show dev lo nud all", "bridge fdb show",
                             "ip addr", "ip -d link show lo", "ip nexthop show id 11", "ip route show"]))

    def generate(self):
        self.setup()
        steps = [(self.nh_add, 8), (self.nh_del, 2), (self.route_nh, 8), (self.route_get, 4), (self.lo_mtu, 3),
                 (self.lo_addr, 3), (self.neigh, 5), (self.dev_updown, 3), (self.dev_addr6, 3), (self.sysctl, 2),
                 (self.listing, 10)]
        fns = [f for f, _ in steps]
        weights = [w for _, w in steps]
        while len(self.lines) < self.n:
            self.r.choices(fns, weights)[0]()
        return self.lines[: self.n]


def main():
    return run.drive("nexthop_lo.py", lambda seed, n: Session(seed, n).generate(), run.SAFE, 30, __doc__)

if __name__ == "__main__":
    sys.exit(main())
