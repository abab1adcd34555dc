// "Click to highlight": reveal a route, rule or match in the editor (a source range) and in the graph
// (a topology node id), through the scenario store's selection.

import { useScenario } from '../store/scenario.ts';
import { engine } from '../worker/client.ts';

export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

function nodeIdOf(ref: ObjectRef, rule?: number): string | undefined {
  const nodes = useScenario.getState().analysis?.topology.nodes ?? [];
  const route = nodes.find(
    (n) =>
      n.type === 'Route' && n.kind === ref.kind && n.name === ref.name && (n.namespace ?? '') === (ref.namespace ?? ''),
  );
  if (!route) return undefined;
  if (rule === undefined) return route.id;
  const ruleNode = nodes.find(
    (n) => n.type === 'Rule' && n.parent === route.id && (n.details.index === rule || n.details.rule === rule),
  );
  return ruleNode?.id ?? route.id;
}

/**
 * Selects an object (and optionally one of its rules and matches) in the editor and the graph. The
 * source range comes from the engine worker's analysis (the engine's own identity and ranges); it is
 * used only while that analysis is of the current text, so a stale range is never revealed.
 */
export async function highlight(ref: ObjectRef, rule?: number, match?: number | null): Promise<void> {
  const path: (string | number)[] = [];
  if (rule !== undefined) {
    path.push('spec', 'rules', rule);
    if (match !== undefined && match !== null) path.push('matches', match);
  }
  const version = useScenario.getState().version;
  const range = await engine.locate(ref, path).catch(() => null);
  const s = useScenario.getState();
  const current = s.version === version && s.analysis?.version === version;
  const nodeId = nodeIdOf(ref, rule);
  s.select({ ...(range && current ? { range } : {}), ...(nodeId ? { nodeId } : {}) });
}
