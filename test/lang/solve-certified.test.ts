// solve(I, certified = true): the counts and points are proved over QQ (the parametrization checked
// exactly, the number of solutions bounded by a certified Gröbner basis), and labelled so; without it
// they are labelled probabilistic. The counts are compared with vdim over GF(p) of the same system
// and with the default (modular) route.
import { describe, expect, it } from 'vitest';
import { runErrors, runLines } from '../helpers.js';

const head = 'ring R = QQ[x, y];\nlet I = ideal(x^2 + y^2 - 5, x*y - 2);\n';

describe('solve(I, certified = true)', () => {
  it('labels the counts certified only when asked, and they agree with the probabilistic route', () => {
    const [plain, proved] = runLines(
      `${head}let s = solve(I);\nprint s.complex, s.real, how(s.complex).certified, how(s.real).certified;\n` +
        'let c = solve(I, certified = true);\nprint c.complex, c.real, how(c.complex).certified, how(c.real).certified;',
    );
    expect(plain).toBe('4, 4, false, false');
    // 4 complex solutions, all real: (±1, ±2) and (±2, ±1) (closed form).
    expect(proved).toBe('4, 4, true, true');
  });

  it('says what is proved', () => {
    const [note] = runLines(`${head}print how(solve(I, certified = true).real).note;`);
    expect(note).toMatch(/certified over QQ: the 4 roots of W give 4 distinct exact solutions .* vdim 4, so there are no others/);
  });

  it('a non-radical ideal is certified by the trace route on the certified basis', () => {
    const [line] = runLines('ring R = QQ[x, y];\nlet c = solve(ideal(x^2*(x - 1), y^2 - 2), certified = true);\nprint c.complex, c.real, how(c.real).certified;');
    expect(line).toBe('4, 4, true');
  });

  it('certified must be a boolean', () => {
    const [d] = runErrors(`${head}print solve(I, certified = 1);`);
    expect(d!.message).toMatch(/certified must be true or false/);
  });
});
