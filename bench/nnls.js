// NNLS against scipy.optimize.nnls on the same data, in the same run (run `npm run build` first,
// then `node bench/nnls.js`). Problems (seeded, src/math/dense/random.ts): A with N(0, 1) entries;
// b ~ N(0, 1) for the overdetermined 200×100 and 1000×500; for the underdetermined 500×1000,
// b = A x0 with x0 uniform in [0, 1) on every other entry (so a solution with zero residual exists).
// vdl runs each method on the Float64Array kernels; scipy gets the same doubles through a binary
// file. Times: min(CPU time, wall-clock time), best of at least 5 runs (more while they take under 2 s in all) after warm-up
// runs (JIT), measured inside each
// program (start-up excluded): the machine is shared, and CPU time is what the kernel itself costs.
// Writes the "## NNLS" section of bench/RESULTS.md (replacing that section only) and prints it.
//
// The iterative methods run once; a run under 1 s is then timed like Lawson–Hanson (warm-up, best of
// several), since its first run also pays for compiling the method's code.
// Environment: NNLS_BENCH_ITERATIVE = 0 to skip the iterative methods; NNLS_BENCH_LIMIT = CPU seconds
// allowed per iterative run (default 60; the run is interrupted and reported as such).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { Buffer } from 'node:buffer';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gaussianDense, matVec } from '../dist/src/math/dense/index.js';
import { Random } from '../dist/src/math/random.js';
import { nnls } from '../dist/src/networks/nnls.js';
import { writeResultsSection } from './results.js';

const limit = Number(process.env.NNLS_BENCH_LIMIT ?? 60);
const load0 = loadavg()[0];
const iterative = process.env.NNLS_BENCH_ITERATIVE !== '0';
const lines = [];
const out = (s = '') => {
  lines.push(s);
  console.log(s);
};

/** A signal that aborts after `s` seconds of this process's CPU time (wall-clock time on a loaded machine says little). */
function deadline(s) {
  const c0 = process.cpuUsage();
  return {
    get aborted() {
      const c = process.cpuUsage(c0);
      return (c.user + c.system) / 1e6 > s;
    },
  };
}

function problem(m, n, seed) {
  const random = new Random(seed);
  const A = gaussianDense(random, m, n);
  let b;
  if (m >= n) b = gaussianDense(random, m, 1).data;
  else {
    const x0 = new Float64Array(n);
    for (let j = 0; j < n; j += 2) x0[j] = random.nextFloat();
    b = matVec(A, x0);
  }
  return { A, b };
}

/** Seconds of one call: min(CPU time, wall-clock time), as the other sections of RESULTS.md measure on this shared machine. */
function timeOnce(f) {
  const c0 = process.cpuUsage(), t0 = performance.now();
  const value = f();
  const c = process.cpuUsage(c0);
  return { seconds: Math.min((c.user + c.system) / 1e6, (performance.now() - t0) / 1000), value };
}

/** The best of `runs` calls after warm-up calls (at least 3, and more while they take under a second in all). */
function best(runs, f) {
  const warm = performance.now();
  for (let k = 0; k < 3 || (k < 50 && performance.now() - warm < 1000); k++) f();
  let bestT = Infinity, value;
  const start = performance.now();
  for (let k = 0; k < runs || (k < 200 && performance.now() - start < 2000); k++) {
    const t = timeOnce(f);
    value = t.value;
    bestT = Math.min(bestT, t.seconds);
  }
  return { seconds: bestT, value };
}

const dir = mkdtempSync(join(tmpdir(), 'vdl-nnls-'));
function scipy(A, b) {
  writeFileSync(join(dir, 'A.bin'), Buffer.from(A.data.buffer, A.data.byteOffset, A.data.byteLength));
  writeFileSync(join(dir, 'b.bin'), Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  const script = `
import json, time, numpy as np, scipy
from scipy.optimize import nnls
A = np.fromfile(${JSON.stringify(join(dir, 'A.bin'))}, dtype='<f8').reshape(${A.rows}, ${A.cols})
b = np.fromfile(${JSON.stringify(join(dir, 'b.bin'))}, dtype='<f8')
for _ in range(3): nnls(A, b)
best = 1e9
t_start = time.perf_counter(); k = 0
while k < 5 or (k < 200 and time.perf_counter() - t_start < 2):
    k += 1
    t0 = time.perf_counter(); c0 = time.process_time(); x, rnorm = nnls(A, b)
    best = min(best, time.perf_counter() - t0, time.process_time() - c0)
g = A.T @ (A @ x - b)
print(json.dumps({"seconds": best, "residual": float(np.linalg.norm(A @ x - b)), "kkt": float(np.max(np.abs(np.minimum(x, g)))), "x": x.tolist(), "version": scipy.__version__}))
`;
  const r = spawnSync('python3', ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) return { error: (r.stderr || 'python3 failed').trim().split('\n').pop() };
  return JSON.parse(r.stdout);
}

const fmt = (s) => (s >= 1 ? s.toFixed(2) : s >= 0.01 ? s.toFixed(3) : s.toExponential(2));
const sizes = [[200, 100, 1], [1000, 500, 2], [500, 1000, 3]];
const rows = [];
let scipyVersion = '';
for (const [m, n, seed] of sizes) {
  const { A, b } = problem(m, n, seed);
  const peer = scipy(A, b);
  if (peer.version) scipyVersion = peer.version;
  const lh = best(5, () => nnls(A, b, 'lawson-hanson'));
  const dx = peer.x ? Math.max(...lh.value.x.map((v, i) => Math.abs(v - peer.x[i]))) : NaN;
  rows.push({ size: `${m}×${n}`, method: 'lawson-hanson', vdl: lh.seconds, r: lh.value, peer, dx });
  if (iterative) {
    for (const method of ['accelerated', 'reparam-accelerated', 'reparam']) {
      let r, seconds = limit;
      try {
        ({ value: r, seconds } = timeOnce(() => nnls(A, b, method, { signal: deadline(limit) })));
        // A short run is timed again as Lawson–Hanson and scipy are (after warm-up, best of several):
        // its first run pays for compiling the method's code.
        if (seconds < 1) ({ value: r, seconds } = best(3, () => nnls(A, b, method)));
      } catch (e) {
        r = { interrupted: true, message: String(e.message ?? e) };
      }
      const dxi = r.x && peer.x ? Math.max(...r.x.map((v, i) => Math.abs(v - peer.x[i]))) : NaN;
      rows.push({ size: `${m}×${n}`, method, vdl: seconds, r, peer, dx: dxi });
    }
  }
}
rmSync(dir, { recursive: true, force: true });

out('## NNLS');
out();
out(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores, shared), load average ${load0.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end; scipy ${scipyVersion || 'not available'}.`);
out('`npm run build && node bench/nnls.js`. Seconds = min(CPU, wall clock), best of ≥ 5 runs after warm-up for Lawson–Hanson (for the');
out('iterative methods one run, or best of ≥ 3 after warm-up when it takes under 1 s; they stop at their default KKT tolerance,');
out(`the rounding level ε·max_j||a_j||·(σ||x|| + ||b||) of ∇F, limit ${limit} s of CPU);`);
out('"polished": ended by the active-set polish); residual = ||Ax - b||₂; kkt = ||min(x, ∇F)||_∞;');
out('|Δx| = max |x_vdl - x_scipy|. A ~ N(0, 1); b ~ N(0, 1) (overdetermined) or b = A x0, x0 ≥ 0 (underdetermined).');
out();
out('| size | method | vdl s | scipy s | vdl / scipy | vdl residual | scipy residual | vdl kkt | scipy kkt | iterations | \\|Δx\\| |');
out('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) {
  const { r, peer } = row;
  if (r.interrupted) {
    out(`| ${row.size} | ${row.method} | > ${limit} (interrupted) | ${fmt(peer.seconds)} | | | | | | | |`);
    continue;
  }
  const ratio = peer.seconds ? `${(row.vdl / peer.seconds).toFixed(2)}×` : '';
  out(
    `| ${row.size} | ${row.method} | ${fmt(row.vdl)} | ${peer.seconds ? fmt(peer.seconds) : peer.error} | ${ratio} | ${r.residual.toExponential(3)} | ${peer.residual?.toExponential(3) ?? ''} | ${r.kkt.toExponential(1)} | ${peer.kkt?.toExponential(1) ?? ''} | ${r.iterations}${r.polished ? ' (polished)' : ''}${r.converged ? '' : ' (not converged)'} | ${row.dx.toExponential(1)} |`,
  );
}
out();

writeResultsSection('## NNLS\n', lines.join('\n'));
