// The npm package in a page built by Vite: install the packed tarball into
// an empty project, `vite build` a page that imports it, serve dist/ and load
// it in headless Chromium through chromedriver (WebDriver over HTTP).
// Needs `npm run build:pkg`, Chromium and chromedriver (scripts/test.sh).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { installPacked, root } from "./packed.mjs";

const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
const chromedriver = process.env.CHROMEDRIVER ?? "/usr/bin/chromedriver";
let project;
let server;
let driver;

const page = `import { World, decode } from "iplab";

const world = new World();
world.exec("ip link add v0 type veth peer name v1");
const links = JSON.parse(world.exec("ip -j link").stdout).map((l) => l.ifname);
const sock = world.socket();
const req = new Uint8Array(32);
const v = new DataView(req.buffer);
v.setUint32(0, 32, true);
v.setUint16(4, 18, true);
v.setUint16(6, 0x301, true);
v.setUint32(8, 99, true);
const replies = sock.send(req).map((m) => decode(m).messages[0]);
window.__iplab = {
  links,
  replies: replies.map((m) => [m.typeName, m.seq, m.pid === sock.portId]),
  snapshot: World.restore(world.snapshot()).snapshot().text === world.snapshot().text,
};
document.body.textContent = "ready";
`;

const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };

before(async () => {
  assert.ok(existsSync(chromium) && existsSync(chromedriver), "Chromium and chromedriver are needed (apt-get install chromium chromium-driver)");
  project = installPacked("iplab-vite-");
  writeFileSync(join(project, "index.html"), '<!doctype html><html><body><script type="module" src="/main.js"></script></body></html>\n');
  writeFileSync(join(project, "main.js"), page);
  const { build } = await import(join(root, "node_modules", "vite", "dist", "node", "index.js"));
  await build({ root: project, logLevel: "error", configFile: false, build: { outDir: join(project, "dist") } });
  const dist = join(project, "dist");
  server = createServer((req, res) => {
    const path = normalize(join(dist, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    const file = path.endsWith("/") || path === dist ? join(dist, "index.html") : path;
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
});

after(async () => {
  server?.close();
  driver?.kill();
  if (project) rmSync(project, { recursive: true, force: true });
});

async function webdriver(port, method, path, body) {
  const r = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json();
  if (!r.ok) throw new Error(`webdriver ${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}

test("a Vite-built page imports the package and runs it in headless Chromium", async () => {
  const bundle = readFileSync(join(project, "dist", "index.html"), "utf8");
  assert.match(bundle, /assets\/index-[\w-]+\.js/);
  const port = 9500 + Math.floor(Math.random() * 400);
  driver = spawn(chromedriver, [`--port=${port}`], { stdio: "ignore" });
  let session;
  for (let i = 0; i < 50 && !session; i++) {
    await new Promise((ok) => setTimeout(ok, 100));
    try {
      session = await webdriver(port, "POST", "/session", {
        capabilities: {
          alwaysMatch: {
            browserName: "chrome",
            "goog:chromeOptions": {
              binary: chromium,
              args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            },
          },
        },
      });
    } catch (e) {
      if (!/ECONNREFUSED|fetch failed/.test(String(e.cause ?? e))) throw e;
    }
  }
  assert.ok(session, "chromedriver started a session");
  const id = session.sessionId;
  try {
    await webdriver(port, "POST", `/session/${id}/url`, { url: `http://127.0.0.1:${server.address().port}/` });
    let result = null;
    for (let i = 0; i < 100 && !result; i++) {
      result = await webdriver(port, "POST", `/session/${id}/execute/sync`, { script: "return window.__iplab || null;", args: [] });
      if (!result) await new Promise((ok) => setTimeout(ok, 100));
    }
    assert.ok(result, "the page ran");
    assert.deepEqual(result.links, ["lo", "v1", "v0"]);
    assert.deepEqual(result.replies, [
      ["RTM_NEWLINK", 99, true],
      ["RTM_NEWLINK", 99, true],
      ["RTM_NEWLINK", 99, true],
      ["NLMSG_DONE", 99, true],
    ]);
    assert.equal(result.snapshot, true);
  } finally {
    await webdriver(port, "DELETE", `/session/${id}`).catch(() => {});
  }
});
