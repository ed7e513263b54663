// Parsing REPL commands.
import { describe, expect, it } from 'vitest';
import { COMMAND_WORDS, isCommand, parseCommand } from '../../src/repl/commands.js';

describe('commands', () => {
  it('recognises commands by the leading colon', () => {
    expect(isCommand('  :help')).toBe(true);
    expect(isCommand('let a = 1;')).toBe(false);
  });

  it('parses every command and its aliases', () => {
    expect(parseCommand(':help')).toEqual({ kind: 'help' });
    expect(parseCommand(':help gb')).toEqual({ kind: 'help', name: 'gb' });
    expect(parseCommand(':h :load')).toEqual({ kind: 'help', name: 'load' });
    expect(parseCommand(':type ideal(x)')).toEqual({ kind: 'type', source: 'ideal(x)' });
    expect(parseCommand(':t 1 +\n 2')).toEqual({ kind: 'type', source: '1 +\n 2' });
    expect(parseCommand(':load "my file.vdl"')).toEqual({ kind: 'load', file: 'my file.vdl' });
    expect(parseCommand(':l a.vdl')).toEqual({ kind: 'load', file: 'a.vdl' });
    expect(parseCommand(':seed 42')).toEqual({ kind: 'seed', seed: 42n });
    expect(parseCommand(':seed -3')).toEqual({ kind: 'seed', seed: -3n });
    expect(parseCommand(':format json')).toEqual({ kind: 'format', format: 'json' });
    expect(parseCommand(':format')).toEqual({ kind: 'format' });
    expect(parseCommand(':quit')).toEqual({ kind: 'quit' });
    expect(parseCommand(':q')).toEqual({ kind: 'quit' });
    expect(parseCommand(':exit')).toEqual({ kind: 'quit' });
  });

  it('explains misuse', () => {
    expect(parseCommand(':frob')).toEqual({ kind: 'error', message: "unknown command ':frob'; :help lists the commands" });
    expect(parseCommand(':hepl')).toMatchObject({ kind: 'error', message: expect.stringContaining('did you mean :help') });
    expect(parseCommand(':seed x')).toMatchObject({ kind: 'error', message: 'usage: :seed N (an integer)' });
    expect(parseCommand(':format html')).toMatchObject({ kind: 'error', message: expect.stringContaining('text, json or latex') });
    expect(parseCommand(':type')).toMatchObject({ kind: 'error', message: 'usage: :type EXPR' });
    expect(parseCommand(':load')).toMatchObject({ kind: 'error', message: 'usage: :load FILE' });
    expect(parseCommand(':quit now')).toMatchObject({ kind: 'error' });
  });

  it('lists the spellings for completion', () => {
    expect(COMMAND_WORDS).toEqual(expect.arrayContaining([':help', ':type', ':load', ':seed', ':format', ':quit']));
  });
});
