/**
 * Registry of one command group (see ast/commands-store.ts). The mapped type makes a kind of the
 * group without an entry here a compile error.
 */
import type { StoreCommand } from "../ast/commands-store.js";
import { collect } from "./collect.js";
import { eventcount } from "./eventcount.js";
import { inputcsv } from "./inputcsv.js";
import { metadata } from "./metadata.js";
import { outputcsv } from "./outputcsv.js";
import { savedsearch } from "./savedsearch.js";
import type { CommandDef } from "./types.js";

export const STORE_COMMANDS: { readonly [K in StoreCommand["kind"]]: CommandDef<K> } = { metadata, eventcount, savedsearch, collect, inputcsv, outputcsv };
