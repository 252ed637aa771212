#!/usr/bin/env bash
# Runs every test suite of the project and ends with one line counting them:
# "N passed, M failed". A suite that fails does not stop the others; the
# script exits non-zero at the end when anything failed.
#
# How a suite is counted:
#   - a cargo suite: the "test result:" lines it printed;
#   - a Node suite (TAP): its "# pass" / "# fail" lines;
#   - a suite with its own runner: its last line "N passed, M failed";
#   - a check (a build, rustfmt, clippy): one test, passed when it exits 0.
# A suite that exits non-zero while its own count shows no failure, or that
# prints no count at all, counts one failure more: a suite that cannot run is
# a failure, never a silent pass.
#
# The summary gives each suite's wall-clock seconds, so a slow CI run shows
# where its time went.
#
#   scripts/test.sh            every suite
#   scripts/test.sh NAME...    only the suites whose names are given
set -uo pipefail
cd "$(dirname "$0")/.."

# Suites that need a root shell with network namespaces mount on
# /run/netns; a machine that never ran `ip netns add` has no such folder.
mkdir -p /run/netns 2>/dev/null || true

only=("$@")
total_pass=0
total_fail=0
summary=()
log=$(mktemp)
logs=$(mktemp -d)
trap 'rm -rf "$log" "$logs"' EXIT

wanted() {
  [ ${#only[@]} -eq 0 ] && return 0
  local n
  for n in "${only[@]}"; do [ "$n" = "$1" ] && return 0; done
  return 1
}

# count NAME KIND LOG STATUS SECONDS: adds the counts of a suite that ran
# with output LOG and exit STATUS (KIND: see the head of this file).
count() {
  local name=$1 kind=$2 log=$3 status=$4 seconds=$5 p=0 f=0 counted=1
  case $kind in
  cargo)
    p=$(sed -nE 's/^test result:.* ([0-9]+) passed.*/\1/p' "$log" | paste -sd+ | bc)
    f=$(sed -nE 's/^test result:.* ([0-9]+) failed.*/\1/p' "$log" | paste -sd+ | bc)
    grep -q '^test result:' "$log" || counted=0
    ;;
  tap)
    p=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$log" | paste -sd+ | bc)
    f=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$log" | paste -sd+ | bc)
    grep -q '^# pass ' "$log" || counted=0
    ;;
  runner)
    local last
    last=$(grep -E '^([A-Za-z-]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    p=$(sed -nE 's/^([A-Za-z-]+: )?([0-9]+) passed, ([0-9]+) failed.*/\2/p' <<<"$last")
    f=$(sed -nE 's/^([A-Za-z-]+: )?([0-9]+) passed, ([0-9]+) failed.*/\3/p' <<<"$last")
    [ -n "$last" ] || counted=0
    ;;
  check)
    if [ "$status" -eq 0 ]; then p=1; else f=1; fi
    ;;
  esac
  p=${p:-0}
  f=${f:-0}
  if [ "$counted" -eq 0 ]; then
    echo "== $name printed no count: one failure"
    f=$((f + 1))
  elif [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "== $name exited with $status: one failure"
    f=$((f + 1))
  fi
  total_pass=$((total_pass + p))
  total_fail=$((total_fail + f))
  summary+=("$(printf '%-18s %5s passed, %s failed  (%d s)' "$name" "$p" "$f" "$seconds")")
}

# suite NAME KIND COMMAND...: runs COMMAND, shows its output, counts it.
suite() {
  local name=$1 kind=$2
  shift 2
  wanted "$name" || return 0
  local started=$SECONDS
  echo "== $name: $*"
  "$@" 2>&1 | tee "$log"
  count "$name" "$kind" "$log" "${PIPESTATUS[0]}" $((SECONDS - started))
}

# background NAME KIND COMMAND...: starts a suite beside the ones that
# follow (its output goes to a file of its own); `collect` waits for it,
# then shows its output and counts it. Only for suites that neither read
# nor write what the others build, and whose checks do not depend on time.
in_background=()
background() {
  local name=$1 kind=$2
  shift 2
  wanted "$name" || return 0
  echo "== $name: $* (beside the next suites; its output follows them)"
  local out="$logs/$name"
  (
    started=$SECONDS
    "$@" >"$out.log" 2>&1
    echo "$? $((SECONDS - started))" >"$out.status"
  ) &
  in_background+=("$name $kind $!")
}
collect() {
  local entry name kind pid status seconds
  for entry in "${in_background[@]}"; do
    read -r name kind pid <<<"$entry"
    wait "$pid"
    echo "== $name (ran in the background):"
    cat "$logs/$name.log"
    read -r status seconds <"$logs/$name.status" || { status=1 seconds=0; }
    count "$name" "$kind" "$logs/$name.log" "$status" "$seconds"
  done
  in_background=()
}

wasm_api_test() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --target wasm32-unknown-unknown --no-default-features --features wasm --test wasm_api
}
wasm_api_browser() {
  WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
    WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/wasm_webdriver.json" wasm_api_test
}
# The page's module and the WIT component are two release builds of the
# crate whose last step (one codegen unit, LTO) keeps one core busy: they run
# side by side, the component in a target folder of its own so that neither
# waits for the other's build lock. The component's output is shown after.
node_suites() {
  local component_log status
  component_log=$(mktemp)
  CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/component-build" \
    npm run --silent build:component >"$component_log" 2>&1 &
  local component=$!
  npm run --silent build:pkg
  status=$?
  wait "$component" || status=1
  cat "$component_log"
  rm -f "$component_log"
  [ "$status" -eq 0 ] && node --test --test-reporter=tap tests/node/*.test.mjs
}

# The style checks come first: they are quick and say the most at a glance.
suite rustfmt check cargo fmt --all --check
suite clippy check cargo clippy --workspace --all-targets -- -D warnings
suite eslint check npx --no-install eslint www/src www/tests tests/node scripts npm vite.config.mjs
# Native: wire, stack, rtnetlink goldens, ip scenarios. The preload suites
# run (and are counted) once, by scripts/test-preload.sh.
suite cargo-test cargo env IPLAB_PRELOAD_SUITE_SEPARATE=1 cargo test --all-targets
suite doc-tests cargo cargo test --doc
# The JS API and a sample of the goldens inside wasm (tests/wasm_api.rs):
# the same test binary under Node, then in headless Chromium.
suite wasm-node cargo wasm_api_test
suite wasm-chromium cargo wasm_api_browser
suite node tap node_suites
suite www runner bash scripts/test-www.sh
# The fuzz suite (its own build in fuzz/target, then one process at a time)
# runs beside the preload suite and the selftests, which spend most of
# their time in one process at a time too.
background fuzz runner bash scripts/test-fuzz.sh
suite preload runner bash scripts/test-preload.sh
# The kernel's route selftests, kernel and iplab side by side (CONFORMANCE.md).
suite selftests runner bash scripts/test-selftests.sh
collect
# pyroute2's own test suite (scripts/test-pyroute2.sh) needs a checkout of
# pyroute2's tests (PYROUTE2_SRC or PYROUTE2_TESTS): its PyPI release ships
# none, so it runs where one is given and is not part of this list.
if [ -n "${PYROUTE2_SRC:-}${PYROUTE2_TESTS:-}" ]; then
  suite pyroute2 runner bash scripts/test-pyroute2.sh
fi

echo
echo "== summary"
printf '%s\n' "${summary[@]}"
if [ $((total_pass + total_fail)) -eq 0 ]; then
  echo "no test ran"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "${total_pass} passed, ${total_fail} failed"
[ "$total_fail" -eq 0 ]
