// Shared by benches/www-load.mjs and benches/www-trace.mjs: what "the
// first prompt" means for any built site, old or new.

/**
 * Runs in the page before its scripts (context.addInitScript): marks
 * `prompt-in-dom` when the prompt's text is in the terminal's rows (xterm's
 * DOM renderer), then `prompt-frame` after the next frame.
 */
export function watchPrompt() {
  const seen = () => document.querySelector(".xterm-rows")?.textContent.includes("root@");
  const observer = new MutationObserver(() => {
    if (!seen()) return;
    observer.disconnect();
    performance.mark("prompt-in-dom");
    requestAnimationFrame(() => setTimeout(() => performance.mark("prompt-frame")));
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}
