// The shared loader of ../shared/conformance/cases.json (never copied into the project: read at test
// time). It turns one upstream conformance test into what the engine consumes:
//
//   const file = loadCases();                       // cached; throws if the data is absent (check hasConformance)
//   for (const t of file.tests) {
//     const skip = caseSkipReason(t);               // mesh-free, but skipIf/onlyIf-features aware
//     for (const step of caseSteps(t)) {            // step 0 = the manifests; step k = after k mutation batches
//       const analysis = analyze(step.files, caseOptions(t));
//       step.status;   // status assertions of this state
//       step.requests; // request entries of this state
//     }
//   }
//
// Manifests are built as the upstream suite applies them: the suite's GatewayClass (`suite.yaml`),
// base/manifests.yaml, then the test's files;
// `{GATEWAY_CLASS_NAME}` / `{GATEWAY_CONTROLLER_NAME}` substituted; the Applier's overwrite of every
// Gateway's `spec.gatewayClassName` and every GatewayClass's `spec.controllerName`; and the suite's
// programmatic Secrets/ConfigMaps (setup.programmaticResources) synthesised as YAML (a last file
// `programmatic.yaml`, so they are the newest objects, as in the suite where they are created after the
// base manifests).

import { parseAllDocuments, stringify } from 'yaml';
import { ALL_FEATURES } from '../engine/controller/features.ts';
import type { EngineOptions, InputFile } from '../engine/index.ts';
import { readConformance, readConformanceJson } from './shared.ts';

/** The GatewayClass name and controllerName the suite runs with. */
export const CONFORMANCE_GATEWAY_CLASS = 'gateway-conformance';
export const CONFORMANCE_CONTROLLER = 'gateway-sim.dev/controller';

export interface ConditionExpectation {
  type: string;
  /** null = any. */
  status: 'True' | 'False' | 'Unknown' | null;
  /** null = any. */
  reason: string | null;
}

/** One status assertion (conformance/README.md "status entry"). */
export interface StatusAssertion {
  assert:
    | 'routeParent'
    | 'routeCondition'
    | 'routeNoAcceptedParents'
    | 'listenerConditions'
    | 'listenerStatus'
    | 'condition'
    | 'gatewayZeroRoutes'
    | 'attachedListenerSets'
    | 'policyAncestorCondition'
    | 'hasAddress'
    | 'statusAddresses'
    | string;
  kind: string;
  namespace?: string;
  name: string;
  source?: string;
  conditions?: ConditionExpectation[];
  /** routeParent: the expected parent; routeCondition: {namespace, name}. */
  parent?: { group?: string; kind?: string; namespace?: string; name: string; sectionName?: string };
  namespaceRequired?: boolean;
  controllerName?: string;
  /** listenerConditions: '*' or names. */
  listeners?: '*' | string[];
  /** listenerStatus. */
  listener?: string;
  listenerCount?: number;
  attachedRoutes?: number;
  supportedKinds?: { group?: string; kind: string }[];
  /** attachedListenerSets. */
  count?: number;
  /** policyAncestorCondition. */
  ancestor?: { namespace?: string; name: string };
  [k: string]: unknown;
}

/** One request entry (conformance/README.md "request entry"); kept loose: the data plane reads it. */
export interface RequestCase {
  id: string;
  gateway?: { namespace: string; name: string };
  request: Record<string, unknown> & {
    protocol?: string;
    port?: number;
    scheme?: string;
    method?: string;
    host?: string;
    path?: string;
    headers?: Record<string, string>;
    sni?: string;
    grpc?: { service: string; method: string };
  };
  expect: Record<string, unknown>;
}

export interface Mutation {
  op: 'apply' | 'delete' | 'patch' | 'appendListener' | 'removeListeners' | 'removeAddress' | string;
  kind?: string;
  namespace?: string;
  name?: string;
  object?: Record<string, unknown>;
  set?: Record<string, unknown>;
  listener?: Record<string, unknown>;
  keep?: string[];
  index?: number;
  which?: string;
}

export interface CaseStepSpec {
  description: string;
  mutations: Mutation[];
  requests?: RequestCase[];
  status?: StatusAssertion[];
}

export interface ConformanceTest {
  name: string;
  file: string;
  description: string;
  features: string[];
  provisional?: boolean;
  manifests: string[];
  gateway?: { namespace: string; name: string };
  static: boolean;
  staticReason?: string;
  skipIfFeatures?: string[];
  onlyIfFeatures?: string[];
  requests?: RequestCase[];
  status?: StatusAssertion[];
  steps?: CaseStepSpec[];
  notes?: string[];
  [k: string]: unknown;
}

export interface ProgrammaticResource {
  kind: 'Secret' | 'ConfigMap' | string;
  type?: string;
  namespace: string;
  name: string;
  hosts?: string[];
  selfSigned?: boolean;
  clientCertificate?: boolean;
  signedBy?: string;
  data?: string;
}

export interface CasesFile {
  source: unknown;
  schemaVersion?: unknown;
  conventions: Record<string, string>;
  setup: { manifests: string[]; programmaticResources: ProgrammaticResource[]; status: StatusAssertion[] };
  excludedTests: unknown[];
  tests: ConformanceTest[];
}

/** One state of a test: the files to analyse and what must hold in that state. */
export interface CaseStep {
  /** 0 = right after the manifests are applied; k = after the k-th `steps` entry. */
  index: number;
  description: string;
  files: InputFile[];
  status: StatusAssertion[];
  requests: RequestCase[];
}

let cached: CasesFile | undefined;

/** Reads cases.json once. Callers check `hasConformance` (./shared.ts) first. */
export function loadCases(): CasesFile {
  cached ??= readConformanceJson<CasesFile>('cases.json');
  return cached;
}

/** Features that exist only in the Experimental channel (semantics reference §9.2). */
export const EXPERIMENTAL_FEATURES: ReadonlySet<string> = new Set([
  'HTTPRouteDestinationPortMatching',
  'HTTPRouteRetry',
  'HTTPRouteRetryBackendTimeout',
  'HTTPRouteRetryConnectionError',
  'TLSRouteModeMixed',
  'HTTPRouteExternalAuth',
  'HTTPRouteSessionPersistence',
]);

/**
 * The features the simulated implementation claims for a test: every feature the simulator implements
 * (an implementation running the suite claims its whole profile; a test's `features` are only the
 * minimum it needs) plus the test's own `features` and `onlyIfFeatures`, minus `skipIfFeatures` (the Go
 * test returns early when those are supported, so the meaningful run is the one without them).
 * `mode: 'minimal'` claims only the test's features and onlyIfFeatures (minus skipIfFeatures).
 */
export function caseFeatures(test: ConformanceTest, extra: string[] = [], mode: 'all' | 'minimal' = 'all'): string[] {
  const skip = new Set(test.skipIfFeatures ?? []);
  const out = new Set<string>();
  const base = mode === 'all' ? ALL_FEATURES : [];
  for (const f of [...base, ...test.features, ...(test.onlyIfFeatures ?? []), ...extra]) if (!skip.has(f)) out.add(f);
  return [...out].sort();
}

/** Engine options for a test: its features, the conformance controllerName, the channel its features need. */
export function caseOptions(
  test: ConformanceTest,
  extra: EngineOptions = {},
  mode: 'all' | 'minimal' = 'all',
): EngineOptions {
  const features = caseFeatures(test, extra.features ?? [], mode);
  // The channel the test's own features need (claimed extras never switch it).
  const experimental = [...test.features, ...(test.onlyIfFeatures ?? [])].some((f) => EXPERIMENTAL_FEATURES.has(f));
  return {
    channel: experimental ? 'experimental' : 'standard',
    controllerName: CONFORMANCE_CONTROLLER,
    ...extra,
    features,
  };
}

/**
 * Why a test would not run against an implementation claiming `features` (undefined = it runs).
 * With the default (caseFeatures) every test runs.
 */
export function caseSkipReason(test: ConformanceTest, features: string[] = caseFeatures(test)): string | undefined {
  const have = new Set(features);
  const missing = test.features.filter((f) => !have.has(f));
  if (missing.length) return `unsupported features: ${missing.join(', ')}`;
  const skipHit = (test.skipIfFeatures ?? []).filter((f) => have.has(f));
  if (skipHit.length) return `skipIfFeatures supported: ${skipHit.join(', ')}`;
  const onlyMissing = (test.onlyIfFeatures ?? []).filter((f) => !have.has(f));
  if (onlyMissing.length) return `onlyIfFeatures not supported: ${onlyMissing.join(', ')}`;
  return undefined;
}

// ---------- manifests ----------

function substitute(text: string): string {
  return text
    .replaceAll('{GATEWAY_CLASS_NAME}', CONFORMANCE_GATEWAY_CLASS)
    .replaceAll('{GATEWAY_CONTROLLER_NAME}', CONFORMANCE_CONTROLLER);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The suite's address pools (flags of the upstream suite): one usable and one unusable IPv4 address
 * (RFC 5737 documentation ranges). The simulator has no notion of an unusable address, so the
 * `AddressNotUsable` step of GatewayStaticAddresses (static: false) cannot pass.
 */
export const SUITE_USABLE_ADDRESS = '192.0.2.100';
export const SUITE_UNUSABLE_ADDRESS = '203.0.113.1';

/** The Applier's rewrites (conformance/utils/kubernetes/apply.go), applied to a parsed object in place. */
function prepare(o: Obj): void {
  const spec = isObj(o.spec) ? o.spec : undefined;
  if (!spec) return;
  if (o.kind === 'Gateway' && Array.isArray(spec.addresses))
    spec.addresses = spec.addresses.map((a) => {
      if (isObj(a) && a.value === 'PLACEHOLDER_USABLE_ADDRS') return { type: 'IPAddress', value: SUITE_USABLE_ADDRESS };
      if (isObj(a) && a.value === 'PLACEHOLDER_UNUSABLE_ADDRS')
        return { type: 'IPAddress', value: SUITE_UNUSABLE_ADDRESS };
      return a;
    });
  if (o.kind === 'Gateway' && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('gateway.networking.k8s.io/'))
    spec.gatewayClassName = CONFORMANCE_GATEWAY_CLASS;
  if (o.kind === 'GatewayClass') spec.controllerName = CONFORMANCE_CONTROLLER;
}

const b64 = (s: string) =>
  typeof btoa === 'function'
    ? btoa(s)
    : (globalThis as { Buffer?: { from(s: string): { toString(e: string): string } } })
        .Buffer!.from(s)
        .toString('base64');

function pem(label: string, body: string): string {
  return `-----BEGIN ${label}-----\n${b64(body)}\n-----END ${label}-----\n`;
}

/**
 * setup.programmaticResources as YAML objects. The certificates are stand-ins (well-formed PEM blocks
 * whose bodies name what they are); the facts a simulator may need (hosts, signer, client certificate)
 * are also written as annotations under `conformance.gateway-sim.dev/`.
 */
export function programmaticObjects(
  resources: ProgrammaticResource[] = loadCases().setup.programmaticResources,
): Obj[] {
  return resources.map((r) => {
    const annotations: Record<string, string> = {};
    if (r.hosts) annotations['conformance.gateway-sim.dev/hosts'] = r.hosts.join(',');
    if (r.signedBy) annotations['conformance.gateway-sim.dev/signed-by'] = r.signedBy;
    if (r.selfSigned) annotations['conformance.gateway-sim.dev/self-signed'] = 'true';
    if (r.clientCertificate) annotations['conformance.gateway-sim.dev/client-certificate'] = 'true';
    const metadata: Obj = { name: r.name, namespace: r.namespace };
    if (Object.keys(annotations).length) metadata.annotations = annotations;
    if (r.kind === 'Secret') {
      const what = `${r.namespace}/${r.name} hosts=${(r.hosts ?? []).join(',')} signedBy=${r.signedBy ?? 'self'}`;
      return {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata,
        type: r.type ?? 'kubernetes.io/tls',
        data: {
          'tls.crt': b64(pem('CERTIFICATE', `certificate ${what}`)),
          'tls.key': b64(pem('PRIVATE KEY', `key ${what}`)),
        },
      };
    }
    return {
      apiVersion: 'v1',
      kind: r.kind,
      metadata,
      data: {
        'ca.crt': pem('CERTIFICATE', `CA ${r.namespace}/${r.name}: ${r.data ?? ''}`),
        'key.crt': pem('PRIVATE KEY', `CA key ${r.namespace}/${r.name}`),
      },
    };
  });
}

interface DocFile {
  name: string;
  objects: Obj[];
}

/**
 * The GatewayClass the suite runs against: the implementation provides it (it is in no manifest), so
 * it is the oldest object, in a first file `suite.yaml`.
 */
export function suiteGatewayClass(): Obj {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GatewayClass',
    metadata: { name: CONFORMANCE_GATEWAY_CLASS },
    spec: { controllerName: CONFORMANCE_CONTROLLER },
  };
}

function loadDocFiles(test: ConformanceTest): DocFile[] {
  const files: DocFile[] = [{ name: 'suite.yaml', objects: [suiteGatewayClass()] }];
  for (const rel of test.manifests) {
    const text = substitute(readConformance(`manifests/${rel}`));
    const objects: Obj[] = [];
    for (const doc of parseAllDocuments(text)) {
      const v = doc.toJS();
      if (isObj(v)) {
        prepare(v);
        objects.push(v);
      }
    }
    files.push({ name: rel, objects });
  }
  files.push({ name: 'programmatic.yaml', objects: programmaticObjects() });
  return files;
}

function render(files: DocFile[]): InputFile[] {
  return files.map((f) => ({
    name: f.name,
    text: f.objects.map((o) => `---\n${stringify(o, { lineWidth: 0 })}`).join(''),
  }));
}

/** The manifests of a test's initial state (step 0), as named input files. */
export function caseFiles(test: ConformanceTest): InputFile[] {
  return render(loadDocFiles(test));
}

const same = (o: Obj, m: Mutation) => {
  const md = isObj(o.metadata) ? o.metadata : {};
  return (
    o.kind === m.kind &&
    md.name === m.name &&
    (m.namespace === undefined || (md.namespace ?? 'default') === m.namespace)
  );
};

/** `a.b[0].c` → ['a', 'b', 0, 'c']. */
function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  // `\.` escapes a dot inside a key (`data.ca\.crt`).
  for (const raw of path.split(/(?<!\\)\./)) {
    const part = raw.replaceAll('\\.', '.');
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

function setPath(o: Obj, path: string, value: unknown): void {
  const parts = splitPath(path);
  let cur: unknown = o;
  for (let i = 0; i < parts.length - 1; i++) {
    const k = parts[i]!;
    const c = cur as Record<string | number, unknown>;
    if (c[k] === undefined || c[k] === null) c[k] = typeof parts[i + 1] === 'number' ? [] : {};
    cur = c[k];
  }
  (cur as Record<string | number, unknown>)[parts[parts.length - 1]!] = structuredClone(value);
}

/**
 * Values the extraction left as prose placeholders: `<copy of NAME ca.crt>` (the ca.crt of the suite's
 * programmatic ConfigMap NAME) and `<original CA>` (the value the field had when first applied).
 */
function resolvePlaceholders(value: unknown, original: () => unknown): unknown {
  if (typeof value === 'string') {
    const copy = /^<copy of ([\w.-]+) ca\.crt>$/.exec(value);
    if (copy) {
      const cm = programmaticObjects().find((o) => o.kind === 'ConfigMap' && (o.metadata as Obj).name === copy[1]);
      return (cm?.data as Obj | undefined)?.['ca.crt'] ?? value;
    }
    if (value === '<original CA>') return original() ?? value;
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolvePlaceholders(v, original));
  if (isObj(value)) {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolvePlaceholders(v, original);
    return out;
  }
  return value;
}

/** First-applied values of patched fields, for `<original …>` placeholders (keyed by object + path). */
const firstValues = new WeakMap<DocFile[], Map<string, unknown>>();

function getPath(o: Obj, path: string): unknown {
  let cur: unknown = o;
  for (const k of splitPath(path)) cur = (cur as Record<string | number, unknown> | undefined)?.[k];
  return cur;
}

/** Applies one mutation to the files in place (cumulative across steps). */
export function applyMutation(files: DocFile[], m: Mutation): void {
  let firsts = firstValues.get(files);
  if (!firsts) {
    firsts = new Map();
    firstValues.set(files, firsts);
  }
  const memo = firsts;
  const find = () => {
    for (const f of files) {
      const i = f.objects.findIndex((o) => same(o, m));
      if (i >= 0) return { f, i, o: f.objects[i]! };
    }
    return undefined;
  };
  const specOf = (o: Obj) => {
    if (!isObj(o.spec)) o.spec = {};
    return o.spec as Obj;
  };
  switch (m.op) {
    case 'apply': {
      const obj = resolvePlaceholders(structuredClone(m.object ?? {}), () => undefined) as Obj;
      prepare(obj);
      const md = isObj(obj.metadata) ? obj.metadata : {};
      const target = {
        kind: obj.kind as string,
        name: md.name as string,
        namespace: md.namespace as string | undefined,
        op: 'apply',
      };
      for (const f of files) {
        const i = f.objects.findIndex((o) => same(o, target));
        if (i >= 0) {
          f.objects[i] = obj;
          return;
        }
      }
      // A new object: the newest, so it goes last (created after everything else).
      let steps = files.find((f) => f.name === 'steps.yaml');
      if (!steps) {
        steps = { name: 'steps.yaml', objects: [] };
        files.push(steps);
      }
      steps.objects.push(obj);
      return;
    }
    case 'delete': {
      const hit = find();
      if (hit) hit.f.objects.splice(hit.i, 1);
      return;
    }
    case 'patch': {
      const hit = find();
      if (!hit) return;
      for (const [path, value] of Object.entries(m.set ?? {})) {
        const key = `${m.kind}/${m.namespace ?? ''}/${m.name}/${path}`;
        if (!memo.has(key)) memo.set(key, getPath(hit.o, path));
        setPath(
          hit.o,
          path,
          resolvePlaceholders(value, () => memo.get(key)),
        );
      }
      bumpGeneration(hit.o);
      return;
    }
    case 'appendListener': {
      const hit = find();
      if (!hit) return;
      const spec = specOf(hit.o);
      const listeners = Array.isArray(spec.listeners) ? spec.listeners : [];
      listeners.push(structuredClone(m.listener ?? {}));
      spec.listeners = listeners;
      bumpGeneration(hit.o);
      return;
    }
    case 'removeListeners': {
      const hit = find();
      if (!hit) return;
      const spec = specOf(hit.o);
      const keep = new Set(m.keep ?? []);
      spec.listeners = (Array.isArray(spec.listeners) ? spec.listeners : []).filter(
        (l) => isObj(l) && keep.has(l.name as string),
      );
      bumpGeneration(hit.o);
      return;
    }
    case 'removeAddress': {
      const hit = find();
      if (!hit) return;
      const spec = specOf(hit.o);
      const addrs = Array.isArray(spec.addresses) ? spec.addresses : [];
      if (typeof m.index === 'number') addrs.splice(m.index, 1);
      else if (m.which === 'unusable') {
        const i = addrs.findIndex((a) => isObj(a) && a.value === SUITE_UNUSABLE_ADDRESS);
        if (i >= 0) addrs.splice(i, 1);
      }
      spec.addresses = addrs;
      bumpGeneration(hit.o);
      return;
    }
    default:
      throw new Error(`conformance: unknown mutation op ${m.op}`);
  }
}

function bumpGeneration(o: Obj): void {
  if (!isObj(o.metadata)) o.metadata = {};
  const md = o.metadata as Obj;
  md.generation = (typeof md.generation === 'number' ? md.generation : 1) + 1;
}

/**
 * Every state of a test: step 0 (the manifests as written, original text) and one per `steps` entry,
 * with that entry's mutations applied on top of all earlier ones.
 */
export function caseSteps(test: ConformanceTest): CaseStep[] {
  const docs = loadDocFiles(test);
  const out: CaseStep[] = [
    {
      index: 0,
      description: 'manifests applied',
      files: render(docs),
      status: test.status ?? [],
      requests: test.requests ?? [],
    },
  ];
  (test.steps ?? []).forEach((s, i) => {
    for (const m of s.mutations) applyMutation(docs, m);
    out.push({
      index: i + 1,
      description: s.description,
      files: render(docs),
      status: s.status ?? [],
      requests: s.requests ?? [],
    });
  });
  return out;
}

/** Looks a test up by its ShortName. */
export function findCase(name: string): ConformanceTest | undefined {
  return loadCases().tests.find((t) => t.name === name);
}
