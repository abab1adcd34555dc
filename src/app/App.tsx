// The page: header, editor on the left, Graph / Problems / Tester on the right (stacked on narrow
// screens). Section landmarks carry the names that assistive technology and the e2e tests use.
import { lazy, Suspense, useEffect, useState } from 'react';
import { GraphPanel } from './graph/GraphPanel.tsx';
import { openFile } from './shell/files.ts';
import { Header } from './shell/Header.tsx';
import { HelpDialog } from './shell/HelpDialog.tsx';
import { Notices } from './shell/Notices.tsx';
import { ProblemsPanel } from './shell/ProblemsPanel.tsx';
import { ScenarioBar } from './shell/ScenarioBar.tsx';
import { SettingsDialog } from './shell/SettingsDialog.tsx';
import { ShareDialog } from './shell/ShareDialog.tsx';
import { Splitter } from './shell/Splitter.tsx';
import { StatusBar } from './shell/StatusBar.tsx';
import { useScenario } from './store/scenario.ts';
import { whenGraphPainted } from './store/startup.ts';
import { useUi } from './store/ui.ts';

const ManifestEditor = lazy(() => import('./editor/ManifestEditor.tsx'));
// Its own chunk (the form, the trace view, the test cases: ~40 KB): not needed for the first frame.
const TesterPanel = lazy(() => import('./tester/TesterPanel.tsx').then((m) => ({ default: m.TesterPanel })));

/** Until Monaco arrives: the same text, read-only, so that the page is useful at once. */
function TextFallback() {
  const manifests = useScenario((s) => s.manifests);
  return (
    <div className="editor-fallback-wrap">
      <p className="editor-loading" role="status">
        Loading the editor…
      </p>
      <pre
        className="editor-fallback"
        data-testid="editor-fallback"
        tabIndex={0}
        aria-label="Manifest YAML (read-only while the editor loads)"
      >
        {manifests}
      </pre>
    </div>
  );
}

function useStoredNumber(key: string, initial: number): [number, (v: number) => void] {
  const [v, setV] = useState(() => {
    try {
      const n = Number(localStorage.getItem(key));
      return n > 0 && n < 100 ? n : initial;
    } catch {
      return initial;
    }
  });
  const set = (n: number) => {
    setV(n);
    try {
      localStorage.setItem(key, String(n));
    } catch {}
  };
  return [v, set];
}

function useFileDrop(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overFn = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const f = e.dataTransfer?.files?.[0];
      if (f) void openFile(f);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overFn);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return over;
}

/**
 * Monaco (3 MB of JS) compiles on the main thread. Loading it after the first analysis has been painted
 * lets the graph and problems appear first (the read-only text stands in meanwhile); if the analysis is
 * slow, the editor comes anyway after a moment. Never before the rest of the page (useRestOfPage).
 */
function useDeferredEditor(rest: boolean): boolean {
  // The engine's own analysis, not the start-up view: on a first visit Monaco's compilation would
  // otherwise hold back the worker's start-up, and with it the tester's first answer.
  const analysed = useScenario((s) => s.analysis !== null && !s.analysis.startup);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready || !rest) return;
    let frame = 0;
    const t = setTimeout(
      () => {
        frame = requestAnimationFrame(() => setTimeout(() => setReady(true), 0));
      },
      analysed ? 0 : 1500,
    );
    return () => {
      clearTimeout(t);
      cancelAnimationFrame(frame);
    };
  }, [analysed, ready, rest]);
  return ready;
}

/**
 * Start-up order (store/startup.ts): on the build's start-up view the first frame draws the page frame,
 * the editor text, the graph and Problems; the rest follows once the graph is painted. Every box is in
 * place from the first frame (the header bar, the panels, the status bar), so nothing moves when it
 * fills in (e2e/app-startup.spec.ts). Otherwise (a link, saved work) the graph waits for the worker
 * anyway: everything renders at once.
 */
function useRestOfPage(): boolean {
  const [rest, setRest] = useState(() => useScenario.getState().analysis?.startup !== true);
  useEffect(() => (rest ? undefined : whenGraphPainted(() => setRest(true))), [rest]);
  return rest;
}

export function App() {
  const rest = useRestOfPage();
  const editorReady = useDeferredEditor(rest);
  const [split, setSplit] = useStoredNumber('gateway-sim:split', 44);
  const [graphShare, setGraphShare] = useStoredNumber('gateway-sim:graph', 46);
  const dropping = useFileDrop();
  const slow = useScenario((s) => s.analysisStatus.phase === 'slow');
  const graphExpanded = useUi((s) => s.graphExpanded);
  return (
    <div
      className={graphExpanded ? 'app graph-expanded' : 'app'}
      style={{ '--split': `${split}%`, '--graph': `${graphShare}%` } as React.CSSProperties}
    >
      <Header controls={rest} />
      {slow && <div className="app-progress" aria-hidden="true" />}
      <main className="app-body">
        <section aria-label="Manifest editor" className="pane editor-pane">
          <ScenarioBar />
          <div className="editor-host">
            {editorReady ? (
              <Suspense fallback={<TextFallback />}>
                <ManifestEditor />
              </Suspense>
            ) : (
              <TextFallback />
            )}
          </div>
        </section>
        <Splitter
          value={split}
          onChange={setSplit}
          orientation="vertical"
          label="Resize editor and panels"
          min={25}
          max={75}
        />
        <div className="pane side-pane">
          <section aria-label="Topology graph" className="panel graph-panel">
            <GraphPanel />
          </section>
          <Splitter
            value={graphShare}
            onChange={setGraphShare}
            orientation="horizontal"
            label="Resize graph and panels below"
            min={15}
            max={80}
          />
          <div className="lower-panels">
            <section aria-label="Problems" className="panel problems-panel">
              <ProblemsPanel />
            </section>
            <section aria-label="Request tester" className="panel tester-panel">
              {rest && (
                <Suspense fallback={null}>
                  <TesterPanel />
                </Suspense>
              )}
            </section>
          </div>
        </div>
      </main>
      {rest ? <StatusBar /> : <footer className="status-bar" />}
      <Notices />
      <ShareDialog />
      <SettingsDialog />
      <HelpDialog />
      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop a YAML or scenario file to open it</p>
        </div>
      )}
    </div>
  );
}
