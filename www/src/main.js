// The page's entry: the terminal and its first prompt, before anything else.
// Only xterm.js and the line editor are in this chunk; the world, the
// commands and the panels (app.js, preloaded by index.html) and the wasm
// (compiling since the HTML's head, vite.config.mjs) arrive meanwhile. The
// prompt is a working one: typing edits the line at once, and a line
// entered before app.js is ready runs as soon as it is.
import { LineTerminal } from "./terminal.js";
import { promptFor } from "./prompt.js";

// The `iplab-*` marks time the start-up (benches/www-trace.mjs).
performance.mark("iplab-script");
const term = new LineTerminal(document.getElementById("terminal"), {
  prompt: () => promptFor(null),
  onLine: async (line) => (await app).runLine(line),
  complete: () => ({ replace: "", candidates: [] }),
});
performance.mark("iplab-terminal");
term.write("\x1b[2mWelcome to iplab: a Linux network stack in your browser. Type \x1b[0mhelp\x1b[2m, or pick a lesson.\x1b[0m\r\n");
term.showPrompt();
term.focus();
performance.mark("iplab-prompt");

const app = import("./app.js").then((m) => {
  m.start(term);
  return m;
});
