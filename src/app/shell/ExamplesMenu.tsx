// Examples menu: the built-in scenarios (workshop material) and Recent (work set aside when a link,
// an example or a file replaced it). A disclosure with a list of buttons: Tab and arrows move, Escape
// closes and returns focus to the button.
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { EXAMPLES } from '../examples/index.ts';
import { exampleScenario, type RecentEntry, useScenario } from '../store/scenario.ts';
import { IconBook, IconChevron } from './icons.tsx';

function ago(t: number): string {
  const s = Math.max(0, (Date.now() - t) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return new Date(t).toLocaleDateString();
}

export function ExamplesMenu() {
  const [open, setOpen] = useState(false);
  const recent = useScenario((s) => s.recent);
  const current = useScenario((s) => s.origin);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const onDown = (e: PointerEvent) => {
      if (!panel.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const pickExample = (i: number) => {
    const { data, origin } = exampleScenario(i);
    useScenario.getState().loadScenario(data, origin);
    close();
  };
  const pickRecent = (r: RecentEntry) => {
    const st = useScenario.getState();
    // Switching back is itself a replacement: the scenario being left goes to Recent too.
    st.loadScenario(r.scenario, { kind: 'recent', title: r.title });
    useScenario.setState({ recent: useScenario.getState().recent.filter((x) => x.id !== r.id) });
    close();
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    const items = [...(panel.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? items.length - 1
          : (i + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
    items[next]?.focus();
    e.preventDefault();
  };

  // Group by topic, keeping workshop order.
  const topics: { topic: string; items: { i: number; title: string; id: string }[] }[] = [];
  EXAMPLES.forEach((ex, i) => {
    let g = topics.find((t) => t.topic === ex.topic);
    if (!g) {
      g = { topic: ex.topic, items: [] };
      topics.push(g);
    }
    g.items.push({ i, title: ex.title, id: ex.id });
  });

  return (
    <div className="menu-wrap">
      <button
        ref={button}
        type="button"
        className="button ghost"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <IconBook /> Examples <IconChevron />
      </button>
      {open && (
        <div ref={panel} id={panelId} className="menu" onKeyDown={onKey}>
          {recent.length > 0 && (
            <div className="menu-section">
              <h2 className="menu-heading">Recent</h2>
              <ul>
                {recent.map((r) => (
                  <li key={r.id}>
                    <button type="button" className="menu-item" onClick={() => pickRecent(r)}>
                      <span className="menu-title">{r.title}</span>
                      <span className="menu-sub">Set aside {ago(r.savedAt)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {topics.map((t) => (
            <div className="menu-section" key={t.topic}>
              <h2 className="menu-heading">{t.topic}</h2>
              <ul>
                {t.items.map((it) => (
                  <li key={it.id}>
                    <button
                      type="button"
                      className="menu-item"
                      aria-current={current.kind === 'example' && current.exampleId === it.id ? 'true' : undefined}
                      onClick={() => pickExample(it.i)}
                    >
                      <span className="menu-title">{it.title}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <p className="menu-foot">Your current work is kept under Recent when you switch.</p>
        </div>
      )}
    </div>
  );
}
