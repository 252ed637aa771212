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

cargo build --lib --target wasm32-unknown-unknown --profile wasm --features wasm

find pkg -mindepth 1 -maxdepth 1 ! -name package.json ! -name README.md -exec rm -rf {} +
wasm-bindgen --target web --out-dir pkg --out-name iplab \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/wasm/iplab.wasm"
"$wasm_opt" -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg/iplab_bg.wasm -o pkg/iplab_bg.wasm.opt
mv pkg/iplab_bg.wasm.opt pkg/iplab_bg.wasm

# Browsers and bundlers: instantiate once (the glue finds the .wasm next to
# itself through `new URL(..., import.meta.url)`, which Vite and webpack follow).
cat > pkg/index.js <<'EOF'
// Entry point for browsers and bundlers: the module is ready once imported.
import init from "./iplab.js";
await init({ module_or_path: new URL("./iplab_bg.wasm", import.meta.url) });
export * from "./iplab.js";
EOF

# Node: read the .wasm from disk, no fetch.
cat > pkg/node.js <<'EOF'
// Entry point for Node: reads the .wasm next to this file synchronously.
import { readFileSync } from "node:fs";
import { initSync } from "./iplab.js";
initSync({ module: readFileSync(new URL("./iplab_bg.wasm", import.meta.url)) });
export * from "./iplab.js";
EOF

cat > pkg/index.d.ts <<'EOF'
/**
 * iplab: a simulated Linux network stack that speaks rtnetlink, with an
 * iproute2-compatible `ip` and a shell. Importing the package instantiates
 * the WebAssembly module; every export is ready to use.
 * @packageDocumentation
 */
export * from "./iplab.js";
EOF
cp pkg/index.d.ts pkg/node.d.ts

raw=$(wc -c < pkg/iplab_bg.wasm)
gz=$(gzip -9 -c pkg/iplab_bg.wasm | wc -c)
echo "pkg/iplab_bg.wasm: ${raw} bytes, ${gz} gzipped"
