/**
 * Registry of one command group (see ast/commands-combine.ts). The mapped type makes a kind of the
 * group without an entry here a compile error.
 */
import type { CombineCommand } from "../ast/commands-combine.js";
import type { CommandDef } from "./types.js";

export const COMBINE_COMMANDS: { readonly [K in CombineCommand["kind"]]: CommandDef<K> } = {};
