#!/usr/bin/env python3
"""Random differential sessions of whole tutorials: the real kernel against iplab.

    tutorial.py [--seeds A-B | --seed N] [--lines N] [--no-min] [--show]

The other generators each keep to one family (run.py: ip/bridge/sysctl/
ping/traceroute; iptables.py, nft.py, sockets.py ...). A tutorial mixes
them: it builds a small network of namespaces, then pings across it, puts
NAT on the router, starts a server, talks to it with nc or curl, watches
the sockets with ss and the packets with tcpdump, and reads the counters.
This generator writes such sessions.

The world: one of three topologies, each with IPv4 and, in one session of
four, `nodad` IPv6 addresses (otherwise IPv6 is disabled everywhere, as the
sock_* scenarios do, so captures and counters stay free of neighbour
discovery):

- `pair`: two hosts on one veth pair;
- `router`: two hosts on both sides of a router namespace, default routes,
  forwarding on (most of the time);
- `lan`: two or three hosts on a bridge in the router namespace (the
  bridge holds the LAN's gateway address) and a server on the router's
  WAN veth that has no route back to the LAN, so only NAT (MASQUERADE,
  SNAT, nft masquerade/snat) lets the LAN reach it, and port forwarding
  (DNAT, nft dnat) lets the server reach a LAN host's service through the
  router's WAN address.

Then a random mix of what tutorials do on it: ping and traceroute between
hosts, iptables or nft NAT and filter rules with counters, nc listeners
and clients (-l/-lk/-lu, -z, -u, -w, `echo W | nc -N`), python3's
http.server and curl to it, `ss` listings, background `tcpdump -n -c N -i
DEV` while traffic flows, `ip -s link`, `ip neigh`, `iptables -L -n -v`
and `nft list ruleset` to read counters, and links down and up in the
middle.

Each session runs on the kernel with run.py's runner and on iplab on an
80-column terminal (sockets.py's runner), is compared after normalize.sed
only, and the first difference is checked against a second kernel run
(timing when the kernel differs from itself) and minimised. Every line
must match SAFE below and the recorder's own `check_line`
(tests/record/safety.sh). Must run as root. See tests/differential/README.md.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (run.py's runner: run_kernel, first_difference, minimise, ...)
import sockets  # noqa: E402  (its 80-column runner for iplab, installed into run; the recorder's check)

NS = r"(h1|h2|h3|r|srv)"
# The commands this generator writes: namespaces and links of the session,
# sysctl on net.*, and programs run inside a namespace of the session,
# optionally fed one word by `echo WORD |`.
SAFE = re.compile(
    r"^(ip netns add %s$"
    r"|sysctl -q -w net\.ipv6\.conf\.default\.disable_ipv6=1$"
    r"|ip link add [a-z0-9]+ address 02:00:00:00:0[0-9]:[0-9a-f]{2} netns %s type veth peer name [a-z0-9]+ "
    r"address 02:00:00:00:0[0-9]:[0-9a-f]{2} netns %s$"
    r"|ip -n %s (-s |-6 |-4 )*(link|addr|route|neigh) "
    r"|(echo [a-z]+ \| )?ip netns exec %s (nc |curl |ss |tcpdump |python3 -m http\.server |ping -c [1-3] |"
    r"traceroute -n |sysctl -q -w net\.|iptables |nft |ip (-s )?(link|route|addr|neigh) ))"
    % (NS, NS, NS, NS, NS))


class Session(run.SessionBase):
    """A random tutorial over a small model of its network."""

    def __init__(self, seed, nlines):
        super().__init__(seed, nlines)
        self.servers = []  # dicts: ns, proto, port
        self.filters = []  # (ns, table, chain, rule) appended with iptables -A
        self.nft_tables = set()  # (ns, name) of tables made
        self.nat_on = False  # a NAT rule for the LAN is in place
        self.forwards = []  # (wan port, lan ns, lan port)

    def ex(self, ns, cmd):
        return "ip netns exec %s %s" % (ns, cmd)

    # -- the world ------------------------------------------------------------
    def veth(self, a, adev, b, bdev, n):
        self.emit("ip link add %s address 02:00:00:00:0%d:01 netns %s type veth peer name %s "
                  "address 02:00:00:00:0%d:02 netns %s" % (adev, n, a, bdev, n, b))

    def setup(self):
        self.kind = self.pick(["pair", "router", "router", "lan", "lan", "lan"])
        self.v6 = self.chance(0.25)
        self.a4 = {}  # ns -> its main IPv4 address
        self.a6 = {}
        self.devs = {}  # ns -> its devices
        if self.kind == "pair":
            self.names = ["h1", "h2"]
            self.hosts = ["h1", "h2"]
        elif self.kind == "router":
            self.names = ["h1", "r", "h2"]
            self.hosts = ["h1", "h2"]
        else:
            self.hosts = ["h1", "h2"] + (["h3"] if self.chance(0.4) else [])
            self.names = self.hosts + ["r", "srv"]
        for ns in self.names:
            self.emit("ip netns add %s" % ns)
        if not self.v6:
            self.emit("sysctl -q -w net.ipv6.conf.default.disable_ipv6=1")
            for ns in self.names:
                self.emit(self.ex(ns, "sysctl -q -w net.ipv6.conf.default.disable_ipv6=1"))
        plan = []  # (ns, dev, v4/len, v6/len)
        if self.kind == "pair":
            self.veth("h1", "eth0", "h2", "eth0", 1)
            plan = [("h1", "eth0", "10.0.0.1/24", "fd00::1/64"), ("h2", "eth0", "10.0.0.2/24", "fd00::2/64")]
        elif self.kind == "router":
            self.veth("h1", "eth0", "r", "veth1", 1)
            self.veth("h2", "eth0", "r", "veth2", 2)
            plan = [("h1", "eth0", "10.0.1.2/24", "fd00:1::2/64"), ("h2", "eth0", "10.0.2.2/24", "fd00:2::2/64"),
                    ("r", "veth1", "10.0.1.1/24", "fd00:1::1/64"), ("r", "veth2", "10.0.2.1/24", "fd00:2::1/64")]
        else:
            for i, h in enumerate(self.hosts, 1):
                self.veth(h, "eth0", "r", "veth%d" % i, i)
            self.veth("r", "wan0", "srv", "eth0", 9)
            self.emit("ip -n r link add br0 address 02:00:00:00:08:01 type bridge")
            for i, _ in enumerate(self.hosts, 1):
                self.emit("ip -n r link set veth%d master br0" % i)
                self.emit("ip -n r link set veth%d up" % i)
            plan = [(h, "eth0", "192.168.1.%d/24" % (i + 1), "fd00:1::%d/64" % (i + 1))
                    for i, h in enumerate(self.hosts, 1)]
            plan += [("r", "br0", "192.168.1.1/24", "fd00:1::1/64"), ("r", "wan0", "10.0.0.1/24", "fd00:9::1/64"),
                     ("srv", "eth0", "10.0.0.2/24", "fd00:9::2/64")]
        for ns, dev, a4, a6 in plan:
            self.emit("ip -n %s addr add %s dev %s" % (ns, a4, dev))
            if self.v6:
                self.emit("ip -n %s addr add %s dev %s nodad" % (ns, a6, dev))
            self.a4.setdefault(ns, a4.split("/")[0])
            self.a6.setdefault(ns, a6.split("/")[0])
            self.devs.setdefault(ns, []).append(dev)
        for ns, dev, _, _ in plan:
            self.emit("ip -n %s link set %s up" % (ns, dev))
        for ns in self.names:
            if self.chance(0.6):
                self.emit("ip -n %s link set lo up" % ns)
        if self.kind != "pair":
            gw4 = {"h1": "10.0.1.1", "h2": "10.0.2.1"} if self.kind == "router" else {}
            gw6 = {"h1": "fd00:1::1", "h2": "fd00:2::1"} if self.kind == "router" else {}
            for h in self.hosts:
                self.emit("ip -n %s route add default via %s" % (h, gw4.get(h, "192.168.1.1")))
                if self.v6:
                    self.emit("ip -n %s -6 route add default via %s" % (h, gw6.get(h, "fd00:1::1")))
            if self.chance(0.85):
                self.emit(self.ex("r", "sysctl -q -w net.ipv4.ip_forward=1"))
                if self.v6:
                    self.emit(self.ex("r", "sysctl -q -w net.ipv6.conf.all.forwarding=1"))
        if self.kind == "lan":
            self.a4["r_wan"] = "10.0.0.1"
            self.a6["r_wan"] = "fd00:9::1"

    # -- helpers ---------------------------------------------------------------
    def clients(self):
        return self.hosts + (["srv"] if self.kind == "lan" else [])

    def target(self, ns, v6=False):
        """An address a client in ns aims at: mostly another host (in a LAN
        session: the server, or the router's WAN address for a forwarded
        port), sometimes its own or one nobody has."""
        table = self.a6 if v6 else self.a4
        x = self.r.random()
        if x < 0.8:
            if self.kind == "lan" and ns == "srv":
                return table["r_wan"] if self.chance(0.7) else table[self.pick(self.hosts)]
            if self.kind == "lan":
                return table[self.pick(["srv", "srv", "r"] + [h for h in self.hosts if h != ns])]
            return table[self.pick([h for h in self.names if h != ns])]
        if x < 0.9:
            return self.pick([table[ns], "::1" if v6 else "127.0.0.1"])
        return self.pick(["fd00:1::99", "fd00:7::1"] if v6 else ["192.168.1.99", "10.0.0.99", "10.7.7.7"])

    def service(self, ns, proto="tcp"):
        """An address and port a client in ns aims at: mostly a live server
        of the session (or a forwarded port of the router), else any."""
        v6 = self.is_v6()
        table = self.a6 if v6 else self.a4
        live = [(table[s["ns"]], s["port"]) for s in self.servers if s["proto"] == proto and s["ns"] != ns]
        if proto == "tcp" and ns == "srv":
            live += [(table["r_wan"], p) for p, _, _ in self.forwards if not v6]
        if live and self.chance(0.7):
            return self.pick(live)
        return self.target(ns, v6), self.port(proto)

    def is_v6(self):
        return self.v6 and self.chance(0.3)

    def port(self, proto="tcp"):
        live = [s["port"] for s in self.servers if s["proto"] == proto]
        if proto == "tcp":
            live += [p for p, _, _ in self.forwards]
        if live and self.chance(0.75):
            return self.pick(live)
        return self.pick([80, 8080, 8000, 9000] if proto == "tcp" else [5353, 9000, 4000])

    def dev_of(self, ns):
        devs = self.devs[ns]
        return self.pick(devs)

    # -- steps -----------------------------------------------------------------
    def server(self):
        ns = self.pick(self.hosts + (["srv", "srv"] if self.kind == "lan" else []))
        kind = self.pick(["nc -l", "nc -lk", "nc -lk", "nc -lu", "http", "http"])
        if kind == "http":
            port = self.pick([80, 8000, 8080])
            self.emit(self.ex(ns, "python3 -m http.server %d &" % port))
            proto = "tcp"
        else:
            proto = "udp" if "u" in kind else "tcp"
            port = self.pick([9000, 1234, 8080] if proto == "tcp" else [9000, 5353])
            self.emit(self.ex(ns, "%s %d &" % (kind, port)))
        self.servers.append({"ns": ns, "proto": proto, "port": port})

    def chat(self):
        ns = self.pick(self.clients())
        word = self.pick(["hello", "hi", "ping", "data"])
        if self.chance(0.3):
            self.emit("echo %s | %s" % (word, self.ex(ns, "nc -u -w 1 %s %d" % self.service(ns, "udp"))))
        else:
            opts = self.pick(["-N -w 1", "-N -w 2", "-w 1", "-v -N -w 1"])
            self.emit("echo %s | %s" % (word, self.ex(ns, "nc %s %s %d" % ((opts,) + self.service(ns)))))

    def scan(self):
        ns = self.pick(self.clients())
        flags = "-z" + "".join(f for f in ["v", "n"] if self.chance(0.6))
        a, port = self.service(ns)
        ports = "%d" % port if self.chance(0.7) else "%d-%d" % (port - 1, port + 1)
        self.emit(self.ex(ns, "nc %s -w 1 %s %s" % (flags, a, ports)))

    def curl(self):
        ns = self.pick(self.clients())
        a, port = self.service(ns)
        host = "[%s]" % a if ":" in a else a
        url = host if port == 80 and self.chance(0.5) else "%s:%d" % (host, port)
        if self.chance(0.4):
            url = "http://" + url + self.pick(["/", "/index.html", ""])
        if "[" in url:
            url = "'%s'" % url
        opts = self.pick(["-s", "-sS", "-sI", "-I", "-v", "-s -o /dev/null -w '%{http_code}\\n'",
                          "-s -o /dev/null -w '%{http_code} %{remote_ip}\\n'"])
        opts += self.pick([" -m 1", " -m 2", " --connect-timeout 1 -m 2"])
        self.emit(self.ex(ns, "curl %s %s" % (opts, url)))

    def ping(self):
        ns = self.pick(self.clients())
        v6 = self.is_v6()
        self.emit(self.ex(ns, "ping -c %d %s-W 1 %s" % (self.pick([1, 1, 2]), self.pick(["", "-i 0.2 "]),
                                                           self.target(ns, v6))))

    def traceroute(self):
        ns = self.pick(self.clients())
        extra = self.pick(["-q 1 -w 1 -m 4", "-q 1 -N 1 -w 1 -m 4", "-w 1 -m 3"])
        self.emit(self.ex(ns, "traceroute -n %s %s" % (extra, self.target(ns, self.is_v6()))))

    def ss(self):
        ns = self.pick(self.names)
        flags = self.pick(["-tan", "-uan", "-lnt", "-tln", "-lntp", "-tunl", "-tn", "-ltn4", "-s"])
        if flags == "-s" or self.chance(0.5):
            flags = self.pick(["-tan", "-lnt", "-uan", "-tn"])
        tail = self.pick(["", "", " state established", " sport = :%d" % self.port(), " dport = :%d" % self.port()])
        if "l" in flags or "u" in flags:
            tail = ""
        self.emit(self.ex(ns, "ss %s%s" % (flags, tail)))

    def tcpdump(self):
        """A capture in the background, then the traffic it watches."""
        ns = self.pick(self.names)
        dev = self.dev_of(ns)
        opts = self.pick(["-n", "-n", "-nn", "-n -e", "-n -q", "-n -v"])
        filt = self.pick(["", "icmp", "tcp", "udp", "arp", "port %d" % self.port(), "tcp port %d" % self.port()])
        if self.v6 and filt in ("", "arp"):
            filt = "icmp"
        self.emit(self.ex(ns, "tcpdump %s -c %d -i %s%s &" % (opts, self.pick([1, 2, 3]), dev,
                                                          (" " + filt) if filt else "")))
        self.r.choice([self.ping, self.chat, self.curl, self.scan])()

    def counters(self):
        ns = self.pick(self.names)
        x = self.r.random()
        if x < 0.3 and not self.v6:
            self.emit(self.pick(["ip -n %s -s link show %s" % (ns, self.dev_of(ns)),
                                 self.ex(ns, "ip -s link show %s" % self.dev_of(ns))]))
        elif x < 0.5:
            self.emit("ip -n %s neigh show" % ns if not self.v6 else "ip -n %s -4 neigh show" % ns)
        elif x < 0.8:
            table = self.pick(["", "-t nat "])
            self.emit(self.ex(ns if self.chance(0.3) else self.router(), "iptables %s-L -n -v%s" % (
                table, self.pick(["", " -x"]))))
        else:
            tns = [t for t in self.nft_tables]
            if tns:
                ns, _ = self.pick(tns)
            self.emit(self.ex(ns, "nft list ruleset"))

    def router(self):
        return "r" if "r" in self.names else self.pick(self.hosts)

    def nat(self):
        """Source NAT for the LAN, or a port forward from the router's WAN
        address, with iptables or nft."""
        if self.kind != "lan":
            return self.filter()
        use_nft = self.chance(0.45)
        if self.chance(0.55) or not self.servers:
            # masquerade / snat
            how = self.pick(["masq", "masq", "snat"])
            if use_nft:
                self.nft_nat_chains()
                if how == "masq":
                    rule = self.pick(["oifname \"wan0\" masquerade", "ip saddr 192.168.1.0/24 oifname wan0 counter masquerade",
                                      "oif wan0 masquerade"])
                else:
                    rule = "ip saddr 192.168.1.0/24 counter snat to 10.0.0.1"
                self.emit(self.ex("r", "nft add rule ip nat post %s" % rule))
            else:
                if how == "masq":
                    rule = self.pick(["-o wan0 -j MASQUERADE", "-s 192.168.1.0/24 -o wan0 -j MASQUERADE",
                                      "-s 192.168.1.0/24 '!' -d 192.168.1.0/24 -j MASQUERADE"])
                else:
                    rule = "-s 192.168.1.0/24 -o wan0 -j SNAT --to-source 10.0.0.1"
                self.emit(self.ex("r", "iptables -t nat -A POSTROUTING %s" % rule))
            self.nat_on = True
        else:
            lan = [s for s in self.servers if s["ns"] in self.hosts and s["proto"] == "tcp"]
            if not lan:
                return self.server()
            s = self.pick(lan)
            wport = self.pick([8080, 2222, s["port"]])
            dst = "%s:%d" % (self.a4[s["ns"]], s["port"])
            if use_nft:
                self.nft_nat_chains()
                self.emit(self.ex("r", "nft add rule ip nat pre iifname wan0 tcp dport %d counter dnat to %s" % (wport, dst)))
            else:
                self.emit(self.ex("r", "iptables -t nat -A PREROUTING -i wan0 -p tcp --dport %d -j DNAT --to-destination %s"
                                  % (wport, dst)))
            self.forwards.append((wport, s["ns"], s["port"]))

    def nft_nat_chains(self):
        if ("r", "nat") in self.nft_tables:
            return
        self.nft_tables.add(("r", "nat"))
        self.emit(self.ex("r", "nft add table ip nat"))
        self.emit(self.ex("r", "nft add chain ip nat pre '{ type nat hook prerouting priority %s; }'"
                          % self.pick(["-100", "dstnat"])))
        self.emit(self.ex("r", "nft add chain ip nat post '{ type nat hook postrouting priority %s; }'"
                          % self.pick(["100", "srcnat"])))

    def filter(self):
        """A filter rule with a counter, iptables or nft, or one removed."""
        if self.filters and self.chance(0.25):
            ns, chain, rule = self.pick(self.filters)
            if self.chance(0.5):
                self.emit(self.ex(ns, "iptables -D %s %s" % (chain, rule)))
                self.filters.remove((ns, chain, rule))
            else:
                self.emit(self.ex(ns, "iptables -F %s" % chain))
                self.filters = [f for f in self.filters if f[:2] != (ns, chain)]
            return
        if "r" in self.names and self.chance(0.6):
            ns, chain = "r", "FORWARD"
        else:
            ns, chain = self.pick(self.hosts + (["srv"] if self.kind == "lan" else [])), self.pick(["INPUT", "OUTPUT"])
        proto = self.pick(["tcp", "tcp", "udp", "icmp"])
        if self.chance(0.4):
            table = "filter"
            if (ns, table) not in self.nft_tables:
                self.nft_tables.add((ns, table))
                self.emit(self.ex(ns, "nft add table inet filter"))
                hook = chain.lower()
                self.emit(self.ex(ns, "nft add chain inet filter %s '{ type filter hook %s priority 0; policy accept; }'"
                                  % (hook, hook)))
                self.nft_hooks = getattr(self, "nft_hooks", {})
                self.nft_hooks[ns] = hook
            hook = self.nft_hooks[ns]
            match = "icmp type echo-request" if proto == "icmp" else "%s dport %d" % (proto, self.port(proto))
            verdict = self.pick(["counter drop", "counter accept", "counter reject",
                                 "counter reject with tcp reset" if proto == "tcp" else "counter drop"])
            self.emit(self.ex(ns, "nft add rule inet filter %s %s %s" % (hook, match, verdict)))
            return
        if proto == "icmp":
            rule = "-p icmp --icmp-type echo-request -j %s" % self.pick(["DROP", "ACCEPT", "REJECT"])
        else:
            rule = "-p %s --dport %d -j %s" % (proto, self.port(proto), self.pick(
                ["DROP", "REJECT", "ACCEPT", "REJECT --reject-with tcp-reset" if proto == "tcp" else "DROP"]))
        if chain == "FORWARD" and self.chance(0.3):
            rule = "-m conntrack --ctstate NEW " + rule
        self.emit(self.ex(ns, "iptables -A %s %s" % (chain, rule)))
        self.filters.append((ns, chain, rule))

    def change(self):
        x = self.r.random()
        if x < 0.5:
            ns = self.pick(self.names)
            dev = self.dev_of(ns)
            self.emit("ip -n %s link set %s down" % (ns, dev))
            if self.chance(0.6):
                self.r.choice([self.ping, self.chat, self.scan])()
            self.emit("ip -n %s link set %s up" % (ns, dev))
        elif x < 0.7 and "r" in self.names:
            self.emit(self.ex("r", "sysctl -q -w net.ipv4.ip_forward=%d" % self.pick([0, 1])))
        else:
            ns = self.pick(self.names)
            self.emit(self.ex(ns, "ip route show"))

    def generate(self):
        self.setup()
        steps = [(self.server, 4), (self.chat, 4), (self.scan, 3), (self.curl, 4), (self.ping, 4),
                 (self.traceroute, 2), (self.ss, 4), (self.tcpdump, 3), (self.counters, 3), (self.nat, 4),
                 (self.filter, 3), (self.change, 2)]
        if self.chance(0.5):
            self.ping()
        if self.chance(0.7):
            self.server()
        self.fill(steps)
        return self.lines


def main():
    return run.drive("tutorial.py", lambda seed, n: Session(seed, n).generate(), SAFE, 20, __doc__,
                     lines_help="lines after the set-up", check=sockets.recorder_refuses, retry_kernel=True)


if __name__ == "__main__":
    sys.exit(main())
