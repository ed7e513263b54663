// Modular rational parametrizations (src/math/zerodim), each result checked by a route that shares no
// code with its construction: ideal membership by the Buchberger normal form, the multiplication
// matrices of solve.ts, the Hermite/RUR counts and real points of solve.ts, Sturm counts.
import { describe, expect, it } from 'vitest';
import { MathError } from '../../src/math/errors.js';
import { QQ, type Rat, SmallPrimeField, rat } from '../../src/math/field.js';
import { buchberger, groebnerBasis, normalForm } from '../../src/math/groebner/index.js';
import { f4Ids, toIdPolys } from '../../src/math/groebner/f4.js';
import { MonomialTable } from '../../src/math/groebner/f4-monomials.js';
import { integerGenerators } from '../../src/math/groebner/modular.js';
import { type Poly, PolyRing } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { Random } from '../../src/math/random.js';
import { countDistinctSolutions, quotientAlgebra } from '../../src/math/quotient.js';
import { decimalToRational, solve } from '../../src/math/solve.js';
import { katsura } from '../../src/math/systems.js';
import { UnivariateRing, countRealRoots, isolateRealRoots, rationalFunctionToDecimal } from '../../src/math/univariate/index.js';
import { NormalForms, NormalSet, berlekampMassey, checkExactly, checkModulo, parametrize, parametrizeModP } from '../../src/math/zerodim/index.js';
import { BATCH_PER_WORKER } from '../../src/math/zerodim/parametrize.js';
import { SequenceMatrix, invModMonic, mulModMonic, polynomialPart } from '../../src/math/zerodim/kernels.js';

const P = 32003;
const GF = new SmallPrimeField(P);

function system<E>(R: PolyRing<E>, texts: string[]): Poly<E>[] {
  return texts.map((t) => parsePoly(R, t));
}

function errorCode(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof MathError) return e.code;
    throw e;
  }
  return 'no error';
}

/** A seeded system of n dense quadrics in n variables with small integer coefficients. */
function randomQuadrics<E>(R: PolyRing<E>, seed: number): Poly<E>[] {
  const random = new Random(seed);
  const n = R.nvars;
  const gens: Poly<E>[] = [];
  for (let k = 0; k < n; k++) {
    let f = R.fromInt(random.int(-5, 5));
    for (let i = 0; i < n; i++) {
      f = R.add(f, R.scale(R.variable(i), R.field.fromBigInt(BigInt(random.int(-5, 5)))));
      for (let j = i; j < n; j++) f = R.add(f, R.scale(R.mul(R.variable(i), R.variable(j)), R.field.fromBigInt(BigInt(random.int(-5, 5)))));
    }
    gens.push(f);
  }
  return gens;
}

/**
 * Over GF(p), by ideal membership: with q_i = v_i · w'^{-1} mod w, both w(t) and x_i - q_i(t)
 * (t = Σ c_i x_i) reduce to zero modulo a Gröbner basis computed by Buchberger's algorithm.
 */
function expectInIdeal(R: PolyRing<number>, gens: Poly<number>[], w: number[], v: number[][], form: readonly bigint[]): void {
  const basis = buchberger(R, gens);
  const V = new UnivariateRing(R.field);
  const t = form.reduce((acc, c, i) => R.add(acc, R.scale(R.variable(i), R.field.fromBigInt(c))), R.zero());
  const atT = (q: readonly number[]): Poly<number> => {
    let acc = R.zero();
    for (let k = q.length - 1; k >= 0; k--) acc = normalForm(R, R.add(R.mul(acc, t), R.fromInt(q[k]!)), basis);
    return acc;
  };
  expect(atT(w).mons).toHaveLength(0);
  const inverse = V.invMod(V.derivative(w), w);
  v.forEach((vi, i) => {
    const q = V.mulMod(vi, inverse, w);
    expect(normalForm(R, R.sub(atT(q), R.variable(i)), basis).mons).toHaveLength(0);
  });
}

describe('Berlekamp–Massey', () => {
  it('finds T^2 - T - 1 for the Fibonacci numbers', () => {
    const s = [0, 1];
    while (s.length < 10) s.push((s[s.length - 1]! + s[s.length - 2]!) % P);
    expect(berlekampMassey(s, P)).toEqual([P - 1, P - 1, 1]);
  });

  it('recovers a random recurrence of degree 12 from 24 terms', () => {
    const random = new Random(5);
    const c = Array.from({ length: 12 }, () => random.int(0, P - 1)); // T^12 + c_11 T^11 + … + c_0
    const s = Array.from({ length: 12 }, () => random.int(0, P - 1));
    while (s.length < 24) {
      const k = s.length;
      let x = 0;
      for (let j = 0; j < 12; j++) x = (x + c[j]! * s[k - 12 + j]!) % P;
      s.push((P - x) % P);
    }
    expect(berlekampMassey(s, P)).toEqual([...c, 1]);
  });
});

describe('kernels modulo p (against the generic UnivariateRing)', () => {
  const big = 4194301; // the largest prime below 2^22, where the delayed reductions matter
  const V = new UnivariateRing(new SmallPrimeField(big));
  const random = new Random(9);
  const poly = (d: number) => Array.from({ length: d }, () => random.int(0, big - 1));
  const monic = (d: number) => [...poly(d), 1];

  it('a·b mod w and a^-1 mod w, for degrees up to 600', () => {
    for (const D of [1, 2, 7, 300, 600]) {
      const w = monic(D);
      const a = V.normalize(poly(D));
      const b = V.normalize(poly(D));
      expect(mulModMonic(a, b, w, big)).toEqual(V.mulMod(a, b, w));
      const inv = invModMonic(a, w, big);
      if (inv !== null) expect(V.mulMod(a, inv, w)).toEqual([1]);
    }
    // Not invertible: a common factor.
    const f = [3, 1];
    expect(invModMonic(V.mul(f, [5, 1]), V.mul(f, [7, 0, 1]), big)).toBeNull();
  });

  it('the polynomial part of w(T)·Σ s_k T^-k-1, and r·M with unit and dense columns', () => {
    const w = monic(40);
    const s = Float64Array.from(poly(40));
    // Independent: coefficient j of w(T)·S(T) read off a dense product of w with the reversed series.
    const reversed = Array.from(s).reverse(); // coefficient of T^(39-k) is s_k
    const product = V.mul(w, reversed); // w(T)·Σ s_k T^(39-k) = T^40 · (w(T)·Σ s_k T^(-k-1))
    expect(polynomialPart(w, s, big)).toEqual(V.normalize(product.slice(40)));
    const columns = [
      { index: Int32Array.of(2), value: Float64Array.of(1) },
      { index: Int32Array.of(0, 1, 2), value: Float64Array.of(big - 1, 5, big - 2) },
      { index: Int32Array.of(1), value: Float64Array.of(7) },
    ];
    const out = new Float64Array(3);
    new SequenceMatrix(columns, big).rowTimes(Float64Array.of(10, 20, 30), out);
    expect(Array.from(out)).toEqual([30, (big * 10 - 10 + 100 + (big - 2) * 30) % big, 140]);
  });

  it('r·M with dense, sparse and unit columns equals the product in exact integers (primes below 2^22 and 2^26)', () => {
    // 67108859 < 2^26: one product per reduction; 4194301: 512 products per reduction.
    for (const p of [big, 67108859]) {
      for (const D of [5, 64, 301]) {
        // Columns: unit, sparse (a few entries), dense (every entry, some zeros), alternating.
        const columns = Array.from({ length: D }, (_, j) => {
          const kind = j % 3;
          const positions =
            kind === 0 ? [random.int(0, D - 1)] : kind === 1 ? [...new Set(Array.from({ length: 3 }, () => random.int(0, D - 1)))].sort((a, b) => a - b) : Array.from({ length: D }, (_, k) => k);
          const values = positions.map(() => (kind === 0 ? 1 : random.int(kind === 2 ? 0 : 1, p - 1)));
          return { index: Int32Array.from(positions), value: Float64Array.from(values) };
        });
        const v = Float64Array.from({ length: D }, () => random.int(0, p - 1));
        const out = new Float64Array(D);
        new SequenceMatrix(columns, p).rowTimes(v, out);
        const expected = columns.map(({ index, value }) => {
          let s = 0n;
          index.forEach((i, k) => (s += BigInt(v[i]!) * BigInt(value[k]!)));
          return Number(s % BigInt(p));
        });
        expect(Array.from(out)).toEqual(expected);
      }
    }
  });
});

describe('the fused Krylov sequences of sparse FGLM', () => {
  const random = new Random(10);
  /** Columns like a multiplication matrix's: unit columns with distinct sources, sparse, dense (some zeros, ranges). */
  function matrix(D: number, p: number) {
    const sources = Array.from({ length: D }, (_, k) => k).sort(() => random.int(0, 2) - 1);
    return Array.from({ length: D }, (_, j) => {
      const kind = j % 3;
      const lo = random.int(0, D >> 2);
      const positions =
        kind === 0 ? [sources[j]!] : kind === 1 ? [...new Set(Array.from({ length: 3 }, () => random.int(0, D - 1)))].sort((a, b) => a - b) : Array.from({ length: D - lo - random.int(0, D >> 3) }, (_, k) => lo + k).filter((k) => k < D);
      const values = positions.map(() => (kind === 0 ? 1 : random.int(1, p - 1)));
      return { index: Int32Array.from(positions), value: Float64Array.from(values) };
    });
  }

  it('s_k = r·M^k·e_0 (k < 2D) and r·M^k·v_i (k < D) equal the row chain in exact integers (primes below 2^22 and 2^26)', () => {
    for (const p of [4194301, 67108859]) {
      for (const D of [1, 5, 64, 130]) {
        const columns = matrix(D, p);
        const r = Float64Array.from({ length: D }, () => random.int(0, p - 1));
        const vectors = [columns[1 % D]!, { index: Int32Array.of(0), value: Float64Array.of(1) }];
        const { s, seqs } = new SequenceMatrix(columns, p).krylov(r, vectors);
        // Reference: 2D products of the row vector with M in BigInt, reduced modulo p.
        const P = BigInt(p);
        let u = Array.from(r, BigInt);
        for (let k = 0; k < 2 * D; k++) {
          expect(s[k]).toBe(Number(u[0]!));
          if (k < D) {
            vectors.forEach((vec, i) => {
              let t = 0n;
              vec.index.forEach((at, q) => (t += u[at]! * BigInt(vec.value[q]!)));
              expect(seqs[i]![k]).toBe(Number(t % P));
            });
          }
          u = columns.map(({ index, value }) => {
            let t = 0n;
            index.forEach((at, q) => (t += u[at]! * BigInt(value[q]!)));
            return t % P;
          });
        }
      }
    }
  });
});

describe('normal forms and multiplication matrices modulo p', () => {
  it('agree with the quotient algebra of solve.ts (Buchberger normal forms) on katsura-4', () => {
    const { ring, gens } = katsura(GF, 4);
    const table = new MonomialTable(ring.nvars, ring.order.spec);
    const { basis } = f4Ids(table, P, ring.order.spec, toIdPolys(ring, table, gens, P));
    const S = new NormalSet(table, Int32Array.from(basis, (g) => g.mons[0]!));
    const nf = new NormalForms(S, basis, P);
    const A = quotientAlgebra(ring, buchberger(ring, gens));
    expect(Array.from(S.monomials, (m) => Array.from(table.monomial(m)))).toEqual(A.monomials.map((m) => Array.from(m)));
    for (let i = 0; i < ring.nvars; i++) {
      const form = new Array<number>(ring.nvars).fill(0);
      form[i] = 1;
      const M = nf.multiplicationMatrix(form);
      M.forEach((col, j) => {
        const { index, value } = A.columns[i]![j]!;
        const expected = index.map((k, t) => [k, value[t]!]).sort((a, b) => a[0]! - b[0]!);
        expect(Array.from(col.index, (k, t) => [k, col.value[t]!])).toEqual(expected);
      });
    }
  });
});

describe('parametrization modulo one prime', () => {
  it.each([3, 4, 5])('katsura-%i: deg w = the number of distinct solutions, and the parametrization lies in the ideal', (n) => {
    const { ring, gens } = katsura(GF, n);
    const r = parametrizeModP(ring, gens);
    const s = solve(ring, gens);
    expect(r.w.length - 1).toBe(s.complex);
    if (n <= 4) expectInIdeal(ring, gens, r.w, r.v, r.linearForm);
  });

  it('works at the largest word-size primes, where no reduction can be delayed', () => {
    const big = new SmallPrimeField(94906249);
    const { ring, gens } = katsura(big, 3);
    const r = parametrizeModP(ring, gens);
    expect(r.w.length - 1).toBe(8);
    expectInIdeal(ring, gens, r.w, r.v, r.linearForm);
    const R = new PolyRing(big, ['x', 'y']);
    const square = system(R, ['x^2 - 1', 'y^2 - 4']);
    const s = parametrizeModP(R, square, { seed: 4 });
    expectInIdeal(R, square, s.w, s.v, s.linearForm);
  });

  it('uses a random linear form when x_n does not separate, and the membership check holds', () => {
    const R = new PolyRing(GF, ['x', 'y']);
    const gens = system(R, ['x^2 - 1', 'y^2 - 4']);
    const r = parametrizeModP(R, gens, { seed: 3 });
    expect(r.w.length - 1).toBe(4);
    expect(r.linearForm[0]).not.toBe(0n);
    expect(r.linearForm[1]).toBe(1n);
    expectInIdeal(R, gens, r.w, r.v, r.linearForm);
  });

  it('seeded random quadrics: deg w equals the radical count of solve.ts', () => {
    for (const seed of [1, 2, 3]) {
      const R = new PolyRing(GF, ['a', 'b', 'c']);
      const gens = randomQuadrics(R, seed);
      const r = parametrizeModP(R, gens, { seed });
      expect(r.w.length - 1).toBe(countDistinctSolutions(quotientAlgebra(R, groebnerBasis(R, gens))));
      expectInIdeal(R, gens, r.w, r.v, r.linearForm);
    }
  });

  it('reports a non-radical ideal, positive dimension and no solutions, never a wrong parametrization', () => {
    const R = new PolyRing(GF, ['x', 'y']);
    expect(errorCode(() => parametrizeModP(R, system(R, ['x^2', 'y - 1'])))).toBe('not-radical');
    expect(errorCode(() => parametrizeModP(R, system(R, ['x^2 - 1', 'y^2 - 2*y + 1'])))).toBe('not-radical');
    expect(errorCode(() => parametrizeModP(R, system(R, ['x*y - 1'])))).toBe('not-zero-dimensional');
    expect(errorCode(() => parametrizeModP(R, system(R, ['x - 1', 'x - 2'])))).toBe('no-solutions');
    const Q = new PolyRing(QQ, ['x', 'y']);
    expect(errorCode(() => parametrizeModP(Q as unknown as PolyRing<number>, []))).toBe('bad-field');
  });
});

describe('parametrization over QQ', () => {
  it.each([3, 4, 5, 6])('katsura-%i: complex and real counts equal those of solve (Hermite/RUR)', (n) => {
    const { ring, gens } = katsura(QQ, n);
    const r = parametrize(ring, gens);
    const s = solve(ring, gens);
    expect(r.w.length - 1).toBe(s.complex);
    expect(countRealRoots(r.w)).toBe(s.real);
    expect(r.provenance).toMatchObject({ algorithm: 'modular-parametrization', field: 'QQ', certified: false });
    expect(r.provenance.primes!.count).toBeGreaterThan(0);
  });

  it('katsura-3 and katsura-4 are certified by the exact substitution over QQ', () => {
    for (const n of [3, 4]) {
      const { ring, gens } = katsura(QQ, n);
      const r = parametrize(ring, gens, { certify: true });
      expect(r.provenance.certified).toBe(true);
      expect(checkExactly(r, integerGenerators(gens))).toBe(true);
    }
  });

  it('the exact and the modular checks reject a perturbed parametrization', () => {
    const { ring, gens } = katsura(QQ, 3);
    const r = parametrize(ring, gens);
    const inputs = integerGenerators(gens);
    const numerators = r.numerators.map((v, i) => (i === 1 ? v.map((c, k) => (k === 0 ? c + 1n : c)) : v));
    expect(checkExactly({ ...r, numerators }, inputs)).toBe(false);
    expect(checkModulo({ ...r, numerators }, inputs, 1000003)).toBe(false);
    expect(checkModulo(r, inputs, 1000003)).toBe(true);
  });

  it('seeded random quadrics: counts equal those of solve, certified exactly', () => {
    for (const seed of [11, 12, 13]) {
      const R = new PolyRing(QQ, ['a', 'b', 'c']);
      const gens = randomQuadrics(R, seed);
      const r = parametrize(R, gens, { certify: true, seed });
      const s = solve(R, gens);
      expect(r.w.length - 1).toBe(s.complex);
      expect(countRealRoots(r.w)).toBe(s.real);
      expect(r.provenance.certified).toBe(true);
    }
  });

  it('the real points are those of solve (each coordinate V_i / (d_i W′) at the real roots of W)', () => {
    const R = new PolyRing(QQ, ['x', 'y', 'z']);
    const gens = system(R, ['x^2 + y^2 + z^2 - 3', 'x*y - z', 'x - y + z^2 - 1']);
    const r = parametrize(R, gens, { seed: 2 });
    const s = solve(R, gens, { digits: 12 });
    const W1 = r.w.slice(1).map((c, k) => c * BigInt(k + 1));
    const points = isolateRealRoots(r.w).map((root) =>
      r.numerators.map((v, i) => decimalToRational(rationalFunctionToDecimal(root, v, W1.map((c) => c * r.denominators[i]!), 12).text)),
    );
    const key = (p: Rat[]) => p.map((x) => `${x.num}/${x.den}`).join(' ');
    expect(points.map(key).sort()).toEqual(s.points.map((p) => key(p.map(decimalToRational))).sort());
  });

  it('does not depend on the seed: other linear forms give the same counts', () => {
    // x_n = y does not separate these solutions, so each seed draws its own random form.
    const R = new PolyRing(QQ, ['x', 'y']);
    for (const texts of [['x^2 - 1', 'y^2 - 1'], ['x^2 - 2', 'y^2 - 3']]) {
      const gens = system(R, texts);
      const s = solve(R, gens);
      const forms = new Set<string>();
      for (const seed of [1, 2, 3]) {
        const r = parametrize(R, gens, { seed });
        forms.add(r.linearForm.join(','));
        expect([r.w.length - 1, countRealRoots(r.w)]).toEqual([s.complex, s.real]);
      }
      expect(forms.size).toBeGreaterThan(1);
    }
  });

  it('x_i = V_i / (d_i W′): a rational solution comes out exactly', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const r = parametrize(R, system(R, ['2*x - 1', '3*y + x']), { certify: true });
    // One solution (1/2, -1/6): W = W_1·T + W_0 (degree 1), so W' = W_1 and x_i = V_i / (d_i W_1).
    expect(r.w.length).toBe(2);
    expect(r.numerators.map((v, i) => QQ.div(rat(v[0] ?? 0n), rat(r.denominators[i]! * r.w[1]!)))).toEqual([rat(1n, 2n), rat(-1n, 6n)]);
  });

  it('reports a non-radical ideal over QQ', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    expect(errorCode(() => parametrize(R, system(R, ['x^2', 'y - 1'])))).toBe('not-radical');
    expect(errorCode(() => parametrize(R, system(R, ['x*y'])))).toBe('not-zero-dimensional');
    expect(errorCode(() => parametrize(R, system(R, ['x - 1', 'x - 2'])))).toBe('no-solutions');
  });
});

describe('prime runners (./prime-runner.ts)', () => {
  it('the parametrization does not depend on the runner: batches of 3, reversed, and the prepared job in a fresh table', async () => {
    const { sequentialPrimeRunner } = await import('../../src/math/zerodim/prime-runner.js');
    const { PRIME_TASKS } = await import('../../src/math/zerodim/prime-tasks.js');
    const { ring, gens } = katsura(QQ, 4);
    const sequential = parametrize(ring, gens, { seed: 3, runner: sequentialPrimeRunner });
    let batches = 0;
    const sizes = new Set<number>();
    const reversed = parametrize(ring, gens, {
      seed: 3,
      runner: {
        name: 'reversed batches of 3',
        parallelism: 3,
        images(job, primes, options) {
          batches++;
          sizes.add(primes.length);
          // Each batch computed last prime first, by a task prepared from the job's plain data alone
          // (what a worker thread receives, after a structured clone).
          const task = PRIME_TASKS[job.task](structuredClone(job.setup));
          const out = [...primes].reverse().map((p) => task.image(p, options?.signal));
          return out.reverse();
        },
      },
    });
    expect(batches).toBeGreaterThan(0);
    // A parallel runner is offered BATCH_PER_WORKER primes per worker at a time.
    expect([...sizes]).toEqual([3 * BATCH_PER_WORKER]);
    expect(reversed.w).toEqual(sequential.w);
    expect(reversed.numerators).toEqual(sequential.numerators);
    expect(reversed.provenance.note).toMatch(/the others on reversed batches of 3/);
    // The same solutions as the Hermite/RUR route: 16 for katsura-4.
    expect(sequential.w.length - 1).toBe(solve(ring, gens, { method: 'traces' }).complex);
  });
});
