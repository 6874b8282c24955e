/**
 * The universe of semantic edges inside executors: for each instruction whose outcome depends on
 * the classes of its operands, each combination of operand classes and each outcome (ok, or the
 * Python exception type raised) the reference VM produces on the classes' representative values.
 * Derived by running the instruction, not listed; the justified exceptions are data
 * (exclusions.json).
 * @spec #executor-edges-universe
 */
import { loadProgram, newVm } from '../../../reference/src/program';
import type { Vm } from '../../../reference/src/interp/vm';
import { BINARY_OPS, COMPARE_OPS, CONVERSIONS, INTRINSIC1, OP } from '../../../reference/src/isa/table';
import { typeName } from '../../../reference/src/runtime/types';
import {
  PyDict, PyException, PyFloat, PyFunction, PyGenerator, PyList, PyRange, PyTuple, type PyValue, type Slot,
} from '../../../reference/src/runtime/values';
import exclusionsData from './exclusions.json';
import representativesData from './representatives.json';

/** The operand classes: what the runtime distinguishes, or JavaScript gets wrong. @spec #executor-edges-universe */
export const TYPE_CLASSES = [
  'none', 'bool', 'int', 'int31', 'int53', 'float', 'float-negzero', 'float-inf', 'float-nan',
  'str', 'str-astral', 'list', 'tuple', 'dict', 'range', 'function', 'generator',
] as const;
export type TypeClass = (typeof TYPE_CLASSES)[number];

const INT31 = 2 ** 31;
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The class of a value; values outside TYPE_CLASSES (iterators, builtins, exceptions) are named
 * by their Python type.
 */
export function classify(v: Slot): string {
  if (v === undefined) return 'NULL';
  if (v === null) return 'none';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return Math.abs(v) < INT31 ? 'int' : 'int31';
    case 'bigint':
      return 'int53';
    case 'string':
      return SURROGATE.test(v) ? 'str-astral' : 'str';
  }
  if (v instanceof PyFloat) {
    const x = v.value;
    if (Number.isNaN(x)) return 'float-nan';
    if (!Number.isFinite(x)) return 'float-inf';
    return Object.is(x, -0) ? 'float-negzero' : 'float';
  }
  if (v instanceof PyList) return 'list';
  if (v instanceof PyTuple) return 'tuple';
  if (v instanceof PyDict) return 'dict';
  if (v instanceof PyRange) return 'range';
  if (v instanceof PyFunction) return 'function';
  if (v instanceof PyGenerator) return 'generator';
  return typeName(v as PyValue);
}

/** A measured instruction: how its oparg names the variant, and how to run it on operands. */
export interface MeasuredInstruction {
  readonly name: string;
  readonly opcode: number;
  /** Operands, as depths below the top of the stack before the instruction (1 = TOS), in source order. */
  readonly depths: readonly number[];
  /** The variant an oparg selects; undefined: a variant outside the measure. */
  readonly variantOf: (arg: number) => string | undefined;
  /** Every variant, in oparg order. */
  readonly variants: readonly string[];
  /** Assembly of a function over parameters a (b) that runs the instruction on them once. */
  readonly probe: (variant: string) => string;
  /**
   * Classes an operand can have there, when not TYPE_CLASSES; 'iterables': TYPE_CLASSES and the
   * iterators and views of the representatives (what GET_ITER meets).
   */
  readonly classes?: readonly string[] | 'iterables';
}

const binaryProbe = (line: string) => `.params a b\nRESUME 0\nLOAD_FAST_LOAD_FAST a, b\n${line}\nRETURN_VALUE\n`;
const unaryProbe = (line: string) => `.params a\nRESUME 0\nLOAD_FAST a\n${line}\nRETURN_VALUE\n`;
const only = (variant: string) => () => variant;

export const MEASURED: readonly MeasuredInstruction[] = [
  { name: 'BINARY_OP', opcode: OP.BINARY_OP, depths: [2, 1], variants: BINARY_OPS, variantOf: (a) => BINARY_OPS[a], probe: (v) => binaryProbe(`BINARY_OP ${v}`) },
  { name: 'COMPARE_OP', opcode: OP.COMPARE_OP, depths: [2, 1], variants: COMPARE_OPS, variantOf: (a) => COMPARE_OPS[a >> 5], probe: (v) => binaryProbe(`COMPARE_OP ${v}`) },
  { name: 'CONTAINS_OP', opcode: OP.CONTAINS_OP, depths: [2, 1], variants: ['in'], variantOf: only('in'), probe: () => binaryProbe('CONTAINS_OP in') },
  { name: 'BINARY_SUBSCR', opcode: OP.BINARY_SUBSCR, depths: [2, 1], variants: [''], variantOf: only(''), probe: () => binaryProbe('BINARY_SUBSCR') },
  {
    name: 'STORE_SUBSCR', opcode: OP.STORE_SUBSCR, depths: [2, 1], variants: [''], variantOf: only(''),
    probe: () => '.params a b\nRESUME 0\nLOAD_CONST 1\nLOAD_FAST_LOAD_FAST a, b\nSTORE_SUBSCR\nRETURN_CONST None\n',
  },
  { name: 'DELETE_SUBSCR', opcode: OP.DELETE_SUBSCR, depths: [2, 1], variants: [''], variantOf: only(''), probe: () => '.params a b\nRESUME 0\nLOAD_FAST_LOAD_FAST a, b\nDELETE_SUBSCR\nRETURN_CONST None\n' },
  { name: 'UNARY_NEGATIVE', opcode: OP.UNARY_NEGATIVE, depths: [1], variants: [''], variantOf: only(''), probe: () => unaryProbe('UNARY_NEGATIVE') },
  { name: 'UNARY_INVERT', opcode: OP.UNARY_INVERT, depths: [1], variants: [''], variantOf: only(''), probe: () => unaryProbe('UNARY_INVERT') },
  { name: 'UNARY_NOT', opcode: OP.UNARY_NOT, depths: [1], variants: [''], variantOf: only(''), probe: () => unaryProbe('UNARY_NOT'), classes: ['bool'] },
  { name: 'TO_BOOL', opcode: OP.TO_BOOL, depths: [1], variants: [''], variantOf: only(''), probe: () => unaryProbe('TO_BOOL') },
  {
    name: 'CALL_INTRINSIC_1', opcode: OP.CALL_INTRINSIC_1, depths: [1], variants: ['INTRINSIC_UNARY_POSITIVE'],
    variantOf: (a) => (INTRINSIC1[a as keyof typeof INTRINSIC1] === 'INTRINSIC_UNARY_POSITIVE' ? 'INTRINSIC_UNARY_POSITIVE' : undefined),
    probe: (v) => unaryProbe(`CALL_INTRINSIC_1 ${v}`),
  },
  { name: 'GET_ITER', opcode: OP.GET_ITER, depths: [1], variants: [''], variantOf: only(''), probe: () => unaryProbe('GET_ITER'), classes: 'iterables' },
  { name: 'UNPACK_SEQUENCE', opcode: OP.UNPACK_SEQUENCE, depths: [1], variants: ['2'], variantOf: (a) => (a === 2 ? '2' : undefined), probe: () => '.params a\nRESUME 0\nLOAD_FAST a\nUNPACK_SEQUENCE 2\nBUILD_TUPLE 2\nRETURN_VALUE\n' },
  { name: 'FORMAT_SIMPLE', opcode: OP.FORMAT_SIMPLE, depths: [1], variants: [''], variantOf: only(''), probe: () => unaryProbe('FORMAT_SIMPLE') },
  {
    name: 'CONVERT_VALUE', opcode: OP.CONVERT_VALUE, depths: [1], variants: Object.values(CONVERSIONS),
    variantOf: (a) => CONVERSIONS[a as keyof typeof CONVERSIONS], probe: (v) => unaryProbe(`CONVERT_VALUE ${v}`),
  },
];

/**
 * FOR_ITER is measured by the iterator it advances: its classes are those GET_ITER makes from the
 * representatives (derived below), and it has no probe of its own.
 */
export const FOR_ITER_NAME = 'FOR_ITER';

export const MEASURED_BY_OPCODE: ReadonlyMap<number, MeasuredInstruction> = new Map([
  ...MEASURED.map((m) => [m.opcode, m] as const),
  [OP.FOR_ITER, { name: FOR_ITER_NAME, opcode: OP.FOR_ITER, depths: [1], variants: [''], variantOf: only(''), probe: () => '' }],
]);

export type Outcome = 'ok' | string;

/** One semantic edge. */
export interface Edge {
  readonly instruction: string;
  readonly variant: string;
  readonly classes: readonly string[];
  readonly outcome: Outcome;
}

export const edgeKey = (e: Edge): string => `${e.instruction} ${e.variant}|${e.classes.join(',')}|${e.outcome}`;
export const comboKey = (instruction: string, variant: string, classes: readonly string[]): string => `${instruction} ${variant}|${classes.join(',')}`;

export interface EdgeExclusion {
  readonly instruction: string;
  readonly variants?: readonly string[];
  /** Per operand position, the classes it applies to, or '*'. */
  readonly operands: readonly (readonly string[] | '*')[];
  /** Only this outcome of the combination is excused. */
  readonly outcome?: string;
  readonly reason: string;
}

export interface InstructionExclusion {
  readonly instruction: string;
  readonly variants?: readonly string[];
  readonly reason: string;
}

export interface Exclusions {
  readonly instructions: readonly InstructionExclusion[];
  readonly edges: readonly EdgeExclusion[];
}

export const EXCLUSIONS: Exclusions = exclusionsData as unknown as Exclusions;

function comboMatches(e: EdgeExclusion, instruction: string, variant: string, classes: readonly string[]): boolean {
  if (e.instruction !== instruction || (e.variants && !e.variants.includes(variant))) return false;
  return classes.every((c, i) => {
    const allowed = e.operands[i];
    return allowed === '*' || (allowed !== undefined && allowed.includes(c));
  });
}

/** The exclusion that excuses a whole combination (none of its outcomes are required). */
export function comboExclusion(x: Exclusions, instruction: string, variant: string, classes: readonly string[]): EdgeExclusion | undefined {
  return x.edges.find((e) => e.outcome === undefined && comboMatches(e, instruction, variant, classes));
}

/** The exclusion that excuses this one edge. */
export function edgeExclusion(x: Exclusions, edge: Edge): EdgeExclusion | undefined {
  return x.edges.find((e) => (e.outcome === undefined || e.outcome === edge.outcome) && comboMatches(e, edge.instruction, edge.variant, edge.classes));
}

export function variantExclusion(x: Exclusions, instruction: string, variant: string): InstructionExclusion | undefined {
  return x.instructions.find((e) => e.instruction === instruction && (!e.variants || e.variants.includes(variant)));
}

export interface Representatives {
  readonly values: readonly { readonly class: string; readonly source: string }[];
  /** Iterators and views: operands of GET_ITER only (made by the program's iterables()). */
  readonly iterables: readonly { readonly class: string; readonly source: string }[];
  readonly program: { readonly functions: Readonly<Record<string, string>> };
}

export const REPRESENTATIVES: Representatives = representativesData as Representatives;

export interface JustifiedEdge {
  readonly edge: Omit<Edge, 'outcome'> & { readonly outcome?: string };
  readonly reason: string;
}

export interface Universe {
  /** The edges a corpus must cover, in a stable order. */
  readonly edges: readonly Edge[];
  /** Edges or combinations the exclusions excuse. */
  readonly justified: readonly JustifiedEdge[];
  /** Variants the exclusions take out of the measure (with their reasons). */
  readonly outside: readonly { readonly instruction: string; readonly variant: string; readonly reason: string }[];
}

/** The probe program: the representatives' makers plus one function per measured variant. */
function probeFunctions(x: Exclusions, reps: Representatives): { functions: Record<string, string>; probes: { m: MeasuredInstruction; variant: string; fn: string }[] } {
  const functions: Record<string, string> = { ...reps.program.functions };
  const probes: { m: MeasuredInstruction; variant: string; fn: string }[] = [];
  MEASURED.forEach((m, i) =>
    m.variants.forEach((variant, j) => {
      if (variantExclusion(x, m.name, variant)) return;
      const fn = `probe_${i}_${j}`;
      functions[fn] = m.probe(variant);
      probes.push({ m, variant, fn });
    }),
  );
  return { functions, probes };
}

/** Run `fn` on fresh representatives at `indices`: 'ok' and the result, or the exception type. */
function runProbe(vm: Vm, fn: PyValue, indices: readonly number[]): { outcome: Outcome; result?: PyValue } {
  const made = (name: string) => (vm.callFunction(vm.globals.get(name)!, []) as PyList).items;
  const fresh = [...made('values'), ...made('iterables')];
  vm.steps = 0;
  try {
    return { outcome: 'ok', result: vm.callFunction(fn, indices.map((k) => fresh[k]!)) };
  } catch (e) {
    if (e instanceof PyException) return { outcome: e.type.name };
    throw e;
  }
}

function* product(lists: readonly (readonly number[])[]): Generator<number[]> {
  if (lists.length === 0) {
    yield [];
    return;
  }
  for (const head of lists[0]!) for (const rest of product(lists.slice(1))) yield [head, ...rest];
}

/**
 * Derive the universe: every measured variant on every combination of classes, each run on every
 * combination of the classes' representatives; what it did is the combination's outcomes.
 * @spec #executor-edges-universe
 */
export function deriveUniverse(x: Exclusions = EXCLUSIONS, reps: Representatives = REPRESENTATIVES): Universe {
  const { functions, probes } = probeFunctions(x, reps);
  const loaded = loadProgram({ functions });
  if (!loaded.ok) throw new Error(`internal: the edge probes do not load: ${loaded.error.unit ?? ''}:${loaded.error.line ?? ''}: ${loaded.error.message}`);
  const vm = newVm(loaded.program, 1_000_000);
  const byClass = new Map<string, number[]>();
  [...reps.values, ...reps.iterables].forEach((v, k) => byClass.set(v.class, [...(byClass.get(v.class) ?? []), k]));
  const iterables = [...TYPE_CLASSES, ...new Set(reps.iterables.map((v) => v.class))];
  const edges: Edge[] = [];
  const justified: JustifiedEdge[] = [];
  const outside: Universe['outside'][number][] = [];
  const iteratorClasses = new Set<string>();
  const add = (edge: Edge) => {
    const why = edgeExclusion(x, edge);
    if (why) justified.push({ edge, reason: why.reason });
    else edges.push(edge);
  };
  for (const { m, variant, fn } of probes) {
    const allowed = m.classes === 'iterables' ? iterables : (m.classes ?? TYPE_CLASSES);
    for (const classes of product(m.depths.map(() => allowed.map((_, i) => i)))) {
      const names = classes.map((i) => allowed[i]!);
      const whole = comboExclusion(x, m.name, variant, names);
      if (whole) {
        justified.push({ edge: { instruction: m.name, variant, classes: names }, reason: whole.reason });
        continue;
      }
      const outcomes = new Set<Outcome>();
      for (const indices of product(names.map((c) => byClass.get(c) ?? []))) {
        const r = runProbe(vm, vm.globals.get(fn)!, indices);
        outcomes.add(r.outcome);
        if (m.name === 'GET_ITER' && r.outcome === 'ok') iteratorClasses.add(classify(r.result));
      }
      for (const outcome of [...outcomes].sort()) add({ instruction: m.name, variant, classes: names, outcome });
    }
  }
  for (const c of [...iteratorClasses].sort()) {
    const whole = comboExclusion(x, FOR_ITER_NAME, '', [c]);
    if (whole) justified.push({ edge: { instruction: FOR_ITER_NAME, variant: '', classes: [c] }, reason: whole.reason });
    else add({ instruction: FOR_ITER_NAME, variant: '', classes: [c], outcome: 'ok' });
  }
  for (const m of MEASURED) {
    for (const variant of m.variants) {
      const why = variantExclusion(x, m.name, variant);
      if (why) outside.push({ instruction: m.name, variant, reason: why.reason });
    }
  }
  return { edges, justified, outside };
}
