/**
 * Guarding the plug-in: what it is handed is frozen where JS allows it, and what it could still
 * change is fingerprinted before and compared after.
 * @spec #certify-guard
 */
import type { Code } from '../../../reference/src/isa/code';
import { originalCode } from '../../../reference/src/isa/code-view';
import { disassemble } from '../../../reference/src/isa/disassembler';
import { PyTuple } from '../../../reference/src/runtime/values';

/** Freeze the parts of a code object JS can freeze (the instruction arrays are typed arrays). */
export function freezeCode(code: Code): void {
  for (const v of code.consts) if (v instanceof PyTuple) freezeTuple(v);
  Object.freeze(code.consts);
  Object.freeze(code.names);
  Object.freeze(code.varnames);
  Object.freeze(code.exceptionTable);
  code.exceptionTable.forEach((e) => Object.freeze(e));
}

function freezeTuple(t: PyTuple): void {
  Object.freeze(t.items);
  for (const v of t.items) if (v instanceof PyTuple) freezeTuple(v);
}

/** The code object as written (executors seen through): equal before and after, or it was changed. */
export function codeFingerprint(code: Code): string {
  return disassemble(originalCode(code));
}

export function isReadOnlyWrite(e: unknown): boolean {
  return e instanceof TypeError && /read[- ]only|not extensible|frozen/i.test(e.message);
}
