import { loadProgram, newVm } from '../program';
import type { PyBuiltin, PyFunction } from '../runtime/values';
import { PyCode } from '../isa/code';
import { cloneVmState } from './clone';
import { sameTokens, stateTokens } from './tokens';

// `f.__code__.replace()` (or of g), kept on the stack: a code object made while the program runs.
function started(target: 'f' | 'g') {
  const r = loadProgram({
    functions: {
      main: `RESUME 0
  LOAD_GLOBAL ${target}
  LOAD_ATTR __code__
  LOAD_ATTR replace + NULL|self
  CALL 0
  LOAD_CONST None
  RETURN_VALUE
`,
      f: `RESUME 0
  RETURN_CONST None
`,
      g: `.params x
  RESUME 0
  LOAD_FAST x
  RETURN_VALUE
`,
    },
  });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  const vm = newVm(r.program, 10_000);
  vm.begin(vm.globals.get('main') as PyFunction, []);
  return vm;
}

/** Steps until CALL 0 has run: the made code object is on top of the stack. */
function toMade(vm: ReturnType<typeof started>): void {
  for (let i = 0; i < 5; i++) vm.step();
}

test("a code object code.replace() made after a state was copied compares by value in the copy's replay", () => {
  // The oracle's situation: the live VM and a copy of its entry state each run the same steps;
  // each makes its own code object, equal in content. That is the same state, not a substitute.
  const live = started('f');
  const copy = cloneVmState(live);
  toMade(live);
  toMade(copy);
  expect(sameTokens(stateTokens(copy), stateTokens(live))).toBe(true);
});

test('a made code object with other content, or the same one twice where there were two, differs', () => {
  const live = started('f');
  const copy = cloneVmState(live);
  toMade(live);
  toMade(copy);
  const top = (vm: ReturnType<typeof started>) => vm.frame!.stack.length - 1;
  const made = copy.frame!.stack[top(copy)] as PyCode;
  // g's code, made by replace() as well: equal name aside, other content.
  const g = copy.globals.get('g') as PyFunction;
  const replace = new PyCode(g.code).getAttr('replace') as PyBuiltin;
  copy.frame!.stack[top(copy)] = replace.impl([], null, copy as never) as PyCode;
  expect(sameTokens(stateTokens(copy), stateTokens(live))).toBe(false);
  // Aliasing counts: one made object in two slots is not two equal ones.
  copy.frame!.stack[top(copy)] = made;
  copy.frame!.stack.push(made);
  const replaceF = new PyCode((live.globals.get('f') as PyFunction).code).getAttr('replace') as PyBuiltin;
  live.frame!.stack.push(replaceF.impl([], null, live as never) as PyCode);
  expect(sameTokens(stateTokens(copy), stateTokens(live))).toBe(false);
});
