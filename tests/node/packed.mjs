// Packs pkg/ with `npm pack` and installs the tarball into a new, empty
// project in a temporary directory, as a user of the package would.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const pkgDir = join(root, "pkg");

/** Returns the project directory; `iplab` is in its node_modules. */
export function installPacked(prefix) {
  assert.ok(existsSync(join(pkgDir, "iplab_bg.wasm")), "pkg/ is not built: run `npm run build:pkg`");
  const project = mkdtempSync(join(tmpdir(), prefix));
  execFileSync("npm", ["pack", "--pack-destination", project, "--silent"], { cwd: pkgDir, stdio: ["ignore", "pipe", "inherit"] });
  const tarball = readdirSync(project).find((f) => f.endsWith(".tgz"));
  assert.ok(tarball, "npm pack made a tarball");
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--silent", "./" + tarball], {
    cwd: project,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return project;
}
