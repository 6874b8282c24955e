/**
 * A data attribute looked up on its type (`int.real`, `range.start`, `StopIteration.value`): CPython's
 * getset_descriptor or member_descriptor, one object per (type, name), printed as CPython prints it.
 * @spec #attribute-names
 */
import { PyObject, type PyType } from './values';

export type DescriptorKind = 'getset_descriptor' | 'member_descriptor';

export class PyDataDescriptor extends PyObject {
  constructor(readonly kind: DescriptorKind, readonly name: string, readonly owner: PyType) {
    super();
  }

  repr(): string {
    return `<${this.kind === 'member_descriptor' ? 'member' : 'attribute'} '${this.name}' of '${this.owner.name}' objects>`;
  }
}

const cache = new Map<PyType, Map<string, PyDataDescriptor>>();

export function dataDescriptor(kind: DescriptorKind, name: string, owner: PyType): PyDataDescriptor {
  let byName = cache.get(owner);
  if (!byName) cache.set(owner, (byName = new Map()));
  let d = byName.get(name);
  if (!d) byName.set(name, (d = new PyDataDescriptor(kind, name, owner)));
  return d;
}
