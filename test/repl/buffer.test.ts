// The input buffer's editing operations.
import { describe, expect, it } from 'vitest';
import * as B from '../../src/repl/buffer.js';

const at = (text: string) => {
  // '|' marks the cursor
  const cursor = text.indexOf('|');
  return B.bufferOf(text.replace('|', ''), cursor);
};
const show = (b: B.Buffer) => `${b.text.slice(0, b.cursor)}|${b.text.slice(b.cursor)}`;

describe('buffer', () => {
  it('inserts, deletes backwards and forwards', () => {
    expect(show(B.insert(at('ab|cd'), 'XY'))).toBe('abXY|cd');
    expect(show(B.backspace(at('ab|cd')))).toBe('a|cd');
    expect(show(B.backspace(at('|cd')))).toBe('|cd');
    expect(show(B.deleteForward(at('ab|cd')))).toBe('ab|d');
    expect(show(B.deleteForward(at('ab|')))).toBe('ab|');
  });

  it('moves by character, word, line and buffer', () => {
    expect(show(B.left(at('a|b')))).toBe('|ab');
    expect(show(B.left(at('|ab')))).toBe('|ab');
    expect(show(B.right(at('a|b')))).toBe('ab|');
    expect(show(B.wordLeft(at('let foo = bar(x)|')))).toBe('let foo = bar(|x)');
    expect(show(B.wordLeft(at('let foo = bar|(x)')))).toBe('let foo = |bar(x)');
    expect(show(B.wordRight(at('let |foo = bar(x)')))).toBe('let foo| = bar(x)');
    expect(show(B.wordRight(at('let foo| = bar(x)')))).toBe('let foo = bar|(x)');
    expect(show(B.home(at('a\nbc|d')))).toBe('a\n|bcd');
    expect(show(B.end(at('a|b\ncd')))).toBe('ab|\ncd');
    expect(show(B.bufferStart(at('a\nb|c')))).toBe('|a\nbc');
    expect(show(B.bufferEnd(at('a|\nbc')))).toBe('a\nbc|');
  });

  it('kills words and line parts', () => {
    expect(show(B.deleteWordBack(at('print foo_bar|')))).toBe('print |');
    expect(show(B.deleteWordBack(at('f(x, |')))).toBe('f(|');
    expect(show(B.deleteWordForward(at('|foo bar')))).toBe('| bar');
    expect(show(B.killToEnd(at('ab|cd\nef')))).toBe('ab|\nef');
    expect(show(B.killToEnd(at('ab|\nef')))).toBe('ab|ef');
    expect(show(B.killToStart(at('ab\ncd|ef')))).toBe('ab\n|ef');
  });

  it('moves between lines keeping the column, and reports the edges', () => {
    expect(B.lineUp(at('ab|c'))).toBeNull();
    expect(show(B.lineUp(at('abcd\nef|')!)!)).toBe('ab|cd\nef');
    expect(show(B.lineUp(at('a\nbcd|')!)!)).toBe('a|\nbcd');
    expect(B.lineDown(at('ab\nc|d'))).toBeNull();
    expect(show(B.lineDown(at('ab|cd\nef')!)!)).toBe('abcd\nef|');
    expect(B.cursorPosition(at('ab\ncd|'))).toEqual({ line: 1, column: 2 });
  });

  it('indents after an opening bracket', () => {
    const indent = (t: string) => B.indentAfter(t, t.length);
    expect(indent('fn f(x) {')).toBe('  ');
    expect(indent('fn f(x) {\n  for k in 1..3 {')).toBe('    ');
    expect(indent('  let a = 1;')).toBe('  ');
    expect(indent('let m = [')).toBe('  ');
    expect(indent('x')).toBe('');
  });
});
