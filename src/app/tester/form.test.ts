import { describe, expect, it } from 'vitest';
import { describeRequest, emptyForm, formToRequest, headerRow, requestToForm, sameRequest } from './form.ts';

describe('form ⇄ request', () => {
  it('keeps only the fields of the chosen protocol', () => {
    const f = {
      ...emptyForm(),
      host: 'a.example.com',
      path: '/x',
      grpcService: 's',
      sni: 'z',
      headers: [headerRow('v', '2')],
    };
    expect(formToRequest(f)).toEqual({ protocol: 'HTTP', host: 'a.example.com', path: '/x', headers: { v: '2' } });
    expect(formToRequest({ ...f, protocol: 'TCP', port: '5000' })).toEqual({ protocol: 'TCP', port: 5000 });
    expect(formToRequest({ ...f, protocol: 'TLS' })).toEqual({ protocol: 'TLS', sni: 'z' });
    expect(formToRequest({ ...f, protocol: 'GRPC', grpcMethod: 'M' })).toEqual({
      protocol: 'GRPC',
      host: 'a.example.com',
      grpc: { service: 's', method: 'M' },
      headers: { v: '2' },
    });
  });
  it('uses the list form for repeated headers and drops empty rows', () => {
    const f = { ...emptyForm(), headers: [headerRow('a', '1'), headerRow('A', '2'), headerRow('', 'x')] };
    expect(formToRequest(f).headers).toEqual([
      ['a', '1'],
      ['A', '2'],
    ]);
  });
  it('round-trips a saved request, including fields the form does not show', () => {
    const req = {
      gateway: 'default/gw',
      protocol: 'HTTPS' as const,
      scheme: 'https' as const,
      port: 8443,
      method: 'POST',
      host: 'h',
      path: '/p?q=1',
      sni: 'h2',
      httpVersion: '2' as const,
      headers: { x: 'y' },
      backendResponse: { status: 503 },
      authAllows: false,
    };
    expect(sameRequest(formToRequest(requestToForm(req)), req)).toBe(true);
  });
  it('infers the protocol from the scheme or gRPC fields', () => {
    expect(requestToForm({ scheme: 'https' }).protocol).toBe('HTTPS');
    expect(requestToForm({ grpc: { service: 'a', method: 'b' } }).protocol).toBe('GRPC');
    expect(requestToForm({ host: 'x' }).protocol).toBe('HTTP');
  });
  it('describes requests in one line', () => {
    expect(describeRequest({ host: 'foo.example.com', path: '/bar' })).toBe('GET foo.example.com/bar');
    expect(describeRequest({ protocol: 'TCP', port: 5000, gateway: 'ns/gw' })).toBe('TCP port 5000 via ns/gw');
  });
});
