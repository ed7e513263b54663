// solve(I, method = "numerical") in the language: the record of the exact route plus
// {certified, complete, expected, paths, failed}, checked against the exact route in the same
// script; how(...) names the homotopy and the count it rests on; bad methods and non-square
// systems are diagnostics at the call.
import { describe, expect, it } from 'vitest';
import { runErrors, runLines } from '../../helpers.js';

describe('solve(I, method = "numerical")', () => {
  it('agrees with the exact route on counts and real points, complete and certified', () => {
    const out = runLines(
      [
        'ring R = QQ[x, y];',
        'let I = ideal(x^2 + y^2 - 4, x*y - 1);',
        'let s = solve(I, method = "numerical");',
        'let e = solve(I, digits = 10);',
        'print s.complex == e.complex, s.real == e.real, s.complete, s.certified, s.expected, s.paths, s.failed;',
        'print s.points[1][1], e.points[1][1];',
        'print how(s).algorithm;',
      ].join('\n'),
    );
    expect(out[0]).toBe('true, true, true, true, 4, 4, 0');
    const [a, b] = out[1]!.split(', ').map((t) => Number(t.replace(/"/g, '')));
    expect(Math.abs(a! - b!)).toBeLessThan(1e-9);
    expect(out[2]).toBe('homotopy-krawczyk');
  });

  it('a cluster double precision merges: both roots certified, and how() says double-double', () => {
    // (x - 1)² = 10⁻²⁰: x = 1 ± 10⁻¹⁰ (closed form); doubles round the constant to 1, a double root
    const out = runLines(
      [
        'ring R = QQ[x, y];',
        'let s = solve(ideal((x - 1)^2 - 1/10^20, y - x - 1), method = "numerical");',
        'print s.complex, s.real, s.complete, s.certified, s.failed;',
        'print how(s).note;',
      ].join('\n'),
    );
    expect(out[0]).toBe('2, 2, true, true, 0');
    expect(out[1]).toContain('2 tracked in double-double arithmetic after double precision lost them');
  });

  it('rejects an unknown method and a non-square system with a located error', () => {
    const [bad] = runErrors('ring R = QQ[x, y];\nsolve(ideal(x, y), method = "newton");');
    expect(bad!.message).toContain('unknown method "newton"');
    const [square] = runErrors('ring R = QQ[x, y];\nsolve(ideal(x - 1, y - 2, x + y - 3), method = "numerical");');
    expect(square!.message).toContain('as many equations as unknowns');
    expect(square!.span.startLine).toBe(2);
  });
});

describe('monodromy in the language', () => {
  it('solve(I, method = "monodromy") and monodromy(I) agree with the exact route; how names the route', () => {
    const out = runLines(
      [
        'ring R = QQ[x, y];',
        'let I = ideal(x^3 + y^2 - 2, x*y - 3);',
        'let s = solve(I, method = "monodromy");',
        'let m = monodromy(I);',
        'let e = solve(I);',
        'print s.complex == e.complex, s.real == e.real, s.complete, s.certified, m.complex == e.complex, m.complete;',
        'print how(s).algorithm, s.loops > 0, s.base >= s.complex;',
      ].join('\n'),
    );
    expect(out[0]).toBe('true, true, true, true, true, true');
    expect(out[1]).toBe('monodromy-krawczyk, true, true');
  });

  it('monodromy(I, params, values) solves the instance; stationary(L, method = "monodromy") has the exact indices', () => {
    const out = runLines(
      [
        'ring S = QQ[x, y, a];',
        'let m = monodromy(ideal(x^2 + y^2 - a, x*y - 1), [a], [4]);',
        'print m.complex, m.real, m.complete;',
        'ring R = QQ[a, b, c];',
        'let L = (a*b - 1)^2 + (b*c - 2)^2 + 1/10*(a^2 + b^2 + c^2);',
        'let s = stationary(L, method = "monodromy");',
        'print s.indices == stationary(L).indices, s.complete, s.certified;',
      ].join('\n'),
    );
    expect(out).toEqual(['4, 4, true', 'true, true, true']);
  });

  it('located errors: values missing, a parameter of degree two', () => {
    const [missing] = runErrors('ring S = QQ[x, a];\nmonodromy(ideal(x^2 - a), [a]);');
    expect(missing!.message).toContain('needs the values');
    expect(missing!.span.startLine).toBe(2);
    const [square] = runErrors('ring S = QQ[x, a];\nmonodromy(ideal(x^2 - a^2), [a], [1]);');
    expect(square!.message).toContain('affine in the parameters');
    expect(square!.span.startLine).toBe(2);
  });
});

describe('singular solutions in the language', () => {
  it('a double root is reported with its multiplicity, not certified, and the result is incomplete', () => {
    const out = runLines(
      [
        'ring R = QQ[x, y];',
        'let s = solve(ideal(x^2 - 4*x + 4, y - x - 1), method = "numerical");',
        'print s.complex, s.complete, s.expected, length(s.singular), s.singular[1].multiplicity;',
        'print s.singular[1].point[1][1];',
        'print s.singular[1].certified, s.singular[1].reason;',
      ].join('\n'),
    );
    expect(out[0]).toBe('0, false, 1, 1, 2');
    expect(Math.abs(Number(out[1]) - 2)).toBeLessThan(1e-9);
    expect(out[2]).toMatch(/^false, .*Jacobian is singular.*multiplicity/);
  });
});

describe('start systems in the language', () => {
  it('start = "total-degree" | "multihomogeneous" and groups: the same solutions, the paths of each start, how says which', () => {
    // A x = l x with the normalization x1 + 2 x2 + 3 x3 = 1: 3 eigenpairs, total degree 8, m-Bezout 3
    const out = runLines(
      [
        'ring R = QQ[x1, x2, x3, l];',
        'let I = ideal(2*x1 + x2 - l*x1, x1 + 3*x2 + x3 - l*x2, x2 + 4*x3 - l*x3, x1 + 2*x2 + 3*x3 - 1);',
        'let a = solve(I, method = "numerical");',
        'let t = solve(I, method = "numerical", start = "total-degree");',
        'let g = solve(I, method = "numerical", start = "multihomogeneous", groups = [[x1, x2, x3], [l]]);',
        'let e = solve(I, digits = 12);',
        'print a.paths, t.paths, g.paths;',
        'print a.complex == e.complex, t.complex == e.complex, g.complex == e.complex, a.complete, t.complete, g.complete, a.certified;',
        'print a.points == t.points, a.points == g.points;',
        'print how(a).note;',
        'print how(t).note;',
      ].join('\n'),
    );
    expect(out[0]).toBe('3, 8, 3');
    expect(out[1]).toBe('true, true, true, true, true, true, true');
    expect(out[2]).toBe('true, true');
    expect(out[3]).toMatch(/^multihomogeneous homotopy \(linear-product start for the partition \{3 unknowns\}, \{1 unknown\}: 3 paths, the m-homogeneous Bezout number, against the total degree 8\)/);
    expect(out[4]).toMatch(/^total-degree homotopy/);
  });

  it('stationary(L, method = "numerical") of a network uses its layer blocks; start = "total-degree" tracks the Bezout number', () => {
    const out = runLines(
      [
        'let N = linear(2, 1, 2);',
        'let L = loss(N, X = [[1, 2, -1], [0, 1, 3]], Y = [[2, -1, 1], [1, 1, 0]], reg = [1/2, 1/3, 1/5, 1/7]);',
        'let a = stationary(L, method = "numerical");',
        'let t = stationary(L, method = "numerical", start = "total-degree");',
        'let e = stationary(L);',
        'print a.paths, t.paths, a.bezout;',
        'print a.indices == e.indices, t.indices == e.indices, a.complete, t.complete;',
      ].join('\n'),
    );
    expect(out).toEqual(['33, 81, 81', 'true, true, true, true']);
  });

  it('located errors: an unknown start, groups that are not a partition, start without method = "numerical"', () => {
    const [name] = runErrors('ring R = QQ[x, y];\nsolve(ideal(x^2 - 1, y^2 - 1), method = "numerical", start = "polyhedral");');
    expect(name!.message).toContain('unknown start "polyhedral"');
    expect(name!.span.startLine).toBe(2);
    const [partition] = runErrors('ring R = QQ[x, y];\nsolve(ideal(x^2 - 1, y^2 - 1), method = "numerical", groups = [[x], [x]]);');
    expect(partition!.message).toContain('partition of the 2 variables');
    const [exact] = runErrors('ring R = QQ[x, y];\nsolve(ideal(x^2 - 1, y^2 - 1), start = "total-degree");');
    expect(exact!.message).toContain('go with method = "numerical"');
    const [both] = runErrors('ring R = QQ[x, y];\nsolve(ideal(x^2 - 1, y^2 - 1), method = "numerical", start = "total-degree", groups = [[x], [y]]);');
    expect(both!.message).toContain('not with the total-degree start');
  });
});
