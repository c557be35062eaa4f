import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import "./matchers.js";
import { guardProcessState } from "./leak-guard.js";

// `--data` goes through the index cache under $XDG_CACHE_HOME/minispl: tests (and the CLIs they
// spawn, which inherit the environment) keep theirs in a temp folder, never the user's cache.
// With isolate: false the first test file of a worker sets it and the others keep it.
process.env.XDG_CACHE_HOME ??= mkdtempSync(join(tmpdir(), "minispl-test-cache-"));

guardProcessState();
