/**
 * Builds the playground (issue 14, part 2) into dist/playground: the web app (web/index.html and
 * web/src/) with web/playground/main.ts as its entry instead of the HTTP one, and the engine
 * compiled for the browser in a Web Worker. Static files only: no server, nothing fetched from
 * elsewhere. Run by `npm run build:playground` (not by `build` or `pretest`).
 *
 * The engine stays platform-neutral source: its Node built-ins (`node:fs`, `node:crypto`…) resolve
 * here to browser implementations of the subset it uses (web/playground/node/), and `Buffer` and
 * `process` are installed by the worker's first import.
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
    resolveId(source) {
      const m = /^node:(.+)$/.exec(source);
      if (!m) return null;
      const file = `${shims}${m[1]!.replace("/", "-")}.ts`;
      if (!existsSync(file)) throw new Error(`${source}: no browser implementation in web/playground/node/`);
      return file;
    },
  };
}

/**
 * Engine modules with a browser implementation of the same exports (web/playground/browser/):
 * where Node's needs a Node facility in a way no shim can give (a synchronous wait on a worker).
 */
const BROWSER_MODULES: Record<string, string> = {
  "src/functions/backtrack-runner.ts": fileURLToPath(new URL("./playground/browser/backtrack-runner.ts", import.meta.url)),
};

function browserModules(): Plugin {
  return {
    name: "minispl-browser-modules",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!importer || !source.includes("backtrack-runner")) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const hit = resolved && Object.keys(BROWSER_MODULES).find((k) => resolved.id.endsWith(k));
      // The browser implementation itself imports the Node one's types only.
      return hit && !importer.includes("/web/playground/browser/") ? BROWSER_MODULES[hit]! : null;
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
  plugins: [nodeBuiltins(), browserModules(), playgroundPage()],
  worker: { format: "es", plugins: () => [nodeBuiltins(), browserModules()] },
  build: {
    outDir: fileURLToPath(new URL("../dist/playground", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 4096,
  },
});
