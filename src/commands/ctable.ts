/**
 * `ctable` and `counttable`: "The ctable, or counttable, command is an alias for the contingency
 * command" (ctable reference, help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/ctable).
 * Same arguments, same table (contingency.ts).
 */
import type { ContingencyCommand } from "../ast/commands-extra.js";
import { contingency } from "./contingency.js";
import type { CommandDef } from "./types.js";

const ROWS = '| makeresults format=csv data="a,b\\nx,p\\nx,q\\ny,p"';

function alias<K extends "ctable" | "counttable">(kind: K): CommandDef<K> {
  const options = Object.fromEntries(Object.entries(contingency.options ?? {}).map(([k, p]) => [
    k, "query" in p && "baseline" in p ? { query: p.query.replace("| contingency ", `| ${kind} `), baseline: p.baseline.replace("| contingency ", `| ${kind} `) } : p,
  ]));
  return {
    kind,
    summary: `An alias for contingency: ${contingency.summary}`,
    usage: contingency.usage.replace(/^contingency/, kind),
    examples: [`${ROWS} | ${kind} a b`],
    options,
    check(node, ctx) {
      const c = contingency.check(node, ctx);
      return c && ({ ...c, kind } as unknown as Parameters<CommandDef<K>["plan"]>[0]);
    },
    plan(cmd) {
      return contingency.plan({ ...(cmd as unknown as Omit<ContingencyCommand, "kind">), kind: "contingency" });
    },
  };
}

export const ctable = alias("ctable");
export const counttable = alias("counttable");
