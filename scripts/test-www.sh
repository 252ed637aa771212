#!/usr/bin/env bash
# The in-browser terminal (www/): builds the wasm package and the static site,
# checks every lesson against the simulator in Node, then drives the built
# page in headless Chromium (playwright-core + Debian's /usr/bin/chromium).
# Screenshots land in www/test-output/. Last line: "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."

if ! npm run --silent build >/tmp/iplab-www-build.log 2>&1; then
  tail -30 /tmp/iplab-www-build.log
  echo "0 passed, 1 failed"
  exit 1
fi

out=$(node --test --test-reporter=tap www/tests/complete.test.mjs www/tests/watch.test.mjs www/tests/lesson-format.test.mjs www/tests/lessons.test.mjs www/tests/page.test.mjs www/tests/layout.test.mjs tests/node/exchanges.test.mjs 2>&1)
status=$?
echo "$out" | grep -E '^(not )?ok |^# (Subtest|tests|pass|fail)' || true
echo "$out" | grep -A20 '^not ok' | head -80 || true
passed=$(echo "$out" | sed -nE 's/^# pass ([0-9]+)$/\1/p' | tail -1)
failed=$(echo "$out" | sed -nE 's/^# fail ([0-9]+)$/\1/p' | tail -1)
echo "${passed:-0} passed, ${failed:-1} failed"
[ "$status" -eq 0 ] && [ "${failed:-1}" -eq 0 ]
