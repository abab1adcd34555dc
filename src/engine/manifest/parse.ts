// Text → YAML documents with source ranges. Multi-document YAML and JSON (a YAML subset) alike.
//
// Live editing re-parses only the documents whose text changed: the input is split cheaply on `---`
// lines and each chunk's parse is memoised by its text. Offsets inside a chunk are relative to the
// chunk; `base` turns them into file offsets.

import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node, parseAllDocuments, visit } from 'yaml';
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
  doc: Document.Parsed;
  /** The plain JS value; `undefined` when the document could not be turned into data. */
  value: unknown;
  /** The document holds nothing (only comments or whitespace). */
  empty: boolean;
  /** Problems of this document, with file offsets. */
  diagnostics: Diagnostic[];
}

interface ChunkDoc {
  doc: Document.Parsed;
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
 * An upper bound of the flow-collection nesting (`[` / `{`) of a chunk, in one cheap pass, so that
 * hostile depth is refused deterministically before the (recursive) parser sees it.
 */
export function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > max) max = depth;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return max;
}

function parseChunk(text: string): ChunkDoc[] {
  const nul = text.indexOf('\u0000');
  if (flowDepth(text) > LIMITS.maxNestingDepth) {
    const first = text.search(/[[{]/);
    const c = fatalChunk(
      text,
      `This document nests more than ${LIMITS.maxNestingDepth} levels deep (counting [ and {); it was skipped.`,
    );
    const p = c.problems[0];
    if (p) {
      p.code = 'too-deep';
      p.start = Math.max(0, first);
      p.end = Math.max(0, first) + 1;
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
    out.push({ doc, value, empty, problems });
  }
  return out;
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
  const doc = parseAllDocuments('', {})[0] as unknown as Document.Parsed;
  return {
    doc,
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
  let node: Node | null = pd.doc.contents as Node | null;
  let keyNode: Node | null = null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key as Node;
      if (pair.value === null) {
        node = null;
        break;
      }
      node = pair.value as Node;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      keyNode = null;
      node = node.items[seg] as Node;
    } else break;
  }
  const target = key && keyNode ? keyNode : (node ?? keyNode);
  const r = target?.range ?? pd.doc.range;
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
