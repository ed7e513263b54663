// Factorization, minimal primes and primary decomposition against Singular and Macaulay2 (run `npm run build`
// first, then `node bench/decompose.js`): vdl's factorPolynomial, minimalPrimes and primaryDecomposition on
// classic inputs, Singular's factorize, minAssGTZ and primdecGTZ (primdec.lib) on the same polynomials, timed
// by Singular's rtimer, and Macaulay2's factor, decompose and primaryDecomposition, timed by elapsedTiming
// (start-up excluded for both; M2's column says "-" when M2 is not installed). Prints a Markdown table
// (seconds, wall clock, on a shared machine).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { QQ } from '../dist/src/math/field.js';
import { PolyRing } from '../dist/src/math/poly.js';
import { parsePoly } from '../dist/src/math/poly-parse.js';
import { factorPolynomial } from '../dist/src/math/factor/index.js';
import { minimalPrimes } from '../dist/src/math/decompose/minimal-primes.js';
import { primaryDecomposition } from '../dist/src/math/decompose/primary.js';

const R = new PolyRing(QQ, ['x', 'y', 'z']);

/** ∏ (x ± √p_1 ± ... ± √p_k) by P(x - √q)·P(x + √q) = A² - q·B², in Q[x]. */
function swinnertonDyer(primes) {
  const S = new PolyRing(QQ, ['x', 's']);
  let f = S.variable(0);
  for (const q of primes) {
    const shifted = S.compose(f, S, [S.add(S.variable(0), S.variable(1)), S.variable(1)], (c) => c);
    let A = S.zero();
    let B = S.zero();
    shifted.mons.forEach((m, i) => {
      const c = QQ.mul(shifted.coeffs[i], { num: BigInt(q) ** BigInt(m[1] >> 1), den: 1n });
      const mono = new Int32Array([m[0], 0]);
      if (m[1] % 2 === 0) A = S.add(A, S.term(c, mono));
      else B = S.add(B, S.term(c, mono));
    });
    f = S.sub(S.mul(A, A), S.scale(S.mul(B, B), { num: BigInt(q), den: 1n }));
  }
  return R.fromTerms(f.mons.map((m, i) => [new Int32Array([m[0], 0, 0]), f.coeffs[i]]));
}

const product = (texts) => texts.map((t) => parsePoly(R, t)).reduce((a, b) => R.mul(a, b));
const FACTOR = [
  ['x^60 - 1', R.sub(R.pow(R.variable(0), 60), R.one())],
  ['Swinnerton-Dyer S4 (deg 16)', swinnertonDyer([2, 3, 5, 7])],
  ['Swinnerton-Dyer S5 (deg 32)', swinnertonDyer([2, 3, 5, 7, 11])],
  ['7 bivariate factors', product(['x + y + 1', 'x - 2*y + 3', 'x*y - 5', 'x^2 + y^3 - 2', 'x + 3*y^2', 'x^2*y + x + 7', 'y - 4'])],
  ['(x+y+z)^3 (x^2+y^2+z^2) (2xy-3z)', product(['x + y + z', 'x + y + z', 'x + y + z', 'x^2 + y^2 + z^2', '2*x*y - 3*z'])],
  ['x^6 - y^6 z^6 + 1 (irreducible)', parsePoly(R, 'x^6 - y^6*z^6 + 1')],
];
const PRIMES = [
  ['twisted cubic cone ∪ plane', ['x*(x*z - y^2)', 'x*(y - 1)']],
  ['a curve and a line', ['x^2*y - z^2', 'x*z^2 - y^3']],
  ['lines and points', ['(x^2 - 2)*(y - 1)', 'z*(x - 1)', '(y - 1)*(z - 2)*z']],
];

const PRIMARY = [
  ['a plane with an embedded point', ['x^2', 'x*y', 'x*z^2']],
  ['a curve and a double line', ['x^2*y - z^2', 'x*z^2 - y^3']],
  ['square of the curve (t^3, t^4, t^5)', ['(x^3 - y*z)^2', '(x^3 - y*z)*(y^2 - x*z)', '(x^3 - y*z)*(z^2 - x^2*y)', '(y^2 - x*z)^2', '(y^2 - x*z)*(z^2 - x^2*y)', '(z^2 - x^2*y)^2']],
  ['a parabola with embedded points', ['z*(y - x^2)', 'z^2', 'z*(x - 1)^2']],
];

function singular(script) {
  const out = execFileSync('Singular', ['-q'], { input: `${script}\nquit;\n`, encoding: 'utf8', timeout: 600_000 });
  return Number(/TIME (\d+)/.exec(out)[1]) / 1000;
}

const HAS_M2 = !spawnSync('M2', ['--version'], { encoding: 'utf8' }).error;

/** Seconds of `expr` in Macaulay2 (elapsedTiming, start-up excluded) in the ring QQ[x, y, z]; null without M2. */
function macaulay2(expr) {
  if (!HAS_M2) return null;
  const dir = mkdtempSync(join(tmpdir(), 'vdl-bench-m2-'));
  try {
    const file = join(dir, 'bench.m2');
    writeFileSync(file, `R = QQ[x, y, z];\nT = elapsedTiming (${expr});\nprint("TIME " | toString(T#0));\n`);
    const out = execFileSync('M2', ['--script', file], { encoding: 'utf8', timeout: 600_000 });
    return Number(/TIME ([0-9.e-]+)/.exec(out)[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const m2Cells = (ours, theirs) => (theirs === null ? '- | -' : `${theirs.toFixed(3)} | ${(ours / Math.max(theirs, 0.001)).toFixed(1)}`);

const rows = ['| input | vdl (s) | Singular (s) | vdl / Singular | M2 (s) | vdl / M2 |', '|---|---|---|---|---|---|'];
for (const [name, f] of FACTOR) {
  const t0 = performance.now();
  const F = factorPolynomial(R, f, { seed: 1 });
  const ours = (performance.now() - t0) / 1000;
  const theirs = singular(`ring r = 0, (x, y, z), dp; poly f = ${R.toText(f)}; system("--ticks-per-sec", 1000); int t = rtimer; list L = factorize(f); print("TIME " + string(rtimer - t));`);
  const m2 = macaulay2(`factor(${R.toText(f)})`);
  rows.push(`| factor: ${name} (${F.factors.length} factors) | ${ours.toFixed(3)} | ${theirs.toFixed(3)} | ${(ours / Math.max(theirs, 0.001)).toFixed(1)} | ${m2Cells(ours, m2)} |`);
}
for (const [name, gens] of PRIMES) {
  const t0 = performance.now();
  const P = minimalPrimes(R, gens.map((g) => parsePoly(R, g)), { seed: 1 });
  const ours = (performance.now() - t0) / 1000;
  const theirs = singular(`LIB "primdec.lib"; ring r = 0, (x, y, z), dp; ideal i = ${gens.join(', ')}; system("--ticks-per-sec", 1000); int t = rtimer; list L = minAssGTZ(i); print("TIME " + string(rtimer - t));`);
  const m2 = macaulay2(`decompose ideal(${gens.join(', ')})`);
  rows.push(`| minimalPrimes: ${name} (${P.length} primes) | ${ours.toFixed(3)} | ${theirs.toFixed(3)} | ${(ours / Math.max(theirs, 0.001)).toFixed(1)} | ${m2Cells(ours, m2)} |`);
}
for (const [name, gens] of PRIMARY) {
  const t0 = performance.now();
  const D = primaryDecomposition(R, gens.map((g) => parsePoly(R, g)), { seed: 1 });
  const ours = (performance.now() - t0) / 1000;
  const theirs = singular(`LIB "primdec.lib"; ring r = 0, (x, y, z), dp; ideal i = ${gens.join(', ')}; system("--ticks-per-sec", 1000); int t = rtimer; list L = primdecGTZ(i); print("TIME " + string(rtimer - t));`);
  const m2 = macaulay2(`primaryDecomposition ideal(${gens.join(', ')})`);
  rows.push(`| primaryDecomposition: ${name} (${D.length} components) | ${ours.toFixed(3)} | ${theirs.toFixed(3)} | ${(ours / Math.max(theirs, 0.001)).toFixed(1)} | ${m2Cells(ours, m2)} |`);
}
console.log(rows.join('\n'));
