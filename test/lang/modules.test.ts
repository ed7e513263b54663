// Module access through a ModuleResolver: files relative to the importing file (Node), the embedded
// standard library without a file system, each module read once per run, import cycles and
// self-imports as located errors in both the static checks and the run.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, formatDiagnostics, run, Session, type ModuleResolver } from '../../src/index.js';
import { nodeResolver } from '../../src/node/index.js';

/** A folder of .vdl files, and a Node resolver working in it. */
function folder(files: Record<string, string>): { dir: string; resolver: ModuleResolver; main: (name: string) => string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'vdl-modules-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return { dir, resolver: nodeResolver({ cwd: dir }), main: (name) => files[name]! };
}

/** Modules in memory; counts how often each is read. */
function memory(files: Record<string, string>): ModuleResolver & { reads: Map<string, number> } {
  const reads = new Map<string, number>();
  return {
    reads,
    locate: (spec) => (Object.hasOwn(files, spec) ? { id: `mem:${spec}`, name: spec } : { error: `no module '${spec}' in memory` }),
    read: (location) => {
      reads.set(location.name, (reads.get(location.name) ?? 0) + 1);
      return files[location.name]!;
    },
  };
}

describe('import cycles', () => {
  const { resolver, main } = folder({
    'a.vdl': 'import "b.vdl";\nlet fromA = 1;\n',
    'b.vdl': 'let fromB = 2;\nimport "a.vdl";\n',
    'self.vdl': 'let x = 1;\nimport "./self.vdl";\n',
    'c.vdl': 'import "d.vdl";\n',
    'd.vdl': 'import "e.vdl";\n',
    'e.vdl': 'import "d.vdl";\n',
  });

  it('a cycle through the main file is located at the import that closes it, in check and in run', () => {
    for (const result of [check(main('a.vdl'), { file: 'a.vdl', resolver }), run(main('a.vdl'), { file: 'a.vdl', resolver, skipCheck: true })]) {
      expect(result.ok).toBe(false);
      expect(result.diagnostics).toHaveLength(1);
      expect(formatDiagnostics(result.diagnostics, result.sources)).toBe(
        'b.vdl:2:8: error: import cycle: a.vdl -> b.vdl -> a.vdl\n  import "a.vdl";\n         ^~~~~~~',
      );
    }
    // run checks first by default, and reports the same
    expect(run(main('a.vdl'), { file: 'a.vdl', resolver }).diagnostics.map((d) => d.message)).toEqual(['import cycle: a.vdl -> b.vdl -> a.vdl']);
  });

  it('a self-import is a cycle of length one', () => {
    for (const result of [check(main('self.vdl'), { file: 'self.vdl', resolver }), run(main('self.vdl'), { file: 'self.vdl', resolver, skipCheck: true })]) {
      expect(result.diagnostics.map((d) => [d.code, d.message, d.span.file, d.span.startLine])).toEqual([
        ['import-cycle', 'import cycle: self.vdl -> self.vdl', 'self.vdl', 2],
      ]);
    }
  });

  it('a cycle between modules below the main file names only the modules on it', () => {
    for (const result of [check(main('c.vdl'), { file: 'c.vdl', resolver }), run(main('c.vdl'), { file: 'c.vdl', resolver, skipCheck: true })]) {
      expect(result.diagnostics.map((d) => [d.message, d.span.file, d.span.startLine])).toEqual([['import cycle: d.vdl -> e.vdl -> d.vdl', 'e.vdl', 1]]);
    }
  });

  it('importing the same module twice without a cycle is no error', () => {
    const m = memory({ 'm.vdl': 'let one = 1;', 'n.vdl': 'import "m.vdl";\nlet two = one + 1;' });
    const r = run('import "m.vdl";\nimport "n.vdl";\nimport "m.vdl";\nprint one, two;', { resolver: m });
    expect(r.diagnostics).toEqual([]);
    expect(r.prints.map((p) => p.text)).toEqual(['1, 2']);
  });
});

describe('module resolution', () => {
  it('reads each module once per run: the checks and the evaluation see the same text', () => {
    const m = memory({ 'm.vdl': 'fn twice(x) = 2 * x;', 'n.vdl': 'import "m.vdl";\nlet four = twice(2);' });
    const r = run('import "n.vdl";\nimport "m.vdl";\nprint twice(four);', { resolver: m });
    expect(r.prints.map((p) => p.text)).toEqual(['8']);
    expect(Object.fromEntries(m.reads)).toEqual({ 'm.vdl': 1, 'n.vdl': 1 });
  });

  it('resolves names relative to the importing file, and shows them relative to the working folder', () => {
    const { resolver } = folder({
      'lib/geometry.vdl': 'import "helpers/two.vdl";\nlet three = two + 1;\n',
      'lib/helpers/two.vdl': 'let two = 2;\nprint 1/0;\n',
      'lib/ok.vdl': 'import "./helpers/../geometry.vdl";\n',
    });
    const failed = run('import "lib/geometry.vdl";', { resolver });
    expect(formatDiagnostics(failed.diagnostics, failed.sources)).toBe('lib/helpers/two.vdl:2:7: error: division by zero\n  print 1/0;\n        ^~~');
    const r = run('import "lib/ok.vdl";\nprint three;', { resolver, skipCheck: true });
    expect(r.prints.map((p) => p.text)).toEqual([]); // lib/helpers/two.vdl divides by zero before
    expect(r.diagnostics[0]!.span.file).toBe('lib/helpers/two.vdl');
  });

  it('a missing module is a located error naming it, in check and in run', () => {
    const { resolver } = folder({});
    for (const result of [check('\nimport "nowhere.vdl";', { resolver }), run('\nimport "nowhere.vdl";', { resolver, skipCheck: true })]) {
      expect(result.diagnostics).toHaveLength(1);
      const d = result.diagnostics[0]!;
      expect([d.code, d.span.startLine, d.span.startColumn]).toEqual(['import-not-found', 2, 8]);
      expect(d.message).toMatch(/^cannot read module 'nowhere\.vdl' \(no such file: .*nowhere\.vdl\)$/);
    }
  });

  it('the default resolver has the standard library and no file system', () => {
    const ok = run('import "stdlib/systems.vdl";\nprint vdim(katsura(3));'); // 2^3 solutions (Katsura 1990)
    expect(ok.prints.map((p) => p.text)).toEqual(['8']);
    const file = check('import "mine.vdl";');
    expect(file.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['import-not-found', "cannot import 'mine.vdl': only the standard library (stdlib/...) is available here; a host with files passes a resolver such as nodeResolver() from 'vdl/node'"],
    ]);
    const missing = check('import "stdlib/nothing.vdl";');
    expect(missing.diagnostics[0]!.message).toMatch(/^no module 'stdlib\/nothing\.vdl' in the standard library \(it has stdlib\/networks\.vdl, stdlib\/systems\.vdl/);
  });

  it('a syntax error in a module is reported at its place in the module', () => {
    const m = memory({ 'bad.vdl': 'let = 3;' });
    const r = check('import "bad.vdl";', { resolver: m });
    expect(r.diagnostics.map((d) => [d.code, d.span.file, d.span.startLine])).toEqual([['syntax', 'bad.vdl', 1]]);
  });
});

describe('Session.evaluate runs the static checks', () => {
  it('an input with a static error does not run at all', () => {
    const session = new Session();
    const r = session.evaluate('print 5;\nprint nope;');
    expect(r.prints).toEqual([]); // without the checks, `print 5` would have run
    expect(r.diagnostics.map((d) => [d.code, d.message, d.span.startLine])).toEqual([['unknown-name', "unknown name 'nope'", 2]]);
  });

  it('knows the names earlier inputs bound, and the arity of functions they defined', () => {
    const session = new Session();
    expect(session.evaluate('let a = 1;\nfn f(x) = x + a;').ok).toBe(true);
    expect(session.evaluate('print f(a);').prints.map((p) => p.text)).toEqual(['2']);
    const wrong = session.evaluate('print 7;\nprint f(1, 2);');
    expect(wrong.prints).toEqual([]);
    expect(wrong.diagnostics.map((d) => [d.code, d.message])).toEqual([['arity', 'f takes 1 argument, got 2']]);
  });

  it('reports import cycles of a session input through its resolver', () => {
    const m = memory({ 'p.vdl': 'import "q.vdl";', 'q.vdl': 'import "p.vdl";' });
    const session = new Session({ resolver: m });
    const r = session.evaluate('import "p.vdl";');
    expect(r.diagnostics.map((d) => [d.message, d.span.file])).toEqual([['import cycle: p.vdl -> q.vdl -> p.vdl', 'q.vdl']]);
  });
});
