// Issue 15, hostile and careless input: each defect the issue lists, tried as a new user would,
// gets a defined answer or a located error (never a wrong answer, an internal error or a hang).
import { describe, expect, it } from 'vitest';
import { run } from '../../src/lang/run.js';
import { abortAfter, runErrors, runLines } from '../helpers.js';


describe('exponents never wrap around', () => {
  it('refuses (x^1000000)^2148 at the power, stating the degree, and computes 2147', () => {
    const [d] = runErrors('ring R = QQ[x];\nlet q = (x^1000000)^2148;\nprint degree(q);');
    expect(d!.code).toBe('too-large');
    expect(d!.message).toContain('degree 2148000000');
    expect(d!.span).toMatchObject({ startLine: 2, startColumn: 9 });
    expect(runLines('ring R = QQ[x]; let q = (x^1000000)^2147; print degree(q), q == x^2147000000;')).toEqual(['2147000000, true']);
  });

  it('refuses products whose degree passes the limit, and huge exponents', () => {
    expect(runErrors('ring R = QQ[x, y]; let q = x^2000000000 * (x + y)^200000000;')[0]!.code).toBe('too-large');
    expect(runErrors('ring R = QQ[x]; print x^(2^40);')[0]!.message).toContain('beyond the largest exponent');
    expect(runErrors('ring R = GF(7)[x]; print (x + 1)^(10^12);')[0]!.code).toBe('too-large');
  });
});

describe('size budgets', () => {
  it('refuses (x + y)^100000 up front with its estimate', () => {
    const [d] = runErrors('ring R = QQ[x, y];\nlet q = (x + y)^100000;');
    expect(d!.code).toBe('too-large');
    expect(d!.message).toMatch(/^the power \(a polynomial with 2 terms\)\^100000 would have up to 100001 terms with coefficients of up to \d+ bits \(about [\d.]+ GiB\), more than the size budget of 1\.0 GiB$/);
  });

  it('computes powers within the budget, checked by the binomial theorem', () => {
    // (x + y)^30: the coefficient of x^k y^(30-k) is C(30, k).
    const source = 'ring R = QQ[x, y]; let q = (x + y)^30; let c = []; for k in 0..30 { c = append(c, coefficient(q, x^k * y^(30 - k)) - binomial(30, k)); } print c == [for0], length(terms(q));';
    expect(runLines(source.replace('[for0]', `[${Array(31).fill(0).join(', ')}]`))).toEqual(['true, 31']);
  });

  it('refuses binomial(10^9, 5*10^8) with its size, and keeps small binomials exact (Pascal)', () => {
    const [d] = runErrors('print binomial(10^9, 5*10^8);');
    expect(d!.code).toBe('too-large');
    expect(d!.message).toContain('binomial(1000000000, 500000000) would have about 1.0e9 bits');
    expect(runLines('print binomial(100, 50), binomial(99, 49) + binomial(99, 50), binomial(5, 7), binomial(5, -1);')).toEqual([
      '100891344545564193334812497256, 100891344545564193334812497256, 0, 0',
    ]);
  });

  it('refuses huge integer powers, and keeps 0, 1 and -1 to any power exact', () => {
    expect(runErrors('print 3^(10^9);')[0]!.code).toBe('too-large');
    expect(runLines('print 0^(10^12), 1^(10^12), (-1)^(10^12 + 1), 2^0;')).toEqual(['0, 1, -1, 1']);
  });

  it('refuses a ring with 9 million variables before building it', () => {
    const [d] = runErrors('ring R = QQ[x[1..3000, 1..3000]];');
    expect(d!.code).toBe('too-large');
    expect(d!.message).toBe('the ring would have 9000000 variables, more than the limit of 100000');
  });

  it('counts through a for loop over a range without building it, and refuses huge range lists', () => {
    expect(runLines('let s = 0; for i in 1..1000 { s = s + i; } print s;')).toEqual(['500500']);
    const signal = abortAfter(200);
    const r = run('let s = 0;\nfor i in 1..10^12 { s = s + i; }', { signal });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['interrupted']);
    expect(runErrors('let l = 1..10^8;')[0]!.message).toContain('more than the limit of 10000000 for a list');
  });
});

describe('long kernels poll the interrupt', () => {
  it.each([
    ['a polynomial power', 'ring R = QQ[x, y, z];\nlet q = (x + y + z)^200;'],
    ['a product of big polynomials', 'ring R = QQ[x, y, z];\nlet p = (x + y + z)^60;\nlet q = p * (p + 1);'],
    ['a binomial', 'print binomial(10^6, 2 * 10^5);'],
  ])('%s stops at the request', (_what, source) => {
    const signal = abortAfter(40);
    const r = run(source, { signal });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['interrupted']);
  });
});

describe('degenerate inputs and mismatched kinds', () => {
  it('gives the empty variety ED degree 0 by both methods', () => {
    expect(runLines('ring R = QQ[x, y]; let X = V(ideal(1)); print edDegree(X), edDegree(X, method = "minors"), dim(X);')).toEqual(['0, 0, -1']);
  });

  it('names the polynomial and its ring in a ring mismatch', () => {
    const [d] = runErrors('ring R = GF(7)[x, y]; ring S = QQ[a]; print codim([x, y]);');
    expect(d!.code).toBe('ring-mismatch');
    expect(d!.message).toBe('the polynomial x lives in GF(7)[x, y], not in QQ[a]');
  });

  it('answers == between values of different kinds with false, never an internal error', () => {
    const values = ['1', '1.5', '"s"', 'true', '[1]', '[[1, 0], [0, 1]]', '{a: 1}', 'x', 'ideal(x)', 'V(x)', 'R', 'diag(1, 0)', 'det'];
    const lines: string[] = [];
    for (const a of values) for (const b of values) lines.push(`print ${a} == ${b}, ${a} != ${b};`);
    const out = runLines(`ring R = QQ[x];\n${lines.join('\n')}`);
    expect(out).toHaveLength(values.length ** 2);
    out.forEach((line, k) => {
      const [a, b] = [values[Math.floor(k / values.length)], values[k % values.length]];
      const [eq, ne] = line.split(', ');
      expect(ne).toBe(eq === 'true' ? 'false' : 'true');
      // Off the diagonal every pair differs (no two of these values are equal).
      if (a !== b) expect(`${a} == ${b}: ${eq}`).toBe(`${a} == ${b}: false`);
    });
    expect(runLines('ring R = QQ[x]; print diag(1, 0) == V(x);')).toEqual(['false']);
  });
});

describe('records are plain data', () => {
  it('stores, reads and prints any field name, __proto__ included, in text and JSON', () => {
    const r = run('let r = {__proto__: 1, constructor: 2, toString: 3, hasOwnProperty: 4};\nprint r;\nprint r.__proto__ + r.constructor;');
    expect(r.ok).toBe(true);
    expect(r.prints[0]!.text).toBe('{__proto__: 1, constructor: 2, toString: 3, hasOwnProperty: 4}');
    expect(JSON.stringify(r.prints[0]!.json)).toBe('{"__proto__":1,"constructor":2,"toString":3,"hasOwnProperty":4}');
    const json = r.prints[0]!.json as Record<string, unknown>;
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(Object.hasOwn(json, '__proto__')).toBe(true);
    expect(r.prints[1]!.text).toBe('3');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('recursion', () => {
  it('runs recursion of a few hundred calls', () => {
    expect(runLines('fn f(n) { if n == 0 { return 0; } return 1 + f(n - 1); }\nprint f(300);')).toEqual(['300']);
  });

  it('reports runaway recursion at the recursive call, with the chain from the call that started it', () => {
    const [d] = runErrors('fn f(n) = f(n + 1);\nprint f(1);');
    expect(d!.code).toBe('recursion-depth');
    expect(d!.message).toMatch(/^recursion (too deep: the stack overflowed after \d+ nested calls|deeper than 2000 calls) in f$/);
    expect(d!.span).toMatchObject({ startLine: 1, startColumn: 11 });
    expect(d!.notes![0]).toMatch(/^the calls: f at <input>:2:7, then f at <input>:1:11 × \d+$/);
  });
});
