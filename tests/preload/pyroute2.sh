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
unshare --net -- env LD_PRELOAD="$LIB" IPLAB_STATE="$state/world" "$VENV/bin/python" "$ROOT/tests/preload/pyroute2_test.py"
