// The page's cost to a visitor: total bytes transferred (gzip, as a static
// host serves them) and the time from navigation to a usable prompt, in
// headless Chromium. Needs `npm run build` (www/dist). Targets: 400 KB, 300 ms.
// Usage: node benches/www-load.mjs [runs]
import { chromium } from "playwright-core";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serve, CHROMIUM, CHROMIUM_ARGS } from "../www/tests/serve.mjs";

const dist = fileURLToPath(new URL("../www/dist", import.meta.url));
if (!existsSync(`${dist}/index.html`)) {
  console.error("www-load: build the page first (npm run build)");
  process.exit(1);
}
const runs = Number(process.argv[2] ?? 5);
const server = await serve(dist);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const times = [];
let bytes = 0;
const parts = new Map(); // file (hash dropped) -> bytes transferred
for (let i = -1; i < runs; i++) { // run -1 warms the server's compression cache
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } }); // a cold cache each run
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
  const ready = await page.evaluate(() => performance.getEntriesByName("iplab-ready")[0].startTime);
  await page.waitForLoadState("networkidle");
  if (i >= 0) times.push(ready);
  bytes = transferred;
  await context.close();
}
await browser.close();
await server.close();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const kb = bytes / 1024;
for (const [name, n] of [...parts].sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(28)} ${(n / 1024).toFixed(1).padStart(6)} KB`);
console.log(`transfer (gzip): ${kb.toFixed(1)} KB (target <= 400 KB) ${kb <= 400 ? "ok" : "OVER"}`);
console.log(`navigation to prompt: median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms over ${runs} runs (target <= 300 ms) ${median <= 300 ? "ok" : "OVER"}`);
