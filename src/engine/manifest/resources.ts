// Documents → Kubernetes objects: identity (group + kind + namespace + name), `kind: List` items,
// served versions per channel, duplicates and creation order.

import type { Channel, Diagnostic, ResourceRef, SourceRange } from '../types.ts';
import { isOwnedGroup, type KindInfo, kindInfo, kindsOfGroup, splitApiVersion } from './kinds.ts';
import { locate, type ParsedDoc, type Path } from './parse.ts';
import { didYouMean } from './suggest.ts';

export type Obj = Record<string, unknown>;

export interface Resource {
  /** `group/kind/namespace/name` (namespace empty for cluster-scoped kinds). */
  key: string;
  group: string;
  version: string;
  apiVersion: string;
  kind: string;
  /** Absent for cluster-scoped kinds. */
  namespace?: string;
  name: string;
  /** Set for the kinds we model (Gateway API and the core kinds of §1.1); opaque objects have none. */
  info?: KindInfo;
  /** The object as written, less `status` and the server-managed metadata of `kubectl get -o yaml`. */
  raw: Obj;
  /** The object after API-server defaulting. Validation fills it; until then it is `raw`. */
  obj: Obj;
  /** False when the API server would reject the object: it then does not exist for the controller. */
  valid: boolean;
  file: string;
  /** Document index in its file. */
  docIndex: number;
  /** Path of the object inside its document (`['items', 3]` for a List item, else `[]`). */
  docPath: Path;
  creationTimestamp?: string;
  /** Rank in creation order: 0 is the oldest ("oldest wins" rules). */
  order: number;
  /** `metadata.generation`, default 1: what status `observedGeneration` echoes. */
  generation: number;
  /** Range of a field of this object (or of its key); falls back to the closest written node. */
  locate(path: Path, key?: boolean): SourceRange;
}

export function refOf(r: Resource): ResourceRef {
  const ref: ResourceRef = { group: r.group, kind: r.kind, name: r.name };
  if (r.namespace !== undefined) ref.namespace = r.namespace;
  return ref;
}

/** metadata fields a live object carries that a manifest should not set; `kubectl get -o yaml` output has them. */
const SERVER_METADATA = ['managedFields', 'resourceVersion', 'uid', 'selfLink'];

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function strip(o: Obj): Obj {
  const { status: _status, ...rest } = o;
  if (isObj(rest.metadata)) {
    const md = { ...rest.metadata };
    for (const k of SERVER_METADATA) delete md[k];
    rest.metadata = md;
  }
  return rest;
}

export interface LoadResult {
  resources: Resource[];
  diagnostics: Diagnostic[];
}

/** Builds resources from parsed documents. Never throws. */
export function buildResources(docs: ParsedDoc[], channel: Channel): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const resources: Resource[] = [];
  let docOrder = 0;

  const add = (pd: ParsedDoc, value: unknown, docPath: Path) => {
    const at = (path: Path, key = false): SourceRange => {
      const r = locate(pd, [...docPath, ...path], key);
      return { file: pd.file, start: r.start, end: r.end };
    };
    const err = (code: string, message: string, path: Path, key = false) =>
      diagnostics.push({ severity: 'error', code, message, file: pd.file, range: at(path, key) });
    if (!isObj(value)) {
      err(
        'not-an-object',
        'This document is not a Kubernetes object: expected a mapping with apiVersion, kind and metadata.',
        [],
      );
      return;
    }
    const { apiVersion, kind } = value;
    if (typeof apiVersion !== 'string' || apiVersion === '' || typeof kind !== 'string' || kind === '') {
      const missing = [
        typeof apiVersion !== 'string' || apiVersion === '' ? 'apiVersion not set' : '',
        typeof kind !== 'string' || kind === '' ? 'kind not set' : '',
      ].filter(Boolean);
      err('missing-type', `error validating data: [${missing.join(', ')}]`, []);
      return;
    }
    if (kind === 'List' && apiVersion === 'v1') {
      const items = value.items;
      if (!Array.isArray(items)) {
        err('invalid-list', 'kind: List needs an `items` list.', ['items']);
        return;
      }
      items.forEach((item, i) => {
        add(pd, item, [...docPath, 'items', i]);
      });
      return;
    }
    const { group, version } = splitApiVersion(apiVersion);
    const info = kindInfo(group, kind);
    if (!info && isOwnedGroup(group)) {
      const names = kindsOfGroup(group).map((k) => k.kind);
      const hint =
        kind === 'XListenerSet'
          ? ' XListenerSet was removed in v1.5: use apiVersion gateway.networking.k8s.io/v1, kind ListenerSet.'
          : didYouMean(kind, names);
      err('unknown-kind', `no matches for kind "${kind}" in version "${apiVersion}"${hint}`, ['kind']);
      return;
    }
    if (info) {
      const served = info.served[channel];
      if (!served.includes(version)) {
        const otherChannel: Channel = channel === 'standard' ? 'experimental' : 'standard';
        const servedElsewhere = info.served[otherChannel].includes(version);
        let message = `no matches for kind "${kind}" in version "${apiVersion}"`;
        if (servedElsewhere && channel === 'standard')
          message += `: ${kind} ${version} is served only by the Experimental channel. Switch the channel to Experimental (--channel experimental), or use ${served.length ? `version ${served.join(' or ')}` : 'a Standard kind'}.`;
        else if (served.length) message += ` (served versions: ${served.join(', ')})`;
        else message += ` (${kind} is not installed in the ${channel} channel)`;
        err(servedElsewhere ? 'channel' : 'unserved-version', message, ['apiVersion']);
        return;
      }
      if (info.deprecated?.[version])
        diagnostics.push({
          severity: 'warning',
          code: 'deprecated-version',
          message: `Warning: ${info.deprecated[version]}`,
          file: pd.file,
          range: at(['apiVersion']),
        });
    }
    const metadata = value.metadata;
    const name = isObj(metadata) ? metadata.name : undefined;
    if (typeof name !== 'string' || name === '') {
      err(
        'missing-name',
        'metadata.name: Required value: name or generateName is required',
        isObj(metadata) ? ['metadata'] : [],
        !isObj(metadata),
      );
      return;
    }
    const clusterScoped = info?.scope === 'Cluster';
    const nsValue = isObj(metadata) ? metadata.namespace : undefined;
    const namespace = clusterScoped ? undefined : typeof nsValue === 'string' && nsValue !== '' ? nsValue : 'default';
    const ts =
      isObj(metadata) && typeof metadata.creationTimestamp === 'string' ? metadata.creationTimestamp : undefined;
    const gen = isObj(metadata) && typeof metadata.generation === 'number' ? metadata.generation : 1;
    const raw = strip(value);
    resources.push({
      key: `${group}/${kind}/${namespace ?? ''}/${name}`,
      group,
      version,
      apiVersion,
      kind,
      ...(namespace !== undefined ? { namespace } : {}),
      name,
      ...(info ? { info } : {}),
      raw,
      obj: raw,
      valid: true,
      file: pd.file,
      docIndex: pd.index,
      docPath,
      ...(ts ? { creationTimestamp: ts } : {}),
      order: docOrder++,
      generation: gen,
      locate: at,
    });
  };

  for (const pd of docs) {
    if (pd.empty || pd.value === undefined) continue;
    add(pd, pd.value, []);
  }

  // Two objects with one identity: `kubectl apply -f` applies both in order, so the last one stands.
  const byKey = new Map<string, Resource>();
  const kept: Resource[] = [];
  for (const r of resources) {
    const prev = byKey.get(r.key);
    if (prev) {
      const prevPos = prev.locate(['metadata', 'name']);
      diagnostics.push({
        severity: 'error',
        code: 'duplicate-object',
        message: `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name} is defined twice; only this later definition would take effect (kubectl apply applies documents in order).`,
        file: r.file,
        range: r.locate(['metadata', 'name']),
        related: [{ message: 'first definition', range: prevPos, line: 0, column: 0 }],
      });
      kept[kept.indexOf(prev)] = r;
    } else kept.push(r);
    byKey.set(r.key, r);
  }
  assignCreationOrder(kept);
  return { resources: kept, diagnostics };
}

/**
 * Creation order (DESIGN "Decisions"): `metadata.creationTimestamp` where given; objects without one
 * come after every timestamped object, in document order (SD §11.1 #16).
 */
export function assignCreationOrder(resources: Resource[]): void {
  const sorted = resources
    .map((r, i) => ({ r, i, t: r.creationTimestamp ? Date.parse(r.creationTimestamp) : Number.NaN }))
    .sort((a, b) => {
      const at = Number.isNaN(a.t);
      const bt = Number.isNaN(b.t);
      if (at !== bt) return at ? 1 : -1;
      if (!at && a.t !== b.t) return a.t - b.t;
      return a.i - b.i;
    });
  sorted.forEach((x, rank) => {
    x.r.order = rank;
  });
}
