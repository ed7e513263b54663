// minimize against scipy.optimize.minimize on the same polynomial losses, in the same run (run
// `npm run build` first, then `nice -n 19 node bench/optimize.js`). The polynomial is handed to
// python as its terms (double coefficients and exponent vectors); scipy evaluates it, its gradient
// and Hessian with numpy (vectorized over the terms), so both sides minimize the same function from
// the same start to the same gradient tolerance.
// Problems: Rosenbrock's function from (-1.2, 1); the chained Rosenbrock function in 20 variables
// from (-1.2, 1, -1.2, 1, ...); a seeded convex quadratic ½xᵀAx - bᵀx in 60 variables (A = BᵀB/60 + I);
// the unregularized squared loss of the deep linear network linear(3, 4, 3) on seeded integer data
// from a seeded small Gaussian start.
// scipy's side evaluates the expanded polynomial generically (numpy over the terms, one pass per
// partial derivative), as a user handing vdl's loss to scipy would; a hand-vectorized objective
// (x @ A @ x for the quadratic) would be faster there. Hessian methods run only where n ≤ 24.
// Times: min(CPU, wall-clock) of one call after one warm-up call, measured inside each program
// (start-up excluded; vdl's time includes compiling the gradient). Writes the "## Optimizers"
// section of bench/RESULTS.md (replacing that section only) and prints it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { QQ, rat } from '../dist/src/math/field.js';
import { PolyRing } from '../dist/src/math/poly.js';
import { Random } from '../dist/src/math/random.js';
import { gaussianInit, minimize } from '../dist/src/math/optimize/index.js';
import { linearNetwork } from '../dist/src/networks/architectures.js';
import { squaredLoss } from '../dist/src/networks/losses.js';
import { writeResultsSection } from './results.js';

const lines = [];
const out = (s = '') => {
  lines.push(s);
  console.log(s);
};
const q = (n, d = 1) => rat(BigInt(n), BigInt(d));

function timeOnce(f) {
  const c0 = process.cpuUsage(), t0 = performance.now();
  const value = f();
  const c = process.cpuUsage(c0);
  return { seconds: Math.min((c.user + c.system) / 1e6, (performance.now() - t0) / 1000), value };
}

function rosenbrock(n) {
  const R = new PolyRing(QQ, Array.from({ length: n }, (_, i) => `x${i + 1}`));
  let f = R.zero();
  for (let i = 0; i + 1 < n; i++) {
    const a = R.sub(R.variable(i + 1), R.pow(R.variable(i), 2));
    const b = R.sub(R.one(), R.variable(i));
    f = R.add(f, R.add(R.scale(R.mul(a, a), q(100)), R.mul(b, b)));
  }
  return { R, f, init: Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -1.2 : 1)), optimum: Array(n).fill(1) };
}

function quadratic(n, seed) {
  const random = new Random(seed);
  const B = Array.from({ length: n }, () => Array.from({ length: n }, () => random.int(-3, 3)));
  const R = new PolyRing(QQ, Array.from({ length: n }, (_, i) => `x${i + 1}`));
  let f = R.zero();
  for (let i = 0; i < n; i++) {
    f = R.sub(f, R.scale(R.variable(i), q(random.int(-5, 5))));
    for (let j = i; j < n; j++) {
      let a = B.reduce((s, row) => s + row[i] * row[j], 0);
      const entry = QQ.add(q(a, n), i === j ? q(1) : q(0));
      // ½ Σ_ij A_ij x_i x_j: the diagonal with ½, each off-diagonal pair once.
      f = R.add(f, R.scale(R.mul(R.variable(i), R.variable(j)), i === j ? QQ.mul(q(1, 2), entry) : entry));
    }
  }
  return { R, f, init: Array(n).fill(0) };
}

function network(seed) {
  const N = linearNetwork([3, 4, 3]);
  const random = new Random(seed);
  const X = Array.from({ length: 3 }, () => Array.from({ length: 8 }, () => q(random.int(-3, 3))));
  const Y = Array.from({ length: 3 }, () => Array.from({ length: 8 }, () => q(random.int(-3, 3))));
  const f = squaredLoss(N, X, Y);
  return { R: N.ring, f, init: Array.from(gaussianInit(random, N.ring.nvars, 0.1)) };
}

const dir = mkdtempSync(join(tmpdir(), 'vdl-optimize-'));
function scipy(problem, method, tol) {
  const { R, f, init } = problem;
  const data = { n: R.nvars, coeffs: f.coeffs.map((c) => Number(c.num) / Number(c.den)), exps: f.mons.map((m) => Array.from(m)), x0: init, method, tol };
  writeFileSync(join(dir, 'p.json'), JSON.stringify(data));
  const script = `
import json, time, numpy as np
from scipy.optimize import minimize
d = json.load(open(${JSON.stringify(join(dir, 'p.json'))}))
n, c, E = d['n'], np.array(d['coeffs']), np.array(d['exps'], dtype=float).reshape(-1, d['n'])
def f(x): return c @ np.prod(x ** E, axis=1)
def g(x):
    # all partial derivatives at once: prefix and suffix products of the factors x_u^E_tu over each term
    Xp = x ** E
    ones = np.ones((E.shape[0], 1))
    pre = np.hstack([ones, np.cumprod(Xp, axis=1)[:, :-1]])
    suf = np.hstack([np.cumprod(Xp[:, ::-1], axis=1)[:, ::-1][:, 1:], ones])
    d = np.where(E > 0, E * x ** np.maximum(E - 1, 0), 0.0)
    return (c[:, None] * pre * suf * d).sum(axis=0)
def h(x):
    H = np.empty((n, n))
    for v in range(n):
        for w in range(v, n):
            Ev = E.copy(); k = E[:, v] * (E[:, w] - (1 if v == w else 0))
            Ev[:, v] = np.maximum(Ev[:, v] - 1, 0); Ev[:, w] = np.maximum(Ev[:, w] - 1, 0)
            H[v, w] = H[w, v] = (c * (k if v == w else E[:, v] * E[:, w])) @ np.prod(x ** Ev, axis=1)
    return H
x0 = np.array(d['x0'])
kw = dict(jac=g, tol=d['tol'], options={'maxiter': 100000})
if d['method'] in ('Newton-CG', 'trust-exact'): kw['hess'] = h
minimize(f, x0, method=d['method'], **kw)
t0, c0 = time.perf_counter(), time.process_time()
r = minimize(f, x0, method=d['method'], **kw)
t, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({'seconds': min(t, cpu), 'x': r.x.tolist(), 'fun': float(r.fun), 'nit': int(r.nit), 'grad': float(np.linalg.norm(g(r.x)))}))
`;
  const p = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
  if (p.status !== 0) return { error: p.stderr.trim().split('\n').at(-1) };
  return JSON.parse(p.stdout);
}

function vdl(problem, options) {
  minimize(problem.R, problem.f, { ...options, init: problem.init });
  return timeOnce(() => minimize(problem.R, problem.f, { ...options, init: problem.init }));
}

const hasScipy = spawnSync('python3', ['-c', 'import scipy'], { encoding: 'utf8' }).status === 0;
const num = (v) => (Math.abs(v) < 1e-4 ? v.toExponential(1) : v.toPrecision(6));
const fmt = (s) => (s < 1e-3 ? `${(s * 1e6).toFixed(0)} µs` : s < 1 ? `${(s * 1e3).toFixed(2)} ms` : `${s.toFixed(2)} s`);
const tol = 1e-8;
const cases = [
  { name: 'Rosenbrock, 2 variables', problem: rosenbrock(2), vdl: [['newton', {}], ['adam', { step: 0.01, iterations: 100000 }]], scipy: ['Newton-CG', 'trust-exact', 'BFGS'] },
  { name: 'chained Rosenbrock, 20 variables', problem: rosenbrock(20), vdl: [['newton', { iterations: 1000 }]], scipy: ['Newton-CG', 'trust-exact', 'BFGS'] },
  { name: 'convex quadratic, 60 variables', problem: quadratic(60, 5), vdl: [['newton', {}], ['nesterov', { step: 0.02, iterations: 100000 }], ['gd', { step: 0.02, iterations: 100000 }]], scipy: ['CG', 'BFGS', 'L-BFGS-B'] },
  { name: 'deep linear network 3-4-3 (24 weights)', problem: network(7), vdl: [['newton', { iterations: 1000 }], ['nesterov', { step: 0.005, iterations: 200000 }]], scipy: ['trust-exact', 'BFGS', 'L-BFGS-B'] },
];

out('## Optimizers');
out();
out(`\`nice -n 19 node bench/optimize.js\`: \`minimize\` against \`scipy.optimize.minimize\` (numpy evaluating the same polynomial, its gradient and Hessian) from the same start; vdl stops at ‖∇L‖₂ ≤ ${tol}, scipy at \`tol = ${tol}\` (its own criterion per method). Time: one call after a warm-up, min(CPU, wall-clock), vdl including the compilation of the gradient. ${cpus().length} CPUs, ${new Date().toISOString().slice(0, 10)}, measured under load (other engineers' test suites on the same 2 cores).`);
out();
out('| problem | vdl method | iterations | loss | ‖∇L‖ | time | scipy method | iterations | loss | ‖∇L‖ | time |');
out('|---|---|---|---|---|---|---|---|---|---|---|');
for (const c of cases) {
  const rows = Math.max(c.vdl.length, c.scipy.length);
  for (let k = 0; k < rows; k++) {
    let left = ' |  |  |  | ';
    if (k < c.vdl.length) {
      const [method, opts] = c.vdl[k];
      const { seconds, value } = vdl(c.problem, { method, tolerance: tol, ...opts });
      left = `${method} | ${value.iterations} (${value.reason}) | ${num(value.loss)} | ${value.gradientNorm.toExponential(1)} | ${fmt(seconds)}`;
    }
    let right = ' |  |  |  | ';
    if (k < c.scipy.length) {
      if (!hasScipy) right = `${c.scipy[k]} | scipy not installed |  |  | `;
      else {
        const s = scipy(c.problem, c.scipy[k], tol);
        right = s.error ? `${c.scipy[k]} | failed: ${s.error} |  |  | ` : `${c.scipy[k]} | ${s.nit} | ${num(s.fun)} | ${s.grad.toExponential(1)} | ${fmt(s.seconds)}`;
      }
    }
    out(`| ${k === 0 ? c.name : ''} | ${left} | ${right} |`);
  }
}
rmSync(dir, { recursive: true, force: true });

writeResultsSection('## Optimizers', lines.join('\n'));
