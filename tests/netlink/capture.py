#!/usr/bin/env python3
"""Captures the nfnetlink requests the real `nft` and `iptables` send.

    sudo python3 tests/netlink/capture.py          write cases/netfilter_requests.json
    sudo python3 tests/netlink/capture.py --print  show them instead

Each script below runs in a fresh network namespace (a forked child that calls
unshare(CLONE_NEWNET)); every command line runs under `strace -xx -e write=all`,
and every datagram the program sent on a NETLINK_NETFILTER socket is kept, in
order, with the socket options it set.  cases/netfilter.py then sends those
bytes through the recorder (record.py), which records the kernel's replies the
usual way.  The programs' sequence numbers do not depend on the clock (nft 1.0.6
and iptables 1.8.9 count from 0), so the captures are stable.
"""

import ctypes
import json
import os
import re
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases", "netfilter_requests.json")
CLONE_NEWNET = 0x40000000

# name -> command lines, run in order in one fresh namespace.
SCRIPTS = {
    "nft-table": [
        "nft add table ip t",
        "nft list tables",
        "nft add table ip t",
        "nft create table ip t",
        "nft delete table ip t",
        "nft delete table ip t",
    ],
    "nft-chain": [
        "nft add table inet f",
        "nft add chain inet f input { type filter hook input priority 0 ; policy drop ; }",
        "nft add chain inet f user",
        "nft list ruleset",
        "nft delete chain inet f user",
        "nft list chains",
    ],
    "nft-rule": [
        "nft add table ip t",
        "nft add chain ip t c { type filter hook forward priority 0 ; }",
        "nft add rule ip t c ip saddr 10.0.0.0/8 tcp dport 22 counter accept",
        "nft add rule ip t c iifname v0 oifname v1 drop",
        "nft add rule ip t c ct state established,related accept",
        "nft add rule ip t c meta l4proto icmp icmp type echo-request reject",
        "nft insert rule ip t c ip daddr 10.1.2.3 counter drop",
        "nft -a list ruleset",
        "nft delete rule ip t c handle 3",
        "nft -a list chain ip t c",
        "nft flush chain ip t c",
        "nft list table ip t",
    ],
    "nft-nat": [
        "nft add table ip nat",
        "nft add chain ip nat post { type nat hook postrouting priority 100 ; }",
        "nft add chain ip nat pre { type nat hook prerouting priority -100 ; }",
        "nft add rule ip nat post oifname v0 masquerade",
        "nft add rule ip nat pre tcp dport 80 dnat to 10.0.0.2:8080",
        "nft add rule ip nat pre udp dport 53 redirect to :5353",
        "nft add rule ip nat post ip saddr 10.0.0.0/24 snat to 192.168.1.1",
        "nft list ruleset",
    ],
    "nft-errors": [
        "nft add table ip t",
        "nft add chain ip t c { type route hook input priority 0 ; }",
        "nft add chain ip t c { type nat hook forward priority 0 ; }",
        "nft delete chain ip t nope",
        "nft delete rule ip t c handle 99",
        "nft add chain ip t c",
        "nft delete table ip t",
        "nft list ruleset",
    ],
    "nft-flush": [
        "nft add table ip a",
        "nft add table inet b",
        "nft add chain inet b c { type filter hook output priority 0 ; }",
        "nft add rule inet b c counter",
        "nft flush ruleset",
        "nft list ruleset",
    ],
    "nft-set": [
        "nft add table inet f",
        "nft add chain inet f input { type filter hook input priority 0 ; }",
        "nft add rule inet f input tcp dport { 22, 80, 443 } accept",
        "nft add rule inet f input ip saddr { 10.0.0.0/8, 192.168.0.0/16 } drop",
        "nft add rule inet f input tcp dport vmap { 22 : accept, 80 : drop }",
        "nft add rule inet f input tcp dport != { 1000-2000, 3000 } accept",
        "nft -a list ruleset",
        "nft add set inet f blk { type ipv4_addr ; flags interval ; }",
        "nft add element inet f blk { 10.0.0.1, 172.16.0.0/12 }",
        "nft add rule inet f input ip saddr @blk drop",
        "nft delete element inet f blk { 10.0.0.1 }",
        "nft list sets",
        "nft delete set inet f blk",
        "nft delete rule inet f input handle 3",
        "nft list ruleset",
    ],
    "nft-set-types": [
        "nft add table inet f",
        "nft add chain inet f input { type filter hook input priority 0 ; }",
        "nft add rule inet f input meta l4proto { tcp, udp } accept",
        "nft add rule inet f input meta l4proto vmap { tcp : accept, udp : drop }",
        "nft add set inet f protos { type inet_proto ; }",
        "nft add element inet f protos { tcp, sctp }",
        "nft add rule inet f input meta l4proto @protos accept",
        "nft add rule inet f input iifname { \"lo\", \"veth0\" } accept",
        "nft add rule inet f input oifname != { \"eth0\", \"eth1\" } drop",
        "nft add rule inet f input ct state { established, related } accept",
        "nft add rule inet f input ct state vmap { established : accept, invalid : drop }",
        "nft add rule inet f input icmp type { echo-request, echo-reply } accept",
        "nft add rule inet f input icmpv6 type { nd-neighbor-solicit, echo-request } accept",
        "nft add rule inet f input ip protocol { tcp, udp } accept",
        "nft add rule inet f input ip6 nexthdr vmap { tcp : accept, udp : drop }",
    ],
    "nft-match-more": [
        "nft add table inet f",
        "nft add chain inet f input { type filter hook input priority 0 ; }",
        "nft add rule inet f input tcp flags syn / syn,ack counter drop",
        "nft add rule inet f input tcp flags & (syn|ack) == syn accept",
        "nft add rule inet f input tcp flags { syn, ack } accept",
        "nft add rule inet f input tcp flags ! rst",
        "nft add rule inet f input tcp flags != syn",
        "nft add rule inet f input th dport 22 accept",
        "nft add rule inet f input th sport { 22, 80 } accept",
        "nft add rule inet f input tcp dport != 1000-2000 drop",
        "nft add set inet f ifs { type ifname ; }",
        "nft add element inet f ifs { \"lo\", \"veth0\" }",
        "nft add rule inet f input iifname @ifs accept",
        "nft add set inet f states { type ct_state ; }",
        "nft add element inet f states { established, related }",
        "nft add rule inet f input ct state @states accept",
        "nft add set inet f tf { type tcp_flag ; }",
        "nft add element inet f tf { syn, fin }",
        "nft add rule inet f input tcp flags @tf drop",
    ],
    "iptables-filter": [
        "iptables -A FORWARD -s 10.0.0.0/8 -p tcp --dport 22 -j ACCEPT",
        "iptables -A FORWARD -i v0 -o v1 -j DROP",
        "iptables -I FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT",
        "iptables -A INPUT -p icmp --icmp-type echo-request -j REJECT",
        "iptables -L -n -v",
        "iptables -S",
        "iptables -D FORWARD 2",
        "iptables -P FORWARD DROP",
        "iptables -N user",
        "iptables -A user -j RETURN",
        "iptables -X user",
        "iptables -F user",
        "iptables -X user",
        "iptables-save",
    ],
    "iptables-nat": [
        "iptables -t nat -A POSTROUTING -o v0 -j MASQUERADE",
        "iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.2:8080",
        "iptables -t nat -A PREROUTING -p udp --dport 53 -j REDIRECT --to-ports 5353",
        "iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -j SNAT --to-source 192.168.1.1",
        "iptables -t nat -L -n",
        "nft list ruleset",
    ],
    "iptables-ports": [
        "iptables -A FORWARD -p udp --dport 33000:34000 -j DROP",
        "iptables -A FORWARD -p tcp --sport 0:100 -j ACCEPT",
        "iptables -A FORWARD -p tcp --dport 1024:65535 -j ACCEPT",
        "iptables -A FORWARD -p udp --sport 53 -j ACCEPT",
        "iptables -S FORWARD",
        "nft list chain ip filter FORWARD",
    ],
    "iptables-limit": [
        "iptables -A INPUT -p tcp --dport 22 -m limit --limit 3/min --limit-burst 5 -j ACCEPT",
        "iptables -A INPUT -m limit --limit 10/s -j LOG",
        "iptables -A INPUT -m limit --limit 7/day --limit-burst 0",
        "iptables -S INPUT",
        "nft list chain ip filter INPUT",
    ],
    "ip6tables-rules": [
        "ip6tables -A INPUT -p icmpv6 --icmpv6-type echo-request -m limit --limit 1/min -j ACCEPT",
        "ip6tables -A INPUT -p icmpv6 ! --icmpv6-type 1/4 -j LOG --log-prefix v6",
        "ip6tables -A INPUT -p tcp -m multiport --dports 80,443 -m comment --comment web -j ACCEPT",
        "ip6tables -A INPUT -m conntrack --ctstate ESTABLISHED -j ACCEPT",
        "ip6tables -A INPUT -p tcp -j REJECT --reject-with tcp-reset",
        "ip6tables -A INPUT -s 2001:db8::/32 -j REJECT",
        "ip6tables -S",
    ],
    "iptables-matches": [
        "iptables -A INPUT -m conntrack ! --ctstate INVALID,UNTRACKED,SNAT,DNAT -j DROP",
        "iptables -A INPUT -m mac --mac-source 02:00:00:00:00:0a -j ACCEPT",
        "iptables -A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 ! --dst-range 10.1.0.0-10.1.0.255",
        "iptables -A INPUT -p tcp --dport 22 --tcp-flags SYN,RST SYN",
        "iptables -A INPUT -p tcp ! --syn -j DROP",
        "iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j RETURN",
        "iptables -t nat -A OUTPUT -m addrtype ! --dst-type LOCAL,BROADCAST --limit-iface-out",
        "iptables -S",
    ],
    "iptables-reject": [
        "iptables -A INPUT -j REJECT --reject-with tcp-reset",
        "iptables -A INPUT -p tcp -j REJECT --reject-with tcp-reset",
        "ip6tables -A INPUT -p udp -j REJECT --reject-with tcp-reset",
        "ip6tables -A INPUT -p tcp -j REJECT --reject-with tcp-reset",
    ],
    "iptables-chain-commands": [
        "iptables -N old",
        "iptables -A old -j RETURN",
        "iptables -A INPUT -j old",
        "iptables -E old new",
        "iptables -E nope x",
        "iptables -A INPUT -p tcp --dport 22 -j ACCEPT",
        "iptables -C INPUT -p tcp --dport 22 -j ACCEPT",
        "iptables -R INPUT 2 -p tcp --dport 2222 -j ACCEPT",
        "iptables -Z -v",
        "iptables -L -Z",
        "iptables -S",
    ],
}

SOCKET_RE = re.compile(r"^socket\(AF_NETLINK, [A-Z_|]+, NETLINK_NETFILTER\) = (\d+)")
ANY_SOCKET_RE = re.compile(r"^socket\(.*\) = (\d+)")
CLOSE_RE = re.compile(r"^close\((\d+)\)")
SEND_RE = re.compile(r"^(sendto|sendmsg)\((\d+),")
SETSOCKOPT_RE = re.compile(r"^setsockopt\((\d+), SOL_NETLINK, (NETLINK_[A-Z_]+), \[(\d+)\]")
HEX_RE = re.compile(r"^ \| [0-9a-f]{5}  ")


def parse_trace(text):
    """The netfilter datagrams and socket options of one strace -xx -e write=all log."""
    nf_fds, options, datagrams = set(), {}, []
    current = None
    for line in text.splitlines():
        m = SOCKET_RE.match(line)
        if m:
            nf_fds.add(int(m.group(1)))
            continue
        # A descriptor number used again (glibc's own NETLINK_ROUTE socket
        # for getaddrinfo, say) is no longer the netfilter socket.
        m = ANY_SOCKET_RE.match(line) or CLOSE_RE.match(line)
        if m:
            nf_fds.discard(int(m.group(1)))
            continue
        m = SETSOCKOPT_RE.match(line)
        if m and int(m.group(1)) in nf_fds:
            options[m.group(2)] = int(m.group(3))
            continue
        m = SEND_RE.match(line)
        if m:
            current = bytearray() if int(m.group(2)) in nf_fds else None
            if current is not None:
                datagrams.append(current)
            continue
        m = HEX_RE.match(line)
        if m and current is not None:
            # 16 bytes as "xx " with one more space after the eighth, then ASCII.
            current.extend(bytes.fromhex("".join(line[10:59].split())))
            continue
        if not line.startswith(" "):
            current = None
    return [bytes(d).hex() for d in datagrams], options


def run_script(lines):
    """Runs the lines in a fresh namespace (in a child); returns the captures."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        code = 1
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.unshare(CLONE_NEWNET) != 0:
                raise OSError(ctypes.get_errno(), "unshare(CLONE_NEWNET)")
            out = []
            for line in lines:
                argv = shlex.split(line)
                p = subprocess.run(["strace", "-xx", "-s", "65535", "-e", "trace=socket,setsockopt,sendto,sendmsg",
                                    "-e", "write=all", "-o", "/dev/stderr"] + argv,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                dgrams, opts = parse_trace(p.stderr)
                out.append({"command": line, "ext_ack": opts.get("NETLINK_EXT_ACK", 0) == 1, "datagrams": dgrams})
            with os.fdopen(w, "w") as f:
                json.dump(out, f)
            code = 0
        finally:
            os._exit(code)
    os.close(w)
    with os.fdopen(r) as f:
        data = f.read()
    _, status = os.waitpid(pid, 0)
    if status != 0:
        raise SystemExit("capture failed")
    return json.loads(data)


def main():
    if os.geteuid() != 0:
        print("capture.py must run as root (it creates network namespaces)", file=sys.stderr)
        return 2
    doc = {name: run_script(lines) for name, lines in SCRIPTS.items()}
    if "--print" in sys.argv:
        for name, cmds in doc.items():
            for c in cmds:
                print("%s: %s (%d datagrams)" % (name, c["command"], len(c["datagrams"])))
        return 0
    with open(OUT, "w") as f:
        f.write(json.dumps(doc, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
