import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { QQ, SmallPrimeField, type Rat } from '../../src/math/field.js';
import { PolyRing, type Poly } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { factorModularPolynomial, factorPolynomial, type Factorization } from '../../src/math/factor/index.js';
import * as P from '../../src/math/factor/recursive.js';
import { factorSquareFreeZ } from '../../src/math/factor/zassenhaus.js';
import { Random } from '../../src/math/random.js';
import { toJson, toLatex } from '../../src/lang/print.js';
import { run } from '../../src/lang/run.js';
import { runErrors, runLines } from '../helpers.js';

const R = new PolyRing(QQ, ['x', 'y', 'z']);
const p = (s: string) => parsePoly(R, s);

function product(F: Factorization): Poly<Rat> {
  return F.factors.reduce((acc, x) => R.mul(acc, R.pow(x.factor, x.multiplicity)), R.constant(F.unit));
}

/** Factor texts with multiplicities, each made monic (a normal form independent of the system). */
function normalForm(fs: readonly { factor: Poly<Rat>; multiplicity: number }[]): string[] {
  return fs.filter((x) => !R.isConstant(x.factor)).map((x) => `${R.toText(R.monic(x.factor))} ^ ${x.multiplicity}`).sort();
}

/** The Swinnerton-Dyer polynomial ∏ (x ± √p_1 ± ... ± √p_k), built by P(x - √q)·P(x + √q) = A² - q·B². */
function swinnertonDyer(primes: readonly number[]): Poly<Rat> {
  const S = new PolyRing(QQ, ['x', 's']);
  let f = S.variable(0);
  for (const q of primes) {
    // f(x + s) with s² = q: split into A + s·B.
    const shifted = S.compose(f, S, [S.add(S.variable(0), S.variable(1)), S.variable(1)], (c) => c);
    let A = S.zero();
    let B = S.zero();
    shifted.mons.forEach((m, i) => {
      const e = m[1]!;
      const c = QQ.mul(shifted.coeffs[i]!, { num: BigInt(q) ** BigInt(e >> 1), den: 1n });
      const mono = new Int32Array([m[0]!, 0]);
      if (e % 2 === 0) A = S.add(A, S.term(c, mono));
      else B = S.add(B, S.term(c, mono));
    });
    f = S.sub(S.mul(A, A), S.scale(S.mul(B, B), { num: BigInt(q), den: 1n }));
  }
  return R.fromTerms(f.mons.map((m, i) => [new Int32Array([m[0]!, 0, 0]), f.coeffs[i]!] as const));
}

describe('factor over QQ', () => {
  it('x^n - 1 splits into the cyclotomic polynomials Φ_d, d | n (degrees φ(d))', () => {
    const phi = (n: number) => {
      let r = n;
      for (let q = 2, m = n; q <= m; q++) {
        if (m % q === 0) {
          while (m % q === 0) m /= q;
          r -= r / q;
        }
      }
      return r;
    };
    for (let n = 1; n <= 36; n++) {
      const f = R.sub(R.pow(R.variable(0), n), R.one());
      const F = factorPolynomial(R, f, { seed: n });
      const divisors = Array.from({ length: n }, (_, i) => i + 1).filter((d) => n % d === 0);
      expect(F.factors.map((x) => R.degree(x.factor)).sort((a, b) => a - b)).toEqual(divisors.map(phi).sort((a, b) => a - b));
      expect(F.factors.every((x) => x.multiplicity === 1)).toBe(true);
      expect(R.equals(product(F), f)).toBe(true);
    }
  });

  it('Swinnerton-Dyer polynomials are irreducible although they split into linear or quadratic factors modulo every prime', () => {
    const s3 = swinnertonDyer([2, 3, 5]);
    // The literature value (e.g. MCA §15.3): x^8 - 40x^6 + 352x^4 - 960x^2 + 576.
    expect(R.toText(s3)).toBe('x^8 - 40*x^6 + 352*x^4 - 960*x^2 + 576');
    const s4 = swinnertonDyer([2, 3, 5, 7]);
    const F4 = factorPolynomial(R, s4, { seed: 1 });
    expect(F4.factors).toHaveLength(1);
    expect(F4.maxImageFactors).toBeGreaterThanOrEqual(8);
    // A product of two Swinnerton-Dyer polynomials (one shifted) has exactly these two factors.
    const shifted = R.compose(s3, R, [R.add(R.variable(0), R.one()), R.variable(1), R.variable(2)], (c) => c);
    const F = factorPolynomial(R, R.mul(s3, shifted), { seed: 2 });
    expect(normalForm(F.factors)).toEqual(normalForm([{ factor: s3, multiplicity: 1 }, { factor: shifted, multiplicity: 1 }]));
  });

  it('keeps units, contents and multiplicities, and multiplies back', () => {
    const cases = ['-3/4*(x - 1)^2*(x + 2)', '6*y^2*x^2 - 6*y^2', '(x*y + z)*(x - z^2)^2*(y^2 + x*z + 1)', '(x + y)^5*(x - y)^3*z^2', 'x*y*z', '(2*x*y - 3*z)*(x^2 + y^2 + z^2)*(x + y + z)^3'];
    for (const c of cases) {
      const f = p(c);
      const F = factorPolynomial(R, f, { seed: 3 });
      expect(R.equals(product(F), f)).toBe(true);
      for (const x of F.factors) expect(R.leadCoeff(x.factor).num > 0n).toBe(true);
    }
    const F = factorPolynomial(R, p('-3/4*(x - 1)^2*(x + 2)'));
    expect(F.unit).toEqual({ num: -3n, den: 4n });
    expect(normalForm(F.factors)).toEqual(['x + 2 ^ 1', 'x - 1 ^ 2']);
  });

  it('bivariate products with many factors are recovered whatever the seed', () => {
    const parts = ['x + y + 1', 'x - 2*y + 3', 'x*y - 5', 'x^2 + y^3 - 2', 'x + 3*y^2', 'x^2*y + x + 7', 'y - 4'];
    const f = parts.map(p).reduce((a, b) => R.mul(a, b));
    for (const seed of [1, 2, 3]) {
      const F = factorPolynomial(R, f, { seed });
      expect(normalForm(F.factors)).toEqual(normalForm(parts.map((s) => ({ factor: p(s), multiplicity: 1 }))));
    }
    // x^6 - y^6 = (x - y)(x + y)(x^2 + xy + y^2)(x^2 - xy + y^2).
    expect(factorPolynomial(R, p('x^6 - y^6')).factors).toHaveLength(4);
  });

  it('irreducible multivariate polynomials stay whole, also when images split', () => {
    // x^2 - 2 y^2 is irreducible over QQ; its images at y = a are x^2 - 2a^2 (irreducible), but
    // x^4 + y^4 has images that split for some points (x^4 + 4 at y^2 = 2) and must not be cut.
    for (const s of ['x^2 - 2*y^2', 'x^4 + y^4', 'x^2 + y^2 + z^2 - 1', 'x^3*y + y^3*z + z^3*x']) {
      const F = factorPolynomial(R, p(s), { seed: 5 });
      expect(F.factors).toHaveLength(1);
    }
  });

  it('refuses the zero polynomial and other fields', () => {
    expect(() => factorPolynomial(R, R.zero())).toThrow(/zero polynomial/);
  });

  it('the recursive gcd agrees with the product of common factors', () => {
    const a = p('(x + y*z)^2*(x - 1)*(y^2 + z)');
    const b = p('(x + y*z)*(x - 1)^3*(z^3 + x)');
    const order = [0, 1, 2];
    const g = P.gcd(P.fromSparse(R, a, order), P.fromSparse(R, b, order), 3);
    expect(R.toText(R.monic(P.toSparse(R, g, order)))).toBe(R.toText(R.monic(p('(x + y*z)*(x - 1)'))));
  });

  it('Zassenhaus returns primitive factors whose product is the input', () => {
    const f = [-6n, 11n, 0n, -4n, 2n, 6n]; // a random quintic
    const fs = factorSquareFreeZ(f, new Random(7));
    const prod = fs.reduce((a, g) => R.mul(a, R.fromTerms(g.map((c, i) => [new Int32Array([i, 0, 0]), { num: c, den: 1n }] as const))), R.one());
    expect(R.toText(prod)).toBe(R.toText(R.fromTerms(f.map((c, i) => [new Int32Array([i, 0, 0]), { num: c, den: 1n }] as const))));
  });
});

describe('factor against Singular (skipped when Singular is not installed)', () => {
  it("agrees with Singular's factorize on products of random polynomials", (context) => {
    if (spawnSync('Singular', ['-v'], { encoding: 'utf8' }).error) {
      context.skip('Singular is not installed');
      return;
    }
    const random = new Random(11);
    const randomPoly = (terms: number, deg: number) => {
      const t: [Int32Array, Rat][] = [];
      for (let k = 0; k < terms; k++) {
        const m = new Int32Array(3);
        let left = random.int(0, deg);
        for (let i = 0; i < 3 && left > 0; i++) {
          const e = random.int(0, left);
          m[i] = e;
          left -= e;
        }
        t.push([m, { num: BigInt(random.int(-9, 9)), den: 1n }]);
      }
      return R.fromTerms(t);
    };
    const inputs: Poly<Rat>[] = [];
    for (let k = 0; k < 12; k++) {
      const count = random.int(2, 4);
      let f = R.one();
      for (let j = 0; j < count; j++) {
        const g = randomPoly(random.int(2, 4), random.int(1, 3));
        if (!R.isConstant(g)) f = R.mul(f, R.pow(g, random.int(1, 2)));
      }
      if (!R.isConstant(f)) inputs.push(f);
    }
    inputs.push(p('x^6 - y^6'), p('x^4 - y^4*z^4'), swinnertonDyer([2, 3, 5]));
    let script = 'ring r = 0, (x, y, z), dp; short = 0;\n';
    inputs.forEach((f, k) => {
      script += `poly f${k} = ${R.toText(f)};\nlist L${k} = factorize(f${k});\nprint("BEGIN ${k}");\n`;
      script += `for (int i${k} = 1; i${k} <= size(L${k}[1]); i${k}++) { print(string(L${k}[1][i${k}]) + " ^ " + string(L${k}[2][i${k}])); }\nprint("END");\n`;
    });
    script += 'quit;\n';
    const out = spawnSync('Singular', ['-q'], { input: script, encoding: 'utf8', timeout: 120_000 });
    expect(out.status).toBe(0);
    const blocks = out.stdout.split('BEGIN ').slice(1);
    expect(blocks).toHaveLength(inputs.length);
    for (const block of blocks) {
      const k = Number(block.slice(0, block.indexOf('\n')));
      const lines = block.slice(block.indexOf('\n') + 1, block.indexOf('END')).trim().split('\n');
      const theirs = lines.map((line) => {
        const [f, m] = line.split(' ^ ');
        return { factor: p(f!), multiplicity: Number(m) };
      });
      const F = factorPolynomial(R, inputs[k]!, { seed: k });
      expect({ k, factors: normalForm(F.factors) }).toEqual({ k, factors: normalForm(theirs) });
    }
  });
});

describe('factor in the language', () => {
  it('prints, converts to JSON and LaTeX, and multiplies back', () => {
    const lines = runLines('ring R = QQ[x, y];\nlet F = factor(-3/4*(x - 1)^2*(x + 2)*y);\nprint F;\nprint F.unit, F.factors, F.multiplicities;\nprint expand(F) == -3/4*(x - 1)^2*(x + 2)*y, F.product == expand(F);\nprint how(F).certified;');
    expect(lines).toEqual(['(-3/4) * (x + 2) * (x - 1)^2 * y', '-3/4, [x + 2, x - 1, y], [1, 2, 1]', 'true, true', 'true']);
    const result = run('ring R = QQ[x];\nprint factor(2*x^2 - 2);');
    if (!result.ok) throw new Error(result.diagnostics[0]!.message);
    const v = result.prints[0]!.values[0]!;
    expect(toLatex(v)).toBe('2 \\left(x + 1\\right) \\left(x - 1\\right)');
    expect(toJson(v)).toEqual({ unit: 2, factors: [{ factor: 'x + 1', multiplicity: 1 }, { factor: 'x - 1', multiplicity: 1 }], text: '2 * (x + 1) * (x - 1)' });
  });

  it('reports bad input at the call', () => {
    expect(runErrors('ring R = GF(101)[x, y];\nprint factor(x^2 - y);')[0]!.message).toMatch(/one variable/);
    expect(runErrors('ring R = QQ[x];\nprint factor(0*x);')[0]!.message).toMatch(/zero polynomial/);
  });
});

describe('factor over GF(p) in one variable', () => {
  it('x^(p^k) - x is the product of the monic irreducibles of degree d | k (Gauss: N_d = (1/d) Σ μ(d/e) p^e)', () => {
    const mobius = (n: number): number => {
      let r = 1;
      for (let q = 2, m = n; q <= m; q++) {
        if (m % q === 0) {
          m /= q;
          if (m % q === 0) return 0;
          r = -r;
        }
      }
      return r;
    };
    const N = (p: number, d: number) => {
      let s = 0;
      for (let e = 1; e <= d; e++) if (d % e === 0) s += mobius(d / e) * p ** e;
      return s / d;
    };
    for (const [p, k] of [[3, 1], [3, 2], [3, 3], [5, 2], [7, 2], [101, 1]] as const) {
      const F = new SmallPrimeField(p);
      const S = new PolyRing(F, ['x']);
      const f = S.sub(S.pow(S.variable(0), p ** k), S.variable(0));
      const r = factorModularPolynomial(S, f, { seed: p });
      const expected: number[] = [];
      for (let d = 1; d <= k; d++) if (k % d === 0) for (let j = 0; j < N(p, d); j++) expected.push(d);
      expect(r.factors.map((x) => S.degree(x.factor)).sort((a, b) => a - b)).toEqual(expected);
      expect(r.factors.every((x) => x.multiplicity === 1 && S.leadCoeff(x.factor) === 1)).toBe(true);
    }
  });

  it('keeps multiplicities, including multiples of p, and the unit', () => {
    const F = new SmallPrimeField(101);
    const S = new PolyRing(F, ['x']);
    const f = parsePoly(S, '3*(x^2 + 1)^3*(x - 5)^101*(x + 2)');
    const r = factorModularPolynomial(S, f, { seed: 1 });
    expect(r.unit).toBe(3);
    expect(r.factors.map((x) => `${S.toText(x.factor)} ^ ${x.multiplicity}`).sort()).toEqual(['x + 10 ^ 3', 'x + 2 ^ 1', 'x - 10 ^ 3', 'x - 5 ^ 101'].sort());
    expect(() => factorModularPolynomial(new PolyRing(F, ['x', 'y']), parsePoly(new PolyRing(F, ['x', 'y']), 'x*y'))).toThrow(/one variable/);
    expect(() => factorModularPolynomial(new PolyRing(new SmallPrimeField(2), ['x']), parsePoly(new PolyRing(new SmallPrimeField(2), ['x']), 'x^2 + 1'))).toThrow(/odd primes/);
  });

  it('in the language', () => {
    expect(runLines('ring R = GF(101)[x];\nlet F = factor(3*x^5 - 3*x);\nprint F;\nprint F.product == 3*x^5 - 3*x, how(F).field;')).toEqual([
      '3 * (x - 10) * (x + 1) * (x - 1) * x * (x + 10)',
      'true, GF(101)',
    ]);
    expect(runErrors('ring R = GF(101)[x, y];\nprint factor(x*y);')[0]!.message).toMatch(/one variable/);
  });
});
