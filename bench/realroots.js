// Real-root isolation benchmark (run `npm run build` first, then `node bench/realroots.js [options]`).
//
// Compares the Descartes isolation of src/math/realroots (isolateRealRootsDescartes, dyadic intervals)
// with the existing isolation of src/math/univariate/isolate.ts (isolateRealRoots), on degree 64 to 512:
// random dense polynomials (32-bit coefficients), Chebyshev polynomials T_n (all n roots real), Mignotte
// polynomials x^n - 2(100x - 1)^2 (two roots about 100^-(n+2)/2 apart) and Wilkinson products of
// (x - k) for k = 1..n (these two up to degree 128). Also times refining every root to 64 and to 1000 bits (quadratic interval refinement,
// exact signs at dyadics), and the existing refinement (refineRootToBits: Newton in fixed point with
// exact verification) to 1000 bits. Counts must agree (the script exits with status 1 otherwise).
//
// Timing: best of --runs (default 3) runs after one warm-up, in milliseconds, process CPU time and real
// time (the minimum of the two is reported, as in bench/run.js).
//
// Usage: node bench/realroots.js [--degrees 64,128,256,512] [--runs 3] [--limit SECONDS]
import { performance } from 'node:perf_hooks';
import { isolateRealRootsDescartes, refineRoot } from '../dist/src/math/realroots/index.js';
import { isolateRealRoots, refineRootToBits } from '../dist/src/math/univariate/index.js';
import { Random } from '../dist/src/math/random.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const k = args.indexOf(`--${name}`);
  return k < 0 ? fallback : args[k + 1];
};
const degrees = option('degrees', '64,128,256,512').split(',').map(Number);
const runs = Number(option('runs', '3'));
const limit = Number(option('limit', '120')) * 1000;

function chebyshev(n) {
  let prev = [1n];
  let cur = [0n, 1n];
  for (let k = 1; k < n; k++) {
    const next = new Array(cur.length + 1).fill(0n);
    for (let i = 0; i < cur.length; i++) next[i + 1] += 2n * cur[i];
    for (let i = 0; i < prev.length; i++) next[i] -= prev[i];
    prev = cur;
    cur = next;
  }
  return cur;
}

function mignotte(n) {
  const p = new Array(n + 1).fill(0n);
  p[n] = 1n;
  p[0] -= 2n;
  p[1] += 400n;
  p[2] -= 20000n;
  return p;
}

function wilkinson(n) {
  let p = [1n];
  for (let k = 1; k <= n; k++) {
    const q = new Array(p.length + 1).fill(0n);
    for (let i = 0; i < p.length; i++) {
      q[i + 1] += p[i];
      q[i] -= BigInt(k) * p[i];
    }
    p = q;
  }
  return p;
}

/** Best time in ms of f over `runs` runs after a warm-up; gives up (null) past the limit. */
function time(f) {
  let best = Infinity;
  let result;
  const start = performance.now();
  for (let r = 0; r <= runs; r++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    result = f();
    const real = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const ms = Math.min(real, (cpu.user + cpu.system) / 1000);
    if (r > 0 || runs === 0) best = Math.min(best, ms);
    if (performance.now() - start > limit) break;
  }
  return { ms: best === Infinity ? null : best, result };
}

const rng = new Random(2024);
const rows = [];
let failed = false;
for (const n of degrees) {
  const cases = [
    ['random', Array.from({ length: n + 1 }, () => rng.bigint(-(1n << 32n), 1n << 32n))],
    ['chebyshev', chebyshev(n)],
  ];
  // The existing isolation needs minutes on these beyond degree 128.
  if (n <= 128) cases.push(['mignotte', mignotte(n)], ['wilkinson', wilkinson(n)]);
  for (const [name, p] of cases) {
    const fresh = time(() => isolateRealRootsDescartes(p));
    const old = time(() => isolateRealRoots(p));
    const roots = fresh.result;
    const r64 = time(() => roots.map((r) => refineRoot(r, 64)));
    const deep = n <= 256;
    const r1000 = deep ? time(() => roots.map((r) => refineRoot(r, 1000))) : { ms: null };
    const old1000 = deep ? time(() => old.result.map((r) => refineRootToBits(r, 1000))) : { ms: null };
    if (roots.length !== old.result.length) failed = true;
    rows.push({ name, n, roots: roots.length, sturm: old.result.length, fresh: fresh.ms, old: old.ms, r64: r64.ms, r1000: r1000.ms, old1000: old1000.ms });
    const f = (x) => (x === null ? 'n/a' : x.toFixed(1));
    console.log(
      `${name.padEnd(10)} n=${String(n).padEnd(4)} roots ${roots.length}/${old.result.length}  descartes ${f(fresh.ms)} ms  existing ${f(old.ms)} ms  ` +
        `ratio ${(old.ms / fresh.ms).toFixed(2)}  refine-64 ${f(r64.ms)} ms  refine-1000 ${f(r1000.ms)} ms (existing ${f(old1000.ms)} ms)`,
    );
  }
}
console.log('\n| case | degree | real roots | descartes ms | existing ms | existing / descartes | refine all to 64 bits ms | to 1000 bits ms | existing refinement to 1000 bits ms |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const f = (x) => (x === null ? 'n/a' : x.toFixed(1));
  console.log(`| ${r.name} | ${r.n} | ${r.roots} | ${f(r.fresh)} | ${f(r.old)} | ${(r.old / r.fresh).toFixed(2)} | ${f(r.r64)} | ${f(r.r1000)} | ${f(r.old1000)} |`);
}
if (failed) {
  console.error('root counts differ');
  process.exit(1);
}
