/**
 * Registry of one command group (see ast/commands-series.ts). The mapped type makes a kind of the
 * group without an entry here a compile error.
 */
import type { SeriesCommand } from "../ast/commands-series.js";
import type { CommandDef } from "./types.js";

export const SERIES_COMMANDS: { readonly [K in SeriesCommand["kind"]]: CommandDef<K> } = {};
