#!/usr/bin/env bash
# pyroute2's own IPRoute tests (tests/test_linux/test_ipr of pyroute2 0.9.5)
# against iplab through the preload shim, in one pytest process inside
# `unshare --net --mount`, under a global timeout (a hang fails the run).
#
#   scripts/test-pyroute2.sh            run against iplab, compare with
#                                       tests/pyroute2/known-gaps.txt
#   scripts/test-pyroute2.sh --kernel   the same tests on the real kernel
#                                       (the recording kernel has no dummy
#                                       module: every test whose context
#                                       creates its dummy link errors there)
#
# The tests come from the 0.9.5 release tag of github.com/svinota/pyroute2
# (the PyPI sdist of 0.9.5 ships only tests/test_unit): PYROUTE2_SRC names
# a git checkout holding that tag, or PYROUTE2_TESTS an extracted `tests`
# folder. The pyroute2 package itself is installed from PyPI (pinned).
# Last line: "N passed, M failed", where a failure is a test that fails
# and is not listed in known-gaps.txt, a listed test that now passes (the
# list only shrinks), or the run not finishing.
set -u -o pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
VERSION=0.9.5
VENV=$ROOT/target/pyroute2-venv
TESTS=${PYROUTE2_TESTS:-$ROOT/target/pyroute2-tests/tests}
GAPS=$ROOT/tests/pyroute2/known-gaps.txt
LIB=${IPLAB_PRELOAD_LIB:-$ROOT/target/debug/libiplab_preload.so}
GLOBAL_TIMEOUT=${PYROUTE2_TIMEOUT:-1500}
# A pytest -k expression to run part of the suite ("not netns" skips the
# target=netns variants); empty runs everything.
SELECT=${PYROUTE2_SELECT:-}
mode=iplab
[[ ${1:-} == --kernel ]] && mode=kernel

cannot() { echo "cannot run: $1"; echo "0 passed, 1 failed"; exit 1; }

[[ $(id -u) == 0 ]] || cannot "needs root (unshare --net --mount)"
command -v unshare >/dev/null || cannot "unshare is missing"

if ! "$VENV/bin/python" -c "import pyroute2, pytest, pytest_timeout, netaddr; assert pyroute2.__version__ == '$VERSION'" 2>/dev/null; then
    python3 -m venv "$VENV" &&
        "$VENV/bin/pip" install -q "pyroute2==$VERSION" pytest pytest-timeout "pytest-asyncio==0.26.0" netaddr ||
        cannot "pip could not install pyroute2 $VERSION into $VENV"
fi

if [[ ! -d $TESTS/test_linux/test_ipr ]]; then
    [[ -n ${PYROUTE2_SRC:-} ]] || cannot "pyroute2's test_linux is not in the PyPI sdist; set PYROUTE2_SRC to a git checkout with tag $VERSION (or PYROUTE2_TESTS)"
    mkdir -p "$TESTS/.."
    git -C "$PYROUTE2_SRC" archive "$VERSION" tests/utils.py tests/test_linux/conftest.py tests/test_linux/pr2test \
        tests/test_linux/fixtures tests/test_linux/test_ipr | tar -x -C "$TESTS/.." ||
        cannot "no tag $VERSION in $PYROUTE2_SRC"
fi

if [[ $mode == iplab && -z ${IPLAB_PRELOAD_LIB:-} ]]; then
    (cd "$ROOT" && cargo build -q -p iplab-preload) || cannot "the preload shim does not build"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
env_args=(PYTHONPATH="$ROOT/tests/pyroute2")
if [[ $mode == iplab ]]; then
    env_args+=(LD_PRELOAD="$LIB" IPLAB_STATE="$out/world")
fi
# One pytest process; each test at most 60 s (pyroute2's own setting).
timeout --kill-after=10 "$GLOBAL_TIMEOUT" unshare --net --mount bash -c '
    mount -t tmpfs none /run/netns 2>/dev/null || { mkdir -p /run/netns && mount -t tmpfs none /run/netns; }
    cd "$1" && shift && exec env "$@"' _ "$TESTS" "${env_args[@]}" \
    "$VENV/bin/python" -m pytest test_linux/test_ipr ${SELECT:+-k "$SELECT"} -p pr2_standins -p no:cacheprovider \
    --timeout=60 -q -rA --junitxml="$out/junit.xml" >"$out/log" 2>&1
status=$?
tail -n 3 "$out/log"
if [[ $status == 124 || $status == 137 ]]; then
    echo "pytest did not finish within ${GLOBAL_TIMEOUT}s"
    echo "0 passed, 1 failed"
    exit 1
fi
[[ -s $out/junit.xml ]] || { echo "no results (pytest exit $status)"; echo "0 passed, 1 failed"; exit 1; }
"$VENV/bin/python" "$ROOT/tests/pyroute2/compare.py" "$out/junit.xml" "$GAPS" "$mode"
