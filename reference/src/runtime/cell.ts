/**
 * Cells: the boxes that closures share. A cell variable's local slot holds the cell (MAKE_CELL
 * puts it there; LOAD_FAST of that slot pushes the cell itself, which is how CPython 3.13 builds a
 * closure tuple), and LOAD_DEREF / STORE_DEREF / DELETE_DEREF go through it.
 * @spec #closure-cells
 */
import { raise } from './exceptions';
import { ValueError } from './types';
import { PyObject, type PyValue, type Slot } from './values';

export class PyCell extends PyObject {
  readonly kind = 'cell';
  /** The value; undefined while the cell is empty (an unbound variable). */
  contents: Slot;
  constructor(contents: Slot) {
    super();
    this.contents = contents;
  }

  /** `cell.cell_contents`. @spec #closure-attributes */
  override getAttr(name: string): PyValue | undefined {
    if (name !== 'cell_contents') return undefined;
    return this.contents === undefined ? raise(ValueError, 'Cell is empty') : this.contents;
  }
}
