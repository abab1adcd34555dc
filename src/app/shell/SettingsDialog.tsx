// Settings: the simulated implementation (features, controllerName, backend kinds) and the simulator
// decisions (SD). SD choices are shown as choices, with what upstream says, never as facts.
import { useEffect, useId, useState } from 'react';
import type { Decisions, ScenarioSettings } from '../../engine/index.ts';
import { DEFAULT_DECISIONS } from '../../engine/options.ts';
import { useScenario } from '../store/scenario.ts';
import { useUi } from '../store/ui.ts';
import { ALL_LISTED_FEATURES, FEATURE_GROUPS } from './features.ts';
import { Modal } from './Modal.tsx';

const DECISION_TEXT: Record<string, { label: string; help: string; options: Record<string, string> }> = {
  hostnamePrecedence: {
    label: 'Hostname precedence',
    help: 'When several routes match, the spec ranks every matching rule; Envoy Gateway first picks the most specific hostname.',
    options: {
      rank: 'Rank every matching rule (spec text)',
      partition: 'Most specific hostname first (Envoy Gateway)',
    },
  },
  grpcHttpSameHostname: {
    label: 'HTTPRoute and GRPCRoute on the same hostname',
    help: 'The API reference says the newer route MUST be rejected; the v1.6 docs say it MAY be.',
    options: { allow: 'Allow both', 'reject-newer': 'Reject the newer route' },
  },
};

function lines(s: string): string[] {
  return s
    .split(/[\n,]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

export function SettingsDialog() {
  const open = useUi((s) => s.dialog === 'settings');
  const close = () => useUi.getState().openDialog(null);
  const settings = useScenario((s) => s.settings);
  const [allFeatures, setAllFeatures] = useState(true);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [otherFeatures, setOtherFeatures] = useState('');
  const [controllerName, setControllerName] = useState('');
  const [backendKinds, setBackendKinds] = useState('');
  const [decisions, setDecisions] = useState<Decisions>(DEFAULT_DECISIONS);
  const ids = { controller: useId(), kinds: useId(), other: useId(), kindsHelp: useId(), ctrlHelp: useId() };

  useEffect(() => {
    if (!open) return;
    setAllFeatures(!settings.features);
    const f = settings.features ?? [];
    setChecked(new Set(f.filter((x) => ALL_LISTED_FEATURES.includes(x))));
    setOtherFeatures(f.filter((x) => !ALL_LISTED_FEATURES.includes(x)).join('\n'));
    setControllerName(settings.controllerName ?? '');
    setBackendKinds((settings.supportedBackendKinds ?? []).join('\n'));
    setDecisions({ ...DEFAULT_DECISIONS, ...(settings.decisions ?? {}) });
  }, [open, settings]);

  const apply = () => {
    const next: ScenarioSettings = { ...settings };
    if (allFeatures) delete next.features;
    else next.features = [...new Set([...checked, ...lines(otherFeatures)])];
    if (controllerName.trim()) next.controllerName = controllerName.trim();
    else delete next.controllerName;
    const kinds = lines(backendKinds);
    if (kinds.length) next.supportedBackendKinds = kinds;
    else delete next.supportedBackendKinds;
    const changed = Object.fromEntries(
      Object.entries(decisions).filter(([k, v]) => DEFAULT_DECISIONS[k as keyof Decisions] !== v),
    );
    if (Object.keys(changed).length) next.decisions = changed;
    else delete next.decisions;
    useScenario.getState().setSettings(next);
    close();
  };

  const toggle = (f: string) => {
    const n = new Set(checked);
    if (n.has(f)) n.delete(f);
    else n.add(f);
    setChecked(n);
  };

  return (
    <Modal
      open={open}
      title="Settings"
      onClose={close}
      wide
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="button primary" onClick={apply}>
            Apply
          </button>
        </>
      }
    >
      <p className="muted">
        These settings describe the implementation being simulated. They are saved with the scenario and travel in share
        links.
      </p>
      <fieldset className="field-group">
        <legend>Supported features</legend>
        <label className="radio">
          <input type="radio" name="features" checked={allFeatures} onChange={() => setAllFeatures(true)} />
          Every feature (a fully conformant implementation)
        </label>
        <label className="radio">
          <input type="radio" name="features" checked={!allFeatures} onChange={() => setAllFeatures(false)} />
          Only the features I choose (Core features are always on)
        </label>
        {!allFeatures && (
          <div className="feature-grid">
            {FEATURE_GROUPS.map((g) => (
              <fieldset key={g.title} className="feature-group">
                <legend>{g.title}</legend>
                {g.features.map((f) => (
                  <label key={f} className="check">
                    <input type="checkbox" checked={checked.has(f)} onChange={() => toggle(f)} />
                    <code>{f}</code>
                  </label>
                ))}
              </fieldset>
            ))}
            <div className="field">
              <label htmlFor={ids.other}>Other feature names (one per line)</label>
              <textarea
                id={ids.other}
                rows={2}
                value={otherFeatures}
                onChange={(e) => setOtherFeatures(e.target.value)}
                spellCheck={false}
              />
            </div>
          </div>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={ids.controller}>Controller name</label>
        <input
          id={ids.controller}
          type="text"
          value={controllerName}
          placeholder="example.com/gateway-controller"
          aria-describedby={ids.ctrlHelp}
          onChange={(e) => setControllerName(e.target.value)}
          spellCheck={false}
        />
        <p id={ids.ctrlHelp} className="help">
          Only GatewayClasses with this controllerName are simulated; others get no status. Leave empty to treat every
          GatewayClass as ours.
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.kinds}>Extra backend kinds (group/Kind, one per line)</label>
        <textarea
          id={ids.kinds}
          rows={2}
          value={backendKinds}
          placeholder="storage.example.com/S3Bucket"
          aria-describedby={ids.kindsHelp}
          onChange={(e) => setBackendKinds(e.target.value)}
          spellCheck={false}
        />
        <p id={ids.kindsHelp} className="help">
          Services are always supported. Add other kinds your implementation accepts in backendRefs.
        </p>
      </div>
      <fieldset className="field-group">
        <legend>Simulator decisions</legend>
        <p className="help">
          Where the Gateway API leaves a choice to implementations, pick the behaviour to simulate.
        </p>
        {Object.keys({ ...DEFAULT_DECISIONS, ...decisions }).map((k) => {
          const t = DECISION_TEXT[k];
          const value = String((decisions as unknown as Record<string, unknown>)[k] ?? '');
          const id = `decision-${k}`;
          return (
            <div className="field" key={k}>
              <label htmlFor={id}>{t?.label ?? k}</label>
              {t ? (
                <select
                  id={id}
                  value={value}
                  onChange={(e) => setDecisions({ ...decisions, [k]: e.target.value } as Decisions)}
                >
                  {Object.entries(t.options).map(([v, label]) => (
                    <option key={v} value={v}>
                      {label}
                      {(DEFAULT_DECISIONS as unknown as Record<string, string>)[k] === v ? ' (default)' : ''}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={id}
                  type="text"
                  value={value}
                  onChange={(e) => setDecisions({ ...decisions, [k]: e.target.value } as Decisions)}
                />
              )}
              {t && <p className="help">{t.help}</p>}
            </div>
          );
        })}
      </fieldset>
    </Modal>
  );
}
