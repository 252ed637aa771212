#!/usr/bin/env bash
# The preload shim is a boundary: nothing a program runs under it reaches
# the host's network. Inside a throwaway `unshare --net --mount` namespace,
# a canary state is set up in the real namespace (links, addresses, routes,
# a rule, an nft table, sysctl values), a battery of programs runs under
# the shim (ip with every object incl. tunnel/tuntap/xfrm, bridge, tc, nft,
# iptables, ss, ifconfig, sysctl -w, echo > /proc/sys, writes to
# /sys/class/net, raw socket calls, pyroute2's sockets), and afterwards the
# real namespace must be byte-identical to the canary, each refused call
# must have returned the errno preload/README.md documents, and the
# changes must be in the world (its state file).
#
#   leak.sh            LD_PRELOAD library from $IPLAB_PRELOAD_LIB
# Last line: "N passed, M failed". A check that cannot run fails when CI is set.
set -u -o pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
LIB=${IPLAB_PRELOAD_LIB:-$ROOT/target/debug/libiplab_preload.so}
VENV=$ROOT/target/preload-venv

if [[ ${1:-} != --inside ]]; then
    why=""
    [[ $(id -u) -eq 0 ]] || why="needs root"
    command -v unshare >/dev/null || why="needs unshare"
    [[ -x /sbin/ip ]] || why="needs /sbin/ip"
    [[ -f $LIB ]] || why="no shim at $LIB"
    if [[ -n $why ]]; then
        if [[ -n ${CI:-} ]]; then echo "FAIL leak test: $why"; echo "0 passed, 1 failed"; exit 1; fi
        echo "skipped: leak test $why"; echo "0 passed, 0 failed"; exit 0
    fi
    exec unshare --net --mount -- bash "$0" --inside
fi

mount --make-rprivate /
mkdir -p /run/netns && mount -t tmpfs -o mode=0755 tmpfs /run/netns
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1${2:+: $2}"; fail=$((fail + 1)); }
need() { # a tool the battery wants: missing is a failure in CI, a skip outside
    command -v "$1" >/dev/null && return 0
    if [[ -n ${CI:-} ]]; then bad "$1 is installed"; else echo "skip $1 (not installed)"; fi
    return 1
}

# The real namespace, everything a leak could change, in a stable order.
real_state() {
    ip -d link show
    ip -d addr show
    ip route show table all
    ip -6 route show table all
    ip rule show
    ip -6 rule show
    ip neigh show
    ip -6 neigh show nud all
    ip netns list
    ls -A /run/netns
    bridge fdb show
    bridge vlan show
    tc qdisc show
    ip xfrm state
    ip xfrm policy
    ip tuntap show
    nft list ruleset
    iptables-save 2>/dev/null | grep -v '^#'
    ip6tables-save 2>/dev/null | grep -v '^#'
    sysctl -a 2>/dev/null | grep -E '^net\.' | grep -vE 'nf_conntrack_count|stable_secret'
}

# The canary: a little of everything, in the real namespace.
ip link set lo up
ip link add canary0 address 02:00:00:00:ca:01 type veth peer name canary1 address 02:00:00:00:ca:02
ip link set canary0 up
ip addr add 192.0.2.1/24 dev canary0
ip route add 198.51.100.0/24 via 192.0.2.2
ip rule add from 203.0.113.0/24 table 100
nft add table ip canary
sysctl -qw net.ipv4.ip_forward=0 net.ipv4.conf.all.forwarding=0 net.ipv6.conf.all.forwarding=0
real_state >"$work/before" 2>&1

state=$work/world
shimmed() { env LD_PRELOAD="$LIB" IPLAB_STATE="$state" timeout 20 "$@"; }
# Runs one battery line under the shim; its output goes to the log.
run() { echo "\$ $*" >>"$work/log"; shimmed bash -c "$*" >>"$work/log" 2>&1; }
# A battery line that must fail with a message naming the errno.
refused() {
    local name=$1 want=$2
    shift 2
    echo "\$ $*" >>"$work/log"
    local out
    out=$(shimmed bash -c "$*" 2>&1)
    local status=$?
    echo "$out" >>"$work/log"
    if [[ $status -ne 0 && $out == *"$want"* ]]; then ok "$name is refused ($want)"; else bad "$name is refused ($want)" "exit $status: $out"; fi
}

# ip: every object.
run ip link add lk0 type veth peer name lk1
run ip link set lk0 up mtu 1400
run ip addr add 10.88.0.1/24 dev lk0
run ip -6 addr add 2001:db8:88::1/64 dev lk0
run ip route add 10.89.0.0/16 via 10.88.0.2
run ip -6 route add 2001:db8:89::/48 dev lk0
run ip rule add from 10.90.0.0/16 table 90
run ip neigh add 10.88.0.3 lladdr 02:00:00:00:00:03 dev lk0
run ip link add br88 type bridge
run ip link set lk1 master br88
run ip link add link lk0 name lk0.5 type vlan id 5
run ip link add mv0 link lk0 type macvlan
run ip addrlabel add prefix 2001:db8:77::/48 label 77
run ip nexthop add id 88 via 10.88.0.2 dev lk0
run ip maddr add 01:00:5e:00:00:42 dev lk0
run ip netns add leakns
run ip -n leakns link set lo up
run ip netns exec leakns ip link add x0 type veth peer name x1
run ip link set canary0 down
run ip link del canary1
run ip addr flush dev canary0
run ip route flush table main
run ip rule flush
run ip link show
run ip route show table all
run ip mroute show
run ip ntable show
refused "ip tunnel add" "No such device" ip tunnel add gre88 mode gre remote 10.88.0.2 local 10.88.0.1
refused "ip tunnel add (sit)" "No such device" ip tunnel add sit88 mode sit remote 10.88.0.2 local 10.88.0.1
refused "ip tuntap add" "No such device" ip tuntap add tap88 mode tap
refused "ip xfrm state add" "Protocol not supported" "ip xfrm state add src 10.88.0.1 dst 10.88.0.2 proto esp spi 0x100 mode tunnel enc 'cbc(aes)' 0x00112233445566778899aabbccddeeff"
refused "ip xfrm policy" "Protocol not supported" ip xfrm policy list
refused "ip tcp_metrics" "Protocol not supported" ip tcp_metrics show
refused "ip l2tp" "Protocol not supported" ip l2tp show tunnel
refused "ip link set canary0 (absent from the world)" "Cannot find device" ip link set canary0 mtu 1300
# bridge, tc.
run bridge fdb add 02:00:00:00:00:09 dev lk1 master
run bridge vlan add vid 5 dev lk1
run bridge link show
run tc qdisc add dev lk0 root handle 1: htb
run tc qdisc show
run tc filter show dev lk0
# netfilter and sock_diag are modelled: NETLINK_NETFILTER and
# NETLINK_SOCK_DIAG go to the world.
if need nft; then
    run nft add table ip leak
    run "nft add chain ip leak input '{ type filter hook input priority 0; policy drop; }'"
    run nft flush ruleset
    run nft add table ip leak
fi
if need iptables; then run iptables -A INPUT -j DROP; run iptables -t nat -A POSTROUTING -j MASQUERADE; fi
if need ip6tables; then run ip6tables -A INPUT -j DROP; fi
if need ss; then
    out=$(shimmed ss -tan 2>&1)
    echo "\$ ss -tan" >>"$work/log"
    echo "$out" >>"$work/log"
    # The world has no sockets: ss prints its header alone, none of the host's.
    [[ $(wc -l <<<"$out") -eq 1 && $out == State* ]] && ok "ss (sock_diag) lists the world's sockets, not the host's" ||
        bad "ss (sock_diag) lists the world's sockets, not the host's" "$out"
fi
# net-tools: ioctls.
if need ifconfig; then
    run ifconfig lk0 mtu 1300 up
    refused "ifconfig address (SIOCSIFADDR)" "Inappropriate ioctl" ifconfig lk0 10.91.0.1 netmask 255.255.255.0
    refused "ifconfig canary0 (absent from the world)" "No such device" ifconfig canary0 down
fi
if command -v route >/dev/null; then refused "route add (SIOCADDRT)" "Inappropriate ioctl" route add -net 10.92.0.0/16 dev lk0; fi
if command -v brctl >/dev/null; then refused "brctl addbr" "Package not installed" brctl addbr br89; fi
# sysctl and /proc/sys, /sys/class/net.
run sysctl -w net.ipv4.ip_forward=1
run sysctl -w net.ipv6.conf.all.forwarding=1
run 'echo 1 > /proc/sys/net/ipv4/conf/all/forwarding'
run 'cd /proc/sys/net/ipv4/conf/lo && echo 1 > forwarding'
refused "echo > a missing /proc/sys/net key" "No such file or directory" 'echo 1 > /proc/sys/net/ipv4/no_such_key'
refused "echo > /sys/class/net/canary0/mtu" "No such file or directory" 'echo 1300 > /sys/class/net/canary0/mtu'
refused "echo > /sys/class/net/lk0/mtu" "Permission denied" 'echo 1300 > /sys/class/net/lk0/mtu'
refused "echo > /sys/devices/virtual/net/canary0/mtu" "No such file or directory" 'echo 1300 > /sys/devices/virtual/net/canary0/mtu'

# Every libc entry point, with the exact errnos (python through libc).
cat >"$work/calls.py" <<'EOF'
import ctypes, errno, os, socket, struct, fcntl
libc = ctypes.CDLL(None, use_errno=True)
res = []
def expect(name, want, fn):
    try:
        fn()
        got = 0
    except OSError as e:
        got = e.errno
    res.append((name, got == want, f"errno {errno.errorcode.get(got, got)}, wanted {errno.errorcode.get(want, want)}"))
def call(f, *a):
    r = f(*a)
    if r < 0:
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e))
    return r
for proto in [p for p in range(1, 33) if p not in (4, 12)]:  # NETLINK_SOCK_DIAG and NETLINK_NETFILTER are modelled
    expect(f"socket(AF_NETLINK, {proto})", errno.EPROTONOSUPPORT, lambda: socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, proto))
expect("socket(AF_NETLINK, SOCK_STREAM)", errno.ESOCKTNOSUPPORT, lambda: socket.socket(socket.AF_NETLINK, socket.SOCK_STREAM, 0))
expect("socket(AF_PACKET)", errno.EAFNOSUPPORT, lambda: socket.socket(socket.AF_PACKET, socket.SOCK_RAW, 0))
expect("socket(AF_KEY)", errno.EAFNOSUPPORT, lambda: socket.socket(15, socket.SOCK_RAW, 2))
expect("socketpair(AF_NETLINK)", errno.EOPNOTSUPP, lambda: call(libc.socketpair, 16, 3, 0, ctypes.byref((ctypes.c_int * 2)())))
expect("socket(AF_NETLINK, NETLINK_ROUTE) is simulated", 0, lambda: socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0).close())
expect("socket(AF_NETLINK, NETLINK_NETFILTER) is simulated", 0, lambda: socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 12).close())
expect("socket(AF_NETLINK, NETLINK_SOCK_DIAG) is simulated", 0, lambda: socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 4).close())
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
def ifreq(name, data=b""):
    return name.encode().ljust(16, b"\0") + data.ljust(24, b"\0")
expect("ioctl SIOCADDRT", errno.ENOTTY, lambda: fcntl.ioctl(s, 0x890B, bytearray(120)))
expect("ioctl SIOCSIFADDR", errno.ENOTTY, lambda: fcntl.ioctl(s, 0x8916, ifreq("lk0")))
expect("ioctl SIOCBRADDBR", errno.ENOPKG, lambda: fcntl.ioctl(s, 0x89A0, bytearray(b"br89\0")))
expect("ioctl SIOCSIFVLAN", errno.ENOPKG, lambda: fcntl.ioctl(s, 0x8983, bytearray(24)))
expect("ioctl SIOCADDTUNNEL on gre0", errno.ENODEV, lambda: fcntl.ioctl(s, 0x89F1, ifreq("gre0")))
expect("ioctl SIOCETHTOOL on lk0", errno.EOPNOTSUPP, lambda: fcntl.ioctl(s, 0x8946, ifreq("lk0")))
expect("ioctl SIOCSIFMTU on canary0", errno.ENODEV, lambda: fcntl.ioctl(s, 0x8922, ifreq("canary0", struct.pack("i", 1280))))
expect("ioctl SIOCSIFFLAGS on canary0", errno.ENODEV, lambda: fcntl.ioctl(s, 0x8914, ifreq("canary0")))
expect("ioctl SIOCGIFINDEX of canary0", errno.ENODEV, lambda: fcntl.ioctl(s, 0x8933, ifreq("canary0")))
idx = struct.unpack("i", fcntl.ioctl(s, 0x8933, ifreq("lk0"))[16:20])[0]
res.append(("ioctl SIOCGIFINDEX of lk0 from the world", idx == socket.if_nametoindex("lk0") and idx > 0, idx))
mtu = struct.unpack("i", fcntl.ioctl(s, 0x8921, ifreq("lk0"))[16:20])[0]
expect("ioctl SIOCSIFMTU on lk0", 0, lambda: fcntl.ioctl(s, 0x8922, ifreq("lk0", struct.pack("i", 1280))))
mtu2 = struct.unpack("i", fcntl.ioctl(s, 0x8921, ifreq("lk0"))[16:20])[0]
res.append(("ioctl SIOCSIFMTU changes the world", mtu2 == 1280 and mtu != 1280, (mtu, mtu2)))
expect("open /dev/net/tun", errno.ENODEV, lambda: os.open("/dev/net/tun", os.O_RDWR))
expect("open missing /proc/sys/net key", errno.ENOENT, lambda: os.open("/proc/sys/net/ipv4/nope", os.O_WRONLY))
expect("fopen /sys/class/net/canary0/mtu", errno.ENOENT, lambda: call(libc.fopen, b"/sys/class/net/canary0/mtu", b"r") if libc.fopen(b"/sys/class/net/canary0/mtu", b"r") else call(lambda: -1))
fd = os.open("/proc/sys/net/ipv4/conf/all/accept_redirects", os.O_WRONLY)
iov = (ctypes.c_char_p * 2)()
buf = ctypes.create_string_buffer(b"0\n")
class Iovec(ctypes.Structure):
    _fields_ = [("base", ctypes.c_void_p), ("len", ctypes.c_size_t)]
v = Iovec(ctypes.cast(buf, ctypes.c_void_p), 2)
expect("writev to /proc/sys/net", 0, lambda: call(libc.writev, fd, ctypes.byref(v), 1))
bad = ctypes.create_string_buffer(b"x\n")
vb = Iovec(ctypes.cast(bad, ctypes.c_void_p), 2)
expect("writev of a bad value", errno.EINVAL, lambda: call(libc.writev, fd, ctypes.byref(vb), 1))
os.close(fd)
with open("/proc/sys/net/ipv4/conf/all/accept_redirects") as f:
    res.append(("writev reached the world", f.read() == "0\n", "value not written"))
# sendmmsg on a simulated socket: an RTM_GETLINK dump.
nl = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
req = struct.pack("=LHHLL", 32, 18, 0x301, 1, 0) + struct.pack("=BxHiII", 0, 0, 0, 0, 0)
rb = ctypes.create_string_buffer(req)
class Msghdr(ctypes.Structure):
    _fields_ = [("name", ctypes.c_void_p), ("namelen", ctypes.c_uint), ("iov", ctypes.POINTER(Iovec)), ("iovlen", ctypes.c_size_t),
                ("control", ctypes.c_void_p), ("controllen", ctypes.c_size_t), ("flags", ctypes.c_int)]
class Mmsghdr(ctypes.Structure):
    _fields_ = [("hdr", Msghdr), ("len", ctypes.c_uint)]
rv = Iovec(ctypes.cast(rb, ctypes.c_void_p), len(req))
mm = Mmsghdr(Msghdr(None, 0, ctypes.pointer(rv), 1, None, 0, 0), 0)
expect("sendmmsg on a simulated socket", 0, lambda: call(libc.sendmmsg, nl.fileno(), ctypes.byref(mm), 1, 0))
data = b""
def types(d):
    at = 0
    while at + 16 <= len(d):
        n, t = struct.unpack_from("=LH", d, at)
        yield t
        at += max((n + 3) & ~3, 16)
for _ in range(100):
    d = nl.recv(65536)
    data += d
    if 3 in types(d):
        break
res.append(("sendmmsg got the world's links", b"lk0" in data and b"canary0" not in data, data[:40]))
for name, good, why in res:
    print(("ok   " if good else "FAIL ") + name + ("" if good else ": " + str(why)))
EOF
shimmed python3 "$work/calls.py" >"$work/calls.out" 2>&1
echo "== libc entry points" >>"$work/log"
cat "$work/calls.out" >>"$work/log"
while IFS= read -r line; do
    case $line in
        "ok   "*) ok "${line#ok   }" ;;
        "FAIL "*) bad "${line#FAIL }" ;;
    esac
done <"$work/calls.out"
grep -q . "$work/calls.out" && ! grep -qvE '^(ok|FAIL) ' "$work/calls.out" || bad "libc entry point checks ran" "$(tail -3 "$work/calls.out")"

# pyroute2: IPRoute goes to the world, its other sockets are refused.
if [[ -x $VENV/bin/python ]] && "$VENV/bin/python" -c 'import pyroute2' 2>/dev/null; then
    cat >"$work/pyr.py" <<'EOF'
import errno
from pyroute2 import IPRoute
with IPRoute() as ipr:
    ipr.link("add", ifname="pyr0", kind="dummy")
    print("ok   pyroute2 IPRoute adds a link" if ipr.link_lookup(ifname="pyr0") else "FAIL pyroute2 IPRoute adds a link")
def refused(name, make):
    try:
        s = make()
        s.close()
        print(f"FAIL pyroute2 {name} is refused: it opened")
    except OSError as e:
        ok = e.errno == errno.EPROTONOSUPPORT
        print(("ok   " if ok else "FAIL ") + f"pyroute2 {name} is refused (EPROTONOSUPPORT)" + ("" if ok else f": errno {e.errno}"))
    except Exception as e:
        print(f"FAIL pyroute2 {name} is refused: {e!r}")
from pyroute2 import GenericNetlinkSocket
refused("GenericNetlinkSocket", GenericNetlinkSocket)
EOF
    shimmed "$VENV/bin/python" "$work/pyr.py" >"$work/pyr.out" 2>&1
    cat "$work/pyr.out" >>"$work/log"
    while IFS= read -r line; do
        case $line in
            "ok   "*) ok "${line#ok   }" ;;
            "FAIL "*) bad "${line#FAIL }" ;;
        esac
    done <"$work/pyr.out"
    grep -qE '^(ok|FAIL) ' "$work/pyr.out" || bad "pyroute2 checks ran" "$(tail -3 "$work/pyr.out")"
elif [[ -n ${CI:-} ]]; then
    bad "pyroute2 venv ($VENV) is set up" "run tests/preload/pyroute2.sh first"
else
    echo "skip pyroute2 (no venv at $VENV)"
fi

# The real namespace is exactly the canary.
real_state >"$work/after" 2>&1
if diff -u --label canary --label after "$work/before" "$work/after" >"$work/diff"; then
    ok "the real namespace is byte-identical to the canary ($(wc -l <"$work/before") lines)"
else
    bad "the real namespace is byte-identical to the canary"
    cat "$work/diff"
fi
grep -q canary0 "$work/before" && grep -q 'table ip canary' "$work/before" && ok "the canary has a link and an nft table" ||
    bad "the canary has a link and an nft table"

# The world has the battery's changes (the state file changed).
links=$(shimmed ip -br link show 2>&1)
if [[ -s $state && $links == *lk0* && $links == *br88* && $links != *canary* ]]; then ok "the world has the battery's links"; else bad "the world has the battery's links" "$links"; fi
if command -v nft >/dev/null; then
    tables=$(shimmed nft list tables 2>&1)
    [[ $tables == *"table ip leak"* ]] && ok "the world has the nft table" || bad "the world has the nft table" "$tables"
fi
if command -v iptables >/dev/null; then
    rules=$(shimmed iptables -S INPUT 2>&1 | paste -sd'|')
    [[ $rules == *"-A INPUT -j DROP"* ]] && ok "the world has the iptables rule" || bad "the world has the iptables rule" "$rules"
fi
fwd=$(shimmed sysctl -n net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.lo.forwarding net.ipv6.conf.all.forwarding 2>&1 | paste -sd' ')
[[ $fwd == "1 1 1 1" ]] && ok "sysctl -w and echo > /proc/sys reached the world" || bad "sysctl -w and echo > /proc/sys reached the world" "$fwd"

# echo V > /proc/sys/net/... changes the world exactly as sysctl -w does.
for how in sysctl echo; do
    s=$work/$how.world
    for kv in net.ipv4.ip_forward=1 net.ipv4.conf.default.rp_filter=2 net.ipv6.conf.all.forwarding=1; do
        k=${kv%%=*} v=${kv#*=}
        if [[ $how == sysctl ]]; then
            env LD_PRELOAD="$LIB" IPLAB_STATE="$s" sysctl -qw "$kv"
        else
            env LD_PRELOAD="$LIB" IPLAB_STATE="$s" bash -c "echo $v > /proc/sys/${k//.//}"
        fi
    done
    env LD_PRELOAD="$LIB" IPLAB_STATE="$s" sysctl -a 2>/dev/null | grep -E '^net\.' >"$work/$how.all"
done
if [[ -s $work/sysctl.world ]] && cmp -s "$work/sysctl.world" "$work/echo.world" && cmp -s "$work/sysctl.all" "$work/echo.all"; then
    ok "echo > /proc/sys/net changes the world exactly as sysctl -w"
else
    bad "echo > /proc/sys/net changes the world exactly as sysctl -w" "$(diff "$work/sysctl.world" "$work/echo.world" | head -5; diff "$work/sysctl.all" "$work/echo.all" | head -5)"
fi

if ((fail)); then
    echo "--- battery log"
    cat "$work/log"
fi
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
