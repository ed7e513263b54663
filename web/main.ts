/// <reference lib="dom" />
// The playground page: an editor coloured by vdl's lexer, runs in a Web Worker (the worker bundle is
// embedded and started from a Blob, so the page is one self-contained file), a progress line and a
// Stop button, results as text, typeset LaTeX (MathML, web/latex-mathml.ts) and provenance, the
// examples and the standard library in two menus, and a link that carries the script in its fragment.
import { STDLIB_SOURCES } from '../src/lang/stdlib-sources.js';
import { VdlWorkerClient, type WorkerLike } from '../src/browser/client.js';
import type { PrintedLine } from '../src/browser/protocol.js';
import { EXAMPLES } from 'vdl:examples';
import { escapeHtml, highlightHtml } from './highlight.js';
import { latexToMathml } from './latex-mathml.js';
import { decodeScript, encodeScript } from './share.js';

const FILE = 'playground.vdl';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const editor = $<HTMLTextAreaElement>('editor');
const highlight = $<HTMLPreElement>('highlight');
const output = $<HTMLDivElement>('output');
const progress = $<HTMLSpanElement>('progress');
const runButton = $<HTMLButtonElement>('run');
const stopButton = $<HTMLButtonElement>('stop');
const seedInput = $<HTMLInputElement>('seed');
const shareLink = $<HTMLInputElement>('share-link');
const showLatex = $<HTMLInputElement>('show-latex');
const showHow = $<HTMLInputElement>('show-how');

let errorRange: [number, number] | undefined;

function render(): void {
  highlight.innerHTML = highlightHtml(editor.value, errorRange);
  highlight.scrollTop = editor.scrollTop;
  highlight.scrollLeft = editor.scrollLeft;
}

function setSource(source: string): void {
  editor.value = source;
  errorRange = undefined;
  render();
}

editor.addEventListener('input', () => {
  errorRange = undefined;
  render();
});
editor.addEventListener('scroll', () => {
  highlight.scrollTop = editor.scrollTop;
  highlight.scrollLeft = editor.scrollLeft;
});
editor.addEventListener('keydown', (e) => {
  if (e.key === 'Tab' && !e.shiftKey) {
    e.preventDefault();
    editor.setRangeText('  ', editor.selectionStart, editor.selectionEnd, 'end');
    render();
  } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    void runScript();
  }
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && client.busy) client.cancel();
});

// ---------------------------------------------------------------------------------------------
// Examples and the standard library

function fillMenu(select: HTMLSelectElement, entries: Readonly<Record<string, string>>, prefix: string): void {
  for (const name of Object.keys(entries).sort()) {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = prefix + name;
    select.append(option);
  }
  select.addEventListener('change', () => {
    const source = entries[select.value];
    if (source !== undefined) setSource(source);
    select.value = '';
  });
}
fillMenu($<HTMLSelectElement>('examples'), EXAMPLES, 'examples/');
fillMenu($<HTMLSelectElement>('stdlib'), STDLIB_SOURCES, 'stdlib/');

// ---------------------------------------------------------------------------------------------
// Running

function startWorker(): WorkerLike {
  const url = URL.createObjectURL(new Blob([__VDL_WORKER_SOURCE__], { type: 'text/javascript' }));
  const worker = new Worker(url);
  return {
    postMessage: (m) => worker.postMessage(m),
    addEventListener: (_type, listener) => worker.addEventListener('message', (e) => listener({ data: e.data })),
    terminate: () => worker.terminate(),
  };
}

const client = new VdlWorkerClient(startWorker);
$<HTMLSpanElement>('mode').textContent =
  client.interruptMode === 'shared-memory' ? 'Stop: interrupt polled by the kernels (shared memory)' : 'Stop: terminates and restarts the worker';

function printRow(p: PrintedLine): HTMLElement {
  const row = document.createElement('div');
  row.className = 'print';
  row.innerHTML = `<pre class="text">${escapeHtml(p.text)}</pre>`;
  if (showLatex.checked && p.latex && p.latex !== p.text) {
    const latex = document.createElement('div');
    latex.className = 'latex';
    const math = latexToMathml(p.latex);
    latex.innerHTML = math ?? `<code>${escapeHtml(p.latex)}</code>`;
    latex.title = p.latex;
    row.append(latex);
  }
  // A plot is drawn as an image of its SVG document: an <img> never runs scripts in the document.
  for (const svg of p.plots) {
    const img = document.createElement('img');
    img.className = 'plot';
    img.alt = p.text;
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    row.append(img);
  }
  if (showHow.checked && p.how.length > 0) {
    const how = document.createElement('div');
    how.className = 'how';
    how.textContent = p.how.join(' · ');
    row.append(how);
  }
  return row;
}

async function runScript(): Promise<void> {
  if (client.busy) return;
  output.replaceChildren();
  errorRange = undefined;
  render();
  runButton.disabled = true;
  stopButton.disabled = false;
  const started = performance.now();
  let stage = 'running';
  const tick = () => {
    progress.textContent = `${stage} (${((performance.now() - started) / 1000).toFixed(1)} s)`;
  };
  tick();
  const timer = setInterval(tick, 100);
  const seed = Number.parseInt(seedInput.value, 10);
  const r = await client.run(editor.value, {
    file: FILE,
    seed: Number.isFinite(seed) ? seed : undefined,
    onPrint: (p) => output.append(printRow(p)),
    onProgress: (_e, text) => {
      stage = text;
    },
  });
  clearInterval(timer);
  runButton.disabled = false;
  stopButton.disabled = true;
  if (!r.ok) {
    const pre = document.createElement('pre');
    pre.className = 'error';
    pre.textContent = r.errorText;
    output.append(pre);
    const d = r.diagnostics.find((x) => x.span.file === FILE);
    if (d) {
      errorRange = [d.span.startOffset, d.span.endOffset]; // end exclusive
      render();
    }
  }
  progress.textContent = r.interrupted
    ? `stopped after ${r.seconds.toFixed(1)} s${r.restarted ? ' (worker restarted)' : ''}`
    : `${r.ok ? 'done' : 'failed'} in ${r.seconds.toFixed(2)} s`;
}

runButton.addEventListener('click', () => void runScript());
stopButton.addEventListener('click', () => client.cancel());

// ---------------------------------------------------------------------------------------------
// Sharing

$<HTMLButtonElement>('share').addEventListener('click', () => {
  const hash = encodeScript(editor.value);
  history.replaceState(null, '', hash);
  shareLink.value = location.href;
  shareLink.select();
  void navigator.clipboard?.writeText(location.href).catch(() => {});
});

function loadFromHash(): boolean {
  const source = decodeScript(location.hash);
  if (source === null) return false;
  setSource(source);
  return true;
}
window.addEventListener('hashchange', () => void loadFromHash());

if (!loadFromHash()) setSource(EXAMPLES['tour.vdl'] ?? '');

// ---------------------------------------------------------------------------------------------
// Offline: a service worker keeps the page (one file) for the next visit without a network.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('sw.js').catch(() => {});
}
