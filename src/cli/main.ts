// The `vdl` command: run, check, repl and lsp. Exit status: 0 on success, 1 when the script has an error,
// 2 on a usage error. Errors print as `file:line:col: error: message` with the source line and a
// caret; an internal failure never shows a stack trace unless --debug is given.
//
// Startup: this module imports only the argument parser and the version, so `vdl --version` and
// `--help` answer without loading the compiler (chevrotain and the grammar alone cost most of a
// second); run and check import it on demand (./run-script.js), the REPL its own modules
// (bench/startup.js measures the three).
import { formatUsageError, parseArguments, usage, UsageError, type Command } from './args.js';
import { version } from './version.js';

export async function main(argv: readonly string[]): Promise<number> {
  // `vdl run x.vdl | head` closes our stdout early: stop quietly, as other command-line tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  let command: Command;
  try {
    command = parseArguments(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${formatUsageError(e, argv)}\n\n${usage()}\n`);
    return 2;
  }
  // The REPL's worker thread sees the environment; run and check take the flag as an option.
  if (command.debug) process.env['VDL_DEBUG'] = '1';
  switch (command.name) {
    case 'help':
      process.stdout.write(`${usage()}\n`);
      return 0;
    case 'version':
      process.stdout.write(`vdl ${version()}\n`);
      return 0;
    case 'check': {
      const { checkScript } = await import('./run-script.js');
      return checkScript(command);
    }
    case 'run': {
      const { runScript } = await import('./run-script.js');
      return runScript(command);
    }
    case 'repl': {
      const { startRepl } = await import('../repl/start.js');
      return startRepl({ seed: command.seed, maxMemory: command.maxMemory });
    }
    case 'lsp': {
      // The server answers until the editor sends exit; the process stays alive on its stdin.
      const { startLanguageServer } = await import('../lsp/server.js');
      startLanguageServer();
      return new Promise<number>(() => {});
    }
  }
}
