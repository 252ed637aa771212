// The in-browser terminal (www/): `npm start` serves it, `npm run build`
// writes a static site to www/dist that works from any static host.
import { defineConfig } from "vite";

/** Starts fetching the .wasm with the HTML instead of after the script runs. */
function preloadWasm() {
  return {
    name: "iplab-preload-wasm",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        const wasm = ctx.bundle && Object.keys(ctx.bundle).find((f) => f.endsWith(".wasm"));
        if (!wasm) return [];
        const attrs = { rel: "preload", href: `./${wasm}`, as: "fetch", type: "application/wasm", crossorigin: "" };
        return [{ tag: "link", attrs, injectTo: "head-prepend" }];
      },
    },
  };
}

export default defineConfig({
  root: "www",
  base: "./",
  plugins: [preloadWasm()],
  server: { fs: { allow: [".."] } },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", assetsInlineLimit: 0 },
});
