// The request form: protocol, Gateway, port, HTTP/gRPC/TLS fields, header rows, curl paste,
// quick picks. Send with the button, Enter in a field, or Ctrl+Enter anywhere in the form.

import { type KeyboardEvent, useId, useState } from 'react';
import type { SimProtocol } from '../../engine/index.ts';
import { useScenario } from '../store/scenario.ts';
import { parseCurl, toCurl } from './curl.ts';
import {
  defaultPort,
  describeRequest,
  formToRequest,
  hasHeaders,
  hasSni,
  headerRow,
  isHttpLike,
  PROTOCOLS,
  sameRequest,
} from './form.ts';
import { useTester } from './store.ts';
import { verdictOf } from './verdict.ts';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'CONNECT', 'TRACE'];

export function RequestForm() {
  const form = useTester((s) => s.form);
  const setForm = useTester((s) => s.setForm);
  const send = useTester((s) => s.send);
  const running = useTester((s) => s.running);
  const gateways = useScenario((s) => s.analysis?.gateways);
  const requests = useScenario((s) => s.requests);
  const id = useId();
  const p = form.protocol;

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send();
    }
  };

  const gwOptions = [...(gateways ?? [])];
  if (form.gateway && !gwOptions.includes(form.gateway)) gwOptions.push(form.gateway);

  const saveRequest = () => {
    const req = formToRequest(form);
    const list = useScenario.getState().requests;
    if (list.some((r) => sameRequest(r.request, req))) return;
    useScenario.getState().setRequests([...list, { name: describeRequest(req), request: req }]);
  };

  const setHeader = (rowId: number, patch: { name?: string; value?: string }) =>
    setForm({ headers: form.headers.map((r) => (r.id === rowId ? { ...r, ...patch } : r)) });

  const removeHeader = (rowId: number, index: number) => {
    const rows = form.headers.filter((r) => r.id !== rowId);
    setForm({ headers: rows });
    // Keep keyboard focus in the list: the next row's remove button, else the Add button.
    requestAnimationFrame(() => {
      const next = document.getElementById(`${id}-hrm-${rows[Math.min(index, rows.length - 1)]?.id}`);
      (next ?? document.getElementById(`${id}-hadd`))?.focus();
    });
  };

  const addHeader = () => {
    const row = headerRow();
    setForm({ headers: [...form.headers, row] });
    requestAnimationFrame(() => document.getElementById(`${id}-hname-${row.id}`)?.focus());
  };

  return (
    <form
      className="tester-form"
      aria-label="Request"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      {requests.length > 0 && (
        <div className="quick-picks" role="group" aria-label="Saved requests">
          <span className="label-text">Try:</span>
          {requests.map((r, i) => (
            <button
              // biome-ignore lint/suspicious/noArrayIndexKey: saved requests have no identity of their own
              key={i}
              type="button"
              className="chip"
              title={describeRequest(r.request)}
              onClick={() => {
                useTester.getState().loadRequest(r.request);
                void send();
              }}
            >
              {r.name || describeRequest(r.request)}
            </button>
          ))}
        </div>
      )}

      <CurlPaste />

      <div className="form-row">
        <label>
          <span className="label-text">Protocol</span>
          <select value={p} onChange={(e) => setForm({ protocol: e.target.value as SimProtocol })}>
            {PROTOCOLS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="label-text">Gateway</span>
          <select value={form.gateway} onChange={(e) => setForm({ gateway: e.target.value })}>
            <option value="">any</option>
            {gwOptions.map((g) => (
              <option key={g} value={g}>
                {g}
                {gateways && !gateways.includes(g) ? ' (not in the manifests)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="narrow">
          <span className="label-text">Port</span>
          <input
            inputMode="numeric"
            pattern="[0-9]*"
            value={form.port}
            placeholder={String(defaultPort(p) ?? '')}
            onChange={(e) => setForm({ port: e.target.value.replace(/[^0-9]/g, '') })}
          />
        </label>
        {isHttpLike(p) && (
          <>
            <label className="narrow">
              <span className="label-text">Method</span>
              <input
                list={`${id}-methods`}
                value={form.method}
                onChange={(e) => setForm({ method: e.target.value.toUpperCase() })}
                autoComplete="off"
                spellCheck={false}
              />
              <datalist id={`${id}-methods`}>
                {METHODS.map((m) => (
                  <option key={m} value={m} />
                ))}
              </datalist>
            </label>
            <label className="narrow">
              <span className="label-text">HTTP version</span>
              <select
                value={form.httpVersion}
                onChange={(e) => setForm({ httpVersion: e.target.value as '' | '1.1' | '2' })}
              >
                <option value="">auto</option>
                <option value="1.1">1.1</option>
                <option value="2">2</option>
              </select>
            </label>
          </>
        )}
      </div>

      {isHttpLike(p) && (
        <div className="form-row">
          <label className="grow">
            <span className="label-text">Host</span>
            <input
              value={form.host}
              placeholder="foo.example.com"
              onChange={(e) => setForm({ host: e.target.value })}
              spellCheck={false}
            />
          </label>
          <label className="grow2">
            <span className="label-text">Path and query</span>
            <input
              value={form.path}
              placeholder="/"
              onChange={(e) => setForm({ path: e.target.value })}
              spellCheck={false}
            />
          </label>
        </div>
      )}

      {p === 'GRPC' && (
        <div className="form-row">
          <label className="grow">
            <span className="label-text">Host (:authority)</span>
            <input
              value={form.host}
              placeholder="grpc.example.com"
              onChange={(e) => setForm({ host: e.target.value })}
            />
          </label>
          <label className="grow">
            <span className="label-text">gRPC service</span>
            <input
              value={form.grpcService}
              placeholder="pkg.Service"
              onChange={(e) => setForm({ grpcService: e.target.value })}
              spellCheck={false}
            />
          </label>
          <label className="grow">
            <span className="label-text">gRPC method</span>
            <input
              value={form.grpcMethod}
              placeholder="Method"
              onChange={(e) => setForm({ grpcMethod: e.target.value })}
              spellCheck={false}
            />
          </label>
        </div>
      )}

      {hasSni(p) && (
        <div className="form-row">
          <label className="grow">
            <span className="label-text">TLS SNI</span>
            <input
              value={form.sni}
              placeholder={p === 'HTTPS' ? 'same as the host' : 'foo.example.com'}
              onChange={(e) => setForm({ sni: e.target.value })}
              spellCheck={false}
            />
          </label>
        </div>
      )}

      {hasHeaders(p) && (
        <fieldset className="headers">
          <legend>{p === 'GRPC' ? 'Metadata (headers)' : 'Headers'}</legend>
          {form.headers.length === 0 && <p className="hint">No headers.</p>}
          {form.headers.map((r, i) => (
            <div className="header-row" key={r.id}>
              <input
                id={`${id}-hname-${r.id}`}
                aria-label={`Header ${i + 1} name`}
                placeholder="name"
                value={r.name}
                onChange={(e) => setHeader(r.id, { name: e.target.value })}
                spellCheck={false}
              />
              <input
                aria-label={`Header ${i + 1} value`}
                placeholder="value"
                value={r.value}
                onChange={(e) => setHeader(r.id, { value: e.target.value })}
                spellCheck={false}
              />
              <button
                id={`${id}-hrm-${r.id}`}
                type="button"
                className="icon"
                aria-label={`Remove header ${i + 1}${r.name ? ` (${r.name})` : ''}`}
                onClick={() => removeHeader(r.id, i)}
              >
                ×
              </button>
            </div>
          ))}
          <button id={`${id}-hadd`} type="button" onClick={addHeader}>
            Add header
          </button>
        </fieldset>
      )}

      <MoreInputs />

      <div className="form-actions">
        <button type="submit" className="primary" aria-keyshortcuts="Control+Enter">
          Send
        </button>
        <span className="hint">Ctrl+Enter</span>
        {running && <span className="hint">running…</span>}
        <ResultJump />
        <button type="button" onClick={saveRequest}>
          Save as quick pick
        </button>
        <CopyCurl />
      </div>
    </form>
  );
}

function CurlPaste() {
  const [text, setText] = useState('');
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  const id = useId();
  const fill = (t = text) => {
    try {
      const { request, notes } = parseCurl(t);
      const keep = useTester.getState().form.gateway;
      useTester.getState().loadRequest(keep && !request.gateway ? { ...request, gateway: keep } : request);
      setNote(
        notes.length ? { error: false, text: `Filled. Note: ${notes.join('; ')}.` } : { error: false, text: 'Filled.' },
      );
      void useTester.getState().send();
    } catch (e) {
      setNote({ error: true, text: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <div className="curl-paste">
      <label htmlFor={`${id}-curl`} className="label-text">
        Paste a curl command or URL
      </label>
      <div className="curl-row">
        <input
          id={`${id}-curl`}
          value={text}
          placeholder="curl -H 'version: 2' http://foo.example.com/bar"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              e.stopPropagation();
              fill();
            }
          }}
          onPaste={(e) => {
            const pasted = e.clipboardData.getData('text');
            if (pasted && text.trim() === '') {
              // A pasted command fills the form at once (multi-line commands joined first).
              e.preventDefault();
              const one = pasted
                .replace(/\\\r?\n\s*/g, ' ')
                .replace(/\s*\r?\n\s*/g, ' ')
                .trim();
              setText(one);
              fill(one);
            }
          }}
          aria-describedby={note ? `${id}-curl-note` : undefined}
        />
        <button type="button" onClick={() => fill()} disabled={text.trim() === ''}>
          Fill form
        </button>
      </div>
      {note && (
        <p id={`${id}-curl-note`} className={note.error ? 'note error' : 'note'} role={note.error ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
    </div>
  );
}

/** Inputs most requests do not need: a Gateway address, the ExternalAuth verdict, the backend's answer. */
function MoreInputs() {
  const extra = useTester((s) => s.form.extra);
  const protocol = useTester((s) => s.form.protocol);
  const setForm = useTester((s) => s.setForm);
  const set = (patch: Partial<typeof extra>) => {
    const next = { ...extra, ...patch };
    for (const k of Object.keys(patch) as (keyof typeof extra)[]) if (next[k] === undefined) delete next[k];
    setForm({ extra: next });
  };
  const http = isHttpLike(protocol) || protocol === 'GRPC';
  const auth = extra.authAllows === undefined ? '' : extra.authAllows ? 'allow' : 'deny';
  const status = extra.backendResponse?.status;
  const count = [extra.address, extra.authAllows, status].filter((v) => v !== undefined).length;
  return (
    <details className="more-inputs">
      <summary>More request inputs{count ? ` (${count} set)` : ''}</summary>
      <div className="form-row">
        <label className="grow">
          <span className="label-text">Gateway address</span>
          <input
            value={extra.address ?? ''}
            placeholder="10.0.0.1 (optional)"
            spellCheck={false}
            onChange={(e) => set({ address: e.target.value.trim() || undefined })}
          />
        </label>
        {http && (
          <label>
            <span className="label-text">ExternalAuth verdict</span>
            <select
              value={auth}
              onChange={(e) => set({ authAllows: e.target.value === '' ? undefined : e.target.value === 'allow' })}
            >
              <option value="">default (allow)</option>
              <option value="allow">allow</option>
              <option value="deny">deny</option>
            </select>
          </label>
        )}
        {http && (
          <label className="narrow">
            <span className="label-text">Backend answers</span>
            <input
              inputMode="numeric"
              placeholder="200"
              value={status === undefined ? '' : String(status)}
              onChange={(e) => {
                const v = e.target.value.replace(/[^0-9]/g, '').slice(0, 3);
                const { status: _s, ...rest } = extra.backendResponse ?? {};
                const br = v === '' ? rest : { ...rest, status: Number(v) };
                set({ backendResponse: Object.keys(br).length ? br : undefined });
              }}
            />
          </label>
        )}
      </div>
    </details>
  );
}

/** The verdict in one line next to Send (the full result is below the form): a click scrolls to it. */
function ResultJump() {
  const trace = useTester((s) => s.trace);
  if (!trace) return null;
  const v = verdictOf(trace);
  return (
    <button
      type="button"
      className={`result-jump tone-${v.tone}`}
      title="Show the result"
      onClick={() => {
        const el = document.querySelector<HTMLElement>('section[aria-label="Request result"]');
        el?.scrollIntoView({ block: 'start', behavior: 'smooth' });
        el?.querySelector<HTMLElement>('.verdict')?.focus({ preventScroll: true });
      }}
    >
      ↓ {v.headline}
    </button>
  );
}

/** "Copy as curl": the request as a command to try against a real Gateway. */
function CopyCurl() {
  const [shown, setShown] = useState<{ cmd: string; copied: boolean } | null>(null);
  const id = useId();
  const copy = async () => {
    const cmd = toCurl(formToRequest(useTester.getState().form));
    let copied = false;
    try {
      await navigator.clipboard.writeText(cmd);
      copied = true;
    } catch {
      // No clipboard (permissions, insecure context): show it to copy by hand.
    }
    setShown({ cmd, copied });
    if (!copied)
      requestAnimationFrame(() => (document.getElementById(`${id}-cmd`) as HTMLInputElement | null)?.select());
  };
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        Copy as curl
      </button>
      {shown && (
        <div className="copied" role="status">
          <label htmlFor={`${id}-cmd`} className="label-text">
            {shown.copied ? 'Copied to the clipboard:' : 'Copy this command:'}
          </label>
          <input id={`${id}-cmd`} readOnly value={shown.cmd} onFocus={(e) => e.target.select()} />
        </div>
      )}
    </>
  );
}
