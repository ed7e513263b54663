// The interactive REPL's logic, free of React: it takes raw terminal input, keeps the prompt state, the
// transcript and the running statement, and talks to the evaluation client. The Ink view subscribes to
// it and renders its snapshot; tests drive it directly or through the view.
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describeProgress } from '../lang/progress-text.js';
import { RestartError, type EvalClient, type Finished } from './client.js';
import type { CompletionSources } from './completion.js';
import { isCommand } from './commands.js';
import { appendHistory, loadHistory } from './history.js';
import { initialInput, reduceInput, type Effect, type InputState } from './input.js';
import { decodeInput, type KeyAction } from './keys.js';
import { language, loadLanguage } from './language.js';

export type EntryKind = 'input' | 'cancelled' | 'print' | 'value' | 'type' | 'error' | 'interrupted' | 'info' | 'timing';

export interface Entry {
  readonly id: number;
  readonly kind: EntryKind;
  readonly text: string;
}

export interface Running {
  readonly input: string;
  readonly started: number;
  readonly progress?: string;
  /** Ctrl-C was pressed; waiting for the statement to stop. */
  readonly interrupting: boolean;
}

export interface Snapshot {
  readonly phase: 'starting' | 'idle' | 'running' | 'exiting';
  readonly transcript: readonly Entry[];
  readonly input: InputState;
  readonly running: Running | null;
  /** The clock, refreshed while a statement runs (for the elapsed time). */
  readonly now: number;
}

export interface ControllerOptions {
  readonly client: EvalClient;
  /** History file (read at start, appended on each input); none keeps history in memory only. */
  readonly historyFile?: string;
  readonly clock?: () => number;
  /** How often the elapsed time is refreshed while a statement runs. */
  readonly tickMs?: number;
  readonly listDirectory?: (dir: string) => readonly string[];
  /** A first line for the transcript. */
  readonly banner?: string;
}

/** "0.4 s", "3.2 s", "2 min 05 s". */
/** The least pause between two Ctrl-C at an empty prompt for the second to exit (and after a statement ends). */
export const EXIT_PAUSE_MS = 400;

export function formatElapsed(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(Math.floor(s - 60 * m)).padStart(2, '0')} s`;
}

/**
 * The input to run for `text`, or null when it is unfinished (more lines to come). At the prompt the
 * final ';' is optional: an input whose only problem is a missing ';' at its very end runs with one
 * added (`1 + 2` shows 3), while an open block, bracket or trailing operator keeps reading.
 */
export function completedInput(text: string): string | null {
  const lang = language();
  if (!lang) throw new Error('completedInput before loadLanguage()');
  const { highlightTokens, isIncompleteInput, parseProgram } = lang;
  if (!isIncompleteInput(parseProgram(text, '<input>').diagnostics)) return text;
  // After the last token that is not a comment (`1 + 2  // three` becomes `1 + 2;  // three`).
  const last = highlightTokens(text).filter((t) => t.category !== 'comment').pop();
  if (!last) return null;
  const closed = `${text.slice(0, last.end)};${text.slice(last.end)}`;
  return parseProgram(closed, '<input>').diagnostics.length === 0 ? closed : null;
}

export function isCompleteInput(text: string): boolean {
  return completedInput(text) !== null;
}

function defaultListDirectory(dir: string): string[] {
  try {
    return readdirSync(dir).map((name) => {
      try {
        return statSync(path.join(dir, name)).isDirectory() ? `${name}/` : name;
      } catch {
        return name;
      }
    });
  } catch {
    return [];
  }
}

export class Controller {
  private state: Snapshot;
  private readonly listeners = new Set<() => void>();
  private readonly client: EvalClient;
  private readonly clock: () => number;
  private readonly tickMs: number;
  private completion: CompletionSources;
  private nextEntry = 1;
  /** Keys typed while a statement runs, replayed when it ends. */
  private typeahead: KeyAction[] = [];
  /** When a Ctrl-C at an empty prompt asked to exit (undefined: no request pending). */
  private exitArmedAt: number | undefined;
  /** When the prompt last became idle (the end of the last statement). */
  private idleSince = -Infinity;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private exitResolve!: () => void;
  /** Resolves when the user leaves (Ctrl-D, :quit, Ctrl-C at an empty prompt). */
  readonly exited: Promise<void>;

  constructor(private readonly options: ControllerOptions) {
    this.client = options.client;
    this.clock = options.clock ?? Date.now;
    this.tickMs = options.tickMs ?? 100;
    const entries = options.historyFile ? loadHistory(options.historyFile) : [];
    this.state = { phase: 'starting', transcript: [], input: initialInput(entries), running: null, now: this.clock() };
    this.completion = {
      scope: [], builtins: [], stdlib: [], keywords: [], commands: [],
      listDirectory: options.listDirectory ?? defaultListDirectory,
    };
    this.exited = new Promise((resolve) => (this.exitResolve = resolve));
    if (options.banner) this.append({ kind: 'info', text: options.banner });
    // Idle (keys typed so far are replayed) once the evaluator is ready and the parser is loaded.
    Promise.all([this.client.ready, loadLanguage()]).then(
      ([ready]) => {
        this.completion = { ...this.completion, ...ready.names, scope: ready.scope };
        if (this.state.phase === 'starting') this.set({ phase: 'idle' });
        this.drain();
      },
      (e: Error) => this.fatal(e),
    );
  }

  // --- the store interface (useSyncExternalStore) ---------------------------------------------

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): Snapshot => this.state;

  private set(patch: Partial<Snapshot>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private append(...entries: { kind: EntryKind; text: string }[]): void {
    if (entries.length === 0) return;
    this.set({ transcript: [...this.state.transcript, ...entries.map((e) => ({ ...e, id: this.nextEntry++ }))] });
  }

  // --- input ------------------------------------------------------------------------------------

  /** One chunk of raw terminal input, as Ink's input parser splits it. */
  readonly handleInput = (chunk: string): void => {
    const actions = decodeInput(chunk);
    const phase = this.state.phase;
    if (phase === 'exiting') return;
    if (phase === 'running') {
      for (const a of actions) {
        if ('action' in a && a.action === 'interrupt') this.interrupt();
        else if (!this.state.running?.interrupting) this.typeahead.push(a);
      }
      return;
    }
    // Ctrl-D at the empty prompt before anything else was typed leaves at once, while the evaluator
    // is still starting (other keys wait in the typeahead until the line editor is ready).
    const first = actions[0];
    if (phase === 'starting' && this.typeahead.length === 0 && this.state.input.buffer.text === '' && first && 'action' in first && first.action === 'eof') {
      this.exit();
      return;
    }
    this.typeahead.push(...actions);
    if (phase === 'idle') this.drain();
  };

  /**
   * Ctrl-C at an empty prompt, as in Node's REPL: the first one says how to leave; a second one exits,
   * but only at an idle prompt, at least EXIT_PAUSE_MS after the first and after the prompt came back
   * (a double press, or a Ctrl-C meant for a computation that just ended, never loses the session).
   * Any other key cancels the request.
   */
  private requestExit(): void {
    const now = this.clock();
    const armed = this.exitArmedAt;
    if (armed !== undefined && now - armed >= EXIT_PAUSE_MS && now - this.idleSince >= EXIT_PAUSE_MS) {
      this.exit();
      return;
    }
    if (armed === undefined) {
      this.exitArmedAt = now;
      this.append({ kind: 'info', text: '(to exit, press Ctrl-C again, or Ctrl-D, or type :quit)' });
    }
  }

  /** Apply queued keys until one of them starts a statement. */
  private drain(): void {
    while (this.typeahead.length > 0 && this.state.phase === 'idle') {
      const key = this.typeahead.shift()!;
      if (!('action' in key && key.action === 'interrupt')) this.exitArmedAt = undefined;
      const { state, effect } = reduceInput(this.state.input, key, { isComplete: isCompleteInput, completion: this.completion });
      const before = this.state.input.history.entries;
      this.set({ input: state });
      if (this.options.historyFile && state.history.entries !== before && state.history.entries.length > 0) {
        appendHistory(this.options.historyFile, state.history.entries[state.history.entries.length - 1]!);
      }
      if (effect) this.perform(effect);
    }
  }

  private perform(effect: Effect): void {
    switch (effect.kind) {
      case 'exit':
        this.exit();
        return;
      case 'exitRequest':
        this.requestExit();
        return;
      case 'cancel':
        this.append({ kind: 'cancelled', text: effect.text });
        return;
      case 'submit':
        this.append({ kind: 'input', text: effect.text });
        if (effect.text.trim() !== '') void this.run(isCommand(effect.text) ? effect.text : (completedInput(effect.text) ?? effect.text));
        return;
    }
  }

  private async run(text: string): Promise<void> {
    const started = this.clock();
    this.set({ phase: 'running', running: { input: text, started, interrupting: false }, now: started });
    this.ticker = setInterval(() => this.set({ now: this.clock() }), this.tickMs);
    let finished: Finished | null = null;
    try {
      finished = await this.client.submit(text, {
        onPrint: (line) => this.append({ kind: 'print', text: line }),
        onProgress: (event) => {
          if (this.state.running) this.set({ running: { ...this.state.running, progress: describeProgress(event) } });
        },
      });
    } catch (e) {
      // The evaluator died or was restarted: the transcript says so, and the prompt comes back.
      if (!(e instanceof RestartError)) this.append({ kind: 'error', text: (e as Error).message });
    } finally {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
    const elapsed = this.clock() - started;
    if (finished) this.report(finished, elapsed);
    if (this.state.phase === 'exiting') return;
    this.exitArmedAt = undefined;
    this.idleSince = this.clock();
    this.set({ phase: 'idle', running: null, now: this.idleSince });
    this.drain();
  }

  private report({ outcome, scope }: Finished, elapsed: number): void {
    this.completion = { ...this.completion, scope };
    const out: { kind: EntryKind; text: string }[] = outcome.prints.map((text) => ({ kind: 'print' as const, text }));
    if (outcome.interrupted) {
      out.push({ kind: 'interrupted', text: `interrupted after ${formatElapsed(elapsed)}; the session is as it was before that statement` });
    } else if (outcome.error !== undefined) {
      out.push({ kind: 'error', text: outcome.error });
    }
    if (outcome.value !== undefined) out.push({ kind: 'value', text: outcome.value });
    if (outcome.type !== undefined) out.push({ kind: 'type', text: `: ${outcome.type}` });
    if (outcome.info !== undefined) out.push({ kind: 'info', text: outcome.info });
    if (!outcome.interrupted && elapsed >= 1000) out.push({ kind: 'timing', text: `(${formatElapsed(elapsed)})` });
    this.append(...out);
    if (outcome.quit) this.exit();
  }

  /** Ctrl-C while a statement runs: ask it to stop; a second Ctrl-C restarts the evaluator. */
  private interrupt(): void {
    const running = this.state.running;
    if (!running) return;
    this.typeahead = [];
    if (!running.interrupting) {
      this.client.interrupt();
      this.set({ running: { ...running, interrupting: true } });
      return;
    }
    const restart = this.client.restart;
    if (!restart) return;
    this.append({
      kind: 'error',
      text: `stopped after ${formatElapsed(this.clock() - running.started)} by restarting the evaluator: the session was reset (every definition is lost)`,
    });
    restart().then(
      (ready) => (this.completion = { ...this.completion, ...ready.names, scope: ready.scope }),
      (e: Error) => this.fatal(e),
    );
  }

  /** The evaluator could not start: the REPL ends with a failure status. */
  failed = false;

  private fatal(e: Error): void {
    if (this.state.phase === 'exiting') return;
    this.failed = true;
    this.append({ kind: 'error', text: `the evaluator could not start: ${e.message}` });
    this.exit();
  }

  exit(): void {
    if (this.state.phase === 'exiting') return;
    if (this.ticker) clearInterval(this.ticker);
    this.set({ phase: 'exiting', running: null });
    this.exitResolve();
  }
}
