/**
 * The Sysmon TA's two string rewrites, kept byte-faithful because ESCU compares their output:
 * the image basename regex and the domain strip for `user` (cim-mapping.md §2.3). Regexes are
 * compiled once here; the TA's `replace()` is global, but after the greedy prefix is consumed no
 * second match is possible, so a single replace is equivalent.
 */

/** `replace(Image,"(.*\\)(?=.*(\.\w*)$|(\w+)$)","")`. */
const IMAGE_PREFIX = /(.*\\)(?=.*(\.\w*)$|(\w+)$)/;
/** `replace(User,"(.*)\\(.+)$","\2")`. */
const DOMAIN_PREFIX = /(.*)\\(.+)$/;

/**
 * Basename of an image path as the Sysmon TA computes it: everything up to the last backslash is
 * removed when what follows ends in `.ext` or word characters; other paths stay unchanged.
 */
export function sysmonBasename(image: string): string {
  return image.replace(IMAGE_PREFIX, "");
}

/** `NT AUTHORITY\SYSTEM` → `SYSTEM`; a value without a backslash is kept. */
export function stripDomain(user: string): string {
  return user.replace(DOMAIN_PREFIX, "$2");
}
