// Modules the playground's build (web/build.js) provides: the example scripts (examples/*.vdl) and the
// worker bundle's source text (started from a Blob, so the page is one file).
declare module 'vdl:examples' {
  export const EXAMPLES: Readonly<Record<string, string>>;
}
declare const __VDL_WORKER_SOURCE__: string;
