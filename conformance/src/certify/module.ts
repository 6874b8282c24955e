/**
 * Where a candidate optimizer comes from: `sample:<name>` (a bundled sample) or a JS / TS module
 * file. The main thread resolves the reference (it never runs the candidate's code); each worker
 * loads the module once and builds the factory it certifies with.
 * @spec #certify-module
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Optimizer } from '../../../reference/src/optimizer/api';
import { checkOptimizer } from '../../../reference/src/optimizer/registration';
import { SAMPLE_OPTIMIZERS } from '../../../reference/src/optimizers';
import type { Violation } from './violation';

/** What a worker needs to load the candidate (structured-cloneable). */
export type CandidateRef =
  | { readonly kind: 'sample'; readonly name: string }
  | { readonly kind: 'file'; readonly path: string; readonly tsNode: string | null };

export interface ResolvedCandidate {
  readonly ref: CandidateRef;
  /** As the user wrote it, for reports. */
  readonly spec: string;
  /** The `version` of the module's nearest package.json (the suite's for a sample). */
  readonly version: string | null;
}

export type Resolution = { readonly ok: true; readonly candidate: ResolvedCandidate } | { readonly ok: false; readonly message: string };

const TS_EXTENSIONS = new Set(['.ts', '.mts', '.cts']);
const TS_NODE = 'ts-node/register/transpile-only';

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
  let tsNode: string | null = null;
  if (TS_EXTENSIONS.has(extname(path))) {
    tsNode = findTsNode([dirname(path), cwd, ...(root ? [root] : [])]);
    if (!tsNode) {
      return { ok: false, message: `${spec} is TypeScript: compile it to JavaScript first, or install ts-node (npm install --save-dev ts-node) so that optcert can load it with ${TS_NODE}` };
    }
  }
  return { ok: true, candidate: { ref: { kind: 'file', path, tsNode }, spec, version: nearestVersion(dirname(path), root) } };
}

function findTsNode(paths: readonly string[]): string | null {
  try {
    return require.resolve(TS_NODE, { paths: [...paths] });
  } catch {
    return null;
  }
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

/** Node's real dynamic import (TypeScript would compile `import()` to require() in CommonJS output). */
const nativeImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<Namespace>;

const REGISTERED = Symbol.for('ts-node.register.instance');

/** Worker: load the module (CommonJS, ESM, or TypeScript through ts-node) and pick its optimizer. */
export async function loadCandidate(ref: CandidateRef): Promise<Loaded> {
  if (ref.kind === 'sample') {
    const make = SAMPLE_OPTIMIZERS[ref.name];
    if (!make) return { ok: false, message: `no bundled sample optimizer '${ref.name}'` };
    return probe(make, `sample:${ref.name}`, 'fresh', []);
  }
  let ns: unknown;
  try {
    if (ref.tsNode && !(process as unknown as Record<symbol, unknown>)[REGISTERED]) {
      require(ref.tsNode);
      shareReferenceModules();
    }
    ns = await importModule(ref.path);
  } catch (e) {
    return { ok: false, message: `cannot load ${ref.path}: ${oneLine(e)}` };
  }
  const picked = pick(ns);
  if (!picked.ok) return picked;
  return probe(picked.factory, picked.export, picked.instances, picked.instances === 'shared'
    ? [`${picked.export} is one optimizer object, reused for every fixture: state it keeps carries across fixtures (export createOptimizer() to get a fresh optimizer per fixture)`]
    : []);
}

/**
 * A TypeScript candidate inside this repository imports reference/src/*.ts; the certifier runs
 * from dist/. Two copies of the reference would make its classes (PyException, Frame, …) differ,
 * so a Python exception from the candidate would look like a JS throw. Resolve those imports to
 * the compiled modules the certifier itself uses.
 */
function shareReferenceModules(): void {
  const distRoot = resolve(__dirname, '..', '..', '..');
  if (!distRoot.endsWith(`${sep}dist`)) return;
  const sourceRoot = join(dirname(distRoot), 'reference', 'src') + sep;
  const M = require('node:module') as { _resolveFilename: (request: string, parent: unknown, ...rest: unknown[]) => string };
  const original = M._resolveFilename;
  M._resolveFilename = function (request: string, parent: unknown, ...rest: unknown[]): string {
    const found = original.call(this, request, parent, ...rest);
    if (!found.startsWith(sourceRoot) || !found.endsWith('.ts')) return found;
    const compiled = join(distRoot, 'reference', 'src', found.slice(sourceRoot.length).replace(/\.ts$/, '.js'));
    return existsSync(compiled) ? compiled : found;
  };
}

async function importModule(path: string): Promise<unknown> {
  if (extname(path) === '.mjs') return nativeImport(pathToFileURL(path).href);
  try {
    return require(path) as unknown;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | null)?.code;
    if (code === 'ERR_REQUIRE_ESM' || code === 'ERR_REQUIRE_ASYNC_MODULE') return nativeImport(pathToFileURL(path).href);
    throw e;
  }
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
    if (instances === 'fresh') second = factory();
  } catch (e) {
    return { ok: false, message: `${exported} threw: ${oneLine(e)}` };
  }
  const checked = checkOptimizer(first);
  if ('rule' in checked && checked.rule === 'registration.not-an-optimizer') {
    return { ok: false, message: `${exported} ${instances === 'fresh' ? 'returned' : 'is'} no optimizer: ${checked.message}` };
  }
  if (instances === 'fresh' && first === second) {
    warnings.push(`${exported} returned the same object twice: state it keeps carries across fixtures`);
  }
  const o = first as Record<string, unknown>;
  const read = (k: string): unknown => {
    try {
      return o[k];
    } catch (e) {
      return `(reading ${k} threw ${oneLine(e)})`;
    }
  };
  const name = read('name');
  return {
    ok: true,
    factory,
    info: {
      name: typeof name === 'string' && name !== '' ? name : exported.startsWith('sample:') ? exported.slice(7) : '(unnamed)',
      export: exported,
      instances,
      capabilities: read('capabilities'),
      optimizationCost: read('optimizationCost'),
      runCost: read('runCost'),
      registration: 'rule' in checked ? { rule: checked.rule as Violation['rule'], message: checked.message } : null,
      warnings,
    },
  };
}

/** The display name of a module file. */
export const moduleLabel = (ref: CandidateRef): string => (ref.kind === 'sample' ? `sample:${ref.name}` : basename(ref.path));
