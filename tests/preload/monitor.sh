#!/usr/bin/env bash
# `ip monitor all` under the preload shim must print the events that a
# second `ip` process causes, as Linux prints them. The golden transcript
# tests/preload/golden/monitor.out is recorded from the real kernel with
# `monitor.sh --record` (same commands, no shim, in a throwaway namespace).
# Last line: "N passed, M failed".
set -u -o pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
LIB=${IPLAB_PRELOAD_LIB:-$ROOT/target/debug/libiplab_preload.so}
GOLDEN=$ROOT/tests/preload/golden/monitor.out

# The commands of the second process.
COMMANDS=(
    "link add v0 address 02:00:00:00:07:01 type veth peer name v1 address 02:00:00:00:07:02"
    "addr add 10.7.0.1/24 dev v0"
    "link set v0 mtu 1400"
    "addr del 10.7.0.1/24 dev v0"
    "link del v0"
)

if [[ ${1:-} == --inside ]]; then
    out=$2
    ip monitor all >"$out" 2>&1 &
    mon=$!
    sleep 0.5
    for c in "${COMMANDS[@]}"; do
        read -ra words <<<"$c"
        ip "${words[@]}"
        sleep 0.2
    done
    sleep 0.5
    kill "$mon"
    wait "$mon" 2>/dev/null
    exit 0
fi

if [[ ${1:-} == --record ]]; then
    mkdir -p "$(dirname "$GOLDEN")"
    unshare --net -- bash "$0" --inside "$GOLDEN"
    echo "recorded $GOLDEN"
    exit 0
fi

if [[ ${1:-} == --canary ]]; then
    # In the throwaway namespace: a canary link, the shimmed run, then the
    # canary must be untouched and the world's state file written.
    ip link add canary0 type veth peer name canary1
    before=$(ip -d link show; ip addr show; ip route show table all)
    env LD_PRELOAD="$LIB" IPLAB_STATE="$2/world" bash "$0" --inside "$2/monitor.out"
    after=$(ip -d link show; ip addr show; ip route show table all)
    [[ $before == "$after" ]] || { echo "the real namespace changed"; exit 1; }
    [[ -s $2/world ]] || { echo "no state file: the world saw nothing"; exit 1; }
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! unshare --net -- bash "$0" --canary "$work"; then
    echo "FAIL ip monitor all: it did not talk to iplab"
    echo "0 passed, 1 failed"
    exit 1
fi
if diff -u --label golden/monitor.out --label preload/monitor.out "$GOLDEN" "$work/monitor.out"; then
    echo "ok   ip monitor all sees another process's changes"
    echo "1 passed, 0 failed"
else
    echo "FAIL ip monitor all"
    echo "0 passed, 1 failed"
    exit 1
fi
