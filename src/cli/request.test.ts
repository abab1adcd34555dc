import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { requestFromUrl } from './request.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__');

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }).then((code) => ({
    code,
    out: out.join('\n'),
    err: err.join('\n'),
  }));
}

describe('request --url parsing', () => {
  it('keeps the path as written (no normalisation)', () => {
    expect(requestFromUrl('http://Foo.example.com:8080/a/../b?x=%2F')).toEqual({
      scheme: 'http',
      host: 'Foo.example.com:8080',
      port: 8080,
      path: '/a/../b?x=%2F',
    });
    expect(requestFromUrl('https://a.com')).toEqual({ scheme: 'https', host: 'a.com', path: '/' });
    expect(requestFromUrl('tls://a.com:8443')).toEqual({ protocol: 'TLS', sni: 'a.com', port: 8443 });
  });
});

describe('gateway-sim request / test', () => {
  const m = join(dir, 'routes.yaml');
  it('prints a readable trace', async () => {
    const r = await run(['request', m, '--url', 'http://foo.example.com/v2/x', '-H', 'X-A: 1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Listener\s+http \(HTTP :80\)/);
    expect(r.out).toMatch(/Route\s+HTTPRoute default\/foo rule 1 match 0/);
    expect(r.out).toMatch(/default\/foo-v2:8080\s+75\.00%/);
    expect(r.out).toMatch(/Outcome\s+forward/);
    expect(r.out).toMatch(/lost to default\/foo rule 1: longer prefix \(\/v2\/ > \/\)/);
  });
  it('--json prints the Trace', async () => {
    const r = await run(['request', m, '--request', '{"host":"foo.example.com","path":"/"}', '--json']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out);
    expect(t.route).toMatchObject({ kind: 'HTTPRoute', name: 'foo', rule: 0 });
    expect(t.backends[0]).toMatchObject({ name: 'foo-v1', share: 1, valid: true });
  });
  it('usage errors exit 2', async () => {
    expect((await run(['request', m])).code).toBe(2);
    expect((await run(['request', m, '--url', 'http://a/', '--port', 'x'])).code).toBe(2);
  });
  it('test: one line per failing case, then the counts; exit 1', async () => {
    const r = await run(['test', m, '--cases', join(dir, 'cases.yaml')]);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^FAIL deliberately wrong: outcome: expected forward, got not-found; backends\.default\/foo-v1: expected 1, got \(none\)/,
    );
    expect(lines[1]).toBe('2 passed, 1 failed');
  });
  it('test: all passing exits 0; a bad cases file exits 2', async () => {
    const ok = await run(['test', m, '--cases', join(dir, 'cases-ok.yaml')]);
    expect(ok.out).toBe('1 passed, 0 failed');
    expect(ok.code).toBe(0);
    expect((await run(['test', m, '--cases', join(dir, 'routes.yaml')])).code).toBe(2);
  });
});
