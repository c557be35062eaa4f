/**
 * Node tree → XML text in the compact form Windows' renderer (EvtRender, as Splunk's
 * XmlWinEventLog stores it) writes: single-quoted attributes, no whitespace between elements,
 * `<x/>` only for elements closed by CloseEmptyElement, optional substitutions (libevtx "Windows
 * XML Event Log (EVTX)" §4 "Optional substitution") whose value is null or empty leave out their
 * attribute, `xmlns:auto-ns*` declarations are dropped. Text escapes `&`, `<`, `>`; attribute
 * values also `'` (see README.md).
 */
import { NodeKind, type ElementNode, type Node, type Value } from "./nodes.js";
import { formatValue, isEmptyValue } from "./values.js";

/** Renders parsed nodes to XML; `buf` is the chunk the values point into. */
export function renderXml(nodes: readonly Node[], buf: Buffer): string {
  const out: string[] = [];
  renderNodes(nodes, [], buf, out, false);
  return out.join("");
}

function renderNodes(nodes: readonly Node[], values: readonly Value[], buf: Buffer, out: string[], attr: boolean): void {
  for (const n of nodes) {
    switch (n.k) {
      case NodeKind.Element:
        renderElement(n, values, buf, out);
        break;
      case NodeKind.Text:
        out.push(attr ? escapeAttribute(n.text) : escapeText(n.text));
        break;
      case NodeKind.Markup:
        out.push(n.xml);
        break;
      case NodeKind.Substitution: {
        const v = values[n.id];
        if (v && !isEmptyValue(v)) renderValue(v, buf, out, attr);
        break;
      }
      case NodeKind.Template:
        renderNodes(n.body, n.values, buf, out, attr);
        break;
    }
  }
}

function renderValue(v: Value, buf: Buffer, out: string[], attr: boolean): void {
  if (v.nodes) return renderNodes(v.nodes, [], buf, out, attr);
  const s = formatValue(buf, v);
  out.push(attr ? escapeAttribute(s) : escapeText(s));
}

function renderElement(el: ElementNode, values: readonly Value[], buf: Buffer, out: string[]): void {
  out.push("<", el.name);
  for (const a of el.attrs) {
    if (omitted(a.value, values) || a.name.startsWith(AUTO_NS)) continue;
    out.push(" ", a.name, "='");
    renderNodes(a.value, values, buf, out, true);
    out.push("'");
  }
  if (el.children === null) {
    out.push("/>");
    return;
  }
  out.push(">");
  renderNodes(el.children, values, buf, out, false);
  out.push("</", el.name, ">");
}

/** An attribute whose value is only optional substitutions, all empty, is not rendered. */
function omitted(value: readonly Node[], values: readonly Value[]): boolean {
  if (value.length === 0) return false;
  for (const n of value) {
    if (n.k !== NodeKind.Substitution || !n.optional || !isEmptyValue(values[n.id])) return false;
  }
  return true;
}

/**
 * Manifest-compiler namespace declarations (`xmlns:auto-ns3='…'` on UserData roots such as 1102
 * LogFileCleared) are in the BinXML but not in Windows' rendering (Splunk's 1102 sample has none).
 */
const AUTO_NS = "xmlns:auto-ns";

const TEXT_SPECIAL = /[&<>]/;
const ATTR_SPECIAL = /[&<>']/;

export function escapeText(s: string): string {
  return TEXT_SPECIAL.test(s) ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : s;
}

export function escapeAttribute(s: string): string {
  return ATTR_SPECIAL.test(s) ? escapeText(s).replace(/'/g, "&apos;") : s;
}
