// The view, the controller and the real engine together, in-process (no worker): what a user sees
// for a definition, a value with its type line, an error with its caret, and a command.
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { Repl } from '../../src/repl/App.js';
import { InProcessClient } from '../../src/repl/client.js';
import { Controller } from '../../src/repl/controller.js';

const strip = (s: string | undefined) => (s ?? '').replace(/\x1b\[[0-9;]*m/g, '');
const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

afterEach(() => cleanup());

describe('REPL with the in-process engine', () => {
  it('evaluates what is typed', async () => {
    const controller = new Controller({ client: new InProcessClient(1) });
    const app = render(<Repl controller={controller} />);
    const screen = () => strip(app.lastFrame());
    const type = async (text: string) => {
      app.stdin.write(text);
      for (let i = 0; i < 100 && controller.getSnapshot().phase !== 'idle'; i++) await tick(10);
      await tick();
    };
    await type('let a = 2;\r');
    await type('fn f(x) {\r');
    await type('return x * a;\r');
    await type('}\r');
    await type('f(21)\r');
    expect(screen()).toContain('vdl> f(21)\n42\n: Integer\n');
    await type('[f(1/4), "s"]\r');
    expect(screen()).toContain('[1/2, "s"]\n: List (2)\n');
    await type('print f(nosuch);\r');
    expect(screen()).toContain("<input 5>:1:9: error: unknown name 'nosuch'\n  print f(nosuch);\n          ^~~~~~\n");
    await type(':type f\r');
    expect(screen()).toContain('vdl> :type f\n: Function\n');
    await type(':help katsura\r');
    expect(screen()).toContain('katsura(n)');
  });
});
