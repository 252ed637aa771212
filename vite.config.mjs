// The in-browser terminal (www/): `npm start` serves it, `npm run build`
// writes a static site to www/dist that works from any static host.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * Starts fetching and compiling the .wasm as soon as the first frame (the
 * HTML prompt) is painted, without waiting for the scripts to ask for it:
 * an inline script hands the page `window.iplabWasm`, a
 * promise of the compiled module (undefined if streaming compilation fails,
 * e.g. a host that serves the file without the application/wasm type; the
 * page then loads it itself).
 */
function compileWasmEarly() {
  return {
    name: "iplab-compile-wasm-early",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        const wasm = ctx.bundle && Object.keys(ctx.bundle).find((f) => f.endsWith(".wasm"));
        if (!wasm) return [];
        // After the first frame (a frame callback runs before the paint, a
        // task queued from it after): the download and compile would
        // otherwise share the two cores of a small machine with the first
        // prompt's style, layout and paint.
        const compile = `WebAssembly.compileStreaming(fetch(${JSON.stringify(`./${wasm}`)})).then((m) => (performance.mark("iplab-wasm-compiled"), m), () => undefined)`;
        const code = `window.iplabWasm = new Promise((go) => requestAnimationFrame(() => setTimeout(go, 0))).then(() => ${compile});`;
        return [{ tag: "script", children: code, injectTo: "head-prepend" }];
      },
    },
  };
}

/**
 * The first prompt is in the HTML (#early) and drawn in the first frame:
 * www/src/early.js, which sizes its rows and takes typing, runs inline
 * after the footer, and the built page's stylesheet is inline too, so
 * that the first frame waits for no other request.
 */
function firstPromptInline() {
  const early = fileURLToPath(new URL("./www/src/early.js", import.meta.url));
  return {
    name: "iplab-first-prompt-inline",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const tags = [{ tag: "script", children: readFileSync(early, "utf8"), injectTo: "body" }];
        if (!ctx.bundle) return { html, tags };
        const inlined = html.replace(/<link rel="stylesheet"[^>]*? href="\.\/(assets\/[^"]+\.css)">/g, (link, file) => {
          const css = ctx.bundle[file];
          if (!css || css.type !== "asset") return link;
          delete ctx.bundle[file];
          return `<style>${String(css.source)}</style>`;
        });
        return { html: inlined, tags };
      },
    },
  };
}

export default defineConfig({
  root: "www",
  base: "./",
  plugins: [compileWasmEarly(), firstPromptInline()],
  server: { fs: { allow: [".."] } },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", assetsInlineLimit: 0 },
});
