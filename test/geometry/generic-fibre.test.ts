// Rings with parameters, `ring R = QQ(t)[x, y]` (src/math/fraction-field.ts, src/geometry/generic-fibre.ts,
// src/lang/builtins/parameter-rings.ts): reduced Gröbner bases over QQ(t), QQ(a, b) and GF(7)(t)
// against Singular's (`ring r = (0, t), (x, y), dp;`, std with redSB, made monic), generic counts
// against the counts of the same family written over QQ[x, y, t] and specialized at random rational
// values (an independent route: no basis over QQ(t) is involved), the counts at the discriminant's
// roots, specialization and its errors, and discriminant/sweep of a family declared over QQ(t).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runErrors, runLines } from '../helpers.js';

const hasSingular = !spawnSync('Singular', ['-v'], { encoding: 'utf8' }).error;

/** Singular's reduced, monic basis (its text, `short = 0`) of `ideal` in `ring`. */
function singularBasis(ring: string, ideal: string): string {
  const script = `${ring}\nshort = 0;\noption(redSB);\nideal I = ${ideal};\nprint(string(simplify(std(I), 1)));\nquit;\n`;
  const out = spawnSync('Singular', ['-q'], { input: script, encoding: 'utf8', timeout: 120_000 });
  expect(out.status).toBe(0);
  return out.stdout.trim();
}

const cases: { name: string; singular: string; vdl: string; ideal: string }[] = [
  { name: 'two conics, QQ(t), grevlex', singular: 'ring r = (0, t), (x, y), dp;', vdl: 'ring R = QQ(t)[x, y];', ideal: 'x^2 + t*y^2 - 1, x*y - t' },
  { name: 'a denominator in the basis, QQ(t), grevlex', singular: 'ring r = (0, t), (x, y), dp;', vdl: 'ring R = QQ(t)[x, y];', ideal: '(t - 1)*x^2 + y, t*x*y - 1' },
  { name: 'three variables, QQ(t), lex', singular: 'ring r = (0, t), (x, y, z), lp;', vdl: 'ring R = QQ(t)[x, y, z, order = lex];', ideal: 'x^2 + y*z - t, y^2 - t*x*z + 1, z^2 - x - (t + 2)*y' },
  { name: 'katsura-3 with a parameter, QQ(t), grevlex', singular: 'ring r = (0, t), (x, y, z), dp;', vdl: 'ring R = QQ(t)[x, y, z];', ideal: 'x + 2*y + 2*z - t, x^2 + 2*y^2 + 2*z^2 - x, 2*x*y + 2*y*z - y' },
  { name: 'two parameters, QQ(a, b), grevlex', singular: 'ring r = (0, a, b), (x, y), dp;', vdl: 'ring R = QQ(a, b)[x, y];', ideal: 'a*x^2 + b*y^2 - 1, x*y - a + b, x^3 - b*y' },
  { name: 'positive dimension, QQ(t), grevlex', singular: 'ring r = (0, t), (x, y, z), dp;', vdl: 'ring R = QQ(t)[x, y, z];', ideal: 'x*z - y^2, t*x^2 - y*z' },
  { name: 'GF(7)(t), lex', singular: 'ring r = (7, t), (x, y, z), lp;', vdl: 'ring R = GF(7)(t)[x, y, z, order = lex];', ideal: 't*x + y^2, y*z - t, x^2 - z' },
];

describe('Gröbner bases over QQ(t), QQ(a, b) and GF(7)(t) against Singular (skipped without Singular)', () => {
  for (const c of cases) {
    it(c.name, (context) => {
      if (!hasSingular) {
        context.skip();
        return;
      }
      const theirs = singularBasis(c.singular, c.ideal);
      // Both bases read and printed by vdl in the same ring: equal as sets of polynomials.
      const lines = runLines(`${c.vdl}\nlet G = gb(ideal(${c.ideal}));\nprint length(G);\nfor g in G { print g; }\nfor g in [${theirs}] { print g; }`);
      const n = Number(lines[0]);
      const ours = lines.slice(1, 1 + n);
      expect(lines.slice(1 + n).sort()).toEqual([...ours].sort());
    });
  }
});

describe('the generic fibre: counts over QQ(t) equal those at random rational values, and change at the discriminant roots', () => {
  const family = 'x^2 + t*y^2 - 1, x*y - t';

  it('vdim, dim, degree and the complex count over QQ(t) against the family over QQ[x, y, t] at t = 37/11 and -5/3', () => {
    const generic = runLines(`ring R = QQ(t)[x, y];\nlet I = ideal(${family});\nprint vdim(I), dim(I), degree(I), solve(I).complex;`);
    expect(generic).toEqual(['4, 0, 4, 4']);
    for (const value of ['37/11', '-5/3']) {
      const special = runLines(`ring P = QQ[x, y, t];\nlet J = at(ideal(${family}), t = ${value});\nprint vdim(J), dim(J), degree(J), solve(J).complex;`);
      expect(special).toEqual(generic);
    }
  });

  it('the discriminant t*(4t^3 - 1): 2 solutions at t = 0, and 2 at each root of 4t^3 - 1 (two pairs meet, by the symmetry (x, y) -> (-x, -y); 6 over the three roots together)', () => {
    expect(runLines(`ring R = QQ(t)[x, y];\nprint discriminant([${family}], t).polynomial;`)).toEqual(['4*t^4 - t']);
    expect(runLines(`ring P = QQ[x, y, t];\nprint solve(at(ideal(${family}), t = 0)).complex, solve(ideal(${family}, 4*t^3 - 1)).complex;`)).toEqual(['2, 6']);
  });

  it('a family with a pole: its denominators join the discriminant as `poles`; the sweep equals the sweep of the cleared family over QQ[x, y, t]', () => {
    const ours = runLines('ring R = QQ(t)[x, y];\nlet F = [x^2 + t*y^2 - 1, x*y - 1/(t - 3)];\nlet d = discriminant(F, t);\nprint d.polynomial, d.poles;\nprint sweep(F, t, -2, 2, 4);');
    expect(ours[0]).toBe('t^4 - 13*t^3 + 39*t^2 - 27*t, [t - 3]');
    const cleared = runLines('ring P = QQ[x, y, t];\nprint sweep([x^2 + t*y^2 - 1, (t - 3)*x*y - 1], t, -2, 2, 4);');
    expect(ours[1]).toBe(cleared[0]);
  });

  it('GF(7)(t): the generic count equals the count over GF(7) at t = 3 (a value off the basis denominators)', () => {
    const generic = runLines('ring R = GF(7)(t)[x, y, z, order = lex];\nlet I = ideal(t*x + y^2, y*z - t, x^2 - z);\nprint vdim(I), vdim(at(I, t = 3));');
    const special = runLines('ring S = GF(7)[x, y, z, order = lex];\nprint vdim(ideal(3*x + y^2, y*z - 3, x^2 - z));');
    expect(generic).toEqual([`5, ${special[0]}`]);
  });
});

describe('rings with parameters in the language', () => {
  it('the parameters are constants of the ring; division by them prints as rational functions', () => {
    expect(runLines('ring R = QQ(t)[x, y];\nprint R, x/(t - 1) + t*y, (x/(t - 1))*(t - 1), t/(t - 1), (t + 1)*x^2 - 1/t;')).toEqual(['QQ(t)[x, y], x/(t - 1) + t*y, x, t/(t - 1), (t + 1)*x^2 - 1/t']);
    expect(runLines('ring R = QQ(a, b)[x];\nprint (a^2 - b^2)/(a + b)*x, x/(a*b - b^2);')).toEqual(['(a - b)*x, x/(a*b - b^2)']);
  });

  it('at specializes every parameter, into QQ[x, y]; an ideal through its basis over QQ(t)', () => {
    expect(runLines('ring R = QQ(t)[x, y];\nprint at(x/(t - 1) + t*y, t = 3), ringOf(at(x + t, t = 1)), at([t, t^2*x], t = 2);')).toEqual(['1/2*x + 3*y, QQ[x, y], [2, 4*x]']);
    expect(runLines('ring R = QQ(t)[x, y];\nlet I = ideal(x^2 + t*y^2 - 1, x*y - t);\nprint at(I, t = 2), at(x, t = 1) + at(y, t = 2);')).toEqual(['ideal(x*y - 2, x^2 + 2*y^2 - 1, y^3 + x - 1/2*y), x + y']);
  });

  it('bad declarations and specializations are located errors', () => {
    const [pole] = runErrors('ring R = QQ(t)[x];\nprint at(x/(t - 1), t = 1);');
    expect(pole!.message).toBe('t = 1 is a pole of the coefficient 1/(t - 1) in x/(t - 1)');
    expect(pole!.span).toMatchObject({ startLine: 2, startColumn: 7 });
    const [special] = runErrors('ring R = QQ(t)[x];\nprint at(ideal((t - 1)*x^2 - 1), t = 1);');
    expect(special!.message).toMatch(/^t = 1 is not a generic value for this ideal: its Gröbner basis over QQ\(t\) has x\^2 - 1\/\(t - 1\)/);
    expect(runErrors('ring R = QQ(a, b)[x];\nprint at(x + a, a = 1);')[0]!.message).toBe('at on QQ(a, b)[x] specializes every parameter: give b = ... too');
    expect(runErrors('ring R = QQ(t)[x];\nprint at(x + t, x = 1);')[0]!.message).toBe('x is a variable of QQ(t)[x], not a parameter: at specializes the parameters t');
    const [shape] = runErrors('ring R = QQ(t^2)[x];');
    expect(shape!.message).toBe('the parameters of a rational function field are names: QQ(t), QQ(a, b), GF(p)(t)');
    expect(shape!.span).toMatchObject({ startLine: 1, startColumn: 10 });
    expect(runErrors('ring R = QQ(x)[x];')[0]!.message).toBe('x is named twice (a parameter cannot also be a variable)');
    expect(runErrors('ring R = GF(7)(a, b)[x];')[0]!.message).toBe('several parameters are supported over QQ only, not over GF(7) (one parameter: GF(7)(t))');
    expect(runErrors('ring R = QQ(t)[x];\nprint V(x - t);')[0]!.message).toBe('varieties need a ring over QQ, got QQ(t)[x]');
  });
});
