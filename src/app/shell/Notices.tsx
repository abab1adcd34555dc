// Messages about links, files and storage. Errors stay until dismissed; the rest fade after a while.
import { useEffect } from 'react';
import { type Notice, useUi } from '../store/ui.ts';
import { IconClose, IconError, IconInfo, IconWarning } from './icons.tsx';

function Item({ n }: { n: Notice }) {
  useEffect(() => {
    if (n.tone === 'error') return;
    const t = setTimeout(() => useUi.getState().dismiss(n.id), n.tone === 'warning' ? 15000 : 8000);
    return () => clearTimeout(t);
  }, [n]);
  return (
    <div className={`notice notice-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
      {n.tone === 'error' ? <IconError /> : n.tone === 'warning' ? <IconWarning /> : <IconInfo />}
      <p>{n.text}</p>
      <button
        type="button"
        className="icon-button"
        aria-label="Dismiss message"
        onClick={() => useUi.getState().dismiss(n.id)}
      >
        <IconClose />
      </button>
    </div>
  );
}

export function Notices() {
  const notices = useUi((s) => s.notices);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <Item key={n.id} n={n} />
      ))}
    </div>
  );
}
