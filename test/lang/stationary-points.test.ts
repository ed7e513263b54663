// stationary(L).points and criticalPoints(...).points are exact real points (issue 9, item 2), and
// certified = true proves the counts. Checked by independent routes: the exact value of the loss at each point (subs, exact
// arithmetic in Q[T]/(W) or on the orbit's point) against the point's value (exact, from the route), the closed
// form of the scalar network's stationary points (background §4: w1·w2 = 5/... at the minima, the
// origin with value 9/2), and the certified count against the probabilistic one.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/lang/run.js';

function run(source: string): string[] {
  const s = new Session({ seed: 3 });
  const r = s.evaluate(source);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.prints.map((p) => p.text);
}

const scalar = 'let L = loss(linear(1, 1, 1), X = [[1, 1, 1]], Y = [[1, 2, 2]], reg = [[[1/2]], [[2]]]);\nlet s = stationary(L);\n';

describe('stationary(L).points', () => {
  it('are exact points: subs(L, p) is the exact loss, equal to the printed value; coordinates are exact numbers', () => {
    const lines = run(
      `${scalar}print typeOf(s.points[1].point);\n` +
        'for q in s.points { print subs(L, q.point) == q.value, decimal(subs(L, q.point), 30) == decimal(q.value, 30); }\n' +
        'let o = s.points[3].point;\nprint o[1] == 0, o[2] == 0, subs(L, o) == 9/2;\n' +
        'let m = s.points[1].point;\nprint m[1]^2 == 8/3, 2*m[2] == m[1];',
    );
    expect(lines[0]).toBe('point');
    expect(lines.slice(1, 4)).toEqual(['true, true', 'true, true', 'true, true']);
    // The origin: L(0, 0) = ½((0 - 1)² + 2(0 - 2)²) = 9/2.
    expect(lines[4]).toBe('true, true, true');
    // The minima: w1 = ±√(8/3), w2 = w1/2 (closed form: the gradient equations with w2 = w1/2).
    expect(lines[5]).toBe('true, true');
  });

  it('certified = true proves the counts (exact check over QQ and a certified basis) and gives the same indices', () => {
    const lines = run(`${scalar}let c = stationary(L, certified = true);\nprint c.complex, c.real, c.indices, s.indices;\nprint how(c.indices).certified, how(s.indices).certified, how(c.complex).certified;`);
    expect(lines[0]).toBe('5, 3, [2, 1, 0], [2, 1, 0]');
    expect(lines[1]).toBe('true, false, true');
  });

  it('certified must be a boolean', () => {
    const s = new Session({ seed: 3 });
    const r = s.evaluate(`${scalar}let c = stationary(L, certified = 1);`);
    expect(r.ok).toBe(false);
  });
});

describe('criticalPoints(X, Q, u).points', () => {
  it('are exact points of X: on the parabola y = x^2 from u = (0, 2), x^2 = 3/2 at the minima (closed form)', () => {
    // d/dx (x^2 + (x^2 - 2)^2) = 2x(2x^2 - 3): x = 0 (a local maximum of the distance, index 1) and x = ±√(3/2).
    const lines = run(
      'ring R = QQ[x, y];\nlet r = criticalPoints(V(y - x^2), identity(2), [0, 2]);\nprint r.indices, typeOf(r.points[1].point);\n' +
        'for q in r.points { let p = q.point; print q.index, p[1]^2, p[2] == p[1]^2; }',
    );
    expect(lines[0]).toBe('[2, 1], point');
    expect(lines.slice(1).sort()).toEqual(['0, 1.5, true', '0, 1.5, true', '1, 0, true']);
  });
});
