// Benchmarks of the networks layer (run `npm run build` first, then `node bench/networks.js`):
// stationary points of deep linear networks with generic generalized L2 and a few data points, NNLS
// on 200×100 problems, and function-space dimensions. Writes its results to bench/RESULTS.md under
// the "## Networks" heading (replacing that section only) and prints them.
//
// Environment: NETWORKS_BENCH_LIMIT = seconds allowed for each exact stationary-point computation
// (default 900; a computation that exceeds it is interrupted and reported as such).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { cpus } from 'node:os';
import { rat } from '../dist/src/math/field.js';
import { Random } from '../dist/src/math/random.js';
import { countSolutions } from '../dist/src/geometry/count.js';
import { linearNetwork, shallowNetwork, functionSpaceDimension } from '../dist/src/networks/architectures.js';
import { randomWeights, squaredLoss } from '../dist/src/networks/losses.js';
import { gradient, stationaryPoints } from '../dist/src/networks/stationary.js';
import { nnls, randomNnlsProblem } from '../dist/src/networks/nnls.js';

const limit = Number(process.env.NETWORKS_BENCH_LIMIT ?? 900);
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

out('## Networks');
out();
out(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}; \`node bench/networks.js\` (after \`npm run build\`). Wall-clock seconds.`);
out();
out('### Stationary points of deep linear networks');
out();
out('Generalized L2 with independent random weights n/100 (n uniform in 1..100, seed 1), data: 3 points');
out('(X = [[1, 2, -1], [0, 1, 3]], Y = [[2, -1, 1], [1, 1, 0]], first d0 / dL rows). Exact counts and Morse indices');
out('(`stationaryPoints`: gradient ideal, RUR, exact inertia); the complex count modulo p (F4 over GF(94906249),');
out('`countSolutions`) as a fast cross-check. The exact route spends its time in the rational univariate representation');
out('and the exact inertia of the Hessian at each real point (src/math/solve.ts, src/math/real-inertia.ts); times vary');
out('with the load of the (shared) machine.');
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
const file = new URL('./RESULTS.md', import.meta.url);
const section = lines.join('\n').trimEnd() + '\n';
let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
const start = text.indexOf('## Networks');
if (start >= 0) {
  const next = text.indexOf('\n## ', start + 1);
  text = text.slice(0, start) + section + (next >= 0 ? '\n' + text.slice(next + 1) : '');
} else {
  text = text.trimEnd() + '\n\n' + section;
}
writeFileSync(file, text);
