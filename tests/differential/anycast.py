#!/usr/bin/env python3
"""Random differential sessions of IPv6 forwarding and anycast addresses.

    anycast.py [--seeds A-B | --seed N] [--lines N] [--no-min] [--show]

Sessions of a router namespace (the recorder's) with lo, v0 and w0, whose
veth peers v1 and w1 live in a host namespace `h`: IPv6 addresses of
several prefix lengths (/48 to /128, `nodad`, `noprefixroute`, peers) on
the router's devices, `forwarding` switched for `all` and for each
device, `keep_addr_on_down`, `disable_ipv6`, devices going down and up,
MTUs around 1280; then `ip -6 route show table local`, `route get` of
subnet-router anycast addresses, and pings to them from the host and from
the router itself. The peers sit in another namespace so that no line
makes two forwarding devices finish DAD at once (which one finishes first
is a race on Linux). Runs them on the kernel and on iplab with run.py's
runner (run_kernel, run_iplab, first_difference, minimise, show) and
prints the first difference.

Every line matches SAFE below: `ip` link/addr/route/neigh lines,
`ip netns` add/exec of `ip` or a bounded `ping` in `h`, `sysctl -w
net.ipv6.*`, and bounded pings to the session's addresses.

Must run as root. See tests/differential/README.md.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402

SAFE = re.compile(
    r"^(ip (-6 )?(link|addr|route|neigh) |ip netns add h$|ip netns exec h (ip (-6 )?(link|addr|route|neigh) |ping -c 1 -W 1 2001:db8:)"
    r"|sysctl -w net\.ipv6\.|ping -c 1 -W 1 (2001:db8:|fe80::))"
)


class Session(run.SessionBase):
    """A random session over a fixed world: the router's lo, v0 and w0;
    the host's v1 and w1."""

    PREFIX = {"v0": "2001:db8:1:", "w0": "2001:db8:2:", "lo": "2001:db8:3:"}

    def __init__(self, seed, nlines):
        super().__init__(seed, nlines)

    def setup(self):
        self.emit("ip netns add h")
        self.emit("ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02")
        self.emit("ip link add w0 address 02:00:00:00:00:03 type veth peer name w1 address 02:00:00:00:00:04")
        self.emit("ip link set v1 netns h")
        self.emit("ip link set w1 netns h")
        self.emit("ip netns exec h ip link set v1 up")
        self.emit("ip netns exec h ip addr add 2001:db8:1::99/64 dev v1 nodad")
        self.emit("ip link set v0 up")

    # -- steps ---------------------------------------------------------------
    def addr(self):
        dev = self.pick(["v0", "v0", "w0", "lo"])
        verb = self.pick(["add", "add", "add", "del"])
        host = self.pick(["1", "7", "5", "a:0:0:1"])
        plen = self.pick([48, 64, 64, 64, 120, 126, 127, 128])
        a = "%s:%s/%d" % (self.PREFIX[dev], host, plen)
        tail = ""
        if verb == "add":
            tail = self.pick(["", "", " nodad", " noprefixroute", " peer 2001:db8:9::1"])
            if " peer" in tail:
                a = a.split("/")[0]
        self.emit("ip addr %s %s dev %s%s" % (verb, a, dev, tail))

    def forwarding(self):
        scope = self.pick(["all", "all", "v0", "w0", "lo", "default"])
        self.emit("sysctl -w net.ipv6.conf.%s.forwarding=%s" % (scope, self.pick(["0", "1", "1", "2"])))

    def other_sysctl(self):
        dev = self.pick(["v0", "w0"])
        self.emit("sysctl -w net.ipv6.conf.%s.%s" % (dev, self.pick(["keep_addr_on_down=1", "keep_addr_on_down=0",
                                                                    "disable_ipv6=1", "disable_ipv6=0"])))

    def updown(self):
        dev = self.pick(["v0", "w0", "lo"])
        if self.r.random() < 0.3:
            peer = {"v0": "v1", "w0": "w1", "lo": "v1"}[dev]
            self.emit("ip netns exec h ip link set %s %s" % (peer, self.pick(["up", "down"])))
        else:
            self.emit("ip link set %s %s" % (dev, self.pick(["up", "up", "down"])))

    def mtu(self):
        self.emit("ip link set %s mtu %d" % (self.pick(["v0", "w0"]), self.pick([1200, 1280, 1500])))

    def route(self):
        verb = self.pick(["del", "add"])
        self.emit("ip -6 route %s anycast %s: dev %s table local" % (verb, self.PREFIX["v0"], "v0"))

    def probe(self):
        target = self.pick(["2001:db8:1::", "2001:db8:2::", "2001:db8:3::", "2001:db8:1::1", "2001:db8:1::7"])
        kind = self.pick(["get", "get", "ping", "hostping"])
        if kind == "get":
            self.emit("ip -6 route get %s" % target)
        elif kind == "ping":
            self.emit("ping -c 1 -W 1 %s" % target)
        else:
            self.emit("ip netns exec h ping -c 1 -W 1 %s" % target)

    def listing(self):
        self.emit(self.pick(["ip -6 route show table local", "ip -6 route show table local", "ip -6 route show table all",
                             "ip -6 addr show", "ip netns exec h ip -6 neigh show", "ip -6 route show type anycast table all"]))

    def generate(self):
        self.setup()
        steps = [(self.addr, 8), (self.forwarding, 5), (self.other_sysctl, 2), (self.updown, 4), (self.mtu, 1),
                 (self.route, 1), (self.probe, 4), (self.listing, 8)]
        fns = [f for f, _ in steps]
        weights = [w for _, w in steps]
        while len(self.lines) < self.n:
            self.r.choices(fns, weights)[0]()
        return self.lines[: self.n]


def main():
    return run.drive("anycast.py", lambda seed, n: Session(seed, n).generate(), SAFE, 30, __doc__, keep=8)


if __name__ == "__main__":
    sys.exit(main())
