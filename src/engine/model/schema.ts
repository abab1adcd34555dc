// Building blocks of the model: TypeBox schemas (they ARE JSON Schema) plus a few `x-` keywords that
// carry what OpenAPI alone cannot: CEL rules (as TypeScript checks), Kubernetes list types and the
// channel of Experimental-only fields. The validator (../validate/walk.ts), the editor JSON Schema
// (editor.ts), the known-field lists and the TS types (`Static<>`) are all derived from these schemas.

import { type Static, type TSchema, Type } from '@sinclair/typebox';
import type { Channel } from '../types.ts';

export type { Static, TSchema };
export { Type };

/** CEL rules attached to a schema node (`x-kubernetes-validations` in the CRD). */
export const CEL = 'x-cel';
/** Marks a field that exists only in the Experimental CRDs (present in the Standard model, flagged). */
export const EXP = 'x-gwsim-experimental';
/** Enum values that exist only in the Experimental CRDs (Standard model). */
export const EXP_VALUES = 'x-gwsim-experimental-values';
/** A pattern that exists only in the Experimental CRDs (Standard model). */
export const EXP_PATTERN = 'x-gwsim-experimental-pattern';
/** Custom check standing for an OpenAPI construct we do not model generically (e.g. `oneOf`). */
export const CHECK = 'x-gwsim-check';

/**
 * The value a CEL rule sees. Rules are TypeScript ports of upstream expressions and read the node the
 * way CEL does (`self.x`, `self.size()`), after schema validation has reported any type mismatch.
 */
// biome-ignore lint/suspicious/noExplicitAny: CEL values are dynamically typed
export type CelSelf = any;

/** Path relative to the node a rule is attached to (segments appended to the node's path). */
export type RelPath = (string | number)[];

export interface CelRule {
  /** The rule's `message`, verbatim from the CRD. */
  message: string;
  /**
   * TypeScript port of the CEL expression: true = valid. `self` is the (defaulted) node value.
   * `old` is the previous object's node for transition rules (`oldSelf`); undefined on create.
   */
  check: (self: CelSelf, old?: CelSelf) => boolean;
  /** Transition rule (uses oldSelf): evaluated only on update. */
  transition?: boolean;
}

export interface CheckResult {
  /** Relative path of the offending field. */
  at: RelPath;
  /** Full error detail, e.g. `Invalid value: "x": spec.a in body must be of type ipv4`. `{path}` = full path. */
  detail: string;
}
export type CustomCheck = (self: CelSelf) => CheckResult[] | null;

// biome-ignore lint/suspicious/noExplicitAny: schema options are an open bag
type Opts = Record<string, any>;

export const cel = (message: string, check: (self: CelSelf, old?: CelSelf) => boolean): CelRule => ({ message, check });

/** A string field. */
export function Str(o: Opts = {}) {
  return Type.String(o);
}

/** A string enum: `enum` in JSON Schema, a union of literals in TS. */
export function Enum<T extends string>(values: readonly T[], o: Opts = {}) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...o });
}

/** An integer enum (e.g. redirect statusCode). */
export function IntEnum<T extends number>(values: readonly T[], o: Opts = {}) {
  return Type.Unsafe<T>({ type: 'integer', enum: [...values], ...o });
}

export function Int32(o: Opts = {}) {
  return Type.Integer({ format: 'int32', ...o });
}

export function Int(o: Opts = {}) {
  return Type.Integer(o);
}

/** A string-keyed map (`additionalProperties` in the CRD). */
export function MapOf<T extends TSchema>(value: T, o: Opts = {}) {
  return Type.Unsafe<Record<string, Static<T>>>({ type: 'object', additionalProperties: value, ...o });
}

/** Kubernetes int-or-string (Service targetPort). */
export function IntOrString(o: Opts = {}) {
  return Type.Unsafe<number | string>({ 'x-kubernetes-int-or-string': true, ...o });
}

/** Anything (unmodelled subtrees: kept as written, never validated). */
export function Any(o: Opts = {}) {
  return Type.Unsafe<unknown>({ 'x-kubernetes-preserve-unknown-fields': true, ...o });
}

/** Marks a field as Experimental-only when building the Standard model. */
export function exp<T extends TSchema>(ch: Channel, s: T): T {
  return ch === 'experimental' ? s : ({ ...s, [EXP]: true } as T);
}

/** A list with `x-kubernetes-list-type: map` keyed by `keys`. */
export function ListMap<T extends TSchema>(item: T, keys: string[], o: Opts = {}) {
  return Type.Array(item, { 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': keys, ...o });
}
export function ListSet<T extends TSchema>(item: T, o: Opts = {}) {
  return Type.Array(item, { 'x-kubernetes-list-type': 'set', ...o });
}
export function Atomic<T extends TSchema>(item: T, o: Opts = {}) {
  return Type.Array(item, { 'x-kubernetes-list-type': 'atomic', ...o });
}

export const Opt = Type.Optional;
export const Obj = Type.Object;
