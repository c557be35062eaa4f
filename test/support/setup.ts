import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import "./matchers.js";
import { guardProcessState } from "./leak-guard.js";

// `--data` goes through the index cache under $XDG_CACHE_HOME/minispl: tests (and the CLIs they
// spawn, which inherit the environment) keep theirs in a temp folder, never the user's cache.
// With isolate: false the first test file of a worker sets it and the others keep it.
process.env.XDG_CACHE_HOME ??= mkdtempSync(join(tmpdir(), "minispl-test-cache-"));

// Settings (src/cli/config.ts): no test reads the developer's minispl.yaml (here, in a parent
// folder or in ~/.config/minispl) or MINISPL_* variables. A test of them opts in with its own:
// `--config <file>`, or the environment it gives a spawned CLI or configCommand.
process.env.MINISPL_CONFIG = "none";
for (const name of ["MINISPL_ESCU", "MINISPL_MACROS", "MINISPL_LOOKUPS", "MINISPL_DATA", "MINISPL_INDEX", "MINISPL_TZ"]) delete process.env[name];

guardProcessState();
