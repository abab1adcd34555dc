import { lazy, Suspense, useEffect } from 'react';
import { GraphPanel } from './graph/GraphPanel.tsx';
import { useScenario } from './store/scenario.ts';
import { TesterPanel } from './tester/TesterPanel.tsx';
import { engine } from './worker/client.ts';

const ManifestEditor = lazy(() => import('./editor/ManifestEditor.tsx'));

function useLiveAnalysis() {
  const manifests = useScenario((s) => s.manifests);
  const version = useScenario((s) => s.version);
  const settings = useScenario((s) => s.settings);
  useEffect(() => {
    const t = setTimeout(() => {
      engine
        .analyze([{ name: 'manifests.yaml', text: manifests }], settings, version)
        .then((v) => useScenario.getState().setAnalysis(v))
        .catch(() => {});
    }, 150);
    return () => clearTimeout(t);
  }, [manifests, version, settings]);
}

function Problems() {
  const analysis = useScenario((s) => s.analysis);
  const diagnostics = analysis?.diagnostics ?? [];
  if (diagnostics.length === 0) return <p className="empty">No problems found.</p>;
  return (
    <ul>
      {diagnostics.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics have no identity of their own
        <li key={i}>
          {d.severity}: {d.message} {d.line ? `(line ${d.line})` : ''}
        </li>
      ))}
    </ul>
  );
}

function TextFallback() {
  const manifests = useScenario((s) => s.manifests);
  return (
    <pre className="editor-fallback" data-testid="editor-fallback">
      {manifests}
    </pre>
  );
}

export function App() {
  useLiveAnalysis();
  return (
    <div className="app">
      <header className="app-header">
        <h1>gateway-sim</h1>
      </header>
      <main className="app-body">
        <section aria-label="Manifest editor" className="pane editor-pane">
          <Suspense fallback={<TextFallback />}>
            <ManifestEditor />
          </Suspense>
        </section>
        <div className="pane side-pane">
          <section aria-label="Topology graph">
            <GraphPanel />
          </section>
          <section aria-label="Problems">
            <Problems />
          </section>
          <section aria-label="Request tester">
            <TesterPanel />
          </section>
        </div>
      </main>
    </div>
  );
}
