#!/usr/bin/env python3
"""Random differential sessions of sockets: the real kernel against iplab.

    sockets.py [--seeds A-B | --seed N] [--lines N] [--no-min] [--show]

Generates random but plausible tutorial sessions on sockets (run.py's
generator stays for links, addresses and routes): two namespaces joined by
a veth pair, or two hosts behind a router namespace; servers started in the
background as the sock_* scenarios start them (`nc -l`, `nc -lk`,
`nc -lu`, `python3 -m http.server`); clients (`nc` -z/-v/-n/-w/-u with
ports and ranges, `echo ... | nc -N`, `curl` with -s/-S/-m/
--connect-timeout/-o /dev/null -w '%{http_code}'/-I/-v), `ss` listings and
filters, background `tcpdump -n -c N -i DEV [filter]` captures, `ip -s link`
counters and `ping`, with changes between them (links down and up, routes
removed and restored, forwarding off, iptables DROP and REJECT on the router
or the server) so that connections pass, are refused or time out.

Each session runs on the kernel with run.py's runner (the recorder's own
`--world`) and on target/debug/iplab, is compared after normalize.sed only,
and the first difference is printed and minimised as run.py does. Every
generated line must match SAFE below and pass the recorder's own check of a
scenario line (`check_line` in tests/record/safety.sh), so nothing
leaves the recorder's namespaces.

Must run as root. See tests/differential/README.md.
"""

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (run.py's runner: run_kernel, run_iplab, ...)

# The commands this generator writes: ip, sysctl on net.*, iptables, and
# programs run inside a namespace of the session (ip netns exec NS ...),
# optionally fed one line by `echo WORD |`.
SAFE = re.compile(
    r"^(echo [a-z]+ \| )?(ip (-n [a-z0-9]+ |-s |-6 )*(link|addr|route|netns add) "
    r"|ip netns exec [a-z0-9]+ (nc |curl |ss |tcpdump |python3 -m http\.server |ping -c [12] -W 1 |"
    r"sysctl -q -w net\.|iptables |ip (-s )?(link|route|addr|neigh) )"
    r"|sysctl -q -w net\.ipv6\.conf\.default\.disable_ipv6=1$)")

# The recorder's safety check of a scenario line (tests/record/safety.sh,
# which the recorder sources too).
SAFETY = os.path.join(os.path.dirname(run.RECORDER), "safety.sh")
CHECK = r"""
source "$1" || exit 2
shift
for line in "$@"; do
    if ! why=$(check_line "$line"); then echo "$why: $line"; exit 1; fi
done
"""


def run_iplab_tty(lines):
    """run.run_iplab on a pseudo-terminal of 80 columns, as the recorder
    runs every line (ss spreads its columns over a terminal's width)."""
    feed = run.iplab_feed(lines)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    p = subprocess.Popen([run.IPLAB], stdin=subprocess.PIPE, stdout=slave, stderr=slave)
    os.close(slave)
    p.stdin.write(feed)
    p.stdin.close()
    chunks, deadline = [], time.monotonic() + 120
    while time.monotonic() < deadline:
        if not select.select([master], [], [], 1)[0]:
            if p.poll() is not None:
                break
            continue
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the last holder of the terminal closed it
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    if p.poll() is None:
        p.kill()
    p.wait()
    text = b"".join(chunks).decode(errors="replace").replace("\r\n", "\n")
    return run.transcript(lines, text)


# run.first_difference and run.minimise ask iplab through this.
run.run_iplab = run_iplab_tty


def recorder_refuses(lines):
    p = subprocess.run(["bash", "-c", CHECK, "check", SAFETY] + lines, stdout=subprocess.PIPE)
    if p.returncode:
        return p.stdout.decode().strip() or "the check could not run"
    return None


class Session(run.SessionBase):
    """A random socket session over a small model of its world."""

    def __init__(self, seed, nlines):
        super().__init__(seed, nlines)
        self.servers = []  # dicts: ns, proto, port, kind, bind, alive
        self.rules = []  # (ns, chain, rule) appended with iptables -A

    def ex(self, ns, cmd):
        return "ip netns exec %s %s" % (ns, cmd)

    # -- the world ------------------------------------------------------------
    def setup(self):
        self.routed = self.chance(0.5)
        self.v6 = self.chance(0.25)
        hosts = ["h1", "h2"]
        names = ["h1", "r", "h2"] if self.routed else hosts
        for ns in names:
            self.emit("ip netns add %s" % ns)
        if not self.v6:
            for ns in names:
                self.emit(self.ex(ns, "sysctl -q -w net.ipv6.conf.default.disable_ipv6=1"))
            self.emit("sysctl -q -w net.ipv6.conf.default.disable_ipv6=1")
        if self.routed:
            self.emit("ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name r1 "
                      "address 02:00:00:00:01:02 netns r")
            self.emit("ip link add e2 address 02:00:00:00:02:01 netns h2 type veth peer name r2 "
                      "address 02:00:00:00:02:02 netns r")
            self.addr = {"h1": "10.0.1.2", "h2": "10.0.2.2", "r": "10.0.1.1"}
            self.addr6 = {"h1": "2001:db8:1::2", "h2": "2001:db8:2::2", "r": "2001:db8:1::1"}
            self.dev = {"h1": "e1", "h2": "e2", "r": self.pick(["r1", "r2"])}
            plan = [("h1", "e1", "10.0.1.2/24", "2001:db8:1::2/64"), ("h2", "e2", "10.0.2.2/24", "2001:db8:2::2/64"),
                    ("r", "r1", "10.0.1.1/24", "2001:db8:1::1/64"), ("r", "r2", "10.0.2.1/24", "2001:db8:2::1/64")]
        else:
            self.emit("ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 "
                      "address 02:00:00:00:00:02 netns h2")
            self.addr = {"h1": "10.0.0.1", "h2": "10.0.0.2"}
            self.addr6 = {"h1": "2001:db8::1", "h2": "2001:db8::2"}
            self.dev = {"h1": "e1", "h2": "e2"}
            plan = [("h1", "e1", "10.0.0.1/24", "2001:db8::1/64"), ("h2", "e2", "10.0.0.2/24", "2001:db8::2/64")]
        for ns, dev, a4, a6 in plan:
            self.emit("ip -n %s addr add %s dev %s" % (ns, a4, dev))
            if self.v6:
                self.emit("ip -n %s addr add %s dev %s nodad" % (ns, a6, dev))
        for ns, dev, _, _ in plan:
            self.emit("ip -n %s link set %s up" % (ns, dev))
        for ns in hosts:
            if self.chance(0.7):
                self.emit("ip -n %s link set lo up" % ns)
        if self.routed:
            self.emit("ip -n h1 route add default via 10.0.1.1")
            self.emit("ip -n h2 route add default via 10.0.2.1")
            if self.v6:
                self.emit("ip -n h1 -6 route add default via 2001:db8:1::1")
                self.emit("ip -n h2 -6 route add default via 2001:db8:2::1")
            if self.chance(0.8):
                self.emit(self.ex("r", "sysctl -q -w net.ipv4.ip_forward=1"))
                if self.v6:
                    self.emit(self.ex("r", "sysctl -q -w net.ipv6.conf.all.forwarding=1"))
        self.names = names
        self.hosts = hosts

    # -- helpers ---------------------------------------------------------------
    def other(self, ns):
        return "h2" if ns == "h1" else "h1"

    def target(self, ns):
        """An address a client in ns aims at: mostly the other host, some
        of its own, a missing neighbour or an unrouted one."""
        x = self.r.random()
        v6 = self.v6 and self.chance(0.3)
        table = self.addr6 if v6 else self.addr
        if x < 0.7:
            a = table[self.other(ns)]
        elif x < 0.82:
            a = self.pick([table[ns], "::1" if v6 else "127.0.0.1"])
        elif x < 0.92:
            a = ("2001:db8::99" if not self.routed else "2001:db8:1::99") if v6 else \
                ("10.0.0.99" if not self.routed else "10.0.1.99")
        else:
            a = "2001:db8:9::1" if v6 else "10.9.9.9"
        return a

    def port(self, proto=None):
        live = [s["port"] for s in self.servers if proto is None or s["proto"] == proto]
        if live and self.chance(0.65):
            return self.pick(live)
        return self.pick([80, 8080, 8000, 5353, 9000, 8081])

    # -- steps -----------------------------------------------------------------
    def server(self):
        ns = self.pick(self.hosts if self.chance(0.85) else self.names)
        kind = self.pick(["nc -l", "nc -lk", "nc -lk", "nc -lu", "nc -u -l", "http", "http"])
        port = self.pick([80, 8080, 8000, 9000] if "u" not in kind else [5353, 9000, 4000])
        if kind == "http":
            bind = ""
            if self.chance(0.25):
                bind = " --bind %s" % self.pick([self.addr[ns], "127.0.0.1"] + ([self.addr6[ns]] if self.v6 else []))
            self.emit(self.ex(ns, "python3 -m http.server %d%s &" % (port, bind)))
            proto = "tcp"
        else:
            opts = ""
            if self.v6 and self.chance(0.2):
                opts = " -%s" % self.pick(["4", "6"])
            self.emit(self.ex(ns, "%s%s %d &" % (kind, opts, port)))
            proto = "udp" if "u" in kind else "tcp"
        self.servers.append({"ns": ns, "proto": proto, "port": port, "kind": kind})

    def nc_scan(self):
        ns = self.pick(self.hosts)
        flags = "-z" + "".join(f for f in ["v", "n"] if self.chance(0.6))
        if self.chance(0.3):
            flags += "u"
        if self.v6 and self.chance(0.2):
            flags += self.pick(["4", "6"])
        # Always bounded: a dropped SYN would wait for minutes.
        w = " -w %d" % self.pick([1, 1, 2])
        port = self.port("udp" if "u" in flags else "tcp")
        if self.chance(0.25):
            ports = "%d-%d" % (port - 1, port + 1)
        elif self.chance(0.2):
            ports = "%d %d" % (port, self.pick([81, 8081, 8082]))
        else:
            ports = "%d" % port
        self.emit(self.ex(ns, "nc %s%s %s %s" % (flags, w, self.target(ns), ports)))

    def nc_send(self):
        ns = self.pick(self.hosts)
        word = self.pick(["hello", "ping", "data", "again"])
        if self.chance(0.35):
            opts = "-u -w 1"
            port = self.port("udp")
        else:
            opts = self.pick(["-N -w 1", "-N -w 2", "-w 1"])
            port = self.port("tcp")
        if self.chance(0.2):
            opts += " -v"
        self.emit("echo %s | %s" % (word, self.ex(ns, "nc %s %s %d" % (opts, self.target(ns), port))))

    def curl(self):
        ns = self.pick(self.hosts)
        a = self.target(ns)
        host = "[%s]" % a if ":" in a else a
        port = self.port("tcp")
        url = host if port == 80 and self.chance(0.6) else "%s:%d" % (host, port)
        if self.chance(0.3):
            url = "http://" + url + self.pick(["/", "/missing", ""])
        if "[" in url:
            url = "'%s'" % url  # the shell's glob characters, quoted
        opts = self.pick(["-sS", "-s", "-sS", "", "-v", "-sv", "-sI", "-I", "-s -i"])
        if "I" not in opts and "i" not in opts and self.chance(0.4):
            # Without -s curl draws its progress meter (elapsed times that
            # normalize.sed does not cover) when the body goes to a file.
            if "s" not in opts:
                opts = ("-s " + opts).strip()
            opts += " -o /dev/null -w '%{http_code}\\n'"
        # Always bounded (a listener that never answers, a dropped SYN).
        opts += self.pick([" -m 1", " -m 2", " --connect-timeout 1 -m 2"])
        self.emit(self.ex(ns, "curl %s %s" % (opts.strip(), url)))

    def ss(self):
        ns = self.pick(self.names)
        # Always -t, -u or both: ss's default of every table lists netlink
        # and unix sockets, and DCCP's diag answers EINVAL on some kernels.
        flags = "-" + self.pick(["t", "t", "u", "tu"]) + "".join(f for f in ["l", "n", "a"] if self.chance(0.5))
        if self.chance(0.2):
            flags += self.pick(["4", "6", "H", "p", "e"])
        # Several listeners list in the order of a hash salted per
        # namespace (lhash2, net_hash_mix): filters keep most listings short.
        tail = self.pick(["", " state listening", " state established", " sport = :%d" % self.port(),
                          " dport = :%d" % self.port(), " state time-wait", " exclude listening"])
        self.emit(self.ex(ns, "ss %s%s" % (flags, tail)))

    def tcpdump(self):
        ns = self.pick(self.names)
        devs = {"h1": ["e1"], "h2": ["e2"], "r": ["r1", "r2"]}[ns]
        opts = self.pick(["-n", "-n", "-n -e", "-n -v", "-n -q", "-nn"])
        filt = self.pick(["", "tcp", "udp", "icmp", "arp", "port %d" % self.port(), "tcp port %d" % self.port("tcp"),
                          "host %s" % self.addr[self.pick(self.hosts)], "udp and port %d" % self.port("udp")])
        if self.v6 and filt in ("", "arp"):
            filt = "tcp"
        self.emit(self.ex(ns, "tcpdump %s -c %d -i %s%s &" % (opts, self.pick([1, 2, 3, 4]), self.pick(devs),
                                                          (" " + filt) if filt else "")))

    def counters(self):
        if self.v6:
            return self.ss()
        ns = self.pick(self.names)
        dev = self.pick({"h1": ["e1"], "h2": ["e2"], "r": ["r1", "r2"]}[ns])
        self.emit(self.pick(["ip -n %s -s link show %s" % (ns, dev), self.ex(ns, "ip -s link show %s" % dev)]))

    def ping(self):
        ns = self.pick(self.hosts)
        self.emit(self.ex(ns, "ping -c 1 -W 1 %s" % self.target(ns)))

    def change(self):
        x = self.r.random()
        if x < 0.2:
            ns = self.pick(self.names)
            dev = self.pick({"h1": ["e1"], "h2": ["e2"], "r": ["r1", "r2"]}[ns])
            self.emit("ip -n %s link set %s %s" % (ns, dev, self.pick(["down", "up", "up"])))
        elif x < 0.35 and self.routed:
            ns = self.pick(self.hosts)
            gw = self.addr["r"] if ns == "h1" else "10.0.2.1"
            self.emit("ip -n %s route %s default via %s" % (ns, self.pick(["del", "add", "replace"]), gw))
        elif x < 0.45 and self.routed:
            self.emit(self.ex("r", "sysctl -q -w net.ipv4.ip_forward=%d" % self.pick([0, 1])))
        elif x < 0.85:
            self.iptables()
        else:
            ns = self.pick(self.hosts)
            a = self.addr[ns] + "/24"
            dev = self.dev[ns]
            self.emit("ip -n %s addr %s %s dev %s" % (ns, self.pick(["del", "add"]), a, dev))

    def iptables(self):
        if self.rules and self.chance(0.3):
            ns, chain, rule = self.pick(self.rules)
            if self.chance(0.5):
                self.emit(self.ex(ns, "iptables -D %s %s" % (chain, rule)))
                self.rules.remove((ns, chain, rule))
            else:
                self.emit(self.ex(ns, "iptables -F %s" % chain))
                self.rules = [x for x in self.rules if x[:2] != (ns, chain)]
            return
        if self.routed and self.chance(0.6):
            ns, chain = "r", "FORWARD"
        else:
            ns = self.pick(self.hosts)
            chain = self.pick(["INPUT", "INPUT", "OUTPUT"])
        proto = self.pick(["tcp", "tcp", "udp"])
        port = self.port(proto)
        target = self.pick(["DROP", "REJECT", "REJECT --reject-with tcp-reset" if proto == "tcp" else "REJECT",
                            "REJECT --reject-with icmp-host-prohibited"])
        rule = "-p %s --dport %d -j %s" % (proto, port, target)
        self.emit(self.ex(ns, "iptables -A %s %s" % (chain, rule)))
        self.rules.append((ns, chain, rule))

    def generate(self):
        self.setup()
        steps = [(self.server, 5), (self.nc_scan, 5), (self.nc_send, 4), (self.curl, 5), (self.ss, 5),
                 (self.tcpdump, 3), (self.counters, 1), (self.ping, 1), (self.change, 4)]
        # Most sessions start a server first, as tutorials do.
        if self.chance(0.8):
            self.server()
        self.fill(steps)
        return self.lines


def main():
    return run.drive("sockets.py", lambda seed, n: Session(seed, n).generate(), SAFE, 14, __doc__,
                     lines_help="lines after the set-up", check=recorder_refuses, retry_kernel=True)

if __name__ == "__main__":
    sys.exit(main())
