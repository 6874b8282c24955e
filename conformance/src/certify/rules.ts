/**
 * The certification rules: stable ids, what each checks, and where the spec states it.
 * Reports, the spec chapter and the mutant gallery all refer to these ids.
 * @spec #certification-rules
 */
export interface RuleInfo {
  readonly id: string;
  readonly summary: string;
  /** Advisory rules never fail a certification unless asked (--strict-costs). */
  readonly advisory?: boolean;
}

export const RULES = [
  { id: 'registration.not-an-optimizer', summary: 'the module exports an object with compile(code, offset, vm)' },
  { id: 'registration.capabilities', summary: 'capabilities is a non-zero integer of the bits 1, 2, 4' },
  { id: 'registration.costs', summary: 'optimizationCost and runCost are finite numbers > 0' },
  { id: 'costs.stable', summary: 'optimizationCost and runCost do not change during the run' },
  { id: 'capabilities.stable', summary: 'capabilities are the same for every instance and do not change during the run' },
  { id: 'capabilities.install', summary: 'executors are installed or replaced only at hotspots of declared kinds' },
  { id: 'compile.result', summary: 'compile returns an executor or null' },
  { id: 'compile.throws', summary: 'compile does not throw' },
  { id: 'compile.mutates', summary: 'compile changes neither the code object nor the VM state' },
  { id: 'compile.hang', summary: 'compile returns within the time limit' },
  { id: 'execute.throws', summary: 'execute throws nothing but a Python exception raised as the interpreter would' },
  { id: 'execute.frame', summary: 'execute returns the innermost frame' },
  { id: 'execute.mutates-code', summary: 'execute does not change code objects (other than through replaceExecutor)' },
  { id: 'execute.mutates-vm', summary: "execute does not change the VM's machinery (dispatch, hooks, builtins, optimizer runtime), only its state" },
  { id: 'execute.hang', summary: 'execute returns within the time limit' },
  { id: 'advance-n', summary: 'after execute the VM state equals the interpreter state after some N >= 0 instructions' },
  { id: 'replacement.invalid', summary: 'replaceExecutor is called with a code object, offset and executor the API accepts' },
  { id: 'executor.invalidated', summary: 'an executor invalidated by a change to what it depends on is never installed or entered again' },
  { id: 'semantics', summary: 'the program outcome and printed output equal the fixture expectation' },
  { id: 'costs.calibration', summary: 'measured costs are within a factor of the declared ones', advisory: true },
] as const satisfies readonly RuleInfo[];

export type RuleId = (typeof RULES)[number]['id'];

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

/** VM fault rules (trace `fault` events) -> the certification rule they violate. */
export function ruleOfFault(vmRule: string): RuleId {
  if (vmRule === 'replace.not-a-hotspot') return 'capabilities.install';
  if (vmRule.startsWith('replace.')) return 'replacement.invalid';
  if ((RULE_IDS as readonly string[]).includes(vmRule)) return vmRule as RuleId;
  if (vmRule === 'executor.limit') return 'capabilities.install';
  return 'semantics';
}
