// HTTPRoute (§2.5), GRPCRoute (§2.6), TLSRoute (§2.7), TCPRoute / UDPRoute (§2.8).

import type { Channel } from '../types.ts';
import { durationMs } from './duration.ts';
import { isIP, matchesPattern } from './regex.ts';
import {
  Atomic,
  CEL,
  type CelRule,
  cel,
  Enum,
  EXP_VALUES,
  exp,
  Int,
  Int32,
  IntEnum,
  ListMap,
  ListSet,
  Obj,
  Opt,
  Str,
  Type,
} from './schema.ts';
import {
  BackendObjectReference,
  BackendRef,
  backendRefPropsFor,
  Duration,
  HeaderName,
  HeaderValue,
  Hostname,
  HTTP_METHODS,
  HTTPHeaderFilter,
  HTTPPathModifier,
  HTTPRequestMirrorFilter,
  LocalObjectReference,
  P,
  ParentRefs,
  PortNumber,
  PreciseHostname,
  portRule,
  ruleNameUnique,
  SectionName,
  SessionPersistence,
  UseDefaultGateways,
} from './shared.ts';

type O = Record<string, unknown>;
const has = (o: O, k: string) => o[k] !== undefined;
const count = (list: O[], type: string) => list.reduce((n, f) => (f.type === type ? n + 1 : n), 0);

// ---------- filters ----------

const unionRules = (pairs: [field: string, type: string][]): CelRule[] =>
  pairs.flatMap(([field, type]) => [
    cel(`filter.${field} must be nil if the filter.type is not ${type}`, (s) => !(has(s, field) && s.type !== type)),
    cel(`filter.${field} must be specified for ${type} filter.type`, (s) => !(!has(s, field) && s.type === type)),
  ]);

const notRepeated = (type: string) => cel(`${type} filter cannot be repeated`, (self: O[]) => count(self, type) <= 1);

const starAlone = (message: string) => cel(message, (self: string[]) => !(self.includes('*') && self.length > 1));

const CORS = () =>
  Obj(
    {
      allowOrigins: Opt(
        ListSet(Str({ minLength: 1, maxLength: 253, pattern: P.corsOrigin }), {
          maxItems: 64,
          [CEL]: [starAlone("AllowOrigins cannot contain '*' alongside other origins")],
        }),
      ),
      allowCredentials: Opt(Type.Boolean()),
      allowMethods: Opt(
        ListSet(Enum([...HTTP_METHODS, '*'] as const), {
          maxItems: 9,
          [CEL]: [starAlone("AllowMethods cannot contain '*' alongside other methods")],
        }),
      ),
      allowHeaders: Opt(
        ListSet(HeaderName(), {
          maxItems: 64,
          [CEL]: [starAlone("AllowHeaders cannot contain '*' alongside other methods")],
        }),
      ),
      exposeHeaders: Opt(ListSet(HeaderName(), { maxItems: 64 })),
      maxAge: Opt(Int32({ default: 5, minimum: 1 })),
    },
    { description: 'Answers CORS preflight requests and adds CORS response headers.' },
  );

const ExternalAuth = () =>
  Obj(
    {
      protocol: Enum(['HTTP', 'GRPC'] as const),
      backendRef: BackendObjectReference(),
      grpc: Opt(Obj({ allowedHeaders: Opt(ListSet(Str(), { maxItems: 64 })) })),
      http: Opt(
        Obj({
          path: Opt(Str({ maxLength: 1024, pattern: P.pathValue })),
          allowedHeaders: Opt(ListSet(Str(), { maxItems: 64 })),
          allowedResponseHeaders: Opt(ListSet(Str(), { maxItems: 64 })),
        }),
      ),
      forwardBody: Opt(Obj({ maxSize: Opt(Int()) })),
    },
    {
      description: 'Asks an external authorization service before forwarding (Experimental).',
      [CEL]: [
        cel("grpc must be specified when protocol is set to 'GRPC'", (s) =>
          s.protocol === 'GRPC' ? has(s, 'grpc') : true,
        ),
        cel("protocol must be 'GRPC' when grpc is set", (s) => (has(s, 'grpc') ? s.protocol === 'GRPC' : true)),
        cel("http must be specified when protocol is set to 'HTTP'", (s) =>
          s.protocol === 'HTTP' ? has(s, 'http') : true,
        ),
        cel("protocol must be 'HTTP' when http is set", (s) => (has(s, 'http') ? s.protocol === 'HTTP' : true)),
      ],
    },
  );

const HTTP_FILTER_TYPES_STD = [
  'RequestHeaderModifier',
  'ResponseHeaderModifier',
  'RequestMirror',
  'RequestRedirect',
  'URLRewrite',
  'ExtensionRef',
  'CORS',
] as const;
type HTTPFilterType = (typeof HTTP_FILTER_TYPES_STD)[number] | 'ExternalAuth';

export const HTTPRouteFilter = (ch: Channel) => {
  const pairs: [string, string][] = [
    ['requestHeaderModifier', 'RequestHeaderModifier'],
    ['responseHeaderModifier', 'ResponseHeaderModifier'],
    ['requestMirror', 'RequestMirror'],
    ['requestRedirect', 'RequestRedirect'],
    ['urlRewrite', 'URLRewrite'],
    ['extensionRef', 'ExtensionRef'],
    ['cors', 'CORS'],
  ];
  if (ch === 'experimental') pairs.push(['externalAuth', 'ExternalAuth']);
  return Obj(
    {
      type: Enum<HTTPFilterType>(
        ch === 'experimental' ? [...HTTP_FILTER_TYPES_STD, 'ExternalAuth'] : HTTP_FILTER_TYPES_STD,
        {
          description:
            'Which filter this is; set the field of the same name (e.g. type: RequestRedirect with requestRedirect: {...}).',
          ...(ch === 'standard' ? { [EXP_VALUES]: ['ExternalAuth'] } : {}),
        },
      ),
      requestHeaderModifier: Opt({
        ...HTTPHeaderFilter(ch),
        description: 'Changes request headers before forwarding.',
      }),
      responseHeaderModifier: Opt({
        ...HTTPHeaderFilter(ch),
        description: 'Changes response headers before returning them.',
      }),
      requestMirror: Opt(HTTPRequestMirrorFilter()),
      requestRedirect: Opt(
        Obj(
          {
            scheme: Opt(
              Enum(['http', 'https'] as const, {
                description: 'Scheme of the Location header; unset keeps the request scheme.',
              }),
            ),
            hostname: Opt(
              PreciseHostname({ description: 'Host of the Location header; unset keeps the request host.' }),
            ),
            path: Opt(HTTPPathModifier()),
            port: Opt(
              PortNumber({ description: 'Port of the Location header; unset derives it from the scheme or listener.' }),
            ),
            statusCode: Opt(
              IntEnum([301, 302, 303, 307, 308] as const, {
                default: 302,
                description: 'Redirect status (default 302).',
              }),
            ),
          },
          {
            description:
              'Answers with a redirect instead of forwarding. Cannot be combined with backendRefs or URLRewrite.',
          },
        ),
      ),
      urlRewrite: Opt(
        Obj(
          {
            hostname: Opt(PreciseHostname({ description: 'Rewrites the Host header sent to the backend.' })),
            path: Opt(HTTPPathModifier()),
          },
          { description: 'Rewrites host and/or path before forwarding.' },
        ),
      ),
      extensionRef: Opt(LocalObjectReference()),
      cors: Opt(CORS()),
      externalAuth: Opt(exp(ch, ExternalAuth())),
    },
    {
      description: 'A filter: modifies the request or response (headers, redirect, rewrite, mirror, CORS...).',
      [CEL]: unionRules(pairs),
    },
  );
};

const httpFilterListRules = [
  cel(
    'May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both',
    (self: O[]) => !(count(self, 'RequestRedirect') > 0 && count(self, 'URLRewrite') > 0),
  ),
  notRepeated('CORS'),
  notRepeated('RequestHeaderModifier'),
  notRepeated('ResponseHeaderModifier'),
  notRepeated('RequestRedirect'),
  notRepeated('URLRewrite'),
];

const HTTPFilters = (ch: Channel, description: string) =>
  Atomic(HTTPRouteFilter(ch), { maxItems: 16, description, [CEL]: httpFilterListRules });

// ---------- matches ----------

const EP = "when type one of ['Exact', 'PathPrefix']";
const exactOrPrefix = (s: O) => s.type === 'Exact' || s.type === 'PathPrefix';
const pathRule = (message: string, ok: (v: string) => boolean) =>
  cel(message, (s) => !exactOrPrefix(s) || ok(String(s.value)));

export const HTTPPathMatch = () =>
  Obj(
    {
      type: Opt(
        Enum(['Exact', 'PathPrefix', 'RegularExpression'] as const, {
          default: 'PathPrefix',
          description:
            'PathPrefix (default): matches whole path segments (/foo matches /foo and /foo/bar, not /foobar). Exact: the whole path. RegularExpression: implementation-specific regex.',
        }),
      ),
      value: Opt(Str({ default: '/', maxLength: 1024, description: 'The path (or regex) to match; default "/".' })),
    },
    {
      default: { type: 'PathPrefix', value: '/' },
      description: 'Matches the request path. Default: PathPrefix "/" (everything).',
      [CEL]: [
        pathRule(`value must be an absolute path and start with '/' ${EP}`, (v) => v.startsWith('/')),
        pathRule(`must not contain '//' ${EP}`, (v) => !v.includes('//')),
        pathRule(`must not contain '/./' ${EP}`, (v) => !v.includes('/./')),
        pathRule(`must not contain '/../' ${EP}`, (v) => !v.includes('/../')),
        pathRule(`must not contain '%2f' ${EP}`, (v) => !v.includes('%2f')),
        pathRule(`must not contain '%2F' ${EP}`, (v) => !v.includes('%2F')),
        pathRule(`must not contain '#' ${EP}`, (v) => !v.includes('#')),
        pathRule(`must not end with '/..' ${EP}`, (v) => !v.endsWith('/..')),
        pathRule(`must not end with '/.' ${EP}`, (v) => !v.endsWith('/.')),
        cel("type must be one of ['Exact', 'PathPrefix', 'RegularExpression']", (s) =>
          ['Exact', 'PathPrefix', 'RegularExpression'].includes(s.type as string),
        ),
        pathRule(
          `must only contain valid characters (matching ${P.pathValue}) for types ['Exact', 'PathPrefix']`,
          (v) => matchesPattern(P.pathValue, v),
        ),
      ],
    },
  );

const MatchType = (what: string) =>
  Opt(
    Enum(['Exact', 'RegularExpression'] as const, {
      default: 'Exact',
      description: `How to compare the ${what} value (default Exact).`,
    }),
  );

export const HTTPRouteMatch = (ch: Channel) =>
  Obj(
    {
      path: Opt(HTTPPathMatch()),
      headers: Opt(
        ListMap(
          Obj({
            type: MatchType('header'),
            name: HeaderName({ description: 'Header name (case-insensitive).' }),
            value: HeaderValue(ch, { description: 'Value to compare with.' }),
          }),
          ['name'],
          { maxItems: 16, description: 'Every listed header must match (AND).' },
        ),
      ),
      queryParams: Opt(
        ListMap(
          Obj({
            type: MatchType('query parameter'),
            name: HeaderName({ description: 'Query parameter name (case-sensitive).' }),
            value: Str({ minLength: 1, maxLength: 1024 }),
          }),
          ['name'],
          { maxItems: 16, description: 'Every listed query parameter must match (AND).' },
        ),
      ),
      method: Opt(Enum(HTTP_METHODS, { description: 'Only requests with this HTTP method match.' })),
    },
    {
      description:
        'One match: path AND headers AND query params AND method. A rule matches if any of its matches does (OR).',
    },
  );

// ---------- rules ----------

export const HTTPBackendRef = (ch: Channel) =>
  Obj(
    {
      ...backendRefPropsFor(),
      filters: Opt(HTTPFilters(ch, 'Filters applied only to requests sent to this backend.')),
    },
    { description: 'A backend that receives matching requests, with a relative weight.', [CEL]: [portRule] },
  );

const prefixOk = (rule: O) => {
  const matches = rule.matches as O[] | undefined;
  if (!Array.isArray(matches) || matches.length !== 1) return false;
  const path = (matches[0] as O).path as O | undefined;
  return path !== undefined && path.type === 'PathPrefix';
};
const usesPrefixReplace = (f: O, field: 'requestRedirect' | 'urlRewrite') => {
  const x = f[field] as O | undefined;
  const path = x?.path as O | undefined;
  return path !== undefined && path.type === 'ReplacePrefixMatch' && path.replacePrefixMatch !== undefined;
};
// Upstream writes these rules with CEL `exists_one`, not `exists` (§3.4): a rule with two such filters
// passes this check (the repeated-filter rule rejects it instead). Ported as written.
const existsOneFilter = (filters: unknown, field: 'requestRedirect' | 'urlRewrite') =>
  Array.isArray(filters) && filters.filter((f) => usesPrefixReplace(f, field)).length === 1;

const ruleRules: CelRule[] = [
  cel('RequestRedirect filter must not be used together with backendRefs', (s) =>
    Array.isArray(s.backendRefs) && s.backendRefs.length > 0
      ? !Array.isArray(s.filters) || s.filters.every((f: O) => !has(f, 'requestRedirect'))
      : true,
  ),
  cel(
    'When using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
    (s) => !existsOneFilter(s.filters, 'requestRedirect') || prefixOk(s),
  ),
  cel(
    'When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
    (s) => !existsOneFilter(s.filters, 'urlRewrite') || prefixOk(s),
  ),
  cel(
    'Within backendRefs, when using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
    (s) =>
      !(
        Array.isArray(s.backendRefs) &&
        s.backendRefs.filter((b: O) => existsOneFilter(b.filters, 'requestRedirect')).length === 1
      ) || prefixOk(s),
  ),
  cel(
    'Within backendRefs, When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
    (s) =>
      !(
        Array.isArray(s.backendRefs) &&
        s.backendRefs.filter((b: O) => existsOneFilter(b.filters, 'urlRewrite')).length === 1
      ) || prefixOk(s),
  ),
];

export const HTTPRouteTimeouts = () =>
  Obj(
    {
      request: Opt(
        Duration({
          description: 'Total time for the Gateway to answer the client (e.g. 10s). "0s" disables the timeout.',
        }),
      ),
      backendRequest: Opt(
        Duration({
          description:
            'Time allowed for one request to a backend (each retry counts separately). Must not exceed `request`.',
        }),
      ),
    },
    {
      description: 'Timeouts for requests matched by this rule (durations such as 500ms, 10s, 1m).',
      [CEL]: [
        cel('backendRequest timeout cannot be longer than request timeout', (s) => {
          if (s.request === undefined || s.backendRequest === undefined) return true;
          const req = durationMs(String(s.request));
          const be = durationMs(String(s.backendRequest));
          if (req === null || be === null) return true;
          return !(req !== 0 && be > req);
        }),
      ],
    },
  );

export const HTTPRouteRule = (ch: Channel) =>
  Obj(
    {
      name: Opt(SectionName({ description: 'Optional rule name (for policies and status).' })),
      matches: Opt(
        Atomic(HTTPRouteMatch(ch), {
          maxItems: 64,
          default: [{ path: { type: 'PathPrefix', value: '/' } }],
          description:
            'Conditions for a request to use this rule (any one match is enough). Default: every request (PathPrefix "/").',
        }),
      ),
      filters: Opt(HTTPFilters(ch, 'Filters applied to every request of this rule, in order.')),
      backendRefs: Opt(
        Atomic(HTTPBackendRef(ch), {
          maxItems: 16,
          description:
            'Where matching requests go; traffic is split by weight. None (and no redirect) = the Gateway answers 500.',
        }),
      ),
      timeouts: Opt(HTTPRouteTimeouts()),
      retry: Opt(
        exp(
          ch,
          Obj({
            codes: Opt(ListSet(Int({ minimum: 400, maximum: 599 }))),
            attempts: Opt(Int({ minimum: 1 })),
            backoff: Opt(Duration()),
          }),
        ),
      ),
      sessionPersistence: Opt(exp(ch, SessionPersistence())),
    },
    { description: 'A rule: matches, filters and backends.', [CEL]: ruleRules },
  );

// §3.4: the message says "less than 128" but the rule is `<= 128`. HTTPRoute matches are always set
// after defaulting; GRPCRoute's rule guards with has() (no default there).
const totalMatches = (nullable: boolean) =>
  cel(
    'While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128',
    (self: O[]) => {
      let n = 0;
      for (let i = 0; i < self.length && i < 16; i++) {
        const m = (self[i] as O).matches;
        if (Array.isArray(m)) n += m.length;
        else if (!nullable) n += 0;
      }
      return n <= 128;
    },
  );

const Hostnames = (description: string) => Opt(Atomic(Hostname(), { maxItems: 16, description }));

const HOSTNAMES_DESC =
  'Host names this route answers for (matched against the Host header / SNI). A leading `*.` is a wildcard. Intersected with the listener hostname; empty = every host the listener accepts.';

export const HTTPRouteSpec = (ch: Channel) =>
  Obj({
    parentRefs: Opt(ParentRefs(ch)),
    hostnames: Hostnames(HOSTNAMES_DESC),
    rules: Opt(
      Atomic(HTTPRouteRule(ch), {
        minItems: 1,
        maxItems: 16,
        default: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }] }],
        description: 'Routing rules. When several rules match, the most specific match wins (see precedence).',
        [CEL]: ch === 'experimental' ? [totalMatches(false), ruleNameUnique] : [totalMatches(false)],
      }),
    ),
    useDefaultGateways: UseDefaultGateways(ch),
  });

// ---------- GRPCRoute ----------

export const GRPCRouteFilter = (ch: Channel) =>
  Obj(
    {
      type: Enum(['ResponseHeaderModifier', 'RequestHeaderModifier', 'RequestMirror', 'ExtensionRef'] as const, {
        description: 'Which filter this is; set the field of the same name.',
      }),
      requestHeaderModifier: Opt(HTTPHeaderFilter(ch)),
      responseHeaderModifier: Opt(HTTPHeaderFilter(ch)),
      requestMirror: Opt(HTTPRequestMirrorFilter()),
      extensionRef: Opt(LocalObjectReference()),
    },
    {
      [CEL]: unionRules([
        ['requestHeaderModifier', 'RequestHeaderModifier'],
        ['responseHeaderModifier', 'ResponseHeaderModifier'],
        ['requestMirror', 'RequestMirror'],
        ['extensionRef', 'ExtensionRef'],
      ]),
    },
  );

const GRPCFilters = (ch: Channel, description = 'Filters applied to every call of this rule, in order.') =>
  Atomic(GRPCRouteFilter(ch), {
    maxItems: 16,
    description,
    [CEL]: [notRepeated('RequestHeaderModifier'), notRepeated('ResponseHeaderModifier')],
  });

export const GRPCRouteMatch = () =>
  Obj({
    method: Opt(
      Obj(
        {
          type: Opt(Enum(['Exact', 'RegularExpression'] as const, { default: 'Exact' })),
          service: Opt(Str({ maxLength: 1024, description: 'Fully qualified gRPC service, e.g. foo.bar.Greeter.' })),
          method: Opt(Str({ maxLength: 1024, description: 'gRPC method name, e.g. SayHello.' })),
        },
        {
          [CEL]: [
            cel("One or both of 'service' or 'method' must be specified", (s) =>
              has(s, 'type') ? has(s, 'service') || has(s, 'method') : true,
            ),
            cel(
              'service must only contain valid characters (matching ^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$)',
              (s) =>
                (s.type === undefined || s.type === 'Exact') && has(s, 'service')
                  ? matchesPattern(String.raw`^(?i)\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$`, String(s.service))
                  : true,
            ),
            cel('method must only contain valid characters (matching ^[A-Za-z_][A-Za-z_0-9]*$)', (s) =>
              (s.type === undefined || s.type === 'Exact') && has(s, 'method')
                ? matchesPattern('^[A-Za-z_][A-Za-z_0-9]*$', String(s.method))
                : true,
            ),
          ],
        },
      ),
    ),
    headers: Opt(
      ListMap(
        Obj({
          type: MatchType('header'),
          name: HeaderName(),
          value: Str({ minLength: 1, maxLength: 4096 }),
        }),
        ['name'],
        { maxItems: 16 },
      ),
    ),
  });

export const GRPCRouteRule = (ch: Channel) =>
  Obj({
    name: Opt(SectionName()),
    matches: Opt(
      Atomic(GRPCRouteMatch(), {
        maxItems: 64,
        description: 'gRPC service/method and header conditions; none = every request.',
      }),
    ),
    filters: Opt(GRPCFilters(ch)),
    backendRefs: Opt(
      Atomic(
        Obj(
          {
            ...backendRefPropsFor(),
            filters: Opt(GRPCFilters(ch, 'Filters applied only to calls sent to this backend.')),
          },
          { [CEL]: [portRule], description: 'A backend that receives matching calls, with a relative weight.' },
        ),
        { maxItems: 16, description: 'Where matching calls go; traffic is split by weight.' },
      ),
    ),
    sessionPersistence: Opt(exp(ch, SessionPersistence())),
  });

export const GRPCRouteSpec = (ch: Channel) =>
  Obj({
    parentRefs: Opt(ParentRefs(ch)),
    hostnames: Hostnames(HOSTNAMES_DESC),
    rules: Opt(
      Atomic(GRPCRouteRule(ch), {
        maxItems: 16,
        [CEL]: ch === 'experimental' ? [totalMatches(true), ruleNameUnique] : [totalMatches(true)],
      }),
    ),
    useDefaultGateways: UseDefaultGateways(ch),
  });

// ---------- TLSRoute, TCPRoute, UDPRoute ----------

const L4Rule = () =>
  Obj({
    name: Opt(SectionName()),
    backendRefs: Atomic(BackendRef(), {
      minItems: 1,
      maxItems: 16,
      description: 'Backends for the connections; split by weight.',
    }),
  });

/** `alpha`: v1alpha2 (TCP/UDP/TLS) allows 16 rules and (Experimental) checks rule-name uniqueness. */
const L4Rules = (ch: Channel, alpha: boolean) =>
  Atomic(L4Rule(), {
    minItems: 1,
    maxItems: alpha ? 16 : 1,
    ...(alpha && ch === 'experimental' ? { [CEL]: [ruleNameUnique] } : {}),
  });

const RFC1123 = String.raw`^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$`;

const tlsHostnameRules = [
  cel('Hostnames cannot contain an IP', (self: string[]) => self.every((h) => !isIP(h))),
  cel('Hostnames must be valid based on RFC-1123', (self: string[]) =>
    self.every((h) => (h.includes('*') ? true : matchesPattern(RFC1123, h))),
  ),
  cel(
    'Wildcards on hostnames must be the first label, and the rest of hostname must be valid based on RFC-1123',
    (self: string[]) =>
      self.every((h) => (h.includes('*') ? h.startsWith('*.') && matchesPattern(RFC1123, h.substring(2)) : true)),
  ),
];

/** TLSRoute v1 / v1alpha3: 1–1024 hostnames (with the three hostname CEL rules) and exactly one rule. */
export const TLSRouteSpec = (ch: Channel) =>
  Obj({
    parentRefs: Opt(ParentRefs(ch)),
    hostnames: Atomic(Hostname(), {
      minItems: 1,
      maxItems: 1024,
      description: 'SNI host names this route accepts (a leading `*.` is a wildcard).',
      [CEL]: tlsHostnameRules,
    }),
    rules: L4Rules(ch, false),
    useDefaultGateways: UseDefaultGateways(ch),
  });

/** TLSRoute v1alpha2 (Experimental only): optional hostnames, up to 16 rules. */
export const TLSRouteSpecAlpha2 = (ch: Channel) =>
  Obj({
    parentRefs: Opt(ParentRefs(ch)),
    hostnames: Opt(Atomic(Hostname(), { maxItems: 1024 })),
    rules: L4Rules(ch, true),
    useDefaultGateways: UseDefaultGateways(ch),
  });

export const TCPRouteSpec = (ch: Channel, version: string) =>
  Obj({
    parentRefs: Opt(ParentRefs(ch)),
    rules: L4Rules(ch, version === 'v1alpha2'),
    useDefaultGateways: UseDefaultGateways(ch),
  });
export const UDPRouteSpec = TCPRouteSpec;
