/**
 * What clicking a value in the field sidebar does to the search, as in Splunk: `field=value` is
 * added to the base search (before its first pipe); a search that starts with a generating
 * command (`| tstats …`) gets `| search field=value` at its end instead.
 */

/** `value` as a search term value: bare when it is one plain word, else quoted. */
export function termValue(value: string): string {
  return /^[\w.:\\/@-]+$/.test(value) ? value : `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function addTerm(search: string, field: string, value: string): string {
  const term = `${field}=${termValue(value)}`;
  const text = search.trimEnd();
  if (text.trimStart().startsWith("|") || text === "") return text === "" ? term : `${text} | search ${term}`;
  const pipe = firstPipe(text);
  return pipe < 0 ? `${text} ${term}` : `${text.slice(0, pipe).trimEnd()} ${term} ${text.slice(pipe)}`;
}

/** The first `|` outside quotes, backticks, brackets and ``` comments; -1 when none. */
export function firstPipe(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (text.startsWith("```", i)) {
      const end = text.indexOf("```", i + 3);
      if (end < 0) return -1;
      i = end + 2;
    } else if (c === '"' || c === "`") {
      for (i++; i < text.length && text[i] !== c; i++) if (c === '"' && text[i] === "\\") i++;
    } else if (c === "[") depth++;
    else if (c === "]") depth = Math.max(0, depth - 1);
    else if (c === "|" && depth === 0) return i;
  }
  return -1;
}
