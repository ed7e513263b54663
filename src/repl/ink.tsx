// The interactive REPL on a terminal: an Ink app over a Controller whose session lives in a worker
// thread (an in-process session when the compiled worker is not there, e.g. when run from sources).
import { render } from 'ink';
import { version } from '../cli/version.js';
import { workerHeapMb } from '../node/memory.js';
import { InProcessClient, REPL_STACK_MB, WorkerClient, workerScript, type EvalClient } from './client.js';
import { Controller } from './controller.js';
import { historyPath } from './history.js';
import { Repl } from './App.js';

export interface InkReplOptions {
  readonly seed?: number | bigint;
  readonly historyFile?: string;
  /** The evaluator's memory limit in bytes (src/node/memory.ts). */
  readonly memory?: number;
}

const BRACKETED_PASTE_ON = '\x1b[?2004h';
const BRACKETED_PASTE_OFF = '\x1b[?2004l';

export async function inkRepl(options: InkReplOptions = {}): Promise<number> {
  const script = workerScript();
  const limits = options.memory !== undefined ? { stackSizeMb: REPL_STACK_MB, maxOldGenerationSizeMb: workerHeapMb(options.memory) } : { stackSizeMb: REPL_STACK_MB };
  const client: EvalClient = script ? new WorkerClient(script, options.seed, limits, options.memory) : new InProcessClient(options.seed);
  const controller = new Controller({
    client,
    historyFile: options.historyFile ?? historyPath(),
    banner: `vdl ${version()}: :help for help, Tab completes, Ctrl-D quits`,
  });
  // A pasted script arrives marked, so that its lines are inserted rather than run one by one.
  process.stdout.write(BRACKETED_PASTE_ON);
  const restoreTerminal = () => process.stdout.write(BRACKETED_PASTE_OFF);
  process.once('exit', restoreTerminal);
  const instance = render(<Repl controller={controller} />, { exitOnCtrlC: false });
  try {
    await Promise.race([controller.exited, instance.waitUntilExit()]);
    instance.unmount();
    await instance.waitUntilExit();
  } finally {
    restoreTerminal();
    process.off('exit', restoreTerminal);
    await client.close();
  }
  return controller.failed ? 1 : 0;
}
