// The evaluation side of the worker protocol (src/browser/protocol.ts), independent of where it runs:
// `serve(port)` answers run requests on any PortLike (a Web Worker's global scope in
// src/browser/worker.ts; a worker thread's port in the Node tests). Each run is a fresh `run()` of the
// library with the embedded standard library as its only module source; prints and progress are
// posted as they happen, and the interrupt word is polled by the kernels through the run's signal.
import { describeProvenance } from '../math/provenance.js';
import { describeProgress } from '../lang/progress-text.js';
import { toLatex } from '../lang/print.js';
import { provenanceOf } from '../lang/provenance.js';
import { formatDiagnostics, run } from '../lang/run.js';
import { stdlibResolver } from '../lang/modules.js';
import { isObject } from '../lang/values.js';
import { PLOT } from '../lang/objects/plot.js';
import type { PortLike, RunRequest, WorkerReply } from './protocol.js';

/** At most one progress message per interval: a host shows only the latest anyway. */
const PROGRESS_INTERVAL_MS = 50;

export function serve(port: PortLike): void {
  const post = (reply: WorkerReply) => port.postMessage(reply);
  port.addEventListener('message', (event) => {
    const request = event.data as RunRequest;
    if (request?.type === 'run') post(execute(request, post));
  });
  post({ type: 'ready' });
}

function execute(request: RunRequest, post: (reply: WorkerReply) => void): WorkerReply {
  const { id } = request;
  const flag = request.interrupt ? new Int32Array(request.interrupt) : null;
  let lastProgress = 0;
  const started = Date.now();
  const result = run(request.source, {
    file: request.file ?? '<input>',
    resolver: stdlibResolver,
    seed: request.seed,
    // The flag names the run to stop, so a late Stop can never stop the next run.
    signal: { get aborted() { return flag !== null && Atomics.load(flag, 0) === id; } },
    onProgress: (e) => {
      const now = Date.now();
      if (now - lastProgress < PROGRESS_INTERVAL_MS) return;
      lastProgress = now;
      post({ type: 'progress', id, event: { ...e }, text: describeProgress(e) });
    },
    onPrint: (record) => {
      const how = record.values.flatMap((v) => {
        const p = provenanceOf(v);
        return p ? [describeProvenance(p)] : [];
      });
      const plots = record.values.flatMap((v) => (isObject(PLOT, v) ? [v.data.svg] : []));
      post({ type: 'print', id, print: { text: record.text, latex: record.values.map(toLatex).join(', '), how, plots, line: record.span.startLine } });
    },
  });
  return {
    type: 'done',
    id,
    ok: result.ok,
    diagnostics: result.diagnostics,
    errorText: formatDiagnostics(result.diagnostics, result.sources),
    interrupted: result.diagnostics.some((d) => d.code === 'interrupted'),
    seconds: (Date.now() - started) / 1000,
  };
}
