import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from './codes';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe('diagnostic codes', () => {
  const text = sources(__dirname)
    .filter((f) => !f.endsWith('codes.ts'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');

  test('every code in the registry is used', () => {
    expect(Object.keys(CODES).filter((c) => !new RegExp(`\\b${c}\\b`).test(text))).toEqual([]);
  });

  test('every own code used is in the registry', () => {
    // A code is written quoted ('FIXTURE_SCHEMA') or before a colon in a printed line (USAGE:).
    const used = new Set(text.match(/\b(?:(?:FIXTURE|LINT|TAGS|SPEC|PATH|NO|IMPORT)_[A-Z_]+|USAGE)(?=['`:])/g) ?? []);
    expect([...used].filter((c) => !(c in CODES))).toEqual([]);
  });
});
