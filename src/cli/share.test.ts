import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'gwsim-share-'));
const routes = join(dir, 'routes.yaml');
const ROUTES = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
spec:
  parentRefs:
  - name: gateway
  rules:
  - backendRefs:
    - name: web
      port: 80
`;
writeFileSync(routes, ROUTES);
const svc = join(dir, 'svc.yaml');
writeFileSync(svc, 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}');
const cases = join(dir, 'cases.yaml');
writeFileSync(
  cases,
  `cases:
  - name: v2 header
    request: { host: www.example.com, path: /, headers: { version: 2 } }
    expect: { outcome: forward, backends: { default/web: 1 } }
`,
);

describe('gateway-sim share', () => {
  it('prints a link on --base and decodes it back to the manifests', async () => {
    const r = await run(['share', routes, svc, '--base', 'https://sim.example.org/', '--channel', 'experimental']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^https:\/\/sim\.example\.org\/#s1\.[A-Za-z0-9_-]+$/);
    const d = await run(['share', '--decode', r.out]);
    expect(d.code).toBe(0);
    expect(d.out).toBe(
      `${ROUTES}---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}`,
    );
    expect(d.err).toMatch(/also carries settings/);
  });

  it('carries requests, cases and settings; --json shows the scenario', async () => {
    const r = await run([
      'share',
      routes,
      '--request',
      '{"host":"www.example.com","path":"/a"}',
      '--cases',
      cases,
      '--decision',
      'hostnamePrecedence=partition',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^#s1\./);
    expect(r.err).toMatch(/no --base URL/);
    const d = await run(['share', '--decode', r.out, '--json']);
    expect(d.code).toBe(0);
    const s = JSON.parse(d.out);
    expect(s).toMatchObject({
      scenarioVersion: 1,
      manifests: ROUTES,
      requests: [{ request: { host: 'www.example.com', path: '/a' } }],
      tests: [
        {
          name: 'v2 header',
          request: { headers: { version: '2' } },
          expect: { outcome: 'forward', backends: { 'default/web': 1 } },
        },
      ],
      settings: { decisions: { hostnamePrecedence: 'partition' } },
    });
  });

  it('a bad link exits 2 with the codec message, no stack trace', async () => {
    for (const link of ['https://x/#s1.%%%', 'https://x/#v1.abc', 's1.AAAA', 's9.abc']) {
      const r = await run(['share', '--decode', link]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/share link|newer version/);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('usage errors exit 2', async () => {
    expect((await run(['share', routes, '--request', '{not json'])).code).toBe(2);
    expect((await run(['share', routes, '--request', '{"port":"80"}'])).err).toMatch(/port: expected a whole number/);
    expect((await run(['share', '--decode', 's1.x', routes])).code).toBe(2);
    expect((await run(['share', routes, '--json'])).code).toBe(2);
    expect((await run(['share'])).code).toBe(2);
  });

  it('bad case files exit 2 with the path of the problem', async () => {
    const bad = join(dir, 'bad-cases.yaml');
    writeFileSync(bad, 'cases:\n  - name: x\n    request: { port: eighty }\n');
    const r = await run(['share', routes, '--cases', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cases\[0\]\.request\.port: expected a whole number/);
    writeFileSync(bad, 'nope: 1\n');
    expect((await run(['share', routes, '--cases', bad])).err).toMatch(/cases:/);
  });

  it('warns about long links and Secrets with data', async () => {
    const secret = join(dir, 'secret.yaml');
    let text = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n';
    for (let i = 0; i < 400; i++) text += `  k${i}: ${Math.random().toString(36).slice(2)}${i}\n`;
    writeFileSync(secret, text);
    const r = await run(['share', secret, '--base', 'http://h/']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Secret with data/);
    expect(r.err).toMatch(/chat tools may cut/);
  });
});
