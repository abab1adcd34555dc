// Problems: every diagnostic of the latest analysis with its severity; a click reveals its range in
// the editor; a fix button applies the engine's fix. Messages are text, never HTML.
import { useState } from 'react';
import type { Diagnostic } from '../../engine/index.ts';
import { useScenario } from '../store/scenario.ts';
import { IconCheck, IconError, IconInfo, IconWarning } from './icons.tsx';

const LABEL = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

function SeverityIcon({ s }: { s: Diagnostic['severity'] }) {
  if (s === 'error') return <IconError />;
  if (s === 'warning') return <IconWarning />;
  return <IconInfo />;
}

function where(d: Diagnostic): string {
  const parts: string[] = [];
  if (d.line) parts.push(`Line ${d.line}${d.column ? `, column ${d.column}` : ''}`);
  if (d.resource)
    parts.push(`${d.resource.kind} ${d.resource.namespace ? `${d.resource.namespace}/` : ''}${d.resource.name}`);
  if (d.path) parts.push(d.path);
  return parts.join(' · ');
}

/** Rendering thousands of rows would make every analysis result cost a long frame; show more on demand. */
const FIRST_ROWS = 200;

export function ProblemsPanel() {
  const [showAll, setShowAll] = useState(false);
  const analysis = useScenario((s) => s.analysis);
  const current = useScenario((s) => s.analysis !== null && s.analysis.version === s.version);
  const phase = useScenario((s) => s.analysisStatus.phase);
  const diagnostics = analysis?.diagnostics ?? [];
  // Only past the 1 s mark (or after Cancel) say that the list is old: saying it on every keystroke
  // would make the panel flicker.
  const staleNote =
    current || !analysis
      ? null
      : phase === 'slow'
        ? 'Still analysing the latest edit. The list below is for an earlier version.'
        : phase === 'cancelled' || phase === 'failed'
          ? 'The latest edit was not analysed. The list below is for an earlier version.'
          : null;
  const errors = analysis?.counts.errors ?? 0;
  const warnings = analysis?.counts.warnings ?? 0;

  const summary = !analysis
    ? 'Checking…'
    : diagnostics.length === 0
      ? 'None'
      : [
          errors && `${errors} error${errors > 1 ? 's' : ''}`,
          warnings && `${warnings} warning${warnings > 1 ? 's' : ''}`,
        ]
          .filter(Boolean)
          .join(', ') || `${diagnostics.length}`;

  return (
    <>
      <header className="panel-header">
        <h2>Problems</h2>
        {/* Neutral until the first analysis: "Checking…" in green would read as "all good" already. */}
        <span
          className={!analysis ? 'badge' : `badge ${errors ? 'badge-error' : warnings ? 'badge-warning' : 'badge-ok'}`}
        >
          {summary}
        </span>
      </header>
      <div className={staleNote ? 'panel-body problems-body stale' : 'panel-body problems-body'} aria-busy={!current}>
        {staleNote && <p className="stale-note">{staleNote}</p>}
        {!analysis ? (
          <p className="empty">Checking the manifests…</p>
        ) : diagnostics.length === 0 ? (
          <p className="empty ok">
            <IconCheck /> No problems found in the manifests.
          </p>
        ) : (
          <ul className="problems">
            {(showAll ? diagnostics : diagnostics.slice(0, FIRST_ROWS)).map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics have no identity of their own
              <li key={i} className={`problem ${d.severity}`}>
                <button
                  type="button"
                  className="problem-main"
                  disabled={!d.range}
                  onClick={() => d.range && useScenario.getState().select({ range: d.range, focusEditor: true })}
                >
                  <span className="problem-icon">
                    <SeverityIcon s={d.severity} />
                  </span>
                  <span className="problem-text">
                    <span className="visually-hidden">{LABEL[d.severity]}: </span>
                    <span className="problem-message">{d.message}</span>
                    <span className="problem-where">
                      {where(d)}
                      {d.decisions?.length ? (
                        <span className="sd-chip" title={d.decisions.join('\n')}>
                          Simulator decision
                        </span>
                      ) : null}
                    </span>
                  </span>
                </button>
                {d.fix && (
                  <button
                    type="button"
                    className="button small"
                    disabled={!current}
                    onClick={() => d.fix && useScenario.getState().applyFix(d.fix)}
                    title={d.fix.title}
                  >
                    Fix: {d.fix.title}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {!showAll && diagnostics.length > FIRST_ROWS && (
          <p className="more">
            <button type="button" className="button small" onClick={() => setShowAll(true)}>
              Show all {diagnostics.length.toLocaleString('en')} problems
            </button>
          </p>
        )}
      </div>
    </>
  );
}
