// `npm run web`: build the playground and serve web/dist on localhost. The page needs only a static
// server; this one also sends the cross-origin isolation headers (COOP/COEP), which give the page
// SharedArrayBuffer, so that Stop interrupts inside the kernels instead of restarting the worker.
//   node web/serve.js [--port N] [--no-build]     (default port 8321, or $PORT)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPlayground } from './build.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json' };

/**
 * Serve `dir` on 127.0.0.1:`port` (0: any free port); resolves to the server and its URL. With
 * `isolated = false` the isolation headers are left out, as on a plain static host (the page then
 * stops a run by restarting its worker).
 */
export function servePlayground(dir = path.join(here, 'dist'), port = 0, isolated = true) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const name = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.join(dir, name);
    if (!file.startsWith(dir + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        ...(isolated ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } : {}),
        'Cache-Control': 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/` });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--port');
  const port = at >= 0 ? Number(args[at + 1]) : Number(process.env.PORT ?? 8321);
  if (!args.includes('--no-build')) {
    const r = await buildPlayground();
    console.log(`built web/dist/index.html (${(r.bytes.html / 1024).toFixed(0)} KB)`);
  }
  const { url } = await servePlayground(path.join(here, 'dist'), port);
  console.log(`vdl playground: ${url}  (Ctrl-C stops)`);
}
