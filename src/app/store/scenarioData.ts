// Pure helpers on the scenario document (no zustand, no DOM), unit-tested in scenarioData.test.ts.

import type { SavedRequest, ScenarioSettings, TestCase, TextEdit } from '../../engine/index.ts';
import { stableJson } from '../worker/hash.ts';

/** What the user edits and what travels in share links and IndexedDB. */
export interface ScenarioData {
  manifests: string;
  requests: SavedRequest[];
  tests: TestCase[];
  settings: ScenarioSettings;
}

/** Where the current scenario came from, shown above the editor. */
export interface Origin {
  kind: 'example' | 'link' | 'file' | 'local' | 'recent';
  title: string;
  /** Example id, for the explanation strip. */
  exampleId?: string;
}

export function sameScenario(a: ScenarioData, b: ScenarioData): boolean {
  return (
    a.manifests === b.manifests &&
    stableJson(a.requests) === stableJson(b.requests) &&
    stableJson(a.tests) === stableJson(b.tests) &&
    stableJson(a.settings) === stableJson(b.settings)
  );
}

/** Applies a fix's edits to one file's text, right to left so that earlier offsets stay valid. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((x, y) => y.start - x.start || y.end - x.end);
  let out = text;
  for (const e of sorted) {
    const start = Math.max(0, Math.min(e.start, out.length));
    const end = Math.max(start, Math.min(e.end, out.length));
    out = out.slice(0, start) + e.text + out.slice(end);
  }
  return out;
}

/** Untrusted data (IndexedDB from an older build, a scenario file): keep only well-typed fields. */
export function coerceScenario(x: unknown): ScenarioData | null {
  if (!x || typeof x !== 'object') return null;
  const o = x as Record<string, unknown>;
  if (typeof o.manifests !== 'string') return null;
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  return {
    manifests: o.manifests,
    requests: Array.isArray(o.requests) ? (o.requests.filter(isObj) as unknown as SavedRequest[]) : [],
    tests: Array.isArray(o.tests) ? (o.tests.filter(isObj) as unknown as TestCase[]) : [],
    settings: isObj(o.settings) ? (o.settings as ScenarioSettings) : {},
  };
}

/** A short title for a Recent entry: the first route or Gateway name, else the first line. */
export function describeScenario(manifests: string): string {
  const m = /^kind:\s*(\w+)\s*$[\s\S]*?^\s+name:\s*([\w.-]+)/m.exec(manifests);
  if (m) return `${m[1]} ${m[2]}`;
  const line = manifests.split('\n').find((l) => l.trim() && !l.startsWith('#') && l.trim() !== '---');
  return line ? line.trim().slice(0, 40) : 'Empty scenario';
}
