import { describe, expect, it } from 'vitest';
import { parseCurl, shellWords, splitUrl, toCurl } from './curl.ts';

describe('shellWords', () => {
  it('splits quotes, escapes and continuations like a shell', () => {
    expect(shellWords(`curl -H 'version: 2' "http://a/b c" x\\ y`)).toEqual([
      'curl',
      '-H',
      'version: 2',
      'http://a/b c',
      'x y',
    ]);
    expect(shellWords('curl \\\n  -X POST \\\n  http://a/')).toEqual(['curl', '-X', 'POST', 'http://a/']);
    expect(shellWords(`a "say \\"hi\\" \\$x" $'a\\tb'`)).toEqual(['a', 'say "hi" $x', 'a\tb']);
    expect(shellWords(`a ''`)).toEqual(['a', '']);
  });
  it('rejects an unterminated quote', () => {
    expect(() => shellWords(`curl 'abc`)).toThrow(/unterminated/);
  });
});

describe('splitUrl', () => {
  it('keeps the path as written', () => {
    expect(splitUrl('http://foo.example.com/a//b/../%2F?x=1#frag')).toEqual({
      scheme: 'http',
      host: 'foo.example.com',
      path: '/a//b/../%2F?x=1',
    });
  });
  it('reads ports, user info, IPv6 and scheme-less URLs', () => {
    expect(splitUrl('https://u:p@[::1]:8443')).toEqual({
      scheme: 'https',
      user: 'u:p',
      host: '[::1]',
      port: 8443,
      path: '/',
    });
    expect(splitUrl('foo.example.com:8080?q')).toEqual({ host: 'foo.example.com', port: 8080, path: '/?q' });
  });
});

describe('parseCurl', () => {
  it('reads the issue example', () => {
    expect(parseCurl(`curl -H 'version: 2' http://foo.example.com/bar`).request).toEqual({
      protocol: 'HTTP',
      host: 'foo.example.com',
      path: '/bar',
      headers: [['version', '2']],
    });
  });
  it('reads -X, --header=, -k and https URLs', () => {
    const { request, notes } = parseCurl(
      `curl -k -X PUT --header 'X-A: 1' --header="X-B: two words" https://api.example.com:8443/v1/items?id=3`,
    );
    expect(request).toEqual({
      protocol: 'HTTPS',
      scheme: 'https',
      port: 8443,
      method: 'PUT',
      host: 'api.example.com',
      path: '/v1/items?id=3',
      headers: [
        ['X-A', '1'],
        ['X-B', 'two words'],
      ],
    });
    expect(notes).toEqual([]);
  });
  it('reads bundled short options and attached values', () => {
    const { request } = parseCurl(`curl -sSkXPOST -H'a: b' http://h/`);
    expect(request.method).toBe('POST');
    expect(request.headers).toEqual([['a', 'b']]);
  });
  it('implies POST for data, HEAD for -I, GET for -G', () => {
    expect(parseCurl(`curl -d x=1 http://h/`).request.method).toBe('POST');
    expect(parseCurl(`curl -I http://h/`).request.method).toBe('HEAD');
    const g = parseCurl(`curl -G -d a=1 -d b=2 http://h/p?z=0`).request;
    expect(g.method).toBeUndefined();
    expect(g.path).toBe('/p?z=0&a=1&b=2');
  });
  it('takes a Host header as the host and keeps the URL host as SNI for https', () => {
    const { request } = parseCurl(`curl -H 'Host: second-example.org' --http2 https://example.org/`);
    expect(request.host).toBe('second-example.org');
    expect(request.sni).toBe('example.org');
    expect(request.httpVersion).toBe('2');
    expect(request.headers).toBeUndefined();
  });
  it('turns -u, -A, -e and -b into headers', () => {
    const { request } = parseCurl(`curl -u me:pw -A agent -e http://r/ -b 'a=1' http://h/`);
    expect(request.headers).toEqual([
      ['authorization', `Basic ${btoa('me:pw')}`],
      ['user-agent', 'agent'],
      ['referer', 'http://r/'],
      ['cookie', 'a=1'],
    ]);
  });
  it('accepts a bare URL and a leading $ prompt', () => {
    expect(parseCurl('$ curl foo.example.com').request).toEqual({
      protocol: 'HTTP',
      host: 'foo.example.com',
      path: '/',
    });
    expect(parseCurl('http://foo.example.com/x').request.path).toBe('/x');
  });
  it('notes ignored options and refuses commands without a URL', () => {
    expect(parseCurl('curl --resolve a:80:1.2.3.4 --max-time 3 http://a/').notes).toEqual([
      '--resolve a:80:1.2.3.4 is ignored: pick the Gateway and port in the form',
      'option --max-time 3 is ignored',
    ]);
    expect(() => parseCurl('curl -k')).toThrow(/No URL/);
    expect(() => parseCurl('curl -H nocolon http://a/')).toThrow(/no colon/);
    expect(() => parseCurl('curl ftp://a/')).toThrow(/not HTTP/);
  });
  it('reads grpcurl', () => {
    const { request } = parseCurl(
      `grpcurl -plaintext -H 'version: two' -d '{}' grpc.example.com:80 example.Echo/EchoTwo`,
    );
    expect(request).toEqual({
      protocol: 'GRPC',
      host: 'grpc.example.com',
      port: 80,
      grpc: { service: 'example.Echo', method: 'EchoTwo' },
      headers: [['version', 'two']],
    });
  });
});

describe('toCurl', () => {
  it('writes a curl command that parses back to the same request', () => {
    const reqs = [
      {
        protocol: 'HTTP' as const,
        host: 'foo.example.com',
        path: '/bar',
        headers: [['version', '2']] as [string, string][],
      },
      {
        protocol: 'HTTPS' as const,
        scheme: 'https' as const,
        port: 8443,
        method: 'PUT',
        host: 'api.example.com',
        path: "/it's?x=1",
        headers: [['X-A', 'a b']] as [string, string][],
      },
      {
        protocol: 'HTTPS' as const,
        scheme: 'https' as const,
        host: 'second-example.org',
        sni: 'example.org',
        httpVersion: '2' as const,
        path: '/',
      },
    ];
    for (const r of reqs) expect(parseCurl(toCurl(r)).request).toEqual(r);
    expect(toCurl(reqs[0]!)).toBe("curl -H 'version: 2' http://foo.example.com/bar");
  });
  it('writes grpcurl for gRPC and hints for L4', () => {
    const g = { protocol: 'GRPC' as const, host: 'grpc.example.com', port: 80, grpc: { service: 'a.B', method: 'C' } };
    expect(toCurl(g)).toBe('grpcurl -plaintext grpc.example.com:80 a.B/C');
    expect(parseCurl(toCurl(g)).request).toEqual(g);
    expect(toCurl({ protocol: 'TCP', port: 5432 })).toBe('nc <gateway> 5432');
  });
});
