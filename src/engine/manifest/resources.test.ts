import { describe, expect, it } from 'vitest';
import { analyze } from '../index.ts';

const route = (name: string, extra = '') =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: ${name}\n${extra}spec: {}\n`;

describe('identity', () => {
  it('keys objects by group, kind, namespace and name; namespace defaults to default', () => {
    const a = analyze(route('r'));
    expect(a.resources[0]?.key).toBe('gateway.networking.k8s.io/HTTPRoute/default/r');
    expect(a.resources[0]?.namespace).toBe('default');
  });

  it('cluster-scoped kinds have no namespace', () => {
    const a = analyze(
      'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: gc}\nspec: {controllerName: a.b/c}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: infra}\n',
    );
    expect(a.resources.map((r) => r.namespace)).toEqual([undefined, undefined]);
    expect(a.resources[0]?.key).toBe('gateway.networking.k8s.io/GatewayClass//gc');
  });

  it('two objects with one identity are an error pointing at both; the later one stands', () => {
    const a = analyze(`${route('r')}---\n${route('r', '  labels: {v: "2"}\n')}`);
    const d = a.diagnostics.find((x) => x.code === 'duplicate-object');
    expect(d?.severity).toBe('error');
    expect(d?.line).toBe(10);
    expect(d?.related?.[0]?.line).toBe(4);
    expect(a.resources).toHaveLength(1);
    expect((a.resources[0]?.raw.metadata as { labels?: unknown } | undefined)?.labels).toEqual({ v: '2' });
  });

  it('the same name in two namespaces is two objects', () => {
    const a = analyze(`${route('r', '  namespace: a\n')}---\n${route('r', '  namespace: b\n')}`);
    expect(a.resources).toHaveLength(2);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps kinds we do not model as opaque objects, never errors', () => {
    const a = analyze(
      'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: istio}\nspec: {}\n---\napiVersion: s3.example.com/v1\nkind: Bucket\nmetadata: {name: b, namespace: x}\n',
    );
    expect(a.resources.map((r) => [r.group, r.kind, r.namespace, r.info])).toEqual([
      ['networking.istio.io', 'Gateway', 'default', undefined],
      ['s3.example.com', 'Bucket', 'x', undefined],
    ]);
    expect(a.diagnostics).toEqual([]);
  });

  it('an unserved Gateway API version is an error listing the served versions', () => {
    const a = analyze(route('r').replace('/v1', '/v2'));
    const d = a.diagnostics.find((x) => x.code === 'unserved-version');
    expect(d?.message).toBe(
      'no matches for kind "HTTPRoute" in version "gateway.networking.k8s.io/v2" (served versions: v1, v1beta1)',
    );
    expect(d?.line).toBe(1);
  });

  it('an alpha version served only by Experimental says to switch the channel', () => {
    const text = 'apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TCPRoute\nmetadata: {name: t}\nspec: {}\n';
    const std = analyze(text);
    expect(std.diagnostics[0]?.code).toBe('channel');
    expect(std.diagnostics[0]?.message).toMatch(/served only by the Experimental channel/);
    const exp = analyze(text, { channel: 'experimental' });
    expect(exp.resources).toHaveLength(1);
    expect(exp.diagnostics[0]?.code).toBe('deprecated-version');
    expect(exp.diagnostics[0]?.severity).toBe('warning');
  });

  it('an unknown Gateway API kind is an error with a suggestion; XListenerSet points at ListenerSet', () => {
    const a = analyze(route('r').replace('kind: HTTPRoute', 'kind: HTTPRoutes'));
    expect(a.diagnostics[0]?.message).toContain('did you mean "HTTPRoute"');
    const x = analyze('apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: XListenerSet\nmetadata: {name: l}\n', {
      channel: 'experimental',
    });
    expect(x.diagnostics[0]?.message).toMatch(/removed in v1.5.*ListenerSet/);
  });

  it('missing apiVersion, kind or name are errors like kubectl gives', () => {
    expect(analyze('metadata: {name: x}\n').diagnostics[0]?.message).toBe(
      'error validating data: [apiVersion not set, kind not set]',
    );
    expect(analyze('apiVersion: v1\nkind: Service\nmetadata: {}\n').diagnostics[0]?.message).toBe(
      'metadata.name: Required value: name or generateName is required',
    );
    expect(analyze('- a\n- b\n').diagnostics[0]?.code).toBe('not-an-object');
  });
});

describe('kind: List', () => {
  it('unpacks items, ignores status/managedFields/resourceVersion and keeps creationTimestamp', () => {
    const list = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: a
    creationTimestamp: "2024-01-02T00:00:00Z"
    resourceVersion: "123"
    uid: 5b1d
    managedFields: [{manager: kubectl}]
  spec: {ports: [{port: 80}]}
  status: {loadBalancer: {}}
- apiVersion: v1
  kind: Service
  metadata: {name: b, creationTimestamp: "2024-01-01T00:00:00Z"}
`;
    const a = analyze(list);
    expect(a.resources.map((r) => r.name)).toEqual(['a', 'b']);
    const r = a.resources[0];
    expect(r?.raw.status).toBeUndefined();
    expect(r?.raw.metadata).toEqual({ name: 'a', creationTimestamp: '2024-01-02T00:00:00Z' });
    expect(r?.docPath).toEqual(['items', 0]);
    expect(r?.locate(['metadata', 'name']).start).toBe(list.indexOf('name: a') + 6);
    // b was created first.
    expect(a.resources.map((x) => x.order)).toEqual([1, 0]);
  });
});

describe('creation order', () => {
  it('uses creationTimestamp, then document order after every timestamped object', () => {
    const ts = (t: string) => `  creationTimestamp: "${t}"\n`;
    const a = analyze(
      [
        route('none1'),
        route('late', ts('2024-05-01T00:00:00Z')),
        route('none2'),
        route('early', ts('2023-01-01T00:00:00Z')),
      ].join('---\n'),
    );
    const order = Object.fromEntries(a.resources.map((r) => [r.name, r.order]));
    expect(order).toEqual({ early: 0, late: 1, none1: 2, none2: 3 });
  });
});
