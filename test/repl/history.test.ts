// History navigation (the draft is kept) and the history file (regular files only: issue 15).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as H from '../../src/repl/history.js';

describe('history navigation', () => {
  it('walks up and down and brings the draft back', () => {
    let h = H.historyOf(['a', 'b']);
    const up1 = H.historyUp(h, 'dra')!;
    expect(up1.text).toBe('b');
    const up2 = H.historyUp(up1.history, 'b')!;
    expect(up2.text).toBe('a');
    expect(H.historyUp(up2.history, 'a')).toBeNull();
    const down1 = H.historyDown(up2.history)!;
    expect(down1.text).toBe('b');
    const down2 = H.historyDown(down1.history)!;
    expect(down2.text).toBe('dra');
    expect(H.historyDown(down2.history)).toBeNull();
    h = H.historyAdd(down2.history, 'c  \n');
    expect(h).toEqual({ entries: ['a', 'b', 'c'], index: 3, draft: '' });
  });

  it('skips blanks and repeats of the newest entry, and stays bounded', () => {
    let h = H.historyOf(['a']);
    h = H.historyAdd(h, 'a');
    h = H.historyAdd(h, '   ');
    expect(h.entries).toEqual(['a']);
    expect(H.isRecorded(h, 'a')).toBe(false);
    expect(H.isRecorded(h, 'b')).toBe(true);
    for (let i = 0; i < H.MAX_ENTRIES + 5; i++) h = H.historyAdd(h, `e${i}`);
    expect(h.entries.length).toBe(H.MAX_ENTRIES);
    expect(h.entries[h.entries.length - 1]).toBe(`e${H.MAX_ENTRIES + 4}`);
  });
});

describe('history file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vdl-history-'));

  it('honours VDL_HISTORY', () => {
    expect(H.historyPath({ VDL_HISTORY: '/x/h' })).toBe('/x/h');
    expect(H.historyPath({})).toMatch(/\.vdl_history$/);
  });

  it('round-trips multi-line entries and backslashes', () => {
    const file = path.join(dir, 'sub', 'h1');
    const entries = ['let a = 1;', 'fn f(x) {\n  return x;\n}', 'print "a\\nb";'];
    for (const e of entries) H.appendHistory(file, e);
    expect(readFileSync(file, 'utf8').split('\n').length).toBe(4);
    expect(H.loadHistory(file)).toEqual(entries);
    for (const e of entries) expect(H.decodeEntry(H.encodeEntry(e))).toBe(e);
  });

  it('ignores a history that is not a regular file (/dev/zero, a FIFO, a folder), reading and writing', () => {
    expect(H.loadHistory('/dev/zero')).toEqual([]);
    expect(H.loadHistory(dir)).toEqual([]);
    const fifo = path.join(dir, 'fifo');
    if (spawnSync('mkfifo', [fifo]).status === 0) {
      expect(H.loadHistory(fifo)).toEqual([]); // without waiting for a writer
      H.appendHistory(fifo, 'let a = 1;'); // without blocking either
    }
    H.appendHistory(dir, 'let a = 1;');
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it('reads a missing file as empty and trims an overgrown one', () => {
    expect(H.loadHistory(path.join(dir, 'none'))).toEqual([]);
    const file = path.join(dir, 'big');
    writeFileSync(file, Array.from({ length: 2 * H.MAX_ENTRIES + 10 }, (_, i) => `x${i}\n`).join(''));
    const loaded = H.loadHistory(file);
    expect(loaded.length).toBe(H.MAX_ENTRIES);
    expect(loaded[loaded.length - 1]).toBe(`x${2 * H.MAX_ENTRIES + 9}`);
    expect(H.loadHistory(file)).toEqual(loaded);
  });
});
