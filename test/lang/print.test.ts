// The three printers against the contract: JSON encoding of every kind, canonical text, LaTeX.
import { describe, expect, it } from 'vitest';
import { run } from '../../src/lang/run.js';
import { toLatex } from '../../src/lang/print.js';

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
});
