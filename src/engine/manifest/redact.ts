// Strip Secret data from manifest TEXT before sharing (issue "Hardening": share links carry everything).
//
// Pure: text in, text out. Only the values under `data` and `stringData` of Secrets (also inside
// `kind: List`) change; every other byte — comments, order, quoting, line endings, other documents —
// stays as written. Keys stay, so the simulator still sees a Secret with `tls.crt` and `tls.key`;
// those (and `ca.crt`) get a placeholder PEM block so that the controller's certificate checks still
// pass, every other value becomes "".

import { isMap, isPair, isScalar, isSeq, type Node, parseAllDocuments, type YAMLMap } from 'yaml';

export interface RedactResult {
  text: string;
  /** Secrets whose data was stripped. */
  secrets: number;
  /** Values replaced. */
  values: number;
}

const PEM: Record<string, string> = {
  'tls.crt': '-----BEGIN CERTIFICATE-----\nREDACTED\n-----END CERTIFICATE-----\n',
  'ca.crt': '-----BEGIN CERTIFICATE-----\nREDACTED\n-----END CERTIFICATE-----\n',
  'tls.key': '-----BEGIN PRIVATE KEY-----\nREDACTED\n-----END PRIVATE KEY-----\n',
};

function base64(s: string): string {
  // The placeholders are ASCII, so btoa suffices; Buffer is the fallback outside browsers.
  if (typeof btoa === 'function') return btoa(s);
  return (globalThis as { Buffer?: { from(s: string): { toString(e: string): string } } }).Buffer?.from(s).toString(
    'base64',
  ) as string;
}

/** The replacement text of one value: a placeholder PEM for the TLS keys, else an empty string. */
function replacement(key: string, field: 'data' | 'stringData'): string {
  const pem = PEM[key];
  if (!pem) return '""';
  return field === 'data' ? base64(pem) : JSON.stringify(pem);
}

function scalarValue(map: YAMLMap, key: string): unknown {
  for (const p of map.items)
    if (isPair(p) && isScalar(p.key) && p.key.value === key && isScalar(p.value)) return p.value.value;
  return undefined;
}

function mapValue(map: YAMLMap, key: string): Node | undefined {
  for (const p of map.items)
    if (isPair(p) && isScalar(p.key) && p.key.value === key) return (p.value as Node) ?? undefined;
  return undefined;
}

type Edit = { start: number; end: number; text: string };

function secretEdits(src: string, map: YAMLMap, edits: Edit[]): number {
  let values = 0;
  for (const field of ['data', 'stringData'] as const) {
    const m = mapValue(map, field);
    if (!isMap(m)) continue;
    for (const p of m.items) {
      if (!isPair(p) || !isScalar(p.key) || !isScalar(p.value)) continue;
      const v = p.value;
      if (v.value === null || v.value === '' || !v.range) continue;
      const key = String(p.key.value);
      const text = replacement(key, field);
      if (typeof v.value === 'string' && (v.value === PEM[key] || v.value === base64(PEM[key] ?? ''))) continue;
      // A block scalar's range runs past its last line break: keep the line breaks that end it.
      let end = v.range[1];
      while (end > v.range[0] && ' \t\r\n'.includes(src.charAt(end - 1))) end--;
      edits.push({ start: v.range[0], end, text });
      values++;
    }
  }
  return values;
}

function isSecret(map: YAMLMap): boolean {
  return scalarValue(map, 'kind') === 'Secret' && scalarValue(map, 'apiVersion') === 'v1';
}

/** Replaces the values of every Secret's `data` and `stringData` in `text`. Never throws. */
export function redactSecrets(text: string): RedactResult {
  const edits: Edit[] = [];
  let secrets = 0;
  let values = 0;
  try {
    const docs = parseAllDocuments(text, { uniqueKeys: false, keepSourceTokens: false });
    if (!Array.isArray(docs)) return { text, secrets: 0, values: 0 };
    for (const doc of docs) {
      const root = doc.contents;
      if (!isMap(root)) continue;
      const candidates: YAMLMap[] = [root];
      const items = mapValue(root, 'items');
      if (typeof scalarValue(root, 'kind') === 'string' && isSeq(items))
        for (const it of items.items) if (isMap(it)) candidates.push(it);
      for (const m of candidates) {
        if (!isSecret(m)) continue;
        const n = secretEdits(text, m, edits);
        if (n > 0) {
          secrets++;
          values += n;
        }
      }
    }
  } catch {
    return { text, secrets: 0, values: 0 };
  }
  if (edits.length === 0) return { text, secrets: 0, values: 0 };
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of edits) {
    if (e.start < at) continue; // overlapping (aliases): keep the first
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  out += text.slice(at);
  return { text: out, secrets, values };
}
