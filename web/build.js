// Builds the playground (web/) into one self-contained page: esbuild bundles the evaluation worker
// (src/browser/worker.ts, the whole library with the embedded standard library) and the page's code
// (web/main.ts, with examples/*.vdl as the virtual module `vdl:examples` and the worker's source text
// as a constant, started from a Blob), and inlines both into web/index.html. Beside it goes the
// service worker (web/sw.js) that keeps the page for offline use.
//   node web/build.js [outdir]     (default web/dist)
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

/** The example scripts, by file name (examples/*.vdl). */
function examples() {
  const dir = path.join(root, 'examples');
  const out = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.vdl')).sort()) out[name] = readFileSync(path.join(dir, name), 'utf8');
  return out;
}

const examplesPlugin = {
  name: 'vdl-examples',
  setup(b) {
    b.onResolve({ filter: /^vdl:examples$/ }, () => ({ path: 'examples', namespace: 'vdl-examples' }));
    b.onLoad({ filter: /.*/, namespace: 'vdl-examples' }, () => ({
      contents: `export const EXAMPLES = ${JSON.stringify(examples())};`,
      loader: 'js',
      watchFiles: [path.join(root, 'examples')],
    }));
  },
};

const common = { bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: true, write: false, metafile: true, logLevel: 'silent', legalComments: 'none' };

/** Bundle the worker and the page; returns their code and the esbuild metafiles. */
export async function bundlePlayground() {
  const worker = await build({ ...common, entryPoints: [path.join(root, 'src/browser/worker.ts')] });
  const workerCode = worker.outputFiles[0].text;
  const app = await build({
    ...common,
    entryPoints: [path.join(here, 'main.ts')],
    plugins: [examplesPlugin],
    define: { __VDL_WORKER_SOURCE__: JSON.stringify(workerCode) },
  });
  return { workerCode, appCode: app.outputFiles[0].text, metafiles: { worker: worker.metafile, app: app.metafile } };
}

/** Write index.html (everything inlined) and sw.js into `outdir`; returns their paths and sizes. */
export async function buildPlayground(outdir = path.join(here, 'dist')) {
  const { workerCode, appCode } = await bundlePlayground();
  // `</script` can occur in the code only inside strings, templates, regular expressions or comments,
  // where `<\/script` means the same.
  const inline = appCode.replace(/<\/script/gi, '<\\/script');
  const template = readFileSync(path.join(here, 'index.html'), 'utf8');
  const html = template.replace('<!--APP-->', () => `<script>${inline}</script>`);
  const version = createHash('sha256').update(html).digest('hex').slice(0, 16);
  const sw = readFileSync(path.join(here, 'sw.js'), 'utf8').replace('__VERSION__', version);
  mkdirSync(outdir, { recursive: true });
  writeFileSync(path.join(outdir, 'index.html'), html);
  writeFileSync(path.join(outdir, 'sw.js'), sw);
  return { outdir, version, bytes: { html: html.length, worker: workerCode.length, app: appCode.length - JSON.stringify(workerCode).length } };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await buildPlayground(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`built ${path.relative(process.cwd(), r.outdir)}/index.html (${(r.bytes.html / 1024).toFixed(0)} KB, worker ${(r.bytes.worker / 1024).toFixed(0)} KB) and sw.js`);
}
