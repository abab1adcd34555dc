// gateway-sim check: --json carries status (contracts.md §4), --status-yaml prints the manifests back
// with status blocks, and the human output says what attached where and why not.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { main } from './main.ts';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }).then((code) => ({
    code,
    out: out.join('\n'),
    err: err.join('\n'),
  }));
}

const dir = mkdtempSync(join(tmpdir(), 'gwsim-check-'));
const file = join(dir, 'scenario.yaml');
writeFileSync(
  file,
  `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: sim}
spec: {controllerName: example.com/sim}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: sim
  listeners:
  - {name: http, port: 80, protocol: HTTP, hostname: "*.example.com"}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: a, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  hostnames: [app.example.com]
  rules: [{backendRefs: [{name: svc, port: 8080}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: b, namespace: apps}
spec:
  parentRefs: [{name: gw, namespace: infra}]
`,
);

describe('gateway-sim check (controller output)', () => {
  it('--json fills status with conditions, listeners and parents', async () => {
    const r = await run(['check', file, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    const gw = j.status.find((s: { kind: string }) => s.kind === 'Gateway');
    expect(gw).toMatchObject({ namespace: 'infra', name: 'gw' });
    expect(gw.conditions.find((c: { type: string }) => c.type === 'Accepted')).toMatchObject({
      status: 'True',
      reason: 'Accepted',
    });
    expect(gw.listeners[0]).toMatchObject({ name: 'http', attachedRoutes: 1 });
    const a = j.status.find((s: { name: string }) => s.name === 'a');
    expect(a.parents[0].parentRef).toMatchObject({ name: 'gw', namespace: 'infra' });
    expect(a.parents[0].controllerName).toBe('example.com/sim');
    const rr = a.parents[0].conditions.find((c: { type: string }) => c.type === 'ResolvedRefs');
    expect(rr).toMatchObject({ status: 'False', reason: 'BackendNotFound' });
    const d = j.diagnostics.find((x: { code: string }) => x.code === 'BackendNotFound');
    expect(d.fix.edits[0].text).toContain('kind: Service');
  });

  it('--status-yaml prints every object with its computed status', async () => {
    const r = await run(['check', file, '--status-yaml']);
    const docs = parseAllDocuments(r.out).map((d) => d.toJS());
    expect(docs).toHaveLength(4);
    expect(docs[1].status.listeners[0].attachedRoutes).toBe(1);
    expect(docs[3].status.parents[0].conditions[0]).toMatchObject({
      type: 'Accepted',
      status: 'False',
      reason: 'NotAllowedByListeners',
    });
    expect(parse(r.out.split('---\n')[1]!).kind).toBe('GatewayClass');
  });

  it('the human output summarises attachments per Gateway and per route', async () => {
    const r = await run(['check', file]);
    expect(r.out).toMatch(/Gateway infra\/gw .*Accepted=True/);
    expect(r.out).toMatch(/listener http HTTP:80 \*\.example\.com: 1 route/);
    expect(r.out).toMatch(/HTTPRoute apps\/b[^\n]*\n\s+-> Gateway infra\/gw: NOT attached \(NotAllowedByListeners\)/);
    expect(r.err).toMatch(/scenario\.yaml:\d+:\d+: error: Service infra\/svc not found/);
  });
});
