/**
 * The instruction table: the single source of truth for the bytecode subset, and the one place
 * that states facts about individual instructions (stack effects, valid opargs, jump shapes,
 * placement, hotspot roles). Assembler, disassembler, verifier, schema enums, spec/instructions.md
 * and spec/instructions.json (what the Python tools read) derive from it.
 * Names and opcode numbers are CPython 3.13's (`opcode.opmap`).
 * @spec #isa-table
 */

/** How the integer operand of an instruction is written and read. @spec #operand-kinds */
export type OperandKind =
  | 'none' // no operand (oparg 0)
  | 'uint' // a plain count or selector
  | 'const' // index into consts, written as a Python literal
  | 'local' // index into locals, written as the local's name
  | 'local_pair' // two 4-bit local indices (first << 4 | second), written `a, b`
  | 'name' // index into names, written as the name
  | 'global' // names index << 1 | push NULL, written `name` or `name + NULL`
  | 'attr' // names index << 1 | method form, written `name` or `name + NULL|self`
  | 'jump' // absolute target instruction index, written as a label
  | 'binop' // NB_* operator, written `+`, `//=`, ...
  | 'compare' // cmp << 5 | 16 (to bool) | mask, written `<` or `bool(<)`
  | 'is' // 0 `is`, 1 `is not`
  | 'contains' // 0 `in`, 1 `not in`
  | 'intrinsic1' // CALL_INTRINSIC_1 function number
  | 'convert' // CONVERT_VALUE: 1 str, 2 repr, 3 ascii
  | 'fnattr'; // SET_FUNCTION_ATTRIBUTE flag

/** Which hotspot an instruction can be (BRIEF §1 capability bits). @spec #hotspot-kinds */
export type HotspotRole = 'back_edge' | 'resume' | null;

/**
 * The opargs a valid program may give an instruction: an inclusive range (no `max`: unbounded) or
 * an explicit list. Index operand kinds have none (null): the code object's tables bound them.
 * @spec #verify-bad-oparg
 */
export type OpargSet = { readonly min: number; readonly max?: number } | { readonly oneOf: readonly number[] };

/**
 * Where an instruction may stand: anywhere, only in a generator, or only first in a generator
 * (after the closure prologue: the run of `prologue` instructions CPython opens a code object with).
 * @spec #verify-generator-shape
 */
export type Placement = 'anywhere' | 'generator' | 'generator-entry' | 'prologue';

/** What a closure instruction's operand must name: a cell, a cell or free variable, or the free-variable count. @spec #verify-cells */
export type CellOperand = 'cell' | 'cell-or-free' | 'free-count';

export interface InstructionDef {
  readonly name: string;
  readonly opcode: number;
  readonly operand: OperandKind;
  /** Values popped, as a function of the oparg. */
  readonly pops: (arg: number) => number;
  /** Values pushed on the fall-through path. */
  readonly pushes: (arg: number) => number;
  /** Depth change on the taken-jump edge, relative to the depth before the instruction. */
  readonly jumpEffect?: (arg: number) => number;
  /** No fall-through to the next instruction. */
  readonly terminator: boolean;
  /** Can raise a Python exception. */
  readonly mayRaise: boolean;
  readonly hotspot: HotspotRole;
  /** Only at run time; a program that contains it is invalid. */
  readonly runtimeOnly?: boolean;
  /**
   * Never executed by a valid program as written (ENTER_EXECUTOR; END_FOR, which FOR_ITER skips):
   * coverage counts its presence in a fixture's program instead.
   */
  readonly coveredByPresence?: boolean;
  /** The opargs the verifier accepts (null: an index kind, bounded by the code object's tables). */
  readonly opargs: OpargSet | null;
  /** Stack items the instruction needs: its pops, or more when it reads below them (LIST_APPEND's list). */
  readonly minDepth: (arg: number) => number;
  /** Which way a jump's target lies: CPython 3.13 jumps backward only with JUMP_BACKWARD*. */
  readonly jumpDirection?: 'forward' | 'backward';
  /** The taken jump continues this many instructions past the target (FOR_ITER: 2, past END_FOR, POP_TOP). */
  readonly targetSkip: number;
  /** The instructions that must stand at the jump target, in order (FOR_ITER's loop exit). */
  readonly targetShape?: readonly string[];
  readonly placement: Placement;
  readonly cellOperand?: CellOperand;
  /** Spec anchors defining the instruction's value-level semantics (its "see also" in instructions.md). */
  readonly see: readonly string[];
  readonly summary: string;
}

const n = (k: number) => () => k;
const arg = (a: number) => a;

interface Opts {
  jump?: (a: number) => number;
  terminator?: boolean;
  raises?: boolean;
  hotspot?: HotspotRole;
  runtimeOnly?: boolean;
  coveredByPresence?: boolean;
  /** Narrows the operand kind's opargs (KIND_OPARGS). */
  opargs?: OpargSet;
  minDepth?: (a: number) => number;
  /** A jump that must go backward (every other jump goes forward). */
  backward?: boolean;
  targetSkip?: number;
  targetShape?: readonly string[];
  placement?: Placement;
  cellOperand?: CellOperand;
  see?: readonly string[];
}

function def(
  name: string,
  opcode: number,
  operand: OperandKind,
  pops: (a: number) => number,
  pushes: (a: number) => number,
  summary: string,
  o: Opts = {},
): InstructionDef {
  return {
    name,
    opcode,
    operand,
    pops,
    pushes,
    jumpEffect: o.jump,
    terminator: o.terminator ?? false,
    mayRaise: o.raises ?? false,
    hotspot: o.hotspot ?? null,
    runtimeOnly: o.runtimeOnly,
    coveredByPresence: o.coveredByPresence ?? o.runtimeOnly,
    opargs: o.opargs ?? KIND_OPARGS[operand],
    minDepth: o.minDepth ?? pops,
    jumpDirection: operand === 'jump' ? (o.backward ? 'backward' : 'forward') : undefined,
    targetSkip: o.targetSkip ?? 0,
    targetShape: o.targetShape,
    placement: o.placement ?? 'anywhere',
    cellOperand: o.cellOperand,
    see: o.see ?? [],
    summary,
  };
}

/** CPython's NB_* table (`dis._nb_ops`): BINARY_OP oparg -> symbol. @spec #op-BINARY_OP */
export const BINARY_OPS = [
  '+', '&', '//', '<<', '@', '*', '%', '|', '**', '>>', '-', '/', '^',
  '+=', '&=', '//=', '<<=', '@=', '*=', '%=', '|=', '**=', '>>=', '-=', '/=', '^=',
] as const;

/** `dis.cmp_op`. @spec #op-COMPARE_OP */
export const COMPARE_OPS = ['<', '<=', '==', '!=', '>', '>='] as const;

/** CPython's low comparison-mask bits for each operator (LESS 2, GREATER 4, EQUAL 8, UNORDERED 1). */
export const COMPARE_MASKS = [2, 10, 8, 7, 4, 12] as const;

export const INTRINSIC1 = {
  1: 'INTRINSIC_PRINT',
  2: 'INTRINSIC_IMPORT_STAR',
  3: 'INTRINSIC_STOPITERATION_ERROR',
  4: 'INTRINSIC_ASYNC_GEN_WRAP',
  5: 'INTRINSIC_UNARY_POSITIVE',
  6: 'INTRINSIC_LIST_TO_TUPLE',
} as const;
/** The intrinsics this subset supports. */
export const SUPPORTED_INTRINSIC1 = [3, 5, 6] as const;

export const CONVERSIONS = { 1: 'str', 2: 'repr', 3: 'ascii' } as const;
export const FUNCTION_ATTRIBUTES = { 1: 'defaults', 2: 'kwdefaults', 4: 'annotations', 8: 'closure' } as const;

/** The opargs each operand kind allows unless a row narrows them (null: bounded by the code object's tables). @spec #verify-bad-oparg */
export const KIND_OPARGS: Readonly<Record<OperandKind, OpargSet | null>> = {
  none: { min: 0 },
  uint: { min: 0 },
  const: null,
  local: null,
  local_pair: null,
  name: null,
  global: null,
  attr: null,
  jump: null,
  // Matrix multiplication has no operand type in the subset.
  binop: { oneOf: BINARY_OPS.flatMap((s, i) => (s === '@' || s === '@=' ? [] : [i])) },
  // The low five bits (to-bool flag, mask) are free; the operator is oparg >> 5.
  compare: { min: 0, max: ((COMPARE_OPS.length - 1) << 5) | 31 },
  is: { min: 0, max: 1 },
  contains: { min: 0, max: 1 },
  intrinsic1: { oneOf: SUPPORTED_INTRINSIC1 },
  convert: { oneOf: Object.keys(CONVERSIONS).map(Number) },
  fnattr: { oneOf: Object.keys(FUNCTION_ATTRIBUTES).map(Number) },
};

/**
 * The hotspot kind of a `resume` instruction by its `where` (oparg & 3): 0 the function's entry,
 * 1 after a yield, 2 after a yield from's yield, 3 (after await) none.
 * @spec #hotspot-kinds
 */
export const RESUME_HOTSPOTS = ['function_entry', 'resume_after_yield', 'resume_after_yield', null] as const;

/** Whether a set admits the oparg (null admits any: the verifier bounds index kinds itself). */
export function opargAllowed(set: OpargSet | null, arg: number): boolean {
  if (set === null) return true;
  if ('oneOf' in set) return set.oneOf.includes(arg);
  return arg >= set.min && (set.max === undefined || arg <= set.max);
}

const R = { raises: true };

export const INSTRUCTIONS = [
  def('NOP', 30, 'none', n(0), n(0), 'Do nothing.'),
  def('RESUME', 149, 'uint', n(0), n(0), 'Start of a function (0) or resumption after a yield (oparg & 3 == 1) or a yield from\'s yield (2); a potential hotspot.', { hotspot: 'resume', opargs: { min: 0, max: 7 }, see: ['hotspot-kinds'] }),
  def('LOAD_FAST', 85, 'local', n(0), n(1), 'Push a local.', { raises: true, see: ['locals-unbound'] }),
  def('LOAD_FAST_CHECK', 87, 'local', n(0), n(1), 'Push a local; UnboundLocalError if unbound.', { raises: true, see: ['locals-unbound'] }),
  def('LOAD_FAST_AND_CLEAR', 86, 'local', n(0), n(1), 'Push a local (NULL if unbound) and unbind it.', { see: ['locals-unbound'] }),
  def('LOAD_FAST_LOAD_FAST', 88, 'local_pair', n(0), n(2), 'Push two locals.', { raises: true, see: ['locals-unbound'] }),
  def('STORE_FAST', 110, 'local', n(1), n(0), 'Pop into a local.'),
  def('STORE_FAST_LOAD_FAST', 111, 'local_pair', n(1), n(1), 'Pop into the first local, push the second.', { raises: true, see: ['locals-unbound'] }),
  def('STORE_FAST_STORE_FAST', 112, 'local_pair', n(2), n(0), 'Pop TOS into the first local, then the next into the second.'),
  def('DELETE_FAST', 65, 'local', n(0), n(0), 'Unbind a local; UnboundLocalError if unbound.', { raises: true, see: ['locals-unbound'] }),
  def('LOAD_CONST', 83, 'const', n(0), n(1), 'Push a constant.'),
  def('LOAD_GLOBAL', 91, 'global', n(0), (a) => 1 + (a & 1), 'Push a global or builtin, then NULL if oparg & 1; NameError if missing.', { raises: true, see: ['globals-lookup'] }),
  def('STORE_GLOBAL', 113, 'name', n(1), n(0), 'Pop into a global.', { see: ['globals-lookup'] }),
  def('POP_TOP', 32, 'none', n(1), n(0), 'Discard TOS.'),
  def('PUSH_NULL', 34, 'none', n(0), n(1), 'Push NULL.'),
  def('COPY', 61, 'uint', arg, (a) => a + 1, 'Push a copy of the oparg-th item (1 = TOS).', { opargs: { min: 1 } }),
  def('SWAP', 115, 'uint', arg, arg, 'Swap TOS with the oparg-th item (2 = second).', { opargs: { min: 2 } }),
  def('UNARY_NEGATIVE', 42, 'none', n(1), n(1), '-TOS.', { raises: true, see: ['int-representation', 'float-special'] }),
  def('UNARY_NOT', 43, 'none', n(1), n(1), 'not TOS (TOS is a bool).', { raises: true, see: ['truthiness'] }),
  def('UNARY_INVERT', 41, 'none', n(1), n(1), '~TOS.', { raises: true, see: ['int-bitwise'] }),
  def('TO_BOOL', 40, 'none', n(1), n(1), 'bool(TOS).', { raises: true, see: ['truthiness'] }),
  def('BINARY_OP', 45, 'binop', n(2), n(1), 'Binary or in-place operator on the two top items.', { raises: true, see: ['int-floordiv', 'int-modulo', 'int-power', 'int-shift', 'int-bitwise', 'float-truediv', 'float-floordiv-modulo', 'zero-division', 'str-ops', 'list-ops', 'tuple-ops'] }),
  def('COMPARE_OP', 58, 'compare', n(2), n(1), 'Rich comparison; bool() of the result if oparg & 16.', { raises: true, see: ['numeric-compare-mixed', 'str-ops', 'list-ops', 'tuple-ops'] }),
  def('IS_OP', 76, 'is', n(2), n(1), 'Identity test (oparg 1 negates).', { see: ['identity'] }),
  def('CONTAINS_OP', 59, 'contains', n(2), n(1), 'Membership test (oparg 1 negates).', { raises: true, see: ['str-ops', 'list-ops', 'dict-ops'] }),
  def('POP_JUMP_IF_FALSE', 97, 'jump', n(1), n(0), 'Pop a bool; jump if False.', { jump: () => -1, see: ['truthiness'] }),
  def('POP_JUMP_IF_TRUE', 100, 'jump', n(1), n(0), 'Pop a bool; jump if True.', { jump: () => -1, see: ['truthiness'] }),
  def('POP_JUMP_IF_NONE', 98, 'jump', n(1), n(0), 'Pop; jump if None.', { jump: () => -1 }),
  def('POP_JUMP_IF_NOT_NONE', 99, 'jump', n(1), n(0), 'Pop; jump if not None.', { jump: () => -1 }),
  def('JUMP_FORWARD', 79, 'jump', n(0), n(0), 'Jump forward.', { jump: () => 0, terminator: true }),
  def('JUMP_BACKWARD', 77, 'jump', n(0), n(0), 'Jump backward; a back edge and a potential hotspot.', { jump: () => 0, terminator: true, hotspot: 'back_edge', backward: true, see: ['hotspot-kinds'] }),
  def('JUMP_BACKWARD_NO_INTERRUPT', 78, 'jump', n(0), n(0), 'Jump backward without a hotspot check (used by exception cleanup).', { jump: () => 0, terminator: true, backward: true }),
  def('GET_ITER', 19, 'none', n(1), n(1), 'iter(TOS).', { raises: true, see: ['builtin-iter'] }),
  def('FOR_ITER', 72, 'jump', n(1), n(2), 'Push next(TOS); when exhausted pop the iterator and jump past the END_FOR, POP_TOP at the target.', { jump: () => -1, raises: true, targetSkip: 2, targetShape: ['END_FOR', 'POP_TOP'], see: ['generator-for-iter', 'verify-for-iter-target'] }),
  def('END_FOR', 11, 'none', n(1), n(0), 'Pop TOS (end of a for loop; skipped by FOR_ITER).', { coveredByPresence: true }),
  def('CALL', 53, 'uint', (a) => a + 2, n(1), 'Call callable(self_or_null, *args) with oparg positional arguments.', { raises: true, see: ['call-python', 'call-builtin', 'call-method', 'call-not-callable', 'call-arity-error'] }),
  def('CALL_KW', 57, 'uint', (a) => a + 3, n(1), 'Call with oparg arguments, the last len(kwnames) of them by keyword; kwnames tuple on TOS.', { raises: true, see: ['call-keywords'] }),
  def('CALL_INTRINSIC_1', 55, 'intrinsic1', n(1), n(1), 'Apply an intrinsic function to TOS.', { raises: true, see: ['generator-stopiteration-conversion'] }),
  def('MAKE_FUNCTION', 26, 'none', n(1), n(1), 'Make a function from the code object on TOS.'),
  def('SET_FUNCTION_ATTRIBUTE', 106, 'fnattr', n(2), n(1), 'Set an attribute (1 defaults, 2 kwdefaults, 4 annotations, 8 closure) of the function on TOS from the second item.', { raises: true, see: ['call-defaults', 'call-kwdefaults'] }),
  def('RETURN_VALUE', 36, 'none', n(1), n(0), 'Return TOS to the caller.', { terminator: true, see: ['call-python', 'generator-return'] }),
  def('RETURN_CONST', 103, 'const', n(0), n(0), 'Return a constant to the caller.', { terminator: true, see: ['call-python', 'generator-return'] }),
  def('RETURN_GENERATOR', 35, 'none', n(0), n(1), 'Turn the current frame into a generator and return it to the caller.', { placement: 'generator-entry', see: ['generator-create', 'verify-generator-shape'] }),
  def('YIELD_VALUE', 118, 'uint', n(1), n(1), 'Suspend the generator, yielding TOS; on resumption push the sent value.', { placement: 'generator', see: ['generator-resume'] }),
  def('BUILD_LIST', 47, 'uint', arg, n(1), 'Build a list from oparg items.'),
  def('BUILD_TUPLE', 52, 'uint', arg, n(1), 'Build a tuple from oparg items.'),
  def('BUILD_MAP', 48, 'uint', (a) => 2 * a, n(1), 'Build a dict from oparg key/value pairs.', { raises: true, see: ['dict-key-equality'] }),
  def('BUILD_CONST_KEY_MAP', 46, 'uint', (a) => a + 1, n(1), 'Build a dict from oparg values and a tuple of keys on TOS.', { raises: true, see: ['dict-key-equality'] }),
  def('BUILD_SLICE', 50, 'uint', arg, n(1), 'Build a slice from 2 or 3 items.', { opargs: { oneOf: [2, 3] }, see: ['slicing'] }),
  def('BUILD_STRING', 51, 'uint', arg, n(1), 'Concatenate oparg strings.'),
  def('LIST_APPEND', 80, 'uint', n(1), n(0), 'Append TOS to the list oparg items below it.', { opargs: { min: 1 }, minDepth: (a) => a + 1 }),
  def('LIST_EXTEND', 81, 'uint', n(1), n(0), 'Extend the list oparg items below TOS with the iterable TOS.', { raises: true, opargs: { min: 1 }, minDepth: (a) => a + 1 }),
  def('MAP_ADD', 95, 'uint', n(2), n(0), 'Add the key/value pair on top to the dict oparg items below them.', { raises: true, opargs: { min: 1 }, minDepth: (a) => a + 2, see: ['dict-key-equality'] }),
  def('BINARY_SUBSCR', 5, 'none', n(2), n(1), 'container[key].', { raises: true, see: ['sequence-index', 'dict-ops', 'slicing'] }),
  def('STORE_SUBSCR', 39, 'none', n(3), n(0), 'container[key] = value.', { raises: true, see: ['sequence-index', 'dict-ops'] }),
  def('DELETE_SUBSCR', 9, 'none', n(2), n(0), 'del container[key].', { raises: true, see: ['sequence-index', 'dict-ops'] }),
  def('BINARY_SLICE', 4, 'none', n(3), n(1), 'container[start:stop].', { raises: true, see: ['slicing'] }),
  def('STORE_SLICE', 38, 'none', n(4), n(0), 'container[start:stop] = value.', { raises: true, see: ['slicing'] }),
  def('LOAD_ATTR', 82, 'attr', n(1), (a) => 1 + (a & 1), 'Attribute lookup; with oparg & 1 push (method, self) or (attr, NULL).', { raises: true, see: ['call-method'] }),
  def('UNPACK_SEQUENCE', 117, 'uint', n(1), arg, 'Unpack an iterable of exactly oparg items, first item on top.', R),
  def('FORMAT_SIMPLE', 14, 'none', n(1), n(1), 'format(TOS, "").', { raises: true, see: ['str-format'] }),
  def('FORMAT_WITH_SPEC', 15, 'none', n(2), n(1), 'format(value, spec).', { raises: true, see: ['str-format'] }),
  def('CONVERT_VALUE', 60, 'convert', n(1), n(1), 'str(), repr() or ascii() of TOS.', { raises: true, see: ['str-repr'] }),
  def('PUSH_EXC_INFO', 33, 'none', n(1), n(2), 'Push the previously handled exception below TOS and make TOS the handled exception.', { see: ['exception-handled-state'] }),
  def('POP_EXCEPT', 31, 'none', n(1), n(0), 'Restore the handled exception from TOS.', { see: ['exception-handled-state'] }),
  def('CHECK_EXC_MATCH', 7, 'none', n(2), n(2), 'Replace TOS (a type or tuple of types) with isinstance(second, TOS).', { raises: true, see: ['exception-match'] }),
  def('RERAISE', 102, 'uint', (a) => 1 + a, n(0), 'Re-raise TOS; if oparg, restore the frame\'s lasti from the item below.', { terminator: true, raises: true, opargs: { min: 0, max: 1 }, see: ['exception-reraise', 'exception-table'] }),
  def('RAISE_VARARGS', 101, 'uint', arg, n(0), 'raise (0), raise exc (1), raise exc from cause (2).', { terminator: true, raises: true, opargs: { min: 0, max: 2 }, see: ['exception-raise'] }),
  def('LOAD_ASSERTION_ERROR', 23, 'none', n(0), n(1), 'Push AssertionError.', { see: ['exception-types'] }),
  // Closures (issue 11 deliverable 4): cells live in the frame's locals (spec/code-objects.md#code-cells).
  def('MAKE_CELL', 94, 'local', n(0), n(0), 'Replace a local with a new cell holding its value (NULL: an empty cell).', { placement: 'prologue', cellOperand: 'cell' }),
  def('LOAD_DEREF', 84, 'local', n(0), n(1), 'Push the contents of the cell in a local; NameError or UnboundLocalError if empty.', { raises: true, cellOperand: 'cell-or-free' }),
  def('STORE_DEREF', 109, 'local', n(1), n(0), 'Pop into the cell in a local.', { cellOperand: 'cell-or-free' }),
  def('DELETE_DEREF', 64, 'local', n(0), n(0), 'Empty the cell in a local; NameError or UnboundLocalError if already empty.', { raises: true, cellOperand: 'cell-or-free' }),
  def('COPY_FREE_VARS', 62, 'uint', n(0), n(0), "Copy the function's oparg closure cells into the last oparg locals.", { placement: 'prologue', cellOperand: 'free-count' }),
  // Calls (issue 11 deliverable 3): star calls, ** dicts, starred assignment (spec/calls.md#call-star).
  def('CALL_FUNCTION_EX', 54, 'uint', (a) => 3 + (a & 1), n(1), 'Call callable(*callargs, **kwargs): callargs, then the kwargs dict if oparg & 1, above callable and NULL.', { raises: true, opargs: { min: 0, max: 1 }, see: ['call-star', 'call-binding'] }),
  def('DICT_MERGE', 68, 'uint', n(1), n(0), 'Merge the mapping on TOS into the keyword dict oparg items below it; a repeated key raises.', { raises: true, opargs: { min: 1 }, minDepth: (a) => a + 4, see: ['call-star'] }),
  def('DICT_UPDATE', 69, 'uint', n(1), n(0), 'Update the dict oparg items below TOS with the mapping on TOS.', { raises: true, opargs: { min: 1 }, minDepth: (a) => a + 1, see: ['call-star'] }),
  def('UNPACK_EX', 116, 'uint', n(1), (a) => (a & 0xff) + (a >> 8) + 1, 'Unpack an iterable into oparg & 0xFF items, a list of the rest, then oparg >> 8 items; first item on top.', { raises: true, see: ['call-star'] }),
  // yield from (issue 11 deliverable 6): delegation to a sub-iterator (spec/generators.md#generator-delegation).
  def('GET_YIELD_FROM_ITER', 21, 'none', n(1), n(1), 'iter(TOS), except that a generator stays itself.', { raises: true, see: ['generator-delegation'] }),
  def('SEND', 104, 'jump', n(2), n(2), 'Send the value on TOS to the receiver below it: push what it yields, or push its return value and jump to the END_SEND at the target.', { jump: () => 0, raises: true, see: ['generator-delegation'] }),
  def('END_SEND', 12, 'none', n(2), n(1), 'Pop the receiver below TOS (the end of a yield from).', { see: ['generator-delegation'] }),
  def('CLEANUP_THROW', 8, 'none', n(3), n(2), 'Handler of a throw into a yield from: a StopIteration becomes (None, its value); any other exception is re-raised.', { raises: true, see: ['generator-throw'] }),
  // Sets (issue 11 deliverable 5): set displays and comprehensions (spec/values.md#set-ops).
  def('BUILD_SET', 49, 'uint', arg, n(1), 'Build a set from oparg items, adding the deepest first.', { raises: true, see: ['set-ops', 'set-order'] }),
  def('SET_ADD', 105, 'uint', n(1), n(0), 'Add TOS to the set oparg items below it.', { raises: true, opargs: { min: 1 }, minDepth: (a) => a + 1, see: ['set-ops'] }),
  def('SET_UPDATE', 107, 'uint', n(1), n(0), 'Add every item of the iterable TOS to the set oparg items below it.', { raises: true, opargs: { min: 1 }, minDepth: (a) => a + 1, see: ['set-ops'] }),
  // Module code and import math (issue 11 deliverables 2 and 7): a module's locals are its globals (spec/modules.md#module-code).
  def('LOAD_NAME', 92, 'name', n(0), n(1), 'Push a name: the locals (a module\'s are its globals), then globals, then builtins; NameError if missing.', { raises: true, see: ['module-code'] }),
  def('STORE_NAME', 114, 'name', n(1), n(0), 'Pop into a name of the locals (a module\'s: its globals).', { see: ['module-code'] }),
  def('DELETE_NAME', 67, 'name', n(0), n(0), 'Unbind a name of the locals; NameError if unbound.', { raises: true, see: ['module-code'] }),
  def('IMPORT_NAME', 75, 'name', n(2), n(1), 'Pop the fromlist and the level; push the named module (only math: others are refused when loading).', { raises: true, see: ['import-math'] }),
  def('IMPORT_FROM', 74, 'name', n(1), n(2), 'Push the named attribute of the module on TOS, which stays; ImportError if it has none.', { raises: true, see: ['import-math'] }),
  def('ENTER_EXECUTOR', 70, 'uint', n(0), n(0), 'Enter an installed executor (run time only).', { runtimeOnly: true, see: ['verify-enter-executor'] }),
] as const satisfies readonly InstructionDef[];

export type Opcode = (typeof INSTRUCTIONS)[number]['name'];

export const BY_NAME: ReadonlyMap<string, InstructionDef> = new Map(INSTRUCTIONS.map((d) => [d.name, d]));
export const BY_OPCODE: ReadonlyMap<number, InstructionDef> = new Map(INSTRUCTIONS.map((d) => [d.opcode, d]));

export const OPCODE_NAMES: readonly Opcode[] = INSTRUCTIONS.map((d) => d.name);

/** Dense numbering for dispatch tables: OP.LOAD_FAST etc. are CPython opcode numbers. */
export const OP = Object.fromEntries(INSTRUCTIONS.map((d) => [d.name, d.opcode])) as { readonly [K in Opcode]: number };
