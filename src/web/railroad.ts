/**
 * The explain tab's railroad diagram: the grammar's diagrams (`railroadHtml`, Chevrotain's
 * generator) made to work offline from this server (its scripts and CSS from /railroad/, not a CDN
 * or ../node_modules), showing only the rules named in the URL's hash (`#command,expression`)
 * when it has one.
 */
import { railroadHtml } from "../index.js";

/** Runs in the diagram page (the server's own script, never search text). */
const ONLY_RULES = `<script>
(function () {
  function show() {
    var want = decodeURIComponent(location.hash.slice(1)).split(",").filter(Boolean);
    var headers = document.getElementsByClassName("diagramHeader");
    for (var i = 0; i < headers.length; i++) {
      var h = headers[i];
      var on = want.length === 0 || want.indexOf(h.textContent) >= 0;
      h.style.display = on ? "" : "none";
      if (h.nextElementSibling) h.nextElementSibling.style.display = on ? "" : "none";
    }
  }
  window.addEventListener("hashchange", show);
  show();
})();
</script>`;

let page: string | null = null;

export function railroadPage(): string {
  page ??= railroadHtml()
    .replace(/<link rel='stylesheet' href='[^']*diagrams\.css'>/, "<link rel='stylesheet' href='/railroad/diagrams.css'>")
    .replace(/src='[^']*\/diagrams\/(vendor|src)\//g, "src='/railroad/$1/")
    .replace(/<\/body>|$/, (end) => `${ONLY_RULES}\n${end}`);
  return page;
}
