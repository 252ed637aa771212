"""Policy routing rules: RTM_NEWRULE / RTM_DELRULE / RTM_GETRULE."""

from . import case
from .common import *  # noqa: F401,F403
from .route import lab, via

RULE4 = group_mask(RTNLGRP_IPV4_RULE)


def add_rule(s, sk, family, attrs, table=100, action=FR_ACT_TO_TBL, nlflags=CREATE_EXCL, **kw):
    """`ip rule add ... lookup TABLE`: as iproute2, a table below 256 goes in the
    header, a larger one in FRA_TABLE (header table RT_TABLE_UNSPEC)."""
    if action != FR_ACT_TO_TBL:
        table = 0
    elif table >= 256:
        attrs = attrs + a_u32(FRA_TABLE, table)
    return s.ask(sk, RTM_NEWRULE, nlflags, rule_body(family, table, action, attrs, **kw))


def prio(n):
    return a_u32(FRA_PRIORITY, n)


def del_rule(s, sk, family, attrs, table=0, action=0, **kw):
    """`ip rule del ...`."""
    return s.ask(sk, RTM_DELRULE, REQ_ACK, rule_body(family, table, action, attrs, **kw))


@case("rule/dump-defaults",
      """The default rules: IPv4 0 local, 32766 main, 32767 default; IPv6 0 local and
      32766 main; AF_UNSPEC dumps every family.""")
def _(s):
    sk = s.socket()
    dump_rules(s, sk, AF_INET)
    dump_rules(s, sk, AF_INET6)
    dump_rules(s, sk, AF_UNSPEC)


@case("rule/add-selectors",
      """IPv4 rules with each selector: from, to, iif, oif, fwmark/mask, tos,
      ipproto with sport/dport ranges, uidrange, a table above 255 and no
      selector at all; the dump lists them by priority.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=RULE4)
    add_rule(s, sk, AF_INET, prio(100) + a_ip(FRA_SRC, "10.9.0.0"), src_len=16)
    add_rule(s, sk, AF_INET, prio(101) + a_ip(FRA_DST, "192.0.2.0"), dst_len=24)
    add_rule(s, sk, AF_INET, prio(102) + a_str(FRA_IIFNAME, "lo"), table=RT_TABLE_MAIN)
    add_rule(s, sk, AF_INET, prio(103) + a_str(FRA_OIFNAME, "va"))
    add_rule(s, sk, AF_INET, prio(104) + a_u32(FRA_FWMARK, 0x10) + a_u32(FRA_FWMASK, 0xFF))
    add_rule(s, sk, AF_INET, prio(105), tos=0x10)
    add_rule(s, sk, AF_INET, prio(106) + a_u8(FRA_IP_PROTO, IPPROTO_TCP)
             + attr(FRA_SPORT_RANGE, port_range(1000, 2000)) + attr(FRA_DPORT_RANGE, port_range(80, 80)))
    add_rule(s, sk, AF_INET, prio(107) + attr(FRA_UID_RANGE, uid_range(1000, 2000)))
    add_rule(s, sk, AF_INET, prio(108), table=1000)
    add_rule(s, sk, AF_INET, prio(109))
    s.drain(mon)
    dump_rules(s, sk, AF_INET)


@case("rule/actions",
      """Rules with actions blackhole, unreachable, prohibit, goto (to 32766) and nop;
      goto to a missing priority is accepted (the rule stays unresolved).""")
def _(s):
    sk = s.socket()
    add_rule(s, sk, AF_INET, prio(200), action=FR_ACT_BLACKHOLE)
    add_rule(s, sk, AF_INET, prio(201), action=FR_ACT_UNREACHABLE)
    add_rule(s, sk, AF_INET, prio(202), action=FR_ACT_PROHIBIT)
    add_rule(s, sk, AF_INET, prio(203) + a_u32(FRA_GOTO, 32766), action=FR_ACT_GOTO)
    add_rule(s, sk, AF_INET, prio(204) + a_u32(FRA_GOTO, 5000), action=FR_ACT_GOTO)
    add_rule(s, sk, AF_INET, prio(205), action=FR_ACT_NOP)
    dump_rules(s, sk, AF_INET)


@case("rule/auto-priority",
      """A rule without FRA_PRIORITY takes the priority just below the first
      non-zero one (32765), and the next one 32764.""")
def _(s):
    sk = s.socket()
    add_rule(s, sk, AF_INET, a_ip(FRA_SRC, "10.9.0.0"), src_len=16)
    add_rule(s, sk, AF_INET, a_ip(FRA_SRC, "10.8.0.0"), src_len=16)
    add_rule(s, sk, AF_INET6, a_ip(FRA_SRC, "2001:db8::"), src_len=32)
    dump_rules(s, sk, AF_UNSPEC)


@case("rule/duplicate",
      """The same rule twice with NLM_F_EXCL: EEXIST; without EXCL Linux adds a
      duplicate.""")
def _(s):
    sk = s.socket()
    add_rule(s, sk, AF_INET, prio(100) + a_ip(FRA_SRC, "10.9.0.0"), src_len=16)
    add_rule(s, sk, AF_INET, prio(100) + a_ip(FRA_SRC, "10.9.0.0"), src_len=16)
    add_rule(s, sk, AF_INET, prio(100) + a_ip(FRA_SRC, "10.9.0.0"), src_len=16, nlflags=REQ_ACK | NLM_F_CREATE)
    dump_rules(s, sk, AF_INET)


@case("rule/delete",
      """Delete by priority alone, by selector alone, and a rule that does not
      exist (ENOENT); the monitor sees RTM_DELRULE.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=RULE4)
    add_rule(s, sk, AF_INET, prio(100) + a_ip(FRA_SRC, "10.9.0.0"), src_len=16)
    add_rule(s, sk, AF_INET, prio(101) + a_ip(FRA_SRC, "10.8.0.0"), src_len=16)
    s.drain(mon)
    del_rule(s, sk, AF_INET, prio(100))
    del_rule(s, sk, AF_INET, a_ip(FRA_SRC, "10.8.0.0"), src_len=16)
    del_rule(s, sk, AF_INET, prio(100))
    del_rule(s, sk, AF_INET, a_ip(FRA_SRC, "10.7.0.0"), src_len=16)
    s.drain(mon)
    dump_rules(s, sk, AF_INET)


@case("rule/delete-defaults",
      """The default rules can be deleted like any other (here IPv4 32767, then
      the main rule by table).""")
def _(s):
    sk = s.socket()
    del_rule(s, sk, AF_INET, prio(32767))
    del_rule(s, sk, AF_INET, a_u32(FRA_TABLE, RT_TABLE_MAIN), table=RT_TABLE_MAIN)
    dump_rules(s, sk, AF_INET)


@case("rule/errors",
      """Rule errors: prefix length 33 and FRA_SRC missing for src_len 16 ("Invalid
      source address"), an unknown family (EAFNOSUPPORT), a goto without target.
      A lookup rule with table 0 is not an error: Linux creates the first unused
      table (1) for it.""")
def _(s):
    sk = s.socket()
    add_rule(s, sk, AF_INET, prio(100) + a_ip(FRA_SRC, "10.9.0.0"), src_len=33)
    add_rule(s, sk, AF_INET, prio(101), src_len=16)
    add_rule(s, sk, 99, prio(102))
    add_rule(s, sk, AF_INET, prio(103), action=FR_ACT_GOTO)
    s.ask(sk, RTM_NEWRULE, CREATE_EXCL, fib_rule_hdr(AF_INET, action=FR_ACT_TO_TBL) + prio(104))
    dump_rules(s, sk, AF_INET)


@case("rule/ipv6",
      """IPv6 rules: from 2001:db8::/32 lookup 100, fwmark lookup 200; dump.""")
def _(s):
    sk = s.socket()
    add_rule(s, sk, AF_INET6, prio(100) + a_ip(FRA_SRC, "2001:db8::"), src_len=32)
    add_rule(s, sk, AF_INET6, prio(101) + a_u32(FRA_FWMARK, 7), table=200)
    dump_rules(s, sk, AF_INET6)


@case("rule/steers-getroute",
      """Rules steer lookups into table 100: fwmark 0x10, from 10.9.0.1 (a second
      local address), uid range and TCP destination port 443 each select the
      table-100 route; without a match the main table answers.""")
def _(s):
    sk = s.socket()
    lab(s, sk)
    add_addr4(s, sk, VA, "10.9.0.1", 24)
    add_route(s, sk, AF_INET, "10.5.0.0", 16, via("10.0.0.2"), table=100)
    add_route(s, sk, AF_INET, "10.5.0.0", 16, via("10.0.0.3"))
    add_rule(s, sk, AF_INET, prio(100) + a_u32(FRA_FWMARK, 0x10))
    add_rule(s, sk, AF_INET, prio(101) + a_ip(FRA_SRC, "10.9.0.1"), src_len=32)
    add_rule(s, sk, AF_INET, prio(102) + attr(FRA_UID_RANGE, uid_range(1000, 1000)))
    add_rule(s, sk, AF_INET, prio(103) + a_u8(FRA_IP_PROTO, IPPROTO_TCP) + attr(FRA_DPORT_RANGE, port_range(443, 443)))

    def get(attrs):
        s.ask(sk, RTM_GETROUTE, REQ, rtmsg(AF_INET, 32, flags=RTM_F_LOOKUP_TABLE) + a_ip(RTA_DST, "10.5.0.9") + attrs)

    get(b"")
    get(a_u32(RTA_MARK, 0x10))
    get(a_ip(RTA_SRC, "10.9.0.1"))
    get(a_u32(RTA_UID, 1000))
    get(a_u8(RTA_IP_PROTO, IPPROTO_TCP) + a_be16(RTA_DPORT, 443))
    get(a_u8(RTA_IP_PROTO, IPPROTO_TCP) + a_be16(RTA_DPORT, 80))
    s.ask(sk, RTM_GETROUTE, REQ, rtmsg(AF_INET, 32, flags=RTM_F_LOOKUP_TABLE | RTM_F_FIB_MATCH)
          + a_ip(RTA_DST, "10.5.0.9") + a_u32(RTA_MARK, 0x10))


@case("rule/unreachable-rule-blocks-lookup",
      """An unreachable rule at priority 50 makes route lookups fail with
      ENETUNREACH; deleting the rule restores them.""")
def _(s):
    sk = s.socket()
    lab(s, sk)
    add_rule(s, sk, AF_INET, prio(50), action=FR_ACT_UNREACHABLE)
    s.ask(sk, RTM_GETROUTE, REQ, rtmsg(AF_INET, 32, flags=RTM_F_LOOKUP_TABLE) + a_ip(RTA_DST, "10.0.0.9"))
    del_rule(s, sk, AF_INET, prio(50))
    s.ask(sk, RTM_GETROUTE, REQ, rtmsg(AF_INET, 32, flags=RTM_F_LOOKUP_TABLE) + a_ip(RTA_DST, "10.0.0.9"))
