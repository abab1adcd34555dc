import { describe, expect, it } from 'vitest';
import { caseFeatures, caseOptions, caseSkipReason, caseSteps, findCase, loadCases } from './cases.ts';
import { hasConformance, SKIP_MESSAGE } from './shared.ts';

describe.skipIf(!hasConformance)('conformance loader', () => {
  it('loads tests', () => {
    expect(loadCases().tests.length).toBeGreaterThan(100);
  });
  it('substitutes placeholders and adds programmatic resources', () => {
    const t = findCase('HTTPRouteSimpleSameNamespace')!;
    const [s0] = caseSteps(t);
    const text = s0!.files.map((f) => f.text).join('\n');
    expect(text).not.toContain('{GATEWAY_CLASS_NAME}');
    expect(text).toContain('gatewayClassName: gateway-conformance');
    expect(s0!.files.at(-1)!.name).toBe('programmatic.yaml');
    expect(s0!.files.at(-1)!.text).toContain('tls-validity-checks-certificate');
  });
  it('applies step mutations cumulatively', () => {
    const t = findCase('GatewayModifyListeners')!;
    const steps = caseSteps(t);
    expect(steps.length).toBe(1 + (t.steps?.length ?? 0));
    const last = steps
      .at(-1)!
      .files.map((f) => f.text)
      .join('\n');
    expect(last).toContain('data.test.com');
  });
  it('resolves prose placeholders and escaped patch paths (BackendTLSPolicy reconcile steps)', () => {
    const t = findCase('BackendTLSPolicy')!;
    const steps = caseSteps(t);
    const text = (i: number) => steps[i]!.files.map((f) => f.text).join('\n');
    expect(text(2)).toContain('tls-checks-ca-certificate-reconcile-test');
    expect(text(2)).not.toContain('<copy of');
    expect(text(2)).toMatch(/ca\.crt: \|[\s\S]*BEGIN CERTIFICATE/);
    expect(text(3)).toMatch(/ca\.crt: ""/);
    expect(text(4)).not.toContain('<original CA>');
  });
  it('the suite GatewayClass comes first and is the controller the options name', () => {
    const t = findCase('HTTPRouteSimpleSameNamespace')!;
    const [s0] = caseSteps(t);
    expect(s0!.files[0]!.name).toBe('suite.yaml');
    expect(s0!.files[0]!.text).toContain(`controllerName: ${caseOptions(t).controllerName}`);
  });
  it('honours skipIfFeatures and onlyIfFeatures', () => {
    const t = findCase('TLSRouteListenerTerminateNotSupported')!;
    expect(caseFeatures(t)).not.toContain('TLSRouteModeTerminate');
    expect(caseSkipReason(t, [...t.features, 'TLSRouteModeTerminate'])).toMatch(/skipIfFeatures/);
    const u = findCase('UDPRouteNotAllowedByListeners')!;
    expect(caseOptions(u).features).toContain('TLSRoute');
    expect(caseSkipReason(u, u.features)).toMatch(/onlyIfFeatures/);
  });
});
describe.skipIf(hasConformance)('conformance loader (no data)', () => {
  it.skip(SKIP_MESSAGE, () => {});
});
