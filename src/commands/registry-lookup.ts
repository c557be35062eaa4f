/**
 * Registry of one command group (see ast/commands-lookup.ts). The mapped type makes a kind of the
 * group without an entry here a compile error.
 */
import type { LookupCommand } from "../ast/commands-lookup.js";
import { inputlookup } from "./inputlookup.js";
import { lookup } from "./lookup.js";
import { outputlookup } from "./outputlookup.js";
import type { CommandDef } from "./types.js";

export const LOOKUP_COMMANDS: { readonly [K in LookupCommand["kind"]]: CommandDef<K> } = { lookup, inputlookup, outputlookup };
