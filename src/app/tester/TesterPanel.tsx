// The request tester: "where does this request go, and why?" (issue "Tester").
// The form, the result (verdict, trace step by step, weighted split) and the route test cases.
// The result and the test cases re-run whenever a new analysis arrives (every manifest edit).

import { useEffect, useRef } from 'react';
import { useScenario } from '../store/scenario.ts';
import { stableJson } from './form.ts';
import { RequestForm } from './RequestForm.tsx';
import { ResultView } from './ResultView.tsx';
import { useTester } from './store.ts';
import { TestCases } from './TestCases.tsx';
import './tester.css';

/** Runs `fn` in a task after the next frame is painted; the returned function cancels it. */
function afterNextPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

function useLiveRuns() {
  // Which analysis the results belong to: its key and version, not the object (the worker confirming
  // the start-up view, worker/startup.ts, is the same analysis and needs no new traces).
  const analysisId = useScenario((s) => (s.analysis ? `${s.analysis.key}@${s.analysis.version}` : null));
  const requests = useScenario((s) => s.requests);
  const firstKey = useRef<string | null>(null);
  const pendingSend = useRef(false);

  // A new scenario (example, link, file) brings its own requests: show the first one's result.
  // Appending a quick pick keeps the first request, so it does not reset the form.
  useEffect(() => {
    const first = requests[0];
    const key = first ? stableJson(first.request) : null;
    if (key === firstKey.current) return;
    firstKey.current = key;
    if (!first) return;
    useTester.getState().loadRequest(first.request);
    // The build's start-up view is on screen before the worker has analysed: send after its frame.
    const analysis = useScenario.getState().analysis;
    if (analysis && !analysis.startup) void useTester.getState().send();
    else pendingSend.current = true;
  }, [requests]);

  useEffect(() => {
    if (!analysisId) return;
    // After the frame that shows the new analysis (graph, problems) is painted: the traces answer a
    // moment later either way, and rendering them first would hold that frame back.
    return afterNextPaint(() => {
      const t = useTester.getState();
      if (pendingSend.current) {
        pendingSend.current = false;
        void t.send();
      } else void t.rerun();
      void t.runTests();
    });
  }, [analysisId]);

  // Test cases added, edited or removed: re-run them against the current analysis.
  useEffect(
    () =>
      useScenario.subscribe((s, prev) => {
        if (s.tests !== prev.tests && s.analysis) void useTester.getState().runTests();
      }),
    [],
  );
}

export function TesterPanel() {
  useLiveRuns();
  return (
    <div className="tester">
      <RequestForm />
      <ResultView />
      <TestCases />
    </div>
  );
}
