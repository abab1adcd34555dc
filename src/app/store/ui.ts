// Page chrome state that is not part of the scenario: theme, messages, open dialogs, expanded graph.

import { create } from 'zustand';

export type ThemePref = 'system' | 'light' | 'dark';
export type Dialog = 'settings' | 'help' | 'share' | null;

export interface Notice {
  id: number;
  tone: 'info' | 'warning' | 'error';
  /** Plain text only: notices may quote link or file content, which is never rendered as HTML. */
  text: string;
}

interface UiState {
  theme: ThemePref;
  /** The theme actually shown (system resolved). */
  resolvedTheme: 'light' | 'dark';
  dialog: Dialog;
  notices: Notice[];
  /** The graph has the whole page below the header (the editor and the panels below it are hidden). */
  graphExpanded: boolean;
  setGraphExpanded(v: boolean): void;
  setTheme(t: ThemePref): void;
  setResolvedTheme(t: 'light' | 'dark'): void;
  openDialog(d: Dialog): void;
  notify(tone: Notice['tone'], text: string): number;
  dismiss(id: number): void;
}

const THEME_KEY = 'gateway-sim:theme';

function readTheme(): ThemePref {
  try {
    const t = localStorage.getItem(THEME_KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

function systemDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

export function resolveTheme(t: ThemePref): 'light' | 'dark' {
  return t === 'system' ? (systemDark() ? 'dark' : 'light') : t;
}

let nextNotice = 1;

export const useUi = create<UiState>()((set, get) => ({
  theme: readTheme(),
  resolvedTheme: resolveTheme(readTheme()),
  dialog: null,
  notices: [],
  graphExpanded: false,
  setGraphExpanded: (graphExpanded) => set({ graphExpanded }),
  setTheme: (theme) => {
    try {
      // A one-word preference: localStorage is read synchronously at start, so there is no flash.
      localStorage.setItem(THEME_KEY, theme);
    } catch {}
    set({ theme, resolvedTheme: resolveTheme(theme) });
  },
  setResolvedTheme: (resolvedTheme) => set({ resolvedTheme }),
  openDialog: (dialog) => set({ dialog }),
  notify: (tone, text) => {
    const id = nextNotice++;
    // The same message twice (e.g. the same bad link) is shown once.
    const rest = get().notices.filter((n) => n.text !== text);
    set({ notices: [...rest, { id, tone, text }].slice(-4) });
    return id;
  },
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
}));

/** Applies the theme to <html> and follows the system setting while the preference is "system". */
export function startTheme(): () => void {
  const apply = () => {
    const { theme } = useUi.getState();
    const r = resolveTheme(theme);
    document.documentElement.dataset.theme = r;
    if (useUi.getState().resolvedTheme !== r) useUi.getState().setResolvedTheme(r);
  };
  apply();
  const unsub = useUi.subscribe((s, p) => {
    if (s.theme !== p.theme) apply();
  });
  const mq = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  mq?.addEventListener('change', apply);
  return () => {
    unsub();
    mq?.removeEventListener('change', apply);
  };
}
