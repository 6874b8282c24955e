/**
 * Hardened JavaScript for the certification worker: before any candidate code runs, `lockdown()`
 * freezes every intrinsic of the realm (Object.prototype, Array.prototype, Function, …) and
 * `harden()` freezes the public API and everything reachable from it (the VM's classes and their
 * prototypes, the handler table, the semantic helpers). What the candidate can then change is
 * only what the VM hands it at run time — its state, which the oracle checks.
 * @spec #certify-sandbox
 */
import 'ses';

let api: Readonly<Record<string, unknown>> | null = null;

/** The public entry, hardened, as a frozen plain namespace (its getters read once). */
function publicNamespace(): Readonly<Record<string, unknown>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const entry = require('../../../../index') as Record<string, unknown>;
  const ns: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(entry)) ns[key] = entry[key];
  ns.default = ns;
  return ns;
}

/** Lock the realm down (once per worker) and return the hardened public API. */
export function hardenRealm(): Readonly<Record<string, unknown>> {
  if (api) return api;
  const ns = publicNamespace();
  lockdown({
    // The certifier's own errors keep their stacks and messages; candidates see the same.
    errorTaming: 'unsafe',
    stackFiltering: 'verbose',
    consoleTaming: 'unsafe',
    // Libraries of the certifier (yaml, ajv) assign properties that shadow frozen prototype ones.
    overrideTaming: 'severe',
    // Node's `domain` module is never loaded in a worker: nothing for SES to guard against there.
    domainTaming: 'unsafe',
    // The start compartment keeps the native `Function` and `eval`: only optcert's own code runs
    // there (bundled samples such as the jit, which compiles with `new Function`). SES's safe
    // Function parses each source three times and runs it under a scope proxy, about three
    // quarters of the jit's compile time in certification. Compartments, where candidate modules
    // run, still get SES's safe evaluators, and `Function.prototype.constructor` stays tamed
    // (conformance/test/hostile/feral-function.js).
    evalTaming: 'unsafe-eval',
  });
  api = harden(ns);
  return api;
}
