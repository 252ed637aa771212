// Shared by benches/www-load.mjs and benches/www-trace.mjs: what "the
// first prompt" means for any built site, old or new: the first text in
// the terminal pane (#terminal) holding "root@", whether xterm.js drew it
// or the page's HTML holds it.

/**
 * Runs in the page before its scripts (context.addInitScript). Marks
 * `prompt-in-dom` when the prompt's text is in the terminal pane and
 * `prompt-painted` when Chromium painted it (Element Timing: the elements
 * around the text are tagged before its first paint, and the entry's
 * renderTime is the paint). A frame callback is no measure of the paint:
 * the first frames run animation callbacks before the first paint.
 */
export function watchPrompt() {
  const TAG = "iplab-prompt-watch";
  const holder = () => {
    const pane = document.getElementById("terminal");
    if (!pane) return null;
    const walk = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) if (n.data.includes("root@")) return n.parentElement;
    return null;
  };
  let inDom = false;
  const observer = new MutationObserver(() => {
    const el = holder();
    if (!el) return;
    if (!inDom) performance.mark("prompt-in-dom");
    inDom = true;
    // Chromium reports text with the nearest block around it: tag each
    // element from the text's up to the pane, again after each change
    // until the paint (xterm.js may draw the row anew before it).
    for (let e = el; e && e.id !== "terminal"; e = e.parentElement) e.setAttribute("elementtiming", TAG);
  });
  new PerformanceObserver((list, po) => {
    const e = list.getEntries().find((x) => x.identifier === TAG);
    if (!e) return;
    po.disconnect();
    observer.disconnect();
    performance.mark("prompt-painted", { startTime: e.renderTime || e.loadTime });
  }).observe({ type: "element", buffered: true });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}
