#!/usr/bin/env bash
# A short coverage-guided fuzz run of every target in fuzz/ (cargo-fuzz,
# libFuzzer), seeded from the netlink goldens and the recorded scenarios
# (fuzz/seeds.py). One process, one core. Each target that ends its run
# without a crash, hang (-timeout) or memory blow-up (-rss_limit_mb)
# passes; the input that failed one is left in fuzz/artifacts/TARGET/.
#
#   scripts/test-fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 20 s)
#   scripts/test-fuzz.sh --runs N [TARGET...]   (N executions each, no time limit)
#
# The long runs behind CONFORMANCE.md's Fuzzing table are the second form
# (`nice -n 10 scripts/test-fuzz.sh --runs 10000000 TARGET`); each prints
# libFuzzer's final line (coverage, corpus) and statistics, and its whole
# log stays in /tmp/iplab-fuzz-TARGET.log.
#
# Last line: "N passed, M failed". Without the nightly toolchain or
# cargo-fuzz (`cargo install cargo-fuzz`) nothing runs: a failure when CI
# is set, a printed skip otherwise.
set -u -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LIMIT=(-max_total_time=20)
if [[ ${1:-} == --runs ]]; then
    [[ ${2:-} =~ ^[0-9]+$ ]] || { echo "usage: $0 --runs N [TARGET...]"; exit 2; }
    LIMIT=(-runs="$2")
    shift 2
elif [[ ${1:-} =~ ^[0-9]+$ ]]; then
    LIMIT=(-max_total_time="$1")
    shift
fi
TARGETS=("$@")
if [[ ${#TARGETS[@]} -eq 0 ]]; then
    TARGETS=(socket_send shell_line snapshot_restore share_link decode)
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
    echo "== fuzz $t: ${LIMIT[*]}"
    cargo +nightly fuzz run -O -a "$t" "corpus/$t" -- \
        "${LIMIT[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 >"/tmp/iplab-fuzz-$t.log" 2>&1
    status=$?
    grep -E "^#[0-9]+.*(DONE|INITED)|^(stat::|Done |SUMMARY|==[0-9]+== ERROR)|panicked" "/tmp/iplab-fuzz-$t.log" | head -12
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
