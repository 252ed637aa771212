#!/usr/bin/env bash
# The preload shim (preload/): builds it, then runs its unit tests, every
# conformance scenario with the real /sbin/ip through it, pyroute2 through it,
# `ip monitor` across processes, the leak test (nothing reaches the host's
# network) and the fork stress test. Needs root (unshare --net --mount),
# iproute2 6.1, util-linux `script`, perl, python3 with venv, and network
# access to PyPI once (pyroute2 goes into target/preload-venv).
# Last line: "N passed, M failed".
set -u -o pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# The `shim` profile (optimised, with debug assertions and overflow checks,
# Cargo.toml): every `ip` process replays the world's state file, and the
# scenarios run about twice as fast as in a debug build. The selftests use
# the same build, so CI builds the crate for the shim once.
echo "== build the shim (profile shim)"
if ! cargo build --profile shim -p iplab-preload || ! cargo build --profile shim --bin iplab; then
    echo "0 passed, 1 failed"
    exit 1
fi
export IPLAB_PRELOAD_LIB=$PWD/target/shim/libiplab_preload.so
export IPLAB_BIN=$PWD/target/shim/iplab

echo "== unit tests (cargo test --profile shim -p iplab-preload)"
cargo test --profile shim -p iplab-preload 2>&1 | tee -a "$log"
unit_pass=$(sed -nE 's/^test result:.* ([0-9]+) passed.*/\1/p' "$log" | paste -sd+ | bc)
unit_fail=$(sed -nE 's/^test result:.* ([0-9]+) failed.*/\1/p' "$log" | paste -sd+ | bc)
: >"$log"

for t in scenarios pyroute2 monitor leak fork dumps sockets; do
    echo "== $t"
    bash "tests/preload/$t.sh" 2>&1 | tee "$log.$t"
done
count() { tail -n1 "$log.$1" | sed -nE "s/^([0-9]+) passed, ([0-9]+) failed$/\\$2/p"; }
passed=${unit_pass:-0} failed=${unit_fail:-0}
for t in scenarios pyroute2 monitor leak fork dumps sockets; do
    p=$(count "$t" 1) f=$(count "$t" 2)
    if [[ -z $p ]]; then p=0 f=1; fi
    passed=$((passed + p)) failed=$((failed + f))
    rm -f "$log.$t"
done
echo "${passed} passed, ${failed} failed"
[[ $failed -eq 0 ]]
