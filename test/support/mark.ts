/**
 * `mark` tagged template: marks spans in a query for position assertions.
 *   const q = mark`| makeresults | ${"statz"} count`;  // q.code, q.spans[0] = {start, end}
 */
export interface Marked {
  readonly code: string;
  readonly spans: { start: number; end: number }[];
}

export function mark(strings: TemplateStringsArray, ...marked: string[]): Marked {
  let code = "";
  const spans: { start: number; end: number }[] = [];
  strings.forEach((s, i) => {
    code += s;
    const m = marked[i];
    if (m !== undefined) {
      spans.push({ start: code.length, end: code.length + m.length });
      code += m;
    }
  });
  return { code, spans };
}
