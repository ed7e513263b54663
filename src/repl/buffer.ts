// The input buffer: a (possibly multi-line) text and a cursor offset, with the editing operations of
// a line editor. Every function is pure and returns a new state.

export interface Buffer {
  readonly text: string;
  /** 0 <= cursor <= text.length */
  readonly cursor: number;
}

export const EMPTY: Buffer = { text: '', cursor: 0 };

export function bufferOf(text: string, cursor = text.length): Buffer {
  return { text, cursor: Math.max(0, Math.min(cursor, text.length)) };
}

const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

/** Offset of the start of the line containing `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the end of the line containing `offset` (before its '\n'). */
export function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

/** 0-based line and column of the cursor. */
export function cursorPosition(b: Buffer): { line: number; column: number } {
  const before = b.text.slice(0, b.cursor);
  const line = before.split('\n').length - 1;
  return { line, column: b.cursor - lineStart(b.text, b.cursor) };
}

export function insert(b: Buffer, s: string): Buffer {
  return { text: b.text.slice(0, b.cursor) + s + b.text.slice(b.cursor), cursor: b.cursor + s.length };
}

export function backspace(b: Buffer): Buffer {
  if (b.cursor === 0) return b;
  return { text: b.text.slice(0, b.cursor - 1) + b.text.slice(b.cursor), cursor: b.cursor - 1 };
}

export function deleteForward(b: Buffer): Buffer {
  if (b.cursor >= b.text.length) return b;
  return { text: b.text.slice(0, b.cursor) + b.text.slice(b.cursor + 1), cursor: b.cursor };
}

export function left(b: Buffer): Buffer {
  return b.cursor > 0 ? { ...b, cursor: b.cursor - 1 } : b;
}

export function right(b: Buffer): Buffer {
  return b.cursor < b.text.length ? { ...b, cursor: b.cursor + 1 } : b;
}

/** Offset of the start of the word before `offset` (skipping the non-word characters first). */
function wordStartBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && !isWord(text[i - 1])) i--;
  while (i > 0 && isWord(text[i - 1])) i--;
  return i;
}

/** Offset of the end of the word after `offset`. */
function wordEndAfter(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && !isWord(text[i])) i++;
  while (i < text.length && isWord(text[i])) i++;
  return i;
}

export function wordLeft(b: Buffer): Buffer {
  return { ...b, cursor: wordStartBefore(b.text, b.cursor) };
}

export function wordRight(b: Buffer): Buffer {
  return { ...b, cursor: wordEndAfter(b.text, b.cursor) };
}

/** Start of the current line. */
export function home(b: Buffer): Buffer {
  const start = lineStart(b.text, b.cursor);
  return { ...b, cursor: start };
}

export function end(b: Buffer): Buffer {
  return { ...b, cursor: lineEnd(b.text, b.cursor) };
}

export function bufferStart(b: Buffer): Buffer {
  return { ...b, cursor: 0 };
}

export function bufferEnd(b: Buffer): Buffer {
  return { ...b, cursor: b.text.length };
}

export function deleteWordBack(b: Buffer): Buffer {
  const start = wordStartBefore(b.text, b.cursor);
  return { text: b.text.slice(0, start) + b.text.slice(b.cursor), cursor: start };
}

export function deleteWordForward(b: Buffer): Buffer {
  const stop = wordEndAfter(b.text, b.cursor);
  return { text: b.text.slice(0, b.cursor) + b.text.slice(stop), cursor: b.cursor };
}

/** Ctrl-K: delete to the end of the line; at the end of a line, join it with the next one. */
export function killToEnd(b: Buffer): Buffer {
  const stop = lineEnd(b.text, b.cursor);
  if (stop === b.cursor) return deleteForward(b);
  return { text: b.text.slice(0, b.cursor) + b.text.slice(stop), cursor: b.cursor };
}

/** Ctrl-U: delete from the start of the line to the cursor. */
export function killToStart(b: Buffer): Buffer {
  const start = lineStart(b.text, b.cursor);
  return { text: b.text.slice(0, start) + b.text.slice(b.cursor), cursor: start };
}

/** The cursor one line up, keeping the column where possible; null on the first line. */
export function lineUp(b: Buffer): Buffer | null {
  const start = lineStart(b.text, b.cursor);
  if (start === 0) return null;
  const column = b.cursor - start;
  const prevStart = lineStart(b.text, start - 1);
  return { ...b, cursor: Math.min(prevStart + column, start - 1) };
}

/** The cursor one line down; null on the last line. */
export function lineDown(b: Buffer): Buffer | null {
  const stop = lineEnd(b.text, b.cursor);
  if (stop === b.text.length) return null;
  const column = b.cursor - lineStart(b.text, b.cursor);
  const nextStart = stop + 1;
  return { ...b, cursor: Math.min(nextStart + column, lineEnd(b.text, nextStart)) };
}

/** Replace the characters in [start, end) by `s`, putting the cursor after it. */
export function replaceRange(b: Buffer, start: number, stop: number, s: string): Buffer {
  return { text: b.text.slice(0, start) + s + b.text.slice(stop), cursor: start + s.length };
}

/** Indentation to carry onto a new line: that of the current line, one level more after '{', '(' or '['. */
export function indentAfter(text: string, cursor: number): string {
  const start = lineStart(text, cursor);
  const line = text.slice(start, cursor);
  const indent = /^\s*/.exec(line)![0];
  return /[{([]\s*$/.test(line) ? `${indent}  ` : indent;
}
