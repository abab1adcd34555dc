// The model: one TypeBox schema per kind × served version × channel of Gateway API v1.6.1 (plus the
// core kinds of §1.1). Everything else derives from it: TS types (below), runtime validation
// (../validate), the editor JSON Schema (editor.ts) and the known-field lists (strict validation).

import { GATEWAY_GROUP, KINDS, X_GATEWAY_GROUP } from '../manifest/kinds.ts';
import type { Channel } from '../types.ts';
import { ConfigMapFields, NamespaceSpec, ObjectMeta, SecretFields, ServiceSpec } from './core.ts';
import { GatewayClassSpec, GatewaySpec, type Listener as ListenerSchema, ListenerSetSpec } from './gateway.ts';
import {
  BackendTLSPolicySpec,
  ReferenceGrantSpec,
  XBackendSpec,
  XBackendTrafficPolicySpec,
  XMeshSpec,
} from './policy.ts';
import {
  GRPCRouteSpec,
  type HTTPBackendRef as HTTPBackendRefSchema,
  type HTTPRouteFilter as HTTPRouteFilterSchema,
  type HTTPRouteMatch as HTTPRouteMatchSchema,
  type HTTPRouteRule as HTTPRouteRuleSchema,
  HTTPRouteSpec,
  TCPRouteSpec,
  TLSRouteSpec,
  TLSRouteSpecAlpha2,
  UDPRouteSpec,
} from './routes.ts';
import { Any, EXP as EXP_FLAG, Obj, Opt, type Static, Str, type TSchema } from './schema.ts';
import type { BackendRef as BackendRefSchema, ParentReference as ParentReferenceSchema } from './shared.ts';
import {
  GatewayClassStatus,
  GatewayStatus,
  ListenerSetStatus,
  PolicyStatus,
  RouteStatus,
  STATUS,
  XBackendStatus,
  XMeshStatus,
} from './status.ts';

export { editorJsonSchema } from './editor.ts';
export { CEL, type CelRule, CHECK, EXP, EXP_PATTERN, EXP_VALUES } from './schema.ts';

/** A root object schema: apiVersion, kind, metadata, the kind's fields, and (ignored) status. */
function root<P extends Record<string, TSchema>, St extends TSchema = TSchema>(
  fields: P,
  description?: string,
  status?: St,
) {
  return Obj(
    {
      apiVersion: Opt(Str()),
      kind: Opt(Str()),
      metadata: Opt(ObjectMeta()),
      ...fields,
      status: Opt({
        ...(status ?? Any()),
        [STATUS]: true,
        description: 'Written by controllers; ignored when creating objects.',
      } as unknown as St),
    },
    description ? { description } : {},
  );
}

/** ReferenceGrant has no status subresource (and no status field). */
function rootNoStatus<P extends Record<string, TSchema>>(fields: P, description?: string) {
  return Obj(
    { apiVersion: Opt(Str()), kind: Opt(Str()), metadata: Opt(ObjectMeta()), ...fields },
    description ? { description } : {},
  );
}

const spec = <S extends TSchema>(s: S) => ({ spec: s });

// Builders (per channel; the Standard variant flags Experimental-only fields instead of omitting them,
// so that their use can be reported with the channel switch).
const b = {
  GatewayClass: (_ch: Channel) =>
    root(spec(GatewayClassSpec()), 'GatewayClass: a kind of Gateway, run by one controller.', GatewayClassStatus()),
  Gateway: (ch: Channel) =>
    root(spec(GatewaySpec(ch)), 'Gateway: a load balancer with listeners that routes attach to.', GatewayStatus()),
  ListenerSet: (_ch: Channel) =>
    root(
      spec(ListenerSetSpec()),
      'ListenerSet: extra listeners for a Gateway, owned by another team.',
      ListenerSetStatus(),
    ),
  HTTPRoute: (ch: Channel) =>
    root(spec(HTTPRouteSpec(ch)), 'HTTPRoute: routes HTTP requests from Gateway listeners to backends.', RouteStatus()),
  GRPCRoute: (ch: Channel) =>
    root(spec(GRPCRouteSpec(ch)), 'GRPCRoute: routes gRPC calls by service/method.', RouteStatus()),
  TLSRoute: (ch: Channel) => root(spec(TLSRouteSpec(ch)), 'TLSRoute: routes TLS connections by SNI.', RouteStatus()),
  TLSRouteAlpha2: (ch: Channel) => root(spec(TLSRouteSpecAlpha2(ch)), undefined, RouteStatus()),
  TCPRoute: (ch: Channel, v = 'v1') =>
    root(spec(TCPRouteSpec(ch, v)), 'TCPRoute: forwards TCP connections of a listener.', RouteStatus()),
  UDPRoute: (ch: Channel, v = 'v1') =>
    root(spec(UDPRouteSpec(ch, v)), 'UDPRoute: forwards UDP traffic of a listener.', RouteStatus()),
  ReferenceGrant: (_ch: Channel) =>
    rootNoStatus(
      spec(ReferenceGrantSpec()),
      'ReferenceGrant: allows objects in other namespaces to refer to objects in this one.',
    ),
  BackendTLSPolicy: (_ch: Channel) =>
    root(spec(BackendTLSPolicySpec()), 'BackendTLSPolicy: TLS from the Gateway to a Service.', PolicyStatus()),
  XBackendTrafficPolicy: (_ch: Channel) => root(spec(XBackendTrafficPolicySpec()), undefined, PolicyStatus()),
  XBackend: (_ch: Channel) => root(spec(XBackendSpec()), undefined, XBackendStatus()),
  XMesh: (_ch: Channel) => root(spec(XMeshSpec()), undefined, XMeshStatus()),
  Service: () => root({ spec: Opt(ServiceSpec()) }),
  Namespace: () => root({ spec: Opt(NamespaceSpec()) }),
  Secret: () => root(SecretFields()),
  ConfigMap: () => root(ConfigMapFields()),
};

/** Kinds whose root requires `spec` (every Gateway API CRD in v1.6.1 has `required: [spec]`). */
export function specRequired(group: string): boolean {
  return group === GATEWAY_GROUP || group === X_GATEWAY_GROUP;
}

function build(kind: string, version: string, ch: Channel): TSchema | undefined {
  switch (kind) {
    case 'TLSRoute':
      return version === 'v1alpha2' ? b.TLSRouteAlpha2(ch) : b.TLSRoute(ch);
    case 'TCPRoute':
      return b.TCPRoute(ch, version);
    case 'UDPRoute':
      return b.UDPRoute(ch, version);
    default: {
      const f = (b as Record<string, ((ch: Channel) => TSchema) | undefined>)[kind];
      return f ? f(ch) : undefined;
    }
  }
}

const cache = new Map<string, TSchema | null>();

/**
 * The schema of one kind × version in one channel, or undefined when the model has none (opaque kinds,
 * or versions not served in that channel).
 */
export function schemaFor(group: string, kind: string, version: string, ch: Channel): TSchema | undefined {
  const key = `${ch}|${group}/${kind}/${version}`;
  let s = cache.get(key);
  if (s === undefined) {
    const info = KINDS.find((k) => k.group === group && k.kind === kind);
    const served = info ? [...info.served[ch], ...(info.unserved?.[ch] ?? [])] : [];
    s = info && served.includes(version) ? (build(kind, version, ch) ?? null) : null;
    if (s) {
      const req = (s as { required?: string[] }).required ?? [];
      if (specRequired(group) && !req.includes('spec')) (s as { required?: string[] }).required = [...req, 'spec'];
    }
    cache.set(key, s);
  }
  return s ?? undefined;
}

/** Every modelled (group, kind, version) served in a channel. */
export function servedModels(ch: Channel): { group: string; kind: string; version: string; apiVersion: string }[] {
  return KINDS.flatMap((k) =>
    k.served[ch].map((version) => ({
      group: k.group,
      kind: k.kind,
      version,
      apiVersion: k.group ? `${k.group}/${version}` : version,
    })),
  );
}

// ---------- TS types (Experimental = superset) ----------
const ex = 'experimental' as const;
const _HTTPRoute = () => b.HTTPRoute(ex);
export type GatewayClass = Static<ReturnType<typeof b.GatewayClass>>;
export type Gateway = Static<ReturnType<typeof b.Gateway>>;
export type Listener = Static<ReturnType<typeof ListenerSchema>>;
export type ListenerSet = Static<ReturnType<typeof b.ListenerSet>>;
export type HTTPRoute = Static<ReturnType<typeof _HTTPRoute>>;
export type HTTPRouteRule = Static<ReturnType<typeof HTTPRouteRuleSchema>>;
export type HTTPRouteMatch = Static<ReturnType<typeof HTTPRouteMatchSchema>>;
export type HTTPRouteFilter = Static<ReturnType<typeof HTTPRouteFilterSchema>>;
export type HTTPBackendRef = Static<ReturnType<typeof HTTPBackendRefSchema>>;
export type GRPCRoute = Static<ReturnType<typeof b.GRPCRoute>>;
export type GRPCRouteRule = NonNullable<NonNullable<GRPCRoute['spec']['rules']>[number]>;
export type TLSRoute = Static<ReturnType<typeof b.TLSRoute>>;
export type TCPRoute = Static<ReturnType<typeof b.TCPRoute>>;
export type UDPRoute = Static<ReturnType<typeof b.UDPRoute>>;
export type ReferenceGrant = Static<ReturnType<typeof b.ReferenceGrant>>;
export type BackendTLSPolicy = Static<ReturnType<typeof b.BackendTLSPolicy>>;
export type XBackendTrafficPolicy = Static<ReturnType<typeof b.XBackendTrafficPolicy>>;
export type XBackend = Static<ReturnType<typeof b.XBackend>>;
export type XMesh = Static<ReturnType<typeof b.XMesh>>;
export type ParentReference = ParentReferenceSchema;
export type BackendRef = BackendRefSchema;
export type Service = Static<ReturnType<typeof b.Service>>;
export type Namespace = Static<ReturnType<typeof b.Namespace>>;
export type Secret = Static<ReturnType<typeof b.Secret>>;
export type ConfigMap = Static<ReturnType<typeof b.ConfigMap>>;
/** `spec.listeners[].allowedRoutes` after defaulting. */
export type AllowedRoutes = NonNullable<Listener['allowedRoutes']>;

/**
 * The field names known at `path` of a kind (strict field validation, editor completion): undefined
 * when the kind is not modelled or the path leads into a map or an unmodelled subtree.
 */
export function knownFields(
  apiVersion: string,
  kind: string,
  path: (string | number)[],
  ch: Channel,
): string[] | undefined {
  const i = apiVersion.lastIndexOf('/');
  const group = i < 0 ? '' : apiVersion.slice(0, i);
  const version = apiVersion.slice(i + 1);
  // biome-ignore lint/suspicious/noExplicitAny: walking JSON Schema
  let s: any = schemaFor(group, kind, version, ch);
  for (const seg of path) {
    if (!s) return undefined;
    if (typeof seg === 'number') s = s.items;
    else s = s.properties?.[seg] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
  }
  if (!s?.properties) return undefined;
  return Object.keys(s.properties).filter((k) => !(ch === 'standard' && s.properties[k][EXP_FLAG]));
}
