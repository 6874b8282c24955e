/**
 * `_optcert`: what CPython's tests reach through `_testinternalcapi`, as a builtin module, so
 * fixtures can switch optimizers and inspect executors from Python code (test_opt.py scenarios).
 * @spec #optimizer-internals
 */
import { installedAt, PyCode } from '../isa/code';
import type { Vm } from '../interp/vm';
import { raise, typeError } from '../runtime/exceptions';
import { ValueError } from '../runtime/types';
import { PyModule } from '../runtime/module';
import { PyBuiltin, PyFunction, type Host, type NativeImpl, type PyValue } from '../runtime/values';

export { PyModule };

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

/** The executor an `_optcert` call names by its number (what get_executor returned). */
function executorArg(vm: Vm, v: PyValue, fn: string) {
  if (typeof v !== 'number' || !Number.isInteger(v)) typeError(`${fn}() needs an executor number (what get_executor returned)`);
  return vm.optimizers.executorNumbered(v) ?? raise(ValueError, `${fn}(): no executor numbered ${v}`);
}

/** A dependency as Python names it: a function's code is its code object (`f.__code__`), not the wrapper. */
function dependencyArg(v: PyValue): object {
  if (v instanceof PyCode) return v.code;
  if (typeof v !== 'object' || v === null) return typeError('a dependency must be an object (a list, a function, a code object, …)');
  return v;
}

/**
 * add_executor_dependency(executor, obj): the executor depends on `obj` (test_opt.py's
 * `_testinternalcapi.add_executor_dependency(exe, obj)`).
 * @spec #executor-dependencies
 */
const addExecutorDependency: NativeImpl = (args, _kw, host) => {
  const vm = vmOf(host);
  const executor = executorArg(vm, args[0] ?? null, 'add_executor_dependency');
  vm.addExecutorDependency(executor, dependencyArg(args[1] ?? null));
  return null;
};

/** invalidate_executors(obj): `_testinternalcapi.invalidate_executors`. @spec #invalidate-dependency */
const invalidateExecutors: NativeImpl = (args, _kw, host) => {
  vmOf(host).invalidateDependency(dependencyArg(args[0] ?? null));
  return null;
};

/** invalidate_all(): `sys._clear_internal_caches()`. @spec #invalidate-all */
const invalidateAll: NativeImpl = (_args, _kw, host) => {
  vmOf(host).invalidateAllExecutors();
  return null;
};

/** executor_is_valid(executor): the executor object's `is_valid()`. @spec #executor-validity */
const executorIsValid: NativeImpl = (args, _kw, host) => {
  const vm = vmOf(host);
  return vm.isExecutorValid(executorArg(vm, args[0] ?? null, 'executor_is_valid'));
};

export const OPTCERT_MODULE = new PyModule(
  '_optcert',
  new Map<string, PyValue>([
    ['set_optimizer', new PyBuiltin('set_optimizer', setOptimizer)],
    ['get_optimizer', new PyBuiltin('get_optimizer', getOptimizer)],
    ['get_count', new PyBuiltin('get_count', getCount)],
    ['get_executor', new PyBuiltin('get_executor', getExecutor)],
    ['add_executor_dependency', new PyBuiltin('add_executor_dependency', addExecutorDependency)],
    ['invalidate_executors', new PyBuiltin('invalidate_executors', invalidateExecutors)],
    ['invalidate_all', new PyBuiltin('invalidate_all', invalidateAll)],
    ['executor_is_valid', new PyBuiltin('executor_is_valid', executorIsValid)],
  ]),
);
