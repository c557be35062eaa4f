/**
 * `foreach <wc-field>… [eval …]` between an event search and its stats, as the evals it stands
 * for (commands/foreach.ts multifield mode): one instance of the template per field whose name
 * matches a pattern, in the results' field order, with `<<FIELD>>`, `<<MATCHSTR>>` and
 * `<<MATCHSEG1..3>>` replaced textually, each run only on the results that have that field.
 * Here the candidates are the store's fields in store order (row-steps.ts keeps the cases where
 * that is the results' order: the search's own table, before any step adds or moves a field); a
 * store field no matched event has is not in the results, and its instance would change no row
 * anyway. ESCU's linux_auditd_normalized_execve_process macro (`foreach a* [eval
 * relevant_fields=…]`) is the case this serves.
 */
import type { ForeachCommand } from "../ast/commands-combine.js";
import type { EvalCommand } from "../ast/commands.js";
import { checkPipeline } from "../executor/check.js";
import { matchField, templateTokens, tokenValue, wildcardMatchers } from "../commands/foreach.js";
import { parseSearch } from "../frontend.js";
import { NotPushable } from "./compile-where.js";

export interface ForeachInstance {
  /** The field the instance is for: it runs on the rows that have it. */
  readonly field: string;
  readonly evals: readonly EvalCommand[];
}

/** Instances past this many stay local (the SQL grows with each). */
const MAX_INSTANCES = 100;

/** The instances of a multifield foreach over `storeFields`; throws NotPushable for anything else. */
export function foreachInstances(cmd: ForeachCommand, storeFields: readonly string[] | undefined): ForeachInstance[] {
  if (cmd.mode !== "multifield") throw new NotPushable(`foreach mode=${cmd.mode}`);
  if (!storeFields) throw new NotPushable("foreach (the store's fields are not known)");
  if (cmd.patterns.some((p) => !p.includes("*"))) throw new NotPushable("foreach of a field named without a wildcard (it runs on every row, in an order that depends on the data)");
  if (cmd.patterns.some((p) => p.startsWith("_"))) throw new NotPushable("foreach over internal fields");
  const matchers = wildcardMatchers(cmd);
  const { tokenRe } = templateTokens(cmd);
  const out: ForeachInstance[] = [];
  for (const field of storeFields) {
    const segs = matchField(field, matchers);
    if (segs === null) continue;
    if (out.length >= MAX_INSTANCES) throw new NotPushable(`foreach over more than ${MAX_INSTANCES} fields`);
    const valueOf = tokenValue(cmd, field, segs);
    out.push({ field, evals: instanceEvals(cmd.template.replace(tokenRe, valueOf)) });
  }
  return out;
}

/** The instance's text as checked commands, all evals without subsearches. */
function instanceEvals(text: string): EvalCommand[] {
  const front = parseSearch(text, { name: "foreach instance" });
  if (!front.pipeline || front.diagnostics.some((d) => d.severity === "error")) throw new NotPushable("a foreach instance that does not parse");
  const checked = checkPipeline(front.pipeline);
  if (checked.diagnostics.some((d) => d.severity === "error")) throw new NotPushable("a foreach instance that does not check");
  return checked.commands.map((c) => {
    if (c.kind !== "eval" || c.subsearches?.size) throw new NotPushable(`a foreach template with | ${c.kind}`);
    return c;
  });
}
