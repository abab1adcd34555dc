// What the page receives of an analysis (DESIGN "The one rule of the architecture": the Analysis stays
// in the worker; the page gets small view models). Shared by the worker and by the build, which
// computes the start-up view of the default example with the same code (scripts/startup-view.ts).

import type { Analysis, EngineOptions, InputFile, ScenarioSettings } from '../../engine/index.ts';
// A leaf module: engine/index.ts would pull the whole engine into the main thread.
import { LIMITS } from '../../engine/limits.ts';
import { analysisKey } from './hash.ts';
import type { AnalysisView } from './protocol.ts';

/** The one file the page analyses: the editor's text. */
export const MANIFEST_FILE = 'manifests.yaml';

/** The files the page analyses: the editor's text as its one file (the build's start-up view too). */
export function pageFiles(manifests: string): InputFile[] {
  return [{ name: MANIFEST_FILE, text: manifests }];
}

/** The options the page analyses a scenario with: its settings, and the page's input cap. */
export function pageOptions(settings: ScenarioSettings): EngineOptions {
  return { ...settings, maxInputBytes: LIMITS.pageMaxInputBytes };
}

/** The files of an analysis request as the one string their content key hashes. */
export function filesText(files: InputFile[]): string {
  return files.map((f) => `${f.name}\u0000${f.text}`).join('\u0000');
}

/** The content key of an analysis request (worker/hash.ts): files and options, nothing else. */
export function filesKey(files: InputFile[], options: EngineOptions): string {
  return analysisKey(filesText(files), options);
}

export function analysisView(a: Analysis, version: number, key: string, ms: number): AnalysisView {
  let errors = 0;
  let warnings = 0;
  for (const d of a.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return {
    version,
    key,
    diagnostics: a.diagnostics,
    status: a.status,
    topology: a.topology,
    gateways: a.resources
      .filter((r) => r.kind === 'Gateway' && r.group === 'gateway.networking.k8s.io')
      .map((r) => `${r.namespace}/${r.name}`),
    counts: { objects: a.resources.length, errors, warnings },
    ms,
    engineVersion: a.engineVersion,
  };
}
