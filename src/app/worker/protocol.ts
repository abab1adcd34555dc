// Messages between the page and the engine worker. The Analysis stays in the worker; the page gets
// small view models (DESIGN "The one rule of the architecture"). Every reply carries the id of its
// request; analysis replies also carry the editor model version they were computed for, so that a
// stale result is never shown.

import type {
  Diagnostic,
  EngineOptions,
  InputFile,
  ObjectStatus,
  SimRequest,
  Topology,
  Trace,
} from '../../engine/index.ts';

export type ToWorker =
  /** `key`: content hash of files + options; the worker computes it (worker/hash.ts) when absent. */
  | { type: 'analyze'; id: number; version: number; files: InputFile[]; options: EngineOptions; key?: string }
  | { type: 'simulate'; id: number; request: SimRequest; explain: boolean }
  | { type: 'simulateMany'; id: number; request: SimRequest; n: number; seed: number }
  /** Where a field of an object is written (offsets in the analysed text), for "reveal in the editor". */
  | {
      type: 'locate';
      id: number;
      ref: { kind: string; namespace?: string; name: string };
      path: (string | number)[];
    };

/** What the page knows about one analysis. */
export interface AnalysisView {
  /** Editor model version the analysis was computed for. */
  version: number;
  /** Hash of the content + options the analysis was computed from. */
  key: string;
  diagnostics: Diagnostic[];
  status: ObjectStatus[];
  topology: Topology;
  /** Gateways in the manifests, for the tester's gateway picker (`ns/name`). */
  gateways: string[];
  counts: { objects: number; errors: number; warnings: number };
  /** Engine time for this analysis in ms (measured in the worker, not by the engine). */
  ms: number;
  /** ENGINE_VERSION of the engine that computed it. */
  engineVersion?: string;
  /**
   * True while the view shown is the build's start-up view (worker/startup.ts), before the worker's own
   * analysis of the same text confirms it. `ms` is 0 then: the page measured no engine time.
   */
  startup?: true;
}

export type FromWorker =
  | { type: 'analysis'; id: number; view: AnalysisView }
  | { type: 'trace'; id: number; trace: Trace }
  | { type: 'counts'; id: number; counts: Record<string, number> }
  | { type: 'range'; id: number; range: { start: number; end: number } | null }
  | { type: 'error'; id: number; message: string };
