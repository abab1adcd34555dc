// Documents built from the model's schema (issue "Hardening"): for every kind × version the model
// serves, a seeded generator walks the JSON Schema (types, enums, bounds, required fields, defaults)
// and writes a plausible object; the property tests then mutate it. Names come from a small pool so
// that references (parentRefs, backendRefs, certificateRefs) often resolve and the controller and data
// plane do real work.

import { schemaFor, servedModels } from '../engine/model/index.ts';
import type { Channel } from '../engine/types.ts';
import { HOSTILE_STRINGS } from './corpus.ts';

type S = Record<string, unknown>;

/** mulberry32: a small seeded PRNG (fast-check gives the seed, so failures replay). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['gw', 'gc', 'web', 'svc', 'cert', 'ls', 'api', 'default'];
const NAMESPACES = ['default', 'infra', 'apps'];
const STRINGS: Record<string, string[]> = {
  hostname: ['www.example.com', '*.example.com', 'a.example.com', 'example.com', '10.0.0.1'],
  hostnames: ['www.example.com', '*.example.com', 'grpc.example.com'],
  value: ['/', '/v2', '/api', 'x', '/v[0-9]+/.*', '2'],
  path: ['/', '/v2', '/api'],
  group: ['', 'gateway.networking.k8s.io'],
  kind: ['Service', 'Gateway', 'HTTPRoute', 'Secret', 'ListenerSet', 'ConfigMap'],
  controllerName: ['example.com/controller', 'example.com/other'],
  gatewayClassName: ['gc'],
  protocol: ['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP', 'GRPC'],
  type: ['PathPrefix', 'Exact', 'RegularExpression', 'RequestHeaderModifier'],
  sectionName: ['http', 'https', 'tls', 'extra'],
  service: ['pkg.Svc', 'grpc.health.v1.Health'],
  method: ['GET', 'POST', 'Get'],
  request: ['10s', '1s', '500ms'],
  backendRequest: ['5s', '1s'],
};

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

function genString(s: S, field: string, r: () => number): string {
  if (field === 'name') return pick(r, NAMES);
  if (field === 'namespace') return pick(r, NAMESPACES);
  if (r() < 0.05) return pick(r, HOSTILE_STRINGS);
  const pool = STRINGS[field];
  if (pool) return pick(r, pool);
  if (s.format === 'date-time') return pick(r, ['2024-01-01T00:00:00Z', '2023-06-01T12:00:00Z']);
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : 20;
  const base = pick(r, ['a', 'x', 'example', 'v1', '80', 'tls.crt']);
  return base.length >= min ? base.slice(0, Math.max(min, Math.min(base.length, max))) : base.padEnd(min, 'a');
}

function genNumber(s: S, r: () => number, integer: boolean): number {
  const lo = typeof s.minimum === 'number' ? s.minimum : 0;
  const hi = typeof s.maximum === 'number' ? s.maximum : 65535;
  const candidates = [lo, hi, 80, 443, 1, 100, 8080].filter((n) => n >= lo && n <= hi);
  const n = r() < 0.7 && candidates.length ? pick(r, candidates) : lo + r() * (hi - lo);
  return integer ? Math.round(n) : n;
}

/** One value for `schema` (field is the property name it sits under, for plausible strings). */
export function fromSchema(schema: unknown, r: () => number, field = '', depth = 0): unknown {
  const s = (schema ?? {}) as S;
  if (Array.isArray(s.enum) && s.enum.length) return pick(r, s.enum as unknown[]);
  if ('const' in s) return s.const;
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const)
    if (Array.isArray(s[k]) && (s[k] as unknown[]).length)
      return fromSchema(pick(r, s[k] as unknown[]), r, field, depth);
  if (s.default !== undefined && r() < 0.2) return structuredClone(s.default);
  const type = Array.isArray(s.type) ? pick(r, s.type as string[]) : s.type;
  switch (type) {
    case 'object': {
      const out: S = {};
      if (depth > 10) return out;
      const props = (s.properties ?? {}) as Record<string, unknown>;
      const required = new Set((s.required as string[] | undefined) ?? []);
      for (const [k, sub] of Object.entries(props)) {
        if (k === 'status') continue;
        if (field === 'metadata' && !['name', 'namespace', 'labels', 'creationTimestamp'].includes(k)) continue;
        if (required.has(k) || r() < (depth < 3 ? 0.6 : 0.35)) out[k] = fromSchema(sub, r, k, depth + 1);
      }
      if (Object.keys(props).length === 0 && s.additionalProperties && typeof s.additionalProperties === 'object') {
        const n = Math.floor(r() * 3);
        for (let i = 0; i < n; i++)
          out[pick(r, ['app', 'tls.crt', 'tls.key', 'ca.crt', 'team'])] = fromSchema(
            s.additionalProperties,
            r,
            'value',
            depth + 1,
          );
      }
      return out;
    }
    case 'array': {
      const min = typeof s.minItems === 'number' ? s.minItems : 0;
      const max = Math.min(typeof s.maxItems === 'number' ? s.maxItems : 3, Math.max(min, 3));
      const n = min + Math.floor(r() * (max - min + 1));
      return Array.from({ length: n }, () => fromSchema(s.items, r, field, depth + 1));
    }
    case 'string':
      return genString(s, field, r);
    case 'integer':
      return genNumber(s, r, true);
    case 'number':
      return genNumber(s, r, false);
    case 'boolean':
      return r() < 0.5;
    default:
      if (s['x-kubernetes-preserve-unknown-fields']) return {};
      return genString(s, field, r);
  }
}

/** A few objects of random served kinds, each generated from its schema. */
export function generateDocs(seed: number, channel: Channel, count: number): Record<string, unknown>[] {
  const r = prng(seed);
  const models = servedModels(channel);
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const m = pick(r, models);
    const schema = schemaFor(m.group, m.kind, m.version, channel);
    const obj = (fromSchema(schema, r) ?? {}) as Record<string, unknown>;
    obj.apiVersion = m.apiVersion;
    obj.kind = m.kind;
    const md = (typeof obj.metadata === 'object' && obj.metadata ? obj.metadata : {}) as Record<string, unknown>;
    md.name ??= pick(r, NAMES);
    obj.metadata = md;
    out.push(obj);
  }
  return out;
}
