/**
 * Put an `expect` mapping into fixture text, keeping every other byte of the file: the new
 * mapping replaces the old `expect` entry's text, or is appended at the end. Only a top-level
 * flow mapping (rare) falls back to re-serializing the document.
 */
import { Document, isMap, isPair, isScalar, isSeq, Scalar, visit, type Node, type Pair } from 'yaml';
import type { Fixture, FixtureExpect } from '../fixtures/types';

/** One line per key: strings double-quoted with JSON escapes, never folded. */
const STRINGIFY = {
  lineWidth: 0,
  minContentWidth: 0,
  defaultStringType: 'QUOTE_DOUBLE',
  defaultKeyType: 'PLAIN',
  doubleQuotedAsJSON: true,
  flowCollectionPadding: false,
} as const;

/** Keys whose values are names, codes or rule ids, written plain (`raises: KeyError`). */
const PLAIN_KEYS = new Set(['raises', 'invalid', 'malformed', 'fault']);

/**
 * `expect:` and its mapping as YAML block text, ending with a newline. Trace events are written
 * one per line as flow mappings, their strings plain where YAML reads them back as strings.
 */
export function expectYaml(expect: FixtureExpect): string {
  const doc = new Document({ expect });
  const map = doc.get('expect', true);
  if (isMap(map)) {
    for (const pair of map.items) {
      if (isScalar(pair.key) && PLAIN_KEYS.has(String(pair.key.value)) && isScalar(pair.value)) pair.value.type = Scalar.PLAIN;
      if (isScalar(pair.key) && pair.key.value === 'trace' && isSeq(pair.value)) flowEvents(pair.value.items);
    }
  }
  return doc.toString(STRINGIFY);
}

function flowEvents(events: unknown[]): void {
  for (const event of events) {
    if (!isMap(event)) continue;
    event.flow = true;
    visit(event, {
      Pair: (_k, pair) => {
        // The stringifier still quotes a plain string that would read back as something else.
        if (isPair(pair) && isScalar(pair.value) && typeof pair.value.value === 'string') pair.value.type = Scalar.PLAIN;
      },
    });
  }
}

export function withExpect(fixture: Fixture, expect: FixtureExpect): string {
  const root = fixture.doc.contents as Node | null;
  if (!isMap(root) || root.flow) {
    const doc = fixture.doc.clone();
    doc.set('expect', new Document(expect).contents);
    return doc.toString(STRINGIFY);
  }
  const block = expectYaml(expect);
  const text = fixture.text;
  const pair = root.items.find((p): p is Pair<Node, Node> => isPair(p) && isScalar(p.key) && p.key.value === 'expect');
  if (!pair) return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${block}`;
  const start = pair.key.range?.[0];
  const end = pair.value?.range?.[1] ?? pair.key.range?.[1];
  if (start === undefined || end === undefined) throw new Error('internal: expect entry without a source range');
  // A block value's range ends after its last line; a flow value's ends mid-line.
  const rest = text[end - 1] === '\n' ? text.slice(end) : text.slice(end).replace(/^[^\n]*\n?/, '');
  return text.slice(0, start) + block + rest;
}
