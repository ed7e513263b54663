// Documentation of the built-ins as Markdown, generated from the registry (the same data as :help).
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
  return out.join('\n');
}
