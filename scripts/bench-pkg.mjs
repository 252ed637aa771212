// Measures the npm package (pkg/, built by `npm run build:pkg`): the .wasm
// size raw, gzipped and brotli-compressed, and in Node the time to compile
// and instantiate the module, create a World, and run the first `exec`.
// Prints a Markdown table for BENCHMARKS.md.  Usage: node scripts/bench-pkg.mjs
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { performance } from "node:perf_hooks";

const wasmUrl = new URL("../pkg/iplab_bg.wasm", import.meta.url);
const bytes = readFileSync(wasmUrl);
const gz = gzipSync(bytes, { level: 9 }).length;
const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB (${n} B)`;

const t0 = performance.now();
const glue = await import(new URL("../pkg/iplab.js", import.meta.url).href);
const module = new WebAssembly.Module(bytes);
const t1 = performance.now();
glue.initSync({ module });
const t2 = performance.now();
const world = new glue.World();
const t3 = performance.now();
const first = world.exec("ip link add v0 type veth peer name v1");
const t4 = performance.now();
if (first.status !== 0) throw new Error(first.stderr);
world.exec("ip addr add 10.0.0.1/24 dev v0");
const runs = [];
for (let i = 0; i < 200; i++) {
  const a = performance.now();
  world.exec("ip -j addr");
  runs.push(performance.now() - a);
}
runs.sort((a, b) => a - b);
const ms = (x) => `${x.toFixed(2)} ms`;

console.log(`| What | Value |
|---|---|
| \`iplab_bg.wasm\` raw | ${kb(bytes.length)} |
| gzip (zlib level 9) | ${kb(gz)} |
| brotli (quality 11) | ${kb(br)} |
| compile the module (\`new WebAssembly.Module\`) | ${ms(t1 - t0)} |
| instantiate (\`initSync\`) | ${ms(t2 - t1)} |
| \`new World()\` | ${ms(t3 - t2)} |
| first \`exec("ip link add v0 type veth peer name v1")\` | ${ms(t4 - t3)} |
| \`new World()\` + first \`exec\` | ${ms(t4 - t2)} |
| later \`exec("ip -j addr")\`, median of 200 | ${ms(runs[100])} |
| Node | ${process.version} |`);
