// Terminal input -> editing actions. Ink splits raw stdin into key sequences (one escape sequence, or
// a run of plain characters such as a fast-typed or pasted chunk); `decodeInput` turns one of those
// into actions. Ink's own `useInput` cannot tell Backspace (0x7f) from Delete (ESC [3~) and drops the
// word-jump sequences, so the REPL decodes the sequences itself. Pure, so that it is unit-tested.

export type EditAction =
  | 'enter' // submit when the input is complete, otherwise a new line
  | 'newline' // always a new line (Alt-Enter)
  | 'backspace'
  | 'delete'
  | 'left'
  | 'right'
  | 'up'
  | 'down'
  | 'wordLeft'
  | 'wordRight'
  | 'home'
  | 'end'
  | 'bufferStart'
  | 'bufferEnd'
  | 'deleteWordBack'
  | 'deleteWordForward'
  | 'killToEnd'
  | 'killToStart'
  | 'tab'
  | 'interrupt' // Ctrl-C
  | 'eof' // Ctrl-D
  | 'clearScreen' // Ctrl-L
  | 'escape'
  | 'pasteStart' // bracketed paste: ESC [200~
  | 'pasteEnd'; // ESC [201~

export type KeyAction = { readonly action: EditAction } | { readonly text: string };

/**
 * The cursor keys, by their final byte: a terminal sends each as CSI (ESC [ X) or, in application
 * cursor mode, as SS3 (ESC O X).
 */
const CURSOR_KEYS: Readonly<Record<string, EditAction>> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };

/**
 * Ctrl- and Alt-Left/Right jump by words. The same key arrives as ESC [1;5 X (Ctrl), ESC [1;3 X (Alt),
 * ESC [5 X, ESC O x (rxvt Ctrl) or ESC ESC [ X (Alt as a prefix), with X = D for left, C for right.
 */
const wordJumps = (final: 'C' | 'D', action: EditAction) =>
  [`\x1b[1;5${final}`, `\x1b[1;3${final}`, `\x1b[5${final}`, `\x1bO${final.toLowerCase()}`, `\x1b\x1b[${final}`].map((seq) => [seq, action] as const);

const SEQUENCES: Readonly<Record<string, EditAction>> = {
  ...Object.fromEntries(Object.entries(CURSOR_KEYS).flatMap(([final, action]) => [[`\x1b[${final}`, action], [`\x1bO${final}`, action]])),
  ...Object.fromEntries([...wordJumps('D', 'wordLeft'), ...wordJumps('C', 'wordRight')]),
  '\r': 'enter',
  '\n': 'enter', // Ctrl-J, as in readline
  '\x1b\r': 'newline',
  '\x1b\n': 'newline',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\x1b[3~': 'delete',
  '\x1b[3$': 'delete',
  '\x02': 'left', // Ctrl-B
  '\x06': 'right', // Ctrl-F
  '\x10': 'up', // Ctrl-P
  '\x0e': 'down', // Ctrl-N
  '\x1bb': 'wordLeft', // Alt-B
  '\x1bf': 'wordRight', // Alt-F
  '\x1b[1~': 'home',
  '\x1b[7~': 'home',
  '\x01': 'home', // Ctrl-A
  '\x1b[4~': 'end',
  '\x1b[8~': 'end',
  '\x05': 'end', // Ctrl-E
  '\x1b[1;5H': 'bufferStart', // Ctrl-Home
  '\x1b[1;5F': 'bufferEnd', // Ctrl-End
  '\x1b<': 'bufferStart', // Alt-<
  '\x1b>': 'bufferEnd', // Alt->
  '\x17': 'deleteWordBack', // Ctrl-W
  '\x1b\x7f': 'deleteWordBack', // Alt-Backspace
  '\x1b\b': 'deleteWordBack',
  '\x1bd': 'deleteWordForward', // Alt-D
  '\x1b[3;5~': 'deleteWordForward', // Ctrl-Delete
  '\x0b': 'killToEnd', // Ctrl-K
  '\x15': 'killToStart', // Ctrl-U
  '\t': 'tab',
  '\x03': 'interrupt',
  '\x04': 'eof',
  '\x0c': 'clearScreen',
  '\x1b': 'escape',
  '\x1b[200~': 'pasteStart',
  '\x1b[201~': 'pasteEnd',
};

/**
 * Decode one chunk of terminal input. A known key sequence gives its action; an unknown escape
 * sequence or control character gives nothing; any other chunk is text, in which a carriage return or
 * line feed counts as Enter (that is how fast typing and a paste without bracketed-paste mode arrive:
 * `let a = 1;\r` is typing then Enter), other control characters count as their keys, and tabs inside
 * text become two spaces.
 */
export function decodeInput(chunk: string): KeyAction[] {
  const known = SEQUENCES[chunk];
  if (known !== undefined) return [{ action: known }];
  if (chunk.startsWith('\x1b')) {
    // Modified arrows we do not list (e.g. Shift-Up) behave as the plain arrow; anything else is ignored.
    const arrow = /^\x1b\[1;\d+([ABCDHF])$/.exec(chunk);
    if (arrow) return decodeInput(`\x1b[${arrow[1]}`);
    return [];
  }
  const out: KeyAction[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ text });
    text = '';
  };
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk[i]!;
    if (c === '\r' || c === '\n') {
      if (c === '\r' && chunk[i + 1] === '\n') i++;
      flush();
      out.push({ action: 'enter' });
    } else if (c === '\t') {
      text += '  ';
    } else if (c < ' ' || c === '\x7f') {
      // a control key typed together with text (Ctrl-C right after typing); unknown ones are dropped
      const action = SEQUENCES[c];
      flush();
      if (action !== undefined) out.push({ action });
    } else {
      text += c;
    }
  }
  flush();
  return out;
}
