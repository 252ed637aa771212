"""NETLINK_SOCK_DIAG (inet_diag) in a namespace with no sockets: the dumps
the real ss (iproute2 6.1) sends, and requests the kernel refuses."""

import struct

from . import case
from .common import *  # noqa: F401,F403

NETLINK_SOCK_DIAG = 4
SOCK_DIAG_BY_FAMILY = 20
SS_SEQ = 123456
ALL_STATES = 0xfff
IPPROTO_TCP, IPPROTO_UDP = 6, 17


def inet_diag_req_v2(family, protocol, states, ext=0, sport=0, dport=0):
    """struct inet_diag_req_v2 as ss fills it (strace of `ss -tan`/`-uan`:
    family, protocol, idiag_ext, pad, states, then an all-zero inet_diag_sockid
    but for the ports)."""
    sockid = struct.pack(">HH", sport, dport) + bytes(16) + bytes(16) + struct.pack("=I", 0) + bytes(8)
    return struct.pack("=BBBBI", family, protocol, ext, 0, states) + sockid


@case("sockdiag/ss-dumps", """The four dumps `ss -tuan` sends (AF_INET and AF_INET6, UDP then
      TCP, every state, sequence 123456 as ss numbers them) and the ones of
      `ss -tln` (LISTEN and CLOSE) and `ss -un` (ESTABLISHED): each is
      answered by NLMSG_DONE alone in a namespace without sockets.""")
def _(s):
    sock = s.socket(ext_ack=False, protocol=NETLINK_SOCK_DIAG)
    for protocol, states in ((IPPROTO_UDP, ALL_STATES), (IPPROTO_TCP, ALL_STATES),
                             (IPPROTO_TCP, (1 << 10) | (1 << 7)), (IPPROTO_UDP, 1 << 1)):
        for family in (AF_INET, AF_INET6):
            s.ask(sock, SOCK_DIAG_BY_FAMILY, DUMP, inet_diag_req_v2(family, protocol, states), seq=SS_SEQ)


@case("sockdiag/ss-info-dumps", """The dumps `ss -tin` sends: idiag_ext asks for INET_DIAG_INFO,
      INET_DIAG_VEGASINFO and INET_DIAG_CONG (bits 1, 2 and 3); in a namespace
      without sockets each is answered by NLMSG_DONE alone.""")
def _(s):
    sock = s.socket(ext_ack=False, protocol=NETLINK_SOCK_DIAG)
    ext = (1 << 1) | (1 << 2) | (1 << 3)
    for family in (AF_INET, AF_INET6):
        s.ask(sock, SOCK_DIAG_BY_FAMILY, DUMP, inet_diag_req_v2(family, IPPROTO_TCP, ALL_STATES & ~((1 << 10) | (1 << 7) | (1 << 6) | (1 << 3)), ext=ext), seq=SS_SEQ)


@case("sockdiag/errors", """Refused requests: a get (no NLM_F_DUMP) for a socket that does
      not exist, an unknown protocol, a body shorter than inet_diag_req_v2,
      an unknown message type, with and without an ACK.""")
def _(s):
    sock = s.socket(ext_ack=False, protocol=NETLINK_SOCK_DIAG)
    s.ask(sock, SOCK_DIAG_BY_FAMILY, REQ_ACK, inet_diag_req_v2(AF_INET, IPPROTO_TCP, ALL_STATES, sport=8080, dport=40000))
    s.ask(sock, SOCK_DIAG_BY_FAMILY, DUMP, inet_diag_req_v2(AF_INET, 200, ALL_STATES))
    s.ask(sock, SOCK_DIAG_BY_FAMILY, DUMP | NLM_F_ACK, inet_diag_req_v2(AF_INET, IPPROTO_TCP, ALL_STATES)[:20])
    s.ask(sock, 30, REQ_ACK, inet_diag_req_v2(AF_INET, IPPROTO_TCP, ALL_STATES))
