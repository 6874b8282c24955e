/**
 * Command-line options: node:util parseArgs (strict), with every problem turned into one line of
 * optcert's own (an unknown option names the closest known one), and options whose value is
 * optional (`--bail` alone means `--bail 1`).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

export type Parsed<T extends OptionSpecs> =
  | {
      readonly ok: true;
      readonly values: { readonly [K in keyof T]?: T[K] extends { type: 'boolean' } ? boolean : string };
      readonly positionals: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

export interface ParseSettings {
  /** String options that may stand alone, with the value they then take (`{ bail: '1' }`). */
  readonly optionalValues?: Readonly<Record<string, string>>;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions: `grpe` is 1 from `grep`). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known name closest to `given` (a unique prefix, or within a third of its length in edits), or null. */
export function closest(given: string, known: readonly string[]): string | null {
  const prefixed = known.filter((k) => given.length >= 2 && k.startsWith(given));
  if (prefixed.length === 1) return prefixed[0]!;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const distance = editDistance(given, k);
    if (distance < bestDistance) [best, bestDistance] = [k, distance];
  }
  return best !== null && bestDistance <= Math.max(1, Math.floor(Math.max(given.length, best.length) / 3)) ? best : null;
}

/** `unknown option --grpe (did you mean --grep?)`, or without the hint when nothing is close. */
export function unknownOption(flag: string, options: OptionSpecs): string {
  let hint: string | null = null;
  if (flag.startsWith('--')) {
    const name = closest(flag.slice(2), Object.keys(options));
    if (name) hint = `--${name}`;
  } else {
    const letter = flag.slice(1).toLowerCase();
    const short = Object.values(options).find((o) => o.short?.toLowerCase() === letter)?.short;
    if (short) hint = `-${short}`;
  }
  return `unknown option ${flag}${hint ? ` (did you mean ${hint}?)` : ''}`;
}

/** The first option-looking argument parseArgs will not know, before a `--`. */
function firstUnknown(args: readonly string[], options: OptionSpecs): string | null {
  const longs = new Set(Object.keys(options));
  const shorts = new Map(Object.entries(options).flatMap(([name, o]) => (o.short ? [[o.short, name] as const] : [])));
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return null;
    if (a.startsWith('--')) {
      const name = a.slice(2).split('=')[0]!;
      if (!longs.has(name)) return `--${name}`;
      if (options[name]!.type === 'string' && !a.includes('=')) i++;
    } else if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const long = shorts.get(a[k]!);
        if (long === undefined) return `-${a[k]}`;
        if (options[long]!.type === 'string') {
          if (k === a.length - 1) i++;
          break;
        }
      }
    }
  }
  return null;
}

/** `--bail` followed by no number becomes `--bail=1`; `--bail 3` becomes `--bail=3`. */
function withOptionalValues(args: readonly string[], optional: Readonly<Record<string, string>>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.push(...args.slice(i));
      break;
    }
    const name = a.startsWith('--') ? a.slice(2) : null;
    if (name !== null && Object.hasOwn(optional, name)) {
      const next = args[i + 1];
      if (next !== undefined && /^\d+$/.test(next)) {
        out.push(`${a}=${next}`);
        i++;
      } else out.push(`${a}=${optional[name]}`);
    } else out.push(a);
  }
  return out;
}

/** The flag a parseArgs message quotes (`'-h, --help'` -> `--help`). */
function quotedFlag(message: string): string {
  const q = /'([^']+)'/.exec(message)?.[1] ?? '';
  const long = /--[\w-]+/.exec(q)?.[0];
  return long ?? q.split(' ')[0] ?? q;
}

/** node:util parseArgs, strict; its errors become one line of our own. */
export function parseOptions<T extends OptionSpecs>(args: readonly string[], options: T, settings: ParseSettings = {}): Parsed<T> {
  const unknown = firstUnknown(args, options);
  if (unknown) return { ok: false, message: unknownOption(unknown, options) };
  try {
    const r = parseArgs({ args: withOptionalValues(args, settings.optionalValues ?? {}), options, allowPositionals: true, strict: true });
    return { ok: true, values: r.values as never, positionals: r.positionals };
  } catch (e) {
    const { code, message } = e as { code?: string; message: string };
    const flag = quotedFlag(message);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { ok: false, message: unknownOption(flag, options) };
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      if (/does not take an argument/.test(message)) return { ok: false, message: `${flag} takes no value` };
      if (/ambiguous/.test(message)) return { ok: false, message: `${flag} needs a value (a value starting with '-' is written ${flag}=-…)` };
      return { ok: false, message: `${flag} needs a value` };
    }
    return { ok: false, message: `cannot read the options: ${message.split('\n')[0]}` };
  }
}
