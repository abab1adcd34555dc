// Flag parsing shared by every command (contracts.md §4). Usage errors exit 2 with a clear message.

import { parseArgs } from 'node:util';
import type { EngineOptions } from '../engine/index.ts';

export class UsageError extends Error {}

/** Options every command accepts: the EngineOptions as flags. */
export const ENGINE_FLAGS = {
  channel: { type: 'string' },
  features: { type: 'string' },
  controller: { type: 'string' },
  decision: { type: 'string', multiple: true },
  'backend-kinds': { type: 'string' },
  'max-input-bytes': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type FlagSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

/** Parses flags; values are loosely typed (each command reads what it declared). */
export function parse(argv: string[], options: FlagSpec): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const r = parseArgs({ args: argv, options: { ...ENGINE_FLAGS, ...options }, allowPositionals: true, strict: true });
    return { values: r.values as Record<string, unknown>, positionals: r.positionals };
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

const DECISION_KEYS: Record<string, string[]> = {
  hostnamePrecedence: ['rank', 'partition'],
  grpcHttpSameHostname: ['allow', 'reject-newer'],
};

export function engineOptions(values: Record<string, unknown>): EngineOptions {
  const o: EngineOptions = {};
  const channel = values.channel as string | undefined;
  if (channel !== undefined) {
    if (channel !== 'standard' && channel !== 'experimental')
      throw new UsageError(`--channel must be "standard" or "experimental", not "${channel}"`);
    o.channel = channel;
  }
  const features = values.features as string | undefined;
  if (features !== undefined)
    o.features = features
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (typeof values.controller === 'string') o.controllerName = values.controller;
  if (typeof values['backend-kinds'] === 'string')
    o.supportedBackendKinds = (values['backend-kinds'] as string)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const decisions: Record<string, string> = {};
  for (const d of (values.decision as string[] | undefined) ?? []) {
    const eq = d.indexOf('=');
    const key = d.slice(0, eq);
    const value = d.slice(eq + 1);
    const allowed = DECISION_KEYS[key];
    if (eq < 0 || !allowed)
      throw new UsageError(`--decision takes KEY=VALUE with KEY one of: ${Object.keys(DECISION_KEYS).join(', ')}`);
    if (!allowed.includes(value)) throw new UsageError(`--decision ${key} must be one of: ${allowed.join(', ')}`);
    decisions[key] = value;
  }
  if (Object.keys(decisions).length) o.decisions = decisions as EngineOptions['decisions'];
  const max = values['max-input-bytes'];
  if (typeof max === 'string') {
    const n = Number(max);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError('--max-input-bytes takes a positive whole number');
    o.maxInputBytes = n;
  }
  return o;
}
