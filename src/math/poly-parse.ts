// A small reader from text to polynomials, for tests, benchmarks and generated systems in the math
// layer (which must not depend on the language front end). Grammar: sums of products of powers of
// variables, integers, rationals `a/b` and parentheses, e.g. `3*x^2*y - 1/2*(x + w[1,2])^3`.
import { MathError } from './errors.js';
import type { Poly, PolyRing } from './poly.js';

export function parsePoly<E>(R: PolyRing<E>, text: string): Poly<E> {
  const index = new Map(R.vars.map((v, i) => [v, i]));
  const tokens = text.match(/\s*(\d+|[A-Za-z_][A-Za-z0-9_]*(\[[0-9, ]+\])?|[-+*/^()])/g);
  if (!tokens || tokens.join('').replace(/\s/g, '') !== text.replace(/\s/g, '')) {
    throw new MathError('parse', `cannot read polynomial '${text}'`);
  }
  const toks = tokens.map((t) => t.trim().replace(/\s+/g, ''));
  let pos = 0;
  const peek = () => toks[pos];
  const next = () => toks[pos++];

  const sum = (): Poly<E> => {
    let negate = false;
    if (peek() === '-' || peek() === '+') negate = next() === '-';
    let acc = product();
    if (negate) acc = R.neg(acc);
    while (peek() === '+' || peek() === '-') {
      const op = next();
      const rhs = product();
      acc = op === '+' ? R.add(acc, rhs) : R.sub(acc, rhs);
    }
    return acc;
  };
  const product = (): Poly<E> => {
    let acc = power();
    while (peek() === '*' || peek() === '/') {
      const op = next();
      const rhs = power();
      if (op === '*') acc = R.mul(acc, rhs);
      else {
        if (!R.isConstant(rhs) || R.isZero(rhs)) throw new MathError('parse', `division by a non-constant in '${text}'`);
        acc = R.scale(acc, R.field.inv(R.constantCoeff(rhs)));
      }
    }
    return acc;
  };
  const power = (): Poly<E> => {
    const base = atom();
    if (peek() === '^') {
      next();
      const e = next();
      if (!e || !/^\d+$/.test(e)) throw new MathError('parse', `bad exponent in '${text}'`);
      return R.pow(base, Number(e));
    }
    return base;
  };
  const atom = (): Poly<E> => {
    const t = next();
    if (t === undefined) throw new MathError('parse', `unexpected end of '${text}'`);
    if (t === '(') {
      const inner = sum();
      if (next() !== ')') throw new MathError('parse', `missing ')' in '${text}'`);
      return inner;
    }
    if (t === '-') return R.neg(atom());
    if (/^\d+$/.test(t)) return R.fromInt(BigInt(t));
    const i = index.get(t);
    if (i === undefined) throw new MathError('parse', `unknown variable '${t}' in '${text}'`);
    return R.variable(i);
  };

  const result = sum();
  if (pos !== toks.length) throw new MathError('parse', `unexpected '${toks[pos]}' in '${text}'`);
  return result;
}
