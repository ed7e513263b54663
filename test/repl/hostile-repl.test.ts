// Issue 15 (hosts stay in control) and issue 13 (a forgiving REPL), the REPL's part:
// - the echo of a bare expression is part of its statement: showing a lazy record computes its
//   fields under the interrupt, and a stop there is an interruption at the expression;
// - keys typed the moment the first prompt appears are kept: the terminal is in raw mode before the
//   prompt is drawn, so a Ctrl-D quits and a typed line runs (in the terminal's cooked mode a Ctrl-D
//   became an end-of-file marker that reached nobody, and the REPL stayed);
// - a statement over the memory limit costs the statement, never the session (piped REPL, in-process).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReplEngine } from '../../src/repl/engine.js';

const root = path.resolve(import.meta.dirname, '../..');
const hasPython = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;

/** A signal that counts its reads once armed, and turns aborted after `left` of them. */
function countdown() {
  return {
    armed: false,
    left: Infinity,
    reads: 0,
    get aborted() {
      if (!this.armed) return false;
      this.reads++;
      return --this.left < 0;
    },
  };
}

describe('the echo of a value', () => {
  it('computes a lazy record under the interrupt, and a stop there is an interruption, never an internal error', () => {
    const setup = 'ring R = QQ[x, y];';
    const input = 'solve(ideal(x^2 - 2, y - x));';
    const engineAt = () => {
      const signal = countdown();
      const engine = new ReplEngine({ signal, plotDir: null });
      engine.submit(setup);
      signal.armed = true;
      return { signal, engine };
    };
    // Polls of the evaluation alone (no echo), then of the input with its echo.
    const a = engineAt();
    expect(a.engine.session.evaluate(input).ok).toBe(true);
    const b = engineAt();
    const done = b.engine.submit(input);
    expect(done.value).toMatch(/complex: 2/);
    const evaluation = a.signal.reads, all = b.signal.reads;
    // Showing the solution computes its lazy fields, which poll.
    expect(all).toBeGreaterThan(evaluation);
    // About 25 stopping points spread over the echo's polls.
    const step = Math.max(1, Math.floor((all - evaluation) / 25));
    for (let k = evaluation; k < all; k += step) {
      const { signal, engine } = engineAt();
      signal.left = k;
      const o = engine.submit(input);
      expect(o.ok, `stopped after ${k} polls`).toBe(false);
      expect(o.interrupted, o.error).toBe(true);
      expect(o.error).toMatch(/^<input 2>:1:1: error: computation interrupted/);
      // The session goes on.
      signal.armed = false;
      expect(engine.submit('1 + 1;').value).toBe('2');
    }
  });
});

/** Runs `vdl repl` on a pseudo-terminal; writes `keys` the moment the first prompt appears. */
function atFirstPrompt(keys: string[], waitFor: string): { exited: boolean; status: number | null; screen: string } {
  const program = `
import os, pty, select, struct, fcntl, termios, time, sys, json
keys = [k.encode() for k in json.loads(sys.argv[1])]
wait_for = sys.argv[2].encode()
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[3], [sys.argv[3], 'bin/vdl.js', 'repl'])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 100, 0, 0))
buf = b''
def pump(until, seconds):
    global buf
    end = time.time() + seconds
    while time.time() < end and until not in buf:
        r, _, _ = select.select([fd], [], [], 0.01)
        if r:
            try:
                d = os.read(fd, 65536)
            except OSError:
                return False
            if not d:
                return False
            buf += d
    return until in buf
pump(b'vdl> ', 120)
for k in keys:
    os.write(fd, k)
    if k != keys[-1]:
        pump(wait_for, 120)
end = time.time() + 60
status = None
while time.time() < end:
    pump(b'\\0never', 0.2)
    done, st = os.waitpid(pid, os.WNOHANG)
    if done:
        status = os.waitstatus_to_exitcode(st)
        break
if status is None:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
print(json.dumps({'exited': status is not None, 'status': status, 'screen': buf.decode('utf8', 'replace')}))
`;
  const r = spawnSync('python3', ['-c', program, JSON.stringify(keys), waitFor, process.execPath], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TERM: 'xterm', VDL_HISTORY: '/dev/null', CI: '', VDL_PLAIN_REPL: '' },
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { exited: boolean; status: number | null; screen: string };
}

describe('keys typed as the first prompt appears', () => {
  it.skipIf(!hasPython)('a Ctrl-D at once quits (python3 pty)', () => {
    for (let k = 0; k < 2; k++) {
      const r = atFirstPrompt(['\x04'], '');
      expect(r.exited, r.screen).toBe(true);
      expect(r.status).toBe(0);
    }
  });

  it.skipIf(!hasPython)('a line typed at once runs, then Ctrl-D quits (python3 pty)', () => {
    const r = atFirstPrompt(['6 * 7\r', '\x04'], ': Integer');
    expect(r.screen).toContain('42');
    expect(r.exited, r.screen).toBe(true);
    expect(r.status).toBe(0);
  });
});

describe('out of memory in the piped REPL', () => {
  it('costs the statement, not the session', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/vdl.js'), 'repl', '--max-memory', '100'], {
      cwd: root,
      encoding: 'utf8',
      input: 'let a = 7;\nlet L = 1..3000000;\nprint a + 1;\n',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/error: out of memory/);
    expect(r.stdout).toContain('8\n');
  });
});

describe('restarting the evaluator', () => {
  it('survives restarts at any moment (starting, running, deep in recursion) and ends with a working session', async () => {
    const { REPL_STACK_MB, RestartError, WorkerClient } = await import('../../src/repl/client.js');
    const client = new WorkerClient(new URL('../../dist/src/repl/worker.js', import.meta.url), undefined, { stackSizeMb: REPL_STACK_MB });
    const statements = [
      'fn f(n) { if n == 0 { return 0; } return 1 + f(n - 1); }\nfor i in 1..100000 { f(1999); }',
      'let s = 0; for i in 1..100000000 { s = s + i; }',
      'import "stdlib/systems.vdl"; print length(gb(katsura(9)));',
    ];
    try {
      for (let k = 0; k < 9; k++) {
        if (k % 3 === 0) await client.ready;
        const running = client.submit(statements[k % 3]!).catch((e: unknown) => e);
        await new Promise((r) => setTimeout(r, [0, 20, 200][k % 3]));
        await client.restart!();
        expect(await running).toBeInstanceOf(RestartError);
      }
      expect((await client.submit('2 + 2;')).outcome.value).toBe('4');
    } finally {
      await client.close();
    }
  });
});
