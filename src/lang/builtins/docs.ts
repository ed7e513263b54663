// Documentation of the built-ins as Markdown, generated from the registry (the same data as :help)
// and from the table of object kinds (object-kinds.ts).
import { OBJECT_KINDS } from '../object-kinds.js';
import { allBuiltins, type Builtin, type Category } from './registry.js';

const TITLES: Record<Category, string> = {
  core: 'Core: lists, numbers, randomness, timing',
  algebra: 'Algebra: ideals, Gröbner bases, solving, linear algebra',
  geometry: 'Geometry: varieties, forms, projections, critical points',
  networks: 'Networks: architectures, losses, stationary points, NNLS',
};

/** The help text of one built-in, as the REPL's :help shows it. */
export function helpText(b: Builtin): string {
  const lines = [b.signature, '', b.summary];
  if (b.examples?.length) {
    lines.push('', 'Examples:');
    for (const e of b.examples) lines.push(...e.split('\n').map((l) => `  ${l}`));
  }
  return lines.join('\n');
}

export function builtinsMarkdown(): string {
  const out = ['# Built-in functions', '', 'Generated from the built-in registry by `npm run docs`; the REPL\'s `:help NAME` shows the same text.', ''];
  for (const category of Object.keys(TITLES) as Category[]) {
    out.push(`## ${TITLES[category]}`, '');
    for (const b of allBuiltins().filter((x) => x.category === category)) {
      out.push(`### \`${b.signature}\``, '', b.summary, '');
      if (b.examples?.length) out.push('```', ...b.examples.flatMap((e) => e.split('\n')), '```', '');
    }
  }
  out.push('## Object kinds', '', 'Values that built-ins make and take; `typeOf(x)` gives the kind\'s name, `x.field` reads a field.', '');
  for (const k of OBJECT_KINDS) {
    out.push(`### ${k.name}`, '', k.summary, '');
    const fields = Object.keys(k.fields);
    const methods = Object.keys(k.methods);
    if (fields.length) out.push(`Fields: ${fields.map((f) => `\`.${f}\``).join(', ')}.`, '');
    if (methods.length) out.push(`Built-ins that apply to it: ${methods.map((m) => `\`${m}\``).join(', ')}.`, '');
  }
  return out.join('\n');
}
