/**
 * Bundles tsc's output (dist/) for the `minispl` bin: dist/bundle/main.js plus one entry per
 * worker the CLI starts by URL, all in one flat folder (issue 11 item 10). A cold
 * `minispl search '| makeresults'` then loads ~20 files instead of ~490 modules, whose
 * open/stat/compile was most of its time (README, "Dependencies"). Run after tsc: `npm run build`.
 *
 * A script rather than a rolldown config file: besides the build it makes main.js executable and
 * checks the output, which a config file cannot do. The check: every `new URL("./x.js",
 * import.meta.url)` left in a chunk (a worker started by file) names a file of the bundle. A
 * worker added to src/ without an entry here fails the build, instead of failing at run time
 * with ERR_MODULE_NOT_FOUND. Workers started with `new URL(import.meta.url)` (repl-command.ts,
 * hunt-command.ts: the module is its own worker) need no entry: the URL is that of the chunk
 * holding the module, so the worker runs the module's top-level role check.
 *
 * node_modules packages are bundled too (fewer files to load: commander alone is 8), except
 * chevrotain, which src/lexer/chevrotain.ts loads at run time from its one-file build
 * (createRequire resolves it from dist/bundle/, inside the package).
 */
import { chmodSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "rolldown";

const OUT = "dist/bundle";

/** Entry name (the file dist/bundle/<name>.js) → tsc output. The worker names are the ones src/ builds URLs to. */
const ENTRIES = {
  main: "dist/cli/main.js",
  "index-worker": "dist/storage/index/index-worker.js",
  "test-worker": "dist/cli/test-worker.js",
  "engine-worker": "dist/engine/engine-worker.js",
};

for (const file of Object.values(ENTRIES)) {
  if (!existsSync(file)) throw new Error(`bundle: ${file} is missing: run tsc first (npm run build)`);
}

await build({
  input: ENTRIES,
  platform: "node",
  external: [/^chevrotain(\/|$)/],
  logLevel: "warn",
  output: {
    dir: OUT,
    format: "esm",
    // Flat: a worker URL "./index-worker.js" resolves from whichever chunk builds it.
    entryFileNames: "[name].js",
    chunkFileNames: "[name]-[hash].js",
    cleanDir: true,
    // ASCII only (non-ASCII in strings escaped, JSDoc comments dropped): node decodes a pure
    // ASCII file to a one-byte string, ~4x faster than UTF-8 with a few "≤" or "—" in it, and V8
    // scans it faster; the two save ~30 ms of a `search` start (the library chunk is 0.8 MB).
    charset: "ascii",
    comments: { legal: true, annotation: false, jsdoc: false },
  },
});

chmodSync(join(OUT, "main.js"), 0o755);

const files = new Set(readdirSync(OUT));
const missing = [];
for (const file of files) {
  for (const m of readFileSync(join(OUT, file), "utf8").matchAll(/new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)) {
    const target = m[1] ?? "";
    if (!target.startsWith("./") || !files.has(target.slice(2))) missing.push(`${file}: new URL("${target}", import.meta.url)`);
  }
}
const notAscii = [...files].filter((file) => /[^\x00-\x7f]/.test(readFileSync(join(OUT, file), "latin1")));
if (notAscii.length > 0) console.warn(`bundle: not pure ASCII (slower to load; a legal comment?): ${notAscii.join(", ")}`);
if (missing.length > 0) {
  throw new Error(`bundle: these URLs name no file of ${OUT} (add the worker to ENTRIES in scripts/bundle.mjs):\n  ${missing.join("\n  ")}`);
}
