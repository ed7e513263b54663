// Families (src/geometry/family.ts, discriminant.ts): specialization at(X, t = a), discriminants of
// one- and two-parameter families against closed formulas (the discriminant of a quadratic, the
// evolute of the parabola: the ED discriminant 27 a^2 = 2 (2b - 1)^3 of y = x^2, from the cubic
// discriminant of its critical equation 2x^3 + (1 - 2b) x - a = 0), a solution escaping to infinity,
// and the sweep's real counts against the discriminant's real roots.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QQ, rat } from '../../src/math/field.js';
import { PolyRing } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import * as G from '../../src/geometry/index.js';
import { runErrors, runLines } from '../helpers.js';

describe('at: specialization of parameters', () => {
  it('polynomials, matrices (a form with symbolic entries), ideals and varieties move to the ring of the other variables', () => {
    expect(runLines('ring R = QQ[x, y, t];\nprint at(x^2 + t*y, t = 1/2), at([[1, t], [t, x]], t = 2);')).toEqual(['x^2 + 1/2*y, [[1, 2], [2, x]]']);
    expect(runLines('ring S = QQ[t];\nlet Q = form(at([[1, t], [t, 2]], t = 1/3));\nprint Q, rank(Q);')).toEqual(['form([[1, 1/3], [1/3, 2]]), 2']);
    // The ideal of the specialization: the ring loses t, so the dimension is that of the fibre.
    expect(runLines('ring R = QQ[x, y, t];\nlet I = ideal(x*y - t, x - y);\nprint dim(I), at(I, t = 4), dim(at(I, t = 4)), degree(at(I, t = 4));')).toEqual(['1, ideal(x*y - 4, x - y), 0, 2']);
    expect(runLines('ring R = QQ[x, y, a];\nlet X = at(V(x*y - a), a = 0);\nprint X, dim(X), ringOf(X);')).toEqual(['V(x*y), 1, QQ[x, y]']);
    expect(runLines('ring R = QQ[x, t];\nprint at({f: x + t, g: [t^2]}, t = 3);')).toEqual(['{f: x + 3, g: [9]}']);
  });

  it('every variable specialized gives numbers; a loss with a symbolic entry is specialized like any polynomial', () => {
    expect(runLines('ring R = QQ[s, t];\nprint at(s^2 + t, s = 2, t = 1/2), at([s, t], s = 1, t = 0);')).toEqual(['9/2, [1, 0]']);
    expect(runLines('ring R = QQ[w1, w2, y];\nlet L = (w2*w1 - y)^2;\nprint at(L, y = 2);')).toEqual(['w1^2*w2^2 - 4*w1*w2 + 4']);
  });

  it('bad specializations are located errors', () => {
    const [unknown] = runErrors('ring R = QQ[x, t];\nprint at(x + t, s = 1);');
    expect(unknown!.message).toBe('s is not a variable of QQ[x, t]');
    expect(unknown!.span.startLine).toBe(2);
    const [notNumber] = runErrors('ring R = QQ[x, t];\nprint at(x + t, t = x);');
    expect(notNumber!.message).toBe('the value of t must be an exact number, got a polynomial');
    const [none] = runErrors('ring R = QQ[x, t];\nprint at(x + t);');
    expect(none!.message).toMatch(/^at needs at least one specialization/);
    const [allGone] = runErrors('ring R = QQ[t];\nprint at(ideal(t), t = 1);');
    expect(allGone!.message).toMatch(/every variable of QQ\[t\] is specialized/);
  });

  it('a form, data matrix or data point with symbolic entries asks to be specialized first', () => {
    const [form] = runErrors('ring S = QQ[t];\nlet Q = form([[1, t], [t, 2]]);');
    expect(form!.message).toBe('argument 1 has symbolic entries (polynomials of QQ[t]): specialize its parameters first, e.g. at(M, t = 1/2)');
    expect(form!.span).toMatchObject({ startLine: 2, startColumn: 14 });
    expect(runErrors('ring S = QQ[t];\nprint gram([[1], [t]]);')[0]!.message).toMatch(/^argument 1 has symbolic entries/);
    expect(runErrors('ring S = QQ[t];\nlet u = [1, t];\nring R = QQ[x, y];\nprint criticalPoints(V(y - x^2), identity(2), u);')[0]!.message).toMatch(/^argument 3 has symbolic entries/);
    expect(runLines('ring S = QQ[t];\nlet u = [1, t];\nring R = QQ[x, y];\nprint criticalPoints(V(y - x^2), identity(2), at(u, t = 2)).complex;')).toEqual(['3']);
  });
});

describe('discriminant and sweep', () => {
  it('x^2 + t x + 1: t^2 - 4 (b^2 - 4c), its two real roots, and the sweep: 2, 0, 2 real solutions around them', () => {
    const lines = runLines('ring R = QQ[x, t];\nlet F = [x^2 + t*x + 1];\nlet d = discriminant(F, t);\nprint d.polynomial, d.degree, d.real;\nfor p in sweep(F, t, -3, 3, 3) { print p.t, p.complex, p.real; }');
    expect(lines).toEqual(['t^2 - 4, 2, 2', '-3, 2, 2', '-1, 2, 0', '1, 2, 0', '3, 2, 2']);
  });

  it('two parameters: the discriminant of x^2 + b x + c is b^2 - 4c', () => {
    const R = new PolyRing(QQ, ['x', 'b', 'c']);
    const [x, b, c] = [0, 1, 2].map((i) => R.variable(i));
    const res = G.discriminant(R, [R.add(R.add(R.mul(x!, x!), R.mul(b!, x!)), c!)], [1, 2]);
    expect(res.polynomials.map((f) => res.ring.toText(f))).toEqual(['b^2 - 4*c']);
    expect(res.infinity).toEqual([]);
  });

  it('the ED discriminant of the parabola y = x^2 (its evolute): 27 a^2 - 2 (2b - 1)^3, from the Lagrange system', () => {
    // Lagrange system of d_u(x, y) = (x - a)^2 + (y - b)^2 on y = x^2 (unknowns x, y, l).
    const R = new PolyRing(QQ, ['x', 'y', 'l', 'a', 'b']);
    const [x, y, l, a, b] = [0, 1, 2, 3, 4].map((i) => R.variable(i)) as [ReturnType<typeof R.variable>, ...ReturnType<typeof R.variable>[]];
    const two = R.constant(rat(2n));
    const F = [R.sub(R.sub(x, a!), R.mul(R.mul(two, l!), x)), R.add(R.sub(y!, b!), l!), R.sub(y!, R.mul(x, x))];
    const res = G.discriminant(R, F, [3, 4]);
    const P = res.ring;
    const [pa, pb] = [P.variable(0), P.variable(1)];
    const twoB1 = P.sub(P.scale(pb, rat(2n)), P.one());
    const evolute = P.sub(P.scale(P.mul(pa, pa), rat(27n)), P.scale(P.mul(twoB1, P.mul(twoB1, twoB1)), rat(2n)));
    expect(res.polynomials).toHaveLength(1);
    expect(P.equals(P.monic(res.polynomials[0]!), P.monic(evolute))).toBe(true);
  });

  it('the slice b = 1 in the language: 27 a^2 - 2, and 1, 3, 1 real critical points across its roots ±0.272', () => {
    const lines = runLines('ring R = QQ[x, y, l, a];\nlet F = [x - a - 2*l*x, y - 1 + l, y - x^2];\nlet d = discriminant(F, a);\nprint d.polynomial, d.real;\nfor p in sweep(F, a, -1/2, 1/2, 4) { print p.t, p.real; }');
    expect(lines).toEqual(['27*a^2 - 2, 2', '-1/2, 1', '-1/4, 3', '0, 3', '1/4, 3', '1/2, 1']);
  });

  it('a solution escaping to infinity: t x = 1 has the discriminant t, from the leading coefficient', () => {
    const R = new PolyRing(QQ, ['x', 't']);
    const res = G.discriminant(R, [R.sub(R.mul(R.variable(1), R.variable(0)), R.one())], [1]);
    expect(res.polynomials.map((f) => res.ring.toText(f))).toEqual(['t']);
    expect(res.infinity.map((f) => res.ring.toText(f))).toEqual(['t']);
    expect(G.sweep(R, [R.sub(R.mul(R.variable(1), R.variable(0)), R.one())], 1, rat(-1n), rat(1n), 2).map((p) => p.complex)).toEqual([1, 0, 1]);
  });

  it('systems that are not square or not generically finite are errors', () => {
    expect(runErrors('ring R = QQ[x, y, t];\nprint discriminant([x - t], t);')[0]!.message).toBe('a discriminant needs a square system: 1 equations in 2 unknowns (x, y)');
    expect(runErrors('ring R = QQ[x, t];\nprint discriminant([(x - t)^2], t);')[0]!.message).toMatch(/^every parameter value has a double/);
  });
});

describe('the teacher-line family of examples/discriminant.vdl against Singular', () => {
  it('the critical part equals the eliminant of Singular (eliminate of F and the Jacobian determinant; skipped without Singular)', (context) => {
    if (spawnSync('Singular', ['-v'], { encoding: 'utf8' }).error) {
      context.skip();
      return;
    }
    const example = readFileSync(path.resolve(import.meta.dirname, '../../examples/discriminant.vdl'), 'utf8');
    const setup = example.slice(example.indexOf('ring R = QQ[c1'), example.indexOf('let D = discriminant(L, t);'));
    const [system, ours] = runLines(`${setup}print L;\nprint discriminant(L, t).critical[1];`);
    const script = `ring r = 0, (c1, c2, c3, l, t), dp; short = 0;\nideal I = ${system!.slice(1, -1)};\nmatrix J[4][4];\nint i; int j;\nfor (i = 1; i <= 4; i++) { for (j = 1; j <= 4; j++) { J[i, j] = diff(I[i], var(j)); } }\npoly d = det(J);\nideal E = eliminate(I + d, c1*c2*c3*l);\nprint(E);\nquit;\n`;
    const out = spawnSync('Singular', ['-q'], { input: script, encoding: 'utf8', timeout: 120_000 });
    expect(out.status).toBe(0);
    const P = new PolyRing(QQ, ['t']);
    const theirs = out.stdout.trim().split(/,?\n/).map((line) => P.monic(parsePoly(P, line.replace(/^_\[\d+\]=/, ''))));
    expect(theirs).toHaveLength(1);
    expect(P.toText(theirs[0]!)).toBe(P.toText(P.monic(parsePoly(P, ours!))));
  });
});

describe('which roots of the discriminant change the counts, and which are spurious', () => {
  it('x^2 + t x + 1: both roots of t^2 - 4 change the real count (2 -> 0 -> 2) and have one double solution; t x = 1: none is real-crossing, but no solution is left at t = 0', () => {
    const lines = runLines('ring R = QQ[x, t];\nlet d = discriminant([x^2 + t*x + 1], t);\nprint d.generic, d.spurious, d.changing;\nfor r in d.roots { print r.below, r.above, r.complex, r.changes; }\nlet e = discriminant([t*x - 1], t);\nprint e.factors, e.roots[1].changes;');
    expect(lines).toEqual(['2, [], t^2 - 4', '2, 0, 1, true', '0, 2, 1, true', '[{polynomial: t, complex: 0, crossings: 0, spurious: false}], true']);
    // The counts at the roots by a second route: the specialized systems solved exactly.
    expect(runLines('ring R = QQ[x, t];\nprint solve(at(ideal(x^2 + t*x + 1), t = 2)).complex, solve(at(ideal(x^2 + t*x + 1), t = -2)).complex;')).toEqual(['1, 1']);
  });

  it('the teacher line of examples/discriminant.vdl: a spurious infinity root 33981/4655 (4 solutions there, 2 real on both sides), the quadratic where one escapes, the sextic where two meet', () => {
    const example = readFileSync(path.resolve(import.meta.dirname, '../../examples/discriminant.vdl'), 'utf8');
    const setup = example.slice(example.indexOf('ring R = QQ[c1'), example.indexOf('let D = discriminant(L, t);'));
    const lines = runLines(`${setup}let D = discriminant(L, t);\nprint D.generic, D.spurious;\nfor f in D.factors { print degree(f.polynomial), f.complex, f.crossings, f.spurious; }\nfor r in D.roots { print r.below, r.above, r.complex, r.changes; }`);
    expect(lines).toEqual([
      '4, [4655*t - 33981]',
      '1, 4, 0, true',
      '2, 3, 0, false',
      '6, 3, 2, false',
      '2, 2, 3, true',
      '2, 4, 3, true',
      '4, 2, 3, true',
      '2, 2, 3, true',
      '2, 2, 4, false',
    ]);
    // Second routes: at the rational root itself the system has the generic 4 solutions (solve over QQ
    // of the specialized system), with 2 real ones just below and above it; over the roots of the
    // quadratic factor the exact count over QQ of F, 74t^2 + 63t - 872 is 2 x 3 (the modular count above).
    expect(runLines(`${setup}print solve(at(ideal(L), t = 33981/4655)).complex, solve(at(ideal(L), t = 7)).real, solve(at(ideal(L), t = 15/2)).real;`)).toEqual(['4, 2, 2']);
    expect(runLines(`${setup}print solve(ideal(append(L, 74*t^2 + 63*t - 872))).complex;`)).toEqual(['6']);
  });

  it('a family over QQ(t): the same classification, the poles included', () => {
    const lines = runLines('ring R = QQ(t)[x];\nlet d = discriminant([x^2 + t*x + 1/(t - 5)], t);\nprint d.poles, d.generic;\nfor f in d.factors { print f; }');
    expect(lines[0]).toBe('[t - 5], 2');
    // At t = 5 the cleared family (t - 5) x^2 + t (t - 5) x + 1 loses both solutions to infinity.
    expect(lines).toContain('{polynomial: t - 5, complex: 0, crossings: 1, spurious: false}');
  });
});
