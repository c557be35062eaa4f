/**
 * Builds the playground (issue 14, part 2) into dist/playground: the web app (web/index.html and
 * web/src/) with web/playground/main.ts as its entry instead of the HTTP one, and the engine
 * compiled for the browser in a Web Worker. Static files only: no server, nothing fetched from
 * elsewhere. Run by `npm run build:playground` (not by `build` or `pretest`).
 *
 * The engine reaches files, compression, threads and digests through its platform (src/platform/),
 * whose browser implementation this build selects. The few other Node built-ins it imports (`node:path`,
 * `Buffer`, `process`…) resolve to small browser implementations (web/playground/node/), and
 * `Buffer` and `process` are installed by the worker's first import.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));
const shims = fileURLToPath(new URL("./playground/node/", import.meta.url));

/** `node:x` (and `node:x/y` as `x-y`) → web/playground/node/x.ts; a built-in without one fails the build. */
function nodeBuiltins(): Plugin {
  return {
    name: "minispl-node-builtins",
    enforce: "pre",
    resolveId(source, importer) {
      const m = /^node:(.+)$/.exec(source);
      if (!m) return null;
      const file = `${shims}${m[1]!.replace("/", "-")}.ts`;
      const from = importer ? ` (imported by ${importer.slice(importer.indexOf("/src/") + 1)})` : "";
      if (!existsSync(file)) throw new Error(`${source}${from}: no browser implementation in web/playground/node/; the engine's files, compression, threads and digests go through src/platform/`);
      return file;
    },
  };
}

/**
 * The engine's platform (src/platform/): files, compression, threads and digests. It starts on
 * Node's (default-platform.ts); here that one module resolves to the browser's, so no Node
 * implementation is reachable from the bundle.
 */
function browserPlatform(): Plugin {
  const nodeDefault = fileURLToPath(new URL("../src/platform/default-platform.ts", import.meta.url));
  const browserDefault = fileURLToPath(new URL("../src/platform/browser-default-platform.ts", import.meta.url));
  return {
    name: "minispl-browser-platform",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!source.endsWith("default-platform.js")) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === nodeDefault ? browserDefault : null;
    },
  };
}

/** The same index.html, with the playground's entry and title. */
function playgroundPage(): Plugin {
  return {
    name: "minispl-playground-page",
    // "pre": before Vite reads the page's script tags.
    transformIndexHtml: {
      order: "pre",
      handler: (html) => html
        .replace("./src/http-main.ts", "./playground/main.ts")
        .replace("<title>minispl search</title>", "<title>minispl playground</title>"),
    },
  };
}

export default defineConfig({
  root: here,
  base: "./",
  logLevel: "warn",
  plugins: [nodeBuiltins(), browserPlatform(), playgroundPage()],
  worker: { format: "es", plugins: () => [nodeBuiltins(), browserPlatform()], rollupOptions: { external: ["@clickhouse/client"] } },
  build: {
    outDir: fileURLToPath(new URL("../dist/playground", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 4096,
    // The SQL backends (src/storage/clickhouse/backend.ts) load the ClickHouse client only when one
    // is opened, which the playground never does: it is left out rather than bundled for nothing.
    rollupOptions: { external: ["@clickhouse/client"] },
  },
});
