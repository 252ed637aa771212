// ESLint for the terminal page's sources (www/src) and the Node test and
// build scripts: the recommended rules, browser globals for the page.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["www/src/**/*.js"],
    languageOptions: { ecmaVersion: 2024, sourceType: "module", globals: { ...globals.browser } },
  },
  {
    files: ["www/tests/**/*.mjs", "tests/node/**/*.mjs", "scripts/**/*.mjs", "vite.config.mjs"],
    languageOptions: { ecmaVersion: 2024, sourceType: "module", globals: { ...globals.node } },
  },
  // The npm package's hand-written part runs in browsers and Node alike.
  {
    files: ["npm/**/*.js"],
    languageOptions: { ecmaVersion: 2024, sourceType: "module", globals: { ...globals.browser, ...globals.node } },
  },
  // The page tests hand functions to the browser (page.evaluate).
  { files: ["www/tests/**/*.mjs"], languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  // The terminal reads and writes ANSI escape sequences: control characters
  // in its regular expressions are what it means.
  { files: ["www/src/terminal.js"], rules: { "no-control-regex": "off" } },
];
