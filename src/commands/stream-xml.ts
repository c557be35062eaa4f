/**
 * XML for spath and xmlkv: a tolerant element-tree reader (comments, processing instructions and
 * DOCTYPE skipped, CDATA kept as text, unmatched tags ignored) and the spath rules for XML: paths
 * start at the root element (`vendorProductSet.product.desc.locDesc{@locale}`, spath examples),
 * `{@attr}` selects an attribute, `{n}` the nth match counted from 1 (the spath reference says
 * array positions "differ between JSON and XML"; XML counts like XPath), auto-extract names each
 * leaf by its element path and each attribute as `<path>{@<attr>}`. An element with child elements
 * is extracted as its inner XML text.
 */
import type { PathStep } from "./stream-json.js";

export interface XNode {
  readonly name: string;
  readonly attrs: (readonly [string, string])[];
  readonly children: XNode[];
  /** Direct text content (entities decoded). */
  text: string;
  /** Inner XML as written. */
  inner: string;
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<\/\s*([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+|<)/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses the first element of an XML text; null when there is none. */
export function parseXml(s: string): XNode | null {
  const stack: { node: XNode; innerStart: number }[] = [];
  let root: XNode | null = null;
  for (const m of s.matchAll(TOKEN)) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) {
      if (top) top.node.text += m[1];
    } else if (m[2] !== undefined) {
      const at = findOpen(stack, m[2]);
      if (at < 0) continue;
      const open = stack[at]!;
      open.node.inner = s.slice(open.innerStart, m.index);
      stack.length = at;
      if (at === 0) return root;
    } else if (m[3] !== undefined) {
      const attrs = [...(m[4] ?? "").matchAll(ATTR)].map((a) => [a[1]!, decodeEntities(a[2] ?? a[3] ?? "")] as const);
      const node: XNode = { name: m[3], attrs, children: [], text: "", inner: "" };
      if (top) top.node.children.push(node);
      else if (!root) root = node;
      else continue;
      if (m[5] !== "/") stack.push({ node, innerStart: m.index + m[0].length });
      else if (!top) return root;
    } else if (m[6] !== undefined && top) {
      top.node.text += decodeEntities(m[6]);
    }
  }
  return root;
}

function findOpen(stack: readonly { node: XNode }[], name: string): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.node.name === name) return i;
  return -1;
}

export function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (all, e: string) => {
    switch (e) {
      case "lt": return "<";
      case "gt": return ">";
      case "amp": return "&";
      case "quot": return '"';
      case "apos": return "'";
      default: {
        const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : all;
      }
    }
  });
}

/** The value an element is extracted as: its text when it is a leaf, else its inner XML. */
function elementText(n: XNode): string {
  return n.children.length === 0 ? n.text : n.inner;
}

/** The values a path selects, starting at the root element. */
export function xmlPath(root: XNode, steps: readonly PathStep[]): string[] {
  let nodes: XNode[] = [];
  const attrs: string[] = [];
  steps.forEach((step, i) => {
    const pool = i === 0 ? [root] : nodes.flatMap((n) => n.children);
    nodes = step.name === "" ? pool : pool.filter((n) => n.name === step.name);
    for (const sel of step.selectors) {
      if (sel === "all") continue;
      if (typeof sel === "number") nodes = sel >= 1 && sel <= nodes.length ? [nodes[sel - 1]!] : [];
      else {
        for (const n of nodes) for (const [k, v] of n.attrs) if (k === sel.attr) attrs.push(v);
        nodes = [];
      }
    }
  });
  return attrs.length ? attrs : nodes.map(elementText).filter((t) => t !== "");
}

/** Every leaf element and attribute with its path (auto-extract). */
export function xmlFlatten(node: XNode, into: Map<string, string[]>, prefix = ""): void {
  const path = prefix === "" ? node.name : `${prefix}.${node.name}`;
  const add = (k: string, v: string) => {
    const list = into.get(k);
    if (list) list.push(v);
    else into.set(k, [v]);
  };
  for (const [k, v] of node.attrs) add(`${path}{@${k}}`, v);
  if (node.children.length === 0) {
    if (node.text.trim() !== "") add(path, node.text);
    return;
  }
  for (const c of node.children) xmlFlatten(c, into, path);
}
