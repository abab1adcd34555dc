// Pasted credentials (issue "Hardening"): a manifest pasted from a cluster may carry a Secret with real
// key material, and share links, saved scenarios and exports carry the manifests verbatim.
//
//   secret-data   a Secret whose `data` / `stringData` holds values that look real (not placeholders).
//
// The simulator only needs the Secret to exist with its keys; `redactSecrets` (manifest/redact.ts)
// strips the values from the text.

import { type Resource, refOf } from '../manifest/index.ts';
import type { Diagnostic } from '../types.ts';

type O = Record<string, unknown>;
const isObj = (v: unknown): v is O => v !== null && typeof v === 'object' && !Array.isArray(v);

export const SECRET_DATA_CODE = 'secret-data';

/** Placeholders people (and our own fixes and redaction) write instead of key material. */
const PLACEHOLDER =
  /REPLACE[-_ ]?ME|REDACTED|CHANGE[-_ ]?ME|PLACEHOLDER|EXAMPLE|DUMMY|FAKE|NOT[-_ ]?A[-_ ]?REAL|<[^>]*>|\$\{[^}]*\}/i;

function decodeBase64(s: string): string | undefined {
  const t = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 === 1) return undefined;
  try {
    return typeof atob === 'function' ? atob(t) : undefined;
  } catch {
    return undefined;
  }
}

/** True when a (decoded) Secret value looks like a real credential rather than a placeholder. */
export function looksReal(value: string): boolean {
  const v = value.trim();
  if (v === '' || PLACEHOLDER.test(v)) return false;
  const pem = /-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END [A-Z0-9 ]+-----/.exec(v);
  if (pem) {
    // A PEM block counts when its body holds key material (a real key or certificate is hundreds of
    // base64 characters; fixtures write a word).
    const body = (pem[1] ?? '').replace(/\s+/g, '');
    return body.length >= 64;
  }
  if (v.length < 4) return false;
  if (/^(.)\1*$/.test(v)) return false; // xxxx, ****
  return true;
}

/** The keys of one `data` (base64) or `stringData` (plain) map whose values look real. */
function realKeys(map: unknown, base64: boolean): string[] {
  if (!isObj(map)) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(map)) {
    if (typeof v !== 'string') continue;
    const text = base64 ? (decodeBase64(v) ?? v) : v;
    if (looksReal(text)) out.push(k);
  }
  return out;
}

/** Warnings for Secrets that carry real-looking data (valid or not: credentials are credentials). */
export function lintSecrets(resources: Resource[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of resources) {
    if (r.group !== '' || r.kind !== 'Secret') continue;
    const raw = r.raw;
    for (const field of ['data', 'stringData'] as const) {
      const keys = realKeys(raw[field], field === 'data');
      if (keys.length === 0) continue;
      const shown = keys.slice(0, 5).join(', ') + (keys.length > 5 ? `, and ${keys.length - 5} more` : '');
      out.push({
        severity: 'warning',
        code: SECRET_DATA_CODE,
        message: `Secret ${r.namespace ? `${r.namespace}/` : ''}${r.name} has ${field} that looks like real credentials (${shown}). Share links, saved scenarios and exports carry the manifests as written: strip Secret data before sharing. The simulator only needs the Secret and its keys.`,
        resource: refOf(r),
        path: field,
        range: r.locate([field], true),
      });
    }
  }
  return out;
}
