// The page's entry. The first prompt is already on screen: index.html holds
// it as HTML and www/src/early.js (inline) sized it and takes typing. After
// that first frame this module opens xterm.js under it (the terminal.js
// chunk), hands it what was typed and imports the rest of the page (app.js:
// the world, the commands and the panels; the wasm starts compiling after
// the first frame too, vite.config.mjs: nothing downloads or compiles
// beside the first prompt's style, layout and paint). A line entered
// before the world exists runs as soon as it does.
import "@xterm/xterm/css/xterm.css";
import { promptFor } from "./prompt.js";
import { handOver } from "./handover.js";

const WELCOME = "\x1b[2mWelcome to iplab: a Linux network stack in your browser. Type \x1b[0mhelp\x1b[2m, or pick a lesson.\x1b[0m\r\n";

// The `iplab-*` marks time the start-up (benches/www-trace.mjs).
performance.mark("iplab-script");
const early = window.iplabEarly;
// xterm.js's start-up (its modules, `open`, its first rows) and the
// world's come after the HTML prompt's paint, never before it.
await promptPainted();
const appModule = import("./app.js"); // the world is made meanwhile
const { LineTerminal } = await import("./terminal.js");
let appLoaded;
const app = new Promise((resolve) => (appLoaded = resolve));
const term = new LineTerminal(document.getElementById("terminal"), {
  font: early?.font,
  size: early?.size,
  prompt: () => promptFor(null),
  onLine: async (line) => (await app).runLine(line),
  complete: () => ({ replace: "", candidates: [] }),
});
performance.mark("iplab-terminal");
term.write(WELCOME);
term.showPrompt();
handOver(early, term);
performance.mark("iplab-prompt");

appModule.then((m) => {
  m.start(term);
  appLoaded(m);
});

/**
 * Resolves once the HTML prompt has been painted: Chromium reports it
 * (Element Timing, early.js tags the prompt row); elsewhere, after the
 * next frame. Frame callbacks alone are no proof: the first frames run
 * them before the first paint.
 */
function promptPainted() {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const row = document.getElementById("early-prompt");
  if (!row || !PerformanceObserver.supportedEntryTypes?.includes("element")) return frame();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => !e.element || row.contains(e.element) || e.element.contains(row))) done();
    });
    observer.observe({ type: "element", buffered: true });
    const timer = setTimeout(done, 1000);
  });
}
