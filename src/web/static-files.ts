/**
 * Files the server hands out as they are: the built single-page app (dist/web/app, made by
 * `npm run build` with Vite) and Chevrotain's railroad-diagram scripts. A request names a file
 * inside one of these folders; anything that would leave it (`..`, an absolute path, a symlink out)
 * is not found.
 */
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".ico": "image/x-icon",
};

export interface StaticFile {
  readonly body: Buffer;
  readonly type: string;
}

/** The file `urlPath` names inside `root`, or null. */
export function readStatic(root: string, urlPath: string): StaticFile | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath).replace(/^\/+/, "");
  } catch {
    return null;
  }
  if (rel.includes("\0")) return null;
  const base = realpathSync(root);
  const path = resolve(base, rel || "index.html");
  if (path !== base && !path.startsWith(base + sep)) return null;
  try {
    const real = realpathSync(path);
    if (!real.startsWith(base + sep) || !statSync(real).isFile()) return null;
    return { body: readFileSync(real), type: TYPES[extname(real).toLowerCase()] ?? "application/octet-stream" };
  } catch {
    return null;
  }
}

/**
 * Where the built app is: dist/web/app beside this module as tsc builds it, from the bundle
 * (dist/bundle/), or from the sources (src/web/, when tests run them). Null when it was not built.
 */
export function appDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, "app"), join(here, "..", "web", "app"), join(here, "..", "..", "dist", "web", "app")];
  return candidates.find((d) => existsSync(join(d, "index.html"))) ?? null;
}

/** Chevrotain's diagrams folder (its railroad-diagram scripts and CSS), or null. */
export function diagramsDir(): string | null {
  try {
    let dir = dirname(fileURLToPath(import.meta.resolve("chevrotain")));
    for (let i = 0; i < 5; i++, dir = dirname(dir)) if (existsSync(join(dir, "diagrams", "src", "main.js"))) return join(dir, "diagrams");
  } catch {
    // Not resolvable: the explain tab says the diagram is unavailable.
  }
  return null;
}
