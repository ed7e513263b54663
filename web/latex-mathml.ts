// Typesetting without a network or a font download: the LaTeX that vdl's printers write
// (src/lang/print.ts and the object kinds' `latex`) turned into MathML Core, which browsers render
// natively. Representation: a recursive-descent reader over the LaTeX string producing MathML text.
// It covers exactly the printers' vocabulary (\frac, ^ and _, \mathbb, \mathrm, \text, \left/\right
// with ( [ \{ \langle, pmatrix, spacing, escaped characters); anything else returns null, and the
// page then shows the LaTeX source instead of guessing.

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ESC[c]!);

const DELIMITERS: Record<string, string> = {
  '(': '(', ')': ')', '[': '[', ']': ']', '|': '|', '.': '',
  '\\{': '{', '\\}': '}', '\\langle': '⟨', '\\rangle': '⟩',
};
const SYMBOLS: Record<string, string> = { '\\cdot': '⋅', '\\le': '≤', '\\ge': '≥', '\\ne': '≠', '\\times': '×', '\\infty': '∞', '\\ldots': '…', '\\pm': '±' };
const SPACES: Record<string, string> = { '\\,': '0.1667em', '\\ ': '0.25em', '\\;': '0.2778em', '\\quad': '1em' };

class Unsupported extends Error {}

class Reader {
  i = 0;
  constructor(private readonly s: string) {}

  private peek(): string {
    return this.s[this.i] ?? '';
  }

  private skipSpace(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  /** The next command name (`\frac`, `\{`, `\,`) without consuming it, or ''. */
  private command(): string {
    if (this.peek() !== '\\') return '';
    const m = /^\\([A-Za-z]+|.)/.exec(this.s.slice(this.i));
    return m ? m[0] : '';
  }

  private expect(c: string): void {
    this.skipSpace();
    if (this.peek() !== c) throw new Unsupported(`expected ${c}`);
    this.i++;
  }

  /** Raw text of a `{...}` argument (for \text, \mathrm, \mathbb, \begin), unescaping `\x`. */
  private rawArgument(): string {
    this.expect('{');
    let out = '';
    let depth = 0;
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === '\\' && this.i + 1 < this.s.length) {
        out += this.s[this.i + 1];
        this.i += 2;
        continue;
      }
      if (c === '{') depth++;
      if (c === '}') {
        if (depth === 0) break;
        depth--;
      }
      out += c;
      this.i++;
    }
    this.expect('}');
    return out;
  }

  /** A sequence of items up to `}`, `&`, `\\`, `\right`, `\end` or the end. */
  row(): string {
    const items: string[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.peek();
      const cmd = this.command();
      if (c === '' || c === '}' || c === '&' || cmd === '\\\\' || cmd === '\\right' || cmd === '\\end') break;
      if (c === '^' || c === '_') {
        this.i++;
        const base = items.pop() ?? '<mrow></mrow>';
        const script = this.argument();
        this.skipSpace();
        const other = this.peek();
        if ((other === '^' || other === '_') && other !== c) {
          this.i++;
          const second = this.argument();
          const [sub, sup] = c === '_' ? [script, second] : [second, script];
          items.push(`<msubsup>${base}${sub}${sup}</msubsup>`);
        } else {
          items.push(c === '^' ? `<msup>${base}${script}</msup>` : `<msub>${base}${script}</msub>`);
        }
        continue;
      }
      items.push(this.atom());
    }
    return items.length === 1 ? items[0]! : `<mrow>${items.join('')}</mrow>`;
  }

  /** A script or a \frac argument: a group, or a single character. */
  private argument(): string {
    this.skipSpace();
    if (this.peek() === '{') {
      this.i++;
      const r = this.row();
      this.expect('}');
      return r;
    }
    return this.atom();
  }

  private atom(): string {
    const c = this.peek();
    if (c === '{') return this.argument();
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(this.s.slice(this.i))!;
      this.i += m[0].length;
      return `<mn>${m[0]}</mn>`;
    }
    if (/[A-Za-z]/.test(c)) {
      // Multi-letter names stay together (the printers write `w_{1}` for families, `abc` for a name).
      const m = /^[A-Za-z][A-Za-z0-9]*/.exec(this.s.slice(this.i))!;
      this.i += m[0].length;
      return `<mi>${m[0]}</mi>`;
    }
    if (c === '\\') return this.commandAtom();
    if ('+-=,:;<>()[]|./!\''.includes(c)) {
      this.i++;
      const mo = c === '-' ? '−' : c;
      return `<mo>${esc(mo)}</mo>`;
    }
    throw new Unsupported(`character ${c}`);
  }

  private commandAtom(): string {
    const cmd = this.command();
    this.i += cmd.length;
    if (cmd === '\\frac') return `<mfrac>${this.argument()}${this.argument()}</mfrac>`;
    if (cmd === '\\mathbb') return `<mi mathvariant="double-struck">${esc(this.rawArgument())}</mi>`;
    if (cmd === '\\mathrm') return `<mi mathvariant="normal">${esc(this.rawArgument())}</mi>`;
    if (cmd === '\\text') return `<mtext>${esc(this.rawArgument())}</mtext>`;
    if (cmd in SYMBOLS) return `<mo>${SYMBOLS[cmd]}</mo>`;
    if (cmd in SPACES) return `<mspace width="${SPACES[cmd]}"></mspace>`;
    if (cmd === '\\_' || cmd === '\\{' || cmd === '\\}' || cmd === '\\&' || cmd === '\\%' || cmd === '\\#' || cmd === '\\$') {
      const ch = cmd.slice(1);
      return ch === '_' ? '<mi>_</mi>' : `<mo>${esc(ch)}</mo>`;
    }
    if (cmd === '\\langle' || cmd === '\\rangle') return `<mo>${DELIMITERS[cmd]}</mo>`;
    if (cmd === '\\left') {
      const open = this.delimiter();
      const body = this.row();
      if (this.command() !== '\\right') throw new Unsupported('\\left without \\right');
      this.i += '\\right'.length;
      const close = this.delimiter();
      return `<mrow><mo fence="true">${esc(open)}</mo>${body}<mo fence="true">${esc(close)}</mo></mrow>`;
    }
    if (cmd === '\\begin') {
      const env = this.rawArgument();
      if (env !== 'pmatrix') throw new Unsupported(`environment ${env}`);
      const rows: string[][] = [[]];
      for (;;) {
        rows[rows.length - 1]!.push(`<mtd>${this.row()}</mtd>`);
        this.skipSpace();
        const next = this.command();
        if (this.peek() === '&') this.i++;
        else if (next === '\\\\') {
          this.i += 2;
          rows.push([]);
        } else if (next === '\\end') {
          this.i += 4;
          if (this.rawArgument() !== env) throw new Unsupported('mismatched \\end');
          break;
        } else throw new Unsupported('unterminated matrix');
      }
      const table = rows.map((r) => `<mtr>${r.join('')}</mtr>`).join('');
      return `<mrow><mo>(</mo><mtable>${table}</mtable><mo>)</mo></mrow>`;
    }
    throw new Unsupported(`command ${cmd}`);
  }

  private delimiter(): string {
    this.skipSpace();
    const cmd = this.command();
    const d = cmd || this.peek();
    if (!(d in DELIMITERS)) throw new Unsupported(`delimiter ${d}`);
    this.i += d.length;
    return DELIMITERS[d]!;
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.i >= this.s.length;
  }
}

/** `<math>` markup for the LaTeX, or null when it uses something outside the printers' vocabulary. */
export function latexToMathml(latex: string): string | null {
  try {
    const r = new Reader(latex);
    const body = r.row();
    if (!r.atEnd()) return null;
    return `<math displaystyle="true">${body}</math>`;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
