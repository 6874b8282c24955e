/**
 * Meta-test of the spec's anchor convention: every anchor the code cites in an `@spec` comment is
 * defined in spec/*.md, every anchor is defined exactly once, and every link between spec files resolves.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SPEC = join(ROOT, 'spec');
const CODE_DIRS = [join(ROOT, 'reference', 'src'), join(ROOT, 'conformance', 'src')];

const ANCHOR = /<a\s+[^>]*?\bid="([^"]+)"[^>]*>/g;
const CITATION = /@spec #([A-Za-z0-9_-]+)/g;
const LINK = /\]\(([A-Za-z0-9_.-]*\.md)?#([A-Za-z0-9_-]+)\)/g;

function walk(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.ts$/.test(n) ? [p] : [];
  });
}

const specFiles = readdirSync(SPEC).filter((n) => n.endsWith('.md')).sort();
const definitions = new Map<string, string[]>();
for (const file of specFiles) {
  for (const m of readFileSync(join(SPEC, file), 'utf8').matchAll(ANCHOR)) {
    definitions.set(m[1]!, [...(definitions.get(m[1]!) ?? []), file]);
  }
}

describe('spec anchors', () => {
  it('every anchor is defined exactly once across spec/*.md', () => {
    const twice = [...definitions].filter(([, files]) => files.length > 1).map(([a, files]) => `${a} (${files.join(', ')})`);
    expect(twice).toEqual([]);
  });

  it('every anchor cited by an @spec comment in the code is defined', () => {
    const missing: string[] = [];
    for (const dir of CODE_DIRS) {
      for (const file of walk(dir)) {
        for (const m of readFileSync(file, 'utf8').matchAll(CITATION)) {
          if (!definitions.has(m[1]!)) missing.push(`${relative(ROOT, file)}: #${m[1]}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('every link to an anchor between spec files resolves', () => {
    const broken: string[] = [];
    for (const file of specFiles) {
      for (const m of readFileSync(join(SPEC, file), 'utf8').matchAll(LINK)) {
        const target = m[1] ?? file;
        if (!(definitions.get(m[2]!) ?? []).includes(target)) broken.push(`${file}: ${m[0]}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('an anchor tag stands on its own line', () => {
    const bad: string[] = [];
    for (const file of specFiles) {
      readFileSync(join(SPEC, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/<a\s[^>]*\bid=/.test(line) && !/^<a id="[A-Za-z0-9_-]+"( data-informative)?><\/a>$/.test(line)) {
            bad.push(`${file}:${i + 1}: ${line}`);
          }
        });
    }
    expect(bad).toEqual([]);
  });
});
