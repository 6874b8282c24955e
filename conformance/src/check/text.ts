/** Showing values in differences: Python-style quoting for reprs, JSON for output. */

/** Python's repr() of a str, used to quote a repr or a message. */
export function pyQuote(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === q || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + q;
}

const WINDOW = 40;

/** Index of the first differing UTF-16 unit (the shorter length when one is a prefix). */
export function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

/** JSON-quoted, cut to a window around `at` when long. */
export function excerpt(s: string, at: number): string {
  if (s.length <= 2 * WINDOW) return JSON.stringify(s);
  const from = Math.max(0, at - WINDOW / 2);
  const to = Math.min(s.length, from + WINDOW);
  return `${from > 0 ? '…' : ''}${JSON.stringify(s.slice(from, to))}${to < s.length ? '…' : ''}`;
}
