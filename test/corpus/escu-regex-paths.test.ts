/**
 * Every regular expression of the ESCU detections (rex, regex, match(), replace(), mvfind(), with
 * macros expanded) compiles, and says which path it takes (functions/safe-regex.ts): the linear
 * engine for all that RE2 can express, the budgeted backtracking one for the rest. On the linear
 * path, each must find what the JavaScript engine (the previous implementation) found, group for
 * group, on real event text.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Pipeline } from "../../src/ast/nodes.js";
import { parseSed } from "../../src/commands/stream-sed.js";
import { translatePcre } from "../../src/functions/regex.js";
import { SafeRegex } from "../../src/functions/safe-regex.js";
import { builtinMacros, listFiles, loadMacroFiles, parseDetection, parseSearch, runnableSearch, withFilterMacro } from "../../src/index.js";
import { sharedPath } from "../support/shared.js";

const REGEX_FUNCTIONS = new Set(["match", "replace", "mvfind"]);

const sedMode = (args: unknown): boolean =>
  (args as { kind: string; key?: string; value?: { text?: string } }[]).some((a) => a.kind === "option" && a.key === "mode" && a.value?.text?.toLowerCase() === "sed");

/** The literal regexes of a parsed search, with where they are used. */
function regexesOf(node: unknown, out: Map<string, Set<string>>): void {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const x of node) regexesOf(x, out);
    return;
  }
  const o = node as Record<string, unknown>;
  const add = (use: string, text: string) => out.set(text, (out.get(text) ?? new Set()).add(use));
  if (o.kind === "command" && (o.name === "rex" || o.name === "regex")) {
    for (const a of o.args as { kind: string; value?: { kind: string; text?: string } }[]) {
      if (a.value?.text === undefined) continue;
      if (o.name === "rex" && a.kind === "positional" && a.value.kind === "string") {
        const sed = sedMode(o.args) ? parseSed(a.value.text) : null;
        if (sed === null) add("rex", a.value.text);
        else if (typeof sed !== "string" && sed.op === "s") add("rex mode=sed", sed.pattern);
      }
      if (o.name === "regex" && (a.kind === "positional" || a.kind === "option")) add("regex", a.value.text);
    }
  }
  if (o.kind === "call" && typeof o.name === "string" && REGEX_FUNCTIONS.has(o.name)) {
    const arg = (o.args as { kind: string; value?: unknown }[])[1];
    if (arg?.kind === "literal" && typeof arg.value === "string") add(`${o.name}()`, arg.value);
  }
  for (const v of Object.values(o)) if (v && typeof v === "object") regexesOf(v, out);
}

const macros = builtinMacros().with(loadMacroFiles([sharedPath("escu/macros")]).macros);
const found = new Map<string, Set<string>>();
for (const file of listFiles([sharedPath("escu/detections")], [".yml", ".yaml"])) {
  const det = parseDetection(readFileSync(file, "utf8"), file).detection;
  if (!det) continue;
  const parsed = parseSearch(runnableSearch(det.search), { macros: withFilterMacro(det, macros), name: file });
  regexesOf(parsed.pipeline as Pipeline | null, found);
}

/** Real event text: the first lines of each example log, and their pieces between quotes and tags. */
function samples(): string[] {
  const dir = sharedPath("datasets/splunk_security_content_example_logs");
  const out = new Set<string>();
  for (const f of readdirSync(dir).filter((x) => !x.endsWith(".md")).sort()) {
    for (const line of readFileSync(`${dir}/${f}`, "utf8").split("\n").slice(0, 30)) {
      out.add(line);
      for (const piece of line.split(/[<>"]/)) if (piece.length > 2) out.add(piece);
    }
  }
  return [...out];
}

describe("ESCU regular expressions", () => {
  const compiled = [...found].map(([text, uses]) => ({ text, uses: [...uses].join(","), re: SafeRegex.compile(text) }));

  it("all compile; nearly all run on the linear engine", () => {
    const linear = compiled.filter((c) => c.re.path === "linear");
    const backtracking = compiled.filter((c) => c.re.path === "backtracking");
    console.log(`ESCU regexes: ${compiled.length} distinct, ${linear.length} linear (re2js), ${backtracking.length} backtracking (budgeted):`
      + backtracking.map((c) => `\n  ${c.uses} ${JSON.stringify(c.text)}: ${c.re.reason}`).join(""));
    expect(compiled.length).toBeGreaterThan(200);
    expect(backtracking.length).toBeLessThanOrEqual(5);
  });

  it("the linear path finds what the JavaScript engine found, on real event text", () => {
    const texts = samples();
    const differences: string[] = [];
    for (const c of compiled.filter((x) => x.re.path === "linear")) {
      const t = translatePcre(c.text);
      const js = new RegExp(t.source, `${t.flags}g`);
      for (const s of texts) {
        const want = JSON.stringify([...s.matchAll(js)].map((m) => [m.index, ...m]));
        const got = JSON.stringify((c.re.matches(s) ?? []).map((m) => [m.index, ...m.groups]));
        if (want !== got) differences.push(`${JSON.stringify(c.text)} on ${JSON.stringify(s.slice(0, 80))}`);
      }
    }
    expect(differences).toEqual([]);
  });
});
