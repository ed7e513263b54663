// The prompt's state machine: typing, Enter (submit or continue, decided by the parser), history,
// Tab, Ctrl-C / Ctrl-D, bracketed paste.
import { beforeAll, describe, expect, it } from 'vitest';
import { completedInput, isCompleteInput } from '../../src/repl/controller.js';
import { loadLanguage } from '../../src/repl/language.js';

// The parser comes in after the first prompt (src/repl/language.ts); here, before the tests.
beforeAll(() => loadLanguage());
import { initialInput, reduceInput, type Effect, type InputState } from '../../src/repl/input.js';
import { decodeInput } from '../../src/repl/keys.js';

const ctx = {
  isComplete: isCompleteInput,
  completion: { scope: ['alpha'], builtins: ['gb', 'ideal'], stdlib: ['katsura'], keywords: ['let'], commands: [':help'] },
};

/** Feed raw terminal input; collect the effects. */
function feed(state: InputState, ...chunks: string[]): { state: InputState; effects: Effect[] } {
  const effects: Effect[] = [];
  for (const chunk of chunks) {
    for (const key of decodeInput(chunk)) {
      const r = reduceInput(state, key, ctx);
      state = r.state;
      if (r.effect) effects.push(r.effect);
    }
  }
  return { state, effects };
}

describe('completeness of an input', () => {
  it('runs complete statements and keeps reading unfinished ones', () => {
    expect(isCompleteInput('let a = 1;')).toBe(true);
    expect(isCompleteInput('fn f(x) {')).toBe(false);
    expect(isCompleteInput('fn f(x) {\n  return x;')).toBe(false);
    expect(isCompleteInput('fn f(x) {\n  return x;\n}')).toBe(true);
    expect(isCompleteInput('let m = [1, 2,')).toBe(false);
    expect(isCompleteInput('let s = 1 +')).toBe(false);
    expect(isCompleteInput('/* a comment')).toBe(false);
  });

  it('runs an input with an error at once (the error is shown, not waited on)', () => {
    expect(isCompleteInput('let = 2;')).toBe(true);
    expect(isCompleteInput('print (1;')).toBe(true);
  });

  it('accepts a missing final semicolon at the prompt', () => {
    expect(completedInput('1 + 2')).toBe('1 + 2;');
    expect(completedInput('let a = 2  // two')).toBe('let a = 2;  // two');
    expect(completedInput('a;')).toBe('a;');
    expect(completedInput('fn f(x) {')).toBeNull();
    expect(completedInput('1 +')).toBeNull();
  });
});

describe('input reducer', () => {
  it('submits a complete line and records it', () => {
    const r = feed(initialInput(), 'let a = 1;', '\r');
    expect(r.effects).toEqual([{ kind: 'submit', text: 'let a = 1;' }]);
    expect(r.state.buffer.text).toBe('');
    expect(r.state.history.entries).toEqual(['let a = 1;']);
  });

  it('continues an unfinished input on an indented new line and dedents the closing brace', () => {
    let r = feed(initialInput(), 'fn f(x) {\r');
    expect(r.effects).toEqual([]);
    expect(r.state.buffer.text).toBe('fn f(x) {\n  ');
    r = feed(r.state, 'return x;\r', '}');
    expect(r.state.buffer.text).toBe('fn f(x) {\n  return x;\n}');
    r = feed(r.state, '\r');
    expect(r.effects).toEqual([{ kind: 'submit', text: 'fn f(x) {\n  return x;\n}' }]);
    expect(r.state.history.entries).toEqual(['fn f(x) {\n  return x;\n}']);
  });

  it('edits: word jumps, kills, home/end, delete versus backspace', () => {
    let r = feed(initialInput(), 'print alpha + beta');
    r = feed(r.state, '\x1b[1;5D', '\x17');
    expect(r.state.buffer.text).toBe('print beta');
    r = feed(r.state, '\x1b[1;5D', '\x1bd');
    expect(r.state.buffer.text).toBe(' beta');
    r = feed(r.state, 'print');
    r = feed(r.state, '\x01', '\x1b[3~', '\x7f');
    expect(r.state.buffer.text).toBe('rint beta');
    r = feed(r.state, '\x05', '\x7f', '\x15');
    expect(r.state.buffer).toEqual({ text: '', cursor: 0 });
  });

  it('walks the history keeping the draft, and moves between lines of a multi-line input', () => {
    let r = feed(initialInput(['old 1', 'fn g() {\n  return 1;\n}']), 'dra');
    r = feed(r.state, '\x1b[A');
    expect(r.state.buffer.text).toBe('fn g() {\n  return 1;\n}');
    // ↑ inside a multi-line entry moves up a line first
    r = feed(r.state, '\x1b[A');
    expect(r.state.buffer.text).toBe('fn g() {\n  return 1;\n}');
    r = feed(r.state, '\x1b[A', '\x1b[A');
    expect(r.state.buffer.text).toBe('old 1');
    r = feed(r.state, '\x1b[B', '\x1b[B', '\x1b[B', '\x1b[B');
    expect(r.state.buffer.text).toBe('dra');
  });

  it('completes with Tab, lists several candidates, indents when there is no word', () => {
    let r = feed(initialInput(), 'kat', '\t');
    expect(r.state.buffer.text).toBe('katsura');
    r = feed(initialInput(), 'let x = ', '\t');
    expect(r.state.buffer.text).toBe('let x = ');
    r = feed(initialInput(), '\t');
    expect(r.state.buffer.text).toBe('  ');
    r = feed(initialInput(), 'print ', '\t');
    expect(r.state.buffer.text).toBe('print ');
    r = feed(initialInput(), 'x = gb(I) + i', '\t');
    expect(r.state.buffer.text).toBe('x = gb(I) + ideal');
  });

  it('Ctrl-C drops the typed text; at an empty prompt it asks to exit, Ctrl-D exits', () => {
    let r = feed(initialInput(), 'let a', '\x03');
    expect(r.effects).toEqual([{ kind: 'cancel', text: 'let a' }]);
    expect(r.state.buffer.text).toBe('');
    expect(feed(r.state, '\x03').effects).toEqual([{ kind: 'exitRequest' }]);
    expect(feed(initialInput(), '\x04').effects).toEqual([{ kind: 'exit' }]);
    r = feed(initialInput(), 'ab', '\x01', '\x04');
    expect(r.effects).toEqual([]);
    expect(r.state.buffer.text).toBe('b');
  });

  it('inserts a bracketed paste as it is and runs it on Enter', () => {
    let r = feed(initialInput(), '\x1b[200~', 'let a = 1;\rlet b = 2;\r', '\x1b[201~');
    expect(r.effects).toEqual([]);
    expect(r.state.buffer.text).toBe('let a = 1;\nlet b = 2;');
    r = feed(r.state, '\r');
    expect(r.effects).toEqual([{ kind: 'submit', text: 'let a = 1;\nlet b = 2;' }]);
  });

  it('runs an unbracketed paste line by line, keeping its own indentation', () => {
    const r = feed(initialInput(), 'let a = 1;\rfn f(x) {\rreturn x;\r}\r', 'fn g(x) {\r  if x > 0 {\r    return x;\r  }\r  return 0;\r}\r');
    expect(r.effects).toEqual([
      { kind: 'submit', text: 'let a = 1;' },
      { kind: 'submit', text: 'fn f(x) {\n  return x;\n}' },
      { kind: 'submit', text: 'fn g(x) {\n  if x > 0 {\n    return x;\n  }\n  return 0;\n}' },
    ]);
  });

  it('submits commands at once and a blank line as nothing', () => {
    expect(feed(initialInput(), ':help gb\r').effects).toEqual([{ kind: 'submit', text: ':help gb' }]);
    const r = feed(initialInput(), '  \r');
    expect(r.effects).toEqual([{ kind: 'submit', text: '  ' }]);
    expect(r.state.history.entries).toEqual([]);
  });
});
