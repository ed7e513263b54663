// The three printers against the contract: JSON encoding of every kind, canonical text, LaTeX.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/lang/run.js';
import { polyLatex, toLatex } from '../../src/lang/print.js';

function jsonOf(source: string) {
  const result = run(source);
  if (!result.ok) throw new Error(result.diagnostics[0]!.message);
  return result.prints.map((p) => p.json);
}

function valuesOf(source: string) {
  const result = run(source);
  if (!result.ok) throw new Error(result.diagnostics[0]!.message);
  return result.prints.map((p) => p.values);
}

describe('JSON encoding (the contract)', () => {
  it('integers below 2^53 are numbers, larger ones strings of digits, rationals "p/q"', () => {
    expect(jsonOf('print 2^53 - 1; print 2^53; print -2^60; print 3/4;')).toEqual([9007199254740991, '9007199254740992', '-1152921504606846976', '3/4']);
  });

  it('polynomials are canonical text, ideals {"ideal": [...]}, lists arrays, records objects', () => {
    expect(jsonOf('ring R = QQ[x, y];\nprint x^2 - 1/2*y;\nprint ideal(x, y^2);\nprint [1, [2]], {a: true, b: "s"};')).toEqual([
      'x^2 - 1/2*y',
      { ideal: ['x', 'y^2'] },
      [[1, [2]], { a: true, b: 's' }],
    ]);
  });

  it('floats are JSON numbers; a print of several values is an array', () => {
    expect(jsonOf('print float(1/4), 2;')).toEqual([[0.25, 2]]);
  });
});

describe('text', () => {
  it('prints floats with a decimal point and strings bare at the top level', () => {
    const result = run('print float(2), "hi", ["hi"];');
    expect(result.prints[0]!.text).toBe('2.0, hi, ["hi"]');
  });
});

describe('LaTeX', () => {
  it('typesets numbers, polynomials, matrices and ideals', () => {
    const [half, f, m, i] = valuesOf('ring R = QQ[x, w[1..2]];\nprint -1/2;\nprint 3*x^2 - 1/2*w[1];\nprint [[1, 2], [3, 4]];\nprint ideal(x, w[2]^2);').map((values) => values[0]);
    expect(toLatex(half!)).toBe('-\\frac{1}{2}');
    expect(toLatex(f!)).toBe('3 x^{2} - \\frac{1}{2} w_{1}');
    expect(toLatex(m!)).toBe('\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}');
    expect(toLatex(i!)).toBe('\\left\\langle x, w_{2}^{2} \\right\\rangle');
  });

  it('typesets every kind of value from its data', () => {
    const src = [
      'ring S = GF(7)[a, b, order = lex];',
      'print 3*a^2*b - b + 4;',
      'print S;',
      'ring R = QQ[x, v[0..1, 1..2]];',
      'print R, v, v[0,2]*x - 2*v[1,1]^3, ideal(0), 0*x;',
      'print float(1/4), true, "a_b {c}", [1/3, x], {ok: false, fit_2: 1}, [[x, 0], [1, -x]];',
      'print hilbertSeries(ideal(x^2));',
      'fn f(t) = t; print f, dim, 1 == 1;',
    ].join('\n');
    const texts = valuesOf(src).map((vs) => vs.map(toLatex));
    expect(texts).toEqual([
      ['3 a^{2} b - b - 3'],
      ['\\mathbb{F}_{7}[a, b, \\ \\mathrm{order} = \\mathrm{lex}]'],
      [
        '\\mathbb{Q}[x, v_{0,1}, v_{0,2}, v_{1,1}, v_{1,2}]',
        'v_{0..1,\\,1..2}',
        '-2 v_{1,1}^{3} + x v_{0,2}',
        '\\left\\langle  \\right\\rangle',
        '0',
      ],
      [
        '0.25',
        '\\mathrm{true}',
        '\\text{a\\_b \\{c\\}}',
        '\\left[ \\frac{1}{3}, x \\right]',
        '\\left\\{ \\mathrm{ok}: \\mathrm{false}, \\mathrm{fit\\_2}: 1 \\right\\}',
        '\\begin{pmatrix} x & 0 \\\\ 1 & -x \\end{pmatrix}',
      ],
      ['\\frac{1 + t}{(1 - t)^{4}}'],
      ['\\text{fn f(t)}', '\\text{builtin dim}', '\\mathrm{true}'],
    ]);
  });

  it('agrees with a translation of the canonical text, for random polynomials with indexed variables', () => {
    // The independent route: the canonical text, rewritten token by token (fractions, exponents,
    // subscripts, products), must give the LaTeX that polyLatex builds from the terms.
    const ringValue = valuesOf('ring R = QQ[z, w[1..2, 1..3]];\nprint R;')[0]![0]!;
    if (ringValue.kind !== 'ring') throw new Error('expected a ring');
    const ring = ringValue.ring;
    const fromText = (text: string) =>
      text
        .replace(/(\d+)\/(\d+)/g, '\\frac{$1}{$2}')
        .replace(/\^(\d+)/g, '^{$1}')
        .replace(/([A-Za-z_][A-Za-z0-9_]*)\[([0-9,]+)\]/g, '$1_{$2}')
        .replace(/\*/g, ' ');
    const R = ring.poly;
    const term = fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 4 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 7, maxLength: 7 }));
    fc.assert(
      fc.property(fc.array(term, { maxLength: 5 }), (terms) => {
        const f = R.fromTerms(terms.map(([n, d, e]) => [Int32Array.from(e), R.field.fromRational(BigInt(n), BigInt(d))] as const));
        expect(polyLatex(ring, f)).toBe(fromText(R.toText(f)));
      }),
      { numRuns: 200 },
    );
  });
});
