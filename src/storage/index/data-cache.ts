/**
 * `--data` through the index: the files are indexed once into a cache folder keyed by their
 * paths and the ingest options (`$XDG_CACHE_HOME/minispl/<key>`, else `~/.cache/minispl/<key>`),
 * and later runs over the same files open that index at once. The index's own manifest decides
 * what is stale (size and mtime per file), so an edited file is re-indexed alone. Two runs
 * building the same cache at once would fight over its parts, so a builder holds a lock file;
 * a run that finds it held reports `busy` and the caller loads into memory instead.
 */
import { platform } from "../../platform/platform.js";
import { join, resolve } from "node:path";
import { buildIndex, optionsKey, type BuildOptions, type BuildSummary } from "./build-index.js";
import { openIndex, type OpenedIndex } from "./open-index.js";

/** A lock older than this is left over from a run that died; it is taken over. */
const STALE_LOCK_MS = 15 * 60 * 1000;

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(platform().fs.homeDir(), ".cache"), "minispl");
}

export function cacheDirFor(paths: readonly string[], opts: BuildOptions, root = cacheRoot()): string {
  const key = platform().digests.hex("sha1", JSON.stringify({ paths: paths.map((p) => resolve(p)).sort(), options: optionsKey(opts) })).slice(0, 20);
  return join(root, key);
}

export type CachedOpen = { readonly index: OpenedIndex; readonly build: BuildSummary } | { readonly busy: string };

/** Builds (or brings up to date) the cached index of `paths`, then opens it. */
export function openCached(paths: readonly string[], opts: BuildOptions, root = cacheRoot()): CachedOpen {
  const dir = cacheDirFor(paths, opts, root);
  platform().fs.mkdir(dir);
  const lock = join(dir, ".lock");
  if (!takeLock(lock)) return { busy: dir };
  try {
    const build = buildIndex(paths, dir, opts);
    return { index: openIndex(dir), build };
  } finally {
    platform().fs.remove(lock);
  }
}

function takeLock(lock: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fs = platform().fs;
      const fd = fs.open(lock, "wx");
      fs.write(fd, new TextEncoder().encode(String(process.pid)));
      fs.close(fd);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let age = 0;
      try {
        age = Date.now() - platform().fs.stat(lock).mtimeMs;
      } catch {
        continue; // released meanwhile: try again
      }
      if (age < STALE_LOCK_MS) return false;
      platform().fs.remove(lock);
    }
  }
  return false;
}
