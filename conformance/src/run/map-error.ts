/**
 * A SourceError from the VM (position within one unit's text) -> a position in the fixture file.
 * Unit texts are YAML scalars under program.functions / program.code; for a block scalar
 * content line k is at the first content line + k - 1, column = indentation + column.
 */
import { isMap, isPair, isScalar, type Node, type Scalar } from 'yaml';
import type { SourceError } from '../../../reference/src/api';
import type { Diagnostic } from '../diagnostic';
import { nodeAtPath, nodePosition, positionAt, type Position } from '../fixtures/positions';
import type { Fixture } from '../fixtures/types';

export function mapSourceError(fixture: Fixture, error: SourceError, message: string): Diagnostic {
  const at = locateSourceError(fixture, error);
  return { file: fixture.file, line: at.line, column: at.column, code: error.code, message };
}

export function locateSourceError(fixture: Fixture, error: SourceError): Position {
  const root = fixture.doc.contents as Node | null;
  const unitNode = findUnitNode(root, error);
  if (!unitNode) return nodePosition(fixture.lineCounter, root);
  if (isScalar(unitNode) && (error.line !== undefined || error.column !== undefined)) {
    return positionInScalar(fixture, unitNode, error.line ?? 1, error.column ?? 1);
  }
  return nodePosition(fixture.lineCounter, unitNode);
}

function findUnitNode(root: Node | null, error: SourceError): Node | null {
  const unit = error.unit;
  if (unit === undefined) return null;
  if (unit === 'entry') return nodeAtPath(root, ['entry']).node;
  if (unit === 'globals') {
    const byKey = error.key !== undefined ? nodeAtPath(root, ['program', 'globals', error.key]) : null;
    if (byKey && byKey.depth === 3 && byKey.node) return byKey.node;
    return globalValueNode(root, error.message) ?? nodeAtPath(root, ['program', 'globals']).node;
  }
  for (const section of ['functions', 'code']) {
    const found = nodeAtPath(root, ['program', section, unit]);
    if (found.depth === 3 && found.node) return found.node;
  }
  return null;
}

function positionInScalar(fixture: Fixture, node: Scalar, line: number, column: number): Position {
  const lc = fixture.lineCounter;
  const start = node.range?.[0];
  if (start === undefined) return { line: 1, column: 1 };
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const header = blockHeader(fixture.text, node);
    const headerLine = positionAt(lc, header.offset).line;
    return { line: headerLine + line, column: header.indent + column };
  }
  const at = positionAt(lc, start);
  if (line !== 1) return at;
  const quote = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
  return { line: at.line, column: at.column + quote + column - 1 };
}

/** Offset of the `|` header and the content indentation of a block scalar. */
function blockHeader(text: string, node: Scalar): { offset: number; indent: number } {
  const token = node.srcToken;
  if (token && token.type === 'block-scalar') {
    const head = token.props.find((p) => p.type === 'block-scalar-header');
    const offset = head?.offset ?? token.offset;
    const explicit = /\d/.exec(head && 'source' in head ? head.source : '');
    const indent = explicit ? token.indent + Number(explicit[0]) : detectIndent(token.source);
    return { offset, indent };
  }
  // Without source tokens: the header is where the node starts; indentation from the text.
  const offset = node.range?.[0] ?? 0;
  const after = text.indexOf('\n', offset);
  return { offset, indent: detectIndent(after < 0 ? '' : text.slice(after + 1)) };
}

function detectIndent(content: string): number {
  for (const line of content.split('\n')) {
    if (line.trim() !== '') return line.length - line.trimStart().length;
  }
  return 0;
}

/** The value of the first global the message names (`global NAME: ...`, or quoted). */
function globalValueNode(root: Node | null, message: string): Node | null {
  const globals = nodeAtPath(root, ['program', 'globals']).node;
  if (!isMap(globals)) return null;
  for (const p of globals.items) {
    if (!isPair(p) || !isScalar(p.key)) continue;
    const name = String(p.key.value);
    if (message.startsWith(`global ${name}:`) || message.includes(`'${name}'`) || message.includes(`"${name}"`)) return (p.value as Node | null) ?? (p.key as Node);
  }
  return null;
}
