#!/usr/bin/env bash
# Socket and namespace facts through the preload shim, each against the
# kernel: tests/preload/socket_facts.c (autobind port ids, the
# NETLINK_LIST_MEMBERSHIPS size probe, SO_RCVBUF/SO_SNDBUF, SCM_CREDENTIALS, a request spliced into a netlink
# socket) prints the same on both; unshare(CLONE_NEWNET) gives a fresh
# world namespace (a socket opened before stays in the old one;
# `unshare -n` runs a program in a fresh one);
# a made-up namespace inode never equals a real one.
# Last line: "N passed, M failed". A check that cannot run fails when CI is set.
set -u -o pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
LIB=${IPLAB_PRELOAD_LIB:-$ROOT/target/debug/libiplab_preload.so}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
why=""
command -v cc >/dev/null || why="needs a C compiler (cc)"
[[ -f $LIB ]] || why="no shim at $LIB"
[[ -x /sbin/ip ]] || why="needs /sbin/ip"
if [[ -z $why ]] && ! cc -O1 -o "$work/socket_facts" "$ROOT/tests/preload/socket_facts.c" 2>"$work/cc.log"; then
    why="socket_facts.c does not build: $(head -3 "$work/cc.log")"
fi
if [[ -n $why ]]; then
    if [[ -n ${CI:-} ]]; then echo "FAIL socket facts: $why"; echo "0 passed, 1 failed"; exit 1; fi
    echo "skipped: socket facts $why"; echo "0 passed, 0 failed"; exit 0
fi
pass=0 fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1${2:+: $2}"; fail=$((fail + 1)); }
shimmed() { env LD_PRELOAD="$LIB" IPLAB_STATE="$work/world" timeout 30 "$@"; }

unshare --net -- timeout 60 "$work/socket_facts" >"$work/linux" 2>&1
unshare --net -- env LD_PRELOAD="$LIB" IPLAB_STATE="$work/facts" timeout 60 "$work/socket_facts" >"$work/iplab" 2>&1
if grep -q "the process id" "$work/linux" && diff -u --label linux --label iplab "$work/linux" "$work/iplab"; then
    ok "port ids, LIST_MEMBERSHIPS, buffer sizes, credentials and splice as on Linux ($(wc -l <"$work/linux") lines)"
else
    bad "port ids, LIST_MEMBERSHIPS, buffer sizes, credentials and splice as on Linux"
fi

export -f shimmed
export LIB work
unshare --net --mount -- bash -c '
    mount --make-rprivate / && mkdir -p /run/netns && mount -t tmpfs tmpfs /run/netns
    shimmed ip link add u0 type veth peer name u1
    shimmed ip netns add named
    # unshare -n: the program runs in a fresh namespace of the world.
    echo "unshare -n: $(shimmed unshare -n ip -br link | awk "{print \$1}" | paste -sd" ")"
    echo "after: $(shimmed ip -br link | awk "{print \$1}" | paste -sd" ")"
    echo "netns list: $(shimmed ip netns list | paste -sd" ")"
    # A socket opened before unshare stays in the old namespace.
    shimmed python3 -c "
import ctypes, socket, struct
def links(s):
    s.send(struct.pack(\"=LHHLL\", 32, 18, 0x301, 1, 0) + bytes(16))
    names = []
    while True:
        d = s.recv(65536)
        at = 0
        while at + 16 <= len(d):
            n, t = struct.unpack_from(\"=LH\", d, at)
            if t == 3:
                return names
            if t == 16:
                a = at + 32
                while a + 4 <= at + n:
                    l, ty = struct.unpack_from(\"=HH\", d, a)
                    if ty == 3:
                        names.append(d[a + 4:a + l - 1].decode())
                    a += max((l + 3) & ~3, 4)
            at += max((n + 3) & ~3, 16)
old = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
assert ctypes.CDLL(None, use_errno=True).unshare(0x40000000) == 0
new = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
print(\"old socket:\", \" \".join(links(old)))
print(\"new socket:\", \" \".join(links(new)))
"
    # Inodes: the made-up namespace file against every real one.
    fake=$(shimmed stat -L -c %i /run/netns/named)
    echo "fake inode above 32 bits: $([[ $fake -gt 4294967295 ]] && echo yes || echo "no ($fake)")"
    clash=no
    for f in /proc/[0-9]*/ns/net; do [[ $(stat -L -c %i "$f" 2>/dev/null) == "$fake" ]] && clash=yes; done
    echo "equals a real namespace inode: $clash"
    echo "ip netns pids named: [$(shimmed ip netns pids named | paste -sd" ")]"
' >"$work/ns.out" 2>&1
check() { grep -qxF -- "$2" "$work/ns.out" && ok "$1" || bad "$1" "wanted \"$2\" in: $(paste -sd'|' "$work/ns.out")"; }
check "unshare -n runs a program in a fresh world namespace" "unshare -n: lo"
check "the world outside is unchanged" "after: lo u1@u0 u0@u1"
check "unshare's hidden namespaces are not listed" "netns list: named"
check "a socket opened before unshare stays in the old namespace" "old socket: lo u1 u0"
check "a socket opened after unshare is in the fresh one" "new socket: lo"
check "a made-up namespace inode is above 32 bits" "fake inode above 32 bits: yes"
check "a made-up namespace inode equals no real one" "equals a real namespace inode: no"
check "ip netns pids matches no host process" "ip netns pids named: []"
# The real ss through the shim asks the world (NETLINK_SOCK_DIAG), not the
# namespace it runs in: a real listener in that namespace is not listed,
# and every listing is what iplab's own ss prints for the same (empty) world.
IPLAB_BIN=${IPLAB_BIN:-$ROOT/target/debug/iplab}
if [[ -x $IPLAB_BIN ]] && command -v ss >/dev/null && command -v python3 >/dev/null; then
    printf '%s\n' "ss -tan" "ss -uan" "ss -tln" "ss -tuna" "ss -tan state established" >"$work/ss.lines"
    "$IPLAB_BIN" "$work/ss.lines" >"$work/ss.iplab" 2>&1
    unshare --net -- bash -c '
        ip link set lo up
        python3 -c "import socket, time; s = socket.socket(); s.bind((\"127.0.0.1\", 7777)); s.listen(); time.sleep(20)" &
        for _ in 1 2 3 4 5 6 7 8 9 10; do ss -tln | grep -q 127.0.0.1:7777 && break; sleep 0.2; done
        ss -tln | grep -q 127.0.0.1:7777 && echo "host listener seen without the shim" >&2
        while read -r line; do env LD_PRELOAD="$LIB" IPLAB_STATE="$work/ss-world" timeout 30 $line; done <"$work/ss.lines"
        kill %1
    ' >"$work/ss.real" 2>"$work/ss.err"
    if grep -q "host listener seen" "$work/ss.err" && ! grep -q 7777 "$work/ss.real" &&
        diff -u --label "ss under the shim" --label "iplab ss" "$work/ss.real" "$work/ss.iplab"; then
        ok "the real ss lists the world's sockets (sock_diag), as iplab's ss does ($(wc -l <"$work/ss.lines") listings)"
    else
        bad "the real ss lists the world's sockets (sock_diag), as iplab's ss does" "$(paste -sd'|' "$work/ss.err")"
    fi
else
    [[ -n ${CI:-} ]] && bad "ss through the shim" "needs ss, python3 and $IPLAB_BIN" || echo "skipped: ss through the shim needs ss, python3 and $IPLAB_BIN"
fi
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
