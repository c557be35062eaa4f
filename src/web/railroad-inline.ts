/**
 * The railroad diagram page's parts that need no server: the script that shows only the rules
 * named in the URL's hash (`#command,expression`), and the page made self-contained (Chevrotain's
 * diagram scripts and CSS inlined), which the playground opens from a blob: URL. Dependency-free,
 * so the playground's page can import it without the engine.
 */

/** Runs in the diagram page (our own script, never search text). */
export const ONLY_RULES = `<script>
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

/** Chevrotain's diagram files by their path under its `diagrams/` folder (`diagrams.css`, `src/main.js`…). */
export type DiagramFiles = Readonly<Record<string, string>>;

/** `railroadHtml()`'s page with its stylesheet and scripts inlined from `files` and ONLY_RULES added. */
export function inlineRailroad(html: string, files: DiagramFiles): string {
  const file = (path: string): string => {
    const text = files[path];
    if (text === undefined) throw new Error(`railroad diagram: ${path} is not bundled`);
    return text;
  };
  return html
    .replace(/<link rel='stylesheet' href='[^']*diagrams\.css'>/, () => `<style>\n${file("diagrams.css")}\n</style>`)
    .replace(/<script src='[^']*\/diagrams\/((?:vendor|src)\/[\w.-]+\.js)'><\/script>/g, (_m, path: string) => `<script>\n${file(path).replace(/<\/script/gi, "<\\/script")}\n</script>`)
    .replace(/<\/body>|$/, (end) => `${ONLY_RULES}\n${end}`);
}
