// Cross-checks against Macaulay2 on the same input (issue 16: "each against Macaulay2 or Singular";
// skipped, with the reason, when M2 is not installed; .ci/run installs it): minimal primes and primary
// decompositions (`decompose`, `associatedPrimes`, `primaryDecomposition`), degrees and multidegrees of
// projective varieties (`degree`, `multidegree` over a multigraded ring), polar degrees and the generic
// ED degree (`multidegree conormalVariety` of the Resultants package: [N_X] = Σ δ_i s^{n-1-i} t^{i+1},
// DHOST Thm 5.4: EDdeg = Σ δ_i), the ramification of the twisted cubic under diag(0, 0, 1) (one point:
// degree 1 reduced, 2 as the scheme of the minors), the twisted-cubic cone with the pattern
// diag(1, 0, 0, 0) (degree 4 reduced where the scheme has degree 5), the projected route's split of the
// critical points of 2×3 matrices of rank 1 under diag(1, 1, 1, 1, 1, 0), and Chern–Mather classes of smooth
// subvarieties of P^1 × P^2 (equal to the CSM classes of the CharacteristicClasses package). One M2 run per test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as G from '../../src/geometry/index.js';
import { multiprojectiveChernMather } from '../../src/geometry/multiprojective-chern-mather.js';
import { chernMather, multidegree, projectiveEdDegree, projectiveVariety } from '../../src/geometry/projective.js';
import { isEmbedded, minimalPrimes, primaryDecomposition } from '../../src/math/decompose/index.js';
import { QQ, type Rat } from '../../src/math/field.js';
import * as ideals from '../../src/math/ideal.js';
import { PolyRing, type Poly } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { Random } from '../../src/math/random.js';
import { runLines } from '../helpers.js';

const HAS_M2 = !spawnSync('M2', ['--version'], { encoding: 'utf8' }).error;

/** Run a Macaulay2 script (from a temporary file, removed after) and return its printed lines. */
function m2(script: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'vdl-m2-'));
  try {
    const file = join(dir, 'check.m2');
    writeFileSync(file, script);
    const out = spawnSync('M2', ['--script', file], { encoding: 'utf8', timeout: 300_000 });
    if (out.status !== 0) throw new Error(`M2 failed: ${out.stderr}`);
    return out.stdout.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Blocks of lines after each marker line `marker` (until the next marker or END). */
function blocks(lines: readonly string[], marker: string): string[][] {
  const out: string[][] = [];
  for (const l of lines) {
    if (l === marker) out.push([]);
    else if (l === 'END') break;
    else out[out.length - 1]?.push(l);
  }
  return out;
}

const skipWithoutM2 = (context: { skip: (note?: string) => void }) => {
  if (!HAS_M2) context.skip('Macaulay2 (M2) is not installed');
  return !HAS_M2;
};

interface Case {
  readonly name: string;
  readonly vars: readonly string[];
  readonly gens: readonly string[];
}

const DECOMPOSITION_CASES: readonly Case[] = [
  { name: 'two planes and a line', vars: ['x', 'y', 'z'], gens: ['x*y', 'x*z'] },
  { name: 'embedded point', vars: ['x', 'y'], gens: ['x^2', 'x*y'] },
  { name: 'twisted cubic and a line', vars: ['x', 'y', 'z'], gens: ['(y - x^2)*z', '(z - x^3)*z', '(z - x^3)*(x - 1)'] },
  { name: 'irreducible over QQ, not over C', vars: ['x', 'y'], gens: ['x^2 - 2', 'y^3 - y'] },
  { name: 'gradient of (x^2 + y^2 - 1)^2 + (z^2 - 1)^2', vars: ['x', 'y', 'z'], gens: ['(x^2 + y^2 - 1)*x', '(x^2 + y^2 - 1)*y', '(z^2 - 1)*z'] },
  { name: 'a double line with an embedded point', vars: ['x', 'y', 'z'], gens: ['x^2', 'x*y', 'x*z^2'] },
];

function ringOf(c: Case) {
  const R = new PolyRing(QQ, [...c.vars]);
  return { R, gens: c.gens.map((g) => parsePoly(R, g)) };
}

/** The canonical text of an ideal: its reduced Gröbner basis, sorted. */
function text(R: PolyRing<Rat>, gens: readonly Poly<Rat>[]): string {
  return ideals.reducedBasis(R, gens).map((g) => R.toText(g)).sort().join(', ');
}

describe('decomposition against Macaulay2 (skipped when M2 is not installed)', () => {
  it('minimal primes, associated primes and isolated primary components equal decompose, associatedPrimes and primaryDecomposition', (context) => {
    if (skipWithoutM2(context)) return;
    let script = '';
    DECOMPOSITION_CASES.forEach((c) => {
      script += `R = QQ[${c.vars.join(',')}]; I = ideal(${c.gens.join(', ')});\n`;
      script += 'print "CASE"; scan(decompose I, P -> (print "P"; scan(flatten entries gens gb P, g -> print toString g)));\n';
      script += 'print "ASS"; scan(associatedPrimes I, P -> (print "P"; scan(flatten entries gens gb P, g -> print toString g)));\n';
      script += 'print "PRIMARY"; scan(primaryDecomposition I, Q -> (print "Q"; scan(flatten entries gens gb Q, g -> print toString g); print "RADICAL"; scan(flatten entries gens gb radical Q, g -> print toString g)));\n';
    });
    script += 'print "END";\n';
    const lines = m2(script);
    const cases = blocks(lines, 'CASE');
    expect(cases).toHaveLength(DECOMPOSITION_CASES.length);
    cases.forEach((block, k) => {
      const c = DECOMPOSITION_CASES[k]!;
      const { R, gens } = ringOf(c);
      const section = (name: string, next: string) => block.slice(block.indexOf(name) + 1, next ? block.indexOf(next) : block.length);
      const ideal = (ls: readonly string[], marker: string) => blocks([...ls, 'END'], marker).map((g) => text(R, g.map((l) => parsePoly(R, l))));
      const theirMinimal = ideal(block.slice(0, block.indexOf('ASS')), 'P').sort();
      const theirAssociated = ideal(section('ASS', 'PRIMARY'), 'P').sort();
      const ours = minimalPrimes(R, gens, { seed: 3 }).map((P) => text(R, P)).sort();
      expect({ name: c.name, minimal: ours }).toEqual({ name: c.name, minimal: theirMinimal });
      const D = primaryDecomposition(R, gens, { seed: 3 });
      expect({ name: c.name, associated: D.map((x) => text(R, x.prime)).sort() }).toEqual({ name: c.name, associated: theirAssociated });
      // The isolated components (unique): M2's components whose radical is a minimal prime.
      const theirs = blocks([...section('PRIMARY', ''), 'END'], 'Q').map((q) => ({
        primary: text(R, q.slice(0, q.indexOf('RADICAL')).map((l) => parsePoly(R, l))),
        prime: text(R, q.slice(q.indexOf('RADICAL') + 1).map((l) => parsePoly(R, l))),
      }));
      const theirIsolated = theirs.filter((q) => theirMinimal.includes(q.prime)).map((q) => q.primary).sort();
      const ourIsolated = D.filter((x) => !isEmbedded(R, x, D)).map((x) => text(R, x.primary)).sort();
      expect({ name: c.name, isolated: ourIsolated }).toEqual({ name: c.name, isolated: theirIsolated });
    });
  });
});

const options = (seed: number) => ({ random: new Random(seed) });

/** The coefficient of the monomial with exponents `e` in a polynomial printed by M2 (variables `names`). */
function coefficient(printed: string, names: readonly string[], e: readonly number[]): bigint {
  const R = new PolyRing(QQ, [...names]);
  const f = parsePoly(R, printed);
  const k = f.mons.findIndex((m) => e.every((x, i) => m[i] === x));
  return k < 0 ? 0n : f.coeffs[k]!.num;
}

interface MultiCase {
  readonly name: string;
  readonly vars: readonly string[];
  readonly blocks: readonly number[];
  readonly gens: readonly string[];
  /** Also checked against CharacteristicClasses' CSM (smooth, and cheap enough for a loaded machine). */
  readonly csm?: boolean;
}

const MULTI_CASES: readonly MultiCase[] = [
  { name: 'P^1 × P^2', vars: ['x0', 'x1', 'y0', 'y1', 'y2'], blocks: [2, 3], gens: [] },
  { name: 'a (1, 1) divisor of P^1 × P^2', vars: ['x0', 'x1', 'y0', 'y1', 'y2'], blocks: [2, 3], gens: ['x0*y0 + x1*y1'], csm: true },
  { name: 'a (1, 2) divisor of P^1 × P^2', vars: ['x0', 'x1', 'y0', 'y1', 'y2'], blocks: [2, 3], gens: ['x0*y0^2 + x1*y1^2 + x0*y2^2 - x1*y0*y2'] },
  { name: 'a curve of bidegree (1, 1), (0, 1) in P^1 × P^2', vars: ['x0', 'x1', 'y0', 'y1', 'y2'], blocks: [2, 3], gens: ['x0*y0 + x1*y1 + x1*y2', 'y0 + 2*y1 - y2'], csm: true },
  { name: 'the diagonal of P^1 × P^1', vars: ['x0', 'x1', 'y0', 'y1'], blocks: [2, 2], gens: ['x0*y1 - x1*y0'] },
];

const m2Ring = (c: MultiCase) => `QQ[${c.vars.join(',')}, Degrees => {${c.blocks.map((s, j) => `${s}:{${c.blocks.map((_, i) => (i === j ? 1 : 0)).join(',')}}`).join(', ')}}]`;

describe('projective geometry against Macaulay2 (skipped when M2 is not installed)', () => {
  it('degrees of projective varieties (reduced, and with multiplicity) equal degree radical I and degree I', (context) => {
    if (skipWithoutM2(context)) return;
    const cases = [
      { vars: ['x0', 'x1', 'x2', 'x3'], gens: ['x0*x2 - x1^2', 'x1*x3 - x2^2', 'x0*x3 - x1*x2'] },
      { vars: ['x', 'y', 'z'], gens: ['x^2'] },
      { vars: ['x', 'y', 'z', 'w'], gens: ['x*y', 'x*z^2'] },
      { vars: ['x', 'y', 'z', 'w'], gens: ['x^3 + y^3 + z^3 + w^3', 'x*y - z*w'] },
    ];
    const script = cases.map((c) => `R = QQ[${c.vars.join(',')}]; I = ideal(${c.gens.join(', ')}); print toString(degree radical I); print toString(degree I);\n`).join('');
    const lines = m2(script);
    cases.forEach((c, k) => {
      const R = new PolyRing(QQ, [...c.vars]);
      const gens = c.gens.map((g) => parsePoly(R, g));
      const reduced = Number(G.reducedDegree(G.variety(R, gens)));
      expect({ k, reduced, scheme: Number(ideals.degree(R, gens)) }).toEqual({ k, reduced: Number(lines[2 * k]), scheme: Number(lines[2 * k + 1]) });
    });
  });

  it('multidegrees of subvarieties of P^1 × P^2 and P^1 × P^1 equal multidegree over the multigraded ring', (context) => {
    if (skipWithoutM2(context)) return;
    const script = MULTI_CASES.map((c) => `R = ${m2Ring(c)}; print toString multidegree ideal(${c.gens.length ? c.gens.join(', ') : '0_R'});\n`).join('');
    const lines = m2(script);
    MULTI_CASES.forEach((c, k) => {
      const R = new PolyRing(QQ, [...c.vars]);
      const P = projectiveVariety(G.variety(R, c.gens.map((g) => parsePoly(R, g))), c.blocks);
      const ours = multidegree(P, options(k));
      const names = c.blocks.map((_, j) => `T_${j}`);
      for (const t of ours.terms) {
        const theirs = coefficient(lines[k]!, names, t.cuts.map((a, j) => c.blocks[j]! - 1 - a));
        expect({ name: c.name, cuts: t.cuts, degree: BigInt(t.degree) }).toEqual({ name: c.name, cuts: t.cuts, degree: theirs });
      }
    });
  });

  it('polar degrees and generic ED degrees equal the multidegree of the conormal variety (Resultants)', (context) => {
    if (skipWithoutM2(context)) return;
    const cases = [
      { name: 'twisted cubic', vars: ['a', 'b', 'c', 'd'], gens: ['a*c - b^2', 'b*d - c^2', 'a*d - b*c'] },
      { name: 'Veronese surface', vars: ['a', 'b', 'c', 'd', 'e', 'f'], gens: ['a*d - b^2', 'a*e - b*c', 'a*f - c^2', 'b*e - c*d', 'b*f - c*e', 'd*f - e^2'] },
      { name: 'Segre P^1 × P^2', vars: ['a', 'b', 'c', 'd', 'e', 'f'], gens: ['a*e - b*d', 'a*f - c*d', 'b*f - c*e'] },
      { name: 'a singular cubic surface (cone over a nodal cubic)', vars: ['x', 'y', 'z', 'w'], gens: ['y^2*z - x^3 - x^2*z'] },
    ];
    const script = 'needsPackage "Resultants";\n' + cases.map((c) => `R = QQ[${c.vars.join(',')}]; print toString multidegree conormalVariety ideal(${c.gens.join(', ')});\n`).join('');
    const lines = m2(script).filter((l) => l.includes('T_'));
    cases.forEach((c, k) => {
      const R = new PolyRing(QQ, [...c.vars]);
      const P = projectiveVariety(G.variety(R, c.gens.map((g) => parsePoly(R, g))));
      const n = c.vars.length;
      const cm = chernMather(P, options(k));
      // [N_X] = Σ δ_i s^{n-1-i} t^{i+1}: δ_i is the coefficient of T_0^{n-1-i} T_1^{i+1}.
      const theirs = cm.polar.map((_, i) => Number(coefficient(lines[k]!, ['T_0', 'T_1'], [n - 1 - i, i + 1])));
      expect({ name: c.name, polar: cm.polar }).toEqual({ name: c.name, polar: theirs });
      const ed = projectiveEdDegree(P, 'polar', options(k));
      expect({ name: c.name, ed: ed.count }).toEqual({ name: c.name, ed: theirs.reduce((a, b) => a + b, 0) });
    });
  });

  it('the ramification of the twisted cubic under diag(0, 0, 1) is one reduced point (the scheme of the minors has degree 2)', (context) => {
    if (skipWithoutM2(context)) return;
    const lines = m2(
      'R = QQ[x,y,z]; I = ideal(y - x^2, z - x*y, y^2 - x*z);\n' +
        'M = transpose(jacobian I) || matrix{{0,0,1}};\n' +
        'Ram = I + minors(3, M);\n' +
        'print toString(degree Ram); print toString(degree radical Ram); print toString(dim Ram);\n',
    );
    expect(lines).toEqual(['2', '1', '0']);
    const out = runLines('ring R = QQ[x, y, z];\nlet X = V(y - x^2, z - x*y, y^2 - x*z);\nlet r = ramification(diag(0, 0, 1), X);\nprint degree(r), dim(r);\nprint r;');
    expect(out).toEqual(['1, 0', 'V(z, y, x)']);
  });

  it('the projected route on 2×3 matrices of rank 1 with diag(1, 1, 1, 1, 1, 0): 3 critical points, 1 on the ramification locus', (context) => {
    if (skipWithoutM2(context)) return;
    const lines = m2(
      'R = QQ[a,b,c,d,e,f]; X = minors(2, matrix{{a,b,c},{d,e,f}}); u = {1,2,3,5,7,11}; q = {1,1,1,1,1,0};\n' +
        'g = matrix{apply(6, i -> q#i*((gens R)#i - u#i))}; J = transpose jacobian X;\n' +
        'C = saturate(X + minors(3, g || J), ideal gens R);\n' +
        'P = matrix{{1,0,0,0,0,0},{0,1,0,0,0,0},{0,0,1,0,0,0},{0,0,0,1,0,0},{0,0,0,0,1,0}};\n' +
        'print toString(dim C); print toString(degree radical C); print toString(degree radical(C + minors(6, J || P)));\n',
    );
    expect(lines).toEqual(['0', '3', '1']);
    const u = [1, 2, 3, 5, 7, 11].map((x) => QQ.fromBigInt(BigInt(x)));
    const Q = G.diagonalForm([1, 1, 1, 1, 1, 0].map((x) => QQ.fromBigInt(BigInt(x))));
    const res = G.edDegree(G.determinantal(2, 3, 1).variety, Q, { random: new Random(1), data: u, method: 'projected' });
    expect(res).toMatchObject({ count: 3, regular: 2, ramification: { degree: 1 }, fibre: { degree: 0 } });
  });

  it('the twisted-cubic cone with the pattern diag(1, 0, 0, 0): degree 4 reduced where the scheme has degree 5', (context) => {
    if (skipWithoutM2(context)) return;
    const lines = m2(
      'R = QQ[a,b,c,d]; X = minors(2, matrix{{a,b,c},{b,c,d}}); u = {1,2,3,5};\n' +
        'for q in {{1,0,0,0},{1,0,0,1}} do (g = matrix{apply(4, i -> q#i*((gens R)#i - u#i))};\n' +
        '  C = saturate(X + minors(3, g || transpose jacobian X), ideal(a,b,c,d));\n' +
        '  print toString(dim C); print toString(degree C); print toString(degree radical C);\n' +
        '  print toString sort apply(decompose C, P -> {dim P, degree P}));\n',
    );
    expect(lines).toEqual(['1', '5', '4', '{{1, 1}, {1, 3}}', '0', '7', '5', '{{0, 1}, {0, 1}, {0, 3}}']);
    const out = runLines(
      'ring R = QQ[a, b, c, d];\nlet X = V(a*c - b^2, b*d - c^2, a*d - b*c);\n' +
        'let r = criticalPoints(X, diag(1, 0, 0, 0), [1, 2, 3, 5]);\nlet c = r.components;\nprint r.dim, r.degree, c[1].dim, c[1].degree, c[2].dim, c[2].degree, length(c);\n' +
        'print criticalPoints(X, diag(1, 0, 0, 1), [1, 2, 3, 5]).complex;',
    );
    expect(out).toEqual(['1, 4, 1, 3, 1, 1, 2', '5']);
  });
});

describe('Chern–Mather classes of subvarieties of products against Macaulay2 (skipped when M2 is not installed)', () => {
  // Smooth cases (there c_M is the CSM class); P^1 × P^1, P^1 × P^2 and the diagonal are checked by closed forms in
  // multiprojective-chern-mather.test.ts (the (1, 2) divisor agreed too, in 40 to 90 s: too slow for the suite).
  for (const [k, c] of MULTI_CASES.entries()) {
    if (!c.csm) continue;
    it(`${c.name}: equal to the CSM class of CharacteristicClasses`, (context) => {
      if (skipWithoutM2(context)) return;
      const subs = c.vars.map((v, i) => `${v} = (gens R)#${i};`).join(' ');
      const [line] = m2(`needsPackage "CharacteristicClasses";\nR = MultiProjCoordRing({${c.blocks.map((s) => s - 1).join(',')}}); ${subs} print toString CSM(ideal(${c.gens.join(', ')}));\n`).filter((l) => l.includes('h_'));
      const R = new PolyRing(QQ, [...c.vars]);
      const P = projectiveVariety(G.variety(R, c.gens.map((g) => parsePoly(R, g))), c.blocks);
      const ours = multiprojectiveChernMather(P, options(k));
      const names = c.blocks.map((_, j) => `h_${j + 1}`);
      for (const terms of ours.classes) {
        for (const t of terms) {
          const theirs = coefficient(line!, names, t.cuts.map((a, j) => c.blocks[j]! - 1 - a));
          expect({ name: c.name, cuts: t.cuts, degree: t.degree }).toEqual({ name: c.name, cuts: t.cuts, degree: theirs });
        }
      }
    });
  }
});
