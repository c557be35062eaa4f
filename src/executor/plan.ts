/**
 * plan(commands) → steps: each typed command becomes a closure `Table → Table` through its
 * registry entry. The plan is what `explain` prints.
 */
import type { Command, CommandKind, CommandOf } from "../ast/commands.js";
import { COMMANDS } from "../commands/registry.js";
import type { CommandDef, Step } from "../commands/types.js";

export interface Plan {
  readonly commands: readonly Command[];
  readonly steps: readonly Step[];
}

export function planPipeline(commands: readonly Command[]): Plan {
  const steps = commands.map(<K extends CommandKind>(c: CommandOf<K>) => (COMMANDS[c.kind] as CommandDef<K>).plan(c));
  return { commands, steps };
}
