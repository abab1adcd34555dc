// Share: copies the link and shows it in a text field labelled "Share link". Long links get a warning
// and a "Download scenario" alternative (contracts.md §6, LIMITS.shareWarnChars).
import { useEffect, useId, useRef, useState } from 'react';
import { LIMITS } from '../../engine/limits.ts';
import { hasSecretData, makeShareLink, scenarioFileText } from '../share/actions.ts';
import { CODEC_MISSING } from '../share/codec.ts';
import { useScenario } from '../store/scenario.ts';
import { useUi } from '../store/ui.ts';
import { downloadText } from './files.ts';
import { IconCheck, IconDownload, IconWarning } from './icons.tsx';
import { Modal } from './Modal.tsx';

type State = { phase: 'making' } | { phase: 'ready'; url: string; copied: boolean } | { phase: 'failed'; why: string };

export function ShareDialog() {
  const open = useUi((s) => s.dialog === 'share');
  const close = () => useUi.getState().openDialog(null);
  const [state, setState] = useState<State>({ phase: 'making' });
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  // Share links carry the manifests verbatim: offer to strip Secret data (on by default when there is some).
  const secrets = useScenario((s) => open && hasSecretData(s.manifests));
  const [strip, setStrip] = useState(true);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setState({ phase: 'making' });
    makeShareLink({ stripSecrets: secrets && strip })
      .then(async (url) => {
        if (!live) return;
        if (!url) {
          setState({ phase: 'failed', why: CODEC_MISSING });
          return;
        }
        let copied = false;
        try {
          await navigator.clipboard.writeText(url);
          copied = true;
        } catch {
          // No clipboard permission (or an insecure context): the field below is selected instead.
        }
        if (!live) return;
        setState({ phase: 'ready', url, copied });
        requestAnimationFrame(() => input.current?.select());
      })
      .catch((e: unknown) => live && setState({ phase: 'failed', why: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [open, secrets, strip]);

  const copy = async () => {
    if (state.phase !== 'ready') return;
    input.current?.select();
    try {
      await navigator.clipboard.writeText(state.url);
      setState({ ...state, copied: true });
    } catch {
      useUi.getState().notify('info', 'Press Ctrl+C (⌘C on a Mac) to copy the selected link.');
    }
  };

  const long = state.phase === 'ready' && state.url.length > LIMITS.shareWarnChars;
  const download = () => downloadText('scenario.gateway-sim.json', scenarioFileText(), 'application/json');

  return (
    <Modal
      open={open}
      title="Share this scenario"
      onClose={close}
      footer={
        <button type="button" className="button" onClick={close}>
          Done
        </button>
      }
    >
      <p className="muted">
        The link holds the manifests, test requests, test cases and settings. They travel after the <code>#</code>,
        which browsers never send to a server: only people you give the link to can read it.
      </p>
      {secrets && (
        <label className="field checkbox">
          <input type="checkbox" checked={strip} onChange={(e) => setStrip(e.currentTarget.checked)} /> Strip Secret
          data before sharing (the link keeps each Secret and its keys, without the values)
        </label>
      )}
      {state.phase === 'making' && <p role="status">Making the link…</p>}
      {state.phase === 'failed' && (
        <>
          <p className="callout error" role="alert">
            {state.why}
          </p>
          <p>
            <button type="button" className="button" onClick={download}>
              <IconDownload /> Download scenario
            </button>
          </p>
        </>
      )}
      {state.phase === 'ready' && (
        <>
          <div className="field">
            <label htmlFor={inputId}>Share link</label>
            <div className="input-row">
              <input
                id={inputId}
                ref={input}
                type="text"
                readOnly
                value={state.url}
                spellCheck={false}
                onFocus={(e) => e.currentTarget.select()}
              />
              <button type="button" className="button primary" onClick={copy}>
                Copy
              </button>
            </div>
            <p className="help" role="status">
              {state.copied ? (
                <>
                  <IconCheck /> Copied to the clipboard.{' '}
                </>
              ) : null}
              {state.url.length.toLocaleString('en')} characters.
            </p>
          </div>
          {long && (
            <div className="callout warning">
              <IconWarning />
              <div>
                <p>
                  This link is longer than {LIMITS.shareWarnChars.toLocaleString('en')} characters. Some chat tools and
                  mail clients cut long links, and a cut link cannot be opened. You can send the scenario as a file
                  instead; anyone can open it with <strong>Open file</strong>.
                </p>
                <button type="button" className="button" onClick={download}>
                  <IconDownload /> Download scenario
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </Modal>
  );
}
