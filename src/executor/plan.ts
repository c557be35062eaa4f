/**
 * plan(commands) → steps: each typed command becomes a closure `Table → Table` through its
 * registry entry. The plan is what `explain` prints.
 */
import type { Command, CommandKind, CommandOf } from "../ast/commands.js";
import { COMMANDS } from "../commands/registry.js";
import type { CommandDef, Step } from "../commands/types.js";
import { fieldsReadAfter } from "./projection.js";

export interface Plan {
  readonly commands: readonly Command[];
  readonly steps: readonly Step[];
}

export function planPipeline(given: readonly Command[]): Plan {
  const commands = withProjection(given);
  const steps = commands.map(<K extends CommandKind>(c: CommandOf<K>) => (COMMANDS[c.kind] as CommandDef<K>).plan(c));
  return { commands, steps };
}

/** Gives a leading base search the fields the rest reads (projection.ts), when they are known. */
function withProjection(commands: readonly Command[]): readonly Command[] {
  const first = commands[0];
  if (first?.kind !== "search" || !first.leading) return commands;
  const projection = fieldsReadAfter(commands.slice(1));
  return projection ? [{ ...first, projection }, ...commands.slice(1)] : commands;
}
