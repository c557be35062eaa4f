/**
 * `| savedsearch <name> [nosubstitution=<bool>] [<key>=<value>]...` (SPL Search Reference,
 * savedsearch): "Runs a saved search, or report, and returns the search results of a saved
 * search"; "If the search contains replacement placeholder terms, such as $replace_me$, the search
 * processor replaces the placeholders with the strings you specify", unless nosubstitution=true;
 * a placeholder left without a value is Splunk's "Error while replacing variable name" error.
 * Offline the saved searches are the loaded detections (executor/saved-searches.ts), by `name:` or
 * by `ESCU - <name> - Rule`; an unknown name is an error with the nearest names as hints. It is a
 * generating command ("must start with a leading pipe character").
 */
import type { SavedsearchCommand } from "../ast/commands-store.js";
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { argsOf, boolOption, rejectKinds, textOf } from "./args.js";
import type { CommandDef } from "./types.js";

const PLACEHOLDER = /\$([A-Za-z_][\w.]*)\$/g;

export const savedsearch: CommandDef<"savedsearch"> = {
  kind: "savedsearch",
  generating: true,
  summary: "Runs a loaded detection (a saved search) by name, with $key$ placeholders replaced.",
  usage: '| savedsearch <name> [nosubstitution=<bool>] [<key>=<value>]...',
  examples: ["| savedsearch mysecurityquery", '| savedsearch mysearch replace_me="value"'],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const [first, ...rest] = argsOf(node, "positional");
    for (const p of rest) ctx.report(diag("bad-argument", { command: "savedsearch", message: "takes one saved search name (quote a name with spaces)" }, p.span));
    if (!first) {
      ctx.report(diag("bad-argument", { command: "savedsearch", message: "needs the name of a saved search" }, node.span));
      return null;
    }
    if (first.alias) ctx.report(diag("bad-argument", { command: "savedsearch", message: "the saved search name takes no AS" }, first.alias.span));
    const name = textOf(first.value, node, ctx, "a saved search name");
    if (ctx.index > 0) {
      ctx.report(diag("bad-argument", { command: "savedsearch", message: "is a generating command, so it must be the first command (after a leading |)" }, node.nameSpan));
      return null;
    }
    const replacements = new Map<string, string>();
    let substitute = true;
    for (const o of argsOf(node, "option")) {
      if (o.key.toLowerCase() === "nosubstitution") substitute = !boolOption(o, node, ctx, false);
      else replacements.set(o.key, textOf(o.value, node, ctx, "a replacement string") ?? "");
    }
    if (name === null) return null;
    return {
      kind: "savedsearch", name, nameSpan: first.value.span, replacements: substitute ? replacements : new Map(), substitute, span: node.span,
    } satisfies SavedsearchCommand;
  },
  plan(cmd) {
    return (_input, ctx) => {
      const fill = (spl: string): string => {
        if (!cmd.substitute) return spl;
        return spl.replace(PLACEHOLDER, (whole, key: string) => {
          const v = cmd.replacements.get(key);
          if (v === undefined) {
            throw new SplRuntimeError(diag("runtime-error", { message: `savedsearch: Error while replacing variable name=${whole}: give it as ${key}=<value>, or nosubstitution=true` }, cmd.nameSpan));
          }
          return v;
        });
      };
      let out;
      try {
        out = ctx.savedSearch(cmd.name, fill);
      } catch (e) {
        // An error inside the saved search points at its name here (the text is in the message).
        if (e instanceof SplRuntimeError && !e.diagnostic.span) throw new SplRuntimeError({ ...e.diagnostic, span: cmd.nameSpan });
        throw e;
      }
      if (out) return out;
      const names = ctx.savedSearchNames();
      const why = names.length === 0 ? "no saved searches are loaded (detect, hunt and search --detections load detections as saved searches)" : `no loaded saved search is named "${cmd.name}"`;
      throw new SplRuntimeError(diag("runtime-error", { message: `savedsearch: ${why}` }, cmd.nameSpan, { hints: didYouMean(cmd.name, names) }));
    };
  },
};
