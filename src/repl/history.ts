// Input history: navigation as a pure reducer (↑/↓ walk the entries; the text being typed, the
// "draft", is kept and comes back below the newest entry), and persistence in ~/.vdl_history (or the
// file named by VDL_HISTORY). One entry per line; a multi-line entry is stored with its newlines and
// backslashes escaped, so that the file stays line-oriented and readable. Only a regular file of at most
// MAX_FILE_BYTES is read or written (VDL_HISTORY=/dev/zero, a FIFO or a folder is ignored: reading
// /dev/zero never ended and grew to 4 GB), through one descriptor opened without blocking.
import { appendFileSync, closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';

export interface History {
  readonly entries: readonly string[];
  /** The entry shown: entries.length means the draft. */
  readonly index: number;
  /** What was typed before walking up the history. */
  readonly draft: string;
}

export const MAX_ENTRIES = 1000;
/** The largest history file read (a thousand long entries fit many times over). */
export const MAX_FILE_BYTES = 16 * 2 ** 20;

export function historyOf(entries: readonly string[]): History {
  return { entries, index: entries.length, draft: '' };
}

/** ↑: the previous entry (saving the draft when leaving it); null when there is none. */
export function historyUp(h: History, current: string): { history: History; text: string } | null {
  if (h.index === 0) return null;
  const draft = h.index === h.entries.length ? current : h.draft;
  const index = h.index - 1;
  return { history: { ...h, index, draft }, text: h.entries[index]! };
}

/** ↓: the next entry, or the draft after the newest one; null when already at the draft. */
export function historyDown(h: History): { history: History; text: string } | null {
  if (h.index >= h.entries.length) return null;
  const index = h.index + 1;
  const text = index === h.entries.length ? h.draft : h.entries[index]!;
  return { history: { ...h, index }, text };
}

/** Record a submitted input (not blank lines, not a repeat of the newest entry) and reset to the draft. */
export function historyAdd(h: History, entry: string): History {
  const trimmed = entry.replace(/\s+$/, '');
  let entries = h.entries;
  if (trimmed.trim() !== '' && entries[entries.length - 1] !== trimmed) entries = [...entries, trimmed];
  if (entries.length > MAX_ENTRIES) entries = entries.slice(entries.length - MAX_ENTRIES);
  return { entries, index: entries.length, draft: '' };
}

/** Does this entry go into the history? */
export function isRecorded(h: History, entry: string): boolean {
  const trimmed = entry.replace(/\s+$/, '');
  return trimmed.trim() !== '' && h.entries[h.entries.length - 1] !== trimmed;
}

// ---------------------------------------------------------------------------------------------
// The history file

export function historyPath(env: NodeJS.ProcessEnv = process.env): string {
  return env['VDL_HISTORY'] || path.join(homedir(), '.vdl_history');
}

export function encodeEntry(entry: string): string {
  return entry.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n');
}

export function decodeEntry(line: string): string {
  return line.replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));
}

/** The entries in the file, oldest first (none when it does not exist or cannot be read). */
export function loadHistory(file: string): string[] {
  let text: string;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then says what was opened.
    const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return [];
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return [];
  }
  const entries = text.split('\n').filter((l) => l !== '').map(decodeEntry);
  // Keep the file bounded: rewrite it when it has grown well past the limit.
  if (entries.length > 2 * MAX_ENTRIES) {
    const kept = entries.slice(entries.length - MAX_ENTRIES);
    try {
      writeFileSync(file, kept.map((e) => `${encodeEntry(e)}\n`).join(''));
    } catch {
      // a read-only history is still usable
    }
    return kept;
  }
  return entries.slice(Math.max(0, entries.length - MAX_ENTRIES));
}

/** Append one entry; failures (read-only home) are ignored: history is a convenience. */
export function appendHistory(file: string, entry: string): void {
  try {
    if (!isRegularOrAbsent(file)) return;
    mkdirSync(path.dirname(file), { recursive: true });
    appendFileSync(file, `${encodeEntry(entry.replace(/\s+$/, ''))}\n`);
  } catch {
    // ignored
  }
}

/** Whether `file` is a regular file or does not exist yet (a device, FIFO or folder is not written). */
function isRegularOrAbsent(file: string): boolean {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat === undefined || stat.isFile();
}
