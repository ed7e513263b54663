import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { QQ, type Rat } from '../../src/math/field.js';
import { PolyRing, type Poly } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import * as ideals from '../../src/math/ideal.js';
import { minimalPrimes, radicalByPrimes } from '../../src/math/decompose/minimal-primes.js';

interface Case {
  readonly name: string;
  readonly vars: readonly string[];
  readonly gens: readonly string[];
  /** The expected number of minimal primes and their dimensions (sorted), from the geometry. */
  readonly dims: readonly number[];
}

const CASES: readonly Case[] = [
  { name: 'plane and line', vars: ['x', 'y', 'z'], gens: ['x*y', 'x*z'], dims: [1, 2] },
  { name: 'twisted cubic', vars: ['x', 'y', 'z'], gens: ['x*z - y^2', 'x^2 - y', 'x*y - z'], dims: [1] },
  { name: 'twisted cubic cone (2x2 minors)', vars: ['a', 'b', 'c', 'd'], gens: ['a*c - b^2', 'a*d - b*c', 'b*d - c^2'], dims: [2] },
  { name: 'a double point: ramification of the twisted cubic under diag(0, 0, 1)', vars: ['y1', 'y2', 'y3'], gens: ['y3', 'y2', 'y1^2'], dims: [0] },
  { name: 'two skew planes', vars: ['x', 'y', 'z', 'w'], gens: ['x*z', 'x*w', 'y*z', 'y*w'], dims: [2, 2] },
  { name: 'lines and points', vars: ['x', 'y', 'z'], gens: ['(x^2 - 2)*(y - 1)', 'z*(x - 1)'], dims: [1, 1, 1] },
  { name: 'irreducible over QQ only', vars: ['x', 'y', 'z'], gens: ['x^2 - 2*y^2', 'z'], dims: [1] },
  { name: 'embedded component', vars: ['x', 'y'], gens: ['x^2', 'x*y'], dims: [1] },
  { name: 'a curve and a line', vars: ['x', 'y', 'z'], gens: ['x^2*y - z^2', 'x*z^2 - y^3'], dims: [1, 1] },
  { name: 'rank ≤ 1 of a generic 2x3 matrix', vars: ['a', 'b', 'c', 'd', 'e', 'f'], gens: ['a*e - b*d', 'a*f - c*d', 'b*f - c*e'], dims: [4] },
  { name: 'conjugate points', vars: ['x', 'y'], gens: ['x^2 + y^2 - 1', 'x^2 - y'], dims: [0] },
  { name: 'mixed dimensions with an isolated point', vars: ['x', 'y', 'z'], gens: ['x*(x - 1)', 'x*y', 'x*z', '(x - 1)*(y*z - 1)'], dims: [0, 1] },
];

function ringOf(c: Case) {
  const R = new PolyRing(QQ, c.vars);
  return { R, gens: c.gens.map((g) => parsePoly(R, g)) };
}

function text(R: PolyRing<Rat>, basis: readonly Poly<Rat>[]): string {
  return ideals.reducedBasis(R, basis).map((g) => R.toText(g)).sort().join(', ');
}

describe('minimal primes and radicals in any dimension', () => {
  it('finds the components the geometry predicts, each prime over I and of the right dimension', () => {
    for (const c of CASES) {
      const { R, gens } = ringOf(c);
      const primes = minimalPrimes(R, gens, { seed: 1 });
      expect({ name: c.name, dims: primes.map((P) => ideals.dimension(R, P)).sort() }).toEqual({ name: c.name, dims: [...c.dims].sort() });
      // I ⊆ P for every prime, and no prime contains another.
      for (const P of primes) for (const g of gens) expect(ideals.member(R, g, P)).toBe(true);
      for (const P of primes) for (const Q of primes) if (P !== Q) expect(P.every((f) => ideals.member(R, f, Q))).toBe(false);
    }
  });

  it('the radical is radical and has the same zeros: some power of each generator lies in I (independent check)', () => {
    for (const c of CASES) {
      const { R, gens } = ringOf(c);
      const rad = radicalByPrimes(R, minimalPrimes(R, gens, { seed: 2 }));
      for (const r of rad) {
        let power = r;
        let k = 1;
        while (!ideals.member(R, power, gens) && k < 8) {
          power = R.mul(power, r);
          k++;
        }
        expect({ name: c.name, r: R.toText(r), inI: ideals.member(R, power, gens) }).toEqual({ name: c.name, r: R.toText(r), inI: true });
      }
      for (const g of gens) expect(ideals.member(R, g, rad)).toBe(true);
    }
  });

  it('does not depend on the seed', () => {
    for (const c of CASES.slice(0, 6)) {
      const { R, gens } = ringOf(c);
      const a = minimalPrimes(R, gens, { seed: 3 }).map((P) => text(R, P)).sort();
      const b = minimalPrimes(R, gens, { seed: 4 }).map((P) => text(R, P)).sort();
      expect(a).toEqual(b);
    }
  });

  it('the unit ideal has no primes and the zero ideal is prime', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    expect(minimalPrimes(R, [R.one()])).toEqual([]);
    expect(minimalPrimes(R, [])).toEqual([[]]);
  });
});

describe('minimal primes and radicals against Singular (skipped when Singular is not installed)', () => {
  it("agree with primdec.lib's minAssGTZ and radical", (context) => {
    if (spawnSync('Singular', ['-v'], { encoding: 'utf8' }).error) {
      context.skip('Singular is not installed');
      return;
    }
    let script = 'LIB "primdec.lib";\n';
    CASES.forEach((c, k) => {
      script += `ring r${k} = 0, (${c.vars.join(', ')}), dp; short = 0;\nideal i${k} = ${c.gens.join(', ')};\nlist L${k} = minAssGTZ(i${k});\nprint("BEGIN ${k}");\n`;
      script += `for (int j${k} = 1; j${k} <= size(L${k}); j${k}++) { print("P"); print(std(L${k}[j${k}])); }\nprint("R"); print(std(radical(i${k})));\nprint("END");\n`;
    });
    script += 'quit;\n';
    const out = spawnSync('Singular', ['-q'], { input: script, encoding: 'utf8', timeout: 120_000 });
    expect(out.status).toBe(0);
    const blocks = out.stdout.split('BEGIN ').slice(1);
    expect(blocks).toHaveLength(CASES.length);
    for (const block of blocks) {
      const k = Number(block.slice(0, block.indexOf('\n')));
      const c = CASES[k]!;
      const { R, gens } = ringOf(c);
      const body = block.slice(block.indexOf('\n') + 1, block.indexOf('END'));
      const [primePart, radicalPart] = body.split('\nR\n');
      const read = (s: string) => s.split(/,?\n/).map((l) => l.trim()).filter((l) => l.length > 0).map((l) => parsePoly(R, l));
      const theirs = primePart!.split('P\n').slice(1).map((s) => text(R, read(s))).sort();
      const primes = minimalPrimes(R, gens, { seed: 5 });
      expect({ name: c.name, primes: primes.map((P) => text(R, P)).sort() }).toEqual({ name: c.name, primes: theirs });
      expect({ name: c.name, radical: text(R, radicalByPrimes(R, primes)) }).toEqual({ name: c.name, radical: text(R, read(radicalPart!)) });
    }
  });
});
