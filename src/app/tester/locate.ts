// Where a route, rule or match is written in the manifests, for "click to highlight" in the editor.
// Only finds YAML nodes (the engine's own parser and `locate`); it decides nothing about routing.

import { locate, parseFile } from '../../engine/manifest/parse.ts';

export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

let cache: { text: string; docs: ReturnType<typeof parseFile> } | null = null;

function docsOf(text: string) {
  if (cache?.text !== text) cache = { text, docs: parseFile({ name: 'manifests.yaml', text }) };
  return cache.docs;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function matches(v: unknown, ref: ObjectRef): boolean {
  if (!isObj(v) || v.kind !== ref.kind || !isObj(v.metadata)) return false;
  if (v.metadata.name !== ref.name) return false;
  const ns = typeof v.metadata.namespace === 'string' ? v.metadata.namespace : 'default';
  // Cluster-scoped objects have no namespace in the trace.
  return ref.namespace === undefined || ns === ref.namespace;
}

/** Offsets of `path` inside the object `ref` (e.g. ['spec', 'rules', 1, 'matches', 0]), or null. */
export function locateInManifests(
  text: string,
  ref: ObjectRef,
  path: (string | number)[] = [],
): { start: number; end: number } | null {
  for (const pd of docsOf(text)) {
    const v = pd.value;
    if (matches(v, ref)) return locate(pd, path);
    if (isObj(v) && v.kind === 'List' && Array.isArray(v.items)) {
      const i = v.items.findIndex((it) => matches(it, ref));
      if (i >= 0) return locate(pd, ['items', i, ...path]);
    }
  }
  return null;
}
