/**
 * A program's module code: the code object named `<module>` runs first, in the VM's globals (its
 * locals), and binds what the entry call then uses, as CPython runs a module before `main(…)`.
 * @spec #module-code
 */
import type { Program } from './api';
import type { Code } from './isa/code';
import { OP } from './isa/table';
import type { Vm } from './interp/vm';
import { IMPORTABLE_MODULES } from './runtime/math';
import { PyFunction } from './runtime/values';

/** The name of the module's code object (CPython's `co_name` for module code). */
export const MODULE_CODE = '<module>';

/** `__name__` while the module runs: not `'__main__'`, so `if __name__ == '__main__':` stays off, as in the importer. */
export const MODULE_NAME = '__optcert__';

/** Whether the program's module code stores `name` (so the entry may call it). */
export function moduleBinds(program: Program, name: string): boolean {
  const code = program.codes.get(MODULE_CODE);
  if (!code) return false;
  for (let i = 0; i < code.ops.length; i++) {
    if ((code.ops[i] === OP.STORE_NAME || code.ops[i] === OP.STORE_GLOBAL) && code.names[code.args[i]!] === name) return true;
  }
  return false;
}

/** The first IMPORT_NAME of a module the VM does not have. @spec #import-math */
export function unsupportedImport(code: Code): { index: number; message: string } | null {
  for (let i = 0; i < code.ops.length; i++) {
    if (code.ops[i] !== OP.IMPORT_NAME) continue;
    const name = code.names[code.args[i]!]!;
    if (!IMPORTABLE_MODULES.has(name)) {
      return { index: i, message: `import of module '${name}' is not supported (the only importable module is ${[...IMPORTABLE_MODULES.keys()].join(', ')})` };
    }
  }
  return null;
}

/** Run the module code (this VM's copy) to completion, if the program has one. @spec #module-code */
export function runModule(vm: Vm): void {
  const code = vm.codes.find((c) => c.name === MODULE_CODE);
  if (code) vm.callFunction(new PyFunction(code, vm.globals, MODULE_CODE), []);
}
