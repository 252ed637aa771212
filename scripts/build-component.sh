#!/usr/bin/env bash
# Builds the WIT component (wit/iplab.wit) for wasm32-wasip2 and transpiles
# it with jco for Node: target/component/iplab.wasm (the component) and
# target/component/js/ (ES module + core wasm, imports from
# @bytecodealliance/preview2-shim). wit-bindgen's output is already a
# component; `wasm-tools component wit target/component/iplab.wasm` prints it.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo rustc --lib --crate-type cdylib --target wasm32-wasip2 --profile wasm --no-default-features --features component
mkdir -p target/component
cp "${CARGO_TARGET_DIR:-target}/wasm32-wasip2/wasm/iplab.wasm" target/component/iplab.wasm
rm -rf target/component/js
node_modules/.bin/jco transpile target/component/iplab.wasm --name iplab -o target/component/js --quiet
echo "target/component/iplab.wasm: $(wc -c < target/component/iplab.wasm) bytes; transpiled to target/component/js/"
