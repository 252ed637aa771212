#!/usr/bin/env python3
"""Prints golden cases readably.

    python3 tests/netlink/show.py golden/link.json [NAME-SUBSTRING ...]
"""

import json
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # keep the source folder free of __pycache__

import nl  # noqa: E402

ERRNO = {v: k for k, v in vars(nl).items() if k.startswith("E") and k.isupper() and isinstance(v, int)}
TYPES = {v: k for k, v in vars(nl).items() if (k.startswith("RTM_") or k.startswith("NLMSG_")) and isinstance(v, int)}


def names(prefix, skip=()):
    return {v: k[len(prefix):] for k, v in vars(nl).items()
            if k.startswith(prefix) and isinstance(v, int) and not any(k.startswith(x) for x in skip)}


ATTRS = {16: names("IFLA_", ("IFLA_INFO_", "IFLA_MACVLAN_", "IFLA_INET6_")), 20: names("IFA_", ("IFA_F_",)),
         24: names("RTA_"), 28: names("NDA_"), 32: names("FRA_")}
FIXED = {16: ("ifinfomsg", "=BxHiII", "family type index flags change"),
         20: ("ifaddrmsg", "=BBBBI", "family prefixlen flags scope index"),
         24: ("rtmsg", "=BBBBBBBBI", "family dst_len src_len tos table protocol scope type flags"),
         28: ("ndmsg", "=BxxxiHBB", "family ifindex state flags type"),
         32: ("fib_rule_hdr", "=BBBBBBBBI", "family dst_len src_len tos table res1 res2 action flags")}
# nested attributes by family base and path
NESTS = {16: {(18,), (26,), (18, 2), (18, 5), (26, 2), (26, 10)}, 24: {(8,)}}


def base(kind):
    return kind - (kind - 16) % 4 if 16 <= kind < 36 else kind


def attrs(buf, fam, path, indent, out):
    for t, v, _o in nl.iter_attrs(buf):
        name = ATTRS.get(fam, {}).get(t, str(t)) if not path else str(t)
        if path + (t,) in NESTS.get(fam, set()):
            out.append("%s%s {" % (indent, name))
            attrs(v, fam, path + (t,), indent + "  ", out)
            out.append(indent + "}")
        else:
            txt = v.hex()
            if len(v) > 1 and v[-1] == 0 and all(32 <= c < 127 for c in v[:-1]):
                txt += "  %r" % v[:-1].decode()
            out.append("%s%s = %s" % (indent, name, txt))


def describe(msg):
    out = []
    n, kind, flags, seq, pid = nl.header(msg)
    out.append("%s len=%d flags=%#x seq=%d pid=%d" % (TYPES.get(kind, kind), n, flags, seq, pid))
    body = msg[16:n]
    if kind == nl.NLMSG_ERROR:
        err = struct.unpack_from("=i", body)[0]
        out.append("  error %d %s" % (err, ERRNO.get(-err, "")))
        inner = body[4:20]
        ilen = struct.unpack_from("=I", inner)[0] if len(inner) >= 4 else 0
        echoed = 16 if flags & nl.NLM_F_CAPPED else ilen
        out.append("  echoed %s" % body[4:4 + echoed].hex())
        for t, v, _o in nl.iter_attrs(body[4 + nl.align4(echoed):]):
            out.append("  tlv %d = %s%s" % (t, v.hex(), "  %r" % v.rstrip(b"\0").decode() if t == 1 else ""))
    elif kind == nl.NLMSG_DONE:
        out.append("  done %s" % body.hex())
    elif base(kind) in FIXED and len(body) >= struct.calcsize(FIXED[base(kind)][1]):
        fam = base(kind)
        label, fmt, fields = FIXED[fam]
        size = struct.calcsize(fmt)
        vals = struct.unpack_from(fmt, body)
        out.append("  %s %s" % (label, " ".join("%s=%s" % kv for kv in zip(fields.split(), vals))))
        attrs(body[nl.align4(size):], fam, (), "    ", out)
    else:
        out.append("  " + body.hex())
    return out


def main():
    doc = json.load(open(sys.argv[1]))
    pats = sys.argv[2:]
    for c in doc["cases"]:
        if pats and not any(p in c["name"] for p in pats):
            continue
        print("### %s\n# %s\n# sockets %s" % (c["name"], c["comment"], c["sockets"]))
        for i, st in enumerate(c["steps"]):
            if "request" in st:
                print("-- step %d socket %d request" % (i, st["socket"]))
                for m in nl.split_messages(bytes.fromhex(st["request"])):
                    print("\n".join(">> " + l for l in describe(m)) if len(m) >= 16 else ">> short " + m.hex())
                msgs = st["replies"]
            else:
                print("-- step %d socket %d drain" % (i, st["socket"]))
                msgs = st["drain"]
            for h in msgs:
                print("\n".join("<< " + l for l in describe(bytes.fromhex(h))))
        print()


if __name__ == "__main__":
    main()
