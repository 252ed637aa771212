"""nf_tables over NETLINK_NETFILTER: the requests the real nft 1.0.6 and
iptables 1.8.9 send (captured by capture.py into netfilter_requests.json),
sent again byte for byte, one socket per program run as the programs open one."""

import json
import os

from . import case
from .common import *  # noqa: F401,F403

REQUESTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "netfilter_requests.json")


def captured(script):
    with open(REQUESTS) as f:
        return json.load(f)[script]


def replay_script(s, script, monitor=False):
    """Opens a socket per command (and a NFNLGRP_NFTABLES listener when asked),
    then sends every captured datagram; the listener is drained after each command."""
    cmds = captured(script)
    mon = s.socket(ext_ack=False, memberships=(NFNLGRP_NFTABLES,), protocol=NETLINK_NETFILTER) if monitor else None
    socks = [s.socket(ext_ack=c["ext_ack"], protocol=NETLINK_NETFILTER) for c in cmds]
    for sock, c in zip(socks, cmds):
        for d in c["datagrams"]:
            s.send(sock, bytes.fromhex(d), settle=0)
        if mon is not None:
            s.drain(mon)


def script_case(script, comment, monitor=False):
    name = "nft/" + script + ("-monitor" if monitor else "")
    commands = "; ".join(c["command"] for c in captured(script))
    case(name, comment + " Commands: " + commands)(lambda s: replay_script(s, script, monitor))


script_case("nft-table", """Tables: add (idempotent without NLM_F_EXCL), create of an existing one
            (EEXIST), list, delete, delete of a missing one (ENOENT). Every batch
            answers with NFT_MSG_NEWGEN notifications only to listeners.""")
script_case("nft-chain", """Base chain with hook, priority and policy in the inet family,
            a regular chain, the ruleset dump, chain deletion.""")
script_case("nft-rule", """Rules with payload/cmp/bitwise, meta iifname/oifname,
            ct state, reject, counters, insert at the front, handles, delete
            by handle, flush of a chain.""")
script_case("nft-nat", """NAT chains and masquerade, dnat with port, redirect, snat.""")
script_case("nft-errors", """Kernel errors inside batches: a chain type the hook does
            not allow (EOPNOTSUPP, no extack), missing chain and rule (ENOENT with the
            offending attribute's offset); deleting a table takes its chains along.""")
script_case("nft-flush", """flush ruleset removes every table of every family.""")
script_case("nft-set", """Sets: anonymous sets of ports and of prefixes (NFT_SET_INTERVAL
            with end elements), a verdict map, an inverted lookup, all made in the
            rule's batch by NFTA_SET_ID; a named interval set with elements added
            and deleted and a rule looking it up; deleting a set in use (EBUSY);
            deleting a rule takes its anonymous set along; GETSET and GETSETELEM
            dumps.""")
script_case("iptables-filter", """iptables-nft: rules in the filter table (native
            payload/meta expressions, conntrack and REJECT through xt compat),
            listing, deletion by number, policy, user chains.""")
script_case("nft-set-types", """Sets keyed on other types: meta l4proto { tcp, udp }
            (inet_proto, 1 byte, a meta typeof), its verdict map, a named
            inet_proto set with elements and an @lookup; iifname and
            oifname != sets (ifname, 16 bytes); ct state sets and maps
            (ct_state, 4 bytes, a ct typeof); icmp type and icmpv6 type
            sets (icmp_type, icmpv6_type, 1 byte, a payload typeof), an ip
            protocol set and an ip6 nexthdr map (inet_proto, big endian,
            a payload typeof). Not listed: the kernel
            dumps hashed elements in an order its random seed picks.""")
script_case("iptables-nat", """iptables-nft nat table: MASQUERADE, DNAT, REDIRECT, SNAT.""")
script_case("iptables-ports", """iptables-nft port matches: a range (the range
            expression), 0:N (cmp lte), N:65535 (a range), one port (cmp eq);
            listed back by iptables -S and nft.""")
script_case("iptables-limit", """iptables-nft -m limit: nft's limit expression
            (rate per the largest whole unit, burst 0 made 5 by the kernel),
            listed back by iptables -S and nft.""")
script_case("ip6tables-rules", """ip6tables-nft: icmp6 (xt compat), limit, LOG,
            multiport, comment, conntrack, REJECT tcp-reset and icmp6 types in
            the ip6 filter table.""")
script_case("iptables-matches", """iptables-nft: conntrack states with '!', mac,
            iprange and addrtype (xt compat), tcp flags and --syn (payload,
            bitwise, cmp), RETURN in the nat table.""")
script_case("iptables-reject", """REJECT's checks through nft_compat: tcp-reset is
            EINVAL unless NFTA_RULE_COMPAT says TCP (IPv4 and IPv6).""")
script_case("iptables-chain-commands", """iptables -E (NEWCHAIN by handle with a new
            name; the jump follows), -C, -R, -Z and -L -Z (base chains sent
            again with zero counters, the missing built-ins made).""")
script_case("nft-rule", """The same rule script seen by a NFNLGRP_NFTABLES listener:
            NEWTABLE/NEWCHAIN/NEWRULE/DEL* notifications and NEWGEN after
            every batch.""", monitor=True)


@case("nft/unprivileged", """A socket without CAP_NET_ADMIN: nft's batch is refused
      with EPERM; the generation can still be read.""")
def _(s):
    cmds = captured("nft-table")
    sk = s.socket(ext_ack=True, privileged=False, protocol=NETLINK_NETFILTER)
    for d in cmds[0]["datagrams"]:
        s.send(sk, bytes.fromhex(d), settle=0)
