/**
 * optcert as its users get it: the repository's files staged in a temp directory with a fresh
 * build (dist/ of this checkout may be stale), packed with `npm pack`, and installed into fresh
 * temp projects with `npm ci --offline`.
 *
 * Why a lockfile and not `npm install --offline <tarball>`: installing a tarball resolves its
 * dependencies' version ranges, which needs the registry's package documents, and `npm ci` (what
 * CI runs) caches only tarballs. The project's lockfile pins optcert's runtime dependencies to
 * optcert's own package-lock.json entries (same versions, same integrity), so npm finds every
 * tarball in the cache that `npm ci` filled and needs no network.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const REPO = join(__dirname, '..', '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export interface Packed {
  readonly tarball: string;
  /** Paths in the tarball, relative to the package root. */
  readonly files: readonly string[];
  readonly version: string;
  /** Where the temp directories are (remove it when done). */
  readonly work: string;
}

export interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

function result(r: SpawnSyncReturns<string>): Run {
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Run a command; the environment has no npm_config_* from a calling npm (jest under `npm test`). */
export function sh(cmd: string, args: readonly string[], cwd: string): Run {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_config_')));
  return result(spawnSync(cmd, [...args], { cwd, encoding: 'utf8', env: { ...env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 }));
}

function mustRun(cmd: string, args: readonly string[], cwd: string): string {
  const r = sh(cmd, args, cwd);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.code}) in ${cwd}:\n${r.out}\n${r.err}`);
  return r.out;
}

/** The checkout's files (tracked and new, not ignored), staged with a fresh build, packed. */
export function packOptcert(): Packed {
  const work = mkdtempSync(join(tmpdir(), 'optcert-pack-'));
  const stage = join(work, 'stage');
  const listed = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: REPO, encoding: 'utf8' }).split('\0');
  for (const rel of listed) {
    if (rel === '' || rel.startsWith('node_modules/') || rel.startsWith('dist/')) continue;
    const to = join(stage, rel);
    mkdirSync(dirname(to), { recursive: true });
    try {
      copyFileSync(join(REPO, rel), to);
    } catch {
      // Listed but deleted in the working tree.
    }
  }
  // The build's type packages (@types/node) come from the checkout; npm pack never ships node_modules.
  symlinkSync(join(REPO, 'node_modules'), join(stage, 'node_modules'), 'dir');
  mustRun(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(stage, 'tsconfig.build.json')], stage);
  const json = mustRun(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], stage);
  const info = (JSON.parse(json) as { filename: string; version: string; files: { path: string }[] }[])[0]!;
  return { tarball: join(work, info.filename), files: info.files.map((f) => f.path).sort(), version: info.version, work };
}

/**
 * A `typescript` 7.0.0 of the user's own that throws when loaded: a stand-in for TypeScript 7
 * (not in the offline cache), proving optcert never loads the user's TypeScript.
 */
const FAKE_TYPESCRIPT_7 = 'user-typescript-7';

function writeFakeTypescript7(dir: string): void {
  const pkgDir = join(dir, FAKE_TYPESCRIPT_7);
  mkdirSync(pkgDir, { recursive: true });
  writeFileSync(join(pkgDir, 'package.json'), JSON.stringify({ name: 'typescript', version: '7.0.0', main: 'index.js' }));
  writeFileSync(join(pkgDir, 'index.js'), "throw new Error('optcert loaded the user project\\'s TypeScript 7');\n");
}

export interface ProjectOptions {
  /** package.json fields (e.g. type: module). */
  readonly extra?: Record<string, unknown>;
  /** The project depends on its own TypeScript 7 (see FAKE_TYPESCRIPT_7); optcert's 6.x nests under it. */
  readonly typescript7?: boolean;
}

/** A fresh project in `dir` depending on the tarball, installed offline. */
export function installProject(packed: Packed, dir: string, options: ProjectOptions = {}): void {
  const extra = options.extra ?? {};
  mkdirSync(dir, { recursive: true });
  const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, Record<string, unknown>> };
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Record<string, unknown>;
  const spec = `file:${packed.tarball}`;
  const packages: Record<string, unknown> = {
    '': { name: 'user-project', dependencies: { optcert: spec } },
    'node_modules/optcert': {
      version: packed.version,
      resolved: spec,
      integrity: `sha512-${createHash('sha512').update(readFileSync(packed.tarball)).digest('base64')}`,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === '' || entry.dev === true || entry.devOptional === true) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    // The registry's tarball address: npm looks it up in its cache by this key and the integrity.
    packages[key] = { ...entry, resolved: `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${String(entry.version)}.tgz` };
  }
  const dependencies: Record<string, string> = { optcert: spec };
  if (options.typescript7) {
    writeFakeTypescript7(dir);
    dependencies.typescript = `file:${FAKE_TYPESCRIPT_7}`;
    (packages[''] as { dependencies: Record<string, string> }).dependencies.typescript = dependencies.typescript;
    packages['node_modules/optcert/node_modules/typescript'] = packages['node_modules/typescript'];
    packages['node_modules/typescript'] = { resolved: FAKE_TYPESCRIPT_7, link: true };
    packages[FAKE_TYPESCRIPT_7] = { name: 'typescript', version: '7.0.0' };
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', private: true, ...extra, dependencies }, null, 2));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2));
  mustRun(NPM, ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], dir);
}

/** `npx optcert ...` in a project, without network. */
export function optcert(dir: string, args: readonly string[]): Run {
  return sh(NPM, ['exec', '--offline', '--no', '--', 'optcert', ...args], dir);
}

export function cleanWork(packed: Packed | undefined): void {
  if (packed) rmSync(packed.work, { recursive: true, force: true });
}
