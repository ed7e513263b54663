import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { QQ, type Rat } from '../../../src/math/field.js';
import { PolyRing, type Poly } from '../../../src/math/poly.js';
import { parsePoly } from '../../../src/math/poly-parse.js';
import * as ideals from '../../../src/math/ideal.js';
import { minimalPrimes, radicalByPrimes } from '../../../src/math/decompose/minimal-primes.js';
import { isEmbedded, primaryDecomposition, type PrimaryComponent } from '../../../src/math/decompose/primary.js';

interface Case {
  readonly name: string;
  readonly vars: readonly string[];
  readonly gens: readonly string[];
  /** The number of isolated and of embedded components, from the geometry. */
  readonly isolated: number;
  readonly embedded: number;
}

const CASES: readonly Case[] = [
  { name: 'a line with an embedded point', vars: ['x', 'y'], gens: ['x^2', 'x*y'], isolated: 1, embedded: 1 },
  { name: 'plane and line', vars: ['x', 'y', 'z'], gens: ['x*y', 'x*z'], isolated: 2, embedded: 0 },
  { name: 'a curve and a double line', vars: ['x', 'y', 'z'], gens: ['x^2*y - z^2', 'x*z^2 - y^3'], isolated: 2, embedded: 0 },
  { name: 'three double and simple lines', vars: ['x', 'y', 'z'], gens: ['x*y^2', 'x^2*z', 'y*z'], isolated: 3, embedded: 0 },
  { name: 'a triple point over Q(sqrt 2)', vars: ['x', 'y'], gens: ['x^2 - 2', 'y^3'], isolated: 1, embedded: 0 },
  { name: 'a line with an embedded double point', vars: ['x', 'y'], gens: ['x^2', 'x*y^2'], isolated: 1, embedded: 1 },
  { name: 'two axes with an embedded origin', vars: ['x', 'y'], gens: ['x^2*y', 'x*y^2'], isolated: 2, embedded: 1 },
  { name: 'a plane with an embedded point', vars: ['x', 'y', 'z'], gens: ['x^2', 'x*y', 'x*z^2'], isolated: 1, embedded: 1 },
  { name: 'two double points on a circle', vars: ['x', 'y'], gens: ['x^2 + y^2 - 1', 'x^2 - 2*x*y + y^2'], isolated: 1, embedded: 0 },
  { name: 'mixed dimensions with an isolated point', vars: ['x', 'y', 'z'], gens: ['x*(x - 1)', 'x*y', 'x*z', '(x - 1)*(y*z - 1)'], isolated: 2, embedded: 0 },
  // Powers of maximal-minor ideals of a 2x3 matrix have no embedded primes (the square is primary) ...
  { name: 'the square of the twisted cubic cone', vars: ['a', 'b', 'c', 'd'], gens: ['(a*c - b^2)^2', '(a*c - b^2)*(a*d - b*c)', '(a*c - b^2)*(b*d - c^2)', '(a*d - b*c)^2', '(a*d - b*c)*(b*d - c^2)', '(b*d - c^2)^2'], isolated: 1, embedded: 0 },
  // ... while the square of the monomial curve (t^3, t^4, t^5) has the origin embedded (its symbolic square is larger).
  { name: 'the square of the curve (t^3, t^4, t^5) (embedded origin)', vars: ['x', 'y', 'z'], gens: ['(x^3 - y*z)^2', '(x^3 - y*z)*(y^2 - x*z)', '(x^3 - y*z)*(z^2 - x^2*y)', '(y^2 - x*z)^2', '(y^2 - x*z)*(z^2 - x^2*y)', '(z^2 - x^2*y)^2'], isolated: 1, embedded: 1 },
  { name: 'a line and a parabola with embedded points', vars: ['x', 'y', 'z'], gens: ['z*(y - x^2)', 'z^2', 'z*(x - 1)^2'], isolated: 1, embedded: 1 },
  { name: 'the zero ideal', vars: ['x', 'y'], gens: [], isolated: 1, embedded: 0 },
];

function ringOf(c: Case) {
  const R = new PolyRing(QQ, c.vars);
  return { R, gens: c.gens.map((g) => parsePoly(R, g)) };
}

function text(R: PolyRing<Rat>, basis: readonly Poly<Rat>[]): string {
  return ideals.reducedBasis(R, basis).map((g) => R.toText(g)).sort().join(', ');
}

function meet(R: PolyRing<Rat>, comps: readonly PrimaryComponent[]): Poly<Rat>[] {
  let out = comps[0]!.primary;
  for (const c of comps.slice(1)) out = ideals.intersect(R, out, c.primary);
  return out;
}

describe('primary decomposition (GTZ) over QQ', () => {
  it('intersects back to I, with primary components whose radicals are their primes (by minimalPrimes), distinct primes, and the expected embedded ones', () => {
    for (const c of CASES) {
      const { R, gens } = ringOf(c);
      const D = primaryDecomposition(R, gens, { seed: 1 });
      expect({ name: c.name, equal: ideals.idealEquals(R, meet(R, D), gens) }).toEqual({ name: c.name, equal: true });
      for (const comp of D) {
        // The radical by an independent route: the minimal primes of the primary component are its prime alone.
        const primes = minimalPrimes(R, comp.primary, { seed: 7 });
        expect({ name: c.name, primesOfComponent: primes.map((P) => text(R, P)) }).toEqual({ name: c.name, primesOfComponent: [text(R, comp.prime)] });
        expect(ideals.idealEquals(R, radicalByPrimes(R, primes), comp.prime)).toBe(true);
      }
      for (const a of D) for (const b of D) if (a !== b) expect(ideals.idealEquals(R, a.prime, b.prime)).toBe(false);
      const embedded = D.filter((comp) => isEmbedded(R, comp, D)).length;
      expect({ name: c.name, isolated: D.length - embedded, embedded }).toEqual({ name: c.name, isolated: c.isolated, embedded: c.embedded });
      // Isolated components first; the isolated primes are the minimal primes.
      expect(D.slice(0, c.isolated).map((comp) => text(R, comp.prime)).sort()).toEqual(minimalPrimes(R, gens, { seed: 2 }).map((P) => text(R, P)).sort());
    }
  });

  it('is irredundant: no component contains the intersection of the others', () => {
    for (const c of CASES) {
      const { R, gens } = ringOf(c);
      const D = primaryDecomposition(R, gens, { seed: 3 });
      if (D.length < 2) continue;
      D.forEach((comp, j) => {
        const others = meet(R, D.filter((_, i) => i !== j));
        expect({ name: c.name, j, redundant: others.every((f) => ideals.member(R, f, comp.primary)) }).toEqual({ name: c.name, j, redundant: false });
      });
    }
  });

  it('the unit ideal has no components', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    expect(primaryDecomposition(R, [R.one()])).toEqual([]);
  });
});

describe('primary decomposition against Singular (skipped when Singular is not installed)', () => {
  it("has the associated primes and isolated components of primdec.lib's primdecGTZ", (context) => {
    if (spawnSync('Singular', ['-v'], { encoding: 'utf8' }).error) {
      context.skip('Singular is not installed');
      return;
    }
    let script = 'LIB "primdec.lib";\n';
    CASES.forEach((c, k) => {
      const gens = c.gens.length === 0 ? '0' : c.gens.join(', ');
      script += `ring r${k} = 0, (${c.vars.join(', ')}), dp; short = 0;\nideal i${k} = ${gens};\nlist L${k} = primdecGTZ(i${k});\nprint("BEGIN ${k}");\n`;
      script += `for (int j${k} = 1; j${k} <= size(L${k}); j${k}++) { print("Q"); print(std(L${k}[j${k}][1])); print("P"); print(std(L${k}[j${k}][2])); }\nprint("END");\n`;
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
      const read = (s: string) => s.split(/,?\n/).map((l) => l.trim()).filter((l) => l.length > 0 && l !== '0').map((l) => parsePoly(R, l));
      const theirs: PrimaryComponent[] = body.split('Q\n').slice(1).map((part) => {
        const [q, p] = part.split('P\n');
        return { primary: read(q!), prime: read(p!) };
      });
      const ours = primaryDecomposition(R, gens, { seed: 5 });
      expect({ name: c.name, primes: ours.map((x) => text(R, x.prime)).sort() }).toEqual({ name: c.name, primes: theirs.map((x) => text(R, x.prime)).sort() });
      const isolated = (D: readonly PrimaryComponent[]) => D.filter((x) => !isEmbedded(R, x, D)).map((x) => text(R, x.primary)).sort();
      expect({ name: c.name, isolated: isolated(ours) }).toEqual({ name: c.name, isolated: isolated(theirs) });
    }
  });
});
