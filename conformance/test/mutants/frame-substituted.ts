/**
 * Mutant: returns a copy of the frame, installed as the innermost frame.
 *
 * Derived from `superblock`. After running its region, the executor hands back a fresh frame
 * object with the same code, instruction pointer, locals, value stack and links — as a JIT that
 * materialises a frame from its registers on exit, instead of writing back into the frame it was
 * given — and makes it the VM's innermost frame. Every value is equal, so the state looks right;
 * but whatever still holds the original frame (a generator owns its frame and resumes that one)
 * now holds a stale one. Frame identity is part of the VM state that
 * advance N compares (spec/state.md#state-identity), so the very first run is a violation.
 */
import { Frame, type Executor, type Optimizer, type Vm } from '../../../index';
import { PatchedSuperblock, WrappingOptimizer, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'returns an equal copy of the frame as the innermost frame (frame identity lost)';

function copyFrame(f: Frame): Frame {
  const c = new Frame(f.code, f.func);
  c.ip = f.ip;
  for (let i = 0; i < f.locals.length; i++) c.locals[i] = f.locals[i];
  c.stack.push(...f.stack);
  c.back = f.back;
  c.gen = f.gen;
  c.entry = f.entry;
  c.forIterExit = f.forIterExit;
  return c;
}

export function createOptimizer(): Optimizer {
  const inner = new PatchedSuperblock('frame-substituted', () => undefined);
  return new WrappingOptimizer('frame-substituted', inner, (executor): Executor => ({
    execute(frame: Frame, vm: Vm): Frame | null {
      const at = executor.execute(frame, vm);
      if (at === null || at !== vm.frame) return at;
      const copy = copyFrame(at);
      vm.frame = copy;
      return copy;
    },
  }));
}
