// Where the time goes: profiles vdl's Gröbner kernels on one system after a warm-up run, with V8's
// sampling profiler (the same data as `node --cpu-prof`, but only for the measured runs), and prints
// the functions by self time. Run `npm run build` first.
//
//   node bench/profile.js katsura-8 gf [runs]      F4 over GF(32003)
//   node bench/profile.js katsura-8 qq [runs]      multi-modular over QQ (also prints phase timings)
//   node bench/profile.js katsura-7 solve [runs]   real solving over QQ (`solve`, the route of the
//                                                   language's solve(I)); warm-up on katsura-4
//   options: --save FILE.cpuprofile (for Chrome DevTools / speedscope)
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { QQ, SmallPrimeField } from '../dist/src/math/field.js';
import { f4 } from '../dist/src/math/groebner/f4.js';
import { modularGroebner } from '../dist/src/math/groebner/modular.js';
import { solve } from '../dist/src/math/solve.js';
import { cyclic, eco, katsura, noon } from '../dist/src/math/systems.js';

const args = process.argv.slice(2);
const saveAt = args.indexOf('--save');
const save = saveAt >= 0 ? args.splice(saveAt, 2)[1] : null;
const [name = 'katsura-8', field = 'gf', runsText = '3'] = args;
const runs = Number(runsText);
const [family, n] = [name.replace(/-\d+$/, ''), Number(name.match(/\d+$/)?.[0])];
const make = { katsura, cyclic, eco, noon }[family];
if (!make || !Number.isInteger(n)) throw new Error(`unknown system ${name}`);
const F = field === 'gf' ? new SmallPrimeField(32003) : QQ;
const { ring: R, gens } = make(F, n);
const kernel = {
  gf: (S, fs) => ({ basis: f4(S, fs) }),
  qq: (S, fs) => modularGroebner(S, fs),
  solve: (S, fs) => solve(S, fs, { seed: 1 }),
}[field];
if (!kernel) throw new Error(`unknown mode ${field} (gf, qq or solve)`);
const compute = () => kernel(R, gens);

// Warm-up: V8 compiles the kernels (real solving: on a small system, the large one takes long).
if (field === 'solve') kernel(katsura(QQ, 4).ring, katsura(QQ, 4).gens);
else compute();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const t0 = performance.now();
let last;
for (let r = 0; r < runs; r++) last = compute();
const elapsed = (performance.now() - t0) / runs;
const { profile } = await session.post('Profiler.stop');
if (save) writeFileSync(save, JSON.stringify(profile));

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
let total = 0;
profile.samples.forEach((id, k) => {
  const dt = profile.timeDeltas[k] ?? 0;
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + dt);
  total += dt;
});
console.log(`${name} ${field === 'solve' ? 'real solving over QQ' : field === 'qq' ? 'over QQ' : 'over GF(32003)'}: ${(elapsed / 1000).toFixed(3)} s per run (${runs} runs after a warm-up)`);
if (last.timings && last.primes) {
  const t = Object.entries(last.timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(3)}`);
  console.log(`phases of the last run (s): ${t.join(', ')}; ${last.primes.length} primes`);
}
// Inclusive time: each sample counts once for every distinct function on its stack.
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const inclusive = new Map();
profile.samples.forEach((id, k) => {
  const dt = profile.timeDeltas[k] ?? 0;
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const { functionName, url, lineNumber } = byId.get(at).callFrame;
    if (!url.includes('/dist/')) continue;
    seen.add(`${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`);
  }
  for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
});
const byFile = new Map();
for (const [key, t] of self) {
  const file = key.split(' ').pop().replace(/:\d+$/, '') || '(native)';
  byFile.set(file, (byFile.get(file) ?? 0) + t);
}
console.log('self time by file:');
for (const [file, t] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
  console.log(`${((100 * t) / total).toFixed(1).padStart(6)} %  ${(t / 1000 / runs).toFixed(1).padStart(8)} ms  ${file}`);
}
console.log('total time (self and callees) by function of vdl:');
for (const [key, t] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${((100 * t) / total).toFixed(1).padStart(6)} %  ${(t / 1000 / runs).toFixed(1).padStart(8)} ms  ${key}`);
}
console.log('self time by function:');
for (const [key, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${((100 * t) / total).toFixed(1).padStart(6)} %  ${(t / 1000 / runs).toFixed(1).padStart(8)} ms  ${key}`);
}
