/**
 * `_optcert`: what CPython's tests reach through `_testinternalcapi`, as a builtin module, so
 * fixtures can switch optimizers and inspect executors from Python code (test_opt.py scenarios).
 * @spec #optimizer-internals
 */
import { installedAt, PyCode } from '../isa/code';
import type { Vm } from '../interp/vm';
import { raise, typeError } from '../runtime/exceptions';
import { ValueError } from '../runtime/types';
import { PyBuiltin, PyFunction, PyObject, type Host, type NativeImpl, type PyValue } from '../runtime/values';

export class PyModule extends PyObject {
  readonly kind = 'module';
  constructor(readonly name: string, readonly attrs: ReadonlyMap<string, PyValue>) {
    super();
  }

  override getAttr(name: string): PyValue | undefined {
    return this.attrs.get(name);
  }
}

const vmOf = (host: Host): Vm => host as Vm;

function codeArg(v: PyValue): PyCode {
  if (v instanceof PyFunction) return new PyCode(v.code);
  if (v instanceof PyCode) return v;
  return typeError('expected a function or a code object');
}

/** set_optimizer(name | None): register a named optimizer of the fixture, or a sample one. */
const setOptimizer: NativeImpl = (args, _kw, host) => {
  const vm = vmOf(host);
  const name = args[0] ?? null;
  if (name !== null && typeof name !== 'string') typeError('set_optimizer() takes an optimizer name or None');
  const make = name === null ? null : vm.namedOptimizers.get(name);
  if (name !== null && !make) raise(ValueError, `no optimizer named '${name}'`);
  const refused = vm.registerOptimizer(make ? make() : null);
  if (refused) raise(ValueError, `${refused.rule}: ${refused.message}`);
  return null;
};

const getOptimizer: NativeImpl = (_args, _kw, host) => vmOf(host).optimizers.registered?.name ?? null;

/** get_count(): the registered optimizer's `count` (the counter optimizer's executions). */
const getCount: NativeImpl = (_args, _kw, host) => {
  const count = (vmOf(host).optimizers.registered?.optimizer as { count?: unknown } | undefined)?.count;
  return typeof count === 'number' ? count : typeError('the registered optimizer has no count');
};

/** get_executor(func_or_code, offset): the installed executor's number, or None. */
const getExecutor: NativeImpl = (args, _kw, host) => {
  const vm = vmOf(host);
  const code = codeArg(args[0] ?? null).code;
  const offset = args[1];
  if (typeof offset !== 'number') typeError('get_executor() needs an offset');
  const live = vm.codes.find((c) => c === code);
  if (!live || !vm.getExecutor(live, offset)) return null;
  return installedAt(live, offset)!.id;
};

export const OPTCERT_MODULE = new PyModule(
  '_optcert',
  new Map<string, PyValue>([
    ['set_optimizer', new PyBuiltin('set_optimizer', setOptimizer)],
    ['get_optimizer', new PyBuiltin('get_optimizer', getOptimizer)],
    ['get_count', new PyBuiltin('get_count', getCount)],
    ['get_executor', new PyBuiltin('get_executor', getExecutor)],
  ]),
);
