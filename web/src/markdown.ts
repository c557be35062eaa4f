/**
 * The little Markdown hover docs use (paragraphs, `code`, **bold**, fenced examples), rendered
 * into elements: text nodes only, so nothing in a doc string becomes HTML.
 */
import { h } from "./dom.js";

export function renderMarkdown(md: string): HTMLElement {
  const root = h("div", { class: "md" });
  const blocks = md.split(/```[a-z]*\n?/);
  blocks.forEach((block, i) => {
    if (i % 2 === 1) {
      root.append(h("pre", {}, block.replace(/\n$/, "")));
      return;
    }
    for (const para of block.split(/\n\s*\n/)) if (para.trim()) root.append(inline(para.trim()));
  });
  return root;
}

function inline(text: string): HTMLElement {
  const p = h("p");
  for (const part of text.split(/(`[^`]+`|\*\*[^*]+\*\*)/)) {
    if (part.startsWith("`") && part.endsWith("`") && part.length > 1) p.append(h("code", {}, part.slice(1, -1)));
    else if (part.startsWith("**") && part.endsWith("**") && part.length > 3) p.append(h("b", {}, part.slice(2, -2)));
    else p.append(part);
  }
  return p;
}
