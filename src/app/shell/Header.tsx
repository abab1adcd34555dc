import { useId, useRef } from 'react';
import type { Channel } from '../../engine/index.ts';
import { useScenario } from '../store/scenario.ts';
import { type ThemePref, useUi } from '../store/ui.ts';
import { ExamplesMenu } from './ExamplesMenu.tsx';
import { downloadText, openFile } from './files.ts';
import { IconDownload, IconHelp, IconLogo, IconOpen, IconSettings, IconShare } from './icons.tsx';

/** The header bar; `controls` false draws only the brand (the first frame at start-up, App.tsx). */
export function Header({ controls = true }: { controls?: boolean }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const channel = useScenario((s) => s.settings.channel ?? 'standard');
  const theme = useUi((s) => s.theme);
  const ids = { channel: useId(), theme: useId() };

  const setChannel = (c: Channel) => {
    const st = useScenario.getState();
    st.setSettings({ ...st.settings, channel: c });
  };

  return (
    <header className="app-header">
      <div className="brand">
        <IconLogo />
        <h1>gateway-sim</h1>
        <span className="tagline">Gateway API route simulator</span>
      </div>
      {controls && (
        <>
          <nav className="toolbar" aria-label="Scenario">
            <ExamplesMenu />
            <button
              type="button"
              className="button ghost"
              title="Open a YAML file or a saved scenario (or drop it on the page)"
              onClick={() => fileInput.current?.click()}
            >
              <IconOpen /> <span className="collapsible">Open file</span>
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".yaml,.yml,.json,text/yaml,application/json,application/x-yaml"
              hidden
              tabIndex={-1}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void openFile(f);
                e.target.value = '';
              }}
            />
            <button
              type="button"
              className="button ghost"
              title="Download the manifests as manifests.yaml"
              onClick={() => downloadText('manifests.yaml', useScenario.getState().manifests, 'application/yaml')}
            >
              <IconDownload /> <span className="collapsible">Download</span>
            </button>
            <button type="button" className="button primary" onClick={() => useUi.getState().openDialog('share')}>
              <IconShare /> Share
            </button>
          </nav>
          <div className="toolbar toolbar-end">
            <label className="select-label" htmlFor={ids.channel}>
              <span className="visually-hidden">Channel</span>
              <select id={ids.channel} value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
                <option value="standard">Standard channel</option>
                <option value="experimental">Experimental channel</option>
              </select>
            </label>
            <label className="select-label" htmlFor={ids.theme}>
              <span className="visually-hidden">Theme</span>
              <select
                id={ids.theme}
                value={theme}
                onChange={(e) => useUi.getState().setTheme(e.target.value as ThemePref)}
              >
                <option value="system">System theme</option>
                <option value="light">Light</option>
                <option value="dark">Dark</option>
              </select>
            </label>
            <button
              type="button"
              className="button ghost"
              title="Settings: features, controller name, backend kinds, simulator decisions"
              onClick={() => useUi.getState().openDialog('settings')}
            >
              <IconSettings /> <span className="collapsible">Settings</span>
            </button>
            <button
              type="button"
              className="button ghost"
              title="How gateway-sim works"
              onClick={() => useUi.getState().openDialog('help')}
            >
              <IconHelp /> <span className="collapsible">Help</span>
            </button>
          </div>
        </>
      )}
    </header>
  );
}
