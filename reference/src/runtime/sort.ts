/**
 * list.sort: a port of CPython 3.13's timsort (Objects/listobject.c: count_run, binarysort,
 * galloping merges, powersort merge policy). Porting it, rather than using Array.prototype.sort,
 * makes the sequence of `<` comparisons identical to CPython's, so a comparison that raises
 * (e.g. int < str) raises with the same operands, and the list is left in the same order.
 * @spec #methods-list
 */

type Lt<T> = (a: T, b: T) => boolean;

const MIN_GALLOP = 7;
const MAX_MINRUN = 64;

interface Run {
  base: number;
  len: number;
  power: number;
}

class MergeState<T> {
  minGallop = MIN_GALLOP;
  readonly pending: Run[] = [];
  constructor(readonly a: T[], readonly lt: Lt<T>) {}
}

function reverseSlice<T>(a: T[], lo: number, hi: number): void {
  for (hi--; lo < hi; lo++, hi--) {
    const t = a[lo]!;
    a[lo] = a[hi]!;
    a[hi] = t;
  }
}

/** Stable in-place sort; `lt` may throw (the list is then some permutation, as in CPython). @spec #methods-list */
export function timsort<T>(a: T[], lt: Lt<T>, reverse: boolean): void {
  const n = a.length;
  if (n < 2) return;
  if (reverse) reverseSlice(a, 0, n);
  try {
    const ms = new MergeState(a, lt);
    const minrun = computeMinrun(n);
    let lo = 0;
    let remaining = n;
    do {
      let len = countRun(ms, lo, remaining);
      if (len < minrun) {
        const force = remaining <= minrun ? remaining : minrun;
        binarysort(ms, lo, force, len);
        len = force;
      }
      foundNewRun(ms, len, n);
      ms.pending.push({ base: lo, len, power: 0 });
      lo += len;
      remaining -= len;
    } while (remaining);
    while (ms.pending.length > 1) {
      let k = ms.pending.length - 2;
      if (k > 0 && ms.pending[k - 1]!.len < ms.pending[k + 1]!.len) k--;
      mergeAt(ms, k);
    }
  } finally {
    if (reverse) reverseSlice(a, 0, n);
  }
}

function computeMinrun(n: number): number {
  let r = 0;
  while (n >= MAX_MINRUN) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

/** Sorts a[lo:lo+n] given a[lo:lo+ok] sorted, by binary insertion. */
function binarysort<T>(ms: MergeState<T>, lo: number, n: number, ok: number): void {
  const a = ms.a;
  if (!ok) ok++;
  for (; ok < n; ok++) {
    let l = 0;
    let r = ok;
    const pivot = a[lo + ok]!;
    do {
      const m = (l + r) >> 1;
      if (ms.lt(pivot, a[lo + m]!)) r = m;
      else l = m + 1;
    } while (l < r);
    for (let m = ok; m > l; m--) a[lo + m] = a[lo + m - 1]!;
    a[lo + l] = pivot;
  }
}

/** Length of the run at lo (descending runs, with equal subruns kept stable, are reversed). */
function countRun<T>(ms: MergeState<T>, lo: number, remaining: number): number {
  const a = ms.a;
  const lt = ms.lt;
  let n: number;
  for (n = 1; n < remaining; n++) if (lt(a[lo + n]!, a[lo + n - 1]!)) break;
  if (n === remaining) return n;
  if (n > 1) {
    if (lt(a[lo]!, a[lo + n - 1]!)) return n;
    reverseSlice(a, lo, lo + n);
  }
  n++;
  let neq = 0;
  const reverseLastNeq = (): void => {
    if (neq) {
      neq++;
      reverseSlice(a, lo + n - neq, lo + n);
      neq = 0;
    }
  };
  for (; n < remaining; n++) {
    if (lt(a[lo + n]!, a[lo + n - 1]!)) reverseLastNeq();
    else if (lt(a[lo + n - 1]!, a[lo + n]!)) break;
    else neq++;
  }
  reverseLastNeq();
  reverseSlice(a, lo, lo + n);
  for (; n < remaining; n++) if (lt(a[lo + n]!, a[lo + n - 1]!)) break;
  return n;
}

/** k such that arr[base+k-1] < key <= arr[base+k]. */
function gallopLeft<T>(ms: MergeState<T>, key: T, arr: T[], base: number, n: number, hint: number): number {
  const lt = ms.lt;
  const at = (i: number): T => arr[base + i]!;
  let lastofs = 0;
  let ofs = 1;
  if (lt(at(hint), key)) {
    const maxofs = n - hint;
    while (ofs < maxofs) {
      if (lt(at(hint + ofs), key)) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      } else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  } else {
    const maxofs = hint + 1;
    while (ofs < maxofs) {
      if (lt(at(hint - ofs), key)) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    const k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  }
  lastofs++;
  while (lastofs < ofs) {
    const m = lastofs + ((ofs - lastofs) >> 1);
    if (lt(at(m), key)) lastofs = m + 1;
    else ofs = m;
  }
  return ofs;
}

/** k such that arr[base+k-1] <= key < arr[base+k]. */
function gallopRight<T>(ms: MergeState<T>, key: T, arr: T[], base: number, n: number, hint: number): number {
  const lt = ms.lt;
  const at = (i: number): T => arr[base + i]!;
  let lastofs = 0;
  let ofs = 1;
  if (lt(key, at(hint))) {
    const maxofs = hint + 1;
    while (ofs < maxofs) {
      if (lt(key, at(hint - ofs))) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      } else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    const k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  } else {
    const maxofs = n - hint;
    while (ofs < maxofs) {
      if (lt(key, at(hint + ofs))) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  lastofs++;
  while (lastofs < ofs) {
    const m = lastofs + ((ofs - lastofs) >> 1);
    if (lt(key, at(m))) ofs = m;
    else lastofs = m + 1;
  }
  return ofs;
}

/** The powersort "power" of the run boundary between runs [s1, s1+n1) and [s1+n1, s1+n1+n2). */
function powerloop(s1: number, n1: number, n2: number, n: number): number {
  let result = 0;
  let a = 2 * s1 + n1;
  let b = a + n1 + n2;
  for (;;) {
    ++result;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) break;
    a *= 2;
    b *= 2;
  }
  return result;
}

function foundNewRun<T>(ms: MergeState<T>, n2: number, listlen: number): void {
  const p = ms.pending;
  if (p.length === 0) return;
  const top = p[p.length - 1]!;
  const power = powerloop(top.base, top.len, n2, listlen);
  while (p.length > 1 && p[p.length - 2]!.power > power) mergeAt(ms, p.length - 2);
  p[p.length - 1]!.power = power;
}

function mergeAt<T>(ms: MergeState<T>, i: number): void {
  const p = ms.pending;
  const a = ms.a;
  let pa = p[i]!.base;
  let na = p[i]!.len;
  const pb = p[i + 1]!.base;
  let nb = p[i + 1]!.len;
  p[i]!.len = na + nb;
  p.splice(i + 1, 1);
  const k = gallopRight(ms, a[pb]!, a, pa, na, 0);
  pa += k;
  na -= k;
  if (na === 0) return;
  nb = gallopLeft(ms, a[pa + na - 1]!, a, pb, nb, nb - 1);
  if (nb <= 0) return;
  if (na <= nb) mergeLo(ms, pa, na, pb, nb);
  else mergeHi(ms, pa, na, pb, nb);
}

/** Merge runs A = a[pa:pa+na], B = a[pb:pb+nb] (adjacent, na <= nb) through a copy of A. */
function mergeLo<T>(ms: MergeState<T>, pa: number, na: number, pb: number, nb: number): void {
  const a = ms.a;
  const lt = ms.lt;
  const tmp = a.slice(pa, pa + na);
  let ia = 0;
  let ib = pb;
  let dest = pa;
  const copyB = (): void => {
    for (let k = 0; k < nb; k++) a[dest + k] = a[ib + k]!;
    a[dest + nb] = tmp[ia]!;
  };
  const flushA = (): void => {
    for (let k = 0; k < na; k++) a[dest + k] = tmp[ia + k]!;
  };
  a[dest++] = a[ib++]!;
  if (--nb === 0) return flushA();
  if (na === 1) return copyB();
  let minGallop = ms.minGallop;
  try {
    for (;;) {
      let acount = 0;
      let bcount = 0;
      for (;;) {
        if (lt(a[ib]!, tmp[ia]!)) {
          a[dest++] = a[ib++]!;
          bcount++;
          acount = 0;
          if (--nb === 0) return flushA();
          if (bcount >= minGallop) break;
        } else {
          a[dest++] = tmp[ia++]!;
          acount++;
          bcount = 0;
          if (--na === 1) return copyB();
          if (acount >= minGallop) break;
        }
      }
      minGallop++;
      do {
        minGallop -= minGallop > 1 ? 1 : 0;
        ms.minGallop = minGallop;
        let k = gallopRight(ms, a[ib]!, tmp, ia, na, 0);
        acount = k;
        if (k) {
          for (let j = 0; j < k; j++) a[dest + j] = tmp[ia + j]!;
          dest += k;
          ia += k;
          na -= k;
          if (na === 1) return copyB();
          if (na === 0) return flushA();
        }
        a[dest++] = a[ib++]!;
        if (--nb === 0) return flushA();
        k = gallopLeft(ms, tmp[ia]!, a, ib, nb, 0);
        bcount = k;
        if (k) {
          for (let j = 0; j < k; j++) a[dest + j] = a[ib + j]!;
          dest += k;
          ib += k;
          nb -= k;
          if (nb === 0) return flushA();
        }
        a[dest++] = tmp[ia++]!;
        if (--na === 1) return copyB();
      } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
      minGallop++;
      ms.minGallop = minGallop;
    }
  } catch (e) {
    flushA();
    throw e;
  }
}

/** Merge runs A and B (na >= nb) from the right, through a copy of B. */
function mergeHi<T>(ms: MergeState<T>, pa: number, na: number, pb: number, nb: number): void {
  const a = ms.a;
  const lt = ms.lt;
  const tmp = a.slice(pb, pb + nb);
  let dest = pb + nb - 1;
  let ib = nb - 1; // index into tmp
  let ia = pa + na - 1; // index into a
  const copyA = (): void => {
    // The first element of B belongs at the front of the merge.
    for (let k = 0; k < na; k++) a[dest - k] = a[ia - k]!;
    dest -= na;
    ia -= na;
    a[dest] = tmp[ib]!;
  };
  const flushB = (): void => {
    for (let k = 0; k < nb; k++) a[dest - (nb - 1) + k] = tmp[k]!;
  };
  a[dest--] = a[ia--]!;
  if (--na === 0) return flushB();
  if (nb === 1) return copyA();
  let minGallop = ms.minGallop;
  try {
    for (;;) {
      let acount = 0;
      let bcount = 0;
      for (;;) {
        if (lt(tmp[ib]!, a[ia]!)) {
          a[dest--] = a[ia--]!;
          acount++;
          bcount = 0;
          if (--na === 0) return flushB();
          if (acount >= minGallop) break;
        } else {
          a[dest--] = tmp[ib--]!;
          bcount++;
          acount = 0;
          if (--nb === 1) return copyA();
          if (bcount >= minGallop) break;
        }
      }
      minGallop++;
      do {
        minGallop -= minGallop > 1 ? 1 : 0;
        ms.minGallop = minGallop;
        let k = gallopRight(ms, tmp[ib]!, a, pa, na, na - 1);
        k = na - k;
        acount = k;
        if (k) {
          dest -= k;
          ia -= k;
          for (let j = k; j >= 1; j--) a[dest + j] = a[ia + j]!;
          na -= k;
          if (na === 0) return flushB();
        }
        a[dest--] = tmp[ib--]!;
        if (--nb === 1) return copyA();
        k = gallopLeft(ms, a[ia]!, tmp, 0, nb, nb - 1);
        k = nb - k;
        bcount = k;
        if (k) {
          dest -= k;
          ib -= k;
          for (let j = 1; j <= k; j++) a[dest + j] = tmp[ib + j]!;
          nb -= k;
          if (nb === 1) return copyA();
          if (nb === 0) return flushB();
        }
        a[dest--] = a[ia--]!;
        if (--na === 0) return flushB();
      } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
      minGallop++;
      ms.minGallop = minGallop;
    }
  } catch (e) {
    flushB();
    throw e;
  }
}
