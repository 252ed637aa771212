// A tiny static server for www/dist (what any static host does), with gzip
// (compressed once per file) for the transfer-size measurement of
// benches/www-load.mjs.
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json", ".svg": "image/svg+xml" };

/** Serves `dir` on a free local port; resolves to `{ url, close }`. */
export async function serve(dir) {
  const gzipped = new Map(); // compressed once, as hosts serve precompressed files
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    const file = path === dir || path.endsWith("/") ? join(path, "index.html") : path;
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    let body = readFileSync(file);
    const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream" };
    if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 9 }));
      body = gzipped.get(file);
      headers["content-encoding"] = "gzip";
    }
    res.writeHead(200, headers).end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * Chromium as the tests and the benchmark launch it. Without
 * WebUIOmniboxPopup: headless Chromium 156 gives each new context a window
 * whose omnibox popup loads ~270 chrome:// modules while the page loads,
 * work a visitor's browser did once when it started, not for each page.
 */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync", "--disable-features=WebUIOmniboxPopup"];
