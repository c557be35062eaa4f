/**
 * vitest matchers for detection unit tests (`import "minispl/vitest"`):
 *
 *   expect(runDetection("my_detection.yml", { data: ["true_positive.xml"] })).toFire();
 *   expect(run).toFireWith({ dest: "WIN-01", process_name: "scrcons.exe" });
 *   expect(runDetection("my_detection.yml", { data: ["benign.xml"] })).not.toFire();
 *
 * `toFire` passes when the search ran and returned at least one result; `toFireWith` when some
 * result has all the given field values (a multivalue field matches an array or any one value).
 */
import { expect } from "vitest";
import type { SearchOutcome } from "../engine/engine.js";

export { runDetection, Engine } from "../engine/engine.js";

interface DetectionMatchers<R = unknown> {
  toFire(): R;
  toFireWith(fields: Readonly<Record<string, unknown>>): R;
}

declare module "vitest" {
  interface Matchers<T = any> extends DetectionMatchers<T> {}
}

function describeRun(r: SearchOutcome): string {
  if (!r.ok) return `the search failed: ${r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message).join("; ")}`;
  return `${r.rows.length} result(s)${r.rows.length ? `, first: ${JSON.stringify(r.rows[0])}` : ""}`;
}

function fieldMatches(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) return JSON.stringify(actual) === JSON.stringify(expected);
  if (Array.isArray(actual)) return actual.some((v) => String(v) === String(expected));
  return actual !== undefined && actual !== null && String(actual) === String(expected);
}

expect.extend({
  toFire(received: SearchOutcome) {
    const pass = received.ok && received.rows.length > 0;
    return { pass, message: () => (pass ? `expected no results, got ${describeRun(received)}` : `expected results, got ${describeRun(received)}`) };
  },
  toFireWith(received: SearchOutcome, fields: Readonly<Record<string, unknown>>) {
    const pass = received.ok && received.rows.some((row) => Object.entries(fields).every(([k, v]) => fieldMatches(row[k], v)));
    return {
      pass,
      message: () => `expected ${pass ? "no " : ""}result with ${JSON.stringify(fields)}, got ${describeRun(received)}`,
    };
  },
});
