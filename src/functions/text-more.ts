/**
 * Text functions beyond the first set (Search Reference 10.0, "Text functions"): `length` ("you
 * can use either len or length for the function name") and spath(<value>, <path>), which reads
 * "the structured data formats XML and JSON" with the spath command's path language and readers
 * (commands/spath.ts), so the function and the command agree. Several values come back as a
 * multivalue field.
 */
import { parseDoc } from "../commands/spath.js";
import { jsonPath, parsePath } from "../commands/stream-json.js";
import { xmlPath } from "../commands/stream-xml.js";
import { mv, toList } from "../values/value.js";
import { chars, liftText, text } from "./args.js";
import type { FunctionDef } from "./types.js";

/** The values at `path` in a JSON or XML document, or null. */
function spathOf(doc: string, path: string): string[] {
  const steps = parsePath(path);
  const parsed = steps === null ? null : parseDoc(doc);
  if (steps === null || parsed === null) return [];
  return "json" in parsed ? jsonPath(parsed.json, steps) : xmlPath(parsed.xml, steps);
}

/** The additional text functions. */
export const TEXT_MORE_FUNCTIONS: readonly FunctionDef[] = [
  {
    name: "length", category: "string", minArgs: 1, maxArgs: 1, signature: "length(<str>)",
    summary: "Same as len(): the number of characters (code points) in the string.",
    examples: [{ expr: 'length("splunk")', result: 6 }],
    impl: ([v]) => liftText(v, (s) => chars(s).length),
  },
  {
    name: "spath", category: "string", minArgs: 2, maxArgs: 2, signature: "spath(<value>, <path>)",
    summary: "The values at an spath location path (a.b{0}.c, or XML elements and @attributes) in JSON or XML text.",
    examples: [
      { expr: 'spath("{\\"a\\":{\\"b\\":[1,2]}}", "a.b{1}")', result: "2" },
      { expr: 'spath("<r><x>1</x><x>2</x></r>", "r.x")', result: ["1", "2"] },
    ],
    impl: ([v, p]) => {
      const doc = text(v);
      if (doc === null || p === undefined || p === null || typeof p === "boolean") return null;
      return mv(toList(p).flatMap((path) => spathOf(doc, String(path))));
    },
  },
];
