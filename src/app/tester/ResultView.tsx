// "Request result": the verdict banner, then the trace step by step (listener → candidate routes →
// winner → filters → what the backend receives → mirrors/timeouts/retries/session/backend TLS), and the
// weighted split. Everything shown is text from the Trace; nothing is rendered as HTML.

import type { ReactNode } from 'react';
import type { Trace, TraceCandidate, TraceFilter } from '../../engine/index.ts';
import { useScenario } from '../store/scenario.ts';
import { type DecisionArea, decisionsFor, SdList } from './Decisions.tsx';
import { diffSnapshots } from './diff.ts';
import { describeRequest, formToRequest, protocolOf, sameRequest } from './form.ts';
import { highlight } from './highlight.ts';
import { SplitChart } from './SplitChart.tsx';
import { useTester } from './store.ts';
import { backendLabel, CANDIDATE_VERDICT, listenerWhy, nsName, verdictOf } from './verdict.ts';

export function ResultView() {
  const trace = useTester((s) => s.trace);
  const running = useTester((s) => s.running);
  const error = useTester((s) => s.error);
  return (
    <section aria-label="Request result" className="tester-result" aria-busy={running}>
      {error && (
        <p className="note error" role="alert">
          The engine could not answer: {error}
        </p>
      )}
      {!trace ? <p className="empty">Send a test request to see where it goes.</p> : <TraceView trace={trace} />}
    </section>
  );
}

function TraceView({ trace }: { trace: Trace }) {
  const v = verdictOf(trace);
  const form = useTester((s) => s.form);
  const request = useTester((s) => s.request);
  const stale = request !== null && !sameRequest(formToRequest(form), request);
  const decisions = trace.outcome.decisions ?? [];
  return (
    <>
      <p className="result-for">
        Result for <code>{describeRequest(request ?? trace.request)}</code>
        {stale ? ' (the form has changed since: press Send to run it)' : ''}
      </p>
      <div className={`verdict tone-${v.tone}`} data-outcome={trace.outcome.kind} tabIndex={-1}>
        <p className="verdict-headline" aria-live="polite">
          {v.headline}
        </p>
        <p className="verdict-detail">{v.detail}</p>
        <SdList names={decisions} label="Simulator decisions this outcome rests on" />
      </div>
      {(trace.warnings ?? []).length > 0 && (
        <ul className="warnings" aria-label="Warnings about the request">
          {(trace.warnings ?? []).map((w) => (
            <li key={w}>⚠ {w}</li>
          ))}
        </ul>
      )}
      <ol className="steps">
        <ListenerStep trace={trace} />
        <CandidatesStep trace={trace} />
        <WinnerStep trace={trace} />
        <FiltersStep trace={trace} />
        <BackendStep trace={trace} />
        <ExtrasStep trace={trace} />
      </ol>
      {trace.backends.length > 0 && <SplitChart trace={trace} />}
    </>
  );
}

function Step({
  n,
  title,
  children,
  trace,
  area,
}: {
  n: number;
  title: string;
  children: ReactNode;
  trace?: Trace;
  area?: DecisionArea;
}) {
  return (
    <li className="step">
      <h3>
        <span className="step-n" aria-hidden="true">
          {n}
        </span>
        {title}
      </h3>
      {children}
      {trace && area && (
        <SdList names={decisionsFor(trace, area)} label={`Simulator decisions in step ${n}, ${title.toLowerCase()}`} />
      )}
    </li>
  );
}

function ListenerStep({ trace }: { trace: Trace }) {
  const l = trace.listener;
  const named = trace.request.gateway;
  return (
    <Step n={1} title="Listener" trace={trace} area="listener">
      {trace.gateway ? (
        <p>
          Gateway <code>{nsName(trace.gateway)}</code>
          {named ? ' (named in the request)' : ' (the request named no Gateway; this one serves it)'}
          {l && (
            <>
              , listener <code>{l.name}</code>
              {l.listenerSet && (
                <>
                  {' '}
                  of ListenerSet <code>{nsName(l.listenerSet)}</code>
                </>
              )}{' '}
              ({l.protocol}, port {l.port}
              {l.hostname ? `, hostname ${l.hostname}` : ', no hostname'})
            </>
          )}
        </p>
      ) : (
        <p>No Gateway serves this request{named ? ` (asked for ${named})` : ''}.</p>
      )}
      {l ? (
        <ul className="why">
          {listenerWhy(trace).map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : (
        <p className="why">No listener was chosen: {trace.outcome.reason}</p>
      )}
    </Step>
  );
}

function candidateLabel(c: TraceCandidate): string {
  let s = `${c.kind} ${nsName(c)}`;
  if (c.rule !== undefined) s += ` rule ${c.rule}`;
  if (c.match !== undefined) s += ` match ${c.match}`;
  return s;
}

const VERDICT_ORDER: Record<string, number> = { matched: 0, lost: 1, 'no-match': 2, 'not-attached': 3 };

function CandidatesStep({ trace }: { trace: Trace }) {
  const cands = [...trace.candidates].sort((a, b) => (VERDICT_ORDER[a.verdict] ?? 9) - (VERDICT_ORDER[b.verdict] ?? 9));
  return (
    <Step n={2} title="Candidate routes" trace={trace} area="candidates">
      {cands.length === 0 ? (
        <p className="why">
          {trace.listener ? 'No route is attached to this listener.' : 'No listener, so no routes were considered.'}
        </p>
      ) : (
        <ul className="candidates">
          {cands.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: candidates may repeat a route
            <li key={i} className={`cand cand-${c.verdict}`}>
              <span className={`badge v-${c.verdict}`}>{CANDIDATE_VERDICT[c.verdict] ?? c.verdict}</span>{' '}
              <button
                type="button"
                className="link"
                onClick={() => void highlight(c, c.rule, c.match)}
                title="Show in the editor and the graph"
              >
                {candidateLabel(c)}
              </button>
              <span className="cand-why">{c.why}</span>
            </li>
          ))}
        </ul>
      )}
      {trace.candidatesOmitted ? (
        <p className="hint">…and {trace.candidatesOmitted} more candidates not listed.</p>
      ) : null}
      <PrecedenceHelp kind={trace.route?.kind ?? cands[0]?.kind} />
    </Step>
  );
}

/** What a rule without `matches` means, per route kind. */
const DEFAULT_MATCH: Record<string, string> = {
  HTTPRoute: 'no matches listed: the default match, PathPrefix /',
  GRPCRoute: 'no matches listed: every gRPC request matches',
  TLSRoute: 'TLSRoutes have no match conditions: the route is chosen by its hostnames',
  TCPRoute: 'TCPRoutes have no match conditions: the listener decides',
  UDPRoute: 'UDPRoutes have no match conditions: the listener decides',
};

/** The precedence order, so that "lost to …: longer prefix" can be read against the whole list. */
const PRECEDENCE: Record<string, string[]> = {
  HTTPRoute: [
    'Hostname: an exact hostname beats a wildcard; then the longer matching hostname.',
    'Path: Exact beats PathPrefix; the longer prefix wins; RegularExpression paths come after both (simulator decision).',
    'Method: a match with a method beats one without.',
    'Headers: more header matches win.',
    'Query parameters: more query-parameter matches win.',
    'The oldest route (creationTimestamp, else document order) wins.',
    'Then {namespace}/{name} in alphabetical order.',
    'Within the route: the first rule in list order, then the first match.',
  ],
  GRPCRoute: [
    'Hostname: characters in a matching exact hostname, then in any matching hostname.',
    'Characters in the matching service.',
    'Characters in the matching method.',
    'More header matches win.',
    'The oldest route, then {namespace}/{name}, then the first matching rule.',
  ],
  TLSRoute: [
    'The most specific matching hostname (exact, then the longer wildcard).',
    'Then the oldest route, then {namespace}/{name}.',
  ],
  TCPRoute: ['The oldest route attached to the listener gets all the traffic; then {namespace}/{name}.'],
  UDPRoute: ['The oldest route attached to the listener gets all the traffic; then {namespace}/{name}.'],
};

function PrecedenceHelp({ kind }: { kind: string | undefined }) {
  const steps = kind ? PRECEDENCE[kind] : undefined;
  if (!steps) return null;
  return (
    <details className="precedence-help">
      <summary>How {kind}s are ranked</summary>
      <ol>
        {steps.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ol>
      <p className="hint">
        Only matches that fit the request compete; the first step on which two of them differ decides.
      </p>
    </details>
  );
}

function WinnerStep({ trace }: { trace: Trace }) {
  const r = trace.route;
  return (
    <Step n={3} title="Winning route, rule and match">
      {!r ? (
        <p className="why">No route won.</p>
      ) : (
        <p className="winner">
          <button type="button" className="link" onClick={() => void highlight(r)}>
            {r.kind} {nsName(r)}
          </button>
          {' → '}
          <button type="button" className="link" onClick={() => void highlight(r, r.rule)}>
            rule {r.rule}
            {r.ruleName ? ` (${r.ruleName})` : ''}
          </button>
          {' → '}
          {r.match === null ? (
            <span>{DEFAULT_MATCH[r.kind] ?? 'no match conditions'}</span>
          ) : (
            <button type="button" className="link" onClick={() => void highlight(r, r.rule, r.match)}>
              match {r.match}
            </button>
          )}
          <span className="hint"> — click to show it in the editor and the graph</span>
        </p>
      )}
    </Step>
  );
}

/** The engine gives header filters flat header records; label them as request or response headers. */
function snapshotOf(f: TraceFilter, v: unknown): unknown {
  if (v === undefined || v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const o = v as Record<string, unknown>;
  if ('path' in o || 'host' in o || 'headers' in o) return v;
  if (/Response|CORS/i.test(f.type)) return { responseHeaders: o };
  if (/Header/i.test(f.type)) return { headers: o };
  return v;
}

function FiltersStep({ trace }: { trace: Trace }) {
  const p = protocolOf(trace.request);
  if (p === 'TCP' || p === 'UDP' || p === 'TLS') {
    return (
      <Step n={4} title="Filters" trace={trace} area="filters">
        <p className="why">{p === 'TLS' ? 'TLSRoutes' : `${p}Routes`} have no filters: the stream is not HTTP.</p>
      </Step>
    );
  }
  return (
    <Step n={4} title="Filters" trace={trace} area="filters">
      {trace.filters.length === 0 ? (
        <p className="why">{trace.route ? 'The winning rule has no filters.' : 'No filters ran.'}</p>
      ) : (
        <ol className="filters">
          {trace.filters.map((f, i) => {
            const changes =
              f.before !== undefined || f.after !== undefined
                ? diffSnapshots(snapshotOf(f, f.before), snapshotOf(f, f.after))
                : [];
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: filters run in list order and may repeat
              <li key={i}>
                <p>
                  <strong>{f.type}</strong>{' '}
                  <span className="badge">{f.level === 'backend' ? 'backendRef filter' : 'rule filter'}</span>{' '}
                  {f.summary}
                </p>
                {changes.length > 0 && (
                  <table className="diff">
                    <caption className="sr-only">Changes made by {f.type}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Field</th>
                        <th scope="col">Before</th>
                        <th scope="col">After</th>
                      </tr>
                    </thead>
                    <tbody>
                      {changes.map((c) => (
                        <tr key={c.field} className={`chg-${c.kind}`}>
                          <th scope="row">{c.field === 'value' ? 'URL' : c.field}</th>
                          <td>{c.kind === 'added' ? <em>(none)</em> : <del>{c.before}</del>}</td>
                          <td>{c.kind === 'removed' ? <em>(removed)</em> : <ins>{c.after}</ins>}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Step>
  );
}

/** The valid backend with the largest share (first in list order): the one the trace follows. */
function mostLikely(trace: Trace): string {
  let best: Trace['backends'][number] | undefined;
  for (const b of trace.backends) if (b.valid && (!best || b.share > best.share)) best = b;
  return best ? backendLabel(best) : 'the chosen backend';
}

/** The TLS mode of the trace's listener, from the topology view model. */
function tlsMode(trace: Trace): string | undefined {
  const l = trace.listener;
  if (!l || !trace.gateway) return undefined;
  const id = l.listenerSet ? `ls:${nsName(l.listenerSet)}/${l.name}` : `gw:${nsName(trace.gateway)}/${l.name}`;
  const node = useScenario.getState().analysis?.topology.nodes.find((n) => n.id === id);
  const mode = node?.details.tlsMode;
  return typeof mode === 'string' ? mode : undefined;
}

function BackendStep({ trace }: { trace: Trace }) {
  const f = trace.forwarded;
  const p = protocolOf(trace.request);
  const l4 = p === 'TCP' || p === 'UDP' || p === 'TLS';
  const respHeaders = Object.entries(trace.responseHeaders);
  if (l4) {
    return (
      <Step n={5} title="What the backend receives" trace={trace} area="backend">
        <p className="why">
          {trace.outcome.kind !== 'forward'
            ? 'Nothing: no backend is reached.'
            : p !== 'TLS'
              ? `The ${p} ${p === 'UDP' ? 'datagrams' : 'stream'}, unchanged.`
              : tlsMode(trace) === 'Terminate'
                ? 'The decrypted TCP stream: the Gateway terminates TLS with the listener certificate (mode Terminate).'
                : tlsMode(trace) === 'Passthrough'
                  ? 'The encrypted stream as the client sent it: the Gateway only reads the SNI (mode Passthrough).'
                  : 'The TLS stream (passthrough) or the decrypted stream (terminate), by the listener mode.'}
        </p>
      </Step>
    );
  }
  const reqHost = trace.request.host?.toLowerCase();
  const port = f?.port !== undefined ? `:${f.port}` : '';
  return (
    <Step n={5} title="What the backend receives" trace={trace} area="backend">
      {!f ? (
        <p className="why">
          Nothing: the Gateway answers itself{trace.outcome.status ? ` (${trace.outcome.status})` : ''}.
        </p>
      ) : (
        <>
          <p className="request-line">
            <code>
              {f.method} {f.path}
            </code>{' '}
            over {f.scheme}, Host <code>{f.host}</code>
            {port ? <>, to backend port {f.port}</> : null}
          </p>
          {(trace.outcome.decisions ?? []).includes('sample-most-likely-backend') && (
            <p className="hint">
              With several backends, this is what {mostLikely(trace)} receives: the trace follows the valid backend with
              the largest share (a simulator decision); backendRef filters of the others do not run here.
            </p>
          )}
          <ul className="changed">
            {reqHost !== undefined && f.host.toLowerCase() !== reqHost && (
              <li>
                Host rewritten: <del>{trace.request.host}</del> → <ins>{f.host}</ins>
              </li>
            )}
            {trace.request.path !== undefined && f.path !== trace.request.path && (
              <li>
                Path rewritten: <del>{trace.request.path}</del> → <ins>{f.path}</ins>
              </li>
            )}
          </ul>
          <HeaderTable caption="Request headers the backend receives" headers={Object.entries(f.headers)} />
        </>
      )}
      {(respHeaders.length > 0 || trace.responseHeadersRemoved.length > 0) && (
        <>
          <p>Response headers the Gateway adds or changes on the way back:</p>
          <HeaderTable caption="Response headers added by filters" headers={respHeaders} />
          {trace.responseHeadersRemoved.length > 0 && (
            <p>Removed from the response: {trace.responseHeadersRemoved.join(', ')}</p>
          )}
        </>
      )}
    </Step>
  );
}

function HeaderTable({ caption, headers }: { caption: string; headers: [string, string][] }) {
  if (headers.length === 0) return <p className="hint">No headers.</p>;
  return (
    <table className="kv">
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {headers.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function kv(o: Record<string, unknown>): string {
  return Object.entries(o)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}

function ExtrasStep({ trace }: { trace: Trace }) {
  const items: ReactNode[] = [];
  for (const m of trace.mirrors) {
    items.push(
      <li key={`m-${m.namespace}/${m.name}:${m.port}`}>
        Mirror: a copy of {m.percent} % of requests goes to{' '}
        <code>
          {nsName(m)}
          {m.port !== undefined ? `:${m.port}` : ''}
        </code>
        ; its response is ignored.
      </li>,
    );
  }
  if (trace.timeouts.request)
    items.push(<li key="tr">Request timeout: {trace.timeouts.request} (the whole transaction, retries included).</li>);
  if (trace.timeouts.backendRequest)
    items.push(<li key="tb">Backend request timeout: {trace.timeouts.backendRequest} (each attempt).</li>);
  if (trace.retry) items.push(<li key="re">Retry: {kv(trace.retry)}.</li>);
  if (trace.sessionPersistence) items.push(<li key="sp">Session persistence: {kv(trace.sessionPersistence)}.</li>);
  for (const b of trace.backends) {
    if (!b.tls) continue;
    const ca = b.tls.wellKnownCACertificates
      ? `well-known CAs (${b.tls.wellKnownCACertificates})`
      : (b.tls.caCertificateRefs ?? []).map((r) => `${r.kind} ${r.name}`).join(', ') || 'no CA';
    items.push(
      <li key={`tls-${nsName(b)}:${b.port}`}>
        Backend TLS to <code>{nsName(b)}</code>: SNI {b.tls.sni}, verified with {ca} (BackendTLSPolicy{' '}
        <code>{nsName(b.tls.policy)}</code>).
      </li>,
    );
  }
  if (items.length === 0) return null;
  return (
    <Step n={6} title="Mirrors, timeouts, retries, sessions, backend TLS" trace={trace} area="extras">
      <ul className="extras">{items}</ul>
    </Step>
  );
}
