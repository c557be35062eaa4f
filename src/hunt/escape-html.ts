/**
 * HTML escaping for the report. Every value that comes from events (field values, messages,
 * host and user names) is attacker-written, so all text and attribute values go through this:
 * `&`, `<`, `>`, `"` and `'` become entities, which is enough inside elements and quoted
 * attributes (the report never puts data inside <script>, <style> or unquoted attributes).
 */
const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: unknown): string {
  const s = value === null || value === undefined ? "" : Array.isArray(value) ? value.map(String).join(", ") : String(value);
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
