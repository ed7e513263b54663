// The playground's LaTeX -> MathML reader (web/latex-mathml.ts) on what vdl's printers write: the
// LaTeX comes from the library's own toLatex on real values (so a printer change that the reader
// cannot follow shows here), and the MathML is checked by its structure.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, toLatex } from '../../src/index.js';
import { latexToMathml } from '../../web/latex-mathml.js';
import { decodeScript, encodeScript } from '../../web/share.js';
import { highlightHtml } from '../../web/highlight.js';

/** The LaTeX of each value printed by `source`. */
function latexOf(source: string): string[] {
  const r = run(source);
  expect(r.diagnostics).toEqual([]);
  return r.prints.map((p) => p.values.map(toLatex).join(', '));
}

describe('latexToMathml', () => {
  it('typesets fractions, powers with subscripts, ideals, matrices and rings', () => {
    const [frac, poly, ideal, matrix, ring] = latexOf(
      'print -3/4;\nring R = QQ[x, w[1..2]];\nprint x^2*w[1] - 1/2;\nprint ideal(x - 1, w[2]);\nprint [[1, 2], [3, 4]];\nprint R;',
    );
    expect(latexToMathml(frac!)).toBe('<math displaystyle="true"><mrow><mo>−</mo><mfrac><mn>3</mn><mn>4</mn></mfrac></mrow></math>');
    const p = latexToMathml(poly!)!;
    expect(p).toContain('<msup><mi>x</mi><mn>2</mn></msup>');
    expect(p).toContain('<msub><mi>w</mi><mn>1</mn></msub>');
    expect(p).toContain('<mfrac><mn>1</mn><mn>2</mn></mfrac>');
    expect(latexToMathml(ideal!)).toMatch(/^<math[^>]*><mrow><mo fence="true">⟨<\/mo>.*<mo fence="true">⟩<\/mo><\/mrow><\/math>$/);
    expect(latexToMathml(matrix!)).toContain('<mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>2</mn></mtd></mtr><mtr><mtd><mn>3</mn></mtd><mtd><mn>4</mn></mtd></mtr></mtable>');
    expect(latexToMathml(ring!)).toContain('<mi mathvariant="double-struck">Q</mi>');
  });

  it('reads every print of the tour and of nnls.vdl, and strings and records', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    for (const name of ['tour.vdl', 'nnls.vdl']) {
      const source = readFileSync(path.join(root, 'examples', name), 'utf8');
      for (const latex of latexOf(source)) expect(latexToMathml(latex), `${name}: ${latex}`).not.toBeNull();
    }
    const [record] = latexOf('print {s: "a_b {c}", ok: true};');
    expect(latexToMathml(record!)).toContain('<mtext>a_b {c}</mtext>');
  });

  it('returns null for LaTeX outside the printers\' vocabulary (the page shows the source then)', () => {
    expect(latexToMathml('\\int_0^1 f')).toBeNull();
    expect(latexToMathml('\\frac{1}{2')).toBeNull();
    expect(latexToMathml('\\left( x')).toBeNull();
  });
});

describe('share links and colouring', () => {
  it('encodeScript and decodeScript round-trip any text, and reject damage', () => {
    for (const s of ['', 'print 1;', 'ring R = QQ[x];\n// ünïcode ∂ 𝔽 "q" & <t>\n']) expect(decodeScript(encodeScript(s))).toBe(s);
    expect(encodeScript('print 1;')).toMatch(/^#code=[A-Za-z0-9_-]+$/);
    expect(decodeScript('#other')).toBeNull();
    expect(decodeScript('#code=%%%')).toBeNull();
  });

  it('highlightHtml classes tokens by the lexer and escapes text', () => {
    expect(highlightHtml('print a < 1; // c')).toBe(
      '<span class="tok-keyword">print</span> <span class="tok-identifier">a</span> <span class="tok-operator">&lt;</span> <span class="tok-number">1</span><span class="tok-punctuation">;</span> <span class="tok-comment">// c</span>\n',
    );
    expect(highlightHtml('let x = y;', [8, 9])).toContain('<span class="tok-identifier error-mark">y</span>');
  });
});
