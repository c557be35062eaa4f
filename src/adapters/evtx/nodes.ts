/**
 * The in-memory form of a parsed BinXML fragment (libevtx "Windows XML Event Log (EVTX)" §4
 * "Binary XML"; MS-EVEN6 §2.2.12 BinXml): elements with attributes, literal text, already-formed
 * markup (character/entity references, CDATA, processing instructions), substitution slots of a
 * template definition, and template instances with their substitution values.
 */

export enum NodeKind {
  Element,
  Text,
  Markup,
  Substitution,
  Template,
}

export interface ElementNode {
  readonly k: NodeKind.Element;
  readonly name: string;
  readonly attrs: AttributeNode[];
  /** null for an element closed by CloseEmptyElement (rendered `<x/>`). */
  children: Node[] | null;
}

export interface AttributeNode {
  readonly name: string;
  readonly value: Node[];
}

/** Literal character data (escaped when rendered). */
export interface TextNode {
  readonly k: NodeKind.Text;
  readonly text: string;
}

/** Markup rendered as is: `&#38;`, `&amp;`, `<![CDATA[…]]>`, `<?target data?>`. */
export interface MarkupNode {
  readonly k: NodeKind.Markup;
  readonly xml: string;
}

/** Slot `id` of the template's substitution array; optional slots vanish when the value is empty. */
export interface SubstitutionNode {
  readonly k: NodeKind.Substitution;
  readonly id: number;
  readonly optional: boolean;
}

/** A template instance: the (cached, shared) definition body and this record's values. */
export interface TemplateNode {
  readonly k: NodeKind.Template;
  readonly body: readonly Node[];
  readonly values: readonly Value[];
}

export type Node = ElementNode | TextNode | MarkupNode | SubstitutionNode | TemplateNode;

/** One substitution value: its type byte and bytes in the chunk; BinXml values are pre-parsed. */
export interface Value {
  readonly type: number;
  readonly off: number;
  readonly size: number;
  readonly nodes?: readonly Node[];
}
