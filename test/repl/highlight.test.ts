// Colouring comes from the lexer; the cursor is a run of its own.
import { beforeAll, describe, expect, it } from 'vitest';
import { categories, styledLines } from '../../src/repl/highlight.js';
import { loadLanguage } from '../../src/repl/language.js';

// The lexer comes in after the REPL's first prompt (src/repl/language.ts); here, before the tests.
beforeAll(() => loadLanguage());

describe('highlight', () => {
  it('classes keywords, numbers, strings and comments', () => {
    const text = 'let a = 12; // c\nprint "s";';
    const cats = categories(text);
    expect(cats.slice(0, 3)).toEqual(['keyword', 'keyword', 'keyword']);
    expect(cats[8]).toBe('number');
    expect(cats[12]).toBe('comment');
    expect(cats[text.indexOf('"s"')]).toBe('string');
    expect(cats[text.indexOf('print')]).toBe('keyword');
  });

  it('colours a command word and its vdl argument', () => {
    const cats = categories(':type 1 + x');
    expect(cats.slice(0, 5)).toEqual(Array(5).fill('command'));
    expect(cats[6]).toBe('number');
  });

  it('splits into lines and runs, with the cursor on its own', () => {
    const lines = styledLines('let x\n= 1', 4);
    expect(lines.length).toBe(2);
    expect(lines[0]).toEqual([
      { text: 'let', category: 'keyword' },
      { text: ' ', category: 'plain' },
      { text: 'x', category: 'identifier', cursor: true },
    ]);
    expect(lines[1]!.map((r) => r.text).join('')).toBe('= 1');
    // At the end of a line the cursor is a space.
    const end = styledLines('ab\ncd', 2);
    expect(end[0]!.at(-1)).toEqual({ text: ' ', category: 'plain', cursor: true });
    expect(end[1]!.map((r) => r.text).join('')).toBe('cd');
    expect(styledLines('', 0)).toEqual([[{ text: ' ', category: 'plain', cursor: true }]]);
    expect(styledLines('')).toEqual([[]]);
  });
});
