/**
 * Seeing through installed executors: the original instruction at an offset, and code
 * equality and hashing that ignore ENTER_EXECUTOR (CPython's `code == code.replace()` rule).
 * @spec #code-equality
 */
import { installedAt, PyCode, type Code } from './code';
import type { PyValue } from '../runtime/values';
import { constKey } from './assembler';
import { OP } from './table';

export function originalOp(code: Code, i: number): number {
  const op = code.ops[i]!;
  if (op !== OP.ENTER_EXECUTOR) return op;
  return installedAt(code, i)?.originalOp ?? op;
}

export function originalArg(code: Code, i: number): number {
  if (code.ops[i] !== OP.ENTER_EXECUTOR) return code.args[i]!;
  return installedAt(code, i)?.originalArg ?? code.args[i]!;
}

/** The code object as written: installed executors replaced by their original instructions. */
export function originalCode(code: Code): Code {
  const ops = Uint8Array.from(code.ops, (_, i) => originalOp(code, i));
  const args = Int32Array.from(code.args, (_, i) => originalArg(code, i));
  return {
    name: code.name, argcount: code.argcount, varnames: code.varnames, names: code.names, consts: code.consts,
    ops, args, exceptionTable: code.exceptionTable, flags: code.flags,
    ...(code.cellvars ? { cellvars: code.cellvars } : {}), ...(code.freevars ? { freevars: code.freevars } : {}),
    ...(code.posonlyargcount ? { posonlyargcount: code.posonlyargcount } : {}), ...(code.kwonlyargcount ? { kwonlyargcount: code.kwonlyargcount } : {}),
  };
}

export function codeEquals(a: Code, b: Code): boolean {
  if (a === b) return true;
  if (a.name !== b.name || a.argcount !== b.argcount || a.flags !== b.flags || a.ops.length !== b.ops.length) return false;
  const same = <T>(x: readonly T[], y: readonly T[], key: (t: T) => string) => x.length === y.length && x.every((v, i) => key(v) === key(y[i]!));
  if (!same(a.varnames, b.varnames, String) || !same(a.names, b.names, String) || !same(a.consts, b.consts, constKey)) return false;
  if (!same(a.cellvars ?? [], b.cellvars ?? [], String) || !same(a.freevars ?? [], b.freevars ?? [], String)) return false;
  if ((a.posonlyargcount ?? 0) !== (b.posonlyargcount ?? 0) || (a.kwonlyargcount ?? 0) !== (b.kwonlyargcount ?? 0)) return false;
  for (let i = 0; i < a.ops.length; i++) {
    if (originalOp(a, i) !== originalOp(b, i) || originalArg(a, i) !== originalArg(b, i)) return false;
  }
  return JSON.stringify(a.exceptionTable) === JSON.stringify(b.exceptionTable);
}

/** A 31-bit hash consistent with codeEquals. */
export function codeHash(code: Code): number {
  let h = 0x811c9dc5;
  const mix = (n: number) => {
    h = Math.imul(h ^ (n & 0xff), 0x01000193);
    h = Math.imul(h ^ ((n >>> 8) & 0xffffff), 0x01000193);
  };
  for (const ch of code.name) mix(ch.charCodeAt(0));
  mix(code.argcount);
  mix(code.ops.length);
  for (let i = 0; i < code.ops.length; i++) {
    mix(originalOp(code, i));
    mix(originalArg(code, i));
  }
  return h >>> 1;
}

/**
 * Copies of a program's code objects for one VM: their own instruction arrays, executor and
 * counter tables, and constants that point at the copies.
 */
export function cloneCodes(codes: Iterable<Code>): Map<Code, Code> {
  const copies = new Map<Code, Code>();
  for (const code of codes) {
    copies.set(code, { ...code, consts: [...code.consts], ops: code.ops.slice(), args: code.args.slice(), sites: [], countdown: new Int32Array(code.ops.length) });
  }
  for (const copy of copies.values()) {
    const consts = copy.consts as PyValue[];
    consts.forEach((v, i) => {
      if (v instanceof PyCode) consts[i] = new PyCode(copies.get(v.code) ?? v.code);
    });
  }
  return copies;
}
