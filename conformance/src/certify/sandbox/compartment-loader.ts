/**
 * Loads a candidate module graph into a SES Compartment: the candidate's files (and the packages
 * they import) are transpiled to CommonJS once, then evaluated afresh in a new compartment for
 * every instance asked for, so module-level state never outlives one fixture. Inside, `require`
 * knows only the candidate's own files, packages of its project, and `optcert` (the hardened
 * public API); Node's built-in modules and optcert's internals are refused. The compartment's
 * globals are the frozen intrinsics and a console whose output goes to the report's
 * `[optimizer]` lines, never to the report itself.
 * @spec #certify-sandbox
 */
import { builtinModules } from 'node:module';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { originalPosition, type LineMap } from './source-map';
import { toCommonJs } from './transpile';

/** A load problem, as the user should read it: file:line:col where known. */
export class CandidateLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CandidateLoadError';
  }
}

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'];
/** What optcert's public entry is, as a file: the built one, or the source in its own repository. */
const ENTRY_FILES = ['dist/index.js', 'index.ts', 'index.js'];

interface ModuleRecord {
  exports: unknown;
  loaded: boolean;
}

export interface LoaderOptions {
  /** The candidate's entry file (absolute). */
  readonly entry: string;
  /** optcert's package root: files under it are internals, but for the public entry and the mutant gallery. */
  readonly optcertRoot: string;
  /** The hardened public API: what `require('optcert')` returns. */
  readonly api: unknown;
  /** Where the candidate's console writes (a line at a time). */
  readonly print: (line: string) => void;
}

export class CandidateModules {
  /** File -> its CommonJS text, transpiled once, and where its lines came from. */
  private readonly sources = new Map<string, { readonly js: string; readonly map: LineMap }>();
  private readonly entryFiles: ReadonlySet<string>;
  private readonly console: unknown;

  constructor(private readonly opts: LoaderOptions) {
    this.entryFiles = new Set(ENTRY_FILES.map((f) => join(opts.optcertRoot, f)));
    const print = opts.print;
    const show = (...args: unknown[]) => print(args.map((a) => (typeof a === 'string' ? a : safeString(a))).join(' '));
    const c = { log: show, info: show, warn: show, error: show, debug: show, trace: show };
    this.console = Object.freeze(c);
  }

  /** A fresh instance of the whole graph: a new compartment, every module evaluated anew. */
  instantiate(): unknown {
    const compartment = new Compartment({ __options__: true, name: 'optcert candidate', globals: { console: this.console } });
    const records = new Map<string, ModuleRecord>();
    return this.load(compartment, records, this.opts.entry, null);
  }

  private load(compartment: Compartment, records: Map<string, ModuleRecord>, file: string, from: string | null): unknown {
    const known = records.get(file);
    if (known) return known.exports;
    const record: ModuleRecord = { exports: {}, loaded: false };
    records.set(file, record);
    if (extname(file) === '.json') {
      record.exports = JSON.parse(this.read(file, from));
      record.loaded = true;
      return record.exports;
    }
    const js = this.commonJs(file, from);
    // The module's first line is the evaluated text's second: positions map back by one line.
    const wrapper = compartment.evaluate(`(function (exports, require, module, __filename, __dirname) {\n${js}\n})\n//# sourceURL=${file}\n`) as (
      exports: unknown,
      require: (s: string) => unknown,
      module: { exports: unknown },
      filename: string,
      dirname: string,
    ) => void;
    const module = { exports: record.exports };
    const require = (specifier: string): unknown => this.require(compartment, records, specifier, file);
    wrapper(module.exports, require, module, file, dirname(file));
    record.exports = module.exports;
    record.loaded = true;
    return record.exports;
  }

  private require(compartment: Compartment, records: Map<string, ModuleRecord>, specifier: string, from: string): unknown {
    if (typeof specifier !== 'string') throw new CandidateLoadError(`${from}: require() of a non-string`);
    if (specifier === 'optcert') return this.opts.api;
    if (BUILTINS.has(specifier)) {
      throw new CandidateLoadError(
        `${from}: '${specifier}' is a Node built-in module: a candidate runs in a compartment that can reach only the optcert API and its own code (spec/certification.md#certify-sandbox)`,
      );
    }
    const file = this.resolve(specifier, from);
    if (this.entryFiles.has(file)) return this.opts.api;
    if (this.isInternal(file)) {
      throw new CandidateLoadError(`${from}: '${specifier}' is inside optcert (${relative(this.opts.optcertRoot, file)}): import 'optcert', its public entry, instead`);
    }
    return this.load(compartment, records, file, from);
  }

  /** optcert's own files, but the public entry and the mutant gallery (which is candidate code). */
  private isInternal(file: string): boolean {
    const rel = relative(this.opts.optcertRoot, file);
    if (rel.startsWith('..') || isAbsolute(rel)) return false;
    const parts = rel.split(sep);
    if (parts[0] === 'node_modules') return false;
    const gallery = parts[0] === 'dist' ? parts.slice(1) : parts;
    return !(gallery[0] === 'conformance' && gallery[1] === 'test' && gallery[2] === 'mutants');
  }

  private resolve(specifier: string, from: string): string {
    if (specifier.startsWith('./') || specifier.startsWith('../') || isAbsolute(specifier)) {
      const base = resolve(dirname(from), specifier);
      const found = fileFor(base);
      if (!found) throw new CandidateLoadError(`${from}: cannot find '${specifier}'`);
      return found;
    }
    try {
      return require.resolve(specifier, { paths: [dirname(from)] });
    } catch {
      throw new CandidateLoadError(`${from}: cannot find package '${specifier}' (is it installed in the candidate's project?)`);
    }
  }

  private read(file: string, from: string | null): string {
    try {
      return readFileSync(file, 'utf8');
    } catch (e) {
      throw new CandidateLoadError(`${from ?? file}: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  }

  private commonJs(file: string, from: string | null): string {
    let known = this.sources.get(file);
    if (known === undefined) {
      const r = toCommonJs(file, this.read(file, from));
      if (!r.ok) throw new CandidateLoadError(r.message);
      known = { js: r.js, map: r.map };
      this.sources.set(file, known);
    }
    return known.js;
  }

  /** Where a position of a loaded module's evaluated text (as a stack trace shows it) is in the file. */
  sourcePosition(file: string, line: number, column: number): { line: number; column: number } | null {
    const known = this.sources.get(file);
    return known ? originalPosition(known.map, line - 1, column) : null;
  }
}

/** The file an import names: as written, with an extension added, a .js written for a .ts, or a folder's index. */
function fileFor(base: string): string | null {
  const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
  if (isFile(base)) return base;
  for (const ext of EXTENSIONS) if (isFile(base + ext)) return base + ext;
  // TypeScript's ESM convention: `import './x.js'` names x.ts.
  const swapped = base.replace(/\.([cm]?)js$/, '.$1ts');
  if (swapped !== base && isFile(swapped)) return swapped;
  for (const ext of EXTENSIONS) if (isFile(join(base, 'index' + ext))) return join(base, 'index' + ext);
  return null;
}

function safeString(v: unknown): string {
  try {
    return typeof v === 'object' && v !== null ? JSON.stringify(v) ?? String(v) : String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}
