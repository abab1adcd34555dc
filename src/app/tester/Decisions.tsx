// Simulator-decision badges: wherever an outcome rests on an SD (semantics reference §11), an info
// badge names the choice; opening it (click, Enter or Space) shows the sentence behind it.

import { SD } from '../../engine/dataplane/decisions.ts';
import type { Trace } from '../../engine/index.ts';

export function decisionText(name: string): string {
  return (SD as Record<string, string>)[name] ?? name;
}

export type DecisionArea = 'listener' | 'candidates' | 'filters' | 'backend' | 'extras' | 'split';

/** Which step of the trace each decision explains (others show only in the verdict). */
const AREA: Record<string, DecisionArea> = {
  'host-trailing-dot': 'listener',
  'no-sni-catch-all': 'listener',
  'plaintext-on-tls-port': 'listener',
  'listener-isolation': 'listener',
  'no-listener-isolation': 'listener',
  'misdirected-without-feature': 'listener',
  'not-programmed-listener': 'listener',
  'ambiguous-gateway': 'listener',
  'hostnamePrecedence=rank': 'candidates',
  'hostnamePrecedence=partition': 'candidates',
  'intersected-hostnames': 'candidates',
  'regex-re2-full-match': 'candidates',
  'regex-after-prefix': 'candidates',
  'prefix-raw-length': 'candidates',
  'no-path-normalisation': 'candidates',
  'query-first-value': 'candidates',
  'repeated-header-any': 'candidates',
  'match-order-tiebreak': 'candidates',
  'grpc-before-http': 'candidates',
  grpcHttpSameHostname: 'candidates',
  'l4-oldest-route': 'candidates',
  'cors-preflight-method': 'candidates',
  'filter-order-rule-then-backend': 'filters',
  'redirect-keeps-query': 'filters',
  'replace-prefix-root': 'filters',
  'extensionref-unresolved-500': 'filters',
  'extensionref-not-simulated': 'filters',
  'external-auth-input': 'filters',
  'cors-preflight-403': 'filters',
  'cors-echo-origin': 'filters',
  'sample-most-likely-backend': 'backend',
  'mirror-gets-final-request': 'extras',
  'backend-tls-invalid-503': 'extras',
  'all-weights-zero-500': 'split',
  'invalid-backend-keeps-share': 'split',
};

export function decisionsFor(trace: Trace, area: DecisionArea): string[] {
  return (trace.outcome.decisions ?? []).filter((d) => AREA[d] === area);
}

export function SdBadge({ name }: { name: string }) {
  return (
    <details className="sd-badge">
      <summary>
        <span className="sd-i" aria-hidden="true">
          i
        </span>{' '}
        Simulator decision: {name}
      </summary>
      <p>{decisionText(name)}</p>
    </details>
  );
}

export function SdList({ names, label }: { names: string[]; label: string }) {
  if (names.length === 0) return null;
  return (
    <ul className="sd-list" aria-label={label}>
      {names.map((d) => (
        <li key={d}>
          <SdBadge name={d} />
        </li>
      ))}
    </ul>
  );
}
