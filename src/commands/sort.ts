/**
 * `sort [<count>] [-|+]<field>... [limit=<n>] [d|desc]`: default limit 10,000 (spl-semantics.md
 * §7); `sort 0` keeps everything.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { argsOf, intValue, readOptions, rejectKinds } from "./args.js";
import { readSortKeys, sortedIndexes } from "./sort-keys.js";
import type { CommandDef } from "./types.js";

export const sort: CommandDef<"sort"> = {
  kind: "sort",
  summary: "Sorts results by fields (numbers numerically, other values lexicographically).",
  usage: "sort [<count>] [-|+]<field>... [limit=<n>] [desc]",
  examples: ["| makeresults | eval n=2 | sort - n", "| makeresults | eval n=1 | sort 0 n"],
  options: {
    limit: { query: "| makeresults count=3 | streamstats count AS n | sort limit=1 n", baseline: "| makeresults count=3 | streamstats count AS n | sort n" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["limit"], ctx);
    let values = argsOf(node, "positional").map((p) => p.value);
    let limit = 10_000;
    const firstVal = values[0];
    if (firstVal?.kind === "word" && /^\d+$/.test(firstVal.text)) {
      limit = Number(firstVal.text);
      values = values.slice(1);
    }
    const limitOpt = opts.get("limit");
    if (limitOpt) limit = intValue(limitOpt.value, node, ctx, "limit") ?? limit;
    let reverse = false;
    const last = values[values.length - 1];
    if (last?.kind === "word" && (last.text === "d" || last.text === "desc") && values.length > 1) {
      reverse = true;
      values = values.slice(0, -1);
    }
    const keys = readSortKeys(values, node, ctx).map((k) => (reverse ? { ...k, desc: !k.desc } : k));
    if (keys.length === 0) {
      ctx.report(diag("bad-argument", { command: "sort", message: "needs at least one field" }, node.span));
      return null;
    }
    return { kind: "sort", limit: limit === 0 ? Number.POSITIVE_INFINITY : limit, keys, span: node.span };
  },
  plan(cmd) {
    return (input) => {
      const idx = sortedIndexes(input, cmd.keys);
      return input.select(idx.slice(0, Math.min(idx.length, cmd.limit)));
    };
  },
};
