// Drift guard: walks every CRD in ../shared/conformance/crds/{standard,experimental} (v1.6.1) next to
// the model and fails on any field, type, enum value, default, limit, pattern, format, list type or CEL
// message that differs. This is how we know the model is complete.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { CONFORMANCE_DIR, hasConformance, readConformance, SKIP_MESSAGE } from '../../conformance/shared.ts';
import { kindInfo } from '../manifest/kinds.ts';
import type { Channel } from '../types.ts';
import { schemaFor } from './index.ts';
import { CEL, type CelRule, CHECK, EXP, EXP_PATTERN, EXP_VALUES } from './schema.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON schemas
type S = Record<string, any>;

const LIMITS = [
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'maxProperties',
  'minProperties',
];

function sameJson(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}
const sorted = (a: unknown[] | undefined) => [...(a ?? [])].map(String).sort();

/** Compares a CRD node with a model node; pushes findings. */
function compare(crd: S, model: S | undefined, path: string, ch: Channel, out: string[]) {
  if (!model) {
    out.push(`${path}: missing in the model`);
    return;
  }
  if (crd['x-kubernetes-int-or-string']) {
    if (!model['x-kubernetes-int-or-string']) out.push(`${path}: int-or-string expected`);
    return;
  }
  if (crd.type !== model.type && !(crd['x-kubernetes-preserve-unknown-fields'] && !model.type))
    out.push(`${path}: type ${crd.type} vs model ${model.type}`);
  for (const k of LIMITS) if (crd[k] !== model[k]) out.push(`${path}: ${k} ${crd[k]} vs model ${model[k]}`);
  if (crd.pattern !== model.pattern) out.push(`${path}: pattern ${crd.pattern} vs model ${model.pattern}`);
  if (crd.format !== model.format) out.push(`${path}: format ${crd.format} vs model ${model.format}`);
  if (!sameJson(crd.enum, model.enum))
    out.push(`${path}: enum ${JSON.stringify(crd.enum)} vs model ${JSON.stringify(model.enum)}`);
  if (!sameJson(crd.default, model.default))
    out.push(`${path}: default ${JSON.stringify(crd.default)} vs model ${JSON.stringify(model.default)}`);
  if (!sameJson(sorted(crd.required), sorted(model.required)))
    out.push(
      `${path}: required ${JSON.stringify(sorted(crd.required))} vs model ${JSON.stringify(sorted(model.required))}`,
    );
  for (const k of ['x-kubernetes-list-type', 'x-kubernetes-map-type'])
    if ((crd[k] ?? null) !== (model[k] ?? null)) out.push(`${path}: ${k} ${crd[k]} vs model ${model[k]}`);
  if (!sameJson(crd['x-kubernetes-list-map-keys'], model['x-kubernetes-list-map-keys']))
    out.push(`${path}: list-map-keys ${JSON.stringify(crd['x-kubernetes-list-map-keys'])} vs model`);
  const crdCel = sorted((crd['x-kubernetes-validations'] ?? []).map((v: S) => v.message));
  const modelCel = sorted(((model[CEL] ?? []) as CelRule[]).map((r) => r.message));
  if (!sameJson(crdCel, modelCel)) {
    for (const m of crdCel) if (!modelCel.includes(m)) out.push(`${path}: CEL rule missing: ${m}`);
    for (const m of modelCel) if (!crdCel.includes(m)) out.push(`${path}: CEL rule not in CRD: ${m}`);
  }
  if ((crd.oneOf || crd.anyOf) && !model[CHECK]) out.push(`${path}: oneOf/anyOf without a model check`);
  if (crd.properties) {
    const mp = (model.properties ?? {}) as S;
    for (const [k, v] of Object.entries(crd.properties as S)) {
      const m = mp[k] as S | undefined;
      if (m?.[EXP] && ch === 'experimental')
        out.push(`${path}.${k}: flagged Experimental-only in the experimental model`);
      if (m?.[EXP] && ch === 'standard') out.push(`${path}.${k}: in the Standard CRD but flagged Experimental-only`);
      compare(v as S, m, `${path}.${k}`, ch, out);
    }
    for (const [k, m] of Object.entries(mp)) {
      if (k in crd.properties) continue;
      if (ch === 'standard' && (m as S)[EXP]) continue;
      out.push(`${path}.${k}: in the model but not in the CRD`);
    }
  } else if (
    model.properties &&
    !crd['x-kubernetes-preserve-unknown-fields'] &&
    crd.type === 'object' &&
    !crd.additionalProperties
  ) {
    out.push(`${path}: model has properties, CRD has none`);
  }
  if (crd.items) compare(crd.items as S, model.items as S, `${path}[]`, ch, out);
  if (crd.additionalProperties && typeof crd.additionalProperties === 'object')
    compare(crd.additionalProperties as S, model.additionalProperties as S, `${path}{}`, ch, out);
  // Experimental-only extras in the Standard model must really be absent from the Standard CRD.
  if (ch === 'standard' && model[EXP_PATTERN] && crd.pattern) out.push(`${path}: EXP pattern present in Standard CRD`);
  if (ch === 'standard' && model[EXP_VALUES])
    for (const v of model[EXP_VALUES] as string[])
      if (crd.enum?.includes(v)) out.push(`${path}: EXP value ${v} in Standard CRD`);
}

describe.skipIf(!hasConformance)('drift guard: model vs CRDs (v1.6.1)', () => {
  if (!hasConformance) return;
  for (const ch of ['standard', 'experimental'] as Channel[]) {
    it(`${ch} CRDs`, () => {
      const dir = join(CONFORMANCE_DIR, 'crds', ch);
      const findings: string[] = [];
      let versions = 0;
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
        for (const doc of parseAllDocuments(readConformance(join('crds', ch, f)))) {
          const crd = doc.toJSON() as S;
          if (crd?.kind !== 'CustomResourceDefinition') continue;
          const group = crd.spec.group as string;
          const kind = crd.spec.names.kind as string;
          for (const v of crd.spec.versions as S[]) {
            versions++;
            // The served-versions registry (manifest/kinds.ts) must agree with the CRD's `served` flag.
            const info = kindInfo(group, kind);
            const servedHere = info?.served[ch].includes(v.name) ?? false;
            if (servedHere !== (v.served === true))
              findings.push(`${ch} ${kind} ${v.name}: served ${v.served} in the CRD but ${servedHere} in kinds.ts`);
            const model = schemaFor(group, kind, v.name, ch) as S | undefined;
            const root = v.schema.openAPIV3Schema as S;
            const where = `${ch} ${kind} ${v.name}`;
            if (!model) {
              findings.push(`${where}: no model`);
              continue;
            }
            if (!sameJson(sorted(root.required), sorted(model.required)))
              findings.push(
                `${where}: root required ${JSON.stringify(root.required)} vs ${JSON.stringify(model.required)}`,
              );
            for (const part of ['spec', 'status']) {
              if (!root.properties[part]) continue;
              compare(root.properties[part], model.properties[part], `${where} ${part}`, ch, findings);
            }
          }
        }
      }
      console.log(`drift guard [${ch}]: ${versions} CRD versions checked, ${findings.length} findings`);
      expect(findings).toEqual([]);
    });
  }
});

if (!hasConformance) describe('drift guard', () => it.skip(SKIP_MESSAGE, () => {}));
