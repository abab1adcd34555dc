// Open file / drag-and-drop / Download. File text is data: it goes into the editor, never into HTML.

import { LIMITS } from '../../engine/limits.ts';
import { currentData, useScenario } from '../store/scenario.ts';
import { coerceScenario } from '../store/scenarioData.ts';
import { useUi } from '../store/ui.ts';

export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A scenario file (from "Download scenario") or manifests (YAML or JSON). */
export async function openFile(file: File): Promise<void> {
  const { notify } = useUi.getState();
  if (file.size > LIMITS.pageMaxInputBytes) {
    notify(
      'error',
      `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB, over the page's 16 MB limit. Use the CLI for inputs this large.`,
    );
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    notify('error', `${file.name} could not be read.`);
    return;
  }
  const st = useScenario.getState();
  if (/^\s*\{/.test(text)) {
    try {
      const parsed: unknown = JSON.parse(text);
      const sc = coerceScenario(parsed);
      if (sc && typeof (parsed as { scenarioVersion?: unknown }).scenarioVersion === 'number') {
        st.loadScenario(sc, { kind: 'file', title: file.name });
        return;
      }
    } catch {
      // Not a scenario file: the engine will report JSON manifests' syntax errors with positions.
    }
  }
  st.loadScenario({ ...currentData(st), manifests: text }, { kind: 'file', title: file.name });
}
