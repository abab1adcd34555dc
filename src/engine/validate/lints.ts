// Lints beyond the API server: warnings with stable codes. Filled in below.
import type { Resource } from '../manifest/index.ts';
import type { ResolvedOptions } from '../options.ts';
import type { Diagnostic } from '../types.ts';

export function lintResource(_r: Resource, _opts: ResolvedOptions): Diagnostic[] {
  return [];
}
