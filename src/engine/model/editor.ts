// The JSON Schema for the editor (monaco-yaml): one `if`/`then` branch per apiVersion + kind, so that
// completion and errors are exact per document. Derived from the model; `x-` keywords are dropped and
// objects are closed (additionalProperties: false) so that typos are flagged as you type.

import type { Channel } from '../types.ts';
import { schemaFor, servedModels } from './index.ts';
import { EXP } from './schema.ts';
import { STATUS } from './status.ts';

type J = Record<string, unknown>;

function clean(s: unknown, ch: Channel): unknown {
  if (Array.isArray(s)) return s.map((x) => clean(x, ch));
  if (s === null || typeof s !== 'object') return s;
  const o = s as J;
  const out: J = {};
  for (const [k, v] of Object.entries(o)) {
    if (k.startsWith('x-') || typeof v === 'function') continue;
    if (k === 'properties') {
      const props: J = {};
      for (const [pk, pv] of Object.entries(v as J)) {
        if (ch === 'standard' && (pv as J)[EXP]) continue;
        // status is written by controllers: accepted as-is, not completed (keeps the schema small).
        props[pk] = (pv as J)[STATUS] ? { description: (pv as J).description } : clean(pv, ch);
      }
      out.properties = props;
      continue;
    }
    if (k === 'required' && Array.isArray(v)) {
      out.required = v;
      continue;
    }
    out[k] = clean(v, ch);
  }
  if (o['x-kubernetes-int-or-string']) out.type = ['integer', 'string'];
  if (
    o.type === 'object' &&
    o.properties &&
    o.additionalProperties === undefined &&
    !o['x-kubernetes-preserve-unknown-fields']
  )
    out.additionalProperties = false;
  return out;
}

const memo = new Map<Channel, J>();

export function editorJsonSchema(channel: Channel = 'standard'): J {
  const hit = memo.get(channel);
  if (hit) return hit;
  const branches = servedModels(channel).map((m) => {
    const schema = schemaFor(m.group, m.kind, m.version, channel);
    return {
      if: {
        properties: { apiVersion: { const: m.apiVersion }, kind: { const: m.kind } },
        required: ['apiVersion', 'kind'],
      },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema keyword
      then: clean(schema, channel),
    };
  });
  const kinds = [...new Set(servedModels(channel).map((m) => m.kind))];
  const apiVersions = [...new Set(servedModels(channel).map((m) => m.apiVersion))];
  const out: J = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Gateway API v1.6.1 (${channel} channel) and core kinds`,
    type: 'object',
    properties: {
      apiVersion: { type: 'string', examples: apiVersions },
      kind: { type: 'string', examples: kinds },
    },
    required: ['apiVersion', 'kind'],
    allOf: branches,
  };
  memo.set(channel, out);
  return out;
}
