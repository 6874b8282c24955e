/**
 * The mutant gallery: deliberately broken optimizers, one module each, every one documented with
 * the certification rule it must trip. Loaded at run time from a directory (the build compiles
 * `conformance/test/mutants/` next to this module's output).
 * @spec #certification
 */
import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Optimizer } from '../../../reference/src/optimizer/api';
import { RULE_IDS, type RuleId } from '../certify/rules';

/** What a mutant module exports. */
export interface MutantModule {
  /** The rule the certifier must reject it for. */
  readonly rule: RuleId;
  /** One line: what is broken. */
  readonly summary: string;
  /** A fresh optimizer per call. */
  readonly createOptimizer: () => Optimizer;
  /**
   * Only a run with a wall-clock limit around the plug-in can reject it (a hang): in-process runs
   * skip it, with that reason.
   */
  readonly needsIsolation?: boolean;
}

export interface Mutant extends MutantModule {
  /** The file name without its extension. */
  readonly name: string;
  readonly file: string;
}

export interface Gallery {
  readonly mutants: readonly Mutant[];
  /** Files that are not valid mutant modules, with why. */
  readonly problems: readonly { readonly file: string; readonly message: string }[];
}

/** Where the gallery is: `conformance/test/mutants`, from source or from the build output. */
export function defaultGalleryDir(): string {
  return resolve(__dirname, '..', '..', 'test', 'mutants');
}

/** A module file of the gallery: `*.ts` (not `.d.ts`) under ts-jest or a TS loader, `*.js` when built. */
function isModuleFile(name: string): boolean {
  if (name.startsWith('_') || name.startsWith('.')) return false;
  if (name.endsWith('.d.ts')) return false;
  return name.endsWith('.ts') || name.endsWith('.js');
}

/** Check a loaded module against the contract; a message when it does not fit. */
export function checkMutantModule(m: unknown): string | null {
  if (typeof m !== 'object' || m === null) return 'not a module object';
  const o = m as Record<string, unknown>;
  if (typeof o.createOptimizer !== 'function') return 'does not export createOptimizer()';
  if (typeof o.rule !== 'string' || !(RULE_IDS as readonly string[]).includes(o.rule)) return `exports rule ${JSON.stringify(o.rule)}, not a rule id of rules.ts`;
  if (typeof o.summary !== 'string' || o.summary.length === 0) return 'does not export a one-line summary';
  if (o.needsIsolation !== undefined && typeof o.needsIsolation !== 'boolean') return 'needsIsolation must be a boolean';
  return null;
}

/** Load every mutant module in `dir`, sorted by name. When a name exists as both .ts and .js, the .js wins. */
export function loadGallery(dir: string = defaultGalleryDir()): Gallery {
  const mutants: Mutant[] = [];
  const problems: { file: string; message: string }[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter(isModuleFile).sort();
  } catch (e) {
    return { mutants, problems: [{ file: dir, message: `cannot read the gallery: ${(e as NodeJS.ErrnoException).code ?? String(e)}` }] };
  }
  const byName = new Map<string, string>();
  for (const n of names) {
    const stem = n.replace(/\.(ts|js)$/, '');
    if (!byName.has(stem) || n.endsWith('.js')) byName.set(stem, n);
  }
  for (const [name, fileName] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    const file = join(dir, fileName);
    let mod: unknown;
    try {
      mod = require(file);
    } catch (e) {
      const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
      problems.push({ file, message: fileName.endsWith('.ts') ? `cannot load (a .ts file needs a TypeScript loader; run the built gallery): ${why}` : `cannot load: ${why}` });
      continue;
    }
    const problem = checkMutantModule(mod);
    if (problem) {
      problems.push({ file, message: problem });
      continue;
    }
    const m = mod as MutantModule;
    mutants.push({ name: basename(name), file, rule: m.rule, summary: m.summary, createOptimizer: m.createOptimizer, needsIsolation: m.needsIsolation === true });
  }
  return { mutants, problems };
}
