// Pasted credentials (issue "Hardening"): the engine warns about Secrets with real-looking data
// (stable code `secret-data`), and redactSecrets strips them from the text, byte-identical elsewhere,
// so that the simulator still sees each Secret with its keys.

import { describe, expect, it } from 'vitest';
import { analyze, simulate } from '../engine/index.ts';
import { redactSecrets } from '../engine/manifest/redact.ts';
import { decodeScenario, encodeScenario, makeScenario } from '../engine/share/index.ts';
import { looksReal, SECRET_DATA_CODE } from '../engine/validate/index.ts';
import { at, GW } from './fixtures.ts';

const b64 = (s: string) => btoa(s);
// A plausible certificate body: 600 characters of base64 (the length of a small real one).
const BODY = Array.from(
  { length: 10 },
  (_, i) => `MIIC${'A'.repeat(4)}${(i * 7919).toString(36).padEnd(52, 'q')}`,
).join('\n');
const REAL_CRT = `-----BEGIN CERTIFICATE-----\n${BODY}\n-----END CERTIFICATE-----\n`;
const REAL_KEY = `-----BEGIN PRIVATE KEY-----\n${BODY}\n-----END PRIVATE KEY-----\n`;

const secret = (data: string, extra = '') =>
  `apiVersion: v1\nkind: Secret\nmetadata: {name: cert, namespace: default}\ntype: kubernetes.io/tls\n${data}${extra}`;

const httpsGateway = `apiVersion: ${GW}
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
---
apiVersion: ${GW}
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: gc
  listeners:
  - name: https
    protocol: HTTPS
    port: 443
    tls: {mode: Terminate, certificateRefs: [{name: cert}]}
`;

describe('looksReal', () => {
  it('tells key material from placeholders', () => {
    expect(looksReal(REAL_CRT)).toBe(true);
    expect(looksReal('hunter2')).toBe(true);
    expect(looksReal('s3cr3t-t0ken-value')).toBe(true);
    for (const p of [
      '',
      'xxx',
      '****',
      'foo',
      'REPLACE-ME',
      'changeme',
      '<your token>',
      `\${TOKEN}`,
      '-----BEGIN CERTIFICATE-----\nEXAMPLE-ONLY\n-----END CERTIFICATE-----\n',
      '-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n',
      '-----BEGIN CERTIFICATE-----\nREDACTED\n-----END CERTIFICATE-----\n',
    ])
      expect(looksReal(p), p).toBe(false);
  });
});

describe('secret-data lint', () => {
  it('warns on data (base64) and stringData, at the field key, once per field', () => {
    const text = secret(
      `data:\n  tls.crt: ${b64(REAL_CRT)}\n  tls.key: ${b64(REAL_KEY)}\n`,
      'stringData:\n  password: hunter2\n',
    );
    const a = analyze(text);
    const ws = a.diagnostics.filter((d) => d.code === SECRET_DATA_CODE);
    expect(ws.map((d) => [d.severity, d.path, at(text, d)])).toEqual([
      ['warning', 'data', 'data'],
      ['warning', 'stringData', 'stringData'],
    ]);
    expect(ws[0]?.message).toMatch(/tls\.crt, tls\.key/);
    expect(ws[0]?.message).toMatch(/share links/i);
  });

  it('no warning for placeholders: the examples, the controller fix, redacted text, empty values', () => {
    for (const data of [
      `data:\n  tls.crt: ${b64('-----BEGIN CERTIFICATE-----\nEXAMPLE-ONLY\n-----END CERTIFICATE-----\n')}\n  tls.key: ${b64('-----BEGIN PRIVATE KEY-----\nREPLACE-ME\n-----END PRIVATE KEY-----\n')}\n`,
      'data: {tls.crt: "", tls.key: ""}\n',
      'data: {tls.crt: Zm9v, tls.key: YmFy}\n',
      'stringData: {password: changeme}\n',
      'data: {}\n',
      '',
    ])
      expect(
        analyze(secret(data)).diagnostics.filter((d) => d.code === SECRET_DATA_CODE),
        data,
      ).toEqual([]);
  });

  it('warns inside kind: List and for Secrets the API server would reject', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: s}\n  stringData: {token: abcdef123456}\n`;
    expect(analyze(list).diagnostics.some((d) => d.code === SECRET_DATA_CODE)).toBe(true);
    const invalid = `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nbogus: 1\nstringData: {token: abcdef123456}\n`;
    expect(analyze(invalid).diagnostics.some((d) => d.code === SECRET_DATA_CODE)).toBe(true);
  });
});

describe('redactSecrets', () => {
  const real = `# my cluster dump\n${httpsGateway}---\n${secret(
    `data:\n  tls.crt: |\n    ${b64(REAL_CRT)}\n  tls.key: ${b64(REAL_KEY)} # the key\n  extra: 'c2VjcmV0'\n`,
    `stringData:\n  password: "hunter2"\n`,
  )}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: keep}\ndata: {password: not-a-secret}\n`;

  it('strips data and stringData values, keeps keys, comments and every other byte', () => {
    const r = redactSecrets(real);
    expect(r.secrets).toBe(1);
    expect(r.values).toBe(4);
    expect(r.text).not.toContain(b64(REAL_CRT));
    expect(r.text).not.toContain(b64(REAL_KEY));
    expect(r.text).not.toContain('hunter2');
    expect(r.text).not.toContain('c2VjcmV0');
    // everything before the Secret's data and after it is unchanged
    expect(r.text.startsWith(real.slice(0, real.indexOf('data:\n  tls.crt')))).toBe(true);
    expect(r.text.endsWith(real.slice(real.indexOf('---\napiVersion: v1\nkind: ConfigMap')))).toBe(true);
    expect(r.text).toContain('# the key\n');
    expect(r.text).toContain('  extra: ""\n');
    expect(r.text).toContain('  password: ""\n');
    // idempotent
    expect(redactSecrets(r.text).text).toBe(r.text);
  });

  it('the redacted scenario analyses the same: the certificate checks still pass, no secret-data warning', () => {
    const before = analyze(real);
    const after = analyze(redactSecrets(real).text);
    expect(before.diagnostics.some((d) => d.code === SECRET_DATA_CODE)).toBe(true);
    expect(after.diagnostics.some((d) => d.code === SECRET_DATA_CODE)).toBe(false);
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(JSON.stringify(after.status)).toBe(JSON.stringify(before.status));
    const req = { protocol: 'HTTPS' as const, host: 'a.example.com' };
    expect(simulate(after, req).outcome).toEqual(simulate(before, req).outcome);
  });

  it('keeps CRLF, BOM, flow maps and JSON input', () => {
    const crlf = `\uFEFF${secret(`data: {tls.crt: ${b64(REAL_CRT)}, tls.key: ${b64(REAL_KEY)}}\n`).replace(/\n/g, '\r\n')}`;
    const r = redactSecrets(crlf);
    expect(r.values).toBe(2);
    expect(r.text.startsWith('\uFEFFapiVersion: v1\r\n')).toBe(true);
    expect(r.text.split('\r\n').length).toBe(crlf.split('\r\n').length);
    const json = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      stringData: { token: 'abcdef123456' },
    });
    const j = redactSecrets(json);
    expect(JSON.parse(j.text)).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      stringData: { token: '' },
    });
  });

  it('leaves text without Secrets (or broken YAML) untouched, and never throws', () => {
    for (const t of ['', 'a: [', '\u0000\u0001', `${'['.repeat(5000)}`, 'kind: Secret\ndata: *x\n', httpsGateway])
      expect(redactSecrets(t).text).toBe(t);
  });

  it('share links made from redacted text carry no credentials', () => {
    const link = encodeScenario(makeScenario({ manifests: redactSecrets(real).text }));
    const back = decodeScenario(link);
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.scenario.manifests).not.toContain('hunter2');
      expect(back.scenario.manifests).not.toContain(b64(REAL_KEY));
    }
  });
});
