/**
 * Vitest global setup: every temp folder a test run makes (mkdtemp under os.tmpdir(), the index
 * cache, what the spawned CLIs write) goes under one folder per run, removed when the run ends.
 * Test files cannot each be trusted to clean up (a failing assertion skips their `finally`), and
 * hundreds of leftovers accumulated in /tmp before this.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "minispl-tests-"));
  // Set before the workers start, so they and every CLI they spawn inherit it.
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
