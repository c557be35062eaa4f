/**
 * Builds the web UI (web/index.html and web/src/) into dist/web/app, which `minispl web` serves
 * (src/web/static-files.ts). Relative asset URLs (`base: "./"`) and everything bundled: the page
 * works offline and from any mount point. Run by `npm run build`, never by `pretest`.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: here,
  base: "./",
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("../dist/web/app", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    // One chunk: the app is small and is served from localhost.
    chunkSizeWarningLimit: 1024,
  },
});
