// The download size target of the npm package's module: the release wasm
// that `npm run build:pkg` leaves in pkg/ is at most 350 KB (350,000 bytes)
// gzipped at zlib's best level, the size a browser fetches from a server
// that compresses it. Needs `npm run build:pkg` first (scripts/test.sh does it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync, constants } from "node:zlib";
import { join } from "node:path";
import { pkgDir } from "./packed.mjs";

// The budget for the whole module with the packet filter, sockets and
// capture; it was 250,000 B for the kernel and `ip` alone.
const LIMIT = 350_000;

test(`pkg/iplab_bg.wasm is at most ${LIMIT} bytes gzipped`, () => {
  const wasm = readFileSync(join(pkgDir, "iplab_bg.wasm"));
  const gzipped = gzipSync(wasm, { level: constants.Z_BEST_COMPRESSION }).length;
  console.log(`# pkg/iplab_bg.wasm: ${wasm.length} bytes, ${gzipped} gzipped`);
  assert.ok(gzipped <= LIMIT, `${gzipped} bytes gzipped, over the ${LIMIT} target by ${gzipped - LIMIT}`);
});
