// Lints beyond the API server: warnings with stable codes, for objects the API server would accept.
//
//   selector-label       allowedRoutes/allowedListeners `from: Selector` on a label other than
//                        kubernetes.io/metadata.name: anyone who can label namespaces can attach.
//   selector-missing     `from: Selector` without a selector: selects no namespace (§3.10, SD).
//   regex-not-portable   a RegularExpression match outside the portable subset of GEP-4359.
//   regex-not-re2        a RegularExpression match that RE2 (Envoy's engine) rejects (Go's error text).
//   regex-program-size   a RegularExpression whose RE2 program is over LIMITS.maxRegexProgramSize (Envoy's limit).
//   hostname-ip          a listener or route hostname that is an IP address (the API forbids it; no schema check).
//   header-value-crlf    a header value (match or filter) with CR, LF or NUL: header injection; data planes reject it.
//   parentref-port       a port-based parentRef: attaches to every listener on that port, including
//                        listeners added later.
//   weights-percentages  backendRef weights that look like percentages but do not sum to 100.
//   redirect-loop        an http→https redirect rule attached to an HTTPS listener.
//   duplicate-rule-name  two rules with one name (Standard: not checked by the API server, §3.4).

import { type Resource, refOf } from '../manifest/index.ts';
import { GATEWAY_GROUP } from '../manifest/kinds.ts';
import { isIPv4, re2Verdict } from '../model/regex.ts';
import type { ResolvedOptions } from '../options.ts';
import type { Diagnostic } from '../types.ts';
import { fmtPath, type Seg } from './walk.ts';

type O = Record<string, unknown>;
const isObj = (v: unknown): v is O => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): O[] => (Array.isArray(v) ? (v.filter(isObj) as O[]) : []);

export const METADATA_NAME_LABEL = 'kubernetes.io/metadata.name';

// ---------- GEP-4359 portable regex subset ----------

const SPECIAL = new Set(['.', '[', ']', '(', ')', '*', '+', '?', '{', '}', '|', '^', '$', '\\']);
const QUANT = new Set(['*', '+', '?']);

/**
 * The first construct of `re` outside Gateway API Regex (GEP-4359: POSIX ERE, leftmost-first, minus
 * the listed exclusions), or null when the pattern is portable.
 */
export function regexPortabilityIssue(re: string): string | null {
  let inClass = false;
  let classStart = -1;
  let prevQuant = false;
  for (let i = 0; i < re.length; i++) {
    const c = re[i] as string;
    const code = c.charCodeAt(0);
    if (code > 0x7e || (code < 0x20 && code !== 0x09)) return 'non-ASCII or control characters';
    if (c === '\\') {
      const n = re[i + 1];
      if (n === undefined) return 'a trailing backslash';
      if (/[0-9]/.test(n)) return `the backreference \\${n}`;
      if (/[dwsDWSbB]/.test(n)) return `the shorthand class \\${n}`;
      if (n === 'x' || n === 'u' || n === 'U') return `the hex escape \\${n}`;
      if (!SPECIAL.has(n) && !(inClass && n === '-')) return `escaping the non-special character "${n}" (\\${n})`;
      i++;
      prevQuant = false;
      continue;
    }
    if (inClass) {
      if (c === '[') return 'an unescaped "[" inside a bracket expression (e.g. [[:alpha:]])';
      if (c === ']') {
        if (i === classStart + 1 || (i === classStart + 2 && re[classStart + 1] === '^'))
          return 'an unescaped "]" at the start of a bracket expression';
        inClass = false;
      }
      continue;
    }
    if (c === '[') {
      inClass = true;
      classStart = i;
      prevQuant = false;
      continue;
    }
    if (c === '(' && re[i + 1] === '?')
      return '"(?" groups (flags such as (?i), non-capturing, named groups or lookarounds)';
    if (QUANT.has(c) || c === '{') {
      if (prevQuant) return `consecutive quantifiers ("${re.slice(Math.max(0, i - 1), i + 1)}", e.g. lazy quantifiers)`;
      if (c === '{') {
        const close = re.indexOf('}', i);
        const body = close > 0 ? re.slice(i + 1, close) : '';
        if (body.startsWith(',')) return `an interval without a lower bound ("{${body}}")`;
        if (close > 0) i = close;
      }
      prevQuant = true;
      continue;
    }
    prevQuant = false;
  }
  return null;
}

// ---------- helpers ----------

interface Ctx {
  r: Resource;
  out: Diagnostic[];
}

function warn(ctx: Ctx, code: string, message: string, path: Seg[], key = false) {
  ctx.out.push({
    severity: 'warning',
    code,
    message,
    resource: refOf(ctx.r),
    path: fmtPath(path),
    range: ctx.r.locate(path, key),
  });
}

function checkRegex(ctx: Ctx, value: unknown, path: Seg[], what: string) {
  if (typeof value !== 'string') return;
  const v = re2Verdict(value);
  if (!v.ok && v.kind === 'syntax') {
    warn(
      ctx,
      'regex-not-re2',
      `The ${what} regular expression ${JSON.stringify(value)} is not valid RE2 syntax (${v.message}): RE2-based data planes (Envoy, Traefik) reject it. RegularExpression matching is implementation-specific.`,
      path,
    );
    return;
  }
  if (!v.ok) {
    warn(
      ctx,
      'regex-program-size',
      `The ${what} regular expression is too large for an RE2 data plane: ${v.message} (Envoy's default limit; the simulator drops the rule, SD).`,
      path,
    );
    return;
  }
  const issue = regexPortabilityIssue(value);
  if (issue)
    warn(
      ctx,
      'regex-not-portable',
      `The ${what} regular expression ${JSON.stringify(value)} uses ${issue}, outside the portable Gateway API Regex subset (GEP-4359: POSIX ERE). It may behave differently, or be rejected, on other implementations.`,
      path,
    );
}

function selectorLint(ctx: Ctx, ns: unknown, path: Seg[], what: string) {
  if (!isObj(ns) || ns.from !== 'Selector') return;
  const sel = ns.selector;
  if (!isObj(sel)) {
    warn(
      ctx,
      'selector-missing',
      `${what}.namespaces.from is Selector but no selector is set: no namespace is selected (simulator decision, §3.10). Add namespaces.selector.`,
      [...path, 'from'],
    );
    return;
  }
  const keys: [string, Seg[]][] = [];
  if (isObj(sel.matchLabels))
    for (const k of Object.keys(sel.matchLabels)) keys.push([k, [...path, 'selector', 'matchLabels', k]]);
  arr(sel.matchExpressions).forEach((e, i) => {
    if (typeof e.key === 'string') keys.push([e.key, [...path, 'selector', 'matchExpressions', i, 'key']]);
  });
  for (const [k, p] of keys) {
    if (k === METADATA_NAME_LABEL) continue;
    warn(
      ctx,
      'selector-label',
      `${what} selects namespaces by the label "${k}": anyone who can label a namespace can make it match and attach ${what === 'allowedListeners' ? 'ListenerSets' : 'routes'}. To admit namespaces by name, select on ${METADATA_NAME_LABEL}, which Kubernetes sets and nobody can change.`,
      p,
      true,
    );
  }
}

// ---------- per kind ----------

function hostnameIp(ctx: Ctx, h: unknown, path: Seg[], what: string) {
  if (typeof h !== 'string' || !isIPv4(h)) return;
  warn(
    ctx,
    'hostname-ip',
    `The ${what} hostname "${h}" is an IP address: Gateway API hostnames must be DNS names ("IPs are not allowed"), although the API server does not check it. Requests with Host ${h} match it literally here; implementations may ignore or reject it.`,
    path,
  );
}

/** Characters no HTTP/1.1 or HTTP/2 header value may hold: a CR or LF would split the header (injection). */
const HEADER_VALUE_BAD = /[\r\n\0]/;

function headerValueLint(ctx: Ctx, v: unknown, path: Seg[], what: string) {
  if (typeof v !== 'string' || !HEADER_VALUE_BAD.test(v)) return;
  warn(
    ctx,
    'header-value-crlf',
    `The ${what} value ${JSON.stringify(v)} contains a CR, LF or NUL character: HTTP does not allow them in a header value (they would split it into another header: header injection). Data planes reject the configuration or the request; the Experimental CRDs reject it.`,
    path,
  );
}

/** Header values of RequestHeaderModifier / ResponseHeaderModifier filters (set and add). */
function lintFilterHeaders(ctx: Ctx, filters: unknown, base: Seg[]) {
  arr(filters).forEach((f, fi) => {
    for (const k of ['requestHeaderModifier', 'responseHeaderModifier'] as const) {
      const m = f[k];
      if (!isObj(m)) continue;
      for (const op of ['set', 'add'] as const)
        arr(m[op]).forEach((h, hi) => {
          headerValueLint(ctx, h.value, [...base, 'filters', fi, k, op, hi, 'value'], `${k}.${op} header`);
        });
    }
  });
}

function lintListeners(ctx: Ctx, listeners: unknown) {
  arr(listeners).forEach((l, i) => {
    hostnameIp(ctx, l.hostname, ['spec', 'listeners', i, 'hostname'], 'listener');
    const ar = l.allowedRoutes;
    if (isObj(ar))
      selectorLint(ctx, ar.namespaces, ['spec', 'listeners', i, 'allowedRoutes', 'namespaces'], 'allowedRoutes');
  });
}

function lintParentRefs(ctx: Ctx, spec: O) {
  arr(spec.parentRefs).forEach((p, i) => {
    if (p.port !== undefined && (p.sectionName === undefined || p.sectionName === ''))
      warn(
        ctx,
        'parentref-port',
        `parentRefs[${i}] selects listeners by port ${p.port}: the route attaches to every listener of ${String(p.kind ?? 'Gateway')} ${String(p.name)} on that port, including listeners added later. Use sectionName to attach to one listener.`,
        ['spec', 'parentRefs', i, 'port'],
      );
  });
}

function lintWeights(ctx: Ctx, rawRules: unknown) {
  arr(rawRules).forEach((rule, ri) => {
    const refs = arr(rule.backendRefs);
    if (refs.length === 0) return;
    const weights = refs.map((b) => (typeof b.weight === 'number' ? b.weight : undefined));
    if (weights.some((w) => w === undefined)) return;
    const ws = weights as number[];
    const sum = ws.reduce((a, b) => a + b, 0);
    if (sum === 100 || sum === 0) return;
    // An even split (10 / 10) reads the same either way; so does a sum of exactly 100.
    const even = ws.every((w) => w === ws[0]) && ws.length > 1;
    const looksLikePercent = !even && ws.every((w) => w <= 100) && ws.some((w) => w >= 10);
    if (!looksLikePercent) return;
    const shares = ws.map((w) => `${((w / sum) * 100).toFixed(w / sum === 1 ? 0 : 1)}%`).join(' / ');
    warn(
      ctx,
      'weights-percentages',
      refs.length === 1
        ? `This rule's only backend has weight ${ws[0]}: weights are relative, not percentages, so it receives 100% of the traffic.`
        : `Weights ${ws.join(' / ')} look like percentages but sum to ${sum}: weights are relative, so the split is ${shares}.`,
      ['spec', 'rules', ri, 'backendRefs'],
    );
  });
}

function lintRuleNames(ctx: Ctx, rules: O[]) {
  const seen = new Map<string, number>();
  rules.forEach((r, i) => {
    if (typeof r.name !== 'string') return;
    const first = seen.get(r.name);
    if (first !== undefined)
      warn(
        ctx,
        'duplicate-rule-name',
        `Rule name "${r.name}" is also used by rules[${first}]: rule names must be unique within a route (the Standard channel's API server does not check it; Experimental rejects it).`,
        ['spec', 'rules', i, 'name'],
      );
    else seen.set(r.name, i);
  });
}

function lintRouteHostnames(ctx: Ctx, spec: O) {
  if (Array.isArray(spec.hostnames))
    spec.hostnames.forEach((h, i) => {
      hostnameIp(ctx, h, ['spec', 'hostnames', i], 'route');
    });
}

function lintHTTPRoute(ctx: Ctx, all: Index, opts: ResolvedOptions) {
  const spec = ctx.r.obj.spec as O;
  lintParentRefs(ctx, spec);
  lintRouteHostnames(ctx, spec);
  const rules = arr(spec.rules);
  rules.forEach((rule, ri) => {
    lintFilterHeaders(ctx, rule.filters, ['spec', 'rules', ri]);
    arr(rule.backendRefs).forEach((b, bi) => {
      lintFilterHeaders(ctx, b.filters, ['spec', 'rules', ri, 'backendRefs', bi]);
    });
    arr(rule.matches).forEach((m, mi) => {
      const base: Seg[] = ['spec', 'rules', ri, 'matches', mi];
      if (isObj(m.path) && m.path.type === 'RegularExpression')
        checkRegex(ctx, m.path.value, [...base, 'path', 'value'], 'path');
      arr(m.headers).forEach((h, hi) => {
        if (h.type === 'RegularExpression') checkRegex(ctx, h.value, [...base, 'headers', hi, 'value'], 'header');
        else headerValueLint(ctx, h.value, [...base, 'headers', hi, 'value'], 'header match');
      });
      arr(m.queryParams).forEach((q, qi) => {
        if (q.type === 'RegularExpression')
          checkRegex(ctx, q.value, [...base, 'queryParams', qi, 'value'], 'query parameter');
      });
    });
  });
  lintWeights(ctx, isObj(ctx.r.raw.spec) ? (ctx.r.raw.spec as O).rules : undefined);
  if (opts.channel === 'standard') lintRuleNames(ctx, rules);
  lintRedirectLoop(ctx, spec, rules, all);
}

function lintGRPCRoute(ctx: Ctx, opts: ResolvedOptions) {
  const spec = ctx.r.obj.spec as O;
  lintParentRefs(ctx, spec);
  lintRouteHostnames(ctx, spec);
  const rules = arr(spec.rules);
  rules.forEach((rule, ri) => {
    lintFilterHeaders(ctx, rule.filters, ['spec', 'rules', ri]);
    arr(rule.backendRefs).forEach((b, bi) => {
      lintFilterHeaders(ctx, b.filters, ['spec', 'rules', ri, 'backendRefs', bi]);
    });
    arr(rule.matches).forEach((m, mi) => {
      const base: Seg[] = ['spec', 'rules', ri, 'matches', mi];
      if (isObj(m.method) && m.method.type === 'RegularExpression') {
        checkRegex(ctx, m.method.service, [...base, 'method', 'service'], 'gRPC service');
        checkRegex(ctx, m.method.method, [...base, 'method', 'method'], 'gRPC method');
      }
      arr(m.headers).forEach((h, hi) => {
        if (h.type === 'RegularExpression') checkRegex(ctx, h.value, [...base, 'headers', hi, 'value'], 'header');
        else headerValueLint(ctx, h.value, [...base, 'headers', hi, 'value'], 'header match');
      });
    });
  });
  lintWeights(ctx, isObj(ctx.r.raw.spec) ? (ctx.r.raw.spec as O).rules : undefined);
  if (opts.channel === 'standard') lintRuleNames(ctx, rules);
}

// ---------- redirect loop (needs the parent Gateways) ----------

interface Index {
  listeners(group: string, kind: string, namespace: string, name: string): O[] | undefined;
}

function buildIndex(resources: Resource[]): Index {
  const byKey = new Map<string, Resource>();
  for (const r of resources)
    if (r.valid && r.group === GATEWAY_GROUP) byKey.set(`${r.kind}/${r.namespace}/${r.name}`, r);
  return {
    listeners(group, kind, namespace, name) {
      if (group !== GATEWAY_GROUP || (kind !== 'Gateway' && kind !== 'ListenerSet')) return undefined;
      const r = byKey.get(`${kind}/${namespace}/${name}`);
      return r && isObj(r.obj.spec) ? arr((r.obj.spec as O).listeners) : undefined;
    },
  };
}

function isHttpsUpgrade(f: O): boolean {
  if (f.type !== 'RequestRedirect' || !isObj(f.requestRedirect)) return false;
  const rr = f.requestRedirect;
  // Same host and path: only the scheme (and maybe the default port) changes.
  return (
    rr.scheme === 'https' &&
    rr.hostname === undefined &&
    rr.path === undefined &&
    (rr.port === undefined || rr.port === 443)
  );
}

function lintRedirectLoop(ctx: Ctx, spec: O, rules: O[], all: Index) {
  if (!rules.some((r) => Array.isArray(r.filters) && r.filters.length > 0)) return;
  const redirectRules = rules
    .map((rule, i) => ({ i, f: arr(rule.filters).findIndex(isHttpsUpgrade) }))
    .filter((x) => x.f >= 0);
  if (!redirectRules.length) return;
  const ns = ctx.r.namespace ?? 'default';
  const https: string[] = [];
  for (const p of arr(spec.parentRefs)) {
    const ls = all.listeners(
      String(p.group ?? GATEWAY_GROUP),
      String(p.kind ?? 'Gateway'),
      typeof p.namespace === 'string' && p.namespace ? p.namespace : ns,
      String(p.name),
    );
    if (!ls) continue;
    for (const l of ls) {
      if (l.protocol !== 'HTTPS') continue;
      if (p.sectionName && l.name !== p.sectionName) continue;
      if (p.port !== undefined && l.port !== p.port) continue;
      https.push(`${String(p.name)}/${String(l.name)}`);
    }
  }
  if (!https.length) return;
  for (const { i, f } of redirectRules)
    warn(
      ctx,
      'redirect-loop',
      `rules[${i}] redirects to https, but the route is also attached to the HTTPS listener ${https.join(', ')}: requests that already arrived over HTTPS are redirected to the same URL again, in a loop. Attach the redirect route to the HTTP listener only (parentRefs[].sectionName).`,
      ['spec', 'rules', i, 'filters', f, 'requestRedirect', 'scheme'],
    );
}

/** Lints of every valid modelled resource. */
export function lintResources(resources: Resource[], opts: ResolvedOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  let index: Index | undefined;
  for (const r of resources) {
    if (!r.valid || !r.info || !isObj(r.obj.spec)) continue;
    const ctx: Ctx = { r, out };
    const spec = r.obj.spec as O;
    switch (r.kind) {
      case 'Gateway':
        lintListeners(ctx, spec.listeners);
        if (isObj(spec.allowedListeners))
          selectorLint(
            ctx,
            spec.allowedListeners.namespaces,
            ['spec', 'allowedListeners', 'namespaces'],
            'allowedListeners',
          );
        break;
      case 'ListenerSet':
        lintListeners(ctx, spec.listeners);
        break;
      case 'HTTPRoute':
        index ??= buildIndex(resources);
        lintHTTPRoute(ctx, index, opts);
        break;
      case 'GRPCRoute':
        lintGRPCRoute(ctx, opts);
        break;
      case 'TLSRoute':
        lintRouteHostnames(ctx, spec);
        lintParentRefs(ctx, spec);
        lintWeights(ctx, isObj(r.raw.spec) ? (r.raw.spec as O).rules : undefined);
        break;
      case 'TCPRoute':
      case 'UDPRoute':
        lintParentRefs(ctx, spec);
        lintWeights(ctx, isObj(r.raw.spec) ? (r.raw.spec as O).rules : undefined);
        break;
    }
  }
  return out;
}
