#!/usr/bin/env bash
# Runs every test suite of the project and ends with one line counting them.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log" "$log.node" "$log.extra"' EXIT

echo "== cargo test (native: wire, stack, rtnetlink goldens, ip scenarios)"
# The preload suites run (and are counted) once, by scripts/test-preload.sh.
IPLAB_PRELOAD_SUITE_SEPARATE=1 cargo test --all-targets 2>&1 | tee "$log"

echo "== wasm32 build (library and CLI, as the README gives it)"
cargo build --target wasm32-unknown-unknown --release

# The JS API and a sample of the goldens inside wasm (tests/wasm_api.rs):
# the same test binary under Node, then in headless Chromium.
wasm_test() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --target wasm32-unknown-unknown --no-default-features --features wasm --test wasm_api 2>&1 | tee -a "$log"
}
echo "== wasm-bindgen-test under Node"
wasm_test
echo "== wasm-bindgen-test in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/wasm_webdriver.json" wasm_test

echo "== npm package (pkg/) and WIT component, driven from Node"
npm run --silent build:pkg
npm run --silent build:component
node --test --test-reporter=tap tests/node/*.test.mjs 2>&1 | tee "$log.node"
node_pass=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$log.node" | paste -sd+ | bc)
node_fail=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$log.node" | paste -sd+ | bc)
rm -f "$log.node"

# Suites with their own runner (the terminal page, the preload shim) end
# with a line "N passed, M failed".
extra_pass=0
extra_fail=0
for suite in scripts/test-www.sh scripts/test-preload.sh; do
  [ -f "$suite" ] || continue
  echo "== $suite"
  bash "$suite" 2>&1 | tee "$log.extra" || true
  last=$(tail -n 1 "$log.extra")
  p=$(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1/p' <<<"$last")
  f=$(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\2/p' <<<"$last")
  if [ -z "$p" ]; then
    echo "$suite did not report its count"
    f=1
    p=0
  fi
  extra_pass=$((extra_pass + p))
  extra_fail=$((extra_fail + f))
done
rm -f "$log.extra"

passed=$( (grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) passed.*/\1/'; echo "${node_pass:-0}"; echo "$extra_pass") | paste -sd+ | bc)
failed=$( (grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) failed.*/\1/'; echo "${node_fail:-0}"; echo "$extra_fail") | paste -sd+ | bc)
if [ "${passed:-0}" -eq 0 ]; then
  echo "no test ran"
  exit 1
fi
echo "${passed} passed, ${failed} failed"
[ "${failed}" -eq 0 ]
