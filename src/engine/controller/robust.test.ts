// The controller reads fields defensively: whatever the objects hold (the API server would have
// rejected much of it, but the controller must not depend on that), it never throws, and every status
// entry it writes is well-formed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../manifest/index.ts';
import { resolveOptions } from '../options.ts';
import { runController } from './index.ts';

const GW = 'gateway.networking.k8s.io';
const KINDS: [string, string][] = [
  [GW, 'GatewayClass'],
  [GW, 'Gateway'],
  [GW, 'ListenerSet'],
  [GW, 'HTTPRoute'],
  [GW, 'GRPCRoute'],
  [GW, 'TLSRoute'],
  [GW, 'TCPRoute'],
  [GW, 'UDPRoute'],
  [GW, 'ReferenceGrant'],
  [GW, 'BackendTLSPolicy'],
  ['', 'Service'],
  ['', 'Secret'],
  ['', 'ConfigMap'],
  ['', 'Namespace'],
];

const names = fc.constantFrom('a', 'b', 'gw', 'sim', 'svc');
const nss = fc.constantFrom('default', 'infra', 'apps');
// Plausible values mixed with garbage of every type.
const scalar = fc.oneof(
  names,
  fc.constantFrom(
    'HTTP',
    'HTTPS',
    'TLS',
    'TCP',
    'UDP',
    'All',
    'Same',
    'Selector',
    'Terminate',
    'Passthrough',
    '*.example.com',
    'a.example.com',
    '',
  ),
  fc.integer({ min: -1, max: 70000 }),
  fc.constantFrom(80, 443, 8080),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof({ maxDepth: 4 }, scalar, fc.array(tie('v'), { maxLength: 3 }), tie('o')),
  o: fc.dictionary(
    fc.constantFrom(
      'name',
      'namespace',
      'port',
      'protocol',
      'hostname',
      'hostnames',
      'listeners',
      'parentRefs',
      'parentRef',
      'rules',
      'backendRefs',
      'matches',
      'filters',
      'tls',
      'certificateRefs',
      'allowedRoutes',
      'allowedListeners',
      'namespaces',
      'from',
      'selector',
      'kinds',
      'kind',
      'group',
      'sectionName',
      'gatewayClassName',
      'controllerName',
      'targetRefs',
      'validation',
      'caCertificateRefs',
      'to',
      'weight',
      'ports',
      'type',
      'mode',
      'addresses',
      'value',
      'matchLabels',
      'matchExpressions',
    ),
    fc.oneof(
      { maxDepth: 3 },
      scalar,
      fc.array(
        fc.oneof(
          scalar,
          fc.dictionary(
            fc.constantFrom(
              'name',
              'port',
              'kind',
              'group',
              'namespace',
              'sectionName',
              'protocol',
              'hostname',
              'weight',
            ),
            scalar,
            { maxKeys: 5 },
          ),
        ),
        { maxLength: 3 },
      ),
    ),
    { maxKeys: 8 },
  ),
})).v;

const resource = fc.record({ k: fc.constantFrom(...KINDS), name: names, ns: nss, spec: value, data: value });

function toResources(
  items: { k: [string, string]; name: string; ns: string; spec: unknown; data: unknown }[],
): Resource[] {
  const seen = new Set<string>();
  const out: Resource[] = [];
  for (const it of items) {
    const [group, kind] = it.k;
    const cluster = kind === 'GatewayClass' || kind === 'Namespace';
    const key = `${group}/${kind}/${cluster ? '' : it.ns}/${it.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const raw: Record<string, unknown> = {
      apiVersion: group ? `${group}/v1` : 'v1',
      kind,
      metadata: { name: it.name, ...(cluster ? {} : { namespace: it.ns }) },
      spec: it.spec,
      data: it.data,
    };
    out.push({
      key,
      group,
      version: 'v1',
      apiVersion: raw.apiVersion as string,
      kind,
      ...(cluster ? {} : { namespace: it.ns }),
      name: it.name,
      raw,
      obj: raw,
      valid: true,
      file: 'f.yaml',
      docIndex: out.length,
      docPath: [],
      order: out.length,
      generation: 1,
      locate: () => ({ file: 'f.yaml', start: 0, end: 1 }),
    });
  }
  return out;
}

describe('controller robustness', () => {
  it('never throws on arbitrary field contents; status entries are well-formed', () => {
    fc.assert(
      fc.property(fc.array(resource, { maxLength: 14 }), fc.boolean(), (items, experimental) => {
        const res = toResources(items);
        const r = runController(
          res,
          resolveOptions(
            experimental ? { channel: 'experimental', decisions: { grpcHttpSameHostname: 'reject-newer' } } : {},
          ),
        );
        void r.topology;
        for (const s of r.status) {
          for (const p of s.parents ?? []) {
            const types = p.conditions.map((c) => c.type);
            expect(types).toContain('Accepted');
            expect(types).toContain('ResolvedRefs');
          }
          for (const l of s.listeners ?? []) expect(l.attachedRoutes).toBeGreaterThanOrEqual(0);
        }
        for (const g of r.gateways)
          for (const l of g.listeners) expect(l.attachedRoutes).toBe(new Set(l.routes.map((x) => x.route)).size);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: 42 },
    );
  });
});
