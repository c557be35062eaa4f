/**
 * check(pipeline) → typed commands. Every command name is looked up in the registry (with a
 * did-you-mean, or a "not supported yet" for known Splunk commands) and validates its own
 * arguments. Warnings are returned alongside; any error means the search must not run.
 */
import type { Command } from "../ast/commands.js";
import type { Pipeline } from "../ast/nodes.js";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { commandNames, lookupCommand, NOT_YET_SUPPORTED, unsupportedReason } from "../commands/registry.js";

export interface CheckResult {
  readonly commands: readonly Command[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * At most this many diagnostics per search. A hostile or mangled search can hold thousands of
 * wrong arguments (a 200k-character `stats` list); reporting each one, with a did-you-mean for
 * each, took seconds and printed pages. The rest are counted in one `more-problems` line.
 */
export const MAX_CHECK_DIAGNOSTICS = 50;

export function checkPipeline(pipeline: Pipeline): CheckResult {
  const diagnostics = new CappedList(MAX_CHECK_DIAGNOSTICS);
  const commands = checkInto(pipeline, diagnostics);
  return { commands, diagnostics: diagnostics.finish() };
}

/** The diagnostics kept, and how many were dropped past the cap (with the last one's position). */
class CappedList {
  private readonly items: Diagnostic[] = [];
  private dropped = 0;
  private lastDropped: Diagnostic | null = null;

  constructor(private readonly limit: number) {}

  get length(): number {
    return this.items.length + this.dropped;
  }

  push(d: Diagnostic): void {
    if (this.items.length < this.limit) this.items.push(d);
    else {
      this.dropped++;
      this.lastDropped = d;
    }
  }

  /** Whether any diagnostic from index `from` on (counting dropped ones) is an error. */
  errorsSince(from: number): boolean {
    return this.items.slice(from).some((d) => d.severity === "error") || (this.dropped > 0 && this.lastDropped?.severity === "error");
  }

  finish(): Diagnostic[] {
    const last = this.lastDropped;
    if (!last) return this.items;
    const note = diag("more-problems", { count: this.dropped, limit: this.limit }, last.span, { severity: last.severity, ...(last.origin ? { origin: last.origin } : {}) });
    return [...this.items, note];
  }
}

function checkInto(pipeline: Pipeline, diagnostics: CappedList): Command[] {
  const commands: Command[] = [];
  pipeline.commands.forEach((node, index) => {
    const extra = node.origin ? { origin: node.origin } : {};
    const def = lookupCommand(node.name);
    if (!def) {
      const name = node.name.toLowerCase();
      if (NOT_YET_SUPPORTED.includes(name)) {
        diagnostics.push(diag("unsupported-command", { name, reason: unsupportedReason(name) }, node.nameSpan, extra));
      } else {
        const hints = didYouMean(node.name, [...commandNames(), ...NOT_YET_SUPPORTED]);
        diagnostics.push(diag("unknown-command", { name: node.name }, node.nameSpan, { ...extra, hints }));
      }
      return;
    }
    if (def.generating && index > 0) {
      diagnostics.push(diag("bad-argument", { command: node.name, message: "is a generating command: it must be the first command, after a leading |" }, node.nameSpan, extra));
      return;
    }
    const report = (d: Diagnostic) => diagnostics.push(d.origin || !node.origin ? d : { ...d, origin: node.origin });
    for (const a of node.args) {
      if (a.kind === "by" && a.fields.length === 0) report(diag("bad-argument", { command: node.name, message: "BY needs at least one field" }, a.span));
      // `<field>!=<regex>` is regex's syntax; elsewhere `key!=value` would read as `key=value`.
      if (a.kind === "option" && a.op === "!=" && node.name.toLowerCase() !== "regex") {
        report(diag("syntax-error", { message: `${node.name}: "${a.key}!=" is not valid here: options are key=value` }, a.span));
      }
    }
    const checkPipeline = (p: Pipeline): readonly Command[] | null => {
      const before = diagnostics.length;
      const nested = checkInto(p, diagnostics);
      return diagnostics.errorsSince(before) ? null : nested;
    };
    const typed = def.check(node, { report, index, checkPipeline });
    if (typed) commands.push(typed);
  });
  return commands;
}
