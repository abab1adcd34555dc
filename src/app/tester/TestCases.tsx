// Route test cases (like Envoy's route table check tool): save the current request with its outcome,
// see pass/fail on every manifest change with a diff, edit, import and export the `gateway-sim test` YAML.

import { useEffect, useId, useState } from 'react';
import type { TestCase } from '../../engine/index.ts';
import { useScenario } from '../store/scenario.ts';
import {
  type CaseResult,
  type CasesYaml,
  caseName,
  expectationFromTrace,
  loadCasesYaml,
  type Mismatch,
} from './cases.ts';
import { describeRequest } from './form.ts';
import { useTester } from './store.ts';

function show(v: unknown): string {
  if (v === null || v === undefined) return '(none)';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function TestCases() {
  const tests = useScenario((s) => s.tests);
  const testRun = useTester((s) => s.testRun);
  const trace = useTester((s) => s.trace);
  const request = useTester((s) => s.request);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const id = useId();
  const current = testRun && testRun.tests === tests ? testRun.results : null;
  const passed = current?.filter((r) => r.pass).length ?? 0;
  const failed = current ? current.length - passed : 0;

  const setTests = (t: TestCase[]) => useScenario.getState().setTests(t);

  // The YAML support is not needed for the first paint, but editing, importing and exporting use it:
  // load it a moment after start-up, so that it is there when asked for (and cached for offline use).
  useEffect(() => {
    const t = setTimeout(() => void loadCasesYaml().catch(() => {}), 1000);
    return () => clearTimeout(t);
  }, []);

  const saveAsTest = () => {
    if (!trace || !request) return;
    const expect = expectationFromTrace(trace);
    setTests([...tests, { name: caseName(request, expect), request, expect }]);
    setMessage({ error: false, text: 'Saved. Edit the expectation if the current outcome is not what you want.' });
  };

  const failedToLoad = (e: unknown) =>
    setMessage({ error: true, text: `Could not load the YAML support: ${e instanceof Error ? e.message : String(e)}` });

  const exportCases = async () => {
    let yaml: CasesYaml;
    try {
      yaml = await loadCasesYaml();
    } catch (e) {
      failedToLoad(e);
      return;
    }
    const blob = new Blob([yaml.stringifyCases(tests)], { type: 'application/yaml' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'gateway-sim-cases.yaml';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const importCases = async (file: File) => {
    try {
      const [{ parseCases }, text] = await Promise.all([loadCasesYaml(), file.text()]);
      const cases = parseCases(text);
      setTests([...useScenario.getState().tests, ...cases]);
      setMessage({
        error: false,
        text: `Imported ${cases.length} test case${cases.length === 1 ? '' : 's'} from ${file.name}.`,
      });
    } catch (e) {
      setMessage({ error: true, text: `${file.name}: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  return (
    <section className="tester-tests" aria-labelledby={`${id}-h`}>
      <div className="tests-head">
        <h3 id={`${id}-h`}>Test cases</h3>
        <output className="tests-summary" aria-live="polite" data-testid="tests-summary">
          {tests.length === 0 ? 'No test cases yet' : current ? `${passed} passed, ${failed} failed` : 'running…'}
        </output>
      </div>
      <div className="tests-actions">
        <button id={`${id}-save`} type="button" onClick={saveAsTest} disabled={!trace || !request}>
          Save as test
        </button>
        <button type="button" onClick={exportCases} disabled={tests.length === 0}>
          Export YAML
        </button>
        <label className="file-button">
          <span>Import YAML…</span>
          <input
            type="file"
            accept=".yaml,.yml,.json,application/yaml,text/yaml"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importCases(f);
            }}
          />
        </label>
      </div>
      {message && (
        <p className={message.error ? 'note error' : 'note'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {tests.length > 0 && (
        <ul className="test-list">
          {tests.map((t, i) => (
            <TestItem
              // biome-ignore lint/suspicious/noArrayIndexKey: test cases are identified by position
              key={i}
              index={i}
              test={t}
              result={current?.[i]}
              editing={editing === i}
              onEdit={(on) => setEditing(on ? i : null)}
              idPrefix={id}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function TestItem({
  index,
  test,
  result,
  editing,
  onEdit,
  idPrefix,
}: {
  index: number;
  test: TestCase;
  result: CaseResult | undefined;
  editing: boolean;
  onEdit(on: boolean): void;
  idPrefix: string;
}) {
  const state = !result ? 'pending' : result.pass ? 'pass' : 'fail';
  const label = state === 'pending' ? '…' : state === 'pass' ? 'PASS' : 'FAIL';
  const replace = (t: TestCase | null) => {
    const list = [...useScenario.getState().tests];
    if (t) list[index] = t;
    else list.splice(index, 1);
    useScenario.getState().setTests(list);
  };
  return (
    <li className={`test test-${state}`} data-testid="test-case">
      <div className="test-line">
        <span className={`badge t-${state}`}>{label}</span>
        <span className="test-name">{test.name}</span>
        <span className="test-buttons">
          <button
            type="button"
            aria-label={`Load the request of test "${test.name}"`}
            title={describeRequest(test.request)}
            onClick={() => {
              useTester.getState().loadRequest(test.request);
              void useTester.getState().send();
            }}
          >
            Load
          </button>
          <button
            type="button"
            aria-label={`Edit test "${test.name}"`}
            aria-expanded={editing}
            onClick={() => onEdit(!editing)}
          >
            Edit
          </button>
          <button
            id={`${idPrefix}-del-${index}`}
            type="button"
            aria-label={`Delete test "${test.name}"`}
            onClick={() => {
              replace(null);
              // Keep keyboard focus in the list: the next case's Delete, else the previous one, else Save.
              requestAnimationFrame(() => {
                const el =
                  document.getElementById(`${idPrefix}-del-${index}`) ??
                  document.getElementById(`${idPrefix}-del-${index - 1}`) ??
                  document.getElementById(`${idPrefix}-save`);
                el?.focus();
              });
            }}
          >
            Delete
          </button>
        </span>
      </div>
      {result?.error && <p className="note error">The engine could not run it: {result.error}</p>}
      {result && !result.pass && result.mismatches.length > 0 && <MismatchList mismatches={result.mismatches} />}
      {editing && (
        <CaseEditor
          test={test}
          index={index}
          onDone={(t) => {
            if (t) replace(t);
            onEdit(false);
          }}
        />
      )}
    </li>
  );
}

function MismatchList({ mismatches }: { mismatches: Mismatch[] }) {
  return (
    <table className="diff test-diff">
      <caption className="sr-only">What differs from the expectation</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Expected</th>
          <th scope="col">Actual</th>
        </tr>
      </thead>
      <tbody>
        {mismatches.map((m) => (
          <tr key={m.key}>
            <th scope="row">{m.key}</th>
            <td>
              <del>{show(m.expected)}</del>
            </td>
            <td>
              <ins>{show(m.actual)}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The in-place editor of one case: loads the YAML support first (usually already loaded, see TestCases). */
function CaseEditor(props: { test: TestCase; index: number; onDone(t: TestCase | null): void }) {
  const [yaml, setYaml] = useState<CasesYaml | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadCasesYaml().then(
      (m) => live && setYaml(m),
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  if (yaml) return <CaseYamlEditor {...props} yaml={yaml} />;
  return (
    <div className="case-editor">
      <p className={failed ? 'note error' : 'note'} role={failed ? 'alert' : 'status'}>
        {failed ? `Could not load the YAML support: ${failed}` : 'Loading the case editor…'}
      </p>
      {failed && (
        <div className="tests-actions">
          <button type="button" onClick={() => props.onDone(null)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}

function CaseYamlEditor({
  test,
  index,
  onDone,
  yaml,
}: {
  test: TestCase;
  index: number;
  onDone(t: TestCase | null): void;
  yaml: CasesYaml;
}) {
  const [text, setText] = useState(() => yaml.stringifyCase(test));
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const save = () => {
    try {
      const cases = yaml.parseCases(text);
      if (cases.length !== 1) throw new Error('Write exactly one case here.');
      onDone(cases[0] as TestCase);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="case-editor">
      <label htmlFor={`${id}-ta`} className="label-text">
        Test case {index + 1} as YAML (name, request, expect; only the expect keys given are checked)
      </label>
      <textarea
        id={`${id}-ta`}
        value={text}
        rows={Math.min(16, text.split('\n').length + 1)}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            save();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onDone(null);
          }
        }}
        aria-describedby={error ? `${id}-err` : undefined}
      />
      {error && (
        <p id={`${id}-err`} className="note error" role="alert">
          {error}
        </p>
      )}
      <div className="tests-actions">
        <button type="button" className="primary" onClick={save}>
          Save test
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <span className="hint">Ctrl+Enter saves, Escape cancels</span>
      </div>
    </div>
  );
}
