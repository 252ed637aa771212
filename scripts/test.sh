#!/usr/bin/env bash
# Runs every test suite of the project and ends with one line counting them.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log" "$log.node"' EXIT

echo "== cargo test (native: wire, stack, rtnetlink goldens, ip scenarios)"
cargo test --all-targets 2>&1 | tee "$log"

echo "== wasm32 library build"
cargo build --lib --target wasm32-unknown-unknown --release

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

passed=$( (grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) passed.*/\1/'; echo "${node_pass:-0}") | paste -sd+ | bc)
failed=$( (grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) failed.*/\1/'; echo "${node_fail:-0}") | paste -sd+ | bc)
if [ "${passed:-0}" -eq 0 ]; then
  echo "no test ran"
  exit 1
fi
echo "${passed} passed, ${failed} failed"
[ "${failed}" -eq 0 ]
