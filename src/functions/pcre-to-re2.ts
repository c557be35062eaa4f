/**
 * Rewrites an SPL (PCRE) pattern into RE2 syntax for re2js, or says why it cannot be: RE2 has no
 * backreferences, lookahead, `\Z`, `\G`, `\K`, recursion or branch reset, and those patterns run
 * on the backtracking fallback instead (safe-regex.ts). What RE2 already reads like PCRE is kept
 * as written: named groups `(?P<n>…)`/`(?<n>…)`, inline flags `(?i)` `(?s)` `(?m)` `(?U)` with
 * their PCRE scope (`(?i:…)`, `(?-i)`), `\Q…\E`, `\x{hh}`, POSIX classes, `\p{…}`. Rewritten:
 * `(?'n'…)` → `(?P<n>…)`; `(?x)` (white space and `#` comments dropped, as PCRE does);
 * `(?#…)` comments; atomic `(?>…)` → `(?:…)` and possessive `a*+` → `a*` (as the JavaScript
 * translation does: they may match where PCRE would not, never the other way round); `\h` `\H`
 * `\v` `\V` `\R` `\N` `\e` `\cX` as PCRE defines them; `\uXXXX` (a JavaScript spelling) →
 * `\x{XXXX}`; an unknown letter escape such as `\i` → the letter (what the JavaScript engine did).
 * Lookbehind `(?<=…)` `(?<!…)` is kept and needs re2js's LOOKBEHINDS flag (captureless only).
 *
 * Known differences from PCRE on the linear path, none seen in ESCU: `\s` does not match VT
 * (\x0b); case-insensitive matching uses Unicode simple folding (`k` matches KELVIN SIGN); `.` and
 * classes match whole code points, not UTF-16 halves.
 */

export type Re2Translation =
  | { readonly ok: true; readonly source: string; readonly lookbehind: boolean }
  | { readonly ok: false; readonly reason: string };

const H_SET = "\\t \\x{a0}\\x{1680}\\x{180e}\\x{2000}-\\x{200a}\\x{202f}\\x{205f}\\x{3000}";
const V_SET = "\\n\\x{0b}\\f\\r\\x{85}\\x{2028}\\x{2029}";
const SIMPLE_ESCAPES = new Set([..."dDwWsSbBtnrfaAz"]);
const IN_CLASS_ESCAPES = new Set([..."dDwWsStnrfa"]);

const unsupported = (reason: string): Re2Translation => ({ ok: false, reason });

function quoteRe2(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|-]/g, "\\$&");
}

function hexEscape(code: number): string {
  return `\\x{${code.toString(16)}}`;
}

/** Translates a PCRE pattern to RE2 (see the header); `ok: false` names the construct RE2 lacks. */
export function pcreToRe2(pattern: string): Re2Translation {
  const p = pattern;
  let out = "";
  let inClass = false;
  let extended = false;
  let lookbehind = false;
  let i = 0;
  while (i < p.length) {
    const c = p[i] as string;
    if (c === "\\") {
      const e = p[i + 1];
      if (e === undefined) { out += "\\\\"; i += 1; continue; }
      const rest = p.slice(i, i + 12);
      const braced = /^\\x\{([0-9a-fA-F]{1,6})\}/.exec(rest);
      if (braced) { out += hexEscape(parseInt(braced[1] as string, 16)); i += braced[0].length; continue; }
      const u = /^\\u([0-9a-fA-F]{4})/.exec(rest);
      if (u) { out += hexEscape(parseInt(u[1] as string, 16)); i += 6; continue; }
      const x = /^\\x([0-9a-fA-F]{1,2})/.exec(rest);
      if (x) { out += hexEscape(parseInt(x[1] as string, 16)); i += x[0].length; continue; }
      const ctl = /^\\c([\x20-\x7e])/.exec(rest);
      if (ctl) { out += hexEscape((ctl[1] as string).toUpperCase().charCodeAt(0) ^ 0x40); i += 3; continue; }
      if (e === "Q") {
        const end = p.indexOf("\\E", i + 2);
        out += quoteRe2(p.slice(i + 2, end < 0 ? p.length : end));
        i = end < 0 ? p.length : end + 2;
        continue;
      }
      if (e === "E") { i += 2; continue; }
      if (/[0-7]/.test(e) && (e === "0" || inClass)) {
        const oct = /^\\([0-7]{1,3})/.exec(rest) as RegExpExecArray;
        out += hexEscape(parseInt(oct[1] as string, 8));
        i += oct[0].length;
        continue;
      }
      if (/[1-9]/.test(e)) return unsupported(`the backreference \\${e}`);
      if (inClass) {
        if (IN_CLASS_ESCAPES.has(e)) out += `\\${e}`;
        else if (e === "h") out += H_SET;
        else if (e === "v") out += V_SET;
        else if (e === "b") out += "\\x{8}";
        else if (e === "e") out += "\\x{1b}";
        else if (/[a-zA-Z]/.test(e)) {
          if ("HVNRpP".includes(e)) return unsupported(`\\${e} inside a character class`);
          out += e;
        } else out += /[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.test(e) ? `\\${e}` : e;
        i += 2;
        continue;
      }
      if (e === "p" || e === "P") {
        const prop = /^\\[pP](\{\^?\w+\}|[A-Za-z])/.exec(rest);
        if (!prop) return unsupported(`\\${e} without a property name`);
        out += prop[0];
        i += prop[0].length;
        continue;
      }
      if (SIMPLE_ESCAPES.has(e)) out += `\\${e}`;
      else if (e === "h") out += `[${H_SET}]`;
      else if (e === "H") out += `[^${H_SET}]`;
      else if (e === "v") out += `[${V_SET}]`;
      else if (e === "V") out += `[^${V_SET}]`;
      else if (e === "R") out += `(?:\\r\\n|[${V_SET}])`;
      else if (e === "N") out += "[^\\n]";
      else if (e === "e") out += "\\x{1b}";
      else if ("ZGKkgX".includes(e)) return unsupported(`\\${e}`);
      else if (/[a-zA-Z]/.test(e)) out += e;
      else out += /[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.test(e) ? `\\${e}` : e;
      i += 2;
      continue;
    }
    if (inClass) {
      const posix = /^\[:\^?[a-z]+:\]/.exec(p.slice(i, i + 12));
      if (posix) { out += posix[0]; i += posix[0].length; continue; }
      if (c === "]") inClass = false;
      // RE2 reads `[` inside a class as a literal too, but escaping it is clearer for both.
      out += c === "[" ? "\\[" : c;
      i += 1;
      continue;
    }
    if (extended && /\s/.test(c)) { i += 1; continue; }
    if (extended && c === "#") { const nl = p.indexOf("\n", i); i = nl < 0 ? p.length : nl + 1; continue; }
    if (c === "[") {
      // A `]` right after `[` or `[^` is a literal in PCRE.
      const open = /^\[\^?\]?/.exec(p.slice(i, i + 3)) as RegExpExecArray;
      out += open[0].endsWith("]") ? `${open[0].slice(0, -1)}\\]` : open[0];
      inClass = true;
      i += open[0].length;
      continue;
    }
    if (c === "(" && p[i + 1] === "?") {
      const rest = p.slice(i, i + 40);
      if (rest.startsWith("(?#")) { const end = p.indexOf(")", i); i = end < 0 ? p.length : end + 1; continue; }
      if (rest.startsWith("(?<=") || rest.startsWith("(?<!")) { lookbehind = true; out += rest.slice(0, 4); i += 4; continue; }
      if (rest.startsWith("(?=") || rest.startsWith("(?!")) return unsupported("lookahead");
      if (rest.startsWith("(?>")) { out += "(?:"; i += 3; continue; }
      const named = /^\(\?(?:P?<|')([A-Za-z_]\w*)[>']/.exec(rest);
      if (named) { out += `(?P<${named[1]}>`; i += named[0].length; continue; }
      const flags = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([):])/.exec(rest);
      if (flags) {
        const on = flags[1] as string;
        const off = flags[2];
        if (/[^imsxU]/.test(on + (off ?? ""))) return unsupported(`the inline flags ${flags[0]}`);
        if (on.includes("x")) extended = true;
        const keepOn = on.replace(/x/g, "");
        const keepOff = (off ?? "").replace(/x/g, "");
        const spelled = keepOn + (keepOff ? `-${keepOff}` : "");
        if (flags[3] === ":") out += spelled ? `(?${spelled}:` : "(?:";
        else if (spelled) out += `(?${spelled})`;
        i += flags[0].length;
        continue;
      }
      return unsupported(`the group ${rest.slice(0, 4)}…`);
    }
    out += c;
    i += 1;
    // Possessive quantifiers (`*+`, `++`, `?+`, `{n}+`) become greedy ones.
    if ("*+?}".includes(c) && p[i] === "+") i += 1;
  }
  return { ok: true, source: out, lookbehind };
}
