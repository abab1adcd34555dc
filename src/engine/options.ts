// EngineOptions (contracts.md §1) with their defaults resolved once per analysis.

import { LIMITS } from './limits.ts';
import type { Channel, Decisions, EngineOptions } from './types.ts';

export const DEFAULT_DECISIONS: Decisions = {
  hostnamePrecedence: 'rank',
  grpcHttpSameHostname: 'allow',
};

export interface ResolvedOptions {
  channel: Channel;
  /** null = every feature is supported (the default). */
  features: ReadonlySet<string> | null;
  controllerName?: string;
  /** `group/Kind` keys; core Service is `/Service` and is always included. */
  supportedBackendKinds: ReadonlySet<string>;
  decisions: Decisions;
  maxInputBytes: number;
}

/** `Service`, `core/Service`, `/Service` and `v1/Service` all name the core Service. */
export function normalizeGroupKind(s: string): string {
  const i = s.lastIndexOf('/');
  if (i < 0) return `/${s}`;
  const group = s.slice(0, i);
  return `${group === 'core' || group === 'v1' ? '' : group}/${s.slice(i + 1)}`;
}

export function resolveOptions(o: EngineOptions = {}): ResolvedOptions {
  const kinds = new Set(['/Service', ...(o.supportedBackendKinds ?? []).map(normalizeGroupKind)]);
  return {
    channel: o.channel === 'experimental' ? 'experimental' : 'standard',
    features: o.features ? new Set(o.features) : null,
    ...(o.controllerName ? { controllerName: o.controllerName } : {}),
    supportedBackendKinds: kinds,
    decisions: { ...DEFAULT_DECISIONS, ...(o.decisions ?? {}) },
    maxInputBytes: o.maxInputBytes ?? LIMITS.engineMaxInputBytes,
  };
}

export function supports(opts: ResolvedOptions, feature: string): boolean {
  return opts.features === null || opts.features.has(feature);
}
