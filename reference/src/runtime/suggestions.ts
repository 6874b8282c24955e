/**
 * CPython 3.13's "Did you mean" suggestion for a mistyped keyword argument
 * (Python/suggestions.c, `_Py_CalculateSuggestions`): the candidate with the smallest
 * Levenshtein distance over UTF-8 bytes (insert/delete/substitute 2, an ASCII case flip 1),
 * within (len(name) + len(candidate) + 3) * 2 / 6; the first one wins a tie.
 * @spec #call-keywords
 */
const MOVE_COST = 2;
const CASE_COST = 1;
const MAX_STRING_SIZE = 40;
const MAX_CANDIDATE_ITEMS = 750;

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function substitutionCost(a: number, b: number): number {
  if ((a & 31) !== (b & 31)) return MOVE_COST;
  if (a === b) return 0;
  const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
  return lower(a) === lower(b) ? CASE_COST : MOVE_COST;
}

function levenshtein(a: Uint8Array, b: Uint8Array, maxCost: number): number {
  let as = 0;
  let ae = a.length;
  let bs = 0;
  let be = b.length;
  while (as < ae && bs < be && a[as] === b[bs]) {
    as++;
    bs++;
  }
  while (as < ae && bs < be && a[ae - 1] === b[be - 1]) {
    ae--;
    be--;
  }
  let x = a.subarray(as, ae);
  let y = b.subarray(bs, be);
  if (x.length === 0 || y.length === 0) return (x.length + y.length) * MOVE_COST;
  if (x.length > MAX_STRING_SIZE || y.length > MAX_STRING_SIZE) return maxCost + 1;
  if (y.length < x.length) [x, y] = [y, x];
  if ((y.length - x.length) * MOVE_COST > maxCost) return maxCost + 1;
  const row: number[] = [];
  for (let i = 0; i < x.length; i++) row.push((i + 1) * MOVE_COST);
  let result = 0;
  for (let bi = 0; bi < y.length; bi++) {
    const code = y[bi]!;
    let distance = (result = bi * MOVE_COST);
    let minimum = Infinity;
    for (let i = 0; i < x.length; i++) {
      const substitute = distance + substitutionCost(code, x[i]!);
      distance = row[i]!;
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      row[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** The closest candidate to `name`, or null when none is close enough. */
export function suggest(name: string, candidates: readonly string[]): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  const n = utf8(name);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === name) continue;
    const cb = utf8(c);
    const max = Math.min(Math.floor(((n.length + cb.length + 3) * MOVE_COST) / 6), bestDistance - 1);
    const d = levenshtein(n, cb, max);
    if (d > max) continue;
    if (best === null || d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** "f() got an unexpected keyword argument 'k'", with CPython 3.13's suggestion when one is close. */
export function unexpectedKeywordMessage(fname: string, keyword: string, candidates: readonly string[]): string {
  const s = suggest(keyword, candidates);
  return `${fname} got an unexpected keyword argument '${keyword}'${s === null ? '' : `. Did you mean '${s}'?`}`;
}
