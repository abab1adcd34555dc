// `gateway-sim request`: placeholder until the Data plane issue lands.
import type { Out } from './io.ts';

export const REQUEST_USAGE =
  "gateway-sim request FILE... (--url URL | --request JSON) [-X METHOD] [-H 'Name: value']... [--gateway NS/NAME] [--port N] [--protocol P] [--sni HOST] [--grpc SVC/METHOD] [--json] [OPTIONS]";

export function runRequest(_argv: string[], io: Out): number {
  io.err('gateway-sim request: not implemented yet');
  return 2;
}
