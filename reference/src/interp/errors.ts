/** Python exceptions the interpreter itself raises, by builtin type name. */
import { BUILTINS } from '../runtime/builtins';
import { newException } from '../runtime/exceptions';
import { PyException, PyType, type PyValue } from '../runtime/values';

export function builtinType(name: string): PyType {
  const t = BUILTINS.get(name);
  if (!(t instanceof PyType)) throw new Error(`internal: builtin type ${name} missing`);
  return t;
}

export function pyError(typeName: string, message: string): PyException {
  return newException(builtinType(typeName), message);
}

export function isException(v: PyValue | undefined): v is PyException {
  return v instanceof PyException;
}

/** The step budget ran out. Not a Python exception: it unwinds everything. @spec #step-budget */
export class BudgetExhausted {
  constructor(readonly steps: number) {}
}
