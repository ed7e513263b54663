// The minimize built-in (src/lang/builtins/numeric.ts): the optimum of a quadratic against its closed
// form, the end point as a real point that subs, hessian and traceHessian take exactly, seeded and
// balanced initializations, the history record, provenance, and errors at the keyword.
import { describe, expect, it } from 'vitest';
import { runErrors, runLines } from '../helpers.js';

describe('minimize', () => {
  it('finds the optimum of a convex quadratic (closed form x = 1, y = -3) with every method', () => {
    for (const [method, step] of [['gd', '0.1'], ['heavy-ball', '0.1'], ['nesterov', '0.1'], ['adam', '0.05'], ['newton', '1']]) {
      const [line] = runLines(`ring R = QQ[x, y];\nlet r = minimize((x - 1)^2 + 2*(y + 3)^2, method = "${method}", init = [0, 0], step = ${step}, iterations = 100000, tolerance = 1e-10);\nprint abs(r.x[1] - 1) < 1e-9 and abs(r.x[2] + 3) < 1e-9, r.reason, r.converged;`);
      expect(line, method).toBe('true, gradient, true');
    }
  });

  it('returns the end point as a real point: subs, hessian and traceHessian evaluate exactly there', () => {
    const lines = runLines(
      [
        'ring R = QQ[x, y];',
        'let L = (1 - x)^2 + 100*(y - x^2)^2;',
        'let r = minimize(L, method = "newton", init = [-6/5, 1]);',
        'print typeOf(r.point), r.reason;',
        // subs at the point is the exact value at the doubles; the float loss of the expanded
        // polynomial agrees to its rounding error (about ε times the size of its terms, here 100)
        'print abs(float(subs(L, r.point)) - r.loss) < 1e-12, float(subs(L, r.point)) < 1e-18;',
        'let H = hessian(L, r.point);',
        'print abs(float(H[1][1]) - 802) < 1e-6, H[2][2], H[1][2] == -400 * r.point[1];',
        'print traceHessian(L, r.point) == H[1][1] + H[2][2];',
      ].join('\n'),
    );
    expect(lines).toEqual(['point, gradient', 'true, true', 'true, 200, true', 'true']);
  });

  it('random starts are seeded (the same seed, the same start; how records it)', () => {
    const src = 'seed 5;\nring R = QQ[x, y, z];\nlet r = minimize(x^2 + y^2 + z^2, init = "small", iterations = 0);\nprint r.init;\nprint how(r).seed, r.iterations, r.reason;';
    const a = runLines(src), b = runLines(src);
    expect(a).toEqual(b);
    expect(a[1]).toBe('5, 0, iterations');
    const init = a[0]!.slice(1, -1).split(', ').map(Number);
    expect(init.every((v) => Math.abs(v) < 0.01 && v !== 0)).toBe(true);
  });

  it('a balanced start of a deep linear network satisfies W2ᵀW2 = W1W1ᵀ and gradient descent reaches the least-squares value', () => {
    const lines = runLines(
      [
        'seed 2;',
        'network N = linear(2, 2, 2);',
        'let X = [[1, 2, -1], [0, 1, 3]];',
        'let Y = [[2, -1, 1], [1, 1, 0]];',
        'let L = loss(N, X = X, Y = Y);',
        'let r = minimize(L, init = "balanced", scale = 1/10, step = 1/20, iterations = 100000, tolerance = 1e-10);',
        'let w = r.init;',
        // W1 = [[w1, w2], [w3, w4]], W2 = [[w5, w6], [w7, w8]]: W2ᵀW2 - W1W1ᵀ, entry (1, 1) and (1, 2)
        'print abs(w[5]^2 + w[7]^2 - w[1]^2 - w[2]^2) < 1e-12, abs(w[5]*w[6] + w[7]*w[8] - w[1]*w[3] - w[2]*w[4]) < 1e-12;',
        // least squares: W* = Y Xᵀ (X Xᵀ)⁻¹ exactly, its loss
        'let W = Y * transpose(X) * inverse(X * transpose(X));',
        'let E = Y - W * X;',
        'let best = 0;',
        'for e in E { for v in e { best = best + v^2 / 2; } }',
        'print r.reason, abs(r.loss - best) < 1e-9;',
      ].join('\n'),
    );
    expect(lines).toEqual(['true, true', 'gradient, true']);
  });

  it('records the trajectory: loss, gradient norm, step and the tracked coordinates per recorded iteration', () => {
    const lines = runLines(
      'ring R = QQ[x, y];\nlet r = minimize(x^2 + 10*y^2, init = [1, 1], step = 0.01, iterations = 50, tolerance = 0, track = [y]);\nlet h = r.history;\nprint length(h.iteration), h.iteration[1], h.iteration[51], h.variables, h.coordinates[1], h.coordinates[2];\nprint h.loss[1], h.gradientNorm[1] == norm([2.0, 20.0]), h.step[1];',
    );
    expect(lines).toEqual(['51, 0, 50, [y], [1.0], [0.8]', '11.0, true, 0.0']);
  });

  it('errors point at the argument: unknown method, a non-network ring for "balanced", a wrong-length start', () => {
    let d = runErrors('ring R = QQ[x];\nminimize(x^2, method = "sgd");');
    expect(d[0]!.message).toMatch(/unknown method "sgd" \(gd, heavy-ball, nesterov, adam, newton\)/);
    expect(d[0]!.span.startLine).toBe(2);
    expect(d[0]!.span.startColumn).toBe(24); // the keyword's value
    d = runErrors('ring R = QQ[x];\nminimize(x^2, init = "balanced");');
    expect(d[0]!.message).toMatch(/balanced.*linear network/);
    d = runErrors('ring R = QQ[x, y];\nminimize(x^2, init = [1]);');
    expect(d[0]!.message).toMatch(/init must be a list of 2 numbers/);
    d = runErrors('ring R = QQ[x];\nminimize(x^2, step = -1);');
    expect(d[0]!.message).toMatch(/step must be a positive number/);
  });
});
