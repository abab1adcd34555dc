// The weighted split of the winning rule: one bar per backendRef with its exact share (weight ÷ sum),
// invalid backends as a red failing share, and observed counts from the seeded sampler on request.

import { useState } from 'react';
import type { Trace } from '../../engine/index.ts';
import { decisionsFor, SdList } from './Decisions.tsx';
import { protocolOf } from './form.ts';
import { splitRows } from './split.ts';
import { useTester } from './store.ts';
import { backendLabel, failureLabel, failurePhrase, percent } from './verdict.ts';

export const SAMPLE_N = 1000;

export function SplitChart({ trace }: { trace: Trace }) {
  const sampled = useTester((s) => s.sampled);
  const sampling = useTester((s) => s.sampling);
  const [seed, setSeed] = useState('1');
  const total = trace.backends.reduce((s, b) => s + b.weight, 0);
  const fail = failureLabel(protocolOf(trace.request));
  const counts = sampled?.counts;
  const { rows, others } = splitRows(trace, counts);
  const n = sampled?.n ?? SAMPLE_N;

  return (
    <figure className="split" aria-labelledby="split-caption">
      <figcaption id="split-caption">
        <h3>Weighted split</h3>
        <span className="hint">
          share = weight ÷ {total} (the sum of the rule's weights); invalid backendRefs keep their share, which{' '}
          {failurePhrase(protocolOf(trace.request))}
        </span>
      </figcaption>
      <table className="split-table">
        <thead>
          <tr>
            <th scope="col">Backend</th>
            <th scope="col">Weight</th>
            <th scope="col" className="bar-col">
              Expected share
            </th>
            {counts && <th scope="col">Observed ({n.toLocaleString('en-US')} requests)</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ b, observed }, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a rule may list a backend twice
            <tr key={i} className={b.valid ? 'ok' : 'invalid'}>
              <th scope="row">
                {backendLabel(b)}
                {!b.valid && (
                  <span className="fail-label">
                    {' '}
                    → <strong>{fail}</strong>
                    {b.reason ? <span className="cand-why"> {b.reason}</span> : null}
                  </span>
                )}
              </th>
              <td>{b.weight}</td>
              <td className="bar-col">
                <div className="bar-track" aria-hidden="true">
                  <div className="bar" style={{ width: `${Math.max(0, Math.min(1, b.share)) * 100}%` }} />
                </div>
                <span className="pct">{percent(b.share)}</span>
                {!b.valid && b.share > 0 && (
                  <span className="sr-only"> {failurePhrase(protocolOf(trace.request))}</span>
                )}
              </td>
              {counts && <td>{observed === undefined ? '—' : `${observed} (${percent(observed / n)})`}</td>}
            </tr>
          ))}
          {others.map(([k, c]) => (
            <tr key={`o-${k}`} className="invalid observed-only">
              <th scope="row">{k}</th>
              <td />
              <td className="bar-col">
                <span className="hint">failing share, observed</span>
              </td>
              <td>
                {c} ({percent(c / n)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SdList names={decisionsFor(trace, 'split')} label="Simulator decisions in the split" />
      <div className="split-actions">
        <button
          type="button"
          disabled={sampling}
          onClick={() => {
            const s = Number.parseInt(seed, 10);
            void useTester.getState().sample(SAMPLE_N, Number.isFinite(s) ? s : 1);
          }}
        >
          Simulate 1,000 requests
        </button>
        <label className="narrow">
          <span className="label-text">Seed</span>
          <input inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value.replace(/[^0-9]/g, ''))} />
        </label>
        {sampling && <span className="hint">sampling…</span>}
      </div>
    </figure>
  );
}
