// The first prompt, before xterm.js exists. index.html holds the
// terminal's first rows as HTML (#early: the welcome line and a prompt
// with a real input); this classic script, inlined after the footer by
// vite.config.mjs, runs while the HTML parses: it sizes those rows as
// xterm.js will draw them (the same font, cell size and columns, so that
// nothing moves when xterm.js replaces them), focuses the input and keeps
// the lines entered there. main.js opens xterm.js under these rows and
// www/src/handover.js hands it what was typed.
// Plain ES2020 without modules: it must run before any module script.
(() => {
  const root = document.getElementById("early");
  const input = document.getElementById("early-input");
  const pane = document.getElementById("terminal");
  if (!root || !input || !pane) return;
  /** What main.js reads: the font, the terminal's size and what was typed. */
  const early = { root, input, font: null, size: null, lines: [], done: false };
  window.iplabEarly = early;

  const style = getComputedStyle(root);
  const fontFamily = style.fontFamily;
  const fontSize = parseFloat(style.fontSize);
  const lineHeight = Number(style.getPropertyValue("--line-height")) || 1.2;
  early.font = { fontFamily, fontSize, lineHeight };
  try {
    // As xterm.js measures a cell (CharSizeService's TextMetrics strategy,
    // DomRenderer's device pixels) and FitAddon divides the pane by it.
    const ctx = new OffscreenCanvas(1, 1).getContext("2d");
    ctx.font = `${fontSize}px ${fontFamily}`;
    const m = ctx.measureText("W");
    const dpr = window.devicePixelRatio || 1;
    const deviceCellHeight = Math.floor(Math.ceil((m.fontBoundingBoxAscent + m.fontBoundingBoxDescent) * dpr) * lineHeight);
    // FitAddon: the pane's size less the padding of xterm's own element,
    // which has the class "terminal" too, so the pane's padding applies.
    const paneStyle = getComputedStyle(pane);
    const px = (name) => parseInt(paneStyle.getPropertyValue(name)) || 0;
    const scrollbar = 14; // xterm's ViewportConstants.DEFAULT_SCROLL_BAR_WIDTH
    const cols = Math.floor((px("width") - px("padding-left") - px("padding-right") - scrollbar) / m.width);
    const rows = Math.floor((px("height") - px("padding-top") - px("padding-bottom")) / (deviceCellHeight / dpr));
    if (cols >= 2 && rows >= 1) {
      early.size = { cols, rows };
      // DomRenderer: the rows are whole device pixels wide and high.
      const cellWidth = Math.round(m.width * dpr * cols / dpr) / cols;
      const cellHeight = Math.round(deviceCellHeight * rows / dpr) / rows;
      root.style.setProperty("--cell-width", `${cellWidth}px`);
      root.style.setProperty("--cell-height", `${cellHeight}px`);
      root.style.setProperty("--cols", String(cols));
      root.style.setProperty("--letter-spacing", `${cellWidth - m.width}px`);
    }
  } catch {
    /* no OffscreenCanvas: the rows keep style.css's estimate */
  }

  /** Enter: the line is entered (it runs once the world exists); typing goes on below it. */
  input.addEventListener("keydown", (e) => {
    if (early.done || e.isComposing) return;
    if (e.key === "Enter") {
      e.preventDefault();
      early.lines.push(input.value);
      const row = input.parentElement;
      row.append(input.value);
      const next = document.createElement("div");
      next.className = "early-row early-typeahead";
      row.after(next);
      input.value = "";
      next.append(input);
      input.focus({ preventScroll: true });
    } else if (e.key === "Tab") {
      e.preventDefault(); // completion comes with xterm.js; keep the focus here
    }
  });
  // A click anywhere on the rows types into the prompt, as on xterm.js.
  root.addEventListener("mousedown", (e) => {
    if (e.target === input) return;
    e.preventDefault();
    input.focus({ preventScroll: true });
  });
  input.focus({ preventScroll: true });
  performance.mark("iplab-early-prompt");
})();
