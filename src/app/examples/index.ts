import { basic } from './basic.ts';
import type { Example } from './types.ts';

export type { Example } from './types.ts';

/** Built-in scenarios, in workshop order. The first one loads on the first visit. */
export const EXAMPLES: Example[] = [basic];
