import type { SavedRequest, ScenarioSettings, TestCase } from '../../engine/index.ts';

/** A built-in scenario (workshop material). */
export interface Example {
  id: string;
  title: string;
  topic: string;
  /** One paragraph in our own words: what to look at and why. */
  explanation: string;
  manifests: string;
  requests: SavedRequest[];
  tests: TestCase[];
  settings?: ScenarioSettings;
}
