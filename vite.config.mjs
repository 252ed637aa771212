// The in-browser terminal (www/): `npm start` serves it, `npm run build`
// writes a static site to www/dist that works from any static host.
import { defineConfig } from "vite";

/**
 * Starts fetching and compiling the .wasm with the HTML instead of after
 * the script runs: an inline script hands the page `window.iplabWasm`, a
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
        const code = `window.iplabWasm = WebAssembly.compileStreaming(fetch(${JSON.stringify(`./${wasm}`)})).then((m) => (performance.mark("iplab-wasm-compiled"), m), () => undefined);`;
        return [{ tag: "script", children: code, injectTo: "head-prepend" }];
      },
    },
  };
}

/**
 * The entry (main.js) holds only the terminal and its first prompt; it
 * imports the rest of the page (app.js: the world and the commands) once
 * the prompt is up. A modulepreload link lets that chunk download and
 * parse while the entry does instead of after it.
 */
function preloadApp() {
  return {
    name: "iplab-preload-app",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        const app = ctx.bundle && Object.values(ctx.bundle).find((c) => c.type === "chunk" && c.facadeModuleId?.endsWith("/www/src/app.js"));
        if (!app) return [];
        return [{ tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `./${app.fileName}` }, injectTo: "head" }];
      },
    },
  };
}

export default defineConfig({
  root: "www",
  base: "./",
  plugins: [compileWasmEarly(), preloadApp()],
  server: { fs: { allow: [".."] } },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", assetsInlineLimit: 0 },
});
