import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SmallPrimeField } from '../../src/math/field.js';
import { buchberger } from '../../src/math/groebner/buchberger.js';
import { f4 } from '../../src/math/groebner/f4.js';
import { interreduceRows, reduceRows, SparseRow } from '../../src/math/groebner/f4-matrix.js';
import { MonomialTable } from '../../src/math/groebner/f4-monomials.js';
import { divides, makeOrder, type Monomial, type OrderSpec } from '../../src/math/monomial.js';
import { type Poly, PolyRing } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import type { ProgressEvent } from '../../src/math/progress.js';
import { cyclic, katsura } from '../../src/math/systems.js';

/** The number of standard monomials of a zero-dimensional leading ideal (vdim), by enumeration. */
function vdim(leads: readonly Monomial[], nvars: number): number {
  const seen = new Set<string>();
  const stack: Monomial[] = [new Int32Array(nvars)];
  seen.add(stack[0]!.join(','));
  let count = 0;
  while (stack.length > 0) {
    const m = stack.pop()!;
    count++;
    if (count > 100000) throw new Error('not zero-dimensional');
    for (let i = 0; i < nvars; i++) {
      const n = m.slice();
      n[i]!++;
      const key = n.join(',');
      if (seen.has(key) || leads.some((l) => divides(l, n))) continue;
      seen.add(key);
      stack.push(n);
    }
  }
  return count;
}

const text = <E>(R: PolyRing<E>, basis: readonly Poly<E>[]) => basis.map((g) => R.toText(g));

const ORDERS: OrderSpec[] = [
  { kind: 'grevlex' },
  { kind: 'lex' },
  { kind: 'weighted', weights: [1, 2, 3] },
  {
    kind: 'block',
    blocks: [
      { size: 1, order: 'grevlex' },
      { size: 2, order: 'grevlex' },
    ],
  },
];

describe('F4 monomial table', () => {
  it('hashes products, divides, and compares as the ring order does', () => {
    for (const spec of ORDERS) {
      const T = new MonomialTable(3, spec, 4); // tiny capacity: exercises growth
      const order = makeOrder(spec, 3);
      const mons: Monomial[] = [];
      for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) for (let c = 0; c < 3; c++) mons.push(Int32Array.of(a, b, c));
      const ids = mons.map((m) => T.fromMonomial(m));
      expect(new Set(ids).size).toBe(mons.length);
      for (let i = 0; i < mons.length; i += 5) {
        for (let j = 0; j < mons.length; j += 3) {
          const sign = Math.sign(order.compare(mons[i]!, mons[j]!));
          expect(Math.sign(T.compare(ids[i]!, ids[j]!))).toBe(sign);
          expect(T.divides(ids[i]!, ids[j]!)).toBe(divides(mons[i]!, mons[j]!));
          const product = T.mul(ids[i]!, ids[j]!);
          expect([...T.monomial(product)]).toEqual(Array.from(mons[i]!, (e, k) => e + mons[j]![k]!));
        }
      }
      expect(T.fromMonomial(Int32Array.of(3, 3, 2))).toBe(ids[ids.length - 1]);
    }
  });
});

describe('F4 row reduction', () => {
  it('reduces against known pivots and produces new pivots in reduced echelon form', () => {
    const p = 7;
    // Columns 0..3; pivot row with lead 0: [1, 2, 0, 3]; rows to reduce: [3, 1, 1, 0], [0, 1, 4, 2].
    const pivots = [new SparseRow(Int32Array.of(0, 1, 3), Float64Array.of(1, 2, 3))];
    const pivotOf = Int32Array.of(0, -1, -1, -1);
    const rows = [new SparseRow(Int32Array.of(0, 1, 2), Float64Array.of(3, 1, 1)), new SparseRow(Int32Array.of(1, 2, 3), Float64Array.of(1, 4, 2))];
    const out = reduceRows(4, pivots, pivotOf, rows, p, { newPivots: true });
    // Row 1 - 3*pivot = [0, 1-6, 1, -9] = [0, 2, 1, 5] mod 7 -> monic: [0, 1, 4, 6].
    expect([...out[0]!.cols]).toEqual([1, 2, 3]);
    expect([...out[0]!.coefs]).toEqual([1, 4, 6]);
    // Row 2 - new pivot = [0, 0, 0, 2-6] = 3 mod 7 -> [0, 0, 0, 1].
    expect([...out[1]!.cols]).toEqual([3]);
    expect([...out[1]!.coefs]).toEqual([1]);
    interreduceRows(4, pivots, pivotOf, [1, 2], p);
    expect([...pivots[1]!.cols]).toEqual([1, 2]);
    expect([...pivots[1]!.coefs]).toEqual([1, 4]);
  });

  it('is exact with the large-prime accumulation modes', () => {
    // The same random elimination at primes that select the plain, counted, checked and eager modes
    // agrees with a naive elimination (Number arithmetic reduced after every step).
    for (const p of [32003, 4194301, 33554393, 94906249]) {
      let seed = 12345;
      const rand = () => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return seed;
      };
      const ncols = 60;
      const npiv = 40;
      const pivots: SparseRow[] = [];
      const pivotOf = new Int32Array(ncols).fill(-1);
      const dense: number[][] = [];
      for (let c = 0; c < npiv; c++) {
        const row = new Array<number>(ncols).fill(0);
        row[c] = 1;
        for (let j = c + 1; j < ncols; j++) if (rand() % 2 === 0) row[j] = rand() % p;
        dense.push(row);
        const cols: number[] = [];
        const coefs: number[] = [];
        for (let j = 0; j < ncols; j++) {
          if (row[j] !== 0) {
            cols.push(j);
            coefs.push(row[j]!);
          }
        }
        pivotOf[c] = pivots.length;
        pivots.push(new SparseRow(Int32Array.from(cols), Float64Array.from(coefs)));
      }
      const target = new Array<number>(ncols).fill(0).map(() => rand() % p);
      const rows = [new SparseRow(Int32Array.from(target.keys()), Float64Array.from(target))];
      const [reduced] = reduceRows(ncols, pivots.slice(), pivotOf.slice(), rows, p, { newPivots: false });
      const mulmod = (a: number, b: number) => Number((BigInt(a) * BigInt(b)) % BigInt(p));
      const naive = target.slice();
      for (let c = 0; c < npiv; c++) {
        const v = naive[c]!;
        if (v === 0) continue;
        for (let j = c; j < ncols; j++) naive[j] = (naive[j]! - mulmod(v, dense[c]![j]!) + p) % p;
      }
      const got = new Array<number>(ncols).fill(0);
      reduced!.cols.forEach((c, k) => (got[c] = reduced!.coefs[k]!));
      expect(got).toEqual(naive);
    }
  });
});

describe('F4 over GF(p)', () => {
  it('computes small bases', () => {
    const R = new PolyRing(new SmallPrimeField(32003), ['x', 'y', 'z']);
    const p = (s: string) => parsePoly(R, s);
    expect(text(R, f4(R, [p('x^2 - y'), p('x^3 - z')]))).toEqual(['y^2 - x*z', 'x*y - z', 'x^2 - y']);
    expect(text(R, f4(R, []))).toEqual([]);
    expect(text(R, f4(R, [R.zero()]))).toEqual([]);
    expect(text(R, f4(R, [p('x + 1'), p('x - 1')]))).toEqual(['1']);
    expect(text(R, f4(R, [p('2*x*y'), p('3*x*y'), p('x*y')]))).toEqual(['x*y']);
  });

  const randomIdeal = (maxExponent: number, maxTerms: number, maxPolys: number) =>
    fc.array(
      fc.array(
        fc.tuple(
          fc.integer({ min: -5, max: 5 }),
          fc.array(fc.integer({ min: 0, max: maxExponent }), { minLength: 3, maxLength: 3 }),
        ),
        { minLength: 1, maxLength: maxTerms },
      ),
      { minLength: 1, maxLength: maxPolys },
    );
  const build = (prime: number, spec: OrderSpec, polys: [number, number[]][][]) => {
    const F = new SmallPrimeField(prime);
    const R = new PolyRing(F, ['x', 'y', 'z'], spec);
    const gens = polys.map((terms) => R.fromTerms(terms.map(([c, e]) => [Int32Array.from(e), F.fromBigInt(BigInt(c))] as const)));
    return { R, gens };
  };
  // 2 and 3 exercise tiny fields, 4194301 the counted accumulation, 94906249 the eager one.
  const primes = [2, 3, 7, 101, 32003, 4194301, 94906249];

  it('agrees with Buchberger on random ideals (grevlex and weighted orders)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...primes), fc.constantFrom(0, 2), randomIdeal(3, 4, 4), (prime, o, polys) => {
        const { R, gens } = build(prime, ORDERS[o]!, polys);
        expect(text(R, f4(R, gens))).toEqual(text(R, buchberger(R, gens)));
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('agrees with Buchberger on random ideals (lex and block orders)', () => {
    // Smaller ideals: lex bases of random ideals can be large.
    fc.assert(
      fc.property(fc.constantFrom(...primes), fc.constantFrom(1, 3), randomIdeal(2, 3, 3), (prime, o, polys) => {
        const { R, gens } = build(prime, ORDERS[o]!, polys);
        expect(text(R, f4(R, gens))).toEqual(text(R, buchberger(R, gens)));
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('agrees with Singular on random ideals, lex included (skipped when Singular is not installed)', (context) => {
    const singular = spawnSync('Singular', ['-v'], { encoding: 'utf8' });
    if (singular.error) {
      context.skip();
      return;
    }
    const cases = fc.sample(fc.tuple(fc.constantFrom(101, 32003), fc.integer({ min: 0, max: 3 }), randomIdeal(3, 4, 4)), { numRuns: 30, seed: 3 });
    const singularOrder = (spec: OrderSpec) =>
      spec.kind === 'grevlex' ? 'dp' : spec.kind === 'lex' ? 'lp' : spec.kind === 'weighted' ? `(a(${spec.weights.join(',')}),dp)` : '(dp(1),dp(2))';
    let script = 'option(redSB);\n';
    const rings = cases.map(([prime, o, polys], k) => {
      const { R, gens } = build(prime, ORDERS[o]!, polys);
      const nonzero = gens.filter((g) => g.mons.length > 0);
      script += `ring r${k} = ${prime}, (x, y, z), ${singularOrder(ORDERS[o]!)}; short = 0;\n`;
      script += `ideal i${k} = ${nonzero.length > 0 ? nonzero.map((g) => R.toText(g)).join(', ') : '0'};\n`;
      script += `ideal g${k} = std(i${k}); print("BEGIN ${k}"); print(g${k}); print("END");\n`;
      return { R, gens };
    });
    script += 'quit;\n';
    const out = spawnSync('Singular', ['-q'], { input: script, encoding: 'utf8', timeout: 60_000 });
    expect(out.status).toBe(0);
    const blocks = out.stdout.split('BEGIN ').slice(1);
    expect(blocks.length).toBe(cases.length);
    for (const block of blocks) {
      const k = Number(block.slice(0, block.indexOf('\n')));
      const { R, gens } = rings[k]!;
      const body = block.slice(block.indexOf('\n') + 1, block.indexOf('END')).trim();
      const theirs = body.split(/,?\n/).map((line) => R.monic(parsePoly(R, line.replace(/^_\[\d+\]=/, '')))).filter((g) => g.mons.length > 0);
      const ours = f4(R, gens);
      const sorted = (list: Poly<number>[]) => text(R, list).sort();
      expect({ k, order: ORDERS[cases[k]![1]]!.kind, basis: sorted(ours) }).toEqual({ k, order: ORDERS[cases[k]![1]]!.kind, basis: sorted(theirs) });
    }
  });

  it('does not depend on the order of the input', () => {
    const F = new SmallPrimeField(32003);
    const { ring: R, gens } = katsura(F, 4);
    const forward = text(R, f4(R, gens));
    expect(text(R, f4(R, gens.slice().reverse()))).toEqual(forward);
    expect(text(R, f4(R, [...gens.slice(2), ...gens.slice(0, 2)]))).toEqual(forward);
  });

  it('katsura-n has 2^n solutions (n = 2..7)', () => {
    const F = new SmallPrimeField(32003);
    for (let n = 2; n <= 7; n++) {
      const { ring: R, gens } = katsura(F, n);
      const G = f4(R, gens);
      expect(vdim(G.map((g) => g.mons[0]!), R.nvars)).toBe(2 ** n);
    }
  });

  it('cyclic-5 has 70 solutions and cyclic-6 156 over GF(32003)', () => {
    const F = new SmallPrimeField(32003);
    for (const [n, count] of [
      [5, 70],
      [6, 156],
    ] as const) {
      const { ring: R, gens } = cyclic(F, n);
      const G = f4(R, gens);
      expect(vdim(G.map((g) => g.mons[0]!), R.nvars)).toBe(count);
    }
  });

  it('reports progress per step and can be interrupted', () => {
    const F = new SmallPrimeField(32003);
    const { ring: R, gens } = katsura(F, 5);
    const events: ProgressEvent[] = [];
    f4(R, gens, { onProgress: (e) => events.push(e) });
    expect(events.length).toBeGreaterThan(3);
    for (const e of events) {
      expect(e.stage).toBe('f4');
      expect(e.matrixRows).toBeGreaterThan(0);
      expect(e.matrixColumns).toBeGreaterThan(0);
      expect(e.basisSize).toBeGreaterThan(0);
      expect(typeof e.degree).toBe('number');
      expect(typeof e.pairs).toBe('number');
    }
    const signal = { aborted: false };
    let steps = 0;
    expect(() =>
      f4(R, gens, {
        signal,
        onProgress: () => {
          if (++steps === 2) signal.aborted = true;
        },
      }),
    ).toThrow(/interrupted/);
  });

  it('refuses a field that is not a small prime field', async () => {
    const { QQ } = await import('../../src/math/field.js');
    const R = new PolyRing(QQ, ['x']);
    expect(() => f4(R as unknown as PolyRing<number>, [])).toThrow(/small prime field/);
  });
});
