/**
 * Every Splunk command minispl knows of but does not run (NOT_YET_SUPPORTED) has a true, specific
 * reason in UNSUPPORTED_REASONS, and running it reports `error[unsupported-command]` with that
 * reason — never a bare "not implemented yet" (issue 12).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";
import { NOT_YET_SUPPORTED, UNSUPPORTED_REASONS, unsupportedReason } from "../../../src/commands/registry.js";

describe("unsupported commands", () => {
  it("every known command that does not run has a reason", () => {
    expect(NOT_YET_SUPPORTED.filter((n) => !Object.hasOwn(UNSUPPORTED_REASONS, n))).toEqual([]);
  });

  it("the README's \"Not supported\" section names each, with its reason", () => {
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    const start = readme.indexOf("## Not supported");
    const section = readme.slice(start, readme.indexOf("\n## ", start + 3));
    for (const n of NOT_YET_SUPPORTED) {
      expect(section, n).toContain(`\`${n}\``);
      expect(section, n).toContain(unsupportedReason(n));
    }
  });

  it("no reason is a placeholder", () => {
    for (const n of NOT_YET_SUPPORTED) {
      const reason = unsupportedReason(n);
      expect(reason, n).not.toMatch(/not implemented yet/i);
      expect(reason.length, n).toBeGreaterThan(25);
    }
  });

  it.each(NOT_YET_SUPPORTED.map((n) => [n]))("%s reports unsupported-command with its reason", (name) => {
    const r = runSearch(`| makeresults | ${name}`, new EventStore(), { now: 1_700_000_000, tz: "UTC" });
    const err = r.diagnostics.find((d) => d.severity === "error");
    expect(err?.code).toBe("unsupported-command");
    expect(err?.message).toContain(UNSUPPORTED_REASONS[name]);
  });
});
