/**
 * The Sysmon TA's two string rewrites, kept byte-faithful because ESCU compares their output:
 * the image basename regex and the domain strip for `user` (cim-mapping.md §2.3). Regexes are
 * compiled once here; the TA's `replace()` is global, but after the greedy prefix is consumed no
 * second match is possible, so a single replace is equivalent. Both run on every Sysmon event,
 * so the usual value (one line) is answered by character tests that give the regex's result;
 * a value with a line break, where `.` stops matching, goes to the regex.
 */

/** `replace(Image,"(.*\\)(?=.*(\.\w*)$|(\w+)$)","")`. */
const IMAGE_PREFIX = /(.*\\)(?=.*(\.\w*)$|(\w+)$)/;
/** `replace(User,"(.*)\\(.+)$","\2")`. */
const DOMAIN_PREFIX = /(.*)\\(.+)$/;

const BACKSLASH = 92;
const DOT = 46;

/**
 * Basename of an image path as the Sysmon TA computes it: everything up to the last backslash is
 * removed when what follows ends in `.ext` or word characters; other paths stay unchanged.
 * On one line only the last backslash can start a match (an earlier one leaves a `\` in what
 * the lookahead reads, which neither `\.\w*$` nor `\w+$` allows), so its tail decides.
 */
export function sysmonBasename(image: string): string {
  let slash = -1;
  let dot = -1;
  for (let i = 0; i < image.length; i++) {
    const c = image.charCodeAt(i);
    if (c === BACKSLASH) slash = i;
    else if (c === DOT) dot = i;
    else if (isLineBreak(c)) return image.replace(IMAGE_PREFIX, "");
  }
  if (slash < 0) return image;
  // After the last `.` (or the whole tail when there is none) only word characters may follow.
  const from = dot > slash ? dot + 1 : slash + 1;
  if (dot < slash && from === image.length) return image; // `\w+$` needs one character
  for (let i = from; i < image.length; i++) if (!isWord(image.charCodeAt(i))) return image;
  return image.slice(slash + 1);
}

/**
 * `NT AUTHORITY\SYSTEM` → `SYSTEM`; a value without a backslash is kept. On one line the greedy
 * `(.*)` ends at the last backslash that has a character after it.
 */
export function stripDomain(user: string): string {
  let slash = -1;
  for (let i = 0; i < user.length; i++) {
    const c = user.charCodeAt(i);
    if (c === BACKSLASH && i < user.length - 1) slash = i;
    else if (isLineBreak(c)) return user.replace(DOMAIN_PREFIX, "$2");
  }
  return slash < 0 ? user : user.slice(slash + 1);
}

/** The characters JavaScript's `.` does not match. */
function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

function isWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
