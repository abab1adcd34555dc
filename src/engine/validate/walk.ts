// The schema walker: one pass over an object that (1) applies OpenAPI defaults as the API server does
// before validating (nulls are pruned first, §2.0), (2) builds the defaulted deep copy, (3) checks every
// OpenAPI constraint and (4) runs the CEL rules (TypeScript ports) on the defaulted values.
// Messages follow the API server's field errors (k8s.io/apimachinery field.Error), e.g.
//   spec.rules[0].matches[0].path.type: Unsupported value: "Foo": supported values: "Exact", ...
// The path is a mutable stack: nothing is allocated on the happy path.

import { closest } from '../manifest/suggest.ts';
import { isIPv4, isIPv6, matchesPattern } from '../model/regex.ts';
import { CEL, type CelRule, CHECK, type CustomCheck, EXP, EXP_VALUES } from '../model/schema.ts';
import { STATUS } from '../model/status.ts';
import type { Channel } from '../types.ts';

export type Seg = string | number;

export interface FieldError {
  path: Seg[];
  /** The text after `<path>: `. */
  detail: string;
  code: 'schema' | 'cel' | 'unknown-field' | 'channel';
  /** Point at the key (unknown fields) rather than the value. */
  key?: boolean;
  /** A complete message, when the API server's text does not start with the field path. */
  message?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: schemas are plain JSON objects
type S = Record<string, any>;

export interface WalkContext {
  channel: Channel;
  path: Seg[];
  errors: FieldError[];
  /** The previous version of the object (update): enables transition rules (`oldSelf`). */
  old?: unknown;
}

export function fmtPath(path: readonly Seg[]): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else s += s ? `.${seg}` : seg;
  }
  return s;
}

/** Go %q-ish rendering of a value in `Invalid value: …`. */
export function q(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return '"array"';
  return '"object"';
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function err(ctx: WalkContext, detail: string, code: FieldError['code'] = 'schema', extra?: Seg, key?: boolean) {
  const path = extra === undefined ? ctx.path.slice() : [...ctx.path, extra];
  ctx.errors.push({ path, detail, code, ...(key ? { key } : {}) });
}

function clone<T>(v: T): T {
  return v === null || typeof v !== 'object' ? v : (JSON.parse(JSON.stringify(v)) as T);
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function oldAt(ctx: WalkContext): unknown {
  let cur: unknown = ctx.old;
  for (const seg of ctx.path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function runCel(schema: S, value: unknown, ctx: WalkContext) {
  const rules = schema[CEL] as CelRule[] | undefined;
  if (rules) {
    for (const r of rules) {
      let ok = true;
      if (r.transition) {
        if (ctx.old === undefined) continue;
        const prev = oldAt(ctx);
        if (prev === undefined) continue;
        ok = r.check(value, prev);
      } else {
        try {
          ok = r.check(value);
        } catch {
          ok = true; // the value has the wrong shape: the schema error already says so
        }
      }
      if (!ok)
        err(
          ctx,
          `Invalid value: "${typeName(value) === 'integer' ? 'integer' : typeName(value)}": ${r.message}`,
          'cel',
        );
    }
  }
  const check = schema[CHECK] as CustomCheck | undefined;
  if (check) {
    const res = check(value);
    if (res) {
      for (const c of res) {
        const path = [...ctx.path, ...c.at];
        ctx.errors.push({ path, detail: c.detail.replaceAll('{path}', fmtPath(ctx.path)), code: 'schema' });
      }
    }
  }
}

/**
 * Validates `value` against `schema` at `ctx.path`, returning the defaulted copy. `value` is never
 * mutated. Values of the wrong type are reported and returned as they are.
 */
export function walk(schema: S, value: unknown, ctx: WalkContext): unknown {
  if (schema['x-kubernetes-preserve-unknown-fields'] && schema.type === undefined) return clone(value);
  if (schema['x-kubernetes-int-or-string']) {
    if (typeof value !== 'string' && !(typeof value === 'number' && Number.isInteger(value)))
      err(
        ctx,
        `Invalid value: ${q(value)}: ${fmtPath(ctx.path)} in body must be of type integer-or-string: "${typeName(value)}"`,
      );
    return value;
  }
  switch (schema.type) {
    case 'object':
      return walkObject(schema, value, ctx);
    case 'array':
      return walkArray(schema, value, ctx);
    case 'string':
      return walkString(schema, value, ctx);
    case 'integer':
    case 'number':
      return walkNumber(schema, value, ctx);
    case 'boolean':
      if (typeof value !== 'boolean') typeErr(ctx, 'boolean', value);
      return value;
    default:
      return clone(value);
  }
}

function typeErr(ctx: WalkContext, want: string, value: unknown) {
  err(ctx, `Invalid value: ${q(value)}: ${fmtPath(ctx.path)} in body must be of type ${want}: "${typeName(value)}"`);
}

function walkObject(schema: S, value: unknown, ctx: WalkContext): unknown {
  if (!isObj(value)) {
    typeErr(ctx, 'object', value);
    return value;
  }
  const props = schema.properties as S | undefined;
  const add = schema.additionalProperties as S | undefined;
  const out: Record<string, unknown> = {};
  let n = 0;
  if (props) {
    for (const k in props) {
      const ps = props[k] as S;
      let v = value[k];
      if (v === null) v = undefined; // null on a non-nullable field is pruned
      if (ps[STATUS]) continue; // status is ignored on create/update (status subresource only)
      if (ps[EXP] && ctx.channel === 'standard') {
        if (v !== undefined)
          err(
            ctx,
            `unknown field "${fmtPath([...ctx.path, k])}": ${k} exists only in the Experimental channel of Gateway API v1.6.1. Switch the channel to Experimental (--channel experimental) to use it.`,
            'channel',
            k,
            true,
          );
        continue;
      }
      if (v === undefined && ps.default !== undefined) v = clone(ps.default);
      if (v === undefined) continue;
      ctx.path.push(k);
      out[k] = walk(ps, v, ctx);
      ctx.path.pop();
    }
    for (const k in value) {
      if (k in props) continue;
      if (add) continue;
      if (schema['x-kubernetes-preserve-unknown-fields']) {
        out[k] = clone(value[k]);
        continue;
      }
      const guess = closest(k, Object.keys(props));
      err(
        ctx,
        `unknown field "${fmtPath([...ctx.path, k])}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
        'unknown-field',
        k,
        true,
      );
    }
  }
  if (add) {
    for (const k in value) {
      if (props && k in props) continue;
      n++;
      let v = value[k];
      if (v === null) v = undefined;
      if (v === undefined) continue;
      ctx.path.push(k);
      out[k] = walk(add, v, ctx);
      ctx.path.pop();
    }
    if (schema.maxProperties !== undefined && n > schema.maxProperties)
      err(ctx, `Too many: ${n}: must have at most ${schema.maxProperties} items`);
  }
  const req = schema.required as string[] | undefined;
  if (req) {
    for (const k of req) {
      if (out[k] === undefined && !(props?.[k]?.[EXP] && ctx.channel === 'standard'))
        err(ctx, 'Required value', 'schema', k);
    }
  }
  runCel(schema, out, ctx);
  return out;
}

function walkArray(schema: S, value: unknown, ctx: WalkContext): unknown {
  if (!Array.isArray(value)) {
    typeErr(ctx, 'array', value);
    return value;
  }
  const items = schema.items as S;
  const out: unknown[] = new Array(value.length);
  for (let i = 0; i < value.length; i++) {
    ctx.path.push(i);
    let v = value[i];
    if (v === null) {
      // null list items are not pruned: they fail the item type
      typeErr(ctx, items.type ?? 'object', v);
      out[i] = v;
    } else {
      out[i] = walk(items, v, ctx);
    }
    ctx.path.pop();
    v = undefined;
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems)
    err(ctx, `Too many: ${value.length}: must have at most ${schema.maxItems} items`);
  if (schema.minItems !== undefined && value.length < schema.minItems)
    err(
      ctx,
      `Invalid value: ${value.length}: ${fmtPath(ctx.path)} in body should have at least ${schema.minItems} items`,
    );
  const lt = schema['x-kubernetes-list-type'];
  if (lt === 'map' && out.length > 1) {
    const keys = schema['x-kubernetes-list-map-keys'] as string[];
    const seen = new Set<string>();
    for (let i = 0; i < out.length; i++) {
      const it = out[i];
      if (!isObj(it)) continue;
      const id = keys.map((k) => JSON.stringify(it[k] ?? null)).join('\u0000');
      if (seen.has(id)) {
        const shown = keys.map((k) => `"${k}":${JSON.stringify(it[k] ?? null)}`).join(', ');
        err(ctx, `Duplicate value: map[string]interface {}{${shown}}`, 'schema', i);
      } else seen.add(id);
    }
  } else if (lt === 'set' && out.length > 1) {
    const seen = new Set<string>();
    for (let i = 0; i < out.length; i++) {
      const id = JSON.stringify(out[i]);
      if (seen.has(id)) err(ctx, `Duplicate value: ${q(out[i])}`, 'schema', i);
      else seen.add(id);
    }
  }
  runCel(schema, out, ctx);
  return out;
}

function walkString(schema: S, value: unknown, ctx: WalkContext): unknown {
  if (typeof value !== 'string') {
    typeErr(ctx, 'string', value);
    return value;
  }
  const en = schema.enum as string[] | undefined;
  if (en) {
    if (!en.includes(value)) {
      const expOnly = schema[EXP_VALUES] as string[] | undefined;
      if (expOnly?.includes(value))
        err(
          ctx,
          `Unsupported value: ${q(value)}: supported values: ${en.map((e) => q(e)).join(', ')}. ${value} exists only in the Experimental channel of Gateway API v1.6.1: switch the channel to Experimental (--channel experimental) to use it.`,
          'channel',
        );
      else err(ctx, `Unsupported value: ${q(value)}: supported values: ${en.map((e) => q(e)).join(', ')}`);
    }
  }
  const len = value.length;
  if (schema.maxLength !== undefined && len > schema.maxLength) {
    const runes = [...value].length;
    if (runes > schema.maxLength) err(ctx, `Too long: may not be more than ${schema.maxLength} bytes`);
  }
  if (schema.minLength !== undefined && len < schema.minLength)
    err(
      ctx,
      `Invalid value: ${q(value)}: ${fmtPath(ctx.path)} in body should be at least ${schema.minLength} chars long`,
    );
  if (schema.pattern !== undefined && !matchesPattern(schema.pattern, value))
    err(ctx, `Invalid value: ${q(value)}: ${fmtPath(ctx.path)} in body should match '${schema.pattern}'`);
  const f = schema.format;
  if (f === 'ipv4' && !isIPv4(value))
    err(ctx, `Invalid value: ${q(value)}: ${fmtPath(ctx.path)} in body must be of type ipv4: ${q(value)}`);
  if (f === 'ipv6' && !isIPv6(value))
    err(ctx, `Invalid value: ${q(value)}: ${fmtPath(ctx.path)} in body must be of type ipv6: ${q(value)}`);
  runCel(schema, value, ctx);
  return value;
}

function walkNumber(schema: S, value: unknown, ctx: WalkContext): unknown {
  if (typeof value !== 'number' || (schema.type === 'integer' && !Number.isInteger(value))) {
    typeErr(ctx, schema.type, value);
    return value;
  }
  const en = schema.enum as number[] | undefined;
  if (en && !en.includes(value))
    err(ctx, `Unsupported value: ${value}: supported values: ${en.map((e) => `"${e}"`).join(', ')}`);
  if (schema.minimum !== undefined && value < schema.minimum)
    err(
      ctx,
      `Invalid value: ${value}: ${fmtPath(ctx.path)} in body should be greater than or equal to ${schema.minimum}`,
    );
  if (schema.maximum !== undefined && value > schema.maximum)
    err(ctx, `Invalid value: ${value}: ${fmtPath(ctx.path)} in body should be less than or equal to ${schema.maximum}`);
  if (schema.format === 'int32' && (value > 2147483647 || value < -2147483648))
    err(ctx, `Invalid value: ${value}: ${fmtPath(ctx.path)} in body must be of type int32: "integer"`);
  runCel(schema, value, ctx);
  return value;
}
