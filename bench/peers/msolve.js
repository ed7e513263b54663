// msolve 0.7.5 as a peer (https://msolve.lip6.fr; Berthomieu, Eder, Safey El Din, "msolve: a library
// for solving polynomial systems", ISSAC 2021), for the benchmarks (bench/msolve.js) and the
// cross-check tests (test/peers/msolve.test.ts). Plain Node ESM, no dependency on vdl's build.
//
// Locating the binary: $MSOLVE, else the cache the shared build script fills
// (~/.cache/msolve-0.7.5/msolve); `locateMsolve({ build: true })` runs that script
// (../shared/peers/build-msolve.sh beside the repository, as in a fresh clone) when neither exists.
//
// Input (msolve's README and tutorial): line 1 the variables, line 2 the characteristic, then the
// polynomials separated by commas. We always name the variables x1..xn (vdl's names, such as
// W1[1,2], are not msolve names); results come back in that order.
//
// Output, parsed by a small reader of msolve's bracketed lists (`parseMsolveList`):
//   [-1]:                              no complex solution;
//   [1, nvars, -1, []]:                infinitely many (positive dimension);
//   [0, [1, [box, ...]]]:              real solving (default, QQ): one box per real solution, a box
//                                      being [[lo, hi], ...] per variable, lo and hi rationals
//                                      (dyadic, written `n / 2^k`), lo = hi for exact roots;
//   [0, PARAM, [1, [box, ...]]]:       with -P 1 the parametrization first, where
//   PARAM = [char, nvars, deg, vars, form, [1, [lw, lwp, [[v_i, c_i], ...]]]] and a univariate
//   polynomial is [degree, [coefficients by increasing degree]]; `deg` counts solutions with
//   multiplicity, lw is square-free, so deg(lw) is the number of distinct complex solutions.
// Times: msolve's own "msolve overall time  E sec (elapsed) / C sec (cpu)" line (printed with -v 1
// or more), so start-up and file I/O are left out.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MSOLVE_VERSION = '0.7.5';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared build script, where a fresh clone finds it (the repository sits beside ../shared). */
export const BUILD_SCRIPT = resolve(repoRoot, '..', 'shared', 'peers', 'build-msolve.sh');

/** Where the build script puts the binary by default. */
export const CACHED_BINARY = join(homedir(), '.cache', `msolve-${MSOLVE_VERSION}`, 'msolve');

/**
 * The msolve binary: `{ path }`, or `{ path: null, reason }` saying why there is none.
 * With `build: true`, runs the shared build script when no binary is found (minutes; it installs
 * Debian build dependencies).
 */
export function locateMsolve({ build = false } = {}) {
  const fromEnv = process.env.MSOLVE;
  if (fromEnv) {
    if (existsSync(fromEnv)) return { path: fromEnv };
    return { path: null, reason: `$MSOLVE is ${fromEnv}, which does not exist` };
  }
  if (existsSync(CACHED_BINARY)) return { path: CACHED_BINARY };
  if (!build) return { path: null, reason: `msolve not built (no $MSOLVE, no ${CACHED_BINARY}; run ${BUILD_SCRIPT})` };
  if (!existsSync(BUILD_SCRIPT)) return { path: null, reason: `msolve cannot be built: no build script at ${BUILD_SCRIPT}` };
  const r = spawnSync('bash', [BUILD_SCRIPT], { encoding: 'utf8' });
  const path = r.stdout.trim().split('\n').pop();
  if (r.status === 0 && path && existsSync(path)) return { path };
  const why = (r.stderr || r.error?.message || '').trim().split('\n').slice(-1)[0] || `exit status ${r.status}`;
  return { path: null, reason: `msolve could not be built (${BUILD_SCRIPT}: ${why})` };
}

// --- input ---------------------------------------------------------------------------------------

/** The msolve variable names x1..xn. */
export function msolveVariables(nvars) {
  return Array.from({ length: nvars }, (_, i) => `x${i + 1}`);
}

/** A coefficient as msolve reads it: a bigint, a safe integer, or a rational {num, den} (den > 0). */
function coefficientText(c) {
  if (typeof c === 'bigint') return c.toString();
  if (typeof c === 'number') {
    if (!Number.isSafeInteger(c)) throw new Error(`msolve input: coefficient ${c} is not an integer`);
    return String(c);
  }
  return c.den === 1n ? c.num.toString() : `${c.num}/${c.den}`;
}

/**
 * One polynomial in msolve's syntax, from vdl's plain data {mons, coeffs} (exponent vectors and
 * coefficients, as in src/math/poly.ts), in the variables x1..xn.
 */
export function msolvePolynomial(poly) {
  if (poly.mons.length === 0) return '0';
  let text = '';
  poly.mons.forEach((m, k) => {
    const factors = [];
    for (let i = 0; i < m.length; i++) if (m[i] > 0) factors.push(m[i] === 1 ? `x${i + 1}` : `x${i + 1}^${m[i]}`);
    let c = coefficientText(poly.coeffs[k]);
    const negative = c.startsWith('-');
    if (negative) c = c.slice(1);
    const term = factors.length === 0 ? c : c === '1' ? factors.join('*') : `${c}*${factors.join('*')}`;
    text += k === 0 ? (negative ? `-${term}` : term) : negative ? ` - ${term}` : ` + ${term}`;
  });
  return text;
}

/** The input file: variables x1..xn, the characteristic, the polynomials separated by commas. */
export function msolveInput(nvars, polys, characteristic = 0) {
  return `${msolveVariables(nvars).join(',')}\n${characteristic}\n${polys.map(msolvePolynomial).join(',\n')}\n`;
}

// --- output --------------------------------------------------------------------------------------

/**
 * Reads msolve's bracketed output (lists, integers, rationals `a/b` and `a / 2^k`, quoted names;
 * a trailing `:` and anything after it are ignored). Lists become arrays, numbers {num, den} with
 * bigints (den > 0), quoted names strings. Several top-level values separated by commas (the -P 1
 * form `[0, PARAM], [1, BOXES]` is not of that kind: it is one list) are returned as the first one.
 */
export function parseMsolveList(text) {
  let pos = 0;
  const fail = (what) => {
    throw new Error(`msolve output: ${what} at offset ${pos}: ${JSON.stringify(text.slice(pos, pos + 40))}`);
  };
  const skip = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  const integer = () => {
    skip();
    const digits = /-?\d+/y;
    digits.lastIndex = pos;
    const m = digits.exec(text);
    if (!m) fail('expected an integer');
    pos += m[0].length;
    let n = BigInt(m[0]);
    skip();
    if (text[pos] === '^') {
      pos++;
      const e = integer();
      n = n ** e;
    }
    return n;
  };
  const value = () => {
    skip();
    if (text[pos] === '[') {
      pos++;
      const items = [];
      skip();
      if (text[pos] === ']') {
        pos++;
        return items;
      }
      for (;;) {
        items.push(value());
        skip();
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') {
          pos++;
          return items;
        } else fail("expected ',' or ']'");
      }
    }
    if (text[pos] === "'") {
      const end = text.indexOf("'", pos + 1);
      if (end < 0) fail('unterminated name');
      const name = text.slice(pos + 1, end);
      pos = end + 1;
      return name;
    }
    const num = integer();
    skip();
    if (text[pos] !== '/') return { num, den: 1n };
    pos++;
    const den = integer();
    if (den === 0n) fail('zero denominator');
    return den < 0n ? { num: -num, den: -den } : { num, den };
  };
  const v = value();
  skip();
  if (pos < text.length && text[pos] !== ':') fail("expected ':' after the result");
  return v;
}

const small = (r) => {
  if (typeof r !== 'object' || r === null || r.den !== 1n) throw new Error('msolve output: expected an integer');
  return Number(r.num);
};

/**
 * The solutions in a real-solving output (default mode or -P 1):
 * { dimension: 0 | -1 | 1 (meaning positive), complex, multiplicity, real, boxes, parametrization }.
 * `complex` (deg of the eliminating polynomial) and `multiplicity` (solutions counted with
 * multiplicity) are null without -P; a box is an array of [lo, hi] per variable.
 */
export function readSolutions(text) {
  const v = parseMsolveList(text);
  const head = small(v[0]);
  if (head === -1) return { dimension: -1, complex: 0, multiplicity: 0, real: 0, boxes: [], parametrization: null };
  if (head === 1) return { dimension: 1, complex: null, multiplicity: null, real: null, boxes: [], parametrization: null };
  if (head !== 0) throw new Error(`msolve output: unexpected head ${head}`);
  let parametrization = null;
  let reals = v[1];
  if (v.length === 3) {
    parametrization = readParametrization(v[1]);
    reals = v[2];
  } else if (v.length === 2 && Array.isArray(v[1]) && v[1].length === 6) {
    parametrization = readParametrization(v[1]); // -P 2: the parametrization alone
    reals = null;
  }
  const boxes = reals === null ? [] : reals.slice(1).flat(1);
  return {
    dimension: 0,
    complex: parametrization ? parametrization.eliminating.length - 1 : null,
    multiplicity: parametrization ? parametrization.degree : null,
    real: reals === null ? null : boxes.length,
    boxes,
    parametrization,
  };
}

/** [char, nvars, deg, vars, form, [1, [lw, lwp, params]]] to named parts (coefficients as {num, den}). */
function readParametrization(p) {
  const [characteristic, nvars, degree, vars, form, [, [lw, lwp, params]]] = p;
  const poly = ([d, coeffs]) => {
    if (coeffs.length !== small(d) + 1) throw new Error('msolve output: polynomial degree and coefficient count differ');
    return coeffs;
  };
  return {
    characteristic: small(characteristic),
    nvars: small(nvars),
    degree: small(degree),
    vars,
    form,
    eliminating: poly(lw),
    denominator: poly(lwp),
    numerators: params.map((q) => (Array.isArray(q[0]) && Array.isArray(q[0][1]) ? { poly: poly(q[0]), divisor: q[1] ?? { num: 1n, den: 1n } } : { poly: poly(q), divisor: { num: 1n, den: 1n } })),
  };
}

/** The number of elements of a -g 2 Gröbner basis output (from its "#length of basis" header). */
export function basisLength(text) {
  const m = /#length of basis:\s+(\d+)/.exec(text);
  if (!m) throw new Error('msolve output: no "#length of basis" header');
  return Number(m[1]);
}

// --- running -------------------------------------------------------------------------------------

/**
 * Runs msolve on `input` (the text of an input file) and returns
 * { ok, timedOut, output, log, elapsed, cpu, seconds } where `output` is the output file's text,
 * `log` msolve's standard output, and elapsed/cpu msolve's internal overall times (seconds;
 * `seconds` = min(cpu, elapsed) as in bench/run.js).
 * Options: threads (default 1), parametrization (-P: 0, 1 or 2), groebner (-g: 0, 1 or 2),
 * precision (-p), timeoutSeconds (default none).
 */
export function runMsolve(binary, input, { threads = 1, parametrization = 0, groebner = 0, precision, timeoutSeconds } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'vdl-msolve-'));
  try {
    const inFile = join(dir, 'in.ms');
    const outFile = join(dir, 'out.ms');
    writeFileSync(inFile, input);
    const args = ['-v', '1', '-t', String(threads), '-f', inFile, '-o', outFile];
    if (parametrization) args.push('-P', String(parametrization));
    if (groebner) args.push('-g', String(groebner));
    if (precision) args.push('-p', String(precision));
    const r = spawnSync(binary, args, {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      ...(timeoutSeconds ? { timeout: timeoutSeconds * 1000 } : {}),
    });
    const timedOut = r.error?.code === 'ETIMEDOUT' || (r.signal !== null && r.status === null);
    const log = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    const output = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
    const m = /msolve overall time\s+([0-9.]+) sec \(elapsed\)\s*\/\s*([0-9.]+) sec \(cpu\)/.exec(log);
    const elapsed = m ? Number(m[1]) : null;
    const cpu = m ? Number(m[2]) : null;
    const seconds = m ? Math.min(elapsed, cpu) : null;
    return { ok: r.status === 0 && !timedOut && output.length > 0, timedOut, status: r.status, output, log, elapsed, cpu, seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
