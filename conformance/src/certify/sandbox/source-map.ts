/**
 * Positions in a transpiled candidate back to its source, from the source map TypeScript writes
 * (base64 VLQ `mappings`): a load error then names the line the user wrote.
 */
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Per generated line, its segments as [generated column, original line, original column] (0-based). */
export type LineMap = readonly (readonly (readonly [number, number, number])[])[];

export function decodeMappings(mappings: string): LineMap {
  const lines: [number, number, number][][] = [];
  let srcLine = 0;
  let srcCol = 0;
  for (const text of mappings.split(';')) {
    const segments: [number, number, number][] = [];
    let genCol = 0;
    for (const seg of text.split(',')) {
      if (seg === '') continue;
      const v = vlq(seg);
      genCol += v[0] ?? 0;
      if (v.length >= 4) {
        srcLine += v[2]!;
        srcCol += v[3]!;
        segments.push([genCol, srcLine, srcCol]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

function vlq(seg: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of seg) {
    const digit = BASE64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >> 1) : value >> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** The source position (1-based) of a generated one (1-based), or null where the map says nothing. */
export function originalPosition(map: LineMap, line: number, column: number): { line: number; column: number } | null {
  const segments = map[line - 1];
  if (!segments || segments.length === 0) return null;
  let best = segments[0]!;
  for (const s of segments) if (s[0] <= column - 1) best = s;
  return { line: best[1] + 1, column: best[2] + 1 + Math.max(0, column - 1 - best[0]) };
}
