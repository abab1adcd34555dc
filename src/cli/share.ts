// `gateway-sim share`: placeholder until the share codec lands.
import type { Out } from './io.ts';

export const SHARE_USAGE =
  'gateway-sim share FILE... [--request JSON]... [--cases FILE] [--base URL]\n  gateway-sim share --decode LINK [--json]';

export function runShare(_argv: string[], io: Out): number {
  io.err('gateway-sim share: not implemented yet');
  return 2;
}
