// Module access: how `import "spec";` finds a module. The language core never touches a file system; it
// asks a ModuleResolver, which the host supplies (src/node/resolver.ts reads files; the default,
// `stdlibResolver`, knows only the standard library, embedded in src/lang/stdlib-sources.ts).
//
// Representation: a module has a canonical id (the key of every cache, and its identity when looking
// for cycles), a display name (the `file` of its spans, what diagnostics and cycle messages show), and
// its source text. A ModuleLoader is the one place that asks the resolver: per run (or per REPL
// session) it locates, reads and parses each module once, so the static checks and the evaluator see
// the same text. The checker and the evaluator each walk the imports depth-first and keep the chain of
// modules being imported; a module already on the chain is an import cycle (as in any depth-first
// search: a back edge to a vertex still on the stack, Tarjan 1972).
import type { Program, Span } from './ast.js';
import { diagnostic, type Diagnostic } from './diagnostics.js';
import { STDLIB_SOURCES } from './stdlib-sources.js';

/** Where a module lives: its canonical id and the name diagnostics show. */
export interface ModuleLocation {
  readonly id: string;
  readonly name: string;
}

/** Why a module could not be located or read, in words for the user. */
export interface ModuleFailure {
  readonly error: string;
}

/** Module access, supplied by the host. */
export interface ModuleResolver {
  /**
   * Where `spec` lives when imported from the module with id `importer` (null for input that is not a
   * module, such as a REPL line or a string run without a file).
   */
  locate(spec: string, importer: string | null): ModuleLocation | ModuleFailure;
  /** The source text of a located module. */
  read(location: ModuleLocation): string | ModuleFailure;
}

export function isFailure(x: ModuleLocation | string | ModuleFailure): x is ModuleFailure {
  return typeof x === 'object' && 'error' in x;
}

const STDLIB_PREFIX = 'stdlib/';

/** The standard library's module names, `stdlib/systems.vdl`, ... */
export function stdlibModules(): string[] {
  return Object.keys(STDLIB_SOURCES).map((f) => STDLIB_PREFIX + f).sort();
}

/** Is `spec` (or an id) a standard-library name? */
export function isStdlibSpec(spec: string): boolean {
  return spec.startsWith(STDLIB_PREFIX);
}

/**
 * The standard library only, from the embedded sources: `stdlib/NAME.vdl` anywhere, and relative
 * names inside the standard library. The library's default; it needs no file system.
 */
export const stdlibResolver: ModuleResolver = {
  locate(spec, importer) {
    const id = isStdlibSpec(spec) ? normalize(spec) : importer !== null && isStdlibSpec(importer) ? normalize(`${STDLIB_PREFIX}${spec}`) : null;
    if (id === null) {
      return { error: `cannot import '${spec}': only the standard library (stdlib/...) is available here; a host with files passes a resolver such as nodeResolver() from 'vdl/node'` };
    }
    if (!Object.hasOwn(STDLIB_SOURCES, id.slice(STDLIB_PREFIX.length))) {
      return { error: `no module '${spec}' in the standard library (it has ${stdlibModules().join(', ')})` };
    }
    return { id, name: id };
  },
  read(location) {
    const file = location.id.slice(STDLIB_PREFIX.length);
    return Object.hasOwn(STDLIB_SOURCES, file) ? STDLIB_SOURCES[file]! : { error: `no module '${location.id}' in the standard library` };
  },
};

/** `a/./b/../c` -> `a/c` for '/'-separated names (a leading `..` that leaves the root is kept). */
function normalize(name: string): string {
  const out: string[] = [];
  for (const part of name.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

export type ParseFunction = (source: string, file: string) => { program: Program; diagnostics: Diagnostic[] };

/** A module located, read and parsed (its diagnostics are syntax errors; the program is then partial). */
export interface LoadedModule extends ModuleLocation {
  readonly program: Program;
  readonly diagnostics: readonly Diagnostic[];
}

export type LoadResult = { readonly ok: true; readonly module: LoadedModule } | { readonly ok: false; readonly diagnostic: Diagnostic };

/** Reads each module once, through a resolver, for one run or one session. */
export class ModuleLoader {
  /** Source text by display name: every input and module, for printing carets under errors. */
  readonly sources = new Map<string, string>();
  private readonly ids = new Map<string, string>();
  private readonly loaded = new Map<string, LoadResult>();

  constructor(
    readonly resolver: ModuleResolver,
    private readonly parse: ParseFunction,
  ) {}

  /**
   * Records a top-level input (the main file, a REPL line) named `name`: its source, and its id, so
   * that its relative imports resolve and an import of it is recognised as a cycle. Names in angle
   * brackets (`<input>`) are not files; a name the resolver cannot locate is its own id.
   */
  addInput(name: string, source: string): void {
    this.sources.set(name, source);
    const location = name.startsWith('<') ? null : this.resolver.locate(name, null);
    this.ids.set(name, location && !isFailure(location) ? location.id : name);
  }

  /** The location of the input or module whose spans carry the file name `name`. */
  locationOf(name: string): ModuleLocation {
    return { id: this.ids.get(name) ?? name, name };
  }

  /** The module `spec`, imported by a statement at `at`: located, read and parsed once per id. */
  load(spec: string, at: Span): LoadResult {
    const importer = at.file.startsWith('<') ? null : (this.ids.get(at.file) ?? at.file);
    const location = this.resolver.locate(spec, importer);
    if (isFailure(location)) return { ok: false, diagnostic: diagnostic('import-not-found', location.error, at) };
    const known = this.loaded.get(location.id);
    if (known) return known;
    const source = this.resolver.read(location);
    let result: LoadResult;
    if (isFailure(source)) {
      result = { ok: false, diagnostic: diagnostic('import-not-found', source.error, at) };
    } else {
      this.sources.set(location.name, source);
      this.ids.set(location.name, location.id);
      const { program, diagnostics } = this.parse(source, location.name);
      result = { ok: true, module: { ...location, program, diagnostics } };
    }
    this.loaded.set(location.id, result);
    return result;
  }
}

/**
 * The message for importing `target` while `chain` (outermost first) is being imported, or null when
 * that is no cycle: "import cycle: a.vdl -> b.vdl -> a.vdl".
 */
export function importCycle(chain: readonly ModuleLocation[], target: ModuleLocation): string | null {
  const start = chain.findIndex((m) => m.id === target.id);
  if (start < 0) return null;
  return `import cycle: ${[...chain.slice(start), target].map((m) => m.name).join(' -> ')}`;
}
