#!/usr/bin/env bash
# A short coverage-guided fuzz run of every target in fuzz/ (cargo-fuzz,
# libFuzzer), seeded from the netlink goldens and the recorded scenarios
# (fuzz/seeds.py). One process, one core. Each target that ends its run
# without a crash, hang (-timeout) or memory blow-up (-rss_limit_mb)
# passes; the input that failed one is left in fuzz/artifacts/TARGET/.
#
#   scripts/test-fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 20 s)
#
# Last line: "N passed, M failed". Without the nightly toolchain or
# cargo-fuzz (`cargo install cargo-fuzz`) nothing runs: a failure when CI
# is set, a printed skip otherwise.
set -u -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECONDS_EACH=${1:-20}
shift || true
TARGETS=("$@")
if [[ ${#TARGETS[@]} -eq 0 ]]; then
    TARGETS=(socket_send shell_line snapshot_restore decode)
fi

missing=""
cargo +nightly --version >/dev/null 2>&1 || missing="the nightly toolchain"
[[ -z $missing ]] && ! cargo +nightly fuzz --version >/dev/null 2>&1 && missing="cargo-fuzz"
if [[ -n $missing ]]; then
    if [[ -n ${CI:-} ]]; then
        echo "fuzz: $missing is missing"
        echo "0 passed, 1 failed"
        exit 1
    fi
    echo "skipped: $missing is missing"
    echo "0 passed, 0 failed"
    exit 0
fi

cd "$ROOT/fuzz" || exit 2
python3 seeds.py || { echo "0 passed, 1 failed"; exit 1; }
# Release code with debug assertions: integer overflow panics as in tests.
if ! CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1} cargo +nightly fuzz build -O -a; then
    echo "0 passed, 1 failed"
    exit 1
fi

passed=0
failed=0
for t in "${TARGETS[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    before=$(ls "artifacts/$t" | wc -l)
    echo "== fuzz $t: ${SECONDS_EACH}s"
    cargo +nightly fuzz run -O -a "$t" "corpus/$t" -- \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 >"/tmp/iplab-fuzz-$t.log" 2>&1
    status=$?
    grep -E "^(stat::number_of_executed_units|Done |SUMMARY|==[0-9]+== ERROR)|panicked" "/tmp/iplab-fuzz-$t.log" | head -5
    after=$(ls "artifacts/$t" | wc -l)
    if [[ $status -eq 0 && $after -eq $before ]]; then
        passed=$((passed + 1))
    else
        echo "fuzz $t: FAILED (status $status), inputs in fuzz/artifacts/$t/"
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
