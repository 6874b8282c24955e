/**
 * Guarding the plug-in: what it is handed is frozen where JS allows it, and what it could still
 * change is fingerprinted before and compared after.
 * @spec #certify-guard
 */
import type { Code } from '../../../reference/src/isa/code';
import { constKey } from '../../../reference/src/isa/assembler';
import { originalArg, originalOp } from '../../../reference/src/isa/code-view';
import type { Literal } from '../../../reference/src/isa/literal';
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

/**
 * The code object as written (executors seen through): equal before and after, or it was changed.
 * Every field the disassembly shows, without rendering it (this runs around every execute).
 */
export function codeFingerprint(code: Code): string {
  const parts: (string | number)[] = [
    code.name, code.argcount, code.flags, code.varnames.join(','), code.names.join(','),
    code.consts.map((c) => constKey(c as Literal)).join(','), JSON.stringify(code.exceptionTable), code.ops.length,
  ];
  for (let i = 0; i < code.ops.length; i++) parts.push(originalOp(code, i), originalArg(code, i));
  return parts.join(' ');
}

export function isReadOnlyWrite(e: unknown): boolean {
  return e instanceof TypeError && /read[- ]only|not extensible|frozen/i.test(e.message);
}
