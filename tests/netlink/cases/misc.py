"""Framing, acknowledgements, errors and socket options."""

from . import case
from .common import *  # noqa: F401,F403


@case("misc/two-requests-one-datagram",
      """Two GETLINK requests for lo (index 1) in one datagram, both with NLM_F_ACK:
      each gets its NEWLINK then its ACK, in request order.""")
def _(s):
    sk = s.socket()
    body = ifinfomsg(index=LO) + LINK_MASK
    s.send(sk, s.msg(RTM_GETLINK, REQ_ACK, body) + s.msg(RTM_GETLINK, REQ_ACK, body))


@case("misc/three-requests-middle-fails",
      """Three requests in one datagram, the middle one for a missing index: Linux
      keeps going after the error, so the first and last still get their ACKs.""")
def _(s):
    sk = s.socket()
    s.send(sk, s.msg(RTM_GETLINK, REQ_ACK, ifinfomsg(index=LO) + LINK_MASK)
           + s.msg(RTM_GETLINK, REQ_ACK, ifinfomsg(index=42) + LINK_MASK)
           + s.msg(RTM_NEWLINK, REQ_ACK, set_flags_body(LO, True)))


@case("misc/dump-then-get-one-datagram",
      """A GETADDR dump followed by a GETLINK in the same datagram: the dump's first
      part, then the GETLINK answer, then the dump's NLMSG_DONE (the kernel runs
      the rest of a dump only when the socket is read).""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_NEWLINK, REQ_ACK, set_flags_body(LO, True))
    s.send(sk, s.msg(RTM_GETADDR, DUMP, ifaddrmsg(AF_INET)) + s.msg(RTM_GETLINK, REQ, ifinfomsg(index=LO) + LINK_MASK))


@case("misc/zero-padded-trailer",
      """iproute2 sends dumps from a zeroed 152-byte buffer with nlmsg_len 24: the
      trailing zeros parse as a header with nlmsg_len 0, which ends the datagram
      silently.""")
def _(s):
    sk = s.socket(strict_chk=True)
    s.ask(sk, RTM_NEWLINK, REQ_ACK, set_flags_body(LO, True))
    m = s.msg(RTM_GETADDR, DUMP, ifaddrmsg(AF_UNSPEC))
    s.send(sk, m + bytes(152 - len(m)))


@case("misc/body-shorter-than-family-byte",
      """A GETLINK dump whose nlmsg_len is 16 (no family byte): rtnetlink ignores
      messages shorter than struct rtgenmsg, so nothing comes back; with NLM_F_ACK
      the same message is acknowledged with error 0.""")
def _(s):
    sk = s.socket()
    s.send(sk, s.msg(RTM_GETLINK, DUMP))
    s.send(sk, s.msg(RTM_GETLINK, DUMP | NLM_F_ACK))
    s.send(sk, s.msg(RTM_NEWLINK, REQ_ACK))


@case("misc/one-byte-family",
      """A GETLINK dump with a 1-byte body (nlmsg_len 17) is long enough: it dumps.""")
def _(s):
    sk = s.socket()
    s.send(sk, s.msg(RTM_GETLINK, DUMP, rtgenmsg(AF_UNSPEC), length=17))


@case("misc/bad-lengths",
      """Messages whose nlmsg_len is below 16 or beyond the datagram, and a datagram
      shorter than a header, are dropped without any reply.""")
def _(s):
    sk = s.socket()
    s.send(sk, s.msg(RTM_GETLINK, REQ_ACK, ifinfomsg(index=LO), length=8))
    s.send(sk, s.msg(RTM_GETLINK, REQ_ACK, ifinfomsg(index=LO), length=200))
    s.send(sk, s.msg(RTM_GETLINK, REQ_ACK, ifinfomsg(index=LO))[:12])
    s.send(sk, s.msg(RTM_GETLINK, REQ_ACK, ifinfomsg(index=LO)))


@case("misc/unknown-type",
      """An rtnetlink type with no handler (23, between GETADDR and NEWROUTE) and one
      above RTM_MAX (1000) both get EOPNOTSUPP with the request echoed.""")
def _(s):
    sk = s.socket(ext_ack=False)
    s.ask(sk, 23, REQ_ACK, ifinfomsg())
    s.ask(sk, 1000, REQ, ifinfomsg())


@case("misc/control-types",
      """Types below 16 (NLMSG_NOOP, NLMSG_DONE) and messages without NLM_F_REQUEST are
      not handed to rtnetlink: acknowledged with 0 if NLM_F_ACK asks, else silent.""")
def _(s):
    sk = s.socket()
    s.ask(sk, NLMSG_NOOP, REQ_ACK)
    s.ask(sk, NLMSG_DONE, NLM_F_REQUEST)
    s.ask(sk, RTM_GETLINK, NLM_F_ACK, ifinfomsg(index=LO))
    s.ask(sk, RTM_NEWLINK, NLM_F_ACK, set_flags_body(LO, True))
    s.ask(sk, RTM_GETLINK, REQ, ifinfomsg(index=LO) + LINK_MASK)


@case("misc/root-flag-alone-dumps",
      """NLM_F_ROOT without NLM_F_MATCH (and NLM_F_MATCH alone) still make a GET a
      dump: rtnetlink tests the two bits together.""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_GETLINK, REQ | NLM_F_ROOT, ifinfomsg() + LINK_MASK)
    s.ask(sk, RTM_GETRULE, REQ | NLM_F_MATCH, fib_rule_hdr(AF_INET))


@case("misc/ack-without-ext-ack",
      """A successful request with NLM_F_ACK, socket without NETLINK_EXT_ACK: a 36-byte
      ACK (error 0 + the request header) flagged NLM_F_CAPPED.""")
def _(s):
    sk = s.socket(ext_ack=False)
    s.ask(sk, RTM_NEWLINK, REQ_ACK, set_flags_body(LO, True))


@case("misc/ack-with-ext-ack",
      """The same success with NETLINK_EXT_ACK on: still 36 bytes, no TLVs.""")
def _(s):
    sk = s.socket(ext_ack=True)
    s.ask(sk, RTM_NEWLINK, REQ_ACK, set_flags_body(LO, True))


@case("misc/no-ack-success-is-silent",
      """A successful mutation without NLM_F_ACK gets no reply at all.""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_NEWLINK, REQ, set_flags_body(LO, True))
    s.ask(sk, RTM_GETLINK, REQ, ifinfomsg(index=LO) + LINK_MASK)


@case("misc/error-without-ext-ack",
      """An error (unknown link kind) on a socket without NETLINK_EXT_ACK: the full
      request is echoed after the errno, no TLVs, flags 0.  Errors come even
      without NLM_F_ACK.""")
def _(s):
    sk = s.socket(ext_ack=False)
    body = ifinfomsg() + a_str(IFLA_IFNAME, "x0") + nest(IFLA_LINKINFO, a_str(IFLA_INFO_KIND, "nosuchkind"))
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, body)
    s.ask(sk, RTM_NEWLINK, NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL, body)


@case("misc/error-with-ext-ack",
      """The same error with NETLINK_EXT_ACK: NLM_F_ACK_TLVS and an
      NLMSGERR_ATTR_MSG "Unknown device type" after the echoed request.""")
def _(s):
    sk = s.socket(ext_ack=True)
    body = ifinfomsg() + a_str(IFLA_IFNAME, "x0") + nest(IFLA_LINKINFO, a_str(IFLA_INFO_KIND, "nosuchkind"))
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, body)


@case("misc/error-ext-ack-offset",
      """An attribute that fails policy validation (IFLA_IFNAME longer than 15) with
      NETLINK_EXT_ACK: ERANGE, the message, NLMSGERR_ATTR_OFFS pointing at the
      attribute and NLMSGERR_ATTR_POLICY (type NUL string, max length 15).""")
def _(s):
    sk = s.socket(ext_ack=True)
    s.ask(sk, RTM_NEWLINK, REQ_ACK, ifinfomsg(index=LO) + a_str(IFLA_IFNAME, "a-name-that-is-too-long"))


@case("misc/cap-ack",
      """NETLINK_CAP_ACK: errors carry only the request header (nlmsg_len 36); with
      EXT_ACK too the TLVs follow and flags are CAPPED|ACK_TLVS; success ACKs are
      unchanged.""")
def _(s):
    plain = s.socket(ext_ack=False, cap_ack=True)
    ext = s.socket(ext_ack=True, cap_ack=True)
    body = ifinfomsg() + a_str(IFLA_IFNAME, "x0") + nest(IFLA_LINKINFO, a_str(IFLA_INFO_KIND, "nosuchkind"))
    s.ask(plain, RTM_NEWLINK, CREATE_EXCL, body)
    s.ask(ext, RTM_NEWLINK, CREATE_EXCL, body)
    s.ask(ext, RTM_GETLINK, REQ_ACK, ifinfomsg(index=42))
    s.ask(plain, RTM_NEWLINK, REQ_ACK, set_flags_body(LO, True))


@case("misc/done-shape",
      """Dumps with nothing to report (IPv4 addresses and routes of a fresh
      namespace): only NLMSG_DONE, 20 bytes, NLM_F_MULTI, payload int 0.""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_GETADDR, DUMP, ifaddrmsg(AF_INET))
    s.ask(sk, RTM_GETROUTE, DUMP, rtmsg(AF_INET))


@case("misc/dump-with-ack-flag",
      """NLM_F_ACK on a dump request: the dump ends with NLMSG_DONE and no ACK follows.""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_GETLINK, DUMP | NLM_F_ACK, ifinfomsg() + LINK_MASK)


@case("misc/get-with-ack",
      """A GET (not a dump) with NLM_F_ACK: the answer, then an ACK.""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_GETLINK, REQ_ACK, ifinfomsg(index=LO) + LINK_MASK)


@case("misc/request-pid-ignored",
      """A request carrying nlmsg_pid 4242 and seq 0xdeadbeef: the reply echoes the
      seq and carries the socket's own port id.""")
def _(s):
    sk = s.socket()
    s.send(sk, nlmsg(RTM_GETLINK, REQ_ACK, 0xDEADBEEF, ifinfomsg(index=LO) + LINK_MASK, pid=4242))


@case("misc/unprivileged-mutation",
      """A socket opened by uid 65534 without capabilities: every mutation is EPERM
      (checked before parsing), even for a missing device.""")
def _(s):
    sk = s.socket(privileged=False)
    s.ask(sk, RTM_NEWLINK, REQ_ACK, set_flags_body(LO, True))
    s.ask(sk, RTM_NEWADDR, CREATE_EXCL, addr4_body(LO, "10.0.0.1", 8))
    s.ask(sk, RTM_NEWROUTE, CREATE_EXCL, route_body(AF_INET, "10.1.0.0", 16, attrs=a_u32(RTA_OIF, LO)))
    s.ask(sk, RTM_DELLINK, REQ_ACK, ifinfomsg(index=42))
    s.ask(sk, RTM_NEWRULE, CREATE_EXCL, rule_body(AF_INET, 100, attrs=a_u32(FRA_PRIORITY, 10)))
    s.ask(sk, RTM_NEWNEIGH, CREATE_EXCL, neigh_body(AF_INET, LO, "10.0.0.2", MAC_X))


@case("misc/unprivileged-get",
      """The unprivileged socket may read: link, address, route and rule dumps and
      a link get work; a route get reports RTA_UID 65534.""")
def _(s):
    root = s.socket()
    sk = s.socket(privileged=False)
    s.ask(root, RTM_NEWLINK, REQ_ACK, set_flags_body(LO, True))
    dump_links(s, sk)
    dump_addrs(s, sk)
    dump_rules(s, sk, AF_INET)
    get_link(s, sk, LO)
    s.ask(sk, RTM_GETROUTE, REQ, rtmsg(AF_INET, 32, flags=RTM_F_LOOKUP_TABLE) + a_ip(RTA_DST, "127.0.0.1"))


@case("misc/echo-route",
      """NLM_F_ECHO on NEWROUTE: a copy of the RTM_NEWROUTE notification (with the
      request's flags) is unicast to the sender before the ACK.""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_NEWLINK, REQ_ACK, set_flags_body(LO, True))
    s.ask(sk, RTM_NEWROUTE, CREATE_EXCL | NLM_F_ECHO,
          route_body(AF_INET, "10.1.0.0", 16, rtype=RTN_BLACKHOLE))
    s.ask(sk, RTM_DELROUTE, REQ_ACK | NLM_F_ECHO, route_body(AF_INET, "10.1.0.0", 16, rtype=RTN_BLACKHOLE))


@case("misc/echo-addr-and-link",
      """NLM_F_ECHO on NEWADDR and on NEWLINK (create): the notifications are echoed
      to the sender too.""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_NEWADDR, CREATE_EXCL | NLM_F_ECHO, addr4_body(LO, "10.0.0.1", 8))
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL | NLM_F_ECHO, veth_body("va", MAC_VA, "vb", MAC_VB))


@case("misc/strict-dump-filtered",
      """NETLINK_GET_STRICT_CHK: a route dump filtered by RTA_TABLE local and an
      address dump filtered by ifa_index carry NLM_F_DUMP_FILTERED on every part.""")
def _(s):
    sk = s.socket(strict_chk=True)
    s.ask(sk, RTM_NEWLINK, REQ_ACK, set_flags_body(LO, True))
    s.ask(sk, RTM_GETROUTE, DUMP, rtmsg(AF_INET) + a_u32(RTA_TABLE, RT_TABLE_LOCAL))
    s.ask(sk, RTM_GETADDR, DUMP, ifaddrmsg(AF_INET, index=LO))


@case("misc/strict-bad-headers",
      """NETLINK_GET_STRICT_CHK rejects dump headers with fields it does not filter on,
      attributes it does not filter by, and a short (rtgenmsg) link dump header:
      EINVAL with an extack message, carried in NLMSG_DONE (not NLMSG_ERROR).""")
def _(s):
    sk = s.socket(strict_chk=True)
    s.ask(sk, RTM_GETLINK, DUMP, ifinfomsg(flags=1) + LINK_MASK)
    s.ask(sk, RTM_GETADDR, DUMP, ifaddrmsg(AF_INET, prefixlen=8))
    s.ask(sk, RTM_GETROUTE, DUMP, rtmsg(AF_INET, dst_len=8))
    s.ask(sk, RTM_GETNEIGH, DUMP, ndmsg(AF_INET, state=NUD_PERMANENT))
    s.ask(sk, RTM_GETROUTE, DUMP, rtmsg(AF_INET) + a_u32(RTA_PRIORITY, 5))
    s.ask(sk, RTM_GETLINK, DUMP, rtgenmsg(AF_UNSPEC))


@case("misc/non-strict-ignores-header",
      """Without NETLINK_GET_STRICT_CHK the same odd headers are accepted and the
      dumps run unfiltered.""")
def _(s):
    sk = s.socket(strict_chk=False)
    s.ask(sk, RTM_GETLINK, DUMP, ifinfomsg(flags=1) + LINK_MASK)
    s.ask(sk, RTM_GETROUTE, DUMP, rtmsg(AF_INET, dst_len=8))


@case("misc/multicast-membership",
      """A monitor joins RTNLGRP_LINK through NETLINK_ADD_MEMBERSHIP instead of the bind
      mask, another through the bind mask: both receive the lo-up notification.""")
def _(s):
    sk = s.socket()
    mon1 = s.socket(memberships=[RTNLGRP_LINK])
    mon2 = s.socket(groups=group_mask(RTNLGRP_LINK))
    s.ask(sk, RTM_NEWLINK, REQ_ACK, set_flags_body(LO, True))
    s.drain(mon1)
    s.drain(mon2)


@case("misc/netconf-dump",
      """RTM_GETNETCONF dump for IPv4 in a fresh namespace: lo, then "all" and
      "default" (NETCONFA_IFINDEX -1 and -2).""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_GETNETCONF, DUMP, rtgenmsg(AF_INET))


@case("misc/family-without-handler",
      """A family byte with no handler of its own for the message type falls back
      to PF_UNSPEC's (rtnetlink_rcv_msg → rtnl_get_link): a GETROUTE dump with
      family 0xff dumps every family as AF_UNSPEC does (rtnl_dump_all); a GETROUTE
      get with it, and a NEWADDR whose 4-byte zeroed body names AF_UNSPEC, find no
      doit there: EOPNOTSUPP.""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_NEWLINK, REQ_ACK, set_flags_body(LO, True))
    s.ask(sk, RTM_GETROUTE, DUMP, rtmsg(0xff))
    s.ask(sk, RTM_GETROUTE, REQ_ACK, rtmsg(0xff))
    s.send(sk, s.msg(RTM_NEWADDR, REQ_ACK, bytes(4)))
