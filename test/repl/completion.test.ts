// Tab completion: the word at the cursor, candidates from every source, and what Tab does.
import { describe, expect, it } from 'vitest';
import { bufferOf } from '../../src/repl/buffer.js';
import { commonPrefix, complete, completionQuery, type CompletionSources } from '../../src/repl/completion.js';

const sources: CompletionSources = {
  scope: ['alpha', 'alphabet', 'I'],
  builtins: ['gb', 'gens', 'ideal', 'inverse', 'solve'],
  stdlib: ['katsura', 'cyclic'],
  keywords: ['for', 'fn', 'if', 'import', 'let', 'print'],
  commands: [':help', ':h', ':type', ':load', ':l', ':seed', ':format', ':quit', ':q', ':exit'],
  listDirectory: (dir) => (dir === 'examples/' ? ['tour.vdl', 'tiny.vdl', 'sub/'] : dir === '.' ? ['examples/', 'README.md'] : []),
};

const tab = (text: string, cursor = text.length) => complete(bufferOf(text, cursor), sources);

describe('completion', () => {
  it('completes a unique name from scope, built-ins, stdlib and keywords', () => {
    expect(tab('let x = kat')).toEqual({ kind: 'replace', start: 8, end: 11, text: 'katsura' });
    expect(tab('sol')).toEqual({ kind: 'replace', start: 0, end: 3, text: 'solve' });
    expect(tab('pri')).toEqual({ kind: 'replace', start: 0, end: 3, text: 'print' });
    expect(tab('gb(I') ).toEqual({ kind: 'none' });
  });

  it('extends to the common prefix, then lists', () => {
    expect(tab('al')).toEqual({ kind: 'replace', start: 0, end: 2, text: 'alpha' });
    expect(tab('alpha')).toEqual({ kind: 'list', candidates: ['alpha', 'alphabet'] });
    expect(tab('i')).toEqual({ kind: 'list', candidates: ['ideal', 'if', 'import', 'inverse'] });
    expect(tab('g')).toEqual({ kind: 'list', candidates: ['gb', 'gens'] });
  });

  it('completes in the middle of a line, up to the cursor', () => {
    expect(tab('x = cyc + 1', 7)).toEqual({ kind: 'replace', start: 4, end: 7, text: 'cyclic' });
  });

  it('does not complete fields or numbers, and has nothing for an empty word', () => {
    expect(tab('r.al')).toEqual({ kind: 'none' });
    expect(tab('1..al')).toEqual({ kind: 'replace', start: 3, end: 5, text: 'alpha' });
    expect(tab('12')).toEqual({ kind: 'none' });
    expect(tab('')).toEqual({ kind: 'none' });
    expect(completionQuery(bufferOf('f(x, '), sources)).toBeNull();
  });

  it('completes commands, with a space after a unique one', () => {
    expect(tab(':ty')).toEqual({ kind: 'replace', start: 0, end: 3, text: ':type ' });
    expect(tab(':s')).toEqual({ kind: 'replace', start: 0, end: 2, text: ':seed ' });
    expect(tab(':')).toMatchObject({ kind: 'list' });
  });

  it('completes the argument of :help, :format and :load', () => {
    expect(tab(':help inv')).toEqual({ kind: 'replace', start: 6, end: 9, text: 'inverse' });
    expect(tab(':help kat')).toEqual({ kind: 'replace', start: 6, end: 9, text: 'katsura' });
    expect(tab(':format la')).toEqual({ kind: 'replace', start: 8, end: 10, text: 'latex' });
    expect(tab(':load ex')).toEqual({ kind: 'replace', start: 6, end: 8, text: 'examples/' });
    expect(tab(':load examples/t')).toEqual({ kind: 'list', candidates: ['tiny.vdl', 'tour.vdl'] });
    expect(tab(':load examples/to')).toEqual({ kind: 'replace', start: 15, end: 17, text: 'tour.vdl' });
    expect(tab(':type alphab')).toEqual({ kind: 'replace', start: 6, end: 12, text: 'alphabet' });
  });

  it('finds common prefixes', () => {
    expect(commonPrefix(['abc', 'abd', 'ab'])).toBe('ab');
    expect(commonPrefix([])).toBe('');
  });
});
