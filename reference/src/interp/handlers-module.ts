/**
 * Module code and `import math`: the name instructions a module's own code object uses (its
 * locals are the globals), and the import instructions. Spread into HANDLERS (handlers.ts).
 * @spec #module-code
 */
import type { Opcode } from '../isa/table';
import { IMPORTABLE_MODULES } from '../runtime/math';
import { PyModule } from '../runtime/module';
import type { PyValue } from '../runtime/values';
import { pyError } from './errors';
import type { Handler } from './handlers';

type ModuleOp = 'LOAD_NAME' | 'STORE_NAME' | 'DELETE_NAME' | 'IMPORT_NAME' | 'IMPORT_FROM';

const notDefined = (name: string) => pyError('NameError', `name '${name}' is not defined`);

export const MODULE_HANDLERS: { readonly [K in ModuleOp & Opcode]: Handler } = {
  /** Locals (a module's are its globals), then globals, then builtins. @spec #op-LOAD_NAME */
  LOAD_NAME: (vm, f, a) => {
    const name = f.code.names[a]!;
    const v = vm.globals.get(name) ?? vm.builtins.get(name);
    if (v === undefined) throw notDefined(name);
    f.stack.push(v);
  },
  /** @spec #op-STORE_NAME */
  STORE_NAME: (vm, f, a) => {
    vm.globals.set(f.code.names[a]!, f.stack.pop() as PyValue);
  },
  /** @spec #op-DELETE_NAME */
  DELETE_NAME: (vm, f, a) => {
    const name = f.code.names[a]!;
    if (!vm.globals.delete(name)) throw notDefined(name);
  },
  /** Pop the fromlist and the level; push the module. @spec #op-IMPORT_NAME */
  IMPORT_NAME: (_vm, f, a) => {
    f.stack.pop();
    const level = f.stack.pop();
    const name = f.code.names[a]!;
    if (level !== 0) throw pyError('ImportError', 'attempted relative import with no known parent package');
    const module = IMPORTABLE_MODULES.get(name);
    // The loader refuses any other module (IMPORT_UNSUPPORTED); a program cannot reach this.
    if (module === undefined) throw pyError('ModuleNotFoundError', `No module named '${name}'`);
    f.stack.push(module);
  },
  /** Push an attribute of the module on TOS, which stays. @spec #op-IMPORT_FROM */
  IMPORT_FROM: (_vm, f, a) => {
    const module = f.stack[f.stack.length - 1];
    const name = f.code.names[a]!;
    const v = module instanceof PyModule ? module.getAttr(name) : undefined;
    if (v === undefined) {
      const from = module instanceof PyModule ? module.name : '?';
      throw pyError('ImportError', `cannot import name '${name}' from '${from}' (unknown location)`);
    }
    f.stack.push(v);
  },
};
