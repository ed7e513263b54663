// Syntax colouring of the playground's editor from vdl's own lexer (grammar/lexer.ts
// `highlightTokens`), so colouring and parsing never disagree: source text -> HTML of spans with
// classes `tok-<category>`, with an optional error range underlined (class `error-mark`).
import { highlightTokens } from '../grammar/lexer.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** HTML for `source`: every token in a span of its category; `error` = [start, end) offsets to mark. */
export function highlightHtml(source: string, error?: readonly [number, number]): string {
  // Category per character, then runs of equal class (tokens never overlap).
  const classes = new Array<string>(source.length).fill('');
  for (const t of highlightTokens(source)) classes.fill(`tok-${t.category}`, t.start, t.end);
  if (error) {
    const [a, b] = [Math.max(0, error[0]), Math.min(source.length, Math.max(error[1], error[0] + 1))];
    for (let i = a; i < b; i++) classes[i] = `${classes[i]} error-mark`.trim();
  }
  let html = '';
  let i = 0;
  while (i < source.length) {
    let j = i + 1;
    while (j < source.length && classes[j] === classes[i] && source[j] !== '\n') j++;
    const text = escapeHtml(source.slice(i, j));
    html += classes[i] ? `<span class="${classes[i]}">${text}</span>` : text;
    i = j;
  }
  // A trailing newline needs a character after it, or the overlay is one line shorter than the textarea.
  return `${html}\n`;
}
