/**
 * Sort keys shared by sort and dedup's sortby: `-f`/`+f`, a lone `-`/`+` before a field,
 * `num(f)`/`str(f)`/`ip(f)`/`auto(f)`. Comparison: results missing the field go last in both
 * directions (spl-semantics.md §7). Each pair of values is compared on its own (sort reference,
 * Usage: "The sort order is determined between each pair of values that are compared"): two
 * numbers numerically, two IP addresses as addresses ("If the field contains IP address values,
 * the collating sequence is for IP addresses"; `ip()` asks for it), a number before a string,
 * else lexicographically (`str()` always so). The Usage rule that a string starting with a
 * number sorts "numerically based on that number alone" is contradicted by the page's own worked
 * example (descending 9.1.a before 10.1.a, "sorted lexicographically"); minispl follows the example.
 */
import type { SortKey } from "../ast/commands.js";
import type { ArgValue, CommandNode } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import type { Table } from "../table/table.js";
import { compareAtoms, compareLexical, toText, type Atom, type Value } from "../values/value.js";
import { parseIp, type IpAddress } from "../values/ip.js";
import type { CheckContext } from "./types.js";

/** A signed type wrapper read as one word: `-num(x)`, `+str(user)`. */
const TYPED_WORD = /^([-+])(num|str|ip|auto)\(([^()]+)\)$/i;

export function readSortKeys(values: readonly ArgValue[], node: CommandNode, ctx: CheckContext): SortKey[] {
  const keys: SortKey[] = [];
  let pendingDesc: boolean | null = null;
  for (const v of values) {
    if (v.kind === "word" && (v.text === "-" || v.text === "+")) {
      pendingDesc = v.text === "-";
      continue;
    }
    if (v.kind === "call") {
      const mode = v.name.toLowerCase();
      const arg = v.args[0];
      if (!["num", "str", "ip", "auto"].includes(mode) || !arg || (arg.kind !== "word" && arg.kind !== "string")) {
        ctx.report(diag("bad-argument", { command: node.name, message: `bad sort key ${v.name}(…)` }, v.span));
        continue;
      }
      const { field, desc } = signed(arg.text, pendingDesc);
      keys.push({ field, desc, mode: mode as SortKey["mode"] });
    } else if (v.kind === "word" && TYPED_WORD.test(v.text)) {
      // `-num(x)`: the sign glued to the type wrapper makes one word, not a call (the Search
      // Reference's own syntax for sort: [+|-]num(field)).
      const [, sign = "", mode = "", inner = ""] = TYPED_WORD.exec(v.text) ?? [];
      const { field, desc } = signed(`${sign}${inner}`, pendingDesc);
      keys.push({ field, desc, mode: mode.toLowerCase() as SortKey["mode"] });
    } else if (v.kind === "word" || v.kind === "string") {
      const { field, desc } = signed(v.text, pendingDesc);
      keys.push({ field, desc, mode: "auto" });
    } else {
      ctx.report(diag("bad-argument", { command: node.name, message: "expected a field to sort by" }, v.span));
    }
    pendingDesc = null;
  }
  return keys;
}

function signed(text: string, pending: boolean | null): { field: string; desc: boolean } {
  if (text.startsWith("-")) return { field: text.slice(1), desc: true };
  if (text.startsWith("+")) return { field: text.slice(1), desc: false };
  return { field: text, desc: pending ?? false };
}

/** Row indexes of `t` ordered by the keys (stable). */
export function sortedIndexes(t: Table, keys: readonly SortKey[]): number[] {
  const cols = keys.map((k) => t.column(k.field));
  const idx = Array.from({ length: t.length }, (_, i) => i);
  return idx.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as SortKey;
      const col = cols[k];
      const c = compareValues(col?.[a] ?? null, col?.[b] ?? null, key);
      if (c !== 0) return c;
    }
    return a - b;
  });
}

function compareValues(x: Value, y: Value, key: SortKey): number {
  const a = first(x);
  const b = first(y);
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const c = key.mode === "str" ? compareLexical(toText(a) ?? "", toText(b) ?? "") : compareIps(a, b) ?? compareAtoms(a, b);
  return key.desc ? -c : c;
}

/** Two IP addresses in address order (IPv4 before IPv6); null unless both values are addresses. */
function compareIps(a: Atom, b: Atom): number | null {
  if (typeof a !== "string" || typeof b !== "string") return null;
  const x = ipOf(a);
  const y = x && ipOf(b);
  if (!x || !y) return null;
  if (x.v6 !== y.v6) return x.v6 ? 1 : -1;
  for (let i = 0; i < x.bytes.length; i++) {
    const d = (x.bytes[i] ?? 0) - (y.bytes[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** Cheap pre-test: only text with a dot or colon can be an address. */
function ipOf(s: string): IpAddress | null {
  return s.includes(".") || s.includes(":") ? parseIp(s) : null;
}

function first(v: Value): Atom | null {
  if (v === null) return null;
  return Array.isArray(v) ? (v[0] ?? null) : (v as Atom);
}
