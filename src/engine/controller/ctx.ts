// Shared state of one controller run: options, the indexed world, diagnostics, and the helpers that
// build machine-applicable fixes (TextEdits) against the input texts.

import type { InputFile, Path, Resource } from '../manifest/index.ts';
import type { ResolvedOptions } from '../options.ts';
import { supports } from '../options.ts';
import type { Diagnostic, Fix, Severity, SourceRange, TextEdit } from '../types.ts';
import type { World } from './world.ts';

export interface Ctx {
  opts: ResolvedOptions;
  world: World;
  files: Map<string, string>;
  diagnostics: Diagnostic[];
  supports(feature: string): boolean;
}

/**
 * Core features of the Gateway profile every conformant implementation has (§9.1): a `features`
 * list that forgets them still gets them, rather than every HTTP listener turning unsupported.
 */
const ALWAYS = new Set(['Gateway', 'HTTPRoute', 'ReferenceGrant']);

export function makeCtx(opts: ResolvedOptions, world: World, files: InputFile[] | undefined): Ctx {
  return {
    opts,
    world,
    files: new Map((files ?? []).map((f) => [f.name, f.text])),
    diagnostics: [],
    supports: (f) => ALWAYS.has(f) || supports(opts, f),
  };
}

export function diag(
  ctx: Ctx,
  r: Resource,
  path: Path,
  severity: Severity,
  code: string,
  message: string,
  extra: {
    fix?: Fix | undefined;
    decisions?: string[];
    key?: boolean;
    /** Other places concerned (e.g. the listener that won a conflict). */
    related?: { message: string; range: SourceRange }[];
  } = {},
): Diagnostic {
  const d: Diagnostic = {
    severity,
    code,
    message,
    resource: {
      group: r.group,
      kind: r.kind,
      ...(r.namespace !== undefined ? { namespace: r.namespace } : {}),
      name: r.name,
    },
    path: formatPathLocal(path),
    file: r.file,
    range: r.locate(path, extra.key ?? false),
  };
  if (extra.fix) d.fix = extra.fix;
  if (extra.decisions?.length) d.decisions = extra.decisions;
  if (extra.related?.length) d.related = extra.related.map((x) => ({ ...x, line: 0, column: 0 }));
  ctx.diagnostics.push(d);
  return d;
}

function formatPathLocal(path: Path): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : seg;
  return s;
}

// ---------- fixes ----------

/** Offset of the start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentAt(text: string, offset: number): string {
  const ls = lineStart(text, offset);
  let i = ls;
  while (i < text.length && (text[i] === ' ' || text[i] === '-')) i++;
  // For `- key:` the content indentation is where the key starts.
  return ' '.repeat(i - ls);
}

/**
 * A fix that adds a whole YAML document next to `near` (before its document, so the edit never
 * depends on the end of the file). Undefined when the place is not editable mechanically (JSON input,
 * an item of a `kind: List`).
 */
export function addDocumentFix(ctx: Ctx, near: Resource, title: string, yaml: string): Fix | undefined {
  const text = ctx.files.get(near.file);
  if (text === undefined || near.docPath.length > 0 || /\.json$/i.test(near.file)) return undefined;
  const root = near.locate([]);
  const at = lineStart(text, root.start);
  // Only when the document's root mapping starts at column 0 (a block mapping).
  if (at !== root.start) return undefined;
  const body = yaml.endsWith('\n') ? yaml : `${yaml}\n`;
  return { title, edits: [{ file: near.file, start: at, end: at, text: `${body}---\n` }] };
}

/** Replaces the scalar at `path` of `r` with `value` (a YAML scalar text). */
export function replaceScalarFix(ctx: Ctx, r: Resource, path: Path, value: string, title: string): Fix | undefined {
  const text = ctx.files.get(r.file);
  if (text === undefined) return undefined;
  const range = r.locate(path);
  const old = text.slice(range.start, range.end);
  // Only a plain scalar on one line (the located node must be the value itself).
  if (!old || old.includes('\n') || /^[[{]/.test(old)) return undefined;
  return { title, edits: [{ file: r.file, start: range.start, end: range.end, text: value }] };
}

/**
 * Adds `key: value` to the mapping at `mapPath` of `r` (which must exist as a block mapping), or
 * creates the mapping under `parentPath` as `mapKey:` when it is absent.
 */
export function addMapEntryFix(
  ctx: Ctx,
  r: Resource,
  mapPath: Path,
  entries: Record<string, string>,
  title: string,
): Fix | undefined {
  const text = ctx.files.get(r.file);
  if (text === undefined || /\.json$/i.test(r.file)) return undefined;
  const lines = Object.entries(entries);
  if (!lines.length) return undefined;
  const existing = r.locate(mapPath);
  const keyRange = r.locate(mapPath, true);
  const mapKey = mapPath[mapPath.length - 1];
  const exists = text.slice(keyRange.start, keyRange.end) === String(mapKey);
  if (exists) {
    const valueText = text.slice(existing.start, existing.end);
    if (valueText.startsWith('{')) return undefined;
    const ind = indentAt(text, existing.start);
    const at = lineStart(text, existing.start);
    if (at !== existing.start - ind.length) return undefined;
    const edits: TextEdit[] = [
      { file: r.file, start: at, end: at, text: lines.map(([k, v]) => `${ind}${k}: ${yamlScalar(v)}\n`).join('') },
    ];
    return { title, edits };
  }
  // Create the mapping under the parent mapping (e.g. metadata.labels under metadata).
  const parentPath = mapPath.slice(0, -1);
  const parent = r.locate(parentPath);
  const pText = text.slice(parent.start, parent.end);
  if (!pText || pText.startsWith('{')) return undefined;
  const ind = indentAt(text, parent.start);
  const at = lineStart(text, parent.start);
  if (at !== parent.start - ind.length) return undefined;
  const block = `${ind}${String(mapKey)}:\n${lines.map(([k, v]) => `${ind}  ${k}: ${yamlScalar(v)}\n`).join('')}`;
  return { title, edits: [{ file: r.file, start: at, end: at, text: block }] };
}

/** Quotes a YAML scalar when needed. */
export function yamlScalar(v: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(v) && !/^(true|false|null|yes|no|on|off|~|\d.*)$/i.test(v) ? v : JSON.stringify(v);
}
