// Shape checks for what a share link (or a test-case file) carries besides the manifests: saved
// requests (contracts.md §2), test cases (§5) and settings (§1). Text from strangers: every value is
// checked against the contract's type, a wrong type is an error naming its path, and a field we do not
// know is dropped with a warning (a newer version may add fields; contracts say "extend, don't rename").

import type {
  Decisions,
  OutcomeKind,
  SavedRequest,
  ScenarioSettings,
  SimProtocol,
  SimRequest,
  TestCase,
  TestExpect,
} from '../types.ts';

export interface Issues {
  errors: string[];
  warnings: string[];
}

export interface ShapeOptions {
  /**
   * YAML writes `httpVersion: 2` or `version: 2` unquoted and gets a number. In test-case files we accept
   * numbers and booleans where the contract wants a string; share links are machine-written, so strict.
   */
  coerceScalars?: boolean;
}

const PROTOCOLS: readonly SimProtocol[] = ['HTTP', 'HTTPS', 'GRPC', 'TLS', 'TCP', 'UDP'];
const OUTCOMES: readonly OutcomeKind[] = [
  'forward',
  'redirect',
  'response',
  'not-found',
  'misdirected',
  'no-listener',
  'rejected',
  'error',
];
/** The decisions with a switch (semantics §11.1) and their values. An unknown one is dropped with a warning. */
export const DECISION_VALUES: { [K in keyof Decisions]: readonly Decisions[K][] } = {
  hostnamePrecedence: ['rank', 'partition'],
  grpcHttpSameHostname: ['allow', 'reject-newer'],
};

export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string':
      return v.length > 40 ? `the text "${v.slice(0, 37)}..."` : `the text ${JSON.stringify(v)}`;
    case 'number':
      return `the number ${v}`;
    case 'boolean':
      return `${v}`;
    case 'object':
      return 'a map';
    default:
      return typeof v;
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type Checker<T> = (v: unknown, path: string, issues: Issues, opts: ShapeOptions) => T | undefined;

function fail(issues: Issues, path: string, want: string, v: unknown): undefined {
  issues.errors.push(`${path}: expected ${want}, got ${describeValue(v)}`);
  return undefined;
}

const str: Checker<string> = (v, path, issues, opts) => {
  if (typeof v === 'string') return v;
  if (opts.coerceScalars && (typeof v === 'number' || typeof v === 'boolean')) return String(v);
  return fail(issues, path, 'text', v);
};

const nonEmptyStr: Checker<string> = (v, path, issues, opts) => {
  const s = str(v, path, issues, opts);
  if (s === '') return fail(issues, path, 'non-empty text', v);
  return s;
};

function int(min: number, max: number): Checker<number> {
  return (v, path, issues) => {
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    return fail(issues, path, `a whole number from ${min} to ${max}`, v);
  };
}

function oneOf<T extends string>(values: readonly T[]): Checker<T> {
  return (v, path, issues, opts) => {
    const s = typeof v === 'number' && opts.coerceScalars ? String(v) : v;
    if (typeof s === 'string' && (values as readonly string[]).includes(s)) return s as T;
    return fail(issues, path, `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`, v);
  };
}

const bool: Checker<boolean> = (v, path, issues) =>
  typeof v === 'boolean' ? v : fail(issues, path, 'true or false', v);

function listOf<T>(item: Checker<T>): Checker<T[]> {
  return (v, path, issues, opts) => {
    if (!Array.isArray(v)) return fail(issues, path, 'a list', v);
    const out: T[] = [];
    let ok = true;
    v.forEach((x, i) => {
      const r = item(x, `${path}[${i}]`, issues, opts);
      if (r === undefined) ok = false;
      else out.push(r);
    });
    return ok ? out : undefined;
  };
}

function mapOf<T>(value: Checker<T>): Checker<Record<string, T>> {
  return (v, path, issues, opts) => {
    if (!isPlainObject(v)) return fail(issues, path, 'a map', v);
    const out: Record<string, T> = {};
    let ok = true;
    for (const [k, x] of Object.entries(v)) {
      const r = value(x, `${path}.${k}`, issues, opts);
      if (r === undefined) ok = false;
      // defineProperty: a key named __proto__ must stay a plain key, not reach the prototype.
      else Object.defineProperty(out, k, { value: r, enumerable: true, writable: true, configurable: true });
    }
    return ok ? out : undefined;
  };
}

/** An object with known optional fields; `required` ones must be present. Unknown fields: warning, dropped. */
function object<T extends object>(fields: { [K in keyof T]-?: Checker<T[K]> }, required: (keyof T)[] = []): Checker<T> {
  return (v, path, issues, opts) => {
    if (!isPlainObject(v)) return fail(issues, path, 'a map', v);
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const key of required) {
      if (v[key as string] === undefined) {
        issues.errors.push(`${path}: the field "${String(key)}" is missing`);
        ok = false;
      }
    }
    for (const [k, x] of Object.entries(v)) {
      const check = Object.hasOwn(fields, k) ? (fields as Record<string, Checker<unknown>>)[k] : undefined;
      if (!check) {
        issues.warnings.push(`${path}.${k}: unknown field, ignored`);
        continue;
      }
      if (x === undefined) continue;
      const r = check(x, `${path}.${k}`, issues, opts);
      if (r === undefined) ok = false;
      else out[k] = r;
    }
    return ok ? (out as T) : undefined;
  };
}

const headerList: Checker<[string, string][]> = (v, path, issues, opts) => {
  if (!Array.isArray(v)) return fail(issues, path, 'a list', v);
  const out: [string, string][] = [];
  let ok = true;
  v.forEach((pair, i) => {
    const p = `${path}[${i}]`;
    if (!Array.isArray(pair) || pair.length !== 2) {
      fail(issues, p, 'a [name, value] pair', pair);
      ok = false;
      return;
    }
    const name = str(pair[0], `${p}[0]`, issues, opts);
    const value = str(pair[1], `${p}[1]`, issues, opts);
    if (name === undefined || value === undefined) ok = false;
    else out.push([name, value]);
  });
  return ok ? out : undefined;
};

const headers: Checker<Record<string, string> | [string, string][]> = (v, path, issues, opts) =>
  Array.isArray(v) ? headerList(v, path, issues, opts) : mapOf(str)(v, path, issues, opts);

const simRequestChecker = object<SimRequest>({
  gateway: nonEmptyStr,
  address: nonEmptyStr,
  port: int(1, 65535),
  protocol: oneOf(PROTOCOLS),
  httpVersion: oneOf(['1.1', '2'] as const),
  method: nonEmptyStr,
  scheme: oneOf(['http', 'https'] as const),
  host: str,
  path: str,
  headers,
  sni: str,
  grpc: object<{ service: string; method: string }>({ service: str, method: str }, ['service', 'method']),
  backendResponse: object<{ status?: number; headers?: Record<string, string> }>({
    status: int(100, 599),
    headers: mapOf(str),
  }),
  authAllows: bool,
  clientCertificate: object<{ signedBy: string }>({ signedBy: nonEmptyStr }, ['signedBy']),
});

const share: Checker<number> = (v, path, issues) =>
  typeof v === 'number' && v >= 0 && v <= 1 ? v : fail(issues, path, 'a share from 0 to 1', v);

const expectChecker = object<TestExpect>({
  outcome: oneOf(OUTCOMES),
  backends: mapOf(share),
  backend: nonEmptyStr,
  status: int(100, 599),
  grpcStatus: nonEmptyStr,
  location: str,
  route: nonEmptyStr,
  rule: int(0, 1_000_000),
  match: int(0, 1_000_000),
  listener: nonEmptyStr,
  path: str,
  host: str,
  headers: mapOf(str),
  headersAbsent: listOf(str),
  responseHeaders: mapOf(str),
});

export function checkSimRequest(v: unknown, path: string, issues: Issues, opts: ShapeOptions = {}) {
  return simRequestChecker(v, path, issues, opts);
}

export function checkSavedRequest(v: unknown, path: string, issues: Issues, opts: ShapeOptions = {}) {
  return object<SavedRequest>({ name: str, request: simRequestChecker }, ['request'])(v, path, issues, opts);
}

export function checkTestCase(v: unknown, path: string, issues: Issues, opts: ShapeOptions = {}) {
  return object<TestCase>({ name: str, request: simRequestChecker, expect: expectChecker }, [
    'name',
    'request',
    'expect',
  ])(v, path, issues, opts);
}

/** Settings: an unknown decision or value is dropped with a warning (a newer engine may add one). */
export function checkSettings(v: unknown, path: string, issues: Issues): ScenarioSettings | undefined {
  const decisions: Checker<Partial<Decisions>> = (d, p, iss) => {
    if (!isPlainObject(d)) return fail(iss, p, 'a map', d);
    const out: Partial<Record<keyof Decisions, string>> = {};
    for (const [k, x] of Object.entries(d)) {
      const allowed = Object.hasOwn(DECISION_VALUES, k)
        ? (DECISION_VALUES[k as keyof Decisions] as readonly string[])
        : undefined;
      if (!allowed) iss.warnings.push(`${p}.${k}: unknown simulator decision, ignored`);
      else if (typeof x !== 'string' || !allowed.includes(x))
        iss.warnings.push(`${p}.${k}: ${describeValue(x)} is not one of ${allowed.join(', ')}; the default applies`);
      else out[k as keyof Decisions] = x;
    }
    return out as Partial<Decisions>;
  };
  return object<ScenarioSettings>({
    channel: oneOf(['standard', 'experimental'] as const),
    features: listOf(str),
    controllerName: str,
    supportedBackendKinds: listOf(str),
    decisions,
  })(v, path, issues, {});
}

export function checkList<T>(
  v: unknown,
  path: string,
  issues: Issues,
  item: (x: unknown, p: string, i: Issues) => T | undefined,
): T[] | undefined {
  if (!Array.isArray(v)) return fail(issues, path, 'a list', v);
  const out: T[] = [];
  let ok = true;
  v.forEach((x, i) => {
    const r = item(x, `${path}[${i}]`, issues);
    if (r === undefined) ok = false;
    else out.push(r);
  });
  return ok ? out : undefined;
}
