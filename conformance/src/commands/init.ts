/** `optcert init [dir]`: scaffold a project that certifies its own optimizer (templates in init/templates). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { packageVersion } from '../config';
import { EXPECTATIONS_FILE, OPTIMIZER_FILE, OPTIMIZER_TEXT, EXPECTATIONS_TEXT, packageJsonText, SCRIPTS, SHARDS, WORKFLOW_FILE, WORKFLOW_TEXT } from '../init/templates';
import { EXIT, parse, usage, type Command, type Context } from './context';

const HELP = `Usage: optcert init [dir] [options]

Scaffold a project in dir (default: the working directory; created if missing) that certifies its
own optimizer against optcert's official corpus:
  ${OPTIMIZER_FILE}              a small optimizer that certifies (import types and helpers from 'optcert')
  ${EXPECTATIONS_FILE}   known failures (none yet)
  ${WORKFLOW_FILE}   GitHub Actions: certify in ${SHARDS} shards, JUnit per shard, merged certificate
  package.json                 the "certify" script (added to an existing package.json)
Nothing is overwritten: if one of these files exists (or package.json has another "certify"
script), init writes nothing and exits 2.

Options:
  -h, --help            show this help

Exit: 0 written, 2 a file exists, bad usage or an unreadable package.json, 3 internal error.`;

const OPTIONS = { help: { type: 'boolean', short: 'h' } } as const;

export const initCommand: Command = {
  name: 'init',
  summary: 'scaffold a project that certifies its own optimizer (with CI)',
  help: HELP,
  run(args, ctx) {
    const parsed = parse(args, OPTIONS);
    if (!parsed.ok) return usage(ctx, 'init', parsed.message);
    const { values, positionals } = parsed;
    if (values.help) {
      ctx.io.out(HELP);
      return EXIT.ok;
    }
    if (positionals.length > 1) return usage(ctx, 'init', `one directory at most, got ${positionals.length}`);
    return execute(ctx, resolve(ctx.io.cwd, positionals[0] ?? '.'));
  },
};

interface Write {
  readonly file: string;
  readonly text: string;
  readonly done: string;
}

function execute(ctx: Context, dir: string): number {
  const refuse = (file: string, why: string): number => {
    ctx.io.err(`optcert init: INIT_EXISTS: ${ctx.show(join(dir, file))} ${why}: nothing was written`);
    return EXIT.badInput;
  };
  for (const file of [OPTIMIZER_FILE, EXPECTATIONS_FILE, WORKFLOW_FILE]) {
    if (existsSync(join(dir, file))) return refuse(file, 'already exists');
  }
  const version = packageVersion(ctx.root);
  const writes: Write[] = [
    { file: OPTIMIZER_FILE, text: OPTIMIZER_TEXT, done: `created ${OPTIMIZER_FILE}` },
    { file: EXPECTATIONS_FILE, text: EXPECTATIONS_TEXT, done: `created ${EXPECTATIONS_FILE}` },
    { file: WORKFLOW_FILE, text: WORKFLOW_TEXT, done: `created ${WORKFLOW_FILE}` },
  ];
  const pkgFile = join(dir, 'package.json');
  let hasOptcert = true;
  if (!existsSync(pkgFile)) {
    writes.push({ file: 'package.json', text: packageJsonText(basename(dir).toLowerCase().replace(/[^a-z0-9._-]+/g, '-') || 'my-optimizer', version), done: 'created package.json (script: certify)' });
  } else {
    let pkg: Record<string, unknown>;
    const text = readFileSync(pkgFile, 'utf8');
    try {
      pkg = JSON.parse(text) as Record<string, unknown>;
      if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg)) throw new Error('not an object');
    } catch (e) {
      return refuse('package.json', `is not a JSON object (${(e as Error).message.split('\n')[0]})`);
    }
    const scripts = { ...((pkg.scripts ?? {}) as Record<string, unknown>) };
    const added: string[] = [];
    for (const [name, command] of Object.entries(SCRIPTS)) {
      if (scripts[name] === command) continue;
      if (scripts[name] !== undefined) return refuse('package.json', `already has a different "${name}" script`);
      scripts[name] = command;
      added.push(name);
    }
    const deps = { ...(pkg.dependencies ?? {}), ...(pkg.devDependencies ?? {}) } as Record<string, unknown>;
    hasOptcert = 'optcert' in deps;
    if (added.length > 0) {
      const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
      writes.push({ file: 'package.json', text: JSON.stringify({ ...pkg, scripts }, null, indent) + '\n', done: `added to package.json: script ${added.join(', ')}` });
    }
  }
  for (const w of writes) {
    const target = join(dir, w.file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, w.text);
    ctx.io.out(w.done);
  }
  if (!hasOptcert) ctx.io.out(`next: npm install --save-dev optcert@${version}`);
  ctx.io.out(`next: npm run certify (or npx optcert certify ${OPTIMIZER_FILE}); commit ${WORKFLOW_FILE} for CI`);
  return EXIT.ok;
}
