// `gateway-sim test`: placeholder until the Data plane issue lands.
import type { Out } from './io.ts';

export const TEST_USAGE = 'gateway-sim test FILE... --cases CASES.yaml [OPTIONS]';

export function runTest(_argv: string[], io: Out): number {
  io.err('gateway-sim test: not implemented yet');
  return 2;
}
