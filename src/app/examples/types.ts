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
  /** Expectations derived from the semantics reference (contracts.md §5), not from engine output. */
  tests: TestCase[];
  settings?: ScenarioSettings;
  /**
   * Diagnostic codes this example is ABOUT (it shows an error or warning on purpose). Any other error
   * diagnostic in an example is a bug, in the example or in the engine.
   */
  expectDiagnostics?: string[];
}
