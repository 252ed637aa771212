// Where the bytes of a wasm module go, by area of the code:
// `node scripts/wasm-size.mjs MODULE.wasm [DEPTH] [ROWS]`.
//
// MODULE must keep its function names (a name section): wasm-bindgen's
// output before wasm-opt, which names every function by its demangled Rust
// path, e.g.
//   wasm-bindgen --target web --out-dir /tmp/named \
//     target/wasm32-unknown-unknown/wasm/iplab.wasm
//   node scripts/wasm-size.mjs /tmp/named/iplab_bg.wasm
// Each function is put in an area: the first DEPTH (default 2) segments of
// the path it belongs to (`iplab::programs`, `core::fmt`; for a trait
// method, the path of the type it is implemented for). An area's "gzip"
// is what deflating the code section at level 9 loses when the area's
// bodies are taken out, so the areas do not add up to the whole exactly
// (what is alike across areas counts in neither). The data section (the
// strings and tables) is one more row.
import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";

const [input, depthArg, rowsArg] = process.argv.slice(2);
if (!input) {
  console.error("usage: node scripts/wasm-size.mjs MODULE.wasm [DEPTH] [ROWS]");
  process.exit(2);
}
const depth = Number(depthArg ?? 2);
const rows = Number(rowsArg ?? 30);
const wasm = readFileSync(input);

function leb(at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = wasm[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function str(at) {
  const [len, p] = leb(at);
  return [wasm.toString("utf8", p, p + len), p + len];
}

let imported = 0;
const bodies = [];
const names = new Map();
let data = Buffer.alloc(0);
for (let at = 8; at < wasm.length; ) {
  const id = wasm[at++];
  let size;
  [size, at] = leb(at);
  const end = at + size;
  if (id === 2) {
    let [count, p] = leb(at);
    for (let k = 0; k < count; k++) {
      [, p] = str(p);
      [, p] = str(p);
      const kind = wasm[p++];
      if (kind === 0) {
        imported++;
        [, p] = leb(p);
      } else if (kind === 1 || kind === 2) {
        if (kind === 1) p += 1;
        let flags;
        [flags, p] = leb(p);
        [, p] = leb(p);
        if (flags & 1) [, p] = leb(p);
      } else if (kind === 3) {
        p += 2;
      } else {
        [, p] = leb(p);
      }
    }
  } else if (id === 10) {
    let [count, p] = leb(at);
    for (let k = 0; k < count; k++) {
      let len;
      [len, p] = leb(p);
      bodies.push(wasm.subarray(p, p + len));
      p += len;
    }
  } else if (id === 11) {
    data = wasm.subarray(at, end);
  } else if (id === 0) {
    const [name, p0] = str(at);
    if (name === "name") {
      for (let p = p0; p < end; ) {
        const sub = wasm[p++];
        let len;
        [len, p] = leb(p);
        if (sub === 1) {
          let [count, q] = leb(p);
          for (let k = 0; k < count; k++) {
            let index;
            let fname;
            [index, q] = leb(q);
            [fname, q] = str(q);
            names.set(index, fname);
          }
        }
        p += len;
      }
    }
  }
  at = end;
}
if (names.size === 0) {
  console.error(`${input} has no function names: use wasm-bindgen's output, before wasm-opt`);
  process.exit(1);
}

/** The area of a demangled path: its first `depth` segments, generics and crate hashes dropped. */
function area(name) {
  let n = name.replace(/\[[0-9a-f]+\]/g, "");
  if (n.startsWith("<")) {
    // `<Type as Trait>::method` or `<Type>::method`: the type's path.
    let level = 0;
    let i = 0;
    for (; i < n.length; i++) {
      if (n[i] === "<") level++;
      else if (n[i] === ">" && --level === 0) break;
    }
    n = n.slice(1, i).split(" as ")[0].replace(/^[&*]+|^(mut|const|dyn) /g, "").replace(/^\[/, "");
  }
  let plain = "";
  let level = 0;
  for (const c of n) {
    if (c === "<") level++;
    else if (c === ">") level--;
    else if (level === 0) plain += c;
  }
  const parts = plain.split("::").filter(Boolean);
  return parts.length > 1 ? parts.slice(0, depth).join("::") : "(exports, primitive types)";
}

const gz = (buf) => deflateRawSync(buf, { level: 9 }).length;
const groups = new Map();
bodies.forEach((body, k) => {
  const a = area(names.get(imported + k) ?? "?");
  const g = groups.get(a) ?? { raw: 0, count: 0, members: [] };
  g.raw += body.length;
  g.count++;
  g.members.push(k);
  groups.set(a, g);
});
const all = Buffer.concat(bodies);
const allGz = gz(all);
const top = [...groups].sort((a, b) => b[1].raw - a[1].raw).slice(0, rows);
console.log(`${input}: code ${all.length} B (${allGz} B deflated), data ${data.length} B (${gz(data)} B deflated), ${bodies.length} functions`);
console.log(`${"area".padEnd(32)} ${"functions".padStart(9)} ${"raw".padStart(8)} ${"gzip".padStart(7)}`);
for (const [name, g] of top) {
  const members = new Set(g.members);
  const without = gz(Buffer.concat(bodies.filter((_, k) => !members.has(k))));
  console.log(`${name.padEnd(32)} ${String(g.count).padStart(9)} ${String(g.raw).padStart(8)} ${String(allGz - without).padStart(7)}`);
}
console.log(`${"data (strings, tables)".padEnd(32)} ${"".padStart(9)} ${String(data.length).padStart(8)} ${String(gz(data)).padStart(7)}`);
