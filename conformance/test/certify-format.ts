/** Well-formedness checks for the certify reporters' CI formats (no XML or TAP library needed). */
import { parse as parseYaml } from 'yaml';

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITY = /^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;

function decode(s: string, where: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '<') throw new Error(`raw '<' in ${where}`);
    if (ch !== '&') {
      out += ch;
      continue;
    }
    const m = ENTITY.exec(s.slice(i));
    if (!m) throw new Error(`bad entity in ${where}: ${s.slice(i, i + 10)}`);
    const e = m[0];
    out += e === '&amp;' ? '&' : e === '&lt;' ? '<' : e === '&gt;' ? '>' : e === '&quot;' ? '"' : e === '&apos;' ? "'" : String.fromCodePoint(Number(e.startsWith('&#x') ? `0x${e.slice(3, -1)}` : e.slice(2, -1)));
    i += e.length - 1;
  }
  return out;
}

/** A strict little XML 1.0 reader: one root, balanced tags, quoted attributes, valid entities. Throws when not well-formed. */
export function parseXml(text: string): XmlElement {
  let i = 0;
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const NAME = /^[A-Za-z_][\w.-]*/;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = lt < 0 ? text.slice(i) : text.slice(i, lt);
    if (chunk.trim() !== '') {
      if (stack.length === 0) throw new Error(`text outside the root element: ${chunk.slice(0, 20)}`);
      stack[stack.length - 1]!.text += decode(chunk, 'text');
    } else if (stack.length > 0) stack[stack.length - 1]!.text += chunk;
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('</', i)) {
      const m = NAME.exec(text.slice(i + 2));
      if (!m) throw new Error(`bad closing tag at ${i}`);
      const close = text.indexOf('>', i);
      if (text.slice(i + 2 + m[0].length, close).trim() !== '') throw new Error(`junk in closing tag at ${i}`);
      const open = stack.pop();
      if (!open || open.name !== m[0]) throw new Error(`</${m[0]}> closes <${open?.name ?? 'nothing'}>`);
      i = close + 1;
      continue;
    }
    const m = NAME.exec(text.slice(i + 1));
    if (!m) throw new Error(`bad tag at ${i}: ${text.slice(i, i + 20)}`);
    let j = i + 1 + m[0].length;
    const attrs: Record<string, string> = {};
    for (;;) {
      const ws = /^\s*/.exec(text.slice(j))![0];
      j += ws.length;
      if (text.startsWith('/>', j) || text[j] === '>') break;
      if (ws === '') throw new Error(`attributes must be separated by space at ${j}`);
      const a = /^([A-Za-z_][\w.-]*)="([^"]*)"/.exec(text.slice(j));
      if (!a) throw new Error(`bad attribute at ${j}: ${text.slice(j, j + 20)}`);
      if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]}`);
      attrs[a[1]!] = decode(a[2]!, `attribute ${a[1]}`);
      j += a[0].length;
    }
    const el: XmlElement = { name: m[0], attrs, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1]!.children.push(el);
    else if (root) throw new Error('more than one root element');
    else root = el;
    if (text.startsWith('/>', j)) i = j + 2;
    else {
      stack.push(el);
      i = j + 1;
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

export interface TapPoint {
  readonly ok: boolean;
  readonly n: number;
  readonly description: string;
  readonly directive: string | null;
  readonly diagnostic: unknown;
}

/** TAP version 13: the version line, one plan, numbered points in order, YAML blocks that parse. Throws when not well-formed. */
export function parseTap(text: string): TapPoint[] {
  const lines = text.split('\n');
  if (lines[0] !== 'TAP version 13') throw new Error('first line must be "TAP version 13"');
  let plan: number | null = null;
  const points: TapPoint[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '' || line.startsWith('#')) continue;
    const p = /^1\.\.(\d+)$/.exec(line);
    if (p) {
      if (plan !== null) throw new Error('two plans');
      plan = Number(p[1]);
      continue;
    }
    const t = /^(not )?ok (\d+)(?: - ((?:[^#\\]|\\.)*))?(?:# (SKIP|TODO)\b ?(.*))?$/.exec(line);
    if (!t) throw new Error(`line ${i + 1} is neither a test point, a plan nor a comment: ${line}`);
    let diagnostic: unknown = null;
    if (lines[i + 1] === '  ---') {
      const end = lines.indexOf('  ...', i + 2);
      if (end < 0) throw new Error(`unterminated YAML block after line ${i + 1}`);
      const body = lines.slice(i + 2, end);
      if (body.some((l) => !l.startsWith('  '))) throw new Error(`YAML block after line ${i + 1} is not indented`);
      diagnostic = parseYaml(body.map((l) => l.slice(2)).join('\n'));
      i = end;
    }
    points.push({ ok: !t[1], n: Number(t[2]), description: (t[3] ?? '').trim(), directive: t[4] ?? null, diagnostic });
  }
  if (plan === null) throw new Error('no plan');
  if (points.length !== plan) throw new Error(`plan says ${plan}, found ${points.length} test points`);
  points.forEach((p, k) => {
    if (p.n !== k + 1) throw new Error(`test point ${k + 1} is numbered ${p.n}`);
  });
  return points;
}
