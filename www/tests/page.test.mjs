// The built page (www/dist) in headless Chromium through playwright-core:
// the terminal, the topology, the inspector, a lesson, persistence and share
// links. Screenshots go to www/test-output/. Needs `npm run build` first.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve, CHROMIUM, CHROMIUM_ARGS } from "./serve.mjs";

const dist = fileURLToPath(new URL("../dist/", import.meta.url)).replace(/\/$/, "");
const shots = fileURLToPath(new URL("../test-output/", import.meta.url));
let server;
let browser;
let context;
let page;

async function typeLine(line) {
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
}

const text = () => page.evaluate(() => window.__iplab.text());

async function waitForText(re) {
  await page.waitForFunction((src) => new RegExp(src, "m").test(window.__iplab.text()), re.source, { timeout: 5000 });
}

before(async () => {
  assert.ok(existsSync(`${dist}/index.html`), "build the page first (npm run build)");
  mkdirSync(shots, { recursive: true });
  server = await serve(dist);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.on("pageerror", (e) => console.error("page error:", e));
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='1']");
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the terminal shows a root prompt and runs ip commands", async () => {
  assert.match(await text(), /root@iplab:~# $/m);
  await page.click("#terminal");
  await typeLine("ip link add v0 type veth peer name v1");
  await typeLine("ip addr add 10.0.0.1/24 dev v0");
  await typeLine("ip -br a");
  await waitForText(/^v0@v1 +DOWN +10\.0\.0\.1\/24/);
  const t = await text();
  assert.match(t, /^lo +DOWN/m);
  assert.match(t, /^v1@v0 +DOWN/m);
  // ip -c colours: the device name is cyan in the terminal's rows. The
  // renderer may paint the rows a frame after the text is in the buffer,
  // so wait for it (up to 5 s) before asserting.
  const cyan = await page
    .waitForFunction(() => {
      const b = document.querySelector(".xterm-rows");
      return [...b.querySelectorAll("span")].some((s) => s.textContent.startsWith("v0@v1") && /xterm-fg-6/.test(s.className));
    }, null, { timeout: 5000 })
    .then(() => true, () => false);
  assert.ok(cyan, "ip output is coloured as ip -c prints it");
  await page.locator(".term-pane").screenshot({ path: `${shots}terminal.png` });
});

test("the topology gains the new links, wired as veth peers", async () => {
  await page.waitForSelector('#topology .link[data-link="v0"]');
  assert.equal(await page.locator('#topology .link[data-link="v1"]').count(), 1);
  assert.equal(await page.locator("#topology .wire.veth").count(), 1);
  assert.match(await page.locator('#topology .link[data-link="v0"]').textContent(), /10\.0\.0\.1\/24/);
  await page.click('#topology .link[data-link="v0"]');
  await page.waitForSelector("#link-details:not([hidden])");
  assert.match(await page.locator("#link-details-text").textContent(), /veth/);
  await page.locator(".topo-pane").screenshot({ path: `${shots}topology.png` });
  await page.click("#link-details-close");
});

test("the inspector shows RTM_NEWLINK and its ACK", async () => {
  await page.click("#terminal");
  await typeLine("ip link add d0 type dummy");
  await page.click("#tab-inspector");
  await page.waitForSelector('#inspector .msg[data-type="RTM_NEWLINK"]');
  const labels = await page.locator("#inspector .msg").evaluateAll((ms) => ms.map((m) => m.dataset.label));
  assert.ok(labels.includes("RTM_NEWLINK"), labels.join(","));
  assert.ok(labels.includes("ACK"), labels.join(","));
  const open = page.locator('#inspector .msg[data-type="RTM_NEWLINK"]').last();
  await open.evaluate((d) => (d.open = true));
  assert.match(await open.textContent(), /IFLA_IFNAME/);
  assert.match(await open.locator(".hex").textContent(), /^0000 /);
  await page.locator(".panel").screenshot({ path: `${shots}inspector.png` });
});

test("the inspector reads nft's batch as nfnetlink", async () => {
  await page.click("#terminal");
  await typeLine("nft add table inet filter");
  await page.click("#tab-inspector");
  await page.waitForSelector('#inspector .msg[data-type="NFT_MSG_NEWTABLE"]');
  const types = await page.locator("#inspector .msg").evaluateAll((ms) => ms.map((m) => m.dataset.type));
  assert.ok(types.includes("NFNL_MSG_BATCH_BEGIN"), types.join(","));
  assert.ok(types.includes("NFNL_MSG_BATCH_END"), types.join(","));
  assert.ok(!types.includes("RTM_NEWLINK"), types.join(","));
});

test("the first lesson can be completed end to end", async () => {
  await page.click("#reset");
  await page.click("#tab-lessons");
  await page.click('.lesson-open[data-lesson="interfaces"]');
  const steps = await page.locator(".lesson .step").count();
  assert.ok(steps >= 3);
  await page.click("#terminal");
  await typeLine("ip link show");
  await typeLine("ip link set lo up");
  await typeLine("ip link add dummy0 type dummy");
  await typeLine("ip addr add 192.168.50.1/24 dev dummy0");
  // The last step through the lesson's own "show me / run it".
  await page.click(".step.current .show-answer");
  await page.click(".step.current .run-answer");
  await page.waitForSelector(".finished-banner");
  assert.equal(await page.locator(".lesson .step.done").count(), steps);
  await page.screenshot({ path: `${shots}lesson.png` });
});

test("history and lesson progress survive a reload", async () => {
  await page.reload();
  await page.waitForSelector("body[data-ready='1']");
  await page.waitForSelector(".finished-banner");
  await page.click("#terminal");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.waitForFunction(() => /root@iplab:~# ip link set dummy0 up\s*$/.test(window.__iplab.text()));
  await page.keyboard.press("Control+U");
});

test("tab completion completes objects, verbs and device names", async () => {
  await page.keyboard.type("ip ro");
  await page.keyboard.press("Tab");
  await page.keyboard.type("sh");
  await page.keyboard.press("Tab");
  await page.keyboard.type("dev dum");
  await page.keyboard.press("Tab");
  await page.waitForFunction(() => /# ip route show dev dummy0 $/m.test(window.__iplab.text()));
  await page.keyboard.press("Enter");
  await waitForText(/^192\.168\.50\.0\/24 proto kernel scope link src 192\.168\.50\.1/);
});

test("line editing: cursor keys, kill keys, Ctrl-C and Ctrl-L", async () => {
  await page.click("#terminal");
  // Left then insert: "ip link shw" becomes "ip link show".
  await page.keyboard.type("ip -br link shw");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.type("o");
  // Home, a word, End: the line runs as edited.
  await page.keyboard.press("Home");
  await page.keyboard.type("true && ");
  await page.keyboard.press("End");
  await page.keyboard.type(" dev lo");
  await page.keyboard.press("Enter");
  await waitForText(/^lo +UNKNOWN/);
  // Ctrl-W deletes the word before the cursor, Ctrl-A/Ctrl-K the whole line.
  await page.keyboard.type("echo one two");
  await page.keyboard.press("Control+W");
  await page.keyboard.type("three");
  await page.keyboard.press("Enter");
  await waitForText(/^one three$/);
  await page.keyboard.type("echo gone");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+K");
  await page.keyboard.type("echo kept");
  await page.keyboard.press("Enter");
  await waitForText(/^kept$/);
  assert.doesNotMatch(await text(), /^gone$/m);
  // Ctrl-C abandons the line; Ctrl-L clears the screen but keeps the line.
  await page.keyboard.type("echo never");
  await page.keyboard.press("Control+C");
  await waitForText(/echo never\^C$/);
  await page.keyboard.type("echo after");
  await page.keyboard.press("Control+L");
  await page.waitForFunction(() => !/kept/.test(window.__iplab.text()));
  await page.keyboard.press("Enter");
  await waitForText(/^after$/);
  assert.doesNotMatch(await text(), /^never$/m);
});

test("keyboard only: shortcuts move between the panes, Enter opens a link", async () => {
  await page.keyboard.press("Alt+I");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-inspector");
  assert.equal(await page.locator("#inspector").isHidden(), false);
  await page.keyboard.press("ArrowLeft");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-lessons");
  await page.keyboard.press("Alt+T");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.link), "lo");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#link-details:not([hidden])");
  assert.match(await page.locator("#link-details-text").textContent(), /LOOPBACK/);
  await page.keyboard.press("Enter"); // the close button has the focus
  assert.equal(await page.locator("#link-details").isHidden(), true);
  await page.keyboard.press("Alt+K");
  assert.ok(await page.evaluate(() => document.activeElement.classList.contains("xterm-helper-textarea")));
});

test("host tabs open a terminal in another namespace", async () => {
  await typeLine("ip netns add red");
  await page.click('.host-tab[data-host="red"]');
  await typeLine("ip link add r0 type dummy");
  await waitForText(/root@red:~# $/);
  const names = await page.evaluate(() => window.__iplab.world().topology().namespaces.map((n) => [n.name, n.links.map((l) => l.name)]));
  assert.deepEqual(names.find(([n]) => n === "red")[1], ["lo", "r0"]);
  await typeLine("exit");
  await waitForText(/root@iplab:~# $/);
});

test("a share link restores the world exactly", async () => {
  const before = await page.evaluate(() => window.__iplab.world().snapshot().text);
  await page.click("#share");
  await page.waitForFunction(() => document.getElementById("share").dataset.url);
  const url = await page.evaluate(() => document.getElementById("share").dataset.url);
  assert.match(url, /#w=[A-Za-z0-9_-]+$/);
  const fresh = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const other = await fresh.newPage();
  await other.goto(url);
  await other.waitForSelector("body[data-ready='1']");
  const after = await other.evaluate(() => window.__iplab.world().snapshot().text);
  assert.equal(after, before);
  await other.waitForSelector('#topology .link[data-link="r0"]');
  await other.screenshot({ path: `${shots}phone.png` });
  await fresh.close();
});

test("the built page reloads offline once it has been loaded", async () => {
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The worker caches what it fetches: load once under its control.
  await page.reload();
  await page.waitForSelector("body[data-ready='1']");
  await context.setOffline(true);
  try {
    await page.reload();
    await page.waitForSelector("body[data-ready='1']", { timeout: 5000 });
    await page.click("#terminal");
    await typeLine("ip -br link show dev dummy0");
    await waitForText(/^dummy0 +UNKNOWN/);
  } finally {
    await context.setOffline(false);
  }
});

test("the prompt takes a line before the module has arrived and runs it once it has", async () => {
  const slow = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await slow.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  const early = await slow.newPage();
  const rows = () => early.evaluate(() => document.querySelector(".xterm-rows")?.textContent ?? "");
  try {
    await early.goto(server.url);
    // The prompt is up and takes typing while the module is held back.
    await early.waitForFunction(() => document.querySelector(".xterm-rows")?.textContent.includes("root@iplab:~# "));
    assert.equal(await early.evaluate(() => document.body.dataset.ready), undefined);
    await early.keyboard.type("ip -br link");
    await early.keyboard.press("Enter");
    await early.waitForFunction(() => document.querySelector(".xterm-rows").textContent.includes("root@iplab:~# ip -br link"));
    assert.doesNotMatch(await rows(), /UNKNOWN|DOWN/);
    // Once the module arrives the line runs, then the next prompt.
    release();
    await early.waitForSelector("body[data-ready='1']");
    await early.waitForFunction(() => /^lo +DOWN.*\nroot@iplab:~# $/ms.test(window.__iplab.text()), null, { timeout: 5000 });
  } finally {
    release();
    await slow.close();
  }
});

/** A new page whose xterm.js chunk is held back until `release()`. */
async function withoutXterm(viewport) {
  const context = await browser.newContext({ viewport });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await context.route(/\/terminal-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const p = await context.newPage();
  p.on("pageerror", (e) => console.error("page error:", e));
  await p.goto(server.url);
  await p.waitForFunction(() => window.iplabEarly);
  return { context, page: p, release };
}

test("the HTML prompt takes typing before xterm.js exists; xterm.js runs it and keeps the line", async () => {
  const { context, page: early, release } = await withoutXterm({ width: 1280, height: 800 });
  try {
    // The first prompt is up, focused, and xterm.js is not there yet.
    assert.equal(await early.evaluate(() => document.activeElement.id), "early-input");
    assert.equal(await early.locator(".xterm").count(), 0);
    assert.match(await early.locator("#early").textContent(), /root@iplab:~# $/);
    // A click elsewhere and back on the rows: typing goes to the prompt.
    await early.click("#tab-inspector");
    await early.click("#early .early-welcome");
    assert.equal(await early.evaluate(() => document.activeElement.id), "early-input");
    await early.keyboard.type("ip -br link");
    await early.keyboard.press("Enter");
    await early.keyboard.type("echo hi");
    await early.keyboard.press("ArrowLeft");
    assert.match(await early.locator("#early").textContent(), /root@iplab:~# ip -br link\s*$/);
    release();
    await early.waitForSelector("body[data-ready='1']");
    // The entered line ran once, then the line being typed is at the next
    // prompt with its cursor where it was (before the "i").
    await early.waitForFunction(() => /^root@iplab:~# ip -br link\nlo +DOWN[^\n]*\nroot@iplab:~# echo hi$/m.test(window.__iplab.text()), null, { timeout: 5000 });
    assert.equal(await early.locator("#early").count(), 0);
    assert.ok(await early.evaluate(() => document.activeElement.classList.contains("xterm-helper-textarea")));
    await early.keyboard.type("y");
    await early.keyboard.press("Enter");
    await early.waitForFunction(() => /^hyi$/m.test(window.__iplab.text()), null, { timeout: 5000 });
    // History holds both lines.
    await early.keyboard.press("ArrowUp");
    await early.keyboard.press("ArrowUp");
    await early.waitForFunction(() => /root@iplab:~# ip -br link$/.test(window.__iplab.text().trimEnd()), null, { timeout: 5000 });
    assert.equal((await early.evaluate(() => window.__iplab.text())).match(/^lo +DOWN/gm).length, 1, "the entered line ran once");
  } finally {
    release();
    await context.close();
  }
});

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`the prompt stays in place when xterm.js replaces the HTML rows (${viewport.width}x${viewport.height})`, async () => {
    const { context, page: p, release } = await withoutXterm(viewport);
    try {
      const before = await p.evaluate(() => ({
        row: document.getElementById("early-prompt").getBoundingClientRect().toJSON(),
        user: document.querySelector(".early-user").getBoundingClientRect().toJSON(),
        input: document.getElementById("early-input").getBoundingClientRect().toJSON(),
      }));
      release();
      await p.waitForSelector("body[data-ready='1']");
      await p.waitForFunction(() => !document.getElementById("early"));
      const after = await p.evaluate(() => {
        const user = [...document.querySelectorAll(".xterm-rows span")].find((s) => s.textContent.startsWith("root@iplab"));
        return {
          row: user.parentElement.getBoundingClientRect().toJSON(),
          user: user.getBoundingClientRect().toJSON(),
          input: document.querySelector(".xterm-rows .xterm-cursor").getBoundingClientRect().toJSON(),
        };
      });
      const near = (a, b, what) => assert.ok(Math.abs(a - b) <= 0.5, `${what}: ${a} before, ${b} after`);
      near(before.row.y, after.row.y, "the prompt row's top");
      near(before.row.height, after.row.height, "the row's height");
      near(before.user.x, after.user.x, "root@iplab's left");
      near(before.user.width, after.user.width, "root@iplab's width");
      near(before.input.x, after.input.x, "where typing starts");
    } finally {
      release();
      await context.close();
    }
  });
}
