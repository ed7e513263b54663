// The language services the REPL's terminal side needs: the lexer (colours, where an input ends) and
// the parser (is an input complete?). They are loaded on demand, not imported: chevrotain and the
// construction of the grammar cost most of a second, so the prompt is drawn first and they load just
// after it, while the evaluator starts in its worker (bench/startup.js measures the prompt). Until
// they are there, input shows uncoloured and Enter waits (the controller stays in its starting phase).
import type { highlightTokens } from '../../grammar/lexer.js';
import type { isIncompleteInput, parseProgram } from '../lang/parse.js';

export interface Language {
  readonly highlightTokens: typeof highlightTokens;
  readonly parseProgram: typeof parseProgram;
  readonly isIncompleteInput: typeof isIncompleteInput;
}

let loaded: Language | undefined;
let loading: Promise<Language> | undefined;

/** The services once loaded, else undefined. */
export function language(): Language | undefined {
  return loaded;
}

/** Loads the services (once); resolves when they are there. */
export function loadLanguage(): Promise<Language> {
  loading ??= Promise.all([import('../../grammar/lexer.js'), import('../lang/parse.js')]).then(([lexer, parse]) => {
    loaded = { highlightTokens: lexer.highlightTokens, parseProgram: parse.parseProgram, isIncompleteInput: parse.isIncompleteInput };
    return loaded;
  });
  return loading;
}
