import type { Site } from '../hotspot/policy';
import type { Executor } from '../optimizer/api';
import { PyBuiltin, PyObject, type PyValue } from '../runtime/values';
import { codeEquals, codeHash, originalCode } from './code-view';

/** One entry of a CPython 3.11+ exception table, in instruction indices. @spec #exception-table */
export interface ExceptionEntry {
  /** First covered instruction (inclusive). */
  readonly start: number;
  /** First instruction after the range (exclusive). */
  readonly end: number;
  readonly target: number;
  /** Value-stack depth the handler starts from (before lasti and the exception are pushed). */
  readonly depth: number;
  /** Push the raising instruction's index before the exception. */
  readonly lasti: boolean;
}

export const CO_GENERATOR = 0x20;
/** `*args`: the local after the keyword-only parameters takes the extra positional arguments. @spec #code-params */
export const CO_VARARGS = 0x04;
/** `**kwargs`: the next local takes the extra keyword arguments as a dict. @spec #code-params */
export const CO_VARKEYWORDS = 0x08;

/**
 * A code object. Offsets are instruction indices (CPython byte offset / 2, caches removed).
 * @spec #code-objects
 */
export interface Code {
  readonly name: string;
  /** Number of positional parameters; they are the first locals. */
  readonly argcount: number;
  /** The first `posonlyargcount` parameters cannot be passed by keyword (absent: 0). @spec #code-params */
  readonly posonlyargcount?: number;
  /** Keyword-only parameters, the locals after the positional ones (absent: 0). @spec #code-params */
  readonly kwonlyargcount?: number;
  readonly varnames: readonly string[];
  readonly names: readonly string[];
  readonly consts: readonly PyValue[];
  /** Opcode numbers, one per instruction (CPython 3.13 numbering). */
  readonly ops: Uint8Array;
  readonly args: Int32Array;
  readonly exceptionTable: readonly ExceptionEntry[];
  readonly flags: number;
  /**
   * The locals that are cell variables (MAKE_CELL makes their cells; absent: none). `varnames` is
   * CPython's localsplus: plain locals, then cells that are not parameters, then `freevars`.
   * @spec #code-cells
   */
  readonly cellvars?: readonly string[];
  /** The free variables, the last `freevars.length` locals, in closure-tuple order (absent: none). @spec #code-cells */
  readonly freevars?: readonly string[];
  /** Run time only: hotspot counters by offset. */
  readonly sites?: (Site | undefined)[];
  /**
   * Run time only, by offset: executions the counting handler counts on its own before it asks the
   * policy again (hotspot/countdown.ts).
   */
  readonly countdown?: Int32Array;
}

/** An executor installed at a hotspot, with the instruction ENTER_EXECUTOR replaced. @spec #enter-executor */
export interface InstalledExecutor {
  /** The executor the optimizer made (what getExecutor returns). */
  readonly executor: Executor;
  /** What ENTER_EXECUTOR calls: the executor, or a certifier's wrapper around it. */
  readonly entry: Executor;
  readonly offset: number;
  /** VM-assigned number, used in trace events. */
  readonly id: number;
  readonly originalOp: number;
  readonly originalArg: number;
  /** The registration that made it (executors of a replaced optimizer may not replace). */
  readonly generation: number;
}

export function isGeneratorCode(code: Code): boolean {
  return (code.flags & CO_GENERATOR) !== 0;
}

/**
 * A code object as a Python value: a constant before MAKE_FUNCTION, or `f.__code__`. Equality,
 * hashing and `replace()` see through installed executors.
 * @spec #code-equality
 */
const MADE_BY_REPLACE = new WeakSet<Code>();

function madeByReplace(code: Code): Code {
  MADE_BY_REPLACE.add(code);
  return code;
}

/**
 * A code object `code.replace()` made while the program ran, not one of the program's own: a
 * state copy shares the program's code objects, but a replay makes its own of these.
 * @spec #state-identity
 */
export function isMadeByReplace(code: Code): boolean {
  return MADE_BY_REPLACE.has(code);
}

export class PyCode extends PyObject {
  readonly kind = 'code';
  constructor(readonly code: Code) {
    super();
  }

  override getAttr(name: string): PyValue | undefined {
    if (name === 'co_name') return this.code.name;
    if (name === 'co_argcount') return this.code.argcount;
    if (name === 'replace') return new PyBuiltin('replace', () => new PyCode(madeByReplace(originalCode(this.code))));
    return undefined;
  }

  override equals(other: PyValue): boolean {
    return other instanceof PyCode && codeEquals(this.code, other.code);
  }

  override hash(): number {
    return codeHash(this.code);
  }
}

/**
 * The executors installed in each run-time code object, ENTER_EXECUTOR's oparg indexing them. Kept
 * in module-private storage, so that nothing handed to an optimizer reaches the table: a
 * certifier's wrapper around an executor (InstalledExecutor.entry) cannot be swapped for the bare
 * executor by writing to the code object.
 *
 * The storage is a class-private field stamped on the code object (a base constructor that returns
 * the object it is given makes the subclass add its private fields to that object): only this
 * class can read or write it — no property, symbol, proxy or reflection reaches it — and reading
 * it is a property load, where a WeakMap lookup was a hash probe per ENTER_EXECUTOR and per
 * `getExecutor` (a compiled generator asks at every resume: a quarter of a generator pipeline).
 * A code object that cannot take the field (not extensible) keeps its table in a WeakMap.
 * @spec #certify-sandbox
 */
class Stamped {
  constructor(target: object) {
    return target;
  }
}

class ExecutorTable extends Stamped {
  readonly #slots: (InstalledExecutor | undefined)[] = [];

  static of(code: Code): (InstalledExecutor | undefined)[] | undefined {
    return #slots in code ? (code as unknown as ExecutorTable).#slots : UNSTAMPABLE.get(code);
  }

  static make(code: Code): (InstalledExecutor | undefined)[] {
    if (!Object.isExtensible(code)) {
      const slots: (InstalledExecutor | undefined)[] = [];
      UNSTAMPABLE.set(code, slots);
      return slots;
    }
    return (new ExecutorTable(code) as unknown as ExecutorTable).#slots;
  }
}

const UNSTAMPABLE = new WeakMap<Code, (InstalledExecutor | undefined)[]>();

/** The executor table of a run-time code object (made on first use). */
export function executorSlots(code: Code): (InstalledExecutor | undefined)[] {
  return ExecutorTable.of(code) ?? ExecutorTable.make(code);
}

/** The slot ENTER_EXECUTOR at `offset` enters, if one is installed there. */
export function installedAt(code: Code, offset: number): InstalledExecutor | undefined {
  return ExecutorTable.of(code)?.[code.args[offset]!];
}
