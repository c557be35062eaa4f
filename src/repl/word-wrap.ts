/**
 * Wrapping text to the terminal's width at spaces, never inside a word (the terminal's own wrap
 * cut `.help` lines mid-word). A wrapped line continues under its text: under the second column
 * of a `name  description` row (two or more spaces after the first text), under the text after
 * a `label: ` prefix, else at the line's own indentation. A word longer than the room left
 * stays whole on a line of its own.
 */

/** `text` (lines ending in "\n" or not) with every line longer than `width` wrapped. */
export function wordWrap(text: string, width: number): string {
  if (!Number.isFinite(width) || width < 20) return text;
  return text.split("\n").map((line) => wrapLine(line, width)).join("\n");
}

function wrapLine(line: string, width: number): string {
  if (line.length <= width) return line;
  const lead = /^\s*/.exec(line)?.[0].length ?? 0;
  const hanging = /^(\s*\S+(?: \S+)*?(?: {2,}|: ))\S/.exec(line)?.[1]?.length;
  const indent = hanging !== undefined && hanging <= width / 2 ? hanging : lead;
  const pad = " ".repeat(indent);
  const out: string[] = [];
  let cur = line.slice(0, lead);
  let fresh = true; // nothing but indentation on `cur` yet
  for (const word of line.slice(lead).split(/(?<=\S) (?=\S)|(?<=\S)(?= {2,})/)) {
    const w = fresh ? word.trimStart() : word;
    if (!fresh && cur.length + w.length + (w.startsWith(" ") ? 0 : 1) > width) {
      out.push(cur.trimEnd());
      cur = pad + w.trimStart();
      fresh = false;
      continue;
    }
    cur += fresh || w.startsWith(" ") ? w : ` ${w}`;
    fresh = false;
  }
  out.push(cur.trimEnd());
  return out.join("\n");
}
