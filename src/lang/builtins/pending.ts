// Built-ins whose mathematics belongs to a later layer that is not built yet. Each answers with a
// `not-implemented` diagnostic at the call's span, never silently; the entry is replaced by the real
// one (and removed from here) when its layer lands.
import { fail } from '../diagnostics.js';
import type { Builtin, Category } from './registry.js';

export function pending(category: Category, name: string, signature: string, summary: string, issue: string, arity: [number, number], keywords?: string[]): Builtin {
  return {
    name,
    signature,
    summary: `${summary} (not implemented yet: ${issue})`,
    category,
    minArgs: arity[0],
    maxArgs: arity[1],
    keywords,
    call(ctx) {
      return fail('not-implemented', `${name} is not implemented yet (${issue})`, ctx.span);
    },
  };
}
