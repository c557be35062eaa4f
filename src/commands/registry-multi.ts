/**
 * Registry of one command group (see ast/commands-multi.ts). The mapped type makes a kind of the
 * group without an entry here a compile error.
 */
import type { MultiCommand } from "../ast/commands-multi.js";
import { cluster } from "./cluster.js";
import { format } from "./format.js";
import { gentimes } from "./gentimes.js";
import { multisearch } from "./multisearch.js";
import { returnCommand } from "./return.js";
import { selfjoin } from "./selfjoin.js";
import { setCommand } from "./set.js";
import type { CommandDef } from "./types.js";
import { union } from "./union.js";

export const MULTI_COMMANDS: { readonly [K in MultiCommand["kind"]]: CommandDef<K> } = {
  union, multisearch, set: setCommand, selfjoin, gentimes, return: returnCommand, format, cluster,
};
