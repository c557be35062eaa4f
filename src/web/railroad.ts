/**
 * The explain tab's railroad diagram: the grammar's diagrams (`railroadHtml`, Chevrotain's
 * generator) made to work offline from this server (its scripts and CSS from /railroad/, not a CDN
 * or ../node_modules), showing only the rules named in the URL's hash (`#command,expression`)
 * when it has one.
 */
import { railroadHtml } from "../index.js";
import { ONLY_RULES } from "./railroad-inline.js";

let page: string | null = null;

export function railroadPage(): string {
  page ??= railroadHtml()
    .replace(/<link rel='stylesheet' href='[^']*diagrams\.css'>/, "<link rel='stylesheet' href='/railroad/diagrams.css'>")
    .replace(/src='[^']*\/diagrams\/(vendor|src)\//g, "src='/railroad/$1/")
    .replace(/<\/body>|$/, (end) => `${ONLY_RULES}\n${end}`);
  return page;
}
