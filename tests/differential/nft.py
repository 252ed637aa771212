#!/usr/bin/env python3
"""Random differential sessions of nft: the real kernel and nft 1.0.6 against iplab.

    nft.py [--seeds A-B | --seed N] [--lines N] [--no-min] [--show]

Each session builds the same small network first (a client `c`, a router
`r` with ip_forward, a server `s`, joined by veths, IPv4 and `nodad` IPv6
addresses), then types random nft lines
as tutorials do: tables (ip, ip6, inet), base chains (filter and nat, hooks,
priorities, policies) and regular chains, rules with ip/ip6 saddr/daddr,
meta l4proto/iifname/oifname, tcp/udp ports (single, ranges, anonymous sets),
ct state, icmp types, counter, accept/drop/reject, jump/goto, NAT statements,
named sets and elements, listings (`-a` too), delete/flush/insert/replace,
error lines; and traffic (ping, traceroute, `nc -zv` to a closed or
filtered port) followed by listings of the counters. No listener runs: the
recorder's runner kills background jobs after its command timeout, which
would show in long sessions. It runs them on the kernel and on iplab with run.py's runner
(the recorder's own runner, normalize.sed only) and prints the first
difference with a minimised session.

Must run as root (network namespaces). See tests/differential/README.md.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (run.py's runner: run_kernel, run_iplab, first_difference, minimise, show)

# Only these commands are generated: every nft line runs inside a namespace
# the session made (`ip netns exec NS nft ...`), traffic goes to addresses of
# the session only.
SAFE = re.compile(
    r"^(ip netns add [crs]$|ip -n [crs] (addr|link|route) |ip link add v[12] .* netns r type veth .* netns [cs]$|"
    r"ip netns exec [crs] (nft |nc -zv -w 1 10\.0\.[12]\.[12] [0-9]+$|"
    r"ping -c [1-2] |traceroute -n |sysctl -w net\.))")

NS = ["c", "r", "s"]
# Addresses of the session: c 10.0.1.2 / fd01::2, r 10.0.1.1 10.0.2.1 / fd01::1 fd02::1,
# s 10.0.2.2 / fd02::2.
V4 = ["10.0.1.2", "10.0.1.1", "10.0.2.1", "10.0.2.2"]
V6 = ["fd01::2", "fd01::1", "fd02::1", "fd02::2"]
PRELUDE = [
    "ip netns add c",
    "ip netns add r",
    "ip netns add s",
    "ip link add v1 address 02:00:00:00:00:01 netns r type veth peer name e0 address 02:00:00:00:00:02 netns c",
    "ip link add v2 address 02:00:00:00:00:03 netns r type veth peer name e0 address 02:00:00:00:00:04 netns s",
    "ip -n c addr add 10.0.1.2/24 dev e0",
    "ip -n r addr add 10.0.1.1/24 dev v1",
    "ip -n r addr add 10.0.2.1/24 dev v2",
    "ip -n s addr add 10.0.2.2/24 dev e0",
    "ip -n c addr add fd01::2/64 dev e0 nodad",
    "ip -n r addr add fd01::1/64 dev v1 nodad",
    "ip -n r addr add fd02::1/64 dev v2 nodad",
    "ip -n s addr add fd02::2/64 dev e0 nodad",
    "ip -n c link set e0 up",
    "ip -n r link set v1 up",
    "ip -n r link set v2 up",
    "ip -n s link set e0 up",
    "ip -n c route add default via 10.0.1.1",
    "ip -n s route add default via 10.0.2.1",
    "ip -n c route add default via fd01::1",
    "ip -n s route add default via fd02::1",
    "ip netns exec r sysctl -w net.ipv4.ip_forward=1",
    "ip netns exec r sysctl -w net.ipv6.conf.all.forwarding=1",
]


class Session(run.SessionBase):
    """A random nft session over PRELUDE's network, with a small model of
    the tables, chains and sets made so most lines make sense."""

    def __init__(self, seed, nlines):
        super().__init__(seed, nlines, PRELUDE)
        self.tables = []  # (ns, family, name)
        self.chains = []  # (ns, family, table, chain, base kind or None)
        self.sets = []  # (ns, family, table, set, type)
        self.rules = {}  # (ns, family, table, chain) -> rules added

    def nft(self, ns, args):
        self.emit("ip netns exec %s nft %s" % (ns, args))

    def router_or_server(self):
        return self.pick(["r", "r", "r", "s"])

    # -- objects -------------------------------------------------------------
    def table(self):
        ns = self.router_or_server()
        fam = self.pick(["ip", "ip6", "inet", "inet", "inet", ""])
        name = self.pick(["f", "filter", "nat", "t"])
        verb = self.pick(["add", "add", "add", "create"])
        self.nft(ns, "%s table %s%s" % (verb, fam + " " if fam else "", name))
        key = (ns, fam or "ip", name)
        if key not in self.tables:
            self.tables.append(key)

    def a_table(self):
        if not self.tables or self.r.random() < 0.1:
            self.table()
        return self.pick(self.tables)

    def chain(self):
        ns, fam, t = self.a_table()
        kind = self.pick(["filter", "filter", "filter", "nat", None])
        if kind is None:
            name = self.pick(["tcp_in", "mine", "logdrop"])
            self.nft(ns, "add chain %s %s %s" % (fam, t, name))
        elif kind == "filter":
            hook = self.pick(["input", "input", "forward", "forward", "output", "prerouting"])
            name = self.pick([hook, hook[:2], "c" + hook[:3]])
            prio = self.pick(["0", "0", "filter", "-10", "10", "raw", "mangle + 1"])
            policy = self.pick(["", " policy accept;", " policy drop;", " policy accept;"])
            self.nft(ns, "add chain %s %s %s '{ type filter hook %s priority %s;%s }'" % (
                fam, t, name, hook, prio, policy))
        else:
            hook = self.pick(["prerouting", "postrouting", "postrouting", "output"])
            name = self.pick(["pre", "post", hook])
            prio = self.pick(["-100", "100", "srcnat", "dstnat", "0"])
            self.nft(ns, "add chain %s %s %s '{ type nat hook %s priority %s; }'" % (fam, t, name, hook, prio))
        key = (ns, fam, t, name, kind and (kind, hook))
        if not any(c[:4] == key[:4] for c in self.chains):
            self.chains.append(key)

    def a_chain(self):
        if not self.chains or self.r.random() < 0.05:
            self.chain()
        return self.pick(self.chains)

    def addr(self, fam):
        if fam == "ip6" or (fam == "inet" and self.r.random() < 0.3):
            a = self.pick(V6 + ["fd01::/64", "fd02::/64", "fd00::/8"])
            return "ip6", a
        a = self.pick(V4 + ["10.0.1.0/24", "10.0.2.0/24", "10.0.0.0/8", "{ 10.0.1.2, 10.0.2.0/24 }"])
        return "ip", a

    def match(self, fam, kind):
        """One random match for a rule in a chain of family fam."""
        x = self.r.random()
        if x < 0.25:
            p, a = self.addr(fam)
            return "%s %s %s" % (p, self.pick(["saddr", "daddr"]), a if "{" not in a else "'%s'" % a)
        if x < 0.35:
            return "meta l4proto %s" % self.pick(["icmp", "tcp", "udp", "ipv6-icmp", "{ tcp, udp }"]).replace(
                "{ tcp, udp }", "'{ tcp, udp }'")
        if x < 0.45:
            return "%s %s" % (self.pick(["iifname", "oifname", "meta iifname", "iif", "oif"]),
                              self.pick(["v1", "v2", "e0", "lo", "'{ v1, v2 }'"]))
        if x < 0.65:
            port = self.pick(["80", "22", "53", "1000-2000", "'{ 80, 443 }'", "'{ 22, 8000-8080 }'", "!= 80"])
            return "%s %s %s" % (self.pick(["tcp", "tcp", "udp"]), self.pick(["dport", "dport", "sport"]), port)
        if x < 0.75:
            return "ct state %s" % self.pick(["established,related", "new", "invalid", "'{ established, related }'",
                                              "established"])
        if x < 0.85:
            if fam == "ip6":
                return "icmpv6 type %s" % self.pick(["echo-request", "echo-reply", "'{ echo-request, echo-reply }'"])
            return "icmp type %s" % self.pick(["echo-request", "echo-reply", "'{ echo-request, echo-reply }'",
                                               "time-exceeded"])
        if x < 0.92:
            mine = [s for s in self.sets if s[:3] == self.cur_table]
            if mine:
                s = self.pick(mine)
                return {"ipv4_addr": "ip saddr @%s", "ipv6_addr": "ip6 saddr @%s",
                        "inet_service": "tcp dport @%s"}[s[4]] % s[3]
        return "ip protocol icmp" if fam != "ip6" else "ip6 nexthdr ipv6-icmp"

    def verdict(self, kind, fam):
        if kind and kind[0] == "nat":
            hook = kind[1]
            if hook == "postrouting":
                return self.pick(["masquerade", "snat to 10.0.2.1", "snat ip to 10.0.1.1", "counter masquerade",
                                  # ranges and flags (nat_stmt_args, nf_nat_flags)
                                  "snat ip to 10.0.2.1-10.0.2.3", "snat ip to 10.0.2.1-10.0.2.3 persistent",
                                  "masquerade random", "masquerade fully-random,persistent",
                                  "masquerade to :2000-3000", "snat ip6 to fd02::1-fd02::3",
                                  "dnat ip to 10.0.2.2"])
            if hook in ("prerouting", "output"):
                return self.pick(["dnat to 10.0.2.2", "dnat ip to 10.0.2.2:80", "redirect to :8080",
                                  "dnat to 10.0.1.2", "dnat ip to 10.0.2.2-10.0.2.3",
                                  "dnat ip to 10.0.2.2:8080-8090 random", "redirect to :8080-8081",
                                  "dnat ip6 to fd02::2", "dnat ip6 to '[fd02::2]:80'", "masquerade"])
        jumps = [c[3] for c in self.chains if c[4] is None and c[:3] == self.cur_table]
        v = ["accept", "drop", "counter", "counter accept", "counter drop", "reject",
             "reject with icmp type host-unreachable" if fam == "ip" else "reject with icmpx type port-unreachable",
             "reject with tcp reset", "return"]
        if jumps:
            v += ["jump %s" % self.pick(jumps), "goto %s" % self.pick(jumps)]
        return self.pick(v)

    def rule(self):
        ns, fam, t, c, kind = self.a_chain()
        self.cur_ns, self.cur_table = ns, (ns, fam, t)
        ms = " ".join(self.match(fam, kind) for _ in range(self.pick([0, 1, 1, 2])))
        body = (ms + " " if ms else "") + self.verdict(kind, fam)
        if "tcp reset" in body and "tcp " not in body and self.r.random() < 0.7:
            body = "meta l4proto tcp " + body
        verb = self.pick(["add", "add", "add", "insert"])
        where = ""
        n = self.rules.get((ns, fam, t, c), 0)
        if n and self.r.random() < 0.2:
            verb = self.pick(["add", "insert", "replace"])
            # rule handles follow the table's handle counter: tables' objects share it
            where = " %s %d" % (self.pick(["handle", "position", "index"]) if verb != "replace" else "handle",
                                self.r.randint(1, 8))
        self.nft(ns, "%s rule %s %s %s%s %s" % (verb, fam, t, c, where, body))
        self.rules[(ns, fam, t, c)] = n + 1

    def named_set(self):
        ns, fam, t = self.a_table()
        typ = self.pick(["ipv4_addr", "ipv4_addr", "inet_service", "ipv6_addr"])
        name = self.pick(["allowed", "blocked", "ports"])
        flags = " flags interval;" if typ != "inet_service" and self.r.random() < 0.4 else ""
        self.nft(ns, "add set %s %s %s '{ type %s;%s }'" % (fam, t, name, typ, flags))
        if not any(s[:4] == (ns, fam, t, name) for s in self.sets):
            self.sets.append((ns, fam, t, name, typ))

    def element(self):
        if not self.sets:
            return self.named_set()
        ns, fam, t, name, typ = self.pick(self.sets)
        el = {"ipv4_addr": ["10.0.1.2", "10.0.2.2", "10.0.1.2, 10.0.2.1", "10.0.0.0/8"],
              "ipv6_addr": ["fd01::2", "fd02::2, fd01::1"],
              "inet_service": ["80", "22, 443", "8080"]}[typ]
        verb = self.pick(["add", "add", "delete"])
        self.nft(ns, "%s element %s %s %s '{ %s }'" % (verb, fam, t, name, self.pick(el)))

    def listing(self):
        ns = self.router_or_server()
        what = self.pick(["list ruleset", "list ruleset", "-a list ruleset", "list tables", "list sets"])
        if self.chains and self.r.random() < 0.4:
            c = self.pick(self.chains)
            ns = c[0]
            what = self.pick(["list chain %s %s %s" % c[1:4], "-a list chain %s %s %s" % c[1:4],
                              "list table %s %s" % c[1:3], "-a list table %s %s" % c[1:3]])
        elif self.sets and self.r.random() < 0.3:
            s = self.pick(self.sets)
            ns = s[0]
            what = "list set %s %s %s" % s[1:4]
        self.nft(ns, what)

    def remove(self):
        x = self.r.random()
        if x < 0.3 and self.chains:
            ns, fam, t, c, _ = self.pick(self.chains)
            self.nft(ns, "flush chain %s %s %s" % (fam, t, c))
            self.rules[(ns, fam, t, c)] = 0
        elif x < 0.5 and self.chains:
            ns, fam, t, c, _ = self.pick(self.chains)
            self.nft(ns, "delete rule %s %s %s handle %d" % (fam, t, c, self.r.randint(1, 8)))
        elif x < 0.6 and self.chains:
            ch = self.pick(self.chains)
            self.nft(ch[0], "delete chain %s %s %s" % ch[1:4])
            self.chains.remove(ch)
        elif x < 0.7 and self.sets:
            s = self.pick(self.sets)
            self.nft(s[0], "delete set %s %s %s" % s[1:4])
            self.sets.remove(s)
        elif x < 0.8 and self.tables:
            tb = self.pick(self.tables)
            self.nft(tb[0], "%s table %s %s" % (self.pick(["flush", "delete"]), tb[1], tb[2]))
            if "delete" in self.lines[-1]:
                self.tables.remove(tb)
                self.chains = [c for c in self.chains if c[:3] != tb]
                self.sets = [s for s in self.sets if s[:3] != tb]
        else:
            self.nft(self.router_or_server(), "flush ruleset")
            self.tables, self.chains, self.sets = [], [], []

    def error(self):
        ns = self.router_or_server()
        self.nft(ns, self.pick([
            "add chain ip nosuch c", "add rule inet nosuch input accept", "add rule ip filter nochain drop",
            "add table bogus t", "add chain inet f x '{ type filter hook nohook priority 0; }'",
            "add rule inet f input tcp dport 99999 accept", "add rule inet f input ip saddr 10.0.0.300 drop",
            "delete table inet nosuch", "list table ip nosuch", "add rule ip6 f input ip saddr 10.0.0.1 drop",
            "add rule inet f input tcp dport accept", "add set inet f s '{ type nosuch_type; }'",
            "delete rule inet f input handle 999", "list chain inet f nosuch", "add rule inet f input jump nosuch",
            "add chain inet f in '{ type nat hook input priority 0; policy drop; }'"]))

    def traffic(self):
        x = self.r.random()
        if x < 0.55:
            src = self.pick(["c", "c", "s", "r"])
            dst = self.pick(V4 + V6[0:1] + V6[3:])
            self.emit("ip netns exec %s ping -c %d -W 1 %s" % (src, self.pick([1, 2]), dst))
        elif x < 0.75:
            src = self.pick(["c", "s"])
            self.emit("ip netns exec %s traceroute -n -q 1 -w 1 -m 3 %s" % (src, self.pick(["10.0.2.2", "10.0.1.2"])))
        else:
            self.emit("ip netns exec c nc -zv -w 1 %s %s" % (self.pick(["10.0.2.2", "10.0.2.1"]), self.pick(["80", "80", "81"])))
        if self.r.random() < 0.5:
            self.listing()

    def joined(self):
        """Two or three commands typed as one line, `nft 'A; B'` (the
        same namespace's consecutive nft lines joined with `;`)."""
        start = len(self.lines)
        for _ in range(self.pick([2, 2, 3])):
            self.r.choices([self.table, self.chain, self.rule, self.named_set, self.element, self.listing, self.remove],
                           [2, 3, 6, 1, 2, 2, 1])[0]()
        new = self.lines[start:]
        del self.lines[start:]
        prefix = re.compile(r"^ip netns exec ([crs]) nft (?!-)(.*)$")
        group, ns = [], None  # (original line, command without quotes)
        for line in new + [None]:
            m = prefix.match(line) if line else None
            if m and group and m.group(1) == ns:
                group.append((line, m.group(2).replace("'", "")))
                continue
            if len(group) > 1:
                sep = self.pick(["; ", "; ", " ; "])
                self.emit("ip netns exec %s nft '%s'" % (ns, sep.join(c for _, c in group)))
            elif group:
                self.emit(group[0][0])
            group, ns = [], None
            if m:
                group, ns = [(line, m.group(2).replace("'", ""))], m.group(1)
            elif line is not None:
                self.emit(line)

    def generate(self):
        steps = [(self.table, 4), (self.chain, 7), (self.rule, 20), (self.named_set, 3), (self.element, 4),
                 (self.listing, 10), (self.remove, 5), (self.error, 3), (self.traffic, 10), (self.joined, 5)]
        fns = [f for f, _ in steps]
        weights = [w for _, w in steps]
        total = len(PRELUDE) + self.n
        while len(self.lines) < total:
            self.r.choices(fns, weights)[0]()
        return self.lines[:total]


def main():
    return run.drive("nft.py", lambda seed, n: Session(seed, n).generate(), SAFE, 25, __doc__,
                     lines_help="nft and traffic lines after the network", keep=len(PRELUDE))

if __name__ == "__main__":
    sys.exit(main())
