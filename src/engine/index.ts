// The engine's public API (contracts.md §1). Pure, synchronous, no DOM: the page's worker, the CLI
// and the tests all import this module.

export type { Analysis, AnalyzeInput } from './analysis.ts';
export { analyze, createAnalyzer, locateObject } from './analysis.ts';
export { simulate, simulateMany } from './dataplane/index.ts';
export { LIMITS } from './limits.ts';
export type { InputFile, Resource } from './manifest/index.ts';
export { type RedactResult, redactSecrets } from './manifest/redact.ts';
export type { ResolvedOptions } from './options.ts';
export { DEFAULT_DECISIONS, resolveOptions } from './options.ts';
export type { TopoEdge, Topology, TopoNode } from './topology.ts';
export * from './types.ts';
export { ENGINE_VERSION, GATEWAY_API_VERSION } from './version.ts';
