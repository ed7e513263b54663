// The prompt's state machine, pure: the buffer, the history and the completion list, and what each key
// does to them. Deciding whether Enter submits needs the parser and Tab needs the names in scope, so
// both come in through a context; the effects (submit, exit, interrupt) are returned, not performed.
import * as B from './buffer.js';
import { complete, type CompletionSources } from './completion.js';
import { historyAdd, historyDown, historyOf, historyUp, type History } from './history.js';
import type { KeyAction } from './keys.js';
import { isCommand } from './commands.js';

export interface InputState {
  readonly buffer: B.Buffer;
  readonly history: History;
  /** Inside a bracketed paste: Enter inserts a new line instead of submitting. */
  readonly pasting: boolean;
  /** Candidates listed by the last Tab (cleared by the next key). */
  readonly completions: readonly string[];
}

export type Effect =
  | { readonly kind: 'submit'; readonly text: string }
  /** Ctrl-C with text typed: the text is dropped (shown in the transcript with ^C). */
  | { readonly kind: 'cancel'; readonly text: string }
  | { readonly kind: 'exit' }
  /** Ctrl-C at an empty prompt: exits only when confirmed by a second one after a pause (controller.ts). */
  | { readonly kind: 'exitRequest' };

export interface InputContext {
  /** False while the text is merely unfinished (an open block, a trailing operator, ...). */
  readonly isComplete: (text: string) => boolean;
  readonly completion: CompletionSources;
}

export function initialInput(historyEntries: readonly string[] = []): InputState {
  return { buffer: B.EMPTY, history: historyOf(historyEntries), pasting: false, completions: [] };
}

function withBuffer(s: InputState, buffer: B.Buffer): InputState {
  return { ...s, buffer, completions: [] };
}

/**
 * Insert typed text. A '}' typed on a blank line removes one level of indentation first. Text of
 * several characters arrives at once only when pasted (or typed by a program): if it brings its own
 * indentation, that replaces the automatic one rather than adding to it.
 */
function typeText(s: InputState, text: string): InputState {
  let b = s.buffer;
  const start = B.lineStart(b.text, b.cursor);
  const blankBefore = /^\s*$/.test(b.text.slice(start, b.cursor));
  if (!s.pasting && blankBefore && b.cursor > start) {
    if (text === '}' && b.cursor - start >= 2) b = B.replaceRange(b, b.cursor - 2, b.cursor, '');
    else if (text.length > 1 && /^\s/.test(text)) b = B.replaceRange(b, start, b.cursor, '');
  }
  return withBuffer(s, B.insert(b, text));
}

function newline(s: InputState): InputState {
  const indent = s.pasting ? '' : B.indentAfter(s.buffer.text, s.buffer.cursor);
  return withBuffer(s, B.insert(s.buffer, `\n${indent}`));
}

function submitted(s: InputState, text: string): InputState {
  return { buffer: B.EMPTY, history: historyAdd(s.history, text), pasting: false, completions: [] };
}

export function reduceInput(s: InputState, key: KeyAction, ctx: InputContext): { state: InputState; effect?: Effect } {
  if ('text' in key) return { state: typeText(s, key.text) };
  const b = s.buffer;
  switch (key.action) {
    case 'enter': {
      if (s.pasting) return { state: newline(s) };
      const text = b.text;
      if (text.trim() === '' || isCommand(text) || ctx.isComplete(text)) {
        return { state: submitted(s, text), effect: { kind: 'submit', text } };
      }
      // Unfinished: continue on a new line (at the end, wherever the cursor was).
      return { state: newline({ ...s, buffer: B.bufferEnd(b) }) };
    }
    case 'newline':
      return { state: newline(s) };
    case 'backspace':
      return { state: withBuffer(s, B.backspace(b)) };
    case 'delete':
      return { state: withBuffer(s, B.deleteForward(b)) };
    case 'left':
      return { state: withBuffer(s, B.left(b)) };
    case 'right':
      return { state: withBuffer(s, B.right(b)) };
    case 'wordLeft':
      return { state: withBuffer(s, B.wordLeft(b)) };
    case 'wordRight':
      return { state: withBuffer(s, B.wordRight(b)) };
    case 'home':
      return { state: withBuffer(s, B.home(b)) };
    case 'end':
      return { state: withBuffer(s, B.end(b)) };
    case 'bufferStart':
      return { state: withBuffer(s, B.bufferStart(b)) };
    case 'bufferEnd':
      return { state: withBuffer(s, B.bufferEnd(b)) };
    case 'deleteWordBack':
      return { state: withBuffer(s, B.deleteWordBack(b)) };
    case 'deleteWordForward':
      return { state: withBuffer(s, B.deleteWordForward(b)) };
    case 'killToEnd':
      return { state: withBuffer(s, B.killToEnd(b)) };
    case 'killToStart':
      return { state: withBuffer(s, B.killToStart(b)) };
    case 'up': {
      const moved = B.lineUp(b);
      if (moved) return { state: withBuffer(s, moved) };
      const h = historyUp(s.history, b.text);
      // The recalled entry opens with the cursor at its end, as in a shell.
      return h ? { state: withBuffer({ ...s, history: h.history }, B.bufferOf(h.text)) } : { state: s };
    }
    case 'down': {
      const moved = B.lineDown(b);
      if (moved) return { state: withBuffer(s, moved) };
      const h = historyDown(s.history);
      return h ? { state: withBuffer({ ...s, history: h.history }, B.bufferOf(h.text)) } : { state: s };
    }
    case 'tab': {
      const r = complete(b, ctx.completion);
      if (r.kind === 'replace') return { state: withBuffer(s, B.replaceRange(b, r.start, r.end, r.text)) };
      if (r.kind === 'list') return { state: { ...s, completions: r.candidates } };
      // Nothing to complete: after blanks (or at the start of a line) Tab indents.
      const before = b.text.slice(B.lineStart(b.text, b.cursor), b.cursor);
      return /^\s*$/.test(before) ? { state: withBuffer(s, B.insert(b, '  ')) } : { state: s };
    }
    case 'interrupt':
      if (b.text === '') return { state: s, effect: { kind: 'exitRequest' } };
      return { state: { ...s, buffer: B.EMPTY, pasting: false, completions: [], history: { ...s.history, index: s.history.entries.length, draft: '' } }, effect: { kind: 'cancel', text: b.text } };
    case 'eof':
      if (b.text === '') return { state: s, effect: { kind: 'exit' } };
      return { state: withBuffer(s, B.deleteForward(b)) };
    case 'pasteStart':
      return { state: { ...s, pasting: true } };
    case 'pasteEnd': {
      // A paste ending in a new line leaves no empty last line behind.
      const t = b.text;
      const trimmed = b.cursor === t.length && t.endsWith('\n') ? B.bufferOf(t.replace(/\n+$/, '')) : b;
      return { state: { ...withBuffer(s, trimmed), pasting: false } };
    }
    case 'escape':
    case 'clearScreen':
      return { state: { ...s, completions: [] } };
  }
}
