import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

const dir = mkdtempSync(join(tmpdir(), 'gwsim-cli-'));
const good = join(dir, 'good.yaml');
writeFileSync(good, 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}]}\n');
const bad = join(dir, 'bad.yaml');
writeFileSync(bad, 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\nfoo: [\n');

describe('gateway-sim CLI', () => {
  it('prints usage and exits 2 without a command', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('gateway-sim check');
  });

  it('--version prints the engine version', async () => {
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('unknown commands and flags are usage errors (exit 2), without stack traces', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    const r = await run(['check', good, '--no-such-flag']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown option '--no-such-flag'/);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('check exits 0 on clean input and 1 on errors, printing file:line:col', async () => {
    expect((await run(['check', good])).code).toBe(0);
    const r = await run(['check', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6:1: error: `, 'm'));
  });

  it('check --json prints diagnostics and status', async () => {
    const r = await run(['check', bad, '--json']);
    const json = JSON.parse(r.out);
    expect(Array.isArray(json.diagnostics)).toBe(true);
    expect(Array.isArray(json.status)).toBe(true);
    expect(json.diagnostics[0]).toMatchObject({ severity: 'error', line: 6, column: 1, file: bad });
  });

  it('unreadable input exits 2 with a message', async () => {
    const r = await run(['check', join(dir, 'missing.yaml')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot read: no such file');
  });

  it('validates option values', async () => {
    const r = await run(['check', good, '--channel', 'beta']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--channel must be "standard" or "experimental"');
    const d = await run(['check', good, '--decision', 'hostnamePrecedence=weird']);
    expect(d.code).toBe(2);
  });
});
