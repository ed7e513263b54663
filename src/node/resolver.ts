// Module access on Node: the ModuleResolver (src/lang/modules.ts) that the CLI and the REPL give to the
// language. `stdlib/...` names are the embedded standard library (so the installed package and the
// sources agree, and no path to the package is needed); any other name is a file, relative to the
// folder of the importing file, or to the working directory for input that is not a file (a REPL line).
// Representation: a file's id is its absolute path; its display name is the path relative to the
// working directory when the file lies under it (`examples/a.vdl`), else the absolute path.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isStdlibSpec, stdlibResolver, type ModuleResolver } from '../lang/modules.js';

export interface NodeResolverOptions {
  /** The folder that names are relative to when the importer is not a file (default: process.cwd()). */
  readonly cwd?: string;
}

export function nodeResolver(options: NodeResolverOptions = {}): ModuleResolver {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  return {
    locate(spec, importer) {
      if (isStdlibSpec(spec) || (importer !== null && isStdlibSpec(importer))) return stdlibResolver.locate(spec, importer);
      const id = path.resolve(importer === null ? cwd : path.dirname(importer), spec);
      const relative = path.relative(cwd, id);
      const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
      return { id, name: inside ? relative.split(path.sep).join('/') : id };
    },
    read(location) {
      if (isStdlibSpec(location.id)) return stdlibResolver.read(location);
      try {
        return readFileSync(location.id, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable');
        return { error: `cannot read module '${location.name}' (${why}: ${location.id})` };
      }
    },
  };
}
