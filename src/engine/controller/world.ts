// The controller's view of the cluster: the valid resources, indexed once (every lookup below is a Map
// access), plus ReferenceGrant checks (§4.8) and namespace labels (§4.6.3).

import type { Resource } from '../manifest/index.ts';
import { GW_GROUP, nn, obj, objs, str } from './util.ts';

export interface World {
  resources: Resource[];
  /** `group/Kind/ns/name` (cluster-scoped: empty ns) → resource; group '' for core. */
  byKey: Map<string, Resource>;
  /** `group/Kind` → resources of that kind, in creation order. */
  byKind: Map<string, Resource[]>;
  /** Namespace labels: declared labels + `kubernetes.io/metadata.name` (namespaces exist implicitly). */
  namespaceLabels(ns: string): Record<string, string>;
  /** Declared Namespace object, if any. */
  namespace(ns: string): Resource | undefined;
  get(group: string, kind: string, namespace: string | undefined, name: string): Resource | undefined;
  /** Does some object of this group/kind exist at all in the input? */
  hasKind(group: string, kind: string): boolean;
  /** ReferenceGrant check (§4.8): may `from` (in fromNs) reference the target? */
  permitted(
    from: { group: string; kind: string; namespace: string },
    to: { group: string; kind: string; namespace: string; name: string },
  ): boolean;
}

const byOrder = (a: Resource, b: Resource) => a.order - b.order;

interface GrantEntry {
  from: { group: string; kind: string; namespace: string }[];
  to: { group: string; kind: string; name?: string }[];
}

export function buildWorld(all: Resource[]): World {
  const resources = all.filter((r) => r.valid !== false).sort(byOrder);
  const byKey = new Map<string, Resource>();
  const byKind = new Map<string, Resource[]>();
  for (const r of resources) {
    byKey.set(`${r.group}/${r.kind}/${r.namespace ?? ''}/${r.name}`, r);
    const k = `${r.group}/${r.kind}`;
    let list = byKind.get(k);
    if (!list) {
      list = [];
      byKind.set(k, list);
    }
    list.push(r);
  }
  const get = (group: string, kind: string, namespace: string | undefined, name: string) =>
    byKey.get(`${group}/${kind}/${namespace ?? ''}/${name}`);

  const nsLabelCache = new Map<string, Record<string, string>>();
  const namespaceLabels = (ns: string) => {
    let l = nsLabelCache.get(ns);
    if (!l) {
      l = {};
      const decl = get('', 'Namespace', undefined, ns);
      const labels = decl ? obj(obj(decl.obj.metadata).labels) : {};
      for (const [k, v] of Object.entries(labels)) l[k] = String(v);
      l['kubernetes.io/metadata.name'] = ns;
      nsLabelCache.set(ns, l);
    }
    return l;
  };

  // ReferenceGrants indexed by their (= the target's) namespace. v1beta1 and v1 alike.
  const grants = new Map<string, GrantEntry[]>();
  for (const r of byKind.get(`${GW_GROUP}/ReferenceGrant`) ?? []) {
    const spec = obj(r.obj.spec);
    const entry: GrantEntry = {
      from: objs(spec.from).map((f) => ({
        group: str(f.group) ?? '',
        kind: str(f.kind) ?? '',
        namespace: str(f.namespace) ?? '',
      })),
      to: objs(spec.to).map((t) => {
        const name = str(t.name);
        return { group: str(t.group) ?? '', kind: str(t.kind) ?? '', ...(name ? { name } : {}) };
      }),
    };
    const ns = r.namespace ?? '';
    let list = grants.get(ns);
    if (!list) {
      list = [];
      grants.set(ns, list);
    }
    list.push(entry);
  }

  return {
    resources,
    byKey,
    byKind,
    namespaceLabels,
    namespace: (ns) => get('', 'Namespace', undefined, ns),
    get,
    hasKind: (group, kind) => (byKind.get(`${group}/${kind}`)?.length ?? 0) > 0,
    permitted(from, to) {
      if (from.namespace === to.namespace) return true;
      for (const g of grants.get(to.namespace) ?? []) {
        const fromOK = g.from.some(
          (f) => f.group === from.group && f.kind === from.kind && f.namespace === from.namespace,
        );
        if (!fromOK) continue;
        if (
          g.to.some((t) => t.group === to.group && t.kind === to.kind && (t.name === undefined || t.name === to.name))
        )
          return true;
      }
      return false;
    },
  };
}

/** Secret holding a usable TLS certificate: `tls.crt` and `tls.key` PEM (base64 in data, or stringData). */
export function secretProblem(secret: Resource): string | undefined {
  const o = secret.obj;
  const data = obj(o.data);
  const stringData = obj(o.stringData);
  const read = (k: string): string | undefined => {
    const s = str(stringData[k]);
    if (s !== undefined) return s;
    const d = str(data[k]);
    if (d === undefined) return undefined;
    try {
      return typeof atob === 'function' ? atob(d.replace(/\s+/g, '')) : undefined;
    } catch {
      return '';
    }
  };
  const type = str(o.type);
  if (type && type !== 'kubernetes.io/tls' && type !== 'Opaque')
    return `Secret ${nn(secret.namespace, secret.name)} has type ${type}, not kubernetes.io/tls`;
  const crt = read('tls.crt');
  const key = read('tls.key');
  if (crt === undefined || key === undefined)
    return `Secret ${nn(secret.namespace, secret.name)} lacks ${crt === undefined ? 'tls.crt' : 'tls.key'}`;
  if (!/-----BEGIN [A-Z ]*CERTIFICATE-----/.test(crt))
    return `Secret ${nn(secret.namespace, secret.name)} tls.crt is not a PEM certificate`;
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key))
    return `Secret ${nn(secret.namespace, secret.name)} tls.key is not a PEM private key`;
  return undefined;
}

/** ConfigMap holding a CA bundle under `ca.crt`. */
export function caConfigMapProblem(cm: Resource): string | undefined {
  const data = obj(cm.obj.data);
  const ca = str(data['ca.crt']);
  if (ca === undefined) return `ConfigMap ${nn(cm.namespace, cm.name)} has no ca.crt`;
  if (!/-----BEGIN CERTIFICATE-----/.test(ca)) return `ConfigMap ${nn(cm.namespace, cm.name)} ca.crt is not PEM`;
  return undefined;
}
