#!/usr/bin/env bash
# Installs what building iplab needs and a fresh machine lacks; with --test,
# also what the test suites need. Safe to run again: it only installs what is
# missing or out of date.
#
#   scripts/setup.sh          rustup targets, nightly rust-src (the wasm build
#                             compiles std), wasm-bindgen CLI, npm packages
#   scripts/setup.sh --test   the same, plus Debian packages for the tests
#                             (needs root): Chromium and ChromeDriver, iproute2,
#                             ping and traceroute for kernel comparisons, ...,
#                             and cargo-fuzz on the nightly toolchain
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

if [ "${1:-}" = "--test" ]; then
  need_apt=()
  command -v bc >/dev/null || need_apt+=(bc)
  command -v ip >/dev/null || need_apt+=(iproute2)
  command -v script >/dev/null || need_apt+=(bsdutils)
  command -v unshare >/dev/null || need_apt+=(util-linux)
  command -v sysctl >/dev/null || need_apt+=(procps)
  command -v perl >/dev/null || need_apt+=(perl)
  # Kernel comparisons of the network simulation.
  command -v ping >/dev/null || need_apt+=(iputils-ping)
  command -v traceroute >/dev/null || need_apt+=(traceroute)
  # The packet filter, socket and capture programs iplab is compared with
  # (the shim's leak test runs them; pcap files are read back with tcpdump).
  command -v nft >/dev/null || need_apt+=(nftables)
  command -v iptables >/dev/null || need_apt+=(iptables)
  command -v tcpdump >/dev/null || need_apt+=(tcpdump)
  command -v nc >/dev/null || need_apt+=(netcat-openbsd)
  command -v curl >/dev/null || need_apt+=(curl)
  command -v strace >/dev/null || need_apt+=(strace)
  # The preload shim's pyroute2 test makes a virtual environment.
  python3 -c 'import venv, ensurepip' 2>/dev/null || need_apt+=(python3-venv)
  # wasm-bindgen-test and the page tests drive headless Chromium.
  command -v chromium >/dev/null || need_apt+=(chromium)
  command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
  # The kernel's route selftests (scripts/test-selftests.sh) come from its source.
  [ -f /usr/src/linux-source-6.1.tar.xz ] || need_apt+=(linux-source-6.1)
  if [ ${#need_apt[@]} -gt 0 ]; then
    apt-get update -qq
    apt-get install -y -qq "${need_apt[@]}"
  fi
fi

if [ "${1:-}" = "--test" ]; then
  # The fuzz suite (scripts/test-fuzz.sh): cargo-fuzz on the nightly toolchain.
  cargo +nightly --version >/dev/null 2>&1 || rustup toolchain install nightly --profile minimal
  cargo +nightly fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

# The npm package's wasm build (scripts/build-pkg.sh) compiles std with the
# crate on the nightly toolchain: its sources and the wasm target.
cargo +nightly --version >/dev/null 2>&1 || rustup toolchain install nightly --profile minimal
rustup component list --toolchain nightly --installed | grep -q '^rust-src' \
  || rustup component add rust-src --toolchain nightly
rustup target list --toolchain nightly --installed | grep -qx wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown --toolchain nightly

installed=$(rustup target list --installed)
for t in wasm32-unknown-unknown wasm32-wasip2; do
  grep -qx "$t" <<<"$installed" || rustup target add "$t"
done

# wasm-bindgen's CLI at exactly the crate's pinned version. The registry
# mirror may lack a pinned dependency of its lock file: then without --locked.
wb_want=$(sed -nE 's/^wasm-bindgen = \{ version = "=([0-9.]+)".*/\1/p' Cargo.toml)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_want" ]; then
  cargo install wasm-bindgen-cli --version "=$wb_want" --locked \
    || cargo install wasm-bindgen-cli --version "=$wb_want"
fi

# npm's packages (binaryen's wasm-opt, jco, vite, xterm, playwright-core),
# from the lock file, when they are missing or older than it.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
