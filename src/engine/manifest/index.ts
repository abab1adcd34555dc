// The manifest layer: input files → Kubernetes objects with source ranges, plus syntax diagnostics.

import { LIMITS } from '../limits.ts';
import type { Channel, Diagnostic } from '../types.ts';
import { type InputFile, type ParseCache, type ParsedDoc, parseFile } from './parse.ts';
import { buildResources, type Resource } from './resources.ts';

export { LineIndex } from './lines.ts';
export type { InputFile, ParsedDoc, Path } from './parse.ts';
export { formatPath, locate, ParseCache, splitDocuments } from './parse.ts';
export type { Obj, Resource } from './resources.ts';
export { refOf } from './resources.ts';
export { closest, didYouMean } from './suggest.ts';

export interface ManifestResult {
  docs: ParsedDoc[];
  resources: Resource[];
  diagnostics: Diagnostic[];
}

const encoder = new TextEncoder();

/** UTF-8 size without allocating the encoded bytes for small texts. */
export function utf8Length(text: string): number {
  if (text.length < 4096) return encoder.encode(text).length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function loadManifests(
  files: InputFile[],
  opts: { channel: Channel; maxInputBytes: number },
  cache?: ParseCache,
): ManifestResult {
  const diagnostics: Diagnostic[] = [];
  const docs: ParsedDoc[] = [];
  // UTF-8 takes at least one byte per UTF-16 unit: a text longer than the cap in units is over it
  // without counting bytes (refusing a hostile paste must cost nothing).
  const units = files.reduce((n, f) => n + f.text.length, 0);
  const atLeast = units > opts.maxInputBytes;
  const total = atLeast ? units : files.reduce((n, f) => n + utf8Length(f.text), 0);
  if (total > opts.maxInputBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    diagnostics.push({
      severity: 'error',
      code: 'input-too-large',
      message: `The input is ${atLeast ? 'at least ' : ''}${mb(total)}, over the ${mb(opts.maxInputBytes)} limit; it was not analysed. Split it into smaller files${opts.maxInputBytes === LIMITS.pageMaxInputBytes ? ' or use the CLI' : ' or raise the limit with --max-input-bytes'}.`,
      ...(files[0] ? { file: files[0].name, range: { file: files[0].name, start: 0, end: 0 } } : {}),
    });
    return { docs, resources: [], diagnostics };
  }
  for (const f of files) {
    const parsed = parseFile(f, cache);
    for (const d of parsed) diagnostics.push(...d.diagnostics);
    docs.push(...parsed);
  }
  const built = buildResources(docs, opts.channel);
  diagnostics.push(...built.diagnostics);
  return { docs, resources: built.resources, diagnostics };
}
