// The tester's own state: the request form, the latest trace (the graph reads `trace` to light up
// the path a request took), the sampled split and the test-case results. Scenario data (saved
// requests, test cases) stays in the scenario store, so that it travels in share links.

import { create } from 'zustand';
import type { SimRequest, TestCase, Trace } from '../../engine/index.ts';
import { useScenario } from '../store/scenario.ts';
import { engine } from '../worker/client.ts';
import { type CaseResult, evaluateCase } from './cases.ts';
import { emptyForm, type FormState, formToRequest, requestToForm, stableJson } from './form.ts';

export interface Sampled {
  /** stableJson of the request the counts are for. */
  key: string;
  n: number;
  seed: number;
  counts: Record<string, number>;
}

export interface TestRun {
  /** The tests array the results were computed for (results[i] belongs to tests[i]). */
  tests: TestCase[];
  /** Scenario version the results were computed against. */
  version: number;
  results: CaseResult[];
}

export interface TesterState {
  form: FormState;
  /** The latest trace shown in "Request result"; null before the first run. */
  trace: Trace | null;
  /** The request `trace` answers (what "Save as test" stores). */
  request: SimRequest | null;
  running: boolean;
  error: string | null;
  sampled: Sampled | null;
  sampling: boolean;
  testRun: TestRun | null;
  setForm(patch: Partial<FormState>): void;
  /** Replaces the form with a request (quick picks, test cases, curl paste). */
  loadRequest(req: SimRequest): void;
  /** Runs the form's request (Send / Ctrl+Enter). */
  send(): Promise<void>;
  /** Re-runs the request on screen (the manifests changed). */
  rerun(): Promise<void>;
  sample(n: number, seed: number): Promise<void>;
  runTests(): Promise<void>;
}

let runSeq = 0;
/** The request last sent (what a manifest change re-runs), even if its run failed or is in flight. */
let lastSent: SimRequest | null = null;
let testSeq = 0;
let sampleSeq = 0;

export const useTester = create<TesterState>()((set, get) => ({
  form: emptyForm(),
  trace: null,
  request: null,
  running: false,
  error: null,
  sampled: null,
  sampling: false,
  testRun: null,
  setForm: (patch) => set({ form: { ...get().form, ...patch } }),
  loadRequest: (req) => set({ form: requestToForm(req) }),
  send: async () => {
    await run(formToRequest(get().form));
  },
  rerun: async () => {
    if (lastSent) await run(lastSent);
  },
  sample: async (n, seed) => {
    const req = get().request;
    if (!req) return;
    const my = ++sampleSeq;
    set({ sampling: true });
    try {
      const counts = await engine.simulateMany(req, n, seed);
      if (my === sampleSeq) set({ sampled: { key: stableJson(req), n, seed, counts }, sampling: false });
    } catch (e) {
      if (my === sampleSeq) set({ sampling: false, error: message(e) });
    }
  },
  runTests: async () => {
    const { tests, version } = useScenario.getState();
    const my = ++testSeq;
    const results = await Promise.all(
      tests.map(async (t): Promise<CaseResult> => {
        try {
          return evaluateCase(await engine.simulate(t.request, false), t.expect ?? {});
        } catch (e) {
          return { pass: false, mismatches: [], error: message(e) };
        }
      }),
    );
    if (my === testSeq) set({ testRun: { tests, version, results } });
  },
}));

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function run(req: SimRequest): Promise<void> {
  const my = ++runSeq;
  lastSent = req;
  useTester.setState({ running: true });
  try {
    const trace = await engine.simulate(req, true);
    if (my !== runSeq) return;
    const prev = useTester.getState().sampled;
    useTester.setState({
      trace,
      request: req,
      running: false,
      error: null,
      // Observed counts belong to one request and one analysis: re-sample rather than show stale ones.
      sampled: null,
    });
    if (prev && prev.key === stableJson(req)) void useTester.getState().sample(prev.n, prev.seed);
  } catch (e) {
    if (my !== runSeq) return;
    useTester.setState({ running: false, error: message(e) });
  }
}
