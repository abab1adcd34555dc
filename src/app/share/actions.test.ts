import { describe, expect, it } from 'vitest';
import { hasSecretData } from './actions.ts';

describe('hasSecretData', () => {
  it('finds a Secret with data in block, flow and JSON style', () => {
    expect(hasSecretData('apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\ndata:\n  k: dg==\n')).toBe(true);
    expect(hasSecretData('- kind: "Secret"\n  stringData:\n    p: x\n')).toBe(true);
    expect(hasSecretData('{apiVersion: v1, kind: Secret, metadata: {name: a}, data: {k: dg==}}')).toBe(true);
    expect(hasSecretData('{"apiVersion":"v1","kind": "Secret","data":{"k":"dg=="}}')).toBe(true);
  });
  it('ignores other kinds and Secrets without data', () => {
    expect(hasSecretData('kind: SecretStore\ndata:\n  k: v\n')).toBe(false);
    expect(hasSecretData('kind: Secrets\ndata: {}\n')).toBe(false);
    expect(hasSecretData('kind: Secret\nmetadata: {name: a}\ntype: Opaque\n')).toBe(false);
    expect(hasSecretData('kind: ConfigMap\ndata:\n  k: v\n')).toBe(false);
  });
});
