// Fuzz inputs for vdl (issue 15): seeded generators of hostile and careless scripts, shared by the
// fuzz runner (bench/fuzz.js, `npm run fuzz -- --count N`) and the suite (test/lang/fuzz-scale.test.ts).
//
// Kinds of input, each from a seeded generator (mulberry32, so a failure is reproduced by its seed
// and index):
//   soup     random token sequences (keywords, operators, names of built-ins, literals, comments);
//   mutate   an example or standard-library module with 1-4 edits (delete, insert a token, swap two
//            characters, duplicate a line);
//   numbers  an example or module with numeric literals replaced by huge, zero, negative, fractional
//            or float values;
//   rings    an example or module with a foreign ring declared between statements, or QQ swapped
//            for a prime field;
//   call     one call of a built-in on arguments drawn from a pool of values of every kind
//            (numbers, strings, lists, matrices, records, polynomials of two rings, ideals,
//            varieties, forms, functions, degenerate ones: zero matrix, unit ideal, empty variety).

/** mulberry32: a small seeded generator of floats in [0, 1). */
export function makeRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
  };
}

const TOKENS = [
  'ring', 'R', 'S', '=', 'QQ', 'GF(7)', 'GF(2)', '[', ']', 'x', 'y', 'z', 'a', ',', ';', 'let', 'fn', 'f', 'g', '(', ')', '{', '}',
  'print', 'assert', 'for', 'in', '..', '1..3', 'if', 'else', 'return', 'seed', 'use', 'import', '"stdlib/systems.vdl"', '"nope.vdl"',
  '"../x.vdl"', '"/etc/hostname"', 'order', 'lex', 'grevlex', 'weighted(1, 2)', 'ideal', 'variety', '+', '-', '*', '/', '^', '==',
  '!=', '<', '<=', 'and', 'or', 'not', '.', 'true', 'false', '0', '1', '-1', '2', '0.5', '1/2', '10^30', '2^31', '10^9',
  '999999999999999999999999999', '1e308', '1e-400', '"s"', '"', '"unterminated', '/*', '*/', '//', '\n', '@', '#', '$', 'w[1,2]',
  'x[1..2]', '__proto__', 'constructor', '{__proto__: 1}', '[[1, 2], [3, 4]]', '[]', '{}', 'none', 'timing', 'how', 'gb', 'dim',
  'degree', 'solve', 'det', 'V', 'katsura(3)', 'veronese(2, 2)',
];

const NUMBERS = ['0', '-1', '1', '10^30', '2^31', '2^31 - 1', '-(2^31)', '1/3', '-7/2', '0.0', '1e-9', '1e300', '10^9', '999999999999999999999999', '100000'];

/** Values of every kind, for the arguments of built-in calls (in a script that declares R and S). */
const VALUES = [
  '0', '1', '-1', '2', '1/2', '0.5', '-0.5', '10^30', '10^9', '"s"', '""', 'true', 'false', '[]', '[1, 2]', '[1, 2, 3]', '[[1, 2], [3, 4]]',
  '[[0, 0], [0, 0]]', '[[1, 0], [0, 1]]', '[[1, 2, 3]]', '[[x, y], [y, x]]', '{a: 1}', '{__proto__: 1}', 'x', 'y', 'x + y', 'x^2 - y',
  '0 * x', 'x^3 - 2*x + 1', 'a', 'a + 1', 'ideal(x)', 'ideal(x, y)', 'ideal(1)', 'ideal(0)', 'ideal(x^2 - y, y^2 - 1)', 'V(x)',
  'V(ideal(1))', 'V(x^2 + y^2 - 1)', 'R', 'S', 'det', 'dim', 'fn1', 'diag(1, 0)', 'identity(2)', 'form([[1, 0], [0, 1]])', '1..3',
  '[x, y]', '[0, 0]', 'veronese(2, 2)', 'linear([1, 1])',
];

const PRELUDE = 'ring S = GF(7)[a];\nring R = QQ[x, y];\nfn fn1(t) = t;\n';

/** The generator of inputs: `next(rng)` gives `{ kind, source }`. */
export function fuzzInputs({ examples, builtins }) {
  const mutateOne = (rng, source) => {
    const edits = 1 + rng.int(4);
    for (let e = 0; e < edits; e++) {
      const at = rng.int(source.length + 1);
      const kind = rng.int(4);
      if (kind === 0) source = source.slice(0, at) + source.slice(at + 1 + rng.int(5));
      else if (kind === 1) source = `${source.slice(0, at)} ${rng.pick(TOKENS)} ${source.slice(at)}`;
      else if (kind === 2) source = source.slice(0, at) + source.slice(at + 1, at + 2) + source.slice(at, at + 1) + source.slice(at + 2);
      else {
        const lines = source.split('\n');
        const k = rng.int(lines.length);
        lines.splice(k, 0, lines[k]);
        source = lines.join('\n');
      }
    }
    return source;
  };
  const kinds = {
    soup: (rng) => Array.from({ length: rng.int(40) }, () => rng.pick(TOKENS)).join(rng.next() < 0.8 ? ' ' : ''),
    mutate: (rng) => mutateOne(rng, rng.pick(examples)),
    numbers: (rng) => rng.pick(examples).replace(/\b\d+(\.\d+)?\b/g, (m) => (rng.next() < 0.3 ? `(${rng.pick(NUMBERS)})` : m)),
    rings: (rng) => {
      const source = rng.pick(examples);
      if (rng.next() < 0.5) return source.replace(/\bQQ\b/g, () => rng.pick(['GF(2)', 'GF(7)', 'GF(32003)', 'QQ']));
      const cuts = [...source.matchAll(/;\n/g)].map((m) => m.index + 2);
      const at = cuts.length > 0 ? rng.pick(cuts) : 0;
      return `${source.slice(0, at)}ring Z${rng.int(9)} = ${rng.pick(['GF(7)', 'QQ', 'GF(2)'])}[${rng.pick(['a', 'x', 'x, y', 'u[1..2]'])}];\n${source.slice(at)}`;
    },
    call: (rng) => {
      const name = rng.pick(builtins);
      const args = Array.from({ length: rng.int(4) }, () => rng.pick(VALUES));
      if (rng.next() < 0.2) args.push(`${rng.pick(['method', 'certified', 'order', 'prime', 'seed', 'data'])} = ${rng.pick(VALUES)}`);
      const use = rng.next() < 0.3 ? 'use S;\n' : '';
      return `${PRELUDE}${use}print ${name}(${args.join(', ')});\n`;
    },
  };
  // Cheap kinds more often: a soup or a call stops at its first error, an example runs to its deadline.
  const weights = { soup: 3, call: 4, mutate: 1, numbers: 1, rings: 1 };
  const names = Object.keys(kinds);
  const wheel = names.flatMap((n) => Array(weights[n]).fill(n));
  return {
    kinds: names,
    next(rng) {
      const kind = rng.pick(wheel);
      return { kind, source: kinds[kind](rng) };
    },
  };
}
