/**
 * Guarding the plug-in: what it is handed is frozen where JS allows it, and what it could still
 * change is sealed before and checked after.
 * @spec #certify-guard
 */
import type { Code } from '../../../reference/src/isa/code';
import { originalArg, originalOp } from '../../../reference/src/isa/code-view';
import { OP } from '../../../reference/src/isa/table';
import { PyTuple } from '../../../reference/src/runtime/values';

/** Freeze the parts of a code object JS can freeze (the instruction arrays are typed arrays). */
export function freezeCode(code: Code): void {
  for (const v of code.consts) freezeConstant(v);
  Object.freeze(code.consts);
  Object.freeze(code.names);
  Object.freeze(code.varnames);
  if (code.cellvars) Object.freeze(code.cellvars);
  if (code.freevars) Object.freeze(code.freevars);
  Object.freeze(code.exceptionTable);
  code.exceptionTable.forEach((e) => Object.freeze(e));
}

/** Constants are immutable Python objects: a float's value, a tuple's items, a code reference. */
function freezeConstant(v: unknown): void {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return;
  if (v instanceof PyTuple) {
    Object.freeze(v.items);
    v.items.forEach(freezeConstant);
  }
  Object.freeze(v);
}

/**
 * What a code object was when sealed, checked cheaply after every execute: its scalar fields, its
 * frozen tables by identity (frozen, so the same array has the same content), and its
 * instructions as written (installed executors seen through).
 */
export class CodeSeal {
  private readonly fields: readonly unknown[];
  private readonly ops: Uint8Array;
  private readonly args: Int32Array;

  constructor(private readonly code: Code) {
    this.fields = CodeSeal.fieldsOf(code);
    const n = code.ops.length;
    this.ops = new Uint8Array(n);
    this.args = new Int32Array(code.args.length);
    for (let i = 0; i < n; i++) this.ops[i] = originalOp(code, i);
    for (let i = 0; i < this.args.length; i++) this.args[i] = originalArg(code, i);
  }

  private static fieldsOf(c: Code): unknown[] {
    return [c.name, c.argcount, c.posonlyargcount, c.kwonlyargcount, c.flags, c.varnames, c.cellvars, c.freevars, c.names, c.consts, c.exceptionTable, c.ops.length, c.args.length];
  }

  /** Sealed after freezeCode: a change to a constant or table could only replace it. */
  intact(): boolean {
    const now = CodeSeal.fieldsOf(this.code);
    for (let i = 0; i < now.length; i++) if (now[i] !== this.fields[i]) return false;
    const c = this.code;
    const ops = c.ops;
    const args = c.args;
    for (let i = 0; i < this.ops.length; i++) {
      // Where no executor is installed the instruction is its own original (originalOp, originalArg):
      // compared in place, without looking an executor up.
      if (ops[i] !== OP.ENTER_EXECUTOR) {
        if (ops[i] !== this.ops[i] || args[i] !== this.args[i]) return false;
      } else if (originalOp(c, i) !== this.ops[i] || originalArg(c, i) !== this.args[i]) return false;
    }
    return true;
  }
}

export function isReadOnlyWrite(e: unknown): boolean {
  return e instanceof TypeError && /read[- ]only|not extensible|frozen/i.test(e.message);
}
