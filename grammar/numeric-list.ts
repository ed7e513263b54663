// The NumericList token's matcher: a list literal made only of numbers (optionally negated) and nested
// such lists, `[[1, -2], [3, 4.5e-3]]`, read by a character scanner in one linear pass, so that a
// megabyte matrix literal costs one token instead of a million (the general lexer and the expression
// grammar per entry took 11.6 s for a 1000x500 literal).
//
// Representation: the token's payload (`NumericListPayload`) lists the list's parts in source order,
// one entry per bracket, minus sign or number, in parallel arrays: the kind, and the start and end
// offsets in the source. parse.ts checks the numbers' exponents and highlightTokens colours the parts.
// `readNumericList` (used by src/lang/build-ast.ts) reads the numbers once into typed arrays, a
// compact exact form: number k is mantissas[k] · 10^(−scales[k]) with the signed integer mantissa
// exact in a double (|m| ≤ 2^53), or, when its digits do not fit, its signed text in `texts`. The
// nesting is `shape`: arrays whose leaves are the numbers' indices. Exact rationals are made from this
// form by src/lang/number-list.ts, doubles directly (m / 10^s is one correctly rounded division when
// s ≤ 22, the classical fast path of decimal-to-binary conversion, Clinger 1990).
//
// The scanner declines (returns null, and the ordinary tokens are used) on anything else: a comment,
// a name, an operator, a range, fewer than NUMERIC_LIST_MIN_NUMBERS numbers, nesting deeper than
// NUMERIC_LIST_MAX_NESTING, or a `[` right after something that can be indexed (`v[1, 2]`).
import type { IToken } from 'chevrotain';

/** Lists with fewer numbers than this go through the grammar as usual. */
export const NUMERIC_LIST_MIN_NUMBERS = 16;
/** Deeper lists go through the grammar, which refuses nesting deeper than its own limit. */
export const NUMERIC_LIST_MAX_NESTING = 64;

export const PART_OPEN = 0;
export const PART_CLOSE = 1;
export const PART_MINUS = 2;
export const PART_NUMBER = 3;

export interface NumericListPayload {
  readonly kinds: ArrayLike<number>;
  readonly starts: ArrayLike<number>;
  readonly ends: ArrayLike<number>;
}

const DIGIT_0 = 48, DIGIT_9 = 57;
const isDigit = (c: number) => c >= DIGIT_0 && c <= DIGIT_9;

/** The end of a number literal starting at `i` (a digit): `\d+(\.\d+)?([eE][+-]?\d+)?` as the lexer reads it. */
function numberEnd(text: string, i: number): number {
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 46 /* . */ && isDigit(text.charCodeAt(i + 1))) {
    i += 2;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69 /* e E */) {
    let j = i + 1;
    const s = text.charCodeAt(j);
    if (s === 43 || s === 45 /* + - */) j++;
    if (isDigit(text.charCodeAt(j))) {
      while (j < text.length && isDigit(text.charCodeAt(j))) j++;
      i = j;
    }
  }
  return i;
}

/** Token types after which `[` indexes (`v[1, 2]`, `f(x)[1]`, `M[1][2]`) rather than opens a list. */
const INDEXABLE = new Set(['Identifier', 'RParen', 'RBracket', 'RBrace', 'NumericList', 'String', 'Variety', 'Form', 'Projection', 'Network', 'Ideal']);

/** The scanner's reused part arrays (see matchNumericList). */
interface Scratch {
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}
const newScratch = (): Scratch => ({ kinds: new Uint8Array(1024), starts: new Int32Array(1024), ends: new Int32Array(1024) });
let scratch = newScratch();
/** Scratch arrays longer than this are dropped after a match. */
const SCRATCH_KEPT = 1 << 16;

/**
 * The chevrotain custom pattern: at `offset` (a `[`), the text of a whole numeric list with its
 * parts as the payload, or null.
 */
export function matchNumericList(text: string, offset: number, tokens: IToken[]): (RegExpExecArray & { payload: NumericListPayload }) | null {
  if (text.charCodeAt(offset) !== 91 /* [ */) return null;
  const previous = tokens[tokens.length - 1];
  if (previous && INDEXABLE.has(previous.tokenType.name)) return null;
  // Parts in module-level typed arrays grown by doubling and reused from call to call (a million
  // pushes onto plain arrays cost a third of a 1000x500 literal's time, and fresh arrays per call
  // feed the garbage collector); a match copies its parts out at their length.
  let parts = 0;
  const push = (kind: number, start: number, end: number) => {
    if (parts === scratch.kinds.length) {
      const grow = <T extends Uint8Array | Int32Array>(a: T, b: T): T => (b.set(a), b);
      scratch = {
        kinds: grow(scratch.kinds, new Uint8Array(2 * parts)),
        starts: grow(scratch.starts, new Int32Array(2 * parts)),
        ends: grow(scratch.ends, new Int32Array(2 * parts)),
      };
    }
    scratch.kinds[parts] = kind;
    scratch.starts[parts] = start;
    scratch.ends[parts] = end;
    parts++;
  };
  let depth = 0;
  let numbers = 0;
  // After '[' or ',' an item is expected (or ']' right after '['); after an item, ',' or ']'.
  let expectItem = true;
  let afterOpen = false;
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11) {
      i++;
      continue;
    }
    if (expectItem) {
      if (c === 91) {
        if (++depth > NUMERIC_LIST_MAX_NESTING) return null;
        push(PART_OPEN, i, i + 1);
        i++;
        afterOpen = true;
        continue;
      }
      if (c === 93 && afterOpen) {
        expectItem = false; // an empty list: closed below
      } else {
        if (c === 45 /* - */) {
          push(PART_MINUS, i, i + 1);
          i++;
          while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
        }
        if (!isDigit(text.charCodeAt(i))) return null;
        const end = numberEnd(text, i);
        push(PART_NUMBER, i, end);
        numbers++;
        i = end;
        expectItem = false;
        afterOpen = false;
        continue;
      }
    }
    if (c === 44 /* , */) {
      expectItem = true;
      afterOpen = false;
      i++;
    } else if (c === 93 /* ] */) {
      push(PART_CLOSE, i, i + 1);
      i++;
      afterOpen = false;
      if (--depth === 0) {
        if (numbers < NUMERIC_LIST_MIN_NUMBERS) return null;
        const match = [text.slice(offset, i)] as unknown as RegExpExecArray & { payload: NumericListPayload };
        match.payload = { kinds: scratch.kinds.slice(0, parts), starts: scratch.starts.slice(0, parts), ends: scratch.ends.slice(0, parts) };
        // A megabyte literal's scratch is not kept for the rest of the process.
        if (scratch.kinds.length > SCRATCH_KEPT) scratch = newScratch();
        return match;
      }
    } else {
      return null;
    }
  }
  return null;
}

/** The nesting of a numeric list: each leaf is the index of a number in NumericListValues' arrays. */
export type NumericListShape = readonly (number | NumericListShape)[];

/** The numbers of a numeric list in the compact exact form described at the top of this file. */
export interface NumericListValues {
  readonly shape: NumericListShape;
  /** The signed integer mantissa of each number (exact: |m| ≤ 2^53), NaN when the number is in `texts`. */
  readonly mantissas: Float64Array;
  /** The power of ten dividing each mantissa (negative for an exponent such as 2e5). */
  readonly scales: Int32Array;
  /** The numbers whose digits do not fit a double's mantissa (or whose exponent is extreme): their signed text. */
  readonly texts: ReadonlyMap<number, string>;
}

/** Beyond this mantissa another digit could round: the number goes to `texts`. */
const MANTISSA_LIMIT = (Number.MAX_SAFE_INTEGER - 9) / 10;
/** Exponents beyond this in absolute value go to `texts` (decodeNumber refuses very large ones). */
const SCALE_LIMIT = 1_000_000;

/**
 * The numbers of a NumericList token in the compact exact form: `image` is the token's text, `base`
 * its start offset in the source (the payload's offsets are the source's). One pass over the parts.
 */
export function readNumericList(image: string, p: NumericListPayload, base: number): NumericListValues {
  let count = 0;
  for (let k = 0; k < p.kinds.length; k++) if (p.kinds[k] === PART_NUMBER) count++;
  const mantissas = new Float64Array(count);
  const scales = new Int32Array(count);
  const texts = new Map<number, string>();
  const open: (number | NumericListShape)[][] = [];
  let shape: NumericListShape = [];
  let negative = false;
  let n = 0;
  for (let k = 0; k < p.kinds.length; k++) {
    const kind = p.kinds[k];
    if (kind === PART_OPEN) {
      open.push([]);
    } else if (kind === PART_CLOSE) {
      const list = open.pop()!;
      if (open.length === 0) shape = list;
      else open[open.length - 1]!.push(list);
    } else if (kind === PART_MINUS) {
      negative = true;
    } else {
      const start = p.starts[k]! - base, end = p.ends[k]! - base;
      if (!readNumber(image, start, end, negative, mantissas, scales, n)) {
        mantissas[n] = NaN;
        texts.set(n, (negative ? '-' : '') + image.slice(start, end));
      }
      open[open.length - 1]!.push(n++);
      negative = false;
    }
  }
  return { shape, mantissas, scales, texts };
}

/** Reads `\d+(\.\d+)?([eE][+-]?\d+)?` at [start, end) into mantissas[n], scales[n]; false when it does not fit. */
function readNumber(text: string, start: number, end: number, negative: boolean, mantissas: Float64Array, scales: Int32Array, n: number): boolean {
  let m = 0;
  let scale = 0;
  let i = start;
  let fraction = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      fraction = true;
      continue;
    }
    if (!isDigit(c)) break;
    if (m > MANTISSA_LIMIT) return false;
    m = m * 10 + (c - DIGIT_0);
    if (fraction) scale++;
  }
  if (i < end) {
    // The exponent: [eE][+-]?\d+
    i++;
    let sign = 1;
    const s = text.charCodeAt(i);
    if (s === 43 || s === 45) {
      if (s === 45) sign = -1;
      i++;
    }
    let e = 0;
    for (; i < end; i++) {
      e = e * 10 + (text.charCodeAt(i) - DIGIT_0);
      if (e > SCALE_LIMIT) return false;
    }
    scale -= sign * e;
  }
  mantissas[n] = negative ? -m : m;
  scales[n] = scale;
  return true;
}

/** Exact powers of ten as doubles (10^22 is the largest). */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Number k of a numeric list as the nearest double: one correctly rounded division or product when
 * the power of ten is exact, else JavaScript's own (correctly rounded) conversion of the text; zero
 * is +0 (the exact value has no sign).
 */
export function numericListFloat(v: NumericListValues, k: number): number {
  const m = v.mantissas[k]!, s = v.scales[k]!;
  if (Number.isNaN(m)) {
    const text = v.texts.get(k)!;
    // −0 only from a non-zero number below the smallest double, never from zero digits.
    return /^-?[0.]*(?:[eE]|$)/.test(text) ? 0 : Number(text);
  }
  // Zero is +0 whatever its sign, as the exact value 0 converts.
  if (s === 0 || m === 0) return m + 0;
  if (s > 0 && s <= 22) return m / POWERS_OF_TEN[s]!;
  if (s < 0 && s >= -22) return m * POWERS_OF_TEN[-s]!;
  return Number(`${m}e${-s}`);
}
