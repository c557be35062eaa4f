/**
 * Registry of one command group (see ast/commands-lookup.ts). The mapped type makes a kind of the
 * group without an entry here a compile error.
 */
import type { LookupCommand } from "../ast/commands-lookup.js";
import type { CommandDef } from "./types.js";

export const LOOKUP_COMMANDS: { readonly [K in LookupCommand["kind"]]: CommandDef<K> } = {};
