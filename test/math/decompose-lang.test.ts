// The decomposition built-ins in the language: minimalPrimes, radical in positive dimension,
// components, degrees of reduced varieties, reduced ramification loci; ring maps, kron, matrix.
import { describe, expect, it } from 'vitest';
import { toJson, toLatex } from '../../src/lang/print.js';
import { run } from '../../src/lang/run.js';
import { runErrors, runLines } from '../helpers.js';

function valueOf(source: string) {
  const result = run(source);
  if (!result.ok) throw new Error(result.diagnostics[0]!.message);
  return result.prints.at(-1)!.values[0]!;
}

describe('decomposition in the language', () => {
  it('minimalPrimes, radical and components, isolated points included', () => {
    const lines = runLines(
      [
        'ring R = QQ[x, y, z];',
        'let I = ideal(x*(x - 1), x*y, x*z, (x - 1)*(y*z - 1));',
        'print minimalPrimes(I);',
        'print radical(ideal(x^2, x*y)), radical(ideal(x^2*y - z^2, x*z^2 - y^3)) == intersect(ideal(y, z), ideal(y^3 - x*z^2, x^2*y - z^2, x^3 - y^2));',
        'let X = V(x*(x - 1), x*y, x*z, (x - 1)*(y*z - 1));',
        'print components(X), map(dim, components(X)), map(degree, components(X));',
        'print components(ideal(x*y, x*z));',
        'print how(minimalPrimes(I)).algorithm, how(components(X)[1]).algorithm;',
      ].join('\n'),
    );
    expect(lines).toEqual([
      '[ideal(x, y*z - 1), ideal(z, y, x - 1)]',
      'ideal(x), true',
      '[V(x, y*z - 1), V(z, y, x - 1)], [1, 0], [2, 1]',
      '[V(x), V(z, y)]',
      'minimal-primes, minimal-primes',
    ]);
  });

  it('degrees are those of the reduced variety unless multiplicity is asked', () => {
    const lines = runLines(
      [
        'ring R = QQ[x, y];',
        'print degree(V(x^2, y)), degree(V(x^2, y), multiplicity = true);',
        'print degree(ideal(x^2, y)), degree(ideal(x^2, y), multiplicity = false);',
        'print degree(V(x^2*y^3)), degree(V(x^2*y^3), multiplicity = true);',
        // Mixed dimensions: the degree counts the top-dimensional components (the line), not the point.
        'print degree(V(x*(x - 1), x*y));',
      ].join('\n'),
    );
    expect(lines).toEqual(['1, 2', '2, 1', '2, 5', '1']);
    expect(runErrors('ring R = QQ[x];\nprint degree(V(x^2), multiplicity = 1);')[0]!.message).toBe('multiplicity must be true or false, got a number');
  });

  it('the ramification locus of the twisted cubic under diag(0, 0, 1) is one reduced point (issue 16)', () => {
    const lines = runLines(
      [
        'ring T = QQ[t];',
        'let C = image([t, t^2, t^3]);',
        'let r = ramification(projection(diag(0, 0, 1)), C);',
        'print r, dim(r), degree(r), degree(r, multiplicity = true);',
        'print ramification(projection(diag(0, 1, 1)), C);',
      ].join('\n'),
    );
    // Scheme degree 1 as well: the locus is now the radical, V(y[3], y[2], y[1]) instead of V(y[3], y[2], y[1]^2).
    expect(lines).toEqual(['V(y[3], y[2], y[1]), 0, 1, 1', 'V(y[3], y[2], y[1])']);
  });

  it('refuses what it cannot do, at the call', () => {
    expect(runErrors('ring R = GF(101)[x, y];\nprint minimalPrimes(ideal(x*y));')[0]!.message).toMatch(/minimal primes need a ring over QQ/);
    expect(runErrors('ring R = GF(101)[x, y];\nprint radical(ideal(x*y));')[0]!.message).toMatch(/computed over QQ/);
  });
});

describe('ring maps, kron and matrix read-back', () => {
  it('map(R, S, [...]) moves polynomials, ideals and lists between rings', () => {
    const lines = runLines(
      [
        'ring S = QQ[u, v];',
        'let f = u^2 - v;',
        'let J = ideal(u - 1, v);',
        'ring R = QQ[t];',
        'let phi = map(R, S, [t, t^2]);',
        'print phi, map(phi, f), map(phi, J), map(phi, [u, v, 3]);',
        'print phi.images, ringOf(map(phi, u)) == R;',
        'ring P = GF(7)[s];',
        'print map(map(P, S, [s, 3]), u^2 + 1/2*v);',
        'fn sq(a) = a * a;',
        'print map(sq, [1, 2, 3]);',
      ].join('\n'),
    );
    expect(lines).toEqual(['map(R, S, [t, t^2]), 0, ideal(t - 1, t^2), [t, t^2, 3]', '[t, t^2], true', 's^2 - 2', '[1, 4, 9]']);
    // 1/2 = 4 in GF(7): u^2 + 1/2*v -> s^2 + 4*3 = s^2 + 12 = s^2 - 2.
    expect(toLatex(valueOf('ring S = QQ[u];\nring R = QQ[t];\nprint map(R, S, [t^2]);'))).toBe('S \\to R,\\ u \\mapsto t^{2}');
    expect(toJson(valueOf('ring S = QQ[u];\nring R = QQ[t];\nprint map(R, S, [t^2]);'))).toEqual({ map: { target: 'R', source: 'S', images: ['t^2'] } });
  });

  it('reports bad ring maps at the call', () => {
    expect(runErrors('ring S = QQ[u, v];\nring R = QQ[t];\nprint map(R, S, [t]);')[0]!.message).toBe('QQ[u, v] has 2 variables, the map gives 1 image');
    expect(runErrors('ring S = GF(7)[u];\nring R = QQ[t];\nprint map(R, S, [t]);')[0]!.message).toMatch(/do not map into QQ/);
    expect(runErrors('ring S = QQ[u];\nring R = QQ[t];\nlet phi = map(R, S, [t]);\nprint map(phi, t);')[0]!.message).toMatch(/lives in QQ\[t\], not in QQ\[u\]/);
  });

  it('kron and matrix', () => {
    const lines = runLines(
      [
        'print kron([[1, 2], [3, 4]], [[0, 1], [1, 0]]);',
        'ring R = QQ[x];',
        'print kron([[1, 2]], [[1], [x]]);',
        'print matrix(identity(3)), matrix(diag(1/2, 3)), matrix(projection(diag(0, 1, 1)));',
        'print matrix(form([[2, 1], [1, 2]])) == form([[2, 1], [1, 2]]).matrix;',
      ].join('\n'),
    );
    expect(lines).toEqual([
      '[[0, 1, 0, 2], [1, 0, 2, 0], [0, 3, 0, 4], [3, 0, 4, 0]]',
      '[[1, 2], [x, 2*x]]',
      '[[1, 0, 0], [0, 1, 0], [0, 0, 1]], [[1/2, 0], [0, 3]], [[0, 1, 0], [0, 0, 1]]',
      'true',
    ]);
    expect(runErrors('print kron(1, [[1]]);')[0]!.message).toMatch(/argument 1 must be a matrix/);
  });
});
