/**
 * Finding a CPython 3.13 to compile and run programs with (optcert import-python, corpus:check).
 * Order: --python, then $OPTCERT_PYTHON (either one, when given, is the only candidate), then
 * python3.13 and python3 on PATH, then pyenv's installed versions ($PYENV_ROOT or ~/.pyenv).
 * Every candidate is run once to ask its version; only 3.13.x is accepted.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, realpathSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

export type PythonSearch =
  | { readonly ok: true; readonly path: string; readonly version: string; readonly how: string }
  | { readonly ok: false; readonly message: string };

/** How to point optcert to an interpreter, for messages. */
export const HOW_TO_POINT =
  'point to one with --python PATH or OPTCERT_PYTHON=PATH (with pyenv: OPTCERT_PYTHON="$(pyenv root)/versions/3.13.0/bin/python3.13")';

const VERSION_SCRIPT = 'import sys; print("%d.%d.%d" % sys.version_info[:3])';

/** Run a candidate and read its version: the version, or why it could not be used. */
export function probe(path: string, env: Env): { version: string } | { problem: string } {
  const r = spawnSync(path, ['-c', VERSION_SCRIPT], { env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 30_000 });
  if (r.error) return { problem: (r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : r.error.message };
  if (r.status !== 0) {
    const why = (r.stderr ?? '').trim().split('\n')[0] ?? '';
    return { problem: `exits with status ${r.status ?? r.signal}${why ? ` (${why})` : ''}` };
  }
  const version = (r.stdout ?? '').trim();
  if (!/^\d+\.\d+\.\d+$/.test(version)) return { problem: `does not print a Python version (printed '${version.slice(0, 40)}')` };
  return { version };
}

const is313 = (v: string): boolean => v.startsWith('3.13.');

function executable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Every `name` on PATH, in PATH order. */
function onPath(name: string, env: Env): string[] {
  return (env.PATH ?? '')
    .split(delimiter)
    .filter((d) => d !== '')
    .map((d) => join(d, name))
    .filter(executable);
}

/** pyenv's CPython 3.13 installs, newest first. */
function pyenvInstalls(env: Env): string[] {
  const root = env.PYENV_ROOT ?? (env.HOME ? join(env.HOME, '.pyenv') : undefined);
  if (!root) return [];
  let names: string[];
  try {
    names = readdirSync(join(root, 'versions'));
  } catch {
    return [];
  }
  const patch = (n: string): number => Number(n.split('.')[2]);
  return names
    .filter((n) => /^3\.13\.\d+$/.test(n))
    .sort((a, b) => patch(b) - patch(a))
    .map((n) => join(root, 'versions', n, 'bin', 'python3.13'))
    .filter(executable);
}

/** Find a CPython 3.13. `explicit` is --python; relative paths are taken from cwd. */
export function findPython(explicit: string | undefined, env: Env, cwd: string): PythonSearch {
  const given = explicit !== undefined ? { path: explicit, how: '--python' } : env.OPTCERT_PYTHON ? { path: env.OPTCERT_PYTHON, how: 'OPTCERT_PYTHON' } : null;
  if (given) {
    const path = given.path.includes('/') && !isAbsolute(given.path) ? resolve(cwd, given.path) : given.path;
    const p = probe(path, env);
    if ('problem' in p) return { ok: false, message: `${given.how} ${given.path}: ${p.problem}; ${HOW_TO_POINT}` };
    if (!is313(p.version)) return { ok: false, message: `${given.how} ${given.path} is CPython ${p.version}, not 3.13; ${HOW_TO_POINT}` };
    return { ok: true, path, version: p.version, how: given.how };
  }
  const tried: string[] = [];
  const candidates: { path: string; how: string }[] = [
    ...onPath('python3.13', env).map((path) => ({ path, how: 'PATH' })),
    ...onPath('python3', env).map((path) => ({ path, how: 'PATH' })),
    ...pyenvInstalls(env).map((path) => ({ path, how: 'pyenv' })),
  ];
  const seen = new Set<string>();
  for (const c of candidates) {
    // /bin and /usr/bin are often one directory: run each interpreter once.
    const real = realpathSync(c.path);
    if (seen.has(real)) continue;
    seen.add(real);
    const p = probe(c.path, env);
    if ('version' in p && is313(p.version)) return { ok: true, path: c.path, version: p.version, how: c.how };
    tried.push(`${c.path} (${'version' in p ? p.version : p.problem})`);
  }
  const what = tried.length > 0 ? `tried ${tried.join(', ')}` : 'no python3.13 or python3 on PATH, no pyenv 3.13 install';
  return { ok: false, message: `no CPython 3.13 found (${what}); ${HOW_TO_POINT}` };
}
