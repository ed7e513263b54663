// The Ink view over the controller, driven through ink-testing-library with a scripted evaluation
// client (the real engine and worker are tested in engine.test.ts and e2e.test.ts).
import { render } from 'ink-testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { Repl, Status } from '../../src/repl/App.js';
import type { EvalClient, Finished, Handlers, Ready } from '../../src/repl/client.js';
import { Controller, EXIT_PAUSE_MS, formatElapsed } from '../../src/repl/controller.js';
import { loadLanguage } from '../../src/repl/language.js';

// The REPL loads the lexer and parser after its first prompt (src/repl/language.ts); load them once
// here, so that every test's controller becomes idle at once.
beforeAll(() => loadLanguage());

const strip = (s: string | undefined) => (s ?? '').replace(/\x1b\[[0-9;]*m/g, '');
const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

/** A client whose answers the test gives: each submit waits until `answer` is called. */
class ScriptedClient implements EvalClient {
  readonly ready: Promise<Ready> = Promise.resolve({
    names: { builtins: ['gb', 'ideal', 'solve'], stdlib: ['katsura'], keywords: ['let', 'print'], commands: [':help', ':quit'] },
    scope: [],
  });
  readonly restart = null;
  submitted: string[] = [];
  interrupts = 0;
  private waiting: { resolve: (f: Finished) => void; handlers: Handlers } | null = null;

  submit(input: string, handlers: Handlers = {}): Promise<Finished> {
    this.submitted.push(input);
    return new Promise((resolve) => (this.waiting = { resolve, handlers }));
  }

  get handlers(): Handlers {
    return this.waiting!.handlers;
  }

  answer(outcome: Finished['outcome'], scope: string[] = []): void {
    const w = this.waiting!;
    this.waiting = null;
    w.resolve({ outcome, scope });
  }

  interrupt(): void {
    this.interrupts++;
  }

  async close(): Promise<void> {}
}

function setup(now?: () => number) {
  const client = new ScriptedClient();
  const controller = new Controller({ client, banner: 'vdl test', clock: now, tickMs: 20 });
  const app = render(<Repl controller={controller} />);
  const screen = () => strip(app.lastFrame());
  const type = async (...chunks: string[]) => {
    for (const c of chunks) {
      app.stdin.write(c);
      await tick(5);
    }
    await tick();
  };
  return { client, controller, app, screen, type };
}

afterEach(() => cleanup());

describe('REPL view', () => {
  // (Colours are off under the test runner; highlight.test.ts checks the categories and e2e.test.ts
  // the escape codes on a real terminal.)
  it('shows the banner, the prompt and the input', async () => {
    const { screen, type } = setup();
    await tick();
    expect(screen()).toContain('vdl test');
    await type('let a = 1');
    expect(screen()).toContain('vdl> let a = 1');
  });

  it('runs an input: echo, value and type line, then a fresh prompt', async () => {
    const { client, screen, type } = setup();
    await type('ideal(x^2 - y)', '\r');
    expect(client.submitted).toEqual(['ideal(x^2 - y);']);
    client.answer({ ok: true, prints: [], value: 'ideal(x^2 - y)', type: 'Ideal of QQ[x, y]' }, ['x', 'y']);
    await tick();
    const lines = screen().split('\n');
    const at = lines.findIndex((l) => l.startsWith('vdl> ideal(x^2 - y)'));
    expect(lines.slice(at, at + 3)).toEqual(['vdl> ideal(x^2 - y)', 'ideal(x^2 - y)', ': Ideal of QQ[x, y]']);
    expect(lines.at(-1)!.trimEnd()).toBe('vdl>');
  });

  it('keeps reading a multi-line definition and echoes it with continuation prompts', async () => {
    const { client, screen, type } = setup();
    await type('fn f(x) {\r');
    expect(client.submitted).toEqual([]);
    expect(screen().split('\n').slice(-2)).toEqual(['vdl> fn f(x) {', '...']);
    await type('return x;\r', '}\r');
    expect(client.submitted).toEqual(['fn f(x) {\n  return x;\n}']);
    client.answer({ ok: true, prints: [] });
    await tick();
    expect(screen()).toContain('vdl> fn f(x) {\n...    return x;\n...  }');
  });

  it('shows an error with its caret, and the session goes on', async () => {
    const { client, screen, type } = setup();
    await type('print nosuch;\r');
    client.answer({ ok: false, prints: [], error: "<input 1>:1:7: error: unknown name 'nosuch'\n  print nosuch;\n        ^~~~~~" });
    await tick();
    expect(screen()).toContain("<input 1>:1:7: error: unknown name 'nosuch'\n  print nosuch;\n        ^~~~~~");
    await type('1\r');
    expect(client.submitted).toEqual(['print nosuch;', '1;']);
  });

  it('shows a spinner with elapsed time and progress, prints live, and reports an interrupt', async () => {
    let clock = 1000;
    const { client, screen, type } = setup(() => clock);
    await type('let G = gb(katsura(7));\r');
    clock = 3400;
    client.handlers.onProgress?.({ stage: 'f4', degree: 5, basisSize: 12, pairs: 30 });
    client.handlers.onPrint?.('partial result');
    await tick(60);
    expect(screen()).toContain('partial result');
    expect(screen()).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] 2\.4 s f4, degree 5, basis 12, pairs 30 · Ctrl-C interrupts/);
    await type('\x03');
    expect(client.interrupts).toBe(1);
    expect(screen()).toContain('interrupting…');
    clock = 3600;
    client.answer({ ok: false, prints: [], interrupted: true, error: 'interrupted' });
    await tick();
    expect(screen()).toContain('interrupted after 2.6 s; the session is as it was before that statement');
    expect(screen().split('\n').at(-1)!.trimEnd()).toBe('vdl>');
  });

  it('keeps keys typed during a run and replays them after it', async () => {
    const { client, type } = setup();
    await type('let a = 1;\r');
    await type('a', '\r');
    expect(client.submitted).toEqual(['let a = 1;']);
    client.answer({ ok: true, prints: [] });
    await tick();
    expect(client.submitted).toEqual(['let a = 1;', 'a;']);
  });

  it('lists completion candidates', async () => {
    const { screen, type } = setup();
    await type('g', '\t');
    expect(screen()).toContain('vdl> gb');
    await type('\x7f\x7f', 's', '\t');
    expect(screen()).toContain('vdl> solve');
    await type('\x15', 'i', '\t');
    expect(screen()).toContain('vdl> ideal');
  });

  it('shows command output, and exits on Ctrl-D at an empty prompt', async () => {
    const { client, controller, screen, type } = setup();
    await type(':help gb\r');
    expect(client.submitted).toEqual([':help gb']);
    client.answer({ ok: true, prints: [], info: 'gb(I, algorithm = "auto")\n\nThe reduced Gröbner basis' });
    await tick();
    expect(screen()).toContain('The reduced Gröbner basis');
    let exited = false;
    void controller.exited.then(() => (exited = true));
    await type('\x04');
    expect(exited).toBe(true);
  });

  it('drops typed text on Ctrl-C; at an empty prompt a second Ctrl-C after a pause exits', async () => {
    let clock = 1000;
    const { controller, screen, type } = setup(() => clock);
    await type('let half');
    await type('\x03');
    expect(screen()).toContain('vdl> let half ^C');
    let exited = false;
    void controller.exited.then(() => (exited = true));
    await type('\x03');
    expect(exited).toBe(false);
    expect(screen()).toContain('(to exit, press Ctrl-C again, or Ctrl-D, or type :quit)');
    clock += 50; // a second press 50 ms after the first: a bounce, not a decision
    await type('\x03');
    expect(exited).toBe(false);
    clock += EXIT_PAUSE_MS;
    await type('\x03');
    expect(exited).toBe(true);
  });

  it('another key cancels the request to exit', async () => {
    let clock = 1000;
    const { controller, type } = setup(() => clock);
    let exited = false;
    void controller.exited.then(() => (exited = true));
    await type('\x03');
    clock += 5000;
    await type('a', '\x7f', '\x03');
    expect(exited).toBe(false);
    clock += EXIT_PAUSE_MS;
    await type('\x03');
    expect(exited).toBe(true);
  });

  it('a Ctrl-C just after a long computation ends does not exit', async () => {
    let clock = 1000;
    const { client, controller, screen, type } = setup(() => clock);
    let exited = false;
    void controller.exited.then(() => (exited = true));
    await type('let G = gb(katsura(9));\r');
    clock += 60_000;
    await type('\x03'); // interrupts the computation
    expect(client.interrupts).toBe(1);
    client.answer({ ok: false, prints: [], interrupted: true, error: 'interrupted' });
    await tick();
    clock += 100; // the user presses again, meaning the computation, as the prompt comes back
    await type('\x03');
    clock += EXIT_PAUSE_MS;
    expect(exited).toBe(false);
    expect(screen()).toContain('(to exit, press Ctrl-C again');
    await type('\x03');
    expect(exited).toBe(true);
  });
});

describe('status line', () => {
  it('formats the elapsed time', () => {
    expect(formatElapsed(3240)).toBe('3.2 s');
    expect(formatElapsed(125_000)).toBe('2 min 05 s');
    const app = render(<Status running={{ input: 'x', started: 0, interrupting: false }} now={1500} />);
    expect(strip(app.lastFrame())).toBe('⠴ 1.5 s Ctrl-C interrupts');
  });
});
