#!/usr/bin/env bash
# Fork safety of the preload shim: tests/preload/fork_stress.c forks 1,000
# times while four threads send requests through the shim, and each child
# uses netlink; no child may hang (inside a throwaway network namespace,
# with a state file so the file lock is exercised too).
# Last line: "N passed, M failed". A check that cannot run fails when CI is set.
set -u -o pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
LIB=${IPLAB_PRELOAD_LIB:-$ROOT/target/debug/libiplab_preload.so}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
why=""
command -v cc >/dev/null || why="needs a C compiler (cc)"
[[ -f $LIB ]] || why="no shim at $LIB"
if [[ -z $why ]] && ! cc -O1 -pthread -o "$work/fork_stress" "$ROOT/tests/preload/fork_stress.c" 2>"$work/cc.log"; then
    why="fork_stress.c does not build: $(head -3 "$work/cc.log")"
fi
if [[ -n $why ]]; then
    if [[ -n ${CI:-} ]]; then echo "FAIL fork stress: $why"; echo "0 passed, 1 failed"; exit 1; fi
    echo "skipped: fork stress $why"; echo "0 passed, 0 failed"; exit 0
fi
unshare --net -- env LD_PRELOAD="$LIB" IPLAB_STATE="$work/world" timeout 600 "$work/fork_stress" "${1:-1000}"
status=$?
if [[ $status -eq 124 ]]; then echo "FAIL fork stress: the parent hung (timeout)"; echo "0 passed, 1 failed"; exit 1; fi
exit $status
