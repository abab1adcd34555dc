// Upstream's own CEL/OpenAPI admission tests (tests/cel/*_test.go at v1.6.1), as extracted into
// ../shared/conformance/validation-cases.json: every case, for every channel it names. Expected error
// strings must appear ("more" may also match "longer", as upstream's celErrorStringMatches allows);
// accepted objects must get no errors.
import { describe, expect, it } from 'vitest';
import { hasConformance, readConformanceJson, SKIP_MESSAGE } from '../../conformance/shared.ts';
import type { Channel } from '../types.ts';
import { fieldErrorMessage, validateObject, validateStatus } from './index.ts';

interface Case {
  id: string;
  channel: 'both' | Channel;
  operation: 'create' | 'update' | 'updateStatus';
  object: Record<string, unknown>;
  oldObject?: Record<string, unknown>;
  wantErrors: string[];
  accept: boolean;
}

function run(c: Case, ch: Channel): string | null {
  let old: Record<string, unknown> | undefined;
  if (c.operation !== 'create' && c.oldObject) {
    const pre = validateObject(c.oldObject, ch);
    if (pre.errors.length) return `oldObject rejected: ${pre.errors.map(fieldErrorMessage).join('; ')}`;
    old = pre.obj;
  }
  let errors: string[];
  if (c.operation === 'updateStatus') {
    // The status subresource validates only status; paths are relative to status (VALIDATION.md).
    const res = validateStatus(c.object, ch);
    if (!res.modelled) return 'status not modelled';
    errors = res.errors.map(fieldErrorMessage);
  } else {
    const res = validateObject(c.object, ch, old);
    if (!res.modelled) return 'kind not modelled';
    errors = res.errors.map(fieldErrorMessage);
  }
  const text = errors.join('\n');
  if (c.accept) return errors.length ? `expected acceptance, got: ${text}` : null;
  if (!errors.length) return `expected rejection with ${JSON.stringify(c.wantErrors)}, got none`;
  for (const w of c.wantErrors) {
    if (!text.includes(w) && !text.includes(w.replaceAll('more', 'longer')))
      return `missing ${JSON.stringify(w)}; got: ${text}`;
  }
  return null;
}

describe.skipIf(!hasConformance)('upstream validation cases (tests/cel, v1.6.1)', () => {
  if (!hasConformance) return;
  const data = readConformanceJson<{ cases: Case[] }>('validation-cases.json');
  for (const ch of ['standard', 'experimental'] as Channel[]) {
    it(`${ch}: every case passes`, () => {
      const cases = data.cases.filter((c) => c.channel === 'both' || c.channel === ch);
      const failures: string[] = [];
      for (const c of cases) {
        const f = run(c, ch);
        if (f) failures.push(`${c.id}: ${f}`);
      }
      console.log(`validation cases [${ch}]: ${cases.length - failures.length}/${cases.length} passed`);
      expect(failures).toEqual([]);
    });
  }
});

if (!hasConformance) describe('upstream validation cases', () => it.skip(SKIP_MESSAGE, () => {}));
