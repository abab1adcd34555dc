// Opening and making share links (contracts.md §6). Opening a link never destroys local work: the
// local scenario goes to Recent (store.loadScenario). The URL is updated with replaceState, never per
// keystroke.

import type { Scenario } from '../../engine/index.ts';
import { LIMITS } from '../../engine/limits.ts';
import { ENGINE_VERSION } from '../../engine/version.ts';
import { currentData, useScenario } from '../store/scenario.ts';
import { coerceScenario } from '../store/scenarioData.ts';
import { useUi } from '../store/ui.ts';
import { decodeFragment, encodeFragment } from './codec.ts';
import { classifyFragment, pageUrl, shareUrl } from './fragment.ts';

/** Scenario format version the page writes (the codec migrates older ones). */
export const SCENARIO_VERSION = 1;

/** A share link longer than this is not kept in the address bar while editing (it would be unwieldy). */
const MAX_MIRROR_CHARS = 64_000;

/**
 * Whether the address bar, while it mirrors the scenario (startUrlSync), may carry Secret data. Only
 * when that data was already in a link: one the user made with "Strip Secret data" unticked, or one
 * the page was opened from. Otherwise an edit after a stripped share, or a Secret pasted later, would
 * put the values into the address bar, where copying the URL or the browser history would keep them.
 */
let mirrorKeepsSecrets = false;

/** The manifests with every Secret's data/stringData values removed (the engine's redaction, loaded on use). */
async function stripSecretData(manifests: string): Promise<string> {
  const { redactSecrets } = await import('../../engine/manifest/redact.ts');
  return redactSecrets(manifests).text;
}

function toScenario(): Scenario {
  return { scenarioVersion: SCENARIO_VERSION, engineVersion: ENGINE_VERSION, ...currentData(useScenario.getState()) };
}

function replaceHash(fragment: string | null) {
  const url = fragment ? shareUrl(location.href, fragment) : pageUrl(location.href);
  if (url !== location.href) history.replaceState(history.state, '', url);
}

/**
 * Opens the link in `hash`, if it is one. Returns true when a scenario was loaded. A bad link leaves the
 * current scenario alone, says why, and removes the fragment so that a reload does not repeat the error.
 */
export async function openFragment(hash: string): Promise<boolean> {
  const f = classifyFragment(hash);
  if (f.kind !== 'share') return false;
  const { notify } = useUi.getState();
  if (f.fragment.length > LIMITS.shareMaxInflatedBytes) {
    notify('error', 'This share link is too large to open. Your own work is unchanged.');
    replaceHash(null);
    return false;
  }
  const r = await decodeFragment(f.fragment);
  if (!r.ok) {
    notify('error', `${r.error} Your own work is unchanged.`);
    replaceHash(null);
    return false;
  }
  const data = coerceScenario(r.scenario);
  if (!data) {
    notify('error', 'This share link holds no manifests. Your own work is unchanged.');
    replaceHash(null);
    return false;
  }
  const before = useScenario.getState().recent.length;
  mirrorKeepsSecrets = hasSecretData(data.manifests);
  useScenario.getState().loadScenario(data, { kind: 'link', title: 'Shared link' });
  for (const w of r.warnings) notify('warning', w);
  if (
    r.scenario.engineVersion &&
    r.scenario.engineVersion !== ENGINE_VERSION &&
    !r.warnings.some((w) => /engine/i.test(w))
  ) {
    notify(
      'warning',
      `This link was made with engine ${r.scenario.engineVersion}; this page runs ${ENGINE_VERSION}, so verdicts may differ.`,
    );
  }
  if (useScenario.getState().recent.length > before)
    notify('info', 'Opened a shared scenario. Your previous work is under Examples → Recent.');
  return true;
}

/** True when the manifests hold a Secret with data (the share dialog then offers to strip it). */
export function hasSecretData(manifests: string): boolean {
  // Block, flow and JSON styles (`kind: Secret`, `{kind: Secret, …}`, `"kind": "Secret"`). No nested
  // quantifiers: linear on any input. A false positive only costs a redaction that changes nothing.
  return /\bkind["']?[ \t]*:[ \t]*["']?Secret\b/.test(manifests) && /\b(?:data|stringData)\b/.test(manifests);
}

/**
 * Builds the link for the current scenario and puts it in the address bar. Null if the codec is missing.
 * With `stripSecrets`, the values of every Secret's data/stringData are removed from the link (the
 * local scenario keeps them); the engine module that does it is loaded only then.
 */
export async function makeShareLink(opts: { stripSecrets?: boolean } = {}): Promise<string | null> {
  const scenario = toScenario();
  const secrets = hasSecretData(scenario.manifests);
  if (opts.stripSecrets) scenario.manifests = await stripSecretData(scenario.manifests);
  const fragment = await encodeFragment(scenario);
  if (!fragment) return null;
  mirrorKeepsSecrets = secrets && !opts.stripSecrets;
  replaceHash(fragment);
  return shareUrl(location.href, fragment);
}

/** The scenario as a file, for links too long for chat tools; Open file reads it back. */
export function scenarioFileText(): string {
  return `${JSON.stringify(toScenario(), null, 2)}\n`;
}

/**
 * While the address bar holds a share link, keep it current (1 s after the last change, replaceState),
 * and open a link pasted into the address bar of the open page.
 */
export function startUrlSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsub = useScenario.subscribe((s, p) => {
    if (s.manifests === p.manifests && s.requests === p.requests && s.tests === p.tests && s.settings === p.settings)
      return;
    if (classifyFragment(location.hash).kind !== 'share') return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (classifyFragment(location.hash).kind !== 'share') return;
      const scenario = toScenario();
      if (!mirrorKeepsSecrets && hasSecretData(scenario.manifests))
        scenario.manifests = await stripSecretData(scenario.manifests);
      const fragment = await encodeFragment(scenario).catch(() => null);
      replaceHash(fragment && fragment.length <= MAX_MIRROR_CHARS ? fragment : null);
    }, 1000);
  });
  const onHash = () => void openFragment(location.hash);
  window.addEventListener('hashchange', onHash);
  return () => {
    unsub();
    clearTimeout(timer);
    window.removeEventListener('hashchange', onHash);
  };
}
