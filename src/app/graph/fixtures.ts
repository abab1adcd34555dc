// Hand-made topologies that follow src/engine/topology.ts, for the graph's unit tests and for
// previewing the graph before the controller fills the topology.

import type { TopoEdge, Topology, TopoNode } from '../../engine/topology.ts';
import type { Condition } from '../../engine/types.ts';

const acc = (type = 'Accepted'): Condition => ({ type, status: 'True', reason: type, message: '' });
const rej = (reason: string, message = ''): Condition => ({ type: 'Accepted', status: 'False', reason, message });

const r = (start: number, end: number) => ({ file: 'manifests.yaml', start, end });

/** A small scenario: one class, one gateway with two listeners and a ListenerSet, two routes (one rejected). */
export function sampleTopology(): Topology {
  const nodes: TopoNode[] = [
    {
      id: 'gc:example',
      type: 'GatewayClass',
      kind: 'GatewayClass',
      name: 'example',
      health: 'ok',
      conditions: [acc()],
      range: r(0, 100),
      details: { controllerName: 'example.com/gateway-controller' },
    },
    {
      id: 'gw:default/gw',
      type: 'Gateway',
      kind: 'Gateway',
      namespace: 'default',
      name: 'gw',
      health: 'partial',
      conditions: [
        acc(),
        { type: 'ListenersNotValid', status: 'True', reason: 'ListenersNotValid', message: 'one listener is invalid' },
      ],
      range: r(100, 400),
      details: { addresses: [{ type: 'IPAddress', value: '10.0.0.1' }], gatewayClassName: 'example' },
    },
    {
      id: 'l:default/gw/http',
      type: 'Listener',
      kind: 'Gateway',
      namespace: 'default',
      name: 'http',
      parent: 'gw:default/gw',
      health: 'ok',
      conditions: [acc()],
      range: r(200, 260),
      details: { protocol: 'HTTP', port: 80, attachedRoutes: 1 },
    },
    {
      id: 'l:default/gw/https',
      type: 'Listener',
      kind: 'Gateway',
      namespace: 'default',
      name: 'https',
      parent: 'gw:default/gw',
      health: 'error',
      conditions: [rej('InvalidCertificateRef')],
      range: r(260, 380),
      details: { protocol: 'HTTPS', port: 443, hostname: '*.example.com', tlsMode: 'Terminate', attachedRoutes: 0 },
    },
    {
      id: 'ls:apps/extra',
      type: 'ListenerSet',
      kind: 'ListenerSet',
      namespace: 'apps',
      name: 'extra',
      parent: 'gw:default/gw',
      health: 'ok',
      conditions: [acc()],
      range: r(400, 520),
      details: {},
    },
    {
      id: 'l:apps/extra/tcp',
      type: 'Listener',
      kind: 'ListenerSet',
      namespace: 'apps',
      name: 'tcp',
      parent: 'ls:apps/extra',
      health: 'ok',
      conditions: [acc()],
      range: r(450, 510),
      details: { protocol: 'TCP', port: 9000 },
    },
    {
      id: 'rt:HTTPRoute/default/foo',
      type: 'Route',
      kind: 'HTTPRoute',
      namespace: 'default',
      name: 'foo',
      health: 'ok',
      conditions: [acc(), acc('ResolvedRefs')],
      range: r(520, 900),
      details: { hostnames: ['foo.example.com'] },
    },
    {
      id: 'rule:HTTPRoute/default/foo/0',
      type: 'Rule',
      kind: 'HTTPRoute',
      namespace: 'default',
      name: 'rule 0',
      parent: 'rt:HTTPRoute/default/foo',
      health: 'ok',
      conditions: [],
      range: r(600, 760),
      details: {
        index: 0,
        matches: [{ path: { type: 'PathPrefix', value: '/v2' }, headers: [{ name: 'version', value: '2' }] }],
        filters: [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'shadow' } } }],
        timeouts: { request: '10s' },
      },
    },
    {
      id: 'rule:HTTPRoute/default/foo/1',
      type: 'Rule',
      kind: 'HTTPRoute',
      namespace: 'default',
      name: 'rule 1',
      parent: 'rt:HTTPRoute/default/foo',
      health: 'ok',
      conditions: [],
      range: r(760, 900),
      details: { index: 1, matches: [] },
    },
    {
      id: 'rt:HTTPRoute/other/bar',
      type: 'Route',
      kind: 'HTTPRoute',
      namespace: 'other',
      name: 'bar',
      health: 'error',
      conditions: [rej('NotAllowedByListeners', 'No listener allows routes from namespace other')],
      range: r(900, 1100),
      details: { hostnames: [] },
    },
    {
      id: 'rule:HTTPRoute/other/bar/0',
      type: 'Rule',
      kind: 'HTTPRoute',
      namespace: 'other',
      name: 'rule 0',
      parent: 'rt:HTTPRoute/other/bar',
      health: 'ok',
      conditions: [],
      range: r(980, 1100),
      details: { index: 0, matches: [{ path: { type: 'Exact', value: '/bar' }, method: 'GET' }] },
    },
    {
      id: 'be:default/v1:80',
      type: 'Backend',
      kind: 'Service',
      namespace: 'default',
      name: 'v1',
      health: 'ok',
      conditions: [],
      range: r(1100, 1200),
      details: { port: 80 },
    },
    {
      id: 'be:default/v2:80',
      type: 'Backend',
      kind: 'Service',
      namespace: 'default',
      name: 'v2',
      health: 'ok',
      conditions: [],
      range: r(1200, 1300),
      details: { port: 80 },
    },
    {
      id: 'be:default/missing:80',
      type: 'Backend',
      kind: 'Service',
      namespace: 'default',
      name: 'missing',
      health: 'error',
      conditions: [],
      details: { port: 80, reason: 'BackendNotFound' },
    },
    {
      id: 'be:default/shadow:80',
      type: 'Backend',
      kind: 'Service',
      namespace: 'default',
      name: 'shadow',
      health: 'ok',
      conditions: [],
      details: { port: 80 },
    },
    {
      id: 'be:default/bucket',
      type: 'Backend',
      kind: 'S3Bucket',
      group: 'storage.example.com',
      namespace: 'default',
      name: 'bucket',
      health: 'ok',
      conditions: [],
      details: {},
    },
    {
      id: 'btp:default/v2-tls',
      type: 'BackendTLSPolicy',
      kind: 'BackendTLSPolicy',
      namespace: 'default',
      name: 'v2-tls',
      health: 'ok',
      conditions: [acc()],
      range: r(1300, 1400),
      details: {},
    },
  ];
  const e = (
    id: string,
    type: TopoEdge['type'],
    source: string,
    target: string,
    extra: Partial<TopoEdge> = {},
  ): TopoEdge => ({ id, type, source, target, ok: true, ...extra });
  const edges: TopoEdge[] = [
    e('e1', 'class', 'gc:example', 'gw:default/gw'),
    e('e2', 'listener', 'gw:default/gw', 'l:default/gw/http'),
    e('e3', 'listener', 'gw:default/gw', 'l:default/gw/https'),
    e('e4', 'listener', 'gw:default/gw', 'ls:apps/extra'),
    e('e4b', 'listener', 'ls:apps/extra', 'l:apps/extra/tcp'),
    e('e5', 'attachment', 'rt:HTTPRoute/default/foo', 'l:default/gw/http'),
    e('e6', 'attachment', 'rt:HTTPRoute/other/bar', 'gw:default/gw', {
      ok: false,
      reason: 'NotAllowedByListeners',
      message: 'No listener allows routes from namespace other',
    }),
    e('e7', 'rule', 'rt:HTTPRoute/default/foo', 'rule:HTTPRoute/default/foo/0'),
    e('e8', 'rule', 'rt:HTTPRoute/default/foo', 'rule:HTTPRoute/default/foo/1'),
    e('e9', 'rule', 'rt:HTTPRoute/other/bar', 'rule:HTTPRoute/other/bar/0'),
    e('e10', 'backend', 'rule:HTTPRoute/default/foo/0', 'be:default/v1:80', { weight: 9, share: 0.9 }),
    e('e11', 'backend', 'rule:HTTPRoute/default/foo/0', 'be:default/v2:80', { weight: 1, share: 0.1 }),
    e('e12', 'backend', 'rule:HTTPRoute/default/foo/1', 'be:default/missing:80', {
      ok: false,
      reason: 'BackendNotFound',
      message: 'Service default/missing not found',
      weight: 1,
      share: 1,
    }),
    e('e13', 'mirror', 'rule:HTTPRoute/default/foo/0', 'be:default/shadow:80'),
    e('e14', 'backend', 'rule:HTTPRoute/other/bar/0', 'be:default/v1:80', { weight: 1, share: 1 }),
    e('e15', 'backend', 'rule:HTTPRoute/other/bar/0', 'be:default/bucket', { weight: 1, share: 1 }),
    e('e16', 'policy', 'btp:default/v2-tls', 'be:default/v2:80'),
  ];
  return { nodes, edges };
}

/** A synthetic topology of `routes` HTTPRoutes (rules per route, backends shared) for scale tests. */
export function syntheticTopology(routes: number, rulesPerRoute = 2, gateways = 3): Topology {
  const nodes: TopoNode[] = [];
  const edges: TopoEdge[] = [];
  const ok = [acc()];
  nodes.push({
    id: 'gc',
    type: 'GatewayClass',
    kind: 'GatewayClass',
    name: 'gc',
    health: 'ok',
    conditions: ok,
    details: {},
  });
  for (let g = 0; g < gateways; g++) {
    const gw = `gw${g}`;
    nodes.push({
      id: gw,
      type: 'Gateway',
      kind: 'Gateway',
      namespace: 'infra',
      name: gw,
      health: 'ok',
      conditions: ok,
      details: {},
    });
    edges.push({ id: `c${g}`, type: 'class', source: 'gc', target: gw, ok: true });
    for (const [ln, port] of [
      ['http', 80],
      ['https', 443],
    ] as const) {
      nodes.push({
        id: `${gw}/${ln}`,
        type: 'Listener',
        kind: 'Gateway',
        namespace: 'infra',
        name: ln,
        parent: gw,
        health: 'ok',
        conditions: ok,
        details: { protocol: ln.toUpperCase(), port },
      });
      edges.push({ id: `l${gw}/${ln}`, type: 'listener', source: gw, target: `${gw}/${ln}`, ok: true });
    }
  }
  const backends = Math.max(1, Math.floor(routes / 2));
  for (let b = 0; b < backends; b++)
    nodes.push({
      id: `svc${b}`,
      type: 'Backend',
      kind: 'Service',
      namespace: `ns${b % 10}`,
      name: `svc-${b}`,
      health: 'ok',
      conditions: [],
      details: { port: 8080 },
    });
  for (let i = 0; i < routes; i++) {
    const rt = `rt${i}`;
    const ns = `ns${i % 10}`;
    nodes.push({
      id: rt,
      type: 'Route',
      kind: 'HTTPRoute',
      namespace: ns,
      name: `route-${i}`,
      health: i % 17 === 0 ? 'error' : 'ok',
      conditions: ok,
      details: { hostnames: [`r${i}.example.com`] },
    });
    edges.push({
      id: `a${i}`,
      type: 'attachment',
      source: rt,
      target: `gw${i % gateways}/http`,
      ok: i % 17 !== 0,
      reason: i % 17 === 0 ? 'NotAllowedByListeners' : undefined,
    });
    for (let j = 0; j < rulesPerRoute; j++) {
      const ru = `${rt}/r${j}`;
      nodes.push({
        id: ru,
        type: 'Rule',
        kind: 'HTTPRoute',
        namespace: ns,
        name: `route-${i}`,
        parent: rt,
        health: 'ok',
        conditions: [],
        details: { index: j, matches: [{ path: { type: 'PathPrefix', value: `/p${j}` } }] },
      });
      edges.push({ id: `r${i}/${j}`, type: 'rule', source: rt, target: ru, ok: true });
      edges.push({
        id: `b${i}/${j}`,
        type: 'backend',
        source: ru,
        target: `svc${(i + j) % backends}`,
        ok: true,
        weight: 1,
        share: 1,
      });
    }
  }
  return { nodes, edges };
}
