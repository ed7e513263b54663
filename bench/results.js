// bench/RESULTS.md, one section at a time: a bench replaces its own section (from its heading to the next
// "## " heading) or appends it at the end, and leaves every other section as it was.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('./RESULTS.md', import.meta.url);

/** Replaces the section that starts with `heading` by `section` (which starts with that heading), or appends it. */
export function writeResultsSection(heading, section) {
  const text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmark results\n';
  const body = `${section.trimEnd()}\n`;
  const start = text.indexOf(heading);
  let next;
  if (start < 0) next = `${text.trimEnd()}\n\n${body}`;
  else {
    const end = text.indexOf('\n## ', start + 1);
    next = text.slice(0, start) + body + (end < 0 ? '' : text.slice(end));
  }
  writeFileSync(FILE, next);
}
