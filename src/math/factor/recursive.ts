// Recursive dense multivariate polynomials over QQ: the representation factoring and gcds work in.
//
// Representation (invariants): a polynomial in n variables ("level n") is, for n = 0, a Rat; for
// n ≥ 1, an array of level-(n-1) polynomials, the coefficients of the powers of the outermost
// variable x_n, low degree first, with no trailing zero (the zero polynomial of level n ≥ 1 is []).
// Variable x_1 is the innermost. Conversions to and from the sparse `Poly<Rat>` of poly.ts take the
// list of the sparse variables for levels 1..n (`order[0]` innermost).
//
// Algorithms: schoolbook arithmetic; exact division by long division in the outer variable; gcd by
// the primitive polynomial remainder sequence over the coefficient domain Q[x_1..x_{n-1}] (G. E.
// Collins, "Subresultants and reduced polynomial remainder sequences", JACM 14 (1967); K. O. Geddes,
// S. R. Czapor, G. Labahn, "Algorithms for Computer Algebra" (GCL), 1992, §7.2–7.3); Taylor shifts in
// the outer variable by Horner's scheme (for the (x_n - a)-adic expansions of Hensel lifting).
import { QQ, type Rat } from '../field.js';
import { bigGcd } from '../integers.js';
import type { Monomial } from '../monomial.js';
import type { Poly, PolyRing } from '../poly.js';

export type RPoly = Rat | RPoly[];

const asRat = (p: RPoly): Rat => p as Rat;
const asArr = (p: RPoly): RPoly[] => p as RPoly[];

export function zero(n: number): RPoly {
  return n === 0 ? QQ.zero : [];
}

export function isZero(p: RPoly, n: number): boolean {
  return n === 0 ? asRat(p).num === 0n : asArr(p).length === 0;
}

export function constant(c: Rat, n: number): RPoly {
  if (n === 0) return c;
  return c.num === 0n ? [] : [constant(c, n - 1)];
}

/** p (level n-1) as a level-n polynomial constant in the outer variable. */
export function raise(p: RPoly, n: number): RPoly {
  return isZero(p, n - 1) ? [] : [p];
}

function trim(a: RPoly[], n: number): RPoly[] {
  let k = a.length;
  while (k > 0 && isZero(a[k - 1]!, n - 1)) k--;
  a.length = k;
  return a;
}

/** Degree in the outer variable (-1 for zero); 0 at level 0 unless zero. */
export function degree(p: RPoly, n: number): number {
  return n === 0 ? (asRat(p).num === 0n ? -1 : 0) : asArr(p).length - 1;
}

export function isConstant(p: RPoly, n: number): boolean {
  return n === 0 || asArr(p).length === 0 || (asArr(p).length === 1 && isConstant(asArr(p)[0]!, n - 1));
}

/** The constant value of a constant polynomial. */
export function constantValue(p: RPoly, n: number): Rat {
  if (n === 0) return asRat(p);
  const a = asArr(p);
  return a.length === 0 ? QQ.zero : constantValue(a[0]!, n - 1);
}

export function equals(a: RPoly, b: RPoly, n: number): boolean {
  if (n === 0) return QQ.eq(asRat(a), asRat(b));
  const x = asArr(a);
  const y = asArr(b);
  return x.length === y.length && x.every((c, i) => equals(c, y[i]!, n - 1));
}

export function add(a: RPoly, b: RPoly, n: number): RPoly {
  if (n === 0) return QQ.add(asRat(a), asRat(b));
  const x = asArr(a);
  const y = asArr(b);
  const r: RPoly[] = [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) r.push(i >= x.length ? y[i]! : i >= y.length ? x[i]! : add(x[i]!, y[i]!, n - 1));
  return trim(r, n);
}

export function neg(a: RPoly, n: number): RPoly {
  return n === 0 ? QQ.neg(asRat(a)) : asArr(a).map((c) => neg(c, n - 1));
}

export function sub(a: RPoly, b: RPoly, n: number): RPoly {
  return add(a, neg(b, n), n);
}

export function scale(a: RPoly, c: Rat, n: number): RPoly {
  if (n === 0) return QQ.mul(asRat(a), c);
  if (c.num === 0n) return [];
  return asArr(a).map((x) => scale(x, c, n - 1));
}

export function mul(a: RPoly, b: RPoly, n: number): RPoly {
  if (n === 0) return QQ.mul(asRat(a), asRat(b));
  const x = asArr(a);
  const y = asArr(b);
  if (x.length === 0 || y.length === 0) return [];
  const r: RPoly[] = Array.from({ length: x.length + y.length - 1 }, () => zero(n - 1));
  for (let i = 0; i < x.length; i++) {
    if (isZero(x[i]!, n - 1)) continue;
    for (let j = 0; j < y.length; j++) r[i + j] = add(r[i + j]!, mul(x[i]!, y[j]!, n - 1), n - 1);
  }
  return trim(r, n);
}

export function pow(a: RPoly, k: number, n: number): RPoly {
  let r = constant(QQ.one, n);
  for (let i = 0; i < k; i++) r = mul(r, a, n);
  return r;
}

/** The leading coefficient in the outer variable (level n-1). */
export function lead(p: RPoly, n: number): RPoly {
  const a = asArr(p);
  return a.length === 0 ? zero(n - 1) : a[a.length - 1]!;
}

/** The leading rational coefficient (lexicographic from the outer variable inward). */
export function baseLead(p: RPoly, n: number): Rat {
  return n === 0 ? asRat(p) : asArr(p).length === 0 ? QQ.zero : baseLead(lead(p, n), n - 1);
}

/** a / b when b divides a exactly; undefined otherwise. */
export function divExact(a: RPoly, b: RPoly, n: number): RPoly | undefined {
  if (n === 0) return QQ.div(asRat(a), asRat(b));
  const y = asArr(b);
  if (y.length === 0) throw new RangeError('division by the zero polynomial');
  let r = asArr(a).slice();
  const db = y.length - 1;
  if (r.length - 1 < db) return r.length === 0 ? [] : undefined;
  const q: RPoly[] = Array.from({ length: r.length - db }, () => zero(n - 1));
  while (r.length - 1 >= db) {
    const k = r.length - 1 - db;
    const c = divExact(r[r.length - 1]!, y[db]!, n - 1);
    if (c === undefined) return undefined;
    q[k] = c;
    const sh: RPoly[] = Array.from({ length: k }, () => zero(n - 1));
    r = asArr(sub(r, [...sh, ...y.map((t) => mul(t, c, n - 1))], n));
  }
  return r.length === 0 ? trim(q, n) : undefined;
}

/** Lowers every leaf through `f` (used to scale by rationals and read leaves). */
function leaves(p: RPoly, n: number, out: Rat[]): Rat[] {
  if (n === 0) {
    if (asRat(p).num !== 0n) out.push(asRat(p));
  } else for (const c of asArr(p)) leaves(c, n - 1, out);
  return out;
}

/**
 * The rational c with p / c integral, primitive (coefficient gcd 1) and with a positive leading
 * rational coefficient: p = c · primitive part.
 */
export function rationalContent(p: RPoly, n: number): Rat {
  const ls = leaves(p, n, []);
  if (ls.length === 0) return QQ.one;
  let g = 0n;
  let l = 1n;
  for (const q of ls) {
    g = bigGcd(g, q.num);
    l = (l / bigGcd(l, q.den)) * q.den;
  }
  const sign = baseLead(p, n).num < 0n ? -1n : 1n;
  return { num: sign * (g < 0n ? -g : g), den: l };
}

/** p made integral and primitive with a positive leading coefficient. */
export function integerPrimitive(p: RPoly, n: number): RPoly {
  return isZero(p, n) ? p : scale(p, QQ.inv(rationalContent(p, n)), n);
}

/** p scaled to leading rational coefficient 1 (gcds are normalized this way). */
export function normalize(p: RPoly, n: number): RPoly {
  return isZero(p, n) ? p : scale(p, QQ.inv(baseLead(p, n)), n);
}

/** A pseudo-remainder of a by b in the outer variable: lc(b)^k · a - q · b with degree below deg b. */
function pseudoRemainder(a: RPoly, b: RPoly, n: number): RPoly {
  const y = asArr(b);
  const db = y.length - 1;
  let r = asArr(a);
  const lb = y[db]!;
  while (r.length - 1 >= db && r.length > 0) {
    const k = r.length - 1 - db;
    const lr = r[r.length - 1]!;
    const sh: RPoly[] = Array.from({ length: k }, () => zero(n - 1));
    r = asArr(sub(r.map((c) => mul(c, lb, n - 1)), [...sh, ...y.map((t) => mul(t, lr, n - 1))], n));
  }
  return r;
}

/** The content in the outer variable: the gcd of the coefficients (level n-1), normalized. */
export function content(p: RPoly, n: number): RPoly {
  let g = zero(n - 1);
  for (const c of asArr(p)) {
    g = gcd(g, c, n - 1);
    if (isConstant(g, n - 1) && !isZero(g, n - 1)) return constant(QQ.one, n - 1);
  }
  return g;
}

function divideCoefficients(p: RPoly, c: RPoly, n: number): RPoly {
  return asArr(p).map((x) => divExact(x, c, n - 1)!);
}

/** The primitive part in the outer variable (p divided by its content), normalized. */
export function primitivePart(p: RPoly, n: number): RPoly {
  if (isZero(p, n)) return p;
  return normalize(divideCoefficients(p, content(p, n), n), n);
}

/** The largest absolute value of a coefficient. */
function maxNorm(p: RPoly, n: number): bigint {
  return leaves(p, n, []).reduce((m, q) => (q.num < 0n ? (-q.num > m ? -q.num : m) : q.num > m ? q.num : m), 0n);
}

function integerContent(p: RPoly, n: number): bigint {
  return leaves(p, n, []).reduce((g, q) => bigGcd(g, q.num), 0n);
}

/** The ξ-adic expansion of γ (integer coefficients, symmetric digits) as a polynomial in a new outer variable. */
function genpoly(gamma: RPoly, xi: bigint, n: number): RPoly {
  const smod = (q: RPoly, l: number): RPoly => {
    if (l === 0) {
      const r = ((asRat(q).num % xi) + xi) % xi;
      return { num: 2n * r > xi ? r - xi : r, den: 1n };
    }
    return trim(asArr(q).map((c) => smod(c, l - 1)), l);
  };
  const out: RPoly[] = [];
  let g = gamma;
  const inv = { num: 1n, den: xi };
  for (let guard = 0; !isZero(g, n - 1) && guard < 10000; guard++) {
    const digit = smod(g, n - 1);
    out.push(digit);
    g = scale(sub(g, digit, n - 1), inv, n - 1);
  }
  return trim(out, n);
}

/**
 * The heuristic gcd over ZZ of integer polynomials (B. W. Char, K. O. Geddes, G. H. Gonnet, "GCDHEU:
 * heuristic polynomial GCD algorithm based on integer GCD computation", J. Symb. Comp. 7 (1989); GCL
 * Algorithm 7.4): evaluate the outer variable at a large integer ξ, take the gcd of the images
 * recursively, read the candidate off the ξ-adic expansion and prove it by trial division. Undefined
 * when six values of ξ fail (the caller then takes the PRS).
 */
function heuristicGcd(a: RPoly, b: RPoly, n: number): RPoly | undefined {
  if (n === 0) {
    const g = bigGcd(asRat(a).num, asRat(b).num);
    return { num: g < 0n ? -g : g, den: 1n };
  }
  if (isZero(a, n)) return b;
  if (isZero(b, n)) return a;
  const ca = integerContent(a, n);
  const cb = integerContent(b, n);
  const c = bigGcd(ca, cb);
  const A = scale(a, { num: 1n, den: ca }, n);
  const B = scale(b, { num: 1n, den: cb }, n);
  const na = maxNorm(A, n);
  const nb = maxNorm(B, n);
  let xi = 2n * (na < nb ? na : nb) + 29n;
  const deg = Math.max(degree(A, n), degree(B, n));
  for (let attempt = 0; attempt < 6; attempt++) {
    if (xi.toString(2).length * Math.max(deg, 1) > 20000) return undefined;
    const gamma = heuristicGcd(evaluateOuter(A, { num: xi, den: 1n }, n), evaluateOuter(B, { num: xi, den: 1n }, n), n - 1);
    if (gamma !== undefined && !isZero(gamma, n - 1)) {
      const G = genpoly(gamma, xi, n);
      if (!isZero(G, n)) {
        const g = scale(G, { num: baseLead(G, n).num < 0n ? -1n : 1n, den: integerContent(G, n) }, n);
        if (divExact(A, g, n) !== undefined && divExact(B, g, n) !== undefined) return scale(g, { num: c, den: 1n }, n);
      }
    }
    xi = (xi * 73794n) / 27011n;
  }
  return undefined;
}

/** The gcd over QQ, normalized to leading rational coefficient 1 (zero when both are zero). */
export function gcd(a: RPoly, b: RPoly, n: number): RPoly {
  if (n === 0) return asRat(a).num === 0n && asRat(b).num === 0n ? QQ.zero : QQ.one;
  if (isZero(a, n)) return normalize(b, n);
  if (isZero(b, n)) return normalize(a, n);
  const heuristic = heuristicGcd(integerPrimitive(a, n), integerPrimitive(b, n), n);
  if (heuristic !== undefined) return normalize(heuristic, n);
  return prsGcd(a, b, n);
}

/** The gcd by the primitive PRS (the fallback of gcd). */
function prsGcd(a: RPoly, b: RPoly, n: number): RPoly {
  const ca = content(a, n);
  const cb = content(b, n);
  const c = gcd(ca, cb, n - 1);
  let x = divideCoefficients(a, ca, n);
  let y = divideCoefficients(b, cb, n);
  if (degree(x, n) < degree(y, n)) [x, y] = [y, x];
  while (!isZero(y, n)) {
    const r = pseudoRemainder(x, y, n);
    x = y;
    y = isZero(r, n) ? r : primitivePart(r, n);
  }
  const g = degree(x, n) === 0 ? constant(QQ.one, n) : primitivePart(x, n);
  return normalize(asArr(g).map((t) => mul(t, c, n - 1)), n);
}

/** The derivative in the outer variable. */
export function derivativeOuter(p: RPoly, n: number): RPoly {
  const a = asArr(p);
  const r: RPoly[] = [];
  for (let i = 1; i < a.length; i++) r.push(scale(a[i]!, { num: BigInt(i), den: 1n }, n - 1));
  return trim(r, n);
}

/** p with the outer variable set to v (level n-1), by Horner's rule. */
export function evaluateOuter(p: RPoly, v: Rat, n: number): RPoly {
  const a = asArr(p);
  let s = zero(n - 1);
  for (let i = a.length - 1; i >= 0; i--) s = add(scale(s, v, n - 1), a[i]!, n - 1);
  return s;
}

/** The coefficients of p in powers of (x_n - v): p(x_n + v), by Horner's scheme (Taylor shift). */
export function taylorOuter(p: RPoly, v: Rat, n: number): RPoly[] {
  const a = asArr(p).slice();
  const d = a.length - 1;
  for (let i = 0; i < d; i++) {
    for (let j = d - 1; j >= i; j--) a[j] = add(a[j]!, scale(a[j + 1]!, v, n - 1), n - 1);
  }
  return a;
}

/** c · (x_n - v)^k with c of level n-1. */
export function shiftedPower(c: RPoly, v: Rat, k: number, n: number): RPoly {
  let r: RPoly = raise(c, n);
  const lin: RPoly[] = [constant(QQ.neg(v), n - 1), constant(QQ.one, n - 1)];
  for (let i = 0; i < k; i++) r = mul(r, trim(lin.slice(), n), n);
  return r;
}

/** Degree in the innermost variable x_1. */
export function innerDegree(p: RPoly, n: number): number {
  if (n === 1) return asArr(p).length - 1;
  return asArr(p).reduce<number>((d, c) => Math.max(d, innerDegree(c, n - 1)), -1);
}

/** The coefficient of x_1^k (a polynomial in x_2..x_n, level n-1). */
export function innerCoefficient(p: RPoly, n: number, k: number): RPoly {
  if (n === 1) return asArr(p)[k] ?? QQ.zero;
  return trim(asArr(p).map((c) => innerCoefficient(c, n - 1, k)), n - 1);
}

/** c · x_1^k at level n, for c a polynomial in x_2..x_n (level n-1). */
export function timesInnerPower(c: RPoly, k: number, n: number): RPoly {
  if (n === 1) return asRat(c).num === 0n ? [] : [...Array.from({ length: k }, () => QQ.zero), c];
  return trim(asArr(c).map((t) => timesInnerPower(t, k, n - 1)), n);
}

/** p with all its variables but x_1 set to `values` (values[i] for x_{i+2}): a univariate Rat[]. */
export function evaluateToInner(p: RPoly, values: readonly Rat[], n: number): Rat[] {
  let q = p;
  for (let level = n; level > 1; level--) q = evaluateOuter(q, values[level - 2]!, level);
  return (q as Rat[]).slice();
}

/** Sparse to recursive: `order[i]` is the sparse variable at level i + 1 (others must not occur). */
export function fromSparse(R: PolyRing<Rat>, f: Poly<Rat>, order: readonly number[]): RPoly {
  const n = order.length;
  let r = zero(n);
  for (let t = 0; t < f.mons.length; t++) {
    const m = f.mons[t]!;
    let term: RPoly = f.coeffs[t]!;
    for (let level = 1; level <= n; level++) {
      const e = m[order[level - 1]!]!;
      term = [...Array.from({ length: e }, () => zero(level - 1)), term];
    }
    r = add(r, term, n);
  }
  void R;
  return r;
}

/** Recursive to sparse in R (the inverse of fromSparse). */
export function toSparse(R: PolyRing<Rat>, p: RPoly, order: readonly number[]): Poly<Rat> {
  const terms: [Monomial, Rat][] = [];
  const walk = (q: RPoly, level: number, exps: number[]) => {
    if (level === 0) {
      if (asRat(q).num === 0n) return;
      const m = new Int32Array(R.nvars);
      exps.forEach((e, i) => (m[order[i]!] = e));
      terms.push([m, asRat(q)]);
      return;
    }
    asArr(q).forEach((c, e) => {
      exps[level - 1] = e;
      walk(c, level - 1, exps);
    });
  };
  walk(p, order.length, Array.from({ length: order.length }, () => 0));
  return R.fromTerms(terms);
}
