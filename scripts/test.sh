#!/usr/bin/env bash
# Runs every test suite of the project and ends with one line counting them.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== cargo test (native: wire, stack, rtnetlink goldens, ip scenarios)"
cargo test --all-targets 2>&1 | tee "$log"

echo "== wasm32 library build"
cargo build --lib --target wasm32-unknown-unknown --release

passed=$(grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) passed.*/\1/' | paste -sd+ | bc)
failed=$(grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) failed.*/\1/' | paste -sd+ | bc)
if [ "${passed:-0}" -eq 0 ]; then
  echo "no test ran"
  exit 1
fi
echo "${passed} passed, ${failed} failed"
[ "${failed}" -eq 0 ]
