#!/usr/bin/env bash
# Runs every tests/scenarios/NAME.sh with the real iproute2 (/sbin/ip,
# /sbin/bridge) under the preload shim, one iplab state file per scenario,
# every line on a pseudo-terminal under an interactive bash exactly as
# tests/record/record-scenarios.sh records it from Linux, and compares the
# transcript with tests/golden/NAME.out (after tests/record/normalize.sed).
#
# A difference fails unless the scenario is listed in
# tests/preload/known-gaps.txt (with its reason); a listed scenario that
# matches fails too. The shim leaves inet sockets to the host, so `ping` and
# `traceroute` are iplab's own (`iplab --world STATE`, src/bin/iplab.rs) run
# on the same state file: a directory first on PATH holds two scripts by
# those names, found by bash and by the real `ip netns exec` alike (which
# passes the namespace in IPLAB_NETNS). Every other program (ip, bridge, nft,
# iptables*, sysctl, nc, curl, tcpdump, ss) is the real one.
# The world's clock moves only by what the lines do (IPLAB_CLOCK=virtual), as
# in the native scenarios: under the shim it otherwise follows the wall
# clock, and a slow line would move lifetimes and ages the golden shows.
# Every scenario runs inside its own `unshare --net --mount` (a throwaway
# network namespace and a private /run/netns), so nothing a line does can reach the
# host's network configuration even when the shim does not handle it.
# Each scenario also proves it talked to iplab: a canary link in the real
# namespace must be untouched afterwards, and a scenario with a command that
# changes something must have written its state file.
#
#   scenarios.sh [NAME...]     LD_PRELOAD library from $IPLAB_PRELOAD_LIB
# Last line: "N passed, M failed".
set -u -o pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
LIB=${IPLAB_PRELOAD_LIB:-$ROOT/target/debug/libiplab_preload.so}
BIN=${IPLAB_BIN:-$ROOT/target/debug/iplab}
FILTER=$ROOT/tests/record/normalize.sed
GAPS=$ROOT/tests/preload/known-gaps.txt

if [[ ${1:-} == --inside ]]; then
    shift
    mount --make-rprivate / && mount -t tmpfs -o mode=0755 tmpfs /run/netns 2>/dev/null || mkdir -p /run/netns
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    mkdir "$work/bin"
    for prog in ping traceroute; do
        printf '#!/bin/sh\nexec env -u LD_PRELOAD "%s" --world "$IPLAB_STATE" %s "$@"\n' "$BIN" "$prog" >"$work/bin/$prog"
        chmod +x "$work/bin/$prog"
    done
    pass=0 fail=0
    gaps=$(sed -E 's/#.*//' "$GAPS" 2>/dev/null | awk 'NF{print $1}')
    ip link add canary0 address 02:00:00:00:ca:01 type veth peer name canary1 address 02:00:00:00:ca:02
    ip addr add 192.0.2.1/24 dev canary0
    real_state() { ip -d link show; ip addr show; ip route show table all; ip -6 route show table all; ip rule show; ls -A /run/netns; }
    real_state >"$work/canary" 2>&1
    # Lines that change the world: a scenario with one must leave a state file.
    changes='ip (-[a-z0-9]+ ([a-z0-9]+ )?)*(l|li|lin|link|a|ad|add|addr|address|r|ro|route|ru|rule|n|ne|neigh|netns|nexthop)( [^ ]+)? (add|a|set|s|del|d|delete|change|replace|flush|append)( |$)|sysctl -w|ip -batch|bridge .*(add|del|set)( |$)'
    # Scenarios whose changing commands all fail on Linux too (error transcripts).
    error_only="neigh_help"
    for name in "$@"; do
        scen=$ROOT/tests/scenarios/$name.sh
        state=$work/$name.state
        out=$work/$name.out
        : >"$out"
        while IFS= read -r line || [[ -n $line ]]; do
            t=${line#"${line%%[![:space:]]*}"}
            [[ -z $t || $t == \#* ]] && continue
            printf '$ %s\n' "$line" >>"$out"
            env -i PATH="$work/bin":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
                HOME=/root USER=root LOGNAME=root SHELL=/bin/bash TERM=xterm \
                LANG=C COLUMNS=80 LINES=24 HISTFILE= IPLAB_LINE="$line" \
                LD_PRELOAD="$LIB" IPLAB_STATE="$state" IPLAB_CLOCK=virtual \
                timeout 30 script -qec \
                'stty cols 80 rows 24 2>/dev/null; exec bash --norc --noprofile -i -c "$IPLAB_LINE"' \
                /dev/null </dev/null >"$work/line" 2>&1
            status=$?
            perl -pe 's/\r\n/\n/g' "$work/line" >>"$out"
            [[ $status -ne 0 ]] && printf '[exit %d]\n' "$status" >>"$out"
        done <"$scen"
        listed=0
        grep -qx -- "$name" <<<"$gaps" && listed=1
        if ! real_state 2>&1 | cmp -s - "$work/canary"; then
            echo "FAIL $name: the real namespace changed (a request reached the kernel)"
            real_state 2>&1 | diff -u "$work/canary" - | head -20
            fail=$((fail + 1))
            continue
        fi
        if ! [[ -s $state ]] && grep -qE "$changes" "$scen" && ! grep -qw -- "$name" <<<"$error_only"; then
            echo "FAIL $name: no state file (the world saw none of its changes)"
            fail=$((fail + 1))
            continue
        fi
        if [[ $name == net_* ]] && ! [[ -f $ROOT/tests/golden/$name.out ]]; then
            echo "skip $name (no golden yet)"
            continue
        fi
        if diff -u --label "golden/$name.out" --label "preload/$name.out" \
            <(sed -E -f "$FILTER" "$ROOT/tests/golden/$name.out") <(sed -E -f "$FILTER" "$out") >"$work/diff"; then
            if ((listed)); then
                echo "FAIL $name: listed in known-gaps.txt but matches Linux now (remove it from the list)"
                fail=$((fail + 1))
            else
                echo "ok   $name"
                pass=$((pass + 1))
            fi
        elif ((listed)); then
            echo "gap  $name (known)"
            pass=$((pass + 1))
        else
            echo "FAIL $name"
            cat "$work/diff"
            fail=$((fail + 1))
        fi
    done
    echo "$pass passed, $fail failed"
    [[ $fail -eq 0 ]]
    exit
fi

[[ -x /sbin/ip ]] || { echo "skipped: /sbin/ip is not installed"; echo "0 passed, 0 failed"; exit 0; }
[[ -x $BIN ]] || { echo "no iplab at $BIN (cargo build --bin iplab)"; echo "0 passed, 1 failed"; exit 1; }
[[ -f $LIB ]] || { echo "no shim at $LIB (cargo build -p iplab-preload)"; echo "0 passed, 1 failed"; exit 1; }
names=("$@")
if [[ ${#names[@]} -eq 0 ]]; then
    for f in "$ROOT"/tests/scenarios/*.sh; do names+=("$(basename "$f" .sh)"); done
fi
# Each scenario in its own throwaway namespace, as the recorder runs them;
# IPLAB_JOBS of them at a time (default: one per core), since each spends
# most of its time starting processes one after the other. The world's clock
# is virtual (IPLAB_CLOCK above), so a busy machine changes no transcript.
# Their reports are printed in the order the scenarios were given.
jobs=${IPLAB_JOBS:-$(nproc 2>/dev/null || echo 1)}
[[ $jobs =~ ^[1-9][0-9]*$ ]] || jobs=1
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
running=0
for i in "${!names[@]}"; do
    if ((running >= jobs)); then
        wait -n
        running=$((running - 1))
    fi
    unshare --net --mount -- bash "$0" --inside "${names[$i]}" >"$results/$i" 2>&1 &
    running=$((running + 1))
done
wait
pass=0 fail=0
for i in "${!names[@]}"; do
    name=${names[$i]}
    res=$(cat "$results/$i")
    sed '$d' <<<"$res"
    last=$(tail -n1 <<<"$res")
    if [[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        pass=$((pass + BASH_REMATCH[1])) fail=$((fail + BASH_REMATCH[2]))
    else
        echo "FAIL $name: runner broke"; fail=$((fail + 1))
    fi
done
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
