/**
 * Where a candidate optimizer comes from: `sample:<name>` (a bundled sample) or a JS / TS module
 * file. The main thread resolves the reference (it never runs the candidate's code); each worker
 * loads the module once and builds the factory it certifies with.
 * @spec #certify-module
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { Optimizer } from '../../../reference/src/optimizer/api';
import { checkOptimizer } from '../../../reference/src/optimizer/registration';
import { SAMPLE_OPTIMIZERS } from '../../../reference/src/optimizers';
import { findPackageRoot } from '../config';
import { readDeclaration } from './declaration';
import { CandidateLoadError, CandidateModules } from './sandbox/compartment-loader';
import { hardenRealm } from './sandbox/realm';
import type { Violation } from './violation';

/** What a worker needs to load the candidate (structured-cloneable). */
export type CandidateRef =
  | { readonly kind: 'sample'; readonly name: string }
  | { readonly kind: 'file'; readonly path: string };

export interface ResolvedCandidate {
  readonly ref: CandidateRef;
  /** As the user wrote it, for reports. */
  readonly spec: string;
  /** The `version` of the module's nearest package.json (the suite's for a sample). */
  readonly version: string | null;
}

export type Resolution = { readonly ok: true; readonly candidate: ResolvedCandidate } | { readonly ok: false; readonly message: string };

/** What a candidate module may be written as: JavaScript or TypeScript, CommonJS or ESM. */
export const MODULE_EXTENSIONS: readonly string[] = ['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts'];

/** Main thread: find the module file (or sample) without running any of its code. */
export function resolveCandidate(spec: string, cwd: string, root: string | null): Resolution {
  if (spec.startsWith('sample:')) {
    const name = spec.slice('sample:'.length);
    if (!Object.prototype.hasOwnProperty.call(SAMPLE_OPTIMIZERS, name)) {
      return { ok: false, message: `no bundled sample optimizer '${name}' (samples: ${Object.keys(SAMPLE_OPTIMIZERS).join(', ')})` };
    }
    return { ok: true, candidate: { ref: { kind: 'sample', name }, spec, version: root ? packageVersionAt(join(root, 'package.json')) : null } };
  }
  let path: string;
  const direct = resolve(cwd, spec);
  if (existsSync(direct)) path = direct;
  else {
    try {
      path = require.resolve(spec, { paths: [cwd] });
    } catch {
      return { ok: false, message: `cannot find module '${spec}' (a file path, relative to ${cwd}, or sample:<name>)` };
    }
  }
  if (statSync(path).isDirectory()) return { ok: false, message: `${spec} is a directory: name the module file` };
  if (!MODULE_EXTENSIONS.includes(extname(path))) {
    return { ok: false, message: `${spec}: a candidate module is a ${MODULE_EXTENSIONS.join(', ')} file` };
  }
  return { ok: true, candidate: { ref: { kind: 'file', path }, spec, version: nearestVersion(dirname(path), root) } };
}

function packageVersionAt(file: string): string | null {
  try {
    const v = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

/**
 * The version in the nearest package.json at or above `dir`, if it has one; none when that is
 * optcert's own (a module dropped into optcert's directory has no version of its own).
 */
function nearestVersion(dir: string, optcertRoot: string | null): string | null {
  for (let d = dir; ; d = dirname(d)) {
    const pkg = join(d, 'package.json');
    if (existsSync(pkg)) return optcertRoot !== null && resolve(d) === resolve(optcertRoot) ? null : packageVersionAt(pkg);
    if (dirname(d) === d) return null;
  }
}

/** How the module provides optimizers. */
export type Instances = 'fresh' | 'shared';

/** What a worker reports once the candidate is loaded (structured-cloneable). */
export interface CandidateInfo {
  readonly name: string;
  /** The export the optimizer came from: createOptimizer, default, optimizer, module.exports, or sample:<name>. */
  readonly export: string;
  readonly instances: Instances;
  /** As read from the optimizer (not necessarily valid). */
  readonly capabilities: unknown;
  readonly optimizationCost: unknown;
  readonly runCost: unknown;
  /** A registration rule the optimizer breaks (the VM refuses it), if any. */
  readonly registration: Violation | null;
  readonly warnings: readonly string[];
}

export type LoadFailure = { readonly ok: false; readonly message: string };
export type Loaded = { readonly ok: true; readonly factory: () => Optimizer; readonly info: CandidateInfo } | LoadFailure;

type Namespace = Record<string, unknown>;

/** optcert's own package root (the built or the source tree): where its public entry and internals are. */
const OPTCERT_ROOT = findPackageRoot(__dirname) ?? resolve(__dirname, '..', '..', '..');

/**
 * Worker: lock the realm down, then load the candidate. A bundled sample is optcert's own code; a
 * module file is evaluated in a compartment (sandbox/compartment-loader.ts), afresh for every
 * instance the factory makes, so each fixture gets a new module instance.
 * @spec #certify-sandbox
 */
export async function loadCandidate(ref: CandidateRef, print: (line: string) => void = () => undefined): Promise<Loaded> {
  const api = hardenRealm();
  if (ref.kind === 'sample') {
    const make = SAMPLE_OPTIMIZERS[ref.name];
    if (!make) return { ok: false, message: `no bundled sample optimizer '${ref.name}'` };
    return probe(make, `sample:${ref.name}`, 'fresh', []);
  }
  const modules = new CandidateModules({ entry: ref.path, optcertRoot: OPTCERT_ROOT, api, print });
  let ns: unknown;
  try {
    ns = modules.instantiate();
  } catch (e) {
    return { ok: false, message: loadFailure(ref.path, e, modules) };
  }
  const picked = pick(ns);
  if (!picked.ok) return picked;
  const fresh = (): Optimizer => {
    const again = pick(modules.instantiate());
    if (!again.ok) throw new Error(again.message);
    return again.factory();
  };
  return probe(fresh, picked.export, 'fresh', []);
}

/** Why a module could not be loaded, with the file, line and column where the error arose. */
function loadFailure(path: string, e: unknown, modules: CandidateModules): string {
  if (e instanceof CandidateLoadError) return `cannot load ${e.message}`;
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const stack = e instanceof Error && typeof e.stack === 'string' ? e.stack : '';
  const at = stack.split('\n').map((l) => /\(?((?:\/|[A-Za-z]:)[^()]*?):(\d+):(\d+)\)?\s*$/.exec(l)).find((m) => m && !m[1]!.includes('node_modules') && !m[1]!.startsWith(OPTCERT_ROOT + '/dist/conformance/src'));
  const source = at ? modules.sourcePosition(at[1]!, Number(at[2]), Number(at[3])) : null;
  const where = at ? `${at[1]}:${source ? `${source.line}:${source.column}` : `${at[2]}:${at[3]}`}` : `${path}:1:1`;
  const frozen = e instanceof TypeError && /read[- ]only|not extensible|frozen/i.test(e.message)
    ? " (the realm's intrinsics and the optcert API are frozen before a candidate loads: it cannot change them)"
    : '';
  return `cannot load ${relative(process.cwd(), where) || where}: ${text.split('\n')[0]}${frozen}`;
}

function oneLine(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.split('\n')[0]!;
}

function isClass(f: Function): boolean {
  try {
    return /^class\b/.test(Function.prototype.toString.call(f));
  } catch {
    return false;
  }
}

function factoryOf(f: Function): () => Optimizer {
  const ctor = isClass(f);
  return () => (ctor ? new (f as new () => Optimizer)() : (f as () => Optimizer)());
}

function hasCompile(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  try {
    return typeof (v as { compile?: unknown }).compile === 'function';
  } catch {
    return false;
  }
}

type Picked = { ok: true; factory: () => Optimizer; export: string; instances: Instances } | LoadFailure;

/**
 * The module contract: `createOptimizer()` (preferred), else a default export that is a factory
 * function or a class, else `optimizer` as a factory or class, else a default / `optimizer`
 * object with compile() (shared across fixtures). CommonJS `module.exports` is the default export.
 */
export function pick(ns: unknown): Picked {
  const layers: Namespace[] = [];
  if ((typeof ns === 'object' || typeof ns === 'function') && ns !== null) layers.push(ns as Namespace);
  const def = typeof ns === 'function' ? ns : layers[0]?.default;
  if (typeof def === 'object' && def !== null) layers.push(def as Namespace);
  const get = (key: string): unknown => {
    for (const l of layers) {
      try {
        if (l[key] !== undefined) return l[key];
      } catch {
        // a throwing getter exports nothing
      }
    }
    return undefined;
  };
  const create = get('createOptimizer');
  if (typeof create === 'function') return { ok: true, factory: factoryOf(create), export: 'createOptimizer', instances: 'fresh' };
  if (typeof def === 'function') return { ok: true, factory: factoryOf(def), export: typeof ns === 'function' ? 'module.exports' : 'default', instances: 'fresh' };
  const named = get('optimizer');
  if (typeof named === 'function') return { ok: true, factory: factoryOf(named), export: 'optimizer', instances: 'fresh' };
  for (const [value, name] of [[def, 'default'], [named, 'optimizer'], [ns, 'module.exports']] as const) {
    if (hasCompile(value)) return { ok: true, factory: () => value as Optimizer, export: name, instances: 'shared' };
  }
  const keys = layers.flatMap((l) => Object.keys(l)).filter((k, i, all) => all.indexOf(k) === i);
  return {
    ok: false,
    message: `the module exports no optimizer: expected createOptimizer(), a default export (factory, class or optimizer object) or optimizer (found: ${keys.length > 0 ? keys.join(', ') : 'nothing'})`,
  };
}

/** Make one instance to check the module really provides optimizers and to read what it declares. */
function probe(factory: () => Optimizer, exported: string, instances: Instances, warnings: string[]): Loaded {
  let first: unknown;
  let second: unknown;
  try {
    first = factory();
    second = factory();
  } catch (e) {
    return { ok: false, message: `${exported} threw: ${oneLine(e)}` };
  }
  if ((typeof first !== 'object' && typeof first !== 'function') || first === null) {
    return { ok: false, message: `${exported} returned no optimizer: ${first === null ? 'null' : typeof first}` };
  }
  // Read once, as every fixture will: the registration check sees these values, not the getters.
  const read = readDeclaration(first);
  if (!read.ok) return { ok: false, message: `${exported}: ${read.message}` };
  let compile: unknown;
  try {
    compile = (first as { compile?: unknown }).compile;
  } catch (e) {
    return { ok: false, message: `${exported}: reading compile threw: ${oneLine(e)}` };
  }
  const declared = read.declaration;
  const checked = checkOptimizer({ ...declared, compile });
  if ('rule' in checked && checked.rule === 'registration.not-an-optimizer') {
    return { ok: false, message: `${exported} returned no optimizer: ${checked.message}` };
  }
  if (first === second) warnings.push(`${exported} returned the same object twice: state it keeps carries across fixtures`);
  const name = declared.name;
  return {
    ok: true,
    factory,
    info: {
      name: typeof name === 'string' && name !== '' ? name : exported.startsWith('sample:') ? exported.slice(7) : '(unnamed)',
      export: exported,
      instances,
      capabilities: declared.capabilities,
      optimizationCost: declared.optimizationCost,
      runCost: declared.runCost,
      registration: 'rule' in checked ? { rule: checked.rule as Violation['rule'], message: checked.message } : null,
      warnings,
    },
  };
}

/** The display name of a module file. */
export const moduleLabel = (ref: CandidateRef): string => (ref.kind === 'sample' ? `sample:${ref.name}` : basename(ref.path));
