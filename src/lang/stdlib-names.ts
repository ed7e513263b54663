// The names the standard library defines: the top-level functions and `let` bindings of every
// embedded stdlib module (src/lang/stdlib-sources.ts), read with the real parser, with their
// parameters and the comment above each. The static checks use it to say which `import` defines an
// unknown name (`katsura` -> `import "stdlib/systems.vdl";`), and the REPL's :help and completion.
import { isFailure, stdlibModules, stdlibResolver } from './modules.js';
import { parseProgram } from './parse.js';

export interface StdlibDefinition {
  readonly name: string;
  readonly params: readonly string[];
  /** The module, as it is imported (stdlib/systems.vdl). */
  readonly file: string;
  /** The comment lines just above the definition, without the slashes. */
  readonly doc: string;
}

let cache: StdlibDefinition[] | undefined;

/** Every top-level function (and `let` name) of every standard-library module, in module order. */
export function stdlibDefinitions(): readonly StdlibDefinition[] {
  if (cache) return cache;
  const out: StdlibDefinition[] = [];
  for (const file of stdlibModules()) {
    const location = stdlibResolver.locate(file, null);
    const source = isFailure(location) ? location : stdlibResolver.read(location);
    if (isFailure(source)) continue;
    const lines = source.split('\n');
    const { program } = parseProgram(source, file);
    for (const stmt of program.body) {
      if (stmt.kind !== 'Fn' && stmt.kind !== 'Let') continue;
      const doc: string[] = [];
      for (let i = stmt.span.startLine - 2; i >= 0 && /^\s*\/\//.test(lines[i]!); i--) doc.unshift(lines[i]!.replace(/^\s*\/\/ ?/, ''));
      out.push({ name: stmt.name.name, params: stmt.kind === 'Fn' ? stmt.params.map((p) => p.name) : [], file, doc: doc.join('\n') });
    }
  }
  cache = out;
  return out;
}

/** The stdlib definition of `name`, if a module defines it. */
export function stdlibDefinition(name: string): StdlibDefinition | undefined {
  return stdlibDefinitions().find((d) => d.name === name);
}
