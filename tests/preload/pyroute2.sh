#!/usr/bin/env bash
# Installs pyroute2 from PyPI into target/preload-venv (once) and runs
# tests/preload/pyroute2_test.py with the shim preloaded on a fresh world,
# inside a throwaway network namespace. Last line: "N passed, M failed".
set -u -o pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
LIB=${IPLAB_PRELOAD_LIB:-$ROOT/target/debug/libiplab_preload.so}
VENV=$ROOT/target/preload-venv
if [[ ! -x $VENV/bin/python ]] || ! "$VENV/bin/python" -c 'import pyroute2' 2>/dev/null; then
    python3 -m venv "$VENV" && "$VENV/bin/pip" install -q pyroute2 ||
        { echo "cannot install pyroute2 into $VENV"; echo "0 passed, 1 failed"; exit 1; }
fi
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
# In a throwaway namespace with a canary link, which must stay untouched,
# and the world's state file must have been written: proof that pyroute2
# talked to iplab and not to the kernel.
unshare --net -- bash -c '
    ip link add canary0 type veth peer name canary1
    before=$(ip -d link show; ip addr show; ip route show table all)
    env LD_PRELOAD="$1" IPLAB_STATE="$2/world" "$3" "$4" | tee "$2/out"
    after=$(ip -d link show; ip addr show; ip route show table all)
    p=0 f=0
    [[ $before == "$after" ]] && { echo "ok   the real namespace is untouched"; p=1; } || { echo "FAIL the real namespace changed"; f=1; }
    [[ -s $2/world ]] && { echo "ok   the world state file was written"; p=$((p + 1)); } || { echo "FAIL no world state file"; f=$((f + 1)); }
    last=$(tail -n1 "$2/out")
    if [[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        p=$((p + BASH_REMATCH[1])) f=$((f + BASH_REMATCH[2]))
    else
        f=$((f + 1))
    fi
    echo "$p passed, $f failed"
    [[ $f -eq 0 ]]
' _ "$LIB" "$state" "$VENV/bin/python" "$ROOT/tests/preload/pyroute2_test.py"
