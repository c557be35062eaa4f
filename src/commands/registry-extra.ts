/**
 * Registry of one command group (see ast/commands-extra.ts). The mapped type makes a kind of the
 * group without an entry here a compile error.
 */
import type { ExtraCommand } from "../ast/commands-extra.js";
import { concurrency } from "./concurrency.js";
import { contingency } from "./contingency.js";
import { counttable, ctable } from "./ctable.js";
import { makecontinuous } from "./makecontinuous.js";
import { outputtext } from "./outputtext.js";
import { setfields } from "./setfields.js";
import { timewrap } from "./timewrap.js";
import { tojson } from "./tojson.js";
import { transpose } from "./transpose.js";
import type { CommandDef } from "./types.js";
import { xmlunescape } from "./xmlunescape.js";
import { xpath } from "./xpath.js";

export const EXTRA_COMMANDS: { readonly [K in ExtraCommand["kind"]]: CommandDef<K> } = {
  transpose, xmlunescape, tojson, concurrency, setfields, contingency, makecontinuous, xpath, timewrap, outputtext,
  ctable, counttable,
};
