// Every manifest the upstream conformance suite applies (../shared/conformance/manifests, v1.6.1) must
// validate under the Experimental channel with no errors, once its placeholders are substituted as the
// suite does: {GATEWAY_CLASS_NAME}, {GATEWAY_CONTROLLER_NAME}, and the PLACEHOLDER_*_ADDRS addresses
// (the suite replaces them with the usable / unusable addresses given on its command line; we use
// documentation IPs, RFC 5737).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFORMANCE_DIR, hasConformance, readConformance, SKIP_MESSAGE } from '../../conformance/shared.ts';
import { loadManifests } from '../manifest/index.ts';
import { resolveOptions } from '../options.ts';
import { validateResources } from './index.ts';

function substitute(text: string): string {
  return text
    .replaceAll('{GATEWAY_CLASS_NAME}', 'gateway-conformance')
    .replaceAll('{GATEWAY_CONTROLLER_NAME}', 'gateway-sim.dev/controller')
    .replaceAll('PLACEHOLDER_USABLE_ADDRS', '192.0.2.10')
    .replaceAll('PLACEHOLDER_UNUSABLE_ADDRS', '198.51.100.10');
}

describe.skipIf(!hasConformance)('conformance manifests validate (Experimental)', () => {
  if (!hasConformance) return;
  it('every manifest validates with no errors', () => {
    const files = [
      'base/manifests.yaml',
      ...readdirSync(join(CONFORMANCE_DIR, 'manifests', 'tests'))
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => `tests/${f}`),
    ];
    const opts = resolveOptions({ channel: 'experimental', maxInputBytes: 64 * 1024 * 1024 });
    const failures: string[] = [];
    let objects = 0;
    for (const f of files) {
      const text = substitute(readConformance(join('manifests', f)));
      const loaded = loadManifests([{ name: f, text }], opts);
      const diags = [...loaded.diagnostics, ...validateResources(loaded.resources, opts)].filter(
        (d) => d.severity === 'error',
      );
      objects += loaded.resources.length;
      if (diags.length) failures.push(`${f}: ${diags.map((d) => `[${d.code}] ${d.message}`).join(' | ')}`);
      for (const r of loaded.resources) if (!r.valid) failures.push(`${f}: ${r.kind} ${r.name} marked invalid`);
    }
    console.log(
      `conformance manifests [experimental]: ${files.length - new Set(failures.map((x) => x.split(':')[0])).size}/${files.length} files with no errors (${objects} objects)`,
    );
    expect(failures).toEqual([]);
  });
});

if (!hasConformance) describe('conformance manifests', () => it.skip(SKIP_MESSAGE, () => {}));
