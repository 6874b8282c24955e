/**
 * Python literals as fixtures write them: constants, entry arguments and globals.
 * @spec #assembly-instructions
 */
import { dictSet } from '../runtime/dict';
import { presizedDict } from '../runtime/dicttable';
import { PySet, setAdd } from '../runtime/setobject';
import { rememberWrittenOrder } from '../runtime/setliteral';
import { PyDict, PyFloat, PyList, PyObject, PyTuple, type PyValue } from '../runtime/values';

/** A `<code NAME>` constant, replaced by the code object once the whole program is assembled. */
export class CodeRef extends PyObject {
  readonly kind = 'code_ref';
  constructor(readonly name: string) {
    super();
  }
}

export type Literal = PyValue | CodeRef;

export interface LiteralError {
  readonly code: 'ASM_BAD_LITERAL';
  readonly message: string;
  /** 0-based offset into the parsed text. */
  readonly offset: number;
}

export type LiteralResult = { ok: true; value: Literal; end: number } | { ok: false; error: LiteralError };

export interface LiteralOptions {
  /** Accept lists and dicts (entry arguments and globals; never constants). */
  readonly mutable?: boolean;
  /** Accept `<code NAME>`. */
  readonly codeRefs?: boolean;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function normalizeInt(b: bigint): number | bigint {
  return b <= MAX_SAFE && b >= -MAX_SAFE ? Number(b) : b;
}

class Fail {
  constructor(readonly message: string, readonly offset: number) {}
}

/** Parse one literal starting at `start`; `end` is where it stopped (after trailing spaces). */
export function parseLiteral(text: string, start = 0, opts: LiteralOptions = {}): LiteralResult {
  const p = new Parser(text, start, opts);
  try {
    const value = p.value();
    p.ws();
    return { ok: true, value, end: p.i };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: { code: 'ASM_BAD_LITERAL', message: e.message, offset: e.offset } };
    throw e;
  }
}

/** Parse text that must be exactly one literal. */
export function parseWholeLiteral(text: string, opts: LiteralOptions = {}): LiteralResult {
  const r = parseLiteral(text, 0, opts);
  if (r.ok && r.end !== text.length) {
    return { ok: false, error: { code: 'ASM_BAD_LITERAL', message: `unexpected '${text.slice(r.end)}' after literal`, offset: r.end } };
  }
  return r;
}

const NUMBER = /^[+-]?(?:(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][+-]?\d+)?|\d[\d_]*\.)/;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v' };

class Parser {
  constructor(readonly s: string, public i: number, readonly opts: LiteralOptions) {}

  ws(): void {
    while (this.i < this.s.length && (this.s[this.i] === ' ' || this.s[this.i] === '\t')) this.i++;
  }

  fail(message: string): never {
    throw new Fail(message, this.i);
  }

  value(): Literal {
    this.ws();
    const c = this.s[this.i];
    if (c === undefined) this.fail('expected a literal');
    if (c === "'" || c === '"') return this.string();
    if (c === '(') return this.sequence('(', ')', 'tuple');
    if (c === '[') {
      if (!this.opts.mutable) this.fail('lists are not allowed here');
      return this.sequence('[', ']', 'list');
    }
    if (c === '{') {
      if (!this.opts.mutable) this.fail('dicts are not allowed here');
      return this.dict();
    }
    if (c === '<') return this.codeRef();
    const word = /^[-+]?[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i));
    if (word) {
      const w = word[0];
      const special: Record<string, PyValue> = {
        None: null, True: true, False: false,
        inf: new PyFloat(Infinity), '+inf': new PyFloat(Infinity), '-inf': new PyFloat(-Infinity),
        nan: new PyFloat(NaN), '+nan': new PyFloat(NaN), '-nan': new PyFloat(NaN),
      };
      if (Object.prototype.hasOwnProperty.call(special, w)) {
        this.i += w.length;
        return special[w] as PyValue;
      }
      if (w === 'frozenset' || w === 'set') return this.namedSet(w);
      this.fail(`unknown literal '${w}'`);
    }
    return this.number();
  }

  number(): PyValue {
    const m = NUMBER.exec(this.s.slice(this.i));
    if (!m) this.fail('expected a literal');
    const t = m[0];
    if (/__|_$|_\.|\._/.test(t)) this.fail(`bad number '${t}'`);
    this.i += t.length;
    const clean = t.replace(/_/g, '');
    if (/[.eE]/.test(clean)) return new PyFloat(Number(clean));
    if (/^[+-]?0\d/.test(clean)) this.fail(`leading zeros in '${t}'`);
    return normalizeInt(BigInt(clean));
  }

  string(): string {
    const q = this.s[this.i];
    this.i++;
    let out = '';
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined || c === '\n') this.fail('unterminated string');
      this.i++;
      if (c === q) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.s[this.i];
      if (e === undefined) this.fail('unterminated string');
      this.i++;
      if (e in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[e];
      else if (e === 'x') out += this.hex(2);
      else if (e === 'u') out += this.hex(4);
      else if (e === 'U') out += this.hex(8);
      else out += '\\' + e;
    }
  }

  hex(digits: number): string {
    const h = this.s.slice(this.i, this.i + digits);
    if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(h)) this.fail('bad escape');
    this.i += digits;
    const cp = parseInt(h, 16);
    if (cp > 0x10ffff) this.fail('bad escape');
    // A JS string would merge two of them into one character (spec/values.md#str-code-points).
    if (cp >= 0xd800 && cp <= 0xdfff) this.fail(`surrogate code point \\${h.length === 4 ? 'u' : 'U'}${h} is not supported`);
    return String.fromCodePoint(cp);
  }

  sequence(open: string, close: string, kind: 'tuple' | 'list'): PyValue {
    this.i++;
    const items: PyValue[] = [];
    let sawComma = false;
    for (;;) {
      this.ws();
      if (this.s[this.i] === close) {
        this.i++;
        break;
      }
      const v = this.value();
      if (v instanceof CodeRef) this.fail('a code reference cannot be nested');
      items.push(v);
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        sawComma = true;
        continue;
      }
      if (this.s[this.i] !== close) this.fail(`expected ',' or '${close}'`);
    }
    if (kind === 'tuple') {
      if (items.length === 1 && !sawComma) this.fail("a one-item tuple needs a trailing comma: '(x,)'");
      return new PyTuple(items);
    }
    return new PyList(items);
  }

  /**
   * `frozenset()`, `frozenset({a, b})` (a constant: CPython folds `x in {1, 2}` into one), and in
   * entry arguments and globals `set()`. The items are added in the written order, as CPython's
   * compiler builds such a constant from its set display.
   * @spec #assembly-set-literals
   */
  namedSet(w: 'frozenset' | 'set'): PySet {
    if (w === 'set' && !this.opts.mutable) this.fail('sets are not allowed here');
    this.i += w.length;
    if (this.s[this.i] !== '(') this.fail(`expected '(' after ${w}`);
    this.i++;
    this.ws();
    let items: PyValue[] = [];
    if (w === 'frozenset' && this.s[this.i] === '{') {
      this.i++;
      items = this.setItems();
      this.ws();
    }
    if (this.s[this.i] !== ')') this.fail(w === 'set' ? "expected ')': a non-empty set is written {a, b}" : "expected '{' or ')'");
    this.i++;
    return this.buildSet(w === 'frozenset', items);
  }

  /** The items of `{a, b, ...}` after the brace, through the closing brace. */
  setItems(first?: PyValue): PyValue[] {
    const items: PyValue[] = first === undefined ? [] : [first];
    for (;;) {
      this.ws();
      if (items.length === 0 && this.s[this.i] === '}') break;
      if (items.length > 0) {
        if (this.s[this.i] === '}') break;
        if (this.s[this.i] !== ',') this.fail("expected ',' or '}'");
        this.i++;
        this.ws();
        if (this.s[this.i] === '}') break;
      }
      const v = this.value();
      if (v instanceof CodeRef) this.fail('a code reference cannot be nested');
      items.push(v);
    }
    this.i++;
    return items;
  }

  buildSet(frozen: boolean, items: readonly PyValue[]): PySet {
    const s = new PySet(frozen);
    for (const v of items) {
      try {
        setAdd(s, v);
      } catch {
        this.fail('set element is not hashable');
      }
    }
    if (frozen) rememberWrittenOrder(s, items);
    return s;
  }

  dict(): PyValue {
    this.i++;
    const pairs: [PyValue, PyValue][] = [];
    for (;;) {
      this.ws();
      if (this.s[this.i] === '}') {
        this.i++;
        break;
      }
      const k = this.value();
      this.ws();
      if (pairs.length === 0 && this.s[this.i] !== ':') {
        if (k instanceof CodeRef) this.fail('a code reference cannot be nested');
        return this.buildSet(false, this.setItems(k));
      }
      if (this.s[this.i] !== ':') this.fail("expected ':'");
      this.i++;
      const v = this.value();
      if (k instanceof CodeRef || v instanceof CodeRef) this.fail('a code reference cannot be nested');
      pairs.push([k, v]);
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.s[this.i] !== '}') this.fail("expected ',' or '}'");
    }
    const d = presizedDict(pairs.length, pairs.every(([k]) => typeof k === 'string')); // as CPython's BUILD_MAP
    for (const [k, v] of pairs) {
      try {
        dictSet(d, k, v);
      } catch {
        this.fail('dict key is not hashable');
      }
    }
    return d;
  }

  codeRef(): CodeRef {
    const m = /^<code ([^>\s]+(?:>[^>\s]*)*?)>(?=$|[\s,;)])/.exec(this.s.slice(this.i));
    if (!m) this.fail("expected '<code NAME>'");
    if (!this.opts.codeRefs) this.fail('a code reference is not allowed here');
    this.i += m[0].length;
    return new CodeRef(m[1] as string);
  }
}
