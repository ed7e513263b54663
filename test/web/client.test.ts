// The worker client (src/browser/client.ts) and the evaluation side (src/browser/serve.ts) speaking
// their protocol across a real thread: a Node worker thread stands in for the Web Worker (the
// browser itself is exercised by test/web/playground.test.ts). Runs the compiled dist/ (built by the
// global set-up), as a worker must.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { VdlWorkerClient, type WorkerLike } from '../../src/browser/client.js';

const root = path.resolve(import.meta.dirname, '../..');
const serveUrl = pathToFileURL(path.join(root, 'dist/src/browser/serve.js')).href;

/** A worker thread running serve() on its port, seen through the WorkerLike interface. */
function threadWorker(): WorkerLike {
  const code = `
    const { parentPort } = require('node:worker_threads');
    import(${JSON.stringify(serveUrl)}).then(({ serve }) => serve({
      postMessage: (m) => parentPort.postMessage(m),
      addEventListener: (_type, listener) => parentPort.on('message', (data) => listener({ data })),
    }));`;
  const w = new Worker(code, { eval: true });
  return {
    postMessage: (m) => w.postMessage(m),
    addEventListener: (_type, listener) => w.on('message', (data) => listener({ data })),
    terminate: () => void w.terminate(),
  };
}

let client: VdlWorkerClient | undefined;
afterEach(() => client?.close());

describe('VdlWorkerClient over a worker thread', () => {
  it('runs a script: prints stream with their LaTeX and provenance', async () => {
    client = new VdlWorkerClient(threadWorker);
    const seen: string[] = [];
    // katsura(2) has 2^2 = 4 solutions (Katsura 1990); the twisted cubic has dimension 1, degree 3.
    const r = await client.run('import "stdlib/systems.vdl";\nprint vdim(katsura(2));\nring R = QQ[x, y, z];\nprint dim(ideal(x*z - y^2, x^2 - y, x*y - z)), 1/2;', {
      onPrint: (p) => seen.push(p.text),
    });
    expect(r.ok).toBe(true);
    expect(seen).toEqual(['4', '1, 1/2']);
    expect(r.prints.map((p) => p.line)).toEqual([2, 4]);
    expect(r.prints[1]!.latex).toBe('1, \\frac{1}{2}');
    expect(r.prints[0]!.how.length).toBe(1);
  });

  it('sends the SVG document of each printed plot', async () => {
    client = new VdlWorkerClient(threadWorker);
    const r = await client.run('print plot([1, 4, 9, 16]), 3, plot([[0, 1], [1, 0]]);');
    expect(r.ok).toBe(true);
    expect(r.prints[0]!.plots.length).toBe(2);
    for (const svg of r.prints[0]!.plots) expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*<\/svg>\s*$/);
    expect(r.prints[0]!.plots[0]).toMatch(/<polyline|<path/);
    expect((await client.run('print 1;')).prints[0]!.plots).toEqual([]);
  });

  it('reports an error with its caret and the file name', async () => {
    client = new VdlWorkerClient(threadWorker);
    const r = await client.run('let a = 1;\nprint a + b;', { file: 'play.vdl' });
    expect(r.ok).toBe(false);
    expect(r.errorText).toMatch(/^play\.vdl:2:11: error: .*b/);
    expect(r.errorText.split('\n').slice(1, 3).map((l) => l.trim())).toEqual(['print a + b;', '^']);
    expect(r.diagnostics[0]!.span.startLine).toBe(2);
  });

  it('cancels a long computation inside the kernel through shared memory; the worker goes on', async () => {
    client = new VdlWorkerClient(threadWorker);
    expect(client.interruptMode).toBe('shared-memory');
    let progress = '';
    const c = client;
    const outcome = c.run('import "stdlib/systems.vdl";\nprint gb(cyclic(7));', {
      onProgress: (_e, text) => {
        if (!progress) c.cancel();
        progress = text;
      },
    });
    const r = await outcome;
    expect(progress).not.toBe('');
    expect(r.interrupted).toBe(true);
    expect(r.restarted).toBe(false); // stopped by the kernel's poll, not by terminating the thread
    expect(r.errorText).toMatch(/^<input>:2:7: error: .*interrupted/);
    const next = await c.run('print 2^100;');
    expect(next.prints.map((p) => p.text)).toEqual(['1267650600228229401496703205376']);
  });

  it('without shared memory, Stop terminates the worker and starts a fresh one', async () => {
    client = new VdlWorkerClient(threadWorker, { sharedMemory: false });
    expect(client.interruptMode).toBe('terminate');
    const c = client;
    let stopped = false;
    const r = await c.run('import "stdlib/systems.vdl";\nprint gb(cyclic(7));', {
      onProgress: () => {
        if (!stopped) c.cancel();
        stopped = true;
      },
    });
    expect(r).toMatchObject({ ok: false, interrupted: true, restarted: true });
    await c.ready;
    expect((await c.run('print 3 * 7;')).prints.map((p) => p.text)).toEqual(['21']);
  });
});
