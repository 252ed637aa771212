#!/usr/bin/env python3
"""Random differential sessions of bridge netfilter (br_netfilter): the real
kernel against iplab.

    brnf.py [--seeds A-B | --seed N] [--lines N] [--no-min] [--show]

Each session starts from a fixed world: a namespace r holding a bridge br0
with three veth ports p1, p2, p3, whose peers e0 are the hosts h1, h2, h3
(10.0.0.1-3/24 and fd00::1-3/64 nodad); br0 itself has 10.0.0.254/24 in
half the sessions. Then random lines: iptables and ip6tables rules in r's
raw, mangle, nat and filter tables at PREROUTING, FORWARD, POSTROUTING,
INPUT and OUTPUT (-i/-o br0 or a port, -p icmp, icmp types, conntrack
states, ACCEPT/DROP/REJECT, -D and -F), the switches
net.bridge.bridge-nf-call-iptables and -ip6tables, ports and hosts down
and up, pings between the hosts and to the bridge, and counter listings.
IPv6 rules always match `-s fd00::/64`: the hosts' router solicitations
and MLD reports (link-local sources) come when they will on Linux.

It runs each session with run.py's runner (the recorder's --world on the
kernel, target/debug/iplab on the same lines), compares after
tests/record/normalize.sed only, and minimises a difference as run.py does.
Must run as root. See tests/differential/README.md.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (the runner: run_kernel, run_iplab, first_difference, minimise, show)

# Only these commands are generated: every one acts inside the recorder's
# fresh network namespace or one of the session's own namespaces, and
# traffic goes only to the session's addresses.
SAFE = re.compile(
    r"^(ip netns add (r|h[1-3])$"
    r"|ip link add e0 address 02:00:00:00:00:0[1-3] netns h[1-3] type veth peer name p[1-3] "
    r"address 02:00:00:00:00:1[1-3] netns r$"
    r"|ip -n r link add br0 address 02:00:00:00:00:10 type bridge$"
    r"|ip -n (r|h[1-3]) (addr|link) "
    r"|ip netns exec r (iptables|ip6tables|iptables-save|ip6tables-save) "
    r"|ip netns exec r sysctl -w net\.bridge\.bridge-nf-call-ip6?tables=[01]$"
    r"|ip netns exec h[1-3] ping (-6 )?-c [1-2] -W 1 (10\.0\.0\.([1-3]|254)|fd00::[1-3])$)")

HOSTS = ["h1", "h2", "h3"]
V4 = {"h1": "10.0.0.1", "h2": "10.0.0.2", "h3": "10.0.0.3", "br0": "10.0.0.254"}
V6 = {"h1": "fd00::1", "h2": "fd00::2", "h3": "fd00::3"}


def setup(bridge_addr):
    lines = ["ip netns add r"] + ["ip netns add %s" % h for h in HOSTS]
    for i, h in enumerate(HOSTS, 1):
        lines.append("ip link add e0 address 02:00:00:00:00:0%d netns %s type veth peer name p%d "
                     "address 02:00:00:00:00:1%d netns r" % (i, h, i, i))
    lines.append("ip -n r link add br0 address 02:00:00:00:00:10 type bridge")
    for i in range(1, 4):
        lines.append("ip -n r link set p%d master br0" % i)
        lines.append("ip -n r link set p%d up" % i)
    lines.append("ip -n r link set br0 up")
    if bridge_addr:
        lines.append("ip -n r addr add 10.0.0.254/24 dev br0")
    for h in HOSTS:
        lines.append("ip -n %s addr add %s/24 dev e0" % (h, V4[h]))
        lines.append("ip -n %s addr add %s/64 dev e0 nodad" % (h, V6[h]))
        lines.append("ip -n %s link set e0 up" % h)
    return lines


TABLE_CHAINS = {
    "raw": ["PREROUTING"],
    "mangle": ["PREROUTING", "FORWARD", "POSTROUTING", "INPUT", "OUTPUT"],
    "nat": ["PREROUTING", "POSTROUTING"],
    "filter": ["FORWARD", "FORWARD", "FORWARD", "INPUT", "OUTPUT"],
}


class Session(run.SessionBase):
    """A random bridge netfilter session on the fixed world."""

    def __init__(self, seed, nlines):
        import random
        self.bridge_addr = random.Random(seed).random() < 0.5
        super().__init__(seed, nlines, setup(self.bridge_addr))
        self.down = set()

    def rule(self):
        v6 = self.chance(0.35)
        prog = "ip6tables" if v6 else "iptables"
        table = self.pick(["filter", "filter", "filter", "raw", "mangle", "nat"])
        chain = self.pick(TABLE_CHAINS[table])
        m = []
        if v6:
            m.append("-s fd00::/64")
        elif self.chance(0.3):
            m.append(self.pick(["-s", "-d"]) + " " + self.pick(list(V4.values())))
        if chain in ("PREROUTING", "FORWARD", "INPUT") and self.chance(0.4):
            m.append("-i " + self.pick(["br0", "br0", "p1", "p2", "br+"]))
        if chain in ("FORWARD", "POSTROUTING", "OUTPUT") and self.chance(0.4):
            m.append("-o " + self.pick(["br0", "br0", "p2", "p3"]))
        if self.chance(0.7):
            m.append("-p " + ("ipv6-icmp" if v6 else "icmp"))
            if self.chance(0.4):
                types = ["echo-request", "echo-reply"] + (["neighbour-solicitation", "neighbour-advertisement"]
                                                          if v6 else [])
                m.append(("--icmpv6-type " if v6 else "--icmp-type ") + self.pick(types))
        if self.chance(0.25):
            m.append("-m conntrack --ctstate " + self.pick(["NEW", "ESTABLISHED", "NEW,ESTABLISHED", "INVALID"]))
        if table == "filter":
            t = self.pick(["", "", "-j ACCEPT", "-j DROP", "-j DROP", "-j REJECT"])
        elif table == "nat":
            t = self.pick(["", "-j ACCEPT"])
        else:
            t = self.pick(["", "", "-j ACCEPT"])
        tbl = "" if table == "filter" else "-t %s " % table
        verb = self.pick(["-A", "-A", "-A", "-I"])
        line = "ip netns exec r %s %s%s %s %s %s" % (prog, tbl, verb, chain, " ".join(m), t)
        self.emit(re.sub(r" +", " ", line).strip())

    def remove(self):
        v6 = self.chance(0.35)
        prog = "ip6tables" if v6 else "iptables"
        if self.chance(0.5):
            self.emit("ip netns exec r %s -D FORWARD 1" % prog)
        else:
            table = self.pick(["", "-t raw ", "-t mangle ", "-t nat "])
            self.emit("ip netns exec r %s %s-F" % (prog, table))

    def switch(self):
        key = self.pick(["iptables", "iptables", "ip6tables"])
        self.emit("ip netns exec r sysctl -w net.bridge.bridge-nf-call-%s=%d" % (key, self.pick([0, 1, 1])))

    def link(self):
        dev = self.pick(["p1", "p2", "p3", "e0"])
        if dev == "e0":
            h = self.pick(HOSTS)
            state = "up" if h in self.down else self.pick(["down", "up"])
            self.emit("ip -n %s link set e0 %s" % (h, state))
            (self.down.discard if state == "up" else self.down.add)(h)
        else:
            state = "up" if dev in self.down else self.pick(["down", "up"])
            self.emit("ip -n r link set %s %s" % (dev, state))
            (self.down.discard if state == "up" else self.down.add)(dev)

    def traffic(self):
        src = self.pick(HOSTS)
        v6 = self.chance(0.3)
        if v6:
            dst = V6[self.pick([h for h in HOSTS if h != src])]
        else:
            dst = V4[self.pick([h for h in HOSTS if h != src] + (["br0"] if self.bridge_addr else []))]
        self.emit("ip netns exec %s ping %s-c %d -W 1 %s" % (src, "-6 " if v6 else "", self.pick([1, 2]), dst))
        if self.chance(0.5):
            self.listing()

    def listing(self):
        v6 = self.chance(0.3)
        prog = "ip6tables" if v6 else "iptables"
        k = self.r.random()
        if k < 0.3:
            self.emit("ip netns exec r %s-save -c" % prog)
        else:
            table = self.pick(["", "", "-t raw ", "-t mangle ", "-t nat "])
            self.emit("ip netns exec r %s %s-L -n -v -x" % (prog, table))

    def generate(self):
        steps = [(self.rule, 8), (self.remove, 1), (self.switch, 2), (self.link, 1), (self.traffic, 6),
                 (self.listing, 2)]
        fns = [f for f, _ in steps]
        weights = [w for _, w in steps]
        start = len(self.lines)
        while len(self.lines) < start + self.n:
            self.r.choices(fns, weights)[0]()
        self.listing()
        return self.lines[: start + self.n + 1]


def main():
    return run.drive("brnf.py", lambda seed, n: Session(seed, n).generate(), SAFE, 20, __doc__,
                     lines_help="random lines after the fixed world", retry_kernel=True)


if __name__ == "__main__":
    sys.exit(main())
