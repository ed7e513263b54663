// "Did you mean": the optimal string alignment distance (Levenshtein's edits plus the transposition
// of two adjacent characters, each costing 1; Damerau 1964, in the restricted form without edits
// between the swapped characters), and the nearest candidates to a word. One kernel for every
// suggestion vdl makes: unknown names (check.ts), the REPL's :help and commands, the CLI's options.

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`: `slove` -> `solve` is 1. */
export function editDistance(a: string, b: string): number {
  // Three rows of the dynamic-programming table: i-2, i-1, i.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The candidates nearest to `word` (case-insensitively), at most `limit`, nearest first: those within
 * `maxDistance` edits (default: 1 for short words, a third of the length for longer ones, at most 2).
 */
export function nearest(word: string, candidates: Iterable<string>, limit = 3, maxDistance = Math.min(2, Math.max(1, Math.floor(word.length / 3)))): string[] {
  const w = word.toLowerCase();
  return [...new Set(candidates)]
    .map((c) => ({ c, d: editDistance(w, c.toLowerCase()) }))
    .filter((x) => x.d > 0 || x.c !== word)
    .filter((x) => x.d <= maxDistance)
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, limit)
    .map((x) => x.c);
}

/**
 * Names other systems use for vdl's built-ins (Macaulay2, Singular, Maple, SymPy, Mathematica), so
 * that `:help groebner` and an unknown `groebner(I)` point at `gb`. Keys are compared in lower case.
 */
export const ALIASES: Readonly<Record<string, string>> = {
  groebner: 'gb',
  groebnerbasis: 'gb',
  std: 'gb',
  slimgb: 'gb',
  reduce: 'nf',
  normalform: 'nf',
  ismember: 'member',
  contains: 'member',
  elim: 'eliminate',
  elimination: 'eliminate',
  sat: 'saturate',
  saturation: 'saturate',
  intersection: 'intersect',
  rad: 'radical',
  dimension: 'dim',
  krulldim: 'dim',
  codimension: 'codim',
  hilbert: 'hilbertSeries',
  hilbertseries: 'hilbertSeries',
  hilb: 'hilbertSeries',
  nsolve: 'solve',
  solvesystem: 'solve',
  roots: 'solve',
  derivative: 'diff',
  determinant: 'det',
  inv: 'inverse',
  substitute: 'subs',
  sub: 'subs',
  zeros: 'V',
  singularlocus: 'singular',
  implicitize: 'image',
  eddegree: 'edDegree',
  len: 'length',
  size: 'length',
  type: 'typeOf',
};

/** The vdl name another system uses `name` for, if any. */
export function aliasOf(name: string): string | undefined {
  const target = ALIASES[name.toLowerCase()];
  return target !== undefined && target !== name ? target : undefined;
}
