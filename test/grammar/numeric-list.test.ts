// The compact exact form of long numeric list literals (grammar/numeric-list.ts, src/lang/number-list.ts):
// every number read from the typed arrays equals, as a rational, what decodeNumber gives for the same
// text (the route of a lone number literal), and, as a double, JavaScript's own correctly rounded
// Number(text) (the exact zero as +0); the values of a literal equal those of the same list built by
// the general grammar;
// float(M) of a literal read straight from its mantissas equals float(M) of the rationals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numericListFloat, type NumericListValues } from '../../grammar/numeric-list.js';
import { exact, literalOf } from './numeric-list-fixture.js';
import { numberListRational } from '../../src/lang/number-list.js';
import { runLines } from '../helpers.js';

/** The numbers of a one-token list literal `[t1, t2, …]`. */
function readList(texts: readonly string[]): NumericListValues {
  return literalOf(`[${texts.join(', ')}]`);
}

/** The double nearest the number: Number(text), but +0 for the exact zero (which has no sign). */
const nearest = (text: string) => (exact(text).num === 0n ? 0 : Number(text));

const FILLER = Array.from({ length: 16 }, (_, k) => String(k));

describe('numeric list literals in typed arrays', () => {
  it('read every form of number as decodeNumber and Number do', () => {
    const texts = [
      '0', '-0', '7', '-1024', '1025', '-1025', '9007199254740991', '9007199254740993', '123456789012345678901234567890',
      '0.5', '-0.25', '1.50', '0.000', '12.345', '-99.999', '0.1', '3.14159265358979323846', '0.000000000000000001',
      '1e3', '2E-3', '-1.5e-7', '4e+2', '1e22', '1e23', '7e-30', '1.25e40', '5e-324', '1e100000', '0.0e5',
    ];
    const v = readList([...texts, ...FILLER]);
    texts.forEach((text, k) => {
      expect(numberListRational(v, k), text).toEqual(exact(text));
      expect(numericListFloat(v, k), text).toBe(nearest(text));
    });
  });

  it('agree with decodeNumber and Number on random numbers', () => {
    const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{1,${max}}$`));
    const number = fc.tuple(fc.boolean(), digits(20), fc.option(digits(20), { nil: undefined }), fc.option(fc.integer({ min: -400, max: 400 }), { nil: undefined }))
      .map(([negative, whole, fraction, exponent]) => `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}${exponent === undefined ? '' : `e${exponent}`}`);
    fc.assert(fc.property(fc.array(number, { minLength: 16, maxLength: 40 }), (texts) => {
      const v = readList(texts);
      texts.forEach((text, k) => {
        expect(numberListRational(v, k)).toEqual(exact(text));
        expect(numericListFloat(v, k)).toBe(nearest(text));
      });
    }), { numRuns: 200 });
  });

  it('give the values and floats of the general route, ragged and nested lists included', () => {
    const entries = (i: number) => [i, -i - 1, `${i}.25`, `-${i}e-2`, '1234567.125', '-2048', '0.1'];
    const rows = Array.from({ length: 4 }, (_, i) => `[${entries(i).join(', ')}]`);
    const literal = `[${rows.join(', ')}]`;
    const general = `[${rows.map((r) => `${r} + 0*${r}`).join(', ')}]`;
    expect(runLines(`let M = ${literal};\nlet N = ${general};\nprint M == N, float(M) == float(N), det(M * transpose(M)) == det(N * transpose(N)), rank(M);`))
      .toEqual(['true, true, true, 2']);
    const nested = '[[1, [2, -3.5]], 4, [[5e1]], 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]';
    expect(runLines(`let L = ${nested};\nprint L, float(L);`)).toEqual([
      '[[1, [2, -7/2]], 4, [[50]], 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [[1.0, [2.0, -3.5]], 4.0, float([[50.0]]), 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0]',
    ]);
  });
});
