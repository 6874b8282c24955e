/**
 * The frame-state writes every exit and every generic path of the generated code ends with, out of
 * line. They are the same few statements at hundreds of places in a region's source; written once
 * here, they keep a region's source (what `new Function` parses: the compile cost) smaller, and V8 inlines them
 * where they are hot. The generated code writes its stack slots to the frame itself (the slots are
 * its JS locals, out of reach here), then calls one of these.
 * @spec #jit-codegen
 */
import type { Frame } from '../../interp/frame';
import type { Vm } from '../../interp/vm';

/**
 * The frame's stack cut back to `n` values. Setting an array's length is a runtime call of ~50 ns
 * even when the length does not change; a pop is ~3, and a yield or a return shortens by one.
 */
export function trim(stack: unknown[], n: number): void {
  let k = stack.length - n;
  if (k === 0) return;
  if (k > 0 && k <= 4) {
    do stack.pop();
    while (--k !== 0);
  } else stack.length = n;
}

/**
 * The interpreter's state before a handler runs the instruction at `ip - 1`: the stack cut to
 * `depth`, `ip` past the instruction (as the interpreter's loop sets it before dispatching), the
 * steps counted. The generated code then calls the handler itself: its call site, one per
 * instruction, stays monomorphic for V8.
 */
export function enter(vm: Vm, f: Frame, ip: number, steps: number, depth: number): void {
  trim(f.stack, depth);
  f.ip = ip;
  vm.steps = steps;
}

/** Leave before `ip` with a stack of `depth` values (its slots already written), `steps` counted. */
export function leave(vm: Vm, f: Frame, ip: number, steps: number, depth: number): Frame {
  enter(vm, f, ip, steps, depth);
  return f;
}
