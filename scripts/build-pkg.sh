#!/usr/bin/env bash
# Builds the npm package in pkg/: the crate for wasm32-unknown-unknown (the
# `wasm` profile: release tuned for size), wasm-bindgen's JavaScript glue
# (the CLI must be exactly the crate's wasm-bindgen version), `wasm-opt -Oz`
# from npm's binaryen, and the two entry points (browsers/bundlers and Node).
# pkg/package.json and pkg/README.md are kept; everything else is regenerated.
set -euo pipefail
cd "$(dirname "$0")/.."

want=$(sed -nE 's/^wasm-bindgen = \{ version = "=([0-9.]+)".*/\1/p' Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')
if [ "$have" != "$want" ]; then
  echo "build-pkg: wasm-bindgen CLI ${have:-missing}, the crate pins $want:" >&2
  echo "  cargo install wasm-bindgen-cli --version =$want" >&2
  exit 1
fi
wasm_opt=node_modules/.bin/wasm-opt
if [ ! -x "$wasm_opt" ]; then
  echo "build-pkg: $wasm_opt missing; run npm ci (npm's binaryen; Debian's is too old)" >&2
  exit 1
fi

# The standard library is built with the crate (nightly's -Zbuild-std, the
# rust-src component) with the "immediate-abort" panic strategy: a panic
# traps at once, so core's panic message and location machinery is not in
# the module (~19 KB gzip, BENCHMARKS.md). scripts/setup.sh installs the
# nightly toolchain, rust-src and the target; without them the build falls
# back to the stable toolchain's prebuilt std, larger, and says so.
if cargo +nightly --version >/dev/null 2>&1 \
  && rustup component list --toolchain nightly --installed 2>/dev/null | grep -q '^rust-src' \
  && rustup target list --toolchain nightly --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  RUSTFLAGS="${RUSTFLAGS:-} -Zunstable-options -Cpanic=immediate-abort" \
    cargo +nightly rustc --lib --crate-type cdylib --target wasm32-unknown-unknown --profile wasm --features wasm \
    -Zbuild-std=std,panic_abort
else
  echo "build-pkg: no nightly rust-src for wasm32-unknown-unknown (scripts/setup.sh installs it);" >&2
  echo "  building with the stable toolchain's std: the module is ~19 KB gzip larger" >&2
  cargo rustc --lib --crate-type cdylib --target wasm32-unknown-unknown --profile wasm --features wasm
fi

# What follows (the glue, wasm-opt's passes and the ordering, a minute or
# two) depends only on the compiled module and on this script's inputs: when
# none changed since pkg/ was last made, pkg/ is already what they would make.
stamp=$(cat "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/wasm/iplab.wasm" \
  "$0" scripts/order-functions.mjs npm/extras.js npm/extras.d.ts | sha256sum | cut -d' ' -f1)
stamp="$stamp $(wasm-bindgen --version) $("$wasm_opt" --version)"
if [ -f pkg/.built-from ] && [ -f pkg/iplab_bg.wasm ] && [ "$(cat pkg/.built-from)" = "$stamp" ]; then
  echo "build-pkg: pkg/ is up to date with the compiled module"
  raw=$(wc -c < pkg/iplab_bg.wasm)
  gz=$(gzip -9 -c pkg/iplab_bg.wasm | wc -c)
  echo "pkg/iplab_bg.wasm: ${raw} bytes, ${gz} gzipped"
  exit 0
fi

find pkg -mindepth 1 -maxdepth 1 ! -name package.json ! -name README.md -exec rm -rf {} +
wasm-bindgen --target web --out-dir pkg --out-name iplab \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/wasm/iplab.wasm"
# --low-memory-unused: Rust's stack sits below the data and never reaches
# the lowest kilobyte, so address arithmetic may fold into load offsets.
# -ocimfs 10: a large function with a single caller stays a function of its
# own instead of being inlined into that caller; the module grows by ~1%
# but gzips ~9 KB smaller (the inlined copies, with renumbered locals and
# shifted stack offsets, no longer repeat the code around them).
# --reorder-functions-by-name: functions of one Rust module sit next to each
# other, within gzip's 32 KB window of their look-alikes (~2.5 KB gzip).
features="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue"
"$wasm_opt" -Oz --converge --low-memory-unused -ocimfs 10 --reorder-functions-by-name \
  $features pkg/iplab_bg.wasm -o pkg/iplab_bg.wasm.opt
# Then each function goes after the ones it compresses best behind (see
# scripts/order-functions.mjs; ~5 KB gzip): the script names the functions
# in that order and wasm-opt, at the same optimisation levels but running
# no other pass, sorts them by those names and drops the names, along with
# the producers and target-features sections, which nothing reads.
node scripts/order-functions.mjs pkg/iplab_bg.wasm.opt pkg/iplab_bg.wasm.named
"$wasm_opt" -ol 2 -s 2 --reorder-functions-by-name --strip-producers --strip-target-features $features \
  pkg/iplab_bg.wasm.named -o pkg/iplab_bg.wasm
rm pkg/iplab_bg.wasm.opt pkg/iplab_bg.wasm.named

# The entry points re-export the glue's classes and functions as their own
# bindings, so that a bundler honouring `"sideEffects": false` keeps the
# module that instantiates the wasm whenever an export is used.
values=$(sed -nE 's/^export (declare )?(class|function) ([A-Za-z_][A-Za-z0-9_]*).*/\3/p' pkg/iplab.d.ts | grep -vx 'initSync' | sort -u)
types=$(sed -nE 's/^export (interface|type) ([A-Za-z_][A-Za-z0-9_]*).*/\2/p' pkg/iplab.d.ts | grep -vxE 'InitInput|InitOutput|SyncInitInput' | sort -u)
bindings=$(for v in $values; do echo "export const $v = glue.$v;"; done)
value_list=$(echo $values | sed 's/ /, /g')
type_list=$(echo $types | sed 's/ /, /g')

# The hand-written part (npm/): init, request builders, constants, freed
# objects' errors. Every entry point exports it.
cp npm/extras.js npm/extras.d.ts pkg/

# Browsers and bundlers: the glue finds the .wasm next to itself through
# `new URL(..., import.meta.url)`, which Vite and webpack follow.
cat > pkg/index.js <<EOF
// Entry point for browsers and bundlers: ready once the import resolves.
import init, * as glue from "./iplab.js";
await init({ module_or_path: new URL("./iplab_bg.wasm", import.meta.url) });
export * from "./extras.js";
$bindings
EOF

# Node: read the .wasm from disk, no fetch.
cat > pkg/node.js <<EOF
// Entry point for Node: reads the .wasm next to this file synchronously.
import { readFileSync } from "node:fs";
import * as glue from "./iplab.js";
glue.initSync({ module: readFileSync(new URL("./iplab_bg.wasm", import.meta.url)) });
export * from "./extras.js";
$bindings
EOF

# Hosts that load the module themselves: nothing runs until init(urlOrBytes).
cat > pkg/core.js <<EOF
// Entry point that does not instantiate the module: call init(urlOrBytes) first.
import * as glue from "./iplab.js";
export * from "./extras.js";
$bindings
EOF

cat > pkg/index.d.ts <<EOF
/**
 * iplab: a simulated Linux network stack that speaks rtnetlink, with an
 * iproute2-compatible \`ip\` and a shell. Importing the package instantiates
 * the WebAssembly module; every export is ready to use.
 * @packageDocumentation
 */
export { $value_list } from "./iplab.js";
export type { $type_list } from "./iplab.js";
export * from "./extras.js";
EOF
cp pkg/index.d.ts pkg/node.d.ts
cp pkg/index.d.ts pkg/core.d.ts

raw=$(wc -c < pkg/iplab_bg.wasm)
gz=$(gzip -9 -c pkg/iplab_bg.wasm | wc -c)
echo "pkg/iplab_bg.wasm: ${raw} bytes, ${gz} gzipped"
echo "$stamp" > pkg/.built-from
