// The NumericList token's matcher: a list literal made only of numbers (optionally negated) and nested
// such lists, `[[1, -2], [3, 4.5e-3]]`, read by a character scanner in one linear pass, so that a
// megabyte matrix literal costs one token instead of a million (the general lexer and the expression
// grammar per entry took 11.6 s for a 1000x500 literal).
//
// Representation: the token's payload (`NumericListPayload`) lists the list's parts in source order,
// one entry per bracket, minus sign or number, in parallel arrays: the kind, and the start and end
// offsets in the source. src/lang/build-ast.ts turns it into a NumberList of exact numbers, parse.ts
// checks the numbers' exponents, and highlightTokens colours the parts.
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

/**
 * The chevrotain custom pattern: at `offset` (a `[`), the text of a whole numeric list with its
 * parts as the payload, or null.
 */
export function matchNumericList(text: string, offset: number, tokens: IToken[]): (RegExpExecArray & { payload: NumericListPayload }) | null {
  if (text.charCodeAt(offset) !== 91 /* [ */) return null;
  const previous = tokens[tokens.length - 1];
  if (previous && INDEXABLE.has(previous.tokenType.name)) return null;
  // Parts in typed arrays grown by doubling (a million pushes onto plain arrays cost a third of a
  // 1000x500 literal's time), trimmed to their length at the end.
  let kinds = new Uint8Array(64);
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let parts = 0;
  const push = (kind: number, start: number, end: number) => {
    if (parts === kinds.length) {
      const grow = <T extends Uint8Array | Int32Array>(a: T, b: T): T => (b.set(a), b);
      kinds = grow(kinds, new Uint8Array(2 * parts));
      starts = grow(starts, new Int32Array(2 * parts));
      ends = grow(ends, new Int32Array(2 * parts));
    }
    kinds[parts] = kind;
    starts[parts] = start;
    ends[parts] = end;
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
        match.payload = { kinds: kinds.subarray(0, parts), starts: starts.subarray(0, parts), ends: ends.subarray(0, parts) };
        return match;
      }
    } else {
      return null;
    }
  }
  return null;
}
