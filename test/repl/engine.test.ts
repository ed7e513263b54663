// The REPL's evaluation side (one Session, the commands, the output formats), in-process; and the
// worker client over the built worker script (interrupt through shared memory, restart).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RestartError, WorkerClient } from '../../src/repl/client.js';
import { completionNames, ReplEngine } from '../../src/repl/engine.js';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'vdl-engine-'));
const LONG_LOOP = 'let s = 0; for i in 1..10000 { for j in 1..10000 { s = s + 1; } }';

describe('ReplEngine', () => {
  it('keeps state across inputs and shows values with their type', () => {
    const e = new ReplEngine();
    expect(e.submit('let a = 2;')).toEqual({ ok: true, prints: [] });
    expect(e.submit('fn f(x) {\n  return x * a;\n}')).toEqual({ ok: true, prints: [] });
    expect(e.submit('print f(21);')).toEqual({ ok: true, prints: ['42'] });
    expect(e.submit('f(1/4);')).toEqual({ ok: true, prints: [], value: '1/2', type: 'Rational' });
    expect(e.submit('[1, 2];')).toMatchObject({ value: '[1, 2]', type: 'List (2)' });
    expect(e.names()).toEqual(expect.arrayContaining(['a', 'f']));
  });

  it('writes each printed or shown plot to vdl-plot-N.svg and says where', () => {
    const plots = mkdtempSync(path.join(tmpdir(), 'vdl-plots-'));
    const lines: string[] = [];
    const e = new ReplEngine({ plotDir: plots, onPrint: (l) => lines.push(l) });
    expect(e.submit('print plot([1, 1/2, 1/4]), 7;')).toEqual({ ok: true, prints: [] });
    const first = path.join(plots, 'vdl-plot-1.svg');
    expect(lines).toEqual(['plot(line: 3 values), 7', `(plot written to ${first})`]);
    expect(readFileSync(first, 'utf8')).toMatch(/^<svg [\s\S]*<polyline[\s\S]*<\/svg>\n$/);
    const shown = e.submit('plot([[0, 0], [1, 1]]);');
    expect(shown).toMatchObject({ ok: true, value: 'plot(scatter: 2 points)', info: `(plot written to ${path.join(plots, 'vdl-plot-2.svg')})` });
    // Without a folder nothing is written; a value that is not a plot adds nothing.
    const quiet = new ReplEngine({ plotDir: null });
    expect(quiet.submit('print plot([1, 2]);')).toEqual({ ok: true, prints: ['plot(line: 2 values)'] });
    expect(e.submit('1 + 1;')).toEqual({ ok: true, prints: [], value: '2', type: 'Integer' });
    expect(existsSync(path.join(plots, 'vdl-plot-3.svg'))).toBe(false);
  });

  it('reports errors with file, line, column and caret, and survives them', () => {
    const e = new ReplEngine();
    const r = e.submit('let b = 1;\nprint nosuch;');
    expect(r.ok).toBe(false);
    expect(r.error).toBe("<input 1>:2:7: error: unknown name 'nosuch'\n  print nosuch;\n        ^~~~~~");
    // an input with a static error does not run at all (the session runs the checks first) ...
    expect(e.submit('b;').error).toContain("<input 2>:1:1: error: unknown name 'b'");
    expect(e.submit('let = ;').error).toMatch(/^<input 3>:1:5: error: .*\n {2}let = ;\n {6}\^/);
    // ... while statements before a failure at run time stay done
    expect(e.submit('let c = 1;\n1 / 0;').error).toContain('<input 4>:2:');
    expect(e.submit('c;')).toMatchObject({ value: '1' });
  });

  it('undoes an interrupted statement and keeps what came before', () => {
    let deadline = Infinity;
    const e = new ReplEngine({ signal: { get aborted() { return Date.now() > deadline; } } });
    e.submit('let a = 7;');
    deadline = Date.now() + 200;
    const r = e.submit('a = 8; let t = 0; for i in 1..10000 { for j in 1..10000 { t = t + 1; } }');
    deadline = Infinity;
    expect(r).toMatchObject({ ok: false, interrupted: true });
    // `a = 8` and `let t = 0` completed before the loop was interrupted; the loop left no trace
    expect(e.submit('a;')).toMatchObject({ value: '8' });
    expect(e.submit('t;')).toMatchObject({ value: '0' });
  });

  it('streams prints when asked', () => {
    const lines: string[] = [];
    const e = new ReplEngine({ onPrint: (l) => lines.push(l) });
    expect(e.submit('print 1; print 2;')).toEqual({ ok: true, prints: [] });
    expect(lines).toEqual(['1', '2']);
  });

  it(':type, :format, :seed', () => {
    const e = new ReplEngine({ seed: 1 });
    e.submit('let h = 1/2;');
    expect(e.submit(':type h')).toEqual({ ok: true, prints: [], type: 'Rational' });
    expect(e.submit(':type [h, h];')).toMatchObject({ type: 'List (2)' });
    expect(e.submit(':type let q = 1;')).toMatchObject({ ok: false, error: expect.stringContaining(':type takes one expression') });
    expect(e.submit(':format json')).toMatchObject({ info: 'format: json' });
    const json = e.submit('[h, 1];');
    expect(json.type).toBe('List (2)');
    expect(JSON.parse(json.value!)).toEqual([expect.anything(), 1]);
    expect(e.submit(':format latex')).toMatchObject({ info: 'format: latex' });
    expect(e.submit('h;')).toMatchObject({ value: '\\frac{1}{2}', type: 'Rational' });
    expect(e.submit('print h;')).toMatchObject({ prints: ['\\frac{1}{2}'] });
    e.submit(':format text');
    e.submit(':seed 5');
    const first = e.submit('random(1000000);').value;
    e.submit(':seed 5');
    expect(e.submit('random(1000000);').value).toBe(first);
    expect(e.submit(':seed x')).toMatchObject({ ok: false, error: 'usage: :seed N (an integer)' });
  });

  it(':help from the registry and the stdlib, with suggestions', () => {
    const e = new ReplEngine();
    const gb = e.submit(':help gb');
    expect(gb.ok).toBe(true);
    expect(gb.info).toMatch(/^gb\(/);
    expect(gb.info).toContain('Examples:');
    expect(e.submit(':help katsura').info).toMatch(/^katsura\(n\) .*stdlib\/systems\.vdl[\s\S]*Katsura/);
    expect(e.submit(':help load').info).toContain(':load FILE');
    expect(e.submit(':help gbb')).toMatchObject({ ok: false, error: expect.stringContaining('did you mean gb') });
    const all = e.submit(':help').info!;
    for (const heading of ['Commands:', ':format text|json|latex', 'Core:', 'Algebra:', 'katsura']) expect(all).toContain(heading);
  });

  it(':load runs a file in the session; errors name the file', () => {
    const e = new ReplEngine();
    const good = path.join(dir, 'good.vdl');
    writeFileSync(good, 'let loaded = 40;\nfn plus2(x) = x + 2;\nprint "hi";\n');
    expect(e.submit(`:load ${good}`)).toEqual({ ok: true, prints: ['hi'], info: `loaded ${good}` });
    expect(e.submit('plus2(loaded);')).toMatchObject({ value: '42' });
    const bad = path.join(dir, 'bad.vdl');
    writeFileSync(bad, 'let x = 1;\nprint y;\n');
    expect(e.submit(`:load ${bad}`).error).toBe(`${bad}:2:7: error: unknown name 'y'\n  print y;\n        ^`);
    expect(e.submit(':load /no/such/file.vdl')).toEqual({
      ok: false,
      prints: [],
      error: "cannot read module '/no/such/file.vdl' (no such file: /no/such/file.vdl)",
    });
  });

  it(':quit and unknown commands', () => {
    const e = new ReplEngine();
    expect(e.submit(':quit')).toMatchObject({ quit: true });
    expect(e.submit(':nope')).toMatchObject({ ok: false, error: expect.stringContaining("unknown command ':nope'") });
  });

  it('offers built-ins, stdlib names, keywords and commands to completion', () => {
    const n = completionNames();
    expect(n.builtins).toContain('gb');
    expect(n.stdlib).toEqual(expect.arrayContaining(['katsura', 'cyclic']));
    expect(n.keywords).toEqual(expect.arrayContaining(['let', 'fn', 'for', 'print', 'ideal']));
    expect(n.commands).toContain(':help');
  });
});

describe('WorkerClient (built worker)', () => {
  const script = pathToFileURL(path.join(root, 'dist/src/repl/worker.js'));

  it('evaluates in a worker; Ctrl-C through shared memory stops a statement and keeps the state', async () => {
    const client = new WorkerClient(script, 1);
    try {
      const ready = await client.ready;
      expect(ready.names.builtins).toContain('gb');
      const prints: string[] = [];
      expect((await client.submit('let a = 7; print a;', { onPrint: (l) => prints.push(l) })).outcome.ok).toBe(true);
      expect(prints).toEqual(['7']);
      const started = Date.now();
      const running = client.submit(LONG_LOOP);
      setTimeout(() => client.interrupt(), 300);
      const { outcome, scope } = await running;
      expect(outcome.interrupted).toBe(true);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(scope).toContain('s');
      expect((await client.submit('a;')).outcome.value).toBe('7');
      expect((await client.submit('s;')).outcome.value).toBe('0');
      // A late interrupt (nothing running) does not stop the next statement.
      client.interrupt();
      expect((await client.submit('a + 1;')).outcome.value).toBe('8');
    } finally {
      await client.close();
    }
  });

  it('reports the progress of a Gröbner basis computation, which Ctrl-C stops inside the kernel', async () => {
    const client = new WorkerClient(script);
    try {
      await client.ready;
      await client.submit('import "stdlib/systems.vdl"; let I = katsura(8);');
      const events: string[] = [];
      const { outcome } = await client.submit('let G = gb(I);', {
        onProgress: (e) => {
          events.push(e.stage);
          client.interrupt();
        },
      });
      expect(events.length).toBeGreaterThan(0);
      expect(outcome.interrupted).toBe(true);
      expect((await client.submit('G;')).outcome.error).toContain("unknown name 'G'");
    } finally {
      await client.close();
    }
  });

  it('survives a crash of the evaluator (out of memory) with a fresh session', async () => {
    const client = new WorkerClient(script, undefined, { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 });
    try {
      await client.ready;
      await client.submit('let a = 1;');
      const failure = await client.submit('let l = [1]; for i in 1..40 { l = concat(l, l); }').catch((e: unknown) => e);
      expect(String(failure)).toMatch(/the evaluator crashed .*a fresh session was started/);
      expect((await client.submit('2 + 2;')).outcome.value).toBe('4');
    } finally {
      await client.close();
    }
  });

  it('restarts a stuck evaluator with a fresh session', async () => {
    const client = new WorkerClient(script);
    try {
      await client.ready;
      await client.submit('let a = 1;');
      const running = client.submit(LONG_LOOP).catch((e: unknown) => e);
      await new Promise((r) => setTimeout(r, 200));
      await client.restart!();
      expect(await running).toBeInstanceOf(RestartError);
      expect((await client.submit('a;')).outcome.error).toContain("unknown name 'a'");
      expect((await client.submit('2 + 2;')).outcome.value).toBe('4');
    } finally {
      await client.close();
    }
  });
});
