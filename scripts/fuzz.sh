#!/usr/bin/env bash
# A short coverage-guided fuzz run of every target in fuzz/ (cargo-fuzz,
# libFuzzer): the seeds come from the netlink goldens and the recorded
# scenarios (fuzz/seeds.py). One process, one core.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Exits 1 when a target crashes, hangs (-timeout) or runs out of memory
# (-rss_limit_mb); the input that did it is left in fuzz/artifacts/TARGET/.
# Prints "skipped: ..." and exits 0 when the nightly toolchain or
# cargo-fuzz is missing (`cargo install cargo-fuzz`).
set -u -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECONDS_EACH=${1:-20}
shift || true
TARGETS=("$@")
if [[ ${#TARGETS[@]} -eq 0 ]]; then
    TARGETS=(socket_send shell_line snapshot_restore decode)
fi

if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "skipped: no nightly toolchain"; exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "skipped: cargo-fuzz is not installed"; exit 0
fi

cd "$ROOT/fuzz" || exit 2
python3 seeds.py || exit 2
# Release code with debug assertions: integer overflow panics as in tests.
CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1} cargo +nightly fuzz build -O -a || exit 2

failed=0
for t in "${TARGETS[@]}"; do
    mkdir -p "corpus/$t"
    echo "fuzz $t: ${SECONDS_EACH}s"
    if ! cargo +nightly fuzz run -O -a "$t" "corpus/$t" -- \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 2>&1 | grep -E "^(stat::number_of_executed_units|Done|SUMMARY|==[0-9]+== ERROR|thread .* panicked)"; then
        :
    fi
    if compgen -G "artifacts/$t/*" >/dev/null; then
        echo "fuzz $t: FAILED, inputs in fuzz/artifacts/$t/"
        failed=1
    fi
done
exit $failed
