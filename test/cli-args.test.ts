// The argument parser of `vdl` (src/cli/args.ts, on util.parseArgs) in-process: --opt=value and
// --opt value, standard input and -e, usage errors that point at the argument at fault.
import { describe, expect, it } from 'vitest';
import { formatUsageError, parseArguments, UsageError } from '../src/cli/args.js';

function usageError(argv: string[]): UsageError {
  try {
    parseArguments(argv);
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('vdl arguments', () => {
  it('takes --opt=value and --opt value alike', () => {
    const a = parseArguments(['run', 'x.vdl', '--seed=5', '--timeout=2.5']);
    const b = parseArguments(['run', '--seed', '5', 'x.vdl', '--timeout', '2.5']);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ name: 'run', source: { kind: 'file', file: 'x.vdl' }, seed: 5, timeout: 2.5, json: false, verbose: false });
    expect(parseArguments(['run', 'x.vdl', '--seed=-3'])).toMatchObject({ seed: -3 });
    expect(parseArguments(['repl', '--seed=7'])).toEqual({ name: 'repl', seed: 7, debug: false });
    expect(parseArguments(['lsp', '--stdio'])).toEqual({ name: 'lsp', debug: false });
    expect(parseArguments(['lsp'])).toEqual({ name: 'lsp', debug: false });
  });

  it('reads a script from standard input (-) or from the command line (-e)', () => {
    expect(parseArguments(['run', '-'])).toMatchObject({ name: 'run', source: { kind: 'stdin' } });
    expect(parseArguments(['check', '-'])).toMatchObject({ name: 'check', source: { kind: 'stdin' } });
    expect(parseArguments(['-e', 'print 1;'])).toMatchObject({ name: 'run', source: { kind: 'eval', code: 'print 1;' } });
    expect(parseArguments(['run', '-e', 'print 1;', '--json'])).toMatchObject({ name: 'run', source: { kind: 'eval', code: 'print 1;' }, json: true, provenance: true });
    expect(parseArguments(['run', '--eval=print 2;'])).toMatchObject({ source: { kind: 'eval', code: 'print 2;' } });
    expect(parseArguments(['run', 'x.vdl', '--json-plain'])).toMatchObject({ json: true, provenance: false });
  });

  it('answers --help and --version before anything else', () => {
    expect(parseArguments(['--version'])).toEqual({ name: 'version', debug: false });
    expect(parseArguments(['run', 'x.vdl', '-h'])).toEqual({ name: 'help', debug: false });
  });

  it('points at the argument at fault, with a suggestion', () => {
    const e = usageError(['run', 'x.vdl', '--jsn']);
    expect(e.message).toBe("unknown option '--jsn'; did you mean --json?");
    expect(e.argument).toBe(2);
    expect(formatUsageError(e, ['run', 'x.vdl', '--jsn'])).toBe("vdl: error: unknown option '--jsn'; did you mean --json?\n  vdl run x.vdl --jsn\n                ^~~~~");
    expect(usageError(['rnu', 'x.vdl']).message).toBe("unknown command 'rnu'; did you mean 'run'?");
    expect(usageError(['run', 'x.vdl', '--seed']).message).toBe('--seed needs a value');
    expect(usageError(['run', 'x.vdl', '--seed', 'abc'])).toMatchObject({ message: "--seed needs an integer, not 'abc'", argument: 2 });
    expect(usageError(['run', 'x.vdl', '--timeout=0']).message).toBe("--timeout needs a positive number, not '0'");
    expect(usageError(['repl', '--json'])).toMatchObject({ message: 'repl does not take --json', argument: 1 });
    expect(usageError(['run', 'x.vdl', '--stdio'])).toMatchObject({ message: 'run does not take --stdio', argument: 2 });
    expect(usageError(['lsp', 'x.vdl'])).toMatchObject({ message: "unexpected argument 'x.vdl' for lsp", argument: 1 });
    expect(usageError(['run']).message).toBe('run needs a FILE (or - for standard input, or -e CODE)');
    expect(usageError(['run', 'a.vdl', 'b.vdl'])).toMatchObject({ message: 'run takes one FILE', argument: 2 });
    expect(usageError(['run', '-e', '1;', 'a.vdl']).message).toBe('run -e takes no FILE');
    expect(usageError([]).message).toBe('no command given');
    expect(usageError(['run', 'x.vdl', '--json=yes']).message).toBe('--json takes no value');
  });
});
