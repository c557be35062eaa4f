/**
 * `spath [input=<field>] [output=<field>] [path=<datapath> | <datapath>]`: extracts values from
 * JSON or XML in a field (default `_raw`). spath reference: "If you do not specify the path=, the
 * first unlabeled argument is used as the location path"; "If you do not specify an output
 * argument, the value for the path argument becomes the field name"; without a path spath runs in
 * "auto-extract" mode and "extracts all the fields" (SPL2 spath usage). Paths and value rules:
 * stream-json.ts (`{}` every element, `{n}` from 0) and stream-xml.ts (`{@attr}`, `{n}` from 1).
 * A multivalue input is read value by value, the results collected (docs silent; a choice). A path
 * that selects nothing leaves the output field as it was. An input that is neither JSON nor XML
 * extracts nothing. `output` without a path is ignored, with a warning ("If path is omitted, do not
 * specify an output field").
 */
import { diag } from "../diagnostics/diagnostic.js";
import { mv } from "../values/value.js";
import { argsOf, readOptions, rejectKinds, textOf } from "./args.js";
import { ColumnWriter, texts } from "./stream-columns.js";
import { jsonFlatten, jsonPath, parseJson, parsePath, type JNode, type PathStep } from "./stream-json.js";
import { parseXml, xmlFlatten, xmlPath, type XNode } from "./stream-xml.js";
import type { CommandDef } from "./types.js";

type Doc = { readonly json: JNode } | { readonly xml: XNode } | null;

export const spath: CommandDef<"spath"> = {
  kind: "spath",
  summary: "Extracts values from JSON or XML by location path, or every path when none is given.",
  usage: "spath [input=<field>] [output=<field>] [path=<datapath> | <datapath>]",
  examples: [
    `| makeresults | eval j="{\\"a\\":{\\"b\\":[1,2]}}" | spath input=j path=a.b{} output=bs`,
    `| makeresults | eval _raw="{\\"user\\":{\\"name\\":\\"ann\\"},\\"tags\\":[\\"x\\",\\"y\\"]}" | spath`,
    `| makeresults | eval x="<a><b k='1'>t</b></a>" | spath input=x path=a.b{@k} output=k`,
  ],
  options: {
    input: { query: "| makeresults | eval j=\"{\\\"a\\\": 1}\", _raw=\"{\\\"b\\\": 2}\" | spath input=j", baseline: "| makeresults | eval j=\"{\\\"a\\\": 1}\", _raw=\"{\\\"b\\\": 2}\" | spath" },
    output: { query: "| makeresults | eval _raw=\"{\\\"a\\\": 1}\" | spath output=x path=a", baseline: "| makeresults | eval _raw=\"{\\\"a\\\": 1}\" | spath path=a" },
    path: { query: "| makeresults | eval _raw=\"{\\\"a\\\": 1, \\\"b\\\": 2}\" | spath path=a", baseline: "| makeresults | eval _raw=\"{\\\"a\\\": 1, \\\"b\\\": 2}\" | spath" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["input", "output", "path"], ctx);
    const text = (key: string) => {
      const o = opts.get(key);
      return o ? (textOf(o.value, node, ctx, "a field name") ?? undefined) : undefined;
    };
    const pos = argsOf(node, "positional");
    let path = text("path");
    for (const p of pos.slice(path === undefined ? 1 : 0)) {
      ctx.report(diag("bad-argument", { command: "spath", message: "takes one location path" }, p.span));
    }
    const first = pos[0];
    if (path === undefined && first) path = textOf(first.value, node, ctx, "a location path") ?? undefined;
    if (path !== undefined && parsePath(path) === null) {
      ctx.report(diag("bad-argument", { command: "spath", message: `bad location path "${path}"` }, opts.get("path")?.value.span ?? first?.span ?? node.span));
      return null;
    }
    const output = text("output");
    if (output !== undefined && path === undefined) {
      ctx.report(diag("bad-argument", { command: "spath", message: "output= without a path is ignored: spath extracts every path" }, opts.get("output")?.span ?? node.span, { severity: "warning" }));
    }
    return {
      kind: "spath", input: text("input") ?? "_raw", span: node.span,
      ...(path !== undefined ? { path } : {}), ...(output !== undefined && path !== undefined ? { output } : {}),
    };
  },
  plan(cmd) {
    const steps = cmd.path === undefined ? null : (parsePath(cmd.path) as PathStep[]);
    return (input) => {
      const col = input.column(cmd.input);
      if (!col) return input;
      const out = new ColumnWriter(input);
      const cache = new Map<string, Doc>();
      for (let r = 0; r < input.length; r++) {
        const docs = texts(col[r] ?? null).map((s) => {
          let d = cache.get(s);
          if (d === undefined) {
            d = parseDoc(s);
            if (cache.size > 10000) cache.clear();
            cache.set(s, d);
          }
          return d;
        });
        if (steps) {
          const vals = docs.flatMap((d) => (d === null ? [] : "json" in d ? jsonPath(d.json, steps) : xmlPath(d.xml, steps)));
          if (vals.length) out.set(cmd.output ?? (cmd.path as string), r, mv(vals));
          continue;
        }
        const all = new Map<string, string[]>();
        for (const d of docs) {
          if (d === null) continue;
          if ("json" in d) jsonFlatten(d.json, all);
          else xmlFlatten(d.xml, all);
        }
        for (const [k, vals] of all) out.set(k, r, mv(vals));
      }
      return out.table();
    };
  },
};

/** Reads a value as JSON (starts with `{` or `[`) or XML (starts with `<`). */
export function parseDoc(s: string): Doc {
  const t = s.trimStart();
  if (t.startsWith("{") || t.startsWith("[")) {
    const json = parseJson(t.trimEnd());
    return json ? { json } : null;
  }
  if (t.startsWith("<")) {
    const xml = parseXml(t);
    return xml ? { xml } : null;
  }
  return null;
}
