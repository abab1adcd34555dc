// Named scalar types (§2.0.1) and shared structures (§2.1) of Gateway API v1.6.1.
// Patterns are verbatim from the CRDs; Kubernetes matches them with RE2 *search* semantics (§2.0).

import type { Channel } from '../types.ts';
import {
  Atomic,
  CEL,
  cel,
  Enum,
  EXP_PATTERN,
  exp,
  Int32,
  ListMap,
  ListSet,
  MapOf,
  Obj,
  Opt,
  type Static,
  Str,
} from './schema.ts';

export const P = {
  hostname: String.raw`^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`,
  precise: String.raw`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`,
  namespace: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
  group: String.raw`^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`,
  kind: '^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$',
  controller: String.raw`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9\/\-._~%!$&'()*+,;=:]+$`,
  protocol: String.raw`^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9]+$`,
  addressType: String.raw`^Hostname|IPAddress|NamedAddress|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9\/\-._~%!$&'()*+,;=:]+$`,
  headerName: String.raw`^[A-Za-z0-9!#$%&'*+\-.^_\x60|~]+$`,
  headerValue: String.raw`^[!-~]+([\t ]?[!-~]+)*$`,
  duration: '^([0-9]{1,5}(h|m|s|ms)){1,4}$',
  labelValue: '^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$',
  labelKey: String.raw`^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$`,
  absoluteURI: String.raw`^(([^:/?#]+):)(//([^/?#]*))([^?#]*)(\?([^#]*))?(#(.*))?`,
  corsOrigin: String.raw`(^\*$)|(^(http(s)?):\/\/(((\*\.)?([a-zA-Z0-9\-]+\.)*[a-zA-Z0-9-]+|\*)(:([0-9]{1,5}))?)$)`,
  wellKnownCA: String.raw`^(System|([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]))$`,
  pathValue: "^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$",
} as const;

type O = Record<string, unknown>;

// ---------- named scalars ----------
export const Hostname = (o: O = {}) => Str({ minLength: 1, maxLength: 253, pattern: P.hostname, ...o });
export const PreciseHostname = (o: O = {}) => Str({ minLength: 1, maxLength: 253, pattern: P.precise, ...o });
export const SectionName = PreciseHostname;
export const ObjectName = (o: O = {}) => Str({ minLength: 1, maxLength: 253, ...o });
export const Namespace = (o: O = {}) => Str({ minLength: 1, maxLength: 63, pattern: P.namespace, ...o });
export const Group = (o: O = {}) => Str({ maxLength: 253, pattern: P.group, ...o });
export const Kind = (o: O = {}) => Str({ minLength: 1, maxLength: 63, pattern: P.kind, ...o });
export const GatewayController = (o: O = {}) => Str({ minLength: 1, maxLength: 253, pattern: P.controller, ...o });
export const PortNumber = (o: O = {}) => Int32({ minimum: 1, maximum: 65535, ...o });
export const HeaderName = (o: O = {}) => Str({ minLength: 1, maxLength: 256, pattern: P.headerName, ...o });
export const Duration = (o: O = {}) => Str({ pattern: P.duration, ...o });
/** Header values: the RFC 7230 pattern exists only in the Experimental CRDs (§2.0.1). */
export const HeaderValue = (ch: Channel, o: O = {}) =>
  ch === 'experimental'
    ? Str({ minLength: 1, maxLength: 4096, pattern: P.headerValue, ...o })
    : Str({ minLength: 1, maxLength: 4096, [EXP_PATTERN]: P.headerValue, ...o });

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] as const;

// ---------- references ----------

const portRequiredForService = cel(
  'Must have port for Service reference',
  // (size(self.group) == 0 && self.kind == 'Service') ? has(self.port) : true
  (s) => !(s.group === '' && s.kind === 'Service') || s.port !== undefined,
);

export const ParentReference = () =>
  Obj(
    {
      group: Opt(
        Group({
          default: 'gateway.networking.k8s.io',
          description: 'API group of the parent; default gateway.networking.k8s.io. Use "" for a core Service (mesh).',
        }),
      ),
      kind: Opt(
        Kind({
          default: 'Gateway',
          description: 'Kind of the parent: Gateway (default), ListenerSet, or Service for mesh routes.',
        }),
      ),
      namespace: Opt(
        Namespace({
          description:
            "Namespace of the parent; defaults to the route's own namespace. Cross-namespace attachment must be allowed by the listener's allowedRoutes.",
        }),
      ),
      name: ObjectName({ description: 'Name of the parent Gateway (or ListenerSet / Service).' }),
      sectionName: Opt(
        SectionName({
          description:
            'Attach to one listener only (its name). Without it the route attaches to every listener that allows it.',
        }),
      ),
      port: Opt(
        PortNumber({
          description:
            'Attach to the listeners on this port only (Extended). Such a ref also picks up listeners added later on that port.',
        }),
      ),
    },
    { description: 'Where this route attaches: a Gateway, optionally narrowed to one listener (sectionName) or port.' },
  );
export type ParentReference = Static<ReturnType<typeof ParentReference>>;

/** parentRefs with the channel's uniqueness CEL rules (§3.4: the messages differ by channel). */
export function ParentRefs(ch: Channel) {
  return Atomic(ParentReference(), {
    maxItems: 32,
    description:
      'The Gateways (or listeners) this route wants to attach to. Each listener must also allow the route (allowedRoutes).',
    [CEL]: ch === 'experimental' ? parentRefRulesExperimental : parentRefRulesStandard,
  });
}

// §3.4: an unset (or empty) namespace and a namespace equal to the route's own are *different* parents
// for these rules, exactly as upstream's CEL compares them.
const emptyStr = (v: unknown) => v === undefined || v === '';
const emptyPort = (v: unknown) => v === undefined || v === 0;
const sameParent = (a: O, b: O) =>
  a.group === b.group &&
  a.kind === b.kind &&
  a.name === b.name &&
  ((emptyStr(a.namespace) && emptyStr(b.namespace)) ||
    (a.namespace !== undefined && b.namespace !== undefined && a.namespace === b.namespace));
const sameSection = (a: O, b: O) =>
  (emptyStr(a.sectionName) && emptyStr(b.sectionName)) ||
  (a.sectionName !== undefined && b.sectionName !== undefined && a.sectionName === b.sectionName);
const samePort = (a: O, b: O) =>
  (emptyPort(a.port) && emptyPort(b.port)) || (a.port !== undefined && b.port !== undefined && a.port === b.port);

const all2 = (list: O[], f: (a: O, b: O) => boolean) => list.every((a) => list.every((b) => f(a, b)));
const existsOne = (list: O[], f: (b: O) => boolean) => {
  let n = 0;
  for (const b of list) if (f(b)) n++;
  return n === 1;
};

export const parentRefRulesStandard = [
  cel('sectionName must be specified when parentRefs includes 2 or more references to the same parent', (self: O[]) =>
    all2(self, (a, b) => !sameParent(a, b) || emptyStr(a.sectionName) === emptyStr(b.sectionName)),
  ),
  cel('sectionName must be unique when parentRefs includes 2 or more references to the same parent', (self: O[]) =>
    self.every((a) => existsOne(self, (b) => sameParent(a, b) && sameSection(a, b))),
  ),
];
export const parentRefRulesExperimental = [
  cel(
    'sectionName or port must be specified when parentRefs includes 2 or more references to the same parent',
    (self: O[]) =>
      all2(
        self,
        (a, b) =>
          !sameParent(a, b) ||
          (emptyStr(a.sectionName) === emptyStr(b.sectionName) && emptyPort(a.port) === emptyPort(b.port)),
      ),
  ),
  cel(
    'sectionName or port must be unique when parentRefs includes 2 or more references to the same parent',
    (self: O[]) => self.every((a) => existsOne(self, (b) => sameParent(a, b) && sameSection(a, b) && samePort(a, b))),
  ),
];

/** BackendObjectReference (mirror / ExternalAuth backendRef) with the port-for-Service rule. */
export const BackendObjectReference = (o: O = {}) =>
  Obj(
    {
      group: Opt(
        Group({ default: '', description: 'API group of the backend; "" (default) is the core group of Service.' }),
      ),
      kind: Opt(Kind({ default: 'Service', description: 'Kind of the backend; default Service.' })),
      name: ObjectName({ description: 'Name of the backend object.' }),
      namespace: Opt(
        Namespace({ description: 'Namespace of the backend; another namespace needs a ReferenceGrant there.' }),
      ),
      port: Opt(PortNumber({ description: 'Port on the Service. Required when the backend is a Service.' })),
    },
    { [CEL]: [portRequiredForService], ...o },
  );

const backendRefProps = () => ({
  group: Opt(
    Group({ default: '', description: 'API group of the backend; "" (default) is the core group of Service.' }),
  ),
  kind: Opt(Kind({ default: 'Service', description: 'Kind of the backend; default Service.' })),
  name: ObjectName({ description: 'Name of the backend (usually a Service).' }),
  namespace: Opt(
    Namespace({ description: 'Namespace of the backend; another namespace needs a ReferenceGrant there.' }),
  ),
  port: Opt(PortNumber({ description: 'Service port to send traffic to. Required for a Service.' })),
  weight: Opt(
    Int32({
      default: 1,
      minimum: 0,
      maximum: 1000000,
      description:
        'Relative share of traffic (default 1). Weights are proportions, not percentages: 1 and 3 give 25% / 75%. 0 sends no traffic.',
    }),
  ),
});

/** BackendRef (TLS/TCP/UDP routes): a backend plus a weight. */
export const BackendRef = () =>
  Obj(backendRefProps(), {
    [CEL]: [portRequiredForService],
    description: 'A backend that receives traffic, with a relative weight.',
  });
export type BackendRef = Static<ReturnType<typeof BackendRef>>;
export const backendRefPropsFor = backendRefProps;
export const portRule = portRequiredForService;

export const SecretObjectReference = () =>
  Obj({
    group: Opt(Group({ default: '' })),
    kind: Opt(Kind({ default: 'Secret' })),
    name: ObjectName(),
    namespace: Opt(Namespace()),
  });

export const ObjectReference = () =>
  Obj({ group: Group(), kind: Kind(), name: ObjectName(), namespace: Opt(Namespace()) });

export const LocalObjectReference = () => Obj({ group: Group(), kind: Kind(), name: ObjectName() });

export const LabelSelector = () =>
  Obj(
    {
      matchExpressions: Opt(
        Atomic(
          Obj({
            key: Str(),
            operator: Str({ description: 'In, NotIn, Exists or DoesNotExist.' }),
            values: Opt(Atomic(Str())),
          }),
        ),
      ),
      matchLabels: Opt(MapOf(Str())),
    },
    { 'x-kubernetes-map-type': 'atomic' },
  );

export const RouteGroupKind = () =>
  Obj({
    group: Opt(Group({ default: 'gateway.networking.k8s.io' })),
    kind: Kind({ description: 'Route kind, e.g. HTTPRoute.' }),
  });

export const AllowedRoutes = () =>
  Obj(
    {
      namespaces: Opt(
        Obj(
          {
            from: Opt(
              Enum(['All', 'Selector', 'Same'] as const, {
                default: 'Same',
                description:
                  "Which namespaces may attach routes: Same (default, the Gateway's namespace), All, or Selector (namespaces whose labels match `selector`).",
              }),
            ),
            selector: Opt(LabelSelector()),
          },
          { default: { from: 'Same' } },
        ),
      ),
      kinds: Opt(
        Atomic(RouteGroupKind(), {
          maxItems: 8,
          description:
            'Route kinds allowed on this listener; empty = the kinds that fit the protocol (e.g. HTTPRoute and GRPCRoute for HTTP).',
        }),
      ),
    },
    {
      default: { namespaces: { from: 'Same' } },
      description: 'Which routes may attach to this listener: from which namespaces, and of which kinds.',
    },
  );

export const ListenerTLSConfig = () =>
  Obj(
    {
      certificateRefs: Opt(
        Atomic(SecretObjectReference(), {
          maxItems: 64,
          description:
            'Secrets (type kubernetes.io/tls) with the certificate and key the listener presents. Another namespace needs a ReferenceGrant.',
        }),
      ),
      mode: Opt(
        Enum(['Terminate', 'Passthrough'] as const, {
          default: 'Terminate',
          description:
            'Terminate (default): the Gateway decrypts TLS. Passthrough: TLS goes through untouched to a TLSRoute backend, routed by SNI.',
        }),
      ),
      options: Opt(MapOf(Str({ minLength: 0, maxLength: 4096 }), { maxProperties: 16 })),
    },
    {
      description: 'TLS settings of the listener (HTTPS and TLS protocols).',
      [CEL]: [
        cel(
          'certificateRefs or options must be specified when mode is Terminate',
          // self.mode == 'Terminate' ? size(self.certificateRefs) > 0 || size(self.options) > 0 : true
          (s) =>
            s.mode !== 'Terminate' ||
            (Array.isArray(s.certificateRefs) && s.certificateRefs.length > 0) ||
            (s.options !== null && typeof s.options === 'object' && Object.keys(s.options).length > 0),
        ),
      ],
    },
  );

// ---------- HTTP header modifier, path modifier, mirror ----------

export const HTTPHeader = (ch: Channel) =>
  Obj({
    name: HeaderName({ description: 'Header name (case-insensitive).' }),
    value: HeaderValue(ch, { description: 'Header value.' }),
  });

export const HTTPHeaderFilter = (ch: Channel) =>
  Obj(
    {
      set: Opt(
        ListMap(HTTPHeader(ch), ['name'], {
          maxItems: 16,
          description: 'Headers to set, replacing any existing value.',
        }),
      ),
      add: Opt(
        ListMap(HTTPHeader(ch), ['name'], {
          maxItems: 16,
          description: 'Headers to add (appended to existing values).',
        }),
      ),
      remove: Opt(ListSet(Str(), { maxItems: 16, description: 'Header names to remove.' })),
    },
    { description: 'Adds, sets or removes headers.' },
  );

export const HTTPPathModifier = () =>
  Obj(
    {
      type: Enum(['ReplaceFullPath', 'ReplacePrefixMatch'] as const, {
        description:
          'ReplaceFullPath: replace the whole path. ReplacePrefixMatch: replace only the part matched by the PathPrefix match.',
      }),
      replaceFullPath: Opt(Str({ maxLength: 1024 })),
      replacePrefixMatch: Opt(Str({ maxLength: 1024 })),
    },
    {
      [CEL]: [
        cel("replaceFullPath must be specified when type is set to 'ReplaceFullPath'", (s) =>
          s.type === 'ReplaceFullPath' ? s.replaceFullPath !== undefined : true,
        ),
        cel("type must be 'ReplaceFullPath' when replaceFullPath is set", (s) =>
          s.replaceFullPath !== undefined ? s.type === 'ReplaceFullPath' : true,
        ),
        cel("replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'", (s) =>
          s.type === 'ReplacePrefixMatch' ? s.replacePrefixMatch !== undefined : true,
        ),
        cel("type must be 'ReplacePrefixMatch' when replacePrefixMatch is set", (s) =>
          s.replacePrefixMatch !== undefined ? s.type === 'ReplacePrefixMatch' : true,
        ),
      ],
    },
  );

export const HTTPRequestMirrorFilter = () =>
  Obj(
    {
      backendRef: BackendObjectReference({
        description: 'Where copies of requests go. Responses from it are ignored.',
      }),
      percent: Opt(Int32({ minimum: 0, maximum: 100, description: 'Share of requests to mirror (0–100).' })),
      fraction: Opt(
        Obj(
          {
            numerator: Int32({ minimum: 0 }),
            denominator: Opt(Int32({ default: 100, minimum: 1 })),
          },
          {
            [CEL]: [cel('numerator must be less than or equal to denominator', (s) => !(s.numerator > s.denominator))],
          },
        ),
      ),
    },
    {
      description: 'Sends a copy of each request to another backend.',
      [CEL]: [
        cel(
          'Only one of percent or fraction may be specified in HTTPRequestMirrorFilter',
          (s) => !(s.percent !== undefined && s.fraction !== undefined),
        ),
      ],
    },
  );

export const LocalObjectRef = LocalObjectReference;

export const SessionPersistence = () =>
  Obj(
    {
      sessionName: Opt(Str({ maxLength: 128 })),
      absoluteTimeout: Opt(Duration()),
      type: Opt(Enum(['Cookie', 'Header'] as const, { default: 'Cookie' })),
      cookieConfig: Opt(Obj({ lifetimeType: Opt(Enum(['Permanent', 'Session'] as const, { default: 'Session' })) })),
    },
    {
      [CEL]: [
        cel(
          'AbsoluteTimeout must be specified when cookie lifetimeType is Permanent',
          (s) =>
            s.cookieConfig === undefined ||
            s.cookieConfig.lifetimeType === undefined ||
            s.cookieConfig.lifetimeType !== 'Permanent' ||
            s.absoluteTimeout !== undefined,
        ),
        cel(
          'cookieConfig can only be set with type Cookie',
          (s) => s.cookieConfig === undefined || s.type === 'Cookie',
        ),
      ],
    },
  );

/** `useDefaultGateways` (E, GEP-3793). */
export const UseDefaultGateways = (ch: Channel) => Opt(exp(ch, Enum(['All', 'None'] as const)));

export const ruleNameUnique = cel(
  'Rule name must be unique within the route',
  // self.all(l1, !has(l1.name) || self.exists_one(l2, has(l2.name) && l1.name == l2.name))
  (self: O[]) =>
    self.every((a) => a.name === undefined || existsOne(self, (b) => b.name !== undefined && a.name === b.name)),
);

export { existsOne };
