// LaTeX of every kind of value (toLatex, src/lang/print.ts): what it reads like, and that a document
// of all of them compiles with a real TeX (pdflatex from Debian's texlive-latex-base; skipped with the
// reason when it is not installed).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, toLatex, type Value } from '../src/index.js';

/** The values printed by a script, one list per print statement. */
function printed(source: string): Value[][] {
  const out: Value[][] = [];
  const r = run(source, { onPrint: (record) => out.push([...record.values]) });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return out;
}

const latexOf = (source: string) => printed(source).map((vs) => vs.map(toLatex));

const EVERY_KIND = [
  'ring R = QQ[x1, y_2, ab, w[1..2]];',
  'print 3, -1/2, 2^70, 0.25, float(1/3), float(-2)/float(3), float(1/10000000), true, "a_b & {c} ^ ~ \\\\ 50%";',
  'print x1^2 - 1/2*w[1]*w[2] + ab*y_2, R, w, ideal(x1, w[2]^3);',
  'print [1, -2], [[1, 2], [3, 4]], {complex: 2, real_count: 0};',
  'print hilbertSeries(ideal(x1, y_2, ab)), hilbertSeries(ideal(x1^2));',
  'print V(x1*w[1]), diag(1, -1/2), projection(diag(1, 1, 0));',
  'fn f(a) = a;',
  'print linear(2, 3, 2), gb, f, "plain text";',
].join('\n');

describe('LaTeX of values', () => {
  it('reads right: fractions, real minus signs, subscripts', () => {
    const [numbers, polys, lists, series] = latexOf(EVERY_KIND);
    expect(numbers!.slice(0, 4)).toEqual(['3', '-\\frac{1}{2}', '1180591620717411303424', '\\frac{1}{4}']);
    expect(numbers![5]).toBe('-0.6666666666666666');
    expect(numbers![6]).toBe('1 \\times 10^{-7}');
    expect(numbers![8]).toBe('\\text{a\\_b \\& \\{c\\} \\textasciicircum{} \\textasciitilde{} \\textbackslash{} 50\\%}');
    expect(polys![0]).toBe('x_{1}^{2} + y_{2} \\mathit{ab} - \\frac{1}{2} w_{1} w_{2}');
    expect(polys![1]).toBe('\\mathbb{Q}[x_{1}, y_{2}, \\mathit{ab}, w_{1}, w_{2}]');
    expect(lists![1]).toBe('\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}');
    expect(lists![2]).toBe('\\left\\{ \\mathrm{complex}: 2, \\mathrm{real\\_count}: 0 \\right\\}');
    // R/(x1, y2, ab) in five variables: 1/(1 - t)^2; R/(x1^2): (1 + t)/(1 - t)^4.
    expect(series).toEqual(['\\frac{1}{(1 - t)^{2}}', '\\frac{1 + t}{(1 - t)^{4}}']);
  });

  it('typesets decimal strings (decimal(x)) with a real minus sign', () => {
    const [[decimals]] = latexOf('print [decimal(-2/3, 5), decimal(3/2), "2.5e-7"];') as [[string]];
    expect(decimals).toBe('\\left[ -0.66667, 1.5, 2.5 \\times 10^{-7} \\right]');
  });
});

const tex = spawnSync('pdflatex', ['--version'], { encoding: 'utf8' });
const hasTex = tex.status === 0;

describe.skipIf(!hasTex)('a document of every kind compiles with pdflatex (needs texlive-latex-base)', () => {
  it('compiles without errors', () => {
    const rows = latexOf(EVERY_KIND);
    const body = rows.flat().map((l) => `\\[ ${l} \\]`).join('\n');
    const dir = mkdtempSync(path.join(tmpdir(), 'vdl-latex-'));
    writeFileSync(path.join(dir, 'kinds.tex'), `\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\begin{document}\n${body}\n\\end{document}\n`);
    const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'kinds.tex'], { cwd: dir, encoding: 'utf8' });
    const log = readFileSync(path.join(dir, 'kinds.log'), 'utf8');
    expect(log.split('\n').filter((l) => l.startsWith('!'))).toEqual([]);
    expect(r.status).toBe(0);
  });
});
