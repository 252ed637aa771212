// Real share links for the share_link fuzz target's seeds: each recorded
// scenario (tests/scenarios/NAME.sh) is typed into a fresh world of the npm
// package, and the page's own encoder (www/src/share.js) turns the world's
// snapshot into the `#w=...` hash the Share button makes. Links longer than
// MAX_CHARS are left out so that the committed file stays small.
//
//   node scripts/share-links.mjs [PKG_DIR] > fuzz/share-links.txt
//
// PKG_DIR is a built npm package (scripts/build-pkg.sh; default pkg/).
// Each line: "NAME #w=...". fuzz/seeds.py decodes them (base64url, raw
// deflate) into fuzz/corpus/share_link/.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { encodeWorld, decodeWorld } from "../www/src/share.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const MAX_CHARS = 3000;
const pkg = resolve(process.argv[2] ?? join(ROOT, "pkg"));
const { World } = await import(pathToFileURL(join(pkg, "node.js")).href);

const dir = join(ROOT, "tests", "scenarios");
for (const file of readdirSync(dir).filter((f) => f.endsWith(".sh")).sort()) {
  const world = new World();
  for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    world.exec(line);
  }
  const text = world.snapshot().text;
  const hash = await encodeWorld(text);
  if ((await decodeWorld(hash)) !== text) throw new Error(`${file}: the link does not decode to its world`);
  // A world that nothing changed is the empty link: one is enough.
  if (hash.length <= MAX_CHARS && text.split("\n").length > 3) console.log(`${file.replace(/\.sh$/, "")} ${hash}`);
  world.free?.();
}
