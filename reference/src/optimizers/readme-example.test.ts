/**
 * The README's "Writing an optimizer" example, verbatim between the markers (only the import
 * differs: the README imports from the package root). The test checks that the README still
 * holds this code, that it type-checks (tsc covers this file) and that it does what it says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// The README's import, from the package root's source (reference/src/index.ts), not 'optcert'.
import {
  Capability, loadProgram, python, runEntry,
  type Code, type Executor, type Frame, type Optimizer, type Vm,
} from '../index';

const log: unknown[] = [];
const console = { log: (...args: unknown[]) => log.push(args) };

function example() {
// README-EXAMPLE-BEGIN
/** Profiles the types of a loop's locals, running the loop in the interpreter with vm.step. */
class ProfilingExecutor implements Executor {
  entries = 0;
  /** Local name -> the Python types it held at entry. */
  readonly types = new Map<string, Set<string>>();

  constructor(readonly code: Code, readonly offset: number) {}

  execute(frame: Frame, vm: Vm): Frame | null {
    // On entry frame.ip === this.offset: the JUMP_BACKWARD this executor stands for.
    frame.code.varnames.forEach((name, i) => {
      const v = frame.locals[i]; // undefined: unbound
      if (v !== undefined) this.types.set(name, (this.types.get(name) ?? new Set()).add(python.typeName(v)));
    });
    // Enough samples: remove this executor (the JUMP_BACKWARD is restored; it keeps running now).
    if (++this.entries === 100) vm.replaceExecutor(this.code, this.offset, null);
    // Then run up to 64 instructions in the interpreter, stopping early if a call or a return
    // switches frames. Coming back to the hotspot is fine: the VM then runs the JUMP_BACKWARD.
    for (let i = 0; i < 64 && vm.frame === frame; i++) vm.step(frame);
    return vm.frame; // the innermost frame: where execution continues (null: the entry call returned)
  }
}

class ProfilingOptimizer implements Optimizer {
  readonly name = 'profiler';
  readonly capabilities = Capability.BACK_EDGE; // only back edges are offered
  readonly optimizationCost = 1; // making an executor costs about one interpreted instruction
  readonly runCost = 1; // and it runs at the interpreter's speed
  readonly executors: ProfilingExecutor[] = [];

  compile(code: Code, offset: number): Executor | null {
    const executor = new ProfilingExecutor(code, offset);
    this.executors.push(executor);
    return executor; // or null to decline
  }
}

const loaded = loadProgram({
  functions: {
    // def main(n):
    //     total = 0
    //     for i in range(n):
    //         total += i
    //     return total
    main: `.params n
  RESUME 0
  LOAD_CONST 0
  STORE_FAST total
  LOAD_GLOBAL range + NULL
  LOAD_FAST n
  CALL 1
  GET_ITER
L1:
  FOR_ITER L2
  STORE_FAST i
  LOAD_FAST_LOAD_FAST total, i
  BINARY_OP +=
  STORE_FAST total
  JUMP_BACKWARD L1
L2:
  END_FOR
  POP_TOP
  LOAD_FAST total
  RETURN_VALUE
`,
  },
});
if (!loaded.ok) throw new Error(loaded.error.message);
const optimizer = new ProfilingOptimizer();
const run = runEntry(loaded.program, 'main(10000)', { optimizer, trace: true });
if (!run.ok) throw new Error(run.error.message);
console.log(run.outcome); // { kind: 'return', repr: '49995000', output: '', steps: ... }
console.log(optimizer.executors[0]!.types); // Map { 'n' => Set { 'int' }, 'total' => Set { 'int' }, 'i' => Set { 'int' } }
console.log(run.trace!.filter((e) => e.kind === 'installed' || e.kind === 'removed'));
// README-EXAMPLE-END
  return { run, optimizer };
}

describe('README: Writing an optimizer', () => {
  test('the README holds the example verbatim', () => {
    const source = readFileSync(__filename, 'utf8');
    const body = source.slice(source.indexOf('// README-EXAMPLE-BEGIN\n') + 24, source.indexOf('// README-EXAMPLE-END'));
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(body);
    const imports = source.slice(source.indexOf('import {\n  Capability'), source.indexOf("from '../index';"));
    expect(readme).toContain(`${imports}from 'optcert';\n\n${body.slice(0, 40)}`);
  });

  test('the example runs: same result as the interpreter, every executor removed after 100 entries', () => {
    const { run, optimizer } = example();
    expect(run.outcome).toMatchObject({ kind: 'return', repr: '49995000', output: '' });
    expect(log).toHaveLength(3);
    const first = optimizer.executors[0]!;
    expect(first.entries).toBe(100);
    expect([...first.types]).toEqual([
      ['n', new Set(['int'])],
      ['total', new Set(['int'])],
      ['i', new Set(['int'])],
    ]);
    const events = run.trace!.filter((e) => e.kind === 'installed' || e.kind === 'removed');
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.filter((e) => e.kind === 'removed').every((e) => (e as { reason: string }).reason === 'replaced-by-null')).toBe(true);
  });
});
