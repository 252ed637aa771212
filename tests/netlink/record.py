#!/usr/bin/env python3
"""Records golden rtnetlink request/reply exchanges from the running Linux kernel.

    python3 tests/netlink/record.py              record every case into golden/*.json
    python3 tests/netlink/record.py --only NAME  record one case (updates its file)
    python3 tests/netlink/record.py --check      re-record into a temporary folder and
                                                 compare with golden/ after masking
    python3 tests/netlink/record.py --out DIR    write the files somewhere else
    python3 tests/netlink/record.py --list       print the case names

Every case runs in a forked child that first calls unshare(CLONE_NEWNET), so it starts
from a brand-new network namespace: only `lo`, down.  The recorder itself never opens
a socket in the namespace it was started in.  See README.md for the file format and
for the fields masked when comparing.
"""

import argparse
import ctypes
import json
import multiprocessing.connection
import os
import pickle
import select
import socket
import struct
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep the source folder free of __pycache__

from nl import *  # noqa: E402,F401,F403  (constants and builders)
import nl  # noqa: E402
import cases as case_registry  # noqa: E402

GOLDEN = os.path.join(HERE, "golden")
FAMILIES = ["misc", "link", "addr", "route", "neigh", "rule", "features", "nft", "sockdiag", "nexthop"]

CLONE_NEWNET = 0x40000000
NOBODY = 65534

# Pause after every mutating request: operstate, IPv6 link-local addresses and DAD
# are finished by kernel workers shortly after the request returns.
SETTLE = 0.3
# Pause after a link change that succeeded: the link watcher handles carrier and
# operstate events of devices that are down (or of bridges) at most once a second,
# system-wide.  Without this, `ip link set va up` right after creating va is
# announced with IFF_RUNNING and operstate UNKNOWN in some runs and correctly
# (LOWERLAYERDOWN) in others.
LINK_SETTLE = 1.2
# Longest time to wait for IPv6 duplicate address detection to finish (random
# start delay up to 1 s, then one probe and a 1 s wait).
DAD_LIMIT = 5.0
CASE_TIMEOUT = 120


# =============================================================================
# Masks: fields that differ between two runs of the same case on Linux.  The
# replay test (tests/netlink_goldens.rs) zeroes the same fields before comparing.
# (message types, attribute path from the top level, byte range in the value or
# None for all of it, reason)
# =============================================================================
MASKS = [
    ((16, 17), (7,), None, "IFLA_STATS: counters move with background IPv6 traffic"),
    ((16, 17), (23,), None, "IFLA_STATS64: the same counters, 64-bit"),
    ((16, 17), (26, 10, 5), (4, 12), "IFLA_INET6_CACHEINFO tstamp (boot-relative) and reachable_time (random)"),
    ((16, 17), (26, 10, 3), None, "IFLA_INET6_STATS: IPv6 counters move with background traffic"),
    ((16, 17), (26, 10, 6), None, "IFLA_INET6_ICMP6STATS: ICMPv6 counters move with background traffic"),
    ((16, 17), (18, 2, 19), None, "IFLA_INFO_DATA IFLA_BR_GC_TIMER: time left on a running bridge's FDB gc timer"),
    ((20, 21), (6,), (8, 16), "IFA_CACHEINFO cstamp/tstamp: hundredths of a second since boot"),
    ((24, 25), (12,), None, "RTA_CACHEINFO: lastuse/expires/used are time-based"),
    ((28, 29), (3,), (0, 12), "NDA_CACHEINFO confirmed/used/updated: ticks since events"),
    ((116,), (13, 2), None, "NHA_RES_BUCKET_IDLE_TIME: clock ticks since the bucket was used or moved"),
    ((0xA0F,), (2,), None, "NFTA_GEN_PROC_PID: the pid of the process that sent the batch"),
    ((0xA0F,), (3,), None, "NFTA_GEN_PROC_NAME: the name of that process (python3 here, nft or iptables live)"),
]


def fixed_len(kind):
    """Size of the family header after nlmsghdr (as tests/support/mod.rs fixed_len)."""
    if 16 <= kind <= 19:
        return 16
    if 20 <= kind <= 23:
        return 8
    if 24 <= kind <= 35:
        return 12
    if 80 <= kind <= 82 or 88 <= kind <= 90:
        return 4
    if 104 <= kind <= 119:
        return 8
    if kind >= 0x100:  # nfnetlink: struct nfgenmsg
        return 4
    return 0


def _mask_attrs(buf, start, end, path, rng):
    pos = start
    while pos + 4 <= end:
        n, t = struct.unpack_from("=HH", buf, pos)
        if n < 4 or pos + n > end:
            return
        if t & 0x3FFF == path[0]:
            vs, ve = pos + 4, pos + n
            if len(path) == 1:
                a, b = rng if rng else (0, ve - vs)
                a, b = min(a, ve - vs), min(b, ve - vs)
                buf[vs + a:vs + b] = bytes(b - a)
            else:
                _mask_attrs(buf, vs, ve, path[1:], rng)
        pos += nl.align4(n)


def normalise(msg, pids):
    """Masks varying fields and replaces recorded port ids by socket numbers."""
    m = bytearray(msg)
    if len(m) < 16:
        return bytes(m)
    n, kind, _flags, _seq, pid = nl.header(m)
    if pid in pids and pid != 0:
        struct.pack_into("=I", m, 12, 0xFFFF0000 | pids[pid])
    start = min(16 + nl.align4(fixed_len(kind)), len(m))
    end = min(n, len(m))
    for kinds, path, rng, _why in MASKS:
        if kind in kinds:
            _mask_attrs(m, start, end, path, rng)
    return bytes(m)


# =============================================================================
# Sockets
# =============================================================================

def open_socket(spec):
    """Opens an rtnetlink socket as iproute2 does, with the options of `spec`."""
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW | socket.SOCK_CLOEXEC, spec.get("protocol", NETLINK_ROUTE))
    s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 32768)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
    if spec["ext_ack"]:
        s.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
    if spec["cap_ack"]:
        s.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
    s.bind((0, spec["groups"]))
    for g in spec.get("memberships", []):
        s.setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, g)
    if spec["strict_chk"]:
        s.setsockopt(SOL_NETLINK, NETLINK_GET_STRICT_CHK, 1)
    return s, s.getsockname()[0]


def _receive(s, flags=0):
    data, _anc, mflags, _addr = s.recvmsg(1 << 20, 0, flags)
    if mflags & socket.MSG_TRUNC:
        raise RuntimeError("netlink datagram truncated")
    return nl.split_messages(data)


def exchange(s, datagram):
    """Sends one datagram to the kernel and returns every reply message.

    rtnetlink handles a request inside sendmsg, so all replies are queued when it
    returns, except later parts of a dump, which the kernel fills in during each
    recvmsg.  So: read without blocking until the queue is empty, waiting only
    while a dump that has started has not been finished by NLMSG_DONE or an error.
    """
    pending, started = set(), set()
    for m in nl.split_messages(datagram):
        if len(m) >= 16:
            _n, kind, flags, seq, _pid = nl.header(m)
            if nl.is_dump_request(kind, flags):
                pending.add(seq)
    s.sendto(datagram, (0, 0))
    replies = []
    deadline = time.monotonic() + 3.0
    while True:
        try:
            msgs = _receive(s, socket.MSG_DONTWAIT)
        except BlockingIOError:
            if pending & started and time.monotonic() < deadline:
                select.select([s], [], [], 0.05)
                continue
            break
        for m in msgs:
            replies.append(m)
            _n, kind, _flags, seq, _pid = nl.header(m)
            started.add(seq)
            if kind in (NLMSG_DONE, NLMSG_ERROR):
                pending.discard(seq)
    return replies


def drain(s):
    """Every message queued on the socket (multicast notifications)."""
    out = []
    while True:
        try:
            out.extend(_receive(s, socket.MSG_DONTWAIT))
        except BlockingIOError:
            return out


def _unprivileged_worker(conn):
    """Runs in a child with uid/gid 65534 and no capabilities; serves socket ops."""
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)
    with open("/proc/self/status") as f:
        caps = [l for l in f if l.startswith("CapEff:")][0].split()[1]
    if int(caps, 16) != 0:
        raise SystemExit("could not drop capabilities")
    socks = []
    while True:
        op, arg = conn.recv()
        try:
            if op == "open":
                s, pid = open_socket(arg)
                socks.append(s)
                conn.send(("ok", pid))
            elif op == "exchange":
                conn.send(("ok", exchange(socks[arg[0]], arg[1])))
            elif op == "drain":
                conn.send(("ok", drain(socks[arg])))
            elif op == "quit":
                conn.send(("ok", None))
                os._exit(0)
        except Exception as e:  # reported back to the case
            conn.send(("err", repr(e)))


class Unprivileged:
    """Sockets owned by a forked process that has given up root and capabilities.

    Linux checks CAP_NET_ADMIN both against the credentials the socket was opened
    with and against the sending task, so the whole exchange happens over there.
    """

    def __init__(self):
        self.conn, child = multiprocessing.connection.Pipe()
        self.pid = os.fork()
        if self.pid == 0:
            try:
                self.conn.close()
                _unprivileged_worker(child)
            finally:
                os._exit(1)
        child.close()
        self.count = 0

    def call(self, op, arg):
        self.conn.send((op, arg))
        status, value = self.conn.recv()
        if status != "ok":
            raise RuntimeError("unprivileged helper: " + value)
        return value

    def close(self):
        try:
            self.call("quit", None)
        except Exception:
            pass
        os.waitpid(self.pid, 0)


# =============================================================================
# A case being recorded
# =============================================================================

class Session:
    """What a case function receives: opens sockets, sends requests, drains.

    Every request and drain becomes one step of the recorded case, in order.
    """

    def __init__(self):
        self.sockets = []     # spec dicts as recorded
        self.handles = []     # ("local", socket) or ("remote", index in helper)
        self.steps = []
        self.next_seq = 1
        self.helper = None
        self.settle_time = SETTLE
        # A socket of our own for looking at the settling state; never recorded.
        self.observer, _ = open_socket({"ext_ack": False, "cap_ack": False, "strict_chk": False, "groups": 0})

    # --- sockets -------------------------------------------------------------
    def socket(self, ext_ack=True, cap_ack=False, strict_chk=False, groups=0,
               memberships=(), privileged=True, protocol=NETLINK_ROUTE):
        """Opens a socket for the case; returns its number (position in "sockets").

        The cases open every socket before their first step, so a monitor's first
        drain holds what the setup steps announced; "opened_at_step" records the
        point anyway, and the replay opens the socket there.
        """
        spec = {"ext_ack": ext_ack, "cap_ack": cap_ack, "strict_chk": strict_chk, "groups": groups}
        if protocol != NETLINK_ROUTE:
            spec["protocol"] = protocol
        if memberships:
            spec["memberships"] = list(memberships)
        spec["privileged"] = privileged
        if privileged:
            s, pid = open_socket(spec)
            self.handles.append(("local", s))
        else:
            if self.helper is None:
                self.helper = Unprivileged()
            pid = self.helper.call("open", spec)
            self.handles.append(("remote", self.helper.count))
            self.helper.count += 1
        spec["port_id"] = pid
        # Opened after this many steps: it hears nothing from earlier ones.
        spec["opened_at_step"] = len(self.steps)
        self.sockets.append(spec)
        return len(self.sockets) - 1

    # --- messages -------------------------------------------------------------
    def seq(self):
        """The next sequence number of this case."""
        n = self.next_seq
        self.next_seq += 1
        return n

    def msg(self, kind, flags, body=b"", seq=None, length=None):
        """One request message with the next sequence number (or `seq`)."""
        return nl.nlmsg(kind, flags, self.seq() if seq is None else seq, body, length=length)

    def send(self, sock, datagram, settle=None):
        """Sends a datagram (one or more messages), records it with its replies."""
        kind, h = self.handles[sock]
        if kind == "local":
            replies = exchange(h, datagram)
        else:
            replies = self.helper.call("exchange", (h, datagram))
        self.steps.append({"socket": sock, "request": datagram.hex(), "replies": [r.hex() for r in replies]})
        sent = [nl.header(m) for m in nl.split_messages(datagram) if len(m) >= 16]
        mutating = any(h[1] in nl.MUTATING_TYPES for h in sent)
        if settle is None:
            settle = self.settle_time if mutating else 0
            failed = {nl.header(r)[3] for r in replies
                      if nl.header(r)[1] == NLMSG_ERROR and struct.unpack_from("=i", r, 16)[0] != 0}
            if any(h[1] in (RTM_NEWLINK, RTM_DELLINK, RTM_SETLINK) and h[3] not in failed for h in sent):
                settle = max(settle, LINK_SETTLE)
        if settle:
            time.sleep(settle)
            self.wait_for_dad()
        return replies

    def ask(self, sock, kind, flags, body=b"", settle=None, seq=None):
        """Builds one message and sends it alone."""
        return self.send(sock, self.msg(kind, flags, body, seq=seq), settle=settle)

    def drain(self, sock):
        """Records what the socket received from its multicast groups so far."""
        kind, h = self.handles[sock]
        msgs = drain(h) if kind == "local" else self.helper.call("drain", h)
        self.steps.append({"socket": sock, "drain": [m.hex() for m in msgs]})
        return msgs

    # --- settling ---------------------------------------------------------------
    def _dump(self, kind, body):
        return [m for m in exchange(self.observer, nl.nlmsg(kind, DUMP, 1, body))
                if nl.header(m)[1] == kind - 2]

    def link_flags(self):
        out = {}
        for m in self._dump(RTM_GETLINK, nl.ifinfomsg() + nl.link_ext_mask()):
            _f, _t, index, flags, _c = struct.unpack_from("=BxHiII", m, 16)
            out[index] = flags
        return out

    def wait_for_dad(self):
        """Waits while an IPv6 address on a link with carrier is still tentative."""
        deadline = time.monotonic() + DAD_LIMIT
        waited = False
        while time.monotonic() < deadline:
            flags = self.link_flags()
            busy = False
            for m in self._dump(RTM_GETADDR, nl.ifaddrmsg(AF_INET6)):
                _fam, _plen, f8, _scope, index = struct.unpack_from("=BBBBI", m, 16)
                f = f8
                for t, v, _o in nl.iter_attrs(m[24:]):
                    if t == IFA_FLAGS:
                        f = struct.unpack("=I", v)[0]
                live = flags.get(index, 0) & (IFF_UP | IFF_LOWER_UP) == IFF_UP | IFF_LOWER_UP
                if live and f & IFA_F_TENTATIVE and not f & IFA_F_DADFAILED:
                    busy = True
            if not busy:
                break
            waited = True
            time.sleep(0.1)
        if waited:
            time.sleep(SETTLE)

    def check_fresh(self):
        """Refuses to record unless this is a brand-new namespace: only lo, down."""
        links = self.link_flags()
        if list(links) != [1] or links[1] & IFF_UP:
            raise SystemExit("not a fresh network namespace: %r" % links)

    def close(self):
        if self.helper:
            self.helper.close()


def run_case_here(case):
    """Runs a case in the current (already unshared) namespace; returns its record."""
    s = Session()
    s.check_fresh()
    try:
        case.fn(s)
    finally:
        s.close()
    return {"name": case.name, "comment": case.comment, "sockets": s.sockets, "steps": s.steps}


def run_case_isolated(case):
    """Forks, moves the child into a new network namespace, runs the case there."""
    host_ns = os.readlink("/proc/self/ns/net")
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.close(r)
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.unshare(CLONE_NEWNET) != 0:
                raise OSError(ctypes.get_errno(), "unshare(CLONE_NEWNET)")
            if os.readlink("/proc/self/ns/net") == host_ns:
                raise SystemExit("still in the starting namespace")
            result = run_case_here(case)
            data = pickle.dumps(("ok", result))
            code = 0
        except BaseException:
            data = pickle.dumps(("err", traceback.format_exc()))
        with os.fdopen(w, "wb") as f:
            f.write(data)
        os._exit(code)
    os.close(w)
    chunks = []
    deadline = time.monotonic() + CASE_TIMEOUT
    while True:
        ready, _, _ = select.select([r], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            os.close(r)
            raise RuntimeError("%s: timed out" % case.name)
        chunk = os.read(r, 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(r)
    os.waitpid(pid, 0)
    status, value = pickle.loads(b"".join(chunks))
    if status != "ok":
        raise RuntimeError("%s failed:\n%s" % (case.name, value))
    return value


# =============================================================================
# Files
# =============================================================================

def family_of(name):
    return name.split("/", 1)[0]


def dump_json(doc):
    """Stable, diff-friendly JSON: one step or message per line."""
    return json.dumps(doc, indent=1) + "\n"


def write_family(path, kernel, cases):
    with open(path, "w") as f:
        f.write(dump_json({"kernel": kernel, "cases": cases}))


def load_family(path):
    with open(path) as f:
        return json.load(f)


def record(names, out_dir, merge_into=None):
    """Records the named cases; writes one file per family into out_dir."""
    kernel = os.uname().release
    selected = [c for c in case_registry.CASES if names is None or c.name in names]
    if names is not None and len(selected) != len(names):
        known = {c.name for c in case_registry.CASES}
        raise SystemExit("unknown case(s): %s" % ", ".join(sorted(set(names) - known)))
    results = {}
    for i, case in enumerate(selected, 1):
        t0 = time.monotonic()
        results[case.name] = run_case_isolated(case)
        n = sum(1 for st in results[case.name]["steps"] if "request" in st)
        print("[%3d/%d] %-44s %2d requests  %.1fs" % (i, len(selected), case.name, n, time.monotonic() - t0),
              file=sys.stderr)
    os.makedirs(out_dir, exist_ok=True)
    for fam in FAMILIES:
        fam_cases = [c for c in case_registry.CASES if family_of(c.name) == fam]
        path = os.path.join(out_dir, fam + ".json")
        if merge_into is not None:
            # --only: keep the other recorded cases of the file as they are
            old = {}
            src = os.path.join(merge_into, fam + ".json")
            if os.path.exists(src):
                old = {c["name"]: c for c in load_family(src)["cases"]}
            if not any(c.name in results for c in fam_cases):
                continue
            # The file's "kernel" stays the one most of its cases came from;
            # a case recorded now on another kernel names its own.
            header = kernel
            if os.path.exists(src):
                header = load_family(src)["kernel"] or kernel
            fresh = {name: (dict(res, kernel=kernel) if kernel != header else res)
                     for name, res in results.items()}
            merged = [fresh.get(c.name) or old.get(c.name) for c in fam_cases]
            write_family(path, header, [c for c in merged if c])
        elif any(c.name in results for c in fam_cases):
            write_family(path, kernel, [results[c.name] for c in fam_cases if c.name in results])
    return results


def normalised_case(case):
    """A case with masks applied and port ids replaced, for comparing two runs."""
    pids = {s["port_id"]: i for i, s in enumerate(case["sockets"])}
    sockets = [dict(s, port_id=i) for i, s in enumerate(case["sockets"])]
    steps = []
    for st in case["steps"]:
        st = dict(st)
        for key in ("replies", "drain"):
            if key in st:
                st[key] = [normalise(bytes.fromhex(h), pids).hex() for h in st[key]]
        steps.append(st)
    return dict(case, sockets=sockets, steps=steps)


def compare(old_dir, new_dir, names=None):
    """Prints the differences between two recordings; returns True if equal."""
    ok = True
    for fam in FAMILIES:
        a_path, b_path = os.path.join(old_dir, fam + ".json"), os.path.join(new_dir, fam + ".json")
        if not os.path.exists(b_path):
            continue
        a_doc = load_family(a_path) if os.path.exists(a_path) else {"kernel": None, "cases": []}
        a = {c["name"]: c for c in a_doc["cases"]}
        b_doc = load_family(b_path)
        if a_doc["kernel"] and a_doc["kernel"] != b_doc["kernel"]:
            print("note: %s.json was recorded on %s, this kernel is %s" % (fam, a_doc["kernel"], b_doc["kernel"]))
        b = {c["name"]: c for c in b_doc["cases"]}
        if names is None and set(a) != set(b):
            ok = False
            print("%s.json: recorded cases differ: not recorded now %s, new %s"
                  % (fam, sorted(set(a) - set(b)), sorted(set(b) - set(a))))
        for name, nc in b.items():
            if names is not None and name not in names:
                continue
            if name not in a:
                if names is not None:
                    ok = False
                    print("=== %s is not in %s" % (name, a_path))
                continue
            recorded_on = a[name].get("kernel")
            if recorded_on and recorded_on != b_doc["kernel"]:
                print("note: %s was recorded on %s" % (name, recorded_on))
            x = normalised_case({k: v for k, v in a[name].items() if k != "kernel"})
            y = normalised_case({k: v for k, v in nc.items() if k != "kernel"})
            if x == y:
                continue
            ok = False
            print("=== %s differs" % name)
            print_case_diff(x, y)
    return ok


def print_case_diff(x, y):
    for key in ("comment", "sockets"):
        if x[key] != y[key]:
            print("  %s: %r\n   now %r" % (key, x[key], y[key]))
    if len(x["steps"]) != len(y["steps"]):
        print("  %d steps, now %d" % (len(x["steps"]), len(y["steps"])))
    for i, (sa, sb) in enumerate(zip(x["steps"], y["steps"])):
        if sa == sb:
            continue
        print("  step %d (socket %s) %s" % (i, sa.get("socket"), "request " + sa["request"] if "request" in sa else "drain"))
        if sa.get("request") != sb.get("request"):
            print("    request now %s" % sb.get("request"))
        la, lb = sa.get("replies", sa.get("drain", [])), sb.get("replies", sb.get("drain", []))
        for j in range(max(len(la), len(lb))):
            ma = la[j] if j < len(la) else "(none)"
            mb = lb[j] if j < len(lb) else "(none)"
            if ma != mb:
                print("    message %d\n    - %s\n    + %s" % (j, ma, mb))
                if ma != "(none)" and mb != "(none)":
                    first = next(k for k in range(min(len(ma), len(mb)) + 1) if k >= min(len(ma), len(mb)) or ma[k] != mb[k])
                    print("      first difference at byte %d" % (first // 2))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="re-record into a temporary folder and compare")
    ap.add_argument("--only", action="append", metavar="NAME", help="record only this case (repeatable)")
    ap.add_argument("--out", default=GOLDEN, help="folder for the JSON files (default: golden/)")
    ap.add_argument("--list", action="store_true", help="list the case names")
    args = ap.parse_args()
    if args.list:
        for c in case_registry.CASES:
            print(c.name)
        return 0
    if os.geteuid() != 0:
        print("record.py must run as root (it creates network namespaces)", file=sys.stderr)
        return 2
    names = set(args.only) if args.only else None
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            record(names, tmp)
            if compare(args.out, tmp, names):
                print("golden files match", file=sys.stderr)
                return 0
            print("golden files differ (after masking)", file=sys.stderr)
            return 1
    record(names, args.out, merge_into=args.out if names else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
