/**
 * Operand text <-> oparg for the operand kinds of the instruction table.
 * @spec #assembly-instructions
 */
import { BINARY_OPS, COMPARE_MASKS, COMPARE_OPS, CONVERSIONS, FUNCTION_ATTRIBUTES, INTRINSIC1 } from './table';

export function encodeCompare(text: string): number | null {
  const m = /^(bool\()?\s*(<=|>=|==|!=|<|>)\s*(\))?$/.exec(text);
  if (!m || Boolean(m[1]) !== Boolean(m[3])) return null;
  const op = COMPARE_OPS.indexOf(m[2] as (typeof COMPARE_OPS)[number]);
  return (op << 5) | (m[1] ? 16 : 0) | COMPARE_MASKS[op];
}

export function decodeCompare(arg: number): string | null {
  const op = COMPARE_OPS[arg >> 5];
  if (op === undefined || arg < 0) return null;
  const text = arg & 16 ? `bool(${op})` : op;
  return encodeCompare(text) === arg ? text : null;
}

export function encodeBinop(text: string): number | null {
  const i = BINARY_OPS.indexOf(text as (typeof BINARY_OPS)[number]);
  return i < 0 ? null : i;
}

function lookup(table: Record<number, string>, text: string): number | null {
  for (const [k, v] of Object.entries(table)) if (v === text) return Number(k);
  return null;
}

export const SYMBOLIC: Record<string, { encode(t: string): number | null; decode(a: number): string | null }> = {
  binop: { encode: encodeBinop, decode: (a) => BINARY_OPS[a] ?? null },
  compare: { encode: encodeCompare, decode: decodeCompare },
  is: { encode: (t) => ({ is: 0, 'is not': 1, '0': 0, '1': 1 })[t.replace(/\s+/g, ' ')] ?? null, decode: (a) => (a === 0 ? 'is' : a === 1 ? 'is not' : null) },
  contains: { encode: (t) => ({ in: 0, 'not in': 1, '0': 0, '1': 1 })[t.replace(/\s+/g, ' ')] ?? null, decode: (a) => (a === 0 ? 'in' : a === 1 ? 'not in' : null) },
  intrinsic1: { encode: (t) => lookup(INTRINSIC1, t), decode: (a) => (INTRINSIC1 as Record<number, string>)[a] ?? null },
  convert: { encode: (t) => lookup(CONVERSIONS, t), decode: (a) => (CONVERSIONS as Record<number, string>)[a] ?? null },
  fnattr: { encode: (t) => lookup(FUNCTION_ATTRIBUTES, t), decode: (a) => (FUNCTION_ATTRIBUTES as Record<number, string>)[a] ?? null },
};
