// The float matrix value kind (src/lang/objects/float-matrix.ts): float(M), gaussianMatrix, printing,
// JSON, LaTeX, equality, fields, methods, refusal by exact built-ins, and the numerical built-ins
// taking it directly.
import { describe, expect, it } from 'vitest';
import { provenanceOf } from '../../src/lang/provenance.js';
import { toJson, toLatex, toText } from '../../src/lang/print.js';
import { typedJson } from '../../src/lang/typed-json.js';
import { run } from '../../src/lang/run.js';
import type { Value } from '../../src/lang/values.js';
import { runErrors, runLines } from '../helpers.js';

function valueOf(source: string): Value {
  const result = run(source);
  if (!result.ok) throw new Error(result.diagnostics[0]!.message);
  return result.prints.at(-1)!.values[0]!;
}

describe('float(M) and the printers', () => {
  it('converts a matrix of numbers to a float matrix that prints as float([[...]]) and reads back equal', () => {
    expect(runLines('let F = float([[1, 1/2], [3, 0.25]]);\nprint F;\nprint typeOf(F), F.rows, F.cols, F.entries;\nprint F == float([[1.0, 0.5], [3.0, 0.25]]), F == float([[1, 2], [3, 4]]);')).toEqual([
      'float([[1.0, 0.5], [3.0, 0.25]])',
      'floatmatrix, 2, 2, [[1.0, 0.5], [3.0, 0.25]]',
      'true, false',
    ]);
    // A list that is not a matrix keeps the elementwise conversion.
    expect(runLines('print float([1, 1/4]), float(1/8);')).toEqual(['[1.0, 0.25], 0.125']);
  });

  it('JSON carries every entry; LaTeX is a pmatrix; large matrices print their corners', () => {
    const F = valueOf('print float([[1, 2], [3, 4]]);');
    expect(toJson(F)).toEqual({ floatMatrix: [[1, 2], [3, 4]], rows: 2, cols: 2 });
    expect(typedJson(F)).toEqual({ type: 'floatmatrix', rows: 2, cols: 2, matrix: [[1, 2], [3, 4]] });
    expect(toLatex(F)).toBe('\\begin{pmatrix} 1.0 & 2.0 \\\\ 3.0 & 4.0 \\end{pmatrix}');
    const big = valueOf('let M = [];\nfor i in 1..30 { let row = []; for j in 1..20 { row = append(row, 100*i + j); } M = append(M, row); }\nprint float(M);');
    expect(toText(big)).toBe('float matrix 30×20 [[101.0, 102.0, 103.0, …, 120.0], [201.0, 202.0, 203.0, …, 220.0], [301.0, 302.0, 303.0, …, 320.0], …, [3001.0, 3002.0, 3003.0, …, 3020.0]]');
    expect(toLatex(big)).toContain('\\vdots & \\vdots & \\vdots & \\ddots & \\vdots');
    expect((toJson(big) as { floatMatrix: number[][] }).floatMatrix[29]![19]).toBe(3020);
  });
});

describe('methods, fields and refusals', () => {
  it('transpose, rank (numerical, by SVD) and norm (Frobenius) accept it', () => {
    expect(runLines('let F = float([[1, 2, 3], [2, 4, 6]]);\nprint transpose(F), rank(F), rank(float([[1, 2], [3, 4]])), norm(F);')).toEqual([
      'float([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]]), 1, 2, 8.366600265340756',
    ]);
  });

  it('exact built-ins refuse a float matrix with a located error; .entries is the explicit conversion', () => {
    const [d] = runErrors('let F = float([[1, 2], [3, 4]]);\nprint det(F);');
    expect(d!.message).toMatch(/float matrix/);
    expect(d!.span.startLine).toBe(2);
    expect(runLines('let F = float([[1, 2], [3, 4]]);\nprint F.entries[2][1] + 1, sum(F.entries[1]);')).toEqual(['4.0, 3.0']);
  });
});

describe('gaussianMatrix', () => {
  it('is seeded: the same seed gives the same matrix, another seed another; how(...) records the seed', () => {
    const [a, b, c] = ['seed 5;', 'seed 5;', 'seed 6;'].map((s) => toText(valueOf(`${s}\nprint gaussianMatrix(3, 4);`)));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    const G = valueOf('seed 5;\nprint gaussianMatrix(3, 4);');
    expect(provenanceOf(G)).toMatchObject({ algorithm: 'box-muller', field: 'float64', seed: 5 });
  });

  it('has the requested mean and standard deviation, and the normal law (P(|z| ≤ 1) = erf(1/√2) = 0.6827)', () => {
    const lines = runLines([
      'seed 11;',
      'let G = gaussianMatrix(200, 100, 3, 2).entries;',
      'let s = 0; let s2 = 0; let inside = 0;',
      'for row in G { for x in row { s = s + x; s2 = s2 + x * x; if abs(x - 3) <= 2 { inside = inside + 1; } } }',
      'print s / 20000, sqrt(s2 / 20000 - (s / 20000)^2), float(inside / 20000);',
    ].join('\n'))[0]!.split(', ').map(Number);
    const [mean, sd, inside] = lines as [number, number, number];
    // Standard errors for n = 2·10^4: mean 2/√n = 0.0141, sd about 2/√(2n) = 0.0100, proportion √(p(1-p)/n) = 0.0033.
    expect(Math.abs(mean - 3)).toBeLessThan(5 * 0.0142);
    expect(Math.abs(sd - 2)).toBeLessThan(5 * 0.0101);
    expect(Math.abs(inside - 0.682689492)).toBeLessThan(5 * 0.0033);
  });

  it('refuses bad sizes and a negative sd with a located error', () => {
    expect(runErrors('gaussianMatrix(0, 3);')[0]!.message).toMatch(/positive sizes/);
    expect(runErrors('gaussianMatrix(2, 3, 0, -1);')[0]!.message).toMatch(/sd >= 0/);
  });
});

describe('the numerical built-ins take float matrices directly', () => {
  it('nnls(float(A), b) equals nnls on the exact A in floats; flatMinimum(float(M), k) equals flatMinimum(M, k)', () => {
    const src = [
      'seed 3;',
      'let A = randomMatrix(8, 5, 9);',
      'let b = randomMatrix(1, 8, 9)[1];',
      'let r1 = nnls(float(A), b);',
      'let r2 = nnls(A, b, exact = false);',
      'print r1.x == r2.x, r1.residual == r2.residual, length(r1.history.iteration) > 1;',
      'let M = [[4, 0, 1], [0, 9, 2]];',
      'print flatMinimum(float(M), 2).trace == flatMinimum(M, 2).trace;',
    ].join('\n');
    expect(runLines(src)).toEqual(['true, true, true', 'true']);
    expect(runErrors('flatMinimum(float([[1, 2]]), 1, exact = true);')[0]!.message).toMatch(/exact matrix/);
  });
});
