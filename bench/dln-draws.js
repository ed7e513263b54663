// Example (c) of issue 14 at a larger size than examples/dln-counts.vdl can afford in the test suite:
// the Morse indices of the real stationary points of the deep linear network 2-2-2 (8 weights,
// generalized L2 regularization with the fixed weights p/10, p = 2, 3, 5, ..., 19, as in
// examples/dln-counts.vdl) over 10 seeded data draws (X, Y 2×3 with integer entries in [-3, 3]),
// through `stationary(N, data = [...])`: monodromy once at a generic member of the draws' family,
// then a parameter homotopy per draw (its lost paths tracked again while the draw is short of its
// count, then the fallbacks of src/math/numeric/instance-completion.ts: detour, monodromy at the draw,
// start system), every point certified and the indices certified by interval inertia (docs/numerical.md). Then the counts of draw 1 against the strength λ of the
// regularization (draws [X, Y, λ·w] in one call).
// Run `npm run build && nice -n 19 node bench/dln-draws.js` (the 10 draws alone took 90 s of CPU
// under load through `vdl run`): it prints each draw and writes the "## DLN: Morse indices over data
// draws (2-2-2)" section of bench/RESULTS.md (replacing that section only), with the CPU time and the
// load average.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { run } from '../dist/src/lang/run.js';
import { writeResultsSection } from './results.js';

const source = `
network N = linear(2, 2, 2);
seed 7;
let w = [2/10, 3/10, 5/10, 7/10, 11/10, 13/10, 17/10, 19/10];
let draws = [];
for k in 1..10 { draws = append(draws, [randomMatrix(2, 3, 3), randomMatrix(2, 3, 3)]); }
let rs = stationary(N, data = draws, reg = w);
let hist = [0, 0, 0, 0, 0, 0, 0, 0, 0];
for r in rs { print "draw", r.complex, r.expected, r.complete, r.real, r.indices, r.minima; print "how", how(r).note; hist = hist + r.indices; }
print "histogram", hist;
let strength = [];
for lam in [1/10, 1, 10, 100] { strength = append(strength, [draws[1][1], draws[1][2], lam * w]); }
for r in stationary(N, data = strength) { print "strength", r.complex, r.expected, r.complete, r.real, r.indices; print "how", how(r).note; }
`;

const load = loadavg()[0];
const c0 = process.cpuUsage(), t0 = performance.now();
const result = run(source, { seed: 1 });
const cpu = process.cpuUsage(c0);
const seconds = (cpu.user + cpu.system) / 1e6, wall = (performance.now() - t0) / 1000;
if (!result.ok) throw new Error(JSON.stringify(result.diagnostics[0]?.message));
const prints = result.prints.map((p) => p.text.split(', '));
// what completed each record short of its count after the parameter homotopy (the how() note: see
// src/lang/builtins/numeric.ts, completionText): "224 + detour 1", or "" when none was needed
const completions = result.prints.filter((p) => p.text.startsWith('how')).map((p) => {
  const m = /(\d+) certified solutions after the parameter homotopy, then (.*?); \d+ steps/.exec(p.text);
  if (!m) return '';
  const steps = m[2].split(', then ').map((t) => `${t.startsWith('the paths tracked again') ? 'detour' : t.startsWith('monodromy') ? 'monodromy' : 'start system'} ${/found (\d+) more/.exec(t)?.[1] ?? '?'}`);
  return `${m[1]} + ${steps.join(' + ')}`;
});
const lines = ['## DLN: Morse indices over data draws (2-2-2)', ''];
lines.push(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores, shared), load average ${load.toFixed(1)} at the start.`);
lines.push('`npm run build && nice -n 19 node bench/dln-draws.js`: linear(2, 2, 2) with the regularization weights p/10 (p = 2, 3, 5, ..., 19), 10 seeded');
lines.push('draws of X, Y (2×3, integers in [-3, 3]) through `stationary(N, data = [...])` (monodromy once, a parameter homotopy per');
lines.push('draw with its lost paths tracked again, then the fallbacks of a draw still short: detour, monodromy at the draw, start system;');
lines.push('certified points and Morse indices; docs/numerical.md); then draw 1 against the strength λ of the regularization.');
lines.push(`${seconds.toFixed(1)} s of CPU, ${wall.toFixed(1)} s wall clock for the whole script.`);
lines.push('');
lines.push('| draw | complex found | expected | complete | completed by (after the parameter homotopy + each fallback) | real | indices (index 0, 1, …) | minima |');
lines.push('|---:|---:|---:|---|---|---:|---|---:|');
let k = 0;
for (const p of prints.filter((p) => p[0] === 'draw')) lines.push(`| ${k + 1} | ${p[1]} | ${p[2]} | ${p[3]} | ${completions[k++] || 'none needed'} | ${p[4]} | ${p.slice(5, -1).join(', ')} | ${p.at(-1)} |`);
const hist = prints.find((p) => p[0] === 'histogram');
lines.push('');
lines.push(`Indices of all real stationary points over the draws: ${hist.slice(1).join(', ')}.`);
lines.push('');
lines.push('| λ | complex | expected | complete | completed by | real | indices |');
lines.push('|---|---:|---:|---|---|---:|---|');
const lambdas = ['1/10', '1', '10', '100'];
prints.filter((p) => p[0] === 'strength').forEach((p, i) => lines.push(`| ${lambdas[i]} | ${p[1]} | ${p[2]} | ${p[3]} | ${completions[k + i] || 'none needed'} | ${p[4]} | ${p.slice(5).join(', ')} |`));
lines.push('');
const section = lines.join('\n');
console.log(section);
writeResultsSection(`${lines[0]}\n`, section);
