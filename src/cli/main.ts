// The `gateway-sim` command: the same engine as the page, for terminals and CI (contracts.md §4).
// Never prints a stack trace for bad input: usage errors and unreadable input exit 2 with a message.

import { ENGINE_VERSION, GATEWAY_API_VERSION } from '../engine/index.ts';
import { UsageError } from './args.ts';
import { CHECK_USAGE, runCheck } from './check.ts';
import { InputError, type Out, stdio } from './io.ts';
import { REQUEST_USAGE, runRequest } from './request.ts';
import { runShare, SHARE_USAGE } from './share.ts';
import { runTest, TEST_USAGE } from './test.ts';

const COMMANDS: Record<string, { usage: string; run: (argv: string[], io: Out) => number | Promise<number> }> = {
  check: { usage: CHECK_USAGE, run: runCheck },
  request: { usage: REQUEST_USAGE, run: runRequest },
  test: { usage: TEST_USAGE, run: runTest },
  share: { usage: SHARE_USAGE, run: runShare },
};

const OPTIONS_HELP = `OPTIONS:
  --channel standard|experimental   which CRD channel is installed (default standard)
  --features A,B                    SupportedFeature names the implementation supports (default: all)
  --controller NAME                 only GatewayClasses with this controllerName are ours (default: all)
  --backend-kinds group/Kind,...    backendRef kinds accepted besides Service
  --decision KEY=VALUE              simulator decisions, e.g. hostnamePrecedence=partition
  --max-input-bytes N               raise the 64 MB input cap`;

export function usage(): string {
  return `gateway-sim ${ENGINE_VERSION}: Gateway API ${GATEWAY_API_VERSION} route simulator

USAGE:
  ${Object.values(COMMANDS)
    .map((c) => c.usage)
    .join('\n  ')}

'-' reads standard input. Exit codes: 0 success, 1 findings (errors, failed cases), 2 usage or unreadable input.
${OPTIONS_HELP}`;
}

export async function main(argv: string[], io: Out = stdio): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === '--version' || cmd === '-v') {
    io.out(ENGINE_VERSION);
    return 0;
  }
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.out(usage());
    return cmd ? 0 : 2;
  }
  const command = COMMANDS[cmd];
  if (!command) {
    io.err(`gateway-sim: unknown command "${cmd}"\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`usage: ${command.usage}\n${OPTIONS_HELP}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`gateway-sim ${cmd}: ${e.message}\nusage: ${command.usage}`);
      return 2;
    }
    if (e instanceof InputError) {
      io.err(`gateway-sim ${cmd}: ${e.message}`);
      return 2;
    }
    // An engine bug must still not dump a stack trace on the user; say what to report.
    io.err(
      `gateway-sim ${cmd}: internal error: ${e instanceof Error ? e.message : String(e)} (please report this with your input)`,
    );
    return 3;
  }
}
