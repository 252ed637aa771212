// The examples in examples/js and examples/component run as their comments
// say and print what they promise. Needs `npm run build:pkg` and
// `npm run build:component` first (scripts/test.sh does both).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const run = (file) => execFileSync(process.execPath, [join(root, file)], { encoding: "utf8" });

test("examples/js/list-links.mjs lists lo and the veth pair", () => {
  const out = run("examples/js/list-links.mjs");
  assert.match(out, /^v0@v1 +DOWN/m);
  assert.match(out, /^RTM_NEWLINK lo$/m);
  assert.match(out, /^RTM_NEWLINK v1$/m);
  assert.match(out, /^NLMSG_DONE $/m);
});

test("examples/component/exec.mjs restores its bridge into a second world", () => {
  const out = run("examples/component/exec.mjs");
  assert.match(out, /^\$ ip -br link\n/m);
  assert.equal(out.trim().split("\n").at(-1).split(/ +/)[0], "br0");
});
