// Types of web/build.js (a plain Node script, so that `npm run web` needs no compile step).
export function bundlePlayground(): Promise<{ workerCode: string; appCode: string; metafiles: { worker: unknown; app: unknown } }>;
export function buildPlayground(outdir?: string): Promise<{ outdir: string; version: string; bytes: { html: number; worker: number; app: number } }>;
