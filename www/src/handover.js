// xterm.js takes over from the HTML prompt (index.html's #early, sized and
// made to take typing by www/src/early.js): what was typed there goes to
// the line editor as if typed into it, and the HTML rows, which lie over
// the terminal, go once xterm.js has drawn its own in the same place.

/** How long the HTML rows may wait for xterm.js's first drawing (ms). */
const DRAW_WAIT = 1000;

/**
 * Hands `early` (window.iplabEarly) to `term` (a LineTerminal that has
 * written the welcome line and the prompt): the lines entered run in turn
 * (they wait for the world), the line being typed goes on at its cursor,
 * and the focus moves to xterm.js if the HTML prompt had it.
 */
export function handOver(early, term) {
  if (!early?.root?.isConnected) return;
  early.done = true;
  const { input, lines, root } = early;
  const typed = input.value;
  const cursor = input.selectionStart ?? typed.length;
  const focused = document.activeElement === input;
  input.readOnly = true;
  if (focused) term.focus();
  const data = lines.map((line) => `${line}\r`).join("") + typed;
  if (data) term.type(data);
  for (let i = cursor; i < typed.length; i++) term.type("\x1b[D");
  let timer = 0;
  let rendered = null;
  const remove = () => {
    clearTimeout(timer);
    rendered?.dispose();
    root.remove();
    performance.mark("iplab-handover");
  };
  timer = setTimeout(remove, DRAW_WAIT);
  // Once the writes so far are parsed, the next drawing shows them.
  term.term.write("", () => {
    rendered = term.term.onRender(remove);
  });
}
