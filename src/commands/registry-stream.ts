/**
 * Registry of one command group (see ast/commands-stream.ts). The mapped type makes a kind of the
 * group without an entry here a compile error.
 */
import type { StreamCommand } from "../ast/commands-stream.js";
import { addtotals } from "./addtotals.js";
import { bin, bucket } from "./bin.js";
import { eventstats } from "./eventstats.js";
import { extract, kv } from "./extract.js";
import { fillnull } from "./fillnull.js";
import { fromjson } from "./fromjson.js";
import { makemv } from "./makemv.js";
import { mvcombine } from "./mvcombine.js";
import { mvexpand } from "./mvexpand.js";
import { nomv } from "./nomv.js";
import { regex } from "./regex.js";
import { replace } from "./replace.js";
import { reverse } from "./reverse.js";
import { rex } from "./rex.js";
import { spath } from "./spath.js";
import { streamstats } from "./streamstats.js";
import { tail } from "./tail.js";
import type { CommandDef } from "./types.js";
import { uniq } from "./uniq.js";
import { multikv } from "./multikv.js";
import { xmlkv } from "./xmlkv.js";

export const STREAM_COMMANDS: { readonly [K in StreamCommand["kind"]]: CommandDef<K> } = {
  rex, regex, bin, bucket, fillnull, eventstats, streamstats, mvexpand, makemv, mvcombine, nomv, spath,
  fromjson, xmlkv, extract, kv, replace, reverse, tail, addtotals, uniq, multikv,
};
