/** Data attributes of builtin values (exception args, range bounds, generator state, __name__, …) and their descriptors on the types. */
import { dataDescriptor, PyDataDescriptor, type DescriptorKind } from './descriptor';
import { delegateOf } from './methods_generator';
import { numberAttr } from './methods_number';
import { PyModule } from './module';
import { StopIteration, isSubtype } from './types';
import { PyCode } from '../isa/code';
import { PyBoundMethod, PyBuiltin, PyException, PyFunction, PyGenerator, PyObject, PyRange, PyType, type PyValue } from './values';

/**
 * The data attributes of each type's instances, with the kind of descriptor CPython's type holds for
 * each (`int.real`); a subtype (bool, ValueError) inherits its base's.
 */
const INSTANCE_DATA: Readonly<Record<string, Readonly<Record<string, DescriptorKind>>>> = {
  int: { real: 'getset_descriptor', imag: 'getset_descriptor', numerator: 'getset_descriptor', denominator: 'getset_descriptor' },
  float: { real: 'getset_descriptor', imag: 'getset_descriptor' },
  BaseException: { args: 'getset_descriptor', __cause__: 'getset_descriptor', __context__: 'getset_descriptor' },
  StopIteration: { value: 'member_descriptor' },
  range: { start: 'member_descriptor', stop: 'member_descriptor', step: 'member_descriptor' },
  function: { __code__: 'getset_descriptor', __closure__: 'member_descriptor' },
  cell: { cell_contents: 'getset_descriptor' },
  code: { co_name: 'member_descriptor', co_argcount: 'member_descriptor' },
  generator: { gi_running: 'getset_descriptor', gi_suspended: 'getset_descriptor', gi_yieldfrom: 'getset_descriptor', gi_code: 'getset_descriptor' },
};

/** A generator's gi_running, gi_suspended, gi_yieldfrom (the delegate a `yield from` waits on) and gi_code. */
function generatorAttr(gen: PyGenerator, name: string): PyValue | undefined {
  if (name === 'gi_running') return gen.state === 'running';
  if (name === 'gi_suspended') return gen.state === 'suspended';
  if (name === 'gi_yieldfrom') return delegateOf(gen);
  if (name === 'gi_code') return new PyCode(gen.frame.code);
  return undefined;
}

/** `int.real`: the descriptor of an instance data attribute, looked up on the type. @spec #attribute-names */
export function descriptorOn(t: PyType, name: string): PyDataDescriptor | undefined {
  for (let c: PyType | null = t; c !== null; c = c.base) {
    const kind = INSTANCE_DATA[c.name]?.[name];
    if (kind) return dataDescriptor(kind, name, c);
  }
  return undefined;
}

/** Data attributes: exception args / StopIteration.value / __cause__ / __context__, __name__. */
export function dataAttr(obj: PyValue, name: string): PyValue | undefined {
  if (obj instanceof PyObject && obj.getAttr) {
    const v = obj.getAttr(name);
    if (v !== undefined) return v;
  }
  if (obj instanceof PyFunction && name === '__code__') return new PyCode(obj.code);
  /** @spec #closure-attributes */
  if (obj instanceof PyFunction && name === '__closure__') return obj.closure;
  if (obj instanceof PyException) {
    if (name === 'args') return obj.args;
    if (name === 'value' && isSubtype(obj.type, StopIteration)) return obj.value;
    if (name === '__cause__') return obj.cause;
    if (name === '__context__') return obj.context;
  }
  const n = numberAttr(obj, name);
  if (n !== undefined) return n;
  if (obj instanceof PyRange && (name === 'start' || name === 'stop' || name === 'step')) return obj[name];
  if (obj instanceof PyGenerator) {
    const g = generatorAttr(obj, name);
    if (g !== undefined) return g;
  }
  if (name === '__name__') {
    if (obj instanceof PyType || obj instanceof PyFunction || obj instanceof PyBuiltin || obj instanceof PyGenerator) return obj.name;
    if (obj instanceof PyBoundMethod) return obj.func.name;
    if (obj instanceof PyModule || obj instanceof PyDataDescriptor) return obj.name;
  }
  return undefined;
}
