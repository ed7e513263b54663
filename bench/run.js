// Gröbner basis benchmarks (run `npm run build` first, then `node bench/run.js [systems] [options]`).
//
// Times vdl's F4 over GF(32003) and its multi-modular algorithm over QQ on the standard systems
// (katsura-5..9, cyclic-5/6/7, eco-7/8, noon-5) and on ED-degree systems built here, and, where they
// are installed, the same systems in Singular (std, slimgb), Giac (gbasis) and Macaulay2 (gb, F4),
// each timed by its own internal timer so that start-up is left out. Prints a table with ratios to
// the best of Singular and Giac and writes bench/results.json. Then, in the same run, bench/msolve.js
// compares exact solving (real solving, network stationary points, Gröbner bases) with msolve.
//
// Usage:
//   node bench/run.js                              all systems, both fields
//   node bench/run.js katsura-8 cyclic-7 --field gf
//   options: --field gf|qq|both   --limit SECONDS (per computation, default 60)
//            --runs N (vdl runs per system, best is reported; default 3)   --no-peers
//            --peers singular,giac,m2,msolve   --warm (one warm-up computation first; default on, --cold off)
//
// Timing: every time is min(CPU time, real time) as measured inside each program: on a shared
// machine CPU time is the steadier measure of a single-threaded kernel, and the minimum does not
// penalize a program that uses a second thread (Giac may) or background threads (V8's compiler and
// garbage collector). vdl: process.cpuUsage and performance.now around the call, best of --runs
// runs after a warm-up computation (V8 compiles the kernels on first use; "first s" is the first
// run). Singular: `timer` and `rtimer` with 1000 ticks per second (its CPU timer has a 10 ms
// resolution, so below 50 ms the real-time one is used). Giac: both entries of `time(...)`.
// Macaulay2: `cpuTime()` (real time is not measured there).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { QQ, SmallPrimeField } from '../dist/src/math/field.js';
import { f4 } from '../dist/src/math/groebner/f4.js';
import { modularGroebner } from '../dist/src/math/groebner/modular.js';
import { PolyRing } from '../dist/src/math/poly.js';
import { Random } from '../dist/src/math/random.js';
import { cyclic, eco, katsura, noon } from '../dist/src/math/systems.js';

const here = dirname(fileURLToPath(import.meta.url));

// --- command line -----------------------------------------------------------------------------------

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const k = args.indexOf(`--${name}`);
  if (k < 0) return fallback;
  const v = args[k + 1];
  args.splice(k, 2);
  return v;
};
const flag = (name) => {
  const k = args.indexOf(`--${name}`);
  if (k < 0) return false;
  args.splice(k, 1);
  return true;
};
const fieldChoice = option('field', 'both');
const limit = Number(option('limit', '60'));
const runs = Number(option('runs', '3'));
const noPeers = flag('no-peers');
const peerList = option('peers', 'singular,giac,m2,msolve').split(',');
const cold = flag('cold');
flag('warm');
const selected = args.filter((a) => !a.startsWith('--'));

// --- systems ------------------------------------------------------------------------------------------

/** A generic cubic (or quartic) surface and a data point: critical points of the squared distance. */
function edSurface(field, degree, seed) {
  const rng = new Random(seed);
  const R = new PolyRing(field, ['x', 'y', 'z', 'l']);
  const c = (n) => field.fromBigInt(BigInt(n));
  const terms = [];
  for (let a = 0; a <= degree; a++)
    for (let b = 0; a + b <= degree; b++)
      for (let d = 0; a + b + d <= degree; d++) terms.push([Int32Array.of(a, b, d, 0), c(rng.int(-9, 9) || 1)]);
  const f = R.fromTerms(terms);
  const [x, y, z, l] = [0, 1, 2, 3].map((i) => R.variable(i));
  const u = [rng.int(-9, 9), rng.int(-9, 9), rng.int(-9, 9)].map((n) => R.fromInt(n));
  const gens = [f];
  [x, y, z].forEach((v, i) => gens.push(R.sub(R.sub(v, u[i]), R.mul(l, R.diff(f, i)))));
  return { ring: R, gens };
}

/** Critical points of ||U - a·b^T||^2 over rank-one 3×3 matrices, a = (1, a2, a3), U generic. */
function edRankOne(field, seed) {
  const rng = new Random(seed);
  const R = new PolyRing(field, ['a2', 'a3', 'b1', 'b2', 'b3']);
  const v = (i) => R.variable(i);
  const a = [R.one(), v(0), v(1)];
  const b = [v(2), v(3), v(4)];
  const U = [0, 1, 2].map(() => [0, 1, 2].map(() => R.fromInt(rng.int(-9, 9))));
  const residual = (i, j) => R.sub(U[i][j], R.mul(a[i], b[j]));
  const gens = [];
  for (const i of [1, 2]) gens.push([0, 1, 2].reduce((s, j) => R.add(s, R.mul(residual(i, j), b[j])), R.zero()));
  for (const j of [0, 1, 2]) gens.push([0, 1, 2].reduce((s, i) => R.add(s, R.mul(residual(i, j), a[i])), R.zero()));
  return { ring: R, gens };
}

const SYSTEMS = [
  ...[5, 6, 7, 8, 9].map((n) => ({ name: `katsura-${n}`, make: (F) => katsura(F, n) })),
  ...[5, 6, 7].map((n) => ({ name: `cyclic-${n}`, make: (F) => cyclic(F, n) })),
  ...[7, 8].map((n) => ({ name: `eco-${n}`, make: (F) => eco(F, n) })),
  { name: 'noon-5', make: (F) => noon(F, 5) },
  { name: 'ed-rank1-3x3', make: (F) => edRankOne(F, 1) },
  { name: 'ed-cubic-surface', make: (F) => edSurface(F, 3, 2) },
  { name: 'ed-quartic-surface', make: (F) => edSurface(F, 4, 3) },
];

const GF = new SmallPrimeField(32003);
const FIELDS = { gf: GF, qq: QQ };
const fields = fieldChoice === 'both' ? ['gf', 'qq'] : [fieldChoice];
const systems = selected.length === 0 ? SYSTEMS : SYSTEMS.filter((s) => selected.includes(s.name));
if (systems.length === 0) {
  console.error(`no such system; choose among ${SYSTEMS.map((s) => s.name).join(', ')}`);
  process.exit(1);
}

// --- vdl -------------------------------------------------------------------------------------------------

/** The number of standard monomials (vdim) of a zero-dimensional leading ideal, or null. */
function vdim(leads, nvars) {
  const pure = new Array(nvars).fill(false);
  for (const m of leads) {
    const support = [...m.keys()].filter((i) => m[i] > 0);
    if (support.length === 0) return 0;
    if (support.length === 1) pure[support[0]] = true;
  }
  if (!pure.every(Boolean)) return null;
  const divides = (a, b) => a.every((e, i) => e <= b[i]);
  let count = 0;
  const seen = new Set();
  const stack = [new Int32Array(nvars)];
  while (stack.length > 0) {
    const m = stack.pop();
    count++;
    for (let i = 0; i < nvars; i++) {
      const n = m.slice();
      n[i]++;
      const key = n.join(',');
      if (seen.has(key) || leads.some((l) => divides(l, n))) continue;
      seen.add(key);
      stack.push(n);
    }
  }
  return count;
}

function deadline(seconds) {
  const end = Date.now() + seconds * 1000;
  return {
    get aborted() {
      return Date.now() > end;
    },
  };
}

function runVdl(system, field) {
  const { ring: R, gens } = system.make(FIELDS[field]);
  const times = [];
  let result;
  let note = '';
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    try {
      if (field === 'gf') result = { basis: f4(R, gens, { signal: deadline(limit) }) };
      else result = modularGroebner(R, gens, { signal: deadline(limit) });
    } catch (e) {
      if (e?.code === 'interrupted') return { status: `> ${limit} s`, ring: R, gens };
      throw e;
    }
    const cpu = process.cpuUsage(c0);
    const wall = (performance.now() - t0) / 1000;
    times.push({ cpu: (cpu.user + cpu.system) / 1e6, wall, time: Math.min(wall, (cpu.user + cpu.system) / 1e6) });
    // Slow systems: one run is enough.
    if (times[0].time > 10) break;
  }
  const best = times.reduce((a, b) => (b.time < a.time ? b : a));
  if (field === 'qq') note = `${result.primes.length} primes`;
  return {
    status: 'ok',
    ring: R,
    gens,
    seconds: best.time,
    cpu: best.cpu,
    wall: best.wall,
    first: times[0].time,
    runs: times.length,
    size: result.basis.length,
    terms: result.basis.reduce((s, g) => s + g.mons.length, 0),
    vdim: vdim(result.basis.map((g) => g.mons[0]), R.nvars),
    note,
    timings: result.timings,
  };
}

// --- peers -------------------------------------------------------------------------------------------------

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * Each peer algorithm runs in its own process with its own time limit (2.5 × --limit), so that a
 * slow algorithm does not hide a fast one.
 */
const PEERS = {
  singular: {
    command: 'Singular',
    algorithms: ['std', 'slimgb'],
    script(R, gens, field, algorithm) {
      return [
        'system("--ticks-per-sec", 1000); option(redSB);',
        `ring r = ${field === 'gf' ? 32003 : 0}, (${R.vars.join(',')}), dp;`,
        `ideal i = ${gens.map((g) => R.toText(g)).join(',\n  ')};`,
        `int t = timer; int rt = rtimer; ideal g = ${algorithm}(i); int e = timer - t; int re = rtimer - rt;`,
        'print("TIME " + string(e) + " " + string(re)); print("SIZE " + string(size(g)));',
        'quit;',
      ].join('\n');
    },
    run(script) {
      const r = spawnSync('Singular', ['-q'], { input: script, encoding: 'utf8', timeout: limit * 2500 });
      const m = r.stdout?.match(/TIME (\d+) (\d+)/);
      if (!m) return { seconds: null, timedOut: timedOut(r) };
      const [cpu, real] = [Number(m[1]) / 1000, Number(m[2]) / 1000];
      return { seconds: cpu < 0.05 ? real : Math.min(cpu, real), timedOut: false };
    },
  },
  giac: {
    command: 'giac',
    algorithms: ['gbasis'],
    script(R, gens, field) {
      const list = gens.map((g) => R.toText(g) + (field === 'gf' ? ' mod 32003' : '')).join(',');
      return `T:=time(G:=gbasis([${list}],[${R.vars.join(',')}],revlex));\nprint("TIME "+T[0]+" "+T[1]+" SIZE "+size(G));\n`;
    },
    run(script, tmp) {
      writeFileSync(tmp, script);
      const r = spawnSync('giac', [tmp], { encoding: 'utf8', timeout: limit * 2500 });
      const m = `${r.stdout ?? ''}${r.stderr ?? ''}`.match(/TIME ([0-9.e+-]+) ([0-9.e+-]+)/);
      return { seconds: m ? Math.min(Number(m[1]), Number(m[2])) : null, timedOut: !m && timedOut(r) };
    },
  },
  m2: {
    command: 'M2',
    algorithms: ['F4', 'gb'],
    script(R, gens, field, algorithm) {
      if (algorithm === 'F4' && field !== 'gf') return null; // Macaulay2's F4 is for finite fields
      const call = algorithm === 'F4' ? 'groebnerBasis(I, Strategy=>"F4")' : 'gb I';
      return [
        `R = ${field === 'gf' ? 'ZZ/32003' : 'QQ'}[${R.vars.join(',')}, MonomialOrder=>GRevLex];`,
        `I = ideal(${gens.map((g) => R.toText(g)).join(', ')});`,
        `t0 = cpuTime(); G = ${call}; t1 = cpuTime(); print("TIME " | toString(t1 - t0));`,
      ].join('\n') + '\n';
    },
    run(script, tmp) {
      writeFileSync(tmp, script);
      const r = spawnSync('M2', ['--script', tmp], { encoding: 'utf8', timeout: limit * 2500 });
      const m = (r.stdout ?? '').match(/TIME ([0-9.e+-]+)/);
      return { seconds: m ? Number(m[1]) : null, timedOut: !m && timedOut(r) };
    },
  },
};

function timedOut(r) {
  return r.error?.code === 'ETIMEDOUT' || r.signal !== null;
}

const available = {};
for (const name of peerList) {
  if (noPeers || !PEERS[name]) continue;
  available[name] = which(PEERS[name].command) !== null;
}

// --- run ----------------------------------------------------------------------------------------------------

const fmt = (x) => (x === null || x === undefined ? '-' : x < 0.01 ? x.toFixed(4) : x < 10 ? x.toFixed(3) : x.toFixed(1));

if (!cold) {
  // Warm-up: V8 compiles the kernels on first use.
  for (const field of fields) runVdl({ make: (F) => katsura(F, 5) }, field);
}

const results = [];
console.log(`vdl Gröbner benchmarks — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`);
const missing = Object.entries(available).filter(([, ok]) => !ok).map(([name]) => name);
if (noPeers) console.log('peers: not run (--no-peers)');
else if (missing.length > 0) console.log(`peers not installed (skipped): ${missing.join(', ')}`);
console.log(
  ['system', 'field', 'vdl s', 'first s', 'size', 'vdim', 'Singular std', 'slimgb', 'Giac', 'M2 gb', 'M2 F4', 'vdl/best(S,G)'].join(' | '),
);
for (const system of systems) {
  for (const field of fields) {
    const ours = runVdl(system, field);
    const row = { system: system.name, field, ...ours };
    delete row.ring;
    delete row.gens;
    const peers = {};
    for (const [name, ok] of Object.entries(available)) {
      if (!ok) continue;
      const peer = PEERS[name];
      for (const algorithm of peer.algorithms) {
        const script = peer.script(ours.ring, ours.gens, field, algorithm);
        if (script === null) continue;
        const tmp = join(here, `.bench-${name}-${process.pid}.txt`);
        try {
          peers[`${name} ${algorithm}`] = peer.run(script, tmp);
        } finally {
          spawnSync('rm', ['-f', tmp]);
        }
      }
    }
    row.peers = peers;
    const candidates = ['singular std', 'singular slimgb', 'giac gbasis']
      .map((k) => peers[k]?.seconds)
      .filter((x) => typeof x === 'number' && x > 0);
    const best = candidates.length > 0 ? Math.min(...candidates) : null;
    row.bestSingularGiac = best;
    row.ratio = best !== null && ours.status === 'ok' ? ours.seconds / best : null;
    results.push(row);
    const peerCell = (key) => {
      const r = peers[key];
      if (!r) return '';
      return r.timedOut ? `> ${limit * 2.5} s` : fmt(r.seconds);
    };
    console.log(
      [
        system.name,
        field === 'gf' ? 'GF(32003)' : 'QQ',
        ours.status === 'ok' ? fmt(ours.seconds) : ours.status,
        ours.status === 'ok' ? fmt(ours.first) : '',
        ours.size ?? '',
        ours.vdim ?? '',
        peerCell('singular std'),
        peerCell('singular slimgb'),
        peerCell('giac gbasis'),
        peerCell('m2 gb'),
        peerCell('m2 F4'),
        row.ratio === null ? '' : `${row.ratio.toFixed(2)}×`,
      ].join(' | '),
    );
  }
}

writeFileSync(
  join(here, 'results.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model,
      cores: cpus().length,
      limitSeconds: limit,
      runs,
      peers: available,
      results,
    },
    null,
    2,
  ) + '\n',
);
console.log(`wrote ${join(here, 'results.json')}`);

// The same table in Markdown, for bench/RESULTS.md.
console.log('\n| system | field | vdl s | first run s | basis | vdim | Singular std | Singular slimgb | Giac gbasis | M2 gb | M2 F4 | vdl / best(Singular, Giac) |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  const cell = (key) => {
    const p = r.peers[key];
    if (!p) return '';
    return p.timedOut ? `> ${limit * 2.5}` : fmt(p.seconds);
  };
  console.log(
    `| ${r.system} | ${r.field === 'gf' ? 'GF(32003)' : 'QQ'} | ${r.status === 'ok' ? fmt(r.seconds) : r.status} | ${r.status === 'ok' ? fmt(r.first) : ''} | ` +
      `${r.size ?? ''} | ${r.vdim ?? ''} | ${cell('singular std')} | ${cell('singular slimgb')} | ${cell('giac gbasis')} | ${cell('m2 gb')} | ${cell('m2 F4')} | ` +
      `${r.ratio === null ? '' : r.ratio.toFixed(2) + '×'} |`,
  );
}

// Exact solving against msolve, in the same run (bench/msolve.js builds msolve when it can, and says
// why it skips when it cannot).
if (!noPeers && peerList.includes('msolve')) {
  console.log('');
  const r = spawnSync(process.execPath, [join(here, 'msolve.js')], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}
