/**
 * `| multisearch <subsearch1> <subsearch2> [<subsearch3>…]` (multisearch reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/multisearch):
 * "runs multiple streaming searches at the same time. This command requires at least two
 * subsearches and allows only streaming operations in each subsearch", and "the events from each
 * subsearch are interleaved", so the subsearch limits (maxout) do not apply. Here every
 * subsearch runs to completion and the results are merged newest first by `_time`
 * (multi-streaming.ts). A subsearch with a non-streaming command is an error, in Splunk's words:
 * "Multisearch subsearches may only contain purely streaming operations (subsearch N contains a
 * non-streaming command)".
 */
import type { Command } from "../ast/commands.js";
import { diag } from "../diagnostics/diagnostic.js";
import { argsOf, rejectKinds } from "./args.js";
import { firstNonStreaming, interleaveByTime } from "./multi-streaming.js";
import type { CommandDef } from "./types.js";

export const multisearch: CommandDef<"multisearch"> = {
  kind: "multisearch",
  generating: true,
  summary: "Runs several streaming searches and interleaves their events by time.",
  usage: "| multisearch [ <streaming search> ] [ <streaming search> ]...",
  examples: [
    '| multisearch [search EventCode=1 | eval type="foo"] [search EventCode=4688 | eval mytype="bar"] | table _time type mytype',
  ],
  check(node, ctx) {
    rejectKinds(node, ["option", "by", "where"], ctx);
    const subsearches: (readonly Command[])[] = [];
    let ok = true;
    let n = 0;
    for (const p of argsOf(node, "positional")) {
      if (p.value.kind !== "subsearch") {
        ctx.report(diag("bad-argument", { command: "multisearch", message: "expected only [subsearches]" }, p.span));
        ok = false;
        continue;
      }
      n++;
      const checked = ctx.checkPipeline(p.value.pipeline);
      if (!checked) {
        ok = false;
        continue;
      }
      const bad = firstNonStreaming(checked);
      if (bad >= 0) {
        const at = checked[bad]?.span ?? p.span;
        ctx.report(diag("bad-argument", {
          command: "multisearch",
          message: `Multisearch subsearches may only contain purely streaming operations (subsearch ${n} contains a non-streaming command)`,
        }, at));
        ok = false;
        continue;
      }
      subsearches.push(checked);
    }
    if (n < 2) {
      ctx.report(diag("bad-argument", { command: "multisearch", message: "must specify at least 2 subsearches" }, node.span));
      return null;
    }
    return ok ? { kind: "multisearch", subsearches, span: node.span } : null;
  },
  plan(cmd) {
    return (_input, ctx) => {
      const tables = cmd.subsearches.map((s) => ctx.run(s));
      ctx.budget.rows(tables.reduce((a, t) => a + t.length, 0), "multisearch", cmd.span);
      return interleaveByTime(tables);
    };
  },
};
