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

// ---------- compiled schema nodes ----------
// Schemas are compiled once into monomorphic nodes (children compiled lazily), so that the walk reads
// plain fields instead of probing `x-` keys on every schema object.

enum T {
  Object,
  Array,
  String,
  Number,
  Boolean,
  Preserve,
  IntOrString,
  Other,
}

interface CProp {
  key: string;
  schema: S;
  node: CNode | null;
  def: unknown;
  /** The default is an object/array and must be copied per use. */
  defObject: boolean;
  exp: boolean;
  status: boolean;
}

interface CNode {
  t: T;
  schema: S;
  props: CProp[] | null;
  propKeys: Set<string> | null;
  add: CNode | null;
  preserve: boolean;
  required: string[] | null;
  maxProperties: number | undefined;
  items: CNode | null;
  minItems: number | undefined;
  maxItems: number | undefined;
  listType: string | undefined;
  mapKeys: string[] | undefined;
  enumVals: unknown[] | undefined;
  expValues: string[] | undefined;
  minLength: number | undefined;
  maxLength: number | undefined;
  pattern: string | undefined;
  format: string | undefined;
  integer: boolean;
  minimum: number | undefined;
  maximum: number | undefined;
  cel: CelRule[] | null;
  check: CustomCheck | null;
}

const compiledNodes = new WeakMap<S, CNode>();

function compile(schema: S): CNode {
  let n = compiledNodes.get(schema);
  if (n) return n;
  const t =
    schema['x-kubernetes-int-or-string'] === true
      ? T.IntOrString
      : schema['x-kubernetes-preserve-unknown-fields'] === true && schema.type === undefined
        ? T.Preserve
        : schema.type === 'object'
          ? T.Object
          : schema.type === 'array'
            ? T.Array
            : schema.type === 'string'
              ? T.String
              : schema.type === 'integer' || schema.type === 'number'
                ? T.Number
                : schema.type === 'boolean'
                  ? T.Boolean
                  : T.Other;
  const props = schema.properties as S | undefined;
  n = {
    t,
    schema,
    props: props
      ? Object.keys(props).map((key) => {
          const ps = props[key] as S;
          const def = ps.default;
          return {
            key,
            schema: ps,
            node: null,
            def,
            defObject: def !== null && typeof def === 'object',
            exp: ps[EXP] === true,
            status: ps[STATUS] === true,
          };
        })
      : null,
    propKeys: props ? new Set(Object.keys(props)) : null,
    add: null,
    preserve: schema['x-kubernetes-preserve-unknown-fields'] === true,
    required: Array.isArray(schema.required) && schema.required.length ? (schema.required as string[]) : null,
    maxProperties: schema.maxProperties,
    items: null,
    minItems: schema.minItems,
    maxItems: schema.maxItems,
    listType: schema['x-kubernetes-list-type'],
    mapKeys: schema['x-kubernetes-list-map-keys'],
    enumVals: schema.enum,
    expValues: schema[EXP_VALUES],
    minLength: schema.minLength,
    maxLength: schema.maxLength,
    pattern: schema.pattern,
    format: schema.format,
    integer: schema.type === 'integer',
    minimum: schema.minimum,
    maximum: schema.maximum,
    cel: Array.isArray(schema[CEL]) && schema[CEL].length ? (schema[CEL] as CelRule[]) : null,
    check: typeof schema[CHECK] === 'function' ? (schema[CHECK] as CustomCheck) : null,
  };
  compiledNodes.set(schema, n);
  // Children after registration (schemas are trees, but be safe with shared sub-schemas).
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
    n.add = compile(schema.additionalProperties);
  if (schema.items && typeof schema.items === 'object') n.items = compile(schema.items);
  return n;
}

function child(p: CProp): CNode {
  let c = p.node;
  if (c === null) {
    c = compile(p.schema);
    p.node = c;
  }
  return c;
}

/**
 * Validates `value` against `schema` at `ctx.path`, returning the defaulted copy. `value` is never
 * mutated. Values of the wrong type are reported and returned as they are.
 */
export function walk(schema: S, value: unknown, ctx: WalkContext): unknown {
  return walkNode(compile(schema), value, ctx);
}

function walkNode(n: CNode, value: unknown, ctx: WalkContext): unknown {
  switch (n.t) {
    case T.Object:
      return walkObject(n, value, ctx);
    case T.Array:
      return walkArray(n, value, ctx);
    case T.String:
      return walkString(n, value, ctx);
    case T.Number:
      return walkNumber(n, value, ctx);
    case T.Boolean:
      if (typeof value !== 'boolean') typeErr(ctx, 'boolean', value);
      return value;
    case T.IntOrString:
      if (typeof value !== 'string' && !(typeof value === 'number' && Number.isInteger(value)))
        err(
          ctx,
          `Invalid value: ${q(value)}: ${fmtPath(ctx.path)} in body must be of type integer-or-string: "${typeName(value)}"`,
        );
      return value;
    default:
      return clone(value);
  }
}

function typeErr(ctx: WalkContext, want: string, value: unknown) {
  err(ctx, `Invalid value: ${q(value)}: ${fmtPath(ctx.path)} in body must be of type ${want}: "${typeName(value)}"`);
}

function runCel(n: CNode, value: unknown, ctx: WalkContext) {
  const rules = n.cel;
  if (rules !== null) {
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
      if (!ok) err(ctx, `Invalid value: "${typeName(value)}": ${r.message}`, 'cel');
    }
  }
  const check = n.check;
  if (check !== null) {
    const res = check(value);
    if (res) {
      for (const c of res) {
        const path = [...ctx.path, ...c.at];
        ctx.errors.push({ path, detail: c.detail.replaceAll('{path}', fmtPath(ctx.path)), code: 'schema' });
      }
    }
  }
}

const CHANNEL_HINT =
  'exists only in the Experimental channel of Gateway API v1.6.1. Switch the channel to Experimental (--channel experimental) to use it.';

function walkObject(n: CNode, value: unknown, ctx: WalkContext): unknown {
  if (!isObj(value)) {
    typeErr(ctx, 'object', value);
    return value;
  }
  const out: Record<string, unknown> = {};
  const props = n.props;
  const std = ctx.channel === 'standard';
  if (props !== null) {
    for (let i = 0; i < props.length; i++) {
      const p = props[i] as CProp;
      let v = value[p.key];
      if (v === null) v = undefined; // null on a non-nullable field is pruned
      if (p.status) continue; // status is ignored on create/update (status subresource only)
      if (p.exp && std) {
        if (v !== undefined)
          err(
            ctx,
            `unknown field "${fmtPath([...ctx.path, p.key])}": ${p.key} ${CHANNEL_HINT}`,
            'channel',
            p.key,
            true,
          );
        continue;
      }
      if (v === undefined) {
        if (p.def === undefined) continue;
        v = p.defObject ? clone(p.def) : p.def;
      }
      ctx.path.push(p.key);
      out[p.key] = walkNode(child(p), v, ctx);
      ctx.path.pop();
    }
  }
  const keys = n.propKeys;
  const add = n.add;
  if (add === null) {
    for (const k in value) {
      if (keys?.has(k)) continue;
      if (n.preserve) {
        out[k] = clone(value[k]);
        continue;
      }
      const guess = keys ? closest(k, keys) : undefined;
      err(
        ctx,
        `unknown field "${fmtPath([...ctx.path, k])}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
        'unknown-field',
        k,
        true,
      );
    }
  } else {
    let count = 0;
    for (const k in value) {
      if (keys?.has(k)) continue;
      count++;
      let v = value[k];
      if (v === null) v = undefined;
      if (v === undefined) continue;
      ctx.path.push(k);
      out[k] = walkNode(add, v, ctx);
      ctx.path.pop();
    }
    if (n.maxProperties !== undefined && count > n.maxProperties)
      err(ctx, `Too many: ${count}: must have at most ${n.maxProperties} items`);
  }
  const req = n.required;
  if (req !== null) {
    for (const k of req) {
      if (out[k] !== undefined) continue;
      const p = props?.find((x) => x.key === k);
      if (p?.exp && std) continue;
      err(ctx, 'Required value', 'schema', k);
    }
  }
  runCel(n, out, ctx);
  return out;
}

function walkArray(n: CNode, value: unknown, ctx: WalkContext): unknown {
  if (!Array.isArray(value)) {
    typeErr(ctx, 'array', value);
    return value;
  }
  const items = n.items as CNode;
  const len = value.length;
  const out: unknown[] = new Array(len);
  for (let i = 0; i < len; i++) {
    ctx.path.push(i);
    const v = value[i];
    if (v === null) {
      // null list items are not pruned: they fail the item type
      typeErr(ctx, (items.schema.type as string | undefined) ?? 'object', v);
      out[i] = v;
    } else {
      out[i] = walkNode(items, v, ctx);
    }
    ctx.path.pop();
  }
  if (n.maxItems !== undefined && len > n.maxItems) err(ctx, `Too many: ${len}: must have at most ${n.maxItems} items`);
  if (n.minItems !== undefined && len < n.minItems)
    err(ctx, `Invalid value: ${len}: ${fmtPath(ctx.path)} in body should have at least ${n.minItems} items`);
  if (len > 1) {
    if (n.listType === 'map') {
      const keys = n.mapKeys as string[];
      const seen = new Set<string>();
      for (let i = 0; i < len; i++) {
        const it = out[i];
        if (!isObj(it)) continue;
        const id =
          keys.length === 1
            ? JSON.stringify(it[keys[0] as string] ?? null)
            : keys.map((k) => JSON.stringify(it[k] ?? null)).join('\u0000');
        if (seen.has(id)) {
          const shown = keys.map((k) => `"${k}":${JSON.stringify(it[k] ?? null)}`).join(', ');
          err(ctx, `Duplicate value: map[string]interface {}{${shown}}`, 'schema', i);
        } else seen.add(id);
      }
    } else if (n.listType === 'set') {
      const seen = new Set<string>();
      for (let i = 0; i < len; i++) {
        const id = JSON.stringify(out[i]);
        if (seen.has(id)) err(ctx, `Duplicate value: ${q(out[i])}`, 'schema', i);
        else seen.add(id);
      }
    }
  }
  runCel(n, out, ctx);
  return out;
}

function walkString(n: CNode, value: unknown, ctx: WalkContext): unknown {
  if (typeof value !== 'string') {
    typeErr(ctx, 'string', value);
    return value;
  }
  const en = n.enumVals as string[] | undefined;
  if (en !== undefined && !en.includes(value)) {
    const supported = `Unsupported value: ${q(value)}: supported values: ${en.map((e) => q(e)).join(', ')}`;
    if (n.expValues?.includes(value)) err(ctx, `${supported}. ${value} ${CHANNEL_HINT}`, 'channel');
    else err(ctx, supported);
  }
  const len = value.length;
  // maxLength counts characters (runes), not UTF-16 units.
  if (n.maxLength !== undefined && len > n.maxLength && [...value].length > n.maxLength)
    err(ctx, `Too long: may not be more than ${n.maxLength} bytes`);
  if (n.minLength !== undefined && len < n.minLength)
    err(ctx, `Invalid value: ${q(value)}: ${fmtPath(ctx.path)} in body should be at least ${n.minLength} chars long`);
  if (n.pattern !== undefined && !matchesPattern(n.pattern, value))
    err(ctx, `Invalid value: ${q(value)}: ${fmtPath(ctx.path)} in body should match '${n.pattern}'`);
  const f = n.format;
  if (f !== undefined) {
    if (f === 'ipv4' && !isIPv4(value))
      err(ctx, `Invalid value: ${q(value)}: ${fmtPath(ctx.path)} in body must be of type ipv4: ${q(value)}`);
    else if (f === 'ipv6' && !isIPv6(value))
      err(ctx, `Invalid value: ${q(value)}: ${fmtPath(ctx.path)} in body must be of type ipv6: ${q(value)}`);
    else if (f === 'date-time' && !DATE_TIME.test(value))
      err(ctx, `Invalid value: ${q(value)}: ${fmtPath(ctx.path)} in body must be of type date-time: ${q(value)}`);
  }
  if (n.cel !== null || n.check !== null) runCel(n, value, ctx);
  return value;
}

/** RFC 3339 date-time (kube-openapi `date-time`). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function walkNumber(n: CNode, value: unknown, ctx: WalkContext): unknown {
  if (typeof value !== 'number' || (n.integer && !Number.isInteger(value))) {
    typeErr(ctx, n.integer ? 'integer' : 'number', value);
    return value;
  }
  const en = n.enumVals as number[] | undefined;
  if (en !== undefined && !en.includes(value))
    err(ctx, `Unsupported value: ${value}: supported values: ${en.map((e) => `"${e}"`).join(', ')}`);
  if (n.minimum !== undefined && value < n.minimum)
    err(ctx, `Invalid value: ${value}: ${fmtPath(ctx.path)} in body should be greater than or equal to ${n.minimum}`);
  if (n.maximum !== undefined && value > n.maximum)
    err(ctx, `Invalid value: ${value}: ${fmtPath(ctx.path)} in body should be less than or equal to ${n.maximum}`);
  if (n.format === 'int32' && (value > 2147483647 || value < -2147483648))
    err(ctx, `Invalid value: ${value}: ${fmtPath(ctx.path)} in body must be of type int32: "integer"`);
  if (n.cel !== null || n.check !== null) runCel(n, value, ctx);
  return value;
}
