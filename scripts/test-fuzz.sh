#!/usr/bin/env bash
# A short coverage-guided fuzz run of every target in fuzz/ (cargo-fuzz,
# libFuzzer), seeded from the netlink goldens and the recorded scenarios
# (fuzz/seeds.py). One process, one core. Each target that ends its run
# without a crash, hang (-timeout) or memory blow-up (-rss_limit_mb)
# passes; the input that failed one is left in fuzz/artifacts/TARGET/.
#
#   scripts/test-fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 20 s)
#   scripts/test-fuzz.sh [--runs N] [--max-time S] [--sanitizer none] [TARGET...]
#
# --runs N stops each target after N executions (libFuzzer's -runs), and
# --max-time S after S seconds, whichever comes first. --sanitizer none
# builds without AddressSanitizer (into fuzz/target/no-sanitizer, apart
# from CI's build): the library is safe Rust, so ASan adds little but cost
# there, while overflow checks (-a), the hang timeout and the memory limit
# stay. The long runs behind CONFORMANCE.md's Fuzzing table are
# `nice -n 19 scripts/test-fuzz.sh --runs 10000000 --sanitizer none TARGET`;
# each prints the load average at its start and end, its time, libFuzzer's
# last status line (coverage, corpus) and final statistics, and its whole
# log stays in fuzz/logs/TARGET.log.
#
# Last line: "N passed, M failed". Without the nightly toolchain or
# cargo-fuzz (`cargo install cargo-fuzz`) nothing runs: a failure when CI
# is set, a printed skip otherwise.
set -u -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECONDS_EACH=""
RUNS=""
BUILD=()
usage="usage: $0 [SECONDS | --runs N | --max-time S | --sanitizer none]... [TARGET...]"
while [[ $# -gt 0 ]]; do
    case $1 in
        --runs | --max-time)
            [[ ${2:-} =~ ^[0-9]+$ ]] || { echo "$usage"; exit 2; }
            if [[ $1 == --runs ]]; then RUNS=$2; else SECONDS_EACH=$2; fi
            shift 2 ;;
        --sanitizer)
            [[ ${2:-} == none ]] || { echo "$usage"; exit 2; }
            BUILD=(-s none --target-dir target/no-sanitizer)
            shift 2 ;;
        -*) echo "$usage"; exit 2 ;;
        *) [[ $1 =~ ^[0-9]+$ ]] || break
            SECONDS_EACH=$1
            shift ;;
    esac
done
# Without --runs, 20 s each; with it, no time limit unless one is given
# (libFuzzer's -max_total_time=0).
if [[ -z $RUNS ]]; then
    LIMIT=(-max_total_time="${SECONDS_EACH:-20}")
else
    LIMIT=(-runs="$RUNS" -max_total_time="${SECONDS_EACH:-0}")
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
if ! CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1} cargo +nightly fuzz build -O -a "${BUILD[@]}"; then
    echo "0 passed, 1 failed"
    exit 1
fi

passed=0
failed=0
for t in "${TARGETS[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t" logs
    before=$(ls "artifacts/$t" | wc -l)
    echo "== fuzz $t: ${LIMIT[*]} (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    start=$SECONDS
    cargo +nightly fuzz run -O -a "${BUILD[@]}" "$t" "corpus/$t" -- \
        "${LIMIT[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 >"logs/$t.log" 2>&1
    status=$?
    echo "== fuzz $t: $((SECONDS - start)) s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    grep -E "^#[0-9]+.*(DONE|INITED)|^(stat::|Done |SUMMARY|==[0-9]+== ERROR)|panicked" "logs/$t.log" | head -12
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
