/**
 * Put an `expect` mapping into fixture text, keeping every other byte of the file: the new
 * mapping replaces the old `expect` entry's text, or is appended at the end. Only a top-level
 * flow mapping (rare) falls back to re-serializing the document.
 */
import { Document, isMap, isPair, isScalar, Scalar, type Node, type Pair } from 'yaml';
import type { Fixture, FixtureExpect } from '../fixtures/types';

/** One line per key: strings double-quoted with JSON escapes, never folded. */
const STRINGIFY = {
  lineWidth: 0,
  minContentWidth: 0,
  defaultStringType: 'QUOTE_DOUBLE',
  defaultKeyType: 'PLAIN',
  doubleQuotedAsJSON: true,
} as const;

/** Keys whose values are names or codes, written plain (`raises: KeyError`). */
const PLAIN_KEYS = new Set(['raises', 'invalid', 'malformed']);

/** `expect:` and its mapping as YAML block text, ending with a newline. */
export function expectYaml(expect: FixtureExpect): string {
  const doc = new Document({ expect });
  const map = doc.get('expect', true);
  if (isMap(map)) {
    for (const pair of map.items) {
      if (isScalar(pair.key) && PLAIN_KEYS.has(String(pair.key.value)) && isScalar(pair.value)) pair.value.type = Scalar.PLAIN;
    }
  }
  return doc.toString(STRINGIFY);
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
