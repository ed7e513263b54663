// Exact solving against msolve (issue 9): vdl and msolve side by side in the same run, on the same
// polynomial systems, single thread. Run `npm run build` first, then `node bench/msolve.js [cases]`
// (`npm run bench` runs it after bench/run.js).
//
// Cases (all by default):
//   real solving over QQ      katsura-6, katsura-7, katsura-8: vdl's `solve(I)` (the language
//                             built-in, its current default route) against msolve's default real
//                             solving (-P 1, which also returns the parametrization);
//   network stationary points 2-1-2, 2-2-1, 2-2-2: deep linear networks, two data points, the
//                             generalized L2 of bench/networks.js (weights n/100, seed 1); vdl runs
//                             the full analysis `stationary(L)` (counts, real points, Morse
//                             indices), msolve real-solves the same gradient equations ∂L/∂θ_i = 0
//                             exported from vdl;
//   Gröbner bases             katsura-7/8, cyclic-6/7 over GF(32003) and QQ: vdl's F4 and
//                             multi-modular F4 against msolve -g 2 (reduced grevlex basis);
//   primes on worker threads  katsura-7/8 (`workers-katsura-7`, ...): the modular parametrization
//                             (zerodim/parametrize.ts) with the sequential prime runner and with the
//                             worker pool of src/node/prime-pool.ts (os.availableParallelism()
//                             workers, warmed up first), wall-clock seconds (the point of the pool), against
//                             msolve -P 1 with -t 1 and -t 2 (its own timer).
// Counts: complex = degree of msolve's eliminating polynomial (distinct solutions), real = number of
// its isolating boxes; vdl's are the record's. Each case checks that the counts agree.
//
// Timing, as in bench/run.js: min(CPU time, real time) measured inside each program. vdl:
// process.cpuUsage and performance.now around the call after a warm-up computation (one run per
// real-solving case, best of three for the Gröbner bases); msolve: its
// own "msolve overall time" line (-v 1), with -t 1. A vdl case whose CPU and real times both exceed
// --limit seconds (default 120) is interrupted and reported as "> limit"; msolve has 10 × --limit.
//
// Options: --limit SECONDS   --no-write (do not update bench/RESULTS.md)
// Without an msolve binary ($MSOLVE or ~/.cache/msolve-0.7.5/msolve) the shared build script
// (../shared/peers/build-msolve.sh) is run; if msolve cannot be built the comparison is skipped with
// the reason and the script exits 0.
//
// Writes the table into bench/RESULTS.md between the markers <!-- msolve:begin --> and
// <!-- msolve:end --> under "## Exact solving against msolve" (the text around them is kept).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { QQ, SmallPrimeField, rat } from '../dist/src/math/field.js';
import { f4 } from '../dist/src/math/groebner/f4.js';
import { modularGroebner } from '../dist/src/math/groebner/modular.js';
import { cyclic, katsura } from '../dist/src/math/systems.js';
import { Random } from '../dist/src/math/random.js';
import { linearNetwork } from '../dist/src/networks/architectures.js';
import { randomWeights, squaredLoss } from '../dist/src/networks/losses.js';
import { gradient } from '../dist/src/networks/stationary.js';
import { run } from '../dist/src/index.js';
import { parametrize } from '../dist/src/math/zerodim/parametrize.js';
import { sequentialPrimeRunner } from '../dist/src/math/zerodim/prime-runner.js';
import { WorkerPrimeRunner } from '../dist/src/node/prime-pool.js';
import { MSOLVE_VERSION, basisLength, locateMsolve, msolveInput, msolvePolynomial, msolveVariables, readSolutions, runMsolve } from './peers/msolve.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const k = args.indexOf(`--${name}`);
  if (k < 0) return fallback;
  return args.splice(k, 2)[1];
};
const flag = (name) => {
  const k = args.indexOf(`--${name}`);
  if (k >= 0) args.splice(k, 1);
  return k >= 0;
};
const limit = Number(option('limit', '120'));
const write = !flag('no-write');
const selected = args.filter((a) => !a.startsWith('--'));

const msolve = locateMsolve({ build: true });
if (msolve.path === null) {
  console.log(`Exact solving against msolve: skipped: ${msolve.reason}`);
  process.exit(0);
}

// --- systems -------------------------------------------------------------------------------------

const q = (n) => rat(BigInt(n));
/** Two data points (the first two of bench/networks.js); rows are input / output coordinates. */
const X = [[1, 2], [0, 1]].map((r) => r.map(q));
const Y = [[2, -1], [1, 1]].map((r) => r.map(q));

/** A deep linear network's loss with the generalized L2 of bench/networks.js. */
function networkLoss(widths) {
  const N = linearNetwork(widths);
  const L = squaredLoss(N, X.slice(0, widths[0]), Y.slice(0, widths[widths.length - 1]), {
    kind: 'entrywise',
    weights: randomWeights(N, new Random(1)),
  });
  return { ring: N.ring, loss: L, gens: gradient(N.ring, L) };
}

/** A vdl script over QQ[x1..xn] (msolve's variable names, so both read the same text). */
const ringLine = (n) => `ring R = QQ[${msolveVariables(n).join(', ')}];`;

const REAL = [
  ...[6, 7, 8].map((n) => ({
    name: `katsura-${n}`,
    kind: 'real solving',
    make() {
      const { ring, gens } = katsura(QQ, n);
      return {
        nvars: ring.nvars,
        gens,
        script: `${ringLine(ring.nvars)}\nlet s = solve(ideal(${gens.map(msolvePolynomial).join(',\n  ')}));\nprint s.complex, s.real;`,
      };
    },
  })),
  ...[[2, 1, 2], [2, 2, 1], [2, 2, 2]].map((widths) => ({
    name: `network ${widths.join('-')}`,
    kind: 'stationary analysis',
    make() {
      const { ring, loss, gens } = networkLoss(widths);
      return {
        nvars: ring.nvars,
        gens,
        script: `${ringLine(ring.nvars)}\nlet s = stationary(${msolvePolynomial(loss)});\nprint s.complex, s.real, s.indices;`,
      };
    },
  })),
];

const GROEBNER = [
  ...[7, 8].map((n) => ({ name: `katsura-${n}`, make: (F) => katsura(F, n) })),
  ...[6, 7].map((n) => ({ name: `cyclic-${n}`, make: (F) => cyclic(F, n) })),
];

// --- timing --------------------------------------------------------------------------------------

/**
 * A signal that turns aborted once both the real time and this process's CPU time since the call
 * exceed `seconds`, consistent with times reported as min(CPU, real) on a loaded machine (CPU time
 * is read only after the real time has run out: the kernels poll the signal often).
 */
function deadline(seconds) {
  const end = Date.now() + seconds * 1000;
  const c0 = process.cpuUsage();
  return {
    get aborted() {
      if (Date.now() <= end) return false;
      const c = process.cpuUsage(c0);
      return (c.user + c.system) / 1e6 > seconds;
    },
  };
}

/** Runs f once, timed: { value, seconds, cpu, wall }. */
function timed(f) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  const wall = (performance.now() - t0) / 1000;
  return { value, cpu, wall, seconds: Math.min(cpu, wall) };
}

/** Runs a vdl script within the limit: { status: 'ok', counts, seconds } or { status: '> limit' }. */
function runVdl(script) {
  const t = timed(() => run(script, { seed: 1, signal: deadline(limit) }));
  const result = t.value;
  if (!result.ok) {
    const d = result.diagnostics[0];
    if (d?.code === 'interrupted') return { status: `> ${limit} s` };
    throw new Error(`vdl: ${d?.code}: ${d?.message}`);
  }
  const [complex, real, indices] = result.prints[0].json;
  return { status: 'ok', complex, real, indices, seconds: t.seconds, cpu: t.cpu, wall: t.wall };
}

const fmt = (x) => (x === null || x === undefined ? '-' : x < 0.01 ? x.toFixed(4) : x < 10 ? x.toFixed(3) : x.toFixed(1));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(1)}×` : '');

// --- run -----------------------------------------------------------------------------------------

const header = [
  `Machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, msolve ${MSOLVE_VERSION} ` +
    `(${msolve.path}); ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0].toFixed(1)} at the start.`,
  `\`node bench/msolve.js\` (after \`npm run build\`); vdl limit ${limit} s per case; times are min(CPU, real) seconds measured inside each program, single thread (msolve -t 1).`,
];
console.log(header.join('\n'));

// Warm-up: V8 compiles the kernels on first use.
run(`${ringLine(4)}\nprint solve(ideal(${katsura(QQ, 3).gens.map(msolvePolynomial).join(', ')})).real;`);
f4(katsura(new SmallPrimeField(32003), 5).ring, katsura(new SmallPrimeField(32003), 5).gens);

const lines = [];
const out = (s) => {
  lines.push(s);
  console.log(s);
};

out('');
out('| case | vdl task | msolve complex | msolve real | msolve s | vdl complex | vdl real | vdl indices | vdl s | vdl / msolve |');
out('|---|---|---:|---:|---:|---:|---:|---|---:|---:|');
let disagreements = 0;
for (const c of REAL) {
  if (selected.length > 0 && !selected.includes(c.name) && !selected.includes(c.name.replace(' ', '-'))) continue;
  const { nvars, gens, script } = c.make();
  const m = runMsolve(msolve.path, msolveInput(nvars, gens, 0), { parametrization: 1, timeoutSeconds: 10 * limit });
  const ms = m.ok ? readSolutions(m.output) : null;
  const v = runVdl(script);
  const agree = !ms || v.status !== 'ok' || (v.complex === ms.complex && v.real === ms.real);
  if (!agree) disagreements++;
  out(
    `| ${c.name} | ${c.kind} | ${ms?.complex ?? (m.timedOut ? 'timed out' : 'failed')} | ${ms?.real ?? ''} | ${fmt(m.seconds)} | ` +
      `${v.complex ?? ''} | ${v.real ?? ''} | ${v.indices ? `[${v.indices.join(', ')}]` : ''} | ${v.status === 'ok' ? fmt(v.seconds) : v.status} | ` +
      `${v.status === 'ok' ? ratio(v.seconds, m.seconds) : ''}${agree ? '' : ' **counts differ**'} |`,
  );
}

out('');
out('| Gröbner basis | field | msolve size | msolve s | vdl size | vdl s | vdl / msolve |');
out('|---|---|---:|---:|---:|---:|---:|');
for (const c of GROEBNER) {
  if (selected.length > 0 && !selected.includes(c.name)) continue;
  for (const field of ['gf', 'qq']) {
    const F = field === 'gf' ? new SmallPrimeField(32003) : QQ;
    const { ring, gens } = c.make(F);
    const exported = c.make(QQ);
    const m = runMsolve(msolve.path, msolveInput(exported.ring.nvars, exported.gens, field === 'gf' ? 32003 : 0), {
      groebner: 2,
      timeoutSeconds: 10 * limit,
    });
    // Best of three runs (one when a run takes over 10 s), as bench/run.js.
    let v = null;
    try {
      for (let r = 0; r < 3 && !(v && v.seconds > 10); r++) {
        const t = timed(() => (field === 'gf' ? { basis: f4(ring, gens, { signal: deadline(limit) }) } : modularGroebner(ring, gens, { signal: deadline(limit) })));
        if (!v || t.seconds < v.seconds) v = t;
      }
    } catch (e) {
      if (e?.code !== 'interrupted') throw e;
      v = null;
    }
    const mSize = m.ok ? basisLength(m.output) : null;
    const vSize = v?.value.basis.length;
    if (mSize !== null && v && mSize !== vSize) disagreements++;
    out(
      `| ${c.name} | ${field === 'gf' ? 'GF(32003)' : 'QQ'} | ${mSize ?? (m.timedOut ? 'timed out' : 'failed')} | ${fmt(m.seconds)} | ` +
        `${vSize ?? ''} | ${v ? fmt(v.seconds) : `> ${limit} s`} | ${v ? ratio(v.seconds, m.seconds) : ''}${mSize !== null && v && mSize !== vSize ? ' **sizes differ**' : ''} |`,
    );
  }
}

const WORKERS = [7, 8].map((n) => ({ name: `workers-katsura-${n}`, n }));
if (selected.length === 0 || WORKERS.some((c) => selected.includes(c.name))) {
  const pool = new WorkerPrimeRunner();
  // Warm-up: starts the workers and lets V8 compile their kernels.
  parametrize(katsura(QQ, 5).ring, katsura(QQ, 5).gens, { runner: pool });
  out('');
  out(`| parametrization | msolve -t 1 s | msolve -t 2 s | vdl 1 thread s | vdl ${pool.parallelism} workers s | speed-up | vdl ${pool.parallelism} workers / msolve -t 1 | / msolve -t 2 |`);
  out('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const c of WORKERS) {
    if (selected.length > 0 && !selected.includes(c.name)) continue;
    const { ring, gens } = katsura(QQ, c.n);
    const input = msolveInput(ring.nvars, gens, 0);
    const m1 = runMsolve(msolve.path, input, { parametrization: 1, threads: 1, timeoutSeconds: 10 * limit });
    const m2 = runMsolve(msolve.path, input, { parametrization: 1, threads: 2, timeoutSeconds: 10 * limit });
    const wall = (runner) => {
      const t0 = performance.now();
      const r = parametrize(ring, gens, { runner });
      return { seconds: (performance.now() - t0) / 1000, degree: r.w.length - 1 };
    };
    const one = wall(sequentialPrimeRunner);
    const two = wall(pool);
    if (one.degree !== two.degree) disagreements++;
    out(
      `| katsura-${c.n} (${one.degree} solutions) | ${fmt(m1.seconds)} | ${fmt(m2.seconds)} | ${fmt(one.seconds)} | ${fmt(two.seconds)} | ` +
        `${(one.seconds / two.seconds).toFixed(2)}× | ${ratio(two.seconds, m1.seconds)} | ${ratio(two.seconds, m2.seconds)} |`,
    );
  }
  pool.stop();
}

if (disagreements > 0) console.log(`\n${disagreements} case(s) where vdl and msolve disagree`);

if (write) {
  const file = new URL('./RESULTS.md', import.meta.url);
  const block = ['<!-- msolve:begin -->', ...header, ...lines, '<!-- msolve:end -->'].join('\n');
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const [begin, end] = [text.indexOf('<!-- msolve:begin -->'), text.indexOf('<!-- msolve:end -->')];
  if (begin >= 0 && end > begin) text = text.slice(0, begin) + block + text.slice(end + '<!-- msolve:end -->'.length);
  else text = `${text.trimEnd()}\n\n## Exact solving against msolve\n\n${block}\n`;
  writeFileSync(file, text);
  console.log(`\nwrote the table into ${file.pathname}`);
}
process.exitCode = disagreements > 0 ? 1 : 0;
