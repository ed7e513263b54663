// Raw terminal sequences -> editing actions.
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/repl/keys.js';

const action = (a: string) => ({ action: a });

describe('decodeInput', () => {
  it('tells Backspace from Delete, which Ink merges', () => {
    expect(decodeInput('\x7f')).toEqual([action('backspace')]);
    expect(decodeInput('\b')).toEqual([action('backspace')]);
    expect(decodeInput('\x1b[3~')).toEqual([action('delete')]);
  });

  it('decodes arrows, word jumps, home/end and the Ctrl keys', () => {
    expect(decodeInput('\x1b[D')).toEqual([action('left')]);
    expect(decodeInput('\x1bOC')).toEqual([action('right')]);
    expect(decodeInput('\x1b[A')).toEqual([action('up')]);
    expect(decodeInput('\x1b[1;5D')).toEqual([action('wordLeft')]);
    expect(decodeInput('\x1bf')).toEqual([action('wordRight')]);
    expect(decodeInput('\x1b[H')).toEqual([action('home')]);
    expect(decodeInput('\x1b[4~')).toEqual([action('end')]);
    expect(decodeInput('\x01')).toEqual([action('home')]);
    expect(decodeInput('\x05')).toEqual([action('end')]);
    expect(decodeInput('\x0b')).toEqual([action('killToEnd')]);
    expect(decodeInput('\x15')).toEqual([action('killToStart')]);
    expect(decodeInput('\x17')).toEqual([action('deleteWordBack')]);
    expect(decodeInput('\x03')).toEqual([action('interrupt')]);
    expect(decodeInput('\x04')).toEqual([action('eof')]);
    expect(decodeInput('\t')).toEqual([action('tab')]);
    expect(decodeInput('\r')).toEqual([action('enter')]);
    expect(decodeInput('\x1b\r')).toEqual([action('newline')]);
    expect(decodeInput('\x1b[200~')).toEqual([action('pasteStart')]);
    expect(decodeInput('\x1b[201~')).toEqual([action('pasteEnd')]);
  });

  it('treats a modified arrow it does not know as the plain arrow and ignores other escapes', () => {
    expect(decodeInput('\x1b[1;2A')).toEqual([action('up')]);
    expect(decodeInput('\x1b[15~')).toEqual([]);
    expect(decodeInput('\x1b[Z')).toEqual([]);
  });

  it('splits a fast-typed or pasted chunk into text and keys', () => {
    expect(decodeInput('let a = 1;')).toEqual([{ text: 'let a = 1;' }]);
    expect(decodeInput('let a = 1;\rprint a;\r')).toEqual([{ text: 'let a = 1;' }, action('enter'), { text: 'print a;' }, action('enter')]);
    expect(decodeInput('a\r\nb')).toEqual([{ text: 'a' }, action('enter'), { text: 'b' }]);
    expect(decodeInput('ab\x03')).toEqual([{ text: 'ab' }, action('interrupt')]);
    expect(decodeInput('if\tx')).toEqual([{ text: 'if  x' }]);
    expect(decodeInput('x\x18y')).toEqual([{ text: 'x' }, { text: 'y' }]);
    expect(decodeInput('é∂')).toEqual([{ text: 'é∂' }]);
  });
});
