// The in-browser terminal (www/): `npm start` serves it, `npm run build`
// writes a static site to www/dist that works from any static host.
import { defineConfig } from "vite";

export default defineConfig({
  root: "www",
  base: "./",
  server: { fs: { allow: [".."] } },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", assetsInlineLimit: 0 },
});
