/** Temp directories and captured CLI output for the conformance pipeline's tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CliIo } from '../src/cli';
import type { Vm } from '../src/run/vm';
import { fakeVm } from './fake-vm';

const made: string[] = [];

/** A temp directory holding `files` (relative path -> text). */
export function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'optcert-test-'));
  made.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

export function cleanTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A spec dir and tag registry for a temp corpus (its own optcert "root"). */
export const ROOT_FILES: Record<string, string> = {
  'package.json': '{"name": "optcert", "version": "9.9.9"}',
  'spec/a.md': '<a id="op-RETURN_CONST"></a>\n<a id="op-LOAD_CONST"></a>\n<a id="op-NOP"></a>\n<a id="ret"></a>\n<a id="background" data-informative></a>\n',
  'fixtures/tags.yaml': 'basic: basic things\nmalformed: assembler rejects\nverifier: verifier rejects\n',
};

export interface Captured {
  readonly io: CliIo;
  readonly out: string[];
  readonly err: string[];
}

export function capture(cwd: string, vm: Vm = fakeVm, root: string = cwd): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l) => out.push(l), err: (l) => err.push(l), cwd, vm, root }, out, err };
}

/** A fixture file text from parts; `expect` omitted when undefined. */
export function fixtureText(o: { id: string; main: string; expect?: string; spec?: string; tags?: string; extra?: string }): string {
  const main = o.main
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
  return [
    `id: ${o.id}`,
    `description: test fixture ${o.id}`,
    `spec: ${o.spec ?? '[ret]'}`,
    ...(o.tags ? [`tags: ${o.tags}`] : []),
    'program:',
    '  functions:',
    '    main: |',
    main,
    'entry: main()',
    ...(o.extra ? [o.extra] : []),
    ...(o.expect ? ['expect:', ...o.expect.split('\n').map((l) => `  ${l}`)] : []),
    '',
  ].join('\n');
}
