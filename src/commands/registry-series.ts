/**
 * Registry of one command group (see ast/commands-series.ts). The mapped type makes a kind of the
 * group without an entry here a compile error.
 */
import type { SeriesCommand } from "../ast/commands-series.js";
import { accum } from "./accum.js";
import { addcoltotals } from "./addcoltotals.js";
import { addinfo } from "./addinfo.js";
import { autoregress } from "./autoregress.js";
import { delta } from "./delta.js";
import { fieldformat } from "./fieldformat.js";
import { filldown } from "./filldown.js";
import { rangemap } from "./rangemap.js";
import { reltime } from "./reltime.js";
import { strcat } from "./strcat.js";
import { trendline } from "./trendline.js";
import type { CommandDef } from "./types.js";

export const SERIES_COMMANDS: { readonly [K in SeriesCommand["kind"]]: CommandDef<K> } = {
  delta, accum, autoregress, trendline, filldown, strcat, rangemap, reltime, addinfo, addcoltotals, fieldformat,
};
