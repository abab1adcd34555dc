// What the API server enforces (schema + CEL, upstream messages verbatim), channel checks and lints.
// validateResources() sets each modelled resource's `obj` to its defaulted deep copy and `valid` to
// false when the API server (with kubectl's strict field validation) would reject it.

import { type Resource, refOf } from '../manifest/index.ts';
import { splitApiVersion } from '../manifest/kinds.ts';
import { schemaFor } from '../model/index.ts';
import type { ResolvedOptions } from '../options.ts';
import type { Channel, Diagnostic } from '../types.ts';
import { applyCoreDefaults, coreErrors, metadataErrors } from './core.ts';
import { lintResources } from './lints.ts';
import { lintSecrets } from './secrets.ts';
import { type FieldError, fmtPath, type WalkContext, walk } from './walk.ts';

export { METADATA_NAME_LABEL, regexPortabilityIssue } from './lints.ts';
export { looksReal, SECRET_DATA_CODE } from './secrets.ts';
export type { FieldError } from './walk.ts';
export { fmtPath } from './walk.ts';

export interface ObjectValidation {
  /** False when the kind/version is not modelled (opaque) in this channel. */
  modelled: boolean;
  /** The defaulted deep copy (the input when not modelled). */
  obj: Record<string, unknown>;
  errors: FieldError[];
}

/**
 * Validates one object as the API server would on create (or update, with `old`): defaults, OpenAPI
 * constraints, CEL rules and strict unknown-field checks.
 */
export function validateObject(
  obj: Record<string, unknown>,
  channel: Channel,
  old?: Record<string, unknown>,
): ObjectValidation {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const { group, version } = splitApiVersion(apiVersion);
  const schema = schemaFor(group, kind, version, channel);
  if (!schema) return { modelled: false, obj, errors: [] };
  const ctx: WalkContext = { channel, path: [], errors: [], ...(old ? { old } : {}) };
  const out = walk(schema as Record<string, unknown>, obj, ctx) as Record<string, unknown>;
  const errors = ctx.errors;
  errors.push(...metadataErrors(kind, group, obj));
  if (group === '') {
    errors.push(...coreErrors(kind, out));
    applyCoreDefaults(kind, out);
  }
  return { modelled: true, obj: out, errors };
}

/**
 * A status-subresource update: only `status` is validated (and defaulted); paths are relative to
 * status, as the API server reports them.
 */
export function validateStatus(obj: Record<string, unknown>, channel: Channel): ObjectValidation {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const { group, version } = splitApiVersion(apiVersion);
  const schema = schemaFor(group, kind, version, channel) as { properties?: Record<string, unknown> } | undefined;
  const st = schema?.properties?.status as Record<string, unknown> | undefined;
  if (!st) return { modelled: false, obj, errors: [] };
  const ctx: WalkContext = { channel, path: [], errors: [] };
  const status = walk(st, obj.status ?? {}, ctx);
  return { modelled: true, obj: { ...obj, status }, errors: ctx.errors };
}

/** `<path>: <detail>`, as kubectl prints a field error. */
export function fieldErrorMessage(e: FieldError): string {
  // kubectl's strict decoding errors carry the path inside the text: `unknown field "spec.x"`.
  if (e.message) return e.message;
  if (e.detail.startsWith('unknown field "')) return e.detail;
  const p = fmtPath(e.path);
  return p ? `${p}: ${e.detail}` : e.detail;
}

export function validateResources(resources: Resource[], opts: ResolvedOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const r of resources) {
    if (!r.info) {
      // Opaque kinds are never validated.
      r.obj = r.raw;
      r.valid = true;
      continue;
    }
    const res = validateObject(r.raw, opts.channel);
    r.obj = res.obj;
    r.valid = res.errors.length === 0;
    const resource = refOf(r);
    for (const e of res.errors) {
      diagnostics.push({
        severity: 'error',
        code: e.code,
        message: fieldErrorMessage(e),
        resource,
        path: fmtPath(e.path),
        range: r.locate(e.path, e.key ?? false),
      });
    }
  }
  diagnostics.push(...lintResources(resources, opts));
  diagnostics.push(...lintSecrets(resources));
  return diagnostics;
}
