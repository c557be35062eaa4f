/**
 * The XPath subset of minispl's `xpath` command: location paths of steps joined by `/` (child)
 * or `//` (descendant-or-self), absolute or relative to the root element's parent (the
 * document). A step is an element name, `*`, `.`, `..`, `@name`, `@*` or `text()`, with any
 * number of predicates: `[n]` (1-based position), `[last()]`, `[@a]`, `[@a='v']`, `[name]`,
 * `[name='v']`. Functions, axes (`ancestor::`), unions (`|`), namespaces prefixes and arithmetic
 * are not part of it: compileXpath names the first such piece.
 */
import type { XNode } from "./stream-xml.js";

type Test = { kind: "name"; name: string } | { kind: "attr"; name: string } | { kind: "text" } | { kind: "self" } | { kind: "parent" };
type Pred = { kind: "pos"; n: number } | { kind: "last" } | { kind: "attr"; name: string; value: string | null } | { kind: "child"; name: string; value: string | null };
interface Step { readonly deep: boolean; readonly test: Test; readonly preds: readonly Pred[] }
export interface XpathProgram { readonly steps: readonly Step[] }

const NAME = "[A-Za-z_][\\w.-]*(?::[A-Za-z_][\\w.-]*)?|\\*";
const STEP = new RegExp(`^(?:(\\.\\.)|(\\.)|(text\\(\\))|@(${NAME})|(${NAME}))`);
const LIT = `(?:'([^']*)'|"([^"]*)")`;
const PRED = new RegExp(`^\\[\\s*(?:(\\d+)|(last\\(\\))|@(${NAME})(?:\\s*=\\s*${LIT})?|(${NAME})(?:\\s*=\\s*${LIT})?)\\s*\\]`);

/** The program, or the text where the subset ends (for the diagnostic). */
export function compileXpath(text: string): XpathProgram | { readonly error: string } {
  let rest = text.trim();
  const steps: Step[] = [];
  let deep = false;
  if (rest.startsWith("//")) {
    deep = true;
    rest = rest.slice(2);
  } else if (rest.startsWith("/")) rest = rest.slice(1);
  while (rest.length > 0) {
    const m = STEP.exec(rest);
    if (!m) return { error: rest };
    rest = rest.slice(m[0].length);
    const test: Test = m[1] ? { kind: "parent" } : m[2] ? { kind: "self" } : m[3] ? { kind: "text" } : m[4] ? { kind: "attr", name: m[4] } : { kind: "name", name: m[5] as string };
    const preds: Pred[] = [];
    for (let p = PRED.exec(rest); p; p = PRED.exec(rest)) {
      rest = rest.slice(p[0].length);
      if (p[1]) preds.push({ kind: "pos", n: Number(p[1]) });
      else if (p[2]) preds.push({ kind: "last" });
      else if (p[3]) preds.push({ kind: "attr", name: p[3], value: p[4] ?? p[5] ?? null });
      else preds.push({ kind: "child", name: p[6] as string, value: p[7] ?? p[8] ?? null });
    }
    if (rest.startsWith("[")) return { error: rest };
    steps.push({ deep, test, preds });
    if (rest.startsWith("//")) {
      deep = true;
      rest = rest.slice(2);
    } else if (rest.startsWith("/")) {
      deep = false;
      rest = rest.slice(1);
    } else if (rest.length > 0) return { error: rest };
    if ((test.kind === "attr" || test.kind === "text") && rest.length > 0) return { error: rest };
  }
  if (steps.length === 0) return { error: text };
  return { steps };
}

/** The string values a program selects in a document whose root element is `root`. */
export function runXpath(p: XpathProgram, root: XNode): string[] {
  // The document node: a pseudo-element whose only child is the root.
  const doc: XNode = { name: "", attrs: [], children: [root], text: "", inner: "" };
  const parents = new Map<XNode, XNode>();
  const index = (n: XNode) => {
    for (const c of n.children) {
      parents.set(c, n);
      index(c);
    }
  };
  index(doc);
  let nodes: XNode[] = [doc];
  for (const step of p.steps) {
    const pool = step.deep ? nodes.flatMap((n) => selfAndDescendants(n)) : nodes;
    if (step.test.kind === "attr") {
      const name = step.test.name;
      return pool.flatMap((n) => n.attrs.filter(([k]) => name === "*" || k === name).map(([, v]) => v));
    }
    if (step.test.kind === "text") return pool.map((n) => n.text).filter((t) => t !== "");
    let next: XNode[] = [];
    for (const n of pool) {
      let picked: XNode[];
      if (step.test.kind === "self") picked = [n];
      else if (step.test.kind === "parent") picked = parents.has(n) ? [parents.get(n) as XNode] : [];
      else {
        const name = step.test.name;
        picked = n.children.filter((c) => name === "*" || c.name === name);
      }
      next.push(...filter(picked, step.preds));
    }
    next = [...new Set(next)];
    nodes = next;
  }
  return nodes.filter((n) => n !== doc).map(stringValue);
}

function filter(nodes: XNode[], preds: readonly Pred[]): XNode[] {
  let out = nodes;
  for (const p of preds) {
    if (p.kind === "pos") out = p.n >= 1 && p.n <= out.length ? [out[p.n - 1] as XNode] : [];
    else if (p.kind === "last") out = out.length ? [out[out.length - 1] as XNode] : [];
    else if (p.kind === "attr") out = out.filter((n) => n.attrs.some(([k, v]) => (p.name === "*" || k === p.name) && (p.value === null || v === p.value)));
    else out = out.filter((n) => n.children.some((c) => (p.name === "*" || c.name === p.name) && (p.value === null || stringValue(c) === p.value)));
  }
  return out;
}

function selfAndDescendants(n: XNode): XNode[] {
  const out: XNode[] = [];
  const walk = (x: XNode) => {
    out.push(x);
    for (const c of x.children) walk(c);
  };
  walk(n);
  return out;
}

/** XPath's string-value of an element: the text of the element and all its descendants, in order. */
function stringValue(n: XNode): string {
  if (n.children.length === 0) return n.text;
  // Text interleaved with children is not kept in order by the tree; the inner XML is, so strip its tags.
  return decodeText(n.inner.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1").replace(/<!--[\s\S]*?-->|<[^>]*>/g, ""));
}

function decodeText(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" })[e] ?? "");
}
