// "Click to highlight": reveal a route, rule or match in the editor (a source range) and in the graph
// (a topology node id), through the scenario store's selection.

import { useScenario } from '../store/scenario.ts';
import { locateInManifests, type ObjectRef } from './locate.ts';

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

/** Selects an object (and optionally one of its rules and matches) in the editor and the graph. */
export function highlight(ref: ObjectRef, rule?: number, match?: number | null): void {
  const s = useScenario.getState();
  const path: (string | number)[] = [];
  if (rule !== undefined) {
    path.push('spec', 'rules', rule);
    if (match !== undefined && match !== null) path.push('matches', match);
  }
  const range = locateInManifests(s.manifests, ref, path);
  const nodeId = nodeIdOf(ref, rule);
  s.select({ ...(range ? { range } : {}), ...(nodeId ? { nodeId } : {}) });
}
