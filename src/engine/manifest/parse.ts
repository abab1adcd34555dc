// Text → YAML documents with source ranges. Multi-document YAML and JSON (a YAML subset) alike.
//
// Live editing re-parses only the documents whose text changed: the input is split cheaply on `---`
// lines and each chunk's parse is memoised by its text. Offsets inside a chunk are relative to the
// chunk; `base` turns them into file offsets.

import { type Document, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, visit } from 'yaml';
import { LIMITS } from '../limits.ts';
import type { Diagnostic } from '../types.ts';

export interface InputFile {
  name: string;
  text: string;
}

export type Path = (string | number)[];

/** One parsed YAML document of a chunk. Ranges inside `doc` are relative to the chunk. */
export interface ParsedDoc {
  file: string;
  /** Offset of the chunk in the file. */
  base: number;
  /** Index of this document among the file's documents. */
  index: number;
  /** Where each node of the document was written (for `locate`); the yaml Document itself is not kept. */
  doc: DocIndex;
  /** The plain JS value; `undefined` when the document could not be turned into data. */
  value: unknown;
  /** The document holds nothing (only comments or whitespace). */
  empty: boolean;
  /** Problems of this document, with file offsets. */
  diagnostics: Diagnostic[];
}

interface ChunkDoc {
  doc: DocIndex;
  value: unknown;
  empty: boolean;
  /** Problems with chunk-relative offsets. */
  problems: { severity: 'error' | 'warning'; code: string; message: string; start: number; end: number }[];
}

/**
 * Memo of chunk text → parsed documents. Entries not used by the latest parse are dropped, so the
 * memo never holds more than two generations of one input.
 */
export class ParseCache {
  private prev = new Map<string, ChunkDoc[]>();
  private next = new Map<string, ChunkDoc[]>();
  get(text: string): ChunkDoc[] | undefined {
    const hit = this.next.get(text) ?? this.prev.get(text);
    if (hit) this.next.set(text, hit);
    return hit;
  }
  set(text: string, docs: ChunkDoc[]): void {
    this.next.set(text, docs);
  }
  /** Ends one parse: what the next parse does not reuse is forgotten. */
  generation(): void {
    this.prev = this.next;
    this.next = new Map();
  }
}

/** Splits at lines that start a document (`---` followed by a blank, a comment, content or the end). */
export function splitDocuments(text: string): { start: number; text: string }[] {
  const re = /^---(?=[ \t\r\n#]|$)/gm;
  const cuts: number[] = [0];
  for (let m = re.exec(text); m; m = re.exec(text)) if (m.index > 0) cuts.push(m.index);
  const chunks: { start: number; text: string }[] = [];
  for (let i = 0; i < cuts.length; i++) {
    const start = cuts[i] as number;
    const end = i + 1 < cuts.length ? (cuts[i + 1] as number) : text.length;
    chunks.push({ start, text: text.slice(start, end) });
  }
  // A chunk that holds only directives (`%YAML …`) belongs to the document after it.
  for (let i = chunks.length - 2; i >= 0; i--) {
    const c = chunks[i] as { start: number; text: string };
    if (/^\s*%/.test(c.text) && !/^(?!\s*(%|#|$)).*$/m.test(c.text)) {
      const n = chunks[i + 1] as { start: number; text: string };
      chunks.splice(i, 2, { start: c.start, text: c.text + n.text });
    }
  }
  return chunks;
}

function depthOf(value: unknown): number {
  // Iterative, so that measuring a hostile depth cannot itself overflow the stack.
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > LIMITS.maxNestingDepth) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/**
 * An upper bound of the nesting of a chunk, in one cheap pass, so that hostile depth is refused
 * deterministically before the (recursive) parser sees it: flow collections count their `[` / `{`, and a
 * block collection needs at least one more column of indentation (or a compact `- `) per level, so the
 * column where a line's content starts bounds its block depth. Returns the bound and where it was reached.
 */
export function nestingBound(text: string): { depth: number; at: number } {
  let depth = 0;
  let max = 0;
  let at = 0;
  let lineStart = true;
  let col = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      col = 0;
      continue;
    }
    if (lineStart) {
      // Spaces and compact sequence indicators ("- ") before the content.
      if (c === 32 || (c === 45 && text.charCodeAt(i + 1) === 32)) {
        col++;
        continue;
      }
      lineStart = false;
      if (col > max) {
        max = col;
        at = i;
      }
    }
    if (c === 91 || c === 123) {
      if (++depth > max) {
        max = depth;
        at = i;
      }
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return { depth: max, at };
}

/** The flow-collection part of nestingBound (kept for callers that only see flow text). */
export function flowDepth(text: string): number {
  return nestingBound(text).depth;
}

function parseChunk(text: string): ChunkDoc[] {
  const nul = text.indexOf('\u0000');
  const bound = nestingBound(text);
  if (bound.depth > LIMITS.maxNestingDepth) {
    const first = text.search(/[[{]/);
    const start = first >= 0 && first < bound.at ? first : text.lastIndexOf('\n', bound.at) + 1;
    const c = fatalChunk(text, `This document nests more than ${LIMITS.maxNestingDepth} levels deep; it was skipped.`);
    const p = c.problems[0];
    if (p) {
      p.code = 'too-deep';
      p.start = start;
      p.end = start + 1;
    }
    return [c];
  }
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, {
      prettyErrors: false,
      uniqueKeys: true,
      merge: true,
      strict: true,
    }) as Document.Parsed[];
    if (!Array.isArray(docs)) docs = [docs as unknown as Document.Parsed];
  } catch (e) {
    // The parser recurses for nested collections; hostile depth ends here rather than in a crash.
    return [fatalChunk(text, `YAML could not be parsed: ${yamlMessage(messageOf(e), '')}`)];
  }
  const out: ChunkDoc[] = [];
  for (const doc of docs) {
    const problems: ChunkDoc['problems'] = [];
    const [docStart, , docEnd] = doc.range;
    for (const err of doc.errors) {
      problems.push({
        severity: 'error',
        code: 'yaml-syntax',
        message: yamlMessage(err.message, err.code),
        start: err.pos[0],
        end: Math.max(err.pos[1], err.pos[0] + 1),
      });
    }
    for (const w of doc.warnings) {
      problems.push({
        severity: 'warning',
        code: 'yaml-warning',
        message: yamlMessage(w.message, w.code),
        start: w.pos[0],
        end: Math.max(w.pos[1], w.pos[0] + 1),
      });
    }
    if (nul >= docStart && nul < docEnd) {
      problems.push({
        severity: 'error',
        code: 'binary',
        message: 'This document contains binary data (a NUL byte); it is not YAML text and was skipped.',
        start: nul,
        end: nul + 1,
      });
    }
    const empty = doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null);
    let value: unknown;
    if (!problems.some((p) => p.severity === 'error') && !empty) {
      try {
        value = doc.toJS({ maxAliasCount: LIMITS.maxAliasesPerDocument });
        if (depthOf(value) > LIMITS.maxNestingDepth) {
          value = undefined;
          problems.push({
            severity: 'error',
            code: 'too-deep',
            message: `This document nests more than ${LIMITS.maxNestingDepth} levels deep; it was skipped.`,
            start: docStart,
            end: Math.min(docEnd, docStart + 1),
          });
        }
      } catch (e) {
        let unresolved: ReturnType<typeof unresolvedAlias>;
        try {
          unresolved = /excessive alias/i.test(messageOf(e)) ? undefined : unresolvedAlias(doc);
        } catch {
          unresolved = undefined; // the walk recurses too: hostile depth is reported below
        }
        if (unresolved) {
          // An alias whose anchor is not in this document: anchors never carry across `---`.
          problems.push({
            severity: 'error',
            code: 'yaml-alias-unresolved',
            message: `The alias *${unresolved.source} has no anchor &${unresolved.source} before it in this document (anchors do not carry across "---" document separators); the document was skipped.`,
            start: unresolved.start,
            end: unresolved.end,
          });
        } else {
          const alias = /alias/i.test(messageOf(e));
          problems.push({
            severity: 'error',
            code: alias ? 'yaml-aliases' : 'yaml-data',
            message: alias
              ? `This document expands YAML aliases more than ${LIMITS.maxAliasesPerDocument} times (an "alias bomb"); it was skipped.`
              : `This document could not be read as data: ${messageOf(e)}`,
            start: docStart,
            end: Math.min(docEnd, docStart + 1),
          });
        }
      }
    }
    out.push({ doc: indexDoc(doc), value, empty, problems });
  }
  return out;
}

/**
 * The source ranges of one YAML document, flattened: all `locate` needs, at a fraction of the memory of
 * the yaml Document (whose node objects made up about two thirds of a retained Analysis). Node i is
 * nodes[5i..5i+4] = start, end (-1: no range), kind (0 leaf, 1 map, 2 seq), first entry, entry count;
 * entry j is entries[2j] = key node (-1 in sequences), entries[2j+1] = value node (-1: null), with the
 * key's text in keys[j] (null when the key is not a scalar).
 */
export interface DocIndex {
  nodes: Int32Array;
  entries: Int32Array;
  keys: (string | null)[];
  /** Node of the document's contents, or -1. */
  root: number;
  /** The document's own range (start, end of its value). */
  range: [number, number];
}

export function indexDoc(doc: Document.Parsed | undefined): DocIndex {
  const range: [number, number] = doc?.range ? [doc.range[0], doc.range[1]] : [0, 0];
  const nodes: number[] = [];
  const entries: number[] = [];
  const keys: (string | null)[] = [];
  const add = (node: unknown): number => {
    if (node === null || node === undefined) return -1;
    const i = nodes.length / 5;
    const r = (node as { range?: [number, number, number] | null }).range;
    nodes.push(r ? r[0] : -1, r ? r[1] : -1, 0, 0, 0);
    if (isMap(node) || isSeq(node)) {
      const items = node.items as unknown[];
      const first = entries.length / 2;
      nodes[i * 5 + 2] = isMap(node) ? 1 : 2;
      nodes[i * 5 + 3] = first;
      nodes[i * 5 + 4] = items.length;
      // Reserve this collection's entries first, so that they stay contiguous.
      for (let j = 0; j < items.length; j++) {
        entries.push(-1, -1);
        keys.push(null);
      }
      for (let j = 0; j < items.length; j++) {
        const item = items[j];
        if (isMap(node)) {
          if (!isPair(item)) continue;
          entries[(first + j) * 2] = add(item.key);
          keys[first + j] = isScalar(item.key) ? String(item.key.value) : null;
          entries[(first + j) * 2 + 1] = add(item.value);
        } else entries[(first + j) * 2 + 1] = add(item);
      }
    }
    return i;
  };
  let root = -1;
  try {
    root = add(doc?.contents ?? null);
  } catch {
    // Hostile depth (the document is reported and skipped elsewhere): ranges fall back to the document.
    return { nodes: new Int32Array(0), entries: new Int32Array(0), keys: [], root: -1, range };
  }
  return { nodes: Int32Array.from(nodes), entries: Int32Array.from(entries), keys, root, range };
}

/** The first alias whose anchor is not defined before it in the document, with its chunk range. */
function unresolvedAlias(doc: Document.Parsed): { source: string; start: number; end: number } | undefined {
  const anchors = new Set<string>();
  let found: { source: string; start: number; end: number } | undefined;
  // Document order: an anchor counts only for the aliases after it (YAML 1.2 §3.2.2.2).
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source)) {
        const r = node.range ?? [0, 1];
        found = { source: node.source, start: r[0], end: Math.max(r[1], r[0] + 1) };
        return visit.BREAK;
      }
    } else if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) anchors.add(node.anchor);
    return undefined;
  });
  return found;
}

function fatalChunk(text: string, message: string): ChunkDoc {
  return {
    doc: indexDoc(undefined),
    value: undefined,
    empty: false,
    problems: [{ severity: 'error', code: 'yaml-syntax', message, start: 0, end: Math.min(1, text.length) }],
  };
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function yamlMessage(message: string, code: string): string {
  if (/Maximum call stack/i.test(message) || code === 'RESOURCE_EXHAUSTION')
    return `YAML nests too deeply for the parser to follow (keep nesting under ${LIMITS.maxNestingDepth} levels)`;
  if (code === 'DUPLICATE_KEY') return 'Duplicate key: each key may appear only once in a mapping (kubectl rejects it)';
  // The yaml package appends " at line L, column C" even without prettyErrors in some paths.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
}

/** Parses one file into documents. Never throws. */
export function parseFile(file: InputFile, cache?: ParseCache): ParsedDoc[] {
  const out: ParsedDoc[] = [];
  let index = 0;
  for (const chunk of splitDocuments(file.text)) {
    let docs = cache?.get(chunk.text);
    if (!docs) {
      docs = parseChunk(chunk.text);
      cache?.set(chunk.text, docs);
    }
    for (const d of docs) {
      out.push({
        file: file.name,
        base: chunk.start,
        index: index++,
        doc: d.doc,
        value: d.value,
        empty: d.empty,
        diagnostics: d.problems.map((p) => ({
          severity: p.severity,
          code: p.code,
          message: p.message,
          file: file.name,
          range: { file: file.name, start: chunk.start + p.start, end: chunk.start + p.end },
        })),
      });
    }
  }
  return out;
}

/**
 * The source range of the node at `path` (or of its key, with `key`). When the path leads past
 * what was written (a defaulted or missing field), the deepest existing node's range is returned,
 * so a diagnostic always points at the closest thing the user wrote.
 */
export function locate(pd: ParsedDoc, path: Path, key = false): { start: number; end: number } {
  const { nodes: N, entries: E, keys } = pd.doc;
  let node = pd.doc.root;
  let keyNode = -1;
  for (const seg of path) {
    if (node < 0) break;
    const kind = N[node * 5 + 2];
    const first = N[node * 5 + 3]!;
    const count = N[node * 5 + 4]!;
    if (kind === 1) {
      const want = String(seg);
      let found = -1;
      for (let j = first; j < first + count; j++)
        if (keys[j] === want) {
          found = j;
          break;
        }
      if (found < 0) break;
      keyNode = E[found * 2]!;
      node = E[found * 2 + 1]!;
      if (node < 0) break;
    } else if (kind === 2 && typeof seg === 'number' && seg < count) {
      keyNode = -1;
      // No item (a negative index): nothing was written there, as with the yaml Document before.
      node = seg >= 0 && Number.isInteger(seg) ? E[(first + seg) * 2 + 1]! : -1;
    } else break;
  }
  const target = key && keyNode >= 0 ? keyNode : node >= 0 ? node : keyNode;
  const r: [number, number] = target >= 0 && N[target * 5]! >= 0 ? [N[target * 5]!, N[target * 5 + 1]!] : pd.doc.range;
  return { start: pd.base + r[0], end: pd.base + Math.max(r[1], r[0] + 1) };
}

export function formatPath(path: Path): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else s += s ? `.${seg}` : seg;
  }
  return s;
}
