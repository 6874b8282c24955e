/**
 * Structural comparison of two snapshots that respects object identity: the first object met
 * on one side is paired with the object met at the same place on the other, and must stay
 * paired everywhere else (two references to one list stay one list).
 * @spec #interpreter-state
 */
import type { FrameNode, HeapNode, StateSnapshot, ValueNode } from './snapshot';

export interface StateDifference {
  /** Where the states first differ, e.g. `frames[1].stack[2]`. */
  readonly path: string;
  readonly expected: string;
  readonly actual: string;
  /** The innermost frame on the path (`frames[1]`, or a generator's `...frame`): how reports name what differs in it. */
  readonly frame?: FrameLabel;
}

export interface FrameLabel {
  /** The frame's own path, a prefix of the difference's path. */
  readonly path: string;
  /** Its code object's name. */
  readonly code: string;
  /** Its local names, when known. */
  readonly varnames?: readonly string[];
  /** The frame whose value holds this one (a generator's frame reached from a local). */
  readonly parent?: FrameLabel;
}

class Diff {
  constructor(readonly d: StateDifference) {}
}

export function describeValue(v: ValueNode | undefined, heap: readonly HeapNode[]): string {
  if (v === undefined) return 'nothing';
  switch (v.t) {
    case 'NULL':
      return 'NULL';
    case 'None':
      return 'None';
    case 'bool':
      return `bool ${v.v ? 'True' : 'False'}`;
    case 'int':
      return `int ${v.v}`;
    case 'str':
      return `str ${JSON.stringify(v.v)}`;
    case 'ref': {
      const h = heap[v.id]!;
      return h.kind === 'float' ? `float ${h.props.value}` : `${h.kind} #${v.id}`;
    }
  }
}

export function compareStates(expected: StateSnapshot, actual: StateSnapshot): StateDifference | null {
  const pairs = new Map<number, number>();
  const reverse = new Map<number, number>();
  /** The frames being compared, outermost first: the innermost one labels a difference inside it. */
  const inFrames: FrameLabel[] = [];
  const fail = (path: string, e: string, a: string): never => {
    const frame = inFrames[inFrames.length - 1];
    throw new Diff({ path, expected: e, actual: a, ...(frame ? { frame } : {}) });
  };

  const values = (path: string, e: ValueNode | undefined, a: ValueNode | undefined): void => {
    const show = () => fail(path, describeValue(e, expected.heap), describeValue(a, actual.heap));
    if (e === undefined || a === undefined || e.t !== a.t) return show();
    if (e.t !== 'ref') {
      if ((e as { v?: unknown }).v !== (a as { v?: unknown }).v) show();
      return;
    }
    const aid = (a as { id: number }).id;
    const paired = pairs.get(e.id);
    if (paired !== undefined) {
      if (paired !== aid) fail(path, `the same object as before (#${e.id})`, `a different object (#${aid})`);
      return;
    }
    if (reverse.has(aid)) fail(path, `a new object (#${e.id})`, `an object seen before (#${aid})`);
    pairs.set(e.id, aid);
    reverse.set(aid, e.id);
    heapNodes(path, expected.heap[e.id]!, actual.heap[aid]!);
  };

  const list = (path: string, e: readonly ValueNode[], a: readonly ValueNode[]): void => {
    if (e.length !== a.length) fail(`${path}.length`, String(e.length), String(a.length));
    e.forEach((v, i) => values(`${path}[${i}]`, v, a[i]));
  };

  const frame = (path: string, e: FrameNode, a: FrameNode): void => {
    const parent = inFrames[inFrames.length - 1];
    inFrames.push({ path, code: e.code, ...(e.varnames ? { varnames: e.varnames } : {}), ...(parent ? { parent } : {}) });
    if (e.code !== a.code) fail(`${path}.code`, e.code, a.code);
    if (e.ip !== a.ip) fail(`${path}.ip`, String(e.ip), String(a.ip));
    if (e.forIterExit !== a.forIterExit) fail(`${path}.forIterExit`, String(e.forIterExit), String(a.forIterExit));
    if (e.entry !== a.entry) fail(`${path}.entry`, String(e.entry), String(a.entry));
    list(`${path}.locals`, e.locals, a.locals);
    list(`${path}.stack`, e.stack, a.stack);
    inFrames.pop();
  };

  const heapNodes = (path: string, e: HeapNode, a: HeapNode): void => {
    if (e.kind !== a.kind) fail(`${path}.kind`, e.kind, a.kind);
    for (const k of new Set([...Object.keys(e.props), ...Object.keys(a.props)])) {
      if (e.props[k] !== a.props[k]) fail(`${path}.${k}`, String(e.props[k]), String(a.props[k]));
    }
    for (const k of Object.keys(e.slots)) values(`${path}.${k}`, e.slots[k], a.slots[k]);
    if (e.items || a.items) list(`${path}.items`, e.items ?? [], a.items ?? []);
    if (e.frame !== undefined || a.frame !== undefined) {
      if (!e.frame || !a.frame) {
        if (e.frame !== a.frame) fail(`${path}.frame`, e.frame ? 'a frame' : 'no frame', a.frame ? 'a frame' : 'no frame');
      } else frame(`${path}.frame`, e.frame, a.frame);
    }
  };

  try {
    if (expected.frames.length !== actual.frames.length) {
      fail('frames.length', String(expected.frames.length), String(actual.frames.length));
    }
    expected.frames.forEach((f, i) => frame(`frames[${i}]`, f, actual.frames[i]!));
    const names = new Set([...Object.keys(expected.globals), ...Object.keys(actual.globals)]);
    for (const k of names) values(`globals.${k}`, expected.globals[k], actual.globals[k]);
    values('handled', expected.handled, actual.handled);
    if (expected.output !== actual.output) {
      let i = 0;
      while (expected.output[i] === actual.output[i]) i++;
      fail(`output[${i}]`, JSON.stringify(expected.output.slice(i, i + 20)), JSON.stringify(actual.output.slice(i, i + 20)));
    }
    return null;
  } catch (x) {
    if (x instanceof Diff) return x.d;
    throw x;
  }
}

/**
 * `frames[1] to_base: local 'digits': expected int 0, got int 3`: inside a frame, what a user
 * knows (the function, the local's name, `stack[2]`, `stack depth`); elsewhere the path as it is.
 */
export function formatDifference(d: StateDifference): string {
  return `${describePath(d)}: expected ${d.expected}, got ${d.actual}`;
}

export function describePath(d: StateDifference): string {
  const chain: FrameLabel[] = [];
  for (let f = d.frame; f; f = f.parent) chain.unshift(f);
  if (chain.length === 0 || !chain.every((f) => d.path.startsWith(`${f.path}.`))) return d.path;
  // `frames[0] main: local 'g'.frame gen: local 'x'`: each frame's part of the path in its own names.
  const parts = chain.map((f, i) => {
    const next = chain[i + 1];
    const rest = d.path.slice(f.path.length + 1, next ? next.path.length : undefined);
    return `${f.code}: ${namedInFrame(rest, f)}`;
  });
  return `${chain[0]!.path} ${parts.join(' ')}`;
}

/** A path relative to a frame, its first part named: `locals[0]` -> `local 'n'`, `stack.length` -> `stack depth`. */
function namedInFrame(rest: string, f: FrameLabel): string {
  return rest
    .replace(/^locals\[(\d+)\]/, (whole, i: string) => {
      const name = f.varnames?.[Number(i)];
      return name === undefined ? whole : `local '${name}'`;
    })
    .replace(/^stack\.length$/, 'stack depth');
}
