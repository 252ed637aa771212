// A bash-like line editor on an xterm.js terminal: prompt, cursor movement,
// kill keys, history (kept in localStorage), Ctrl-C, Ctrl-L, paste and tab
// completion. It knows nothing about ip: `onLine` runs what was entered.
import { Terminal } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";

const HISTORY_KEY = "iplab.history";
const HISTORY_MAX = 500;

/** The terminal the page types into. */
export class LineTerminal {
  /**
   * `font` (fontFamily, fontSize, lineHeight) and `size` (cols, rows) are
   * the HTML prompt's (www/src/early.js), so that xterm.js opens at the
   * size FitAddon will choose: opening at 80x24 and fitting after renders
   * every row twice.
   */
  constructor(element, { font, size, prompt, onLine, complete }) {
    this.prompt = prompt;
    this.onLine = onLine;
    this.complete = complete;
    this.line = "";
    this.cursor = 0;
    this.saved = null; // the history, read from localStorage on first use
    this.historyPos = 0;
    this.draft = "";
    this.lastTab = false;
    this.busy = false;
    this.pending = []; // input that came while a line ran (typeahead)
    this.term = new Terminal({
      ...size,
      cursorBlink: true,
      convertEol: true,
      ...(font ?? { fontFamily: "monospace", fontSize: 14, lineHeight: 1.2 }),
      scrollback: 5000,
      theme: {
        background: "#0d1117", foreground: "#d1d7e0", cursor: "#7ee787", selectionBackground: "#264f78",
        black: "#484f58", red: "#ff7b72", green: "#7ee787", yellow: "#e3b341", blue: "#79c0ff",
        magenta: "#d2a8ff", cyan: "#56d4dd", white: "#d1d7e0",
      },
    });
    this.fit = new FitAddon();
    this.term.loadAddon(this.fit);
    this.term.open(element);
    this.term.attachCustomKeyEventHandler((e) => this.customKey(e));
    this.term.onData((d) => this.input(d));
    this.fitNow();
    new ResizeObserver(() => this.fitNow()).observe(element);
  }

  /**
   * The lines entered before, oldest first (kept in localStorage). Read on
   * first use, not while the first prompt is drawn: a page's first read of
   * localStorage waits for the browser to load the origin's storage.
   */
  get history() {
    if (!this.saved) {
      this.saved = loadHistory();
      this.historyPos = this.saved.length;
    }
    return this.saved;
  }

  fitNow() {
    try {
      this.fit.fit();
    } catch {
      /* not visible yet */
    }
  }

  focus() {
    this.term.focus();
  }

  /** Lets the browser handle copy (Ctrl-Shift-C, or Ctrl-C with a selection) and the page's Alt shortcuts. */
  customKey(e) {
    if (e.type !== "keydown") return true;
    if (e.altKey && !e.ctrlKey && /^[a-z]$/i.test(e.key) && "ktlis".includes(e.key.toLowerCase())) return false;
    if (e.ctrlKey && e.key.toLowerCase() === "c" && (e.shiftKey || this.term.hasSelection())) {
      navigator.clipboard?.writeText(this.term.getSelection()).catch(() => {});
      return false;
    }
    if (e.ctrlKey && e.shiftKey && e.key.toLowerCase() === "v") return false;
    return true;
  }

  /** Writes output (LF line ends become CRLF). */
  write(text) {
    this.term.write(text);
  }

  showPrompt() {
    this.line = "";
    this.cursor = 0;
    this.term.write(this.prompt());
  }

  /** Replaces the line being edited and redraws it. */
  setLine(text, cursor = text.length) {
    // Back to the start of the input, clear to the end of the screen, redraw.
    this.moveLeft(this.cursor);
    this.term.write("\x1b[J" + text);
    this.line = text;
    this.cursor = text.length;
    this.moveLeft(text.length - cursor);
    this.cursor = cursor;
  }

  moveLeft(n) {
    const cols = this.term.cols;
    // Move over wrapped lines as well: compute from absolute positions.
    const start = this.promptWidth();
    const from = start + this.cursor;
    const to = from - n;
    this.moveAbs(from, to, cols);
  }

  moveAbs(from, to, cols) {
    const dr = Math.floor(to / cols) - Math.floor(from / cols);
    let s = "";
    if (dr < 0) s += `\x1b[${-dr}A`;
    if (dr > 0) s += `\x1b[${dr}B`;
    s += "\r";
    const col = to % cols;
    if (col > 0) s += `\x1b[${col}C`;
    if (from !== to) this.term.write(s);
  }

  promptWidth() {
    return this.prompt().replace(/\x1b\[[0-9;]*m/g, "").length;
  }

  moveTo(pos) {
    pos = Math.max(0, Math.min(this.line.length, pos));
    const start = this.promptWidth();
    this.moveAbs(start + this.cursor, start + pos, this.term.cols);
    this.cursor = pos;
  }

  insert(text) {
    const rest = this.line.slice(this.cursor);
    this.setLine(this.line.slice(0, this.cursor) + text + rest, this.cursor + text.length);
  }

  /** Runs a line as if it had been typed and entered. */
  async run(text) {
    this.setLine(text);
    await this.enter();
  }

  async enter() {
    const line = this.line;
    this.moveTo(line.length);
    this.term.write("\r\n");
    if (line.trim()) this.remember(line);
    this.historyPos = this.history.length;
    this.draft = "";
    await this.onLine(line);
    this.showPrompt();
  }

  remember(line) {
    if (this.history.at(-1) !== line) this.history.push(line);
    if (this.history.length > HISTORY_MAX) this.history.splice(0, this.history.length - HISTORY_MAX);
    try {
      localStorage.setItem(HISTORY_KEY, JSON.stringify(this.history));
    } catch {
      /* storage full or disabled */
    }
  }

  historyMove(delta) {
    const history = this.history;
    const pos = this.historyPos + delta;
    if (pos < 0 || pos > history.length) return;
    if (this.historyPos === history.length) this.draft = this.line;
    this.historyPos = pos;
    this.setLine(pos === history.length ? this.draft : history[pos]);
  }

  /** Completes the word before the cursor; a second Tab lists the choices. */
  tab(showAll) {
    const before = this.line.slice(0, this.cursor);
    const { replace, candidates } = this.complete(before);
    if (candidates.length === 0) return;
    const common = candidates.reduce((a, b) => {
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      return a.slice(0, i);
    });
    if (candidates.length === 1) {
      this.insert(candidates[0].slice(replace.length) + " ");
    } else if (common.length > replace.length) {
      this.insert(common.slice(replace.length));
    } else if (!showAll) {
      return "ambiguous";
    } else {
      const line = this.line;
      const cursor = this.cursor;
      this.moveTo(line.length);
      this.term.write("\r\n" + candidates.join("  ") + "\r\n" + this.prompt());
      this.line = "";
      this.cursor = 0;
      this.setLine(line, cursor);
    }
  }

  async input(data) {
    const wasTab = this.lastTab;
    this.lastTab = false;
    // A streaming command (ip monitor) holds the terminal until Ctrl-C.
    if (this.onInterrupt) {
      if (data === "\x03") {
        this.term.write("^C\r\n");
        this.onInterrupt();
      }
      return;
    }
    if (this.busy) {
      this.pending.push(data);
      return;
    }
    // Pasted text: insert printable runs, run complete lines.
    if (data.length > 1 && !data.startsWith("\x1b")) {
      const parts = data.replace(/\r\n/g, "\n").replace(/\r/g, "\n").split("\n");
      this.busy = true;
      try {
        for (let i = 0; i < parts.length; i++) {
          this.insert(parts[i].replace(/[\x00-\x1f\x7f]/g, ""));
          if (i < parts.length - 1) await this.enter();
        }
      } finally {
        this.idle();
      }
      return;
    }
    switch (data) {
      case "\r":
        this.busy = true;
        try {
          await this.enter();
        } finally {
          this.idle();
        }
        return;
      case "\x7f": case "\b":
        if (this.cursor > 0) this.setLine(this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor), this.cursor - 1);
        return;
      case "\x1b[3~": case "\x04":
        if (data === "\x04" && this.line === "") return;
        this.setLine(this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1), this.cursor);
        return;
      case "\x1b[D": case "\x02": this.moveTo(this.cursor - 1); return;
      case "\x1b[C": case "\x06": this.moveTo(this.cursor + 1); return;
      case "\x1b[H": case "\x1bOH": case "\x1b[1~": case "\x01": this.moveTo(0); return;
      case "\x1b[F": case "\x1bOF": case "\x1b[4~": case "\x05": this.moveTo(this.line.length); return;
      case "\x1b[A": case "\x10": this.historyMove(-1); return;
      case "\x1b[B": case "\x0e": this.historyMove(1); return;
      case "\x1b[1;5D": case "\x1bb": { // word left
        const m = this.line.slice(0, this.cursor).match(/\S*\s*$/);
        this.moveTo(this.cursor - m[0].length);
        return;
      }
      case "\x1b[1;5C": case "\x1bf": { // word right
        const m = this.line.slice(this.cursor).match(/^\s*\S*/);
        this.moveTo(this.cursor + m[0].length);
        return;
      }
      case "\x15": // Ctrl-U
        this.setLine(this.line.slice(this.cursor), 0);
        return;
      case "\x0b": // Ctrl-K
        this.setLine(this.line.slice(0, this.cursor), this.cursor);
        return;
      case "\x17": { // Ctrl-W
        const head = this.line.slice(0, this.cursor).replace(/\S*\s*$/, "");
        this.setLine(head + this.line.slice(this.cursor), head.length);
        return;
      }
      case "\x03": // Ctrl-C
        this.moveTo(this.line.length);
        this.term.write("^C\r\n");
        this.historyPos = this.history.length;
        this.showPrompt();
        return;
      case "\x0c": // Ctrl-L
        this.clear();
        return;
      case "\t":
        this.lastTab = this.tab(wasTab) === "ambiguous";
        return;
      default:
        if (data >= " " && !data.startsWith("\x1b")) this.insert(data);
    }
  }

  /** Takes `data` as if typed (a key, or pasted text whose line ends enter lines). */
  type(data) {
    this.input(data);
  }

  /** After a line has run: what was typed meanwhile goes on, in order. */
  idle() {
    this.busy = false;
    for (const data of this.pending.splice(0)) this.input(data);
  }

  /** Clears the screen and redraws the prompt and the current line. */
  clear() {
    const line = this.line;
    const cursor = this.cursor;
    this.term.write("\x1b[H\x1b[2J\x1b[3J");
    this.term.clear();
    this.term.write("\r\x1b[K" + this.prompt());
    this.line = "";
    this.cursor = 0;
    this.setLine(line, cursor);
  }
}

function loadHistory() {
  try {
    const h = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? "[]");
    return Array.isArray(h) ? h.filter((x) => typeof x === "string") : [];
  } catch {
    return [];
  }
}
