// The worker pools of src/node against the calling thread alone (run `npm run build` first):
// `node bench/pool.js [cases] [--configs a,b] [--limit S] [--no-write]`.
//
// Cases: prime pool (src/node/prime-pool.ts) on the modular parametrization (`parametrize`) of
// katsura-7, katsura-8 and the gradient of the network 2-2-2 (two data points, the network of
// bench/networks.js's msolve section; 225 solutions, about 1,800 primes); path pool
// (src/node/path-pool.ts) on katsura-10 by the total-degree homotopy (`solveNumerical`, 1,024 paths,
// certified) and on 3-2-3 by monodromy (`stationaryMonodromy`, 705 solutions).
// Configurations (`--configs`, default all): `sequential` (the core's runner: everything on the
// calling thread); `caller` (the default pool on this machine: availableParallelism() - 1 workers and
// the calling thread computing too); `workers` (availableParallelism() workers and a calling thread
// that only waits: the design before the shared pool). Each configuration of a case gets a new pool
// (its workers start inside the call, as in one `vdl run`); the calling thread is warmed up once
// (katsura-5 parametrized and solved numerically on it), so the configurations differ only in the
// threads. Every configuration must give the same result (the seeded results do not depend on the
// runner): the script checks it and exits 1 otherwise.
//
// Reported per configuration: wall seconds, the process's CPU seconds (all threads) and the calling
// thread's own CPU seconds (from /proc/self/task/<pid>/stat where it exists), and the speed-up in wall
// time over `sequential`. The load average at the start and the end of each case is printed: on a
// shared machine the figures are the process's share, not a speed-up. `--limit S` stops a
// configuration after S seconds (default 600). Writes the "## Worker pools" section of
// bench/RESULTS.md (unless --no-write) and prints it.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { QQ, rat } from '../dist/src/math/field.js';
import { Random } from '../dist/src/math/random.js';
import { katsura } from '../dist/src/math/systems.js';
import { parametrize } from '../dist/src/math/zerodim/parametrize.js';
import { sequentialPrimeRunner } from '../dist/src/math/zerodim/prime-runner.js';
import { solveNumerical } from '../dist/src/math/numeric/solve-numerical.js';
import { stationaryMonodromy } from '../dist/src/math/numeric/stationary.js';
import { sequentialPathRunner } from '../dist/src/math/numeric/path-runner.js';
import { linearNetwork } from '../dist/src/networks/architectures.js';
import { randomWeights, squaredLoss } from '../dist/src/networks/losses.js';
import { gradient } from '../dist/src/networks/stationary.js';
import { WorkerPrimeRunner } from '../dist/src/node/prime-pool.js';
import { WorkerPathRunner } from '../dist/src/node/path-pool.js';
import { writeResultsSection } from './results.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const limit = Number(option('--limit', 600));
const configs = option('--configs', 'sequential,caller,workers').split(',');
const chosen = args.filter((a, i) => !a.startsWith('--') && !['--limit', '--configs'].includes(args[i - 1]));

const q = (n) => rat(BigInt(n));
const X2 = [[1, 2], [0, 1], [1, -1]].map((r) => r.map(q));
const Y2 = [[2, -1], [1, 1], [0, 1]].map((r) => r.map(q));
function network(widths) {
  const N = linearNetwork(widths);
  const loss = squaredLoss(N, X2.slice(0, widths[0]), Y2.slice(0, widths[widths.length - 1]), { kind: 'entrywise', weights: randomWeights(N, new Random(1)) });
  return { ring: N.ring, loss, gens: gradient(N.ring, loss).filter((g) => !N.ring.isZero(g)) };
}

/** A case: what it runs with a runner, and the fingerprint that must not depend on the runner. */
const primeCase = (make) => ({
  kind: 'prime',
  run(runner, signal) {
    const { ring, gens } = make();
    const r = parametrize(ring, gens, { seed: 1, runner, signal });
    return { summary: `${r.w.length - 1} solutions, ${r.provenance.primes.count} primes`, fingerprint: JSON.stringify([r.w, r.numerators, r.denominators].map(String)) };
  },
});
const centres = (r) => JSON.stringify(r.solutions.map((s) => Array.from(s.center)));
const cases = {
  'katsura-7': primeCase(() => katsura(QQ, 7)),
  'katsura-8': primeCase(() => katsura(QQ, 8)),
  'network-2-2-2': primeCase(() => network([2, 2, 2])),
  'paths-katsura-10': {
    kind: 'path',
    run(runner, signal) {
      const { ring, gens } = katsura(QQ, 10);
      const r = solveNumerical(ring, gens, { seed: 1, expected: 1024, runner, signal });
      return { summary: `${r.complex} certified, complete ${r.complete}, ${r.real} real`, fingerprint: centres(r) + JSON.stringify(r.statistics) };
    },
  },
  'monodromy-3-2-3': {
    kind: 'path',
    run(runner, signal) {
      const { ring, loss } = network([3, 2, 3]);
      const r = stationaryMonodromy(ring, loss, { seed: 1, expected: 705, runner, signal });
      return { summary: `${r.solve.complex} certified, complete ${r.solve.complete}, ${r.solve.real} real`, fingerprint: centres(r.solve) + JSON.stringify(r.morse) };
    },
  },
};
const names = chosen.length ? chosen : Object.keys(cases);
for (const n of names) if (!cases[n]) throw new Error(`unknown case ${n} (${Object.keys(cases).join(', ')})`);

/** The runner of a configuration, new for each run. */
function runnerFor(kind, config) {
  const cores = availableParallelism();
  if (config === 'sequential') return kind === 'prime' ? sequentialPrimeRunner : sequentialPathRunner;
  const options = config === 'caller' ? { size: Math.max(1, cores - 1) } : { size: cores, caller: false };
  return kind === 'prime' ? new WorkerPrimeRunner(options) : new WorkerPathRunner(options);
}

/** CPU seconds of the calling thread (Linux), or NaN. */
function mainThreadCpu() {
  const file = `/proc/self/task/${process.pid}/stat`;
  if (!existsSync(file)) return NaN;
  const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

function deadline(s) {
  const end = Date.now() + s * 1000;
  return { get aborted() { return Date.now() > end; } };
}

// The load average before this bench's own threads run (the per-case figures below include them: up to 2).
const loadBefore = loadavg()[0];

const lines = [];
const out = (s = '') => {
  lines.push(s);
  console.log(s);
};

// Warm-up of the calling thread (its kernels compiled once, as in a session that has run before).
{
  const { ring, gens } = katsura(QQ, 5);
  parametrize(ring, gens, { runner: sequentialPrimeRunner });
  solveNumerical(ring, gens, { seed: 1, expected: 32, runner: sequentialPathRunner });
}

out('## Worker pools');
out();
out(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores; \`node bench/pool.js ${names.join(' ')}\``);
out(`(after \`npm run build\`), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Configurations: \`sequential\` = the calling`);
out('thread alone; `caller` = the default pool (availableParallelism() - 1 worker threads and the calling thread computing too);');
out('`workers` = availableParallelism() worker threads and a calling thread that only waits. A new pool per run (its workers');
out('start inside the call); the calling thread warmed up once. Wall s / CPU s of the process (all threads) / CPU s of the');
out('calling thread; speed-up = sequential wall / wall. Load average: at the start and end of each case (a loaded machine gives');
out('the process a share of the cores, not a speed-up); the per-case figures include this bench\'s own threads (up to 2).');
const load = loadBefore;
if (load > availableParallelism() / 2) {
  out();
  out(`**Measured under load** (load average ${load.toFixed(1)} on ${availableParallelism()} cores at the start): the wall-clock figures are this`);
  out('process\'s share of a busy machine, not the speed-up of the pools; rerun on a quiet machine.');
}
out();
out(`| case | result | load | ${configs.map((c) => `${c} wall / CPU / caller CPU`).join(' | ')} | ${configs.filter((c) => c !== 'sequential').map((c) => `${c} speed-up`).join(' | ')} | identical |`);
out(`|---|---|---|${configs.map(() => '---:').join('|')}|${configs.filter((c) => c !== 'sequential').map(() => '---:').join('|')}|---|`);
let mismatch = false;
for (const name of names) {
  const c = cases[name];
  const load0 = loadavg()[0];
  const results = {};
  for (const config of configs) {
    const runner = runnerFor(c.kind, config);
    const c0 = process.cpuUsage();
    const m0 = mainThreadCpu();
    const t0 = performance.now();
    try {
      const r = c.run(runner, deadline(limit));
      const cpu = process.cpuUsage(c0);
      results[config] = { ...r, wall: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6, main: mainThreadCpu() - m0 };
    } catch (e) {
      if (e?.code !== 'interrupted') throw e;
      results[config] = null;
    } finally {
      runner.stop?.();
    }
  }
  const done = configs.filter((k) => results[k]);
  const same = done.every((k) => results[k].fingerprint === results[done[0]].fingerprint);
  if (!same) mismatch = true;
  const cell = (r) => (r ? `${r.wall.toFixed(2)} / ${r.cpu.toFixed(2)} / ${Number.isNaN(r.main) ? '?' : r.main.toFixed(2)}` : `> ${limit}`);
  const seq = results.sequential;
  const speedups = configs.filter((k) => k !== 'sequential').map((k) => (seq && results[k] ? `${(seq.wall / results[k].wall).toFixed(2)}×` : '—'));
  out(`| ${name} | ${done.length ? results[done[0]].summary : '—'} | ${load0.toFixed(1)}–${loadavg()[0].toFixed(1)} | ${configs.map((k) => cell(results[k])).join(' | ')} | ${speedups.join(' | ')} | ${same} |`);
}
out();

if (!args.includes('--no-write')) {
  writeResultsSection('## Worker pools', lines.join('\n'));
}
if (mismatch) process.exitCode = 1;
