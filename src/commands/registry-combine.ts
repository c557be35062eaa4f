/**
 * Registry of one command group (see ast/commands-combine.ts). The mapped type makes a kind of the
 * group without an entry here a compile error.
 */
import type { CombineCommand } from "../ast/commands-combine.js";
import { append } from "./append.js";
import { appendcols } from "./appendcols.js";
import { appendpipe } from "./appendpipe.js";
import { datamodel } from "./datamodel.js";
import { foreach } from "./foreach.js";
import { from } from "./from.js";
import { join } from "./join.js";
import { map } from "./map.js";
import { rare } from "./rare.js";
import { timechart } from "./timechart.js";
import { top } from "./top.js";
import { transaction } from "./transaction.js";
import type { CommandDef } from "./types.js";
import { untable } from "./untable.js";
import { xyseries } from "./xyseries.js";

export const COMBINE_COMMANDS: { readonly [K in CombineCommand["kind"]]: CommandDef<K> } = {
  join, append, appendpipe, appendcols, foreach, map, transaction, top, rare, timechart, from, datamodel, untable, xyseries,
};
