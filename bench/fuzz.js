// Fuzzing at scale (issue 15): `npm run fuzz -- --count N [--seed S] [--timeout MS] [--write] [--corpus]`.
//
// Feeds N generated inputs (bench/fuzz-inputs.js: token soups, mutated examples and standard-library
// modules, huge and zero numbers, swapped rings, built-in calls on values of every kind) through
// parse, check and run, each run with a deadline of --timeout ms (default 30) through its signal,
// and counts per outcome:
//   ok / error        the run finished, or stopped with an ordinary located diagnostic;
//   interrupted       it was stopped at the deadline (cancellation works);
//   uncaught          parse, check or run threw instead of returning diagnostics;
//   internal          a diagnostic with code 'internal' (a bug reached the user);
//   stack trace       a diagnostic whose text shows a JavaScript stack;
//   slow cancel       it returned, but more than 1 s after its deadline;
//   hang              it had not returned 10 s after its deadline (the worker is terminated);
//   crash             the worker died (out of memory under its 1 GiB heap limit, fatal error).
// Inputs run in a worker thread with resourceLimits, so that hangs and crashes are observed, not
// suffered. Failures are reproduced from (seed, index), minimized (delta debugging over lines, then
// tokens) and, with --corpus, written to test/fuzz-corpus/ as regression tests. --write replaces the
// section "Fuzzing" of bench/RESULTS.md with the figures. Run `npm run build` first (npm run fuzz does).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { clearInterval, setInterval } from 'node:timers';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fuzzInputs, makeRandom } from './fuzz-inputs.js';
import { writeResultsSection } from './results.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

function sources() {
  const read = (dir) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.vdl')).map((f) => readFileSync(join(root, dir, f), 'utf8'));
  return [...read('examples'), ...read('stdlib')];
}

/** The input with this index: each index has its own seeded generator, so it can be made again alone. */
function inputAt(generator, seed, index) {
  return generator.next(makeRandom((seed * 1000003 + index) >>> 0));
}

const STACK = /\n\s+at |\bat [\w.<>]+ \(.*:\d+:\d+\)|file:\/\/\/|\.js:\d+:\d+/;

/** Runs one source through parse, check and run; the outcome and its message. */
function exercise(lib, source, timeout) {
  const start = performance.now();
  const deadline = start + timeout;
  const signal = { get aborted() { return performance.now() >= deadline; } };
  let diagnostics;
  try {
    lib.parseProgram(source, '<fuzz>');
    lib.check(source, { file: '<fuzz>' });
    diagnostics = lib.run(source, { file: '<fuzz>', signal }).diagnostics;
  } catch (e) {
    return { outcome: 'uncaught', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e), ms: performance.now() - start };
  }
  const ms = performance.now() - start;
  const internal = diagnostics.find((d) => d.code === 'internal');
  if (internal) return { outcome: 'internal', message: internal.message, ms };
  const traced = diagnostics.find((d) => STACK.test([d.message, ...(d.notes ?? [])].join('\n')));
  if (traced) return { outcome: 'stack trace', message: traced.message, ms };
  if (ms > timeout + 1000) return { outcome: 'slow cancel', message: `returned ${(ms - timeout).toFixed(0)} ms after the deadline`, ms };
  const first = diagnostics[0];
  if (!first) return { outcome: 'ok', ms };
  return { outcome: first.code === 'interrupted' ? 'interrupted' : 'error', ms };
}

async function library() {
  const index = await import('../dist/src/index.js');
  const parse = await import('../dist/src/lang/parse.js');
  const registry = await import('../dist/src/lang/builtins/registry.js');
  return { run: index.run, check: index.check, parseProgram: parse.parseProgram, builtins: registry.allBuiltins().map((b) => b.name) };
}

if (!isMainThread) {
  const { seed, from, to, timeout } = workerData;
  const lib = await library();
  const generator = fuzzInputs({ examples: sources(), builtins: lib.builtins });
  for (let i = from; i < to; i++) {
    const { kind, source } = inputAt(generator, seed, i);
    parentPort.postMessage({ type: 'start', i });
    parentPort.postMessage({ type: 'done', i, kind, ...exercise(lib, source, timeout) });
  }
  parentPort.postMessage({ type: 'end' });
} else {
  await main();
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const k = args.indexOf(name);
    return k >= 0 ? Number(args[k + 1]) : fallback;
  };
  const count = option('--count', 10000);
  const seed = option('--seed', 1);
  const timeout = option('--timeout', 30);
  const lib = await library();
  const generator = fuzzInputs({ examples: sources(), builtins: lib.builtins });
  const counts = new Map();
  const byKind = new Map();
  const failures = [];
  const started = performance.now();
  let next = 0;
  let slowest = 0;
  let slowestAt = -1;
  while (next < count) {
    // One worker for the remaining inputs; a hang or a crash ends it, and a new one resumes after it.
    next = await new Promise((resolve) => {
      const worker = new Worker(fileURLToPath(import.meta.url), {
        workerData: { seed, from: next, to: count, timeout },
        resourceLimits: { maxOldGenerationSizeMb: 1024, stackSizeMb: 4 },
        stdout: true,
        stderr: true,
      });
      let current = next;
      let since = performance.now();
      let finished = false;
      const settle = (resume) => {
        if (finished) return;
        finished = true;
        clearInterval(watchdog);
        resolve(resume);
      };
      const record = (i, kind, outcome, message, ms) => {
        counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
        const k = byKind.get(kind) ?? new Map();
        k.set(outcome, (k.get(outcome) ?? 0) + 1);
        byKind.set(kind, k);
        if (!['ok', 'error', 'interrupted'].includes(outcome)) failures.push({ index: i, kind, outcome, message });
        if (ms !== undefined && ms - timeout > slowest) {
          slowest = ms - timeout;
          slowestAt = i;
        }
        if ((i + 1) % 5000 === 0) console.error(`${i + 1} inputs, ${((performance.now() - started) / 1000).toFixed(0)} s`);
      };
      const watchdog = setInterval(() => {
        if (performance.now() - since > timeout + 10000) {
          record(current, inputAt(generator, seed, current).kind, 'hang', 'no answer 10 s after the deadline');
          worker.terminate();
          settle(current + 1);
        }
      }, 500);
      worker.on('message', (m) => {
        if (m.type === 'start') {
          current = m.i;
          since = performance.now();
        } else if (m.type === 'done') {
          record(m.i, m.kind, m.outcome, m.message, m.ms);
        } else if (m.type === 'end') {
          settle(count);
        }
      });
      worker.on('error', (e) => {
        record(current, inputAt(generator, seed, current).kind, 'crash', `${e.code ?? e.name}: ${e.message}`);
        settle(current + 1);
      });
      worker.on('exit', (code) => {
        if (!finished) {
          record(current, inputAt(generator, seed, current).kind, 'crash', `worker exited with code ${code}`);
          settle(current + 1);
        }
      });
    });
  }
  const seconds = (performance.now() - started) / 1000;
  const order = ['ok', 'error', 'interrupted', 'uncaught', 'internal', 'stack trace', 'slow cancel', 'hang', 'crash'];
  console.log(`${count} inputs (seed ${seed}, deadline ${timeout} ms) in ${seconds.toFixed(0)} s`);
  for (const o of order) console.log(`  ${o.padEnd(12)} ${counts.get(o) ?? 0}`);
  console.log(`  latest return after a deadline: ${slowest.toFixed(0)} ms (input ${slowestAt})`);
  if (args.includes('--show-slowest') && slowestAt >= 0) console.log(inputAt(generator, seed, slowestAt).source);

  // Minimize the failures that can be replayed in this thread (not hangs or crashes).
  const minimized = [];
  for (const f of failures.slice(0, 50)) {
    const { source } = inputAt(generator, seed, f.index);
    const same = (s) => exercise(lib, s, timeout).outcome === f.outcome;
    const small = ['hang', 'crash', 'slow cancel'].includes(f.outcome) ? source : minimize(source, same);
    minimized.push({ ...f, source: small });
    console.log(`\n[${f.outcome}] input ${f.index} (${f.kind}): ${f.message}\n${small}`);
  }
  if (args.includes('--corpus')) {
    const dir = join(root, 'test', 'fuzz-corpus');
    mkdirSync(dir, { recursive: true });
    for (const f of minimized) {
      const name = `seed${seed}-${f.index}-${f.outcome.replace(/ /g, '-')}.vdl`;
      writeFileSync(join(dir, name), `// fuzz: seed ${seed}, input ${f.index} (${f.kind}): ${f.outcome}: ${f.message.split('\n')[0]}\n${f.source}\n`);
    }
  }
  if (args.includes('--write')) {
    const kinds = [...byKind.keys()].sort();
    const table = [
      '## Fuzzing (`bench/fuzz.js`, issue 15)',
      '',
      `Machine: ${cpus().length} cores, "${cpus()[0]?.model ?? 'unknown'}", Node ${process.version}; measured on`,
      `${new Date().toISOString().slice(0, 10)} with \`npm run fuzz -- --count ${count} --seed ${seed} --timeout ${timeout} --write\` (one worker`,
      `thread with a 1 GiB heap limit; each run stopped by its signal ${timeout} ms after it started), ${seconds.toFixed(0)} s in all, on a shared machine.`,
      '',
      `| outcome | ${kinds.join(' | ')} | all |`,
      `|---|${kinds.map(() => '---:').join('|')}|---:|`,
      ...order.map((o) => `| ${o} | ${kinds.map((k) => byKind.get(k).get(o) ?? 0).join(' | ')} | ${counts.get(o) ?? 0} |`),
      '',
      `Latest return after a deadline: ${slowest.toFixed(0)} ms. ${failures.length === 0 ? 'No failures.' : `Failures (minimized): ${minimized.map((f) => `${f.outcome} at input ${f.index} (${f.kind}): ${f.message}`).join('; ')}.`}`,
      '',
    ].join('\n');
    writeResultsSection('## Fuzzing', table);
    console.log('wrote bench/RESULTS.md');
  }
  process.exitCode = failures.length === 0 ? 0 : 1;
}

/** Delta debugging (Zeller): drop chunks of lines, then of tokens, while `fails` still holds. */
function minimize(source, fails) {
  const shrink = (parts, join) => {
    let n = 2;
    while (parts.length >= 2) {
      const size = Math.ceil(parts.length / n);
      let reduced = false;
      for (let k = 0; k < parts.length; k += size) {
        const rest = [...parts.slice(0, k), ...parts.slice(k + size)];
        if (rest.length > 0 && fails(rest.join(join))) {
          parts = rest;
          n = Math.max(n - 1, 2);
          reduced = true;
          break;
        }
      }
      if (!reduced) {
        if (n >= parts.length) break;
        n = Math.min(parts.length, n * 2);
      }
    }
    return parts;
  };
  const lines = shrink(source.split('\n'), '\n').join('\n');
  return shrink(lines.split(/(?<=\s)|(?=\s)/), '').join('');
}
