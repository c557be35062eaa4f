/**
 * The playground's railroad diagram page (what `minispl web` serves under /railroad/): the
 * grammar's diagrams (grammar/railroad.html, generated from the parser and kept fresh by a test)
 * with Chevrotain's diagram scripts and CSS bundled and inlined, opened from a blob: URL, so the
 * explain tab draws them offline. A chunk of its own, loaded the first time the tab asks.
 */
import { inlineRailroad } from "../../src/web/railroad-inline.js";
import grammar from "../../grammar/railroad.html?raw";
import css from "../../node_modules/chevrotain/diagrams/diagrams.css?raw";
import builder from "../../node_modules/chevrotain/diagrams/src/diagrams_builder.js?raw";
import behavior from "../../node_modules/chevrotain/diagrams/src/diagrams_behavior.js?raw";
import main from "../../node_modules/chevrotain/diagrams/src/main.js?raw";
import vendor from "../../node_modules/chevrotain/diagrams/vendor/railroad-diagrams.js?raw";

let url: string | null = null;

export function railroadPageUrl(): string {
  url ??= URL.createObjectURL(new Blob([inlineRailroad(grammar, {
    "diagrams.css": css,
    "src/diagrams_builder.js": builder,
    "src/diagrams_behavior.js": behavior,
    "src/main.js": main,
    "vendor/railroad-diagrams.js": vendor,
  })], { type: "text/html" }));
  return url;
}
