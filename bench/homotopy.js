// Certified numerical solving (src/math/numeric/) against PHCpack's blackbox solver (`phc -b`), run
// after `npm run build`: `node bench/homotopy.js [cases] [--limit S] [--no-write]`. The cases named
// monodromy-* run the monodromy route instead (`stationaryMonodromy`, no PHCpack: its total-degree and
// polyhedral starts are far beyond the time limit at 12 unknowns) and write the "## Monodromy" section; the cases
// named sweep-* run `stationarySweep` over two data draws and write the "## Data sweep" section. For each system,
// vdl's homotopy route (total-degree and multihomogeneous starts, Krawczyk certification, completeness against the
// distinct count modulo the prime 94906249 of src/geometry/count.ts, as the language's route) and
// `phc -b` on the same polynomials (coefficients written as
// 17-digit decimals), both timed (vdl: CPU seconds of the process, and wall; phc: its own "total
// elapsed wall clock time", and the child's CPU seconds from /usr/bin/time when present). Reports
// path failures and classifications of both. Writes the "## Homotopy" section of bench/RESULTS.md
// (unless --no-write) and prints it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { QQ, rat } from '../dist/src/math/field.js';
import { Random } from '../dist/src/math/random.js';
import { countSolutions } from '../dist/src/geometry/count.js';
import { katsura } from '../dist/src/math/systems.js';
import { solveNumerical } from '../dist/src/math/numeric/solve-numerical.js';
import { choosePartition, partitionBezout } from '../dist/src/math/numeric/multihomogeneous.js';
import { stationaryMonodromy, stationaryNumerical, stationarySweep } from '../dist/src/math/numeric/stationary.js';
import { linearNetwork } from '../dist/src/networks/architectures.js';
import { randomWeights, squaredLoss } from '../dist/src/networks/losses.js';
import { gradient } from '../dist/src/networks/stationary.js';
import { sequentialPathRunner } from '../dist/src/math/numeric/path-runner.js';
import { WorkerPathRunner } from '../dist/src/node/path-pool.js';
import { writeResultsSection } from './results.js';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const limit = Number(option('--limit', 600));
const chosen = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--limit');

// The networks of bench/networks.js: generalized L2 with seeded weights, three data points.
const q = (n) => rat(BigInt(n));
const X = [[1, 2, -1], [0, 1, 3]].map((r) => r.map(q));
const Y = [[2, -1, 1], [1, 1, 0]].map((r) => r.map(q));
function network(widths) {
  const N = linearNetwork(widths);
  const L = squaredLoss(N, X.slice(0, widths[0]), Y.slice(0, widths[widths.length - 1]), { kind: 'entrywise', weights: randomWeights(N, new Random(1)) });
  return { ring: N.ring, gens: gradient(N.ring, L), loss: L };
}
const cases = {
  'katsura-6': () => katsura(QQ, 6),
  'katsura-8': () => katsura(QQ, 8),
  // katsura-n has 2^n solutions (known); its count modulo p does not finish in 10 minutes under load
  'katsura-10': () => ({ ...katsura(QQ, 10), expected: 1024 }),
  'network-2-1-2': () => network([2, 1, 2]),
  'network-2-2-1': () => network([2, 2, 1]),
  'network-2-2-2': () => network([2, 2, 2]),
};
// The networks of bench/networks.js's msolve section: two data points, a third input / output row for 3-2-3.
const X2 = [[1, 2], [0, 1], [1, -1]].map((r) => r.map(q));
const Y2 = [[2, -1], [1, 1], [0, 1]].map((r) => r.map(q));
function network2(widths) {
  const N = linearNetwork(widths);
  return { ring: N.ring, loss: squaredLoss(N, X2.slice(0, widths[0]), Y2.slice(0, widths[widths.length - 1]), { kind: 'entrywise', weights: randomWeights(N, new Random(1)) }) };
}
const monodromyCases = {
  'monodromy-2-2-2': () => network2([2, 2, 2]),
  'monodromy-3-2-3': () => network2([3, 2, 3]),
  'monodromy-1-2-2-2': () => network2([1, 2, 2, 2]),
};
// Sequential against two worker threads (the same seed: the results must be identical).
const parallelCases = {
  // expected: katsura-n has 2^n solutions (its count modulo p does not finish in 10 minutes under load)
  'parallel-katsura-10': () => ({ ...katsura(QQ, 10), monodromy: false, expected: 1024 }),
  'parallel-3-2-3': () => ({ ...network2([3, 2, 3]), monodromy: true }),
};
// Data draws of one network (`stationarySweep`): two draws of two data points each, so the family's generic
// count exceeds each draw's and the parameter homotopy can leave a draw short (completed by monodromy at the draw).
const X3 = [[3, -1], [1, 1], [2, 5]].map((r) => r.map(q));
const Y3 = [[0, 2], [-1, 1], [1, 3]].map((r) => r.map(q));
const sweepCases = {
  'sweep-3-1-3': () => [3, 1, 3],
  'sweep-3-2-3': () => [3, 2, 3],
};
const all = chosen.length ? chosen : Object.keys(cases);
const sweepNames = all.filter((n) => n.startsWith('sweep-'));
const names = all.filter((n) => !n.startsWith('monodromy-') && !n.startsWith('parallel-') && !n.startsWith('sweep-'));
const monodromyNames = all.filter((n) => n.startsWith('monodromy-'));
const parallelNames = all.filter((n) => n.startsWith('parallel-'));

/** The system in PHCpack's input format: variables x1..xn, coefficients as 17-digit decimals. */
function phcInput(ring, gens) {
  const text = gens.map((f) => {
    const terms = f.mons.map((m, k) => {
      const c = Number(f.coeffs[k].num) / Number(f.coeffs[k].den);
      const factors = [];
      for (let v = 0; v < ring.nvars; v++) if (m[v] > 0) factors.push(m[v] === 1 ? `x${v + 1}` : `x${v + 1}^${m[v]}`);
      const coeff = c.toPrecision(17);
      return factors.length ? `${coeff}*${factors.join('*')}` : coeff;
    });
    return ' ' + terms.join(' + ').replace(/\+ -/g, '- ') + ';';
  });
  return `${gens.length}\n${text.join('\n')}\n`;
}

function runPhc(ring, gens) {
  const phc = spawnSync('sh', ['-c', 'command -v phc'], { encoding: 'utf8' }).stdout.trim();
  if (!phc) return null;
  const dir = mkdtempSync(join(tmpdir(), 'vdl-phc-'));
  writeFileSync(join(dir, 'in.txt'), phcInput(ring, gens));
  const time = existsSync('/usr/bin/time');
  const command = time ? '/usr/bin/time' : phc;
  const argv = time ? ['-f', 'CPU %U %S', phc, '-b', 'in.txt', 'out.txt'] : ['-b', 'in.txt', 'out.txt'];
  const t0 = performance.now();
  const r = spawnSync(command, argv, { cwd: dir, encoding: 'utf8', timeout: limit * 1000, input: '' });
  const wall = (performance.now() - t0) / 1000;
  if (r.error || !existsSync(join(dir, 'out.txt'))) return { timeout: true, wall };
  const out = readFileSync(join(dir, 'out.txt'), 'utf8');
  // phc -b refines its solutions in phases (e.g. the stable mixed volume's solutions with zero
  // coordinates, then the rest), each with its own summary: the totals are the sums.
  const number = (label) => {
    const all = [...out.matchAll(new RegExp(`Number of ${label}\\s*:\\s*(\\d+)`, 'g'))];
    return all.length ? all.reduce((s, m) => s + Number(m[1]), 0) : null;
  };
  const elapsed = /total elapsed wall clock time is ([\d.]+) seconds/.exec(out);
  const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  const rootCount = /(mixed volume|total degree|m-homogeneous Bezout number|general linear-product Bezout number|set structure Bezout bound)\s*:\s*(\d+)/g;
  const counts = [...out.matchAll(rootCount)].map((m) => `${m[1]} ${m[2]}`);
  return {
    regular: number('regular solutions'),
    singular: number('singular solutions'),
    real: number('real solutions'),
    infinity: number('solutions at infinity'),
    failures: number('failures'),
    seconds: elapsed ? Number(elapsed[1]) : wall,
    cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : null,
    counts,
  };
}

const lines = [];
let mismatch = false;
const out = (s = '') => {
  lines.push(s);
  console.log(s);
};
if (names.length) {
out('## Homotopy: certified numerical solving against PHCpack');
out();
out(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), load average ${loadavg()[0].toFixed(1)} at the start;`);
out('`node bench/homotopy.js` (after `npm run build`). vdl: `solveNumerical` (one thread; every solution certified by the');
out('Krawczyk test; complete when the certified count equals the distinct count modulo 94906249 of `countSolutions`');
out('(src/geometry/count.ts, timed separately); for the networks also the certified Morse indices (`stationaryNumerical`)),');
out('once from each start system: `total-degree` (Π deg f_i paths) and `multihomogeneous` (the linear-product start of the');
out('partition with the smallest m-homogeneous Bézout number that `choosePartition` finds: the layer blocks for the networks;');
out('for katsura, whose unknowns form one block, the best partition into several groups, which is worse than the total');
out('degree, so that the default start, `auto`, keeps the total degree there).');
out('Seconds: CPU (wall) of the process. PHCpack: `phc -b` (blackbox: root counts, start system, continuation, one');
out('thread) on the same polynomials with 17-digit decimal coefficients, once per system (on its first row); its own wall');
out('clock and its CPU seconds; its root counts below the table.');
out('katsura-10: the count is the known 2^10 (its count modulo p does not finish in 10 minutes under load).');
out();
out('| system | start | groups | paths | count (mod p) | count s | vdl certified | complete | real | vdl failed | vdl s CPU (wall) | phc regular | phc singular | phc failures | phc real | phc s CPU (wall) |');
out('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
const details = [];
for (const name of names) {
  const make = cases[name];
  if (!make) throw new Error(`unknown case ${name} (${Object.keys(cases).join(', ')})`);
  const { ring, gens, loss, expected } = make();
  let t0 = performance.now();
  const count = { complex: expected ?? countSolutions(ring, gens, { prime: 94906249 }).distinct };
  const countSeconds = (performance.now() - t0) / 1000;
  const phc = runPhc(ring, gens);
  for (const start of ['total-degree', 'multihomogeneous']) {
    t0 = performance.now();
    const c0 = process.cpuUsage();
    const options = { seed: 1, expected: count.complex, start };
    const result = loss ? stationaryNumerical(ring, loss, options) : { solve: solveNumerical(ring, gens, options) };
    const cpu = process.cpuUsage(c0);
    const wall = (performance.now() - t0) / 1000;
    const r = result.solve;
    const s = r.statistics;
    const first = start === 'total-degree';
    const phcText = !first
      ? '| | | | | |'
      : !phc
        ? '| n/a | | | | |'
        : phc.timeout
          ? `| > ${limit} s | | | | |`
          : `| ${phc.regular} | ${phc.singular} | ${phc.failures} | ${phc.real} | ${phc.cpu === null ? '' : phc.cpu.toFixed(2)} (${phc.seconds.toFixed(2)}) |`;
    const groups = r.start.groups.map((g) => g.length).join('+');
    out(
      `| ${first ? name : ''} | ${start} | ${groups} | ${s.paths} | ${first ? count.complex : ''} | ${first ? (expected === undefined ? countSeconds.toFixed(2) : 'known') : ''} | ${r.complex} | ${r.complete} | ${r.real} | ${s.failed + s.singular + s.uncertified} | ${((cpu.user + cpu.system) / 1e6).toFixed(2)} (${wall.toFixed(2)}) ${phcText}`,
    );
    details.push(
      `- ${name}, ${start} (groups of ${groups} unknowns): ${s.paths} paths, ${s.finite} certified, ${s.infinity} to infinity, ${s.singular} singular, ${s.failed} failed, ${s.uncertified} not certified; ` +
        `${s.steps} steps, ${s.rejected} rejected, ${s.rounds} round(s), ${s.retracked} paths tracked again (${s.regamma} with another gamma), ` +
        `${s.doubleDouble} tracked in double-double, ${s.precise} certified in higher precision` +
        (result.morse ? `; Morse indices ${JSON.stringify(result.morse.indices)}, ${result.morse.undecided} undecided` : '') +
        (first && phc && !phc.timeout ? `; phc root counts: ${phc.counts.join(', ')}, at infinity ${phc.infinity}` : ''),
    );
    if (r.complete !== true) mismatch = true;
  }
}
out();
for (const d of details) out(d);
// beyond the tracking budget of this bench: the path counts of the network 3-2-3 (two data points) of "Monodromy"
{
  const { ring, loss } = network2([3, 2, 3]);
  const gens = gradient(ring, loss);
  const single = [Array.from({ length: ring.nvars }, (_, v) => v)];
  const choice = choosePartition(gens, ring.vars);
  out(
    `- 3-2-3 (two data points, not tracked here): total degree ${partitionBezout(gens, single)}, m-homogeneous Bézout number ${choice.bezout} ` +
      `for the layer partition (groups of ${choice.groups.map((g) => g.length).join('+')} unknowns), against its 705 solutions (found by monodromy in "Monodromy").`,
  );
}
out();

writeSection('## Homotopy');
}

/** Replaces the section under `heading` in bench/RESULTS.md with the lines printed since the last call. */
function writeSection(heading) {
  const section = lines.join('\n');
  lines.length = 0;
  if (flag('--no-write')) return;
  writeResultsSection(heading, section);
}

if (monodromyNames.length) {
  out('## Monodromy: certified stationary points of networks beyond the total-degree homotopy');
  out();
  out(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), load average ${loadavg()[0].toFixed(1)} at the start;`);
  out('`node bench/homotopy.js ' + monodromyNames.join(' ') + '` (after `npm run build`). The networks of the msolve comparison in');
  out('"Networks" (two data points, generalized L2 with seeded weights). vdl: `stationaryMonodromy` (seed 1): monodromy on the gradient');
  out('with a diagonal L2 perturbation, one component per invariant coordinate subspace (hidden units switched off), triangle');
  out('loops until the count, then the parameter homotopy to the loss, every solution certified (Krawczyk) and the Morse indices');
  out('of the real ones by interval inertia; complete when the certified count equals the distinct count modulo 94906249');
  out('(`countSolutions`, timed apart). Seconds: CPU (wall) of the process, one thread.');
  out();
  out('| network | unknowns | Bézout | count (mod p) | count s CPU | components | base | loops | edge paths | certified | complete | real | indices | undecided | vdl s CPU (wall) |');
  out('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const name of monodromyNames) {
    const make = monodromyCases[name];
    if (!make) throw new Error(`unknown case ${name} (${Object.keys(monodromyCases).join(', ')})`);
    const { ring, loss } = make();
    const gens = gradient(ring, loss);
    const bezout = gens.reduce((b, g) => b * BigInt(ring.degree(g)), 1n);
    let c0 = process.cpuUsage();
    const counted = countSolutions(ring, gens, { prime: 94906249 });
    let cpu = process.cpuUsage(c0);
    const countSeconds = (cpu.user + cpu.system) / 1e6;
    const t0 = performance.now();
    c0 = process.cpuUsage();
    const r = stationaryMonodromy(ring, loss, { seed: 1, expected: counted.distinct });
    cpu = process.cpuUsage(c0);
    const wall = (performance.now() - t0) / 1000;
    const m = r.solve.monodromy;
    out(
      `| ${name.slice('monodromy-'.length)} | ${ring.nvars} | ${bezout} | ${counted.distinct} | ${countSeconds.toFixed(1)} | ${m.components} | ${m.base} | ${m.loops} | ${m.edgePaths} | ` +
        `${r.solve.complex} | ${r.solve.complete} | ${r.solve.real} | [${r.morse.indices.join(', ')}] | ${r.morse.undecided} | ${((cpu.user + cpu.system) / 1e6).toFixed(1)} (${wall.toFixed(1)}) |`,
    );
    if (r.solve.complete !== true) mismatch = true;
  }
  out();
  writeSection('## Monodromy');
}
if (parallelNames.length) {
  out('## Homotopy on worker threads');
  out();
  out(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), load average ${loadavg()[0].toFixed(1)} at the start;`);
  // the default pool: availableParallelism() - 1 workers, and the calling thread tracks paths too
  const pool = new WorkerPathRunner();
  pool.ready();
  out('`node bench/homotopy.js ' + parallelNames.join(' ') + '` (after `npm run build`). The same seeded solve with the paths on the');
  out(`calling thread alone (\`sequentialPathRunner\`) and on the default pool (\`WorkerPathRunner\`, src/node/path-pool.ts: ${pool.name},`);
  out('availableParallelism() - 1 workers); the endpoints are certified (Krawczyk) in the path tasks, so on the workers too.');
  out('katsura-10: `solveNumerical` (total degree, 1,024 paths); 3-2-3: `stationaryMonodromy` (the network of "Monodromy"). Wall');
  out('seconds (the process CPU seconds, main thread and workers, in parentheses); "identical": the same certified centres, real');
  out('points and path statistics.');
  out();
  out('| system | certified | complete | real | sequential s wall (CPU) | pool s wall (CPU) | speed-up (wall) | identical |');
  out('|---|---|---|---|---|---|---|---|');
  for (const name of parallelNames) {
    const make = parallelCases[name];
    if (!make) throw new Error(`unknown case ${name} (${Object.keys(parallelCases).join(', ')})`);
    const c = make();
    const gens = c.gens ?? gradient(c.ring, c.loss);
    const expected = c.expected ?? countSolutions(c.ring, gens, { prime: 94906249 }).distinct;
    const runOnce = (runner) => {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const r = c.monodromy ? stationaryMonodromy(c.ring, c.loss, { seed: 1, expected, runner }).solve : solveNumerical(c.ring, gens, { seed: 1, expected, runner });
      const cpu = process.cpuUsage(c0);
      return { r, wall: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
    };
    const a = runOnce(sequentialPathRunner);
    const b = runOnce(pool);
    const centres = (r) => JSON.stringify(r.solutions.map((s) => Array.from(s.center)));
    const same = centres(a.r) === centres(b.r) && JSON.stringify(a.r.points) === JSON.stringify(b.r.points) && JSON.stringify(a.r.statistics) === JSON.stringify(b.r.statistics);
    out(`| ${name.slice('parallel-'.length)} | ${b.r.complex} | ${b.r.complete} | ${b.r.real} | ${a.wall.toFixed(1)} (${a.cpu.toFixed(1)}) | ${b.wall.toFixed(1)} (${b.cpu.toFixed(1)}) | ${(a.wall / b.wall).toFixed(2)} | ${same} |`);
    if (!same || b.r.complete !== true) mismatch = true;
  }
  pool.stop();
  out();
  writeSection('## Homotopy on worker threads');
}
if (sweepNames.length) {
  out('## Data sweep: draws completed at the draw');
  out();
  out(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), load average ${loadavg()[0].toFixed(1)} at the start;`);
  // the default pool: availableParallelism() - 1 workers and the calling thread
  const pool = new WorkerPathRunner();
  pool.ready();
  out('`node bench/homotopy.js ' + sweepNames.join(' ') + `\` (after \`npm run build\`). \`stationarySweep\` (seed 2, the default pool: ${pool.name}) over two`);
  out('data draws of two points each (generalized L2 with seeded weights): monodromy once on the family the draws span, the');
  out('parameter homotopy to each draw (its lost paths tracked again while the draw is short of its count), and the completion of a');
  out('draw still short (src/math/numeric/instance-completion.ts: detour, monodromy at the draw, start system).');
  out('"before": certified after the parameter homotopy; "found": by the completion. Seconds: CPU of the process (wall).');
  out();
  out('| network | draw | count (mod p) | base | before | found | certified | complete | real | indices | s CPU (wall) |');
  out('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const name of sweepNames) {
    const widths = sweepCases[name]?.();
    if (!widths) throw new Error(`unknown case ${name} (${Object.keys(sweepCases).join(', ')})`);
    const N = linearNetwork(widths);
    const weights = randomWeights(N, new Random(1));
    const losses = [
      [X2, Y2],
      [X3, Y3],
    ].map(([X, Y]) => squaredLoss(N, X.slice(0, widths[0]), Y.slice(0, widths[widths.length - 1]), { kind: 'entrywise', weights }));
    const expectedAt = losses.map((L) => countSolutions(N.ring, gradient(N.ring, L), { prime: 94906249 }).distinct);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const { results, monodromy } = stationarySweep(N.ring, losses, { seed: 2, expectedAt, runner: pool });
    const cpu = process.cpuUsage(c0);
    const wall = (performance.now() - t0) / 1000;
    results.forEach((r, k) => {
      const c = r.solve.completion;
      out(
        `| ${widths.join('-')} | ${k + 1} | ${expectedAt[k]} | ${monodromy.base} | ${c ? c.before : r.solve.complex} | ${c ? c.found : 0} | ${r.solve.complex} | ${r.solve.complete} | ${r.solve.real} | ` +
          `[${r.morse.indices.join(', ')}] | ${k === 0 ? `${((cpu.user + cpu.system) / 1e6).toFixed(1)} (${wall.toFixed(1)})` : ''} |`,
      );
      if (r.solve.complete !== true) mismatch = true;
    });
  }
  pool.stop();
  out();
  writeSection('## Data sweep');
}
if (mismatch) process.exitCode = 1;
