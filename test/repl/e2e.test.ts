// End to end on a real pseudo-terminal: tmux runs `node bin/vdl.js repl` (the built program, with its
// worker thread), the test types into it with send-keys and reads the screen with capture-pane.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const SKIP_REASON = 'skipped: tmux is not installed (apt-get install tmux; .ci/run installs it)';

/** A tmux server of our own (its own socket), one window running the REPL. */
class Terminal {
  private readonly socket = `vdl-e2e-${process.pid}-${Date.now()}`;

  constructor(command: string, env: Record<string, string>) {
    const assignments = Object.entries(env).map(([k, v]) => `${k}='${v}'`);
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'repl', '-x', '100', '-y', '50',
      `cd '${root}' && env ${assignments.join(' ')} ${command}; echo "[exit status $?]"; sleep 60`);
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Type text literally (a trailing ';' would end the tmux command, so it is escaped). */
  type(text: string): void {
    this.tmux('send-keys', '-t', 'repl', '-l', '--', text.replace(/;$/, '\\;'));
  }

  keys(...names: string[]): void {
    this.tmux('send-keys', '-t', 'repl', ...names);
  }

  screen(colours = false): string {
    return this.tmux('capture-pane', '-p', ...(colours ? ['-e'] : []), '-S', '-200', '-t', 'repl');
  }

  async waitFor(test: (screen: string) => boolean, what: string, timeoutMs = 60_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = this.screen();
      if (test(s)) return s;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen was:\n${s}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Wait until the screen shows `n` prompts in all (capture-pane drops trailing blanks). */
  prompts(n: number): Promise<string> {
    return this.waitFor((s) => (s.match(/^vdl>( |$)/gm) ?? []).length >= n, `prompt number ${n}`);
  }

  close(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}

describe('vdl repl on a terminal', () => {
  it.skipIf(!hasTmux)(
    `multi-line definition, long computation interrupted by Ctrl-C, an error, exit${hasTmux ? '' : ` (${SKIP_REASON})`}`,
    async () => {
      const history = path.join(mkdtempSync(path.join(tmpdir(), 'vdl-e2e-')), 'history');
      const term = new Terminal('node bin/vdl.js repl', { VDL_HISTORY: history, FORCE_COLOR: '1' });
      try {
        await term.prompts(1);
        term.type('let a = 7;');
        term.keys('Enter');
        await term.prompts(2);

        // A multi-line definition: the parser sees the open brace and keeps reading.
        term.type('fn f(x) {');
        term.keys('Enter');
        await term.waitFor((s) => /^\.\.\.( |$)/m.test(s), 'the continuation prompt');
        term.type('return x * a;');
        term.keys('Enter');
        term.type('}');
        term.keys('Enter');
        await term.prompts(3);
        term.type('f(6)');
        term.keys('Enter');
        let s = await term.prompts(4);
        expect(s).toContain('vdl> fn f(x) {\n...    return x * a;\n...  }\nvdl> f(6)\n42\n: Integer\n');

        // A long computation: the spinner shows; Ctrl-C stops it and the state is kept.
        term.type('let s = 0; for i in 1..10000 { for j in 1..10000 { s = s + 1; } }');
        term.keys('Enter');
        await term.waitFor((x) => /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] \d+\.\d s .*Ctrl-C interrupts/.test(x), 'the spinner');
        term.keys('C-c');
        s = await term.prompts(5);
        expect(s).toMatch(/interrupted after \d+\.\d s; the session is as it was before that statement/);
        term.type('[a, s, f(1)]');
        term.keys('Enter');
        s = await term.prompts(6);
        expect(s).toContain('vdl> [a, s, f(1)]\n[7, 0, 7]\n: List (3)\n');

        // An error: message with file, line and column, the source line and a caret; the REPL goes on.
        term.type('print nosuch + 1;');
        term.keys('Enter');
        s = await term.prompts(7);
        expect(s).toContain("<input 6>:1:7: error: unknown name 'nosuch'\n  print nosuch + 1;\n        ^~~~~~\n");

        // Tab completion, history recall (↑) and the colours of the lexer.
        term.type('katsu');
        term.keys('Tab');
        await term.waitFor((x) => /^vdl> katsura\s*$/m.test(x), 'the completion');
        term.keys('C-u', 'Up');
        await term.waitFor((x) => /^vdl> print nosuch \+ 1;\s*$/m.test(x.trimEnd().split('\n').at(-1)!), 'the history entry');
        expect(term.screen(true)).toMatch(/\x1b\[35m(\x1b\[\d+m)*let/);

        // Ctrl-C clears the line; Ctrl-D at the empty prompt leaves.
        term.keys('C-c');
        await term.waitFor((x) => x.includes('print nosuch + 1; ^C'), 'the cancelled line');
        term.keys('C-d');
        await term.waitFor((x) => x.includes('[exit status 0]'), 'the exit');
        const saved = readFileSync(history, 'utf8');
        expect(saved).toContain('fn f(x) {\\n  return x * a;\\n}\n');
        expect(saved).toContain('print nosuch + 1;\n');
      } finally {
        term.close();
      }
    },
  );
});
