// The shell's prompt, shared by the entry (the first prompt, before the
// world exists) and app.js (every prompt after it).

/** The initial namespace's host name. */
export const HOST = "iplab";

/** bash's root prompt on `host` (null: the initial namespace), in colour. */
export const promptFor = (host) => `\x1b[1;32mroot@${host ?? HOST}\x1b[0m:\x1b[1;34m~\x1b[0m# `;
