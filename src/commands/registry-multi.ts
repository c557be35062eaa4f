/**
 * Registry of one command group (see ast/commands-multi.ts). The mapped type makes a kind of the
 * group without an entry here a compile error.
 */
import type { MultiCommand } from "../ast/commands-multi.js";
import type { CommandDef } from "./types.js";

export const MULTI_COMMANDS: { readonly [K in MultiCommand["kind"]]: CommandDef<K> } = {};
