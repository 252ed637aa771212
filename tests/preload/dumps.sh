#!/usr/bin/env bash
# Dumps arrive packed into datagrams as Linux packs them: the same 600
# routes are made on the kernel (a throwaway namespace) and in a world
# through the shim, and tests/preload/dump_sizes.c prints the size and
# message count of every datagram of two route dumps, with 32 KiB, 8 KiB
# and 1000-byte reader buffers; the transcripts must be equal.
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
if [[ -z $why ]] && ! cc -O1 -o "$work/dump_sizes" "$ROOT/tests/preload/dump_sizes.c" 2>"$work/cc.log"; then
    why="dump_sizes.c does not build: $(head -3 "$work/cc.log")"
fi
if [[ -n $why ]]; then
    if [[ -n ${CI:-} ]]; then echo "FAIL dump packing: $why"; echo "0 passed, 1 failed"; exit 1; fi
    echo "skipped: dump packing $why"; echo "0 passed, 0 failed"; exit 0
fi
cat >"$work/setup" <<'SETUP'
link set lo up
link add d0 address 02:00:00:00:d0:01 type veth peer name d1 address 02:00:00:00:d0:02
link set d0 up
address add 10.0.0.1/8 dev d0
SETUP
for i in $(seq 1 600); do echo "route add 11.$((i / 250)).$((i % 250)).0/24 dev d0"; done >>"$work/setup"
probe() { for size in 32768 8192 1000; do echo "== buffer $size"; "$work/dump_sizes" "$size"; done; }
export -f probe
export work
unshare --net -- timeout 300 bash -c 'ip -batch "$work/setup" && probe' >"$work/linux" 2>&1
unshare --net -- env LD_PRELOAD="$LIB" IPLAB_STATE="$work/world" timeout 300 bash -c 'ip -batch "$work/setup" && probe' >"$work/iplab" 2>&1
pass=0 fail=0
if [[ $(grep -c datagram "$work/linux") -gt 6 ]] && diff -u --label linux --label iplab "$work/linux" "$work/iplab"; then
    echo "ok   route dumps arrive in datagrams of the sizes Linux makes ($(grep -c datagram "$work/linux") datagrams)"
    pass=1
else
    echo "FAIL route dumps arrive in datagrams of the sizes Linux makes"
    fail=1
fi
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
