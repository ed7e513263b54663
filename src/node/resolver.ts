// Module access on Node: the ModuleResolver (src/lang/modules.ts) that the CLI and the REPL give to the
// language. `stdlib/...` names are the embedded standard library (so the installed package and the
// sources agree, and no path to the package is needed); any other name is a file, relative to the
// folder of the importing file, or to the working directory for input that is not a file (a REPL line).
// Representation: a file's id is its absolute path; its display name is the path relative to the
// working directory when the file lies under it (`examples/a.vdl`), else the absolute path.
//
// Confinement (scripts are not always written by the person running them): a module imported by a
// file must lie under one of the resolver's roots, both as written (`..` and absolute paths are resolved first) and after following symbolic
// links (realpath). A path outside is refused before the file system is asked whether it exists, so
// imports cannot probe for files. Only regular files of at most `maxModuleBytes` are read, through one
// open descriptor (fstat, then read the same file: no check-then-read race, no blocking on a FIFO or
// /dev/zero). A refused file is never read, so its content cannot appear in a diagnostic.
// Roots: given (`roots`), they confine everything, top-level names included. Without them, the roots
// are the working directory and the folder of each top-level file the host names (the main script
// of a run, a REPL `:load`): what the person running vdl names is trusted, what a script imports
// stays under the script's folder.
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { isStdlibSpec, stdlibResolver, type ModuleResolver } from '../lang/modules.js';

export interface NodeResolverOptions {
  /** The folder that names are relative to when the importer is not a file (default: process.cwd()). */
  readonly cwd?: string;
  /**
   * The folders modules may be read from; `stdlib/...` is always available. Default: the working
   * directory and the folder of every top-level file located (importer null), which is not confined.
   */
  readonly roots?: readonly string[];
  /** The largest module read, in bytes (default 4 MB). */
  readonly maxModuleBytes?: number;
}

export const DEFAULT_MAX_MODULE_BYTES = 4 * 1024 * 1024;

/** Is `target` the folder `root` or inside it (both absolute, normalized)? */
function within(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

function realpathOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

export function nodeResolver(options: NodeResolverOptions = {}): ModuleResolver {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const fixed = options.roots !== undefined;
  const roots = (options.roots ?? [cwd]).map((r) => path.resolve(cwd, r));
  const realRoots = roots.map(realpathOrSelf);
  const addRoot = (folder: string) => {
    if (roots.includes(folder)) return;
    roots.push(folder);
    realRoots.push(realpathOrSelf(folder));
  };
  const maxBytes = options.maxModuleBytes ?? DEFAULT_MAX_MODULE_BYTES;
  const rootText = () => (roots.length === 1 ? `the folder ${roots[0]}` : `the folders ${roots.join(', ')}`);
  return {
    locate(spec, importer) {
      if (isStdlibSpec(spec) || (importer !== null && isStdlibSpec(importer))) return stdlibResolver.locate(spec, importer);
      if (spec.includes('\0')) return { error: `cannot import '${spec.replace(/\0/g, '\\0')}': a module name cannot contain a NUL character` };
      const id = path.resolve(importer === null ? cwd : path.dirname(importer), spec);
      if (importer === null && !fixed) {
        addRoot(path.dirname(id));
      } else if (!roots.some((root) => within(root, id))) {
        return { error: `cannot import '${spec}': it is outside ${rootText()} (imports stay under the script's folder)` };
      }
      const relative = path.relative(cwd, id);
      const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
      return { id, name: inside ? relative.split(path.sep).join('/') : id };
    },
    read(location) {
      if (isStdlibSpec(location.id)) return stdlibResolver.read(location);
      const refuse = (why: string) => ({ error: `cannot read module '${location.name}' (${why})` });
      let real: string;
      try {
        real = realpathSync(location.id);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return refuse(code === 'ENOENT' || code === 'ENOTDIR' ? `no such file: ${location.id}` : (code ?? 'unreadable'));
      }
      if (!realRoots.some((root) => within(root, real))) return refuse(`it links to a file outside ${rootText()}`);
      let fd: number;
      try {
        fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      } catch (e) {
        return refuse((e as NodeJS.ErrnoException).code ?? 'unreadable');
      }
      try {
        const stat = fstatSync(fd);
        if (stat.isDirectory()) return refuse('it is a folder');
        if (!stat.isFile()) return refuse('it is not a regular file');
        if (stat.size > maxBytes) return refuse(`it has ${stat.size} bytes, more than the limit of ${maxBytes} for a module`);
        const text = readFileSync(fd, 'utf8');
        if (Buffer.byteLength(text) > maxBytes) return refuse(`it has more than the limit of ${maxBytes} bytes for a module`);
        return text;
      } catch (e) {
        return refuse((e as NodeJS.ErrnoException).code ?? 'unreadable');
      } finally {
        closeSync(fd);
      }
    },
  };
}
