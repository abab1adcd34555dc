// Public types of the engine. The JSON shapes here are the contracts of ../shared/docs/contracts.md
// (§1 options, §2 SimRequest, §3 Trace, §4 check --json). Users script them: add fields, never rename.

export type Channel = 'standard' | 'experimental';
export type Severity = 'error' | 'warning' | 'info';

/** Simulator decisions that have a switch (semantics reference §11.1). */
export interface Decisions {
  /** §11.1 #2: rank every matching rule by hostname (spec text) or partition by hostname first (Envoy Gateway). */
  hostnamePrecedence: 'rank' | 'partition';
  /** §11.1 #5 / §4.6.6: an HTTPRoute and a GRPCRoute on the same hostname: allow both, or reject the newer. */
  grpcHttpSameHostname: 'allow' | 'reject-newer';
}

export interface EngineOptions {
  channel?: Channel;
  /** SupportedFeature names the simulated implementation supports. Absent = all. */
  features?: string[];
  /** Only GatewayClasses with this controllerName are ours. Absent = every class is ours (SD). */
  controllerName?: string;
  /** `group/Kind` pairs accepted as backendRefs besides core Service (`/Service`). */
  supportedBackendKinds?: string[];
  decisions?: Partial<Decisions>;
  /** Input size cap in bytes (the CLI raises it; see limits.ts). */
  maxInputBytes?: number;
}

/** A text edit, as offsets into one input file. `fix` edits are applied right to left. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface ResourceRef {
  group?: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** Offsets into one input file (UTF-16 code units, as JS strings index). */
export interface SourceRange {
  file: string;
  start: number;
  end: number;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable machine code, e.g. `yaml-syntax`, `unknown-field`, `cel`, `NotAllowedByListeners`. */
  code: string;
  message: string;
  resource?: ResourceRef;
  /** Field path inside the object, e.g. `spec.rules[0].matches[0].path.type`. */
  path?: string;
  file?: string;
  /** 1-based line and column of the start and end. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Offsets (for editors); same information as line/column. */
  range?: SourceRange;
  fix?: Fix;
  /** Other places the diagnostic concerns (e.g. the first definition of a duplicate). */
  related?: { message: string; range: SourceRange; line: number; column: number }[];
  /** Names of simulator decisions (SD) this diagnostic rests on. */
  decisions?: string[];
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  observedGeneration?: number;
  lastTransitionTime?: string;
}

export interface ParentRefStatus {
  group?: string;
  kind?: string;
  namespace: string;
  name: string;
  sectionName?: string;
  port?: number;
}

export interface ListenerStatus {
  name: string;
  attachedRoutes: number;
  supportedKinds: { group?: string; kind: string }[];
  conditions: Condition[];
}

export interface ObjectStatus {
  kind: string;
  group?: string;
  namespace?: string;
  name: string;
  conditions: Condition[];
  listeners?: ListenerStatus[];
  parents?: { parentRef: ParentRefStatus; controllerName: string; conditions: Condition[] }[];
  ancestors?: { ancestorRef: ParentRefStatus; controllerName: string; conditions: Condition[] }[];
  /** Gateway: status.attachedListenerSets; GatewayClass: supportedFeatures; Gateway: addresses. */
  attachedListenerSets?: number;
  supportedFeatures?: { name: string }[];
  addresses?: { type?: string; value: string }[];
}

// ---------- contracts.md §2 ----------

export type SimProtocol = 'HTTP' | 'HTTPS' | 'GRPC' | 'TLS' | 'TCP' | 'UDP';

export interface SimRequest {
  gateway?: string;
  address?: string;
  port?: number;
  protocol?: SimProtocol;
  httpVersion?: '1.1' | '2';
  method?: string;
  scheme?: 'http' | 'https';
  host?: string;
  path?: string;
  headers?: Record<string, string> | [string, string][];
  sni?: string;
  grpc?: { service: string; method: string };
  backendResponse?: { status?: number; headers?: Record<string, string> };
  authAllows?: boolean;
  /**
   * The client certificate presented in the TLS handshake (frontend mTLS, Gateway spec.tls.frontend):
   * `signedBy` = `ns/name` of the CA ConfigMap (or Secret) that issued it. Absent = no certificate.
   */
  clientCertificate?: { signedBy: string };
}

// ---------- contracts.md §3 ----------

export type OutcomeKind =
  | 'forward'
  | 'redirect'
  | 'response'
  | 'not-found'
  | 'misdirected'
  | 'no-listener'
  | 'rejected'
  | 'error';

export interface TraceBackend {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  port?: number;
  weight: number;
  share: number;
  valid: boolean;
  reason?: string;
  tls?: {
    sni: string;
    caCertificateRefs?: { group?: string; kind: string; name: string }[];
    wellKnownCACertificates?: string;
    policy: { namespace: string; name: string };
  };
}

export interface TraceCandidate {
  kind: string;
  namespace: string;
  name: string;
  rule?: number;
  match?: number;
  verdict: 'matched' | 'lost' | 'no-match' | 'not-attached';
  why: string;
}

export interface TraceFilter {
  type: string;
  level: 'rule' | 'backend';
  summary: string;
  before?: unknown;
  after?: unknown;
}

export interface ForwardedRequest {
  method: string;
  scheme: string;
  host: string;
  port?: number;
  path: string;
  headers: Record<string, string>;
}

export interface Trace {
  request: SimRequest;
  gateway: { namespace: string; name: string } | null;
  listener: {
    name: string;
    port: number;
    protocol: string;
    hostname?: string;
    listenerSet?: { namespace: string; name: string };
  } | null;
  route: {
    kind: string;
    namespace: string;
    name: string;
    rule: number;
    ruleName?: string;
    match: number | null;
  } | null;
  outcome: {
    kind: OutcomeKind;
    status?: number;
    grpcStatus?: string;
    location?: string;
    reason: string;
    decisions?: string[];
  };
  forwarded: ForwardedRequest | null;
  responseHeaders: Record<string, string>;
  responseHeadersRemoved: string[];
  backends: TraceBackend[];
  mirrors: { namespace: string; name: string; port?: number; percent: number }[];
  filters: TraceFilter[];
  timeouts: { request?: string; backendRequest?: string };
  retry?: Record<string, unknown>;
  sessionPersistence?: Record<string, unknown>;
  candidates: TraceCandidate[];
  candidatesOmitted?: number;
  /** Warnings about the request itself (e.g. `//` or `%2F` in the path: no normalisation, SD). */
  warnings?: string[];
}

// ---------- contracts.md §5 ----------

/** Only the keys given are checked. */
export interface TestExpect {
  outcome?: OutcomeKind;
  /** `ns/name` → share (±0.005). */
  backends?: Record<string, number>;
  /** Shorthand for `backends: { ns/name: 1 }`. */
  backend?: string;
  status?: number;
  grpcStatus?: string;
  location?: string;
  /** `ns/name` of the winning route. */
  route?: string;
  rule?: number;
  match?: number;
  listener?: string;
  /** forwarded.path / host / headers. */
  path?: string;
  host?: string;
  headers?: Record<string, string>;
  headersAbsent?: string[];
  responseHeaders?: Record<string, string>;
}

export interface TestCase {
  name: string;
  request: SimRequest;
  expect: TestExpect;
}

// ---------- contracts.md §6: the scenario a share link carries ----------

export interface ScenarioSettings {
  channel?: Channel;
  features?: string[];
  controllerName?: string;
  supportedBackendKinds?: string[];
  decisions?: Partial<Decisions>;
}

export interface SavedRequest {
  name?: string;
  request: SimRequest;
}

export interface Scenario {
  scenarioVersion: number;
  engineVersion: string;
  /** Raw manifest text (kept as text so the share dictionary matches). */
  manifests: string;
  requests: SavedRequest[];
  tests: TestCase[];
  settings: ScenarioSettings;
}
