// `npm start` (scripts/start.mjs): prints the page's address, opens a browser
// only where there is one, and keeps serving when the browser cannot start.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { browserCommand } from "../../scripts/start.mjs";

const script = fileURLToPath(new URL("../../scripts/start.mjs", import.meta.url));
const url = "http://localhost:5173/";

test("a browser is opened only where one can be", () => {
  assert.equal(browserCommand(url, {}, "linux"), null, "no display: no browser");
  assert.equal(browserCommand(url, { CI: "true", DISPLAY: ":0" }, "linux"), null, "never in CI");
  assert.deepEqual(browserCommand(url, { DISPLAY: ":0" }, "linux"), ["xdg-open", [url]]);
  assert.deepEqual(browserCommand(url, { WAYLAND_DISPLAY: "wayland-0" }, "linux"), ["xdg-open", [url]]);
  assert.deepEqual(browserCommand(url, {}, "darwin"), ["open", [url]]);
  assert.deepEqual(browserCommand(url, { BROWSER: "firefox" }, "linux"), ["firefox", [url]]);
  assert.equal(browserCommand(url, { BROWSER: "none", DISPLAY: ":0" }, "linux"), null);
});

/** Runs the script until it prints its address, then fetches the page and stops it. */
async function startAndFetch(env) {
  const child = spawn(process.execPath, [script, "--port", "0"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  try {
    const address = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed: ${out}`)), 20000);
      child.stdout.on("data", () => {
        const m = /iplab is at (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.on("exit", (c) => reject(new Error(`exited with ${c}: ${out}`)));
    });
    const res = await fetch(address);
    // A moment for a failed browser to be reported (it must not stop the server).
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(child.exitCode, null, out);
    return { address, status: res.status, html: await res.text(), out };
  } finally {
    child.kill("SIGTERM");
  }
}

test("without a display it prints the address and serves the page", async () => {
  const r = await startAndFetch({ DISPLAY: "", WAYLAND_DISPLAY: "", CI: "", BROWSER: "" });
  assert.match(r.address, /^http:\/\/localhost:\d+\/$/);
  assert.equal(r.status, 200);
  assert.match(r.html, /<title>/);
  assert.doesNotMatch(r.out, /could not open/);
});

test("a browser that cannot start is reported, and the server keeps running", async () => {
  const r = await startAndFetch({ CI: "", BROWSER: "/nonexistent/browser" });
  assert.equal(r.status, 200);
  assert.match(r.out, /could not open a browser/);
});
