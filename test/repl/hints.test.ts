// Hints for a new user (issue 13): an unknown name that the standard library defines says which import
// defines it; :help suggests near spellings with transpositions (slove -> solve) and vdl's name for
// another system's (groebner -> gb). The distance is checked against its definition by brute force.
import { describe, expect, it } from 'vitest';
import { allBuiltins } from '../../src/lang/builtins/index.js';
import { check } from '../../src/lang/run.js';
import { stdlibDefinitions } from '../../src/lang/stdlib-names.js';
import { ALIASES, editDistance, nearest } from '../../src/lang/suggest.js';
import { ReplEngine } from '../../src/repl/engine.js';

describe('hints', () => {
  it('an unknown stdlib name says which import defines it, in the REPL and in scripts', () => {
    const e = new ReplEngine();
    const r = e.submit('let K = katsura(3);');
    expect(r.error).toBe(`<input 1>:1:9: error: unknown name 'katsura'\n  let K = katsura(3);\n          ^~~~~~~\n  note: import "stdlib/systems.vdl"; defines katsura`);
    // After the import the same line runs.
    expect(e.submit('import "stdlib/systems.vdl";\nlet K = katsura(3);').ok).toBe(true);
    const checked = check('print cyclic(4);', { file: 'x.vdl' });
    expect(checked.diagnostics[0]!.notes).toEqual(['import "stdlib/systems.vdl"; defines cyclic']);
    expect(stdlibDefinitions().map((d) => d.name)).toEqual(expect.arrayContaining(['katsura', 'cyclic']));
  });

  it('an unknown name from another system suggests vdl\'s', () => {
    expect(check('ring R = QQ[x]; print groebner(ideal(x));').diagnostics[0]!.notes).toEqual(["did you mean 'gb'?"]);
  });

  it(':help suggests transposed spellings and aliases', () => {
    const e = new ReplEngine();
    expect(e.submit(':help slove')).toMatchObject({ ok: false, error: expect.stringMatching(/did you mean solve\b/) });
    expect(e.submit(':help groebner')).toMatchObject({ ok: false, error: expect.stringMatching(/did you mean gb\b/) });
    expect(e.submit(':help GroebnerBasis').error).toMatch(/did you mean gb\b/);
    expect(e.submit(':help hilbert').error).toMatch(/did you mean hilbertSeries\b/);
    expect(e.submit(':help gbb').error).toContain('did you mean gb');
  });

  it('every alias names a built-in, and none shadows one', () => {
    const names = new Set(allBuiltins().map((b) => b.name));
    for (const [alias, target] of Object.entries(ALIASES)) {
      expect(names.has(target), `${alias} -> ${target}`).toBe(true);
      expect(names.has(alias), alias).toBe(false);
    }
  });
});

/** The optimal string alignment distance by its recursive definition (small words only). */
function osa(a: string, b: string): number {
  if (a === '') return b.length;
  if (b === '') return a.length;
  const cost = a.at(-1) === b.at(-1) ? 0 : 1;
  let d = Math.min(osa(a.slice(0, -1), b) + 1, osa(a, b.slice(0, -1)) + 1, osa(a.slice(0, -1), b.slice(0, -1)) + cost);
  if (a.length > 1 && b.length > 1 && a.at(-1) === b.at(-2) && a.at(-2) === b.at(-1)) d = Math.min(d, osa(a.slice(0, -2), b.slice(0, -2)) + 1);
  return d;
}

describe('editDistance', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('slove', 'solve')).toBe(1);
    expect(editDistance('solve', 'solve')).toBe(0);
    expect(editDistance('gb', 'gbb')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3); // OSA, not unrestricted Damerau (which gives 2)
  });

  it('agrees with the recursive definition on all short words over {a, b, c}', () => {
    const words = [''];
    for (let len = 1; len <= 4; len++) for (const w of words.filter((x) => x.length === len - 1)) for (const c of 'abc') words.push(w + c);
    for (let i = 0; i < words.length; i += 7) for (let j = 0; j < words.length; j += 5) expect(editDistance(words[i]!, words[j]!)).toBe(osa(words[i]!, words[j]!));
  });

  it('nearest orders by distance, then by name', () => {
    expect(nearest('slove', ['solve', 'sleeve', 'slope', 'gb'])).toEqual(['slope', 'solve']);
    expect(nearest('x', ['y', 'xx', 'abc'])).toEqual(['xx', 'y']);
  });
});
