#!/usr/bin/env bash
# How long one `ip` process takes under the preload shim as the world's
# state file grows: N `ip addrlabel add` processes, then N `ip route add`
# processes, each loop on a fresh state file (what rtnetlink.sh's
# kci_test_addrlabel and fib_nexthops.sh's large groups do). Two builds of
# the shim are timed side by side, interleaved round by round, so that the
# load of a shared machine falls on both alike; the load average is
# printed with each round.
#
#   bench-processes.sh LIB_A LIB_B [N] [ROUNDS]     (as root)
# Prints, per round and loop: wall-clock and CPU (user + system) ms per
# process for A and B, and A/B of each. On a loaded machine the wall-clock
# time is mostly waiting for a core; the CPU time is the work.
set -u -o pipefail
[[ $# -ge 2 ]] || { echo "usage: $0 LIB_A LIB_B [N] [ROUNDS]"; exit 2; }
if [[ ${1:-} != --inside ]]; then
    exec unshare --net --mount -- "$0" --inside "$@"
fi
shift
A=$1 B=$2 N=${3:-500} ROUNDS=${4:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# loop LIB KIND: "WALL CPU", µs per process of N processes of KIND on a
# fresh state.
loop() {
    local lib=$1 kind=$2 state=$work/state i t0 t1
    rm -f "$state" "$state.lock"
    if [[ $kind == route ]]; then
        LD_PRELOAD=$lib IPLAB_STATE=$state ip link add d0 type dummy
        LD_PRELOAD=$lib IPLAB_STATE=$state ip link set d0 up
    fi
    t0=$(date +%s%N)
    for ((i = 0; i < N; i++)); do
        case $kind in
        addrlabel) LD_PRELOAD=$lib IPLAB_STATE=$state ip addrlabel add prefix "2001:db8:$((i / 256)):$((i % 256))::/64" label "$i" ;;
        route) LD_PRELOAD=$lib IPLAB_STATE=$state ip route add "10.$((i / 256)).$((i % 256)).0/24" dev d0 ;;
        esac || { echo "failed at $i" >&2; return 1; }
    done
    t1=$(date +%s%N)
    # The CPU time of this shell's children (`times`' second line).
    local cpu
    times >"$work/times"
    cpu=$(tail -n1 "$work/times" | perl -ne '@t = /(\d+)m([\d.]+)s/g; printf "%d", ($t[0] * 60 + $t[1] + $t[2] * 60 + $t[3]) * 1e6')
    echo "$(((t1 - t0) / N / 1000)) $((cpu / N))"
}

for ((r = 1; r <= ROUNDS; r++)); do
    for kind in addrlabel route; do
        load=$(cut -d' ' -f1-3 /proc/loadavg)
        read -r aw ac < <(loop "$A" "$kind")
        read -r bw bc < <(loop "$B" "$kind")
        printf 'round %d  %-9s N=%d  wall: A %6.1f  B %6.1f ms/process, A/B %5.2f   CPU: A %6.1f  B %6.1f ms/process, A/B %5.2f  (load %s)\n' \
            "$r" "$kind" "$N" "$(bc -l <<<"$aw/1000")" "$(bc -l <<<"$bw/1000")" "$(bc -l <<<"$aw/$bw")" \
            "$(bc -l <<<"$ac/1000")" "$(bc -l <<<"$bc/1000")" "$(bc -l <<<"$ac/$bc")" "$load"
    done
done
