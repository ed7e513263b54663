// Types of bench/bundle.js.
export interface BundleRow {
  readonly name: string;
  readonly bytes: number;
  readonly gzip: number;
  readonly budget: { readonly min: number; readonly gzip: number };
  readonly within: boolean;
}
export const BUDGETS: Readonly<Record<string, { readonly min: number; readonly gzip: number }>>;
export function measureBundles(): Promise<BundleRow[]>;
