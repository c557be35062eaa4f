/**
 * YAML as ESCU's own tooling reads it. contentctl uses PyYAML, which accepts a quoted multi-line
 * scalar whose continuation lines start at column 0 (ESCU writes searches like
 * `search: '… \n| stats …'`); the `yaml` package rejects them. On such an error we indent the
 * continuation lines inside quoted scalars and parse again, so the same files load here.
 */
import { parse } from "yaml";

export function parseLenientYaml(text: string): unknown {
  try {
    return parse(text);
  } catch (first) {
    const fixed = indentQuotedContinuations(text);
    if (fixed === text) throw first;
    try {
      return parse(fixed);
    } catch {
      throw first;
    }
  }
}

/** Indents lines that continue a single- or double-quoted top-level scalar. */
function indentQuotedContinuations(text: string): string {
  const lines = text.split("\n");
  let open: "'" | '"' | null = null;
  return lines
    .map((line) => {
      const out = open !== null && /^\S/.test(line) ? `  ${line}` : line;
      open = quoteStateAfter(line, open);
      return out;
    })
    .join("\n");
}

/** Which quote is still open at the end of the line (only for `key: '…` / `key: "…` scalars). */
function quoteStateAfter(line: string, open: "'" | '"' | null): "'" | '"' | null {
  let i = 0;
  let state = open;
  if (state === null) {
    const m = /^\s*(?:-\s+)?[\w.-]+:\s+(['"])/.exec(line);
    if (!m) return null;
    state = m[1] as "'" | '"';
    i = m[0].length;
  }
  for (; i < line.length; i++) {
    const c = line[i];
    if (state === '"' && c === "\\") i++;
    else if (c === state) {
      if (state === "'" && line[i + 1] === "'") i++;
      else return null;
    }
  }
  return state;
}
