// Where the page's time to its first prompt goes: a Chromium trace of each
// cold load (headless, as benches/www-load.mjs), read into phases on one
// time line (ms from navigation start, medians over the runs):
// the HTML, CSS, JS and wasm downloads (Resource Timing), the entry
// script's parse (V8's background streaming parse), its evaluation (the
// entry module's v8.evaluateModule), the page's own `iplab-*` marks where the site
// sets them (the wasm compiled, the terminal open, the module instantiated,
// the World made, the prompt written), the prompt's text reaching
// the terminal pane and its paint (benches/www-prompt.mjs: `prompt-in-dom`
// and `prompt-painted`, the same for any site); then the renderer's
// main-thread time up to the prompt's paint by kind (script, style and
// layout, paint, HTML parse, other) and its longest tasks after it.
// Needs a built site (npm run build). Usage:
//   node benches/www-trace.mjs [runs] [DIST...]
// With several sites their runs are interleaved, so they share the load.
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
    console.error(`www-trace: ${dist}: build the page first (npm run build)`);
    process.exit(1);
  }
}

const CATEGORIES = ["devtools.timeline", "v8", "v8.execute", "blink.user_timing", "loading"];

/** Kind of main-thread work for a trace event name (null: its parent's kind). */
function kind(name) {
  if (/^(ParseHTML|HTMLDocumentParser::)/.test(name)) return "html parse";
  if (/^(UpdateLayoutTree|Layout|Document::updateStyle|Document::UpdateStyleAndLayout)$/.test(name)) return "style+layout";
  if (/^(Paint|PrePaint|Layerize|Commit|UpdateLayer|PaintImage|RasterTask)$/.test(name)) return "paint";
  if (/^(EvaluateScript|v8\.|V8\.|FunctionCall|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|MinorGC|MajorGC)/.test(name)) return "script";
  return null;
}

/**
 * Self time of each main-thread event, summed by kind, within [from, to]
 * (µs), and the thread's CPU time in the tasks that started there (on a
 * loaded machine the wall time also counts the waits for a core).
 */
function mainThreadKinds(events, from, to) {
  const xs = events.filter((e) => e.ph === "X" && e.dur > 0 && e.ts < to && e.ts + e.dur > from).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const sums = new Map();
  const stack = [];
  let cpu = 0;
  const close = (e) => {
    const self = Math.max(0, Math.min(e.ts + e.dur, to) - Math.max(e.ts, from) - e.childTime);
    sums.set(e.kind, (sums.get(e.kind) ?? 0) + self);
  };

  for (const e of xs) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) close(stack.pop());
    const parent = stack.at(-1);
    if (!parent && e.ts >= from) cpu += e.tdur ?? 0;
    const node = { ts: e.ts, dur: e.dur, childTime: 0, kind: kind(e.name) ?? parent?.kind ?? "other" };
    if (parent) parent.childTime += Math.min(e.ts + e.dur, to) - Math.max(e.ts, from);
    stack.push(node);
  }
  while (stack.length) close(stack.pop());
  sums.cpu = cpu;
  return sums;
}

/** One cold load with tracing: the phases (ms from navigation start) and main-thread kinds. */
async function load(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(watchPrompt);
  const page = await context.newPage();
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("prompt-painted").length > 0);
  await page.waitForSelector("body[data-ready='1']");
  await page.waitForTimeout(300); // what the page does just after the prompt
  const perf = await page.evaluate(() => ({
    nav: performance.getEntriesByType("navigation")[0].toJSON(),
    resources: performance.getEntriesByType("resource").map((r) => ({ name: r.name, start: r.startTime, end: r.responseEnd })),
    marks: performance.getEntriesByType("mark").map((m) => ({ name: m.name, t: m.startTime })),
    paints: performance.getEntriesByType("paint").map((p) => ({ name: p.name, t: p.startTime })),
  }));
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await context.close();

  const events = trace.traceEvents;
  const inDom = perf.marks.find((m) => m.name === "prompt-in-dom");
  const traced = events.find((e) => e.name === "prompt-in-dom" && e.cat.includes("blink.user_timing"));
  // Trace time (µs) of the page's time origin, from one mark seen both ways.
  const origin = traced.ts - inDom.t * 1000;
  const ms = (ts) => (ts - origin) / 1000;
  const renderer = events.filter((e) => e.pid === traced.pid);
  const main = renderer.filter((e) => e.tid === traced.tid);
  const phases = new Map(); // name -> [start, end] in ms
  phases.set("HTML response", [perf.nav.requestStart, perf.nav.responseEnd]);
  for (const r of perf.resources) {
    const name = r.name.replace(/^.*\//, "").replace(/-[A-Za-z0-9_-]{8}(\.\w+)$/, "$1");
    if (/\.(js|css|wasm)$/.test(name)) phases.set(`download ${name}`, [r.start, r.end]);
  }
  // The entry script is the first module compiled; its streaming parse.
  const entry = main.find((e) => e.name === "v8.compileModule" && ms(e.ts) > 0)?.args.data.url;
  const parse = renderer.find((e) => e.name === "v8.parseOnBackground" && e.ph === "X" && e.args.data?.url === entry);
  if (parse) phases.set("entry's parse (background)", [ms(parse.ts), ms(parse.ts + parse.dur)]);
  const evaluate = main.filter((e) => e.name === "v8.evaluateModule" && ms(e.ts) > 0);
  if (evaluate.length) phases.set("JS evaluation (entry module)", [ms(evaluate[0].ts), ms(evaluate[0].ts + evaluate[0].dur)]);
  for (const p of perf.paints) phases.set(p.name, [p.t, p.t]);
  for (const m of perf.marks) phases.set(m.name, [m.t, m.t]);
  const promptAt = perf.marks.find((m) => m.name === "prompt-painted").t;
  const kinds = mainThreadKinds(main, origin, origin + promptAt * 1000);
  // The renderer's CPU time on all its threads (the streaming parse and
  // compile run off the main thread).
  const threads = new Map();
  for (const e of renderer) threads.set(e.tid, [...(threads.get(e.tid) ?? []), e]);
  kinds.rendererCpu = [...threads.values()].reduce((sum, evs) => sum + mainThreadKinds(evs, origin, origin + promptAt * 1000).cpu, 0);
  // Main-thread tasks longer than 20 ms after the prompt (input waits for them).
  const after = main.filter((e) => e.name === "RunTask" && e.ph === "X" && ms(e.ts) >= promptAt && ms(e.ts) < promptAt + 300 && e.dur > 20_000).map((e) => e.dur / 1000);
  return { phases, kinds, promptAt, after };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

const sites = [];
for (const dist of dists) sites.push({ dist, server: await serve(dist), loads: [] });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
for (let i = -1; i < runs; i++) { // run -1 warms the server's compression cache
  for (const site of sites) {
    const result = await load(browser, site.server.url);
    if (i >= 0) site.loads.push(result);
  }
}
await browser.close();
for (const { dist, server, loads } of sites) {
  await server.close();
  console.log(`${dist}: ${runs} cold loads, medians (ms from navigation start)`);
  const names = [...new Set(loads.flatMap((l) => [...l.phases.keys()]))];
  const rows = names.map((name) => {
    const got = loads.map((l) => l.phases.get(name)).filter(Boolean);
    return { name, start: median(got.map((p) => p[0])), end: median(got.map((p) => p[1])) };
  }).sort((a, b) => a.start - b.start || a.end - b.end);
  for (const r of rows) {
    const span = r.end > r.start + 0.05 ? `${r.start.toFixed(0).padStart(5)} – ${r.end.toFixed(0).padStart(4)}  (${(r.end - r.start).toFixed(0)})` : `${r.start.toFixed(0).padStart(5)}`;
    console.log(`  ${r.name.padEnd(32)} ${span}`);
  }
  console.log(`  main thread up to the prompt's paint (median ${median(loads.map((l) => l.promptAt)).toFixed(0)} ms):`);
  const kindNames = [...new Set(loads.flatMap((l) => [...l.kinds.keys()]))]; // (cpu is a property, not a key)
  const kindRows = kindNames.map((k) => [k, median(loads.map((l) => (l.kinds.get(k) ?? 0) / 1000))]).sort((a, b) => b[1] - a[1]);
  const busy = median(loads.map((l) => [...l.kinds.values()].reduce((a, b) => a + b, 0) / 1000));
  const cpu = median(loads.map((l) => l.kinds.cpu / 1000));
  const rendererCpu = median(loads.map((l) => l.kinds.rendererCpu / 1000));
  console.log(`    busy ${busy.toFixed(0)} ms: ${kindRows.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", ")}; CPU time ${cpu.toFixed(0)} ms (all the renderer's threads: ${rendererCpu.toFixed(0)} ms)`);
  console.log(`  tasks over 20 ms in the 300 ms after the prompt: ${loads.map((l) => (l.after.length ? l.after.map((d) => d.toFixed(0)).join("+") : "none")).join(" | ")}`);
}
