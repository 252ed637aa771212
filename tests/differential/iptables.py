#!/usr/bin/env python3
"""Random differential sessions of iptables and ip6tables: the real kernel
against iplab.

    iptables.py [--seeds A-B | --seed N] [--lines N] [--no-min] [--show]

Each session starts from a fixed world (a client c and a server s joined to a
router r by veth pairs, IPv4 and IPv6 addresses, default routes, forwarding
on in r, a UDP and a TCP listener in s) and adds random lines: iptables and
ip6tables in the filter and nat tables of the three namespaces (append,
insert, delete, replace, flush, new/delete/rename chains, policies, zeroed
counters, listings in every form, -S, iptables-save), their matches and
targets, lines iptables refuses, and traffic (ping, traceroute, nc as
tests/scenarios/sock_*.sh use it) with counters listed after it.

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
NS = r"(c|r|s)"
SAFE = re.compile(
    r"^(ip netns add %s$"
    r"|ip link add [a-z0-9]+ address 02:00:00:00:0[0-9]:0[0-9] netns %s type veth peer name [a-z0-9]+ "
    r"address 02:00:00:00:0[0-9]:0[0-9] netns %s$"
    r"|ip -n %s (addr|link|route|-6 route) "
    r"|ip netns exec %s (iptables|ip6tables|iptables-save|ip6tables-save|sysctl -q -w net\.|"
    r"ping (-6 )?-c [1-3] |traceroute (-6 )?-n |nc (-6 -lk|-lk|-u -l) [0-9]+ &$|nc (-6 )?-zv? -w 1 )"
    r"|echo [a-z]+ \| ip netns exec c nc (-6 )?-u -w 1 (10\.0\.2\.2|fd00:2::2) [0-9]+$)" % (NS, NS, NS, NS, NS))

V4 = {"c": "10.0.1.2", "r1": "10.0.1.1", "r2": "10.0.2.1", "s": "10.0.2.2"}
V6 = {"c": "fd00:1::2", "r1": "fd00:1::1", "r2": "fd00:2::1", "s": "fd00:2::2"}

SETUP = [
    "ip netns add c",
    "ip netns add r",
    "ip netns add s",
    "ip link add e1 address 02:00:00:00:01:01 netns c type veth peer name r1 address 02:00:00:00:01:02 netns r",
    "ip link add e2 address 02:00:00:00:02:01 netns s type veth peer name r2 address 02:00:00:00:02:02 netns r",
    "ip -n c addr add 10.0.1.2/24 dev e1",
    "ip -n s addr add 10.0.2.2/24 dev e2",
    "ip -n r addr add 10.0.1.1/24 dev r1",
    "ip -n r addr add 10.0.2.1/24 dev r2",
    "ip -n c addr add fd00:1::2/64 dev e1 nodad",
    "ip -n s addr add fd00:2::2/64 dev e2 nodad",
    "ip -n r addr add fd00:1::1/64 dev r1 nodad",
    "ip -n r addr add fd00:2::1/64 dev r2 nodad",
    "ip -n c link set e1 up",
    "ip -n s link set e2 up",
    "ip -n r link set r1 up",
    "ip -n r link set r2 up",
    "ip -n c link set lo up",
    "ip -n s link set lo up",
    "ip -n c route add default via 10.0.1.1",
    "ip -n s route add default via 10.0.2.1",
    "ip -n c -6 route add default via fd00:1::1",
    "ip -n s -6 route add default via fd00:2::1",
    "ip netns exec r sysctl -q -w net.ipv4.ip_forward=1",
    "ip netns exec r sysctl -q -w net.ipv6.conf.all.forwarding=1",
]

PORTS = [22, 53, 80, 443, 5353, 8080]
FILTER_CHAINS = ["INPUT", "FORWARD", "OUTPUT"]
NAT_CHAINS = ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"]


class Session(run.SessionBase):
    """A random iptables session on the fixed world."""

    def __init__(self, seed, nlines):
        super().__init__(seed, nlines, SETUP)
        self.user = {}  # (ns, v6, table) -> user chain names
        self.listening = False

    # -- pieces ------------------------------------------------------------
    def prog(self, v6):
        return "ip6tables" if v6 else "iptables"

    def ns(self):
        return self.pick(["r", "r", "r", "s", "c"])

    def addr(self, v6, plen=True):
        a = self.pick(list((V6 if v6 else V4).values()) + (["fd00:9::1"] if v6 else ["10.0.9.1"]))
        if plen and self.chance(0.3):
            a = (a.rsplit(":", 1)[0] + ":0/" + self.pick(["64", "48"])) if v6 else \
                (a.rsplit(".", 1)[0] + ".0/" + self.pick(["24", "16", "30"]))
        return a

    def dev(self, ns):
        return {"c": ["e1", "lo"], "s": ["e2", "lo"], "r": ["r1", "r2", "r+", "lo"]}[ns]

    def chains(self, ns, v6, table):
        return self.user.setdefault((ns, v6, table), [])

    def matches(self, ns, v6, table, chain):
        m = []
        proto = self.pick(["", "", "tcp", "udp", self.pick(["ipv6-icmp", "icmpv6"]) if v6 else "icmp", "tcp"])
        for opt in ("-s ", "-d "):
            if self.chance(0.3):
                m.append(("! " if self.chance(0.15) else "") + opt + self.addr(v6))
        if chain in ("INPUT", "FORWARD", "PREROUTING") and self.chance(0.3):
            m.append(("! " if self.chance(0.1) else "") + "-i " + self.pick(self.dev(ns)))
        if chain in ("OUTPUT", "FORWARD", "POSTROUTING") and self.chance(0.3):
            m.append("-o " + self.pick(self.dev(ns)))
        if proto:
            m.append("-p " + proto)
            if proto in ("tcp", "udp"):
                k = self.r.random()
                if k < 0.4:
                    m.append("--dport %s" % self.pick([str(p) for p in PORTS] + ["1000:2000", "http", "domain"]))
                elif k < 0.55:
                    m.append("--sport %d" % self.pick(PORTS))
                elif k < 0.75:
                    m.append("-m multiport --%s %s" % (self.pick(["dports", "sports", "ports"]),
                                                       self.pick(["22,80,443", "5353,8080", "1000:2000,53"])))
                if proto == "tcp" and self.chance(0.15):
                    m.append("--syn")
            elif self.chance(0.5):
                m.append(("--icmpv6-type " if v6 else "--icmp-type ") +
                         self.pick(["echo-request", "echo-reply", "destination-unreachable", "8", "any"]))
        k = self.r.random()
        if k < 0.2:
            m.append("-m conntrack --ctstate " + self.pick(["NEW", "ESTABLISHED,RELATED", "INVALID", "RELATED",
                                                            "NEW,ESTABLISHED", "DNAT", "SNAT"]))
        elif k < 0.3:
            m.append("-m state --state " + self.pick(["NEW", "ESTABLISHED,RELATED", "INVALID"]))
        elif k < 0.37:
            m.append("-m limit --limit %s" % self.pick(["1/second", "5/min", "3/s --limit-burst 2", "10/hour"]))
        elif k < 0.42 and not v6:
            m.append("-m iprange --%s-range %s" % (self.pick(["src", "dst"]),
                                                   self.pick(["10.0.1.1-10.0.1.9", "10.0.2.2-10.0.2.2",
                                                              "10.0.0.0-10.0.3.255"])))
        elif k < 0.47 and chain in ("INPUT", "FORWARD", "PREROUTING"):
            m.append("-m mac --mac-source " + self.pick(["02:00:00:00:01:01", "02:00:00:00:01:02",
                                                         "02:00:00:00:02:02", "02:00:00:00:09:09"]))
        elif k < 0.52:
            m.append("-m addrtype --%s-type %s" % (self.pick(["src", "dst"]),
                                                   self.pick(["LOCAL", "UNICAST", "BROADCAST", "MULTICAST"])))
        elif k < 0.55:
            m.append("-m comment --comment %s" % self.pick(["web", "'allow ssh'"]))
        return m, proto

    def target(self, ns, v6, table, chain, proto):
        user = self.chains(ns, v6, table)
        if table == "filter":
            opts = ["ACCEPT", "DROP", "DROP", "REJECT", "RETURN", "LOG"]
            if user:
                opts += [self.pick(user)] * 2
            t = self.pick(opts)
            if t == "REJECT" and self.chance(0.6):
                if v6:
                    w = self.pick(["icmp6-port-unreachable", "icmp6-adm-prohibited", "icmp6-no-route",
                                   "tcp-reset", "adm-prohibited"])
                else:
                    w = self.pick(["icmp-port-unreachable", "icmp-host-unreachable", "icmp-net-prohibited",
                                   "icmp-admin-prohibited", "tcp-reset", "icmp-proto-unreachable"])
                t += " --reject-with " + w
            elif t == "LOG" and self.chance(0.5):
                t += " --log-prefix %s" % self.pick(["'fw: '", "DROP:"])
            return t
        # nat
        if chain in ("POSTROUTING",):
            t = self.pick(["MASQUERADE", "SNAT", "SNAT", "ACCEPT", "RETURN"])
        elif chain in ("PREROUTING", "OUTPUT"):
            t = self.pick(["DNAT", "DNAT", "REDIRECT", "ACCEPT", "RETURN"])
        else:
            t = self.pick(["SNAT", "ACCEPT", "RETURN"])
        port = proto in ("tcp", "udp")
        if t == "SNAT":
            a = V6["r2"] if v6 else V4["r2"]
            if chain == "INPUT":
                a = V6["r1"] if v6 else V4["r1"]
            if self.chance(0.3):
                # a range of the session's addresses (libxt_NAT's A-B)
                a = "%s-%s" % (a, a[:-1] + "3")
            t += " --to-source " + ("[%s]" % a if v6 and port and self.chance(0.5) else a)
            if port and self.chance(0.4):
                t = t.replace("--to-source %s" % a, "--to-source %s" % (("[%s]" % a) if v6 else a)) + \
                    ":%s" % self.pick(["4000", "4000-4010"])
            t += self.pick(["", "", " --random", " --persistent", " --random-fully"])
        elif t == "DNAT":
            a = V6["s"] if v6 else V4["s"]
            if self.chance(0.3):
                a = "%s-%s" % (a, a[:-1] + "3")
            if port and self.chance(0.5):
                t += " --to-destination %s:%s" % ("[%s]" % a if v6 else a, self.pick(["80", "5353", "8080", "8080-8090"]))
            else:
                t += " --to-destination " + a
            t += self.pick(["", "", " --random", " --persistent"])
        elif t == "REDIRECT" and port and self.chance(0.6):
            t += " --to-ports %s" % self.pick(["8080", "5353", "8080-8081"]) + self.pick(["", " --random"])
        elif t == "MASQUERADE" and port and self.chance(0.3):
            t += " --to-ports 2000-3000"
        if t == "MASQUERADE" and self.chance(0.3):
            t += self.pick([" --random", " --random-fully"])
        if user and self.chance(0.2):
            t = self.pick(user)
        return t

    # -- steps -------------------------------------------------------------
    def rule(self):
        ns = self.ns()
        v6 = self.chance(0.3)
        table = "nat" if self.chance(0.35) else "filter"
        chain = self.pick((NAT_CHAINS if table == "nat" else FILTER_CHAINS) + self.chains(ns, v6, table))
        m, proto = self.matches(ns, v6, table, chain)
        t = self.target(ns, v6, table, chain, proto)
        verb = self.pick(["-A", "-A", "-A", "-I", "-I", "-R", "-D", "-C"])
        where = chain
        if verb in ("-I",) and self.chance(0.4):
            where += " %d" % self.pick([1, 2])
        if verb == "-R":
            where += " %d" % self.pick([1, 1, 2, 5])
        tbl = "" if table == "filter" and self.chance(0.6) else "-t %s " % table
        if verb == "-D" and self.chance(0.4):
            self.emit("ip netns exec %s %s %s-D %s %d" % (ns, self.prog(v6), tbl, chain, self.pick([1, 1, 2, 9])))
            return
        line = "ip netns exec %s %s %s%s %s %s -j %s" % (ns, self.prog(v6), tbl, verb, where, " ".join(m), t)
        self.emit(line.replace("  ", " "))

    def chain_cmd(self):
        ns = self.ns()
        v6 = self.chance(0.3)
        table = "nat" if self.chance(0.25) else "filter"
        user = self.chains(ns, v6, table)
        tbl = "" if table == "filter" else "-t nat "
        k = self.r.random()
        p = "ip netns exec %s %s %s" % (ns, self.prog(v6), tbl)
        if k < 0.35:
            name = self.pick(["LOGDROP", "web", "ssh-in", "MYCHAIN", "INPUT"])
            self.emit(p + "-N " + name)
            if name != "INPUT" and name not in user:
                user.append(name)
        elif k < 0.5 and user:
            name = self.pick(user)
            self.emit(p + "-X " + name)
            user.remove(name)  # when it still has references Linux refuses: the model forgets it anyway
        elif k < 0.6 and user:
            old = self.pick(user)
            new = old + "2"
            self.emit(p + "-E %s %s" % (old, new))
            user[user.index(old)] = new
        elif k < 0.75:
            chain = self.pick(FILTER_CHAINS if table == "filter" else NAT_CHAINS)
            pol = self.pick(["ACCEPT", "DROP", "DROP", "REJECT"]) if table == "filter" else "ACCEPT"
            self.emit(p + "-P %s %s" % (chain, pol))
        elif k < 0.88:
            self.emit(p + "-F" + ("" if self.chance(0.5) else " " + self.pick(
                (FILTER_CHAINS if table == "filter" else NAT_CHAINS) + user)))
        else:
            self.emit(p + "-Z" + ("" if self.chance(0.5) else " " + self.pick(
                FILTER_CHAINS if table == "filter" else NAT_CHAINS)))

    def listing(self):
        ns = self.ns()
        v6 = self.chance(0.3)
        table = self.pick(["", "", "-t nat ", "-t filter "])
        k = self.r.random()
        if k < 0.2:
            self.emit("ip netns exec %s %s-save" % (ns, self.prog(v6)) + self.pick(["", " -c", " -t nat"]))
            return
        if k < 0.45:
            self.emit("ip netns exec %s %s %s-S" % (ns, self.prog(v6), table) +
                      self.pick(["", "", " INPUT", " POSTROUTING" if "nat" in table else " FORWARD"]))
            return
        opts = self.pick(["-n -v", "-n", "-v -n -x", "-n --line-numbers", "-v", "-x -v -n", "--line-numbers -v -n"])
        chain = "" if self.chance(0.5) else " " + self.pick(NAT_CHAINS if "nat" in table else FILTER_CHAINS)
        # The chain follows -L at once (iptables takes a later word as a "Bad argument").
        self.emit("ip netns exec %s %s %s%s %s" % (ns, self.prog(v6), table, self.pick(["-L", "--list"]) + chain, opts))

    def error(self):
        ns = self.ns()
        p = "ip netns exec %s %s " % (ns, self.pick(["iptables", "ip6tables"]))
        self.emit(p + self.pick([
            "-A NOPE -j ACCEPT", "-A INPUT -j NOPE", "-t nat -A INPUT -j DROP --nope", "-P web DROP",
            "-A INPUT -p tcp --dport 70000 -j ACCEPT", "-A INPUT --dport 80 -j ACCEPT", "-D INPUT 7",
            "-X INPUT", "-t nat -A POSTROUTING -j MASQUERADE --to-ports x", "-A INPUT -s 10.0.0.300 -j DROP",
            "-t nat -A FORWARD -j ACCEPT", "-A INPUT -j DNAT --to-destination 10.0.2.2", "-L NOPE",
            "-t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.2.2:90-80",
            "-t nat -A PREROUTING -j DNAT --to-destination 10.0.2.2:80",
            "-t nat -A POSTROUTING -j MASQUERADE --persistent",
            "-t nosuch -L", "-E INPUT FOO", "-N " + "x" * 30, "-A INPUT -m conntrack --ctstate BOGUS -j DROP",
            "-A INPUT -p icmp --icmp-type nosuch -j DROP", "-I INPUT 9 -j ACCEPT", "-R INPUT 3 -j DROP",
            "-A INPUT -m multiport --dports 1,2 -j DROP", "-A INPUT -p tcp -m multiport --dports 1:2:3 -j DROP",
            "-A INPUT -m iprange --src-range 10.0.0.9-10.0.0.1 -j DROP", "-A INPUT -m limit --limit 5/fortnight -j DROP",
            "-F NOPE", "-Z NOPE", "-A INPUT -j REJECT --reject-with nosuch",
        ]))

    def listen(self):
        if self.listening:
            return self.traffic()
        self.listening = True
        self.emit("ip netns exec s nc -lk 8080 &")
        self.emit(self.pick(["ip netns exec s nc -6 -lk 8080 &", "ip netns exec s nc -u -l 5353 &"]))

    def traffic(self):
        k = self.r.random()
        src = self.pick(["c", "c", "c", "s", "r"])
        v6 = self.chance(0.3)
        others = {"c": ["s", "r1", "r2"], "s": ["c", "r2", "r1"], "r": ["c", "s"]}[src]
        dst = (V6 if v6 else V4)[self.pick(others)]
        six = "-6 " if v6 else ""
        if k < 0.55:
            self.emit("ip netns exec %s ping %s-c %d -W 1 %s%s" % (src, six, self.pick([1, 2]),
                                                                  "-i 0.2 " if self.chance(0.3) else "", dst))
        elif k < 0.7:
            self.emit("ip netns exec %s traceroute %s-n -q 1 -w 1 -m 3 %s" % (src, six, dst))
        elif k < 0.9:
            if not self.listening and self.chance(0.7):
                return self.listen()
            self.emit("ip netns exec %s nc %s-zv -w 1 %s %d" % (src, six, dst, self.pick([8080, 8080, 22, 80])))
        else:
            self.emit("echo %s | ip netns exec c nc %s-u -w 1 %s %d" % (
                self.pick(["hello", "ping"]), six, V6["s"] if v6 else V4["s"], self.pick([5353, 53])))
        if self.chance(0.5):
            self.emit("ip netns exec %s %s %s-L -n -v -x" % (self.pick(["r", "s"]), self.prog(v6),
                                                             self.pick(["", "-t nat "])))

    def generate(self):
        steps = [(self.rule, 14), (self.chain_cmd, 4), (self.listing, 6), (self.error, 3), (self.traffic, 7),
                 (self.listen, 1)]
        fns = [f for f, _ in steps]
        weights = [w for _, w in steps]
        while len(self.lines) < len(SETUP) + self.n:
            self.r.choices(fns, weights)[0]()
        return self.lines[: len(SETUP) + self.n]


def main():
    return run.drive("iptables.py", lambda seed, n: Session(seed, n).generate(), SAFE, 20, __doc__,
                     lines_help="random lines after the fixed world")

if __name__ == "__main__":
    sys.exit(main())
