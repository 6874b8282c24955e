/** Fixtures and candidate modules the CLI-level certify tests share (module texts, written to temp dirs). */

export const STRAIGHT = `id: t.straight
description: no loop at all
spec: [op-RETURN_CONST]
program:
  functions:
    main: |
      RESUME 0
      RETURN_CONST 7
entry: main()
expect:
  return: "7"
`;

/** Back edges only; each executor runs one instruction (the JUMP_BACKWARD) in the interpreter. */
export const GOOD = `exports.createOptimizer = () => ({
  name: 'stepper', capabilities: 4, optimizationCost: 1, runCost: 1,
  compile() { return { execute(frame, vm) { vm.step(frame); return vm.frame; } }; },
});
`;

/** A mutant: after the jump it pushes a stray copy of the top of the stack (advance-n in every loop). */
export const BROKEN = `exports.createOptimizer = () => ({
  name: 'stray-push', capabilities: 4, optimizationCost: 1, runCost: 1,
  compile() {
    return { execute(frame, vm) {
      vm.step(frame);
      if (vm.frame === frame && frame.stack.length > 0) frame.stack.push(frame.stack[frame.stack.length - 1]);
      return vm.frame;
    } };
  },
});
`;

/** compile never returns. */
export const HANG_COMPILE = `exports.createOptimizer = () => ({
  name: 'hangs', capabilities: 4, optimizationCost: 1, runCost: 1,
  compile() { for (;;) {} },
});
`;
