// The NumericList token's matcher: a list literal made only of numbers (optionally negated) and nested
// such lists, `[[1, -2], [3, 4.5e-3]]`, read by a character scanner in one linear pass, so that a
// megabyte matrix literal costs one token instead of a million (the general lexer and the expression
// grammar per entry took 11.6 s for a 1000x500 literal).
//
// Representation: the token's payload (`NumericListPayload`) lists the list's parts in source order,
// one entry per bracket, minus sign or number, in parallel typed arrays: the kind, and the start and
// end offsets in the source (parse.ts checks the numbers' exponents and highlightTokens colours the
// parts), and the numbers in a compact exact form read by the scanner as it passes their digits:
// number k is mantissas[k] · 10^(−scales[k]) with the signed integer mantissa exact in a double
// (|m| ≤ 2^53), or NaN when its digits do not fit. `readNumericList` (used by src/lang/build-ast.ts)
// adds the nesting, `shape` (arrays whose leaves are the numbers' indices), and the signed text of the
// numbers that did not fit (`texts`). Exact rationals are made from this form by
// src/lang/number-list.ts when a route reads them, doubles directly (m / 10^s is one correctly rounded
// division when s ≤ 22, the classical fast path of decimal-to-binary conversion, Clinger 1990).
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
  /** Number k's signed mantissa and scale as the scanner read them (see NumericListValues). */
  readonly mantissas: Float64Array;
  readonly scales: Int32Array;
}

const DIGIT_0 = 48, DIGIT_9 = 57;
const isDigit = (c: number) => c >= DIGIT_0 && c <= DIGIT_9;

/** Beyond this mantissa another digit could round: the number goes to `texts`. */
const MANTISSA_LIMIT = (Number.MAX_SAFE_INTEGER - 9) / 10;
/** Exponents beyond this in absolute value go to `texts` (decodeNumber refuses very large ones). */
const SCALE_LIMIT = 1_000_000;

/** Token types after which `[` indexes (`v[1, 2]`, `f(x)[1]`, `M[1][2]`) rather than opens a list. */
const INDEXABLE = new Set(['Identifier', 'RParen', 'RBracket', 'RBrace', 'NumericList', 'String', 'Variety', 'Form', 'Projection', 'Network', 'Ideal']);

/** The scanner's part arrays (kind, start, end of each part) and number arrays (mantissa, scale of each number). */
interface Scratch {
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly mantissas: Float64Array;
  readonly scales: Int32Array;
}
const newScratch = (parts = 1024, numbers = 512): Scratch => ({
  kinds: new Uint8Array(parts), starts: new Int32Array(parts), ends: new Int32Array(parts),
  mantissas: new Float64Array(numbers), scales: new Int32Array(numbers),
});
let scratch = newScratch();
/** Scratch arrays longer than this are handed to the match (not copied) and not kept for the next one. */
const SCRATCH_KEPT = 1 << 16;

/**
 * A larger scratch when `parts` parts or `numbers` numbers fill it: the counts so far extrapolated
 * from the characters read (`read` read, `left` left in the source), so that a megabyte literal
 * grows its arrays about once rather than a dozen times by doubling; at least doubled.
 */
function grown(parts: number, numbers: number, read: number, left: number): Scratch {
  const factor = (1.05 * (read + left)) / Math.max(read, 1);
  const capacity = (n: number, length: number) => Math.max(2 * length, Math.ceil(n * factor) + 64);
  const next = newScratch(
    parts < scratch.kinds.length ? scratch.kinds.length : capacity(parts, scratch.kinds.length),
    numbers < scratch.mantissas.length ? scratch.mantissas.length : capacity(numbers, scratch.mantissas.length),
  );
  next.kinds.set(scratch.kinds.subarray(0, parts));
  next.starts.set(scratch.starts.subarray(0, parts));
  next.ends.set(scratch.ends.subarray(0, parts));
  next.mantissas.set(scratch.mantissas.subarray(0, numbers));
  next.scales.set(scratch.scales.subarray(0, numbers));
  return next;
}

/**
 * The chevrotain custom pattern: at `offset` (a `[`), the text of a whole numeric list with its
 * parts and its numbers' mantissas and scales as the payload, or null. One pass over the characters:
 * each number's digits are read into its mantissa as they are scanned.
 */
export function matchNumericList(text: string, offset: number, tokens: IToken[]): (RegExpExecArray & { payload: NumericListPayload }) | null {
  if (text.charCodeAt(offset) !== 91 /* [ */) return null;
  const previous = tokens[tokens.length - 1];
  if (previous && INDEXABLE.has(previous.tokenType.name)) return null;
  // Parts and numbers in module-level typed arrays reused from call to call (a million pushes onto
  // plain arrays cost a third of a 1000x500 literal's time, and fresh arrays per call feed the
  // garbage collector); a match takes its parts at their length.
  let parts = 0;
  let numbers = 0;
  const length = text.length;
  const push = (kind: number, start: number, end: number) => {
    if (parts === scratch.kinds.length) scratch = grown(parts, numbers, end - offset, length - end);
    scratch.kinds[parts] = kind;
    scratch.starts[parts] = start;
    scratch.ends[parts] = end;
    parts++;
  };
  let depth = 0;
  // After '[' or ',' an item is expected (or ']' right after '['); after an item, ',' or ']'.
  let expectItem = true;
  let afterOpen = false;
  let i = offset;
  while (i < length) {
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
        let negative = false;
        if (c === 45 /* - */) {
          push(PART_MINUS, i, i + 1);
          negative = true;
          i++;
          while (i < length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
        }
        // A number `\d+(\.\d+)?([eE][+-]?\d+)?` as the lexer reads it, its value m · 10^(−scale) read
        // on the way; `fits` turns false when the mantissa or the exponent is too long for the form.
        const start = i;
        let d = text.charCodeAt(i) - DIGIT_0;
        if (!(d >= 0 && d <= 9)) return null;
        let m = 0, scale = 0, fits = true;
        do {
          if (m > MANTISSA_LIMIT) fits = false;
          else m = m * 10 + d;
          d = text.charCodeAt(++i) - DIGIT_0;
        } while (d >= 0 && d <= 9);
        if (d === -2 /* . */ && isDigit(text.charCodeAt(i + 1))) {
          d = text.charCodeAt(++i) - DIGIT_0;
          do {
            if (m > MANTISSA_LIMIT) fits = false;
            else {
              m = m * 10 + d;
              scale++;
            }
            d = text.charCodeAt(++i) - DIGIT_0;
          } while (d >= 0 && d <= 9);
        }
        if (d === 53 || d === 21 /* e E */) {
          let j = i + 1;
          const s = text.charCodeAt(j);
          if (s === 43 || s === 45 /* + - */) j++;
          if (isDigit(text.charCodeAt(j))) {
            let e = 0;
            for (; j < length && isDigit(text.charCodeAt(j)); j++) {
              if (e > SCALE_LIMIT) fits = false;
              else e = e * 10 + (text.charCodeAt(j) - DIGIT_0);
            }
            if (e > SCALE_LIMIT) fits = false;
            scale -= s === 45 ? -e : e;
            i = j;
          }
        }
        push(PART_NUMBER, start, i);
        if (numbers === scratch.mantissas.length) scratch = grown(parts, numbers, i - offset, length - i);
        scratch.mantissas[numbers] = fits ? (negative ? -m : m) : NaN;
        scratch.scales[numbers] = scale;
        numbers++;
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
        // A megabyte literal's scratch is handed over (no copy) and not kept for the rest of the process.
        const large = scratch.kinds.length > SCRATCH_KEPT || scratch.mantissas.length > SCRATCH_KEPT;
        const take = <T extends Uint8Array | Int32Array | Float64Array>(a: T, n: number): T => (large ? a.subarray(0, n) : a.slice(0, n)) as T;
        match.payload = {
          kinds: take(scratch.kinds, parts), starts: take(scratch.starts, parts), ends: take(scratch.ends, parts),
          mantissas: take(scratch.mantissas, numbers), scales: take(scratch.scales, numbers),
        };
        if (large) scratch = newScratch();
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

/**
 * The numbers of a NumericList token in the compact exact form: `image` is the token's text, `base`
 * its start offset in the source (the payload's offsets are the source's). The mantissas and scales
 * are the scanner's; one pass over the parts builds the nesting and keeps the text of the numbers
 * that did not fit.
 */
export function readNumericList(image: string, p: NumericListPayload, base: number): NumericListValues {
  const texts = new Map<number, string>();
  const open: (number | NumericListShape)[][] = [];
  let current: (number | NumericListShape)[] = [];
  let shape: NumericListShape = [];
  let n = 0;
  for (let k = 0; k < p.kinds.length; k++) {
    const kind = p.kinds[k];
    if (kind === PART_OPEN) {
      open.push(current);
      current = [];
    } else if (kind === PART_CLOSE) {
      const list = current;
      current = open.pop()!;
      if (open.length === 0) shape = list;
      else current.push(list);
    } else if (kind === PART_NUMBER) {
      if (Number.isNaN(p.mantissas[n])) {
        const negative = k > 0 && p.kinds[k - 1] === PART_MINUS;
        texts.set(n, (negative ? '-' : '') + image.slice(p.starts[k]! - base, p.ends[k]! - base));
      }
      current.push(n++);
    }
  }
  return { shape, mantissas: p.mantissas, scales: p.scales, texts };
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
