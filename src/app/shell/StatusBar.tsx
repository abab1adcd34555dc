// Where the analysis stands, whether work is saved, and which engine is simulating.
import { useEffect, useState } from 'react';
import { ENGINE_VERSION, GATEWAY_API_VERSION } from '../../engine/version.ts';
import { onSaveState, type SaveState } from '../store/persist.ts';
import { useScenario } from '../store/scenario.ts';
import { cancelAnalysis } from '../worker/live.ts';

function Elapsed({ since }: { since: number }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(t);
  }, []);
  return <>{((performance.now() - since) / 1000).toFixed(1)} s</>;
}

export function StatusBar() {
  const status = useScenario((s) => s.analysisStatus);
  const analysis = useScenario((s) => s.analysis);
  const channel = useScenario((s) => s.settings.channel ?? 'standard');
  const [save, setSave] = useState<SaveState>('saved');
  useEffect(() => onSaveState(setSave), []);

  let text: React.ReactNode;
  if (status.phase === 'slow') text = null;
  else if (status.phase === 'cancelled' || status.phase === 'failed') text = status.message;
  else if (status.phase === 'waiting' || status.phase === 'running' || !analysis) text = 'Checking…';
  else
    text = `Checked ${analysis.counts.objects} object${analysis.counts.objects === 1 ? '' : 's'} in ${Math.max(1, Math.round(analysis.ms))} ms`;

  return (
    <footer className="status-bar">
      <div className="status-left" role="status">
        {status.phase === 'slow' ? (
          <span className="status-slow">
            <span className="progress" aria-hidden="true" />
            {status.message ? `${status.message} ` : ''}Still analysing…{' '}
            <Elapsed since={status.since ?? performance.now()} />
          </span>
        ) : (
          <span className={status.phase === 'failed' ? 'status-error' : undefined}>{text}</span>
        )}
      </div>
      {status.phase === 'slow' && (
        <button type="button" className="button small" onClick={cancelAnalysis}>
          Cancel
        </button>
      )}
      <div className="status-right">
        <span>
          {save === 'failed'
            ? 'Not saved: this browser blocks storage'
            : save === 'saving'
              ? 'Saving…'
              : 'Saved in this browser'}
        </span>
        <span aria-hidden="true">·</span>
        <span>{channel === 'experimental' ? 'Experimental' : 'Standard'} channel</span>
        <span aria-hidden="true">·</span>
        <span>
          Gateway API {GATEWAY_API_VERSION} · engine {ENGINE_VERSION}
        </span>
      </div>
    </footer>
  );
}
