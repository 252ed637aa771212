#!/usr/bin/env bash
# The Linux kernel's own route selftests (tools/testing/selftests/net:
# fib_tests.sh, fib_rule_tests.sh, rtnetlink.sh, fib-onlink-tests.sh,
# fib_nexthops.sh), run on
# the kernel of this machine and through the preload shim with the real
# iproute2, check by check. The scripts are GPL-2.0 and not part of this
# repository: they are taken at test time from Debian's `linux-source-6.1`
# package (scripts/setup.sh --test installs it), or from $SELFTESTS_DIR.
#
# Each group of checks (one `-t NAME` of fib_tests.sh, fib_rule_tests.sh and
# fib_nexthops.sh (without its *_torture stress runs of 300 s each),
# one kci_test_* function of rtnetlink.sh, the whole of fib-onlink-tests.sh)
# runs alone: on the kernel inside its own `unshare --net --mount`, with each
# `dummy` stood in by a veth pair where the kernel lacks the dummy module
# (tests/selftests/ip-dummy-standin); through the shim with a fresh world
# state file, also inside `unshare --net --mount` so that nothing can reach
# the host. A check is a "TEST: ... [ OK ]/[FAIL]" line (a "PASS:/FAIL:"
# verdict of an rtnetlink.sh function), named by its group, its message and
# how many times that message came before in the group.
#
# A check the kernel passes and iplab does not fails the suite unless
# tests/selftests/known-gaps.txt lists it with its reason; a listed check
# iplab passes fails too (take it off the list). The kernel's results are
# kept in target/selftests/ (keyed by kernel release and script checksum);
# SELFTESTS_FRESH=1 runs the kernel again.
#
#   test-selftests.sh [SCRIPT...]     SCRIPT: fib_tests fib_rule_tests rtnetlink fib-onlink-tests fib_nexthops
# Last line: "N passed, M failed".
set -u -o pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
HERE=$ROOT/tests/selftests
CACHE=$ROOT/target/selftests
GAPS=$HERE/known-gaps.txt
TARBALL=${SELFTESTS_TARBALL:-/usr/src/linux-source-6.1.tar.xz}
SCRIPTS=(fib_tests fib_rule_tests rtnetlink fib-onlink-tests fib_nexthops)
[[ $# -gt 0 ]] && SCRIPTS=("$@")
mkdir -p "$CACHE"

# --- the scripts -----------------------------------------------------------
src=${SELFTESTS_DIR:-}
if [[ -z $src ]]; then
    src=$CACHE/net
    if [[ ! -f $src/fib_nexthops.sh || $TARBALL -nt $src/fib_tests.sh ]]; then
        if [[ ! -f $TARBALL ]]; then
            echo "no kernel selftests: install linux-source-6.1 (scripts/setup.sh --test) or set SELFTESTS_DIR"
            echo "0 passed, 1 failed"
            exit 1
        fi
        echo "== extract the selftests from $TARBALL"
        rm -rf "$src" && mkdir -p "$src"
        top=$(tar -tJf "$TARBALL" | head -n1 | cut -d/ -f1)
        if ! tar -xJf "$TARBALL" -C "$src" --strip-components=5 \
            "$top/tools/testing/selftests/net/fib_tests.sh" \
            "$top/tools/testing/selftests/net/fib_rule_tests.sh" \
            "$top/tools/testing/selftests/net/rtnetlink.sh" \
            "$top/tools/testing/selftests/net/fib-onlink-tests.sh" \
            "$top/tools/testing/selftests/net/fib_nexthops.sh"; then
            echo "0 passed, 1 failed"
            exit 1
        fi
        touch "$src"/*.sh
    fi
fi

# --- the shim --------------------------------------------------------------
# Optimised (the `shim` profile of Cargo.toml): every `ip` process replays
# the group's state file, and loops of thousands of them (addrlabel, the
# large next-hop groups) outlast the 90 s limit in a debug build.
echo "== build the shim and iplab (profile shim)"
if ! (cd "$ROOT" && cargo build -q --profile shim -p iplab-preload && cargo build -q --profile shim --bin iplab); then
    echo "0 passed, 1 failed"
    exit 1
fi
LIB=${IPLAB_PRELOAD_LIB:-$ROOT/target/shim/libiplab_preload.so}
BIN=${IPLAB_BIN:-$ROOT/target/shim/iplab}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The shim leaves inet sockets to the host, so `ping` is iplab's own
# (`iplab --world STATE ping`) on the group's state file, first on PATH
# where bash and the real `ip netns exec` (which passes the namespace in
# IPLAB_NETNS) find it; `ping6` is `ping -6`, as iputils' ping6 link is.
mkdir -p "$work/ping"
printf '#!/bin/sh\nexec env -u LD_PRELOAD "%s" --world "$IPLAB_STATE" ping "$@"\n' "$BIN" >"$work/ping/ping"
printf '#!/bin/sh\nexec env -u LD_PRELOAD "%s" --world "$IPLAB_STATE" ping -6 "$@"\n' "$BIN" >"$work/ping/ping6"
chmod +x "$work/ping/ping" "$work/ping/ping6"
mkdir -p "$work/standin"
ln -s "$HERE/ip-dummy-standin" "$work/standin/ip"
dummy_missing=0
unshare --net ip link add probe0 type dummy 2>/dev/null || dummy_missing=1
vrf_missing=0
unshare --net ip link add probe0 type vrf table 10 2>/dev/null || vrf_missing=1

# The groups of a script, one a line.
groups_of() {
    case $1 in
    fib_tests | fib_rule_tests) sed -nE 's/^TESTS="(.*)"$/\1/p' "$src/$1.sh" | tr ' ' '\n' ;;
    rtnetlink) sed -n '/^kci_test_rtnl()/,/^}/p' "$src/rtnetlink.sh" | sed -nE 's/^\s+(kci_test_[a-z0-9_]+)$/\1/p' ;;
    fib-onlink-tests) echo onlink ;;
    fib_nexthops) sed -n '/^ALL_TESTS="/,/^"/p; /^IPV[46]_TESTS="/,/^"/p' "$src/$1.sh" | sed -nE 's/^\s+([a-z0-9_]+)$/\1/p' | grep -v '_torture$' | awk '!seen[$0]++' ;;
    esac
}

# The command that runs one group, from inside $src (MODE kernel or iplab).
group_command() {
    case $1 in
    fib_tests | fib_rule_tests | fib_nexthops) echo "bash ./$1.sh -t $2" ;;
    fib-onlink-tests)
        if ((vrf_missing)) && [[ $3 == kernel ]]; then
            # Without the vrf module the set-up stops at its first line: the
            # kernel runs the script without the VRF device and its enslaving
            # (the VRF checks then use table 1101 as a plain table); iplab,
            # which has VRFs, runs it as written.
            sed -e '/ type vrf table /d' -e '/ li set ${VRF} up$/d' -e 's/^\(\s*\)ip li set .* vrf ${VRF}$/\1:/' \
                "$src/$1.sh" >"$work/$1-novrf.sh"
            echo "bash $work/$1-novrf.sh"
        else
            echo "bash ./$1.sh"
        fi
        ;;
    rtnetlink)
        # The script's functions without its last call, then one of them
        # between adding and deleting the dummy as kci_test_rtnl does.
        sed -e '/^kci_test_rtnl$/d' -e '/^exit \$?$/d' "$src/rtnetlink.sh" >"$work/rtnetlink-lib.sh"
        echo "bash -c 'source $work/rtnetlink-lib.sh; ret=0; kci_add_dummy; $2; rc=\$?; kci_del_dummy; exit \$rc'"
        ;;
    esac
}

# in_netns MODE CMD [ENV...]: runs CMD from inside $src in its own
# `unshare --net --mount` with a private /run/netns, for at most 90 s.
in_netns() {
    local mode=$1 cmd=$2
    shift 2
    unshare --net --mount env MODE="$mode" CMD="$cmd" DIR="$src" "$@" bash -c '
        mount --make-rprivate / && mount -t tmpfs -o mode=0755 tmpfs /run/netns 2>/dev/null || mkdir -p /run/netns
        cd "$DIR" || exit 1
        if [[ $MODE == iplab ]]; then
            LD_PRELOAD=$LIB IPLAB_STATE=$STATE timeout 90 bash -c "$CMD" </dev/null
        else
            timeout 90 bash -c "$CMD" </dev/null
        fi' 2>&1
}

# run_kernel SCRIPT GROUP: the group's output on the kernel.
run_kernel() {
    local path=$PATH
    ((dummy_missing)) && path=$work/standin:$PATH
    in_netns kernel "$(group_command "$1" "$2" kernel)" PATH="$path"
}

# run_iplab SCRIPT GROUP: the group's output through the shim, on a fresh
# world state file, with iplab's ping first on PATH.
run_iplab() {
    local state=$work/$1.$2.state
    rm -f "$state"
    in_netns iplab "$(group_command "$1" "$2" iplab)" PATH="$work/ping:$PATH" LIB="$LIB" STATE="$state"
}

# in_parallel RUN SCRIPT MODE: runs RUN SCRIPT GROUP for every group of
# SCRIPT, SELFTESTS_JOBS of them at a time (default: one per core), each in
# its own namespace and (for iplab) its own state file; a group's output goes
# to $work/MODE.GROUP.out and its wall-clock seconds to .seconds. Most of a
# group's time is processes started one after the other and its own sleeps.
in_parallel() {
    local run=$1 script=$2 mode=$3 running=0 g
    local jobs=${SELFTESTS_JOBS:-$(nproc 2>/dev/null || echo 1)}
    [[ $jobs =~ ^[1-9][0-9]*$ ]] || jobs=1
    for g in $(groups_of "$script"); do
        if ((running >= jobs)); then
            wait -n
            running=$((running - 1))
        fi
        (
            t0=$SECONDS
            "$run" "$script" "$g" >"$work/$mode.$g.out"
            echo $((SECONDS - t0)) >"$work/$mode.$g.seconds"
        ) &
        running=$((running + 1))
    done
    wait
}

# Checks of a group's output: "GROUP: MESSAGE #N<TAB>OK|FAIL".
checks_of() {
    local group=$1
    perl -ne '
        BEGIN { $g = shift @ARGV }
        if (/^\s*TEST: (.*?)\s+\[ ?(OK|FAIL) ?\]\s*$/) { $m = $1; $s = $2 }
        elsif (/^(PASS|FAIL): (.*?)\s*$/) { $m = $2; $s = $1 eq "PASS" ? "OK" : "FAIL" }
        else { next }
        $n = $seen{$m}++;
        print "$g: $m #$n\t$s\n";' "$group"
}

gaps=$(sed -E 's/^#.*//; s/[[:space:]]+# .*//' "$GAPS" 2>/dev/null | grep -v '^$')
# Gaps whose reason starts with "(timing)" depend on when another process
# runs (a background `ip monitor`): they may pass or fail from run to run.
timing=$(sed -nE 's/^([^#].*[^[:space:]])[[:space:]]+# \(timing\).*/\1/p' "$GAPS" 2>/dev/null)
total_pass=0 total_fail=0
table=()
for script in "${SCRIPTS[@]}"; do
    [[ -f $src/$script.sh ]] || { echo "FAIL $script: no $src/$script.sh"; total_fail=$((total_fail + 1)); continue; }
    # The kernel's results depend on the script, the stand-in and how a
    # group is run on the kernel, not on the iplab side of this file.
    sum=$( (uname -r; cat "$src/$script.sh" "$HERE/ip-dummy-standin"; declare -f groups_of group_command in_netns run_kernel checks_of) | sha256sum | cut -c1-16)
    kernel=$CACHE/kernel-$script-$sum.checks
    if [[ ${SELFTESTS_FRESH:-0} == 1 || ! -s $kernel ]]; then
        : >"$kernel.tmp"
        in_parallel run_kernel "$script" kernel
        for g in $(groups_of "$script"); do
            echo "== kernel: $script $g ($(cat "$work/kernel.$g.seconds") s)"
            checks_of "$g" <"$work/kernel.$g.out" >>"$kernel.tmp"
        done
        rm -f "$CACHE/kernel-$script-"*.checks
        mv "$kernel.tmp" "$kernel"
    fi
    : >"$work/iplab"
    in_parallel run_iplab "$script" iplab
    for g in $(groups_of "$script"); do
        echo "== iplab: $script $g ($(cat "$work/iplab.$g.seconds") s)"
        checks_of "$g" <"$work/iplab.$g.out" >>"$work/iplab"
        [[ ${SELFTESTS_VERBOSE:-0} == 1 ]] && cat "$work/iplab.$g.out"
    done
    kp=$(grep -c $'\tOK$' "$kernel") kf=$(grep -c $'\tFAIL$' "$kernel")
    ip=$(grep -c $'\tOK$' "$work/iplab") if=$(grep -c $'\tFAIL$' "$work/iplab")
    known=0 regress=0 better=0
    while IFS=$'\t' read -r key kstate; do
        istate=$(awk -F'\t' -v k="$key" '$1 == k { print $2; exit }' "$work/iplab")
        listed=0
        grep -qxF -- "$script: $key" <<<"$gaps" && listed=1
        if [[ $kstate == OK ]]; then
            if [[ $istate == OK ]]; then
                if ((listed)) && grep -qxF -- "$script: $key" <<<"$timing"; then
                    known=$((known + 1))
                    total_pass=$((total_pass + 1))
                elif ((listed)); then
                    echo "FAIL $script: $key passes now: take it off $GAPS"
                    total_fail=$((total_fail + 1))
                else
                    total_pass=$((total_pass + 1))
                fi
            elif ((listed)); then
                known=$((known + 1))
                total_pass=$((total_pass + 1))
            else
                echo "FAIL $script: $key (kernel OK, iplab ${istate:-missing})"
                regress=$((regress + 1))
                total_fail=$((total_fail + 1))
            fi
        elif [[ $istate == OK ]]; then
            echo "note $script: $key (kernel FAIL, iplab OK)"
            better=$((better + 1))
        fi
    done <"$kernel"
    line=$(printf '%-18s kernel %3d pass %3d fail | iplab %3d pass %3d fail | known gaps %3d | iplab-only passes %3d | unlisted regressions %d' \
        "$script" "$kp" "$kf" "$ip" "$if" "$known" "$better" "$regress")
    echo "$line"
    table+=("$line")
done
echo
printf '%s\n' "${table[@]}"
echo "${total_pass} passed, ${total_fail} failed"
[[ $total_fail -eq 0 ]]
