/**
 * The bad-input samples under conformance/test/bad-input: each file's first line says
 * `# bad-input: CODE LINE[:COL]`, the diagnostic the pipeline must give for it (loader checks
 * first, then the reference VM for program errors the fixture does not expect).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFixtureFile } from '../src/fixtures/load';
import type { Vm } from '../src/run/vm';
import { runFixture } from '../src/run/run-fixture';
import type { Diagnostic } from '../src/diagnostic';

const DIR = join(__dirname, 'bad-input');
const HEADER = /^# bad-input: ([A-Z_]+) (\d+)(?::(\d+))?$/;

function referenceVm(): Vm {
  return (require('../src/run/reference-vm') as typeof import('../src/run/reference-vm')).referenceVm;
}

function diagnose(file: string): Diagnostic | null {
  const loaded = loadFixtureFile(file);
  if (!loaded.ok) return loaded.diagnostic;
  const r = runFixture(referenceVm(), loaded.fixture);
  return r.status === 'bad-input' ? r.diagnostic : null;
}

const samples = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('bad-input samples', () => {
  test('there is one sample per class', () => {
    expect(samples).toEqual(['alias-bomb.yaml', 'bad-operand.yaml', 'invalid-bytecode.yaml', 'malformed-yaml.yaml', 'schema-violation.yaml', 'unknown-instruction.yaml', 'unknown-optimizer.yaml']);
  });

  test.each(samples)('%s', (name) => {
    const file = join(DIR, name);
    const header = HEADER.exec(readFileSync(file, 'utf8').split('\n')[0]);
    if (!header) throw new Error(`${name}: first line must be '# bad-input: CODE LINE[:COL]'`);
    const [, code, line, column] = header;
    const d = diagnose(file);
    expect(d && { code: d.code, line: d.line, ...(column ? { column: d.column } : {}) }).toEqual({
      code,
      line: Number(line),
      ...(column ? { column: Number(column) } : {}),
    });
  });
});
