/**
 * The eval function registry: every built-in FunctionDef by its SPL name. Names are lower-case
 * and looked up exactly (SPL function names are case-sensitive). `register()` refuses a duplicate
 * unless asked to override, so a second definition of a name is a bug found at start-up (style
 * guide B18). Functions that need the expression evaluator (searchmatch, mvfilter, mvmap) are
 * registered by their owners through the same `register()`.
 */
import { BITWISE_FUNCTIONS } from "./bitwise.js";
import { COMPARISON_FUNCTIONS } from "./comparison.js";
import { CONVERSION_FUNCTIONS } from "./conversion.js";
import { CONVERSION_MORE_FUNCTIONS } from "./conversion-more.js";
import { CRYPTOGRAPHIC_FUNCTIONS } from "./cryptographic.js";
import { DATETIME_FUNCTIONS } from "./datetime.js";
import { INFORMATIONAL_FUNCTIONS } from "./informational.js";
import { JSON_FUNCTIONS } from "./json.js";
import { JSON_EDIT_FUNCTIONS } from "./json-edit.js";
import { LOOKUP_FUNCTION } from "./lookup-fn.js";
import { MATH_FUNCTIONS } from "./math.js";
import { MULTIVALUE_FUNCTIONS } from "./multivalue.js";
import { MULTIVALUE_MORE_FUNCTIONS } from "./multivalue-more.js";
import { SPECIAL_FORM_FUNCTIONS } from "./special-forms.js";
import { STATISTICAL_FUNCTIONS } from "./statistical.js";
import { STRING_FUNCTIONS } from "./string.js";
import { TEXT_MORE_FUNCTIONS } from "./text-more.js";
import { TRIG_FUNCTIONS } from "./trig.js";
import type { FunctionDef } from "./types.js";

const table = new Map<string, FunctionDef>();

/** Every registered function by name (read-only view of the registry). */
export const FUNCTIONS: ReadonlyMap<string, FunctionDef> = table;

/**
 * Adds a function. Throws when the name is not a lower-case identifier, when the arity bounds are
 * inconsistent, or when the name is taken and `override` is not set.
 */
export function register(def: FunctionDef, options: { override?: boolean } = {}): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(def.name)) throw new Error(`internal: bad function name "${def.name}"`);
  if (def.minArgs < 0 || def.maxArgs < def.minArgs) throw new Error(`internal: bad arity for ${def.name}()`);
  if (table.has(def.name) && !options.override) throw new Error(`internal: function ${def.name}() registered twice`);
  table.set(def.name, def);
}

/** The function named exactly `name`, or undefined. */
export function lookupFunction(name: string): FunctionDef | undefined {
  return table.get(name);
}

for (const group of [
  COMPARISON_FUNCTIONS, INFORMATIONAL_FUNCTIONS, MATH_FUNCTIONS, TRIG_FUNCTIONS, STRING_FUNCTIONS,
  CONVERSION_FUNCTIONS, MULTIVALUE_FUNCTIONS, DATETIME_FUNCTIONS, CRYPTOGRAPHIC_FUNCTIONS, JSON_FUNCTIONS,
  SPECIAL_FORM_FUNCTIONS, BITWISE_FUNCTIONS, CONVERSION_MORE_FUNCTIONS, JSON_EDIT_FUNCTIONS, MULTIVALUE_MORE_FUNCTIONS,
  TEXT_MORE_FUNCTIONS, [LOOKUP_FUNCTION],
]) {
  for (const def of group) register(def);
}

for (const def of STATISTICAL_FUNCTIONS) register(def);
