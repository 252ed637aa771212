#!/usr/bin/env python3
"""Random differential sessions: the real kernel against iplab.

    run.py [--seeds A-B | --seed N] [--lines N] [--no-min] [--show]
    run.py --iplab FILE     iplab's transcript of a scenario file

For each seed, generates a random but plausible session of tutorial lines
(namespaces, veth pairs, bridges, vxlans, addresses, routes, rules,
neighbours, sysctls, link changes, listings, deletions, errors, ping and
traceroute), runs it

  * on the real kernel, through tests/record/record-scenarios.sh --world
    (inside `unshare --net --mount`, a private /run/netns: the recorder's
    own runner, so the transcript has the golden files' form), and
  * on iplab (target/debug/iplab reading the same lines, with the exit
    status of each line written as a recorded transcript writes it),

normalises both with tests/record/normalize.sed only, and prints the first
difference with the seed and a minimised session (lines dropped while the
same first difference stays). The same seed always gives the same session.

Must run as root (network namespaces). See tests/differential/README.md.
"""

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
RECORDER = os.path.join(ROOT, "tests/record/record-scenarios.sh")
FILTER = os.path.join(ROOT, "tests/record/normalize.sed")
IPLAB = os.path.join(ROOT, "target/debug/iplab")
MARK = "@@iplab-differential-status@@"

# Only these commands are generated (the recorder's --world runs lines
# without its safety check, so the generator keeps to what it allows).
SAFE = re.compile(r"^(ip |bridge |sysctl (-w )?net\.|ping -c [1-3] |traceroute -n )")


# ---------------------------------------------------------------------------
# Generator
# ---------------------------------------------------------------------------
class SessionBase:
    """What every generator's session shares: its seeded random source, the
    number of lines to generate, the lines so far (starting from a fixed
    prelude, if any) and the helpers that draw and write them."""

    def __init__(self, seed, nlines, prelude=()):
        self.r = random.Random(seed)
        self.n = nlines
        self.lines = list(prelude)

    def pick(self, seq):
        return self.r.choice(seq)

    def chance(self, p):
        return self.r.random() < p

    def emit(self, line):
        self.lines.append(line)

    def fill(self, steps):
        """Runs steps drawn by weight ((method, weight) pairs) until they
        have written the session's number of lines."""
        fns = [f for f, _ in steps]
        weights = [w for _, w in steps]
        body = 0
        while body < self.n:
            before = len(self.lines)
            self.r.choices(fns, weights)[0]()
            body += len(self.lines) - before


class Session(SessionBase):
    """A random session: a small world model so most lines make sense."""

    def __init__(self, seed, nlines):
        super().__init__(seed, nlines)
        self.mac = 0
        self.netns = []  # names
        self.links = {None: ["lo"]}  # netns -> link names
        self.addrs = []  # (ns, dev, addr/len, family)
        self.up = set()

    def next_mac(self):
        self.mac += 1
        return "02:00:00:00:%02x:%02x" % (self.mac // 256, self.mac % 256)

    def ns_prefix(self, ns):
        if ns is None:
            return "ip "
        return self.pick(["ip -n %s " % ns, "ip netns exec %s ip " % ns])

    def any_ns(self):
        return self.pick([None] + self.netns)

    def dev_in(self, ns):
        return self.pick(self.links.setdefault(ns, ["lo"]))

    def bad_dev(self):
        return self.pick(["nope0", "eth9", "v99", "br-x"])

    # -- steps ---------------------------------------------------------------
    def netns_add(self):
        name = "ns%d" % (len(self.netns) + 1)
        if self.netns and self.r.random() < 0.15:
            name = self.pick(self.netns)  # a duplicate: EEXIST
        else:
            self.netns.append(name)
            self.links[name] = ["lo"]
        self.emit("ip netns add %s" % name)

    def veth(self):
        ns = self.any_ns()
        k = sum(len(v) for v in self.links.values())
        a, b = "va%d" % k, "vb%d" % k
        line = self.ns_prefix(ns) + "link add %s address %s type veth peer name %s address %s" % (
            a, self.next_mac(), b, self.next_mac())
        peer_ns = ns
        if self.netns and self.r.random() < 0.6:
            peer_ns = self.pick(self.netns)
            if peer_ns != ns:
                line += " netns %s" % peer_ns
        self.emit(line)
        self.links.setdefault(ns, ["lo"]).append(a)
        self.links.setdefault(peer_ns, ["lo"]).append(b)

    def bridge(self):
        ns = self.any_ns()
        name = "br%d" % len(self.lines)
        self.emit(self.ns_prefix(ns) + "link add %s address %s type bridge" % (name, self.next_mac()))
        self.links.setdefault(ns, ["lo"]).append(name)
        ports = [d for d in self.links[ns] if d.startswith("v")]
        if ports:
            self.emit(self.ns_prefix(ns) + "link set %s master %s" % (self.pick(ports), name))

    def vxlan(self):
        # vlan, dummy, macvlan and vrf are modules the recording kernel lacks.
        ns = self.any_ns()
        parents = [d for d in self.links.get(ns, []) if d.startswith("v")]
        vni = self.pick([10, 20, 16777215, 16777216])
        name = "vx%d" % len(self.lines)
        tail = self.pick(["dstport 4789", "dstport 4789 local 10.0.1.1", "dstport 0", "remote 10.0.1.2 dstport 4789",
                          "group 239.1.1.1 dstport 4789"])
        if parents and self.r.random() < 0.6:
            tail += " dev %s" % self.pick(parents)
        self.emit(self.ns_prefix(ns) + "link add %s address %s type vxlan id %d %s" % (name, self.next_mac(), vni, tail))
        if vni < 16777216 and "group" not in tail or "dev" in tail:
            self.links.setdefault(ns, ["lo"]).append(name)

    def link_set(self):
        ns = self.any_ns()
        dev = self.dev_in(ns) if self.r.random() < 0.9 else self.bad_dev()
        what = self.pick(["up", "up", "up", "down", "mtu 1400", "mtu 9000", "mtu 68", "mtu 67",
                          "address %s" % self.next_mac(), "address 01:00:5e:00:00:01",
                          "txqueuelen 500", "alias test", "arp off", "promisc on"])
        self.emit(self.ns_prefix(ns) + "link set dev %s %s" % (dev, what) if self.r.random() < 0.5
                  else self.ns_prefix(ns) + "link set %s %s" % (dev, what))
        if what == "up":
            self.up.add((ns, dev))
        elif what == "down":
            self.up.discard((ns, dev))

    def link_rename(self):
        ns = self.any_ns()
        devs = [d for d in self.links.get(ns, []) if d != "lo"]
        if not devs:
            return self.link_set()
        d = self.pick(devs)
        new = d + "x" if self.r.random() < 0.8 else self.pick(["lo", "a b", "x" * 16, devs[0]])
        self.emit(self.ns_prefix(ns) + "link set dev %s name %s" % (d, new if " " not in new else '"%s"' % new))
        if new != d and new not in self.links[ns] and len(new) <= 15 and " " not in new \
                and (ns, d) not in self.up:
            self.links[ns][self.links[ns].index(d)] = new

    def addr_add(self):
        ns = self.any_ns()
        dev = self.dev_in(ns) if self.r.random() < 0.92 else self.bad_dev()
        if self.r.random() < 0.6:
            net = self.pick(["10.0.1", "10.0.2", "192.168.5", "172.16.0"])
            host = self.pick([1, 2, 3, 254])
            plen = self.pick([24, 24, 24, 16, 32, 30, 31])
            a = "%s.%d/%d" % (net, host, plen)
            fam = 4
        else:
            net = self.pick(["2001:db8:1::", "2001:db8:2::", "fd00::", "fe80::"])
            a = "%s%d/%d" % (net, self.pick([1, 2, 3]), self.pick([64, 64, 128, 48]))
            fam = 6
        extra = self.pick(["", "", "", " preferred_lft 0", " noprefixroute",
                           " label %s:1" % dev, " metric 50", " nodad" if fam == 6 else " broadcast +",
                           " home" if fam == 6 else " peer 10.9.9.9", " valid_lft forever preferred_lft 0"])
        self.emit(self.ns_prefix(ns) + "addr add %s dev %s%s" % (a, dev, extra))
        self.addrs.append((ns, dev, a, fam))

    def addr_del(self):
        if not self.addrs:
            return self.addr_add()
        ns, dev, a, _ = self.pick(self.addrs)
        self.emit(self.ns_prefix(ns) + "addr del %s dev %s" % (a, dev))

    def route_add(self):
        ns = self.any_ns()
        fam = self.pick([4, 4, 6])
        if fam == 4:
            dst = self.pick(["10.5.0.0/16", "10.6.1.0/24", "default", "192.0.2.0/24", "10.7.7.7"])
            gw = self.pick(["10.0.1.2", "10.0.2.3", "192.168.5.1", "10.0.1.254", "172.16.0.2"])
        else:
            dst = self.pick(["2001:db8:5::/64", "default", "2001:db8:7::/48", "fd01::/64"])
            gw = self.pick(["2001:db8:1::2", "2001:db8:2::3", "fe80::1", "fd00::2"])
        dev = self.dev_in(ns)
        kind = self.r.random()
        verb = self.pick(["add", "add", "add", "replace", "append", "change", "prepend"])
        pre = self.ns_prefix(ns) + ("-6 " if fam == 6 and self.r.random() < 0.5 else "")
        if kind < 0.15:
            line = "route %s %s %s" % (verb, self.pick(["blackhole", "unreachable", "prohibit", "throw"]), dst)
        elif kind < 0.3:
            line = "route %s %s dev %s" % (verb, dst, dev)
        elif kind < 0.45:
            o = "10.0.1.9" if fam == 4 else "2001:db8:1::9"
            line = "route %s %s nexthop via %s nexthop via %s" % (verb, dst, gw, o)
            if self.r.random() < 0.5:
                line += " weight 3"
        else:
            line = "route %s %s via %s" % (verb, dst, gw)
            if self.r.random() < 0.4:
                line += " dev %s" % dev
        line += self.pick(["", "", "", " metric 100", " table 100", " table main", " proto static",
                           " src 10.0.1.1" if fam == 4 else " src 2001:db8:1::1", " onlink", " mtu 1300",
                           " scope link", " table 254 metric 5", " tos 0x10", " dsfield 0x03"])
        self.emit(pre + line)

    def route_del(self):
        ns = self.any_ns()
        dst = self.pick(["10.5.0.0/16", "default", "192.0.2.0/24", "2001:db8:5::/64", "10.9.0.0/16"])
        self.emit(self.ns_prefix(ns) + "route del %s%s" % (dst, self.pick(["", " table 100", " metric 100"])))

    def rule(self):
        ns = self.any_ns()
        fam = self.pick(["", "", "-6 "])
        if self.r.random() < 0.75:
            sel = self.pick(["from 10.0.1.0/24", "to 10.5.0.0/16", "iif lo", "fwmark 0x1", "oif %s" % self.dev_in(ns),
                             "from all", "tos 0x10", "ipproto tcp", "dport 80", "not from 10.0.0.0/8",
                             "from 2001:db8::/32" if fam else "sport 1000-2000"])
            act = self.pick(["table 100", "lookup 200", "table main", "prohibit", "blackhole", "unreachable",
                             "goto 32766", "table 100 pref 100", "priority 5 table 7"])
            self.emit(self.ns_prefix(ns) + "%srule add %s %s" % (fam, sel, act))
        else:
            self.emit(self.ns_prefix(ns) + "%srule del %s" % (fam, self.pick(["pref 100", "table 100", "priority 5",
                                                                                "from 10.0.1.0/24", "table 9"])))

    def neigh(self):
        ns = self.any_ns()
        dev = self.dev_in(ns)
        v = self.pick(["add", "add", "replace", "change", "del"])
        a = self.pick(["10.0.1.7", "10.0.1.8", "2001:db8:1::7", "fe80::7", "10.0.9.9"])
        tail = self.pick([" lladdr 02:00:00:aa:00:01 nud permanent", " lladdr 02:00:00:aa:00:02",
                          " lladdr 02:00:00:aa:00:03 nud reachable", " nud noarp", " proxy", ""])
        if v == "del":
            tail = ""
        self.emit(self.ns_prefix(ns) + "neigh %s %s dev %s%s" % (v, a, dev, tail))

    def sysctl(self):
        ns = self.any_ns()
        key = self.pick(["net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1", "net.ipv4.conf.all.rp_filter=1",
                         "net.ipv6.conf.all.disable_ipv6=1", "net.ipv4.ip_default_ttl=5",
                         "net.ipv4.conf.default.arp_ignore=1", "net.ipv4.icmp_echo_ignore_all=1",
                         "net.ipv4.nope=1", "net.ipv4.ip_forward=2"])
        pre = "" if ns is None else "ip netns exec %s " % ns
        self.emit(pre + "sysctl -w " + key)

    def listing(self):
        ns = self.any_ns()
        opts = self.pick(["", "", "-br ", "-j ", "-d ", "-o ", "-4 ", "-6 ", "-br -4 ", "-j -p "])
        obj = self.pick(["link", "link", "addr", "addr", "route", "route", "-6 route", "rule", "neigh",
                         "route show table all", "route show table 100", "link show type veth",
                         "link show type bridge", "addr show dev %s" % self.dev_in(ns), "route get 10.5.1.1",
                         "route get 2001:db8:5::1", "-s link show lo", "route list match 10.5.0.0/16",
                         "link show up", "addr show scope global"])
        if obj.startswith("-") and opts.startswith(("-4", "-6")):
            opts = ""
        pre = self.ns_prefix(ns)
        self.emit(pre + opts + obj)

    def bridge_cmd(self):
        ns = self.any_ns()
        pre = "bridge " if ns is None else "ip netns exec %s bridge " % ns
        self.emit(pre + self.pick(["link", "fdb show", "vlan", "-d link", "-j vlan"]))

    def delete(self):
        ns = self.any_ns()
        devs = [d for d in self.links.get(ns, []) if d != "lo"]
        if devs and self.r.random() < 0.8:
            d = self.pick(devs)
            self.emit(self.ns_prefix(ns) + "link del %s" % d)
            self.links[ns].remove(d)
        elif self.netns and self.r.random() < 0.5:
            n = self.pick(self.netns)
            self.emit("ip netns del %s" % n)
            self.netns.remove(n)
            self.links.pop(n, None)
        else:
            self.emit(self.ns_prefix(ns) + "link del %s" % self.bad_dev())

    def error(self):
        self.emit(self.pick(["ip link add name %s type veth" % ("x" * 16), "ip link set nope up",
                             "ip addr add 10.0.0.1/33 dev lo", "ip route add 10.1.0.0/16 via 10.99.0.1",
                             "ip link add lo type veth", "ip addr add 1.2.3.4 dev", "ip route add", "ip rule add table",
                             "ip link add v type nosuchkind", "ip neigh add 10.0.0.1 dev nope", "ip -6 addr add 10.0.0.1/8 dev lo",
                             "ip route add 10.0.0.0/8 dev lo metric x", "ip link set lo mtu 70000",
                             "ip netns add ''", "ip netns exec nons ip link", "ip addr flush dev nope"]))

    def traffic(self):
        if not self.addrs:
            return self.addr_add()
        ns = self.any_ns()
        fam_ok = [a for a in self.addrs if not a[2].startswith("fe80")]
        if not fam_ok:
            return self.listing()
        _, _, a, fam = self.pick(fam_ok)
        addr = a.split("/")[0]
        pre = "" if ns is None else "ip netns exec %s " % ns
        if self.r.random() < 0.7:
            self.emit(pre + "ping -c %d -W 1 %s%s" % (self.pick([1, 2]), "-q " if self.r.random() < 0.3 else "", addr))
        else:
            self.emit(pre + "traceroute -n -q 1 -w 1 -m 3 %s" % addr)

    def generate(self):
        steps = [(self.netns_add, 6), (self.veth, 9), (self.bridge, 3), (self.vxlan, 2), (self.link_set, 10),
                 (self.link_rename, 2), (self.addr_add, 10), (self.addr_del, 2), (self.route_add, 10),
                 (self.route_del, 3), (self.rule, 4), (self.neigh, 4), (self.sysctl, 3), (self.listing, 14),
                 (self.bridge_cmd, 2), (self.delete, 3), (self.error, 3), (self.traffic, 4)]
        fns = [f for f, _ in steps]
        weights = [w for _, w in steps]
        while len(self.lines) < self.n:
            self.r.choices(fns, weights)[0]()
        return self.lines[: self.n]


# ---------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------
def normalise(text):
    p = subprocess.run(["sed", "-E", "-f", FILTER], input=text.encode(), stdout=subprocess.PIPE, check=True)
    return p.stdout.decode(errors="replace")


def run_kernel(lines):
    """The recorder's own runner, in a fresh network and mount namespace."""
    with tempfile.TemporaryDirectory() as d:
        scen, out = os.path.join(d, "s.sh"), os.path.join(d, "s.out")
        with open(scen, "w") as f:
            f.write("\n".join(lines) + "\n")
        subprocess.run(["unshare", "--net", "--mount", "--", "bash", RECORDER, "--world", scen, out],
                       check=True, stdin=subprocess.DEVNULL)
        with open(out, errors="replace") as f:
            return f.read()


def iplab_feed(lines):
    """What iplab reads: each line, then `echo MARK $?` for its exit status."""
    return "".join("%s\necho %s $?\n" % (l, MARK) for l in lines).encode()


def run_iplab(lines):
    """target/debug/iplab on the same lines; after each, its exit status is
    asked with `echo` and written as the recorder writes it."""
    p = subprocess.run([IPLAB], input=iplab_feed(lines), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=120)
    return transcript(lines, p.stdout.decode(errors="replace"))


def transcript(lines, text):
    """iplab's output for `lines` (fed by iplab_feed) in a recorded
    transcript's form: `$ LINE`, its output, `[exit N]` when not 0."""
    parts = re.split(re.escape(MARK) + r" (\d+)\n", text)
    out = []
    for i, line in enumerate(lines):
        if 2 * i + 1 >= len(parts):
            break
        out.append("$ %s\n" % line)
        out.append(parts[2 * i])
        status = int(parts[2 * i + 1])
        if status:
            out.append("[exit %d]\n" % status)
    return "".join(out)


def first_difference(lines):
    """(line number in the transcript, kernel text, iplab text) or None."""
    k = normalise(run_kernel(lines)).splitlines()
    i = normalise(run_iplab(lines)).splitlines()
    for n in range(max(len(k), len(i))):
        a = k[n] if n < len(k) else "<end>"
        b = i[n] if n < len(i) else "<end>"
        if a != b:
            return n, k, i
    return None


def command_of(transcript, n):
    """The session line whose output holds transcript line n."""
    for j in range(n, -1, -1):
        if transcript[j].startswith("$ "):
            return transcript[j][2:]
    return None


def signature(diff):
    n, k, i = diff
    cmd = command_of(k, n)
    return (cmd, k[n] if n < len(k) else "<end>", i[n] if n < len(i) else "<end>")


def minimise(lines, diff, keep=0):
    """Drops lines (after the differing command, then one at a time before
    it, never the first `keep`: a generator's fixed set-up) while the same
    command still shows the same first difference."""
    sig = signature(diff)
    cmd = sig[0]
    if cmd in lines:
        lines = lines[: lines.index(cmd) + 1]
    j = len(lines) - 2
    while j >= keep:
        trial = lines[:j] + lines[j + 1:]
        d = first_difference(trial)
        if d is not None and signature(d) == sig:
            lines = trial
        j -= 1
    return lines


def show(diff, context=3):
    n, k, i = diff
    lo = max(0, n - context)
    print("  kernel:")
    for x in k[lo: n + context]:
        print("    " + x)
    print("  iplab:")
    for x in i[lo: n + context]:
        print("    " + x)


def kernel_repeats(lines, diff):
    """None when a second kernel run of `lines` gives the same transcript as
    the first in `diff`; otherwise the command where the two kernel runs
    part (a timing difference, not iplab's)."""
    again = normalise(run_kernel(lines)).splitlines()
    first = diff[1]
    if again == first:
        return None
    n = next(j for j in range(max(len(again), len(first)))
             if j >= min(len(again), len(first)) or again[j] != first[j])
    return command_of(first, min(n, len(first) - 1))


def drive(name, session, safe, default_lines, doc, lines_help=None, keep=0, check=None, retry_kernel=False):
    """The command line every generator shares: `--seed N | --seeds A-B`,
    `--lines`, `--no-min`, `--show`. For each seed, `session(seed, lines)`
    gives the lines; each must match `safe` (and pass `check`, which returns
    a reason to refuse or None); then the kernel and iplab are compared and
    a difference is minimised, never dropping the first `keep` lines. With
    `retry_kernel`, a difference the kernel does not repeat on a second run
    is reported as timing and skipped. Returns the exit status."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--seeds", default="1-10", help="A-B, inclusive")
    ap.add_argument("--lines", type=int, default=default_lines, help=lines_help)
    ap.add_argument("--no-min", action="store_true", help="do not minimise")
    ap.add_argument("--show", action="store_true", help="print the session and exit")
    ap.add_argument("--iplab", metavar="FILE", help="print iplab's transcript of FILE's lines and exit")
    a = ap.parse_args()
    if a.iplab:
        with open(a.iplab) as f:
            lines = [l for l in f.read().splitlines() if l.strip() and not l.lstrip().startswith("#")]
        sys.stdout.write(run_iplab(lines))
        return 0
    if a.seed is not None:
        seeds = [a.seed]
    else:
        lo, hi = (int(x) for x in a.seeds.split("-"))
        seeds = range(lo, hi + 1)
    if not a.show and not os.access(IPLAB, os.X_OK):
        sys.exit("%s: build target/debug/iplab first (cargo build --bin iplab)" % name)
    bad = 0
    for seed in seeds:
        lines = session(seed, a.lines)
        unsafe = [l for l in lines if not safe.match(l)]
        if unsafe:
            sys.exit("%s: seed %d generated a line outside the allowlist: %s" % (name, seed, unsafe[0]))
        refused = check(lines) if check else None
        if refused:
            sys.exit("%s: seed %d: refused: %s" % (name, seed, refused))
        if a.show:
            print("# seed %d" % seed)
            print("\n".join(lines))
            continue
        d = first_difference(lines)
        if d is None:
            print("seed %d: same" % seed, flush=True)
            continue
        if retry_kernel:
            part = kernel_repeats(lines, d)
            if part is not None:
                print("seed %d: the kernel's own runs differ (timing) at: %s; skipped" % (seed, part), flush=True)
                continue
        bad += 1
        print("seed %d: differs at: %s" % (seed, signature(d)[0]))
        show(d)
        if not a.no_min:
            m = minimise(lines, d, keep)
            print("  minimised session (%d lines):" % len(m))
            for l in m:
                print("    " + l)
        sys.stdout.flush()
    if not a.show:
        print("%d seeds, %d differ" % (len(seeds), bad))
    return 1 if bad else 0


def main():
    return drive("run.py", lambda seed, n: Session(seed, n).generate(), SAFE, 20, __doc__)


if __name__ == "__main__":
    sys.exit(main())
