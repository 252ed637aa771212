#!/usr/bin/env bash
# Re-records every multi-namespace scenario (tests/scenarios/net_*.sh, or the
# NAMEs given) on the live kernel with `record-scenarios.sh --check`, one at a
# time, and counts those whose transcript still matches tests/golden after the
# filter. Last line: `N passed, M failed`; exit status 1 when one failed.
# Where the recorder cannot run (not root, no unshare/script/nsenter/perl,
# no ping or traceroute) it says why and reports `0 passed, 0 failed`.
#
#   check-net-scenarios.sh [NAME...]
set -u -o pipefail

SELF=$(readlink -f "${BASH_SOURCE[0]}")
ROOT=$(cd "$(dirname "$SELF")/../.." && pwd)
RECORD=$ROOT/tests/record/record-scenarios.sh

names=("$@")
if [[ ${#names[@]} -eq 0 ]]; then
    for f in "$ROOT"/tests/scenarios/net_*.sh; do
        [[ -e $f ]] && names+=("$(basename "$f" .sh)")
    done
fi

for tool in ping traceroute bridge; do
    if ! command -v "$tool" >/dev/null; then
        echo "skipped: $tool is missing"
        [[ -n ${CI:-} ]] && { echo "0 passed, 1 failed"; exit 1; }
        echo "0 passed, 0 failed"
        exit 0
    fi
done

passed=0 failed=0
for name in "${names[@]}"; do
    out=$(bash "$RECORD" --check "${name%.sh}" 2>&1)
    status=$?
    if [[ $out == skipped:* ]]; then
        echo "$out"
        [[ -n ${CI:-} ]] && { echo "0 passed, 1 failed"; exit 1; }
        echo "0 passed, 0 failed"
        exit 0
    fi
    if ((status == 0)); then
        echo "ok   $name"
        passed=$((passed + 1))
    else
        echo "FAIL $name"
        printf '%s\n' "$out" | sed 's/^/    /'
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
((failed == 0))
