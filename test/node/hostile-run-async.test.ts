// Issue 15, hosts stay in control: `runAsync` from `vdl/node` runs a script on a worker thread, so a
// timer's AbortSignal, a timeout and the memory limit take effect whatever the script does, and the
// host's event loop stays free. Tested through the built entry (the worker is a compiled script).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as NodeEntry from '../../src/node/index.js';

const entry = (await import(new URL('../../dist/src/node/index.js', import.meta.url).href)) as typeof NodeEntry;
const { runAsync, nodeResolver } = entry;

describe('runAsync', () => {
  it('runs a script off the thread: prints as they happen (text, plain and typed JSON), diagnostics and sources', async () => {
    const seen: string[] = [];
    const result = await runAsync('ring R = QQ[x, y];\nprint 6 * 7, x^2;\nprint dim(ideal(x));', { file: 'a.vdl', onPrint: (p) => seen.push(p.text) });
    expect(result.ok).toBe(true);
    expect(seen).toEqual(['42, x^2', '1']);
    expect(result.prints.map((p) => p.text)).toEqual(seen);
    expect(result.prints[0]!.json).toEqual([42, 'x^2']);
    expect(result.prints[0]!.typed).toMatchObject({ type: 'print', file: 'a.vdl', line: 2 });
    expect(result.sources.get('a.vdl')).toContain('print 6 * 7');
    const bad = await runAsync('print nosuch;', { file: 'b.vdl' });
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics[0]).toMatchObject({ code: 'unknown-name', span: { file: 'b.vdl', startLine: 1, startColumn: 7 } });
  });

  it('stops katsura(10) when an AbortController is aborted by a timer 1 s in', async () => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The timer starts at the first print, once the worker has loaded the compiler and runs the script.
    const onPrint = () => (timer ??= setTimeout(() => controller.abort(), 1000));
    const result = await runAsync('print 0;\nimport "stdlib/systems.vdl";\nprint length(gb(katsura(10)));', { file: 'k.vdl', signal: controller.signal, onPrint });
    clearTimeout(timer);
    expect(controller.signal.aborted).toBe(true);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]!.code).toBe('interrupted');
    expect(result.diagnostics[0]!.span.startLine).toBe(3);
  });

  it('stops at a timeout, saying so, with what printed before', async () => {
    // A long grace: the loop stops at its next poll, however slowly a loaded machine lets it run.
    const result = await runAsync('print 1;\nlet s = 0;\nfor i in 1..10^9 { s = s + i; }', { file: 't.vdl', timeout: 300, graceMs: 60_000 });
    expect(result.prints.map((p) => p.text)).toEqual(['1']);
    expect(result.diagnostics[0]).toMatchObject({ code: 'interrupted', message: 'timed out after 300 ms' });
  });

  it('terminates the thread when the run does not stop within the grace, and says so', async () => {
    // Aborted before the worker has even loaded the compiler (hundreds of milliseconds): with no
    // grace, the thread is terminated, and the result is an interruption at the start of the file.
    const result = await runAsync('print 1;\nlet s = 0;\nfor i in 1..10^9 { s = s + i; }', { file: 'g.vdl', signal: AbortSignal.abort(), graceMs: 0 });
    expect(result.ok).toBe(false);
    expect(result.prints).toEqual([]);
    const d = result.diagnostics[0]!;
    expect(d.code).toBe('interrupted');
    expect(d.message).toBe('computation interrupted; the statement did not stop within 0 ms, so its thread was terminated');
    expect(d.span).toMatchObject({ file: 'g.vdl', startLine: 1, startColumn: 1 });
  });

  it('stops a statement over the memory limit with a located error; the host lives on', async () => {
    const result = await runAsync('let a = 7;\nlet L = 1..3000000;\nprint a;', { file: 'm.vdl', maxMemory: 100 * 2 ** 20 });
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]!.code).toBe('out-of-memory');
    expect(result.diagnostics[0]!.span.startLine).toBe(2);
    expect((await runAsync('print 2 + 2;')).prints[0]!.text).toBe('4');
  });

  it('reads imports through the host resolver (called on the host thread), confined to its roots', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vdl-async-'));
    writeFileSync(path.join(dir, 'sq.vdl'), 'fn sq(x) = x^2;\n');
    const main = path.join(dir, 'main.vdl');
    const resolver = nodeResolver({ roots: [dir] });
    const result = await runAsync('import "sq.vdl";\nprint sq(12);', { file: main, resolver });
    expect(result.diagnostics).toEqual([]);
    expect(result.prints[0]!.text).toBe('144');
    const outside = await runAsync('import "/etc/hostname";', { file: main, resolver });
    expect(outside.diagnostics[0]!.code).toBe('import-not-found');
    // A resolver that throws is an error at the import, not a hang.
    const broken = await runAsync('import "x.vdl";', { resolver: { locate: () => { throw new Error('no disk'); }, read: () => '' } });
    expect(broken.diagnostics[0]!.message).toContain('the resolver failed: no disk');
  });

  it('runs the documented recursion depth (2,000 calls) on its thread\'s stack', async () => {
    const result = await runAsync('fn f(n) { if n == 0 { return 0; } return 1 + f(n - 1); }\nprint f(1999);');
    expect(result.prints[0]!.text).toBe('1999');
  });
});
