// The lazy exact view of long numeric list literals (src/lang/number-list.ts over the scanner's typed
// arrays of grammar/numeric-list.ts): the exact values a route reads equal what decodeNumber gives for
// each number's text (random decimals, negative, with exponents, mantissas beyond 2^53 that fall back to
// their text), the doubles of float(M) equal Number(text), and a literal prints, compares and encodes
// (text, JSON, typed JSON, LaTeX) exactly as the same matrix built by the general grammar, in which every
// entry is an expression evaluated one by one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../grammar/lexer.js';
import { exact, literalOf } from '../grammar/numeric-list-fixture.js';
import { numberListFloats, numberListValue } from '../../src/lang/number-list.js';
import { toJson, toLatex, toText } from '../../src/lang/print.js';
import { run } from '../../src/lang/run.js';
import { typedJson } from '../../src/lang/typed-json.js';
import type { Value } from '../../src/lang/values.js';
import { Random } from '../../src/math/random.js';
import { runLines } from '../helpers.js';

const items = (v: Value): readonly Value[] => (v as { items: readonly Value[] }).items;

/** The single value printed by `source`. */
function printed(source: string): Value {
  const r = run(source, { seed: 1 });
  expect(r.ok, r.diagnostics[0]?.message).toBe(true);
  return r.prints[0]!.values[0]!;
}

describe('the lazy exact view of a numeric list literal', () => {
  const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{1,${max}}$`));
  const number = fc
    .tuple(fc.boolean(), digits(19), fc.option(digits(19), { nil: undefined }), fc.option(fc.integer({ min: -30, max: 30 }), { nil: undefined }))
    .map(([negative, whole, fraction, exponent]) => `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}${exponent === undefined ? '' : `e${exponent}`}`);
  const matrix = fc.integer({ min: 2, max: 6 }).chain((rows) =>
    fc.integer({ min: Math.ceil(16 / rows), max: 10 }).chain((cols) => fc.array(fc.array(number, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })),
  );

  it('gives the exact value of decodeNumber and the double of Number(text) for every entry', () => {
    fc.assert(
      fc.property(matrix, (rows) => {
        const v = literalOf(`[${rows.map((r) => `[${r.join(', ')}]`).join(', ')}]`);
        const value = numberListValue(v);
        const floats = numberListFloats(value)!;
        expect([floats.rows, floats.cols]).toEqual([rows.length, rows[0]!.length]);
        rows.forEach((row, i) =>
          row.forEach((text, j) => {
            const x = items(items(value)[i]!)[j]!;
            expect(x, text).toEqual({ kind: 'number', value: exact(text) });
            const e = exact(text);
            expect(floats.data[i * floats.cols + j], text).toBe(e.num === 0n ? 0 : Number(text));
          }),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('keeps mantissas beyond 2^53 as text and reads them exactly', () => {
    const texts = ['9007199254740993', '-9007199254740993.5', '123456789012345678901234567890.125', '-0.12345678901234567890123', '3.14159265358979323846e-5'];
    const v = literalOf(`[${[...texts, ...Array.from({ length: 16 }, (_, k) => `${k}.5`)].join(', ')}]`);
    texts.forEach((text, k) => {
      expect(v.texts.get(k), text).toBe(text);
      expect(items(numberListValue(v))[k]).toEqual({ kind: 'number', value: exact(text) });
    });
    // The short ones are in the typed arrays.
    expect(v.texts.size).toBe(texts.length);
    expect([v.mantissas[texts.length], v.scales[texts.length]]).toEqual([5, 1]);
  });

  it('makes each list once, when first read, and keeps it', () => {
    const value = numberListValue(literalOf(`[${Array.from({ length: 4 }, (_, i) => `[${Array.from({ length: 5 }, (_, j) => `${i}.${j}5`).join(', ')}]`).join(', ')}]`));
    const rows = items(value);
    expect(items(value)).toBe(rows);
    expect(items(rows[2]!)).toBe(items(rows[2]!));
    expect(items(rows[2]!)[3]).toEqual({ kind: 'number', value: { num: 47n, den: 20n } });
  });

  it('prints, compares and encodes as the same matrix built entry by entry by the grammar', () => {
    const entries = (i: number) => [`${i}.125`, `-${i}.5e-3`, '0.1', '-0.000', '1234567.89', '7', '-1024', '1025', '12345678901234567890.5', '2.5e3'];
    const rows = Array.from({ length: 3 }, (_, i) => `[${entries(i).join(', ')}]`);
    const literal = `[${rows.join(', ')}]`;
    // `r + 0*r` is no numeric list: each entry goes through the expression grammar.
    const general = `[${rows.map((r) => `${r} + 0*${r}`).join(', ')}]`;
    const a = printed(`print ${literal};`), b = printed(`print ${general};`);
    expect(toText(a)).toBe(toText(b));
    expect(toJson(a)).toEqual(toJson(b));
    expect(typedJson(a)).toEqual(typedJson(b));
    expect(toLatex(a)).toBe(toLatex(b));
    expect(toText(a)).toContain('-1/2000');
    expect(runLines(`let M = ${literal};\nlet N = ${general};\nprint M == N, N == M, M == M, rank(M) == rank(N), det(M * transpose(M)) == det(N * transpose(N));`)).toEqual([
      'true, true, true, true, true',
    ]);
  });

  it('mixes with fractions, expressions and names in one matrix', () => {
    // The outer list is not a numeric list (it holds expressions); its first row, of 16 numbers, is one.
    const row = Array.from({ length: 16 }, (_, k) => `${k}.25`).join(', ');
    const other = Array.from({ length: 16 }, (_, k) => (k % 4 === 0 ? `${k + 1}/3` : k % 4 === 1 ? `2^${k}` : k % 4 === 2 ? `a + ${k}` : `-${k}.5e1`)).join(', ');
    const source = `let a = 1/2;\nlet M = [[${row}], [${other}]];\nprint M[1][2], M[2][1], M[2][2], M[2][3], M[2][4], length(M), length(M[1]);`;
    const kinds = tokenize(source).tokens.map((t) => t.tokenType.name);
    expect(kinds.filter((k) => k === 'NumericList')).toHaveLength(1);
    expect(runLines(source)).toEqual(['5/4, 1/3, 2, 5/2, -35, 2, 16']);
    // The same matrix with its first row built by the grammar.
    expect(runLines(`let a = 1/2;\nprint [[${row}], [${other}]] == [[${row}] + 0*[${row}], [${other}]];`)).toEqual(['true']);
  });

  it('reads a 1000×500 literal of three-decimal numbers (the size of issue 14, where parsing took 36 s)', () => {
    const random = new Random(14);
    const rows = Array.from({ length: 1000 }, () => Array.from({ length: 500 }, () => (random.int(-99999, 99999) / 1000).toFixed(3)));
    const at = [[0, 0], [0, 499], [999, 0], [999, 499], [500, 250], [123, 456]] as const;
    const source = [
      `let M = [${rows.map((r) => `[${r.join(', ')}]`).join(',\n')}];`,
      'print length(M), length(M[1000]);',
      `print ${at.map(([i, j]) => `M[${i + 1}][${j + 1}]`).join(', ')};`,
      'print float(M);',
    ].join('\n');
    const r = run(source, { seed: 1 });
    expect(r.ok, r.diagnostics[0]?.message).toBe(true);
    expect(r.prints[0]!.text).toBe('1000, 500');
    const data = (r.prints[2]!.values[0] as { data: { data: Float64Array } }).data.data;
    at.forEach(([i, j], k) => {
      const text = rows[i]![j]!;
      expect(r.prints[1]!.values[k], text).toEqual({ kind: 'number', value: exact(text) });
      expect(data[i * 500 + j], text).toBe(Number(text) === 0 ? 0 : Number(text));
    });
  });

  it('survives a literal larger than the scanner keeps (its arrays handed over) followed by another literal', () => {
    const n = 70_000;
    const big = literalOf(`[${Array.from({ length: n }, (_, k) => `${k % 2 ? '-' : ''}${k}.${k % 7}`).join(', ')}]`);
    literalOf(`[${Array.from({ length: 20 }, (_, k) => `${k}e1`).join(', ')}]`);
    expect(big.mantissas.length).toBe(n);
    for (const k of [0, 1, 12_345, n - 1]) {
      expect(items(numberListValue(big))[k]).toEqual({ kind: 'number', value: exact(`${k % 2 ? '-' : ''}${k}.${k % 7}`) });
    }
  });
});
