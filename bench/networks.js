// Benchmarks of the networks layer (run `npm run build` first, then `node bench/networks.js`):
// stationary points of deep linear networks with generic generalized L2 and a few data points, NNLS
// on 200×100 problems, and function-space dimensions. Writes its results to bench/RESULTS.md under
// the "## Networks" heading (replacing that section only) and prints them.
//
// Environment: NETWORKS_BENCH_LIMIT = seconds allowed for each exact stationary-point computation
// (default 900; a computation that exceeds it is interrupted and reported as such);
// NETWORKS_MSOLVE_LIMIT = the same for the comparison with msolve (default: NETWORKS_BENCH_LIMIT);
// NETWORKS_MSOLVE_CASES = the networks of that comparison (default 2-1-2,2-2-1,2-2-2,3-2-3);
// NETWORKS_PRIME_WORKERS = worker threads for the primes of that comparison's parametrizations
// (default 0: the calling thread, as msolve -t 1; 2 on this machine's two cores);
// NETWORKS_ONLY=full runs only that comparison and replaces only its subsection ("### Full stationary
// analysis against msolve") in bench/RESULTS.md. The issue-9 target (full exact analysis of a network
// with 10-12 weights in under 10 minutes on the two cores), on a quiet machine:
//   NETWORKS_ONLY=full NETWORKS_MSOLVE_CASES=1-2-2-2 NETWORKS_PRIME_WORKERS=2 node bench/networks.js
// and the other network of that target, 3-2-3 (12 weights, 705 complex points in 189 orbits of the sign group of
// order 4), without msolve (NETWORKS_MSOLVE=off: msolve's run of 3-2-3 is not bounded by the vdl limit):
//   NETWORKS_ONLY=full NETWORKS_MSOLVE_CASES=3-2-3 NETWORKS_PRIME_WORKERS=2 NETWORKS_MSOLVE=off NETWORKS_MSOLVE_LIMIT=1800 node bench/networks.js
// NETWORKS_MSOLVE = off skips msolve in that comparison (its columns then say "not run").
// NETWORKS_ROUTES = the vdl routes of that comparison (default orbits: the orbits of the loss's sign
// symmetries, the default of stationary; 'orbits,whole' also parametrizes the whole gradient ideal).
// Each row also runs the monodromy route (`stationaryMonodromy`, complete against the modular count) and
// says whether its complex and real counts and Morse indices equal the exact route's.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { cpus } from 'node:os';
import { rat } from '../dist/src/math/field.js';
import { Random } from '../dist/src/math/random.js';
import { countSolutions } from '../dist/src/geometry/count.js';
import { linearNetwork, shallowNetwork, functionSpaceDimension } from '../dist/src/networks/architectures.js';
import { randomWeights, squaredLoss } from '../dist/src/networks/losses.js';
import { gradient, stationaryPoints } from '../dist/src/networks/stationary.js';
import { stationaryMonodromy } from '../dist/src/math/numeric/stationary.js';
import { parametrize } from '../dist/src/math/zerodim/index.js';
import { parametrizeInvariants } from '../dist/src/math/zerodim/invariant.js';
import { signSymmetryPlan } from '../dist/src/networks/sign-symmetry.js';
import { WorkerPrimeRunner } from '../dist/src/node/prime-pool.js';
import { MSOLVE_VERSION, locateMsolve, msolveInput, readSolutions, runMsolve } from './peers/msolve.js';
import { nnls, randomNnlsProblem } from '../dist/src/networks/nnls.js';
import { writeResultsSection } from './results.js';

const limit = Number(process.env.NETWORKS_BENCH_LIMIT ?? 900);
const onlyFull = process.env.NETWORKS_ONLY === 'full';
const q = (n) => rat(BigInt(n));
const lines = [];
const out = (s = '') => {
  lines.push(s);
  console.log(s);
};
const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(2);

/** A signal that turns aborted after `s` seconds (the kernels poll it). */
function deadline(s) {
  const end = Date.now() + s * 1000;
  return { get aborted() { return Date.now() > end; } };
}

// Three data points; inputs and targets are the first d0 / dL rows.
const X = [[1, 2, -1], [0, 1, 3]].map((r) => r.map(q));
const Y = [[2, -1, 1], [1, 1, 0]].map((r) => r.map(q));

if (!onlyFull) {
out('## Networks');
out();
out(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}; \`node bench/networks.js\` (after \`npm run build\`). Wall-clock seconds.`);
out();
out('### Stationary points of deep linear networks');
out();
out('Generalized L2 with independent random weights n/100 (n uniform in 1..100, seed 1), data: 3 points');
out('(X = [[1, 2, -1], [0, 1, 3]], Y = [[2, -1, 1], [1, 1, 0]], first d0 / dL rows). Exact counts and Morse indices');
out('(`stationaryPoints`: modular parametrization of the gradient ideal, interval inertia of the Hessian on the real points\'');
out('boxes); the complex count modulo p (F4 over GF(94906249), `countSolutions`) as a fast cross-check. Times vary with the');
out('load of the (shared) machine.');
out();
out('| widths | weights | Bézout | complex (mod p) | time mod p | complex | real | indices | minima | time exact |');
out('|---|---|---|---|---|---|---|---|---|---|');
for (const widths of [[1, 1, 1], [1, 2, 1], [2, 1, 2], [1, 1, 1, 1], [2, 2, 1], [2, 2, 2]]) {
  const N = linearNetwork(widths);
  const L = squaredLoss(N, X.slice(0, widths[0]), Y.slice(0, widths[widths.length - 1]), { kind: 'entrywise', weights: randomWeights(N, new Random(1)) });
  const grad = gradient(N.ring, L);
  const bezout = grad.reduce((b, g) => b * BigInt(N.ring.degree(g)), 1n);
  let t0 = performance.now();
  const modular = countSolutions(N.ring, grad, { prime: 94906249 });
  const tModular = seconds(t0);
  t0 = performance.now();
  let exact = '| — | — | — | — |';
  let tExact;
  try {
    const s = stationaryPoints(N.ring, L, { seed: 1, signal: deadline(limit) });
    exact = `| ${s.complex} | ${s.real} | [${s.indices.join(', ')}] | ${s.minima} |`;
    tExact = seconds(t0);
  } catch (e) {
    if (e?.code !== 'interrupted') throw e;
    exact = '| not finished | | | |';
    tExact = `> ${limit}`;
  }
  out(`| ${widths.join('-')} | ${N.ring.nvars} | ${bezout} | ${modular.distinct} | ${tModular} ${exact} ${tExact} |`);
}
out();
}

// --- Full stationary analysis against msolve (issue 9, items 4 and 6) ---------------------------
// The same gradient systems, two data points, in the same run: vdl's stationaryPoints (modular
// parametrization, then Morse indices by interval LDLᵀ on the real points' boxes) against msolve's
// real solving of the gradient equations (-P 1, single thread). vdl's time is split into the
// parametrization and the rest (real points, Hessians on boxes, interval inertia, decimals).
const msolve = locateMsolve({ build: false });
out('### Full stationary analysis against msolve');
out();
if (msolve.path === null) {
  out(`Skipped: ${msolve.reason}`);
} else {
  const msolveLimit = Number(process.env.NETWORKS_MSOLVE_LIMIT ?? limit);
  const workers = Number(process.env.NETWORKS_PRIME_WORKERS ?? 0);
  const routes = (process.env.NETWORKS_ROUTES ?? 'orbits').split(',');
  const runner = workers > 0 ? new WorkerPrimeRunner({ size: workers }) : undefined;
  out(`Two data points (X = [[1, 2], [0, 1]] and a third input row [1, -1] for 3-2-3; Y = [[2, -1], [1, 1]] and a third output`);
  out('row [0, 1]), generalized L2 with weights n/100 (seed 1). vdl: `stationaryPoints` by the route below (the Hessian on');
  out('boxes of the real points, interval LDLᵀ, the loss value and the coordinates to 30 digits); msolve ' + MSOLVE_VERSION + ' `-P 1 -t 1` on the same gradient equations. Times: min(CPU, real) seconds');
  out(`inside each program (msolve's own timer; vdl's CPU counts its worker threads); vdl limit ${msolveLimit} s per case (interrupted beyond);`);
  out(`vdl's primes on ${runner ? runner.name : 'the calling thread'} (\`NETWORKS_PRIME_WORKERS\`).`);
  out();
  out('vdl wall s: wall-clock seconds of the whole analysis (what the 10-minute target of issue 9 is about); monodromy: `stationaryMonodromy`');
  out('(seed 1, complete against the modular count), and whether its complex and real counts and Morse indices equal the exact route\'s.');
  out();
  out('vdl route: `orbits` = the orbits of the sign symmetries of the loss (`parametrizeInvariants` on the plan of `signSymmetryPlan`,');
  out('then `stationaryPoints` with it: supports, real orbits, one point per real orbit with its interval inertia; the default');
  out('route of `stationary`), `whole ideal` = `parametrize` on the whole gradient ideal then `stationaryPoints` with it');
  out(`(\`NETWORKS_ROUTES\`: ${routes.join(', ')}); deg W, W bits: the degree and height of the route's eliminating polynomial.`);
  out();
  out('| network | weights | msolve complex / real | msolve s | vdl route | deg W | W bits | vdl complex / real | vdl indices | vdl primes | vdl parametrization s | vdl indices s | vdl total s | vdl wall s | vdl / msolve | monodromy complex / real, same indices |');
  out('|---|---|---|---:|---|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---|');
  const X2 = [[1, 2], [0, 1], [1, -1]].map((r) => r.map(q));
  const Y2 = [[2, -1], [1, 1], [0, 1]].map((r) => r.map(q));
  const cpuTimed = (f) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const value = f();
    const c = process.cpuUsage(c0);
    const wall = (performance.now() - t0) / 1000;
    return { value, wall, seconds: Math.min((c.user + c.system) / 1e6, wall) };
  };
  // Warm-up: V8 compiles the kernels on first use.
  {
    const N = linearNetwork([1, 2, 1]);
    stationaryPoints(N.ring, squaredLoss(N, X2.slice(0, 1), Y2.slice(0, 1), { kind: 'entrywise', weights: randomWeights(N, new Random(1)) }), { seed: 1 });
  }
  for (const widths of (process.env.NETWORKS_MSOLVE_CASES ?? '2-1-2,2-2-1,2-2-2,3-2-3').split(',').map((w) => w.split('-').map(Number))) {
    const N = linearNetwork(widths);
    const L = squaredLoss(N, X2.slice(0, widths[0]), Y2.slice(0, widths[widths.length - 1]), { kind: 'entrywise', weights: randomWeights(N, new Random(1)) });
    const grad = gradient(N.ring, L);
    const m = process.env.NETWORKS_MSOLVE === 'off' ? { ok: false, skipped: true } : runMsolve(msolve.path, msolveInput(N.ring.nvars, grad, 0), { parametrization: 1, timeoutSeconds: 10 * msolveLimit });
    const ms = m.ok ? readSolutions(m.output) : null;
    const msText = ms ? `${ms.complex} / ${ms.real}` : m.skipped ? 'not run' : m.timedOut ? 'timed out' : 'failed';
    const plan = signSymmetryPlan(N.ring, L);
    let reference = null; // the first route's result: the monodromy route and the later routes are compared with it
    for (const route of routes) {
      if (route === 'orbits' && plan === null) continue;
      let row;
      try {
        const signal = deadline(msolveLimit);
        const gens = grad.filter((g) => !N.ring.isZero(g));
        const p =
          route === 'orbits'
            ? cpuTimed(() => parametrizeInvariants(N.ring, gens, plan.group, plan.invariants, { seed: 1, signal, separating: plan.separating, ...(runner ? { runner } : {}) }))
            : cpuTimed(() => parametrize(N.ring, gens, { seed: 1, signal, ...(runner ? { runner } : {}) }));
        const s = cpuTimed(() =>
          stationaryPoints(N.ring, L, { seed: 1, signal, ...(route === 'orbits' ? { orbits: p.value } : { parametrization: p.value, signSymmetry: false }) }),
        );
        const total = p.seconds + s.seconds;
        const agree = !ms || (ms.complex === s.value.complex && ms.real === s.value.real);
        let monoText = '';
        if (reference === null) {
          reference = s.value;
          const mono = stationaryMonodromy(N.ring, L, { seed: 1, expected: s.value.complex });
          const same = mono.solve.complex === s.value.complex && mono.solve.real === s.value.real && mono.morse.indices.join() === s.value.indices.join();
          monoText =
            `${mono.solve.complex} / ${mono.solve.real}, ` +
            (same ? 'yes' : mono.solve.complete !== true ? `incomplete (${mono.solve.complex} of ${s.value.complex})` : `**no** [${mono.morse.indices.join(', ')}]`);
        } else {
          const same = reference.complex === s.value.complex && reference.real === s.value.real && reference.indices.join() === s.value.indices.join();
          monoText = same ? 'same as the first route' : '**differs from the first route**';
        }
        const degree = p.value.w.length - 1;
        const bits = Math.max(...p.value.w.map((c) => (c < 0n ? -c : c).toString(2).length));
        row =
          `${route === 'orbits' ? `orbits (group of order ${2 ** plan.group.rank})` : 'whole ideal'} | ${degree} | ${bits} | ` +
          `${s.value.complex} / ${s.value.real}${agree ? '' : ' **counts differ**'} | [${s.value.indices.join(', ')}] | ${p.value.provenance.primes?.count ?? ''} | ${p.seconds.toFixed(2)} | ${s.seconds.toFixed(2)} | ` +
          `${total.toFixed(2)} | ${(p.wall + s.wall).toFixed(1)} | ${m.seconds ? `${(total / m.seconds).toFixed(1)}×` : ''} | ${monoText}`;
      } catch (e) {
        if (e?.code !== 'interrupted') throw e;
        row = `${route} | | | not finished | | | | | > ${msolveLimit} | | | `;
      }
      out(`| ${widths.join('-')} | ${N.ring.nvars} | ${msText} | ${m.seconds?.toFixed(2) ?? ''} | ${row} |`);
    }
  }
  runner?.stop();
}
out();

if (onlyFull) {
  // Replace only the subsection "### Full stationary analysis against msolve" of bench/RESULTS.md.
  const file = new URL('./RESULTS.md', import.meta.url);
  const heading = '### Full stationary analysis against msolve';
  const section = lines.join('\n').trimEnd() + '\n';
  let text = readFileSync(file, 'utf8');
  // From the heading to the end of its table: the notes written below the table are kept.
  const start = text.indexOf(heading);
  const table = start >= 0 ? text.indexOf('\n| network', start) : -1;
  let end = table;
  while (end >= 0 && text.startsWith('\n|', end)) end = text.indexOf('\n', end + 1);
  text = table >= 0 ? text.slice(0, start) + section.trimEnd() + (end >= 0 ? text.slice(end) : '\n') : text.trimEnd() + '\n\n' + section;
  writeFileSync(file, text);
  process.exit(0);
}

out('### NNLS on 200×100 problems');
out();
out('`randomNnlsProblem(seed, 200, 100)`: A uniform in [-1, 1], a known strictly complementary solution x* with about half');
out('its entries 0. Default tolerances (KKT residual ≤ 1e-12·max(1, ||A^T b||_∞) for the iterative methods).');
out();
out('| seed | method | iterations | time | max abs(x - x*) | KKT residual |');
out('|---|---|---|---|---|---|');
for (const seed of [1, 2, 3]) {
  const P = randomNnlsProblem(seed, 200, 100);
  for (const method of ['lawson-hanson', 'reparam', 'accelerated']) {
    const t0 = performance.now();
    const r = nnls(P.A, P.b, method);
    const t = seconds(t0);
    const err = Math.max(...r.x.map((v, i) => Math.abs(v - P.solution[i])));
    out(`| ${seed} | ${method} | ${r.iterations} | ${t} | ${err.toExponential(1)} | ${Number(r.kkt).toExponential(1)} |`);
  }
}
out();

out('### Function-space dimensions');
out();
out('| network | parameters | ambient | dimension | expected | certified | time |');
out('|---|---|---|---|---|---|---|');
for (const [name, N] of [
  ['shallow(5, 14, 4)', shallowNetwork(5, 14, { kind: 'power', degree: 4 })],
  ['shallow(5, 7, 3)', shallowNetwork(5, 7, { kind: 'power', degree: 3 })],
  ['shallow(6, 10, 4)', shallowNetwork(6, 10, { kind: 'power', degree: 4 })],
  ['linear(8, 4, 4, 8)', linearNetwork([8, 4, 4, 8])],
]) {
  const t0 = performance.now();
  const r = functionSpaceDimension(N, { seed: 1 });
  out(`| ${name} | ${r.parameters} | ${r.ambient} | ${r.dimension} | ${r.expected} | ${r.certified} | ${seconds(t0)} |`);
}
out();

// Replace (or append) the "## Networks" section of bench/RESULTS.md.
writeResultsSection('## Networks', lines.join('\n'));
