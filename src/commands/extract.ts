/**
 * `extract [pairdelim=<chars>] [kvdelim=<chars>] [limit=<int>] [mv_add=<bool>] [clean_keys=<bool>]`
 * and its other name `kv`: extracts key/value pairs from `_raw` (extract reference: "works only on
 * the _raw field"). Without delimiters it takes `key=value` pairs, the value quoted or up to
 * whitespace, a comma or a semicolon (a cheap stand-in for Splunk's automatic extraction). With
 * delimiters `_raw` is split at every pairdelim character and each pair at its first kvdelim
 * character; "If the delimiter appears in the value, that value is not extracted". `limit` (default
 * 50) caps the pairs per result. Clean keys (default true, CLEAN_KEYS): non-alphanumeric characters
 * become `_`, leading underscores are dropped. As with MV_ADD in transforms.conf, a field that
 * already has a value keeps it, unless mv_add=true appends the new value. Named extractors
 * (transforms.conf stanzas) are not supported. `maxchars` (default 10240) is "how many characters to look
 * into the event"; `auto=false` turns the automatic key=value extraction off. `reload` (re-read
 * props.conf/transforms.conf) and `segment` (note pair locations) act on a Splunk server only: a warning.
 */
import type { CommandNode } from "../ast/nodes.js";
import type { ExtractOptions } from "../ast/commands-stream.js";
import { diag } from "../diagnostics/diagnostic.js";
import type { Table } from "../table/table.js";
import { mv, toList, type Atom } from "../values/value.js";
import { argsOf, boolOption, intValue, readOptions, rejectKinds, textOf, warnNoEffect } from "./args.js";
import { ColumnWriter, texts } from "./stream-columns.js";
import type { CheckContext, CommandDef } from "./types.js";

const OPTIONS = ["pairdelim", "kvdelim", "limit", "maxchars", "mv_add", "clean_keys", "reload", "segment", "auto"];
const AUTO = /(?<![\w.-])([A-Za-z_][\w.-]*)=("[^"]*"|'[^']*'|[^\s,;"']*)/g;

function checkExtract(node: CommandNode, ctx: CheckContext): ExtractOptions {
  rejectKinds(node, ["by", "where"], ctx);
  const opts = readOptions(node, OPTIONS, ctx);
  for (const p of argsOf(node, "positional")) {
    ctx.report(diag("bad-argument", { command: node.name, message: "named extractors (transforms.conf stanzas) are not supported" }, p.span));
  }
  const text = (k: string) => {
    const o = opts.get(k);
    return o ? (textOf(o.value, node, ctx, "delimiter characters") ?? undefined) : undefined;
  };
  const l = opts.get("limit");
  const pairdelim = text("pairdelim");
  const kvdelim = text("kvdelim");
  boolOption(opts.get("reload"), node, ctx, false);
  boolOption(opts.get("segment"), node, ctx, false);
  warnNoEffect(opts.get("reload"), node, ctx, "minispl reads no props.conf or transforms.conf to reload");
  warnNoEffect(opts.get("segment"), node, ctx, "pair locations are a Splunk-internal annotation minispl does not keep");
  const mc = opts.get("maxchars");
  return {
    maxchars: mc ? (intValue(mc.value, node, ctx, "maxchars") ?? 10240) : 10240,
    auto: boolOption(opts.get("auto"), node, ctx, true),
    limit: l ? (intValue(l.value, node, ctx, "limit") ?? 50) : 50,
    mvAdd: boolOption(opts.get("mv_add"), node, ctx, false),
    cleanKeys: boolOption(opts.get("clean_keys"), node, ctx, true),
    ...(pairdelim !== undefined ? { pairdelim } : {}), ...(kvdelim !== undefined ? { kvdelim } : {}),
    span: node.span,
  };
}

export const extract: CommandDef<"extract"> = {
  kind: "extract",
  summary: "Extracts key=value pairs from _raw into fields (also known as kv).",
  usage: 'extract [pairdelim="<chars>"] [kvdelim="<chars>"] [limit=<int>] [mv_add=<bool>] [clean_keys=<bool>]',
  examples: ['| makeresults | eval _raw="user=ann action=\\"log on\\"" | extract', '| makeresults | eval _raw="a:1;b:2" | extract pairdelim=";" kvdelim=":"'],
  options: {
    pairdelim: { query: "| makeresults | eval _raw=\"a:1;b:2\" | extract pairdelim=\";\" kvdelim=\":\"", baseline: "| makeresults | eval _raw=\"a:1;b:2\" | extract kvdelim=\":\"" },
    kvdelim: { query: "| makeresults | eval _raw=\"a:1 b:2\" | extract kvdelim=\":\"", baseline: "| makeresults | eval _raw=\"a:1 b:2\" | extract" },
    limit: { query: "| makeresults | eval _raw=\"a=1 b=2 c=3\" | extract limit=1", baseline: "| makeresults | eval _raw=\"a=1 b=2 c=3\" | extract" },
    maxchars: { query: "| makeresults | eval _raw=\"a=1 b=2 c=3\" | extract maxchars=4", baseline: "| makeresults | eval _raw=\"a=1 b=2 c=3\" | extract" },
    mv_add: { query: "| makeresults | eval _raw=\"a=1 a=2\" | extract mv_add=true", baseline: "| makeresults | eval _raw=\"a=1 a=2\" | extract" },
    clean_keys: { query: "| makeresults | eval _raw=\"a-b=1\" | extract clean_keys=false", baseline: "| makeresults | eval _raw=\"a-b=1\" | extract" },
    auto: { query: "| makeresults | eval _raw=\"a=1 b=2 c=3\" | extract auto=false", baseline: "| makeresults | eval _raw=\"a=1 b=2 c=3\" | extract" },
    reload: { query: "| makeresults | eval _raw=\"a=1\" | extract reload=true", warning: "reload= has no effect" },
    segment: { query: "| makeresults | eval _raw=\"a=1\" | extract segment=true", warning: "segment= has no effect" },
  },
  check(node, ctx) {
    return { ...checkExtract(node, ctx), kind: "extract" };
  },
  plan(cmd) {
    return (input) => runExtract(cmd, input);
  },
};

export const kv: CommandDef<"kv"> = {
  kind: "kv",
  summary: "Another name of extract: key=value pairs from _raw into fields.",
  usage: 'kv [pairdelim="<chars>"] [kvdelim="<chars>"] [limit=<int>] [mv_add=<bool>] [clean_keys=<bool>]',
  examples: ['| makeresults | eval _raw="src=10.0.0.1 dest=10.0.0.2" | kv'],
  options: {
    pairdelim: { query: "| makeresults | eval _raw=\"a:1;b:2\" | kv pairdelim=\";\" kvdelim=\":\"", baseline: "| makeresults | eval _raw=\"a:1;b:2\" | kv kvdelim=\":\"" },
    kvdelim: { query: "| makeresults | eval _raw=\"a:1 b:2\" | kv kvdelim=\":\"", baseline: "| makeresults | eval _raw=\"a:1 b:2\" | kv" },
    limit: { query: "| makeresults | eval _raw=\"a=1 b=2 c=3\" | kv limit=1", baseline: "| makeresults | eval _raw=\"a=1 b=2 c=3\" | kv" },
    maxchars: { query: "| makeresults | eval _raw=\"a=1 b=2 c=3\" | kv maxchars=4", baseline: "| makeresults | eval _raw=\"a=1 b=2 c=3\" | kv" },
    mv_add: { query: "| makeresults | eval _raw=\"a=1 a=2\" | kv mv_add=true", baseline: "| makeresults | eval _raw=\"a=1 a=2\" | kv" },
    clean_keys: { query: "| makeresults | eval _raw=\"a-b=1\" | kv clean_keys=false", baseline: "| makeresults | eval _raw=\"a-b=1\" | kv" },
    auto: { query: "| makeresults | eval _raw=\"a=1 b=2 c=3\" | kv auto=false", baseline: "| makeresults | eval _raw=\"a=1 b=2 c=3\" | kv" },
    reload: { query: "| makeresults | eval _raw=\"a=1\" | kv reload=true", warning: "reload= has no effect" },
    segment: { query: "| makeresults | eval _raw=\"a=1\" | kv segment=true", warning: "segment= has no effect" },
  },
  check(node, ctx) {
    return { ...checkExtract(node, ctx), kind: "kv" };
  },
  plan(cmd) {
    return (input) => runExtract(cmd, input);
  },
};

function runExtract(cmd: ExtractOptions, input: Table): Table {
  const raw = input.column("_raw");
  if (!raw) return input;
  const out = new ColumnWriter(input);
  for (let r = 0; r < input.length; r++) {
    const pairs = texts(raw[r] ?? null).flatMap((s) => pairsOf(s.slice(0, cmd.maxchars), cmd)).slice(0, cmd.limit);
    const found = new Map<string, Atom[]>();
    for (const [k0, v] of pairs) {
      const k = cmd.cleanKeys ? k0.replace(/[^A-Za-z0-9_]/g, "_").replace(/^_+/, "") : k0;
      if (k === "") continue;
      const list = found.get(k);
      if (!list) found.set(k, [v]);
      else if (cmd.mvAdd) list.push(v);
    }
    for (const [k, vals] of found) {
      const existing = toList(input.get(k, r));
      if (existing.length && !cmd.mvAdd) continue;
      out.set(k, r, mv([...existing, ...vals]));
    }
  }
  return out.table();
}

function pairsOf(s: string, cmd: ExtractOptions): [string, string][] {
  if (cmd.pairdelim === undefined && cmd.kvdelim === undefined) {
    if (!cmd.auto) return [];
    return [...s.matchAll(AUTO)].map((m) => [m[1]!, unquote(m[2] ?? "")]);
  }
  const pd = cmd.pairdelim ?? " ";
  const kd = cmd.kvdelim ?? "=";
  const out: [string, string][] = [];
  for (const piece of splitAny(s, pd)) {
    const at = [...piece].findIndex((c) => kd.includes(c));
    if (at < 0) continue;
    const key = piece.slice(0, at).trim();
    const value = piece.slice(at + 1).trim();
    if (key === "" || [...value].some((c) => kd.includes(c))) continue;
    out.push([key, unquote(value)]);
  }
  return out;
}

function splitAny(s: string, delims: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (const c of s) {
    if (delims.includes(c)) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function unquote(v: string): string {
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.endsWith(v[0]) ? v.slice(1, -1) : v;
}
