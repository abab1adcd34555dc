// analyze(): text → Analysis (parse → validate → controller). Pure and synchronous; never throws.

import { type ControllerResult, runController } from './controller/index.ts';
import {
  type InputFile,
  LineIndex,
  loadManifests,
  ParseCache,
  type ParsedDoc,
  type Resource,
} from './manifest/index.ts';
import { type ResolvedOptions, resolveOptions } from './options.ts';
import type { Topology } from './topology.ts';
import type { Diagnostic, EngineOptions, ObjectStatus, SourceRange } from './types.ts';
import { validateResources } from './validate/index.ts';
import { ENGINE_VERSION } from './version.ts';

export interface Analysis {
  engineVersion: string;
  options: ResolvedOptions;
  files: InputFile[];
  docs: ParsedDoc[];
  resources: Resource[];
  /** Sorted by file, then position; line/column filled in. */
  diagnostics: Diagnostic[];
  status: ObjectStatus[];
  topology: Topology;
  controller: ControllerResult;
  /** Per-analysis memo slots for later stages (e.g. the data plane's compiled route tables). */
  memo: Map<string, unknown>;
}

export type AnalyzeInput = string | InputFile[];

export function normalizeInput(input: AnalyzeInput): InputFile[] {
  if (typeof input === 'string') return [{ name: 'manifests.yaml', text: input }];
  return input.map((f) => ({ name: f.name, text: typeof f.text === 'string' ? f.text : String(f.text ?? '') }));
}

/** Fills line/column from offsets and orders diagnostics by place. */
export function finalizeDiagnostics(files: InputFile[], diagnostics: Diagnostic[]): Diagnostic[] {
  const indexes = new Map<string, LineIndex>();
  const idx = (file: string) => {
    let li = indexes.get(file);
    if (!li) {
      li = new LineIndex(files.find((f) => f.name === file)?.text ?? '');
      indexes.set(file, li);
    }
    return li;
  };
  for (const d of diagnostics) {
    if (d.range) {
      const li = idx(d.range.file);
      // Every range lies inside its text, whatever a stage computed (editors reject others).
      const len = li.text.length;
      const start = Math.max(0, Math.min(d.range.start, len));
      d.range = { file: d.range.file, start, end: Math.max(start, Math.min(d.range.end, len)) };
      const s = li.position(d.range.start);
      const e = li.position(d.range.end);
      d.file = d.range.file;
      d.line = s.line;
      d.column = s.column;
      d.endLine = e.line;
      d.endColumn = e.column;
    }
    for (const rel of d.related ?? []) {
      const p = idx(rel.range.file).position(rel.range.start);
      rel.line = p.line;
      rel.column = p.column;
    }
  }
  const fileOrder = new Map(files.map((f, i) => [f.name, i]));
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        (fileOrder.get(a.d.file ?? '') ?? -1) - (fileOrder.get(b.d.file ?? '') ?? -1) ||
        (a.d.range?.start ?? -1) - (b.d.range?.start ?? -1) ||
        a.i - b.i,
    )
    .map((x) => x.d);
}

/**
 * An analyzer keeps a parse memo between calls, so that re-analysing after a one-character edit
 * re-parses only the edited document. Results never depend on the memo.
 */
export function createAnalyzer(): (input: AnalyzeInput, options?: EngineOptions) => Analysis {
  const cache = new ParseCache();
  return (input, options) => {
    try {
      return run(input, options, cache);
    } finally {
      cache.generation();
    }
  };
}

function run(input: AnalyzeInput, options: EngineOptions | undefined, cache: ParseCache): Analysis {
  const opts = resolveOptions(options);
  const files = normalizeInput(input);
  const manifest = loadManifests(files, opts, cache);
  const diagnostics = [...manifest.diagnostics];
  diagnostics.push(...validateResources(manifest.resources, opts));
  const controller = runController(manifest.resources, opts, files);
  diagnostics.push(...controller.diagnostics);
  return {
    engineVersion: ENGINE_VERSION,
    options: opts,
    files,
    docs: manifest.docs,
    resources: manifest.resources,
    diagnostics: finalizeDiagnostics(files, diagnostics),
    status: controller.status,
    // Built on first access (the controller computes it lazily).
    get topology() {
      return controller.topology;
    },
    controller,
    memo: new Map(),
  };
}

const defaultAnalyzer = createAnalyzer();

/** contracts.md §1. `input` is one text or a list of named files. */
export function analyze(input: AnalyzeInput, options?: EngineOptions): Analysis {
  return defaultAnalyzer(input, options);
}

/**
 * Where a field of an object is written (for "reveal in the editor"): the object found by the engine's
 * own identity (kind, defaulted namespace, name; `kind: List` items included), then `path` inside it.
 * `namespace` absent matches any (cluster-scoped objects have none).
 */
export function locateObject(
  analysis: Analysis,
  ref: { kind: string; namespace?: string; name: string },
  path: (string | number)[] = [],
): SourceRange | null {
  const r = analysis.resources.find(
    (x) => x.kind === ref.kind && x.name === ref.name && (ref.namespace === undefined || x.namespace === ref.namespace),
  );
  return r ? r.locate(path) : null;
}
