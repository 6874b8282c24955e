import { parseFixture } from './src/fixtures/load';
const cases: Record<string, () => string> = {
  flow: () => '['.repeat(120000),
  compact: () => '- '.repeat(60000) + 'x',
};
for (const name of process.argv.slice(2)) {
const text = cases[name]();
const t = Date.now();
const r = parseFixture('/x.yaml', text);
process.stderr.write(`${name} ${text.length} ${r.ok ? 'ok' : `${r.diagnostic.code} ${r.diagnostic.line}:${r.diagnostic.column} ${r.diagnostic.message.slice(0, 60)}`} ${Date.now() - t} ms\n`);
}
