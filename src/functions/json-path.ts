/**
 * JSON paths of the eval JSON functions (Search Reference 10.0, "JSON functions"): keys joined
 * with dots, `{<n>}` for an array element and `{}` for every element, e.g. `{}.Bridges{0}.name`.
 * `{}` on an object stands for the object itself ("The key is the entire object").
 */
import { isJsonObject, type Json } from "./json-value.js";

export type Step = { readonly key: string } | { readonly index: number | "all" };

/** The steps of a path, or null when it is malformed. An empty path has no steps. */
export function pathSteps(path: string): Step[] | null {
  const steps: Step[] = [];
  for (const m of path.matchAll(/([^.{}]+)|\{(\d*)\}|(\.)/g)) {
    if (m[1] !== undefined) steps.push({ key: m[1] });
    else if (m[2] !== undefined) steps.push({ index: m[2] === "" ? "all" : Number(m[2]) });
  }
  return path.replace(/[^.{}]+|\{\d*\}|\./g, "") === "" ? steps : null;
}

/** Every node the step reaches from each of `nodes`; `spread` is set when a `{}` expanded an array. */
function walk(nodes: readonly Json[], step: Step, seen: { spread: boolean }): Json[] {
  const out: Json[] = [];
  for (const n of nodes) {
    if ("key" in step) {
      if (isJsonObject(n) && Object.hasOwn(n, step.key)) out.push(n[step.key]!);
    } else if (Array.isArray(n)) {
      if (step.index === "all") {
        out.push(...n);
        seen.spread = true;
      } else if (step.index < n.length) out.push(n[step.index]!);
    } else if (step.index === "all" && isJsonObject(n)) out.push(n);
  }
  return out;
}

/**
 * The nodes the path selects in `doc`, and whether a `{}` spread an array (then the result is a
 * list even when it has one element; `{}` on an object selects just that object).
 */
export function select(doc: Json, steps: readonly Step[]): { nodes: Json[]; spread: boolean } {
  const seen = { spread: false };
  const nodes = steps.reduce<Json[]>((acc, s) => walk(acc, s, seen), [doc]);
  return { nodes, spread: seen.spread };
}

/**
 * Applies `update` to the node at the path, creating missing object keys when `create` is set
 * ("all of the keys in the chain are created if the keys don't exist"). A step that does not fit
 * the document (a key under a string) skips the update. `update` gets the current node (undefined
 * when new) and returns its replacement, or undefined to leave it.
 */
export function updateAt(doc: Json, steps: readonly Step[], create: boolean, update: (old: Json | undefined) => Json | undefined): Json {
  if (steps.length === 0) return update(doc) ?? doc;
  const [step, ...rest] = steps as [Step, ...Step[]];
  if ("key" in step) {
    if (!isJsonObject(doc)) return doc;
    const has = Object.hasOwn(doc, step.key);
    if (!has && !create) return doc;
    if (!has && rest.length > 0 && !("key" in rest[0]!)) return doc;
    const child = has ? doc[step.key]! : rest.length > 0 ? {} : undefined;
    const next = child === undefined ? update(undefined) : updateAt(child, rest, create, update);
    return next === undefined ? doc : { ...doc, [step.key]: next };
  }
  if (!Array.isArray(doc)) return step.index === "all" && isJsonObject(doc) ? updateAt(doc, rest, create, update) : doc;
  if (step.index === "all") return doc.map((e) => updateAt(e, rest, create, update));
  const i = step.index;
  if (i >= doc.length) return doc;
  const copy = [...doc];
  copy[i] = updateAt(doc[i]!, rest, create, update);
  return copy;
}
