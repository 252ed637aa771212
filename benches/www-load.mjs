// The page's cost to a visitor: total bytes transferred (gzip, as a static
// host serves them), the time from navigation to the first prompt on
// screen (`prompt-painted` of benches/www-prompt.mjs: Chromium's paint of
// the first text in the terminal pane holding "root@", whether the HTML or
// xterm.js holds it; the same for any site) and to the first command
// being able to run (the page's "iplab-ready" mark: the world is made), in
// headless Chromium. Needs `npm run build` (www/dist). Targets: 400 KB,
// 200 ms to the prompt.
// Usage: node benches/www-load.mjs [runs] [DIST...]
// With several built sites (e.g. www/dist and a copy built from another
// commit), their runs are interleaved so that they share the machine's load.
import { chromium } from "playwright-core";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve, CHROMIUM, CHROMIUM_ARGS } from "../www/tests/serve.mjs";
import { watchPrompt } from "./www-prompt.mjs";

const runs = Number(process.argv[2] ?? 5);
const dists = process.argv.length > 3 ? process.argv.slice(3).map((d) => resolve(d)) : [fileURLToPath(new URL("../www/dist", import.meta.url))];
for (const dist of dists) {
  if (!existsSync(`${dist}/index.html`)) {
    console.error(`www-load: ${dist}: build the page first (npm run build)`);
    process.exit(1);
  }
}
const sites = [];
for (const dist of dists) sites.push({ dist, server: await serve(dist), times: [], readies: [], bytes: 0, parts: new Map() });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
for (let i = -1; i < runs; i++) { // run -1 warms the server's compression cache
  for (const site of sites) {
    const { server, parts } = site;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } }); // a cold cache each run
    await context.addInitScript(watchPrompt);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    let transferred = 0;
    const urls = new Map();
    cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, e.request.url));
    cdp.on("Network.loadingFinished", (e) => {
      transferred += e.encodedDataLength;
      const name = (urls.get(e.requestId) ?? "?").replace(server.url, "/");
      parts.set(name.replace(/-[A-Za-z0-9_-]{8}(\.\w+)$/, "$1"), e.encodedDataLength);
    });
    await page.goto(server.url);
    await page.waitForSelector("body[data-ready='1']");
    await page.waitForFunction(() => performance.getEntriesByName("prompt-painted").length > 0);
    const [prompt, ready] = await page.evaluate(() => ["prompt-painted", "iplab-ready"].map((m) => performance.getEntriesByName(m)[0].startTime));
    await page.waitForLoadState("networkidle");
    if (i >= 0) site.times.push(prompt);
    if (i >= 0) site.readies.push(ready);
    site.bytes = transferred;
    await context.close();
  }
}
await browser.close();
for (const { dist, server, times, readies, bytes, parts } of sites) {
  await server.close();
  times.sort((a, b) => a - b);
  readies.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const kb = bytes / 1024;
  if (sites.length > 1) console.log(dist);
  for (const [name, n] of [...parts].sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(28)} ${(n / 1024).toFixed(1).padStart(6)} KB`);
  console.log(`transfer (gzip): ${kb.toFixed(1)} KB (target <= 400 KB) ${kb <= 400 ? "ok" : "OVER"}`);
  console.log(`navigation to the prompt painted: median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms over ${runs} runs (target <= 200 ms) ${median <= 200 ? "ok" : "OVER"}`);
  console.log(`navigation to the first command's run (iplab-ready): median ${readies[Math.floor(readies.length / 2)].toFixed(0)} ms, min ${readies[0].toFixed(0)} ms, max ${readies.at(-1).toFixed(0)} ms`);
}
