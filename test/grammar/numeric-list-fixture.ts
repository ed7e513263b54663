// Helpers shared by the tests of numeric list literals (grammar/numeric-list.ts, src/lang/number-list.ts):
// the typed arrays of a one-token literal, and a number's exact value by the route of a lone literal.
import { expect } from 'vitest';
import { tokenize } from '../../grammar/lexer.js';
import { readNumericList, type NumericListPayload, type NumericListValues } from '../../grammar/numeric-list.js';
import { decodeNumber } from '../../src/lang/build-ast.js';

/** The typed arrays of `source`, which must lex as one NumericList token. */
export function literalOf(source: string): NumericListValues {
  const tokens = tokenize(source).tokens;
  expect(tokens.map((t) => t.tokenType.name)).toEqual(['NumericList']);
  const t = tokens[0]!;
  return readNumericList(t.image, t.payload as NumericListPayload, t.startOffset);
}

/** The exact value of a number's text (a leading minus, then what decodeNumber reads). */
export function exact(text: string): { num: bigint; den: bigint } {
  const negative = text.startsWith('-');
  const r = decodeNumber(negative ? text.slice(1).trim() : text)!;
  return negative ? { num: -r.num, den: r.den } : r;
}
