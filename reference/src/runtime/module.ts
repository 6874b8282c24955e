/**
 * A module object: a name and a fixed table of attributes (the built-in `math`, the VM's
 * `_optcert`). Modules are immutable in the subset (no STORE_ATTR), so state copies share them.
 * @spec #module-objects
 */
import { PyObject, type PyValue } from './values';

export class PyModule extends PyObject {
  readonly kind = 'module';
  constructor(readonly name: string, readonly attrs: ReadonlyMap<string, PyValue>) {
    super();
  }

  override getAttr(name: string): PyValue | undefined {
    return this.attrs.get(name);
  }
}
