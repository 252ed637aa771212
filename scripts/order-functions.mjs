// Orders a module's functions so that gzip compresses it better, by naming
// them: `node scripts/order-functions.mjs in.wasm out.wasm` writes `in.wasm`
// with a name section whose names sort in the chosen order, for
// `wasm-opt --reorder-functions-by-name` to apply (the names are dropped
// again by wasm-opt's output).
//
// gzip (deflate) finds repeats only within the last 32 KiB, so a function
// compresses well when functions like it come just before. The order is
// greedy: after each function comes, of the not yet placed ones most like
// it (MinHash of the 4-byte shingles of their bodies) and the one after it
// in the input, the one that deflates smallest with the last 32 KiB of code
// as its dictionary (counted against its size deflated alone). The code,
// its meaning and its size are unchanged; only the order differs, and the
// result depends on nothing but the input.
import { readFileSync, writeFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node scripts/order-functions.mjs in.wasm out.wasm");
  process.exit(2);
}
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

function encodeLeb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

// Function imports (they come first in the function index space) and the
// bodies of the module's own functions.
let importedFunctions = 0;
const bodies = [];
let at = 8;
while (at < wasm.length) {
  const id = wasm[at++];
  let size;
  [size, at] = leb(at);
  const end = at + size;
  if (id === 2) {
    let [count, p] = leb(at);
    for (let k = 0; k < count; k++) {
      let len;
      [len, p] = leb(p);
      p += len; // module
      [len, p] = leb(p);
      p += len; // field
      const kind = wasm[p++];
      if (kind === 0) {
        importedFunctions++;
        [, p] = leb(p);
      } else if (kind === 1) {
        p += 1;
        const [flags, q] = leb(p);
        [, p] = leb(q);
        if (flags & 1) [, p] = leb(p);
      } else if (kind === 2) {
        const [flags, q] = leb(p);
        [, p] = leb(q);
        if (flags & 1) [, p] = leb(p);
      } else if (kind === 3) {
        p += 2;
      } else {
        throw new Error(`import kind ${kind}`);
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
  }
  at = end;
}
const n = bodies.length;

// MinHash signatures over 4-byte shingles.
const K = 128;
const SHINGLE = 4;
const seeds = [];
for (let k = 0, s = 12345; k < K; k++) {
  s = (Math.imul(s, 1103515245) + 12345) >>> 0;
  seeds.push(s | 1);
}
const sig = new Uint32Array(n * K).fill(0xffffffff);
bodies.forEach((body, f) => {
  for (let p = 0; p + SHINGLE <= body.length; p++) {
    let h = 0;
    for (let q = 0; q < SHINGLE; q++) h = (Math.imul(h, 31) + body[p + q]) >>> 0;
    for (let k = 0; k < K; k++) {
      const v = (Math.imul(h ^ seeds[k], 0x9e3779b1) ^ (h >>> 15)) >>> 0;
      const m = Math.imul(v, seeds[k]) >>> 0;
      if (m < sig[f * K + k]) sig[f * K + k] = m;
    }
  }
});
const similarity = (a, b) => {
  let c = 0;
  for (let k = 0; k < K; k++) if (sig[a * K + k] === sig[b * K + k]) c++;
  return c;
};

const WINDOW = 32768;
const SHORTLIST = 48;
const alone = bodies.map((b) => deflateRawSync(b, { level: 9 }).length);
const placed = new Uint8Array(n);
const order = [];
let current = 0;
while (n > 0) {
  placed[current] = 1;
  order.push(current);
  if (order.length === n) break;
  const candidates = [];
  for (let f = 0; f < n; f++) if (!placed[f]) candidates.push([similarity(current, f), f]);
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const shortlist = candidates.slice(0, SHORTLIST).map((c) => c[1]);
  for (let f = current + 1; f < n; f++) {
    if (!placed[f]) {
      if (!shortlist.includes(f)) shortlist.push(f);
      break;
    }
  }
  const parts = [];
  for (let k = order.length - 1, len = 0; k >= 0 && len < WINDOW; k--) {
    parts.unshift(bodies[order[k]]);
    len += bodies[order[k]].length;
  }
  const joined = Buffer.concat(parts);
  const window = joined.subarray(Math.max(0, joined.length - WINDOW));
  let best = -1;
  let bestCost = Infinity;
  for (const f of shortlist) {
    const cost = deflateRawSync(bodies[f], { level: 9, dictionary: window }).length - alone[f];
    if (cost < bestCost) {
      bestCost = cost;
      best = f;
    }
  }
  current = best;
}

// The name section: imports first, then the module's functions by rank.
const names = [];
const width = String(importedFunctions + n).length;
const name = (prefix, k) => Buffer.from(prefix + String(k).padStart(width, "0"));
for (let k = 0; k < importedFunctions; k++) names.push([k, name("a", k)]);
order.forEach((f, rank) => names.push([importedFunctions + f, name("f", rank)]));
names.sort((a, b) => a[0] - b[0]);
const map = Buffer.concat([encodeLeb(names.length), ...names.flatMap(([idx, nm]) => [encodeLeb(idx), encodeLeb(nm.length), nm])]);
const sub = Buffer.concat([Buffer.from([1]), encodeLeb(map.length), map]);
const title = Buffer.from("name");
const payload = Buffer.concat([encodeLeb(title.length), title, sub]);
const section = Buffer.concat([Buffer.from([0]), encodeLeb(payload.length), payload]);

// Any name section already there goes; the new one is appended.
const kept = [wasm.subarray(0, 8)];
at = 8;
while (at < wasm.length) {
  const start = at;
  const id = wasm[at++];
  let size;
  [size, at] = leb(at);
  const end = at + size;
  let drop = false;
  if (id === 0) {
    const [len, p] = leb(at);
    drop = wasm.subarray(p, p + len).toString() === "name";
  }
  if (!drop) kept.push(wasm.subarray(start, end));
  at = end;
}
kept.push(section);
writeFileSync(output, Buffer.concat(kept));
