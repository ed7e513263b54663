// Cancellation latency (issue 15): how long after an abort request each long statement stops.
//
// Every case is a vdl script from the issue's list of kernels that once ignored `--timeout`, Ctrl-C
// and AbortSignal (constructors, polynomial powers and products, determinants over big entries,
// univariate code, elimination, Gröbner bases, a long loop). Each runs through the library's `run`
// in this process with a signal whose `aborted` turns true at a deadline (`--after` seconds after the
// start, default 1); the latency is the time from that deadline to `run` returning its
// `interrupted` diagnostic, after one warm-up run of the case (stopped at 0.2 s) so that V8's
// compilation of the kernels on first use is not counted. A case that finishes, or refuses up front (a size budget), before the
// deadline is reported as such, with its time. Each case is run `--runs` times (default 3) and the
// worst latency is kept. Run `npm run build` first, then `node bench/cancel.js [--after S]
// [--runs N] [--write]`; `--write` replaces the section "Cancellation latency" of bench/RESULTS.md.
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { run } from '../dist/src/index.js';
import { writeResultsSection } from './results.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const k = args.indexOf(name);
  return k >= 0 ? Number(args[k + 1]) : fallback;
};
const after = option('--after', 1);
const runs = option('--runs', 3);
const write = args.includes('--write');

/** A 200x200 matrix with 30-digit entries, from a fixed linear congruential sequence. */
function bigMatrix(n, digits) {
  let s = 12345n;
  const m = 10n ** BigInt(digits);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const row = [];
    for (let j = 0; j < n; j++) {
      s = (s * 6364136223846793005n + 1442695040888963407n) % (1n << 64n);
      row.push(((s * s) % m).toString());
    }
    rows.push(`[${row.join(', ')}]`);
  }
  return `[${rows.join(',\n')}]`;
}

const cases = [
  ['veronese(22, 3)', 'let X = veronese(22, 3);\nprint dim(X);'],
  ['(x+y+z)^200', 'ring R = QQ[x, y, z];\nlet q = (x + y + z)^200;'],
  ['product of two 1,891-term polynomials', 'ring R = QQ[x, y, z];\nlet p = (x + 2*y + 3*z + 1)^60;\nlet q = p * (p - 1);'],
  ['(x+y)^100000', 'ring R = QQ[x, y];\nlet q = (x + y)^100000;'],
  ['det, 200x200, 30-digit entries', `let M = ${bigMatrix(200, 30)};\nprint det(M);`],
  ['rank, 200x200, 30-digit entries', `let M = ${bigMatrix(200, 30)};\nprint rank(M);`],
  ['binomial(10^6, 3*10^5)', 'print binomial(10^6, 3 * 10^5);'],
  ['binomial(10^9, 5*10^8)', 'print binomial(10^9, 5 * 10^8);'],
  ['image([t, t^2, t^1000000])', 'ring R = QQ[t];\nprint image([t, t^2, t^1000000]);'],
  ['ring with 9 million variables', 'ring R = QQ[x[1..3000, 1..3000]];'],
  ['katsura(10) Gröbner basis', 'import "stdlib/systems.vdl";\nlet I = katsura(10);\nprint length(gb(I));'],
  ['eliminate on katsura(8)', 'import "stdlib/systems.vdl";\nlet I = katsura(8);\nlet S = ringOf(I);\nuse S;\nprint length(gens(eliminate(I, [u[1], u[2], u[3]])));'],
  ['univariate solve, degree 300', 'ring R = QQ[x];\nlet f = 1;\nfor k in 1..300 { f = f * (x - k / 7) + 1; }\nprint solve(ideal(f)).real;'],
  ['for i in 1..10^9', 'let s = 0;\nfor i in 1..10^9 { s = s + i; }'],
];

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function once(source, seconds = after) {
  const start = performance.now();
  const deadline = start + seconds * 1000;
  // The process's CPU time at the last poll before the deadline: the CPU spent from there to the
  // return bounds the work of stopping from above, however the machine's cores are shared.
  let cpuBefore = cpuMs();
  const signal = {
    get aborted() {
      const now = performance.now();
      if (now < deadline) cpuBefore = cpuMs();
      return now >= deadline;
    },
  };
  const result = run(source, { signal, file: 'cancel.vdl' });
  const end = performance.now();
  const cpu = (cpuMs() - cpuBefore) / 1000;
  const d = result.diagnostics[0];
  if (d?.code === 'interrupted') return { kind: 'interrupted', latency: (end - deadline) / 1000, cpu };
  return { kind: d ? `error: ${d.code}` : 'finished', seconds: (end - start) / 1000, message: d?.message };
}

const rows = [];
for (const [name, source] of cases) {
  let worst = null;
  once(source, 0.2); // warm-up: V8 compiles the kernels on first use (not a cancellation latency)
  for (let r = 0; r < runs; r++) {
    const o = once(source);
    if (o.kind !== 'interrupted') {
      worst = o;
      break;
    }
    if (worst === null || o.latency > worst.latency) worst = { ...o, cpu: Math.max(o.cpu, worst?.cpu ?? 0) };
    else worst.cpu = Math.max(worst.cpu, o.cpu);
  }
  const row =
    worst.kind === 'interrupted'
      ? { name, outcome: 'interrupted', latency: worst.latency, cpu: worst.cpu }
      : { name, outcome: worst.kind === 'finished' ? `finished in ${worst.seconds.toFixed(3)} s` : `refused in ${worst.seconds.toFixed(3)} s (${worst.kind.slice(7)})`, latency: null, message: worst.message };
  rows.push(row);
  console.log(`${name.padEnd(40)} ${row.outcome.padEnd(40)} ${row.latency === null ? '' : `${(row.latency * 1000).toFixed(1)} ms (CPU ${(row.cpu * 1000).toFixed(1)} ms)`}`);
}

const interrupted = rows.filter((r) => r.latency !== null);
const worstAll = Math.max(...interrupted.map((r) => r.latency));
const worstCpu = Math.max(...interrupted.map((r) => r.cpu));
console.log(`worst latency: ${(worstAll * 1000).toFixed(1)} ms (worst CPU ${(worstCpu * 1000).toFixed(1)} ms) over ${interrupted.length} interrupted cases`);

if (write) {
  const table = [
    '## Cancellation latency (`bench/cancel.js`, issue 15)',
    '',
    `Machine: ${cpus().length} cores, "${cpus()[0]?.model ?? 'unknown'}", Node ${process.version}; measured on`,
    `${new Date().toISOString().slice(0, 10)} with \`npm run build && node bench/cancel.js --after ${after} --runs ${runs} --write\` on a shared`,
    'machine (other jobs running). Each case runs through the library\'s `run` (after one warm-up run) with a signal that turns',
    `aborted ${after} s after the start; the latency is the time from then to \`run\` returning its`,
    '`interrupted` diagnostic, the worst of the runs. The CPU column is the process\'s CPU time from the',
    'last poll before the deadline to the return: an upper bound on the work of stopping that does not',
    'depend on how the scheduler shares the cores. Cases that are refused up front by a size budget',
    'or finish before the deadline say so.',
    '',
    '| case | outcome | worst latency | worst CPU |',
    '|---|---|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.outcome}${r.message ? `: ${r.message.replace(/\|/g, '\\|')}` : ''} | ${r.latency === null ? '' : `${(r.latency * 1000).toFixed(1)} ms`} | ${r.latency === null ? '' : `${(r.cpu * 1000).toFixed(1)} ms`} |`),
    '',
    `Worst latency over the ${interrupted.length} interrupted cases: ${(worstAll * 1000).toFixed(1)} ms; worst CPU: ${(worstCpu * 1000).toFixed(1)} ms.`,
    '',
  ].join('\n');
  writeResultsSection('## Cancellation latency', table);
  console.log('wrote bench/RESULTS.md');
}
