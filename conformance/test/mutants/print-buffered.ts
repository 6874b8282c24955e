/**
 * Mutant: `print` output buffered until the executor returns normally.
 *
 * Derived from `superblock`. A `CALL` of the builtin `print` with positional arguments is
 * inlined: the text is built with `str()` of each argument and appended to a buffer, which the
 * executor writes out when it returns — one write per executor run instead of one per call. When
 * an exception leaves the region, the executor does not return, and the buffered text stays
 * behind: it is written at the end of some later executor run, after output printed in between by
 * the interpreter. Subtle because loops that never raise print exactly the same text.
 */
import { python, type Executor, type Frame, type Optimizer, type Vm } from '../../../index';
import { inlineBuiltin, PatchedSuperblock, WrappingOptimizer, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'print buffered per executor run, flushed only on a normal return (output reordered after a raise)';

export function createOptimizer(): Optimizer {
  const pending: string[] = [];
  const flush = (vm: Vm): void => {
    if (pending.length > 0) vm.write(pending.splice(0).join(''));
  };
  const inner = new PatchedSuperblock(
    'print-buffered',
    inlineBuiltin('print', (args) => {
      pending.push(args.map((a) => python.str(a)).join(' ') + '\n');
      return null;
    }),
  );
  return new WrappingOptimizer('print-buffered', inner, (executor): Executor => ({
    execute(frame: Frame, vm: Vm): Frame | null {
      const at = executor.execute(frame, vm);
      flush(vm);
      return at;
    },
  }));
}
