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
