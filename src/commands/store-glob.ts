/** `*` wildcards of index, server and file patterns as a case-insensitive whole-name test. */
export function globToRegExp(pattern: string): RegExp {
  const body = pattern.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${body}$`, "i");
}
