/**
 * BinXML → node tree (libevtx "Windows XML Event Log (EVTX)" §4 "Binary XML" and §4.x token
 * table; MS-EVEN6 §2.2.12). Tokens: 0x00 EOF, 0x01/0x41 OpenStartElement (dependency id u16,
 * data size u32, name offset u32, [inline name], [attribute list size u32 when 0x40]), 0x02
 * CloseStartElement, 0x03 CloseEmptyElement, 0x04 EndElement, 0x05/0x45 Value (type u8, UTF-16
 * count u16, text), 0x06/0x46 Attribute (name offset u32, [inline name], value), 0x07 CDATA, 0x08
 * CharRef, 0x09 EntityRef, 0x0a/0x0b PI target/data, 0x0c TemplateInstance, 0x0d/0x0e normal and
 * optional Substitution (id u16, type u8), 0x0f FragmentHeader (major, minor, flags). Names and
 * template definitions live at chunk offsets; when the offset equals the current position the
 * structure is defined inline and is skipped over. Parsed template definitions are cached.
 */
import { ChunkContext, EvtxFormatError } from "./chunk-context.js";
import { NodeKind, type AttributeNode, type ElementNode, type Node, type Value } from "./nodes.js";

const EOF = 0x00;
const OPEN_START = 0x01;
const CLOSE_START = 0x02;
const CLOSE_EMPTY = 0x03;
const END_ELEMENT = 0x04;
const VALUE = 0x05;
const ATTRIBUTE = 0x06;
const CDATA = 0x07;
const CHAR_REF = 0x08;
const ENTITY_REF = 0x09;
const PI_TARGET = 0x0a;
const PI_DATA = 0x0b;
const TEMPLATE_INSTANCE = 0x0c;
const SUBSTITUTION = 0x0d;
const OPTIONAL_SUBSTITUTION = 0x0e;
const FRAGMENT_HEADER = 0x0f;
const MORE = 0x40;

/** Value type of an embedded BinXML fragment (EventData/UserData built by nested templates). */
export const BINXML_VALUE = 0x21;
const STRING_VALUE = 0x01;
/** Template instances nest through BinXML values; a deeper chain is taken as corrupt data. */
const MAX_DEPTH = 32;

/**
 * Parses tokens from `start` until EOF (consumed) or `end`; returns the top-level nodes and the
 * offset after the last token read.
 */
export function parseFragment(ctx: ChunkContext, start: number, end: number, depth = 0): { nodes: Node[]; pos: number } {
  if (depth > MAX_DEPTH) throw new EvtxFormatError("BinXML nested too deeply");
  const root: Node[] = [];
  const stack: ElementNode[] = [];
  let out = root;
  let p = start;
  while (p < end) {
    const tok = ctx.u8(p);
    switch (tok & ~MORE) {
      case EOF:
        if (stack.length > 0) throw new EvtxFormatError(`end of fragment inside <${stack[stack.length - 1]!.name}>`);
        return { nodes: root, pos: p + 1 };
      case FRAGMENT_HEADER:
        p += 4;
        break;
      case OPEN_START: {
        const r = parseStartElement(ctx, p);
        out.push(r.el);
        if (r.el.children) {
          stack.push(r.el);
          out = r.el.children;
        }
        p = r.pos;
        break;
      }
      case END_ELEMENT: {
        if (!stack.pop()) throw new EvtxFormatError(`end element without an open element at 0x${p.toString(16)}`);
        out = stack.length > 0 ? stack[stack.length - 1]!.children! : root;
        p++;
        break;
      }
      case TEMPLATE_INSTANCE: {
        const r = parseTemplateInstance(ctx, p, depth);
        out.push(r.node);
        p = r.pos;
        break;
      }
      default: {
        const r = parseContent(ctx, p);
        out.push(r.node);
        p = r.pos;
      }
    }
  }
  if (stack.length > 0) throw new EvtxFormatError(`fragment ends inside <${stack[stack.length - 1]!.name}>`);
  return { nodes: root, pos: p };
}

/** A name reference at `at`: the name, and the offset after it (skipping an inline definition). */
function nameAt(ctx: ChunkContext, at: number): { name: string; pos: number } {
  const off = ctx.u32(at);
  const { name, size } = ctx.name(off);
  return { name, pos: off === at + 4 ? at + 4 + size : at + 4 };
}

function parseStartElement(ctx: ChunkContext, p: number): { el: ElementNode; pos: number } {
  const tok = ctx.u8(p);
  // token, dependency identifier u16, data size u32, then the name reference.
  const n = nameAt(ctx, p + 7);
  let q = n.pos;
  if (tok & MORE) q += 4; // attribute list size
  const attrs: AttributeNode[] = [];
  while ((ctx.u8(q) & ~MORE) === ATTRIBUTE) {
    const an = nameAt(ctx, q + 1);
    q = an.pos;
    const value: Node[] = [];
    while (isAttributeValueToken(ctx.u8(q))) {
      const r = parseContent(ctx, q);
      value.push(r.node);
      q = r.pos;
    }
    attrs.push({ name: an.name, value });
  }
  const close = ctx.u8(q);
  if (close !== CLOSE_START && close !== CLOSE_EMPTY) {
    throw new EvtxFormatError(`<${n.name}>: expected the end of the start tag at 0x${q.toString(16)}, found token 0x${close.toString(16)}`);
  }
  return { el: { k: NodeKind.Element, name: n.name, attrs, children: close === CLOSE_START ? [] : null }, pos: q + 1 };
}

function isAttributeValueToken(tok: number): boolean {
  const t = tok & ~MORE;
  return t === VALUE || t === SUBSTITUTION || t === OPTIONAL_SUBSTITUTION || t === CHAR_REF || t === ENTITY_REF;
}

/** Character data and substitution tokens (element content or attribute values). */
function parseContent(ctx: ChunkContext, p: number): { node: Node; pos: number } {
  const tok = ctx.u8(p);
  switch (tok & ~MORE) {
    case VALUE: {
      const type = ctx.u8(p + 1);
      if (type !== STRING_VALUE) throw new EvtxFormatError(`value token of type 0x${type.toString(16)} at 0x${p.toString(16)}`);
      const chars = ctx.u16(p + 2);
      return { node: { k: NodeKind.Text, text: ctx.utf16(p + 4, chars) }, pos: p + 4 + chars * 2 };
    }
    case SUBSTITUTION:
    case OPTIONAL_SUBSTITUTION:
      return { node: { k: NodeKind.Substitution, id: ctx.u16(p + 1), optional: (tok & ~MORE) === OPTIONAL_SUBSTITUTION }, pos: p + 4 };
    case CHAR_REF:
      return { node: { k: NodeKind.Markup, xml: `&#${ctx.u16(p + 1)};` }, pos: p + 3 };
    case ENTITY_REF: {
      const n = nameAt(ctx, p + 1);
      return { node: { k: NodeKind.Markup, xml: `&${n.name};` }, pos: n.pos };
    }
    case CDATA: {
      const chars = ctx.u16(p + 1);
      return { node: { k: NodeKind.Markup, xml: `<![CDATA[${ctx.utf16(p + 3, chars)}]]>` }, pos: p + 3 + chars * 2 };
    }
    case PI_TARGET: {
      const n = nameAt(ctx, p + 1);
      if ((ctx.u8(n.pos) & ~MORE) !== PI_DATA) return { node: { k: NodeKind.Markup, xml: `<?${n.name}?>` }, pos: n.pos };
      const chars = ctx.u16(n.pos + 1);
      const data = ctx.utf16(n.pos + 3, chars);
      return { node: { k: NodeKind.Markup, xml: `<?${n.name} ${data}?>` }, pos: n.pos + 3 + chars * 2 };
    }
    default:
      throw new EvtxFormatError(`unexpected BinXML token 0x${tok.toString(16)} at chunk offset 0x${p.toString(16)}`);
  }
}

/**
 * TemplateInstance: token, unknown u8, template id u32, definition offset u32; an inline
 * definition (next-definition offset u32, GUID, data size u32, fragment) follows when its offset
 * is the current position. Then the substitution array: count u32, `count` descriptors (size
 * u16, type u8, pad u8), then the values back to back.
 */
function parseTemplateInstance(ctx: ChunkContext, p: number, depth: number): { node: Node; pos: number } {
  const defOff = ctx.u32(p + 6);
  let q = p + 10;
  if (defOff === q) q += 24 + ctx.u32(q + 20);
  let body = ctx.templates.get(defOff);
  if (!body) {
    const size = ctx.u32(defOff + 20);
    body = parseFragment(ctx, defOff + 24, defOff + 24 + size, depth + 1).nodes;
    ctx.templates.set(defOff, body);
  }
  const count = ctx.u32(q);
  q += 4;
  ctx.need(q, count * 4);
  let data = q + count * 4;
  const values: Value[] = [];
  for (let i = 0; i < count; i++) {
    const size = ctx.u16(q + i * 4);
    const type = ctx.u8(q + i * 4 + 2);
    ctx.need(data, size);
    const nodes = type === BINXML_VALUE && size > 0 ? parseFragment(ctx, data, data + size, depth + 1).nodes : undefined;
    values.push(nodes ? { type, off: data, size, nodes } : { type, off: data, size });
    data += size;
  }
  return { node: { k: NodeKind.Template, body, values }, pos: data };
}
