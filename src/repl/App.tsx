// The Ink view of the REPL: the transcript, written once through <Static>, and below it the live
// region: the prompt with the input being edited (coloured by the project's lexer), or, while a
// statement runs, a spinner with the elapsed time and the latest progress event. All logic lives in
// the Controller; this only renders its snapshot and feeds it the raw key sequences.
import { useEffect, useSyncExternalStore } from 'react';
import { Box, Static, Text, useApp, useStdin } from 'ink';
import type { Controller, Entry, Running, Snapshot } from './controller.js';
import { formatElapsed } from './controller.js';
import { styledLines, type Category, type Run } from './highlight.js';

export const PROMPT = 'vdl> ';
export const CONTINUATION = '...  ';

const COLOURS: Partial<Record<Category, string>> = {
  keyword: 'magenta',
  number: 'yellow',
  string: 'green',
  comment: 'gray',
  command: 'cyan',
};

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

function RunView({ run }: { run: Run }) {
  const colour = COLOURS[run.category];
  return (
    <Text color={colour} inverse={run.cursor} dimColor={run.category === 'comment'}>
      {run.text}
    </Text>
  );
}

/** Source text with prompts, coloured; with a cursor when it is being edited. */
export function Code({ text, cursor, suffix }: { text: string; cursor?: number; suffix?: string }) {
  const lines = styledLines(text, cursor);
  return (
    <Box flexDirection="column">
      {lines.map((runs, i) => (
        <Text key={i}>
          <Text color="blue" bold>
            {i === 0 ? PROMPT : CONTINUATION}
          </Text>
          {runs.map((r, j) => (
            <RunView key={j} run={r} />
          ))}
          {suffix !== undefined && i === lines.length - 1 ? <Text dimColor>{suffix}</Text> : null}
        </Text>
      ))}
    </Box>
  );
}

/** A diagnostic block: the `file:line:col: error:` line and the caret in red, the source line plain. */
function ErrorView({ text }: { text: string }) {
  return (
    <Box flexDirection="column">
      {text.split('\n').map((line, i) => {
        const heading = /^\S.*?: (error|warning): /.test(line) || (i === 0 && !line.startsWith('  '));
        const caret = /^\s*\^~*\s*$/.test(line);
        return (
          <Text key={i} color={heading || caret ? 'red' : undefined} bold={heading}>
            {line}
          </Text>
        );
      })}
    </Box>
  );
}

export function EntryView({ entry }: { entry: Entry }) {
  switch (entry.kind) {
    case 'input':
      return <Code text={entry.text} />;
    case 'cancelled':
      return <Code text={entry.text} suffix=" ^C" />;
    case 'error':
      return <ErrorView text={entry.text} />;
    case 'interrupted':
      return <Text color="yellow">{entry.text}</Text>;
    case 'type':
    case 'timing':
      return <Text dimColor>{entry.text}</Text>;
    case 'info':
      return <Text>{entry.text}</Text>;
    case 'print':
    case 'value':
      return <Text>{entry.text}</Text>;
  }
}

export function Status({ running, now }: { running: Running; now: number }) {
  const elapsed = Math.max(0, now - running.started);
  const frame = SPINNER[Math.floor(elapsed / 100) % SPINNER.length];
  const detail = running.interrupting
    ? 'interrupting… (Ctrl-C again stops the evaluator and resets the session)'
    : `${running.progress ? `${running.progress} · ` : ''}Ctrl-C interrupts`;
  return (
    <Text>
      <Text color="cyan">{frame}</Text> {formatElapsed(elapsed)} <Text dimColor>{detail}</Text>
    </Text>
  );
}

function Completions({ names }: { names: readonly string[] }) {
  const shown = names.length > 60 ? [...names.slice(0, 60), `… ${names.length - 60} more`] : names;
  return <Text dimColor>{shown.join('  ')}</Text>;
}

export function LiveRegion({ snapshot }: { snapshot: Snapshot }) {
  if (snapshot.phase === 'exiting') return null;
  if (snapshot.phase === 'running' && snapshot.running) return <Status running={snapshot.running} now={snapshot.now} />;
  const input = snapshot.input;
  return (
    <Box flexDirection="column">
      <Code text={input.buffer.text} cursor={input.buffer.cursor} />
      {input.completions.length > 0 ? <Completions names={input.completions} /> : null}
    </Box>
  );
}

/**
 * Feed raw key sequences to the controller. Ink's useInput merges Backspace with Delete and drops
 * word-jump keys, so the view listens to Ink's input events (already split into key sequences)
 * and lets the controller decode them.
 */
function useRawInput(onInput: (chunk: string) => void): void {
  const { setRawMode, isRawModeSupported, internal_eventEmitter: events } = useStdin();
  useEffect(() => {
    if (isRawModeSupported) setRawMode(true);
    events.on('input', onInput);
    return () => {
      events.off('input', onInput);
      if (isRawModeSupported) setRawMode(false);
    };
  }, [events, onInput, setRawMode, isRawModeSupported]);
}

export function Repl({ controller }: { controller: Controller }) {
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const { exit } = useApp();
  useRawInput(controller.handleInput);
  useEffect(() => {
    if (snapshot.phase === 'exiting') exit();
  }, [snapshot.phase, exit]);
  return (
    <>
      <Static items={snapshot.transcript as Entry[]}>{(entry) => <EntryView key={entry.id} entry={entry} />}</Static>
      <LiveRegion snapshot={snapshot} />
    </>
  );
}
