/**
 * The built-in `math` module (what `import math` binds): CPython 3.13's functions and constants
 * with its results and errors. exp, log and the trigonometric functions are correctly rounded
 * (math-libm.ts); spec/modules.md#math-libm says where CPython's glibc is not.
 * @spec #math-module
 */
import { asIndex, checkKeywords, checkPositional, hasKw, noKwargs, type Kwargs } from './args';
import { binaryOp, NB_MULTIPLY } from './binary';
import { raise, typeError } from './exceptions';
import { bitLength, intToFloat, intTrueDiv } from './intops';
import { collect, getIter, iterNext } from './iter';
import { comb, factorial, gcd, isqrt, lcm, perm, roundToInt } from './math-int';
import { fmod, frexp, fsum, isclose, ldexp, mathPow, modf, vectorNorm } from './math-float';
import { acos, asin, atan, atan2, exp as crExp, log as crLog, trig } from './math-libm';
import { acosh, asinh, atanh, cbrt, cosh, erf, erfc, exp2, expm1, log1p, sinh, tanh } from './math-hyper';
import { fma, gamma, lgamma, nextafter, remainder, ulp, type Result } from './math-cpython';
import { sumprod } from './math-sumprod';
import { PyModule } from './module';
import { unexpectedKeywordMessage } from './suggestions';
import { OverflowError, ValueError, ZeroDivisionError, typeName } from './types';
import { PyBuiltin, PyFloat, PyTuple, type NativeImpl, type PyValue } from './values';

/** PyFloat_AsDouble: bool, int (correctly rounded, OverflowError past the range) or float. */
export function asDouble(v: PyValue): number {
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return intToFloat(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return typeError(`must be real number, not ${typeName(v)}`);
}

const float = (x: number): PyFloat => new PyFloat(x);

/** METH_O functions: "math.sqrt() takes exactly one argument (2 given)". */
function one(name: string, args: readonly PyValue[], kwargs: Kwargs): PyValue {
  noKwargs(`math.${name}`, kwargs);
  if (args.length !== 1) typeError(`math.${name}() takes exactly one argument (${args.length} given)`);
  return args[0]!;
}

/** FASTCALL functions with a fixed arity: "atan2 expected 2 arguments, got 1". */
function fixed(name: string, args: readonly PyValue[], kwargs: Kwargs, min: number, max = min): void {
  noKwargs(`math.${name}`, kwargs);
  checkPositional(name, args.length, min, max);
}

/**
 * math_1: a NaN from a non-NaN argument is a domain error; an infinity from a finite one an
 * overflow (canOverflow) or a domain error (a singularity).
 */
function math1(name: string, f: (x: number) => number, canOverflow: boolean): NativeImpl {
  return (args, kwargs) => {
    const x = asDouble(one(name, args, kwargs));
    const r = f(x);
    if (Number.isNaN(r) && !Number.isNaN(x)) raise(ValueError, 'math domain error');
    if ((r === Infinity || r === -Infinity) && Number.isFinite(x)) {
      if (canOverflow) raise(OverflowError, 'math range error');
      raise(ValueError, 'math domain error');
    }
    return float(r);
  };
}

/** m_log and friends: log(0) = -inf and log(negative) = nan, which math_1 turns into domain errors. */
function logOf(f: (x: number) => number): (x: number) => number {
  return (x) => (x === 0 ? -Infinity : x < 0 ? NaN : f(x));
}

/** math_1a: errno from the computation is the error (ERANGE only for results of at least 1.5). */
function math1a(name: string, f: (x: number) => Result): NativeImpl {
  return (args, kwargs) => {
    const { value, errno } = f(asDouble(one(name, args, kwargs)));
    if (errno === 'EDOM') raise(ValueError, 'math domain error');
    if (errno === 'ERANGE' && Math.abs(value) >= 1.5) raise(OverflowError, 'math range error');
    return float(value);
  };
}

/** math_2 with its error rules: NaN from non-NaN arguments is a domain error, infinity from finite ones a range error. */
function math2Checked(name: string, f: (x: number, y: number) => number): NativeImpl {
  return (args, kwargs) => {
    fixed(name, args, kwargs, 2);
    const x = asDouble(args[0]!);
    const y = asDouble(args[1]!);
    const r = f(x, y);
    if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y)) raise(ValueError, 'math domain error');
    if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x) && Number.isFinite(y)) raise(OverflowError, 'math range error');
    return float(r);
  };
}

/** math.fma(x, y, z). @spec #math-cpython-own */
const fmaImpl: NativeImpl = (args, kwargs) => {
  fixed('fma', args, kwargs, 3);
  const [x, y, z] = args.map(asDouble) as [number, number, number];
  const r = fma(x, y, z);
  if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y) && !Number.isNaN(z)) raise(ValueError, 'invalid operation in fma');
  if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z)) raise(OverflowError, 'overflow in fma');
  return float(r);
};

/** math.nextafter(x, y, /, *, steps=None). @spec #math-cpython-own */
const nextafterImpl: NativeImpl = (args, kwargs) => {
  if (args.length !== 2) typeError(`nextafter() takes exactly 2 positional arguments (${args.length} given)`);
  checkKeywords('nextafter', kwargs, ['steps']);
  const x = asDouble(args[0]!);
  const y = asDouble(args[1]!);
  const stepsArg = kwargs?.get('steps') ?? null;
  let steps = 1n;
  if (stepsArg !== null) {
    steps = BigInt(asIndex(stepsArg));
    if (steps < 0n) raise(ValueError, 'steps must be a non-negative integer');
  }
  return float(nextafter(x, y, steps));
};

const LN = logOf(crLog);
const LOG2 = logOf(Math.log2);
const LOG10 = logOf(Math.log10);

/** loghelper: an int of any size (log(m) + log(2)·e past the double range), else math_1. */
function logHelper(v: PyValue, f: (x: number) => number): number {
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') {
    const n = typeof v === 'boolean' ? (v ? 1 : 0) : v;
    if (n <= 0) raise(ValueError, 'math domain error');
    if (typeof n === 'number') return f(n);
    const x = Number(n);
    if (Number.isFinite(x)) return f(x);
    // _PyLong_Frexp: n ≈ m · 2^e with m in [0.5, 1), correctly rounded.
    let e = bitLength(n);
    let m = intTrueDiv(n, 2n ** BigInt(e));
    if (m === 1) {
      m = 0.5;
      e += 1;
    }
    return f(m) + f(2) * e;
  }
  const x = asDouble(v);
  const r = f(x);
  if (Number.isNaN(r) && !Number.isNaN(x)) raise(ValueError, 'math domain error');
  if ((r === Infinity || r === -Infinity) && Number.isFinite(x)) raise(ValueError, 'math domain error');
  return r;
}

function logFn(name: string, f: (x: number) => number): NativeImpl {
  return (args, kwargs) => float(logHelper(one(name, args, kwargs), f));
}

/** math.log(x[, base]). @spec #math-log */
const log: NativeImpl = (args, kwargs) => {
  fixed('log', args, kwargs, 1, 2);
  const num = logHelper(args[0]!, LN);
  if (args.length === 1) return float(num);
  const den = logHelper(args[1]!, LN);
  if (den === 0) raise(ZeroDivisionError, 'float division by zero');
  return float(num / den);
};

/** math_2 for functions without error cases of their own (atan2, copysign). */
function math2(name: string, f: (x: number, y: number) => number): NativeImpl {
  return (args, kwargs) => {
    fixed(name, args, kwargs, 2);
    return float(f(asDouble(args[0]!), asDouble(args[1]!)));
  };
}

const copysign = (x: number, y: number): number => {
  const negative = y < 0 || Object.is(y, -0) || (Number.isNaN(y) && signBitOfNaN(y));
  const a = Math.abs(x);
  return negative ? -a : a;
};

/** JS cannot observe a NaN's sign bit portably; the subset's NaNs are positive (spec/values.md). */
const signBitOfNaN = (_y: number): boolean => false;

const RAD_TO_DEG = 180 / Math.PI;
const DEG_TO_RAD = Math.PI / 180;

/** math.prod(iterable, /, *, start=1): `*` from left to right, as the interpreter multiplies. @spec #math-prod */
const prod: NativeImpl = (args, kwargs, host) => {
  const nkw = hasKw(kwargs) ? kwargs.size : 0;
  if (args.length + nkw > 2) typeError(`prod() takes at most 2 arguments (${args.length + nkw} given)`);
  if (args.length !== 1) typeError(`prod() takes exactly 1 positional argument (${args.length} given)`);
  for (const k of kwargs?.keys() ?? []) if (k !== 'start') typeError(unexpectedKeywordMessage('prod()', k, ['start']));
  let result: PyValue = kwargs?.get('start') ?? 1;
  const it = getIter(args[0]!);
  for (let item = iterNext(it, host); item !== undefined; item = iterNext(it, host)) result = binaryOp(NB_MULTIPLY, result, item, host);
  return result;
};

/** math.fsum(iterable). @spec #math-fsum */
const fsumImpl: NativeImpl = (args, kwargs, host) => {
  const it = getIter(one('fsum', args, kwargs));
  function* doubles(): Generator<number> {
    for (let item = iterNext(it, host); item !== undefined; item = iterNext(it, host)) yield asDouble(item);
  }
  return float(fsum(doubles()));
};

/** math.hypot(*coordinates). @spec #math-hypot */
const hypot: NativeImpl = (args, kwargs) => {
  noKwargs('math.hypot', kwargs);
  const coords = args.map((a) => Math.abs(asDouble(a)));
  return float(norm(coords));
};

function norm(values: number[]): number {
  let max = 0;
  let foundNan = false;
  for (const x of values) {
    if (Number.isNaN(x)) foundNan = true;
    if (x > max) max = x;
  }
  return vectorNorm(values, max, foundNan);
}

/** math.dist(p, q). @spec #math-hypot */
const dist: NativeImpl = (args, kwargs, host) => {
  fixed('dist', args, kwargs, 2);
  const asTuple = (v: PyValue): readonly PyValue[] => (v instanceof PyTuple ? v.items : collect(v, host));
  const p = asTuple(args[0]!);
  const q = asTuple(args[1]!);
  if (p.length !== q.length) raise(ValueError, 'both points must have the same number of dimensions');
  return float(norm(p.map((px, i) => Math.abs(asDouble(px) - asDouble(q[i]!)))));
};

/** math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0). @spec #math-isclose */
const isCloseImpl: NativeImpl = (args, kwargs) => {
  if (args.length > 2) typeError(`isclose() takes exactly 2 positional arguments (${args.length} given)`);
  const names = ['a', 'b', 'rel_tol', 'abs_tol'];
  const got: (PyValue | undefined)[] = [args[0], args[1], undefined, undefined];
  for (const [k, v] of kwargs ?? []) {
    const at = names.indexOf(k);
    if (at < 0) typeError(unexpectedKeywordMessage('isclose()', k, names));
    if (got[at] !== undefined) typeError(`argument for isclose() given by name ('${k}') and position (${at + 1})`);
    got[at] = v;
  }
  if (got[0] === undefined) typeError("isclose() missing required argument 'a' (pos 1)");
  if (got[1] === undefined) typeError("isclose() missing required argument 'b' (pos 2)");
  const [a, b] = [asDouble(got[0]), asDouble(got[1])];
  return isclose(a, b, got[2] === undefined ? 1e-9 : asDouble(got[2]), got[3] === undefined ? 0 : asDouble(got[3]));
};

const intOf = (v: PyValue): number | bigint => asIndex(v);

function entries(): [string, PyValue][] {
  const fn = (name: string, impl: NativeImpl): [string, PyValue] => [name, new PyBuiltin(name, impl)];
  return [
    fn('sqrt', math1('sqrt', Math.sqrt, false)),
    fn('exp', math1('exp', crExp, true)),
    fn('sin', math1('sin', (x) => trig('sin', x), false)),
    fn('cos', math1('cos', (x) => trig('cos', x), false)),
    fn('tan', math1('tan', (x) => trig('tan', x), false)),
    fn('asin', math1('asin', asin, false)),
    fn('acos', math1('acos', acos, false)),
    fn('atan', math1('atan', atan, false)),
    fn('fabs', math1('fabs', Math.abs, false)),
    fn('log', log),
    fn('log2', logFn('log2', LOG2)),
    fn('log10', logFn('log10', LOG10)),
    fn('atan2', math2('atan2', atan2)),
    fn('copysign', math2('copysign', copysign)),
    fn('fmod', (args, kwargs) => {
      fixed('fmod', args, kwargs, 2);
      return float(fmod(asDouble(args[0]!), asDouble(args[1]!)));
    }),
    fn('pow', (args, kwargs) => {
      fixed('pow', args, kwargs, 2);
      return float(mathPow(asDouble(args[0]!), asDouble(args[1]!)));
    }),
    fn('degrees', (args, kwargs) => float(asDouble(one('degrees', args, kwargs)) * RAD_TO_DEG)),
    fn('radians', (args, kwargs) => float(asDouble(one('radians', args, kwargs)) * DEG_TO_RAD)),
    fn('floor', (args, kwargs) => roundToInt(one('floor', args, kwargs), 'floor')),
    fn('ceil', (args, kwargs) => roundToInt(one('ceil', args, kwargs), 'ceil')),
    fn('trunc', (args, kwargs) => roundToInt(one('trunc', args, kwargs), 'trunc')),
    fn('isfinite', (args, kwargs) => Number.isFinite(asDouble(one('isfinite', args, kwargs)))),
    fn('isinf', (args, kwargs) => {
      const x = asDouble(one('isinf', args, kwargs));
      return x === Infinity || x === -Infinity;
    }),
    fn('isnan', (args, kwargs) => Number.isNaN(asDouble(one('isnan', args, kwargs)))),
    fn('isclose', isCloseImpl),
    fn('modf', (args, kwargs) => new PyTuple(modf(asDouble(one('modf', args, kwargs))).map(float))),
    fn('frexp', (args, kwargs) => {
      const [m, e] = frexp(asDouble(one('frexp', args, kwargs)));
      return new PyTuple([float(m), e]);
    }),
    fn('ldexp', (args, kwargs) => {
      fixed('ldexp', args, kwargs, 2);
      const x = asDouble(args[0]!);
      const i = args[1]!;
      if (typeof i !== 'number' && typeof i !== 'bigint' && typeof i !== 'boolean') typeError('Expected an int as second argument to ldexp.');
      const e = typeof i === 'boolean' ? (i ? 1 : 0) : i;
      return float(ldexp(x, typeof e === 'bigint' && e >= -(2n ** 52n) && e <= 2n ** 52n ? Number(e) : e));
    }),
    fn('gcd', (args, kwargs) => {
      noKwargs('math.gcd', kwargs);
      return gcd(args);
    }),
    fn('lcm', (args, kwargs) => {
      noKwargs('math.lcm', kwargs);
      return lcm(args);
    }),
    fn('isqrt', (args, kwargs) => isqrt(one('isqrt', args, kwargs))),
    fn('factorial', (args, kwargs) => factorial(one('factorial', args, kwargs))),
    fn('comb', (args, kwargs) => {
      fixed('comb', args, kwargs, 2);
      return comb(intOf(args[0]!), intOf(args[1]!));
    }),
    fn('perm', (args, kwargs) => {
      fixed('perm', args, kwargs, 1, 2);
      return perm(intOf(args[0]!), args[1]);
    }),
    fn('prod', prod),
    fn('fsum', fsumImpl),
    fn('hypot', hypot),
    fn('dist', dist),
    fn('expm1', math1('expm1', expm1, true)),
    fn('log1p', math1('log1p', log1p, false)),
    fn('sinh', math1('sinh', sinh, true)),
    fn('cosh', math1('cosh', cosh, true)),
    fn('tanh', math1('tanh', tanh, false)),
    fn('asinh', math1('asinh', asinh, false)),
    fn('acosh', math1('acosh', acosh, false)),
    fn('atanh', math1('atanh', atanh, false)),
    fn('exp2', math1('exp2', exp2, true)),
    fn('cbrt', math1('cbrt', cbrt, false)),
    fn('erf', (args, kwargs) => float(erf(asDouble(one('erf', args, kwargs))))),
    fn('erfc', (args, kwargs) => float(erfc(asDouble(one('erfc', args, kwargs))))),
    fn('gamma', math1a('gamma', gamma)),
    fn('lgamma', math1a('lgamma', lgamma)),
    fn('remainder', math2Checked('remainder', remainder)),
    fn('fma', fmaImpl),
    fn('nextafter', nextafterImpl),
    fn('ulp', (args, kwargs) => float(ulp(asDouble(one('ulp', args, kwargs))))),
    fn('sumprod', (args, kwargs, host) => {
      fixed('sumprod', args, kwargs, 2);
      return sumprod(args[0]!, args[1]!, host);
    }),
    ['pi', float(Math.PI)],
    ['e', float(Math.E)],
    ['tau', float(2 * Math.PI)],
    ['inf', float(Infinity)],
    ['nan', float(NaN)],
  ];
}

/** The one `math` module of every VM: immutable, so shared by every run and every state copy. */
export const MATH_MODULE = new PyModule('math', new Map(entries()));

/** The float constants the module holds: state copies share them, as they share the module. */
export const MATH_CONSTANTS: ReadonlySet<object> = new Set([...MATH_MODULE.attrs.values()].filter((v) => v instanceof PyFloat));

/** The modules `import` can bind. @spec #import-math */
export const IMPORTABLE_MODULES: ReadonlyMap<string, PyModule> = new Map([['math', MATH_MODULE]]);

